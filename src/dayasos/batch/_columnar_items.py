"""
The tables a columnar rule reads: fields, items and memberships.

Fields of the model map to columns of the layout (``person.sex`` is
``members.sex``); a field with no column of its own is derived from
the columns the model builds it from (``person.has_severe_disability``).
Collections (``members``, ``businesses``, ``memberships``) are long
tables keyed by ``__fam``, the family's row;
each family knows whether it holds them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._columnar_support import refuse
from dayasos.batch._layout import MEMBERSHIPS_SCHEMA


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from dayasos.batch._tables import Tables
    from dayasos.rules._aggregate import ActiveIn
    from dayasos.rules._expr import Field


__all__ = [
    "ItemTables",
    "entity_column",
    "item_column",
    "keyed",
    "place_in_family",
    "segment_sums",
]

_FAMILY: dict[tuple[str, ...], str] = {
    ("id",): "family_id",
    ("kk",): "kk",
    ("region",): "region",
    ("decile",): "decile",
}
_PERSON = {
    "id": "person_id",
    "nik": "nik",
    "name": "name",
    "birth_date": "birth_date",
    "sex": "sex",
    "ppks": "ppks",
    "occupation": "occupation",
    "employment": "employment",
    "covid_affected": "covid_affected",
    "state_employment": "state_employment",
    "pregnancy": "pregnancy",
    "pregnancy_number": "pregnancy_number",
    "hero_status": "hero_status",
    "deceased": "deceased",
    "died_on": "died_on",
}
_NESTED = {
    ("schooling", "level"): "school_level",
    ("schooling", "enrolled"): "enrolled",
    ("schooling", "compulsory_completed"): "compulsory_completed",
    ("disability", "kind"): "disability_kind",
    ("disability", "severity"): "disability_severity",
}
_BUSINESS = ("kind", "owner_id", "covid_affected", "started_on")
_MEMBERSHIP = ("program", "state")
_NULL_BOOL = pl.lit(None, dtype=pl.Boolean)


def entity_column(field: Field) -> pl.Expr:
    """
    The families table's column for a field of the family.

    Raises:
        NotSupported: for a field with no column.

    .. versionadded:: 0.1.0
    """
    name = _FAMILY.get(field.path)
    if name is None:
        kind = f"family.{field.dotted}"
        raise refuse(kind)
    column = pl.col(name)
    return column.cast(pl.Int64) if name == "decile" else column


def _severe() -> pl.Expr:
    kind = pl.col("disability_kind")
    severity = pl.col("disability_severity")
    recorded = (
        pl.col("disability_recorded").fill_null(value=False)
        | kind.is_not_null()
        | severity.is_not_null()
    )
    return (
        pl.when(~recorded)
        .then(_NULL_BOOL)
        .when(kind == "none")
        .then(pl.lit(value=False))
        .when(severity.is_null())
        .then(_NULL_BOOL)
        .otherwise(severity == "severe")
    )


def _person(path: tuple[str, ...], dotted: str) -> pl.Expr:
    if len(path) == 1 and path[0] in _PERSON:
        return pl.col(_PERSON[path[0]])
    if path in _NESTED:
        return pl.col(_NESTED[path])
    if path == ("has_severe_disability",):
        return _severe()
    if path == ("is_expecting",):
        status = pl.col("pregnancy")
        return (
            pl.when(status.is_null())
            .then(_NULL_BOOL)
            .otherwise(status.is_in(["pregnant", "postpartum"]))
        )
    kind = f"member.{dotted}"
    raise refuse(kind)


def item_column(collection: str, field: Field) -> pl.Expr:
    """
    The item table's column for a field of an item of `collection`.

    Raises:
        NotSupported: for a field with no column.

    .. versionadded:: 0.1.0
    """
    path = field.path
    if collection == "members":
        if path == ("relation",):
            return pl.col("relation")
        if path[0] == "person":
            return _person(path[1:], field.dotted)
    elif (collection == "businesses" and path[0] in _BUSINESS) or (
        collection == "memberships" and path[0] in _MEMBERSHIP
    ):
        return pl.col(path[0])
    kind = f"{collection}.{field.dotted}"
    raise refuse(kind)


def _month(on: dt.date) -> tuple[dt.date, dt.date]:
    start = on.replace(day=1)
    if on.month == 12:
        return start, start.replace(year=on.year + 1, month=1)
    return start, start.replace(month=on.month + 1)


def keyed(table: pl.DataFrame, ids: pl.Series) -> pl.DataFrame:
    """
    `table` with ``__fam``, the row of its family in `ids`, by family.

    Rows whose family is not in `ids` are left out. The rows come
    family after family (``__fam`` ascending and flagged sorted, so
    that group-bys over it take polars' sorted path), each family's
    rows in their input order. Runs of rows of one family are looked
    up once per run: by position when the runs follow `ids`, by
    binary search when `ids` are sorted, by a join otherwise.

    .. versionadded:: 0.1.0
    """
    column = table.get_column("family_id")
    if column.null_count():
        table = table.filter(column.is_not_null())
        column = table.get_column("family_id")
    first = (column != column.shift(1)).fill_null(value=True)
    run = first.cum_sum().cast(pl.Int64) - 1
    starts = column.filter(first)
    found: pl.Series
    if starts.len() <= ids.len() and (ids.head(starts.len()) == starts).all():
        found = pl.int_range(starts.len(), dtype=pl.UInt32, eager=True)
    elif ids.is_sorted() and ids.len():
        rows = ids.search_sorted(starts).clip(0, ids.len() - 1)
        found = rows.cast(pl.UInt32).zip_with(
            ids.gather(rows) == starts, pl.Series([None], dtype=pl.UInt32)
        )
    else:
        found = (
            starts.to_frame()
            .join(
                ids.to_frame().with_row_index("__fam"),
                on="family_id",
                how="left",
                maintain_order="left",
            )
            .get_column("__fam")
        )
    keyed_rows = table.with_columns(found.gather(run).alias("__fam"))
    if found.null_count():
        keyed_rows = keyed_rows.filter(pl.col("__fam").is_not_null())
    return _by_family(keyed_rows)


def _by_family(table: pl.DataFrame) -> pl.DataFrame:
    """`table` sorted by ``__fam``, stably, and flagged sorted."""
    if not table.get_column("__fam").is_sorted():
        table = table.sort("__fam", maintain_order=True)
    return table.with_columns(table.get_column("__fam").set_sorted())


def place_in_family() -> pl.Expr:
    """
    Each row's place in its family (0 first), over rows by family.

    .. versionadded:: 0.1.0
    """
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    first = pl.col("__fam") != pl.col("__fam").shift(1)
    start = pl.when(first.fill_null(value=True)).then(row).forward_fill()
    return row - start


def segment_sums(
    frame: pl.LazyFrame, sums: Mapping[str, pl.Expr]
) -> pl.LazyFrame:
    """
    Per family of `frame` (rows family after family): each count's sum.

    One row per family with rows: ``__fam``, one column per entry of
    `sums` (the sum of that integer or boolean expression over the
    family's rows, null as 0) and ``__items``, the number of rows. Running sums
    read at each family's last row, less the previous family's: no
    hashing, whatever the number of families. For counts, not for
    amounts (a running sum of amounts could overflow).

    >>> rows = pl.LazyFrame({"__fam": [0, 0, 2], "x": [True, True, False]})
    >>> segment_sums(rows, {"n": pl.col("x")}).collect().rows()
    [(0, 2, 2), (2, 0, 1)]

    .. versionadded:: 0.1.0
    """
    names = [*sums, "__items"]
    last = (pl.col("__fam") != pl.col("__fam").shift(-1)).fill_null(value=True)
    return (
        frame.select(
            "__fam",
            *(
                e.cast(pl.Int64).fill_null(0).cum_sum().alias(n)
                for n, e in sums.items()
            ),
            pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("__items"),
            last.alias("__last"),
        )
        .filter(pl.col("__last"))
        .select(
            "__fam",
            *(pl.col(n) - pl.col(n).shift(1, fill_value=0) for n in names),
        )
    )


class ItemTables:
    """
    The families table and the collections of each family, lazily.

    .. versionadded:: 0.1.0
    """

    def __init__(self, tables: Tables, families: pl.LazyFrame) -> None:
        self.families = families
        ids = families.select("family_id").collect().get_column("family_id")
        #: The members, family after family, with ``__mem`` (the row)
        #: and ``__index`` (the place in the family).
        # Columns added as series: the member columns are not copied.
        members = keyed(tables.members, ids)
        self.member_rows = members.with_columns(
            pl.int_range(members.height, dtype=pl.UInt32, eager=True).alias(
                "__mem"
            ),
            members.select(place_in_family().alias("__index")).to_series(),
        )
        self.members = self.member_rows.lazy()
        memberships = tables.memberships
        if memberships is None:
            memberships = pl.DataFrame(schema=MEMBERSHIPS_SCHEMA)
        transitions = keyed(memberships, ids)
        self.transitions = transitions.lazy()
        # Whether each family's memberships were collected: it has rows,
        # or says it was asked and holds none.
        having = pl.zeros(ids.len(), dtype=pl.Boolean, eager=True).scatter(
            transitions.get_column("__fam"),
            True,  # noqa: FBT003 - the value set
        )
        recorded = (
            families.select(
                pl.col("memberships_recorded").fill_null(value=False)
            )
            .collect()
            .to_series()
        )
        self._memberships_flags = (having | recorded).alias("__known")
        # A membership is its last row (the rows of one membership name
        # one programme), found by one integer key per membership.
        key = pl.col("__fam").cast(pl.Int64) * 2**32 + (
            pl.col("membership").cast(pl.Int64) + 2**31
        )
        self.held = self.transitions.filter(key.is_last_distinct()).select(
            "__fam",
            "membership",
            "program",
            "state",
            pl.col("since").alias("__last_since"),
            pl.col("graduation").alias("__last_graduation"),
        )

    def frame(self, collection: str) -> pl.LazyFrame:
        """
        One row per item of `collection`, with ``__fam``.

        Raises:
            NotSupported: for a collection with no table.

        .. versionadded:: 0.1.0
        """
        if collection == "members":
            return self.members
        if collection == "businesses":
            return (
                self.families.select("__fam", "businesses")
                .explode("businesses")
                .filter(pl.col("businesses").is_not_null())
                .unnest("businesses")
            )
        if collection == "memberships":
            return self.held
        kind = f"family.{collection}"
        raise refuse(kind)

    def known(self, collection: str) -> pl.LazyFrame:
        """
        ``__fam`` and ``__known``: whether the collection was collected.

        .. versionadded:: 0.1.0
        """
        if collection == "members":
            flag = pl.lit(value=True)
        elif collection == "businesses":
            flag = pl.col("businesses").is_not_null()
        elif collection == "memberships":
            return self._memberships_known()
        else:
            kind = f"family.{collection}"
            raise refuse(kind)
        return self.families.select("__fam", flag.alias("__known"))

    def _memberships_known(self) -> pl.LazyFrame:
        return self.families.select("__fam").with_columns(
            self._memberships_flags
        )

    def active_in(self, expr: ActiveIn, on: dt.date) -> pl.LazyFrame:
        """
        ``__fam`` and ``value``: active in the programme on the date.

        .. versionadded:: 0.1.0
        """
        since, state = pl.col("since"), pl.col("state")
        active = state == "active"
        if expr.span == "day":
            limit = on
            later = pl.lit(value=False)
        else:
            limit, stop = _month(on)
            last_of_day = since != since.shift(-1)
            later = (
                (last_of_day.fill_null(value=True) & active)
                & (since > limit)
                & (since < stop)
            ).any()
        per = (
            self.transitions.filter(pl.col("program") == expr.program)
            .group_by(["__fam", "membership"])
            .agg(
                (
                    (
                        state.filter(since <= limit).last() == "active"
                    ).fill_null(value=False)
                    | later
                ).alias("value")
            )
            .group_by("__fam")
            .agg(pl.col("value").any())
        )
        return self._over_known(per, value_if_none=False)

    def _over_known(
        self, per: pl.LazyFrame, *, value_if_none: bool
    ) -> pl.LazyFrame:
        return (
            self._memberships_known()
            .join(per, on="__fam", how="left")
            .select(
                "__fam",
                pl.when(pl.col("__known"))
                .then(pl.col("value").fill_null(value=value_if_none))
                .otherwise(_NULL_BOOL)
                .alias("value"),
            )
        )

    def graduated_from(
        self, program: str, kinds: list[str] | None, limit: pl.Expr
    ) -> pl.LazyFrame:
        """
        ``__fam`` and ``value``: graduated before `limit` (of `kinds`).

        .. versionadded:: 0.1.0
        """
        bases = self.families.select(
            "__fam", limit.alias("__limit")
        ).with_columns(self._memberships_flags)
        grads = self.held.filter(
            (pl.col("program") == program) & (pl.col("state") == "graduated")
        ).select("__fam", "__last_since", "__last_graduation")
        if limit.meta.root_names():
            grads = grads.join(
                bases.select("__fam", "__limit"),
                on="__fam",
                how="left",
                maintain_order="left",
            )
        else:
            grads = grads.with_columns(limit.alias("__limit"))
        day, kind = pl.col("__last_since"), pl.col("__last_graduation")
        before = (day < pl.col("__limit")).fill_null(value=False)
        per = segment_sums(
            grads,
            {
                "__before": before,
                "__of_kind": (before & kind.is_in(kinds or [])).fill_null(
                    value=False
                ),
                "__open": before & kind.is_null(),
            },
        ).select(
            "__fam",
            pl.col("__items").alias("__found"),
            pl.col("__before") > 0,
            pl.col("__of_kind") > 0,
            pl.col("__open") > 0,
        )
        until = pl.col("__limit")
        if kinds is None:
            decided = pl.col("__before")
        else:
            decided = (
                pl.when(pl.col("__of_kind"))
                .then(pl.lit(value=True))
                .when(pl.col("__open"))
                .then(_NULL_BOOL)
                .otherwise(pl.lit(value=False))
            )
        found = pl.col("__found").fill_null(0) > 0
        value = (
            pl.when(~pl.col("__known"))
            .then(_NULL_BOOL)
            .when(until.is_null())
            .then(
                pl.when(found).then(_NULL_BOOL).otherwise(pl.lit(value=False))
            )
            .when(~found)
            .then(pl.lit(value=False))
            .otherwise(decided)
        )
        return bases.join(
            per, on="__fam", how="left", maintain_order="left"
        ).select("__fam", value.alias("value"))
