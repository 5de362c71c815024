"""
Budget absorption (penyerapan) by month and by quarter.

Absorption is the realization to date over the ceiling;
when the rule in force says so (``metrics.absorption.net_of_blokir``,
PER-5/PB/2024 Pasal 9), over the ceiling minus the blocked amount.
Each expenditure type has a cumulative target at the end of each quarter
(``metrics.absorption.target.<type>.tw<n>``, DOMAIN.md section 7.2,
medium confidence from 2024, low before).

A quarter's performance is, per expenditure type, the absorption over its
target, capped at 100%, averaged over the types weighted by their
ceilings: DOMAIN.md says "weighted average of absorption rate vs. target
per jenis belanja" without naming the weights, so dayasos takes the
ceilings (the base of the absorption).
The IKPA absorption indicator is the mean of the quarters' performances.

>>> from dayasos.money import Rupiah
>>> from dayasos.periods import Month
>>> line = BudgetLine(
...     satker="Ditjen Dayasos", program="prokus", activity="KUS",
...     output="KPM", expenditure=ExpenditureType.BANSOS, year=2020,
...     pagu=Rupiah(1_000), realization={Month(2020, 3): Rupiah(300)},
... )
>>> [q] = absorption_by_quarter([line], Month(2020, 3))
>>> q.absorption, q.target, q.performance
(Fraction(3, 10), Fraction(1, 4), Fraction(1, 1))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.metrics._budget import BudgetLine, ExpenditureType
from dayasos.metrics._parameters import number, resolve
from dayasos.money import Rupiah, sum_rupiah
from dayasos.periods import Month, Quarter


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from dayasos.policy import ParameterSet, Snapshot


__all__ = [
    "MonthlyAbsorption",
    "QuarterAbsorption",
    "TypeAbsorption",
    "absorption_base",
    "absorption_by_month",
    "absorption_by_quarter",
    "absorption_target",
    "score_absorption",
]


def ratio(part: Rupiah, whole: Rupiah) -> Fraction | None:
    """The exact ratio of two amounts; `None` when `whole` is zero."""
    return None if whole.amount == 0 else Fraction(part.amount, whole.amount)


def check_year(lines: Sequence[BudgetLine], through: Month) -> None:
    """
    Refuse budget lines of another year than `through`.

    Raises:
        ValidationError: ``metrics.budget_year``.
    """
    for index, line in enumerate(lines):
        if line.year != through.year:
            raise ValidationError(
                "budget lines of one fiscal year are evaluated together; "
                "line {index} is of {value}, the month {month} of {year}",
                code="metrics.budget_year",
                path=f"lines[{index}].year",
                value=line.year,
                index=index,
                month=str(through),
                year=through.year,
            )


def absorption_base(lines: Iterable[BudgetLine], snapshot: Snapshot) -> Rupiah:
    """
    The amount absorption is measured against, by the rule in force.

    The ceiling minus the blocked amount when
    ``metrics.absorption.net_of_blokir`` is true, else the ceiling.

    .. versionadded:: 0.1.0
    """
    net = snapshot.value("metrics.absorption.net_of_blokir", bool)
    return sum_rupiah(line.available if net else line.pagu for line in lines)


def absorption_target(
    expenditure: ExpenditureType,
    quarter: Quarter,
    *,
    parameters: ParameterSet | None = None,
) -> Fraction | None:
    """
    The cumulative absorption target of a type at the end of a quarter.

    >>> absorption_target(ExpenditureType.MODAL, Quarter(2020, 2))
    Fraction(2, 5)

    Returns:
        The exact ratio (1 is 100%); `None` when no target is in force
        on the quarter's last day.

    .. versionadded:: 0.1.0
    """
    snapshot = resolve(parameters).at(quarter.last)
    name = f"metrics.absorption.target.{expenditure.key}.tw{quarter.quarter}"
    if name not in snapshot:
        return None
    return number(snapshot, name) / 100


@attrs.frozen(kw_only=True)
class MonthlyAbsorption:
    """
    Cumulative plan and realization at the end of a month.

    .. versionadded:: 0.1.0
    """

    #: The month.
    month: Month
    #: The amount absorption is measured against.
    base: Rupiah
    #: The plan (RPD) from January to the month.
    planned: Rupiah
    #: The realization from January to the month.
    realized: Rupiah

    @property
    def absorption(self) -> Fraction | None:
        """The realization over the base; `None` for a zero base."""
        return ratio(self.realized, self.base)

    @property
    def planned_absorption(self) -> Fraction | None:
        """The plan over the base; `None` for a zero base."""
        return ratio(self.planned, self.base)


def absorption_by_month(
    lines: Iterable[BudgetLine],
    through: Month,
    *,
    parameters: ParameterSet | None = None,
) -> list[MonthlyAbsorption]:
    """
    Cumulative plan and realization of each month, January to `through`.

    Raises:
        ValidationError: ``metrics.budget_year`` for a line of another
            year.

    .. versionadded:: 0.1.0
    """
    chosen = list(lines)
    check_year(chosen, through)
    snapshot = resolve(parameters).at(through.last)
    base = absorption_base(chosen, snapshot)
    return [
        MonthlyAbsorption(
            month=month,
            base=base,
            planned=sum_rupiah(line.planned_through(month) for line in chosen),
            realized=sum_rupiah(
                line.realized_through(month) for line in chosen
            ),
        )
        for month in (
            Month(through.year, m) for m in range(1, through.month + 1)
        )
    ]


@attrs.frozen(kw_only=True)
class TypeAbsorption:
    """
    The absorption of one expenditure type at the end of a quarter.

    .. versionadded:: 0.1.0
    """

    #: The expenditure type.
    expenditure: ExpenditureType
    #: The amount absorption is measured against.
    base: Rupiah
    #: The realization from January to the end of the quarter.
    realized: Rupiah
    #: The cumulative target; `None` when none is in force.
    target: Fraction | None

    @property
    def absorption(self) -> Fraction | None:
        """The realization over the base; `None` for a zero base."""
        return ratio(self.realized, self.base)

    @property
    def performance(self) -> Fraction | None:
        """
        The absorption over the target, at most 1.

        `None` when either is unknown; 1 for a zero target.
        """
        if self.absorption is None or self.target is None:
            return None
        if self.target == 0:
            return Fraction(1)
        return min(Fraction(1), self.absorption / self.target)


@attrs.frozen(kw_only=True)
class QuarterAbsorption:
    """
    The absorption of a set of budget lines at the end of a quarter.

    .. versionadded:: 0.1.0
    """

    #: The quarter.
    quarter: Quarter
    #: Each expenditure type with a non-zero base.
    types: tuple[TypeAbsorption, ...]

    @property
    def base(self) -> Rupiah:
        """The amount absorption is measured against."""
        return sum_rupiah(t.base for t in self.types)

    @property
    def realized(self) -> Rupiah:
        """The realization from January to the end of the quarter."""
        return sum_rupiah(t.realized for t in self.types)

    @property
    def absorption(self) -> Fraction | None:
        """The realization over the base; `None` for a zero base."""
        return ratio(self.realized, self.base)

    @property
    def target(self) -> Fraction | None:
        """The types' targets weighted by their bases."""
        return _weighted([(t.target, t.base) for t in self.types])

    @property
    def performance(self) -> Fraction | None:
        """The types' performances weighted by their bases."""
        return _weighted([(t.performance, t.base) for t in self.types])


