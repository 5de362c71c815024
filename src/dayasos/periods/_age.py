"""
Age in whole years on a given date.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt

from dayasos.errors import ValidationError
from dayasos.periods._base import to_date


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """
    The age in whole years of someone born on `birth_date`, on date `on`.

    A person is a year older on each anniversary of their birth.
    Someone born on 29 February becomes a year older on 1 March in years
    without 29 February: only then has a full year passed.
    No Indonesian rule that says otherwise was found;
    pendulum's ``Date.diff`` counts these dates the same way,
    while dateutil's ``relativedelta`` counts the year on 28 February.
    The age is computed from the calendar fields rather than with
    ``Date.diff(...).in_years()``, which pendulum 3.3 gets wrong on some
    eves of an anniversary (1972-11-05 to 1974-11-04 gives 2, not 1;
    python-pendulum/pendulum#566).

    >>> from datetime import date
    >>> age_on(date(1980, 7, 21), date(2020, 7, 20))
    39
    >>> age_on(date(1980, 7, 21), date(2020, 7, 21))
    40
    >>> age_on(date(2016, 2, 29), date(2021, 2, 28))
    4
    >>> age_on(date(2016, 2, 29), date(2021, 3, 1))
    5

    Raises:
        InvalidFormat: when a date is not a `datetime.date`,
            or is a `datetime.datetime`.
        ValidationError: with code ``age.before_birth`` when `on` is
            before `birth_date`.

    .. versionadded:: 0.1.0
    """
    birth = to_date(birth_date, path="birth_date")
    day = to_date(on, path="on")
    if day < birth:
        raise ValidationError(
            "age is asked on {value}, before the birth date {birth}; "
            "e.g. age_on(date(1980, 7, 21), date(2020, 7, 21)) is 40",
            code="age.before_birth",
            path="on",
            value=day.isoformat(),
            birth=birth.isoformat(),
        )
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def latest_birth_date(on: dt.date, years: int) -> dt.date | None:
    """
    The latest birth date of someone `years` old or more on `on`.

    Born on or before it is being `years` old or more, as `age_on`
    counts: the same day `years` earlier; on 29 February, the 28th in
    a year without one (such a person's age changes on 1 March).
    None when that year is outside the calendar.

    >>> from datetime import date
    >>> latest_birth_date(date(2020, 7, 21), 60)
    datetime.date(1960, 7, 21)
    >>> latest_birth_date(date(2024, 2, 29), 1)
    datetime.date(2023, 2, 28)

    .. versionadded:: 0.1.0
    """
    year = on.year - years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    last = calendar.monthrange(year, on.month)[1]
    return dt.date(year, on.month, min(on.day, last))
