"""
Cells of report tables: raw values and how each kind reads for people.

A report's tables hold raw values (counts, `Rupiah`, exact ratios);
a `Formatter` turns them into text in a language,
with the number formats of a locale (Indonesian by default, whatever
the language of the words: ``Rp1.500.000`` and ``107,14%``).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction

import attrs

from dayasos.l10n import (
    format_number,
    format_percent,
    format_rupiah,
    resolve_locale,
    translate,
)
from dayasos.metrics import Achievement, MeasureUnit, Rating
from dayasos.money import Rounding, Rupiah


__all__ = ["DASH", "Formatter", "Kind", "Measure"]

#: What an empty cell shows: the value is unknown or does not apply.
DASH = "\u2013"


class Kind(enum.Enum):
    """
    The kinds of cell of a report table.

    .. versionadded:: 0.1.0
    """

    #: Words (names, codes, labels already in the report's language).
    TEXT = "text"
    #: A whole number.
    COUNT = "count"
    #: An amount of money.
    RUPIAH = "rupiah"
    #: An exact ratio shown as a percentage (1 is 100%).
    PERCENT = "percent"
    #: A value of an indicator, in the indicator's unit (`Measure`).
    MEASURE = "measure"
    #: An achievement (`Achievement`), possibly not applicable.
    ACHIEVEMENT = "achievement"
    #: A rating (`Rating`): a value and its band.
    RATING = "rating"


@attrs.frozen
class Measure:
    """
    A value of an indicator with its unit; a range when `upper` is set.

    .. versionadded:: 0.1.0
    """

    value: int | Rupiah | Fraction
    unit: MeasureUnit
    upper: int | Rupiah | Fraction | None = None


@attrs.frozen
class Formatter:
    """
    Text of cells in a language, with the number formats of a locale.

    >>> from dayasos.money import Rupiah
    >>> Formatter("en").cell(Kind.RUPIAH, Rupiah(1_500_000))
    'Rp1.500.000'
    >>> Formatter("en", numbers="en").cell(Kind.PERCENT, Fraction(1, 8))
    '12.50%'

    .. versionadded:: 0.1.0
    """

    #: The language of the words (``id`` or ``en``).
    language: str = attrs.field(converter=resolve_locale)
    #: The locale of the numbers; Indonesian by default.
    numbers: str = attrs.field(default="id", converter=resolve_locale)

    def word(self, code: str, /, **params: object) -> str:
        """The catalog's text of `code` in the report's language."""
        return translate(code, self.language, **params)

    def decimal(self, value: Fraction, digits: int = 2) -> str:
        """A number with `digits` decimals, rounded half up."""
        # format_percent's pinned pattern gives the locale's separators.
        text = format_percent(value / 100, self.numbers, digits)
        return text.removesuffix("%")

    def percent(self, value: Fraction) -> str:
        """A ratio as a percentage with two decimals."""
        return format_percent(value, self.numbers)

    def rupiah(self, value: Rupiah) -> str:
        """An amount of money."""
        return format_rupiah(value, self.numbers)

    def count(self, value: int) -> str:
        """A whole number with grouped digits."""
        return format_number(value, self.numbers)

    def measure(self, measure: Measure) -> str:
        """An indicator's value, or a range ``low-high``."""
        low = self._one(measure.value, measure.unit)
        if measure.upper is None:
            return low
        return f"{low}{DASH}{self._one(measure.upper, measure.unit)}"

    def _one(self, value: int | Rupiah | Fraction, unit: MeasureUnit) -> str:
        if isinstance(value, Rupiah):
            return self.rupiah(value)
        if isinstance(value, int):
            return self.count(value)
        if unit is MeasureUnit.PERCENT:
            return self.percent(value)
        return self.decimal(value)

    def achievement(self, achievement: Achievement) -> str:
        """An achievement in percent, or the word for not applicable."""
        if achievement.ratio is None:
            return self.word("report.not_applicable")
        return self.percent(achievement.ratio)

    def rating(self, rating: Rating) -> str:
        """A rating: its value, its band, and a mark when unverified."""
        mark = "" if rating.is_verified else "*"
        band = self.word(f"report.band.{rating.band.value}")
        return f"{self.decimal(rating.value)} ({band}){mark}"

    def cell(self, kind: Kind, value: object) -> str:
        """
        The text of a cell of `kind`; a dash for `None`.

        .. versionadded:: 0.1.0
        """
        if value is None:
            return DASH
        text: str = DASH
        match kind:
            case Kind.TEXT:
                text = str(value)
            case Kind.COUNT if isinstance(value, int):
                text = self.count(value)
            case Kind.RUPIAH if isinstance(value, Rupiah):
                text = self.rupiah(value)
            case Kind.PERCENT if isinstance(value, (Fraction, Decimal, int)):
                text = self.percent(Fraction(value))
            case Kind.MEASURE if isinstance(value, Measure):
                text = self.measure(value)
            case Kind.ACHIEVEMENT if isinstance(value, Achievement):
                text = self.achievement(value)
            case Kind.RATING if isinstance(value, Rating):
                text = self.rating(value)
        return text


def round_percent(value: Fraction, digits: int = 2) -> Decimal:
    """
    A ratio in percent rounded half up, as displayed (1 gives 100.00).

    .. versionadded:: 0.1.0
    """
    scaled = Rounding.HALF_UP.apply(value * 100 * 10**digits)
    return Decimal(scaled).scaleb(-digits)
