"""
PKH (Program Keluarga Harapan): conditional cash transfers to families.

A family in welfare decile 1-4 with no member employed by the state,
not graduated from PKH, and with at least one member in a component
(pregnancy, early childhood, school, severe disability, old age)
receives each component's yearly amount for at most four members,
the highest amounts first, paid in tahap.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> from dayasos.model import Disability, StateEmployment
>>> from dayasos.ids import Sex
>>> grandma = Person(
...     id="p1", birth_date=dt.date(1950, 6, 6), sex=Sex.FEMALE,
...     state_employment=StateEmployment.NONE, disability=Disability.none(),
... )
>>> family = Family(
...     id="f1", decile=2, memberships=[],
...     members=[FamilyMember(person=grandma, relation=Relation.HEAD)],
... )
>>> decision = ENTRY.decide(family, on=dt.date(2020, 7, 21))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(2400000))
>>> dict(decision.totals)["2020-T1"], dict(decision.totals)["2020-T5"]
(Rupiah(600000), Rupiah(200000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib.resources import files

from dayasos.legal import PERMENSOS_1_2018
from dayasos.model import AidKind
from dayasos.policy import load_parameters
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.pkh._rules import (
    CODE,
    COMPONENTS,
    GRANTS,
    KEPDIRJEN_2019,
    KEPDIRJEN_2020,
    KEPMENSOS_79_2025,
    PROGRAM,
    SCHEDULE,
)


__all__ = ["COMPONENTS", "ENTRY", "GRANTS", "PROGRAM", "SCHEDULE"]

#: PKH in the catalogue.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Program Keluarga Harapan",
    name_en="Family Hope Programme (conditional cash transfer)",
    directorate="Ditjen Linjamsos (Dit. JSK)",
    legal_basis=(
        PERMENSOS_1_2018,
        KEPDIRJEN_2019,
        KEPDIRJEN_2020,
        KEPMENSOS_79_2025,
    ),
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.CASH,
    schedule=(
        "4 tahap a year, one per quarter; in 2020 tahap 1 for "
        "January-March, then monthly April-December"
    ),
    program=PROGRAM,
    parameters=load_parameters(
        files("dayasos.programs.pkh") / "parameters", prefix="pkh"
    ),
    tahap=SCHEDULE,
)
