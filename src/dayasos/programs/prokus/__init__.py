"""
ProKUS: the social-entrepreneurship programme for graduated PKH families.

A family that graduated from PKH because its components ran out
(graduasi alamiah), still in the lowest deciles, with an ultra-micro
business of an eligible kind, receives mentoring and Rp3,500,000 once.

>>> import datetime as dt
>>> from dayasos.model import (
...     BusinessKind, Family, FamilyMember, GraduationKind, Membership,
...     MicroBusiness, Person, Relation,
... )
>>> pkh = Membership.propose("PKH", dt.date(2015, 1, 5)).verify(
...     dt.date(2015, 2, 2)
... ).activate(dt.date(2015, 3, 2)).graduate(
...     dt.date(2020, 6, 30), GraduationKind.ALAMIAH
... )
>>> family = Family(
...     id="f1",
...     members=[FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)],
...     decile=2,
...     businesses=[MicroBusiness(kind=BusinessKind.FOOD)],
...     memberships=[pkh],
... )
>>> decision = ENTRY.decide(family, on=dt.date(2021, 4, 5))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(3500000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.prokus._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    load_prokus_parameters,
)


__all__ = ["CODE", "ENTRY", "LEGAL_BASIS", "PROGRAM", "load_prokus_parameters"]

#: The catalogue entry of ProKUS.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Program Kewirausahaan Sosial (ProKUS)",
    name_en="Social Entrepreneurship Programme (ProKUS)",
    directorate="Ditjen Dayasos",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.BUSINESS_CAPITAL,
    schedule="one-off business incentive with mentoring (from 2021)",
    program=PROGRAM,
    parameters=load_prokus_parameters(),
)
