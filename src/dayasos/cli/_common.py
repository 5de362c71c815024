"""What every subcommand shares: exit codes, dates, languages, input."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

import pendulum


if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001 - argparse exposes no public name for it

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

#: The time zone whose calendar date is "today" at the command line.
CLOCK_ZONE = "Asia/Jakarta"


class UsageError(Exception):
    """The command was used wrongly; argparse-style exit 2."""


def package_version() -> str:
    """Return the installed version of dayasos."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("dayasos")
    except PackageNotFoundError:
        return "unknown"


def parse_date(text: str | None, *, option: str) -> dt.date:
    """
    Parse an ISO date given on the command line.

    Without a date, the command line reads the calendar date in Jakarta:
    this is the one place where dayasos reads the clock.
    """
    if text is None:
        return pendulum.today(CLOCK_ZONE).date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = (
            f"{option} expects a date as YYYY-MM-DD, e.g. 2020-07-21; "
            f"got {text!r}"
        )
        raise UsageError(msg) from None


def read_items(items: Sequence[str]) -> Iterator[str]:
    """
    Yield command-line items; ``-`` reads one item per line from stdin.

    Blank lines and lines starting with ``#`` are skipped.
    """
    for item in items:
        if item == "-":
            for line in sys.stdin:
                text = line.strip()
                if text and not text.startswith("#"):
                    yield text
        else:
            yield item
