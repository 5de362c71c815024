"""
BSIMU: the 2020 business sustainment grant for graduated PKH families.

A family that graduated from PKH and runs a micro business hit by
COVID-19 receives Rp500,000 once, paid to the head of the family.

>>> import datetime as dt
>>> from dayasos.model import (
...     Family, FamilyMember, GraduationKind, Membership, MicroBusiness,
...     Person, Relation,
... )
>>> pkh = Membership.propose("PKH", dt.date(2016, 1, 4)).verify(
...     dt.date(2016, 2, 1)
... ).activate(dt.date(2016, 3, 1)).graduate(
...     dt.date(2019, 12, 1), GraduationKind.MANDIRI
... )
>>> family = Family(
...     id="f1",
...     members=[FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)],
...     businesses=[MicroBusiness(covid_affected=True, owner_id="p1")],
...     memberships=[pkh],
... )
>>> decision = ENTRY.decide(family, on=dt.date(2020, 7, 24))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(500000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.bsimu._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    RECEIVED_STATES,
    load_bsimu_parameters,
)


__all__ = [
    "CODE",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "RECEIVED_STATES",
    "load_bsimu_parameters",
]

#: The catalogue entry of BSIMU.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Bantuan Stimulan Insentif Modal Usaha (BSIMU)",
    name_en="Business capital stimulus grant (BSIMU)",
    directorate="Ditjen Dayasos",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.BUSINESS_CAPITAL,
    schedule="one-off payment in 2020 (from 24 Jul 2020)",
    program=PROGRAM,
    parameters=load_bsimu_parameters(),
)
