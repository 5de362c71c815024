"""
APD: protective kits for social pillars and the families of heroes.

A social pillar (TKSK, PSM, Karang Taruna, SLRT or Puskesos staff, a KAT
facilitator) or a member of a hero's or a pioneer's family receives a
kit (`kit_on`); kits are allocated against a quota per region
(`allocate_kits`).

>>> import datetime as dt
>>> from dayasos.model import HeroStatus, Person
>>> widow = ApdRecipient(
...     id="r1",
...     person=Person(id="p1", hero_status=HeroStatus.JANDA_DUDA_PERINTIS),
... )
>>> ENTRY.decide(widow, on=dt.date(2020, 4, 13)).verdict.value
'eligible'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model import AidKind
from dayasos.programs._catalogue import BeneficiaryKind, CatalogueEntry
from dayasos.programs.apd._allocation import (
    ApdAllocation,
    allocate_kits,
    regency_quotas,
)
from dayasos.programs.apd._kit import ApdKit, KitItem, kit_on
from dayasos.programs.apd._recipient import ApdRecipient, PillarRole
from dayasos.programs.apd._rules import (
    CODE,
    LEGAL_BASIS,
    PROGRAM,
    load_apd_parameters,
)


__all__ = [
    "CODE",
    "ENTRY",
    "LEGAL_BASIS",
    "PROGRAM",
    "ApdAllocation",
    "ApdKit",
    "ApdRecipient",
    "KitItem",
    "PillarRole",
    "allocate_kits",
    "kit_on",
    "load_apd_parameters",
    "regency_quotas",
]

#: The catalogue entry of the APD kits.
ENTRY = CatalogueEntry(
    code=CODE,
    name_id="Bantuan Alat Pelindung Diri (APD) bagi Pilar Sosial",
    name_en="Protective kits (APD) for social pillars and heroes' families",
    directorate="Ditjen Dayasos",
    legal_basis=LEGAL_BASIS,
    beneficiary=BeneficiaryKind.PERSON,
    aid_kind=AidKind.PROTECTIVE_KIT,
    schedule="one-off kits: 13 Apr 2020 (4,637 packages, 32 provinces); "
    "Aug 2021 (1,000 packages per kabupaten/kota via Karang Taruna)",
    program=PROGRAM,
    parameters=load_apd_parameters(),
)
