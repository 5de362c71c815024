"""
A KUBE proposal: the families that would form one business group.

A KUBE (Kelompok Usaha Bersama) is proposed by the Dinas Sosial as a
list of families; the rules read each member family's record, so the
proposal holds the families themselves, not only their identifiers as
`dayasos.model.KubeGroup` does.

>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> def family(i):
...     head = FamilyMember(person=Person(id=f"p{i}"), relation=Relation.HEAD)
...     return KubeMember(family=Family(id=f"f{i}", members=[head]))
>>> proposal = KubeProposal(id="kube-1", members=[family(i) for i in range(5)])
>>> proposal.size, proposal.to_group().families[:2]
(5, ('f0', 'f1'))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.model import (
    BusinessKind,
    Family,
    KubeGroup,
    MembershipState,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode


__all__ = ["KubeMember", "KubeProposal"]

_RECEIVED = frozenset(
    {
        MembershipState.ACTIVE,
        MembershipState.SUSPENDED,
        MembershipState.GRADUATED,
        MembershipState.EXITED,
    }
)


@attrs.frozen(kw_only=True)
class KubeMember:
    """
    One member family of a proposed KUBE, represented by its head.

    Args:
        family: The family's record (decile, members, memberships).
        married: Whether the member (the head) is married, as collected.

    .. versionadded:: 0.1.0
    """

    family: Family
    married: bool | None = None

    @property
    def id(self) -> str:
        """The family's record identifier."""
        return self.family.id

    @property
    def programs_received(self) -> tuple[str, ...] | None:
        """
        The programmes the family was ever a beneficiary of.

        A membership counts once it reached ACTIVE (its latest state is
        active, suspended, graduated or exited); a proposal does not.
        `None` when the memberships were not collected.
        """
        found = self.family.memberships
        if found is None:
            return None
        return tuple(
            sorted({m.program for m in found if m.state in _RECEIVED})
        )


def _members(values: Iterable[KubeMember]) -> tuple[KubeMember, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class KubeProposal:
    """
    A proposed KUBE: its member families and the Dinas Sosial's view.

    The group size is checked by the rules (criterion
    ``kube.group_size``), not here, so that a proposal of the wrong size
    is decided ineligible with its reason.

    Args:
        id: The proposal's (the group's) record identifier.
        members: The member families, each once.
        name: The group's name.
        region: Where the group is.
        business: The kind of business it will run.
        recommended: Whether the Dinas Sosial recommends the group.

    Raises:
        ValidationError: ``kube.member_id`` for a family listed twice.

    .. versionadded:: 0.1.0
    """

    id: str
    members: tuple[KubeMember, ...] = attrs.field(converter=_members)
    name: str | None = None
    region: RegionCode | None = None
    business: BusinessKind | None = None
    recommended: bool | None = None
    formed_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            if member.id in seen:
                raise ValidationError(
                    "a family joins a KUBE once, {value!r} repeats",
                    code="kube.member_id",
                    path=f"members[{i}].family.id",
                    value=member.id,
                )
            seen.add(member.id)

    @property
    def size(self) -> int:
        """The number of member families."""
        return len(self.members)

    def to_group(self) -> KubeGroup:
        """
        The `dayasos.model.KubeGroup` the proposal forms.

        Raises:
            ValidationError: ``kube.size`` outside 5-20 families.

        .. versionadded:: 0.1.0
        """
        return KubeGroup(
            id=self.id,
            families=[m.id for m in self.members],
            name=self.name,
            region=self.region,
            business=self.business,
            formed_on=self.formed_on,
        )
