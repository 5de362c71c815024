"""
Tables to families: `from_tables`, where nothing read is lost.

>>> import polars as pl
>>> from dayasos.batch import Tables
>>> tables = Tables(
...     families=pl.DataFrame({"family_id": ["f1", "f2"]}),
...     members=pl.DataFrame(
...         {
...             "family_id": ["f1", "f2", "f2"],
...             "person_id": ["p1", "p1", "p2"],
...             "relation": ["head", "head", "anak"],
...         }
...     ),
... )
>>> families, rejects = from_tables(tables)
>>> [f.id for f in families], rejects.rejected_families
(['f1'], 1)
>>> rejects.rows.select("table", "row", "field", "code").row(0)
('members', 2, 'relation', 'serialization.enum')
>>> rejects.balances(families)
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._layout import (
    FAMILY_COLUMNS,
    MEMBER_COLUMNS,
    MEMBERSHIP_COLUMNS,
)
from dayasos.batch._tables_build import build_families
from dayasos.batch._tables_cells import ROW
from dayasos.batch._tables_check import (
    PROBLEMS,
    cell_messages,
    consistency_problems,
    family_problems,
    orphan_problems,
    shown,
)
from dayasos.batch._tables_mapping import ColumnMapping
from dayasos.batch._tables_rejects import REJECTS_SCHEMA, Rejects
from dayasos.batch._tables_screen import settled_rows, settled_tables
from dayasos.batch._tables_table import read_table
from dayasos.errors import mask_personal


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.batch._tables import Tables
    from dayasos.batch._tables_build import Problem
    from dayasos.batch._tables_table import Read
    from dayasos.model import Family


__all__ = ["FamiliesRead", "from_tables", "read_families"]

_TABLE_ORDER = {"families": 0, "members": 1, "memberships": 2}
_PERSONAL = frozenset({"nik", "kk"})


def _values(frame: pl.DataFrame) -> pl.DataFrame:
    raws = frame.get_column("raw").unique().to_list()
    masked = {raw: None if raw is None else mask_personal(raw) for raw in raws}
    scrubbed = {raw: shown(raw) for raw in raws}
    return frame.with_columns(
        pl.when(pl.col("field").is_in(list(_PERSONAL)))
        .then(
            pl.col("raw").replace_strict(
                masked, default=None, return_dtype=pl.String
            )
        )
        .otherwise(
            pl.col("raw").replace_strict(
                scrubbed, default=None, return_dtype=pl.String
            )
        )
        .alias("value")
    )


def _locate(
    table: str, problems: pl.DataFrame, typed: pl.DataFrame
) -> pl.DataFrame:
    """Add the table name and each problem row's family and person."""
    person = (
        pl.col("person_id")
        if "person_id" in typed.columns
        else pl.lit(None, pl.String)
    )
    ids = typed.select(
        pl.col(ROW), pl.col("family_id"), person.alias("person_id")
    )
    located = problems.join(ids, on=ROW, how="left")
    return (
        _values(located)
        .select(
            pl.lit(table).alias("table"),
            pl.col(ROW).alias("row"),
            pl.col("family_id"),
            pl.col("person_id"),
            pl.col("field"),
            pl.col("code"),
            pl.col("message"),
            pl.col("value"),
        )
        .cast(REJECTS_SCHEMA)
    )


def _as_problems(found: Iterable[Problem], table: str) -> pl.DataFrame:
    rows = [
        (p.row, p.field, p.code, p.raw, p.message)
        for p in found
        if p.table == table
    ]
    return pl.DataFrame(rows, schema=PROBLEMS, orient="row")


