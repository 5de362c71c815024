"""
Periods of the Indonesian calendar and budget: days to fiscal years, tahap.

Every period is a half-open interval of days ``[start, stop)``
with a canonical code that `parse_period` reads back:

>>> from datetime import date
>>> q3 = parse_period("2020-Q3")
>>> str(q3), str(q3.start), str(q3.stop)
('2020-Q3', '2020-07-01', '2020-10-01')
>>> date(2020, 7, 21) in q3
True
>>> [str(m) for m in q3.months()]
['2020-07', '2020-08', '2020-09']

Periods roll up: a month lies in a quarter (triwulan),
a quarter in a semester, a semester in the fiscal year,
which in Indonesia is the calendar year.

>>> m = Month.containing(date(2020, 7, 21))
>>> str(m.parent), str(m.parent.parent), str(m.parent.parent.parent)
('2020-Q3', '2020-S2', '2020')

Programs pay in *tahap* whose dates they set themselves;
a `TahapSchedule` holds them (see `Tahap`).

>>> age_on(date(1960, 7, 21), date(2020, 7, 21))
60

Dates go in as any `datetime.date` and come out as `pendulum.Date`,
which compares and hashes equal to the `datetime.date` of the same day.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.periods._age import age_on, latest_birth_date
from dayasos.periods._base import MAX_YEAR, MIN_YEAR, Period, PeriodKind
from dayasos.periods._calendar import (
    CalendarPeriod,
    Day,
    FiscalYear,
    Month,
    Quarter,
    Semester,
)
from dayasos.periods._parse import parse_period
from dayasos.periods._tahap import Tahap, TahapSchedule


__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "CalendarPeriod",
    "Day",
    "FiscalYear",
    "Month",
    "Period",
    "PeriodKind",
    "Quarter",
    "Semester",
    "Tahap",
    "TahapSchedule",
    "age_on",
    "latest_birth_date",
    "parse_period",
]
