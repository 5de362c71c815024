"""
A data-quality audit in words: plain text, Markdown, HTML or CSV.

`render_quality` writes a `dayasos.quality.QualityReport` in Indonesian
(the default) or English: the totals and rates of every check, the
invalid numbers by reason, the counts per province and every finding.
Numbers stay masked: the report holds no full NIK or KK.
`load_quality_list` reads a list from a directory of tables.

>>> import datetime as dt
>>> import polars as pl
>>> from dayasos.quality import BeneficiaryList, audit
>>> listed = BeneficiaryList(
...     "bst", "BST", "2020-05", pl.DataFrame({"nik": ["317101410780001"]})
... )
>>> report = audit([listed], on=dt.date(2020, 6, 1))
>>> print(render_quality(report, "en", "text").splitlines()[0])
Data quality audit as of 1 June 2020

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import pathlib
from fractions import Fraction
from typing import TYPE_CHECKING

import polars as pl

from dayasos.errors import ConfigurationError, InvalidFormat
from dayasos.ids import wilayah
from dayasos.l10n import (
    format_date,
    format_number,
    format_percent,
    resolve_locale,
    translate,
)
from dayasos.quality import BeneficiaryList, ListTables


if TYPE_CHECKING:
    from dayasos.l10n._locale import LocaleArg
    from dayasos.quality import QualityReport


__all__ = ["QUALITY_FORMATS", "load_quality_list", "render_quality"]

#: The formats `render_quality` writes.
QUALITY_FORMATS = ("text", "md", "html", "csv")

_PROVINCES = {p.code: p for p in wilayah.list_provinces(retired=True)}
_TABLES = ("families", "members", "memberships")

#: One section: a heading and a table (header, rows), or a line of text.
Section = tuple[str, list[str], list[list[str]]]


def _title(check: str, language: str) -> str:
    return translate(
        "quality.title." + check.removeprefix("quality."), language
    )


def _rate(flagged: int, checked: int, language: str) -> str:
    if not checked:
        return "-"
    return format_percent(Fraction(flagged, checked), language)


def _param(name: str, value: str, language: str) -> str:
    if name == "via":
        return translate(f"quality.via.{value}", language)
    return value


def _message(row: dict[str, object], language: str) -> str:
    """The finding's message in the language, from its codes."""
    check = str(row["check"])
    code = str(row["code"])
    params = json.loads(str(row["params"]))
    if code != check:
        detail = translate(code, language, **params)
        return translate(check, language, detail=detail)
    value = params.get("value")
    if check == "quality.nik_sex" and value:
        params["value"] = translate(f"sex.{value}", language)
    if check == "quality.membership_ended" and value:
        params["value"] = translate(f"quality.state.{value}", language)
        params["when"] = format_date(
            dt.date.fromisoformat(params["when"]), language
        )
    if check == "quality.nik_birth_date" and value:
        params["value"] = format_date(dt.date.fromisoformat(value), language)
    shown = {k: _param(k, str(v), language) for k, v in params.items()}
    return translate(check, language, **shown)


def _province(code: object, language: str) -> str:
    if code is None:
        return translate("quality.report.unknown_region", language)
    found = _PROVINCES.get(str(code))
    if found is None:
        return str(code)
    name = found.name if language == "id" else found.name_en
    return f"{code} {name}"


def _sections(report: QualityReport, language: str) -> list[Section]:
    def word(code: str) -> str:
        return translate(f"quality.column.{code}", language)

    def count(value: int) -> str:
        return format_number(value, language)

    summary = [
        [
            _title(t.check, language),
            count(t.checked),
            count(t.flagged),
            _rate(t.flagged, t.checked, language),
        ]
        for t in report.summary
    ]
    reasons = [
        [_title(t.check, language), code, count(n)]
        for t in report.summary
        for code, n in t.reasons
    ]
    regions = [
        [
            _province(province, language),
            _title(check, language),
            count(checked),
            count(flagged),
            _rate(flagged, checked, language),
        ]
        for province, check, checked, flagged in report.by_region.filter(
            pl.col("flagged") > 0
        ).iter_rows()
    ]
    findings = [
        [
            str(row["list"]),
            f"{row['table']}:{row['row']}",
            str(row["family_id"] or ""),
            str(row["nik"] or ""),
            str(row["kk"] or ""),
            _message(row, language),
        ]
        for row in report.findings.iter_rows(named=True)
    ]
    heads = ("check", "checked", "flagged", "rate")
    return [
        (
            translate("quality.report.summary", language),
            [word(c) for c in heads],
            summary,
        ),
        (
            translate("quality.report.reasons", language),
            [word("check"), word("reason"), word("count")],
            reasons,
        ),
        (
            translate("quality.report.by_region", language),
            [word("province"), *(word(c) for c in heads)],
            regions,
        ),
        (
            translate("quality.report.findings", language),
            [
                word(c)
                for c in ("list", "row", "family", "nik", "kk", "message")
            ],
            findings,
        ),
    ]


