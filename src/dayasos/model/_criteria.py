"""
Criteria of a welfare category as data: an age band and the sexes.

Rules read these to test a person against a category;
the model only states them, with how far they were checked.

>>> band = AgeBand(6, 18)
>>> 6 in band, 19 in band
(True, False)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.ids import Sex


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.model._reference import Confidence


__all__ = ["AgeBand", "CategoryCriteria"]


@attrs.frozen
class AgeBand:
    """
    A band of ages in whole years, both ends included.

    A missing end is open: ``AgeBand(60, None)`` is "60 and over".
    "Under 18" is ``AgeBand(0, 17)``.

    Args:
        minimum: Youngest age in the band, or `None` for no lower bound.
        maximum: Oldest age in the band, or `None` for no upper bound.

    Raises:
        ValidationError: ``age_band.bounds`` when both ends are open,
            an end is negative or the ends are reversed.

    >>> AgeBand(12, 17).contains(17)
    True
    >>> str(AgeBand(60, None))
    '60+'

    .. versionadded:: 0.1.0
    """

    minimum: int | None
    maximum: int | None

    def __attrs_post_init__(self) -> None:
        ends = [e for e in (self.minimum, self.maximum) if e is not None]
        if not ends or min(ends) < 0 or ends != sorted(ends):
            raise ValidationError(
                "an age band has at least one end, no negative end and "
                "minimum <= maximum, e.g. AgeBand(6, 18); "
                "got {minimum}..{maximum}",
                code="age_band.bounds",
                path="age",
                value=(self.minimum, self.maximum),
                minimum=self.minimum,
                maximum=self.maximum,
            )

    def contains(self, age: int) -> bool:
        """
        Whether a person of this age (whole years) is in the band.

        .. versionadded:: 0.1.0
        """
        if self.minimum is not None and age < self.minimum:
            return False
        return self.maximum is None or age <= self.maximum

    def __contains__(self, age: int) -> bool:
        return self.contains(age)

    def __str__(self) -> str:
        if self.maximum is None:
            return f"{self.minimum}+"
        if self.minimum is None:
            return f"<={self.maximum}"
        return f"{self.minimum}-{self.maximum}"


def _to_sexes(values: Iterable[Sex]) -> frozenset[Sex]:
    return frozenset(values)


@attrs.frozen(kw_only=True)
class CategoryCriteria:
    """
    The criteria the law (as far as known) gives a welfare category.

    Args:
        age: The age band, or `None` when no band is known.
        sexes: The sexes the category admits; every sex when the law
            sets no restriction.
        confidence: Whether the criteria were checked against the law.
        note: Further criteria in words, as the source states them.

    >>> from dayasos.ids import Sex
    >>> from dayasos.model import Confidence
    >>> prse = CategoryCriteria(
    ...     age=AgeBand(18, 59),
    ...     sexes={Sex.FEMALE},
    ...     confidence=Confidence.HIGH,
    ... )
    >>> prse.admits_sex(Sex.MALE), prse.admits_age(30)
    (False, True)

    .. versionadded:: 0.1.0
    """

    age: AgeBand | None
    sexes: frozenset[Sex] = attrs.field(
        converter=_to_sexes, factory=lambda: frozenset(Sex)
    )
    confidence: Confidence
    note: str | None = None

    def admits_age(self, age: int | None) -> bool | None:
        """
        Whether the age fits the band; `None` when the age is unknown.

        Without an age band every age fits.

        .. versionadded:: 0.1.0
        """
        if self.age is None:
            return True
        if age is None:
            return None
        return self.age.contains(age)

    def admits_sex(self, sex: Sex | None) -> bool | None:
        """
        Whether the sex is admitted; `None` when the sex is unknown.

        .. versionadded:: 0.1.0
        """
        if self.sexes == frozenset(Sex):
            return True
        if sex is None:
            return None
        return sex in self.sexes
