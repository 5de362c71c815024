"""
Restorasi Sosial activities: a dated campaign with its participants.

>>> import datetime as dt
>>> from dayasos.model import InstitutionKind
>>> bogor = RestorasiActivity(
...     id="rs-1",
...     held_on=dt.date(2020, 3, 10),
...     theme="kesetiakawanan sosial",
...     participants=[
...         Participants(pillar=InstitutionKind.TKSK, count=40),
...         Participants(pillar=InstitutionKind.KARANG_TARUNA, count=60),
...     ],
... )
>>> bogor.pillar_total
100

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from dayasos.errors import ValidationError


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode
    from dayasos.model import InstitutionKind


__all__ = ["Participants", "RestorasiActivity"]


def _not_negative(
    _: object, attribute: attrs.Attribute[Any], value: int | None
) -> None:
    if value is not None and value < 0:
        raise ValidationError(
            "a number of participants is zero or more, got {value}",
            code="restorasi.count",
            path=attribute.name,
            value=value,
        )


@attrs.frozen(kw_only=True)
class Participants:
    """
    How many people of one social pillar took part.

    Raises:
        ValidationError: ``restorasi.count`` for a negative count.

    .. versionadded:: 0.1.0
    """

    pillar: InstitutionKind
    count: int = attrs.field(validator=_not_negative)


def _participants(
    values: Iterable[Participants] | None,
) -> tuple[Participants, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class RestorasiActivity:
    """
    One Restorasi Sosial activity (a sosialisasi or campaign).

    Args:
        id: The record's identifier.
        held_on: The day it was held.
        region: Where it was held.
        theme: Its theme, e.g. ``"kesetiakawanan sosial"``.
        participants: The participants from social pillars, one line
            per pillar kind; empty when known to have none.
        other_participants: Participants not from a social pillar
            (community members, officials).

    Raises:
        ValidationError: ``restorasi.pillar_repeated`` for a pillar
            listed twice; ``restorasi.count`` for a negative count.

    .. versionadded:: 0.1.0
    """

    id: str
    held_on: dt.date | None = None
    region: RegionCode | None = None
    theme: str | None = None
    participants: tuple[Participants, ...] | None = attrs.field(
        default=None, converter=_participants
    )
    other_participants: int | None = attrs.field(
        default=None, validator=_not_negative
    )

    def __attrs_post_init__(self) -> None:
        seen: set[InstitutionKind] = set()
        for i, line in enumerate(self.participants or ()):
            if line.pillar in seen:
                raise ValidationError(
                    "each pillar is listed once per activity, {value} repeats",
                    code="restorasi.pillar_repeated",
                    path=f"participants[{i}].pillar",
                    value=line.pillar.value,
                )
            seen.add(line.pillar)

    @property
    def pillar_total(self) -> int | None:
        """Participants from every pillar; `None` when not collected."""
        if self.participants is None:
            return None
        return sum(line.count for line in self.participants)
