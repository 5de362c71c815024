"""
The tables and lists of a period report, in one language.

A `Table` holds raw cell values and the kind of each column;
the renderers (text, Markdown, HTML) format them with a `Formatter`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.l10n import format_date, format_period
from dayasos.metrics import (
    ExpenditureType,
    PerformanceRow,
    PeriodEvaluation,
    ProgramBudget,
    QuarterNeed,
    load_metric_parameters,
)
from dayasos.periods import Quarter
from dayasos.reports._format import Kind, Measure


if TYPE_CHECKING:
    from collections.abc import Mapping

    from dayasos.metrics import Quantity
    from dayasos.policy import Confidence, Description, ParameterSet, Reference
    from dayasos.reports._format import Formatter


__all__ = ["Column", "Table", "build_lists", "build_tables"]

_NUMERIC = frozenset(
    {
        Kind.COUNT,
        Kind.RUPIAH,
        Kind.PERCENT,
        Kind.MEASURE,
        Kind.ACHIEVEMENT,
        Kind.RATING,
    }
)


@attrs.frozen
class Column:
    """
    A column: its key, the message code of its label, its kind.

    .. versionadded:: 0.1.0
    """

    key: str
    label: str
    kind: Kind

    @property
    def numeric(self) -> bool:
        """Whether the column holds numbers (aligned right)."""
        return self.kind in _NUMERIC


@attrs.frozen(kw_only=True)
class Table:
    """
    A table of a report: a title code, columns and rows of raw values.

    .. versionadded:: 0.1.0
    """

    #: A stable key, e.g. ``performance``.
    key: str
    #: The message code of the title.
    title: str
    #: The columns.
    columns: tuple[Column, ...]
    #: The rows, each a mapping from column key to raw value.
    rows: tuple[Mapping[str, object], ...]


def program_name(
    code: str | None, names: Mapping[str, Description], fmt: Formatter
) -> str:
    """The program's name in the report's language; its code if unnamed."""
    if code is None:
        return fmt.word("report.total")
    name = names.get(code)
    if name is None:
        return code
    return name.id if fmt.language == "id" else name.en


def _indicator_name(row: PerformanceRow, fmt: Formatter) -> str:
    indicator = row.indicator
    return indicator.name_id if fmt.language == "id" else indicator.name_en


def _measure(
    row: PerformanceRow, value: Quantity | None, upper: Quantity | None = None
) -> Measure | None:
    if value is None:
        return None
    return Measure(value, row.indicator.unit, upper)


def performance_table(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    fmt: Formatter,
) -> Table:
    """The indicators' targets, realizations and achievements."""
    columns = [
        Column("program", "report.col.program", Kind.TEXT),
        Column("indicator", "report.col.indicator", Kind.TEXT),
    ]
    if evaluation.level is not None:
        columns.append(Column("region", "report.col.region", Kind.TEXT))
    columns += [
        Column("unit", "report.col.unit", Kind.TEXT),
        Column("target", "report.col.target", Kind.MEASURE),
        Column("realization", "report.col.realization", Kind.MEASURE),
        Column("achievement", "report.col.achievement", Kind.ACHIEVEMENT),
        Column("rating", "report.col.rating", Kind.RATING),
        Column("year_target", "report.col.year_target", Kind.MEASURE),
        Column("to_date", "report.col.to_date", Kind.MEASURE),
        Column("progress", "report.col.progress", Kind.ACHIEVEMENT),
        Column("gap", "report.col.gap", Kind.MEASURE),
    ]
    rows = [
        {
            "program": program_name(row.program, names, fmt),
            "indicator": _indicator_name(row, fmt),
            "region": (
                fmt.word("report.national")
                if row.region is None
                else str(row.region)
            ),
            "unit": fmt.word(f"report.unit.{row.indicator.unit.value}"),
            "target": _measure(row, row.target, row.upper),
            "realization": _measure(row, row.realization),
            "achievement": row.achievement,
            "rating": row.rating,
            "year_target": _measure(row, row.year_target),
            "to_date": _measure(row, row.realization_to_date),
            "progress": row.progress,
            "gap": _measure(row, row.gap),
        }
        for row in evaluation.performance
    ]
    return Table(
        key="performance",
        title="report.section.performance",
        columns=tuple(columns),
        rows=tuple(rows),
    )


def next_need(budget: ProgramBudget) -> QuarterNeed | None:
    """The need of the next quarter that still has months, before Q4."""
    for need in budget.acceleration.needs:
        if need.months_left > 0 and need.quarter.quarter < 4:
            return need
    return None


def _status(budget: ProgramBudget, fmt: Formatter) -> str | None:
    if budget.target is None or budget.absorption is None:
        return None
    if budget.below_target:
        return fmt.word("report.status.below_target")
    return fmt.word("report.status.on_track")


def _budget_row(
    budget: ProgramBudget, names: Mapping[str, Description], fmt: Formatter
) -> dict[str, object]:
    following = next_need(budget)
    year = budget.acceleration.year
    return {
        "program": program_name(budget.program, names, fmt),
        "pagu": budget.pagu,
        "blokir": budget.blokir,
        "planned": budget.planned,
        "realized": budget.realized,
        "absorption": budget.absorption,
        "target": budget.target,
        "deviation": budget.deviation,
        "need_next": None if following is None else following.monthly,
        "need_year": None if year is None else year.monthly,
        "forecast": budget.acceleration.forecast_absorption,
        "status": _status(budget, fmt),
    }


