"""
A report as one flat table for machines: CSV and polars.

One row per program and indicator (and region), with the program's
budget columns repeated; a program with budget lines and no indicator has
one row without indicator.
Column names are English and stable; values are not localized:
whole numbers for counts and rupiah, decimals with a dot, percentages in
percent points rounded half up to two decimals
(a percent indicator's values too: ``12.50`` is 12.5%),
codes for units, polarities, bands and risk reasons.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING

from dayasos.metrics import MeasureUnit
from dayasos.money import Rounding, Rupiah
from dayasos.reports._format import round_percent
from dayasos.reports._tables import next_need


if TYPE_CHECKING:
    from fractions import Fraction

    from dayasos.metrics import (
        Achievement,
        PerformanceRow,
        PeriodEvaluation,
        ProgramBudget,
        Quantity,
    )


__all__ = [
    "DECIMAL_COLUMNS",
    "FLAT_COLUMNS",
    "INTEGER_COLUMNS",
    "flat_records",
    "to_csv",
]

#: Columns of decimals (two places).
DECIMAL_COLUMNS = (
    "target",
    "target_upper",
    "realization",
    "achievement_pct",
    "rating_value",
    "year_target",
    "realization_to_date",
    "progress_pct",
    "gap",
    "absorption_pct",
    "absorption_target_pct",
    "deviation_pct",
    "forecast_absorption_pct",
)
#: Columns of whole rupiah.
INTEGER_COLUMNS = (
    "pagu",
    "blokir",
    "planned",
    "realized",
    "need_next_monthly",
    "need_year_monthly",
    "forecast",
)
#: Every column, in order.
FLAT_COLUMNS = (
    "period",
    "program",
    "indicator",
    "region",
    "unit",
    "polarity",
    "target",
    "target_upper",
    "realization",
    "achievement_pct",
    "rating_value",
    "rating_band",
    "rating_confidence",
    "year_target",
    "realization_to_date",
    "progress_pct",
    "gap",
    "pagu",
    "blokir",
    "planned",
    "realized",
    "absorption_pct",
    "absorption_target_pct",
    "deviation_pct",
    "need_next_monthly",
    "need_year_monthly",
    "forecast",
    "forecast_absorption_pct",
    "at_risk",
    "risk_reasons",
)


def _two_places(value: Fraction) -> Decimal:
    return Decimal(Rounding.HALF_UP.apply(value * 100)).scaleb(-2)


def _number(value: Quantity | None, unit: MeasureUnit) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Rupiah):
        return Decimal(value.amount)
    if isinstance(value, int):
        return Decimal(value)
    if unit is MeasureUnit.PERCENT:
        return round_percent(value)
    return _two_places(value)


def _pct(value: Fraction | None) -> Decimal | None:
    return None if value is None else round_percent(value)


def _achieved(value: Achievement | None) -> Decimal | None:
    return None if value is None else _pct(value.ratio)


def _amount(value: Rupiah | None) -> int | None:
    return None if value is None else value.amount


def _performance(row: PerformanceRow) -> dict[str, object]:
    unit = row.indicator.unit
    rating = row.rating
    return {
        "indicator": row.indicator.code,
        "region": None if row.region is None else str(row.region),
        "unit": unit.value,
        "polarity": row.indicator.polarity.value,
        "target": _number(row.target, unit),
        "target_upper": _number(row.upper, unit),
        "realization": _number(row.realization, unit),
        "achievement_pct": _achieved(row.achievement),
        "rating_value": None if rating is None else _two_places(rating.value),
        "rating_band": None if rating is None else rating.band.value,
        "rating_confidence": (
            None
            if rating is None or rating.confidence is None
            else rating.confidence.value
        ),
        "year_target": _number(row.year_target, unit),
        "realization_to_date": _number(row.realization_to_date, unit),
        "progress_pct": _achieved(row.progress),
        "gap": _number(row.gap, unit),
    }


def _budget(budget: ProgramBudget | None) -> dict[str, object]:
    if budget is None:
        return {}
    following = next_need(budget)
    year = budget.acceleration.year
    return {
        "pagu": budget.pagu.amount,
        "blokir": budget.blokir.amount,
        "planned": budget.planned.amount,
        "realized": budget.realized.amount,
        "absorption_pct": _pct(budget.absorption),
        "absorption_target_pct": _pct(budget.target),
        "deviation_pct": _pct(budget.deviation),
        "need_next_monthly": (
            None if following is None else _amount(following.monthly)
        ),
        "need_year_monthly": None if year is None else _amount(year.monthly),
        "forecast": budget.acceleration.forecast.amount,
        "forecast_absorption_pct": _pct(
            budget.acceleration.forecast_absorption
        ),
    }


def flat_records(evaluation: PeriodEvaluation) -> list[dict[str, object]]:
    """
    The flat rows of a report, each with every column of `FLAT_COLUMNS`.

    .. versionadded:: 0.1.0
    """
    budgets = {b.program: b for b in evaluation.budgets}
    risks = {r.program: r for r in evaluation.risks}
    records = []
    for program in evaluation.programs:
        rows = [r for r in evaluation.performance if r.program == program]
        parts: list[dict[str, object]] = [_performance(r) for r in rows] or [
            {}
        ]
        risk = risks.get(program)
        for part in parts:
            record: dict[str, object] = dict.fromkeys(FLAT_COLUMNS)
            record.update(
                period=str(evaluation.period),
                program=program,
                at_risk=risk is not None,
                risk_reasons=(
                    None
                    if risk is None
                    else ";".join(reason.value for reason in risk.reasons)
                ),
            )
            record.update(part)
            record.update(_budget(budgets.get(program)))
            records.append(record)
    return records


def to_csv(evaluation: PeriodEvaluation) -> str:
    """
    The flat table as CSV text (comma-separated, a header row first).

    .. versionadded:: 0.1.0
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    for record in flat_records(evaluation):
        writer.writerow([_csv_cell(record[column]) for column in FLAT_COLUMNS])
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
