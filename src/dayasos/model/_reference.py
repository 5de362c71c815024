"""
Legal references and how far a fact was checked.

>>> str(LegalReference(instrument="Permensos", number="08", year=2012))
'Permensos 08/2012'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs


__all__ = ["Confidence", "LegalReference"]


class Confidence(enum.Enum):
    """
    How far a criterion was checked against the text of the law.

    .. versionadded:: 0.1.0
    """

    #: Read in the regulation or quoted from it by an official source.
    VERIFIED = "verified"
    #: Reported by secondary sources only; treat as configurable.
    UNVERIFIED = "unverified"


@attrs.frozen(kw_only=True)
class LegalReference:
    """
    A legal instrument (and optionally the article) a fact rests on.

    Args:
        instrument: The kind of instrument as it is cited:
            ``"UU"``, ``"PP"``, ``"Perpres"``, ``"Permensos"``,
            ``"Kepmensos"``, ``"Perdirjen Dayasos"`` ...
        number: The number as printed, e.g. ``"08"`` or ``"28/HUK"``.
        year: The year of enactment.
        article: The article or annex, e.g. ``"Pasal 1"``, when known.
        title: The instrument's title, when useful.

    >>> ref = LegalReference(
    ...     instrument="Perpres", number="186", year=2014, article="Pasal 2"
    ... )
    >>> str(ref)
    'Perpres 186/2014 Pasal 2'

    .. versionadded:: 0.1.0
    """

    instrument: str
    number: str
    year: int
    article: str | None = None
    title: str | None = None

    def __str__(self) -> str:
        text = f"{self.instrument} {self.number}/{self.year}"
        return f"{text} {self.article}" if self.article else text


PERMENSOS_08_2012 = LegalReference(
    instrument="Permensos",
    number="08",
    year=2012,
    title="Pedoman Pendataan dan Pengelolaan Data PMKS dan PSKS",
)
