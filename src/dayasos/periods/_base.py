"""
What every period shares: a kind, half-open bounds, containment.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
from typing import TYPE_CHECKING, ClassVar

import pendulum

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError


if TYPE_CHECKING:
    from dayasos.periods._calendar import Day, FiscalYear, Month


#: The first year a period may fall in.
MIN_YEAR = 1
#: The last year a period may fall in: the year after it still has a date,
#: so the end of every period is a date.
MAX_YEAR = 9998

#: Every code `parse_period` reads, with an example of each.
FORMS = (
    "accepted forms: 2020 (fiscal year), 2020-S1 (semester), "
    "2020-Q3 (quarter, triwulan), 2020-07 (month), 2020-07-21 (day), "
    "2020-T2 (tahap, with the program's TahapSchedule)"
)


class PeriodKind(enum.Enum):
    """
    The kinds of period, finest first.

    .. versionadded:: 0.1.0
    """

    #: One calendar day.
    DAY = "day"
    #: One calendar month.
    MONTH = "month"
    #: A quarter of the year (triwulan): January-March is quarter 1.
    QUARTER = "quarter"
    #: A half of the year: January-June is semester 1.
    SEMESTER = "semester"
    #: The fiscal year, which in Indonesia is the calendar year.
    YEAR = "year"
    #: A disbursement stage whose dates a program defines.
    TAHAP = "tahap"


def to_date(value: object, *, path: str = "date") -> pendulum.Date:
    """
    Turn any `datetime.date` into a `pendulum.Date`.

    A `datetime.datetime` is refused:
    which day it falls on depends on a time zone (WIB, WITA, WIT),
    so the caller must choose, e.g. with ``value.date()``.
    """
    if type(value) is pendulum.Date:
        return value
    if isinstance(value, dt.datetime):
        raise InvalidFormat(
            "expected a date, got the datetime {value!r}; its day depends "
            "on the time zone, so pass e.g. value.date()",
            code="period.datetime",
            path=path,
            value=value,
        )
    if not isinstance(value, dt.date):
        raise InvalidFormat(
            "expected a date such as date(2020, 7, 21), got {kind} {value!r}",
            code="period.date",
            path=path,
            value=value,
            kind=type(value).__name__,
        )
    return pendulum.Date(value.year, value.month, value.day)


def check_int(value: object, *, name: str, path: str, example: str) -> int:
    """Refuse a part of a period that is not an int (bools included)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidFormat(
            "{name} is a whole number (int), got {kind} {value!r}; "
            "e.g. {example}",
            code="period.not_int",
            path=path,
            value=value,
            kind=type(value).__name__,
            name=name,
            example=example,
        )
    return value


def check_part(
    value: object,
    *,
    low: int,
    high: int,
    name: str,
    code: str,
    example: str,
    path: str | None = None,
) -> int:
    """Refuse a numbered part (year, month, quarter, half) out of range."""
    where = name if path is None else path
    number = check_int(value, name=name, path=where, example=example)
    if not low <= number <= high:
        raise InvalidComponent(
            "{name} must be {low} to {high}, got {got}; e.g. {example}",
            code=code,
            path=where,
            value=number,
            got=number,
            name=name,
            low=low,
            high=high,
            example=example,
        )
    return number


def check_year(value: object, *, path: str = "year") -> int:
    """Refuse a year that is not an int from `MIN_YEAR` to `MAX_YEAR`."""
    return check_part(
        value,
        low=MIN_YEAR,
        high=MAX_YEAR,
        name="year",
        code="period.year",
        example="2020",
        path=path,
    )


class Period(abc.ABC):
    """
    A half-open interval of days ``[start, stop)`` with a canonical code.

    ``str(period)`` is the code `parse_period` reads back.
    Periods of one kind are ordered and hashable;
    periods of different kinds are never equal.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    #: The kind of this period.
    kind: ClassVar[PeriodKind]

    @property
    @abc.abstractmethod
    def start(self) -> pendulum.Date:
        """The first day in the period."""

    @property
    @abc.abstractmethod
    def stop(self) -> pendulum.Date:
        """The first day after the period."""

    @property
    @abc.abstractmethod
    def year(self) -> int:
        """The (fiscal) year the period belongs to."""

    @property
    @abc.abstractmethod
    def parent(self) -> Period | None:
        """The next coarser period that holds this one, for roll-ups."""

    @abc.abstractmethod
    def __str__(self) -> str: ...

    @property
    def last(self) -> pendulum.Date:
        """
        The last day in the period (``stop`` minus one day).

        .. versionadded:: 0.1.0
        """
        return self.stop.subtract(days=1)

    def contains(self, item: dt.date | Period) -> bool:
        """
        Tell whether a date, or every day of a period, lies in this period.

        ``date in period`` means the same.

        >>> from dayasos.periods import Month, Quarter
        >>> Quarter(2020, 3).contains(Month(2020, 9))
        True

        Raises:
            InvalidFormat: when `item` is neither a date nor a period,
                or is a `datetime.datetime`.

        .. versionadded:: 0.1.0
        """
        if isinstance(item, Period):
            return self.start <= item.start and item.stop <= self.stop
        day = to_date(item)
        return self.start <= day < self.stop

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Period):
            return self.contains(item)
        return self.contains(to_date(item))

    def overlaps(self, other: Period) -> bool:
        """
        Tell whether two periods share at least one day.

        .. versionadded:: 0.1.0
        """
        return self.start < other.stop and other.start < self.stop

    def months(self) -> list[Month]:
        """
        The months that share a day with this period, in order.

        They tile a year, semester or quarter exactly.

        >>> from dayasos.periods import Quarter
        >>> [str(m) for m in Quarter(2020, 3).months()]
        ['2020-07', '2020-08', '2020-09']

        .. versionadded:: 0.1.0
        """
        from dayasos.periods._calendar import Month  # noqa: PLC0415 - cycle

        first = Month.containing(self.start)
        last = Month.containing(self.last)
        count = (last.year - first.year) * 12 + last.month - first.month
        return [first.shift(i) for i in range(count + 1)]

    def days(self) -> list[Day]:
        """
        Every day of this period, in order.

        .. versionadded:: 0.1.0
        """
        from dayasos.periods._calendar import Day  # noqa: PLC0415 - cycle

        first = self.start.toordinal()
        return [
            Day(pendulum.Date.fromordinal(n))
            for n in range(first, self.stop.toordinal())
        ]

    def within(self, kind: PeriodKind) -> Period:
        """
        The calendar period of `kind` that holds this whole period.

        >>> from dayasos.periods import Month, PeriodKind
        >>> str(Month(2020, 7).within(PeriodKind.SEMESTER))
        '2020-S2'

        Raises:
            ValidationError: when no period of `kind` holds all of this
                one (a quarter within a month, a tahap that straddles two
                quarters), or `kind` is `PeriodKind.TAHAP`, whose dates
                only a `TahapSchedule` knows.

        .. versionadded:: 0.1.0
        """
        from dayasos.periods._calendar import BY_KIND  # noqa: PLC0415 - cycle

        if kind is PeriodKind.TAHAP:
            raise ValidationError(
                "tahap dates belong to a program: "
                "use TahapSchedule.containing(period.start)",
                code="period.kind",
                path="kind",
                value=kind.value,
            )
        return BY_KIND[kind].containing(self)

    def fiscal_year(self) -> FiscalYear:
        """
        The fiscal year the period belongs to.

        .. versionadded:: 0.1.0
        """
        from dayasos.periods._calendar import FiscalYear  # noqa: PLC0415

        return FiscalYear(self.year)
