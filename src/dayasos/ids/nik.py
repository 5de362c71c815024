"""
NIK (Nomor Induk Kependudukan), the Indonesian population number.

Sixteen digits ``PP KK CC DDMMYY SSSS`` (UU 23/2006 Pasal 13;
PP 37/2007 Pasal 37):

- ``PP KK CC``: the province, kabupaten/kota and kecamatan where the NIK
  was issued. A NIK is for life, so these are the codes of that place
  *at that time*: a NIK issued in Papua before the 2022 split keeps 91,
  one issued in Tarakan before 2012 keeps 64 (Kalimantan Timur).
- ``DDMMYY``: the birth date; a woman's day has 40 added (41-71).
  The year has two digits: `get_birth_date` needs an ``as_of`` date.
- ``SSSS``: a serial from 0001 among people with the same first 12 digits.

`format` groups the parts with dots, ``31.71.01.410780.0001``;
`compact` removes dots, spaces and dashes again.
Errors never show the whole number.

>>> import datetime
>>> validate("3171 0141 0780 0001")
'3171014107800001'
>>> format("3171014107800001")
'31.71.01.410780.0001'
>>> get_birth_date("3171014107800001", as_of=datetime.date(2020, 7, 21))
Date(1980, 7, 1)
>>> get_sex("3171014107800001")
<Sex.FEMALE: 'female'>

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import InvalidComponent, ValidationError
from dayasos.ids import _parts
from dayasos.ids._region import RegionCode
from dayasos.ids._sex import Sex


if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from dayasos.ids._region_table import RegionTable


__all__ = [
    "compact",
    "format",
    "get_birth_date",
    "get_province",
    "get_region",
    "get_serial",
    "get_sex",
    "is_valid",
    "validate",
]

EXAMPLE = "3171014107800001"
_KIND = {"area": "nik", "label": "NIK", "example": EXAMPLE}
_FEMALE_OFFSET = 40


def compact(number: str) -> str:
    """
    Remove spaces, dots and dashes.

    >>> compact("31.71.01.410780.0001")
    '3171014107800001'

    .. versionadded:: 0.1.0
    """
    return _parts.clean(number)


def _birth_parts(number: str) -> tuple[int, int, int]:
    day = int(number[6:8])
    if day > _FEMALE_OFFSET:
        day -= _FEMALE_OFFSET
    return day, int(number[8:10]), int(number[10:12])


def _dates(number: str) -> list[pendulum.Date]:
    _check_birth_date(number)
    return _parts.candidate_dates(*_birth_parts(number))


def _check_birth_date(number: str) -> None:
    if not _parts.is_real_date(*_birth_parts(number)):
        raise InvalidComponent(
            "digits 7-12 of a {label} are the birth date DDMMYY, with 40 "
            "added to a woman's day, e.g. {example} (1 July 1980, a woman)",
            code="nik.birth_date",
            value=number,
            personal=True,
            **_KIND,
        )


def validate(number: str, *, regions: RegionTable | None = None) -> str:
    """
    Return the 16 digits of a valid NIK, or raise.

    Args:
        number: The NIK, with or without separators.
        regions: If given, the kecamatan (digits 1-6) must be in it.

    Raises:
        dayasos.errors.ValidationError: With a code such as
            ``nik.length``, ``nik.province`` or ``nik.birth_date``.

    .. versionadded:: 0.1.0
    """
    number = compact(number)
    _parts.check_digits(number, lengths=(16,), personal=True, **_KIND)
    _parts.check_region(number[:6], value=number, personal=True, **_KIND)
    _check_birth_date(number)
    _parts.check_serial(number, **_KIND)
    _parts.check_in_table(number, regions, **_KIND)
    return number


def is_valid(number: str, *, regions: RegionTable | None = None) -> bool:
    """
    Whether `number` is a valid NIK; never raises.

    >>> is_valid("3171014107800001"), is_valid("3171014107800000")
    (True, False)

    .. versionadded:: 0.1.0
    """
    try:
        validate(number, regions=regions)
    except ValidationError:
        return False
    return True


def format(number: str) -> str:  # noqa: A001 - the shared interface's name
    """
    Show a NIK with its parts apart: ``31.71.01.410780.0001``.

    .. versionadded:: 0.1.0
    """
    number = validate(number)
    return _parts.dotted_number(number)


def get_birth_date(number: str, *, as_of: dt.date) -> pendulum.Date:
    """
    The birth date, its century the latest one not after `as_of`.

    A NIK read on 21 July 2020 with year 10 was born in 2010, with year 30
    in 1930. Only the 1900s and 2000s are considered.

    Raises:
        dayasos.errors.InvalidComponent: ``nik.future`` when the date
            falls after `as_of` in both centuries.

    .. versionadded:: 0.1.0
    """
    number = validate(number)
    found = _parts.latest_not_after(_dates(number), as_of)
    if found is None:
        raise InvalidComponent(
            "the birth date of this {label} falls after {as_of} in both "
            "the 1900s and the 2000s",
            code="nik.future",
            value=number,
            personal=True,
            as_of=as_of.isoformat(),
            **_KIND,
        )
    return found


def get_sex(number: str) -> Sex:
    """
    Female when the day of birth has 40 added, else male.

    .. versionadded:: 0.1.0
    """
    number = validate(number)
    return Sex.FEMALE if int(number[6:8]) > _FEMALE_OFFSET else Sex.MALE


def get_region(number: str) -> RegionCode:
    """
    The kecamatan where the NIK was issued.

    >>> str(get_region("3171014107800001"))
    '31.71.01'

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)[:6])


def get_province(number: str) -> RegionCode:
    """
    The province where the NIK was issued.

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)[:2])


def get_serial(number: str) -> str:
    """
    The last four digits, ``"0001"`` for the first of a kind.

    .. versionadded:: 0.1.0
    """
    return validate(number)[12:]
