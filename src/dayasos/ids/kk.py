"""
Nomor KK (Nomor Kartu Keluarga), the family card number.

Sixteen digits ``PP KK CC DDMMYY SSSS``, made by SIAK when the card is
issued:

- ``PP KK CC``: the province, kabupaten/kota and kecamatan of issuance;
- ``DDMMYY``: the registration date (no 40 added: it is no birth date);
  the year has two digits, so `get_registration_date` needs ``as_of``;
- ``SSSS``: a serial from 0001.

Unlike a NIK, the KK number changes when the family moves or splits.
`format` groups the parts with dots like a NIK's:
``31.71.01.010120.0001``. Errors never show the whole number.

>>> import datetime
>>> validate("3171010101200001")
'3171010101200001'
>>> format("3171010101200001")
'31.71.01.010120.0001'
>>> get_registration_date("3171010101200001", as_of=datetime.date(2020, 7, 21))
Date(2020, 1, 1)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import InvalidComponent, ValidationError
from dayasos.ids import _parts
from dayasos.ids._region import RegionCode


if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from dayasos.ids._region_table import RegionTable


__all__ = [
    "compact",
    "format",
    "get_province",
    "get_region",
    "get_registration_date",
    "get_serial",
    "is_valid",
    "validate",
]

EXAMPLE = "3171010101200001"
_KIND = {"area": "kk", "label": "KK number", "example": EXAMPLE}


def compact(number: str) -> str:
    """
    Remove spaces, dots and dashes.

    .. versionadded:: 0.1.0
    """
    return _parts.clean(number)


def _dates(number: str) -> list[pendulum.Date]:
    dates = _parts.candidate_dates(
        int(number[6:8]), int(number[8:10]), int(number[10:12])
    )
    if not dates:
        raise InvalidComponent(
            "digits 7-12 of a {label} are the registration date DDMMYY, "
            "e.g. {example} (1 January 2020)",
            code="kk.registration_date",
            value=number,
            personal=True,
            **_KIND,
        )
    return dates


def validate(number: str, *, regions: RegionTable | None = None) -> str:
    """
    Return the 16 digits of a valid KK number, or raise.

    Args:
        number: The number, with or without separators.
        regions: If given, the kecamatan (digits 1-6) must be in it.

    Raises:
        dayasos.errors.ValidationError: With a code such as
            ``kk.length``, ``kk.province`` or ``kk.registration_date``.

    .. versionadded:: 0.1.0
    """
    number = compact(number)
    _parts.check_digits(number, lengths=(16,), personal=True, **_KIND)
    _parts.check_region(number[:6], value=number, personal=True, **_KIND)
    _dates(number)
    _parts.check_serial(number, **_KIND)
    _parts.check_in_table(number, regions, **_KIND)
    return number


def is_valid(number: str, *, regions: RegionTable | None = None) -> bool:
    """
    Whether `number` is a valid KK number; never raises.

    .. versionadded:: 0.1.0
    """
    try:
        validate(number, regions=regions)
    except ValidationError:
        return False
    return True


def format(number: str) -> str:  # noqa: A001 - the shared interface's name
    """
    Show a KK number with its parts apart: ``31.71.01.010120.0001``.

    .. versionadded:: 0.1.0
    """
    number = validate(number)
    return _parts.dotted_number(number)


def get_registration_date(number: str, *, as_of: dt.date) -> pendulum.Date:
    """
    The registration date, its century the latest one not after `as_of`.

    Raises:
        dayasos.errors.InvalidComponent: ``kk.future`` when the date
            falls after `as_of` in both the 1900s and the 2000s.

    .. versionadded:: 0.1.0
    """
    number = validate(number)
    found = _parts.latest_not_after(_dates(number), as_of)
    if found is None:
        raise InvalidComponent(
            "the registration date of this {label} falls after {as_of} in "
            "both the 1900s and the 2000s",
            code="kk.future",
            value=number,
            personal=True,
            as_of=as_of.isoformat(),
            **_KIND,
        )
    return found


def get_region(number: str) -> RegionCode:
    """
    The kecamatan where the card was issued.

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)[:6])


def get_province(number: str) -> RegionCode:
    """
    The province where the card was issued.

    .. versionadded:: 0.1.0
    """
    return RegionCode(validate(number)[:2])


def get_serial(number: str) -> str:
    """
    The last four digits.

    .. versionadded:: 0.1.0
    """
    return validate(number)[12:]
