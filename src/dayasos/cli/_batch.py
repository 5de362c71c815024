"""
``dayasos batch``: decide a whole population, chunk by chunk.

``dayasos batch PROGRAM|all INPUT --on DATE --out DIR [--reform FILE]
[--format parquet|csv|jsonl] [--chunk-size N] [--mapping FILE]
[--lang id|en]``

INPUT is a directory holding ``families.*``, ``members.*`` and
(optionally) ``memberships.*`` (Parquet, CSV, JSON Lines or Arrow), or
the families file with ``--members`` and ``--memberships``. The command
writes ``results.<format>``, ``rejects.<format>`` and ``summary.json``
to DIR and prints the summary; a progress bar goes to standard error
when it is a terminal, plain lines otherwise.

Exit codes: 0 the run is done (rejected rows are reported, not
failures); 1 the input cannot be read, or rows were lost (families read
differ from families decided plus rejected); 2 the command was used
wrongly.
"""

from __future__ import annotations

import pathlib
import sys
import time
from typing import TYPE_CHECKING, TextIO

from dayasos.batch import (
    DEFAULT_CHUNK_SIZE,
    family_programs,
    format_summary,
    load_mapping,
    run_batch,
    scan_tables,
)
from dayasos.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    parse_date,
)
from dayasos.errors import DayasosError
from dayasos.l10n import format_number, translate
from dayasos.policy import load_reform


if TYPE_CHECKING:
    import argparse

    from dayasos.batch import BatchSummary, ColumnMapping
    from dayasos.cli._common import Subparsers
    from dayasos.policy import Reform

_WIDTH = 30
# Plain progress lines at most this often, in seconds.
_PLAIN_EVERY = 5.0


class Progress:
    """
    A progress bar on a terminal, plain lines elsewhere.

    Called with (families done, total) after each chunk. On a terminal
    the bar is redrawn in place; otherwise a line is written at most
    every few seconds and at the end.
    """

    def __init__(self, stream: TextIO, locale: str) -> None:
        self.stream = stream
        self.locale = locale
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.last = -_PLAIN_EVERY
        self.drawn = False

    def _text(self, done: int, total: int) -> str:
        return translate(
            "batch_run.progress",
            self.locale,
            done=format_number(done, self.locale),
            total=format_number(total, self.locale),
        )

    def __call__(self, done: int, total: int) -> None:
        """Show that `done` of `total` families are through."""
        now = time.monotonic()
        elapsed = max(now - self.start, 1e-9)
        rate = format_number(int(done / elapsed), self.locale)
        if self.tty:
            share = done / total if total else 1.0
            filled = int(_WIDTH * share)
            bar = "#" * filled + "." * (_WIDTH - filled)
            self.stream.write(
                f"\r[{bar}] {share:4.0%} {self._text(done, total)} ({rate}/s)"
            )
            self.drawn = True
        elif done >= total or now - self.last >= _PLAIN_EVERY:
            self.stream.write(f"{self._text(done, total)} ({rate}/s)\n")
            self.last = now
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def register(commands: Subparsers) -> None:
    """Add ``batch`` to the parser."""
    command = commands.add_parser(
        "batch",
        help="Decide a whole population from table files, in chunks.",
        description=(
            "Decide every family of a population (families, members and "
            "memberships tables) for a programme or all family "
            "programmes. Writes results, rejects and summary.json to "
            "--out. Exit 0 when done (rejects are reported), 1 when the "
            "input cannot be read or rows were lost, 2 on wrong usage."
        ),
    )
    command.add_argument("program", metavar="PROGRAM|all")
    command.add_argument(
        "input",
        metavar="INPUT",
        help="A directory of families.*, members.*, memberships.*; or the "
        "families file with --members.",
    )
    command.add_argument(
        "--on", required=True, help="The date of the decisions, YYYY-MM-DD."
    )
    command.add_argument(
        "--out", required=True, metavar="DIR", help="Where to write."
    )
    command.add_argument(
        "--format",
        choices=("parquet", "csv", "jsonl"),
        default="parquet",
        help="Format of the results and rejects (default: parquet).",
    )
    command.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK_SIZE,
        metavar="N",
        help=(
            "Families read and decided at a time "
            f"(default: {DEFAULT_CHUNK_SIZE}); memory grows with it."
        ),
    )
    command.add_argument(
        "--mapping",
        metavar="FILE",
        help="A TOML file mapping the registry's columns and codes.",
    )
    command.add_argument(
        "--reform",
        metavar="FILE",
        help="A reform file (dayasos.policy format) applied on top.",
    )
    command.add_argument("--members", metavar="FILE", help="Members file.")
    command.add_argument(
        "--memberships", metavar="FILE", help="Memberships file."
    )
    command.add_argument(
        "--engine",
        choices=("columnar", "object"),
        default="columnar",
        help="How families are decided (default: columnar; same results).",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the summary (default: id).",
    )
    command.set_defaults(run=run)


def _mapping(path: str | None) -> ColumnMapping | None:
    if path is None:
        return None
    try:
        return load_mapping(path)
    except DayasosError as err:
        msg = f"--mapping: {err}"
        raise UsageError(msg) from None


def _reform(path: str | None) -> Reform | None:
    if path is None:
        return None
    try:
        return load_reform(path)
    except OSError as err:
        msg = f"cannot read the reform file {path}: {err.strerror}"
        raise UsageError(msg) from None
    except DayasosError as err:
        msg = f"--reform: {err}"
        raise UsageError(msg) from None


def report(
    summary: BatchSummary, out: pathlib.Path, args: argparse.Namespace
) -> int:
    """Print the summary and the files; the exit code of the run."""
    print(format_summary(summary, args.lang))
    print()
    print(
        translate(
            "batch_run.files",
            args.lang,
            results=out / f"results.{args.format}",
            rejects=out / f"rejects.{args.format}",
            summary=out / "summary.json",
        )
    )
    if not summary.balanced:
        print(f"dayasos: {_lost(summary)}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _lost(summary: BatchSummary) -> str:
    try:
        summary.check()
    except DayasosError as err:
        return str(err)
    return ""


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos batch``."""
    on = parse_date(args.on, option="--on")
    if args.chunk_size < 1:
        msg = (
            "--chunk-size expects a whole number from 1, "
            f"got {args.chunk_size}"
        )
        raise UsageError(msg)
    mapping = _mapping(args.mapping)
    reform = _reform(args.reform)
    path = pathlib.Path(args.input)
    if not path.exists():
        msg = f"no such file or directory: {args.input}"
        raise UsageError(msg)
    if path.is_dir() and (args.members or args.memberships):
        msg = "INPUT is a directory: its files are the tables; drop --members"
        raise UsageError(msg)
    if path.is_file() and args.members is None:
        msg = "INPUT is a file: give the members table with --members"
        raise UsageError(msg)
    source = (
        path
        if path.is_dir()
        else scan_tables(
            path, members=args.members, memberships=args.memberships
        )
    )
    try:
        family_programs(args.program)
    except DayasosError as err:
        raise UsageError(str(err)) from None
    out = pathlib.Path(args.out)
    progress = Progress(sys.stderr, args.lang)
    try:
        summary = run_batch(
            source,
            args.program,
            on=on,
            out_dir=out,
            output_format=args.format,
            chunk_size=args.chunk_size,
            mapping=mapping,
            reform=reform,
            engine=args.engine,
            progress=progress,
        )
    except DayasosError as err:
        if err.error_code == "batch.not_running":
            raise UsageError(str(err)) from None
        raise
    finally:
        progress.close()
    return report(summary, out, args)
