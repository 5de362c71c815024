"""
Hypothesis helpers for rule authors: boundaries and metamorphic checks.

Every comparison a programme makes with a parameter or a constant is a
place where an off-by-one hides.
`boundary_points` lists the values just below, at and just above each
threshold in force (age 59/60/61, decile 4/5, one rupiah either side);
`boundary_values` draws them and `boundary_families` builds families
whose input sits on one of them.

The ``check_*`` helpers state properties every programme has, for a
rule author to call inside a property test:
member order does not matter, amounts are never negative, caps are
respected and the totals add up.

A property test of a programme's decile threshold reads::

    @given(boundary_families(program, params, on, field="decile"))
    def test_decile_boundary(drawn):
        case, family = drawn
        decision = program.decide(family, on=on, params=params)
        check_invariants(program, family, on=on, params=params)
        ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import Counter
from typing import TYPE_CHECKING

import attrs
import pendulum
from hypothesis import reject
from hypothesis import strategies as st

from dayasos.errors import DayasosError
from dayasos.model import Family, FamilyMember
from dayasos.money import Rupiah
from dayasos.rules import Outcome, Threshold
from dayasos.rules._expr import Const, Param
from dayasos.testing._model import families


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from dayasos.periods import TahapSchedule
    from dayasos.policy import ParameterSet
    from dayasos.rules import Decision, Expr, Program


__all__ = [
    "BoundaryCase",
    "boundary_families",
    "boundary_points",
    "boundary_values",
    "check_amounts_not_negative",
    "check_caps",
    "check_invariants",
    "check_member_order",
    "check_totals_add_up",
]

_AGE = re.compile(r"age\((?P<path>.+)\)")
_MEMBER = "members[*]."


@attrs.frozen(kw_only=True)
class BoundaryCase:
    """
    One input value at or next to a threshold.

    .. versionadded:: 0.1.0
    """

    #: The threshold, as `Program.thresholds` gives it.
    threshold: Threshold
    #: The value the input takes.
    value: object
    #: -1 just below, 0 at, +1 just above the threshold's value.
    offset: int


def _step(value: object, offset: int) -> object:
    if isinstance(value, Rupiah):
        return Rupiah(value.amount + offset)
    if isinstance(value, int) and not isinstance(value, bool):
        return value + offset
    return None


def _points(threshold: Threshold) -> list[BoundaryCase]:
    value = threshold.value
    if value is None:
        return []
    if isinstance(value, (tuple, frozenset)):
        return [
            BoundaryCase(threshold=threshold, value=v, offset=0)
            for v in sorted(value, key=str)
        ]
    if isinstance(value, (enum.Enum, str, bool)):
        return [BoundaryCase(threshold=threshold, value=value, offset=0)]
    found = []
    for offset in (-1, 0, 1):
        stepped = _step(value, offset)
        if stepped is not None:
            found.append(
                BoundaryCase(threshold=threshold, value=stepped, offset=offset)
            )
    return found


def boundary_points(
    program: Program,
    params: ParameterSet,
    on: dt.date,
    *,
    field: str | None = None,
) -> tuple[BoundaryCase, ...]:
    """
    Every value at and next to each threshold in force on `on`.

    Numbers and rupiah give three points (one below, at, one above);
    codes and enum members compared for equality or membership give
    each value once.
    `field` keeps only the thresholds on one input, e.g. ``"decile"``
    or ``"age(members[*].person.birth_date)"``.

    Raises:
        ParameterError: when a parameter is not in force on `on`.

    .. versionadded:: 0.1.0
    """
    return tuple(
        point
        for threshold in program.thresholds(params, on)
        if field is None or threshold.field == field
        for point in _points(threshold)
    )


def boundary_values(
    program: Program,
    params: ParameterSet,
    on: dt.date,
    *,
    field: str | None = None,
) -> st.SearchStrategy[BoundaryCase]:
    """
    Draw a value at or next to one of the programme's thresholds.

    `field` keeps only the thresholds on one input (see
    `boundary_points`).

    .. versionadded:: 0.1.0
    """
    points = boundary_points(program, params, on, field=field)
    if not points:
        return st.nothing()
    return st.sampled_from(points)


def _evolve_path(obj: object, parts: Sequence[str], value: object) -> object:
    """`attrs.evolve` along a dotted path; reject when a step is unknown."""
    head, rest = parts[0], parts[1:]
    cls = type(obj)
    if not attrs.has(cls) or head not in attrs.fields_dict(cls):
        reject()
    if not rest:
        return attrs.evolve(obj, **{head: value})  # type: ignore[misc]
    inner = getattr(obj, head)
    if inner is None:
        reject()
    return attrs.evolve(  # type: ignore[misc]
        obj, **{head: _evolve_path(inner, rest, value)}
    )


def _birth_for(age: int, on: dt.date) -> dt.date:
    """A birth date that makes one exactly `age` years old on `on`."""
    day = pendulum.Date(on.year, on.month, on.day).subtract(years=age)
    return dt.date(day.year, day.month, day.day)


def _place(
    family: Family, case: BoundaryCase, on: dt.date, index: int
) -> Family:
    field = case.threshold.field
    value = case.value
    age = _AGE.fullmatch(field)
    if age is not None:
        if not isinstance(value, int) or value < 0:
            reject()
        assert isinstance(value, int)  # noqa: S101 - checked just above
        field = age["path"]
        value = _birth_for(value, on)
    if not field.startswith(_MEMBER):
        if "(" in field:
            reject()
        placed = _evolve_path(family, field.split("."), value)
        assert isinstance(placed, Family)  # noqa: S101 - evolve keeps type
        return placed
    members = list(family.members)
    where = index % len(members)
    member = _evolve_path(
        members[where], field.removeprefix(_MEMBER).split("."), value
    )
    assert isinstance(member, FamilyMember)  # noqa: S101 - evolve keeps type
    members[where] = member
    return attrs.evolve(family, members=members)


@st.composite
def boundary_families(
    draw: st.DrawFn,
    program: Program,
    params: ParameterSet,
    on: dt.date,
    base: st.SearchStrategy[Family] | None = None,
    *,
    field: str | None = None,
) -> tuple[BoundaryCase, Family]:
    """
    Families whose input sits at or next to one of the thresholds.

    A family is drawn from `base` (default `families()`), then the
    threshold's input is set to the boundary value: the family's field
    (``decile``), or one member's field (``members[*].person.sex``);
    an age threshold sets a birth date that makes the member exactly
    that old on `on`.
    Thresholds on counts and memberships are left out;
    `field` keeps only the thresholds on one input.

    Returns:
        The boundary case and the family.

    .. versionadded:: 0.1.0
    """
    case = draw(boundary_values(program, params, on, field=field))
    family = draw(base if base is not None else families())
    index = draw(st.integers(0, 20))
    try:
        return case, _place(family, case, on, index)
    except DayasosError:
        # The value breaks an invariant of the model (a pregnant man,
        # a decile of 0 or 11): not a family, so not a case.
        reject()


def _fail(message: str) -> None:
    raise AssertionError(message)


def check_amounts_not_negative(decision: Decision) -> None:
    """
    No award, period total or yearly total is below zero.

    Raises:
        AssertionError: naming the negative amount.

    .. versionadded:: 0.1.0
    """
    zero = Rupiah(0)
    for award in decision.awards:
        if award.amount < zero:
            _fail(f"{award.member} {award.component}: {award.amount} < 0")
    for period, amount in decision.totals:
        if amount < zero:
            _fail(f"period {period}: {amount} < 0")
    if decision.total < zero:
        _fail(f"total: {decision.total} < 0")


def check_totals_add_up(decision: Decision) -> None:
    """
    The awards add up to the total, and so do the period totals.

    An ineligible or undetermined decision pays nothing.

    Raises:
        AssertionError: with the sums that differ.

    .. versionadded:: 0.1.0
    """
    awards = sum(a.amount.amount for a in decision.awards)
    periods = sum(a.amount for _, a in decision.totals)
    if decision.total.amount != awards:
        _fail(f"total {decision.total} != sum of awards {awards}")
    if decision.total.amount != periods:
        _fail(f"total {decision.total} != sum of periods {periods}")
    if not decision.eligible and decision.awards:
        _fail(f"{decision.verdict.value} decision pays {decision.total}")


def _limit(expr: Expr | None, params: ParameterSet, on: dt.date) -> object:
    if isinstance(expr, Param):
        return params.at(on)[expr.name]
    if isinstance(expr, Const):
        return expr.value
    return None


def check_caps(
    program: Program,
    decision: Decision,
    params: ParameterSet,
) -> None:
    """
    No component or family is paid beyond its limits.

    A component pays at most its ``max_count`` members, a family at
    most the entitlement's ``cap`` awards, a member one component
    (unless ``one_per_member`` is false).

    Limits written as a parameter or a constant are checked;
    computed limits are left out.

    Raises:
        AssertionError: naming the limit exceeded.

    .. versionadded:: 0.1.0
    """
    entitlement = program.entitlement
    if entitlement is None:
        return
    on = decision.on
    cap = _limit(entitlement.cap, params, on)
    if isinstance(cap, int) and len(decision.awards) > cap:
        _fail(f"{len(decision.awards)} awards exceed the cap {cap}")
    counts = Counter(a.component for a in decision.awards)
    for component in entitlement.components:
        limit = _limit(component.max_count, params, on)
        if isinstance(limit, int) and counts[component.code] > limit:
            _fail(
                f"{counts[component.code]} {component.code} awards exceed "
                f"its max_count {limit}"
            )
    if entitlement.one_per_member:
        members = Counter(a.member for a in decision.awards)
        twice = sorted(m for m, n in members.items() if n > 1)
        if twice:
            _fail(f"members paid more than one component: {twice}")


def _summary(decision: Decision) -> tuple[object, ...]:
    return (
        decision.verdict,
        tuple(sorted((c.code, c.outcome.value) for c in decision.criteria)),
        decision.total,
        decision.totals,
    )


def check_member_order(
    program: Program,
    family: Family,
    *,
    on: dt.date,
    params: ParameterSet,
    schedule: TahapSchedule | None = None,
    reorder: Callable[[list[FamilyMember]], Sequence[FamilyMember]]
    | None = None,
) -> Decision:
    """
    Listing the members in another order changes no verdict or amount.

    The family is decided as given and with its members reordered
    (reversed, unless `reorder` is given); the verdicts, each
    criterion's outcome, the yearly total and the period totals must be
    the same.
    (Which member is paid may change between equal amounts.)

    Returns:
        The decision on the family as given.

    Raises:
        AssertionError: showing both decisions' summaries.

    .. versionadded:: 0.1.0
    """
    members = list(family.members)
    shuffled = list(reorder(members) if reorder else reversed(members))
    other = attrs.evolve(family, members=shuffled)
    first = program.decide(family, on=on, params=params, schedule=schedule)
    second = program.decide(other, on=on, params=params, schedule=schedule)
    if _summary(first) != _summary(second):
        _fail(
            "member order changed the decision:\n"
            f"  as given:  {_summary(first)}\n"
            f"  reordered: {_summary(second)}"
        )
    return first


def check_invariants(
    program: Program,
    family: Family,
    *,
    on: dt.date,
    params: ParameterSet,
    schedule: TahapSchedule | None = None,
) -> Decision:
    """
    Every ``check_*`` property at once, on one family.

    Returns:
        The decision on the family.

    Raises:
        AssertionError: from the first property that fails.

    .. versionadded:: 0.1.0
    """
    decision = check_member_order(
        program, family, on=on, params=params, schedule=schedule
    )
    check_amounts_not_negative(decision)
    check_totals_add_up(decision)
    check_caps(program, decision, params)
    if decision.verdict.value == "ineligible" and not any(
        c.outcome is Outcome.FAIL for c in decision.criteria
    ):
        _fail("ineligible without a failed criterion")
    return decision
