"""
The rules of KUBE: which proposed business groups are funded, how much.

A KUBE brings 5 to 20 poor families living near each other into one
business group; each member is registered in the welfare data, married
and of productive age, and has never been in a KUBE before; the Dinas
Sosial recommends the group.
The grant goes to the group's account: Rp2,000,000 per member family.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import TYPE_CHECKING

from dayasos.errors import ValidationError
from dayasos.legal import UU_11_2009, UU_13_2011
from dayasos.money import Rupiah
from dayasos.policy import ParameterSet, load_parameters
from dayasos.programs.kube._proposal import KubeMember, KubeProposal
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    age_of,
    all_of,
    count,
    each,
    either,
    param,
    root,
)


if TYPE_CHECKING:
    import datetime as dt


__all__ = [
    "CODE",
    "LEGAL_BASIS",
    "PROGRAM",
    "load_kube_parameters",
    "plan_budget",
]

#: The catalogue code; memberships in the programme carry it.
CODE = "KUBE"

#: The instruments the programme rests on (no Permensos on KUBE was
#: identified, see the docs page).
LEGAL_BASIS = (UU_13_2011, UU_11_2009)

proposal = root(KubeProposal)
member = each(KubeMember)
_age = age_of(member.family.head.birth_date)
_size = count(proposal.members)

PROGRAM = Program(
    code=CODE,
    entity=KubeProposal,
    reference=UU_13_2011,
    criteria=[
        Criterion(
            "kube.group_size",
            (_size >= param("kube.group_size.min"))
            & (_size <= param("kube.group_size.max")),
        ),
        Criterion(
            "kube.decile",
            all_of(
                proposal.members,
                member.family.decile <= param("kube.max_decile"),
            ),
        ),
        Criterion(
            "kube.productive_age",
            all_of(
                proposal.members,
                (_age >= param("kube.age.min"))
                & (_age <= param("kube.age.max")),
            ),
        ),
        Criterion(
            "kube.married",
            either(
                ~param("kube.require_married"),
                all_of(proposal.members, member.married),
            ),
        ),
        Criterion(
            "kube.not_received",
            all_of(
                proposal.members,
                ~member.programs_received.contains(
                    param("kube.prior_program")
                ),
            ),
        ),
        Criterion("kube.recommended", proposal.recommended),
    ],
    entitlement=Entitlement(
        over=proposal.members,
        components=[
            Component(
                "anggota",
                when=True,
                amount=param("kube.amount.per_family"),
            )
        ],
    ),
)


@functools.cache
def load_kube_parameters() -> ParameterSet:
    """
    Load the shipped KUBE parameters (``kube.*``).

    >>> import datetime as dt
    >>> at = load_kube_parameters().at(dt.date(2020, 12, 15))
    >>> at["kube.amount.per_family"], at["kube.amount.per_group"]
    (Rupiah(2000000), Rupiah(20000000))

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.kube") / "parameters", prefix="kube"
    )


def plan_budget(
    groups: int, *, on: dt.date, params: ParameterSet | None = None
) -> Rupiah:
    """
    The budget of `groups` KUBE at the planning index per group.

    The index (Rp20 juta per kelompok in 2020) is the unit cost the
    budget is planned with; what a group receives is decided per member
    family (`PROGRAM`). The two agree for a group of ten families.

    >>> import datetime as dt
    >>> plan_budget(10_180, on=dt.date(2020, 11, 17))
    Rupiah(203600000000)

    Raises:
        ValidationError: ``kube.groups`` for a negative number of groups.

    .. versionadded:: 0.1.0
    """
    if groups < 0:
        raise ValidationError(
            "a number of groups is zero or more, e.g. 10180, got {value}",
            code="kube.groups",
            path="groups",
            value=groups,
        )
    found = (params or load_kube_parameters()).at(on)
    return found.value("kube.amount.per_group", Rupiah) * groups
