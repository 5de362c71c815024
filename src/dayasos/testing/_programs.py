"""
Strategies for the input records of programs that decide more than a family.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from dayasos.model import BusinessKind, InstitutionKind
from dayasos.programs.apd import ApdRecipient, PillarRole
from dayasos.programs.kube import KubeMember, KubeProposal
from dayasos.programs.restorasi import Participants, RestorasiActivity
from dayasos.testing._ids import region_codes
from dayasos.testing._model import families, persons


__all__ = [
    "apd_recipients",
    "kube_members",
    "kube_proposals",
    "participants",
    "restorasi_activities",
]

_DATES = st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))


@st.composite
def apd_recipients(draw: st.DrawFn) -> ApdRecipient:
    """
    Candidates for an APD kit: a person, a pillar role, a region.

    .. versionadded:: 0.1.0
    """
    return ApdRecipient(
        id=draw(st.from_regex(r"r[0-9]{1,4}", fullmatch=True)),
        person=draw(persons()),
        role=draw(st.none() | st.sampled_from(PillarRole)),
        region=draw(st.none() | region_codes()),
    )


@st.composite
def kube_members(draw: st.DrawFn) -> KubeMember:
    """
    Member families of a proposed KUBE.

    .. versionadded:: 0.1.0
    """
    return KubeMember(
        family=draw(families(max_members=4)),
        married=draw(st.none() | st.booleans()),
    )


@st.composite
def kube_proposals(
    draw: st.DrawFn, min_size: int = 0, max_size: int = 22
) -> KubeProposal:
    """
    Proposed KUBE groups, of any size (the rules judge the size).

    .. versionadded:: 0.1.0
    """
    members = draw(
        st.lists(kube_members(), min_size=min_size, max_size=max_size)
    )
    unique = [
        KubeMember(
            family=attrs.evolve(member.family, id=f"f{i}"),
            married=member.married,
        )
        for i, member in enumerate(members)
    ]
    return KubeProposal(
        id=draw(st.from_regex(r"k[0-9]{1,4}", fullmatch=True)),
        members=unique,
        region=draw(st.none() | region_codes()),
        business=draw(st.none() | st.sampled_from(BusinessKind)),
        recommended=draw(st.none() | st.booleans()),
        formed_on=draw(st.none() | _DATES),
    )


@st.composite
def participants(draw: st.DrawFn) -> Participants:
    """
    Participant counts of one social pillar.

    .. versionadded:: 0.1.0
    """
    return Participants(
        pillar=draw(st.sampled_from(InstitutionKind)),
        count=draw(st.integers(0, 500)),
    )


@st.composite
def restorasi_activities(draw: st.DrawFn) -> RestorasiActivity:
    """
    Restorasi Sosial activities with each pillar listed once.

    .. versionadded:: 0.1.0
    """
    kinds = draw(st.lists(st.sampled_from(InstitutionKind), unique=True))
    lines = [
        Participants(pillar=kind, count=draw(st.integers(0, 500)))
        for kind in kinds
    ]
    return RestorasiActivity(
        id=draw(st.from_regex(r"a[0-9]{1,4}", fullmatch=True)),
        held_on=draw(st.none() | _DATES),
        region=draw(st.none() | region_codes()),
        theme=draw(st.none() | st.text(min_size=1, max_size=30)),
        participants=draw(st.none() | st.just(lines)),
        other_participants=draw(st.none() | st.integers(0, 1000)),
    )
