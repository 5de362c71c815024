"""
Checks shared by the NIK, KK and region-code modules.

Each check raises an `InvalidComponent` whose code starts with the
module's area (``nik``, ``kk``, ``wilayah``), so that a catalog can
translate ``nik.regency`` and ``wilayah.regency`` differently.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

import pendulum

from dayasos.errors import InvalidComponent, InvalidFormat, InvalidLength
from dayasos.ids._provinces import PROVINCES


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.ids._region_table import RegionTable


__all__ = [
    "candidate_dates",
    "check_digits",
    "check_in_table",
    "check_region",
    "check_serial",
    "clean",
    "dotted",
    "dotted_number",
    "latest_not_after",
]

_DIGITS = frozenset("0123456789")
_SEPARATORS = frozenset(".-")

_NOT_DIGITS = (
    "a {label} has only the digits 0-9 once spaces, dots and dashes are "
    "removed, e.g. {example}; got {value!r}"
)
_LENGTH = "a {label} has {expected} digits, e.g. {example}; got {length}"
_PROVINCE = (
    "a {label} starts with a Kemendagri province code such as 31 "
    "(DKI Jakarta), e.g. {example}; {province} is no province code"
)
_REGENCY = (
    "digits 3-4 of a {label} are a kabupaten code 01-69 or a kota code "
    "71-99, e.g. {example}; got {regency}"
)
_DISTRICT = (
    "digits 5-6 of a {label} are a kecamatan code 01-99, "
    "e.g. {example}; got 00"
)
_VILLAGE = (
    "digits 7-10 of a {label} are a village code: 1xxx for a kelurahan, "
    "2xxx for a desa, 3xxx for a desa adat, never x000, e.g. {example}; "
    "got {village}"
)
_SERIAL = (
    "the last 4 digits of a {label} are a serial from 0001, e.g. {example}"
)


_MONTHS = 12
_FEBRUARY = 2
_LEAP_DAY = 29
#: The longest each month can be (February in a leap year).
_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def clean(number: str) -> str:
    """Remove white space, dots and dashes anywhere in `number`."""
    if number.isascii() and number.isdigit():
        return number
    return "".join(c for c in number if not (c.isspace() or c in _SEPARATORS))


def dotted(digits: str) -> str:
    """Group region digits as Kemendagri writes them: ``31.71.01.1001``."""
    parts = [digits[:2], digits[2:4], digits[4:6], digits[6:]]
    return ".".join(p for p in parts if p)


def dotted_number(number: str) -> str:
    """Group a NIK or KK: ``31.71.01.410780.0001``."""
    return f"{dotted(number[:6])}.{number[6:12]}.{number[12:]}"


def check_digits(
    number: str,
    *,
    lengths: tuple[int, ...],
    area: str,
    label: str,
    example: str,
    personal: bool,
) -> None:
    """Raise unless `number` is ASCII digits of one of `lengths`."""
    if not _DIGITS.issuperset(number):
        raise InvalidFormat(
            _NOT_DIGITS,
            code=f"{area}.digits",
            value=number,
            personal=personal,
            label=label,
            example=example,
        )
    if len(number) not in lengths:
        raise InvalidLength(
            _LENGTH,
            code=f"{area}.length",
            value=number,
            personal=personal,
            label=label,
            example=example,
            expected=" or ".join(str(n) for n in lengths),
            length=len(number),
        )


def check_region(
    digits: str,
    *,
    value: str,
    area: str,
    label: str,
    example: str,
    personal: bool,
) -> None:
    """
    Raise unless the 2, 4, 6 or 10 region digits have valid parts.

    The province must be a current or retired Kemendagri code,
    the kabupaten/kota part 01-69 or 71-99, the kecamatan part not 00,
    and the village part 1xxx, 2xxx or 3xxx but not x000.
    """

    def fail(template: str, part: str, **params: str) -> InvalidComponent:
        return InvalidComponent(
            template,
            code=f"{area}.{part}",
            value=value,
            personal=personal,
            label=label,
            example=example,
            **params,
        )

    province, regency = digits[:2], digits[2:4]
    district, village = digits[4:6], digits[6:10]
    if province not in PROVINCES:
        raise fail(_PROVINCE, "province", province=province)
    if regency and not (1 <= int(regency) <= 69 or int(regency) >= 71):
        raise fail(_REGENCY, "regency", regency=regency)
    if district == "00":
        raise fail(_DISTRICT, "district")
    if village and (village[0] not in "123" or village[1:] == "000"):
        raise fail(_VILLAGE, "village", village=village)


def check_in_table(
    number: str,
    regions: RegionTable | None,
    *,
    area: str,
    label: str,
    example: str,
) -> None:
    """Raise when a table is given and lacks the number's kecamatan."""
    if regions is not None and number[:6] not in regions:
        raise InvalidComponent(
            "the kecamatan of this {label} (digits 1-6) is not in the "
            "region table; tables of past codes accept older numbers",
            code=f"{area}.unknown_region",
            value=number,
            personal=True,
            label=label,
            example=example,
        )


def check_serial(number: str, *, area: str, label: str, example: str) -> None:
    """Raise when the last four digits of a NIK or KK are ``0000``."""
    if number.endswith("0000"):
        raise InvalidComponent(
            _SERIAL,
            code=f"{area}.serial",
            value=number,
            personal=True,
            label=label,
            example=example,
        )


def is_real_date(day: int, month: int, yy: int) -> bool:
    """
    Whether a DDMMYY is a real date in the 1900s or the 2000s.

    The same answer as ``bool(candidate_dates(day, month, yy))``,
    without building dates.

    >>> is_real_date(29, 2, 0), is_real_date(29, 2, 1), is_real_date(31, 4, 80)
    (True, False, False)
    """
    if not (1 <= month <= _MONTHS and 1 <= day <= _LONGEST[month - 1]):
        return False
    if month != _FEBRUARY or day < _LEAP_DAY:
        return True
    return calendar.isleap(1900 + yy) or calendar.isleap(2000 + yy)


def candidate_dates(day: int, month: int, yy: int) -> list[pendulum.Date]:
    """
    The real dates that a DDMMYY could be, in the 1900s and 2000s.

    A 29 February is real when either century's year is a leap year.
    """
    found = []
    for century in (1900, 2000):
        try:
            found.append(pendulum.Date(century + yy, month, day))
        except ValueError:
            continue
    return found


def latest_not_after(
    dates: list[pendulum.Date], as_of: dt.date
) -> pendulum.Date | None:
    """The latest of `dates` that is not after `as_of`, or `None`."""
    limit = pendulum.Date(as_of.year, as_of.month, as_of.day)
    earlier = [d for d in dates if d <= limit]
    return max(earlier) if earlier else None
