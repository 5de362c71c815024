"""
Data quality and double-dipping across beneficiary lists.

`audit` checks one or several lists (`BeneficiaryList`: a programme's
beneficiaries for a period, as tables) for invalid NIK and KK numbers,
duplicate NIK and KK numbers, families receiving programmes that exclude
each other in the same period, NIKs whose birth date or sex disagree
with the recorded ones, deceased members still listed, families listed
after their membership ended and state employees on lists of
programmes that exclude them. Every finding names
the list, the row, the family and the masked numbers; the report counts
rows examined and flagged per check and per region.

This package emits codes and values; `dayasos.reports.render_quality`
turns a report into words.

>>> import datetime as dt
>>> import polars as pl
>>> listed = BeneficiaryList(
...     "pkh-2020", "PKH", "2020", pl.DataFrame({"nik": ["3171014107800000"]})
... )
>>> report = audit([listed], on=dt.date(2020, 12, 31))
>>> report.findings.select("check", "code", "nik").rows()
[('quality.nik_invalid', 'nik.serial', '3171********0000')]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.quality._audit import CheckTotal, QualityReport, audit
from dayasos.quality._checks import (
    CHECKS,
    FINDINGS_SCHEMA,
    PROGRAM_ALIASES,
    Check,
    canonical_program,
)
from dayasos.quality._lists import BeneficiaryList, ListTables, TablesLike


__all__ = [
    "CHECKS",
    "FINDINGS_SCHEMA",
    "PROGRAM_ALIASES",
    "BeneficiaryList",
    "Check",
    "CheckTotal",
    "ListTables",
    "QualityReport",
    "TablesLike",
    "audit",
    "canonical_program",
]
