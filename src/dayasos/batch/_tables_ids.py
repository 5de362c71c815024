"""
NIK, KK and region codes checked a whole column at a time.

The polars expressions here follow `dayasos.ids` part by part (digits,
length, province, kabupaten/kota, kecamatan, date, serial) and flag the
values that may be invalid. Each distinct flagged value is then checked
once by `dayasos.ids` itself, which gives the code and the message:
the cost is one Python call per distinct *flagged* value, so a clean
column of ten million NIKs costs no Python call at all.

>>> import polars as pl
>>> column = pl.Series(["3171014107800001", "317101410780001"])
>>> pl.select(nik_suspect(pl.lit(column))).to_series().to_list()
[False, True]
>>> resolve_identifier("nik", "317101410780001")[0]
'nik.length'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import polars as pl

from dayasos.errors import DayasosError, InvalidFormat
from dayasos.ids import RegionCode, kk, nik, wilayah


__all__ = [
    "REGION_DIGITS",
    "SEPARATORS",
    "SIXTEEN_DIGITS",
    "compact",
    "kk_suspect",
    "message_of",
    "nik_suspect",
    "region_suspect",
    "resolve_identifier",
]

#: What `dayasos.ids` removes from a NIK or KK before checking it.
SEPARATORS = r"[\s.\-]"
_PROVINCE_CODES = [p.code for p in wilayah.list_provinces(retired=True)]
_DOTTED = r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$"
#: A NIK or KK number in its canonical form: 16 digits.
SIXTEEN_DIGITS = r"^[0-9]{16}$"
#: A region code in its canonical form: 2, 4, 6 or 10 digits.
REGION_DIGITS = r"^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10})$"


def compact(text: pl.Expr) -> pl.Expr:
    """Remove white space, dots and dashes, as `nik.compact` does."""
    return text.str.replace_all(SEPARATORS, "")


def _number(text: pl.Expr, start: int, length: int) -> pl.Expr:
    return text.str.slice(start, length).cast(pl.Int32, strict=False)


def _region_parts_ok(digits: pl.Expr) -> pl.Expr:
    """Whether region digits (2, 4, 6 or 10 of them) have valid parts."""
    regency = digits.str.slice(2, 2)
    regency_number = _number(digits, 2, 2)
    village = digits.str.slice(6, 4)
    return (
        digits.str.slice(0, 2).is_in(_PROVINCE_CODES)
        & (
            (regency == "")
            | regency_number.is_between(1, 69)
            | (regency_number >= 71)
        )
        & (digits.str.slice(4, 2) != "00")
        & (
            (village == "")
            | (
                village.str.slice(0, 1).is_in(["1", "2", "3"])
                & (village.str.slice(1, 3) != "000")
            )
        )
    )


def _date_exists(day: pl.Expr, number: pl.Expr) -> pl.Expr:
    """Whether DD (already without 40), MM, YY is a date in 19YY or 20YY."""
    rest = pl.concat_str(
        number.str.slice(10, 2),
        pl.lit("-"),
        number.str.slice(8, 2),
        pl.lit("-"),
        day.cast(pl.String).str.zfill(2),
    )
    found = [
        pl.concat_str(pl.lit(century), rest)
        .str.to_date("%Y-%m-%d", strict=False)
        .is_not_null()
        for century in ("19", "20")
    ]
    return found[0] | found[1]


def _number_ok(number: pl.Expr, *, female_offset: bool) -> pl.Expr:
    day = _number(number, 6, 2)
    if female_offset:
        day = pl.when(day > 40).then(day - 40).otherwise(day)
    return (
        number.str.contains(SIXTEEN_DIGITS)
        & _region_parts_ok(number.str.slice(0, 6))
        & _date_exists(day, number)
        & (number.str.slice(12, 4) != "0000")
    )


def nik_suspect(number: pl.Expr) -> pl.Expr:
    """
    True where a compact NIK may be invalid; null stays null.

    .. versionadded:: 0.1.0
    """
    return ~_number_ok(number, female_offset=True).fill_null(value=False) & (
        number.is_not_null()
    )


def kk_suspect(number: pl.Expr) -> pl.Expr:
    """
    True where a compact KK number may be invalid.

    .. versionadded:: 0.1.0
    """
    return ~_number_ok(number, female_offset=False).fill_null(value=False) & (
        number.is_not_null()
    )


def region_suspect(text: pl.Expr) -> pl.Expr:
    """
    True where a region code as written may be invalid.

    Plain digits and the full dotted form are read; anything else is
    flagged, like `dayasos.serialization` does.

    .. versionadded:: 0.1.0
    """
    digits = text.str.replace_all(".", "", literal=True)
    form = text.str.contains(REGION_DIGITS) | text.str.contains(_DOTTED)
    ok = form & _region_parts_ok(digits)
    return ~ok.fill_null(value=False) & text.is_not_null()


def message_of(error: DayasosError) -> str:
    """An error's message without its path."""
    text = str(error)
    prefix = f"{error.path}: "
    return text.removeprefix(prefix) if error.path else text


def _region_problem(text: str) -> tuple[str, str] | None:
    try:
        region = RegionCode.parse(text)
    except DayasosError as exc:
        return exc.error_code, message_of(exc)
    if text in {region.code, str(region)}:
        return None
    error = InvalidFormat(
        'expected a region code written "{dotted}" or "{plain}", '
        "got {value!r}",
        code="serialization.region_format",
        value=text,
        dotted=str(region),
        plain=region.code,
    )
    return error.error_code, message_of(error)


def resolve_identifier(kind: str, text: str) -> tuple[str, str] | None:
    """
    The code and message of an invalid NIK, KK or region code.

    `None` when `dayasos.ids` finds the value valid.

    .. versionadded:: 0.1.0
    """
    if kind == "wilayah":
        return _region_problem(text)
    module = nik if kind == "nik" else kk
    try:
        module.validate(text)
    except DayasosError as exc:
        return exc.error_code, message_of(exc)
    return None
