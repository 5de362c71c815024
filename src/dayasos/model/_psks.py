"""
The 12 PSKS (Potensi dan Sumber Kesejahteraan Sosial).

Individuals, families, groups and communities able to take part in
social-welfare provision: Permensos 08/2012 raised them from 6 to 12.
The enum keeps the official order; each value is a stable code
``PSKS-01`` ... ``PSKS-12`` whose number is the official position
(items 1-11 as published by Dinsos Kaltim; the twelfth, Dunia Usaha,
by inference from other lists).

>>> PSKS.TKSK.number
11
>>> PSKS.from_number(5).label_id
'Karang Taruna'
>>> [str(r) for r in PSKS.TAGANA.references]
['Permensos 08/2012', 'Permensos 28/2012']

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from dayasos.model._category import NumberedCategory, check_number
from dayasos.model._criteria import AgeBand, CategoryCriteria
from dayasos.model._reference import (
    PERMENSOS_08_2012,
    Confidence,
    LegalReference,
)


__all__ = ["PSKS"]


class PSKS(NumberedCategory, enum.Enum):
    """
    A PSKS (Permensos 08/2012), in the official order.

    .. versionadded:: 0.1.0
    """

    PEKERJA_SOSIAL_PROFESIONAL = "PSKS-01"
    #: Pekerja Sosial Masyarakat.
    PSM = "PSKS-02"
    #: Taruna Siaga Bencana.
    TAGANA = "PSKS-03"
    #: Lembaga Kesejahteraan Sosial.
    LKS = "PSKS-04"
    KARANG_TARUNA = "PSKS-05"
    #: Lembaga Konsultasi Kesejahteraan Keluarga.
    LK3 = "PSKS-06"
    KELUARGA_PIONER = "PSKS-07"
    #: Wahana Kesejahteraan Sosial Keluarga Berbasis Masyarakat.
    WKSBM = "PSKS-08"
    #: Wanita Pemimpin Kesejahteraan Sosial.
    WPKS = "PSKS-09"
    PENYULUH_SOSIAL = "PSKS-10"
    #: Tenaga Kesejahteraan Sosial Kecamatan.
    TKSK = "PSKS-11"
    #: Dunia Usaha that carries out social-welfare efforts (CSR).
    DUNIA_USAHA = "PSKS-12"

    @classmethod
    def from_number(cls, number: int) -> PSKS:
        """
        The category at an official position, 1 to 12.

        Raises:
            ValidationError: ``psks.number`` outside 1-12.

        .. versionadded:: 0.1.0
        """
        return cls(
            check_number(
                number, area="psks", count=len(cls), example="11 for TKSK"
            )
        )

    def _info(self) -> _Info:
        return _INFO[self]


def _ref(
    instrument: str, number: str, year: int, title: str | None = None
) -> LegalReference:
    return LegalReference(
        instrument=instrument, number=number, year=year, title=title
    )


_UNKNOWN = CategoryCriteria(age=None, confidence=Confidence.UNVERIFIED)


@attrs.frozen(kw_only=True)
class _Info:
    label_id: str
    label_en: str
    basis: tuple[LegalReference, ...] = ()
    criteria: CategoryCriteria = _UNKNOWN

    @property
    def references(self) -> tuple[LegalReference, ...]:
        return (PERMENSOS_08_2012, *self.basis)


_INFO: dict[PSKS, _Info] = {
    PSKS.PEKERJA_SOSIAL_PROFESIONAL: _Info(
        label_id="Pekerja Sosial Profesional",
        label_en="Professional social worker",
        basis=(
            _ref("UU", "14", 2019, "Pekerja Sosial"),
            _ref("Permensos", "14", 2020),
        ),
    ),
    PSKS.PSM: _Info(
        label_id="Pekerja Sosial Masyarakat",
        label_en="Community social worker",
        basis=(
            _ref("Kepmensos", "28/HUK", 1987),
            _ref("Permensos", "1", 2012, "Pekerja Sosial Masyarakat"),
        ),
        criteria=CategoryCriteria(
            age=AgeBand(18, 59),
            confidence=Confidence.UNVERIFIED,
            note="trained community figure, at least SLTP schooling",
        ),
    ),
    PSKS.TAGANA: _Info(
        label_id="Taruna Siaga Bencana",
        label_en="Disaster-preparedness volunteer",
        basis=(_ref("Permensos", "28", 2012, "Pedoman Umum Tagana"),),
    ),
    PSKS.LKS: _Info(
        label_id="Lembaga Kesejahteraan Sosial",
        label_en="Social welfare institution",
    ),
    PSKS.KARANG_TARUNA: _Info(
        label_id="Karang Taruna",
        label_en="Village youth organisation",
        basis=(
            _ref("Permensos", "25", 2019, "Karang Taruna"),
            _ref("Permensos", "9", 2025),
        ),
        criteria=CategoryCriteria(
            age=None,
            confidence=Confidence.UNVERIFIED,
            note="member ages 13-45 are often cited, unchecked",
        ),
    ),
    PSKS.LK3: _Info(
        label_id="Lembaga Konsultasi Kesejahteraan Keluarga",
        label_en="Family welfare consultation institution",
    ),
    PSKS.KELUARGA_PIONER: _Info(
        label_id="Keluarga Pioner",
        label_en="Pioneer family",
    ),
    PSKS.WKSBM: _Info(
        label_id="Wahana Kesejahteraan Sosial Keluarga Berbasis Masyarakat",
        label_en="Community-based family welfare network",
    ),
    PSKS.WPKS: _Info(
        label_id="Wanita Pemimpin Kesejahteraan Sosial",
        label_en="Woman leader in social welfare",
    ),
    PSKS.PENYULUH_SOSIAL: _Info(
        label_id="Penyuluh Sosial",
        label_en="Social extension worker",
    ),
    PSKS.TKSK: _Info(
        label_id="Tenaga Kesejahteraan Sosial Kecamatan",
        label_en="District social welfare worker",
        basis=(
            _ref("Permensos", "28", 2018),
            _ref("Perdirjen Dayasos", "35", 2020),
        ),
    ),
    PSKS.DUNIA_USAHA: _Info(
        label_id="Dunia Usaha",
        label_en="Business sector engaged in social welfare",
    ),
}
