"""What the numbered welfare categories (PPKS, PSKS) share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from dayasos.errors import ValidationError


if TYPE_CHECKING:
    from dayasos.model._criteria import CategoryCriteria
    from dayasos.model._reference import LegalReference


__all__ = ["CategoryInfo", "NumberedCategory", "check_number"]


class CategoryInfo(Protocol):
    """The labels, criteria and legal basis of one category."""

    @property
    def label_id(self) -> str:
        """The official Indonesian name."""

    @property
    def label_en(self) -> str:
        """An English rendering of the name."""

    @property
    def criteria(self) -> CategoryCriteria:
        """Criteria as data, with their confidence."""

    @property
    def references(self) -> tuple[LegalReference, ...]:
        """The legal basis, Permensos 08/2012 first."""


def check_number(number: int, *, area: str, count: int, example: str) -> str:
    """
    Return the stable code of the category at an official position.

    Raises:
        ValidationError: ``<area>.number`` outside 1 to `count`.
    """
    if not 1 <= number <= count:
        raise ValidationError(
            "{label} numbers run from 1 to {count}, got {value!r}; "
            "e.g. {example}",
            code=f"{area}.number",
            path="number",
            value=number,
            label=area.upper(),
            count=count,
            example=example,
        )
    return f"{area.upper()}-{number:02d}"


class NumberedCategory:
    """
    Properties shared by the category enums; each supplies `_info`.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    value: str

    if TYPE_CHECKING:
        # Each enum defines it over its own table of labels and criteria.
        def _info(self) -> CategoryInfo: ...

    @property
    def code(self) -> str:
        """The stable code, e.g. ``"PPKS-01"``."""
        return self.value

    @property
    def number(self) -> int:
        """The official position in Permensos 08/2012."""
        return int(self.value.partition("-")[2])

    @property
    def label_id(self) -> str:
        """The official Indonesian name."""
        return self._info().label_id

    @property
    def label_en(self) -> str:
        """An English rendering of the name."""
        return self._info().label_en

    @property
    def criteria(self) -> CategoryCriteria:
        """Criteria as data, with their confidence."""
        return self._info().criteria

    @property
    def references(self) -> tuple[LegalReference, ...]:
        """The legal basis, Permensos 08/2012 first."""
        return self._info().references