def _read(
    tables: Tables, mapping: ColumnMapping
) -> tuple[Read, Read, Read | None]:
    families = read_table(
        "families",
        mapping.rename("families", tables.families),
        FAMILY_COLUMNS,
        mapping.values,
    )
    members = read_table(
        "members",
        mapping.rename("members", tables.members),
        MEMBER_COLUMNS,
        mapping.values,
    )
    memberships = None
    if tables.memberships is not None:
        memberships = read_table(
            "memberships",
            mapping.rename("memberships", tables.memberships),
            MEMBERSHIP_COLUMNS,
            mapping.values,
        )
    return families, members, memberships


def _problems(
    families: Read,
    members: Read,
    memberships: Read | None,
    *,
    consistency: bool,
) -> dict[str, list[pl.DataFrame]]:
    ids = families.typed.get_column("family_id")
    on_families, on_members = family_problems(families.typed, members.typed)
    found = {
        "families": [
            cell_messages(families.problems, FAMILY_COLUMNS),
            on_families,
        ],
        "members": [
            cell_messages(members.problems, MEMBER_COLUMNS),
            on_members,
            orphan_problems(members.typed, ids),
        ],
        "memberships": [],
    }
    if memberships is not None:
        found["memberships"] = [
            cell_messages(memberships.problems, MEMBERSHIP_COLUMNS),
            orphan_problems(memberships.typed, ids),
        ]
    if consistency:
        bad = found["members"][0].filter(pl.col("field") == "nik")
        valid = members.typed.filter(
            pl.col("nik").is_not_null()
            & ~pl.col(ROW).is_in(bad.get_column(ROW).implode())
        )
        found["members"].append(consistency_problems(valid))
    return found


def _rejected_rows(families: pl.DataFrame, rows: pl.DataFrame) -> pl.Series:
    """The rows of the families table rejected, for problems anywhere."""
    own = rows.filter(pl.col("table") == "families").get_column("row")
    linked = rows.filter(
        (pl.col("table") != "families") & (pl.col("code") != "batch.orphan")
    ).get_column("family_id")
    by_id = families.filter(
        pl.col("family_id").is_in(linked.drop_nulls().implode())
    ).get_column(ROW)
    return pl.concat([own, by_id]).unique()


@attrs.frozen(kw_only=True, eq=False)
class FamiliesRead:
    """
    Families read from tables: built, or settled as typed rows.

    Args:
        built: The families built as objects, in input order.
        settled: The tables (in the layout) of the families the model
            would accept as read (`settled_rows`), not built.
        order: The ids of every family read (built or settled), in
            input order.
        rejects: What could not be read.

    .. versionadded:: 0.1.0
    """

    built: list[Family]
    settled: Tables
    order: pl.Series
    rejects: Rejects


def from_tables(
    tables: Tables,
    *,
    mapping: ColumnMapping | None = None,
    consistency: bool = True,
) -> tuple[list[Family], Rejects]:
    """
    Read families from tables, rejecting what cannot be read.

    Every row of the families table becomes a `Family` or is rejected
    with the row, field, code and message of each problem found in it,
    in its members' rows or in its memberships' rows.

    Args:
        tables: The tables; columns not in the layout are not read,
            layout columns that are missing are read as null
            (``family_id``, ``person_id``, ``relation`` and the
            memberships' ``family_id``, ``membership``, ``program``,
            ``state`` and ``since`` are required).
        mapping: The registry's own column names and codes.
        consistency: Also reject a NIK on more than one member row
            (``batch.duplicate_nik``) and a NIK whose birth date or sex
            disagree with the recorded ones (``batch.nik_birth_date``,
            ``batch.nik_sex``).

    Returns:
        The families built, in the order of the families table, and the
        rejects.

    Raises:
        dayasos.errors.ValidationError: A required column is missing, or
            a column's type cannot hold its values.
        dayasos.errors.ConfigurationError: The mapping and the tables
            disagree.

    Cells are checked with polars expressions; NIK, KK and region codes
    that the expressions flag are checked once per distinct value with
    `dayasos.ids`; the model's own checks run in its constructors, one
    object at a time.

    .. versionadded:: 0.1.0
    """
    found = read_families(
        tables, mapping=mapping, consistency=consistency, settle=False
    )
    return found.built, found.rejects


