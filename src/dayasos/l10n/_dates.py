"""
Dates and periods in words.

Dates use the pinned babel pattern ``d MMMM y``: the day, the full month
name and the year, in that order in both languages
(``21 Juli 2020``, ``21 July 2020``).
Period labels come from the message catalogs (``period.label.*``), so
the wording can be changed there:

========  =====================  =====================
kind      id                     en
========  =====================  =====================
DAY       21 Juli 2020           21 July 2020
MONTH     Juli 2020              July 2020
QUARTER   Triwulan III 2020      Quarter III 2020
SEMESTER  Semester I 2020        Semester I 2020
YEAR      Tahun Anggaran 2020    Fiscal year 2020
TAHAP     Tahap 2 2020           Tahap 2 2020
========  =====================  =====================

A `FiscalYear` is the budget year (which is the calendar year), so it
reads *Tahun Anggaran*, as in budget documents.
English keeps the Roman numerals of the Indonesian documents, calls a
semester a semester, and keeps *tahap*, the program-defined
disbursement stage that no English word names exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from babel.dates import format_date as babel_format_date

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.l10n._catalog import translate
from dayasos.l10n._locale import LocaleArg, babel_locale, resolve_locale


if TYPE_CHECKING:
    import enum


__all__ = [
    "PeriodLike",
    "format_date",
    "format_period",
]

_DATE_PATTERN = "d MMMM y"
_MONTH_PATTERN = "MMMM y"
_ROMAN = ("I", "II", "III", "IV")


class PeriodLike(Protocol):
    """
    What `format_period` reads from a period (see `dayasos.periods`).

    Besides these, a period of kind ``MONTH`` has ``month``,
    ``QUARTER`` has ``quarter``, ``SEMESTER`` has ``half`` and
    ``TAHAP`` has ``number``.

    .. versionadded:: 0.1.0
    """

    @property
    def kind(self) -> enum.Enum:
        """The kind of period; its member name is read."""

    @property
    def year(self) -> int:
        """The year the period belongs to."""

    @property
    def start(self) -> dt.date:
        """The first day of the period."""


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    raise InvalidFormat(
        "expected a date, got {kind} {value!r}; "
        "e.g. datetime.date(2020, 7, 21)",
        code="l10n.not_date",
        path="date",
        value=value,
        kind=type(value).__name__,
    )


def format_date(date: dt.date, locale: LocaleArg = "id") -> str:
    """
    Write a date as day, month name and year.

    >>> import datetime
    >>> format_date(datetime.date(2020, 7, 21))
    '21 Juli 2020'
    >>> format_date(datetime.date(2020, 7, 21), locale="en")
    '21 July 2020'

    Raises:
        InvalidFormat: when `date` is not a date.
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    day = _date(date)
    language = resolve_locale(locale)
    return str(
        babel_format_date(
            day, format=_DATE_PATTERN, locale=babel_locale(language)
        )
    )


def _part(period: PeriodLike, name: str, high: int | None = None) -> int:
    number = getattr(period, name, None)
    if (
        isinstance(number, bool)
        or not isinstance(number, int)
        or number < 1
        or (high is not None and number > high)
    ):
        raise InvalidComponent(
            "a {kind} period needs {name} as a whole number in range "
            "(1 to 12 for month, 4 for quarter, 2 for half, 1 or more for "
            "number), got {value!r}",
            code="l10n.period_part",
            path=f"period.{name}",
            value=number,
            kind=period.kind.name,
            name=name,
        )
    return number


def format_period(period: PeriodLike, locale: LocaleArg = "id") -> str:
    """
    Write a period as a label for reports.

    >>> import datetime, enum, types
    >>> Kind = enum.Enum("Kind", "QUARTER")
    >>> q3 = types.SimpleNamespace(
    ...     kind=Kind.QUARTER,
    ...     year=2020,
    ...     quarter=3,
    ...     start=datetime.date(2020, 7, 1),
    ... )
    >>> format_period(q3)
    'Triwulan III 2020'
    >>> format_period(q3, locale="en")
    'Quarter III 2020'

    Args:
        period: A `dayasos.periods` period (anything with the attributes
            of `PeriodLike`).
        locale: ``"id"`` (default) or ``"en"``.

    Raises:
        InvalidComponent: when the period's kind is unknown or a part
            (month, quarter, half, tahap number) is missing.
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    language = resolve_locale(locale)
    kind = period.kind.name
    year = period.year
    match kind:
        case "DAY":
            return format_date(period.start, language)
        case "MONTH":
            month = _part(period, "month", 12)
            first = dt.date(year, month, 1)
            return str(
                babel_format_date(
                    first, format=_MONTH_PATTERN, locale=babel_locale(language)
                )
            )
        case "QUARTER":
            number = _part(period, "quarter", 4)
            return translate(
                "period.label.quarter",
                language,
                number=number,
                roman=_ROMAN[number - 1],
                year=year,
            )
        case "SEMESTER":
            number = _part(period, "half", 2)
            return translate(
                "period.label.semester",
                language,
                number=number,
                roman=_ROMAN[number - 1],
                year=year,
            )
        case "YEAR":
            return translate("period.label.year", language, year=year)
        case "TAHAP":
            number = _part(period, "number")
            return translate(
                "period.label.tahap", language, number=number, year=year
            )
    raise InvalidComponent(
        "unknown period kind {value!r}; expected DAY, MONTH, QUARTER, "
        "SEMESTER, YEAR or TAHAP",
        code="l10n.period_kind",
        path="period.kind",
        value=kind,
    )
