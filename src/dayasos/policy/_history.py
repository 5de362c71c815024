"""
The chronology rules of a value history, and the end date of each value.

Values are listed in order of ``since``; none overlaps the next;
an explicit ``until`` before the next ``since`` leaves a gap, refused
unless the parameter declares ``gaps = "allowed"``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.policy._model import ParameterValue


if TYPE_CHECKING:
    from collections.abc import Sequence

    from dayasos.policy._schema import Entry
    from dayasos.policy._where import Where


__all__ = ["check_history", "close_history"]


def check_history(
    entries: Sequence[Entry], *, gaps_allowed: bool, where: Where
) -> None:
    """Refuse empty ranges, disorder, overlaps and undeclared gaps."""
    previous: Entry | None = None
    for entry in entries:
        if entry.until is not None and entry.until <= entry.since:
            raise where.error(
                "until {until} is not after since {since}; until is the "
                "first day no longer in force",
                code="parameter.empty_range",
                field=f"{entry.field}.until",
                line=entry.line("until"),
                since=entry.since,
                until=entry.until,
            )
        if previous is not None:
            _check_pair(
                previous, entry, gaps_allowed=gaps_allowed, where=where
            )
        previous = entry


def _check_pair(
    previous: Entry, entry: Entry, *, gaps_allowed: bool, where: Where
) -> None:
    params = {
        "since": entry.since,
        "until": previous.until,
        "previous": previous.field,
        "previous_since": previous.since,
    }
    field = f"{entry.field}.since"
    line = entry.line("since")
    if entry.since < previous.since:
        raise where.error(
            "since {since} is before {previous} (since {previous_since}); "
            "values are listed in chronological order",
            code="parameter.unordered",
            field=field,
            line=line,
            **params,
        )
    if entry.since == previous.since:
        raise where.error(
            "starts on the same day as {previous} (since {since}); "
            "two values cannot be in force on one day",
            code="parameter.overlap",
            field=field,
            line=line,
            **params,
        )
    if previous.until is not None and entry.since < previous.until:
        raise where.error(
            "overlaps {previous} (since {previous_since}, until {until}); "
            "a value starts on or after the previous one's until",
            code="parameter.overlap",
            field=field,
            line=line,
            **params,
        )
    if (
        previous.until is not None
        and entry.since > previous.until
        and not gaps_allowed
    ):
        raise where.error(
            "no value is in force from {until} (until of {previous}, "
            "exclusive) to {since}; until is the first day no longer in "
            'force: write until = {since}, or declare gaps = "allowed" '
            "if the parameter really was not in force",
            code="parameter.gap",
            field=field,
            line=line,
            **params,
        )


def close_history(entries: Sequence[Entry]) -> tuple[ParameterValue, ...]:
    """Give each checked entry its end: its own `until` or the next since."""
    values = []
    for number, entry in enumerate(entries):
        until = entry.until
        if until is None and number + 1 < len(entries):
            until = entries[number + 1].since
        values.append(
            ParameterValue(
                since=entry.since,
                until=until,
                value=entry.value,
                reference=entry.reference,
                confidence=entry.confidence,
                note=entry.note,
                origin=entry.origin,
            )
        )
    return tuple(values)
