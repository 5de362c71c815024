"""
A stable content hash of the parameter values in force.

The hash is SHA-256 over a canonical JSON document:
keys sorted, no spaces, UTF-8, values in a form that does not depend on
how they were written (``Decimal("25.0")`` and ``Decimal("25")`` agree).
It covers each parameter's name, unit, value, ``since`` and reference,
and deliberately not ``until``, the date asked for, the confidence or
the note: adding next year's value (which sets this value's end) or
re-assessing a source does not change what was in force on a day,
so it must not change the hash a decision receipt recorded.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from dayasos.money import Rupiah


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.policy._model import Parameter, ParameterValue, Reference
    from dayasos.policy._units import Value


__all__ = ["canonical_json", "fingerprint"]

#: Names the layout of the canonical document; bump it when it changes.
FORMAT = "dayasos.policy.snapshot/1"


def _value(value: Value) -> object:
    if isinstance(value, Rupiah):
        return value.amount
    if isinstance(value, (Decimal, Fraction)):
        return str(Fraction(value))
    if isinstance(value, tuple):
        return list(value)
    return value


def _reference(reference: Reference) -> dict[str, object]:
    return {
        "instrument": reference.instrument,
        "number": reference.number,
        "year": reference.year,
        "article": reference.article,
        "title": reference.title,
        "url": reference.url,
    }


def canonical_json(
    in_force: Iterable[tuple[Parameter, ParameterValue]],
) -> bytes:
    """
    The canonical JSON document of parameter values, sorted by name.

    .. versionadded:: 0.1.0
    """
    document = {
        "format": FORMAT,
        "parameters": [
            {
                "name": parameter.name,
                "unit": parameter.unit.value,
                "value": _value(entry.value),
                "since": entry.since.isoformat(),
                "reference": _reference(entry.reference),
            }
            for parameter, entry in sorted(
                in_force, key=lambda pair: pair[0].name
            )
        ],
    }
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return text.encode("utf-8")


def fingerprint(in_force: Iterable[tuple[Parameter, ParameterValue]]) -> str:
    """
    The SHA-256 hex digest of `canonical_json`.

    .. versionadded:: 0.1.0
    """
    return hashlib.sha256(canonical_json(in_force)).hexdigest()
