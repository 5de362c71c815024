"""
Calendar periods: day, month, quarter (triwulan), semester, fiscal year.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import abc
import datetime as dt
from typing import ClassVar, Self

import attrs
import pendulum

from dayasos.errors import InvalidComponent, ValidationError
from dayasos.periods._base import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodKind,
    check_part,
    check_year,
    to_date,
)


_LAST_ORDINAL = dt.date(MAX_YEAR, 12, 31).toordinal()


class CalendarPeriod(Period):
    """
    A period the calendar alone defines, so any date finds its own.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    @classmethod
    @abc.abstractmethod
    def _of(cls, day: pendulum.Date) -> Self: ...

    @abc.abstractmethod
    def shift(self, count: int) -> Self:
        """
        The period `count` steps later (earlier when negative).

        >>> from dayasos.periods import Month
        >>> str(Month(2020, 11).shift(3))
        '2021-02'

        .. versionadded:: 0.1.0
        """

    @classmethod
    def containing(cls, item: dt.date | Period) -> Self:
        """
        The period of this kind that holds a date or a whole period.

        >>> from datetime import date
        >>> from dayasos.periods import Quarter
        >>> Quarter.containing(date(2020, 7, 21))
        Quarter(year=2020, quarter=3)

        Raises:
            InvalidFormat: when `item` is not a date or a period.
            ValidationError: when `item` is a period that no single
                period of this kind holds (e.g. a quarter in a month).

        .. versionadded:: 0.1.0
        """
        if not isinstance(item, Period):
            return cls._of(to_date(item))
        found = cls._of(item.start)
        if item.stop > found.stop:
            raise ValidationError(
                "{value} does not lie within one {kind}; "
                "e.g. month 2020-07 lies within quarter 2020-Q3",
                code="period.not_within",
                value=str(item),
                kind=cls.kind.value,
            )
        return found


def _day_converter(value: dt.date) -> pendulum.Date:
    return to_date(value)


