"""
``dayasos validate``: check JSON and JSON Lines files of dayasos records.

Every problem is printed as ``file:line: path: message``;
the exit code is 1 when any record has a problem.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError
from dayasos.cli._records import problem_lines, read_records
from dayasos.errors import RecordError
from dayasos.l10n import translate
from dayasos.model import (
    Community,
    Disbursement,
    Family,
    Institution,
    KubeGroup,
    Person,
)


if TYPE_CHECKING:
    import argparse

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


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos validate``."""
    cls = TYPES[args.type]
    total = bad = 0
    for name in args.files:
        path = pathlib.Path(name)
        if not path.is_file():
            msg = f"no such file: {name}"
            raise UsageError(msg)
        for line, result in read_records(path, cls):
            total += 1
            if isinstance(result, RecordError):
                bad += 1
                for text in problem_lines(result, args.lang):
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
