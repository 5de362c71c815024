"""
dayasos: Indonesia's social-empowerment policy as typed, tested code.

The public API is re-exported here; subpackages hold the implementation.

>>> from dayasos import Rupiah, allocate
>>> allocate(Rupiah(3_000_000), [1, 1, 1, 1])[0]
Rupiah(750000)
"""

from __future__ import annotations

from dayasos.errors import DayasosError, RecordError, ValidationError
from dayasos.money import Rounding, Rupiah, allocate, sum_rupiah


__all__ = [
    "DayasosError",
    "RecordError",
    "Rounding",
    "Rupiah",
    "ValidationError",
    "allocate",
    "sum_rupiah",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("dayasos")

    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
