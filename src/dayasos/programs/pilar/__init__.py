"""
Pemberdayaan Pilar-Pilar Sosial: capacity building of the social pillars.

Decides whether an institution (or a person serving as TKSK or PSM,
recorded as an institution of that kind) is supported (`PROGRAM`),
and counts institutions by kind and region for the targets
(`count_institutions`, `count_regions_with`).

>>> import datetime as dt
>>> from dayasos.ids import RegionCode
>>> from dayasos.model import Institution, InstitutionKind
>>> tksk = Institution(
...     id="tksk-1",
...     kind=InstitutionKind.TKSK,
...     region=RegionCode.parse("31.71.01"),
...     active_since=dt.date(2019, 1, 2),
... )
>>> ENTRY.decide(tksk, on=dt.date(2021, 4, 5)).verdict.value
'eligible'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.pilar._counts import (
    count_institutions,
    count_regions_with,
)
from dayasos.programs.pilar._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    load_pilar_parameters,
)


__all__ = [
    "CODE",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "count_institutions",
    "count_regions_with",
    "load_pilar_parameters",
]

#: The catalogue entry of the programme.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Pemberdayaan Pilar-Pilar Sosial dan Puskesos-SLRT",
    name_en="Empowerment of the Social Pillars and Puskesos-SLRT",
    directorate="Ditjen Dayasos (Dit. PSPKKM)",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.INSTITUTION,
    aid_kind=AidKind.SERVICE,
    schedule="yearly capacity-building activities (no cash schedule)",
    program=PROGRAM,
    parameters=load_pilar_parameters(),
)
