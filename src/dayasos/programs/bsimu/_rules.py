"""
The rules of BSIMU: who receives the 2020 sustainment grant, and how much.

BSIMU (Bantuan Stimulan Insentif Modal Usaha) was paid in 2020 under
ProKUS to families that had graduated from PKH and ran a micro business
hit by COVID-19, so that the business would survive the pandemic.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib.resources import files

from dayasos.legal import PERMENSOS_1_2018, UU_11_2009
from dayasos.model import (
    Family,
    FamilyMember,
    Membership,
    MembershipState,
    MicroBusiness,
    Relation,
)
from dayasos.policy import ParameterSet, load_parameters
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    any_of,
    each,
    graduated_from,
    none_of,
    param,
    root,
)


__all__ = [
    "CODE",
    "LEGAL_BASIS",
    "PROGRAM",
    "RECEIVED_STATES",
    "load_bsimu_parameters",
]

#: The catalogue code; memberships in the programme carry it.
CODE = "BSIMU"

#: The instruments the programme rests on.
LEGAL_BASIS = (UU_11_2009, PERMENSOS_1_2018)

#: Membership states that show a family once received a programme:
#: every state reachable only through ACTIVE.
RECEIVED_STATES = (
    MembershipState.ACTIVE,
    MembershipState.SUSPENDED,
    MembershipState.GRADUATED,
    MembershipState.EXITED,
)

family = root(Family)
business = each(MicroBusiness)
membership = each(Membership)
member = each(FamilyMember)

PROGRAM = Program(
    code=CODE,
    entity=Family,
    reference=UU_11_2009,
    criteria=[
        Criterion("bsimu.open", param("bsimu.open")),
        Criterion(
            "bsimu.graduated_pkh",
            graduated_from("PKH"),
            reference=PERMENSOS_1_2018,
        ),
        Criterion(
            "bsimu.covid_affected_business",
            any_of(family.businesses, business.covid_affected),
        ),
        Criterion(
            "bsimu.not_received",
            none_of(
                family.memberships,
                membership.program.is_in(param("bsimu.prior_programs"))
                & membership.state.is_in(*RECEIVED_STATES),
            ),
        ),
    ],
    entitlement=Entitlement(
        components=[
            Component(
                "modal_usaha",
                when=member.relation.eq(Relation.HEAD),
                amount=param("bsimu.amount"),
            )
        ],
    ),
)


def load_bsimu_parameters() -> ParameterSet:
    """
    Load the shipped BSIMU parameters (``bsimu.*``).

    >>> import datetime as dt
    >>> params = load_bsimu_parameters()
    >>> params.at(dt.date(2020, 7, 24))["bsimu.amount"]
    Rupiah(500000)

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.bsimu") / "parameters", prefix="bsimu"
    )
