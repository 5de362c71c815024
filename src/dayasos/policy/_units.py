"""
The closed set of parameter units and the typed values each one holds.

Every parameter declares one `Unit`;
the unit decides the Python type of its values
and how a raw TOML value becomes that type.
Floats are never accepted, for any unit:
write money as an integer and rates as a quoted decimal.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

from dayasos.errors import ParameterError
from dayasos.money import Rupiah


if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Unit", "Value", "coerce_value"]

#: The Python type of a parameter value.
Value: TypeAlias = (
    Rupiah | int | Decimal | Fraction | bool | str | tuple[str, ...]
)

_MAX_DECILE = 10


class Unit(enum.Enum):
    """
    What a parameter's values measure, and so their Python type.

    - ``rupiah``, ``rupiah_per_year``, ``rupiah_per_month``,
      ``rupiah_per_tahap``, ``rupiah_per_package``:
      `Rupiah`, zero or more, written as an integer (``value = 2_400_000``);
    - ``people``, ``families``, ``count``, ``years``, ``months``, ``days``:
      `int`, zero or more (``value = 4``);
    - ``decile``: `int` from 1 to 10 (``value = 4``);
    - ``percent``: `Decimal`, written as a string or an integer
      (``value = "12.5"``);
    - ``ratio``: `Fraction`, written as a string or an integer
      (``value = "1/4"``);
    - ``boolean``: `bool` (``value = true``);
    - ``code``: a non-empty `str` (``value = "lansia"``);
    - ``codes``: a `tuple` of distinct non-empty `str`
      (``value = ["asn", "tni"]``).

    A ``percent`` of ``25`` means 25 %, not 0.25.

    >>> Unit("rupiah_per_year").value_type
    <class 'dayasos.money.Rupiah'>

    .. versionadded:: 0.1.0
    """

    #: A one-off amount of money.
    RUPIAH = "rupiah"
    #: Money per year (e.g. a PKH component index).
    RUPIAH_PER_YEAR = "rupiah_per_year"
    #: Money per month.
    RUPIAH_PER_MONTH = "rupiah_per_month"
    #: Money per disbursement stage (tahap).
    RUPIAH_PER_TAHAP = "rupiah_per_tahap"
    #: Money per package (food package, kit).
    RUPIAH_PER_PACKAGE = "rupiah_per_package"
    #: A number of persons.
    PEOPLE = "people"
    #: A number of families (KPM).
    FAMILIES = "families"
    #: A number of anything else (components, tahap, packages).
    COUNT = "count"
    #: A duration or an age in whole years.
    YEARS = "years"
    #: A duration in whole months.
    MONTHS = "months"
    #: A duration in whole days.
    DAYS = "days"
    #: A welfare decile (desil) of the national social registry, 1 to 10.
    DECILE = "decile"
    #: A percentage: 25 means 25 %.
    PERCENT = "percent"
    #: An exact ratio, e.g. 1/4.
    RATIO = "ratio"
    #: A yes/no switch.
    BOOLEAN = "boolean"
    #: One code from a list the program defines.
    CODE = "code"
    #: Several distinct codes.
    CODES = "codes"

    @property
    def value_type(self) -> type:
        """
        The Python type of this unit's values.

        .. versionadded:: 0.1.0
        """
        return _TYPES[_KINDS[self]]

    @property
    def is_money(self) -> bool:
        """
        Whether this unit's values are `Rupiah`.

        .. versionadded:: 0.1.0
        """
        return _KINDS[self] == "money"


_MONEY = (
    Unit.RUPIAH,
    Unit.RUPIAH_PER_YEAR,
    Unit.RUPIAH_PER_MONTH,
    Unit.RUPIAH_PER_TAHAP,
    Unit.RUPIAH_PER_PACKAGE,
)
_COUNTS = (
    Unit.PEOPLE,
    Unit.FAMILIES,
    Unit.COUNT,
    Unit.YEARS,
    Unit.MONTHS,
    Unit.DAYS,
)
_KINDS: dict[Unit, str] = {
    **dict.fromkeys(_MONEY, "money"),
    **dict.fromkeys(_COUNTS, "count"),
    Unit.DECILE: "decile",
    Unit.PERCENT: "percent",
    Unit.RATIO: "ratio",
    Unit.BOOLEAN: "boolean",
    Unit.CODE: "code",
    Unit.CODES: "codes",
}
_TYPES: dict[str, type] = {
    "money": Rupiah,
    "count": int,
    "decile": int,
    "percent": Decimal,
    "ratio": Fraction,
    "boolean": bool,
    "code": str,
    "codes": tuple,
}


def _mismatch(expected: str, unit: Unit, raw: object) -> ParameterError:
    return ParameterError(
        "{unit} values are " + expected + "; got {kind} {value!r}",
        code="parameter.type",
        value=raw,
        unit=unit.value,
        kind=type(raw).__name__,
    )


def _out_of_range(expected: str, unit: Unit, raw: object) -> ParameterError:
    return ParameterError(
        "{unit} values are " + expected + "; got {value!r}",
        code="parameter.out_of_range",
        value=raw,
        unit=unit.value,
    )


def _money(unit: Unit, raw: object) -> Rupiah:
    expected = "whole rupiah written as an integer, e.g. value = 2_400_000"
    if isinstance(raw, Rupiah):
        amount = raw.amount
    elif isinstance(raw, int) and not isinstance(raw, bool):
        amount = raw
    else:
        raise _mismatch(expected, unit, raw)
    if amount < 0:
        raise _out_of_range("amounts of zero or more rupiah", unit, raw)
    return Rupiah(amount)


def _count(unit: Unit, raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _mismatch("whole numbers, e.g. value = 4", unit, raw)
    if raw < 0:
        raise _out_of_range("zero or more", unit, raw)
    return raw


def _decile(unit: Unit, raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _mismatch("whole numbers from 1 to 10, e.g. 4", unit, raw)
    if not 1 <= raw <= _MAX_DECILE:
        raise _out_of_range("deciles from 1 to 10, e.g. 4", unit, raw)
    return raw


def _percent(unit: Unit, raw: object) -> Decimal:
    expected = 'exact decimals written as a string, e.g. value = "12.5"'
    if isinstance(raw, bool):
        raise _mismatch(expected, unit, raw)
    if isinstance(raw, (Decimal, int)):
        number = Decimal(raw)
    elif isinstance(raw, str):
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise _mismatch(expected, unit, raw) from None
    else:
        raise _mismatch(expected, unit, raw)
    if not number.is_finite():
        raise _out_of_range('finite decimals, e.g. "12.5"', unit, raw)
    return number


def _ratio(unit: Unit, raw: object) -> Fraction:
    expected = 'exact ratios written as a string, e.g. value = "1/4"'
    if isinstance(raw, bool):
        raise _mismatch(expected, unit, raw)
    if isinstance(raw, (Fraction, int)):
        return Fraction(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _out_of_range('finite ratios, e.g. "1/4"', unit, raw)
        return Fraction(raw)
    if isinstance(raw, str):
        try:
            return Fraction(raw)
        except (ValueError, ZeroDivisionError):
            raise _mismatch(expected, unit, raw) from None
    raise _mismatch(expected, unit, raw)


def _boolean(unit: Unit, raw: object) -> bool:
    if not isinstance(raw, bool):
        raise _mismatch("true or false", unit, raw)
    return raw


def _code(unit: Unit, raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _mismatch('non-empty strings, e.g. value = "lansia"', unit, raw)
    return raw


def _codes(unit: Unit, raw: object) -> tuple[str, ...]:
    expected = 'lists of distinct non-empty strings, e.g. ["asn", "tni"]'
    if not isinstance(raw, (list, tuple)):
        raise _mismatch(expected, unit, raw)
    items = tuple(raw)
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise _mismatch(expected, unit, item)
    if len(set(items)) != len(items):
        raise _out_of_range(expected, unit, raw)
    return items


_COERCERS: dict[str, Callable[[Unit, object], Value]] = {
    "money": _money,
    "count": _count,
    "decile": _decile,
    "percent": _percent,
    "ratio": _ratio,
    "boolean": _boolean,
    "code": _code,
    "codes": _codes,
}


def coerce_value(unit: Unit, raw: object) -> Value:
    """
    Turn a raw TOML value, or a typed Python value, into the unit's type.

    >>> coerce_value(Unit.RUPIAH_PER_YEAR, 2_400_000)
    Rupiah(2400000)
    >>> coerce_value(Unit.PERCENT, "12.5")
    Decimal('12.5')
    >>> coerce_value(Unit.RATIO, "1/4")
    Fraction(1, 4)

    Raises:
        ParameterError: with code ``parameter.type`` when the value has the
            wrong type (a float is always wrong), or
            ``parameter.out_of_range`` when it is outside the unit's range.

    .. versionadded:: 0.1.0
    """
    return _COERCERS[_KINDS[unit]](unit, raw)
