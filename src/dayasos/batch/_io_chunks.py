"""
A population read in chunks of families, with checks across chunks.

The families table is cut into chunks of consecutive rows. Each chunk
takes the members and memberships rows of its family ids: one join of
the key columns assigns every row to the chunk of its family before the
first chunk is read, so the input needs no order (a family's rows may be
anywhere in the members and memberships tables, as long as the rows of
one family keep their own order, which is data: the members' order, a
membership's transitions). A chunk reads the span of rows between its
first and last row and keeps its own (with Parquet, only the row groups
in that span): input sorted by family, as registry exports and
`dayasos.synthetic` write it, reads each row once; unsorted input is as
right, only slower, as each chunk then reads a wider span.

Problems that cross chunks are found before the first chunk from the key
columns alone (row number, family id, a hash of the NIK; see
`dayasos.batch._io_checks`), held in memory for the whole population:
tens of bytes per row, not the rows.

- a family id on several rows of the families table: each row is
  rejected (``batch.duplicate_family``) and decided in no chunk;
- members and memberships rows whose family id is on no families row
  (``batch.orphan``) or missing (``batch.required``): they count as no
  family;
- a NIK on several member rows anywhere (``batch.duplicate_nik``): the
  check of `from_tables` within a chunk is replaced by this one, so the
  result does not depend on the chunk size.

Row numbers in rejects are 0-based positions in the input tables.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._io import LazyTables
from dayasos.batch._io_checks import (
    ROW,
    duplicate_families,
    duplicate_niks,
    keys,
    orphans,
)
from dayasos.batch._tables import Tables
from dayasos.batch._tables_mapping import ColumnMapping
from dayasos.batch._tables_read import from_tables, read_families
from dayasos.batch._tables_rejects import REJECTS_SCHEMA
from dayasos.batch._tables_write import to_tables
from dayasos.errors import ValidationError


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from dayasos.model import Family


__all__ = ["ChunkRead", "Population", "open_population"]

_CHUNK = "__chunk"
_FID = pl.col("family_id")
_TABLE_ORDER = {"families": 0, "members": 1, "memberships": 2}


def _require(table: str, lazy: pl.LazyFrame, column: str) -> None:
    names = lazy.collect_schema().names()
    if column not in names:
        raise ValidationError(
            "required column missing; the table has {present}",
            code="serialization.missing_field",
            path=f"{table}.{column}",
            present=", ".join(names) or "no columns",
        )


def _renamed(
    table: str, lazy: pl.LazyFrame, mapping: ColumnMapping
) -> pl.LazyFrame:
    schema = lazy.collect_schema()
    renamed = mapping.rename(table, pl.DataFrame(schema=schema)).columns
    changes = {
        old: new
        for old, new in zip(schema.names(), renamed, strict=True)
        if old != new
    }
    lazy = lazy.rename(changes) if changes else lazy
    _require(table, lazy, "family_id")
    return lazy


@attrs.frozen(kw_only=True, eq=False)
class ChunkRead:
    """
    One chunk of families read: the families to decide and the rejects.

    Most families are kept as typed rows (`settled`): the model would
    accept them as read, so no object is built; the others are built
    (`built`). `order` names every family to decide, in input order.

    Args:
        built: The families built as objects, in input order.
        settled: The tables of the families kept as rows.
        order: The ids of the families to decide, in input order.
        rejects: Rejects of the chunk's rows (`REJECTS_SCHEMA`), with
            row numbers in the input tables.
        input_families: The chunk's rows of the families table.
        rejected_families: Those rejected.

    .. versionadded:: 0.1.0
    """

    built: list[Family]
    settled: Tables
    order: pl.Series
    rejects: pl.DataFrame
    input_families: int
    rejected_families: int

    @property
    def decided_families(self) -> int:
        """The number of families to decide."""
        return self.order.len()

    def tables(self) -> Tables:
        """
        Every family to decide, in the layout, families in input order.

        .. versionadded:: 0.1.0
        """
        built = to_tables(self.built)
        ids = self.order.implode()
        parts = [built, self.settled]

        def stacked(name: str) -> pl.DataFrame:
            frames: list[pl.DataFrame | None] = [
                getattr(t, name) for t in parts
            ]
            found = [f for f in frames if f is not None]
            return pl.concat(found).filter(pl.col("family_id").is_in(ids))

        families = (
            stacked("families")
            .join(
                self.order.to_frame("family_id").with_row_index("__order"),
                on="family_id",
            )
            .sort("__order")
            .drop("__order")
        )
        return Tables(
            families=families,
            members=stacked("members"),
            memberships=stacked("memberships"),
        )

    def families(self) -> list[Family]:
        """
        Every family to decide as an object, in input order.

        The settled families are built here (they pass every check).

        .. versionadded:: 0.1.0
        """
        more, _ = from_tables(self.settled, consistency=False)
        by_id = {f.id: f for f in [*self.built, *more]}
        return [by_id[i] for i in self.order.to_list() if i in by_id]


def _span(lazy: pl.LazyFrame, rows: pl.Series) -> pl.DataFrame:
    """
    The `rows` of `lazy` (row numbers from 0), with their numbers.

    The span between the first and the last row is sliced from the
    table itself, then numbered: a scan reads only that span (numbering
    first would read every row before it).
    """
    if rows.is_empty():
        return lazy.with_row_index(ROW).clear().collect()
    low, high = int(rows.min()), int(rows.max())  # type: ignore[arg-type]
    return (
        lazy.slice(low, high - low + 1)
        .with_row_index(ROW, offset=low)
        .with_columns(pl.col(ROW).cast(pl.Int64))
        .filter(pl.col(ROW).is_in(rows.implode()))
        .collect()
    )


def _globalize(
    rows: pl.DataFrame, frames: dict[str, pl.Series]
) -> pl.DataFrame:
    lookup = pl.concat(
        [
            pl.DataFrame(
                {
                    "table": [table] * len(numbers),
                    "row": pl.int_range(len(numbers), eager=True).cast(
                        pl.Int64
                    ),
                    "global": numbers.cast(pl.Int64),
                }
            )
            for table, numbers in frames.items()
        ]
    )
    return (
        rows.join(
            lookup, on=["table", "row"], how="left", maintain_order="left"
        )
        .with_columns(pl.col("global").alias("row"))
        .drop("global")
    )


@attrs.frozen(kw_only=True, eq=False)
class Population:
    """
    A population opened for reading in chunks (see `open_population`).

    Args:
        lazy: The tables, renamed to the layout.
        mapping: The registry's codes (its names are already ours).
        families: Key columns of the families table.
        members: Key columns of the members table.
        memberships: Key columns of the memberships table.
        rejects: Rejects found across chunks (duplicate family ids,
            orphans) with their row numbers.
        duplicate_niks: Member rows whose NIK is on several rows.

    .. versionadded:: 0.1.0
    """

    lazy: LazyTables
    mapping: ColumnMapping
    families: pl.DataFrame
    members: pl.DataFrame
    memberships: pl.DataFrame | None
    rejects: pl.DataFrame
    duplicate_niks: pl.DataFrame

    @property
    def input_families(self) -> int:
        """The rows of the families table."""
        return self.families.height

    @property
    def rejected_families(self) -> int:
        """Families rows rejected before any chunk is read."""
        return self.rejects.filter(pl.col("table") == "families").height

    def _chunk_tables(
        self, rows: Mapping[str, pl.Series]
    ) -> tuple[Tables, dict[str, pl.Series]]:
        families = _span(self.lazy.families, rows["families"])
        members = _span(self.lazy.members, rows["members"])
        numbers = {
            "families": families.get_column(ROW),
            "members": members.get_column(ROW),
        }
        memberships = None
        if self.lazy.memberships is not None:
            found = _span(self.lazy.memberships, rows["memberships"])
            numbers["memberships"] = found.get_column(ROW)
            memberships = found.drop(ROW)
        tables = Tables(
            families=families.drop(ROW),
            members=members.drop(ROW),
            memberships=memberships,
        )
        return tables, numbers

    def read_chunk(self, rows: Mapping[str, pl.Series]) -> ChunkRead:
        """
        Read one chunk: its rows of each table, as `chunks` gives them.

        .. versionadded:: 0.1.0
        """
        tables, numbers = self._chunk_tables(rows)
        read = read_families(tables, mapping=self.mapping)
        located = _globalize(
            read.rejects.rows.filter(pl.col("code") != "batch.duplicate_nik"),
            numbers,
        )
        built, settled, order = read.built, read.settled, read.order
        niks = self.duplicate_niks.filter(
            pl.col(ROW).is_in(numbers["members"].implode())
        )
        if niks.height:
            people = (
                tables.members.select(
                    pl.col("family_id").cast(pl.String),
                    pl.col("person_id").cast(pl.String),
                )
                .with_columns(numbers["members"].alias(ROW))
                .join(niks, on=ROW)
            )
            extra = people.select(
                pl.lit("members").alias("table"),
                pl.col(ROW).alias("row"),
                "family_id",
                "person_id",
                pl.lit("nik").alias("field"),
                pl.lit("batch.duplicate_nik").alias("code"),
                "message",
                "value",
            ).cast(REJECTS_SCHEMA)
            located = pl.concat([located, extra])
            bad = set(extra.get_column("family_id").to_list())
            built = [f for f in built if f.id not in bad]
            order = order.filter(~order.is_in(list(bad)))
        located = (
            located.with_columns(
                order=pl.col("table").replace_strict(_TABLE_ORDER, default=3)
            )
            .sort("order", "row", maintain_order=True)
            .drop("order")
            .cast(REJECTS_SCHEMA)
        )
        count = tables.families.height
        return ChunkRead(
            built=built,
            settled=settled,
            order=order,
            rejects=located,
            input_families=count,
            rejected_families=count - order.len(),
        )

    def chunks(self, chunk_size: int) -> Iterator[dict[str, pl.Series]]:
        """
        The rows of each table, chunk by chunk of families.

        Families rows are cut in order; each chunk takes the members and
        memberships rows of its family ids, found with one join over the
        key columns for all chunks. Rows whose family id is on several
        families rows are left out: they are in `rejects`.

        .. versionadded:: 0.1.0
        """
        twice = self.rejects.filter(pl.col("table") == "families").get_column(
            "row"
        )
        families = self.families.filter(
            ~pl.col(ROW).is_in(twice.implode())
        ).with_columns(
            (pl.int_range(pl.len(), dtype=pl.Int64) // chunk_size).alias(
                _CHUNK
            )
        )
        owners = families.filter(_FID.is_not_null()).select(
            "family_id", _CHUNK
        )
        others = {
            name: _by_chunk(keys, owners)
            for name, keys in (
                ("members", self.members),
                ("memberships", self.memberships),
            )
            if keys is not None
        }
        empty = pl.Series(ROW, [], dtype=pl.Int64)
        for number, part in enumerate(
            families.partition_by(_CHUNK, maintain_order=True)
        ):
            rows = {"families": part.get_column(ROW)}
            for name, found in others.items():
                rows[name] = found.get(number, empty)
            yield rows


def _by_chunk(
    keys: pl.DataFrame, owners: pl.DataFrame
) -> dict[int, pl.Series]:
    """The rows of a members-like table by the chunk of their family."""
    joined = (
        keys.select(ROW, "family_id")
        .join(owners, on="family_id", how="inner")
        .sort(_CHUNK, ROW)
    )
    parts = joined.partition_by(_CHUNK, as_dict=True, include_key=False)
    return {int(key[0]): part.get_column(ROW) for key, part in parts.items()}


def open_population(
    lazy: LazyTables, *, mapping: ColumnMapping | None = None
) -> Population:
    """
    Rename a population's columns and run the checks across chunks.

    Raises:
        dayasos.errors.ValidationError: A table has no ``family_id``.
        dayasos.errors.ConfigurationError: The mapping and the tables
            disagree.

    .. versionadded:: 0.1.0
    """
    mapping = mapping or ColumnMapping()
    families = _renamed("families", lazy.families, mapping)
    members = _renamed("members", lazy.members, mapping)
    memberships = (
        None
        if lazy.memberships is None
        else _renamed("memberships", lazy.memberships, mapping)
    )
    family_keys = keys(families.with_row_index(ROW))
    has_nik = "nik" in members.collect_schema().names()
    member_keys = keys(members.with_row_index(ROW), nik=has_nik)
    membership_keys = (
        None if memberships is None else keys(memberships.with_row_index(ROW))
    )
    ids = family_keys.get_column("family_id")
    found = [
        duplicate_families(family_keys),
        orphans("members", member_keys, ids),
    ]
    if membership_keys is not None:
        found.append(orphans("memberships", membership_keys, ids))
    niks = (
        duplicate_niks(member_keys, members.with_row_index(ROW))
        if has_nik
        else pl.DataFrame(
            schema={ROW: pl.Int64, "message": pl.String, "value": pl.String}
        )
    )
    return Population(
        lazy=LazyTables(
            families=families, members=members, memberships=memberships
        ),
        mapping=ColumnMapping(values=mapping.values),
        families=family_keys,
        members=member_keys.select(ROW, "family_id"),
        memberships=membership_keys,
        rejects=pl.concat(found),
        duplicate_niks=niks,
    )
