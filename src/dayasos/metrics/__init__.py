"""
Targets, realization and budget metrics.

Performance (SAKIP): `Indicator`, `Target` and `Realization` per program,
region and period; achievement by polarity (`compute_achievement`), its
conversion to a performance value and band (`rate_achievement`), and
roll-ups over periods and the region tree (`roll_up`).

>>> from fractions import Fraction
>>> compute_achievement(7, Fraction(13, 2), Polarity.MINIMIZE).percent()
Decimal('107.14')

Budget execution: `BudgetLine` (ceiling, blocked amount, monthly plan
and realization per expenditure type), absorption by month and quarter
against the quarterly targets, deviation from the plan, the IKPA score by
its yearly version (`score_ikpa`), and the acceleration the rest of the
year needs (`plan_acceleration`).

>>> from datetime import date
>>> sum(ikpa_weights(on=date(2020, 7, 21)).values())
Fraction(100, 1)

`evaluate_period` puts it together for a period report; the mid-year
evaluation is the one for Semester I (see `dayasos.reports`).

Policy numbers are parameters shipped with the package
(`load_metric_parameters`), each dated and cited;
every function takes ``parameters=`` to use others (e.g. a reform).
This package computes and emits codes and exact values;
`dayasos.reports` turns them into tables, words and plots.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.metrics._absorption import (
    MonthlyAbsorption,
    QuarterAbsorption,
    TypeAbsorption,
    absorption_by_month,
    absorption_by_quarter,
    absorption_target,
    score_absorption,
)
from dayasos.metrics._acceleration import (
    Acceleration,
    QuarterNeed,
    plan_acceleration,
)
from dayasos.metrics._achievement import Achievement, compute_achievement
from dayasos.metrics._budget import BudgetLine, ExpenditureType
from dayasos.metrics._deviation import (
    MonthlyDeviation,
    deviation_by_month,
    mean_deviation,
)
from dayasos.metrics._disbursements import (
    COUNTED_STATUSES,
    realizations_from_disbursements,
)
from dayasos.metrics._evaluation import (
    PeriodEvaluation,
    ProgramBudget,
    ProgramRisk,
    RiskReason,
    evaluate_budget,
    evaluate_period,
)
from dayasos.metrics._ikpa import (
    IkpaBand,
    IkpaIndicator,
    IkpaScore,
    ikpa_weights,
    score_ikpa,
)
from dayasos.metrics._indicators import (
    Indicator,
    MeasureUnit,
    Polarity,
    Quantity,
    Realization,
    Target,
)
from dayasos.metrics._parameters import load_metric_parameters
from dayasos.metrics._performance import PerformanceRow, evaluate_performance
from dayasos.metrics._rating import Rating, RatingBand, rate_achievement
from dayasos.metrics._rollup import roll_up


__all__ = [
    "COUNTED_STATUSES",
    "Acceleration",
    "Achievement",
    "BudgetLine",
    "ExpenditureType",
    "IkpaBand",
    "IkpaIndicator",
    "IkpaScore",
    "Indicator",
    "MeasureUnit",
    "MonthlyAbsorption",
    "MonthlyDeviation",
    "PerformanceRow",
    "PeriodEvaluation",
    "Polarity",
    "ProgramBudget",
    "ProgramRisk",
    "Quantity",
    "QuarterAbsorption",
    "QuarterNeed",
    "Rating",
    "RatingBand",
    "Realization",
    "RiskReason",
    "Target",
    "TypeAbsorption",
    "absorption_by_month",
    "absorption_by_quarter",
    "absorption_target",
    "compute_achievement",
    "deviation_by_month",
    "evaluate_budget",
    "evaluate_performance",
    "evaluate_period",
    "ikpa_weights",
    "load_metric_parameters",
    "mean_deviation",
    "plan_acceleration",
    "rate_achievement",
    "realizations_from_disbursements",
    "roll_up",
    "score_absorption",
    "score_ikpa",
]
