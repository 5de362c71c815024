"""
The columnar evaluator on a Dask DataFrame: a population beyond one machine.

The three tables are partitioned by family: each row goes to the
partition its ``family_id`` hashes to, the same one in every table, so
that a family and all its members and memberships meet on one worker.
Each partition is then decided by `evaluate` in polars and handed back
to Dask in pandas, with the same columns on every partition. The same
code runs on a laptop's `distributed.LocalCluster` and on a cluster
reached with ``distributed.Client("tcp://scheduler:8786")``; without a
client, Dask's own local scheduler runs it.

>>> import datetime as dt
>>> from dayasos.batch import DaskTables, to_tables
>>> from dayasos.ids import Sex
>>> from dayasos.model import (
...     Disability, Family, FamilyMember, Person, Relation, StateEmployment,
... )
>>> from dayasos.programs import get
>>> grandma = Person(
...     id="p1", birth_date=dt.date(1950, 6, 6), sex=Sex.FEMALE,
...     state_employment=StateEmployment.NONE, disability=Disability.none(),
... )
>>> family = Family(
...     id="f1", decile=2, memberships=[],
...     members=[FamilyMember(person=grandma, relation=Relation.HEAD)],
... )
>>> population = DaskTables.from_tables(to_tables([family]), npartitions=1)
>>> result = evaluate_dask(population, get("PKH"), on=dt.date(2020, 7, 21))
>>> result.compute()[["family_id", "verdict", "total"]].to_numpy().tolist()
[['f1', 'eligible', 2400000]]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import attrs
import dask.dataframe as dd
import numpy as np
import pandas as pd  # type: ignore[import-untyped]
import polars as pl

from dayasos.batch._columnar import evaluate
from dayasos.batch._layout import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
)
from dayasos.batch._tables import Tables
from dayasos.batch._tables_check import _families_text, shown
from dayasos.batch._tables_read import read_families
from dayasos.batch._tables_rejects import REJECTS_SCHEMA, reason_message
from dayasos.errors import ConfigurationError
from dayasos.programs import get


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from dayasos.policy import Reform
    from dayasos.programs import CatalogueEntry


__all__ = ["DaskTables", "evaluate_dask", "reject_dask"]

_BUCKET = "__dayasos_bucket"
_PART = "__dayasos_part"
_POS = "__dayasos_pos"
_NIK = "__dayasos_nik"
_DUPLICATE = "batch.duplicate_nik"


@attrs.frozen(kw_only=True, eq=False)
class DaskTables:
    """
    The three tables of a population as Dask DataFrames.

    The columns are those of `Tables` (optional ones may be left out);
    the partitions need not follow families: `evaluate_dask` moves the
    rows of each family together.

    Args:
        families: One row per family.
        members: One row per person.
        memberships: One row per membership transition; `None` when the
            data set has no memberships table.

    .. versionadded:: 0.1.0
    """

    families: dd.DataFrame
    members: dd.DataFrame
    memberships: dd.DataFrame | None = None

    @classmethod
    def from_tables(cls, tables: Tables, *, npartitions: int) -> DaskTables:
        """
        Polars tables held in memory, split into `npartitions` parts.

        Meant for tests and small populations: a large one is read with
        ``dask.dataframe.read_parquet`` from shared storage.

        .. versionadded:: 0.1.0
        """

        def split(frame: pl.DataFrame) -> dd.DataFrame:
            pandas = frame.to_pandas(use_pyarrow_extension_array=True)
            parts: dd.DataFrame = dd.from_pandas(  # type: ignore[no-untyped-call]
                pandas, npartitions=npartitions, sort=False
            )
            return parts

        memberships = tables.memberships
        return cls(
            families=split(tables.families),
            members=split(tables.members),
            memberships=None if memberships is None else split(memberships),
        )


def _buckets(ids: pd.Series, npartitions: int) -> np.ndarray[Any, Any]:
    """The partition of each key, the same in every process."""
    text = ids.astype(str).to_numpy(dtype=object)
    hashed: np.ndarray[Any, Any] = pd.util.hash_array(text)
    return (hashed % np.uint64(npartitions)).astype(np.int64)


def _map(
    func: Callable[..., pd.DataFrame],
    *args: object,
    **kwargs: Any,  # noqa: ANN401 - Dask's own keywords, passed through
) -> dd.DataFrame:
    """`dask.dataframe.map_partitions`, typed."""
    mapped: dd.DataFrame = dd.map_partitions(  # type: ignore[no-untyped-call]
        func, *args, **kwargs
    )
    return mapped


def _tagged(
    frame: pd.DataFrame,
    npartitions: int,
    offsets: tuple[int, ...] | None,
    key: str,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """
    `frame` with the partition its `key` goes to and its input place.

    With `offsets` (the first row of each input partition), the place
    is the 0-based row of the whole table.
    """
    number = 0 if partition_info is None else int(partition_info["number"])
    first = 0 if offsets is None or number >= len(offsets) else offsets[number]
    return frame.assign(
        **{
            _BUCKET: _buckets(frame[key], npartitions),
            _PART: np.full(len(frame), number, dtype=np.int64),
            _POS: np.arange(first, first + len(frame), dtype=np.int64),
        }
    )


def _offsets(frame: dd.DataFrame) -> tuple[int, ...]:
    """The row of the whole table each partition starts at (computed)."""
    sizes = frame.map_partitions(len).compute()  # type: ignore[no-untyped-call]
    return tuple(int(n) for n in np.cumsum([0, *sizes])[:-1])


def _by_family(
    frame: dd.DataFrame,
    npartitions: int,
    offsets: tuple[int, ...] | None = None,
    key: str = "family_id",
) -> dd.DataFrame:
    """`frame` moved so that partition ``i`` holds the keys of bucket i."""
    tagged = _map(_tagged, frame, npartitions, offsets, key)
    # The task shuffle moves any column type, pyarrow dates and lists
    # included, which the peer-to-peer one does not.
    moved: dd.DataFrame = tagged.set_index(
        _BUCKET,
        divisions=tuple(range(npartitions + 1)),
        sorted=False,
        shuffle_method="tasks",
    )
    return moved


def _ordered(frame: pd.DataFrame) -> pl.DataFrame:
    """One partition back in polars, in input order."""
    return pl.from_pandas(frame.reset_index(drop=True)).sort(_PART, _POS)


def _polars(frame: pd.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """One partition back in polars, in input order, in layout types."""
    table = _ordered(frame).drop(_PART, _POS)
    return table.cast(
        {
            name: dtype
            for name, dtype in schema.items()
            if name in table.columns
        }
    )


def _pandas(result: pl.DataFrame) -> pd.DataFrame:
    return result.to_pandas(use_pyarrow_extension_array=True)


@attrs.frozen(kw_only=True, eq=False)
class _Decide:
    """
    The task run on each partition: `evaluate` on its families.

    The programme travels to the workers by its catalogue code, and
    each worker takes it from its own catalogue. Dask names a task by
    hashing its arguments; each run has a name of its own.
    """

    code: str
    on: dt.date
    reform: Reform | None
    token: str = attrs.field(factory=lambda: uuid.uuid4().hex)

    def __dask_tokenize__(self) -> str:
        return self.token

    def __call__(
        self,
        families: pd.DataFrame,
        members: pd.DataFrame,
        memberships: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        tables = Tables(
            families=_polars(families, FAMILIES_SCHEMA),
            members=_polars(members, MEMBERS_SCHEMA),
            memberships=None
            if memberships is None
            else _polars(memberships, MEMBERSHIPS_SCHEMA),
        )
        return _pandas(
            evaluate(tables, get(self.code), on=self.on, reform=self.reform)
        )


def _partitions(tables: DaskTables, npartitions: int | None) -> int:
    count = tables.families.npartitions if npartitions is None else npartitions
    if count < 1:
        raise ConfigurationError(
            "expected at least 1 partition, e.g. 8; got {value}",
            code="dask.partitions",
            path="npartitions",
            value=count,
        )
    return count


def evaluate_dask(
    tables: DaskTables,
    entry: CatalogueEntry,
    *,
    on: dt.date,
    reform: Reform | None = None,
    npartitions: int | None = None,
) -> dd.DataFrame:
    """
    Decide a programme for every family of a Dask population.

    Builds a lazy Dask DataFrame: nothing runs until it is computed or
    written (``.to_parquet(folder)``), on the scheduler in use.

    Args:
        tables: The population; its tables may be partitioned in any
            way, and are moved by family id first.
        entry: The programme, e.g. ``dayasos.programs.get("PKH")``: an
            entry of the catalogue, which each worker loads by its code.
        on: The date of the decisions.
        reform: Overrides applied on top of the shipped parameters.
        npartitions: Partitions of the result; the families table's
            count unless told.

    Returns:
        One row per family with the columns of `evaluate`, partitioned
        by family id: within a partition, families keep their input
        order; across partitions, no order holds (sort by
        ``family_id`` to compare).

    Raises:
        ConfigurationError: ``dask.partitions`` when `npartitions` is
            below 1; ``dask.entry`` when `entry` is not the catalogue's
            entry of its code.
        NotSupported: ``columnar.not_supported`` when the rules hold
            a node the columnar evaluator does not compile.
        ParameterError: when a parameter is not in force on `on`.

    .. versionadded:: 0.1.0
    """
    count = _partitions(tables, npartitions)
    if get(entry.code) is not entry:
        raise ConfigurationError(
            "expected a programme of the catalogue, e.g. "
            'dayasos.programs.get("PKH"); got {value}, which is not the '
            "catalogue's entry of that code",
            code="dask.entry",
            path="entry",
            value=entry.code,
        )
    # Fails here, before any task runs, on a parameter out of force.
    meta = _pandas(evaluate(Tables.empty(), entry, on=on, reform=reform))
    frames = [_by_family(tables.families, count)]
    frames.append(_by_family(tables.members, count))
    if tables.memberships is not None:
        frames.append(_by_family(tables.memberships, count))
    return _map(
        _Decide(code=entry.code, on=on, reform=reform),
        *frames,
        meta=meta,
        clear_divisions=True,
        align_dataframes=False,
    )


def _nik_rows(members: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """
    The members whose NIK is read, for the check across partitions.

    Rows of the rejects layout: table ``_NIK``, the NIK as `value`.
    """
    if "nik" not in members.columns:
        return pl.DataFrame(schema=REJECTS_SCHEMA)
    bad = rows.filter(
        (pl.col("table") == "members") & (pl.col("field") == "nik")
    ).get_column("row")
    person = (
        pl.col("person_id").cast(pl.String)
        if "person_id" in members.columns
        else pl.lit(None, pl.String)
    )
    return (
        members.filter(
            pl.col("nik").is_not_null() & ~pl.col(_POS).is_in(bad.implode())
        )
        .select(
            pl.lit(_NIK).alias("table"),
            pl.col(_POS).alias("row"),
            pl.col("family_id").cast(pl.String),
            person.alias("person_id"),
            pl.lit(None, pl.String).alias("field"),
            pl.lit(None, pl.String).alias("code"),
            pl.lit(None, pl.String).alias("message"),
            pl.col("nik").cast(pl.String).alias("value"),
        )
        .cast(REJECTS_SCHEMA)
    )


@attrs.frozen(kw_only=True, eq=False)
class _Duplicates:
    """The task run on each NIK partition: NIKs on two member rows."""

    token: str = attrs.field(factory=lambda: uuid.uuid4().hex)

    def __dask_tokenize__(self) -> str:
        return self.token

    def __call__(self, niks: pd.DataFrame) -> pd.DataFrame:
        found = (
            pl.from_pandas(niks.reset_index(drop=True))
            .sort("row")
            .with_columns(
                count=pl.len().over("value"),
                families=pl.col("family_id")
                .unique(maintain_order=True)
                .over("value", mapping_strategy="join"),
            )
            .filter(pl.col("count") > 1)
        )
        rows = [
            {
                "table": "members",
                "row": r["row"],
                "family_id": r["family_id"],
                "person_id": r["person_id"],
                "field": "nik",
                "code": _DUPLICATE,
                "message": reason_message(
                    _DUPLICATE,
                    count=r["count"],
                    families=_families_text(list(r["families"])),
                ),
                "value": shown(r["value"]),
            }
            for r in found.iter_rows(named=True)
        ]
        return _pandas(pl.DataFrame(rows, schema=REJECTS_SCHEMA))


@attrs.frozen(kw_only=True, eq=False)
class _Reject:
    """
    The task run on each partition: the rejects of its rows.

    Those of `from_tables`, found without building the families the
    model would accept as read (`read_families`).
    """

    token: str = attrs.field(factory=lambda: uuid.uuid4().hex)

    def __dask_tokenize__(self) -> str:
        return self.token

    def __call__(
        self,
        families: pd.DataFrame,
        members: pd.DataFrame,
        memberships: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        frames = {"families": families, "members": members}
        if memberships is not None:
            frames["memberships"] = memberships
        ordered = {name: _ordered(f) for name, f in frames.items()}
        tables = Tables(
            families=ordered["families"].drop(_PART, _POS),
            members=ordered["members"].drop(_PART, _POS),
            memberships=None
            if memberships is None
            else ordered["memberships"].drop(_PART, _POS),
        )
        rejects = read_families(tables).rejects
        places = pl.concat(
            pl.DataFrame(
                {
                    "table": name,
                    "row": pl.int_range(table.height, eager=True),
                    _POS: table.get_column(_POS),
                },
                schema={"table": pl.String, "row": pl.Int64, _POS: pl.Int64},
            )
            for name, table in ordered.items()
        )
        rows = (
            rejects.rows.join(
                places, on=["table", "row"], how="left", maintain_order="left"
            )
            .with_columns(pl.col(_POS).alias("row"))
            .select(REJECTS_SCHEMA.names())
            .filter(pl.col("code") != _DUPLICATE)
        )
        return _pandas(pl.concat([rows, _nik_rows(ordered["members"], rows)]))


def reject_dask(
    tables: DaskTables, *, npartitions: int | None = None
) -> dd.DataFrame:
    """
    The rows of a Dask population that `from_tables` rejects.

    Counts the rows of each input partition first (one pass over the
    data), so that ``row`` is the row of the whole input table, as in
    `from_tables`.

    Args:
        tables: The population; its tables may be partitioned in any
            way, and are moved by family id first.
        npartitions: Partitions of the result; the families table's
            count unless told.

    Returns:
        One row per problem, with the columns of `REJECTS_SCHEMA`,
        partitioned by family id.

    Raises:
        ConfigurationError: ``dask.partitions`` when `npartitions` is
            below 1.

    A NIK on two member rows (``batch.duplicate_nik``) is found across
    partitions: the members whose NIK is read are moved by NIK in a
    second shuffle.

    .. versionadded:: 0.1.0
    """
    count = _partitions(tables, npartitions)
    frames = [
        _by_family(frame, count, _offsets(frame))
        for frame in (tables.families, tables.members, tables.memberships)
        if frame is not None
    ]
    meta = _pandas(pl.DataFrame(schema=REJECTS_SCHEMA))
    found = _map(
        _Reject(),
        *frames,
        meta=meta,
        clear_divisions=True,
        align_dataframes=False,
    )
    niks = _by_family(found[found["table"] == _NIK], count, key="value")
    duplicates = _map(_Duplicates(), niks, meta=meta, clear_divisions=True)
    result: dd.DataFrame = dd.concat(  # type: ignore[no-untyped-call]
        [found[found["table"] != _NIK], duplicates]
    )
    return result
