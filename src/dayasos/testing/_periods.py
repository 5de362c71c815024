"""
Hypothesis strategies for `dayasos.periods`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from dayasos.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Day,
    FiscalYear,
    Month,
    Period,
    PeriodKind,
    Quarter,
    Semester,
    Tahap,
    TahapSchedule,
)


if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "days",
    "fiscal_years",
    "months",
    "periods",
    "quarters",
    "semesters",
    "tahap_schedules",
    "tahaps",
]

#: Program names the tahap strategies draw from.
_PROGRAMS = st.sampled_from([None, "PKH", "BPNT"])


def _years(min_year: int, max_year: int) -> st.SearchStrategy[int]:
    return st.integers(max(min_year, MIN_YEAR), min(max_year, MAX_YEAR))


def days(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> st.SearchStrategy[Day]:
    """
    Calendar days in the given years.

    .. versionadded:: 0.1.0
    """
    low = dt.date(max(min_year, MIN_YEAR), 1, 1)
    high = dt.date(min(max_year, MAX_YEAR), 12, 31)
    return st.dates(low, high).map(Day)


def months(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> st.SearchStrategy[Month]:
    """
    Calendar months in the given years.

    .. versionadded:: 0.1.0
    """
    return st.builds(Month, _years(min_year, max_year), st.integers(1, 12))


def quarters(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> st.SearchStrategy[Quarter]:
    """
    Quarters (triwulan) in the given years.

    .. versionadded:: 0.1.0
    """
    return st.builds(Quarter, _years(min_year, max_year), st.integers(1, 4))


def semesters(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> st.SearchStrategy[Semester]:
    """
    Semesters in the given years.

    .. versionadded:: 0.1.0
    """
    return st.builds(Semester, _years(min_year, max_year), st.integers(1, 2))


def fiscal_years(
    *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> st.SearchStrategy[FiscalYear]:
    """
    Fiscal years in the given range.

    .. versionadded:: 0.1.0
    """
    return st.builds(FiscalYear, _years(min_year, max_year))


@st.composite
def tahaps(
    draw: st.DrawFn, *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> Tahap:
    """
    A single tahap of 1 to 400 days starting in its fiscal year.

    .. versionadded:: 0.1.0
    """
    year = draw(_years(min_year, max_year))
    start = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    last = dt.date(MAX_YEAR, 12, 31).toordinal() - start.toordinal()
    length = draw(st.integers(1, max(1, min(400, last + 1))))
    stop = dt.date.fromordinal(start.toordinal() + length)
    number = draw(st.integers(1, 12))
    return Tahap(year, number, start, stop, draw(_PROGRAMS))


@st.composite
def tahap_schedules(
    draw: st.DrawFn, *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> TahapSchedule:
    """
    A program's schedule over up to three consecutive fiscal years.

    Each year holds 1 to 12 tahap inside the year,
    with gaps between them now and then.

    .. versionadded:: 0.1.0
    """
    first = draw(_years(min_year, max_year))
    count = draw(st.integers(0, 3))
    boundaries: dict[int, list[dt.date]] = {}
    for year in range(first, min(first + count, MAX_YEAR + 1, max_year + 1)):
        dates = draw(
            st.lists(
                st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                min_size=2,
                max_size=13,
                unique=True,
            )
        )
        boundaries[year] = sorted(dates)
    schedule = TahapSchedule.from_boundaries(
        boundaries, program=draw(_PROGRAMS)
    )
    if not schedule:
        return schedule
    dropped = draw(st.sets(st.integers(0, len(schedule) - 1), max_size=2))
    kept = [t for i, t in enumerate(schedule) if i not in dropped]
    renumbered: list[Tahap] = []
    for year in boundaries:
        in_year = [t for t in kept if t.year == year]
        renumbered.extend(
            Tahap(year, n, t.start, t.stop, t.program)
            for n, t in enumerate(in_year, 1)
        )
    return TahapSchedule(renumbered)


_BY_KIND = {
    PeriodKind.DAY: days,
    PeriodKind.MONTH: months,
    PeriodKind.QUARTER: quarters,
    PeriodKind.SEMESTER: semesters,
    PeriodKind.YEAR: fiscal_years,
    PeriodKind.TAHAP: tahaps,
}


def periods(
    kinds: Iterable[PeriodKind] | None = None,
    *,
    min_year: int = MIN_YEAR,
    max_year: int = MAX_YEAR,
) -> st.SearchStrategy[Period]:
    """
    Periods of the given kinds (every kind when None), tahap included.

    .. versionadded:: 0.1.0
    """
    chosen = list(PeriodKind) if kinds is None else list(kinds)
    strategies: list[st.SearchStrategy[Period]] = [
        _BY_KIND[kind](min_year=min_year, max_year=max_year) for kind in chosen
    ]
    return st.one_of(strategies)
