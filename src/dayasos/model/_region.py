"""
Rolling entities up the region tree: desa, kecamatan, kab/kota, province.

Anything with a ``region`` (`Family`, `Institution`, `Community`,
`KubeGroup`, `YouthGroup` ...) is `Located`.

>>> from dayasos.ids import RegionCode, RegionLevel
>>> from dayasos.model import YouthGroup
>>> a = YouthGroup(id="a", region=RegionCode.parse("31.71.01.1001"))
>>> b = YouthGroup(id="b", region=RegionCode.parse("31.71.02.1001"))
>>> c = YouthGroup(id="c", region=RegionCode.parse("32.01.01.2001"))
>>> groups = group_by_region([a, b, c], RegionLevel.PROVINCE)
>>> {str(k): [g.id for g in v] for k, v in groups.items()}
{'31': ['a', 'b'], '32': ['c']}

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from dayasos.ids import RegionLevel


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.ids import RegionCode


__all__ = ["Located", "group_by_region"]


class Located(Protocol):
    """
    Anything placed in a region; `None` when the region is unknown.

    .. versionadded:: 0.1.0
    """

    @property
    def region(self) -> RegionCode | None:
        """The region the entity is in."""
        ...


L = TypeVar("L", bound=Located)


def _key(region: RegionCode | None, level: RegionLevel) -> RegionCode | None:
    if region is None or _DEPTH[region.level] < _DEPTH[level]:
        return None
    return region.at_level(level)


_DEPTH = {
    RegionLevel.PROVINCE: 0,
    RegionLevel.REGENCY: 1,
    RegionLevel.DISTRICT: 2,
    RegionLevel.VILLAGE: 3,
}


def group_by_region(
    entities: Iterable[L], level: RegionLevel
) -> dict[RegionCode | None, list[L]]:
    """
    Group entities by their region at a level.

    Nothing is lost: entities whose region is unknown, or known only
    at a coarser level than asked (a province when kecamatan is asked),
    go under the key `None`.
    Keys come in code order, `None` last; each group keeps the entities'
    order.

    .. versionadded:: 0.1.0
    """
    groups: dict[RegionCode | None, list[L]] = {}
    for entity in entities:
        groups.setdefault(_key(entity.region, level), []).append(entity)
    known = sorted(k for k in groups if k is not None)
    ordered: dict[RegionCode | None, list[L]] = {k: groups[k] for k in known}
    if None in groups:
        ordered[None] = groups[None]
    return ordered
