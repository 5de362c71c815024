"""
Money, counts and percentages as people read them.

Every format is a pinned babel pattern, so the output does not move
when babel or CLDR change their defaults:
no decimals for rupiah, no non-breaking space after the symbol,
a plain hyphen-minus before negative amounts.

>>> format_rupiah(Rupiah(1_500_000))
'Rp1.500.000'
>>> format_rupiah(1_500_000, locale="en")
'IDR 1,500,000'
>>> format_percent(Fraction(75, 70))
'107,14%'
>>> format_number(1_234_567, locale="en")
'1,234,567'
"""

from __future__ import annotations

import decimal
import functools
from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.l10n._locale import LocaleArg, babel_locale, resolve_locale
from dayasos.money import Rounding, Rupiah


__all__ = [
    "format_number",
    "format_percent",
    "format_rupiah",
]

#: Rupiah patterns: the symbol is a quoted literal, whole rupiah only.
_RUPIAH_PATTERNS = {
    "id": "'Rp'#,##0",
    "en": "'IDR' #,##0",
}

#: Whole numbers with grouping.
_COUNT_PATTERN = "#,##0"


@functools.lru_cache(maxsize=8192, typed=True)
def _format(number: int | Decimal, pattern: str, language: str) -> str:
    # Cached: explanations format the same amounts over and over.
    # babel works in the current decimal context: give it enough digits
    # for amounts beyond the default 28 (trillions of rupiah in sen, or
    # very large counts), so big numbers are never rounded or refused.
    digits = len(str(abs(number))) + 10
    with decimal.localcontext() as context:
        context.prec = max(context.prec, digits)
        return str(
            format_decimal(
                number, format=pattern, locale=babel_locale(language)
            )
        )


def whole_rupiah(amount: object, *, path: str = "amount") -> int:
    """
    Return the integer of a `Rupiah` or an `int`; refuse anything else.

    Raises:
        InvalidFormat: for floats, bools, strings and other types.

    .. versionadded:: 0.1.0
    """
    if isinstance(amount, Rupiah):
        return amount.amount
    if isinstance(amount, int) and not isinstance(amount, bool):
        return amount
    raise InvalidFormat(
        "Rupiah amounts are whole numbers of rupiah (Rupiah or int), "
        "got {kind} {value!r}; e.g. Rupiah(1500000)",
        code="rupiah.not_int",
        path=path,
        value=amount,
        kind=type(amount).__name__,
    )


def format_rupiah(amount: Rupiah | int, locale: LocaleArg = "id") -> str:
    """
    Write an amount of rupiah as whole rupiah.

    Indonesian puts ``Rp`` right before the digits and groups them with
    dots; English writes the ISO code ``IDR``, a space and comma groups.
    A negative amount starts with a hyphen-minus.

    >>> format_rupiah(Rupiah(-1_500_000))
    '-Rp1.500.000'
    >>> format_rupiah(2_000_000_000_000, locale="en")
    'IDR 2,000,000,000,000'

    Args:
        amount: The amount, a `Rupiah` or an `int`.
        locale: ``"id"`` (default) or ``"en"``.

    Raises:
        InvalidFormat: when `amount` is a float, a bool or not a number.
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    number = whole_rupiah(amount)
    language = resolve_locale(locale)
    text = _format(abs(number), _RUPIAH_PATTERNS[language], language)
    return "-" + text if number < 0 else text


def format_number(value: int, locale: LocaleArg = "id") -> str:
    """
    Write a count (people, families, villages) with grouped digits.

    >>> format_number(1_234_567)
    '1.234.567'
    >>> format_number(-12_000, locale="en")
    '-12,000'

    Raises:
        InvalidFormat: when `value` is not an `int` (or is a bool).
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    number = _count(value)
    language = resolve_locale(locale)
    text = _format(abs(number), _COUNT_PATTERN, language)
    return "-" + text if number < 0 else text


def _count(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidFormat(
        "counts are whole numbers (int), got {kind} {value!r}; e.g. 1234567",
        code="l10n.not_int",
        path="value",
        value=value,
        kind=type(value).__name__,
    )


def _exact(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(
        value, (Fraction, Decimal, int)
    ):
        raise InvalidFormat(
            "percentages are made from exact ratios (Fraction, Decimal or "
            "int, 1 = 100%), got {kind} {value!r}; e.g. Fraction(3, 4)",
            code="l10n.percent_not_exact",
            path="value",
            value=value,
            kind=type(value).__name__,
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidFormat(
            "a percentage needs a finite ratio, got {value!r}",
            code="l10n.percent_not_finite",
            path="value",
            value=value,
        )
    return Fraction(value)


def _places(digits: object) -> int:
    if (
        isinstance(digits, int)
        and not isinstance(digits, bool)
        and digits >= 0
    ):
        return digits
    raise InvalidComponent(
        "digits is the number of decimals to show, 0 or more, "
        "got {value!r}; e.g. digits=2",
        code="l10n.percent_digits",
        path="digits",
        value=digits,
    )


def format_percent(
    value: Fraction | Decimal | int,
    locale: LocaleArg = "id",
    digits: int = 2,
) -> str:
    """
    Write a ratio as a percentage (1 means 100%).

    The ratio stays exact until display, then is rounded once to
    `digits` decimals, halves away from zero
    (``Rounding.HALF_UP``: a ratio of 0.00125 is ``0,13%``, where
    banker's rounding would give ``0,12%``).
    A value that rounds to zero has no minus sign.

    >>> format_percent(Fraction(75, 70), locale="en")
    '107.14%'
    >>> format_percent(Decimal("0.5"), digits=0)
    '50%'

    Args:
        value: The ratio: a `Fraction`, a `Decimal` or an `int`.
        locale: ``"id"`` (default) or ``"en"``.
        digits: Decimals to show, 0 or more.

    Raises:
        InvalidFormat: when `value` is a float, a bool, not a number or
            not finite.
        InvalidComponent: when `digits` is negative or not an `int`.
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    ratio = _exact(value)
    places = _places(digits)
    language = resolve_locale(locale)
    scaled = Rounding.HALF_UP.apply(ratio * 100 * 10**places)
    shown = Decimal(abs(scaled)).scaleb(-places)
    pattern = "#,##0." + "0" * places if places else "#,##0"
    text = _format(shown, pattern, language) + "%"
    return "-" + text if scaled < 0 else text
