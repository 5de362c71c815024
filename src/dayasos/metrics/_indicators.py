"""
Performance indicators and their targets and realizations.

An `Indicator` says what is measured, in which unit,
and which direction is good (its `Polarity`).
A `Target` and a `Realization` give a value of an indicator
for one program, one region and one period.
Values are flows: the amount of the period itself,
so a year-to-date figure is the sum of the months.

>>> from dayasos.periods import Month
>>> kpm = Indicator(
...     code="prokus.kpm",
...     name_id="KPM penerima ProKUS",
...     name_en="ProKUS beneficiary families",
...     unit=MeasureUnit.FAMILIES,
...     polarity=Polarity.MAXIMIZE,
... )
>>> Target(indicator=kpm, program="prokus", period=Month(2020, 6), value=500)
... # doctest: +ELLIPSIS
Target(indicator=Indicator(code='prokus.kpm', ...), ..., value=500, ...)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias

import attrs

from dayasos.errors import InvalidFormat, ValidationError
from dayasos.money import Rupiah


if TYPE_CHECKING:
    from dayasos.ids import RegionCode
    from dayasos.periods import Period


__all__ = [
    "Indicator",
    "MeasureUnit",
    "Polarity",
    "Quantity",
    "Realization",
    "Target",
    "exact",
]

#: A measured value: a count (`int`), money (`Rupiah`),
#: or an exact measure (`Fraction`) for percentages and durations.
Quantity: TypeAlias = int | Rupiah | Fraction


class Polarity(enum.Enum):
    """
    Which direction of an indicator is good.

    .. versionadded:: 0.1.0
    """

    #: More is better (the SAKIP "normal" condition): ``R / T``.
    MAXIMIZE = "maximize"
    #: Less is better (the SAKIP "special" condition): ``2 - R / T``.
    MINIMIZE = "minimize"
    #: Closest to the target (or inside the range) is best.
    STABILIZE = "stabilize"


class MeasureUnit(enum.Enum):
    """
    What an indicator's values count or measure.

    Counts and rupiah are *additive*:
    roll-ups over months and regions add them up.
    Percentages and durations are not: they are never summed or averaged,
    a roll-up that would have to combine two of them is refused.

    >>> MeasureUnit.FAMILIES.is_additive, MeasureUnit.PERCENT.is_additive
    (True, False)

    .. versionadded:: 0.1.0
    """

    #: Persons.
    PEOPLE = "people"
    #: Families (keluarga penerima manfaat, KPM; kepala keluarga, KK).
    FAMILIES = "families"
    #: Packages (paket sembako, APD kits).
    PACKAGES = "packages"
    #: Institutions (Puskesos, LKS, Karang Taruna).
    INSTITUTIONS = "institutions"
    #: Villages (desa or kelurahan).
    VILLAGES = "villages"
    #: Groups (KUBE, youth groups).
    GROUPS = "groups"
    #: Locations (lokasi, e.g. of KAT empowerment).
    LOCATIONS = "locations"
    #: Events (sosialisasi, campaigns, trainings).
    EVENTS = "events"
    #: Any other whole units.
    UNITS = "units"
    #: Money, in whole rupiah.
    RUPIAH = "rupiah"
    #: A percentage, stored as an exact ratio (1 is 100%).
    PERCENT = "percent"
    #: A duration in days (e.g. the average time to deliver aid).
    DAYS = "days"
    #: A duration in months.
    MONTHS = "months"

    @property
    def is_money(self) -> bool:
        """
        Whether the values are `Rupiah` (a financial indicator).

        .. versionadded:: 0.1.0
        """
        return self is MeasureUnit.RUPIAH

    @property
    def is_count(self) -> bool:
        """
        Whether the values are whole counts (`int`).

        .. versionadded:: 0.1.0
        """
        return self not in _MEASURES and self is not MeasureUnit.RUPIAH

    @property
    def is_additive(self) -> bool:
        """
        Whether values of several periods or regions add up.

        .. versionadded:: 0.1.0
        """
        return self not in _MEASURES


_MEASURES = frozenset(
    {MeasureUnit.PERCENT, MeasureUnit.DAYS, MeasureUnit.MONTHS}
)


def exact(value: Quantity | Decimal) -> Fraction:
    """
    The exact number behind a quantity (a `Rupiah` gives its amount).

    >>> exact(Rupiah(1500)), exact(Decimal("6.5"))
    (Fraction(1500, 1), Fraction(13, 2))

    Raises:
        InvalidFormat: ``metrics.quantity_type`` for a float, a bool or
            anything else that is not an exact number.

    .. versionadded:: 0.1.0
    """
    raw: object = value
    if isinstance(raw, Rupiah):
        return Fraction(raw.amount)
    if isinstance(raw, bool) or not isinstance(raw, (int, Fraction, Decimal)):
        raise InvalidFormat(
            "quantities are exact numbers (int, Rupiah, Fraction or "
            "Decimal), got {kind} {value!r}; e.g. Fraction(13, 2)",
            code="metrics.quantity_type",
            value=raw,
            kind=type(raw).__name__,
        )
    if isinstance(raw, Decimal) and not raw.is_finite():
        raise InvalidFormat(
            "quantities are finite numbers, got {value!r}",
            code="metrics.quantity_not_finite",
            value=raw,
        )
    return Fraction(raw)


@attrs.frozen(kw_only=True)
class Indicator:
    """
    A performance indicator (indikator kinerja).

    Args:
        code: A stable code, e.g. ``"prokus.kpm"``.
        name_id: The name in Indonesian.
        name_en: The name in English.
        unit: What the values count or measure.
        polarity: Which direction is good.

    .. versionadded:: 0.1.0
    """

    code: str
    name_id: str
    name_en: str
    unit: MeasureUnit
    polarity: Polarity = Polarity.MAXIMIZE

    def __attrs_post_init__(self) -> None:
        if not self.code.strip():
            raise ValidationError(
                "an indicator needs a code, e.g. 'prokus.kpm'",
                code="metrics.indicator_code",
                path="code",
                value=self.code,
            )


def _unit_kind(unit: MeasureUnit) -> str:
    if unit.is_money:
        return "Rupiah, e.g. Rupiah(5000000)"
    if unit.is_count:
        return "whole numbers (int), e.g. 500"
    return "exact fractions (Fraction), e.g. Fraction(13, 2)"


def check_quantity(
    indicator: Indicator, value: object, *, path: str
) -> Fraction:
    """
    Check that `value` has the type of the indicator's unit, not negative.

    Counts are `int`, money is `Rupiah`,
    percentages (1 is 100%) and durations are `Fraction`.
    Returns the exact number.

    Raises:
        InvalidFormat: ``metrics.value_type`` for a value of another type.
        ValidationError: ``metrics.value_negative`` for a negative value.

    .. versionadded:: 0.1.0
    """
    unit = indicator.unit
    number: Fraction | None = None
    if unit.is_money:
        if isinstance(value, Rupiah):
            number = Fraction(value.amount)
    elif unit.is_count:
        if isinstance(value, int) and not isinstance(value, bool):
            number = Fraction(value)
    elif isinstance(value, Fraction):
        number = value
    if number is None:
        raise InvalidFormat(
            "{indicator} is measured in {unit}: its values are {expected}; "
            "got {kind} {value!r}",
            code="metrics.value_type",
            path=path,
            value=value,
            indicator=indicator.code,
            unit=unit.value,
            expected=_unit_kind(unit),
            kind=type(value).__name__,
        )
    if number < 0:
        raise ValidationError(
            "{indicator}: values are zero or more, got {value}",
            code="metrics.value_negative",
            path=path,
            value=str(value),
            indicator=indicator.code,
        )
    return number


def _check_value(
    instance: Target | Realization, _: object, value: Quantity
) -> None:
    check_quantity(instance.indicator, value, path="value")


def _check_upper(instance: Target, _: object, upper: Quantity | None) -> None:
    if upper is None:
        return
    bound = check_quantity(instance.indicator, upper, path="upper")
    if bound < exact(instance.value):
        raise ValidationError(
            "the upper bound of a range target is not below its "
            "lower bound {lower}; got {value}",
            code="metrics.range_order",
            path="upper",
            value=str(upper),
            lower=str(instance.value),
        )


@attrs.frozen(kw_only=True)
class Target:
    """
    The target of an indicator for a program, a region and a period.

    Args:
        indicator: What is measured.
        program: The program's code, e.g. ``"prokus"``.
        period: The period the target is for (a month to a fiscal year).
        value: The target; for a range target, its lower bound.
        upper: The upper bound of a range target; `None` for a single
            value.
        maximal: Whether the target is the most that can be reached
            (e.g. 100% of villages): reaching it rates as the top value.
        region: Where; `None` for the whole country (national).

    Raises:
        InvalidFormat: ``metrics.value_type`` when `value` or `upper` has
            the wrong type for the indicator's unit.
        ValidationError: ``metrics.value_negative`` for a negative value;
            ``metrics.range_order`` when `upper` is below `value`.

    .. versionadded:: 0.1.0
    """

    indicator: Indicator
    program: str
    period: Period
    value: Quantity = attrs.field(validator=_check_value)
    upper: Quantity | None = attrs.field(default=None, validator=_check_upper)
    maximal: bool = False
    region: RegionCode | None = None


@attrs.frozen(kw_only=True)
class Realization:
    """
    What was achieved on an indicator for a program, region and period.

    Args:
        indicator: What is measured.
        program: The program's code, e.g. ``"prokus"``.
        period: The period the value is for (a month to a fiscal year).
        value: The value achieved in that period.
        region: Where; `None` for the whole country (national).

    Raises:
        InvalidFormat: ``metrics.value_type`` when `value` has the wrong
            type for the indicator's unit.
        ValidationError: ``metrics.value_negative`` for a negative value.

    .. versionadded:: 0.1.0
    """

    indicator: Indicator
    program: str
    period: Period
    value: Quantity = attrs.field(validator=_check_value)
    region: RegionCode | None = None
