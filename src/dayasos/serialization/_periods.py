"""
Periods on the wire: calendar periods by their code, tahap as objects.

A calendar period is written as its canonical code (``"2020"``,
``"2020-S1"``, ``"2020-Q3"``, ``"2020-07"``, ``"2020-07-21"``) and read
back only in that form. A `~dayasos.periods.Tahap` has program-defined
dates that its code ``2020-T2`` does not carry, so it is written as an
object: ``{"year": 2020, "number": 2, "start": "2020-04-01",
"stop": "2020-05-01", "program": "PKH"}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from dayasos.errors import DayasosError, InvalidFormat
from dayasos.periods import (
    Day,
    FiscalYear,
    Month,
    Period,
    Quarter,
    Semester,
    Tahap,
    parse_period,
)
from dayasos.serialization._problems import shown, unlocated, wrong_type


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["CODE_PATTERNS", "make_period_hooks"]

#: The pattern of the code of each calendar period class.
CODE_PATTERNS: dict[type[Period], tuple[str, str]] = {
    FiscalYear: ("^[0-9]{4}$", "2020"),
    Semester: ("^[0-9]{4}-S[0-9]+$", "2020-S1"),
    Quarter: ("^[0-9]{4}-Q[0-9]+$", "2020-Q3"),
    Month: ("^[0-9]{4}-[0-9]{2}$", "2020-07"),
    Day: ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2020-07-21"),
}


def _expected(cls: type[Period]) -> str:
    if cls is Tahap:
        return "a tahap object (year, number, start, stop, program)"
    if cls in CODE_PATTERNS:
        example = CODE_PATTERNS[cls][1]
        return f'a {cls.__name__} code such as "{example}"'
    if issubclass(Tahap, cls):
        return 'a period code such as "2020-Q3", or a tahap object'
    return 'a period code such as "2020-Q3"'


def make_period_hooks(
    structure_tahap: Callable[[Any], Tahap],
    unstructure_tahap: Callable[[Tahap], Any],
) -> tuple[Callable[[Any, Any], Period], Callable[[Period], Any]]:
    """
    Hooks for `Period` and its classes.

    Args:
        structure_tahap: Reads a tahap object (the attrs class hook).
        unstructure_tahap: Writes a tahap object.
    """

    def structure(value: object, cls: type[Period]) -> Period:
        if isinstance(value, cls):
            return value
        if isinstance(value, str) and cls is not Tahap:
            return _parse(value, cls)
        if isinstance(value, Mapping) and issubclass(Tahap, cls):
            return structure_tahap(value)
        raise wrong_type(_expected(cls), value)

    def unstructure(period: Period) -> object:
        if isinstance(period, Tahap):
            return unstructure_tahap(period)
        return str(period)

    return structure, unstructure


def _parse(text: str, cls: type[Period]) -> Period:
    try:
        period = parse_period(text)
    except DayasosError as exc:
        raise unlocated(exc) from None
    if str(period) != text:
        raise InvalidFormat(
            "expected the period code {canonical!r}, got {value!r}",
            code="serialization.period_code",
            value=shown(text),
            canonical=str(period),
        )
    if not isinstance(period, cls):
        raise InvalidFormat(
            "expected {expected}, got the {kind} {value!r}",
            code="serialization.period_kind",
            value=text,
            expected=_expected(cls),
            kind=type(period).__name__,
        )
    return period
