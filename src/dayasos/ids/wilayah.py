"""
Kode wilayah: Kemendagri codes of provinces, regencies, districts, villages.

A code grows two digits a level (Permendagri 58/2021), written with dots:

- province ``31``: the first digit runs west to east, the second counts
  the provinces formed there;
- kabupaten/kota ``31.71``: 01-69 for a kabupaten, 71-99 for a kota;
- kecamatan ``31.71.01``;
- desa/kelurahan ``31.71.01.1001``: the village part starts with
  1 for a kelurahan, 2 for a desa, 3 for a desa adat.

The 38 current provinces and the retired code 54 (Timor Timur) are built
in; a full table of regencies, districts and villages can be loaded from
the official list with `load_region_table`.

>>> validate("31.71.01.1001")
'3171011001'
>>> format("3171011001")
'31.71.01.1001'
>>> get_level("31.71").name
'REGENCY'
>>> get_province_info("32.04").name_en
'West Java'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.errors import ValidationError
from dayasos.ids import _parts
from dayasos.ids._provinces import PROVINCES, Province
from dayasos.ids._region import (
    RegionCode,
    RegionLevel,
    check_region_code,
)
from dayasos.ids._region_table import RegionTable, load_region_table


__all__ = [
    "Province",
    "RegionCode",
    "RegionLevel",
    "RegionTable",
    "compact",
    "format",
    "get_level",
    "get_parent",
    "get_province",
    "get_province_info",
    "is_valid",
    "list_provinces",
    "load_region_table",
    "validate",
]


def compact(number: str) -> str:
    """
    Remove dots, spaces and dashes.

    .. versionadded:: 0.1.0
    """
    return _parts.clean(number)


def validate(number: str) -> str:
    """
    Return the digits of a valid region code (2, 4, 6 or 10), or raise.

    Raises:
        dayasos.errors.ValidationError: With a code such as
            ``wilayah.length``, ``wilayah.province`` or ``wilayah.village``.

    .. versionadded:: 0.1.0
    """
    number = compact(number)
    check_region_code(number)
    return number


def is_valid(number: str) -> bool:
    """
    Whether `number` is a valid region code; never raises.

    .. versionadded:: 0.1.0
    """
    try:
        validate(number)
    except ValidationError:
        return False
    return True


def format(number: str) -> str:  # noqa: A001 - the shared interface's name
    """
    Write the code with dots, as Kemendagri does.

    .. versionadded:: 0.1.0
    """
    return _parts.dotted(validate(number))


def get_level(number: str) -> RegionLevel:
    """
    Province, regency, district or village.

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)).level


def get_parent(number: str) -> RegionCode | None:
    """
    The region one level up, `None` for a province.

    >>> str(get_parent("31.71.01.1001"))
    '31.71.01'

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)).parent


def get_province(number: str) -> RegionCode:
    """
    The province the region lies in.

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)[:2])


def get_province_info(number: str) -> Province:
    """
    The names and history of the province the region lies in.

    .. versionadded:: 0.1.0
    """
    return PROVINCES[validate(number)[:2]]


def list_provinces(*, retired: bool = False) -> tuple[Province, ...]:
    """
    The provinces in code order; with `retired`, retired codes too.

    >>> len(list_provinces()), len(list_provinces(retired=True))
    (38, 39)

    .. versionadded:: 0.1.0
    """
    return tuple(p for p in PROVINCES.values() if retired or p.is_current)
