"""
``dayasos test``: run scenario files (policy tests as data).

Each case prints one line, ``PASS`` or ``FAIL`` with its file, line and
name; a failing case is followed by expected against actual per field
and the decision's explanation in English.
The last line sums up: ``N passed, M failed``.
A scenario file that cannot be read counts as one failure.

Programmes outside the catalogue come from ``--programs FILE.py``: a
Python file defining ``dayasos_program(code)`` (or the pytest plugin's
hook ``pytest_dayasos_program(code)``) that returns the programme for a
code, or `None` to leave it to the catalogue.
"""

from __future__ import annotations

import importlib.util
import pathlib
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError
from dayasos.errors import DayasosError
from dayasos.scenarios import (
    default_resolver,
    find_scenario_files,
    load_scenario,
    run_scenario,
)


if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from dayasos.cli._common import Subparsers
    from dayasos.scenarios import ProgramLike

_HOOKS = ("dayasos_program", "pytest_dayasos_program")


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
    command.add_argument(
        "--programs",
        metavar="FILE.py",
        help=(
            "Python file defining dayasos_program(code) for programmes "
            "outside the catalogue."
        ),
    )
    command.set_defaults(run=run)


def _resolver(path: str | None) -> Callable[[str], ProgramLike]:
    """The catalogue, after the programmes of ``--programs`` if given."""
    if path is None:
        return default_resolver
    file = pathlib.Path(path)
    spec = importlib.util.spec_from_file_location("_dayasos_programs", file)
    if not file.is_file() or spec is None or spec.loader is None:
        msg = f"--programs: no such Python file: {path}"
        raise UsageError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    hook = next(
        (getattr(module, name) for name in _HOOKS if hasattr(module, name)),
        None,
    )
    if hook is None:
        msg = f"--programs: {path} defines none of {', '.join(_HOOKS)}"
        raise UsageError(msg)

    def resolve(code: str) -> ProgramLike:
        found: ProgramLike | None = hook(code)
        return found if found is not None else default_resolver(code)

    return resolve


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
    resolver = _resolver(args.programs)
    passed = failed = 0
    for path in files:
        try:
            scenario = load_scenario(path)
        except DayasosError as err:
            failed += 1
            print(f"ERROR {err}")
            continue
        for result in run_scenario(scenario, resolver=resolver):
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
