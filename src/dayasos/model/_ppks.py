"""
The 26 PPKS categories (Pemerlu Pelayanan Kesejahteraan Sosial).

Permensos 08/2012 raised the categories, then called PMKS, from 22 to 26;
later DTKS regulations (Permensos 5/2019, 3/2021) are reported to keep the
same list under the name PPKS.
The enum keeps the official order; each value is a stable code
``PPKS-01`` ... ``PPKS-26`` whose number is the official position.

>>> PPKS.ANAK_TERLANTAR.number
2
>>> PPKS.from_number(23).label_id
'Perempuan Rawan Sosial Ekonomi'
>>> str(PPKS.LANSIA_TERLANTAR.criteria.age)
'60+'

Age and sex criteria are verified only for categories 1-3, 8 and 23;
the others are marked `Confidence.UNVERIFIED`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from dayasos.ids import Sex
from dayasos.legal import PERPRES_186_2014, UU_13_1998, UU_13_2011
from dayasos.model._category import NumberedCategory, check_number
from dayasos.model._criteria import AgeBand, CategoryCriteria
from dayasos.model._reference import (
    PERMENSOS_08_2012,
    Confidence,
    LegalReference,
)


__all__ = ["PPKS"]


class PPKS(NumberedCategory, enum.Enum):
    """
    A PPKS category (Permensos 08/2012), in the official order.

    .. versionadded:: 0.1.0
    """

    ANAK_BALITA_TERLANTAR = "PPKS-01"
    ANAK_TERLANTAR = "PPKS-02"
    #: Anak yang Berhadapan dengan Hukum (ABH).
    ANAK_BERHADAPAN_HUKUM = "PPKS-03"
    ANAK_JALANAN = "PPKS-04"
    #: Anak dengan Kedisabilitasan (ADK).
    ANAK_DISABILITAS = "PPKS-05"
    ANAK_KORBAN_KEKERASAN = "PPKS-06"
    #: Anak yang Memerlukan Perlindungan Khusus (AMPK).
    ANAK_PERLINDUNGAN_KHUSUS = "PPKS-07"
    LANSIA_TERLANTAR = "PPKS-08"
    PENYANDANG_DISABILITAS = "PPKS-09"
    TUNA_SUSILA = "PPKS-10"
    GELANDANGAN = "PPKS-11"
    PENGEMIS = "PPKS-12"
    PEMULUNG = "PPKS-13"
    KELOMPOK_MINORITAS = "PPKS-14"
    #: Bekas Warga Binaan Lembaga Pemasyarakatan.
    BWBLP = "PPKS-15"
    #: Orang dengan HIV/AIDS.
    ODHA = "PPKS-16"
    KORBAN_NAPZA = "PPKS-17"
    KORBAN_TRAFFICKING = "PPKS-18"
    KORBAN_KEKERASAN = "PPKS-19"
    #: Pekerja Migran Bermasalah Sosial.
    PMBS = "PPKS-20"
    KORBAN_BENCANA_ALAM = "PPKS-21"
    KORBAN_BENCANA_SOSIAL = "PPKS-22"
    #: Perempuan Rawan Sosial Ekonomi.
    PRSE = "PPKS-23"
    FAKIR_MISKIN = "PPKS-24"
    #: Keluarga Bermasalah Sosial Psikologis.
    KBSP = "PPKS-25"
    #: Komunitas Adat Terpencil.
    KAT = "PPKS-26"

    @classmethod
    def from_number(cls, number: int) -> PPKS:
        """
        The category at an official position, 1 to 26.

        Raises:
            ValidationError: ``ppks.number`` outside 1-26.

        .. versionadded:: 0.1.0
        """
        return cls(
            check_number(
                number,
                area="ppks",
                count=len(cls),
                example="24 for Fakir Miskin",
            )
        )

    def _info(self) -> _Info:
        return _INFO[self]


@attrs.frozen(kw_only=True)
class _Info:
    label_id: str
    label_en: str
    criteria: CategoryCriteria
    references: tuple[LegalReference, ...] = (PERMENSOS_08_2012,)


def _checked(
    low: int | None, high: int | None, note: str | None = None
) -> CategoryCriteria:
    return CategoryCriteria(
        age=AgeBand(low, high), confidence=Confidence.HIGH, note=note
    )


def _reported(
    band: AgeBand | None = None, note: str | None = None
) -> CategoryCriteria:
    return CategoryCriteria(
        age=band, confidence=Confidence.UNVERIFIED, note=note
    )


_CHILD = AgeBand(0, 17)

_INFO: dict[PPKS, _Info] = {
    PPKS.ANAK_BALITA_TERLANTAR: _Info(
        label_id="Anak Balita Terlantar",
        label_en="Neglected child under five",
        criteria=_checked(0, 5, "neglected and/or in a poor family"),
    ),
    PPKS.ANAK_TERLANTAR: _Info(
        label_id="Anak Terlantar",
        label_en="Neglected child",
        criteria=_checked(6, 18, "basic needs unmet, from a poor family"),
    ),
    PPKS.ANAK_BERHADAPAN_HUKUM: _Info(
        label_id="Anak yang Berhadapan dengan Hukum",
        label_en="Child in conflict with the law",
        criteria=_checked(12, 17, "suspect, accused, convict or witness"),
    ),
    PPKS.ANAK_JALANAN: _Info(
        label_id="Anak Jalanan",
        label_en="Street child",
        criteria=_reported(AgeBand(5, 18), "sources give 5-18 or 6-18"),
    ),
    PPKS.ANAK_DISABILITAS: _Info(
        label_id="Anak dengan Kedisabilitasan",
        label_en="Child with a disability",
        criteria=_reported(_CHILD),
    ),
    PPKS.ANAK_KORBAN_KEKERASAN: _Info(
        label_id=(
            "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah"
        ),
        label_en="Child victim of violence or maltreatment",
        criteria=_reported(_CHILD),
    ),
    PPKS.ANAK_PERLINDUNGAN_KHUSUS: _Info(
        label_id="Anak yang Memerlukan Perlindungan Khusus",
        label_en="Child in need of special protection",
        criteria=_reported(_CHILD),
    ),
    PPKS.LANSIA_TERLANTAR: _Info(
        label_id="Lanjut Usia Terlantar",
        label_en="Neglected older person",
        criteria=_checked(60, None, "basic needs unmet"),
        references=(PERMENSOS_08_2012, UU_13_1998),
    ),
    PPKS.PENYANDANG_DISABILITAS: _Info(
        label_id="Penyandang Disabilitas",
        label_en="Person with a disability",
        criteria=_reported(note="an adult band 18-59 is reported, unchecked"),
    ),
    PPKS.TUNA_SUSILA: _Info(
        label_id="Tuna Susila",
        label_en="Sex worker",
        criteria=_reported(),
    ),
    PPKS.GELANDANGAN: _Info(
        label_id="Gelandangan",
        label_en="Homeless person",
        criteria=_reported(),
    ),
    PPKS.PENGEMIS: _Info(
        label_id="Pengemis",
        label_en="Beggar",
        criteria=_reported(),
    ),
    PPKS.PEMULUNG: _Info(
        label_id="Pemulung",
        label_en="Waste picker",
        criteria=_reported(),
    ),
    PPKS.KELOMPOK_MINORITAS: _Info(
        label_id="Kelompok Minoritas",
        label_en="Minority group",
        criteria=_reported(),
    ),
    PPKS.BWBLP: _Info(
        label_id="Bekas Warga Binaan Lembaga Pemasyarakatan",
        label_en="Former prison inmate",
        criteria=_reported(note="within 3 months of release or after"),
    ),
    PPKS.ODHA: _Info(
        label_id="Orang dengan HIV/AIDS",
        label_en="Person living with HIV/AIDS",
        criteria=_reported(AgeBand(18, None), "reported as over 18"),
    ),
    PPKS.KORBAN_NAPZA: _Info(
        label_id="Korban Penyalahgunaan NAPZA",
        label_en="Victim of substance abuse",
        criteria=_reported(AgeBand(10, None), "older Depsos criteria"),
    ),
    PPKS.KORBAN_TRAFFICKING: _Info(
        label_id="Korban Trafficking",
        label_en="Victim of human trafficking",
        criteria=_reported(),
    ),
    PPKS.KORBAN_KEKERASAN: _Info(
        label_id="Korban Tindak Kekerasan",
        label_en="Victim of violence",
        criteria=_reported(),
    ),
    PPKS.PMBS: _Info(
        label_id="Pekerja Migran Bermasalah Sosial",
        label_en="Migrant worker with social problems",
        criteria=_reported(),
    ),
    PPKS.KORBAN_BENCANA_ALAM: _Info(
        label_id="Korban Bencana Alam",
        label_en="Victim of a natural disaster",
        criteria=_reported(),
    ),
    PPKS.KORBAN_BENCANA_SOSIAL: _Info(
        label_id="Korban Bencana Sosial",
        label_en="Victim of a social disaster",
        criteria=_reported(),
    ),
    PPKS.PRSE: _Info(
        label_id="Perempuan Rawan Sosial Ekonomi",
        label_en="Socio-economically vulnerable woman",
        criteria=CategoryCriteria(
            age=AgeBand(18, 59),
            sexes={Sex.FEMALE},
            confidence=Confidence.HIGH,
            note="income insufficient for basic needs",
        ),
    ),
    PPKS.FAKIR_MISKIN: _Info(
        label_id="Fakir Miskin",
        label_en="Poor person or family",
        criteria=_reported(),
        references=(PERMENSOS_08_2012, UU_13_2011),
    ),
    PPKS.KBSP: _Info(
        label_id="Keluarga Bermasalah Sosial Psikologis",
        label_en="Family with social-psychological problems",
        criteria=_reported(),
    ),
    PPKS.KAT: _Info(
        label_id="Komunitas Adat Terpencil",
        label_en="Remote indigenous community",
        criteria=_reported(),
        references=(PERMENSOS_08_2012, PERPRES_186_2014),
    ),
}
