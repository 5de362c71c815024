"""
Families the model would accept as read: no object needed to know it.

`from_tables` finds most problems with polars expressions, then builds
every family, whose constructors check the rest (a pregnancy for a man,
a death before birth, a membership that goes from graduated to active
...). `settled_rows` names, with expressions, the families none of those
constructor checks could refuse; the others are built as before.

The screen is one-sided: a family it passes would be built without
error, a family it holds back may well be fine (it is then built, and
checked, one object at a time). What it tests comes from the model
itself (its public lifecycle, and each rule probed once on sample
values), not from a copy of the rules.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._layout import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
)
from dayasos.batch._tables import Tables
from dayasos.batch._tables_cells import ROW
from dayasos.batch._tables_ids import REGION_DIGITS, SIXTEEN_DIGITS
from dayasos.errors import DayasosError
from dayasos.ids import Sex
from dayasos.model import (
    Disability,
    DisabilityKind,
    GraduationKind,
    MembershipReason,
    MembershipState,
    Person,
    PregnancyStatus,
    Schooling,
    SchoolLevel,
    Severity,
    Transition,
    allowed_transitions,
)


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["settled_rows", "settled_tables"]

_DAY = dt.date(2020, 1, 1)


def _accepts(build: Callable[[], object]) -> bool:
    try:
        build()
    except DayasosError:
        return False
    return True


@functools.cache
def _rules() -> dict[str, list[str]]:
    """The values each constructor rule accepts, probed once."""
    severity = next(iter(Severity))
    graduation = next(iter(GraduationKind))
    partial = functools.partial
    return {
        "expecting": [
            s.value
            for s in PregnancyStatus
            if Person(id="p", pregnancy=s).is_expecting
        ],
        "kind_with_severity": [
            k.value
            for k in DisabilityKind
            if _accepts(partial(Disability, kind=k, severity=severity))
        ],
        "enrolled_levels": [
            v.value
            for v in SchoolLevel
            if _accepts(partial(Schooling, level=v, enrolled=True))
        ],
        "completed_levels": [
            v.value
            for v in SchoolLevel
            if _accepts(partial(Schooling, level=v, compulsory_completed=True))
        ],
        "graduation_states": [
            s.value
            for s in MembershipState
            if _accepts(
                partial(Transition, state=s, on=_DAY, graduation=graduation)
            )
        ],
        "reason_states": [
            s.value
            for s in MembershipState
            if all(
                _accepts(partial(Transition, state=s, on=_DAY, reason=r))
                for r in MembershipReason
            )
        ],
    }


def _steps() -> pl.DataFrame:
    """Every allowed (previous state, state); no previous at the start."""
    pairs: list[tuple[str | None, str]] = [
        (None, s.value) for s in allowed_transitions(None)
    ]
    pairs += [
        (a.value, b.value)
        for a in MembershipState
        for b in allowed_transitions(a)
    ]
    return pl.DataFrame(
        pairs,
        schema={"__previous": pl.String, "state": pl.String},
        orient="row",
    ).with_columns(pl.lit(value=True).alias("__allowed"))


def _members_held(members: pl.DataFrame) -> pl.Series:
    """Family ids of member rows a `Person` might refuse."""
    rules = _rules()
    pregnancy, sex = pl.col("pregnancy"), pl.col("sex")
    expecting = pregnancy.is_in(rules["expecting"]).fill_null(value=False)
    number = pl.col("pregnancy_number")
    level = pl.col("school_level")
    held = (
        (expecting & (sex != Sex.FEMALE.value).fill_null(value=True))
        | (number.is_not_null() & (~expecting | (number < 1)))
        | pl.col("died_on").is_not_null()
        | (
            pl.col("disability_severity").is_not_null()
            & ~pl.col("disability_kind")
            .is_in(rules["kind_with_severity"])
            .fill_null(value=True)
        )
        | (
            pl.col("enrolled").fill_null(value=False)
            & ~level.is_in(rules["enrolled_levels"]).fill_null(value=True)
        )
        | (
            pl.col("compulsory_completed").fill_null(value=False)
            & ~level.is_in(rules["completed_levels"]).fill_null(value=True)
        )
        | (
            pl.col("nik").is_not_null()
            & ~pl.col("nik").str.contains(SIXTEEN_DIGITS)
        )
    )
    return members.filter(held).get_column("family_id")


def _memberships_held(memberships: pl.DataFrame) -> pl.Series:
    """Family ids of membership rows a `Membership` might refuse."""
    rules = _rules()
    key = ["family_id", "membership"]
    state, since = pl.col("state"), pl.col("since")
    rows = memberships.with_columns(
        state.shift(1).over(key).alias("__previous"),
        since.shift(1).over(key).alias("__since_before"),
        pl.col("program").n_unique().over(key).alias("__programs"),
    ).join(_steps(), on=["__previous", "state"], how="left", nulls_equal=True)
    held = (
        pl.col("__allowed").is_null()
        | since.is_null()
        | (since < pl.col("__since_before")).fill_null(value=False)
        | (pl.col("__programs") > 1)
        | (
            pl.col("graduation").is_not_null()
            & ~state.is_in(rules["graduation_states"])
        )
        | (
            pl.col("reason").is_not_null()
            & ~state.is_in(rules["reason_states"])
        )
    )
    return rows.filter(held).get_column("family_id")


def _families_held(
    families: pl.DataFrame,
    members: pl.DataFrame,
    businesses: pl.DataFrame | None,
) -> pl.Series:
    """Family ids of families rows a `Family` might refuse."""
    decile = pl.col("decile")
    held = families.filter(
        (decile.is_not_null() & ~decile.is_between(1, 10))
        | (
            pl.col("kk").is_not_null()
            & ~pl.col("kk").str.contains(SIXTEEN_DIGITS)
        )
        | (
            pl.col("region").is_not_null()
            & ~pl.col("region").str.contains(REGION_DIGITS)
        )
    ).get_column("family_id")
    if businesses is None or not businesses.height:
        return held
    owners = (
        businesses.filter(pl.col("owner_id").is_not_null())
        .join(families.select(ROW, "family_id"), on=ROW)
        .join(
            members.select("family_id", pl.col("person_id").alias("owner_id")),
            on=["family_id", "owner_id"],
            how="anti",
        )
        .get_column("family_id")
    )
    return pl.concat([held, owners])


def settled_rows(
    families: pl.DataFrame,
    members: pl.DataFrame,
    memberships: pl.DataFrame | None,
    businesses: pl.DataFrame | None,
) -> pl.Series:
    """
    The `ROW` of each family its constructors would accept as read.

    Every frame holds the typed rows of families already free of the
    problems `from_tables` finds with expressions (cells, heads,
    member ids, orphans, NIK consistency).

    .. versionadded:: 0.1.0
    """
    held = [
        _families_held(families, members, businesses),
        _members_held(members),
    ]
    if memberships is not None and memberships.height:
        held.append(_memberships_held(memberships))
    out = pl.concat(held).implode()
    return families.filter(~pl.col("family_id").is_in(out)).get_column(ROW)


def settled_tables(
    families: pl.DataFrame,
    members: pl.DataFrame,
    memberships: pl.DataFrame | None,
    businesses: pl.DataFrame | None,
) -> Tables:
    """
    The typed rows of settled families, in the layout of `Tables`.

    `families` holds the settled families' rows; the other frames may
    hold more families (only those of `families` are kept). Businesses
    go back into the families' list column, in their order; a family
    whose businesses were not collected has none (null).

    .. versionadded:: 0.1.0
    """
    ids = families.get_column("family_id").implode()
    business = FAMILIES_SCHEMA["businesses"]
    items = pl.lit(None, dtype=business)
    frame = families
    if businesses is not None and businesses.height:
        fields = [f.name for f in business.inner.fields]  # type: ignore[attr-defined]
        grouped = (
            businesses.sort(ROW, "index")
            .group_by(ROW, maintain_order=True)
            .agg(pl.struct(*fields).alias("__items"))
        )
        frame = frame.join(grouped, on=ROW, how="left", maintain_order="left")
        items = pl.col("__items")
    laid = frame.select(
        "family_id",
        "kk",
        "region",
        "decile",
        pl.when(pl.col("businesses"))
        .then(items.fill_null(pl.lit([], dtype=business)))
        .alias("businesses"),
        pl.col("memberships_recorded").fill_null(value=False),
    ).cast(FAMILIES_SCHEMA)
    return Tables(
        families=laid,
        members=members.filter(pl.col("family_id").is_in(ids))
        .select(MEMBERS_SCHEMA.names())
        .cast(MEMBERS_SCHEMA),
        memberships=None
        if memberships is None
        else memberships.filter(pl.col("family_id").is_in(ids))
        .select(MEMBERSHIPS_SCHEMA.names())
        .cast(MEMBERSHIPS_SCHEMA),
    )
