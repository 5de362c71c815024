"""
Hypothesis strategies for `dayasos.model`.

Every strategy builds valid objects only: the model's invariants hold
(one head per family, 5-20 families per KUBE, dated histories in order,
legal lifecycle steps); any attribute may be `None` (not collected).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from dayasos.ids import RegionLevel, Sex
from dayasos.model import (
    PPKS,
    Accreditation,
    AgeBand,
    Aid,
    AidKind,
    BusinessKind,
    Channel,
    Community,
    CommunityRef,
    Disability,
    DisabilityKind,
    Disbursement,
    DisbursementStatus,
    EmploymentStatus,
    EmpowermentStage,
    Family,
    FamilyMember,
    FamilyRef,
    GraduationKind,
    GroupRef,
    HeroStatus,
    Institution,
    InstitutionKind,
    InstitutionRef,
    Item,
    KatCategory,
    KatCriteria,
    KubeGroup,
    LegalStatus,
    Membership,
    MembershipReason,
    MembershipState,
    MicroBusiness,
    Occupation,
    Person,
    PersonRef,
    PregnancyStatus,
    Recipient,
    Relation,
    Schooling,
    SchoolLevel,
    Severity,
    StaffMember,
    StaffRole,
    StageEntry,
    StateEmployment,
    Transition,
    YouthGroup,
    YouthGroupKind,
    allowed_transitions,
)
from dayasos.testing._ids import kk_values, nik_values, region_codes
from dayasos.testing._money import rupiah
from dayasos.testing._periods import periods


__all__ = [
    "age_bands",
    "aids",
    "communities",
    "disabilities",
    "disbursements",
    "families",
    "institutions",
    "items",
    "kube_groups",
    "memberships",
    "persons",
    "recipients",
    "schoolings",
    "youth_groups",
]

T = TypeVar("T")

_FIRST = dt.date(1930, 1, 1)
_LAST = dt.date(2035, 12, 31)
_DATES = st.dates(_FIRST, _LAST)
_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)
_NAMES = st.text(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '",
    min_size=1,
    max_size=20,
)
_PROGRAMS = st.sampled_from(["PKH", "BPNT", "BST", "PROKUS", "KUBE", "PKAT"])
_BOOLS = st.none() | st.booleans()
_EXPECTING = (PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM)
_WITH_REASON = frozenset(
    {
        MembershipState.SUSPENDED,
        MembershipState.EXITED,
        MembershipState.REJECTED,
    }
)


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _after(draw: st.DrawFn, start: dt.date, max_days: int = 400) -> dt.date:
    room = (_LAST - start).days
    return start + dt.timedelta(days=draw(st.integers(0, min(room, max_days))))


@st.composite
def age_bands(draw: st.DrawFn) -> AgeBand:
    """
    Age bands, open at one end now and then.

    .. versionadded:: 0.1.0
    """
    low = draw(_maybe(st.integers(0, 100)))
    high = draw(_maybe(st.integers(low or 0, 120)))
    if low is None and high is None:
        low = 0
    return AgeBand(low, high)


@st.composite
def disabilities(draw: st.DrawFn) -> Disability:
    """
    Disabilities, `Disability.none` included.

    .. versionadded:: 0.1.0
    """
    kind = draw(_maybe(st.sampled_from(DisabilityKind)))
    if kind is DisabilityKind.NONE:
        return Disability.none()
    return Disability(
        kind=kind, severity=draw(_maybe(st.sampled_from(Severity)))
    )


@st.composite
def schoolings(draw: st.DrawFn) -> Schooling:
    """
    Consistent schooling records.

    .. versionadded:: 0.1.0
    """
    level = draw(_maybe(st.sampled_from(SchoolLevel)))
    enrolled = draw(_BOOLS)
    if level is SchoolLevel.NONE and enrolled:
        enrolled = False
    completed = draw(_BOOLS)
    if level is not None and level.rank < SchoolLevel.SMA.rank and completed:
        completed = False
    return Schooling(
        level=level, enrolled=enrolled, compulsory_completed=completed
    )


@st.composite
def persons(draw: st.DrawFn) -> Person:
    """
    Persons with any attribute possibly not collected.

    .. versionadded:: 0.1.0
    """
    sex = draw(_maybe(st.sampled_from(Sex)))
    pregnancy = draw(_maybe(st.sampled_from(PregnancyStatus)))
    if sex is Sex.MALE and pregnancy in _EXPECTING:
        pregnancy = PregnancyStatus.NONE
    number = None
    if pregnancy in _EXPECTING:
        number = draw(_maybe(st.integers(1, 12)))
    birth = draw(_maybe(_DATES))
    died_on = draw(_maybe(_DATES))
    if died_on is not None and birth is not None and died_on < birth:
        birth, died_on = died_on, birth
    deceased = draw(_BOOLS)
    if died_on is not None and deceased is False:
        deceased = True
    return Person(
        id=draw(_IDS),
        nik=draw(_maybe(nik_values(sex))),
        name=draw(_maybe(_NAMES)),
        birth_date=birth,
        sex=sex,
        disability=draw(_maybe(disabilities())),
        ppks=draw(_maybe(st.frozensets(st.sampled_from(PPKS), max_size=3))),
        schooling=draw(_maybe(schoolings())),
        occupation=draw(_maybe(st.sampled_from(Occupation))),
        employment=draw(_maybe(st.sampled_from(EmploymentStatus))),
        covid_affected=draw(_BOOLS),
        state_employment=draw(_maybe(st.sampled_from(StateEmployment))),
        pregnancy=pregnancy,
        pregnancy_number=number,
        hero_status=draw(_maybe(st.sampled_from(HeroStatus))),
        deceased=deceased,
        died_on=died_on,
    )


def _transition(
    draw: st.DrawFn, state: MembershipState, on: dt.date
) -> Transition:
    reason = None
    if state in _WITH_REASON:
        reason = draw(_maybe(st.sampled_from(MembershipReason)))
    graduation = None
    if state is MembershipState.GRADUATED:
        graduation = draw(_maybe(st.sampled_from(GraduationKind)))
    return Transition(state=state, on=on, reason=reason, graduation=graduation)


@st.composite
def memberships(
    draw: st.DrawFn, program: str | None = None, max_steps: int = 6
) -> Membership:
    """
    Memberships whose history walks the lifecycle by legal steps.

    The programme is `program`, or drawn when `None`;
    a history has at most `max_steps` transitions.

    .. versionadded:: 0.1.0
    """
    code = program if program is not None else draw(_PROGRAMS)
    on = draw(st.dates(dt.date(2007, 1, 1), dt.date(2030, 12, 31)))
    state = draw(st.sampled_from(sorted(allowed_transitions(None), key=str)))
    history = [_transition(draw, state, on)]
    for _ in range(draw(st.integers(0, max_steps - 1))):
        allowed = sorted(allowed_transitions(state), key=str)
        if not allowed:
            break
        state = draw(st.sampled_from(allowed))
        on = _after(draw, on)
        history.append(_transition(draw, state, on))
    return Membership(program=code, history=history)


_OTHERS = [r for r in Relation if r is not Relation.HEAD]


@st.composite
def families(draw: st.DrawFn, max_members: int = 6) -> Family:
    """
    Families with one head and unique member ids.

    .. versionadded:: 0.1.0
    """
    people = draw(st.lists(persons(), min_size=1, max_size=max_members))
    head = draw(st.integers(0, len(people) - 1))
    members = [
        FamilyMember(
            person=attrs.evolve(person, id=f"p{i}"),
            relation=(
                Relation.HEAD if i == head else draw(st.sampled_from(_OTHERS))
            ),
        )
        for i, person in enumerate(people)
    ]
    owners = st.sampled_from([m.person.id for m in members])
    business = st.builds(
        MicroBusiness,
        kind=_maybe(st.sampled_from(BusinessKind)),
        owner_id=_maybe(owners),
        covid_affected=_BOOLS,
        started_on=_maybe(_DATES),
    )
    return Family(
        id=draw(_IDS),
        kk=draw(_maybe(kk_values())),
        members=members,
        region=draw(_maybe(region_codes(RegionLevel.VILLAGE))),
        decile=draw(_maybe(st.integers(1, 10))),
        businesses=draw(_maybe(st.lists(business, max_size=2))),
        memberships=draw(
            _maybe(st.lists(memberships(max_steps=4), max_size=3))
        ),
    )


@st.composite
def _legal_statuses(draw: st.DrawFn) -> LegalStatus:
    number = draw(_maybe(st.text("0123456789./-AHU", min_size=1)))
    entity = draw(_BOOLS)
    if number and entity is False:
        entity = True
    return LegalStatus(
        legal_entity=entity,
        legal_entity_number=number,
        registration_number=draw(_maybe(_IDS)),
        registered_on=draw(_maybe(_DATES)),
    )


@st.composite
def institutions(draw: st.DrawFn) -> Institution:
    """
    Institutions of every kind, staff listed once each.

    An end of activity, when drawn, is on or after the start.

    .. versionadded:: 0.1.0
    """
    since = draw(_maybe(_DATES))
    first = since + dt.timedelta(days=1) if since else _FIRST
    until = draw(_maybe(st.dates(first, _LAST))) if first <= _LAST else None
    staff = None
    if draw(st.booleans()):
        people = draw(st.lists(persons(), max_size=4))
        staff = [
            StaffMember(
                person=attrs.evolve(person, id=f"s{i}"),
                role=draw(_maybe(st.sampled_from(StaffRole))),
                since=draw(_maybe(_DATES)),
            )
            for i, person in enumerate(people)
        ]
    return Institution(
        id=draw(_IDS),
        kind=draw(st.sampled_from(InstitutionKind)),
        name=draw(_maybe(_NAMES)),
        region=draw(_maybe(region_codes())),
        legal_status=draw(_maybe(_legal_statuses())),
        accreditation=draw(_maybe(st.sampled_from(Accreditation))),
        staff=staff,
        active_since=since,
        active_until=until,
    )


@st.composite
def kube_groups(draw: st.DrawFn) -> KubeGroup:
    """
    KUBE groups of 5 to 20 distinct families.

    .. versionadded:: 0.1.0
    """
    return KubeGroup(
        id=draw(_IDS),
        families=draw(st.lists(_IDS, min_size=5, max_size=20, unique=True)),
        name=draw(_maybe(_NAMES)),
        region=draw(_maybe(region_codes())),
        business=draw(_maybe(st.sampled_from(BusinessKind))),
        formed_on=draw(_maybe(_DATES)),
    )


def youth_groups() -> st.SearchStrategy[YouthGroup]:
    """
    Youth groups.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        YouthGroup,
        id=_IDS,
        kind=_maybe(st.sampled_from(YouthGroupKind)),
        name=_maybe(_NAMES),
        region=_maybe(region_codes()),
        members=_maybe(st.integers(0, 500)),
        active_since=_maybe(_DATES),
    )


