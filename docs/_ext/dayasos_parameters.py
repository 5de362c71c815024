# ruff: noqa: INP001  # Sphinx loads it from sys.path, not as a package
"""
Sphinx extension: the parameter reference, generated at build time.

When the builder starts, every programme of `dayasos.programs.catalogue`
gets one Markdown page in ``docs/_generated/parameters/`` (ignored by
git) listing each of its parameters with every dated value, the legal
reference, the confidence and the note of each value.
Values whose source is weak or unchecked are marked "unverified".
Pages are rewritten only when their text changes, so incremental builds
stay incremental.
"""

from __future__ import annotations

import enum
import pathlib
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from dayasos.l10n import format_rupiah
from dayasos.money import Rupiah
from dayasos.policy import Confidence
from dayasos.programs import catalogue


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx

    from dayasos.model import LegalReference
    from dayasos.policy import Parameter, ParameterValue, Reference
    from dayasos.programs import CatalogueEntry

#: Below the Sphinx source folder.
OUTPUT = pathlib.Path("_generated") / "parameters"

#: Confidence levels shown as unverified.
WEAK = frozenset({Confidence.LOW, Confidence.UNVERIFIED})

UNVERIFIED = "**unverified**"


def format_value(value: object) -> str:
    """
    A parameter value as the reference shows it.

    >>> format_value(Rupiah(2_400_000))
    'IDR 2,400,000'
    >>> format_value(("pns", "tni"))
    '`pns`, `tni`'
    """
    if isinstance(value, Rupiah):
        text = format_rupiah(value, "en")
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, tuple):
        text = ", ".join(f"`{item}`" for item in value)
    elif isinstance(value, Decimal):
        text = f"{value} %"
    elif isinstance(value, (Fraction, int)):
        text = str(value)
    elif isinstance(value, enum.Enum):
        text = f"`{value.value}`"
    else:
        text = f"`{value}`"
    return text


def format_reference(reference: Reference | LegalReference | None) -> str:
    """
    A legal reference in one line, linked when it has a URL.

    >>> from dayasos.policy import Reference
    >>> format_reference(
    ...     Reference(instrument="Permensos", number="1", year=2018)
    ... )
    'Permensos 1/2018'
    """
    if reference is None:
        return "-"
    text = reference.instrument
    if reference.number is not None:
        text += f" {reference.number}"
    if reference.year is not None and str(reference.year) not in text:
        text += (
            f"/{reference.year}"
            if reference.number is not None
            else f" ({reference.year})"
        )
    if reference.article:
        text += f", {reference.article}"
    title = getattr(reference, "title", None)
    if title:
        text += f", *{title}*"
    url = getattr(reference, "url", None)
    if url:
        text += f" ([source]({url}))"
    return text


def is_unverified(value: ParameterValue) -> bool:
    """Whether a value must be read with care: weak or unchecked source."""
    note = (value.note or "").upper()
    return value.confidence in WEAK or "UNVERIFIED" in note


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _date(day: dt.date | None) -> str:
    return "-" if day is None else day.isoformat()


def _values(parameter: Parameter) -> Iterator[str]:
    yield "| Since | Until (excl.) | Value | Reference | Confidence | Note |"
    yield "|---|---|---|---|---|---|"
    for value in parameter.values:
        confidence = (
            "not stated"
            if value.confidence is None
            else value.confidence.value
        )
        if is_unverified(value):
            confidence = f"{UNVERIFIED} ({confidence})"
        cells = (
            _date(value.since),
            _date(value.until),
            format_value(value.value),
            format_reference(value.reference),
            confidence,
            value.note or "",
        )
        yield "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _parameter(parameter: Parameter) -> Iterator[str]:
    yield f"## `{parameter.name}`"
    yield ""
    yield (
        f"{parameter.description.en} "
        f"(*{parameter.description.id}*). "
        f"Unit: `{parameter.unit.value}`."
    )
    if parameter.reference is not None:
        yield f"Legal basis: {format_reference(parameter.reference)}."
    if parameter.gaps_allowed:
        yield "The parameter may have no value in force between its values."
    yield ""
    yield from _values(parameter)
    yield ""


def program_page(entry: CatalogueEntry) -> str:
    """The Markdown page of one programme's parameters."""
    parameters = sorted(entry.parameters, key=lambda p: p.name)
    weak = sum(
        1 for p in parameters for value in p.values if is_unverified(value)
    )
    lines = [
        f"# {entry.code}: {entry.name_en}",
        "",
        f"*{entry.name_id}*. Responsible unit: {entry.directorate}.",
        "Legal basis: "
        + "; ".join(format_reference(ref) for ref in entry.legal_basis)
        + ".",
        "",
        (
            f"{len(parameters)} parameters; "
            f"{weak} of their values are marked {UNVERIFIED} "
            "(confidence low or unverified, or sources in conflict): "
            "check them before relying on an amount."
        ),
        "",
    ]
    for parameter in parameters:
        lines.extend(_parameter(parameter))
    return "\n".join(lines)


def index_page(entries: Iterable[CatalogueEntry]) -> str:
    """The index of the generated pages: one line per programme."""
    entries = list(entries)
    lines = [
        "# Parameters by programme",
        "",
        "| Programme | Name | Parameters |",
        "|---|---|---|",
    ]
    lines.extend(
        f"| [{entry.code}]({entry.code.lower()}.md) | {entry.name_en} "
        f"| {len(entry.parameters)} |"
        for entry in entries
    )
    lines += ["", "```{toctree}", ":hidden:", ""]
    lines.extend(entry.code.lower() for entry in entries)
    lines += ["```", ""]
    return "\n".join(lines)


def _write(path: pathlib.Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(folder: pathlib.Path) -> list[pathlib.Path]:
    """Write the parameter pages into `folder`; return the pages written."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = catalogue()
    pages = {"index": index_page(entries)}
    pages.update(
        (entry.code.lower(), program_page(entry)) for entry in entries
    )
    for stale in folder.glob("*.md"):
        if stale.stem not in pages:
            stale.unlink()
    written = []
    for name, text in pages.items():
        path = folder / f"{name}.md"
        _write(path, text)
        written.append(path)
    return written


def _on_builder_inited(app: Sphinx) -> None:
    generate(pathlib.Path(app.srcdir) / OUTPUT)


def setup(app: Sphinx) -> dict[str, object]:
    """Generate the parameter pages when the build starts."""
    app.connect("builder-inited", _on_builder_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
