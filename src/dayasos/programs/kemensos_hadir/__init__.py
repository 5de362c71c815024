"""
Kemensos Hadir: food packages for people whose livelihood COVID-19 hit.

In 2020 Kemensos gave 100,000 "Kemensos Hadir" sembako packages to
people affected by COVID-19: guru honorer, pemulung, pedagang,
buruh harian/lepas, korban PHK and others.
A family qualifies when a member affected by COVID-19 works in one of
those groups and the family is not covered by PKH, Program Sembako or
BST in the month; it receives one package.
`allocate_packages` shares the national quota over provinces.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Occupation, Person
>>> from dayasos.model import Relation
>>> worker = Person(
...     id="p1", occupation=Occupation.WASTE_PICKER, covid_affected=True
... )
>>> family = Family(
...     id="f1", memberships=[],
...     members=[FamilyMember(person=worker, relation=Relation.HEAD)],
... )
>>> decision = ENTRY.decide(family, on=dt.date(2020, 7, 21))
>>> decision.verdict.value, decision.total
('eligible', Rupiah(300000))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib.resources import files

from dayasos.model import AidKind
from dayasos.policy import load_parameters
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.kemensos_hadir._rules import (
    CODE,
    ITEMS,
    PROGRAM,
    SEED,
    allocate_packages,
    package,
)


__all__ = ["ENTRY", "ITEMS", "PROGRAM", "allocate_packages", "package"]

#: Kemensos Hadir in the catalogue.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Paket Sembako Kemensos Hadir",
    name_en="Kemensos Hadir food packages",
    directorate="Ditjen Dayasos (Dit. K2KRS)",
    legal_basis=(SEED,),
    beneficiary=BeneficiaryKind.FAMILY,
    aid_kind=AidKind.FOOD_PACKAGE,
    schedule="one package, once, in 2020",
    program=PROGRAM,
    parameters=load_parameters(
        files("dayasos.programs.kemensos_hadir") / "parameters",
        prefix="kemensos_hadir",
    ),
)
