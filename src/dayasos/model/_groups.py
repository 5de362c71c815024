"""
Groups in a community: business groups (KUBE) and youth groups.

A KUBE (Kelompok Usaha Bersama) brings 5 to 20 poor families living near
each other into one business group.

>>> from dayasos.model import BusinessKind
>>> kube = KubeGroup(
...     id="kube-1",
...     families=[f"f{i}" for i in range(10)],
...     business=BusinessKind.LIVESTOCK,
... )
>>> kube.size
10

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode
    from dayasos.model._business import BusinessKind


__all__ = [
    "KUBE_FAMILIES",
    "KubeGroup",
    "YouthGroup",
    "YouthGroupKind",
]

#: How many families a KUBE has (5-20 KK; reported by the press, 2020).
KUBE_FAMILIES = range(5, 21)


def _family_ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class KubeGroup:
    """
    A Kelompok Usaha Bersama: a business group of 5 to 20 families.

    Args:
        id: The record's identifier in its data set.
        families: The member families' `Family.id`, each once.
        name: The group's name.
        region: Where the group is.
        business: The kind of business it runs.
        formed_on: When the group was formed.

    Raises:
        ValidationError: ``kube.size`` outside 5-20 families;
            ``kube.member_id`` for a family listed twice.

    .. versionadded:: 0.1.0
    """

    id: str
    families: tuple[str, ...] = attrs.field(converter=_family_ids)
    name: str | None = None
    region: RegionCode | None = None
    business: BusinessKind | None = None
    formed_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.families) not in KUBE_FAMILIES:
            raise ValidationError(
                "a KUBE has 5 to 20 member families, got {value}",
                code="kube.size",
                path="families",
                value=len(self.families),
            )
        seen: set[str] = set()
        for i, family in enumerate(self.families):
            if family in seen:
                raise ValidationError(
                    "a family joins a KUBE once, {value!r} repeats",
                    code="kube.member_id",
                    path=f"families[{i}]",
                    value=family,
                )
            seen.add(family)

    @property
    def size(self) -> int:
        """The number of member families."""
        return len(self.families)


class YouthGroupKind(enum.Enum):
    """
    Kinds of youth group (Generasi Muda).

    .. versionadded:: 0.1.0
    """

    #: A Karang Taruna unit of a desa/kelurahan.
    KARANG_TARUNA = "karang_taruna"
    #: Organisasi kepemudaan.
    YOUTH_ORGANISATION = "youth_organisation"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class YouthGroup:
    """
    A youth group, as collected.

    Args:
        id: The record's identifier in its data set.
        kind: The kind of group.
        name: The group's name.
        region: Where the group is.
        members: How many members it has.
        active_since: Since when it is active.

    Raises:
        ValidationError: ``youth_group.members`` for a negative count.

    .. versionadded:: 0.1.0
    """

    id: str
    kind: YouthGroupKind | None = None
    name: str | None = None
    region: RegionCode | None = None
    members: int | None = None
    active_since: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.members is not None and self.members < 0:
            raise ValidationError(
                "a member count is not negative, got {value}",
                code="youth_group.members",
                path="members",
                value=self.members,
            )
