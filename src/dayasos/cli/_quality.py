"""
``dayasos quality``: audit beneficiary lists for data quality.

``dayasos quality [INPUT...] [--list NAME=PROGRAM:PERIOD:DIR ...]
--on DATE [--lang id|en] [--format text|md|html|csv] [--out DIR]``

Each list is a directory of tables in the layout of ``docs/tables.md``
(``members`` and optionally ``families`` and ``memberships``, as Parquet
or CSV). An INPUT directory describes itself in a ``list.toml`` with
``program`` and ``period`` (and optionally ``name``, by default the
directory's name); ``--list NAME=PROGRAM:PERIOD:DIR`` gives them on the
command line instead. The report goes to standard output, or with
``--out DIR`` to ``DIR/quality.<format>`` (and the findings, always, to
``DIR/findings.csv``).

Exit codes: 0 the audit ran (findings are reported, not failures);
1 an input cannot be read; 2 the command was used wrongly.
"""

from __future__ import annotations

import pathlib
import tomllib
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_OK, UsageError, parse_date
from dayasos.errors import DayasosError, InvalidFormat
from dayasos.periods import parse_period
from dayasos.quality import BeneficiaryList, audit
from dayasos.reports import QUALITY_FORMATS, load_quality_list, render_quality


if TYPE_CHECKING:
    import argparse

    from dayasos.cli._common import Subparsers

_SUFFIX = {"text": "txt", "md": "md", "html": "html", "csv": "csv"}


def register(commands: Subparsers) -> None:
    """Add ``quality`` to the parser."""
    command = commands.add_parser(
        "quality",
        help="Audit beneficiary lists: invalid, duplicate, double-dipping.",
        description=(
            "Audit one or several beneficiary lists for invalid NIK/KK, "
            "duplicate NIK/KK, mutually exclusive programmes in one "
            "period, NIKs disagreeing with the recorded birth date or sex, "
            "deceased members and excluded state employees. Each INPUT is "
            "a directory of tables with a list.toml (program, period, "
            "optional name); --list gives a list without one. Exit 0 when "
            "the audit ran, 1 when an input cannot be read, 2 on wrong "
            "usage."
        ),
    )
    command.add_argument("inputs", nargs="*", metavar="INPUT")
    command.add_argument(
        "--list",
        action="append",
        default=[],
        dest="lists",
        metavar="NAME=PROGRAM:PERIOD:DIR",
        help="A list by name, programme, period and directory.",
    )
    command.add_argument(
        "--on",
        required=True,
        help="The date of the audit, YYYY-MM-DD.",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the report (default: id).",
    )
    command.add_argument(
        "--format",
        choices=QUALITY_FORMATS,
        default="text",
        help="Output format (default: text; csv gives the findings).",
    )
    command.add_argument(
        "--out", metavar="DIR", help="Write the files to DIR."
    )
    command.set_defaults(run=run)


def _checked_period(text: str, option: str) -> str:
    try:
        parse_period(text)
    except DayasosError:
        msg = (
            f"{option}: cannot read {text!r} as a period; "
            "e.g. 2020, 2020-S1, 2020-Q2, 2020-05"
        )
        raise UsageError(msg) from None
    return text


def _from_option(text: str) -> BeneficiaryList:
    name, equals, rest = text.partition("=")
    parts = rest.split(":", 2)
    if not (equals and name and len(parts) == 3 and all(parts)):
        msg = (
            "--list expects NAME=PROGRAM:PERIOD:DIR, e.g. "
            f"bst-dki=BST:2020-05:data/bst; got {text!r}"
        )
        raise UsageError(msg)
    program, period, directory = parts
    return load_quality_list(
        directory,
        name=name,
        program=program,
        period=_checked_period(period, "--list"),
    )


def _from_directory(text: str) -> BeneficiaryList:
    folder = pathlib.Path(text)
    manifest = folder / "list.toml"
    try:
        data = tomllib.loads(manifest.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        msg = (
            "cannot read {value}: {reason}; an INPUT directory needs a "
            'list.toml with program = "BST" and period = "2020-05"'
        )
        raise InvalidFormat(
            msg, code="quality.unreadable", value=str(manifest), reason=error
        ) from error
    program, period = data.get("program"), data.get("period")
    if not (isinstance(program, str) and isinstance(period, str)):
        msg = (
            "{value} needs text values program and period, e.g. "
            'program = "BST" and period = "2020-05"'
        )
        raise InvalidFormat(msg, code="quality.manifest", value=str(manifest))
    name = data.get("name", folder.resolve().name)
    return load_quality_list(
        folder,
        name=str(name),
        program=program,
        period=_checked_period(period, str(manifest)),
    )


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos quality``."""
    on = parse_date(args.on, option="--on")
    if not args.inputs and not args.lists:
        msg = "give at least one INPUT directory or --list"
        raise UsageError(msg)
    lists = [_from_directory(text) for text in args.inputs]
    lists += [_from_option(text) for text in args.lists]
    names = [listed.name for listed in lists]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        msg = f"two lists are named {twice[0]!r}; give each its own name"
        raise UsageError(msg)
    report = audit(lists, on=on)
    text = render_quality(report, args.lang, args.format)
    if args.out is None:
        print(text, end="")
        return EXIT_OK
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"quality.{_SUFFIX[args.format]}").write_text(text, "utf-8")
    findings = render_quality(report, args.lang, "csv")
    (out / "findings.csv").write_text(findings, "utf-8")
    return EXIT_OK
