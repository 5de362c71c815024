"""
Participant counts of Restorasi Sosial: by pillar, region and period.

These counts feed the programme's metrics (participants reached per
pillar kind, per province, per quarter ...).

>>> import datetime as dt
>>> from dayasos.ids import RegionCode, RegionLevel
>>> from dayasos.model import InstitutionKind
>>> from dayasos.periods import PeriodKind
>>> from dayasos.programs.restorasi import Participants, RestorasiActivity
>>> def held(i, on, region, tksk):
...     return RestorasiActivity(
...         id=f"rs-{i}",
...         held_on=on,
...         region=RegionCode.parse(region),
...         participants=[
...             Participants(pillar=InstitutionKind.TKSK, count=tksk)
...         ],
...         other_participants=10,
...     )
>>> done = [
...     held(1, dt.date(2020, 3, 10), "32.01", 100),
...     held(2, dt.date(2020, 8, 5), "32.73", 200),
... ]
>>> participants_by_pillar(done)
{<InstitutionKind.TKSK: 'tksk'>: 300, None: 20}
>>> {str(k): v for k, v in
...  participants_by_period(done, kind=PeriodKind.QUARTER).items()}
{'2020-Q1': 110, '2020-Q3': 210}
>>> {str(k): v for k, v in
...  participants_by_region(done, level=RegionLevel.PROVINCE).items()}
{'32': 320}

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.model import group_by_region
from dayasos.periods import Day


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.ids import RegionCode, RegionLevel
    from dayasos.model import InstitutionKind
    from dayasos.periods import Period, PeriodKind
    from dayasos.programs.restorasi._activity import RestorasiActivity


__all__ = [
    "participants_by_period",
    "participants_by_pillar",
    "participants_by_region",
]


def _within(
    activities: Iterable[RestorasiActivity], within: Period | None
) -> list[RestorasiActivity]:
    if within is None:
        return list(activities)
    return [
        a
        for a in activities
        if a.held_on is not None and within.contains(a.held_on)
    ]


def _count(
    activity: RestorasiActivity,
    pillars: frozenset[InstitutionKind] | None,
    *,
    others: bool,
) -> int:
    total = sum(
        line.count
        for line in activity.participants or ()
        if pillars is None or line.pillar in pillars
    )
    if others and pillars is None:
        total += activity.other_participants or 0
    return total


def participants_by_pillar(
    activities: Iterable[RestorasiActivity],
    *,
    within: Period | None = None,
) -> dict[InstitutionKind | None, int]:
    """
    Participants per pillar kind; those from no pillar under `None`.

    Args:
        activities: The activity records.
        within: Only activities held in this period (those without a
            date are then left out).

    Returns:
        Counts in the order pillars are first met, `None` last.

    .. versionadded:: 0.1.0
    """
    found: dict[InstitutionKind | None, int] = {}
    others = 0
    for activity in _within(activities, within):
        for line in activity.participants or ():
            found[line.pillar] = found.get(line.pillar, 0) + line.count
        others += activity.other_participants or 0
    if others:
        found[None] = others
    return found


def participants_by_region(
    activities: Iterable[RestorasiActivity],
    *,
    level: RegionLevel,
    within: Period | None = None,
    pillars: Iterable[InstitutionKind] | None = None,
) -> dict[RegionCode | None, int]:
    """
    Participants per region at `level`.

    Counts every participant, or only those of `pillars` when given.
    Activities whose region is unknown, or known only above `level`,
    count under `None`.

    .. versionadded:: 0.1.0
    """
    wanted = None if pillars is None else frozenset(pillars)
    groups = group_by_region(_within(activities, within), level)
    return {
        region: sum(_count(a, wanted, others=True) for a in group)
        for region, group in groups.items()
    }


def participants_by_period(
    activities: Iterable[RestorasiActivity],
    *,
    kind: PeriodKind,
    pillars: Iterable[InstitutionKind] | None = None,
) -> dict[Period | None, int]:
    """
    Participants per period of `kind` (month, quarter, semester, year).

    Counts every participant, or only those of `pillars` when given;
    activities without a date count under `None`.
    Periods come in date order, `None` last.

    .. versionadded:: 0.1.0
    """
    wanted = None if pillars is None else frozenset(pillars)
    found: dict[Period, int] = {}
    undated = 0
    for activity in activities:
        count = _count(activity, wanted, others=True)
        if activity.held_on is None:
            undated += count
            continue
        period = Day(activity.held_on).within(kind)
        found[period] = found.get(period, 0) + count
    ordered: dict[Period | None, int] = {
        p: found[p] for p in sorted(found, key=lambda p: p.start)
    }
    if undated:
        ordered[None] = undated
    return ordered