@attrs.frozen(order=True)
class Day(CalendarPeriod):
    """
    One calendar day; its code is the ISO date ``2020-07-21``.

    Any `datetime.date` is accepted and stored as a `pendulum.Date`.

    >>> from datetime import date
    >>> str(Day(date(2020, 7, 21)))
    '2020-07-21'

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.DAY

    date: pendulum.Date = attrs.field(converter=_day_converter)

    def __attrs_post_init__(self) -> None:
        check_year(self.date.year, path="date")

    @classmethod
    def _of(cls, day: pendulum.Date) -> Day:
        return cls(day)

    @property
    def start(self) -> pendulum.Date:
        """The day itself."""
        return self.date

    @property
    def stop(self) -> pendulum.Date:
        """The next day."""
        return pendulum.Date.fromordinal(self.date.toordinal() + 1)

    @property
    def year(self) -> int:
        """The year of the day."""
        return self.date.year

    @property
    def parent(self) -> Month:
        """The month of the day."""
        return Month(self.date.year, self.date.month)

    def shift(self, count: int) -> Day:
        """The day `count` days later."""
        ordinal = self.date.toordinal() + count
        if not 1 <= ordinal <= _LAST_ORDINAL:
            raise InvalidComponent(
                "{value} shifted by {count} days leaves the years "
                "{low} to {high}",
                code="period.year",
                path="count",
                value=str(self),
                count=count,
                low=MIN_YEAR,
                high=MAX_YEAR,
            )
        return Day(pendulum.Date.fromordinal(ordinal))

    def __str__(self) -> str:
        return self.date.isoformat()


def _month_part(_: object, __: object, value: int) -> None:
    check_part(
        value, low=1, high=12, name="month", code="period.month",
        example="Month(2020, 7) or '2020-07'",
    )  # fmt: skip


def _year(_: object, __: object, value: int) -> None:
    check_year(value)


@attrs.frozen(order=True)
class Month(CalendarPeriod):
    """
    One calendar month; its code is ``2020-07``.

    >>> m = Month(2020, 7)
    >>> str(m), str(m.start), str(m.stop)
    ('2020-07', '2020-07-01', '2020-08-01')

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.MONTH

    year: int = attrs.field(validator=_year)
    month: int = attrs.field(validator=_month_part)

    @classmethod
    def _of(cls, day: pendulum.Date) -> Month:
        return cls(day.year, day.month)

    @property
    def start(self) -> pendulum.Date:
        """The first day of the month."""
        return pendulum.Date(self.year, self.month, 1)

    @property
    def stop(self) -> pendulum.Date:
        """The first day of the next month."""
        if self.month == 12:
            return pendulum.Date(self.year + 1, 1, 1)
        return pendulum.Date(self.year, self.month + 1, 1)

    @property
    def parent(self) -> Quarter:
        """The quarter of the month."""
        return Quarter(self.year, (self.month - 1) // 3 + 1)

    def shift(self, count: int) -> Month:
        """The month `count` months later."""
        year, month = divmod(self.year * 12 + self.month - 1 + count, 12)
        return Month(year, month + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _quarter_part(_: object, __: object, value: int) -> None:
    check_part(
        value, low=1, high=4, name="quarter", code="period.quarter",
        example="Quarter(2020, 3) or '2020-Q3'",
    )  # fmt: skip


@attrs.frozen(order=True)
class Quarter(CalendarPeriod):
    """
    A quarter of the year (triwulan); its code is ``2020-Q3``.

    Quarter 1 is January to March.

    >>> str(Quarter(2020, 3).start)
    '2020-07-01'

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.QUARTER

    year: int = attrs.field(validator=_year)
    quarter: int = attrs.field(validator=_quarter_part)

    @classmethod
    def _of(cls, day: pendulum.Date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> pendulum.Date:
        """The first day of the quarter."""
        return pendulum.Date(self.year, self.quarter * 3 - 2, 1)

    @property
    def stop(self) -> pendulum.Date:
        """The first day of the next quarter."""
        if self.quarter == 4:
            return pendulum.Date(self.year + 1, 1, 1)
        return pendulum.Date(self.year, self.quarter * 3 + 1, 1)

    @property
    def parent(self) -> Semester:
        """The semester of the quarter."""
        return Semester(self.year, (self.quarter + 1) // 2)

    def shift(self, count: int) -> Quarter:
        """The quarter `count` quarters later."""
        year, index = divmod(self.year * 4 + self.quarter - 1 + count, 4)
        return Quarter(year, index + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"


def _half_part(_: object, __: object, value: int) -> None:
    check_part(
        value, low=1, high=2, name="half", code="period.semester",
        example="Semester(2020, 1) or '2020-S1'",
    )  # fmt: skip


@attrs.frozen(order=True)
class Semester(CalendarPeriod):
    """
    A half of the year; its code is ``2020-S1``.

    Semester 1 (January to June) is the span of the mid-year evaluation.

    >>> [str(q) for q in Semester(2020, 2).quarters()]
    ['2020-Q3', '2020-Q4']

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.SEMESTER

    year: int = attrs.field(validator=_year)
    half: int = attrs.field(validator=_half_part)

    @classmethod
    def _of(cls, day: pendulum.Date) -> Semester:
        return cls(day.year, (day.month - 1) // 6 + 1)

    @property
    def start(self) -> pendulum.Date:
        """The first day of the semester."""
        return pendulum.Date(self.year, self.half * 6 - 5, 1)

    @property
    def stop(self) -> pendulum.Date:
        """The first day of the next semester."""
        if self.half == 2:
            return pendulum.Date(self.year + 1, 1, 1)
        return pendulum.Date(self.year, 7, 1)

    @property
    def parent(self) -> FiscalYear:
        """The fiscal year of the semester."""
        return FiscalYear(self.year)

    def quarters(self) -> list[Quarter]:
        """The two quarters of the semester, in order."""
        first = self.half * 2 - 1
        return [Quarter(self.year, first), Quarter(self.year, first + 1)]

    def shift(self, count: int) -> Semester:
        """The semester `count` semesters later."""
        year, index = divmod(self.year * 2 + self.half - 1 + count, 2)
        return Semester(year, index + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-S{self.half}"


@attrs.frozen(order=True)
class FiscalYear(CalendarPeriod):
    """
    The Indonesian fiscal year, which is the calendar year; code ``2020``.

    >>> fy = FiscalYear(2020)
    >>> str(fy), len(fy.months()), len(fy.days())
    ('2020', 12, 366)

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.YEAR

    year: int = attrs.field(validator=_year)

    @classmethod
    def _of(cls, day: pendulum.Date) -> FiscalYear:
        return cls(day.year)

    @property
    def start(self) -> pendulum.Date:
        """1 January."""
        return pendulum.Date(self.year, 1, 1)

    @property
    def stop(self) -> pendulum.Date:
        """1 January of the next year."""
        return pendulum.Date(self.year + 1, 1, 1)

    @property
    def parent(self) -> None:
        """None: the fiscal year is the coarsest period."""
        return

    def semesters(self) -> list[Semester]:
        """The two semesters of the year, in order."""
        return [Semester(self.year, 1), Semester(self.year, 2)]

    def quarters(self) -> list[Quarter]:
        """The four quarters (triwulan) of the year, in order."""
        return [Quarter(self.year, q) for q in range(1, 5)]

    def shift(self, count: int) -> FiscalYear:
        """The fiscal year `count` years later."""
        return FiscalYear(self.year + count)

    def __str__(self) -> str:
        return f"{self.year:04d}"


#: The calendar period class of each kind.
BY_KIND: dict[PeriodKind, type[CalendarPeriod]] = {
    PeriodKind.DAY: Day,
    PeriodKind.MONTH: Month,
    PeriodKind.QUARTER: Quarter,
    PeriodKind.SEMESTER: Semester,
    PeriodKind.YEAR: FiscalYear,
}
