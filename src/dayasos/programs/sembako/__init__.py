"""
Program Sembako (BPNT until 2019): a monthly food allowance per family.

Kept mainly as a neighbour: its memberships drive the exclusivity rules
of BST and the Kemensos Hadir packages.
A family in welfare decile 1-4 receives the monthly amount in force in
each month: Rp110,000 in 2019, Rp150,000 in January-February 2020,
Rp200,000 from March 2020.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
>>> decision = ENTRY.decide(
...     Family(id="f1", decile=3, members=[head]), on=dt.date(2020, 7, 21)
... )
>>> decision.verdict.value, decision.total
('eligible', Rupiah(2300000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

from dayasos.model import (
    AidKind,
    Family,
    FamilyMember,
    LegalReference,
    Relation,
)
from dayasos.periods import TahapSchedule
from dayasos.policy import load_parameters
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    each,
    param,
    root,
)


__all__ = ["CODE", "ENTRY", "PROGRAM", "SCHEDULE"]

#: The catalogue code; memberships use it.
CODE = "SEMBAKO"

PEDUM_SEMBAKO = LegalReference(
    instrument="Kemensos",
    number="Pedoman Umum Program Sembako",
    year=2020,
    title="Program Sembako (BPNT)",
)

#: One payment a month.
SCHEDULE = TahapSchedule.from_boundaries(
    {
        year: [dt.date(year, m, 1) for m in range(1, 13)]
        + [dt.date(year + 1, 1, 1)]
        for year in range(2019, 2022)
    },
    program="SEMBAKO",
)

family = root(Family)
member = each(FamilyMember)

PROGRAM = Program(
    code=CODE,
    entity=Family,
    reference=PEDUM_SEMBAKO,
    criteria=[
        Criterion(
            "sembako.decile", family.decile <= param("sembako.max_decile")
        ),
    ],
    entitlement=Entitlement(
        components=[
            Component(
                "bantuan",
                when=member.relation.eq(Relation.HEAD),
                amount=param("sembako.amount"),
                per="month",
            )
        ],
        schedule=SCHEDULE,
    ),
)

#: Program Sembako in the catalogue.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Program Sembako (Bantuan Pangan Non Tunai)",
    name_en="Sembako Programme (non-cash food assistance)",
    directorate="Ditjen PFM (Penanganan Fakir Miskin)",
    legal_basis=(PEDUM_SEMBAKO,),
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.CASH,
    schedule="monthly",
    program=PROGRAM,
    parameters=load_parameters(
        files("dayasos.programs.sembako") / "parameters", prefix="sembako"
    ),
    tahap=SCHEDULE,
)
