"""
`Tables`: the three tables of a population, held together.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._layout import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
)


if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = ["Tables"]


def _empty(schema: pl.Schema) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)


@attrs.frozen(kw_only=True, eq=False)
class Tables:
    """
    The three tables of a population, joined by ``family_id``.

    Args:
        families: One row per family.
        members: One row per person.
        memberships: One row per membership transition; `None` when the
            data set has no memberships table.

    DataFrames do not compare with ``==``: use `equals`.

    >>> tables = Tables.empty()
    >>> tables.families.columns[:3]
    ['family_id', 'kk', 'region']

    .. versionadded:: 0.1.0
    """

    families: pl.DataFrame
    members: pl.DataFrame
    memberships: pl.DataFrame | None = None

    @classmethod
    def empty(cls) -> Tables:
        """
        Tables with the layout's columns and no rows.

        .. versionadded:: 0.1.0
        """
        return cls(
            families=_empty(FAMILIES_SCHEMA),
            members=_empty(MEMBERS_SCHEMA),
            memberships=_empty(MEMBERSHIPS_SCHEMA),
        )

    @classmethod
    def concat(cls, parts: Iterable[Tables]) -> Tables:
        """
        Stack tables of the same layout, e.g. the chunks of a stream.

        A part without a memberships table adds no memberships rows.

        .. versionadded:: 0.1.0
        """
        chunks = list(parts)
        if not chunks:
            return cls.empty()
        memberships = [
            c.memberships for c in chunks if c.memberships is not None
        ]
        return cls(
            families=pl.concat([c.families for c in chunks]),
            members=pl.concat([c.members for c in chunks]),
            memberships=pl.concat(memberships) if memberships else None,
        )

    def equals(self, other: Tables) -> bool:
        """
        Whether both hold the same columns, types and rows in order.

        .. versionadded:: 0.1.0
        """
        if (self.memberships is None) != (other.memberships is None):
            return False
        same = self.families.equals(other.families) and self.members.equals(
            other.members
        )
        if self.memberships is None or other.memberships is None:
            return same
        return same and self.memberships.equals(other.memberships)
