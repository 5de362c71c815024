"""
The evaluation of a period: performance, budget, risks, acceleration.

`evaluate_period` gathers what a period report shows
(the mid-year evaluation is the one for Semester I):

- each indicator's target against its realization (`PerformanceRow`);
- each program's budget (`ProgramBudget`): ceiling, plan and realization
  to date, absorption against the quarterly targets, deviation from the
  plan, and the acceleration the rest of the year needs;
- the programs at risk (`ProgramRisk`), each with its reasons:
  an indicator below its period target, a target without any
  realization data, absorption below the target of the last quarter
  closed, or a year-end forecast that misses the year's target.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.metrics._absorption import (
    MonthlyAbsorption,
    QuarterAbsorption,
    absorption_by_month,
    absorption_by_quarter,
    ratio,
    score_absorption,
)
from dayasos.metrics._acceleration import Acceleration, plan_acceleration
from dayasos.metrics._deviation import (
    MonthlyDeviation,
    deviation_by_month,
    mean_deviation,
)
from dayasos.metrics._performance import PerformanceRow, evaluate_performance
from dayasos.money import Rupiah, sum_rupiah
from dayasos.periods import Month


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from fractions import Fraction

    from dayasos.ids import RegionLevel
    from dayasos.metrics._budget import BudgetLine
    from dayasos.metrics._indicators import Realization, Target
    from dayasos.periods import Period
    from dayasos.policy import ParameterSet


__all__ = [
    "PeriodEvaluation",
    "ProgramBudget",
    "ProgramRisk",
    "RiskReason",
    "evaluate_budget",
    "evaluate_period",
]


@attrs.frozen(kw_only=True)
class ProgramBudget:
    """
    The budget execution of a program (or of all programs) to a month.

    .. versionadded:: 0.1.0
    """

    #: The program's code; `None` for the total of all programs.
    program: str | None
    #: The last month of data.
    through: Month
    #: The budget lines.
    lines: tuple[BudgetLine, ...] = attrs.field(repr=False)
    #: Cumulative plan and realization per month.
    months: tuple[MonthlyAbsorption, ...] = attrs.field(repr=False)
    #: Absorption at the end of each closed quarter.
    quarters: tuple[QuarterAbsorption, ...] = attrs.field(repr=False)
    #: Deviation from the plan per month.
    deviations: tuple[MonthlyDeviation, ...] = attrs.field(repr=False)
    #: What the rest of the year needs.
    acceleration: Acceleration = attrs.field(repr=False)

    @property
    def pagu(self) -> Rupiah:
        """The ceiling."""
        return sum_rupiah(line.pagu for line in self.lines)

    @property
    def blokir(self) -> Rupiah:
        """The blocked amount."""
        return sum_rupiah(line.blokir for line in self.lines)

    @property
    def base(self) -> Rupiah:
        """The amount absorption is measured against."""
        return self.acceleration.base

    @property
    def planned(self) -> Rupiah:
        """The plan (RPD) to date."""
        return sum_rupiah(
            line.planned_through(self.through) for line in self.lines
        )

    @property
    def realized(self) -> Rupiah:
        """The realization to date."""
        return self.acceleration.realized

    @property
    def absorption(self) -> Fraction | None:
        """The realization to date over the base."""
        return ratio(self.realized, self.base)

    @property
    def planned_absorption(self) -> Fraction | None:
        """The plan to date over the base."""
        return ratio(self.planned, self.base)

    @property
    def target(self) -> Fraction | None:
        """The absorption target of the last quarter closed by now."""
        return self.quarters[-1].target if self.quarters else None

    @property
    def below_target(self) -> bool:
        """Whether the absorption is known and below its target."""
        absorption, target = self.absorption, self.target
        return (
            absorption is not None
            and target is not None
            and (absorption < target)
        )

    @property
    def deviation(self) -> Fraction | None:
        """The mean monthly deviation from the plan to date."""
        return mean_deviation(self.deviations)

    @property
    def absorption_score(self) -> Fraction | None:
        """The IKPA absorption indicator (0-100) over the closed quarters."""
        return score_absorption(self.quarters)


def evaluate_budget(
    lines: Iterable[BudgetLine],
    through: Month,
    *,
    program: str | None = None,
    parameters: ParameterSet | None = None,
) -> ProgramBudget:
    """
    The budget execution of some budget lines to the end of `through`.

    Raises:
        ValidationError: ``metrics.budget_year`` for a line of another
            year than `through`.

    .. versionadded:: 0.1.0
    """
    chosen = tuple(lines)
    return ProgramBudget(
        program=program,
        through=through,
        lines=chosen,
        months=tuple(
            absorption_by_month(chosen, through, parameters=parameters)
        ),
        quarters=tuple(
            absorption_by_quarter(chosen, through, parameters=parameters)
        ),
        deviations=tuple(
            deviation_by_month(chosen, through, parameters=parameters)
        ),
        acceleration=plan_acceleration(chosen, through, parameters=parameters),
    )


class RiskReason(enum.Enum):
    """
    Why a program is at risk.

    .. versionadded:: 0.1.0
    """

    #: An indicator's realization is below its period target.
    INDICATOR_BELOW_TARGET = "indicator_below_target"
    #: An indicator has a period target but no realization data.
    REALIZATION_MISSING = "realization_missing"
    #: Absorption is below the target of the last quarter closed.
    ABSORPTION_BELOW_TARGET = "absorption_below_target"
    #: At the current pace, the year ends below the absorption target.
    FORECAST_MISSES_YEAR_TARGET = "forecast_misses_year_target"


@attrs.frozen(kw_only=True)
class ProgramRisk:
    """
    A program at risk and why.

    .. versionadded:: 0.1.0
    """

    #: The program's code.
    program: str
    #: The reasons, in the order of `RiskReason`.
    reasons: tuple[RiskReason, ...]
    #: The codes of the indicators below target or without realization.
    indicators: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PeriodEvaluation:
    """
    Everything a period report shows.

    .. versionadded:: 0.1.0
    """

    #: The evaluated period.
    period: Period
    #: The region level of the performance rows; `None` for national.
    level: RegionLevel | None
    #: One row per program, indicator and region.
    performance: tuple[PerformanceRow, ...]
    #: The budget of each program with budget lines.
    budgets: tuple[ProgramBudget, ...]
    #: The budget of all programs together; `None` without budget lines.
    total: ProgramBudget | None
    #: The programs at risk.
    risks: tuple[ProgramRisk, ...]

    @property
    def through(self) -> Month:
        """The last month of the period."""
        return Month.containing(self.period.last)

    @property
    def programs(self) -> list[str]:
        """Every program with performance rows or budget lines, sorted."""
        found = {row.program for row in self.performance}
        found |= {b.program for b in self.budgets if b.program is not None}
        return sorted(found)


def _risks(
    programs: Sequence[str],
    performance: Sequence[PerformanceRow],
    budgets: Sequence[ProgramBudget],
) -> list[ProgramRisk]:
    found = []
    by_program = {b.program: b for b in budgets}
    for program in programs:
        rows = [row for row in performance if row.program == program]
        reasons = []
        below = [r.indicator.code for r in rows if r.below_target]
        unknown = [
            r.indicator.code
            for r in rows
            if r.target is not None and r.realization is None
        ]
        if below:
            reasons.append(RiskReason.INDICATOR_BELOW_TARGET)
        if unknown:
            reasons.append(RiskReason.REALIZATION_MISSING)
        budget = by_program.get(program)
        if budget is not None and budget.below_target:
            reasons.append(RiskReason.ABSORPTION_BELOW_TARGET)
        if budget is not None and budget.acceleration.misses_year_target:
            reasons.append(RiskReason.FORECAST_MISSES_YEAR_TARGET)
        if reasons:
            found.append(
                ProgramRisk(
                    program=program,
                    reasons=tuple(reasons),
                    indicators=tuple(dict.fromkeys([*below, *unknown])),
                )
            )
    return found


def evaluate_period(
    period: Period,
    *,
    targets: Iterable[Target] = (),
    realizations: Iterable[Realization] = (),
    budget: Iterable[BudgetLine] = (),
    level: RegionLevel | None = None,
    parameters: ParameterSet | None = None,
) -> PeriodEvaluation:
    """
    Evaluate a period: performance, budget, risks and acceleration.

    >>> from dayasos.periods import Semester
    >>> evaluation = evaluate_period(Semester(2020, 1))
    >>> str(evaluation.through), evaluation.risks
    ('2020-06', ())

    Args:
        period: The evaluated period, within one fiscal year.
        targets: The indicators' targets.
        realizations: The indicators' realizations.
        budget: The budget lines of the period's fiscal year.
        level: The region level of the performance rows; `None` for
            national rows.
        parameters: The parameters to read; the shipped ones by default.

    Raises:
        ValidationError: ``metrics.period_year`` for a period that spans
            two years; the errors of `evaluate_performance` and
            `evaluate_budget`.

    .. versionadded:: 0.1.0
    """
    if period.start.year != period.last.year:
        raise ValidationError(
            "a period is evaluated within one fiscal year, got {value}",
            code="metrics.period_year",
            path="period",
            value=str(period),
        )
    through = Month.containing(period.last)
    performance = evaluate_performance(
        targets, realizations, period, level=level, parameters=parameters
    )
    lines = list(budget)
    budgets = [
        evaluate_budget(
            [line for line in lines if line.program == program],
            through,
            program=program,
            parameters=parameters,
        )
        for program in sorted({line.program for line in lines})
    ]
    total = (
        evaluate_budget(lines, through, parameters=parameters)
        if lines
        else None
    )
    programs = sorted(
        {row.program for row in performance} | {line.program for line in lines}
    )
    return PeriodEvaluation(
        period=period,
        level=level,
        performance=tuple(performance),
        budgets=tuple(budgets),
        total=total,
        risks=tuple(_risks(programs, performance, budgets)),
    )
