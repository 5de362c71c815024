"""
A report as plain text, Markdown or an HTML fragment.

All three show the same content: a title and subtitle, the tables, the
programs at risk and the notes.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import attrs


if TYPE_CHECKING:
    from collections.abc import Sequence

    from dayasos.reports._format import Formatter
    from dayasos.reports._tables import Lists, Table


__all__ = ["Document", "to_html", "to_markdown", "to_text"]


@attrs.frozen(kw_only=True)
class Document:
    """
    What a renderer writes: words already in the report's language.

    .. versionadded:: 0.1.0
    """

    title: str
    subtitle: str
    tables: tuple[Table, ...]
    lists: Lists
    formatter: Formatter


def _cells(table: Table, fmt: Formatter) -> list[list[str]]:
    return [
        [
            fmt.cell(column.kind, row.get(column.key))
            for column in table.columns
        ]
        for row in table.rows
    ]


def _labels(table: Table, fmt: Formatter) -> list[str]:
    return [fmt.word(column.label) for column in table.columns]


def _sections(document: Document) -> list[tuple[str, Sequence[str]]]:
    fmt = document.formatter
    found: list[tuple[str, Sequence[str]]] = []
    if document.lists.risks:
        found.append((fmt.word("report.section.risks"), document.lists.risks))
    else:
        found.append(
            (
                fmt.word("report.section.risks"),
                [fmt.word("report.risk.none")],
            )
        )
    found.append((fmt.word("report.section.notes"), document.lists.notes))
    return found


def to_text(document: Document) -> str:
    """
    The report as plain text with aligned columns.

    .. versionadded:: 0.1.0
    """
    fmt = document.formatter
    lines = [document.title, "=" * len(document.title), document.subtitle]
    for table in document.tables:
        labels = _labels(table, fmt)
        rows = _cells(table, fmt)
        widths = [
            max(len(text) for text in column)
            for column in zip(labels, *rows, strict=True)
        ]
        title = fmt.word(table.title)
        lines += ["", title, "-" * len(title)]
        for cells in [labels, *rows]:
            parts = [
                text.rjust(width) if column.numeric else text.ljust(width)
                for text, width, column in zip(
                    cells, widths, table.columns, strict=True
                )
            ]
            lines.append("  ".join(parts).rstrip())
    for heading, items in _sections(document):
        lines += ["", heading, "-" * len(heading)]
        lines += [f"- {item}" for item in items]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(document: Document) -> str:
    """
    The report as Markdown with pipe tables.

    .. versionadded:: 0.1.0
    """
    fmt = document.formatter
    lines = [f"# {_md(document.title)}", "", f"*{_md(document.subtitle)}*"]
    for table in document.tables:
        lines += ["", f"## {_md(fmt.word(table.title))}", ""]
        lines.append(
            "| " + " | ".join(_md(t) for t in _labels(table, fmt)) + " |"
        )
        lines.append(
            "|"
            + "|".join(
                "---:" if column.numeric else ":---"
                for column in table.columns
            )
            + "|"
        )
        lines += [
            "| " + " | ".join(_md(t) for t in cells) + " |"
            for cells in _cells(table, fmt)
        ]
    for heading, items in _sections(document):
        lines += ["", f"## {_md(heading)}", ""]
        lines += [f"- {_md(item)}" for item in items]
    return "\n".join(lines) + "\n"


def to_html(document: Document) -> str:
    """
    The report as an HTML fragment (for notebooks and web pages).

    .. versionadded:: 0.1.0
    """
    fmt = document.formatter
    esc = html.escape
    parts = [
        '<div class="dayasos-report">',
        f"<h2>{esc(document.title)}</h2>",
        f"<p><em>{esc(document.subtitle)}</em></p>",
    ]
    for table in document.tables:
        parts.append(f"<h3>{esc(fmt.word(table.title))}</h3>")
        parts.append(f'<table class="dayasos-{esc(table.key)}">')
        header = "".join(
            f"<th>{esc(label)}</th>" for label in _labels(table, fmt)
        )
        parts.append(f"<thead><tr>{header}</tr></thead>")
        parts.append("<tbody>")
        for cells in _cells(table, fmt):
            row = "".join(
                (
                    f'<td style="text-align:right">{esc(text)}</td>'
                    if column.numeric
                    else f"<td>{esc(text)}</td>"
                )
                for text, column in zip(cells, table.columns, strict=True)
            )
            parts.append(f"<tr>{row}</tr>")
        parts.append("</tbody></table>")
    for heading, items in _sections(document):
        parts.append(f"<h3>{esc(heading)}</h3>")
        parts.append(
            "<ul>"
            + "".join(f"<li>{esc(item)}</li>" for item in items)
            + "</ul>"
        )
    parts.append("</div>")
    return "\n".join(parts) + "\n"
