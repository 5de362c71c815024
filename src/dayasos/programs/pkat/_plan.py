"""
Plans of KAT empowerment: dated stages from a start date, by category.

After the preparation (pemetaan sosial, penjajagan awal and studi
kelayakan, the semiloka that set the location, and the penyiapan
kondisi masyarakat), a community is empowered for one to three years,
set by its category (1: three years, 2: two, 3: one), and then handed
over to the region (purna bina).
A plan dates those years from the start of the first year of
empowerment; the preparation stages are not dated, for want of a
source on their length.

>>> import datetime as dt
>>> from dayasos.model import KatCategory
>>> plan = plan_empowerment(KatCategory.CATEGORY_2, dt.date(2021, 3, 1))
>>> [(s.stage.value, str(s.start)) for s in plan.stages]
[('pemberdayaan_1', '2021-03-01'), ('pemberdayaan_2', '2022-03-01'), \
('purna_bina', '2023-03-01')]
>>> plan.stage_on(dt.date(2022, 7, 1)).stage.value
'pemberdayaan_2'
>>> sorted(s.value for s in plan.stage_on(dt.date(2021, 3, 1)).supports)
['guidance', 'housing', 'jaminan_hidup']

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
import pendulum

from dayasos.errors import ValidationError
from dayasos.model import EmpowermentStage, KatCategory
from dayasos.programs.pkat._rules import load_pkat_parameters


if TYPE_CHECKING:
    from dayasos.model import Community
    from dayasos.policy import ParameterSet


__all__ = [
    "EmpowermentPlan",
    "KatSupport",
    "PlannedStage",
    "plan_community",
    "plan_empowerment",
]

#: The yearly empowerment stages, in order.
YEARLY_STAGES = (
    EmpowermentStage.PEMBERDAYAAN_I,
    EmpowermentStage.PEMBERDAYAAN_II,
    EmpowermentStage.PEMBERDAYAAN_III,
)


class KatSupport(enum.Enum):
    """
    Kinds of support a KAT community receives.

    .. versionadded:: 0.1.0
    """

    #: Hunian tetap / permukiman: settlement and houses.
    HOUSING = "housing"
    #: Jaminan hidup: living allowance.
    JAMINAN_HIDUP = "jaminan_hidup"
    #: Bimbingan dan penyuluhan sosial terpadu: guidance.
    GUIDANCE = "guidance"


@attrs.frozen(kw_only=True)
class PlannedStage:
    """
    One planned stage: dates ``[start, stop)`` and the support given.

    Args:
        stage: The empowerment stage.
        start: Its first day.
        stop: The day after its last day; `None` while open-ended
            (purna bina).
        supports: The kinds of support given during the stage.

    .. versionadded:: 0.1.0
    """

    stage: EmpowermentStage
    start: dt.date
    stop: dt.date | None
    supports: frozenset[KatSupport]

    def contains(self, on: dt.date) -> bool:
        """
        Whether a date falls in the stage.

        .. versionadded:: 0.1.0
        """
        return self.start <= on and (self.stop is None or on < self.stop)


@attrs.frozen(kw_only=True)
class EmpowermentPlan:
    """
    The dated plan of one community's empowerment.

    .. versionadded:: 0.1.0
    """

    category: KatCategory
    start: dt.date
    stages: tuple[PlannedStage, ...]

    @property
    def handling_years(self) -> int:
        """The years of empowerment before purna bina."""
        return sum(s.stage in YEARLY_STAGES for s in self.stages)

    @property
    def handed_over_on(self) -> dt.date:
        """The first day of purna bina."""
        return self.stages[-1].start

    def stage_on(self, on: dt.date) -> PlannedStage | None:
        """
        The stage planned on a date; `None` before the start.

        .. versionadded:: 0.1.0
        """
        for stage in self.stages:
            if stage.contains(on):
                return stage
        return None


def _plus_years(start: dt.date, years: int) -> dt.date:
    moved = pendulum.Date(start.year, start.month, start.day).add(years=years)
    return dt.date(moved.year, moved.month, moved.day)


def _supports(
    params: ParameterSet, on: dt.date, stage: EmpowermentStage
) -> frozenset[KatSupport]:
    codes = params.at(on).value(f"pkat.support.{stage.value}", tuple)
    return frozenset(KatSupport(code) for code in codes)


def plan_empowerment(
    category: KatCategory,
    start: dt.date,
    *,
    params: ParameterSet | None = None,
) -> EmpowermentPlan:
    """
    Plan a community's empowerment from the first day of its first year.

    The years of handling come from ``pkat.handling_years.category_<n>``
    and the support of each stage from ``pkat.support.<stage>``, both in
    force on `start`.

    Raises:
        ValidationError: ``pkat.handling_years`` when the parameters set
            a number of years outside 1-3 (there are three yearly
            stages).
        ParameterError: when a parameter is not in force on `start`.

    .. versionadded:: 0.1.0
    """
    found = params or load_pkat_parameters()
    at = found.at(start)
    years = at.value(f"pkat.handling_years.category_{category.value}", int)
    if not 1 <= years <= len(YEARLY_STAGES):
        raise ValidationError(
            "KAT empowerment runs 1 to 3 years, one stage a year; "
            "category {category} got {value}",
            code="pkat.handling_years",
            path=f"pkat.handling_years.category_{category.value}",
            value=years,
            category=category.value,
        )
    stages = [
        PlannedStage(
            stage=stage,
            start=_plus_years(start, i),
            stop=_plus_years(start, i + 1),
            supports=_supports(found, start, stage),
        )
        for i, stage in enumerate(YEARLY_STAGES[:years])
    ]
    stages.append(
        PlannedStage(
            stage=EmpowermentStage.PURNA_BINA,
            start=_plus_years(start, years),
            stop=None,
            supports=_supports(found, start, EmpowermentStage.PURNA_BINA),
        )
    )
    return EmpowermentPlan(
        category=category, start=start, stages=tuple(stages)
    )


def plan_community(
    community: Community,
    start: dt.date,
    *,
    params: ParameterSet | None = None,
) -> EmpowermentPlan:
    """
    Plan a community's empowerment by its category.

    Raises:
        ValidationError: ``pkat.category`` when the community's category
            is unknown (it is set by the penjajagan awal and studi
            kelayakan), and as `plan_empowerment`.

    .. versionadded:: 0.1.0
    """
    if community.category is None:
        raise ValidationError(
            "community {value} has no category yet; the penjajagan awal "
            "and studi kelayakan set it (1, 2 or 3)",
            code="pkat.category",
            path="category",
            value=community.id,
        )
    return plan_empowerment(community.category, start, params=params)
