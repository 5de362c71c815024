"""
Plots of a report, saved as PNG: absorption curves and achievement bars.

matplotlib is imported only when a plot is asked for
(install ``dayasos[plot]``); no global pyplot state is touched.

- **Realization against plan**: per program, the cumulative plan (RPD)
  and realization as a percentage of the base, the quarterly absorption
  targets, and the year-end forecast at the current pace.
- **Achievement**: one bar per indicator, its achievement in the period,
  with the 100% line.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
import textwrap
from fractions import Fraction
from typing import TYPE_CHECKING

from dayasos.errors import ConfigurationError
from dayasos.periods import Month
from dayasos.reports._tables import program_name


if TYPE_CHECKING:
    import pathlib
    from collections.abc import Mapping

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from dayasos.metrics import PerformanceRow, PeriodEvaluation, ProgramBudget
    from dayasos.policy import Description
    from dayasos.reports._format import Formatter


__all__ = ["plot_achievement", "plot_realization"]

_COLUMNS = 2
_DPI = 110
_MONTHS = range(1, 13)
_QUARTER_ENDS = (3, 6, 9, 12)
#: Characters per line of titles and labels.
_WRAP = 48


def _figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - optional
    except ImportError:
        raise ConfigurationError(
            "plots need matplotlib: pip install 'dayasos[plot]'",
            code="report.needs_matplotlib",
        ) from None
    return Figure(figsize=(width, height), layout="constrained")


def _pct(value: Fraction) -> float:
    # A plot coordinate, not money: floats are what matplotlib draws.
    return float(value * 100)


def _curve(axes: Axes, budget: ProgramBudget, fmt: Formatter) -> None:
    base = budget.base.amount
    if base == 0:
        return
    year = budget.through.year
    planned = [
        _pct(
            Fraction(
                sum(
                    line.planned_through(Month(year, m)).amount
                    for line in budget.lines
                ),
                base,
            )
        )
        for m in _MONTHS
    ]
    realized = [
        _pct(Fraction(month.realized.amount, base)) for month in budget.months
    ]
    axes.plot(
        list(_MONTHS),
        planned,
        color="0.45",
        label=fmt.word("report.plot.plan"),
    )
    done = [m.month.month for m in budget.months]
    axes.plot(
        done,
        realized,
        color="tab:blue",
        marker="o",
        label=fmt.word("report.plot.realization"),
    )
    forecast = budget.acceleration.forecast_absorption
    if forecast is not None and done and done[-1] < _MONTHS[-1]:
        axes.plot(
            [done[-1], _MONTHS[-1]],
            [realized[-1], _pct(forecast)],
            color="tab:blue",
            linestyle="--",
            label=fmt.word("report.plot.forecast"),
        )
    targets = {q.quarter.quarter: q.target for q in budget.quarters}
    targets.update(
        {n.quarter.quarter: n.target for n in budget.acceleration.needs}
    )
    known = sorted((q, t) for q, t in targets.items() if t is not None)
    if known:
        axes.scatter(
            [_QUARTER_ENDS[q - 1] for q, _ in known],
            [_pct(t) for _, t in known],
            color="tab:red",
            marker="D",
            zorder=3,
            label=fmt.word("report.plot.target"),
        )
    axes.set_xlim(0.5, 12.5)
    axes.set_ylim(0, max(100, *planned, *realized) + 5)
    axes.set_xticks(list(_MONTHS))
    axes.set_ylabel(fmt.word("report.plot.absorption"))
    axes.grid(visible=True, alpha=0.3)


def plot_realization(
    evaluation: PeriodEvaluation,
    names: Mapping[str, Description],
    fmt: Formatter,
    path: pathlib.Path,
) -> pathlib.Path | None:
    """
    Save the realization-against-plan curves as a PNG at `path`.

    Returns:
        `path`, or `None` when there are no budget lines.

    Raises:
        ConfigurationError: ``report.needs_matplotlib`` without
            matplotlib.

    .. versionadded:: 0.1.0
    """
    budgets = list(evaluation.budgets)
    if not budgets:
        return None
    columns = min(_COLUMNS, len(budgets))
    rows = math.ceil(len(budgets) / columns)
    figure = _figure(5.5 * columns, 3.6 * rows)
    grid = figure.subplots(rows, columns, squeeze=False)
    cells = [axes for row in grid for axes in row]
    for axes, budget in zip(cells, budgets, strict=False):
        _curve(axes, budget, fmt)
        title = program_name(budget.program, names, fmt)
        axes.set_title(textwrap.fill(title, _WRAP), fontsize="medium")
    for axes in cells[len(budgets) :]:
        axes.set_visible(False)
    cells[0].legend(loc="upper left", fontsize="small")
    figure.suptitle(fmt.word("report.plot.title_curve"))
    figure.savefig(path, dpi=_DPI)
    return path


def _name(row: PerformanceRow, fmt: Formatter) -> str:
    indicator = row.indicator
    return indicator.name_id if fmt.language == "id" else indicator.name_en


def plot_achievement(
    evaluation: PeriodEvaluation,
    fmt: Formatter,
    path: pathlib.Path,
) -> pathlib.Path | None:
    """
    Save the achievement bars as a PNG at `path`.

    Each bar is labelled with the program's code and the indicator's name.

    Returns:
        `path`, or `None` when no indicator has an achievement.

    Raises:
        ConfigurationError: ``report.needs_matplotlib`` without
            matplotlib.

    .. versionadded:: 0.1.0
    """
    rows = [
        (row, row.achievement.ratio)
        for row in evaluation.performance
        if row.achievement is not None and row.achievement.ratio is not None
    ]
    if not rows:
        return None
    labels = [
        textwrap.fill(f"{row.program}: {_name(row, fmt)}", _WRAP)
        for row, _ in rows
    ]
    values = [_pct(ratio) for _, ratio in rows]
    figure = _figure(9, 0.6 * len(rows) + 1.5)
    axes = figure.subplots()
    positions = list(range(len(rows)))
    colors = ["tab:green" if ratio >= 1 else "tab:orange" for _, ratio in rows]
    axes.barh(positions, values, color=colors)
    axes.axvline(100, color="0.3", linestyle="--")
    axes.set_yticks(positions, labels=labels, fontsize="small")
    axes.invert_yaxis()
    for position, (_, ratio), value in zip(
        positions, rows, values, strict=True
    ):
        axes.annotate(
            fmt.percent(ratio),
            (value, position),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
    axes.set_xlim(0, max(*values, 100) * 1.15)
    axes.set_xlabel(fmt.word("report.plot.achievement"))
    figure.suptitle(fmt.word("report.plot.title_achievement"))
    figure.savefig(path, dpi=_DPI)
    return path
