"""
The rules of ProKUS: who receives the social-entrepreneurship incentive.

ProKUS (Program Kewirausahaan Sosial) takes families that graduated
from PKH because no member met a component any more (graduasi alamiah)
while still poor or vulnerable, and that run or can start an ultra-micro
business; each selected family receives mentoring and a one-off business
incentive.

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


__all__ = ["CODE", "LEGAL_BASIS", "PROGRAM", "load_prokus_parameters"]

#: The catalogue code; memberships in the programme carry it.
CODE = "PROKUS"

#: The instruments the programme rests on.
LEGAL_BASIS = (UU_11_2009, PERMENSOS_1_2018)

_RECEIVED = (
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
        Criterion(
            "prokus.graduated_pkh",
            graduated_from("PKH"),
            reference=PERMENSOS_1_2018,
        ),
        Criterion(
            "prokus.graduation_kind",
            graduated_from("PKH", param("prokus.graduation_kinds")),
            reference=PERMENSOS_1_2018,
        ),
        Criterion(
            "prokus.decile", family.decile <= param("prokus.max_decile")
        ),
        Criterion(
            "prokus.business_kind",
            any_of(
                family.businesses,
                business.kind.is_in(param("prokus.business_kinds")),
            ),
        ),
        Criterion(
            "prokus.not_received",
            none_of(
                family.memberships,
                membership.program.is_in(param("prokus.prior_programs"))
                & membership.state.is_in(*_RECEIVED),
            ),
        ),
    ],
    entitlement=Entitlement(
        components=[
            Component(
                "insentif_usaha",
                when=member.relation.eq(Relation.HEAD),
                amount=param("prokus.amount"),
            )
        ],
    ),
)


def load_prokus_parameters() -> ParameterSet:
    """
    Load the shipped ProKUS parameters (``prokus.*``).

    >>> import datetime as dt
    >>> load_prokus_parameters().at(dt.date(2021, 4, 5))["prokus.amount"]
    Rupiah(3500000)

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.prokus") / "parameters", prefix="prokus"
    )