@st.composite
def _stage_histories(draw: st.DrawFn) -> list[StageEntry]:
    stages = draw(
        st.lists(st.sampled_from(EmpowermentStage), unique=True, max_size=6)
    )
    stages.sort(key=lambda s: s.rank)
    on = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    history = []
    for stage in stages:
        history.append(StageEntry(stage=stage, on=on))
        on = _after(draw, on, max_days=800)
    return history


@st.composite
def communities(draw: st.DrawFn) -> Community:
    """
    KAT communities with stage histories that only move forward.

    .. versionadded:: 0.1.0
    """
    criteria = st.builds(
        KatCriteria,
        limited_access=_BOOLS,
        closed_homogeneous=_BOOLS,
        marginal=_BOOLS,
        remote_location=_BOOLS,
    )
    return Community(
        id=draw(_IDS),
        name=draw(_maybe(_NAMES)),
        region=draw(_maybe(region_codes())),
        criteria=draw(_maybe(criteria)),
        category=draw(_maybe(st.sampled_from(KatCategory))),
        families=draw(_maybe(st.integers(1, 2000))),
        stages=draw(_maybe(_stage_histories())),
        youth_groups=draw(_maybe(st.lists(youth_groups(), max_size=2))),
        business_groups=draw(_maybe(st.lists(kube_groups(), max_size=2))),
    )


