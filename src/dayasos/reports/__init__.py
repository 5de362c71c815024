"""
Reports of targets, realization and budget: tables, words and plots.

A `PeriodReport` (and the `MidYearReport` of Semester I) shows, per
program and indicator, target against realization (physical and
financial), achievement and rating, the budget's absorption against its
quarterly targets, the deviation from the plan, the programs at risk and
the acceleration the rest of the year needs.
It renders as plain text, Markdown and HTML in Indonesian or English
(with Indonesian number formats by default), as CSV and polars
DataFrames, and as PNG plots.

>>> from dayasos.money import Rupiah
>>> from dayasos.metrics import BudgetLine, ExpenditureType
>>> from dayasos.periods import Month
>>> line = BudgetLine(
...     satker="Ditjen Dayasos", program="prokus", activity="KUS",
...     output="KPM", expenditure=ExpenditureType.BANSOS, year=2020,
...     pagu=Rupiah(3_500_000_000),
...     realization={Month(2020, 6): Rupiah(1_400_000_000)},
... )
>>> report = MidYearReport.build(2020, budget=[line])
>>> print(report.to_text().splitlines()[0])
Evaluasi Tengah Tahun (Semester I) Tahun Anggaran 2020

`load_report_input` reads the CSV or JSON input of ``dayasos report``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.reports._flat import FLAT_COLUMNS, flat_records
from dayasos.reports._format import Formatter, Kind, Measure
from dayasos.reports._input import ReportInput, load_report_input
from dayasos.reports._quality import (
    QUALITY_FORMATS,
    load_quality_list,
    render_quality,
)
from dayasos.reports._report import MidYearReport, PeriodReport


__all__ = [
    "FLAT_COLUMNS",
    "QUALITY_FORMATS",
    "Formatter",
    "Kind",
    "Measure",
    "MidYearReport",
    "PeriodReport",
    "ReportInput",
    "flat_records",
    "load_quality_list",
    "load_report_input",
    "render_quality",
]
