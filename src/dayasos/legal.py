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


__all__ = ["Confidence", "LegalReference"]


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
