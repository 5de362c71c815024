"""
Strict hooks for single values: text, numbers, dates, enums, money, ids.

Nothing is coerced: a string is never read as a number, a number never as
a string, and ``true`` is not the integer 1. Every hook raises a
`dayasos.errors` exception without a path; the caller adds the path.
"""

from __future__ import annotations

import enum
import math
import re
from datetime import date, datetime
from typing import Any, TypeVar

from dayasos.errors import DayasosError, InvalidComponent, InvalidFormat
from dayasos.ids import KK, NIK, RegionCode
from dayasos.money import Rupiah
from dayasos.serialization._problems import (
    kind_of,
    shown,
    unlocated,
    wrong_type,
)


__all__ = [
    "DATE_PATTERN",
    "structure_bool",
    "structure_date",
    "structure_enum",
    "structure_float",
    "structure_int",
    "structure_kk",
    "structure_nik",
    "structure_region",
    "structure_rupiah",
    "structure_str",
    "unstructure_date",
    "unstructure_kk",
    "unstructure_nik",
    "unstructure_region",
    "unstructure_rupiah",
]

#: The one date form read from text: ISO 8601 calendar date.
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE = re.compile(DATE_PATTERN)
_MAX_CHOICES = 12

E = TypeVar("E", bound=enum.Enum)


def structure_str(value: object, cls: type[Any]) -> Any:  # noqa: ANN401 - a hook returns what it builds
    """Accept a string only (and hand string enums to `structure_enum`)."""
    if issubclass(cls, enum.Enum):
        return structure_enum(value, cls)
    if not isinstance(value, str):
        raise wrong_type("a string", value)
    return value


def structure_int(value: object, cls: type[Any]) -> Any:  # noqa: ANN401 - a hook returns what it builds
    """Accept an integer only; booleans and floats are refused."""
    if issubclass(cls, enum.Enum):
        return structure_enum(value, cls)
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type("an integer", value)
    return value


def structure_float(value: object, cls: type[Any]) -> Any:  # noqa: ANN401 - a hook returns what it builds
    """Accept a finite number (integers too); booleans are refused."""
    if issubclass(cls, enum.Enum):
        return structure_enum(value, cls)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise wrong_type("a number", value)
    if not math.isfinite(value):
        raise InvalidFormat(
            "expected a finite number, got {value}",
            code="serialization.not_finite",
            value=value,
        )
    return float(value)


def structure_bool(value: object, _: type[Any]) -> bool:
    """Accept ``true`` or ``false`` only; 0, 1 and ``"yes"`` are refused."""
    if not isinstance(value, bool):
        raise wrong_type("a boolean (true or false)", value)
    return value


def structure_date(value: object, _: type[Any]) -> date:
    """
    Read a calendar date from ``"YYYY-MM-DD"`` or a native date (TOML).

    A date-time is refused: a date field holds no time of day.
    """
    if isinstance(value, datetime):
        raise wrong_type('a date such as "2020-07-21"', value)
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise wrong_type('a date such as "2020-07-21"', value)
    if not _DATE.match(value):
        raise InvalidFormat(
            'expected an ISO date such as "2020-07-21", got {value!r}',
            code="serialization.date_format",
            value=shown(value),
        )
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidComponent(
            "not a calendar date: {value!r} ({reason})",
            code="serialization.date_component",
            value=value,
            reason=str(exc),
        ) from None


def unstructure_date(value: date) -> str:
    """Write a date as ``"YYYY-MM-DD"``."""
    return date(value.year, value.month, value.day).isoformat()


def structure_enum(value: object, cls: type[E]) -> E:
    """
    Read an enum member from its value (its code), of the value's own type.

    ``"1"`` does not match a member whose value is ``1``, nor ``true`` one
    whose value is ``1``.
    """
    for member in cls:
        if type(member.value) is type(value) and member.value == value:
            return member
    codes = [m.value for m in cls]
    listed = ", ".join(repr(c) for c in codes[:_MAX_CHOICES])
    if len(codes) > _MAX_CHOICES:
        listed += f" ... ({len(codes)} codes)"
    if kind_of(value) not in {kind_of(c) for c in codes}:
        expected = f"a code of {cls.__name__} ({listed})"
        raise wrong_type(expected, value)
    raise InvalidFormat(
        "expected a code of {enum} ({choices}), got {value!r}",
        code="serialization.enum",
        value=shown(value),
        enum=cls.__name__,
        choices=listed,
    )


def structure_rupiah(value: object, _: type[Any]) -> Rupiah:
    """Read an amount of rupiah from a JSON integer; floats are refused."""
    if isinstance(value, Rupiah):
        return value
    if isinstance(value, float):
        raise InvalidFormat(
            "expected a whole number of rupiah (integer) such as 1500000, "
            "got number {value}",
            code="serialization.rupiah_not_int",
            value=value,
        )
    if isinstance(value, bool) or not isinstance(value, int):
        raise wrong_type("a whole number of rupiah (integer)", value)
    return Rupiah(value)


def unstructure_rupiah(value: Rupiah) -> int:
    """Write an amount of rupiah as a JSON integer."""
    return value.amount


def structure_nik(value: object, _: type[Any]) -> NIK:
    """Read a NIK from its 16 digits (a JSON string)."""
    if isinstance(value, NIK):
        return value
    if not isinstance(value, str):
        raise wrong_type("a NIK as a string of 16 digits", value)
    try:
        return NIK(value)
    except DayasosError as exc:
        raise unlocated(exc) from None


def unstructure_nik(value: NIK) -> str:
    """Write a NIK in full: unstructuring is an explicit request for it."""
    return value.reveal()


def structure_kk(value: object, _: type[Any]) -> KK:
    """Read a KK number from its 16 digits (a JSON string)."""
    if isinstance(value, KK):
        return value
    if not isinstance(value, str):
        raise wrong_type("a KK number as a string of 16 digits", value)
    try:
        return KK(value)
    except DayasosError as exc:
        raise unlocated(exc) from None


def unstructure_kk(value: KK) -> str:
    """Write a KK number in full: unstructuring is an explicit request."""
    return value.reveal()


def structure_region(value: object, _: type[Any]) -> RegionCode:
    """
    Read a region code, dotted (``"31.71.01"``) or plain (``"317101"``).

    Other separators (spaces, dashes) and partial dotting are refused.
    """
    if isinstance(value, RegionCode):
        return value
    if not isinstance(value, str):
        raise wrong_type('a region code such as "31.71.01.1001"', value)
    try:
        region = RegionCode.parse(value)
    except DayasosError as exc:
        raise unlocated(exc) from None
    if value not in {region.code, str(region)}:
        raise InvalidFormat(
            'expected a region code written "{dotted}" or "{plain}", '
            "got {value!r}",
            code="serialization.region_format",
            value=shown(value),
            dotted=str(region),
            plain=region.code,
        )
    return region


def unstructure_region(value: RegionCode) -> str:
    """Write a region code in its dotted form."""
    return str(value)
