"""
Populations as columnar tables: the layout and its conversions.

Three long tables joined by ``family_id`` (see `Tables`):
families, members and memberships (one row per dated transition).
`to_tables` writes families; `from_tables` reads them back and rejects,
row by row with a stable code, what cannot be read, so that nothing is
lost. `ColumnMapping` reads a registry's own column names and codes.

Only this package and `dayasos.synthetic` import polars and pyarrow.

>>> import datetime as dt
>>> from dayasos.ids import Sex
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> siti = Person(id="p1", sex=Sex.FEMALE, birth_date=dt.date(1980, 7, 1))
>>> family = Family(
...     id="f1", members=[FamilyMember(person=siti, relation=Relation.HEAD)]
... )
>>> tables = to_tables([family])
>>> tables.members.select("person_id", "sex", "birth_date").row(0)
('p1', 'female', datetime.date(1980, 7, 1))
>>> families, rejects = from_tables(tables)
>>> families == [family], len(rejects)
(True, 0)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from dayasos.batch._columnar import evaluate
from dayasos.batch._columnar_all import evaluate_all, programs_running
from dayasos.batch._columnar_reform import ReformComparison, compare_reform
from dayasos.batch._columnar_support import NotSupported
from dayasos.batch._io import (
    LazyTables,
    load_mapping,
    scan_file,
    scan_tables,
)
from dayasos.batch._io_chunks import ChunkRead, Population, open_population
from dayasos.batch._io_decide import decide_families, result_schema
from dayasos.batch._io_write import OutputFormat, TableWriter
from dayasos.batch._layout import (
    BUSINESS_FIELDS,
    FAMILIES_SCHEMA,
    FAMILY_COLUMNS,
    MEMBER_COLUMNS,
    MEMBERS_SCHEMA,
    MEMBERSHIP_COLUMNS,
    MEMBERSHIPS_SCHEMA,
    TABLE_COLUMNS,
    Column,
    ColumnKind,
)
from dayasos.batch._run import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_ENGINE,
    Engine,
    family_programs,
    run_batch,
)
from dayasos.batch._summary import (
    BatchSummary,
    errors_found,
    format_summary,
)
from dayasos.batch._tables import Tables
from dayasos.batch._tables_mapping import ColumnMapping
from dayasos.batch._tables_read import from_tables
from dayasos.batch._tables_rejects import (
    REJECT_REASONS,
    REJECTS_SCHEMA,
    Rejects,
)
from dayasos.batch._tables_write import to_tables


if TYPE_CHECKING:
    from dayasos.batch._dask import DaskTables, evaluate_dask, reject_dask

#: Names read from `dayasos.batch._dask` when first used: Dask is the
#: ``dask`` extra, not needed by the rest of the package.
_ON_DASK = frozenset({"DaskTables", "evaluate_dask", "reject_dask"})


def __getattr__(name: str) -> object:
    if name in _ON_DASK:
        return getattr(importlib.import_module("dayasos.batch._dask"), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "BUSINESS_FIELDS",
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_ENGINE",
    "FAMILIES_SCHEMA",
    "FAMILY_COLUMNS",
    "MEMBERSHIPS_SCHEMA",
    "MEMBERSHIP_COLUMNS",
    "MEMBERS_SCHEMA",
    "MEMBER_COLUMNS",
    "REJECTS_SCHEMA",
    "REJECT_REASONS",
    "TABLE_COLUMNS",
    "BatchSummary",
    "ChunkRead",
    "Column",
    "ColumnKind",
    "ColumnMapping",
    "DaskTables",
    "Engine",
    "LazyTables",
    "NotSupported",
    "OutputFormat",
    "Population",
    "ReformComparison",
    "Rejects",
    "TableWriter",
    "Tables",
    "compare_reform",
    "decide_families",
    "errors_found",
    "evaluate",
    "evaluate_all",
    "evaluate_dask",
    "family_programs",
    "format_summary",
    "from_tables",
    "load_mapping",
    "open_population",
    "programs_running",
    "reject_dask",
    "result_schema",
    "run_batch",
    "scan_file",
    "scan_tables",
    "to_tables",
]
