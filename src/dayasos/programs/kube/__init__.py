"""
KUBE: Kelompok Usaha Bersama, business groups of poor families.

A proposed group of 5 to 20 families from the welfare data, each of
productive age, married and never in a KUBE before, recommended by the
Dinas Sosial, receives Rp2,000,000 per member family in its account.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> def member(i):
...     head = Person(id=f"p{i}", birth_date=dt.date(1985, 1, 1))
...     family = Family(
...         id=f"f{i}",
...         members=[FamilyMember(person=head, relation=Relation.HEAD)],
...         decile=1,
...         memberships=[],
...     )
...     return KubeMember(family=family, married=True)
>>> group = KubeProposal(
...     id="kube-1", members=[member(i) for i in range(10)], recommended=True
... )
>>> decision = ENTRY.decide(group, on=dt.date(2020, 12, 15))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(20000000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.kube._proposal import KubeMember, KubeProposal
from dayasos.programs.kube._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    load_kube_parameters,
    plan_budget,
)


__all__ = [
    "CODE",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "KubeMember",
    "KubeProposal",
    "load_kube_parameters",
    "plan_budget",
]

#: The catalogue entry of KUBE.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Kelompok Usaha Bersama (KUBE)",
    name_en="Joint Business Groups (KUBE)",
    directorate="Ditjen Penanganan Fakir Miskin (PFM)",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.GROUP,
    aid_kind=AidKind.BUSINESS_CAPITAL,
    schedule="one-off transfer to the group's account when the group is set",
    program=PROGRAM,
    parameters=load_kube_parameters(),
)
