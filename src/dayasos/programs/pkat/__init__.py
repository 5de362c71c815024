"""
PKAT: social empowerment of Komunitas Adat Terpencil (PKAT Best).

A community is a KAT when it meets the criteria of Perpres 186/2014
(`PROGRAM`); its category sets the years of empowerment, which
`plan_empowerment` dates stage by stage with the support of each.

>>> import datetime as dt
>>> from dayasos.model import Community, KatCriteria
>>> kat = Community(
...     id="kat-1", criteria=KatCriteria(remote_location=True)
... )
>>> ENTRY.decide(kat, on=dt.date(2021, 4, 5)).verdict.value
'eligible'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.pkat._plan import (
    EmpowermentPlan,
    KatSupport,
    PlannedStage,
    plan_community,
    plan_empowerment,
)
from dayasos.programs.pkat._rules import (
    CODE,
    CRITERIA_RULES,
    LEGAL_BASIS,
    PROGRAM,
    load_pkat_parameters,
)


__all__ = [
    "CODE",
    "CRITERIA_RULES",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "EmpowermentPlan",
    "KatSupport",
    "PlannedStage",
    "load_pkat_parameters",
    "plan_community",
    "plan_empowerment",
]

#: The catalogue entry of PKAT.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Pemberdayaan Komunitas Adat Terpencil (PKAT Best)",
    name_en="Empowerment of Remote Indigenous Communities (PKAT Best)",
    directorate="Ditjen Dayasos (Dit. PKAT)",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.COMMUNITY,
    aid_kind=AidKind.HOUSING,
    schedule="one to three years of empowerment by category, then purna bina",
    program=PROGRAM,
    parameters=load_pkat_parameters(),
)
