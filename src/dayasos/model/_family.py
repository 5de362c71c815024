"""
A family (keluarga): the people on one Kartu Keluarga.

>>> from dayasos.model import Person
>>> head = Person(id="p1", name="Budi")
>>> wife = Person(id="p2", name="Ani")
>>> family = Family(
...     id="f1",
...     members=[
...         FamilyMember(person=head, relation=Relation.HEAD),
...         FamilyMember(person=wife, relation=Relation.SPOUSE),
...     ],
...     decile=2,
... )
>>> family.head.name
'Budi'
>>> [p.id for p in family.members_by_relation[Relation.SPOUSE]]
['p2']
>>> family.membership("PKH") is None
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections
import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.model._recipient import FamilyRef


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from dayasos.ids import KK, RegionCode
    from dayasos.model._business import MicroBusiness
    from dayasos.model._membership import Membership
    from dayasos.model._person import Person


__all__ = ["Family", "FamilyMember", "Relation"]

#: The welfare deciles of DTSEN (DTKS covers deciles 1-4).
DECILES = range(1, 11)


class Relation(enum.Enum):
    """
    Relation to the head of the family, as on the Kartu Keluarga.

    .. versionadded:: 0.1.0
    """

    #: Kepala keluarga.
    HEAD = "head"
    #: Suami / istri.
    SPOUSE = "spouse"
    #: Anak.
    CHILD = "child"
    #: Menantu.
    CHILD_IN_LAW = "child_in_law"
    #: Cucu.
    GRANDCHILD = "grandchild"
    #: Orang tua.
    PARENT = "parent"
    #: Mertua.
    PARENT_IN_LAW = "parent_in_law"
    #: Famili lain.
    OTHER_RELATIVE = "other_relative"
    #: Pembantu.
    HOUSEHOLD_HELPER = "household_helper"
    #: Lainnya.
    OTHER = "other"


@attrs.frozen(kw_only=True)
class FamilyMember:
    """
    A person and their relation to the head of the family.

    .. versionadded:: 0.1.0
    """

    person: Person
    relation: Relation


def _members(values: Iterable[FamilyMember]) -> tuple[FamilyMember, ...]:
    return tuple(values)


def _businesses(
    values: Iterable[MicroBusiness] | None,
) -> tuple[MicroBusiness, ...] | None:
    return None if values is None else tuple(values)


def _memberships(
    values: Iterable[Membership] | None,
) -> tuple[Membership, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class Family:
    """
    A family (one KK) as collected.

    Args:
        id: The record's identifier in its data set.
        kk: The KK number; masked in ``repr``.
        members: The members, exactly one of them the head.
        region: Where the family lives, usually a desa/kelurahan.
        decile: The welfare decile (desil 1-10, DTKS/DTSEN).
        businesses: The family's micro businesses; empty when known to
            have none.
        memberships: The family's programme memberships; empty when known
            to have none.

    Raises:
        ValidationError: ``family.head`` unless exactly one member is the
            head; ``family.member_id`` for a repeated `Person.id`;
            ``family.decile`` outside 1-10; ``family.business_owner``
            for a business owner who is not a member.

    .. versionadded:: 0.1.0
    """

    id: str
    kk: KK | None = None
    members: tuple[FamilyMember, ...] = attrs.field(converter=_members)
    region: RegionCode | None = None
    decile: int | None = None
    businesses: tuple[MicroBusiness, ...] | None = attrs.field(
        default=None, converter=_businesses
    )
    memberships: tuple[Membership, ...] | None = attrs.field(
        default=None, converter=_memberships
    )

    def __attrs_post_init__(self) -> None:
        heads = [m for m in self.members if m.relation is Relation.HEAD]
        if len(heads) != 1:
            raise ValidationError(
                "a family has exactly one head (kepala keluarga), got {value}",
                code="family.head",
                path="members",
                value=len(heads),
            )
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            if member.person.id in seen:
                raise ValidationError(
                    "member ids are unique within a family, {value!r} repeats",
                    code="family.member_id",
                    path=f"members[{i}].person.id",
                    value=member.person.id,
                )
            seen.add(member.person.id)
        if self.decile is not None and self.decile not in DECILES:
            raise ValidationError(
                "welfare deciles run from 1 to 10, got {value!r}",
                code="family.decile",
                path="decile",
                value=self.decile,
            )
        for i, business in enumerate(self.businesses or ()):
            if business.owner_id is not None and business.owner_id not in seen:
                raise ValidationError(
                    "a business owner is a member of the family, "
                    "{value!r} is not",
                    code="family.business_owner",
                    path=f"businesses[{i}].owner_id",
                    value=business.owner_id,
                )

    @property
    def head(self) -> Person:
        """The head of the family (kepala keluarga)."""
        return next(
            m.person for m in self.members if m.relation is Relation.HEAD
        )

    @property
    def persons(self) -> tuple[Person, ...]:
        """Every member, in the order of the record."""
        return tuple(m.person for m in self.members)

    @property
    def size(self) -> int:
        """The number of members."""
        return len(self.members)

    @property
    def members_by_relation(self) -> Mapping[Relation, tuple[Person, ...]]:
        """The members grouped by relation; relations absent are left out."""
        groups: dict[Relation, list[Person]] = collections.defaultdict(list)
        for member in self.members:
            groups[member.relation].append(member.person)
        return {relation: tuple(ps) for relation, ps in groups.items()}

    @property
    def ref(self) -> FamilyRef | None:
        """A reference for disbursements; `None` without a KK number."""
        return None if self.kk is None else FamilyRef(kk=self.kk)

    def relation_of(self, person_id: str) -> Relation | None:
        """
        A member's relation to the head; `None` for a non-member.

        .. versionadded:: 0.1.0
        """
        for member in self.members:
            if member.person.id == person_id:
                return member.relation
        return None

    def memberships_of(self, program: str) -> tuple[Membership, ...] | None:
        """
        Every membership in a programme, oldest first.

        `None` when the memberships were not collected.

        .. versionadded:: 0.1.0
        """
        if self.memberships is None:
            return None
        found = [m for m in self.memberships if m.program == program]
        return tuple(sorted(found, key=lambda m: m.started_on))

    def membership(self, program: str) -> Membership | None:
        """
        The latest membership in a programme, or `None`.

        `None` also when the memberships were not collected:
        check `memberships` to tell the two apart.

        .. versionadded:: 0.1.0
        """
        found = self.memberships_of(program)
        return found[-1] if found else None
