"""
Deviation of the monthly realization from the plan (DIPA page III).

For each month and expenditure type (51, 52, 53, 57):
``|realization - plan| / plan``.
A month with no plan deviates by 0 when nothing was spent
and by 1 (100%) when something was: DOMAIN.md gives no rule for a zero
plan, so dayasos counts unplanned spending as wholly off-plan.
The types combine into the month's deviation by the rule in force
(``metrics.deviation.weighting``): the arithmetic mean over the types
with a ceiling (PER-5/PB/2022) or the mean weighted by each type's share
of the ceiling (PER-5/PB/2024 Pasal 7).
A month over ``metrics.deviation.threshold`` (5%) loses the full score
of the indicator; the deviation-to-score formula itself was not found
(DOMAIN.md gap 6), so dayasos reports deviations and flags, no score.

>>> from dayasos.money import Rupiah
>>> from dayasos.periods import Month
>>> june = Month(2020, 6)
>>> line = BudgetLine(
...     satker="Ditjen Dayasos", program="prokus", activity="KUS",
...     output="KPM", expenditure=ExpenditureType.BANSOS, year=2020,
...     pagu=Rupiah(1_000), plan={june: Rupiah(200)},
...     realization={june: Rupiah(150)},
... )
>>> deviation = deviation_by_month([line], june)[-1]
>>> deviation.value, deviation.exceeds
(Fraction(1, 4), True)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ParameterError
from dayasos.metrics._absorption import check_year
from dayasos.metrics._budget import BudgetLine, ExpenditureType
from dayasos.metrics._mapping import read_only
from dayasos.metrics._parameters import number, resolve
from dayasos.money import sum_rupiah
from dayasos.periods import Month


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from dayasos.policy import ParameterSet


__all__ = ["MonthlyDeviation", "deviation_by_month", "mean_deviation"]

#: The weighting rules ``metrics.deviation.weighting`` may name.
MEAN = "mean"
PAGU_SHARE = "pagu_share"


@attrs.frozen(kw_only=True)
class MonthlyDeviation:
    """
    The deviation of one month from the plan.

    .. versionadded:: 0.1.0
    """

    #: The month.
    month: Month
    #: The deviation of each expenditure type with a ceiling.
    by_type: Mapping[ExpenditureType, Fraction] = attrs.field(
        converter=read_only, hash=False
    )
    #: The combined deviation; `None` when no type has a ceiling.
    value: Fraction | None
    #: The weighting rule used (``mean`` or ``pagu_share``).
    weighting: str
    #: The deviation allowed for a full score; `None` when none is in
    #: force.
    threshold: Fraction | None

    @property
    def exceeds(self) -> bool | None:
        """Whether the deviation is over the threshold; `None` if unknown."""
        if self.value is None or self.threshold is None:
            return None
        return self.value > self.threshold


def _deviation(planned: int, realized: int) -> Fraction:
    if planned == 0:
        return Fraction(0 if realized == 0 else 1)
    return Fraction(abs(realized - planned), planned)


def deviation_by_month(
    lines: Iterable[BudgetLine],
    through: Month,
    *,
    parameters: ParameterSet | None = None,
) -> list[MonthlyDeviation]:
    """
    The deviation from the plan of each month, January to `through`.

    Raises:
        ValidationError: ``metrics.budget_year`` for a line of another
            year.
        ParameterError: ``metrics.deviation_weighting`` when the weighting
            in force is neither ``mean`` nor ``pagu_share``.

    .. versionadded:: 0.1.0
    """
    chosen = list(lines)
    check_year(chosen, through)
    found = []
    for index in range(1, through.month + 1):
        month = Month(through.year, index)
        snapshot = resolve(parameters).at(month.last)
        weighting = snapshot.value("metrics.deviation.weighting", str)
        if weighting not in {MEAN, PAGU_SHARE}:
            raise ParameterError(
                "metrics.deviation.weighting is {expected}, got {value!r}",
                code="metrics.deviation_weighting",
                value=weighting,
                expected=f"{MEAN!r} or {PAGU_SHARE!r}",
            )
        name = "metrics.deviation.threshold"
        threshold = number(snapshot, name) / 100 if name in snapshot else None
        by_type: dict[ExpenditureType, Fraction] = {}
        weights: dict[ExpenditureType, int] = {}
        for expenditure in ExpenditureType:
            typed = [
                line for line in chosen if line.expenditure is expenditure
            ]
            pagu = sum_rupiah(line.pagu for line in typed).amount
            if pagu == 0:
                continue
            by_type[expenditure] = _deviation(
                sum_rupiah(line.planned_in(month) for line in typed).amount,
                sum_rupiah(line.realized_in(month) for line in typed).amount,
            )
            weights[expenditure] = pagu if weighting == PAGU_SHARE else 1
        total = sum(weights.values())
        value = (
            sum((by_type[t] * weights[t] for t in by_type), Fraction(0))
            / total
            if total
            else None
        )
        found.append(
            MonthlyDeviation(
                month=month,
                by_type=by_type,
                value=value,
                weighting=weighting,
                threshold=threshold,
            )
        )
    return found


def mean_deviation(deviations: Iterable[MonthlyDeviation]) -> Fraction | None:
    """
    The mean of the months' deviations; `None` when one is unknown.

    .. versionadded:: 0.1.0
    """
    values = [d.value for d in deviations]
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Fraction(0)) / len(values)
