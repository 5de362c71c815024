"""
``dayasos validate``: check JSON and JSON Lines files of dayasos records.

Every problem is printed as ``file:line: path: message``;
the exit code is 1 when any record has a problem.
"""

from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError
from dayasos.errors import DayasosError, RecordError
from dayasos.l10n import format_error, translate
from dayasos.model import (
    Community,
    Disbursement,
    Family,
    Institution,
    KubeGroup,
    Person,
)
from dayasos.serialization import load_jsonl, structure


if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

    from dayasos.cli._common import Subparsers


#: Record types by the name ``--type`` takes.
TYPES: dict[str, type] = {
    "family": Family,
    "person": Person,
    "institution": Institution,
    "community": Community,
    "kube": KubeGroup,
    "disbursement": Disbursement,
}


def register(commands: Subparsers) -> None:
    """Add ``validate`` to the parser."""
    command = commands.add_parser(
        "validate",
        help="Check JSON/JSONL files of records against the model.",
        description=(
            "Check JSON (one object or an array) and JSON Lines files. "
            "Every problem is printed with file, line and field path. "
            "Exit 0 when all records are valid, 1 otherwise."
        ),
    )
    command.add_argument("files", nargs="+", metavar="FILE")
    command.add_argument(
        "--type",
        choices=sorted(TYPES),
        default="family",
        help="Record type of every file (default: family).",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="en",
        help="Language of the messages (default: en).",
    )
    command.set_defaults(run=run)


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


def _records(
    path: pathlib.Path, cls: type
) -> Iterator[tuple[int, object | RecordError]]:
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


def _problem_lines(error: RecordError, lang: str) -> list[str]:
    lines = []
    for problem in error.problems:
        inner = problem.error
        if isinstance(inner, RecordError):
            lines.extend(_problem_lines(inner, lang))
        else:
            lines.append(format_error(inner, lang))
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos validate``."""
    cls = TYPES[args.type]
    total = bad = 0
    for name in args.files:
        path = pathlib.Path(name)
        if not path.is_file():
            msg = f"no such file: {name}"
            raise UsageError(msg)
        for line, result in _records(path, cls):
            total += 1
            if isinstance(result, RecordError):
                bad += 1
                for text in _problem_lines(result, args.lang):
                    print(f"{name}:{line}: {text}")
    print(
        translate(
            "cli.validate.summary",
            args.lang,
            total=total,
            valid=total - bad,
            invalid=bad,
        )
    )
    return EXIT_INVALID if bad else EXIT_OK
