"""
Quota allocation: share a fixed number of packages among candidates.

A programme with a national quota (100,000 Kemensos Hadir food packages,
4,637 APD kits ...) splits it over regions, then serves each region's
candidates by priority; the candidates left out are reported with a
reason.
Everything is exact integer arithmetic and deterministic:
regions are ordered by code, candidates by priority then by their key,
never by the order they were given in.

>>> people = [
...     Candidate(key="a", region="31", priority=1),
...     Candidate(key="b", region="31", priority=2),
...     Candidate(key="c", region="32", priority=1),
... ]
>>> result = allocate(2, people)
>>> [g.key for g in result.served], [u.key for u in result.unserved]
(['a', 'c'], ['b'])
>>> result.unserved[0].reason.value
'quota_exhausted'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ConfigurationError, ValidationError


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence


__all__ = [
    "Allocation",
    "Candidate",
    "Grant",
    "Split",
    "UnservedCandidate",
    "UnservedReason",
    "allocate",
    "apportion",
]


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    raw: object = value
    if isinstance(raw, bool) or not isinstance(raw, int) or value < 1:
        raise ValidationError(
            "{name} is a whole number of at least 1, got {value!r}",
            code="quota.units",
            path=attribute.name,
            value=raw,
            name=attribute.name,
        )


def _integer(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    raw: object = value
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValidationError(
            "{name} is a whole number (1 is served first), got {value!r}",
            code="quota.priority",
            path=attribute.name,
            value=raw,
            name=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Candidate:
    """
    One candidate for a quota: who, where, how urgent, how many units.

    Args:
        key: A stable identifier (a record id, never a NIK); it breaks
            ties between equal priorities and must be unique.
        region: The region whose quota serves the candidate, usually a
            province code such as ``"31"``; `None` when unknown.
        priority: 1 is served first, then 2 ...
        units: How many packages the candidate receives (all or none,
            unless `allocate` is asked for partial grants).
        payload: Anything the caller wants back (e.g. the decision);
            not compared.

    .. versionadded:: 0.1.0
    """

    key: str
    region: str | None
    priority: int = attrs.field(default=1, validator=_integer)
    units: int = attrs.field(default=1, validator=_positive)
    payload: object = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Grant:
    """
    Units granted to one candidate.

    .. versionadded:: 0.1.0
    """

    key: str
    region: str | None
    units: int
    candidate: Candidate = attrs.field(repr=False)


class UnservedReason(enum.Enum):
    """
    Why a candidate received nothing (or less than asked).

    .. versionadded:: 0.1.0
    """

    #: The quota of the candidate's region was used up.
    QUOTA_EXHAUSTED = "quota_exhausted"
    #: The candidate's region is unknown, so no regional quota applies.
    REGION_UNKNOWN = "region_unknown"
    #: Quotas were given per region and none was given for this one.
    REGION_WITHOUT_QUOTA = "region_without_quota"


@attrs.frozen(kw_only=True)
class UnservedCandidate:
    """
    A candidate left out, or served only in part, and why.

    .. versionadded:: 0.1.0
    """

    key: str
    region: str | None
    reason: UnservedReason
    #: Units asked but not granted.
    units: int
    candidate: Candidate = attrs.field(repr=False)


class Split(enum.Enum):
    """
    How the national quota is split over regions.

    Quotas given region by region are passed as a mapping instead.

    .. versionadded:: 0.1.0
    """

    #: In proportion to the units the region's candidates ask for
    #: (largest remainders, ties to the lower region code).
    PROPORTIONAL = "proportional"
    #: No regional split: one national queue by priority.
    NATIONAL = "national"


@attrs.frozen(kw_only=True)
class Allocation:
    """
    The outcome of `allocate`.

    .. versionadded:: 0.1.0
    """

    #: The national quota.
    quota: int
    #: Each region's quota, in region-code order (`None`: national).
    quotas: tuple[tuple[str | None, int], ...]
    #: Grants in serving order: region by region, priority, key.
    served: tuple[Grant, ...]
    #: Candidates left out or cut short, in the same order.
    unserved: tuple[UnservedCandidate, ...]

    @property
    def used(self) -> int:
        """Units granted."""
        return sum(g.units for g in self.served)

    @property
    def remaining(self) -> int:
        """Units of the national quota not granted."""
        return self.quota - self.used

    def served_in(self, region: str | None) -> int:
        """
        Units granted in one region.

        .. versionadded:: 0.1.0
        """
        return sum(g.units for g in self.served if g.region == region)


def apportion(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """
    Split `total` whole units over keys in proportion to `weights`.

    Largest remainder method: each key gets the floor of its exact share,
    the units left go one each to the largest remainders, ties to the
    smaller key; nothing is lost and the result does not depend on the
    mapping's order.

    >>> apportion(10, {"32": 1, "31": 1, "33": 1})
    {'31': 4, '32': 3, '33': 3}

    Raises:
        ValidationError: ``quota.weights`` for a negative weight or
            when every weight is zero; ``quota.total`` for a negative
            total.

    .. versionadded:: 0.1.0
    """
    _check_quota(total, "total")
    keys = sorted(weights)
    if any(weights[k] < 0 for k in keys) or not any(weights.values()):
        raise ValidationError(
            "weights are zero or more and not all zero, got {value!r}",
            code="quota.weights",
            path="weights",
            value=dict(weights),
        )
    denominator = sum(weights[k] for k in keys)
    shares: dict[str, int] = {}
    remainders: dict[str, int] = {}
    for key in keys:
        shares[key], remainders[key] = divmod(
            total * weights[key], denominator
        )
    left = total - sum(shares.values())
    for key in sorted(keys, key=lambda k: (-remainders[k], k))[:left]:
        shares[key] += 1
    return shares


def _check_quota(value: int, path: str) -> None:
    raw: object = value
    if isinstance(raw, bool) or not isinstance(raw, int) or value < 0:
        raise ValidationError(
            "a quota is a whole number of zero or more, got {value!r}",
            code="quota.total",
            path=path,
            value=raw,
        )


def _order(candidate: Candidate) -> tuple[int, str]:
    return (candidate.priority, candidate.key)


def _region_order(region: str | None) -> tuple[bool, str]:
    return (region is None, region or "")


def _checked(candidates: Iterable[Candidate]) -> list[Candidate]:
    found = list(candidates)
    seen: set[str] = set()
    for i, candidate in enumerate(found):
        if candidate.key in seen:
            raise ValidationError(
                "candidate keys are unique, {value!r} repeats",
                code="quota.duplicate",
                path=f"candidates[{i}].key",
                value=candidate.key,
            )
        seen.add(candidate.key)
    return sorted(found, key=lambda c: (_region_order(c.region), _order(c)))


def _regional_quotas(
    quota: int,
    candidates: Sequence[Candidate],
    split: Split | Mapping[str, int],
) -> dict[str | None, int]:
    if split is Split.NATIONAL:
        return {None: quota}
    if isinstance(split, Split):
        demand: dict[str, int] = {}
        for c in candidates:
            if c.region is not None:
                demand[c.region] = demand.get(c.region, 0) + c.units
        if not demand:
            return {}
        shares: dict[str | None, int] = {}
        if quota >= sum(demand.values()):
            shares.update(demand)
        else:
            shares.update(apportion(quota, demand))
        return shares
    given = dict(split)
    for region in sorted(given):
        _check_quota(given[region], f"regions[{region}]")
    if sum(given.values()) > quota:
        raise ConfigurationError(
            "regional quotas add up to {value}, more than the national "
            "quota of {quota}",
            code="quota.regions_exceed",
            path="regions",
            value=sum(given.values()),
            quota=quota,
        )
    return {region: given[region] for region in sorted(given)}


def allocate(
    quota: int,
    candidates: Iterable[Candidate],
    *,
    split: Split | Mapping[str, int] = Split.PROPORTIONAL,
    redistribute: bool = False,
    partial: bool = False,
) -> Allocation:
    """
    Allocate a national quota of units to candidates, region by region.

    Each region's quota is either given (`split` as a mapping of region
    code to units, adding up to at most `quota`) or derived: in
    proportion to the units its candidates ask for (`Split.PROPORTIONAL`;
    a region never gets more than it asks), or none at all
    (`Split.NATIONAL`: one queue).
    Within a region, candidates are served by priority (1 first), ties
    by key; a candidate whose units do not fit is left out
    (`UnservedReason.QUOTA_EXHAUSTED`) and the next ones are tried.
    With `partial`, a candidate that does not fit gets what is left.
    With `redistribute`, units a region could not use go, in a second
    pass, to the candidates left out everywhere, in national priority
    order (region-less candidates included).
    The national quota is never exceeded.

    >>> people = [Candidate(key=k, region="31") for k in "abc"]
    >>> allocate(5, people, split={"31": 2}, redistribute=True).used
    3

    Raises:
        ValidationError: ``quota.total`` for a negative quota,
            ``quota.duplicate`` for a repeated candidate key.
        ConfigurationError: ``quota.regions_exceed`` when the given
            regional quotas add up to more than the national quota.

    .. versionadded:: 0.1.0
    """
    _check_quota(quota, "quota")
    ordered = _checked(candidates)
    quotas = _regional_quotas(quota, ordered, split)
    left = dict(quotas)
    national = split is Split.NATIONAL
    served: dict[str, int] = {}
    waiting: list[tuple[Candidate, UnservedReason]] = []
    for candidate in ordered:
        region = None if national else candidate.region
        if region not in left:
            reason = (
                UnservedReason.REGION_UNKNOWN
                if region is None
                else UnservedReason.REGION_WITHOUT_QUOTA
            )
            waiting.append((candidate, reason))
            continue
        granted = _take(candidate, left, region, partial=partial)
        if granted:
            served[candidate.key] = granted
        if granted < candidate.units:
            waiting.append((candidate, UnservedReason.QUOTA_EXHAUSTED))
    if redistribute:
        spare: dict[str | None, int] = {None: quota - sum(served.values())}
        for candidate, _ in sorted(waiting, key=lambda w: _order(w[0])):
            asked = candidate.units - served.get(candidate.key, 0)
            probe = attrs.evolve(candidate, units=asked)
            granted = _take(probe, spare, None, partial=partial)
            if granted:
                served[candidate.key] = served.get(candidate.key, 0) + granted
    grants = tuple(
        Grant(key=c.key, region=c.region, units=served[c.key], candidate=c)
        for c in ordered
        if c.key in served
    )
    unserved = tuple(
        UnservedCandidate(
            key=c.key,
            region=c.region,
            reason=reason,
            units=c.units - served.get(c.key, 0),
            candidate=c,
        )
        for c, reason in waiting
        if served.get(c.key, 0) < c.units
    )
    return Allocation(
        quota=quota,
        quotas=tuple(
            (region, quotas[region])
            for region in sorted(quotas, key=_region_order)
        ),
        served=grants,
        unserved=unserved,
    )


def _take(
    candidate: Candidate,
    left: dict[str | None, int],
    region: str | None,
    *,
    partial: bool,
) -> int:
    available = left[region]
    if candidate.units <= available:
        granted = candidate.units
    elif partial:
        granted = available
    else:
        granted = 0
    left[region] = available - granted
    return granted
