"""
Target against realization for a period: one row per indicator.

For a period (a month to a fiscal year), each indicator of each program
(and region, at the chosen level) gets:

- the **period target**: the targets whose periods lie within the period;
- the **year target**: the targets of the whole fiscal year;
- the **realization** in the period and **to date** (from 1 January to
  the end of the period);
- the **achievement** of the period (realization against period target)
  and, for counts and rupiah to maximize, the **progress** to date
  against the year target;
- the **rating** of the achievement by the conversion in force at the
  end of the period (`rate_achievement`).

Rows are per region at a level (national when `None`):
records below the level roll up to it;
a target above it (a national target in a province report) keeps a row
of its own region, compared with every realization within that region,
and a realization above it keeps its own row too.

No realization record means the realization is unknown (`None`),
not zero: give a zero realization explicitly when nothing was achieved.
Targets of one indicator, program and region must not overlap in time
(e.g. a year target *and* its quarterly breakdown), or they would be
counted twice.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.metrics._achievement import Achievement, compute_achievement
from dayasos.metrics._indicators import Indicator, Polarity, exact
from dayasos.metrics._rating import Rating, rate_achievement
from dayasos.metrics._rollup import combine
from dayasos.money import Rupiah
from dayasos.periods import FiscalYear


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from dayasos.ids import RegionCode, RegionLevel
    from dayasos.metrics._indicators import Quantity, Realization, Target
    from dayasos.periods import Period
    from dayasos.policy import ParameterSet


__all__ = ["PerformanceRow", "evaluate_performance"]

_Key = tuple[Indicator, str, "RegionCode | None"]


@attrs.frozen(kw_only=True)
class PerformanceRow:
    """
    An indicator's target and realization for a period, and what follows.

    .. versionadded:: 0.1.0
    """

    #: The indicator.
    indicator: Indicator
    #: The program's code.
    program: str
    #: The region at the evaluated level; `None` for national.
    region: RegionCode | None
    #: The evaluated period.
    period: Period
    #: The target of the period; `None` when no target lies within it.
    target: Quantity | None
    #: The upper bound of a range target of the period.
    upper: Quantity | None
    #: Whether the period target cannot be exceeded.
    maximal: bool
    #: The target of the fiscal year; `None` when there is none.
    year_target: Quantity | None
    #: The realization in the period; `None` when unknown.
    realization: Quantity | None
    #: The realization from 1 January to the end of the period.
    realization_to_date: Quantity | None
    #: The achievement of the period; `None` without a target or a
    #: realization.
    achievement: Achievement | None
    #: The progress to date against the year target (counts and rupiah
    #: to maximize only); `None` otherwise.
    progress: Achievement | None
    #: The rating of the achievement; `None` when it cannot be rated.
    rating: Rating | None

    @property
    def gap(self) -> Quantity | None:
        """
        Period target minus realization, for counts and rupiah.

        Negative when the target is exceeded;
        `None` when either is unknown or the unit does not add up.
        """
        if (
            self.target is None
            or self.realization is None
            or not self.indicator.unit.is_additive
        ):
            return None
        if isinstance(self.target, Rupiah) and isinstance(
            self.realization, Rupiah
        ):
            return self.target - self.realization
        difference = exact(self.target) - exact(self.realization)
        return difference.numerator

    @property
    def below_target(self) -> bool:
        """Whether the achievement is known and below 100%."""
        return (
            self.achievement is not None
            and self.achievement.ratio is not None
            and self.achievement.ratio < 1
        )


def _check_overlaps(key: _Key, targets: Sequence[Target]) -> None:
    periods = sorted(
        {t.period for t in targets}, key=lambda p: (p.start, p.stop)
    )
    reach = None
    for period in periods:
        if reach is not None and period.start < reach[0].stop:
            indicator, program, region = key
            raise ValidationError(
                "targets of {indicator} for {program} in {region} overlap: "
                "{first} and {value}; give a year target or its breakdown, "
                "not both",
                code="metrics.target_overlap",
                value=str(period),
                first=str(reach[0]),
                indicator=indicator.code,
                program=program,
                region="national" if region is None else str(region),
            )
        if reach is None or period.stop > reach[0].stop:
            reach = (period,)


def _placed(
    region: RegionCode | None, level: RegionLevel | None
) -> RegionCode | None:
    """The region of a row: at `level`, or its own when above it."""
    if level is None or region is None or region.level.value < level.value:
        return None if level is None else region
    return region.at_level(level)


def _within(region: RegionCode | None, outer: RegionCode | None) -> bool:
    """Whether `region` lies in `outer` (anything lies in national)."""
    if outer is None:
        return True
    return region is not None and region.code.startswith(outer.code)


def _above(
    targets: dict[_Key, list[Target]], level: RegionLevel | None
) -> dict[tuple[Indicator, str], set[RegionCode | None]]:
    """The target regions above `level`, by indicator and program."""
    found: dict[tuple[Indicator, str], set[RegionCode | None]] = {}
    if level is None:
        return found
    for indicator, program, region in targets:
        if region is None or region.level.value < level.value:
            found.setdefault((indicator, program), set()).add(region)
    return found


def _place_realizations(
    realizations: Iterable[Realization],
    period: Period,
    level: RegionLevel | None,
    above: dict[tuple[Indicator, str], set[RegionCode | None]],
) -> tuple[dict[_Key, list[Realization]], dict[_Key, list[Realization]]]:
    """Realizations by row: in the period, and from 1 January."""
    year = FiscalYear(period.year)
    in_period: dict[_Key, list[Realization]] = {}
    to_date: dict[_Key, list[Realization]] = {}
    for index, record in enumerate(realizations):
        span = record.period
        if not year.overlaps(span) or span.start >= period.stop:
            continue
        if span.stop > period.stop:
            _straddles(record, index, end=True)
        inside = period.contains(span)
        if not inside and span.stop > period.start:
            _straddles(record, index, end=False)
        placed = _placed(record.region, level)
        regions = {placed} | {
            region
            for region in above.get((record.indicator, record.program), ())
            if region != placed and _within(record.region, region)
        }
        for region in regions:
            key = (record.indicator, record.program, region)
            to_date.setdefault(key, []).append(record)
            if inside:
                in_period.setdefault(key, []).append(record)
    return in_period, to_date


def _straddles(record: Realization, index: int, *, end: bool) -> None:
    path = f"realizations[{index}].period"
    if end:
        raise ValidationError(
            "realization {value} runs past the end of the evaluated period "
            "({day}) and cannot be split: give realizations by month or by a "
            "period that ends with it",
            code="metrics.realization_after_end",
            path=path,
            value=str(record.period),
            day=str(record.period.last),
        )
    raise ValidationError(
        "realization {value} starts before the evaluated period and cannot "
        "be split: give realizations by month or by a period that starts "
        "with it",
        code="metrics.realization_before_start",
        path=path,
        value=str(record.period),
    )


def _combined(
    records: Sequence[Target | Realization],
) -> tuple[Quantity | None, Quantity | None]:
    if not records:
        return None, None
    return combine(records)


def _progress(
    indicator: Indicator,
    year_target: Quantity | None,
    to_date: Quantity | None,
) -> Achievement | None:
    if (
        year_target is None
        or to_date is None
        or indicator.polarity is not Polarity.MAXIMIZE
        or not indicator.unit.is_additive
    ):
        return None
    return compute_achievement(year_target, to_date, Polarity.MAXIMIZE)


def evaluate_performance(
    targets: Iterable[Target],
    realizations: Iterable[Realization],
    period: Period,
    *,
    level: RegionLevel | None = None,
    parameters: ParameterSet | None = None,
) -> list[PerformanceRow]:
    """
    Evaluate every indicator of every program for a period.

    Records of other fiscal years are ignored.
    Rows are sorted by program, indicator code and region.

    Args:
        targets: The targets (any periods and regions of the year).
        realizations: The realizations.
        period: The evaluated period, within one fiscal year.
        level: The region level of the rows; `None` for national rows.
        parameters: The parameters to read; the shipped ones by default.

    Raises:
        ValidationError: ``metrics.target_overlap`` for overlapping
            targets, ``metrics.realization_after_end`` or
            ``metrics.realization_before_start`` for a realization that
            straddles an end of the period, and ``metrics.not_additive_*``
            when percentages or durations would have to be combined.

    .. versionadded:: 0.1.0
    """
    year = FiscalYear(period.year)
    year_targets: dict[_Key, list[Target]] = {}
    period_targets: dict[_Key, list[Target]] = {}
    for target in targets:
        if not year.overlaps(target.period):
            continue
        key = (target.indicator, target.program, _placed(target.region, level))
        year_targets.setdefault(key, []).append(target)
        if period.contains(target.period):
            period_targets.setdefault(key, []).append(target)
    in_period, to_date = _place_realizations(
        realizations, period, level, _above(year_targets, level)
    )
    rows = []
    for key in {*year_targets, *to_date}:
        _check_overlaps(key, year_targets.get(key, []))
        rows.append(
            _row(
                key,
                period=period,
                period_targets=period_targets.get(key, []),
                year_targets=year_targets.get(key, []),
                in_period=in_period.get(key, []),
                to_date=to_date.get(key, []),
                parameters=parameters,
            )
        )
    return sorted(
        rows,
        key=lambda r: (
            r.program,
            r.indicator.code,
            "" if r.region is None else r.region.code,
        ),
    )


def _row(
    key: _Key,
    *,
    period: Period,
    period_targets: Sequence[Target],
    year_targets: Sequence[Target],
    in_period: Sequence[Realization],
    to_date: Sequence[Realization],
    parameters: ParameterSet | None,
) -> PerformanceRow:
    indicator, program, region = key
    target, upper = _combined(period_targets)
    year_target, _ = _combined(year_targets)
    realization, _ = _combined(in_period)
    so_far, _ = _combined(to_date)
    maximal = bool(period_targets) and all(t.maximal for t in period_targets)
    achievement = None
    if target is not None and realization is not None:
        achievement = compute_achievement(
            target, realization, indicator.polarity, upper=upper
        )
    rating = None
    if achievement is not None:
        rating = rate_achievement(
            achievement, on=period.last, maximal=maximal, parameters=parameters
        )
    return PerformanceRow(
        indicator=indicator,
        program=program,
        region=region,
        period=period,
        target=target,
        upper=upper,
        maximal=maximal,
        year_target=year_target,
        realization=realization,
        realization_to_date=so_far,
        achievement=achievement,
        progress=_progress(indicator, year_target, so_far),
        rating=rating,
    )
