"""Reading JSON and JSON Lines records for the commands that take files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from dayasos.errors import DayasosError, RecordError
from dayasos.l10n import format_error
from dayasos.serialization import load_jsonl, structure


if TYPE_CHECKING:
    import pathlib
    from collections.abc import Iterator


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _json_items(text: str) -> Iterator[tuple[int, object]]:
    """Yield ``(line, item)`` for one JSON object or each array element."""
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        value, _ = decoder.raw_decode(text, start)
        yield _line_of(text, start), value
        return
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return
        value, end = decoder.raw_decode(text, position)
        yield _line_of(text, position), value
        position = end


def read_records(
    path: pathlib.Path, cls: type
) -> Iterator[tuple[int, object | RecordError]]:
    """Yield ``(line, record or RecordError)`` for a JSON or JSONL file."""
    if path.suffix == ".jsonl":
        yield from load_jsonl(path, cls)
        return
    text = path.read_text("utf-8")
    try:
        items = list(_json_items(text))
    except json.JSONDecodeError as err:
        problem = DayasosError(
            "not valid JSON: {detail}",
            code="cli.json",
            detail=err.msg,
        )
        yield err.lineno, RecordError([problem], record=f"line {err.lineno}")
        return
    for line, item in items:
        try:
            yield line, structure(item, cls)
        except RecordError as err:
            yield line, err


def problem_lines(error: RecordError, lang: str) -> list[str]:
    """Render every problem of a record, nested records flattened."""
    lines = []
    for problem in error.problems:
        inner = problem.error
        if isinstance(inner, RecordError):
            lines.extend(problem_lines(inner, lang))
        else:
            lines.append(format_error(inner, lang))
    return lines
