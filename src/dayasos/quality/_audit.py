"""
The audit: every check over every list, with totals, rates and regions.

>>> import datetime as dt
>>> import polars as pl
>>> from dayasos.quality import BeneficiaryList
>>> members = pl.DataFrame({
...     "nik": ["3171014107800001", "317101410780001", "3171014107800001"],
...     "sex": ["male", None, None],
... })
>>> listed = BeneficiaryList("bst-dki", "BST", "2020-05", members)
>>> report = audit([listed], on=dt.date(2020, 6, 1))
>>> for row in report.findings.select("row", "nik", "code").rows():
...     print(*row)
1 3171*******0001 nik.length
0 3171********0001 quality.nik_duplicate
2 3171********0001 quality.nik_duplicate
0 3171********0001 quality.nik_sex
>>> report.total("quality.nik_invalid").rate
Fraction(1, 3)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.errors import ParameterError, mask_personal
from dayasos.quality import _rules
from dayasos.quality._checks import CHECKS, FINDINGS_SCHEMA
from dayasos.quality._prepare import prepare


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from dayasos.quality._lists import BeneficiaryList


__all__ = ["CheckTotal", "QualityReport", "audit"]

#: Columns of the region tables, after the region columns.
REGION_COUNTS = ("check", "checked", "flagged")

#: Message parameters of each check, read from columns of its findings.
_PARAMS: dict[str, tuple[str, ...]] = {
    "quality.nik_duplicate": ("count", "lists", "families"),
    "quality.kk_duplicate": ("count", "lists", "families"),
    "quality.exclusive": (
        "program",
        "other",
        "reference",
        "when",
        "source",
        "via",
    ),
    "quality.nik_birth_date": ("value",),
    "quality.nik_sex": ("value",),
    "quality.deceased": ("value", "program"),
    "quality.membership_ended": ("program", "period", "value", "when"),
    "quality.state_employee": ("value", "program", "reference"),
}


@attrs.frozen(kw_only=True)
class CheckTotal:
    """
    The totals of one check: rows examined and rows flagged.

    Args:
        check: The check's code, e.g. ``quality.nik_invalid``.
        checked: How many rows the check examined.
        flagged: How many of them it flags.
        reasons: For the identifier checks, the flagged rows per error
            code of `dayasos.ids` (``nik.length`` ...), most frequent first.

    .. versionadded:: 0.1.0
    """

    check: str
    checked: int
    flagged: int
    reasons: tuple[tuple[str, int], ...] = ()

    @property
    def rate(self) -> Fraction | None:
        """The share of examined rows flagged; None when none examined."""
        if not self.checked:
            return None
        return Fraction(self.flagged, self.checked)


@attrs.frozen(kw_only=True, eq=False)
class QualityReport:
    """
    The findings of a data-quality audit, with totals and regions.

    Args:
        on: The date of the audit.
        lists: The names of the lists audited, in order.
        findings: One row per finding (`FINDINGS_SCHEMA`): the list,
            table and 0-based row, family and person ids, masked NIK and
            KK, the province and kab/kota codes, the check, the code
            (the check's, or for the identifier checks the code of
            `dayasos.ids`), the English message and its parameters as
            JSON.
        summary: Every check's totals, in `CHECKS` order.
        units: The rows each check examined (check, list, table, row,
            province, regency) and whether it flags them.

    .. versionadded:: 0.1.0
    """

    on: dt.date
    lists: tuple[str, ...]
    findings: pl.DataFrame
    summary: tuple[CheckTotal, ...]
    units: pl.DataFrame = attrs.field(repr=False)

    def total(self, check: str) -> CheckTotal:
        """
        The totals of one check.

        Raises:
            KeyError: for a code not in `CHECKS`.

        .. versionadded:: 0.1.0
        """
        for found in self.summary:
            if found.check == check:
                return found
        raise KeyError(check)

    @property
    def by_region(self) -> pl.DataFrame:
        """Rows examined and flagged per province and check."""
        return self.region_counts("province")

    def region_counts(self, level: str = "province") -> pl.DataFrame:
        """
        Rows examined and flagged per region and check.

        Args:
            level: ``"province"`` (two digits) or ``"regency"`` (the
                kab/kota, four digits, with its province). A row whose
                family has no readable region counts under null.

        Raises:
            ParameterError: ``quality.level`` for another level.

        .. versionadded:: 0.1.0
        """
        keys = {"province": ["province"], "regency": ["province", "regency"]}
        if level not in keys:
            msg = "level is 'province' or 'regency', got {value!r}"
            raise ParameterError(msg, code="quality.level", value=level)
        order = {code: i for i, code in enumerate(CHECKS)}
        return (
            self.units.group_by([*keys[level], "check"])
            .agg(
                pl.len().cast(pl.Int64).alias("checked"),
                pl.col("flagged").sum().cast(pl.Int64).alias("flagged"),
            )
            .with_columns(
                pl.col("check").replace_strict(order).alias("_order")
            )
            .sort([*keys[level], "_order"], nulls_last=True)
            .drop("_order")
        )

    def to_text(self, locale: str | None = None) -> str:
        """
        The report as plain text in Indonesian (default) or English.

        .. versionadded:: 0.1.0
        """
        from dayasos.reports import render_quality  # noqa: PLC0415 - words live in reports

        return render_quality(self, locale, "text")

    def to_markdown(self, locale: str | None = None) -> str:
        """
        The report as Markdown in Indonesian (default) or English.

        .. versionadded:: 0.1.0
        """
        from dayasos.reports import render_quality  # noqa: PLC0415 - words live in reports

        return render_quality(self, locale, "md")

    def to_html(self, locale: str | None = None) -> str:
        """
        The report as an HTML fragment (tables with escaped text).

        .. versionadded:: 0.1.0
        """
        from dayasos.reports import render_quality  # noqa: PLC0415 - words live in reports

        return render_quality(self, locale, "html")


def _finding_rows(check: str, found: pl.DataFrame) -> pl.DataFrame:
    """Finding rows of one check, with message and parameters."""
    names = _PARAMS.get(check, ())
    template = CHECKS[check].template
    rows = []
    columns = ["detail", "detail_params", "code", *names]
    present = [c for c in columns if c in found.columns]
    for values in found.select(present).iter_rows(named=True):
        if "detail" in values:
            params = json.loads(values["detail_params"])
            message = template.format(detail=values["detail"])
            code = values["code"]
        else:
            params = {n: str(values[n]) for n in names}
            message = template.format(**params)
            code = check
        rows.append((code, message, json.dumps(params, sort_keys=True)))
    extra = pl.DataFrame(
        rows, schema=["code", "message", "params"], orient="row"
    )
    base = found.select(
        "list", "table", "row", "family_id", "person_id", "nik", "kk",
        "province", "regency",
    )  # fmt: skip
    return pl.concat(
        [base, extra, pl.DataFrame({"check": [check] * found.height})],
        how="horizontal",
    ).select(FINDINGS_SCHEMA.names())


def _masked(column: str, frame: pl.DataFrame) -> pl.Expr:
    values = frame.get_column(column).drop_nulls().unique().to_list()
    return pl.col(column).replace_strict(
        {v: mask_personal(v) for v in values}, default=None
    )


def audit(lists: Sequence[BeneficiaryList], *, on: dt.date) -> QualityReport:
    """
    Run every check of `CHECKS` over one or several beneficiary lists.

    Args:
        lists: The lists; their names must differ.
        on: The date of the audit: members who died on or before it are
            flagged as deceased.

    Raises:
        ParameterError: ``quality.list_name`` when two lists share a
            name, ``quality.no_list`` when there is none.

    .. versionadded:: 0.1.0
    """
    names = [listed.name for listed in lists]
    if not names:
        msg = "give at least one beneficiary list"
        raise ParameterError(msg, code="quality.no_list")
    if len(set(names)) != len(names):
        msg = "each list needs its own name; {value!r} is used twice"
        twice = next(n for n in names if names.count(n) > 1)
        raise ParameterError(msg, code="quality.list_name", value=twice)
    prepared = prepare(lists)
    runs: dict[str, Callable[[], _rules.Outcome]] = {
        "quality.nik_invalid": lambda: _rules.nik_invalid(prepared),
        "quality.kk_invalid": lambda: _rules.kk_invalid(prepared),
        "quality.nik_duplicate": lambda: _rules.nik_duplicate(prepared),
        "quality.kk_duplicate": lambda: _rules.kk_duplicate(prepared),
        "quality.exclusive": lambda: _rules.exclusive(prepared),
        "quality.nik_birth_date": lambda: _rules.nik_birth_date(prepared),
        "quality.nik_sex": lambda: _rules.nik_sex(prepared),
        "quality.deceased": lambda: _rules.deceased(prepared, on=on),
        "quality.membership_ended": lambda: _rules.membership_ended(prepared),
        "quality.state_employee": lambda: _rules.state_employee(prepared),
    }
    findings = []
    units = []
    summary = []
    place = ["list", "table", "row"]
    for check in CHECKS:
        examined, found = runs[check]()
        rows = _finding_rows(check, found)
        findings.append(rows)
        flagged = examined.select(
            pl.lit(check).alias("check"),
            *place,
            "province",
            "regency",
            pl.struct(place)
            .is_in(found.select(pl.struct(place)).to_series().implode())
            .alias("flagged"),
        )
        units.append(flagged)
        reasons = (
            rows.group_by("code")
            .len()
            .sort(["len", "code"], descending=[True, False])
            .rows()
            if check in {"quality.nik_invalid", "quality.kk_invalid"}
            else []
        )
        summary.append(
            CheckTotal(
                check=check,
                checked=examined.height,
                flagged=int(flagged.get_column("flagged").sum()),
                reasons=tuple((str(c), int(n)) for c, n in reasons),
            )
        )
    every = pl.concat(findings, how="vertical_relaxed")
    every = every.with_columns(_masked("nik", every), _masked("kk", every))
    return QualityReport(
        on=on,
        lists=tuple(names),
        findings=every,
        summary=tuple(summary),
        units=pl.concat(units, how="vertical_relaxed"),
    )
