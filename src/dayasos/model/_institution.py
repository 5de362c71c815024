"""
Institutions and social pillars (lembaga, pilar sosial).

Each kind links to its PSKS (Permensos 08/2012) where one exists;
Puskesos, SLRT, IPSPI and IPSM are not PSKS.

>>> lks = Institution(
...     id="lks-7",
...     kind=InstitutionKind.LKS,
...     name="LKS Harapan",
...     accreditation=Accreditation.B,
... )
>>> lks.kind.psks.label_id
'Lembaga Kesejahteraan Sosial'
>>> InstitutionKind.SLRT.psks is None
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.legal import PERMENSOS_15_2018
from dayasos.model._psks import PSKS


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode
    from dayasos.model._person import Person
    from dayasos.model._reference import LegalReference


__all__ = [
    "Accreditation",
    "Institution",
    "InstitutionKind",
    "LegalStatus",
    "StaffMember",
    "StaffRole",
]


class InstitutionKind(enum.Enum):
    """
    Kinds of institution and social pillar.

    .. versionadded:: 0.1.0
    """

    #: Pusat Kesejahteraan Sosial: village-level SLRT.
    PUSKESOS = "puskesos"
    #: Sistem Layanan dan Rujukan Terpadu.
    SLRT = "slrt"
    LKS = "lks"
    KARANG_TARUNA = "karang_taruna"
    #: Independen Pekerja Sosial Profesional Indonesia.
    IPSPI = "ipspi"
    #: Ikatan Pekerja Sosial Masyarakat.
    IPSM = "ipsm"
    LK3 = "lk3"
    WKSBM = "wksbm"
    TKSK = "tksk"
    PSM = "psm"
    TAGANA = "tagana"
    PEKERJA_SOSIAL_PROFESIONAL = "pekerja_sosial_profesional"
    PENYULUH_SOSIAL = "penyuluh_sosial"
    KELUARGA_PIONER = "keluarga_pioner"
    WPKS = "wpks"
    DUNIA_USAHA = "dunia_usaha"

    @property
    def psks(self) -> PSKS | None:
        """The PSKS this kind is, or `None`."""
        return _PSKS.get(self)

    @property
    def references(self) -> tuple[LegalReference, ...]:
        """The legal basis as far as known; may be empty."""
        psks = self.psks
        return psks.references if psks else _OWN.get(self, ())


_K = InstitutionKind
_PSKS: dict[InstitutionKind, PSKS] = {
    _K.LKS: PSKS.LKS,
    _K.KARANG_TARUNA: PSKS.KARANG_TARUNA,
    _K.LK3: PSKS.LK3,
    _K.WKSBM: PSKS.WKSBM,
    _K.TKSK: PSKS.TKSK,
    _K.PSM: PSKS.PSM,
    _K.TAGANA: PSKS.TAGANA,
    _K.PEKERJA_SOSIAL_PROFESIONAL: PSKS.PEKERJA_SOSIAL_PROFESIONAL,
    _K.PENYULUH_SOSIAL: PSKS.PENYULUH_SOSIAL,
    _K.KELUARGA_PIONER: PSKS.KELUARGA_PIONER,
    _K.WPKS: PSKS.WPKS,
    _K.DUNIA_USAHA: PSKS.DUNIA_USAHA,
}
_OWN: dict[InstitutionKind, tuple[LegalReference, ...]] = {
    _K.SLRT: (PERMENSOS_15_2018,),
    _K.PUSKESOS: (PERMENSOS_15_2018,),
}


class Accreditation(enum.Enum):
    """
    Accreditation grade; `None` where a grade is expected means unknown.

    .. versionadded:: 0.1.0
    """

    A = "A"
    B = "B"
    C = "C"
    #: Known not to be accredited.
    NONE = "none"


class StaffRole(enum.Enum):
    """
    A person's role in an institution.

    .. versionadded:: 0.1.0
    """

    #: Ketua.
    CHAIR = "chair"
    #: Wakil ketua.
    VICE_CHAIR = "vice_chair"
    #: Sekretaris.
    SECRETARY = "secretary"
    #: Bendahara.
    TREASURER = "treasurer"
    #: Koordinator.
    COORDINATOR = "coordinator"
    #: Pendamping.
    FACILITATOR = "facilitator"
    #: Pekerja sosial.
    SOCIAL_WORKER = "social_worker"
    #: Pengurus or pegawai.
    STAFF = "staff"
    #: Anggota.
    MEMBER = "member"
    #: Relawan.
    VOLUNTEER = "volunteer"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class LegalStatus:
    """
    Legal entity and registration of an institution.

    Args:
        legal_entity: Whether it is a legal entity (berbadan hukum).
        legal_entity_number: The legal-entity decree number.
        registration_number: The registration (tanda daftar) number.
        registered_on: The registration date.

    Raises:
        ValidationError: ``institution.legal_entity`` for a legal-entity
            number on what is stated not to be a legal entity.

    .. versionadded:: 0.1.0
    """

    legal_entity: bool | None = None
    legal_entity_number: str | None = None
    registration_number: str | None = None
    registered_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.legal_entity is False and self.legal_entity_number:
            raise ValidationError(
                "a legal-entity number {value!r} needs legal_entity True "
                "or None",
                code="institution.legal_entity",
                path="legal_entity_number",
                value=self.legal_entity_number,
            )


@attrs.frozen(kw_only=True)
class StaffMember:
    """
    A person serving in an institution, with their role.

    .. versionadded:: 0.1.0
    """

    person: Person
    role: StaffRole | None = None
    since: dt.date | None = None


def _staff(
    values: Iterable[StaffMember] | None,
) -> tuple[StaffMember, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class Institution:
    """
    An institution or social pillar, as collected.

    Args:
        id: The record's identifier in its data set.
        kind: The kind of institution.
        name: Its name.
        region: Where it sits; its level tells a village Puskesos from a
            district one.
        legal_status: Legal entity and registration.
        accreditation: Accreditation grade.
        staff: Members and staff with their roles; empty when known to
            have none.
        active_since: Since when it is active (the first day).
        active_until: The first day it is no longer active: dissolved,
            deregistered or declared inactive; `None` while no end is
            recorded. Together with `active_since` it spans the
            half-open ``[active_since, active_until)``.

    Raises:
        ValidationError: ``institution.staff_id`` for a person listed
            twice.

    .. versionadded:: 0.1.0
    """

    id: str
    kind: InstitutionKind
    name: str | None = None
    region: RegionCode | None = None
    legal_status: LegalStatus | None = None
    accreditation: Accreditation | None = None
    staff: tuple[StaffMember, ...] | None = attrs.field(
        default=None, converter=_staff
    )
    active_since: dt.date | None = None
    active_until: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for i, member in enumerate(self.staff or ()):
            if member.person.id in seen:
                raise ValidationError(
                    "a person is listed once per institution, "
                    "{value!r} repeats",
                    code="institution.staff_id",
                    path=f"staff[{i}].person.id",
                    value=member.person.id,
                )
            seen.add(member.person.id)
        start, end = self.active_since, self.active_until
        if start is not None and end is not None and end <= start:
            raise ValidationError(
                "active_until is the first day no longer active and comes "
                "after active_since ({start}), got {value}",
                code="institution.active_dates",
                path="active_until",
                value=end.isoformat(),
                start=start.isoformat(),
            )

    @property
    def psks(self) -> PSKS | None:
        """The PSKS the institution's kind is, or `None`."""
        return self.kind.psks

    def is_active_on(self, on: dt.date) -> bool | None:
        """
        Whether active on a date; `None` when its start is unknown.

        An end on or before `on` makes it inactive whatever its start.

        >>> import datetime as dt
        >>> kt = Institution(
        ...     id="kt-1",
        ...     kind=InstitutionKind.KARANG_TARUNA,
        ...     active_since=dt.date(2015, 3, 1),
        ...     active_until=dt.date(2021, 1, 1),
        ... )
        >>> kt.is_active_on(dt.date(2020, 12, 31))
        True
        >>> kt.is_active_on(dt.date(2021, 1, 1))
        False

        .. versionadded:: 0.1.0
        """
        if self.active_until is not None and on >= self.active_until:
            return False
        if self.active_since is None:
            return None
        return self.active_since <= on

    @property
    def is_accredited(self) -> bool | None:
        """Whether accredited (A, B or C); `None` when unknown."""
        if self.accreditation is None:
            return None
        return self.accreditation is not Accreditation.NONE

    def staff_with_role(self, role: StaffRole) -> tuple[Person, ...] | None:
        """
        The people with a role; `None` when staff were not collected.

        .. versionadded:: 0.1.0
        """
        if self.staff is None:
            return None
        return tuple(s.person for s in self.staff if s.role is role)
