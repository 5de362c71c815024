"""
``dayasos test``: run scenario files (policy tests as data).

Each case prints one line, ``PASS`` or ``FAIL`` with its file, line and
name; a failing case is followed by expected against actual per field
and the decision's explanation in English.
The last line sums up: ``N passed, M failed``.
A scenario file that cannot be read counts as one failure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError
from dayasos.errors import DayasosError
from dayasos.scenarios import find_scenario_files, load_scenario, run_scenario


if TYPE_CHECKING:
    import argparse

    from dayasos.cli._common import Subparsers


def register(commands: Subparsers) -> None:
    """Add ``test`` to the parser."""
    command = commands.add_parser(
        "test",
        help="Run scenario files: policy tests as data.",
        description=(
            "Run scenario files (TOML; see dayasos.scenarios) against the "
            "programme catalogue. A folder gives every .toml file below "
            "it, except those in entities/ and reforms/ folders. Exit 0 "
            "when every case passes, 1 when any fails, 2 on wrong usage."
        ),
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="Scenario files or folders."
    )
    command.set_defaults(run=run)


def _indented(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos test``."""
    try:
        files = find_scenario_files(args.paths)
    except FileNotFoundError as err:
        msg = f"no such file or folder: {err}"
        raise UsageError(msg) from None
    if not files:
        msg = "no scenario files (.toml) in " + ", ".join(args.paths)
        raise UsageError(msg)
    passed = failed = 0
    for path in files:
        try:
            scenario = load_scenario(path)
        except DayasosError as err:
            failed += 1
            print(f"ERROR {err}")
            continue
        for result in run_scenario(scenario):
            if result.passed:
                passed += 1
                print(f"PASS {result.where}: {result.case.name}")
            else:
                failed += 1
                print(f"FAIL {result.where}: {result.case.name}")
                report = result.report().split("\n", 1)
                if len(report) > 1:
                    print(_indented(report[1]))
    print(f"{passed} passed, {failed} failed")
    return EXIT_INVALID if failed else EXIT_OK
