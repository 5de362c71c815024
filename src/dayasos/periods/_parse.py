"""
Reading period codes: ``2020``, ``2020-S1``, ``2020-Q3``, ``2020-07``...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pendulum

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.periods._base import FORMS
from dayasos.periods._calendar import Day, FiscalYear, Month, Quarter, Semester


if TYPE_CHECKING:
    from dayasos.periods._base import Period
    from dayasos.periods._tahap import TahapSchedule


#: Keywords of DayasosError that are not message parameters.
_RESERVED = frozenset({"value", "path", "personal", "code", "detail"})
_CODE = re.compile(
    r"""
    (?P<year>[0-9]{4})
    (?:-(?:
        S(?P<half>[0-9]+)
      | Q(?P<quarter>[0-9]+)
      | T(?P<tahap>[0-9]+)
      | (?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?
    ))?
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)


def parse_period(
    text: str, *, schedule: TahapSchedule | None = None
) -> Period:
    """
    Read a period code; ``str()`` of the result gives the code back.

    >>> parse_period("2020-Q3")
    Quarter(year=2020, quarter=3)
    >>> [str(parse_period(c)) for c in ["2020", "2020-S1", "2020-07-21"]]
    ['2020', '2020-S1', '2020-07-21']

    Surrounding spaces and lower-case letters (``2020-q3``) are accepted.
    A tahap code (``2020-T2``) needs the `schedule` of its program.

    Raises:
        InvalidFormat: with code ``period.format`` when `text` has none of
            the accepted forms, e.g. ``S1-2020``.
        InvalidComponent: when a part is out of range, with code
            ``period.year``, ``period.semester``, ``period.quarter``,
            ``period.month``, ``period.day`` or ``period.tahap``.

    .. versionadded:: 0.1.0
    """
    raw: object = text
    match = _CODE.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None:
        raise InvalidFormat(
            "cannot read {value!r} as a period; " + FORMS,
            code="period.format",
            value=text,
        )
    try:
        return _build(match, schedule)
    except InvalidComponent as error:
        params: dict[str, Any] = {
            k: v for k, v in error.params.items() if k not in _RESERVED
        }
        params["detail"] = error.template.format_map(error.params)
        raise InvalidComponent(
            "{value!r}: {detail}; " + FORMS,
            code=error.error_code,
            value=text,
            **params,
        ) from error


def _build(match: re.Match[str], schedule: TahapSchedule | None) -> Period:
    year = int(match["year"])
    if match["half"] is not None:
        return Semester(year, int(match["half"]))
    if match["quarter"] is not None:
        return Quarter(year, int(match["quarter"]))
    if match["tahap"] is not None:
        if schedule is None:
            raise InvalidFormat(
                "{value!r} is a tahap code, whose dates only its program "
                "knows: pass schedule=TahapSchedule(...); " + FORMS,
                code="period.tahap_schedule",
                value=match.string,
            )
        return schedule.parse(match.string)
    if match["month"] is None:
        return FiscalYear(year)
    month = Month(year, int(match["month"]))
    if match["day"] is None:
        return month
    day = int(match["day"])
    length = month.start.days_in_month
    if not 1 <= day <= length:
        raise InvalidComponent(
            "day must be 1 to {length} in {month}, got {got}; e.g. 2020-07-21",
            code="period.day",
            path="day",
            length=length,
            month=str(month),
            got=day,
        )
    return Day(pendulum.Date(year, month.month, day))
