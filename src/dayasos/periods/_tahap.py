"""
Tahap: disbursement stages whose dates a program defines.

A program pays in stages (*tahap*) numbered within a fiscal year.
PKH, for instance, pays four tahap a year, one per quarter,
but in 2020 it paid monthly from April.
A `TahapSchedule` holds one program's dated tahap,
finds the tahap that holds a date, and reads codes such as ``2020-T2``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

import attrs
import pendulum

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.periods._base import (
    MAX_YEAR,
    Period,
    PeriodKind,
    check_int,
    check_year,
    to_date,
)
from dayasos.periods._calendar import FiscalYear


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Mapping, Sequence


_END = pendulum.Date(MAX_YEAR + 1, 1, 1)
_CODE = re.compile(r"([0-9]{4})-T([0-9]{1,4})", re.ASCII | re.IGNORECASE)


def _year(_: object, __: object, value: int) -> None:
    check_year(value)


def _number(_: object, __: object, value: int) -> None:
    example = "Tahap(2020, 2, ...) or '2020-T2'"
    check_int(value, name="number", path="number", example=example)
    if value < 1:
        raise InvalidComponent(
            "tahap numbers start at 1, got {got}; e.g. {example}",
            code="period.tahap",
            path="number",
            value=value,
            got=value,
            example=example,
        )


def _start(value: dt.date) -> pendulum.Date:
    return to_date(value, path="start")


def _stop(value: dt.date) -> pendulum.Date:
    return to_date(value, path="stop")


def _program(_: object, __: object, value: str | None) -> None:
    raw: object = value
    if raw is not None and not (isinstance(raw, str) and raw):
        raise InvalidFormat(
            "a program is named by a non-empty str such as 'PKH', or None, "
            "got {value!r}",
            code="period.program",
            path="program",
            value=value,
        )


def _program_key(program: str | None) -> tuple[bool, str]:
    return (program is not None, program or "")


@attrs.frozen(order=True)
class Tahap(Period):
    """
    One disbursement stage of a program, with the dates the program set.

    Its code is ``2020-T2``: the fiscal year and the stage number.
    The code does not name the program;
    `TahapSchedule.parse` reads it back against a program's schedule.

    >>> from datetime import date
    >>> t2 = Tahap(2020, 2, date(2020, 4, 1), date(2020, 5, 1), "PKH")
    >>> str(t2), date(2020, 4, 30) in t2, date(2020, 5, 1) in t2
    ('2020-T2', True, False)

    Args:
        year: The fiscal year the tahap is paid from.
        number: The stage number within the year, from 1.
        start: The first day of the tahap.
        stop: The first day after the tahap.
        program: The program that defined it, e.g. ``"PKH"``, if known.

    .. versionadded:: 0.1.0
    """

    kind: ClassVar[PeriodKind] = PeriodKind.TAHAP

    year: int = attrs.field(validator=_year)
    number: int = attrs.field(validator=_number)
    start: pendulum.Date = attrs.field(converter=_start)
    stop: pendulum.Date = attrs.field(converter=_stop)
    program: str | None = attrs.field(
        default=None, validator=_program, order=_program_key
    )

    def __attrs_post_init__(self) -> None:
        check_year(self.start.year, path="start")
        if self.stop <= self.start:
            raise ValidationError(
                "a tahap ends after it starts: stop {stop} must be after "
                "start {start}; e.g. start 2020-04-01, stop 2020-05-01",
                code="period.bounds",
                path="stop",
                value=self.stop.isoformat(),
                start=self.start.isoformat(),
                stop=self.stop.isoformat(),
            )
        if self.stop > _END:
            check_year(self.stop.year, path="stop")

    @property
    def parent(self) -> FiscalYear:
        """The fiscal year the tahap is paid from."""
        return FiscalYear(self.year)

    def __str__(self) -> str:
        return f"{self.year:04d}-T{self.number}"


def _sorted(tahaps: Iterable[Tahap]) -> tuple[Tahap, ...]:
    return tuple(sorted(tahaps, key=lambda t: (t.start, t.stop)))


def _check_schedule(_: object, __: object, tahaps: tuple[Tahap, ...]) -> None:
    for i, tahap in enumerate(tahaps):
        if not isinstance(tahap, Tahap):
            raise InvalidFormat(
                "a schedule holds Tahap values, got {kind} {value!r}",
                code="period.tahap_type",
                path=f"tahaps[{i}]",
                value=tahap,
                kind=type(tahap).__name__,
            )
    programs = {t.program for t in tahaps}
    if len(programs) > 1:
        raise ValidationError(
            "a schedule holds the tahap of one program, got {value}",
            code="period.tahap_program",
            path="tahaps",
            value=sorted(str(p) for p in programs),
        )
    for before, after in pairwise(tahaps):
        if after.start < before.stop:
            raise ValidationError(
                "tahap {value} ({start}) starts before tahap {before} "
                "({before_stop}) ends; tahap must not overlap",
                code="period.tahap_overlap",
                path="tahaps",
                value=str(after),
                start=after.start.isoformat(),
                before=str(before),
                before_stop=before.stop.isoformat(),
            )
    for year in sorted({t.year for t in tahaps}):
        numbers = [t.number for t in tahaps if t.year == year]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValidationError(
                "the tahap of {year} must be numbered 1, 2, 3 ... "
                "in date order, got {value}",
                code="period.tahap_numbering",
                path="tahaps",
                value=numbers,
                year=year,
            )


@attrs.frozen
class TahapSchedule:
    """
    The dated tahap of one program, over one or more fiscal years.

    Tahap never overlap, and within a fiscal year they are numbered
    1, 2, 3 ... in date order; gaps between them are allowed.

    >>> from datetime import date
    >>> pkh = TahapSchedule.from_boundaries(
    ...     {
    ...         2019: [date(2019, m, 1) for m in (1, 4, 7, 10)]
    ...         + [date(2020, 1, 1)],
    ...         2020: [date(2020, 1, 1)]
    ...         + [date(2020, m, 1) for m in range(4, 13)]
    ...         + [date(2021, 1, 1)],
    ...     },
    ...     program="PKH",
    ... )
    >>> str(pkh.containing(date(2020, 7, 21)))
    '2020-T5'
    >>> pkh.parse("2019-T2").start
    Date(2019, 4, 1)
    >>> len(pkh.in_year(2020))
    10

    .. versionadded:: 0.1.0
    """

    tahaps: tuple[Tahap, ...] = attrs.field(
        converter=_sorted, validator=_check_schedule
    )

    @classmethod
    def from_boundaries(
        cls,
        boundaries: Mapping[int, Sequence[dt.date]],
        *,
        program: str | None = None,
    ) -> TahapSchedule:
        """
        Build a schedule from each fiscal year's tahap boundaries.

        A year's list holds the start of each tahap and, last,
        the day after the last tahap: ``n + 1`` dates make ``n`` tahap,
        each ending where the next starts.

        .. versionadded:: 0.1.0
        """
        tahaps: list[Tahap] = []
        for year, dates in boundaries.items():
            bounds = [to_date(d, path=f"boundaries[{year}]") for d in dates]
            tahaps.extend(
                Tahap(year, number, start, stop, program)
                for number, (start, stop) in enumerate(pairwise(bounds), 1)
            )
        return cls(tahaps)

    @classmethod
    def quarterly(
        cls, years: Iterable[int], *, program: str | None = None
    ) -> TahapSchedule:
        """
        Four tahap a year, one per quarter (triwulan).

        >>> str(TahapSchedule.quarterly([2019]).tahaps[2].start)
        '2019-07-01'

        .. versionadded:: 0.1.0
        """
        return cls(
            Tahap(q.year, q.quarter, q.start, q.stop, program)
            for year in years
            for q in FiscalYear(year).quarters()
        )

    @property
    def program(self) -> str | None:
        """The program of the tahap, or None when unnamed or empty."""
        return self.tahaps[0].program if self.tahaps else None

    def __iter__(self) -> Iterator[Tahap]:
        return iter(self.tahaps)

    def __len__(self) -> int:
        return len(self.tahaps)

    def containing(self, date: dt.date) -> Tahap | None:
        """
        The tahap that holds `date`, or None when no tahap does.

        .. versionadded:: 0.1.0
        """
        day = to_date(date)
        index = bisect.bisect_right(self.tahaps, day, key=_start_of) - 1
        if index >= 0 and day < self.tahaps[index].stop:
            return self.tahaps[index]
        return None

    def in_year(self, year: int) -> list[Tahap]:
        """
        The tahap of one fiscal year, in order.

        .. versionadded:: 0.1.0
        """
        return [t for t in self.tahaps if t.year == year]

    def get(self, year: int, number: int) -> Tahap | None:
        """
        The tahap with this year and number, or None.

        .. versionadded:: 0.1.0
        """
        for tahap in self.tahaps:
            if tahap.year == year and tahap.number == number:
                return tahap
        return None

    def parse(self, text: str) -> Tahap:
        """
        Read a tahap code such as ``2020-T2`` against this schedule.

        Raises:
            InvalidFormat: when `text` is not a tahap code.
            InvalidComponent: when the schedule has no such tahap.

        .. versionadded:: 0.1.0
        """
        raw: object = text
        match = _CODE.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if match is None:
            raise InvalidFormat(
                "expected a tahap code such as 2020-T2 "
                "(fiscal year, then T and the tahap number), got {value!r}",
                code="period.format",
                value=text,
            )
        year, number = int(match[1]), int(match[2])
        found = self.get(year, number)
        if found is None:
            known = ", ".join(str(t) for t in self.in_year(year)) or "none"
            raise InvalidComponent(
                "the {program} schedule has no tahap {value}; "
                "its tahap in {year}: {known}",
                code="period.tahap_unknown",
                value=text,
                program=self.program or "unnamed",
                year=year,
                known=known,
            )
        return found


def _start_of(tahap: Tahap) -> pendulum.Date:
    return tahap.start
