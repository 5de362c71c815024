"""
A family's raw rows while it is drawn, and the positions of their cells.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import attrs

from dayasos.batch import FAMILY_COLUMNS, MEMBER_COLUMNS


__all__ = [
    "BORN_AT",
    "COMPLETED_AT",
    "FAMILY",
    "MEMBER",
    "PERSON_AT",
    "PREGNANCY_AT",
    "RELATION_AT",
    "SEVERITY_AT",
    "STATE_AT",
    "Draft",
]

#: Column positions in a raw family row and a raw member row.
FAMILY = {c.name: i for i, c in enumerate(FAMILY_COLUMNS)}
MEMBER = {c.name: i for i, c in enumerate(MEMBER_COLUMNS)}
BORN_AT = MEMBER["birth_date"]
STATE_AT = MEMBER["state_employment"]
RELATION_AT = MEMBER["relation"]
PERSON_AT = MEMBER["person_id"]
PREGNANCY_AT = MEMBER["pregnancy"]
COMPLETED_AT = MEMBER["compulsory_completed"]
SEVERITY_AT = MEMBER["disability_severity"]


@attrs.define
class Draft:
    """
    One family's raw rows, still open to changes.

    Args:
        family: Values in the order of `FAMILY_COLUMNS`.
        members: One tuple per member, in the order of `MEMBER_COLUMNS`
            (tuples of plain values, which the garbage collector skips).
        memberships: Rows in the order of `MEMBERSHIP_COLUMNS`.
        changed: Positions of members already given a data error.
    """

    family: tuple[object, ...]
    members: list[tuple[object, ...]]
    memberships: list[tuple[object, ...]]
    changed: set[int] = attrs.field(factory=set)

    @property
    def family_id(self) -> str:
        """The family's id."""
        return str(self.family[FAMILY["family_id"]])

    def set(self, at: int, column: str, value: object) -> None:
        """Change one cell of a member's row."""
        row = list(self.members[at])
        row[MEMBER[column]] = value
        self.members[at] = tuple(row)
