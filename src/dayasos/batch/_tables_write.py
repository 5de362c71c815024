"""
Families to tables: `to_tables`.

>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> head = Person(id="p1", name="Budi")
>>> family = Family(
...     id="f1", members=[FamilyMember(person=head, relation=Relation.HEAD)]
... )
>>> tables = to_tables([family])
>>> tables.members.select("family_id", "person_id", "relation").row(0)
('f1', 'p1', 'head')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from dayasos.batch._layout import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
)
from dayasos.batch._tables import Tables


if TYPE_CHECKING:
    import enum
    from collections.abc import Iterable, Sequence

    from dayasos.model import Family, Person


__all__ = ["frame_from_rows", "to_tables"]


def _code(member: enum.Enum | None) -> object:
    # ``_value_`` is the member's value as stored: ``value`` reads the
    # same through a descriptor, several times slower per row.
    return None if member is None else member._value_


def _person_row(
    family_id: str, relation: str, person: Person
) -> tuple[object, ...]:
    disability = person.disability
    schooling = person.schooling
    return (
        family_id,
        person.id,
        relation,
        None if person.nik is None else person.nik.reveal(),
        person.name,
        person.birth_date,
        _code(person.sex),
        disability is not None,
        None if disability is None else _code(disability.kind),
        None if disability is None else _code(disability.severity),
        None if person.ppks is None else sorted(c.value for c in person.ppks),
        schooling is not None,
        None if schooling is None else _code(schooling.level),
        None if schooling is None else schooling.enrolled,
        None if schooling is None else schooling.compulsory_completed,
        _code(person.occupation),
        _code(person.employment),
        person.covid_affected,
        _code(person.state_employment),
        _code(person.pregnancy),
        person.pregnancy_number,
        _code(person.hero_status),
        person.deceased,
        person.died_on,
    )


def _family_row(family: Family) -> tuple[object, ...]:
    businesses = None
    if family.businesses is not None:
        businesses = [
            {
                "kind": _code(b.kind),
                "owner_id": b.owner_id,
                "covid_affected": b.covid_affected,
                "started_on": b.started_on,
            }
            for b in family.businesses
        ]
    return (
        family.id,
        None if family.kk is None else family.kk.reveal(),
        None if family.region is None else family.region.code,
        family.decile,
        businesses,
        family.memberships is not None,
    )


_SEPARATOR = "\x1f"


def _codes_series(name: str, values: Sequence[Any]) -> pl.Series:
    """A list-of-text column, built through one split (fast in polars)."""
    joined = [None if v is None else _SEPARATOR.join(v) for v in values]
    text = pl.Series(name, joined, dtype=pl.String)
    return pl.select(
        pl.when(text == "")
        .then(pl.lit([], dtype=pl.List(pl.String)))
        .otherwise(text.str.split(_SEPARATOR))
        .alias(name)
    ).to_series()


def _struct_series(
    name: str, values: Sequence[Any], dtype: pl.List
) -> pl.Series:
    """A list-of-struct column, built from flat columns and grouped."""
    inner = dtype.inner
    if not isinstance(inner, pl.Struct):  # pragma: no cover - layout types
        return pl.Series(name, values, dtype=dtype)
    fields = [f.name for f in inner.fields]
    at: list[int] = []
    flat: dict[str, list[object]] = {f: [] for f in fields}
    for i, items in enumerate(values):
        for item in items or ():
            at.append(i)
            for f in fields:
                flat[f].append(item[f])
    items_frame = pl.DataFrame(
        {"__at": at, **flat},
        schema={"__at": pl.Int64, **{f.name: f.dtype for f in inner.fields}},
    )
    grouped = items_frame.group_by("__at").agg(pl.struct(*fields).alias(name))
    known = pl.DataFrame(
        {
            "__at": range(len(values)),
            "__known": [v is not None for v in values],
        },
        schema={"__at": pl.Int64, "__known": pl.Boolean},
    )
    return (
        known.join(grouped, on="__at", how="left", maintain_order="left")
        .select(
            pl.when(pl.col("__known"))
            .then(pl.col(name).fill_null(pl.lit([], dtype=dtype)))
            .alias(name)
        )
        .to_series()
        .cast(dtype)
    )


def frame_from_rows(
    rows: Sequence[Sequence[object]], schema: pl.Schema
) -> pl.DataFrame:
    """
    Build a table from row tuples, column by column.

    List columns go through flat columns, which polars builds much faster
    than from nested Python lists.
    """
    if not rows:
        return pl.DataFrame(schema=schema)
    columns = zip(*rows, strict=True)
    series = []
    for (name, dtype), values in zip(schema.items(), columns, strict=True):
        if isinstance(dtype, pl.List) and isinstance(dtype.inner, pl.Struct):
            series.append(_struct_series(name, values, dtype))
        elif isinstance(dtype, pl.List):
            series.append(_codes_series(name, values))
        else:
            series.append(pl.Series(name, values, dtype=dtype))
    return pl.DataFrame(series)


def to_tables(families: Iterable[Family]) -> Tables:
    """
    Write families as the three tables of the layout.

    NIK and KK numbers are written in full: the tables are the data.
    Members and memberships keep their order; the transitions of a
    membership are numbered by the membership's position in the family,
    from 1.

    .. versionadded:: 0.1.0
    """
    family_rows: list[tuple[object, ...]] = []
    member_rows: list[tuple[object, ...]] = []
    membership_rows: list[tuple[object, ...]] = []
    for family in families:
        family_rows.append(_family_row(family))
        member_rows.extend(
            _person_row(family.id, m.relation.value, m.person)
            for m in family.members
        )
        for number, membership in enumerate(family.memberships or (), 1):
            membership_rows.extend(
                (
                    family.id,
                    number,
                    membership.program,
                    step.state.value,
                    step.on,
                    _code(step.reason),
                    _code(step.graduation),
                    step.note,
                )
                for step in membership.history
            )
    return Tables(
        families=frame_from_rows(family_rows, FAMILIES_SCHEMA),
        members=frame_from_rows(member_rows, MEMBERS_SCHEMA),
        memberships=frame_from_rows(membership_rows, MEMBERSHIPS_SCHEMA),
    )
