"""
The policy numbers of the metrics, shipped as parameter files.

IKPA weights and score bands, absorption targets per expenditure type,
the deviation rule, and the SAKIP conversion of achievement to a
performance value live in TOML files under
``dayasos/metrics/parameters/``, each value dated and cited with the
confidence DOMAIN.md gives it.
Their names start with ``metrics.``.

>>> from datetime import date
>>> params = load_metric_parameters()
>>> params.at(date(2020, 7, 21))["metrics.ikpa.weight.penyerapan"]
Decimal('15')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from importlib.resources import files
from typing import TYPE_CHECKING

from dayasos.errors import ParameterError
from dayasos.policy import ParameterSet, load_parameters


if TYPE_CHECKING:
    from dayasos.policy import Snapshot


__all__ = ["load_metric_parameters", "number", "resolve"]

#: The prefix of every metric parameter's name.
PREFIX = "metrics"


@functools.cache
def load_metric_parameters() -> ParameterSet:
    """
    The metric parameters shipped with dayasos, read once per process.

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.metrics") / "parameters", prefix=PREFIX
    )


def resolve(parameters: ParameterSet | None) -> ParameterSet:
    """Return `parameters`, or the shipped set when it is `None`."""
    return load_metric_parameters() if parameters is None else parameters


def number(snapshot: Snapshot, name: str) -> Fraction:
    """
    Read a percent or ratio parameter as an exact `Fraction`.

    Raises:
        ParameterError: as `Snapshot.entry`, or ``parameter.type`` when
            the value is not a number.

    .. versionadded:: 0.1.0
    """
    value = snapshot[name]
    if isinstance(value, (Decimal, Fraction)) or (
        isinstance(value, int) and not isinstance(value, bool)
    ):
        return Fraction(value)
    raise ParameterError(
        "{parameter} holds {actual}, not a number",
        code="parameter.type",
        parameter=name,
        actual=type(value).__name__,
    )
