"""
Restorasi Sosial: campaigns with the social pillars (Permensos 22/2017).

`PROGRAM` decides whether an activity counts (held, with pillar
participants); the ``participants_by_*`` functions give the counts the
metrics read.

>>> import datetime as dt
>>> from dayasos.model import InstitutionKind
>>> bandung = RestorasiActivity(
...     id="rs-2",
...     held_on=dt.date(2020, 8, 5),
...     participants=[Participants(pillar=InstitutionKind.PSM, count=200)],
... )
>>> ENTRY.decide(bandung, on=dt.date(2020, 12, 31)).verdict.value
'eligible'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.restorasi._activity import (
    Participants,
    RestorasiActivity,
)
from dayasos.programs.restorasi._metrics import (
    participants_by_period,
    participants_by_pillar,
    participants_by_region,
)
from dayasos.programs.restorasi._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    load_restorasi_parameters,
)


__all__ = [
    "CODE",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "Participants",
    "RestorasiActivity",
    "load_restorasi_parameters",
    "participants_by_period",
    "participants_by_pillar",
    "participants_by_region",
]

#: The catalogue entry of Restorasi Sosial.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Restorasi Sosial",
    name_en="Social Restoration (Restorasi Sosial)",
    directorate="Ditjen Dayasos (Dit. K2KRS)",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.COMMUNITY,
    aid_kind=None,
    schedule="campaign activities through the year (no payments)",
    program=PROGRAM,
    parameters=load_restorasi_parameters(),
)