def _weighted(
    pairs: Sequence[tuple[Fraction | None, Rupiah]],
) -> Fraction | None:
    total = sum(base.amount for _, base in pairs)
    if not pairs or total == 0 or any(value is None for value, _ in pairs):
        return None
    return (
        sum(
            (
                value * base.amount
                for value, base in pairs
                if value is not None
            ),
            Fraction(0),
        )
        / total
    )


def quarter_absorption(
    lines: Sequence[BudgetLine],
    quarter: Quarter,
    *,
    parameters: ParameterSet | None = None,
) -> QuarterAbsorption:
    """The absorption of `lines` at the end of `quarter`."""
    snapshot = resolve(parameters).at(quarter.last)
    last = Month.containing(quarter.last)
    types = []
    for expenditure in ExpenditureType:
        chosen = [line for line in lines if line.expenditure is expenditure]
        base = absorption_base(chosen, snapshot)
        if base.amount == 0:
            continue
        types.append(
            TypeAbsorption(
                expenditure=expenditure,
                base=base,
                realized=sum_rupiah(
                    line.realized_through(last) for line in chosen
                ),
                target=absorption_target(
                    expenditure, quarter, parameters=parameters
                ),
            )
        )
    return QuarterAbsorption(quarter=quarter, types=tuple(types))


def absorption_by_quarter(
    lines: Iterable[BudgetLine],
    through: Month,
    *,
    parameters: ParameterSet | None = None,
) -> list[QuarterAbsorption]:
    """
    The absorption at the end of each quarter that ended by `through`.

    Raises:
        ValidationError: ``metrics.budget_year`` for a line of another
            year.

    .. versionadded:: 0.1.0
    """
    chosen = list(lines)
    check_year(chosen, through)
    return [
        quarter_absorption(chosen, quarter, parameters=parameters)
        for quarter in (Quarter(through.year, q) for q in range(1, 5))
        if Month.containing(quarter.last) <= through
    ]


def score_absorption(quarters: Iterable[QuarterAbsorption]) -> Fraction | None:
    """
    The IKPA absorption indicator: the mean quarter performance, 0-100.

    >>> score_absorption([])

    Returns:
        `None` when there is no quarter or a quarter's performance is
        unknown.

    .. versionadded:: 0.1.0
    """
    values = [q.performance for q in quarters]
    if not values or any(v is None for v in values):
        return None
    return (
        sum((v for v in values if v is not None), Fraction(0))
        * 100
        / len(values)
    )
