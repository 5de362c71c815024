"""
Synthetic Indonesian families, seeded and realistic, at any size.

`generate` yields model objects, `generate_tables` raw tables in chunks
(with realistic data errors on request, listed in a manifest), and
`write_parquet` streams a population to Parquet with bounded memory.

>>> from dayasos.ids import nik
>>> family = next(generate(1, seed=2020))
>>> all(nik.is_valid(p.nik.reveal()) for p in family.persons if p.nik)
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.synthetic._census import PROVINCE_POPULATION, province_weights
from dayasos.synthetic._errors import ERRORS_SCHEMA, ErrorKind
from dayasos.synthetic._generate import (
    DEFAULT_AS_OF,
    RAW_MEMBERS_SCHEMA,
    SyntheticTables,
    generate,
    generate_tables,
)
from dayasos.synthetic._parquet import write_parquet
from dayasos.synthetic._profile import DTKS_LIKE, Profile


__all__ = [
    "DEFAULT_AS_OF",
    "DTKS_LIKE",
    "ERRORS_SCHEMA",
    "PROVINCE_POPULATION",
    "RAW_MEMBERS_SCHEMA",
    "ErrorKind",
    "Profile",
    "SyntheticTables",
    "generate",
    "generate_tables",
    "province_weights",
    "write_parquet",
]
