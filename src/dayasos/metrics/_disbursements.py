"""
Realizations computed from dayasos's own disbursement records.

Decided aid flows into the reports without re-keying:
each disbursement that was sent or received counts, by month,
program and region, as

- a physical realization: the units handed over (`Disbursement.count`:
  packages, kits, or one transfer);
- a financial realization: their value (`Disbursement.total_value`).

Planned, returned and failed disbursements do not count.
Note that a family paid in several *tahap* counts once per transfer:
to count families, give one disbursement per family.

>>> import datetime
>>> from dayasos.metrics import Indicator, MeasureUnit
>>> from dayasos.model import (
...     Aid, AidKind, Channel, Disbursement, DisbursementStatus,
...     InstitutionRef,
... )
>>> from dayasos.money import Rupiah
>>> kits = Indicator(
...     code="apd.paket", name_id="Paket APD", name_en="APD kits",
...     unit=MeasureUnit.PACKAGES,
... )
>>> sent = Disbursement(
...     recipient=InstitutionRef(id="tksk-3171"),
...     aid=Aid(kind=AidKind.PROTECTIVE_KIT, amount=Rupiah(100_000)),
...     count=40, program="APD", channel=Channel.IN_KIND_DINSOS,
...     on=datetime.date(2020, 4, 13), status=DisbursementStatus.DISBURSED,
... )
>>> [r] = realizations_from_disbursements([sent], physical=kits, program="apd")
>>> str(r.period), r.value
('2020-04', 40)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import ValidationError
from dayasos.metrics._indicators import Indicator, MeasureUnit, Realization
from dayasos.model import DisbursementStatus
from dayasos.money import Rupiah, sum_rupiah
from dayasos.periods import Month


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from dayasos.ids import RegionCode
    from dayasos.model import Disbursement


__all__ = ["COUNTED_STATUSES", "realizations_from_disbursements"]

#: The statuses of disbursements that count as realized.
COUNTED_STATUSES = frozenset(
    {DisbursementStatus.DISBURSED, DisbursementStatus.RECEIVED}
)

_Key = tuple[str, "RegionCode | None", Month]


def _month(record: Disbursement, index: int) -> Month:
    path = f"disbursements[{index}]"
    if record.on is not None:
        return Month.containing(record.on)
    if record.period is not None:
        try:
            return Month.containing(record.period)
        except ValidationError:
            raise ValidationError(
                "a disbursement without a date counts in the month of its "
                "period, but {value} lies in several months; give its date",
                code="metrics.disbursement_month",
                path=f"{path}.period",
                value=str(record.period),
            ) from None
    raise ValidationError(
        "a disbursement counts in the month of its date (on) or period; "
        "this one has neither",
        code="metrics.disbursement_date",
        path=f"{path}.on",
    )


def _check_unit(indicator: Indicator | None, *, money: bool) -> None:
    if indicator is None:
        return
    fits = (
        indicator.unit is MeasureUnit.RUPIAH
        if money
        else (indicator.unit.is_count)
    )
    if not fits:
        raise ValidationError(
            "{value} is measured in {unit}; a {role} indicator of "
            "disbursements is measured in {expected}",
            code="metrics.disbursement_indicator",
            path="financial" if money else "physical",
            value=indicator.code,
            unit=indicator.unit.value,
            role="financial" if money else "physical",
            expected="rupiah" if money else "a count (packages, families...)",
        )


def realizations_from_disbursements(
    disbursements: Iterable[Disbursement],
    *,
    physical: Indicator | None = None,
    financial: Indicator | None = None,
    program: str | None = None,
    region_of: Callable[[Disbursement], RegionCode | None] | None = None,
) -> list[Realization]:
    """
    Sum disbursements into monthly realizations.

    Args:
        disbursements: The records.
        physical: The indicator of units handed over (a count unit).
        financial: The indicator of their value (rupiah).
        program: The program code of the realizations; by default each
            record's own `Disbursement.program`.
        region_of: Where each record counts; national when not given.

    Returns:
        One realization per indicator, program, region and month, sorted.

    Raises:
        ValidationError: ``metrics.disbursement_indicator`` for an
            indicator of the wrong unit; ``metrics.disbursement_date`` or
            ``metrics.disbursement_month`` for a record without a month;
            ``metrics.disbursement_value`` for a counted record of unknown
            value when `financial` is given.

    .. versionadded:: 0.1.0
    """
    _check_unit(physical, money=False)
    _check_unit(financial, money=True)
    units: dict[_Key, int] = {}
    values: dict[_Key, list[Rupiah]] = {}
    for index, record in enumerate(disbursements):
        if record.status not in COUNTED_STATUSES:
            continue
        region = None if region_of is None else region_of(record)
        key = (
            record.program if program is None else program,
            region,
            _month(record, index),
        )
        units[key] = units.get(key, 0) + record.count
        if financial is not None:
            value = record.total_value
            if value is None:
                raise ValidationError(
                    "a disbursement counted as financial realization needs "
                    "a value (the aid's amount or its items' values)",
                    code="metrics.disbursement_value",
                    path=f"disbursements[{index}].aid.amount",
                )
            values.setdefault(key, []).append(value)
    found = []
    for key in sorted(units, key=lambda k: (k[0], _region(k[1]), k[2])):
        code, region, month = key
        if physical is not None:
            found.append(
                Realization(
                    indicator=physical,
                    program=code,
                    region=region,
                    period=month,
                    value=units[key],
                )
            )
        if financial is not None:
            found.append(
                Realization(
                    indicator=financial,
                    program=code,
                    region=region,
                    period=month,
                    value=sum_rupiah(values[key]),
                )
            )
    return found


def _region(region: RegionCode | None) -> str:
    return "" if region is None else region.code
