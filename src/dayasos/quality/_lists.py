"""
Beneficiary lists: the input of an audit.

A list is a programme's beneficiaries for a period, as tables in the
layout of ``docs/tables.md`` (families, members, memberships) or as one
members-like table. Only the columns the checks need are read, by name:

- families: ``family_id``, ``kk``, ``region``;
- members: ``family_id``, ``person_id``, ``nik``, ``birth_date`` (a date
  or ISO text), ``sex`` (``male``/``female``), ``deceased``, ``died_on``,
  ``state_employment``;
- memberships: ``family_id``, ``membership``, ``program``, ``state``,
  ``since``.

A single members-like table may also carry ``kk`` and ``region``; its
families are then read from it, and a table without ``family_id`` has a
family per row. A missing column is read as unknown (null).

>>> import polars as pl
>>> listed = BeneficiaryList(
...     "bst-jakarta", "BST", "2020-05",
...     pl.DataFrame({"nik": ["3171014107800001"]}),
... )
>>> str(listed.period), listed.families.height, listed.members.height
('2020-05', 1, 1)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import attrs
import polars as pl

from dayasos.periods import Period, parse_period


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["BeneficiaryList", "ListTables", "TablesLike"]


class TablesLike(Protocol):
    """
    Anything with the three tables, such as `dayasos.batch.Tables`.

    .. versionadded:: 0.1.0
    """

    @property
    def families(self) -> pl.DataFrame:
        """The families table."""

    @property
    def members(self) -> pl.DataFrame:
        """The members table."""

    @property
    def memberships(self) -> pl.DataFrame:
        """The memberships table."""


@attrs.frozen(kw_only=True, eq=False)
class ListTables:
    """
    The three tables of a list, when they do not come as a `Tables`.

    .. versionadded:: 0.1.0
    """

    families: pl.DataFrame
    members: pl.DataFrame
    memberships: pl.DataFrame = attrs.field(factory=pl.DataFrame)


_FAMILIES = {"family_id": pl.String, "kk": pl.String, "region": pl.String}
_MEMBERS: Mapping[str, type[pl.DataType]] = {
    "family_id": pl.String,
    "person_id": pl.String,
    "nik": pl.String,
    "sex": pl.String,
    "deceased": pl.Boolean,
    "died_on": pl.Date,
    "state_employment": pl.String,
}
_MEMBERSHIPS: Mapping[str, type[pl.DataType]] = {
    "family_id": pl.String,
    "membership": pl.Int64,
    "program": pl.String,
    "state": pl.String,
    "since": pl.Date,
}


def _read(frame: pl.DataFrame, name: str, kind: type[pl.DataType]) -> pl.Expr:
    if name not in frame.columns:
        return pl.lit(None, dtype=kind).alias(name)
    column = pl.col(name)
    if kind is pl.Boolean and frame.schema[name] == pl.String:
        text = column.str.strip_chars().str.to_lowercase()
        return (
            pl.when(text.is_in(["true", "1"]))
            .then(pl.lit(value=True))
            .when(text.is_in(["false", "0"]))
            .then(pl.lit(value=False))
            .alias(name)
        )
    return column.cast(kind, strict=False)


def _select(
    frame: pl.DataFrame,
    columns: Mapping[str, type[pl.DataType]],
    *more: pl.Expr,
) -> pl.DataFrame:
    return frame.select(
        *(_read(frame, name, kind) for name, kind in columns.items()),
        *more,
    )


def _birth_date(frame: pl.DataFrame) -> pl.Expr:
    if "birth_date" not in frame.columns:
        return pl.lit(None, dtype=pl.Date).alias("birth_date")
    column = pl.col("birth_date")
    if frame.schema["birth_date"] == pl.Date:
        return column
    text = column.cast(pl.String)
    return text.str.to_date("%Y-%m-%d", strict=False).alias("birth_date")


def _period(value: Period | str) -> Period:
    return value if isinstance(value, Period) else parse_period(value)


@attrs.frozen
class BeneficiaryList:
    """
    One programme's list of beneficiaries for a period.

    Args:
        name: The list's name in findings, e.g. ``"bst-2020-05-dki"``.
        program: The programme code, e.g. ``"BST"`` (``"BPNT"`` is read as
            ``"SEMBAKO"`` where programmes are compared).
        period: The period the list pays for: a `dayasos.periods.Period`
            or its code (``"2020-05"``, ``"2020-Q2"``, ``"2020"``).
        tables: The tables (families, members, memberships) or one
            members-like table.

    .. versionadded:: 0.1.0
    """

    name: str
    program: str
    period: Period = attrs.field(converter=_period)
    tables: TablesLike | pl.DataFrame = attrs.field(repr=False)

    @property
    def families(self) -> pl.DataFrame:
        """The family rows: ``family_id``, ``kk``, ``region``, ``row``."""
        if isinstance(self.tables, pl.DataFrame):
            frame = _single(self.tables)
            return (
                _select(frame, _FAMILIES)
                .unique("family_id", keep="first", maintain_order=True)
                .with_row_index("row")
                .with_columns(pl.col("row").cast(pl.Int64))
            )
        return (
            _select(self.tables.families, _FAMILIES)
            .with_row_index("row")
            .with_columns(pl.col("row").cast(pl.Int64))
        )

    @property
    def members(self) -> pl.DataFrame:
        """The member rows, with ``birth_date`` as a date and ``row``."""
        frame = (
            _single(self.tables)
            if isinstance(self.tables, pl.DataFrame)
            else self.tables.members
        )
        return (
            _select(frame, _MEMBERS, _birth_date(frame))
            .with_row_index("row")
            .with_columns(pl.col("row").cast(pl.Int64))
        )

    @property
    def memberships(self) -> pl.DataFrame:
        """The memberships rows (none for a members-like table)."""
        if isinstance(self.tables, pl.DataFrame):
            return _select(pl.DataFrame(), _MEMBERSHIPS)
        return _select(self.tables.memberships, _MEMBERSHIPS)


def _single(frame: pl.DataFrame) -> pl.DataFrame:
    if "family_id" in frame.columns:
        return frame
    return frame.with_columns(
        pl.int_range(pl.len()).cast(pl.String).alias("family_id")
    )
