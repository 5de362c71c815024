"""
Roll-ups over periods and the region tree.

Targets and realizations roll up from months to quarters, semesters and
the fiscal year, and from desa to kecamatan, kabupaten/kota, province and
the whole country (``level=None``).
Each measure unit has its rule:

- counts and rupiah are **summed**;
- percentages and durations are states, not flows: over time the
  **latest** value of one region stands (the value at the end of the
  span); values of different regions are **never combined**
  (no averaged percentages: give the counts behind a percentage as
  indicators of their own and compute the ratio from their sums).

Achievements are never rolled up: they are recomputed from the rolled-up
targets and realizations.

>>> from dayasos.ids import RegionCode, RegionLevel
>>> from dayasos.periods import Month, PeriodKind
>>> from dayasos.metrics import Indicator, MeasureUnit, Realization
>>> packages = Indicator(
...     code="sembako.paket", name_id="Paket sembako",
...     name_en="Food packages", unit=MeasureUnit.PACKAGES,
... )
>>> def done(region, month, value):
...     return Realization(
...         indicator=packages, program="sembako", period=Month(2020, month),
...         region=RegionCode.parse(region), value=value,
...     )
>>> rows = [done("31.71", 4, 300), done("31.72", 5, 200), done("32.01", 5, 50)]
>>> rolled = roll_up(
...     rows, level=RegionLevel.PROVINCE, kind=PeriodKind.QUARTER
... )
>>> [(str(r.region), str(r.period), r.value) for r in rolled]
[('31', '2020-Q2', 500), ('32', '2020-Q2', 50)]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, overload

import attrs

from dayasos.errors import ValidationError
from dayasos.metrics._indicators import Indicator, Realization, Target
from dayasos.money import Rupiah, sum_rupiah


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from dayasos.ids import RegionCode, RegionLevel
    from dayasos.metrics._indicators import MeasureUnit, Quantity
    from dayasos.periods import Period, PeriodKind


__all__ = ["combine", "period_within", "region_at", "roll_up"]


def region_at(
    region: RegionCode | None, level: RegionLevel | None, *, path: str
) -> RegionCode | None:
    """
    The region at `level` that holds `region`; `None` for national.

    Raises:
        ValidationError: ``metrics.region_too_coarse`` when `region` is
            national or above `level` (a province asked at kecamatan
            level).

    .. versionadded:: 0.1.0
    """
    if level is None:
        return None
    if region is None or region.level.value < level.value:
        raise ValidationError(
            "{value} cannot be placed at {level} level: roll up to its "
            "own level or a coarser one",
            code="metrics.region_too_coarse",
            path=path,
            value="national" if region is None else str(region),
            level=level.name.lower(),
        )
    return region.at_level(level)


def period_within(period: Period, kind: PeriodKind, *, path: str) -> Period:
    """
    The period of `kind` that holds `period`.

    Raises:
        ValidationError: ``metrics.period_too_coarse`` when no period of
            `kind` holds it (a year asked by quarter).

    .. versionadded:: 0.1.0
    """
    try:
        return period.within(kind)
    except ValidationError:
        raise ValidationError(
            "{value} does not lie within one {kind}: roll up to a kind "
            "that holds it",
            code="metrics.period_too_coarse",
            path=path,
            value=str(period),
            kind=kind.value,
        ) from None


def _latest(records: Sequence[Target | Realization]) -> Target | Realization:
    """The one record with the latest period, for non-additive measures."""
    regions = {r.region for r in records}
    indicator = records[0].indicator
    if len(regions) > 1:
        raise ValidationError(
            "{indicator} is measured in {unit}, which does not add up: "
            "values of {count} regions cannot be combined; give the counts "
            "behind it as indicators of their own",
            code="metrics.not_additive_regions",
            value=indicator.code,
            indicator=indicator.code,
            unit=indicator.unit.value,
            count=len(regions),
        )
    last = max(r.period.stop for r in records)
    latest = [r for r in records if r.period.stop == last]
    if len(latest) > 1:
        raise ValidationError(
            "{indicator} is measured in {unit}, which does not add up: "
            "{count} values end on the same day and cannot be combined",
            code="metrics.not_additive_same_end",
            value=indicator.code,
            indicator=indicator.code,
            unit=indicator.unit.value,
            count=len(latest),
        )
    return latest[0]


def combine(
    records: Sequence[Target | Realization],
) -> tuple[Quantity, Quantity | None]:
    """
    The combined value (and upper bound, for targets) of some records.

    All records measure one indicator.
    Counts and rupiah are summed; other measures keep the latest value.

    Raises:
        ValidationError: ``metrics.not_additive_regions`` when
            non-additive values of several regions would have to be
            combined, ``metrics.not_additive_same_end`` when several end on
            the same last day.

    .. versionadded:: 0.1.0
    """
    unit = records[0].indicator.unit
    if not unit.is_additive:
        one = _latest(records)
        return one.value, one.upper if isinstance(one, Target) else None
    uppers = [
        r.upper if r.upper is not None else r.value
        for r in records
        if isinstance(r, Target)
    ]
    has_upper = any(
        isinstance(r, Target) and r.upper is not None for r in records
    )
    total = _sum([r.value for r in records], unit)
    return total, _sum(uppers, unit) if has_upper else None


def _sum(values: Sequence[Quantity], unit: MeasureUnit) -> Quantity:
    if unit.is_money:
        return sum_rupiah(v for v in values if isinstance(v, Rupiah))
    if unit.is_count:
        return sum(v for v in values if isinstance(v, int))
    return sum((v for v in values if isinstance(v, Fraction)), Fraction(0))


def _key(record: Target | Realization) -> tuple[str, str, str, str, str]:
    region = "" if record.region is None else record.region.code
    return (
        record.indicator.code,
        record.program,
        region,
        record.period.start.isoformat(),
        str(record.period),
    )


@overload
def roll_up(
    records: Iterable[Target],
    *,
    level: RegionLevel | None = None,
    kind: PeriodKind,
) -> list[Target]: ...


@overload
def roll_up(
    records: Iterable[Realization],
    *,
    level: RegionLevel | None = None,
    kind: PeriodKind,
) -> list[Realization]: ...


def roll_up(
    records: Iterable[Target] | Iterable[Realization],
    *,
    level: RegionLevel | None = None,
    kind: PeriodKind,
) -> Sequence[Target | Realization]:
    """
    Roll targets or realizations up to a region level and a period kind.

    Records group by indicator, program, region at `level` (national when
    `None`) and period of `kind`; each group becomes one record by the
    rule of its unit (see the module).
    A range target's bounds are summed separately (a single target counts
    as both); a rolled-up target is maximal when all its parts are.
    The result is sorted by indicator code, program, region and period.

    Raises:
        ValidationError: ``metrics.region_too_coarse``,
            ``metrics.period_too_coarse`` or ``metrics.not_additive_*``,
            with the index of the record in the path.

    .. versionadded:: 0.1.0
    """
    groups: dict[
        tuple[Indicator, str, RegionCode | None, Period],
        list[Target | Realization],
    ] = {}
    items: Iterable[Target | Realization] = records
    for index, record in enumerate(items):
        path = f"records[{index}]"
        key = (
            record.indicator,
            record.program,
            region_at(record.region, level, path=f"{path}.region"),
            period_within(record.period, kind, path=f"{path}.period"),
        )
        groups.setdefault(key, []).append(record)
    rolled = [
        _merge(members, region, period)
        for (_, _, region, period), members in groups.items()
    ]
    return sorted(rolled, key=_key)


def _merge(
    members: Sequence[Target | Realization],
    region: RegionCode | None,
    period: Period,
) -> Target | Realization:
    value, upper = combine(members)
    first = members[0]
    if isinstance(first, Realization):
        return attrs.evolve(first, region=region, period=period, value=value)
    maximal = all(isinstance(m, Target) and m.maximal for m in members)
    return attrs.evolve(
        first,
        region=region,
        period=period,
        value=value,
        upper=upper,
        maximal=maximal,
    )
