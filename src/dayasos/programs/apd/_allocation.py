"""
Allocating APD kits against the quota of each region.

The April 2020 distribution sent 4,637 packages through the Dinas Sosial
of 32 provinces; the August 2021 one sent 1,000 packages through the
Karang Taruna of each of 514 kabupaten/kota.
Each recipient is decided first; the eligible ones are candidates for
the quota of their region (province in 2020, kabupaten/kota in 2021,
``apd.quota_level``), served by priority then by record id.

>>> import datetime as dt
>>> from dayasos.ids import RegionCode
>>> from dayasos.model import Person
>>> from dayasos.programs.apd import ApdRecipient, PillarRole
>>> people = [
...     ApdRecipient(
...         id=f"r{i}",
...         person=Person(id=f"p{i}"),
...         role=PillarRole.TKSK,
...         region=RegionCode.parse("31.71"),
...     )
...     for i in range(3)
... ]
>>> result = allocate_kits(people, on=dt.date(2020, 4, 13), quota=2)
>>> [g.key for g in result.allocation.served], result.not_eligible
(['r0', 'r1'], ())

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.ids import RegionLevel
from dayasos.programs._quota import Allocation, Candidate, Split, allocate
from dayasos.programs.apd._rules import PROGRAM, load_apd_parameters
from dayasos.rules import Verdict


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Mapping

    from dayasos.policy import ParameterSet
    from dayasos.programs.apd._recipient import ApdRecipient
    from dayasos.rules import Decision


__all__ = ["ApdAllocation", "allocate_kits", "regency_quotas"]

_LEVELS = {
    "province": RegionLevel.PROVINCE,
    "regency": RegionLevel.REGENCY,
}


@attrs.frozen(kw_only=True)
class ApdAllocation:
    """
    The outcome of `allocate_kits`: the allocation and every decision.

    Nobody is lost: recipients decided ineligible or undetermined are
    listed with their decisions.

    .. versionadded:: 0.1.0
    """

    allocation: Allocation
    decisions: tuple[tuple[str, Decision], ...]

    @property
    def not_eligible(self) -> tuple[str, ...]:
        """Ids of the recipients decided ineligible."""
        return self._with(Verdict.INELIGIBLE)

    @property
    def undetermined(self) -> tuple[str, ...]:
        """Ids of the recipients whose data did not decide them."""
        return self._with(Verdict.UNDETERMINED)

    def _with(self, verdict: Verdict) -> tuple[str, ...]:
        return tuple(k for k, d in self.decisions if d.verdict is verdict)


def _region(recipient: ApdRecipient, level: RegionLevel) -> str | None:
    region = recipient.region
    if region is None or len(region.code) < level.value:
        return None
    return region.at_level(level).code


def allocate_kits(
    recipients: Iterable[ApdRecipient],
    *,
    on: dt.date,
    quota: int | None = None,
    split: Split | Mapping[str, int] = Split.PROPORTIONAL,
    priority: Callable[[ApdRecipient], int] | None = None,
    redistribute: bool = False,
    params: ParameterSet | None = None,
) -> ApdAllocation:
    """
    Decide each recipient and allocate the quota to the eligible ones.

    Args:
        recipients: The people proposed for a kit.
        on: The date of the distribution.
        quota: The number of packages; ``apd.quota`` in force on `on`
            when not given.
        split: How the quota is split over regions: given per region
            code (e.g. `regency_quotas`), or in proportion to demand.
        priority: A recipient's priority (1 served first); all equal
            when not given, the record id breaking ties.
        redistribute: Whether packages a region cannot use go to
            recipients left out elsewhere.
        params: The parameters; the shipped ones when not given.

    .. versionadded:: 0.1.0
    """
    found = params or load_apd_parameters()
    at = found.at(on)
    level = _LEVELS[at.value("apd.quota_level", str)]
    total = quota if quota is not None else at.value("apd.quota", int)
    decisions = []
    candidates = []
    for recipient in recipients:
        decision = PROGRAM.decide(recipient, on=on, params=found)
        decisions.append((recipient.id, decision))
        if decision.eligible:
            candidates.append(
                Candidate(
                    key=recipient.id,
                    region=_region(recipient, level),
                    priority=1 if priority is None else priority(recipient),
                    payload=decision,
                )
            )
    allocation = allocate(
        total, candidates, split=split, redistribute=redistribute
    )
    return ApdAllocation(allocation=allocation, decisions=tuple(decisions))


def regency_quotas(
    regencies: Iterable[str],
    *,
    on: dt.date,
    params: ParameterSet | None = None,
) -> dict[str, int]:
    """
    The same number of packages for each kabupaten/kota.

    ``apd.packages_per_regency`` packages each (1,000 in August 2021).

    >>> import datetime as dt
    >>> regency_quotas(["3171", "3273"], on=dt.date(2021, 8, 3))
    {'3171': 1000, '3273': 1000}

    .. versionadded:: 0.1.0
    """
    at = (params or load_apd_parameters()).at(on)
    each = at.value("apd.packages_per_regency", int)
    return dict.fromkeys(sorted(regencies), each)
