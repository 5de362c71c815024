"""
Concrete Kemensos programmes, their catalogue and cross-programme rules.

Each programme lives in its own subpackage (``pkh``, ``sembako``,
``bst``, ``kemensos_hadir`` ...) with its rules, its parameters as TOML
files and an ``ENTRY`` for the catalogue.

>>> import datetime as dt
>>> from dayasos.programs import get
>>> get("PKH").beneficiary.value
'family'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.programs._catalogue import (
    BeneficiaryKind,
    CatalogueEntry,
    catalogue,
    get,
)
from dayasos.programs._overlap import (
    Exclusivity,
    Overlap,
    OverlapReport,
    decide_all,
    exclusivity_pairs,
)
from dayasos.programs._quota import (
    Allocation,
    Candidate,
    Grant,
    Split,
    UnservedCandidate,
    UnservedReason,
    allocate,
    apportion,
)


__all__ = [
    "Allocation",
    "BeneficiaryKind",
    "Candidate",
    "CatalogueEntry",
    "Exclusivity",
    "Grant",
    "Overlap",
    "OverlapReport",
    "Split",
    "UnservedCandidate",
    "UnservedReason",
    "allocate",
    "apportion",
    "catalogue",
    "decide_all",
    "exclusivity_pairs",
    "get",
]
