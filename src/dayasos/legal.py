"""
Legal references and how far a fact was checked.

One type cites the law everywhere: a PPKS category's basis, a program's
criteria and the dated values of policy parameters.

>>> str(LegalReference(instrument="Permensos", number="08", year=2012))
'Permensos 08/2012'
>>> str(LegalReference(instrument="Perpres", number="186", year=2014,
...                    article="Pasal 2"))
'Perpres 186/2014 Pasal 2'
>>> str(LegalReference(instrument="Simulasi", title="PKH lansia 3 juta"))
'Simulasi: PKH lansia 3 juta'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs


__all__ = [
    "PERMENSOS_08_2012",
    "PERMENSOS_1_2018",
    "PERMENSOS_12_2015",
    "PERMENSOS_15_2018",
    "PERMENSOS_22_2017",
    "PERPRES_186_2014",
    "UU_11_2009",
    "UU_13_1998",
    "UU_13_2011",
    "UU_20_2009",
    "Confidence",
    "LegalReference",
]


class Confidence(enum.Enum):
    """
    How far a fact's source can be trusted (the scale of the domain notes).

    .. versionadded:: 0.1.0
    """

    #: Read in the legal instrument itself or an official publication.
    HIGH = "high"
    #: A secondary source (news, slides) quoting the instrument.
    MEDIUM = "medium"
    #: A weak or indirect source.
    LOW = "low"
    #: Reported but not checked against any source; or sources conflict.
    UNVERIFIED = "unverified"


@attrs.frozen(kw_only=True)
class LegalReference:
    """
    The legal instrument (or, for a reform, the simulation) a fact rests on.

    Args:
        instrument: The kind of instrument as it is cited:
            ``"UU"``, ``"PP"``, ``"Perpres"``, ``"Permensos"``,
            ``"Kepmensos"``, ``"Keputusan Dirjen Linjamsos"`` ...,
            or ``"Simulasi"`` for a reform.
        number: The number as printed, e.g. ``"08"`` or
            ``"02/SK/LJS/01/2019"``.
        year: The year of enactment.
        article: The article (pasal) and paragraph (ayat), when known.
        title: The instrument's (or the simulation's) title.
        url: Where the text can be read.

    .. versionadded:: 0.1.0
    """

    instrument: str
    number: str | None = None
    year: int | None = None
    article: str | None = None
    title: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        text = self.instrument
        if self.number is not None and self.year is not None:
            text = f"{text} {self.number}/{self.year}"
        elif self.number is not None:
            text = f"{text} {self.number}"
        elif self.year is not None:
            text = f"{text} ({self.year})"
        if self.article:
            text = f"{text} {self.article}"
        if self.number is None and self.title:
            text = f"{text}: {self.title}"
        return text


# The instruments cited across dayasos, each written once.

#: Undang-Undang 11/2009 on social welfare.
UU_11_2009 = LegalReference(
    instrument="UU", number="11", year=2009, title="Kesejahteraan Sosial"
)

UU_13_2011 = LegalReference(
    instrument="UU", number="13", year=2011, title="Penanganan Fakir Miskin"
)

UU_13_1998 = LegalReference(
    instrument="UU",
    number="13",
    year=1998,
    title="Kesejahteraan Lanjut Usia",
)

#: UU 20/2009 on titles and honours: the national heroes.
UU_20_2009 = LegalReference(
    instrument="UU",
    number="20",
    year=2009,
    title="Gelar, Tanda Jasa, dan Tanda Kehormatan",
)

#: Permensos 1/2018 on PKH, which defines graduation (graduasi).
PERMENSOS_1_2018 = LegalReference(
    instrument="Permensos",
    number="1",
    year=2018,
    title="Program Keluarga Harapan",
)

PERMENSOS_08_2012 = LegalReference(
    instrument="Permensos",
    number="08",
    year=2012,
    title="Pedoman Pendataan dan Pengelolaan Data PMKS dan PSKS",
)

PERMENSOS_15_2018 = LegalReference(
    instrument="Permensos",
    number="15",
    year=2018,
    title="Sistem Layanan dan Rujukan Terpadu",
)

#: Permensos 12/2015, implementing Perpres 186/2014.
PERMENSOS_12_2015 = LegalReference(
    instrument="Permensos",
    number="12",
    year=2015,
    title="Pelaksanaan Perpres 186/2014 tentang Pemberdayaan Sosial "
    "terhadap KAT",
)

#: Permensos 22/2017 on Restorasi Sosial.
PERMENSOS_22_2017 = LegalReference(
    instrument="Permensos",
    number="22",
    year=2017,
    title="Restorasi Sosial",
)

PERPRES_186_2014 = LegalReference(
    instrument="Perpres",
    number="186",
    year=2014,
    title="Pemberdayaan Sosial terhadap Komunitas Adat Terpencil",
)
