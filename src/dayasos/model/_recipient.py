"""
References to whoever receives aid.

The recipient may be a family, a person, an institution, a community or a
group.

Families and persons are referred to by KK and NIK (masked in ``repr``),
institutions, communities and groups by their record identifier.

>>> InstitutionRef(id="lks-7")
InstitutionRef(id='lks-7')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import attrs


if TYPE_CHECKING:
    from dayasos.ids import KK, NIK


__all__ = [
    "CommunityRef",
    "FamilyRef",
    "GroupRef",
    "InstitutionRef",
    "PersonRef",
    "Recipient",
]


@attrs.frozen(kw_only=True)
class FamilyRef:
    """
    A family, by its KK number.

    .. versionadded:: 0.1.0
    """

    kk: KK


@attrs.frozen(kw_only=True)
class PersonRef:
    """
    A person, by NIK.

    .. versionadded:: 0.1.0
    """

    nik: NIK


@attrs.frozen(kw_only=True)
class InstitutionRef:
    """
    An institution, by `Institution.id`.

    .. versionadded:: 0.1.0
    """

    id: str


@attrs.frozen(kw_only=True)
class CommunityRef:
    """
    A community, by `Community.id`.

    .. versionadded:: 0.1.0
    """

    id: str


@attrs.frozen(kw_only=True)
class GroupRef:
    """
    A business or youth group, by `KubeGroup.id` or `YouthGroup.id`.

    .. versionadded:: 0.1.0
    """

    id: str


#: Whoever receives a disbursement.
Recipient: TypeAlias = (
    FamilyRef | PersonRef | InstitutionRef | CommunityRef | GroupRef
)
