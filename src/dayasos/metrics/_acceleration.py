"""
Acceleration (percepatan): what the rest of the year must absorb.

Given the realization to the end of a month, for the quarter in progress
and each later quarter (the fourth being the year):
the amount its cumulative absorption target requires,
the gap still open, and the spending needed per remaining month to close
it (rounded up to whole rupiah, so that it suffices).
The forecast of the year-end absorption assumes the pace so far
(the realization per elapsed month) for the remaining months,
up to the base at most;
it is flagged when it falls short of the year's target.

The targets are the absorption targets per expenditure type
(`absorption_target`), weighted by each type's base.

>>> from dayasos.metrics import BudgetLine, ExpenditureType
>>> from dayasos.money import Rupiah
>>> from dayasos.periods import Month
>>> line = BudgetLine(
...     satker="Ditjen Dayasos", program="prokus", activity="KUS",
...     output="KPM", expenditure=ExpenditureType.BANSOS, year=2020,
...     pagu=Rupiah(1_200), realization={Month(2020, 6): Rupiah(420)},
... )
>>> plan = plan_acceleration([line], Month(2020, 6))
>>> [(str(n.quarter), n.gap, n.monthly) for n in plan.needs]
[('2020-Q2', Rupiah(180), None), ('2020-Q3', Rupiah(480), Rupiah(160)), \
('2020-Q4', Rupiah(720), Rupiah(120))]
>>> plan.forecast, plan.misses_year_target
(Rupiah(840), True)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.metrics._absorption import (
    absorption_base,
    check_year,
    quarter_absorption,
    ratio,
)
from dayasos.metrics._parameters import resolve
from dayasos.money import Rounding, Rupiah, sum_rupiah
from dayasos.periods import FiscalYear, Month, Quarter


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.metrics._budget import BudgetLine
    from dayasos.policy import ParameterSet


__all__ = ["Acceleration", "QuarterNeed", "plan_acceleration"]

_MONTHS_PER_YEAR = 12


@attrs.frozen(kw_only=True)
class QuarterNeed:
    """
    What one quarter's absorption target still needs.

    .. versionadded:: 0.1.0
    """

    #: The quarter.
    quarter: Quarter
    #: The cumulative target at the quarter's end (1 is 100%).
    target: Fraction
    #: The target as an amount, rounded up.
    target_amount: Rupiah
    #: The realization to date.
    realized: Rupiah
    #: The months left before the quarter ends (0 for a closed quarter).
    months_left: int

    @property
    def gap(self) -> Rupiah:
        """The amount still to absorb; zero once reached."""
        return max(Rupiah(0), self.target_amount - self.realized)

    @property
    def reached(self) -> bool:
        """Whether the realization to date already meets the target."""
        return self.gap.amount == 0

    @property
    def missed(self) -> bool:
        """Whether the quarter has ended short of its target."""
        return not self.reached and self.months_left == 0

    @property
    def monthly(self) -> Rupiah | None:
        """
        The spending needed in each remaining month, rounded up.

        `None` when no month is left.
        """
        if self.months_left == 0:
            return None
        return Rupiah(
            Rounding.CEILING.apply(Fraction(self.gap.amount, self.months_left))
        )


@attrs.frozen(kw_only=True)
class Acceleration:
    """
    The acceleration needed after a month, and the year-end forecast.

    .. versionadded:: 0.1.0
    """

    #: The last month with realization data.
    through: Month
    #: The amount absorption is measured against.
    base: Rupiah
    #: The realization to date.
    realized: Rupiah
    #: The quarter in progress (or just closed) and the later ones.
    needs: tuple[QuarterNeed, ...]

    @property
    def pace(self) -> Fraction:
        """The realization per elapsed month so far, exact."""
        return Fraction(self.realized.amount, self.through.month)

    @property
    def forecast(self) -> Rupiah:
        """
        The year-end realization at the current pace, rounded down.

        Never above the base (nor below the realization to date).
        """
        months = _MONTHS_PER_YEAR - self.through.month
        exact = self.realized.amount + self.pace * months
        capped = min(
            exact,
            max(Fraction(self.base.amount), Fraction(self.realized.amount)),
        )
        return Rupiah(Rounding.FLOOR.apply(capped))

    @property
    def forecast_absorption(self) -> Fraction | None:
        """The forecast over the base; `None` for a zero base."""
        return ratio(self.forecast, self.base)

    @property
    def year(self) -> QuarterNeed | None:
        """The need of the fourth quarter, the year's target."""
        found = [n for n in self.needs if n.quarter.quarter == 4]
        return found[0] if found else None

    @property
    def year_target(self) -> Fraction | None:
        """The year's cumulative target; `None` when unknown."""
        year = self.year
        return None if year is None else year.target

    @property
    def misses_year_target(self) -> bool | None:
        """Whether the forecast falls short of the year's target."""
        target = self.year_target
        forecast = self.forecast_absorption
        if target is None or forecast is None:
            return None
        return forecast < target


def plan_acceleration(
    lines: Iterable[BudgetLine],
    through: Month,
    *,
    parameters: ParameterSet | None = None,
) -> Acceleration:
    """
    The acceleration needed after `through` to meet the targets.

    A quarter whose target is not in force, or whose lines have no base,
    has no need listed.

    Raises:
        ValidationError: ``metrics.budget_year`` for a line of another
            year.

    .. versionadded:: 0.1.0
    """
    chosen = list(lines)
    check_year(chosen, through)
    base = absorption_base(chosen, resolve(parameters).at(through.last))
    realized = sum_rupiah(line.realized_through(through) for line in chosen)
    needs = []
    for quarter in FiscalYear(through.year).quarters():
        last = Month.containing(quarter.last)
        if last < through:
            continue
        target = quarter_absorption(
            chosen, quarter, parameters=parameters
        ).target
        if target is None or base.amount == 0:
            continue
        needs.append(
            QuarterNeed(
                quarter=quarter,
                target=target,
                target_amount=Rupiah(
                    Rounding.CEILING.apply(target * base.amount)
                ),
                realized=realized,
                months_left=last.month - through.month,
            )
        )
    return Acceleration(
        through=through, base=base, realized=realized, needs=tuple(needs)
    )
