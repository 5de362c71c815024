"""
The ``dayasos`` command line.

Exit codes mean the same for every subcommand:

- 0: the job ran and found nothing wrong (an ineligible verdict is not wrong);
- 1: the job ran and found invalid input (an invalid NIK, a bad record);
- 2: the command was used wrongly (unknown option, unreadable argument).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from dayasos.cli import (
    _batch,
    _decide,
    _demo,
    _nik,
    _quality,
    _report,
    _scenarios,
    _validate,
)
from dayasos.cli._common import EXIT_USAGE, UsageError, package_version
from dayasos.errors import DayasosError


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["main"]

_COMMANDS = (
    _batch,
    _decide,
    _demo,
    _nik,
    _quality,
    _report,
    _scenarios,
    _validate,
)


def build_parser() -> argparse.ArgumentParser:
    """
    Build the argument parser with every subcommand.

    .. versionadded:: 0.1.0
    """
    parser = argparse.ArgumentParser(
        prog="dayasos",
        description=(
            "Indonesia's social-empowerment policy as code: identifiers, "
            "eligibility, grants and reports."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"dayasos {package_version()}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in _COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line and return its exit code.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.run(args)
    except UsageError as err:
        parser.exit(EXIT_USAGE, f"dayasos: error: {err}\n")
    except DayasosError as err:
        print(f"dayasos: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code