def _intro(report: QualityReport, language: str) -> tuple[str, str]:
    title = translate(
        "quality.report.title",
        language,
        date=format_date(report.on, language),
    )
    lists = translate(
        "quality.report.lists", language, lists=", ".join(report.lists)
    )
    return title, lists


def _text(report: QualityReport, language: str) -> str:
    title, lists = _intro(report, language)
    lines = [title, lists]
    for heading, header, rows in _sections(report, language):
        lines += ["", heading]
        if not rows:
            lines.append(translate("quality.report.no_findings", language))
            continue
        widths = [
            max(len(r[i]) for r in [header, *rows]) for i in range(len(header))
        ]
        for cells in [header, *rows]:
            padded = [c.ljust(w) for c, w in zip(cells, widths, strict=True)]
            lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(report: QualityReport, language: str) -> str:
    title, lists = _intro(report, language)
    lines = [f"# {title}", "", lists]
    for heading, header, rows in _sections(report, language):
        lines += ["", f"## {heading}", ""]
        if not rows:
            lines.append(translate("quality.report.no_findings", language))
            continue
        lines.append("| " + " | ".join(map(_md_cell, header)) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(map(_md_cell, r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _html(report: QualityReport, language: str) -> str:
    title, lists = _intro(report, language)
    esc = html.escape
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(lists)}</p>"]
    for heading, header, rows in _sections(report, language):
        parts.append(f"<h2>{esc(heading)}</h2>")
        if not rows:
            none = translate("quality.report.no_findings", language)
            parts.append(f"<p>{esc(none)}</p>")
            continue
        head = "".join(f"<th>{esc(c)}</th>" for c in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>"
            for r in rows
        )
        parts.append(
            f"<table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
    return "\n".join(parts) + "\n"


def _csv(report: QualityReport, language: str) -> str:
    messages = [
        _message(row, language)
        for row in report.findings.iter_rows(named=True)
    ]
    frame = report.findings.drop("params").with_columns(
        pl.Series("message", messages, dtype=pl.String)
    )
    buffer = io.StringIO()
    frame.write_csv(buffer)
    return buffer.getvalue()


_RENDERERS = {"text": _text, "md": _markdown, "html": _html, "csv": _csv}


def render_quality(
    report: QualityReport,
    locale: LocaleArg = None,
    format: str = "text",  # noqa: A002 - the brief's name for the output form
) -> str:
    """
    Write a data-quality report in a language and a format.

    Args:
        report: What `dayasos.quality.audit` returned.
        locale: ``"id"`` (default) or ``"en"``.
        format: ``"text"``, ``"md"`` (Markdown), ``"html"`` (a fragment
            with escaped text) or ``"csv"`` (the findings, one per line,
            with the message in the language).

    Raises:
        ConfigurationError: ``quality.format`` for another format, or a
            locale other than id and en.

    .. versionadded:: 0.1.0
    """
    language = resolve_locale(locale)
    renderer = _RENDERERS.get(format)
    if renderer is None:
        msg = "the format is one of {known}, got {value!r}"
        raise ConfigurationError(
            msg,
            code="quality.format",
            value=format,
            known=", ".join(QUALITY_FORMATS),
        )
    return renderer(report, language)


def _read_table(directory: pathlib.Path, name: str) -> pl.DataFrame | None:
    parquet = directory / f"{name}.parquet"
    csv = directory / f"{name}.csv"
    if parquet.is_file():
        return pl.read_parquet(parquet)
    if csv.is_file():
        return pl.read_csv(csv, infer_schema=False)
    return None


def load_quality_list(
    directory: str | pathlib.Path, *, name: str, program: str, period: str
) -> BeneficiaryList:
    """
    Read a beneficiary list from a directory of tables.

    The directory holds ``members`` and optionally ``families`` and
    ``memberships``, each as ``<table>.parquet`` or ``<table>.csv``
    (UTF-8, a header row; read as text and converted by column), in the
    layout of ``docs/tables.md``. Without ``families``, the members table
    is read as a members-like table.

    Raises:
        InvalidFormat: ``quality.no_members`` when the directory has no
            members table, ``quality.unreadable`` when a file cannot be
            read.

    .. versionadded:: 0.1.0
    """
    folder = pathlib.Path(directory)
    try:
        found = {table: _read_table(folder, table) for table in _TABLES}
    except (OSError, pl.exceptions.PolarsError) as error:
        msg = "cannot read the tables in {value}: {reason}"
        raise InvalidFormat(
            msg, code="quality.unreadable", value=str(folder), reason=error
        ) from error
    members = found["members"]
    if members is None:
        msg = (
            "no members.parquet or members.csv in {value}; a list is a "
            "directory of tables as docs/tables.md lays them out"
        )
        raise InvalidFormat(msg, code="quality.no_members", value=str(folder))
    families = found["families"]
    tables: ListTables | pl.DataFrame = (
        members
        if families is None
        else ListTables(
            families=families,
            members=members,
            memberships=found["memberships"]
            if found["memberships"] is not None
            else pl.DataFrame(),
        )
    )
    return BeneficiaryList(name, program, period, tables)
