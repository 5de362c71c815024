"""
BST (Bantuan Sosial Tunai): monthly cash for families outside PKH.

Paid from April 2020 to families outside PKH and Program Sembako.

Kept mainly as a neighbour: its memberships drive the exclusivity rules
of the Kemensos Hadir packages, and its own rule excludes families
active in PKH or Program Sembako in the month.
Rp600,000 a month in April-June 2020, Rp300,000 from July 2020.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
>>> family = Family(id="f1", members=[head], memberships=[])
>>> decision = ENTRY.decide(family, on=dt.date(2020, 7, 21))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(3600000))

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
    active_in,
    each,
    param,
    root,
)


__all__ = ["CODE", "ENTRY", "PROGRAM", "SCHEDULE"]

#: The catalogue code; memberships use it.
CODE = "BST"

PFM_2020 = LegalReference(
    instrument="Setditjen PFM",
    number="Penanganan Fakir Miskin 17 Nov 2020",
    year=2020,
    title="Bantuan Sosial Tunai",
)

#: Monthly from April 2020; 2021 monthly (its months are not verified).
SCHEDULE = TahapSchedule.from_boundaries(
    {
        2020: [dt.date(2020, m, 1) for m in range(4, 13)]
        + [dt.date(2021, 1, 1)],
        2021: [dt.date(2021, m, 1) for m in range(1, 13)]
        + [dt.date(2022, 1, 1)],
    },
    program="BST",
)

family = root(Family)
member = each(FamilyMember)

PROGRAM = Program(
    code=CODE,
    entity=Family,
    reference=PFM_2020,
    criteria=[
        Criterion("bst.not_in_pkh", ~active_in("PKH", span="month")),
        Criterion("bst.not_in_sembako", ~active_in("SEMBAKO", span="month")),
    ],
    entitlement=Entitlement(
        components=[
            Component(
                "bantuan",
                when=member.relation.eq(Relation.HEAD),
                amount=param("bst.amount"),
                per="month",
            )
        ],
        schedule=SCHEDULE,
    ),
)

#: BST in the catalogue.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Bantuan Sosial Tunai",
    name_en="Social Cash Assistance",
    directorate="Ditjen PFM (Penanganan Fakir Miskin)",
    legal_basis=(PFM_2020,),
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.CASH,
    schedule="monthly: April-June 2020 at Rp600,000, then Rp300,000",
    program=PROGRAM,
    parameters=load_parameters(
        files("dayasos.programs.bst") / "parameters", prefix="bst"
    ),
    tahap=SCHEDULE,
)
