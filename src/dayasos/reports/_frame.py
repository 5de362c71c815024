"""
A report as polars DataFrames.

polars is imported when a frame is asked for,
so text, Markdown, HTML and CSV work without it
(install ``dayasos[batch]`` for frames).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import ConfigurationError
from dayasos.reports._flat import (
    DECIMAL_COLUMNS,
    FLAT_COLUMNS,
    INTEGER_COLUMNS,
    flat_records,
)
from dayasos.reports._format import round_percent


if TYPE_CHECKING:
    import polars as pl

    from dayasos.metrics import PeriodEvaluation


__all__ = ["monthly_frame", "to_polars"]


def _missing_polars() -> ConfigurationError:
    return ConfigurationError(
        "DataFrames need polars: pip install 'dayasos[batch]'",
        code="report.needs_polars",
    )


def to_polars(evaluation: PeriodEvaluation) -> pl.DataFrame:
    """
    The flat table of a report (see `dayasos.reports.FLAT_COLUMNS`).

    Decimal columns are ``Decimal(38, 2)``, rupiah ``Int64``,
    flags ``Boolean``, the rest ``String``.

    .. versionadded:: 0.1.0
    """
    try:
        import polars as pl  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise _missing_polars() from None
    schema: dict[str, pl.DataType] = {}
    for column in FLAT_COLUMNS:
        if column in DECIMAL_COLUMNS:
            schema[column] = pl.Decimal(38, 2)
        elif column in INTEGER_COLUMNS:
            schema[column] = pl.Int64()
        elif column == "at_risk":
            schema[column] = pl.Boolean()
        else:
            schema[column] = pl.String()
    return pl.DataFrame(flat_records(evaluation), schema=schema, orient="row")


def monthly_frame(evaluation: PeriodEvaluation) -> pl.DataFrame:
    """
    Cumulative plan and realization per program and month.

    Columns: ``program`` (empty for the total), ``month``
    (``2020-06``), ``base``, ``planned``, ``realized`` (rupiah, Int64),
    ``planned_pct`` and ``absorption_pct`` (percent of the base).

    .. versionadded:: 0.1.0
    """
    try:
        import polars as pl  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise _missing_polars() from None
    budgets = list(evaluation.budgets)
    if evaluation.total is not None:
        budgets.append(evaluation.total)
    rows = [
        {
            "program": budget.program,
            "month": str(month.month),
            "base": month.base.amount,
            "planned": month.planned.amount,
            "realized": month.realized.amount,
            "planned_pct": (
                None
                if month.planned_absorption is None
                else round_percent(month.planned_absorption)
            ),
            "absorption_pct": (
                None
                if month.absorption is None
                else round_percent(month.absorption)
            ),
        }
        for budget in budgets
        for month in budget.months
    ]
    schema = {
        "program": pl.String(),
        "month": pl.String(),
        "base": pl.Int64(),
        "planned": pl.Int64(),
        "realized": pl.Int64(),
        "planned_pct": pl.Decimal(38, 2),
        "absorption_pct": pl.Decimal(38, 2),
    }
    return pl.DataFrame(rows, schema=schema, orient="row")
