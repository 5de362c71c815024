"""
Indonesian identifiers: NIK, KK numbers and Kemendagri region codes.

One module per identifier, each with the same functions
(see `IdentifierModule`): `nik`, `kk` and `wilayah`.
Value types wrap valid numbers: `NIK` and `KK` mask their personal
digits in ``str`` and ``repr``; `RegionCode` knows its place in the tree.

>>> from dayasos.ids import NIK, nik
>>> nik.is_valid("3171014107800001")
True
>>> NIK("3171014107800001")
NIK('3171********0001')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.ids import kk, nik, wilayah
from dayasos.ids._protocol import IdentifierModule
from dayasos.ids._provinces import Province
from dayasos.ids._region import RegionCode, RegionLevel
from dayasos.ids._region_table import RegionTable, load_region_table
from dayasos.ids._sex import Sex
from dayasos.ids._types import KK, NIK


__all__ = [
    "IDENTIFIER_MODULES",
    "KK",
    "NIK",
    "IdentifierModule",
    "Province",
    "RegionCode",
    "RegionLevel",
    "RegionTable",
    "Sex",
    "kk",
    "load_region_table",
    "nik",
    "wilayah",
]

IDENTIFIER_MODULES: tuple[IdentifierModule, ...] = (nik, kk, wilayah)
"""Every identifier module, for sweeps that treat them alike."""
