"""
Budget lines of a DIPA: ceiling, blocked amount, monthly plan and spending.

A `BudgetLine` is one line of a work unit's budget (DIPA):
its Satker, program, activity (kegiatan), output, and expenditure type
(jenis belanja 51, 52, 53 or 57), the ceiling (pagu), the blocked amount
(blokir), the monthly disbursement plan (rencana penarikan dana, RPD,
page III of the DIPA) and the monthly realization.
Months without a plan or a realization had none (zero).

>>> from dayasos.money import Rupiah
>>> from dayasos.periods import Month
>>> line = BudgetLine(
...     satker="Ditjen Dayasos",
...     program="prokus",
...     activity="Kewirausahaan Sosial",
...     output="KPM yang menerima bantuan",
...     expenditure=ExpenditureType.BANSOS,
...     year=2020,
...     pagu=Rupiah(3_500_000_000),
...     plan={Month(2020, 6): Rupiah(1_750_000_000)},
...     realization={Month(2020, 6): Rupiah(1_000_000_000)},
... )
>>> line.realized_through(Month(2020, 6))
Rupiah(1000000000)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.money import Rupiah, sum_rupiah
from dayasos.periods import Month


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from dayasos.ids import RegionCode


__all__ = ["BudgetLine", "ExpenditureType"]


class ExpenditureType(enum.Enum):
    """
    Expenditure types (jenis belanja) of the economic classification.

    The value is the two-digit account code.

    >>> ExpenditureType("57").key
    'bansos'

    .. versionadded:: 0.1.0
    """

    #: Belanja pegawai: personnel.
    PEGAWAI = "51"
    #: Belanja barang: goods and services.
    BARANG = "52"
    #: Belanja modal: capital.
    MODAL = "53"
    #: Belanja bantuan sosial: social assistance.
    BANSOS = "57"

    @property
    def key(self) -> str:
        """
        The lower-case name used in parameter names (``bansos``).

        .. versionadded:: 0.1.0
        """
        return self.name.lower()


def _months(
    value: Mapping[Month, Rupiah] | None,
) -> Mapping[Month, Rupiah]:
    return MappingProxyType(dict(sorted((value or {}).items())))


def _check_months(
    instance: BudgetLine,
    attribute: attrs.Attribute[Mapping[Month, Rupiah]],
    value: Mapping[Month, Rupiah],
) -> None:
    entries: Iterable[tuple[object, object]] = value.items()
    for month, amount in entries:
        where = f"{attribute.name}[{month}]"
        if not isinstance(month, Month) or month.year != instance.year:
            raise ValidationError(
                "{field} is keyed by the months of {year}, "
                "e.g. Month({year}, 6); got {value!r}",
                code="metrics.budget_month",
                path=where,
                value=month,
                field=attribute.name,
                year=instance.year,
            )
        if not isinstance(amount, Rupiah):
            raise ValidationError(
                "{field} amounts are Rupiah, got {kind} {value!r}",
                code="metrics.budget_amount",
                path=where,
                value=amount,
                field=attribute.name,
                kind=type(amount).__name__,
            )
        if attribute.name == "plan" and amount.amount < 0:
            raise ValidationError(
                "a planned amount is zero or more, got {value}",
                code="metrics.budget_negative",
                path=where,
                value=amount.amount,
            )


def _check_ceiling(
    instance: BudgetLine, attribute: attrs.Attribute[Rupiah], value: Rupiah
) -> None:
    raw: object = value
    if not isinstance(raw, Rupiah) or raw.amount < 0:
        raise ValidationError(
            "{field} is an amount of zero or more Rupiah, got {value!r}",
            code="metrics.budget_ceiling",
            path=attribute.name,
            value=value,
            field=attribute.name,
        )
    if attribute.name == "blokir" and value.amount > instance.pagu.amount:
        raise ValidationError(
            "the blocked amount (blokir) is at most the ceiling {pagu}, "
            "got {value}",
            code="metrics.budget_blokir",
            path="blokir",
            value=value.amount,
            pagu=instance.pagu.amount,
        )


@attrs.frozen(kw_only=True)
class BudgetLine:
    """
    One line of a DIPA for one fiscal year.

    Args:
        satker: The work unit (satuan kerja).
        program: The program's code, e.g. ``"prokus"``.
        activity: The activity (kegiatan).
        output: The output (keluaran, rincian output).
        expenditure: The expenditure type (jenis belanja).
        year: The fiscal year.
        pagu: The ceiling.
        blokir: The blocked part of the ceiling.
        plan: The monthly disbursement plan (RPD, DIPA page III).
        realization: The monthly realization; a month may be negative
            when returns exceed spending.
        region: Where the spending goes; `None` for central spending.

    Raises:
        ValidationError: ``metrics.budget_ceiling`` for a negative or
            non-Rupiah ceiling or blocked amount, ``metrics.budget_blokir``
            when the blocked amount exceeds the ceiling,
            ``metrics.budget_month`` for a month of another year,
            ``metrics.budget_amount`` for an amount that is not Rupiah,
            ``metrics.budget_negative`` for a negative planned amount.

    .. versionadded:: 0.1.0
    """

    satker: str
    program: str
    activity: str
    output: str
    expenditure: ExpenditureType
    year: int
    pagu: Rupiah = attrs.field(validator=_check_ceiling)
    blokir: Rupiah = attrs.field(factory=Rupiah.zero, validator=_check_ceiling)
    plan: Mapping[Month, Rupiah] = attrs.field(
        factory=dict, converter=_months, validator=_check_months, hash=False
    )
    realization: Mapping[Month, Rupiah] = attrs.field(
        factory=dict, converter=_months, validator=_check_months, hash=False
    )
    region: RegionCode | None = None

    @property
    def available(self) -> Rupiah:
        """
        The ceiling minus the blocked amount.

        .. versionadded:: 0.1.0
        """
        return self.pagu - self.blokir

    def planned_through(self, month: Month) -> Rupiah:
        """
        The plan from January to `month`, inclusive.

        .. versionadded:: 0.1.0
        """
        return sum_rupiah(a for m, a in self.plan.items() if m <= month)

    def realized_through(self, month: Month) -> Rupiah:
        """
        The realization from January to `month`, inclusive.

        .. versionadded:: 0.1.0
        """
        return sum_rupiah(a for m, a in self.realization.items() if m <= month)

    def planned_in(self, month: Month) -> Rupiah:
        """
        The plan of one month.

        .. versionadded:: 0.1.0
        """
        return self.plan.get(month, Rupiah(0))

    def realized_in(self, month: Month) -> Rupiah:
        """
        The realization of one month.

        .. versionadded:: 0.1.0
        """
        return self.realization.get(month, Rupiah(0))