def read_families(
    tables: Tables,
    *,
    mapping: ColumnMapping | None = None,
    consistency: bool = True,
    settle: bool = True,
) -> FamiliesRead:
    """
    Read families as `from_tables` does, building only those it must.

    With `settle`, the families whose rows no model constructor could
    refuse (`settled_rows`) are kept as typed rows, in the layout of
    `Tables`: what `to_tables` would write for them once built. The
    others are built and checked one object at a time. The rejects
    are those of `from_tables` either way.

    .. versionadded:: 0.1.0
    """
    families, members, memberships = _read(tables, mapping or ColumnMapping())
    found = _problems(families, members, memberships, consistency=consistency)
    typed = {
        "families": families.typed,
        "members": members.typed,
        "memberships": (
            memberships.typed
            if memberships is not None
            else pl.DataFrame(schema={ROW: pl.Int64, "family_id": pl.String})
        ),
    }
    located = {
        table: _locate(
            table,
            pl.concat(frames) if frames else pl.DataFrame(schema=PROBLEMS),
            typed[table],
        )
        for table, frames in found.items()
    }
    rejected = _rejected_rows(
        families.typed, pl.concat(list(located.values()))
    )
    accepted = families.typed.filter(~pl.col(ROW).is_in(rejected.implode()))
    ids = accepted.get_column("family_id").implode()
    businesses = families.businesses
    held_members = members.typed.filter(pl.col("family_id").is_in(ids))
    held_memberships = (
        None
        if memberships is None
        else memberships.typed.filter(pl.col("family_id").is_in(ids))
    )
    held_businesses = (
        None
        if businesses is None
        else businesses.filter(
            pl.col(ROW).is_in(accepted.get_column(ROW).implode())
        )
    )
    settled = _settled(
        accepted, held_members, held_memberships, held_businesses, settle
    )
    to_build = accepted.filter(~pl.col(ROW).is_in(settled.implode()))
    kept = to_build.get_column("family_id").implode()
    built, refused = build_families(
        to_build,
        held_members.filter(pl.col("family_id").is_in(kept)),
        None
        if held_memberships is None
        else held_memberships.filter(pl.col("family_id").is_in(kept)),
        None
        if held_businesses is None
        else held_businesses.filter(
            pl.col(ROW).is_in(to_build.get_column(ROW).implode())
        ),
    )
    for table, frame in list(located.items()):
        more = _locate(table, _as_problems(refused, table), typed[table])
        located[table] = pl.concat([frame, more])
    rows = (
        pl.concat(list(located.values()))
        .with_columns(
            order=pl.col("table").replace_strict(_TABLE_ORDER, default=3)
        )
        .sort("order", "row", maintain_order=True)
        .drop("order")
        .cast(REJECTS_SCHEMA)
    )
    final = _rejected_rows(families.typed, rows)
    rejects = Rejects(
        rows=rows,
        input_families=families.typed.height,
        rejected_families=final.len(),
    )
    order = families.typed.filter(
        ~pl.col(ROW).is_in(final.implode())
    ).get_column("family_id")
    in_settled = accepted.filter(pl.col(ROW).is_in(settled.implode()))
    return FamiliesRead(
        built=built,
        settled=settled_tables(
            in_settled,
            held_members,
            held_memberships,
            held_businesses,
        ),
        order=order,
        rejects=rejects,
    )


def _settled(
    accepted: pl.DataFrame,
    members: pl.DataFrame,
    memberships: pl.DataFrame | None,
    businesses: pl.DataFrame | None,
    settle: bool,  # noqa: FBT001 - the caller's switch
) -> pl.Series:
    if not settle or not accepted.height:
        return pl.Series(ROW, [], dtype=pl.Int64)
    return settled_rows(accepted, members, memberships, businesses)
