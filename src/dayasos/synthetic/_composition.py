"""
Who lives in a household: relations, sexes and ages.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.model import Relation
from dayasos.synthetic._people import Weighted, between, pick


if TYPE_CHECKING:
    import random


__all__ = ["Someone", "draw_composition"]

_R = Relation
_HEAD = Relation.HEAD.value
_SPOUSE = Relation.SPOUSE.value
_CHILD = Relation.CHILD.value

# Ages of heads of family (rough shares).
_HEAD_AGES = Weighted(
    [
        ((20, 29), 0.12),
        ((30, 39), 0.25),
        ((40, 49), 0.25),
        ((50, 59), 0.2),
        ((60, 69), 0.12),
        ((70, 85), 0.06),
    ]
)


@attrs.frozen
class Someone:
    """One member to draw: relation to the head, sex and age."""

    relation: str
    female: bool
    age: int


def draw_composition(rng: random.Random, size: int) -> list[Someone]:
    """
    The members of a household of `size`: relation, sex and age.

    A head (a woman in 16% of families), most often a spouse, sometimes
    a parent of the head, then children whose ages fit their mother's,
    grandchildren when the head is older.
    """
    female_head = rng.random() < 0.16
    low, high = _HEAD_AGES.draw(rng)
    head_age = between(rng, low, high)
    people = [Someone(_HEAD, female_head, head_age)]
    slots = size - 1
    if slots and rng.random() < (0.2 if female_head else 0.9):
        gap = between(rng, 0, 8)
        age = head_age + gap if female_head else head_age - gap
        people.append(Someone(_SPOUSE, not female_head, max(age, 17)))
        slots -= 1
    if slots and head_age < 60 and rng.random() < 0.12:
        relation = pick(rng, (_R.PARENT.value, _R.PARENT_IN_LAW.value))
        age = min(head_age + between(rng, 20, 32), 98)
        people.append(Someone(relation, rng.random() < 0.7, age))
        slots -= 1
    mother = next((p.age for p in people[:2] if p.female), head_age)
    for _ in range(slots):
        female = rng.random() < 0.5
        if head_age >= 55 and rng.random() < 0.3:
            people.append(
                Someone(_R.GRANDCHILD.value, female, between(rng, 0, 15))
            )
        elif rng.random() < 0.02:
            people.append(
                Someone(_R.OTHER_RELATIVE.value, female, between(rng, 5, 60))
            )
        else:
            high = max(0, min(mother - 16, 35))
            low = min(max(0, mother - 45), high)
            people.append(Someone(_CHILD, female, between(rng, low, high)))
    return people