def items() -> st.SearchStrategy[Item]:
    """
    Items of an aid in kind.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Item,
        name=_NAMES,
        quantity=st.integers(1, 100),
        unit=st.sampled_from(["kg", "liter", "kaleng", "botol", "pcs"]),
        unit_value=_maybe(rupiah(0, 1_000_000)),
    )


@st.composite
def aids(draw: st.DrawFn) -> Aid:
    """
    Aids of every kind: amounts, items or both.

    .. versionadded:: 0.1.0
    """
    kind = draw(st.sampled_from(AidKind))
    amounts = rupiah(1, 20_000_000)
    if kind is AidKind.CASH:
        return Aid.cash(draw(amounts))
    amount = draw(_maybe(amounts))
    listed = draw(_maybe(st.lists(items(), min_size=1, max_size=5)))
    if kind is not AidKind.SERVICE and amount is None and listed is None:
        amount = draw(amounts)
    return Aid(
        kind=kind,
        amount=amount,
        items=listed,
        description=draw(_maybe(_NAMES)),
    )


def recipients() -> st.SearchStrategy[Recipient]:
    """
    References to recipients of every kind.

    .. versionadded:: 0.1.0
    """
    return st.one_of(
        st.builds(FamilyRef, kk=kk_values()),
        st.builds(PersonRef, nik=nik_values()),
        st.builds(InstitutionRef, id=_IDS),
        st.builds(CommunityRef, id=_IDS),
        st.builds(GroupRef, id=_IDS),
    )


def disbursements() -> st.SearchStrategy[Disbursement]:
    """
    Disbursement records.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Disbursement,
        recipient=recipients(),
        aid=aids(),
        program=_PROGRAMS,
        status=st.sampled_from(DisbursementStatus),
        count=st.integers(1, 1000),
        period=_maybe(periods(min_year=2015, max_year=2030)),
        tahap=_maybe(st.sampled_from(["tahap 1", "tahap 2", "gelombang 1"])),
        channel=_maybe(st.sampled_from(Channel)),
        on=_maybe(_DATES),
        id=_maybe(_IDS),
    )
