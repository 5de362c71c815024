"""
Who may receive an APD kit: a person, the pillar they serve, where.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs


if TYPE_CHECKING:
    from dayasos.ids import RegionCode
    from dayasos.model import Person


__all__ = ["ApdRecipient", "PillarRole"]


class PillarRole(enum.Enum):
    """
    The social pillar (pilar sosial) a person serves in.

    .. versionadded:: 0.1.0
    """

    #: Tenaga Kesejahteraan Sosial Kecamatan.
    TKSK = "tksk"
    #: Pekerja Sosial Masyarakat.
    PSM = "psm"
    KARANG_TARUNA = "karang_taruna"
    #: Staff of a Sistem Layanan dan Rujukan Terpadu.
    SLRT = "slrt"
    #: Staff of a Pusat Kesejahteraan Sosial.
    PUSKESOS = "puskesos"
    #: Pendamping profesional of a KAT community.
    PENDAMPING_KAT = "pendamping_kat"
    #: Another social pillar (Tagana, LKS ...).
    OTHER = "other"
    #: Known to serve in no social pillar.
    NONE = "none"


@attrs.frozen(kw_only=True)
class ApdRecipient:
    """
    A person who may receive an APD kit.

    Args:
        id: The record's identifier (never a NIK); quotas break ties
            with it.
        person: The person; `Person.hero_status` tells the families of
            heroes and pioneers.
        role: The social pillar the person serves in; `PillarRole.NONE`
            when known to serve in none, `None` when not collected.
        region: Where the person serves or lives; its province (or
            kabupaten/kota) picks the quota.

    .. versionadded:: 0.1.0
    """

    id: str
    person: Person
    role: PillarRole | None = None
    region: RegionCode | None = None
