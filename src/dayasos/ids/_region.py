"""
Kemendagri region codes as a value type.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from dayasos.errors import ValidationError
from dayasos.ids._parts import check_digits, check_region, clean, dotted


__all__ = ["RegionCode", "RegionLevel", "check_region_code"]

EXAMPLE = "31.71.01.1001"
_LENGTHS = (2, 4, 6, 10)


class RegionLevel(enum.Enum):
    """
    The four levels of the Kemendagri region tree.

    Each level's value is the number of digits of its codes.

    >>> RegionLevel.DISTRICT.value
    6

    .. versionadded:: 0.1.0
    """

    PROVINCE = 2
    """Provinsi: ``31``."""
    REGENCY = 4
    """Kabupaten or kota: ``31.71``."""
    DISTRICT = 6
    """Kecamatan (distrik in Papua): ``31.71.01``."""
    VILLAGE = 10
    """Desa or kelurahan: ``31.71.01.1001``."""


def check_region_code(code: str) -> None:
    """Raise unless `code` is the canonical digits of a region code."""
    check_digits(
        code,
        lengths=_LENGTHS,
        area="wilayah",
        label="region code",
        example=EXAMPLE,
        personal=False,
    )
    check_region(
        code,
        value=code,
        area="wilayah",
        label="region code",
        example=EXAMPLE,
        personal=False,
    )


def _validate(_instance: object, _attribute: object, value: str) -> None:
    check_region_code(value)


@attrs.frozen(order=True)
class RegionCode:
    """
    A Kemendagri code of a province, regency, district or village.

    Args:
        code: The canonical digits (2, 4, 6 or 10 of them);
            use `parse` for the dotted form.

    Raises:
        dayasos.errors.ValidationError: The code is malformed
            or names no province, regency, district or village.

    Codes order as the region tree does: a region sorts before
    the regions inside it.

    >>> rc = RegionCode.parse("31.71.01.1001")
    >>> str(rc), rc.level.name, rc.is_kota, rc.is_kelurahan
    ('31.71.01.1001', 'VILLAGE', True, True)
    >>> str(rc.parent), str(rc.province)
    ('31.71.01', '31')

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=_validate)

    @classmethod
    def parse(cls, text: str) -> RegionCode:
        """
        Read a code written with or without dots, e.g. ``"31.71.01"``.

        .. versionadded:: 0.1.0
        """
        return cls(clean(text))

    def __str__(self) -> str:
        return dotted(self.code)

    @property
    def level(self) -> RegionLevel:
        """Province, regency, district or village."""
        return RegionLevel(len(self.code))

    @property
    def parent(self) -> RegionCode | None:
        """The region one level up; `None` for a province."""
        if self.level is RegionLevel.PROVINCE:
            return None
        cut = 6 if self.level is RegionLevel.VILLAGE else len(self.code) - 2
        return RegionCode(self.code[:cut])

    @property
    def province(self) -> RegionCode:
        """The province the region lies in (itself for a province)."""
        return RegionCode(self.code[:2])

    def at_level(self, level: RegionLevel) -> RegionCode:
        """
        The region at `level` that contains this one.

        Raises:
            dayasos.errors.ValidationError: `level` is below this code's.

        >>> str(RegionCode("3171011001").at_level(RegionLevel.REGENCY))
        '31.71'

        .. versionadded:: 0.1.0
        """
        if level.value > len(self.code):
            raise ValidationError(
                "a {have} code has no {want} part, e.g. {example}",
                code="wilayah.level",
                value=str(self),
                have=self.level.name.lower(),
                want=level.name.lower(),
                example=EXAMPLE,
            )
        return RegionCode(self.code[: level.value])

    @property
    def is_kabupaten(self) -> bool:
        """Whether it is or lies in a kabupaten (regency part 01-69)."""
        return len(self.code) >= 4 and self.code[2:4] <= "69"

    @property
    def is_kota(self) -> bool:
        """Whether it is or lies in a kota (regency part 71-99)."""
        return len(self.code) >= 4 and self.code[2:4] >= "71"

    @property
    def is_kelurahan(self) -> bool:
        """Whether it is a kelurahan (village part 1xxx)."""
        return self.level is RegionLevel.VILLAGE and self.code[6] == "1"

    @property
    def is_desa(self) -> bool:
        """Whether it is a desa, a desa adat included (2xxx or 3xxx)."""
        return self.level is RegionLevel.VILLAGE and self.code[6] in "23"

    @property
    def is_desa_adat(self) -> bool:
        """Whether it is a desa adat (village part 3xxx)."""
        return self.level is RegionLevel.VILLAGE and self.code[6] == "3"
