"""
The value classes of policy parameters: references, dated values, parameters.

These classes hold checked data;
the checks themselves happen where data comes in
(`load_parameters`, `parse_parameters`, `ParameterSet.with_reform`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from dayasos.legal import Confidence, LegalReference


if TYPE_CHECKING:
    from datetime import date

    from dayasos.policy._units import Unit, Value


__all__ = [
    "Confidence",
    "Description",
    "Origin",
    "Parameter",
    "ParameterValue",
    "Reference",
]


@attrs.frozen
class Description:
    """
    What a parameter is, in Indonesian and in English.

    .. versionadded:: 0.1.0
    """

    #: Indonesian text.
    id: str
    #: English text.
    en: str


#: The legal instrument (or, for a reform, the simulation) behind a value.
Reference = LegalReference


@attrs.frozen
class Origin:
    """
    Where a parameter or a value was written: a file and a line.

    >>> str(Origin("pkh/amount.toml", 12))
    'pkh/amount.toml:12'

    .. versionadded:: 0.1.0
    """

    #: The file, as given to the loader.
    file: str
    #: The 1-based line, when known.
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@attrs.frozen(kw_only=True)
class ParameterValue:
    """
    One value of a parameter and the dates it is in force.

    The value is in force from `since` (inclusive) until `until`
    (exclusive); an `until` of `None` means "until further notice".

    .. versionadded:: 0.1.0
    """

    #: First day in force.
    since: date
    #: First day no longer in force (the next value's `since`, or a repeal).
    until: date | None
    #: The typed value (see `Unit`).
    value: Value
    #: The legal basis of the value.
    reference: Reference
    #: How far the source can be trusted; `None` when not assessed.
    confidence: Confidence | None = None
    #: Free note on the source (e.g. copied from the domain notes).
    note: str | None = None
    #: Where the value was written.
    origin: Origin | None = attrs.field(default=None, eq=False)

    def covers(self, on: date) -> bool:
        """
        Whether the value is in force on the date `on`.

        .. versionadded:: 0.1.0
        """
        return self.since <= on and (self.until is None or on < self.until)


@attrs.frozen(kw_only=True)
class Parameter:
    """
    A named policy parameter with its metadata and full value history.

    .. versionadded:: 0.1.0
    """

    #: Dotted name, e.g. ``"pkh.amount.lansia"``.
    name: str
    #: What the parameter is.
    description: Description
    #: What its values measure.
    unit: Unit
    #: General legal basis of the parameter, if the file gives one.
    reference: Reference | None = None
    #: The values in chronological order, not overlapping.
    values: tuple[ParameterValue, ...]
    #: Whether the file declared that days between values may have none.
    gaps_allowed: bool = False
    #: Where the parameter was written.
    origin: Origin | None = attrs.field(default=None, eq=False)

    def value_at(self, on: date) -> ParameterValue | None:
        """
        The value in force on the date `on`, or `None` when none is.

        .. versionadded:: 0.1.0
        """
        index = bisect.bisect_right(self.values, on, key=_since) - 1
        if index < 0:
            return None
        candidate = self.values[index]
        return candidate if candidate.covers(on) else None


def _since(value: ParameterValue) -> date:
    return value.since
