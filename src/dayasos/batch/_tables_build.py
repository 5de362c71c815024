"""
Typed rows to model objects.

The checks of the model itself (a pregnancy for a woman only, legal
membership steps, dates in order ...) run in its constructors, as for any
other input; a family whose objects cannot be built is rejected with the
row and field of the first problem found in it.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections
import enum
import functools
import re
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from dayasos.batch._tables_ids import message_of
from dayasos.batch._tables_rejects import reason_message
from dayasos.errors import DayasosError
from dayasos.ids import KK, NIK, RegionCode, Sex
from dayasos.model import (
    PPKS,
    BusinessKind,
    Disability,
    DisabilityKind,
    EmploymentStatus,
    Family,
    FamilyMember,
    GraduationKind,
    HeroStatus,
    Membership,
    MembershipReason,
    MembershipState,
    MicroBusiness,
    Occupation,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
    Severity,
    StateEmployment,
    Transition,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import polars as pl


__all__ = ["Problem", "build_families"]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def _lookup(enum_type: type[E]) -> Callable[[object], E | None]:
    members = {m.value: m for m in enum_type}
    return lambda code: None if code is None else members[code]


_RELATIONS = {r.value: r for r in Relation}
_sex = _lookup(Sex)
_disability = _lookup(DisabilityKind)
_severity = _lookup(Severity)
_level = _lookup(SchoolLevel)
_occupation = _lookup(Occupation)
_employment = _lookup(EmploymentStatus)
_state_employment = _lookup(StateEmployment)
_pregnancy = _lookup(PregnancyStatus)
_hero = _lookup(HeroStatus)
_reason = _lookup(MembershipReason)
_graduation = _lookup(GraduationKind)
_business = _lookup(BusinessKind)
_PPKS = {c.value: c for c in PPKS}
_STATES = {s.value: s for s in MembershipState}


@attrs.frozen
class Problem:
    """A row that the model refused: where, and the error."""

    table: str
    row: int
    field: str
    code: str
    message: str
    raw: str | None


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _make(
    build: Callable[[], T],
    table: str,
    row: int,
    field: Callable[[str], str],
    raw: object = None,
) -> T:
    try:
        return build()
    except DayasosError as exc:
        problem = Problem(
            table=table,
            row=row,
            field=field(exc.path),
            code=exc.error_code,
            message=message_of(exc),
            raw=_shown(raw if raw is not None else exc.value),
        )
        raise _Refused(problem) from exc


def _shown(value: object) -> str | None:
    if value is None:
        return None
    return value.value if isinstance(value, enum.Enum) else str(value)


def _named(name: str) -> Callable[[str], str]:
    return lambda _path: name


_PERSON_FIELDS = {
    "level": "school_level",
    "severity": "disability_severity",
}


def _person_field(path: str) -> str:
    return _PERSON_FIELDS.get(path, path) or "person_id"


def _person(values: tuple[Any, ...]) -> Person:
    (
        row,
        _family_id,
        person_id,
        _relation_code,
        nik,
        name,
        birth_date,
        sex,
        disability_recorded,
        disability_kind,
        disability_severity,
        ppks,
        schooling_recorded,
        school_level,
        enrolled,
        compulsory_completed,
        occupation,
        employment,
        covid_affected,
        state_employment,
        pregnancy,
        pregnancy_number,
        hero_status,
        deceased,
        died_on,
    ) = values
    number = None
    if nik is not None:
        number = _make(lambda: NIK(nik), "members", row, _named("nik"), nik)
    disability = None
    if disability_recorded or disability_kind or disability_severity:
        disability = _make(
            lambda: Disability(
                kind=_disability(disability_kind),
                severity=_severity(disability_severity),
            ),
            "members",
            row,
            _person_field,
            disability_severity,
        )
    schooling = None
    if schooling_recorded or any(
        v is not None for v in (school_level, enrolled, compulsory_completed)
    ):
        schooling = _make(
            lambda: Schooling(
                level=_level(school_level),
                enrolled=enrolled,
                compulsory_completed=compulsory_completed,
            ),
            "members",
            row,
            _person_field,
        )
    return _make(
        lambda: Person(
            id=person_id,
            nik=number,
            name=name,
            birth_date=birth_date,
            sex=_sex(sex),
            disability=disability,
            ppks=None if ppks is None else frozenset(_PPKS[c] for c in ppks),
            schooling=schooling,
            occupation=_occupation(occupation),
            employment=_employment(employment),
            covid_affected=covid_affected,
            state_employment=_state_employment(state_employment),
            pregnancy=_pregnancy(pregnancy),
            pregnancy_number=pregnancy_number,
            hero_status=_hero(hero_status),
            deceased=deceased,
            died_on=died_on,
        ),
        "members",
        row,
        _person_field,
    )


_MIXED_PROGRAMS = "batch.membership_program"
_HISTORY = re.compile(r"^history\[(\d+)\](?:\.(\w+))?")


def _membership(number: int, rows: list[tuple[Any, ...]]) -> Membership:
    steps = []
    for (
        row,
        _family_id,
        _number,
        _program,
        state,
        since,
        why,
        grad,
        note,
    ) in rows:
        steps.append(
            _make(
                functools.partial(
                    Transition,
                    state=_STATES[state],
                    on=since,
                    reason=_reason(why),
                    graduation=_graduation(grad),
                    note=note,
                ),
                "memberships",
                row,
                lambda path: path or "state",
            )
        )
    programs = list(dict.fromkeys(r[3] for r in rows))
    if len(programs) > 1:
        problem = Problem(
            table="memberships",
            row=rows[0][0],
            field="program",
            code=_MIXED_PROGRAMS,
            message=reason_message(
                _MIXED_PROGRAMS, number, programs=", ".join(programs)
            ),
            raw=", ".join(programs),
        )
        raise _Refused(problem)
    try:
        return Membership(program=programs[0], history=steps)
    except DayasosError as exc:
        found = _HISTORY.match(exc.path)
        index = int(found.group(1)) if found else 0
        field = "since" if found and found.group(2) == "on" else "state"
        problem = Problem(
            table="memberships",
            row=rows[min(index, len(rows) - 1)][0],
            field=field,
            code=exc.error_code,
            message=message_of(exc),
            raw=_shown(exc.value),
        )
        raise _Refused(problem) from exc


_MEMBER_PATH = re.compile(r"^members\[(\d+)\]")


def _family_problem(
    exc: DayasosError, row: int, member_rows: list[int]
) -> Problem:
    found = _MEMBER_PATH.match(exc.path)
    if found:
        return Problem(
            table="members",
            row=member_rows[int(found.group(1))],
            field="person_id",
            code=exc.error_code,
            message=message_of(exc),
            raw=_shown(exc.value),
        )
    field = exc.path.split(".")[0] if "[" not in exc.path else exc.path
    return Problem(
        table="families",
        row=row,
        field=field or "family_id",
        code=exc.error_code,
        message=message_of(exc),
        raw=_shown(exc.value),
    )


def _family(
    values: tuple[Any, ...],
    members: list[tuple[Any, ...]],
    memberships: dict[int, list[tuple[Any, ...]]],
    businesses: list[tuple[Any, ...]] | None,
) -> Family:
    row, family_id, kk, region, decile, _known, recorded = values
    number = None
    if kk is not None:
        number = _make(lambda: KK(kk), "families", row, _named("kk"), kk)
    place = None
    if region is not None:
        place = _make(
            lambda: RegionCode(region), "families", row, _named("region")
        )
    listed = [
        FamilyMember(person=_person(m), relation=_RELATIONS[m[3]])
        for m in members
    ]
    held = [_membership(n, memberships[n]) for n in sorted(memberships)]
    owned = None
    if businesses is not None:
        owned = [
            MicroBusiness(
                kind=_business(kind),
                owner_id=owner,
                covid_affected=covid,
                started_on=started,
            )
            for _row, _index, kind, owner, covid, started in businesses
        ]
    try:
        return Family(
            id=family_id,
            kk=number,
            members=listed,
            region=place,
            decile=decile,
            businesses=owned,
            memberships=held if held or recorded else None,
        )
    except DayasosError as exc:
        problem = _family_problem(exc, row, [m[0] for m in members])
        raise _Refused(problem) from exc


def _grouped(
    rows: Iterable[tuple[Any, ...]], key: int
) -> dict[Any, list[tuple[Any, ...]]]:
    groups: dict[Any, list[tuple[Any, ...]]] = collections.defaultdict(list)
    for values in rows:
        groups[values[key]].append(values)
    return groups


def build_families(
    families: pl.DataFrame,
    members: pl.DataFrame,
    memberships: pl.DataFrame | None,
    businesses: pl.DataFrame | None,
) -> tuple[list[Family], list[Problem]]:
    """
    Build a `Family` from each row of `families`, in order.

    Every frame holds the typed rows of the families to build, with
    `ROW` first and the layout's columns in order.
    """
    by_family = _grouped(members.iter_rows(), 1)
    transitions: dict[Any, dict[int, list[tuple[Any, ...]]]] = {}
    if memberships is not None:
        for family_id, rows in _grouped(memberships.iter_rows(), 1).items():
            transitions[family_id] = _grouped(rows, 2)
    items = {}
    if businesses is not None:
        items = _grouped(businesses.iter_rows(), 0)
    built: list[Family] = []
    problems: list[Problem] = []
    for values in families.iter_rows():
        row, family_id, known = values[0], values[1], values[5]
        try:
            family = _family(
                values,
                by_family.get(family_id, []),
                transitions.get(family_id, {}),
                items.get(row, []) if known else None,
            )
        except _Refused as refused:
            problems.append(refused.problem)
        else:
            built.append(family)
    return built, problems
