"""
Komunitas Adat Terpencil (KAT) and its empowerment.

Perpres 186/2014 defines KAT as a group bound by geographic, economic
and/or socio-cultural unity that is poor, remote and/or socio-economically
vulnerable, and lists four criteria (a-d), kept here as typed facts.
Empowerment runs through ordered stages; a community's stage history is
dated like a membership.

>>> import datetime as dt
>>> kat = Community(
...     id="kat-1",
...     criteria=KatCriteria(limited_access=True, remote_location=True),
...     category=KatCategory.CATEGORY_2,
...     families=45,
... )
>>> kat = kat.advance(EmpowermentStage.PEMETAAN_SOSIAL, dt.date(2019, 3, 1))
>>> kat = kat.advance(EmpowermentStage.PEMBERDAYAAN_I, dt.date(2020, 2, 1))
>>> kat.stage_on(dt.date(2019, 12, 31)).value
'pemetaan_sosial'
>>> kat.category.handling_years
2

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.model._history import check_dates


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode
    from dayasos.model._groups import KubeGroup, YouthGroup


__all__ = [
    "Community",
    "EmpowermentStage",
    "KatCategory",
    "KatCriteria",
    "StageEntry",
]


@attrs.frozen(kw_only=True)
class KatCriteria:
    """
    The four KAT criteria of Perpres 186/2014, each `None` when unknown.

    The regulation joins them with "and/or"; how they combine is left to
    the rules.

    Args:
        limited_access: (a) limited access to basic social services.
        closed_homogeneous: (b) closed and homogeneous, livelihood
            depending on natural resources.
        marginal: (c) marginal in rural and urban areas.
        remote_location: (d) living in border, coastal, outermost-island
            or remote areas.

    .. versionadded:: 0.1.0
    """

    limited_access: bool | None = None
    closed_homogeneous: bool | None = None
    marginal: bool | None = None
    remote_location: bool | None = None

    @property
    def values(
        self,
    ) -> tuple[bool | None, bool | None, bool | None, bool | None]:
        """The criteria in the order a-d."""
        return (
            self.limited_access,
            self.closed_homogeneous,
            self.marginal,
            self.remote_location,
        )

    @property
    def met_count(self) -> int:
        """How many criteria are known to be met."""
        return sum(v is True for v in self.values)

    @property
    def all_known(self) -> bool:
        """Whether every criterion was assessed."""
        return all(v is not None for v in self.values)


class KatCategory(enum.Enum):
    """
    KAT categories set from the initial assessment (Kemensos 2015).

    .. versionadded:: 0.1.0
    """

    #: Still strongly holding to custom, hard to reach from outside.
    CATEGORY_1 = 1
    #: Keeps custom but already interacts with outside.
    CATEGORY_2 = 2
    #: Fully interacting with outside.
    CATEGORY_3 = 3

    @property
    def handling_years(self) -> int:
        """Years of empowerment (3, 2, 1), as Dinsos NTB reports."""
        return 4 - self.value


class EmpowermentStage(enum.Enum):
    """
    Stages of KAT empowerment, in order.

    .. versionadded:: 0.1.0
    """

    PEMETAAN_SOSIAL = "pemetaan_sosial"
    #: Penjajagan awal (PA).
    PENJAJAGAN_AWAL = "penjajagan_awal"
    #: Studi kelayakan (SK).
    STUDI_KELAYAKAN = "studi_kelayakan"
    SEMILOKA_DAERAH = "semiloka_daerah"
    #: Sets the location.
    SEMILOKA_NASIONAL = "semiloka_nasional"
    PENYIAPAN_KONDISI_MASYARAKAT = "penyiapan_kondisi_masyarakat"
    PEMBERDAYAAN_I = "pemberdayaan_1"
    PEMBERDAYAAN_II = "pemberdayaan_2"
    PEMBERDAYAAN_III = "pemberdayaan_3"
    #: Pra-mandiri / purna bina: handed over to the region.
    PURNA_BINA = "purna_bina"

    @property
    def rank(self) -> int:
        """Position in the order, from 0."""
        return list(EmpowermentStage).index(self)


@attrs.frozen(kw_only=True)
class StageEntry:
    """
    A stage a community entered on a date.

    .. versionadded:: 0.1.0
    """

    stage: EmpowermentStage
    on: dt.date
    note: str | None = None


def _check_stages(
    instance: Community,
    attribute: attrs.Attribute[tuple[StageEntry, ...] | None],
    stages: tuple[StageEntry, ...] | None,
) -> None:
    del instance, attribute
    if not stages:
        return
    for i in range(1, len(stages)):
        if stages[i].stage.rank <= stages[i - 1].stage.rank:
            raise ValidationError(
                "empowerment stages only move forward: {value} cannot "
                "follow {previous}",
                code="kat.stage_order",
                path=f"stages[{i}].stage",
                value=stages[i].stage.value,
                previous=stages[i - 1].stage.value,
            )
    check_dates([s.on for s in stages], code="kat.stage_dates", path="stages")


def _stages(
    values: Iterable[StageEntry] | None,
) -> tuple[StageEntry, ...] | None:
    return None if values is None else tuple(values)


def _youth_groups(
    values: Iterable[YouthGroup] | None,
) -> tuple[YouthGroup, ...] | None:
    return None if values is None else tuple(values)


def _business_groups(
    values: Iterable[KubeGroup] | None,
) -> tuple[KubeGroup, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class Community:
    """
    A Komunitas Adat Terpencil, as collected.

    Args:
        id: The record's identifier in its data set.
        name: The community's name.
        region: Where it lives.
        criteria: The Perpres 186/2014 criteria.
        category: The KAT category.
        families: How many families (KK) it has.
        stages: The empowerment stages entered, oldest first; stages may
            be skipped but never go back; empty when none has started.
        youth_groups: Its youth groups.
        business_groups: Its business groups (KUBE).

    Raises:
        ValidationError: ``community.families`` for a count below 1;
            ``kat.stage_order`` for a stage not after the previous one;
            ``kat.stage_dates`` for dates going back.

    .. versionadded:: 0.1.0
    """

    id: str
    name: str | None = None
    region: RegionCode | None = None
    criteria: KatCriteria | None = None
    category: KatCategory | None = None
    families: int | None = None
    stages: tuple[StageEntry, ...] | None = attrs.field(
        default=None, converter=_stages, validator=_check_stages
    )
    youth_groups: tuple[YouthGroup, ...] | None = attrs.field(
        default=None, converter=_youth_groups
    )
    business_groups: tuple[KubeGroup, ...] | None = attrs.field(
        default=None, converter=_business_groups
    )

    def __attrs_post_init__(self) -> None:
        if self.families is not None and self.families < 1:
            raise ValidationError(
                "a community has at least one family, got {value}",
                code="community.families",
                path="families",
                value=self.families,
            )

    @property
    def stage(self) -> EmpowermentStage | None:
        """The latest stage; `None` when none has started or unknown."""
        return self.stages[-1].stage if self.stages else None

    def stage_on(self, on: dt.date) -> EmpowermentStage | None:
        """
        The stage on a date; `None` before the first or when unknown.

        .. versionadded:: 0.1.0
        """
        if not self.stages:
            return None
        index = bisect.bisect_right(self.stages, on, key=lambda s: s.on)
        return self.stages[index - 1].stage if index else None

    def advance(
        self,
        stage: EmpowermentStage,
        on: dt.date,
        note: str | None = None,
    ) -> Community:
        """
        This community after entering a stage on a date.

        Raises:
            ValidationError: ``kat.stage_order`` or ``kat.stage_dates``.

        .. versionadded:: 0.1.0
        """
        entry = StageEntry(stage=stage, on=on, note=note)
        return attrs.evolve(self, stages=(*(self.stages or ()), entry))