def budget_table(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    fmt: Formatter,
) -> Table:
    """Each program's budget execution and the acceleration it needs."""
    columns = (
        Column("program", "report.col.program", Kind.TEXT),
        Column("pagu", "report.col.pagu", Kind.RUPIAH),
        Column("blokir", "report.col.blokir", Kind.RUPIAH),
        Column("planned", "report.col.planned", Kind.RUPIAH),
        Column("realized", "report.col.realized", Kind.RUPIAH),
        Column("absorption", "report.col.absorption", Kind.PERCENT),
        Column("target", "report.col.absorption_target", Kind.PERCENT),
        Column("deviation", "report.col.deviation", Kind.PERCENT),
        Column("need_next", "report.col.need_next", Kind.RUPIAH),
        Column("need_year", "report.col.need_year", Kind.RUPIAH),
        Column("forecast", "report.col.forecast", Kind.PERCENT),
        Column("status", "report.col.status", Kind.TEXT),
    )
    budgets = list(evaluation.budgets)
    if evaluation.total is not None and len(budgets) > 1:
        budgets.append(evaluation.total)
    return Table(
        key="budget",
        title="report.section.budget",
        columns=columns,
        rows=tuple(_budget_row(b, names, fmt) for b in budgets),
    )


def expenditure_table(evaluation: PeriodEvaluation, fmt: Formatter) -> Table:
    """Absorption of each expenditure type at the last closed quarter."""
    columns = (
        Column("type", "report.col.expenditure", Kind.TEXT),
        Column("base", "report.col.base", Kind.RUPIAH),
        Column("realized", "report.col.realized_quarter", Kind.RUPIAH),
        Column("absorption", "report.col.absorption", Kind.PERCENT),
        Column("target", "report.col.absorption_target", Kind.PERCENT),
    )
    total = evaluation.total
    rows = []
    if total is not None and total.quarters:
        quarter = total.quarters[-1]
        rows = [
            {
                "type": fmt.word(f"report.expenditure.{t.expenditure.key}"),
                "base": t.base,
                "realized": t.realized,
                "absorption": t.absorption,
                "target": t.target,
            }
            for t in quarter.types
        ]
    return Table(
        key="expenditure",
        title="report.section.expenditure",
        columns=columns,
        rows=tuple(rows),
    )


def build_tables(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    fmt: Formatter,
) -> list[Table]:
    """
    The tables of a report, in order; empty tables left out.

    .. versionadded:: 0.1.0
    """
    tables = [
        performance_table(evaluation, names, fmt),
        budget_table(evaluation, names, fmt),
        expenditure_table(evaluation, fmt),
    ]
    return [table for table in tables if table.rows]


def _risk_lines(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    fmt: Formatter,
) -> list[str]:
    by_code = {row.indicator.code: row for row in evaluation.performance}
    lines = []
    for risk in evaluation.risks:
        indicators = ", ".join(
            _indicator_name(by_code[code], fmt) for code in risk.indicators
        )
        reasons = "; ".join(
            fmt.word(f"report.risk.{reason.value}", indicators=indicators)
            for reason in risk.reasons
        )
        lines.append(f"{program_name(risk.program, names, fmt)}: {reasons}")
    return lines


def _confidence(fmt: Formatter, confidence: Confidence | None) -> str:
    key = "none" if confidence is None else confidence.value
    return fmt.word(f"report.confidence.{key}")


def _reference(reference: Reference) -> str:
    parts = [reference.number, reference.article]
    return " ".join(part for part in parts if part) or reference.instrument


def _notes(
    evaluation: PeriodEvaluation,
    parameters: ParameterSet | None,
    fmt: Formatter,
) -> list[str]:
    notes = [fmt.word("report.note.rounding")]
    last = evaluation.period.last
    rows = evaluation.performance
    if any(r.achievement is not None and r.rating is None for r in rows):
        notes.append(
            fmt.word(
                "report.note.no_conversion",
                date=format_date(last, fmt.language),
            )
        )
    if any(
        r.achievement is not None and not r.achievement.is_applicable
        for r in rows
    ):
        notes.append(
            fmt.word(
                "report.note.not_applicable",
                mark=fmt.word("report.not_applicable"),
            )
        )
    if any(r.rating is not None and not r.rating.is_verified for r in rows):
        notes.append(fmt.word("report.note.unverified"))
    if evaluation.total is not None:
        chosen = load_metric_parameters() if parameters is None else parameters
        snapshot = chosen.at(last)
        name = (
            f"metrics.absorption.target.{ExpenditureType.BANSOS.key}."
            f"tw{Quarter.containing(last).quarter}"
        )
        if name in snapshot:
            entry = snapshot.entry(name)
            notes.append(
                fmt.word(
                    "report.note.absorption_targets",
                    confidence=_confidence(fmt, entry.confidence),
                    reference=_reference(entry.reference),
                )
            )
        rule = "metrics.deviation.weighting"
        if rule in snapshot:
            entry = snapshot.entry(rule)
            notes.append(
                fmt.word(
                    "report.note.deviation",
                    weighting=fmt.word(f"report.weighting.{entry.value}"),
                    confidence=_confidence(fmt, entry.confidence),
                    reference=_reference(entry.reference),
                )
            )
        notes.append(
            fmt.word(
                "report.note.forecast",
                month=format_period(evaluation.through, fmt.language),
            )
        )
    return notes


@attrs.frozen(kw_only=True)
class Lists:
    """
    The sentences of a report: risks and notes.

    .. versionadded:: 0.1.0
    """

    #: One line per program at risk.
    risks: tuple[str, ...]
    #: The notes on method and confidence.
    notes: tuple[str, ...]


def build_lists(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    parameters: ParameterSet | None,
    fmt: Formatter,
) -> Lists:
    """
    The risks and notes of a report in the formatter's language.

    .. versionadded:: 0.1.0
    """
    return Lists(
        risks=tuple(_risk_lines(evaluation, names, fmt)),
        notes=tuple(_notes(evaluation, parameters, fmt)),
    )
