"""
``dayasos report``: the performance and budget report of a period.

``dayasos report INPUT --period 2020-S1 [--lang id|en] [--numbers id|en]
[--format text|md|html|csv] [--level ...] [--plot DIR]``

INPUT is a directory of CSV files (``indicators.csv``, ``programs.csv``,
``targets.csv``, ``realizations.csv``, ``budget.csv``) or one JSON file
with the same tables; `dayasos.reports.load_report_input` documents the
layout, and ``docs/reports.md`` shows an example.
A first semester (``2020-S1``) gives the mid-year evaluation report.
The report goes to standard output; ``--plot DIR`` also saves the PNG
plots in DIR.

Exit codes: 0 the report was made; 1 the input has problems (each
printed as ``file:row:column: message``); 2 the command was used wrongly
(unknown period, missing input).
"""

from __future__ import annotations

import pathlib
import sys
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError
from dayasos.errors import ConfigurationError, DayasosError, RecordError
from dayasos.ids import RegionLevel
from dayasos.l10n import format_error
from dayasos.periods import Semester, parse_period
from dayasos.reports import MidYearReport, PeriodReport, load_report_input


if TYPE_CHECKING:
    import argparse

    from dayasos.cli._common import Subparsers
    from dayasos.periods import Period


#: Region levels by the name ``--level`` takes.
LEVELS: dict[str, RegionLevel | None] = {
    "national": None,
    "province": RegionLevel.PROVINCE,
    "regency": RegionLevel.REGENCY,
    "district": RegionLevel.DISTRICT,
    "village": RegionLevel.VILLAGE,
}
FORMATS = ("text", "md", "html", "csv")


def register(commands: Subparsers) -> None:
    """Add ``report`` to the parser."""
    command = commands.add_parser(
        "report",
        help="Report targets, realization and budget of a period.",
        description=(
            "Report target against realization, achievement, budget "
            "absorption, programs at risk and the acceleration needed, for "
            "a period (2020-S1 gives the mid-year evaluation). INPUT is a "
            "directory of CSV files or a JSON file (see docs/reports.md). "
            "Exit 0 when the report was made, 1 when the input has "
            "problems, 2 on wrong usage."
        ),
    )
    command.add_argument("input", metavar="INPUT")
    command.add_argument(
        "--period",
        required=True,
        help="The period, e.g. 2020-S1, 2020-Q3, 2020-07 or 2020.",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the words (default: id).",
    )
    command.add_argument(
        "--numbers",
        choices=("id", "en"),
        default="id",
        help="Number formats: id (Rp1.500.000; default) or en.",
    )
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="Output format (default: text).",
    )
    command.add_argument(
        "--level",
        choices=tuple(LEVELS),
        default="national",
        help="Region level of the indicator rows (default: national).",
    )
    command.add_argument(
        "--plot",
        metavar="DIR",
        help="Also save the PNG plots in DIR (needs dayasos[plot]).",
    )
    command.set_defaults(run=run)


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except DayasosError as error:
        msg = f"--period: {error}"
        raise UsageError(msg) from None


def _render(report: PeriodReport, args: argparse.Namespace) -> str:
    match args.format:
        case "md":
            return report.to_markdown(args.lang, numbers=args.numbers)
        case "html":
            return report.to_html(args.lang, numbers=args.numbers)
        case "csv":
            return report.to_csv()
        case _:
            return report.to_text(args.lang, numbers=args.numbers)


def _print_problems(error: DayasosError, lang: str) -> None:
    if isinstance(error, RecordError):
        for problem in error.problems:
            _print_problems(problem.error, lang)
        return
    print(f"dayasos: {format_error(error, lang)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos report``."""
    period = _period(args.period)
    source = pathlib.Path(args.input)
    if not source.exists():
        msg = f"no such file or directory: {args.input}"
        raise UsageError(msg)
    cls = (
        MidYearReport
        if isinstance(period, Semester) and period.half == 1
        else PeriodReport
    )
    try:
        data = load_report_input(source)
        report = cls.build(
            period,
            targets=data.targets,
            realizations=data.realizations,
            budget=data.budget,
            level=LEVELS[args.level],
            program_names=data.programs,
            locale=args.lang,
            numbers=args.numbers,
        )
        text = _render(report, args)
        written = (
            report.plot(args.plot, args.lang, numbers=args.numbers)
            if args.plot
            else []
        )
    except ConfigurationError as error:
        if error.error_code.startswith("report.needs_"):
            raise UsageError(str(error)) from None
        _print_problems(error, args.lang)
        return EXIT_INVALID
    except DayasosError as error:
        _print_problems(error, args.lang)
        return EXIT_INVALID
    sys.stdout.write(text)
    for path in written:
        print(f"dayasos: {path}", file=sys.stderr)
    return EXIT_OK
