"""
NIK and KK numbers checked a whole column at a time.

Polars expressions follow `dayasos.ids` part by part (digits, length,
province, kabupaten/kota, kecamatan, date, serial) and flag the values
that may be invalid; each distinct flagged value is then checked once by
`dayasos.ids`, which gives the code and the message. A clean column
costs no Python call.

>>> import polars as pl
>>> numbers = pl.Series(["3171014107800001", "317101410780001"])
>>> pl.select(suspect(pl.lit(numbers), female=True)).to_series().to_list()
[False, True]
>>> resolve("nik", "317101410780001")[0]
'nik.length'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json

import polars as pl

from dayasos.errors import DayasosError
from dayasos.ids import kk, nik, wilayah


__all__ = ["compact", "resolve", "suspect"]

_SEPARATORS = r"[\s.\-]"
_PROVINCES = [p.code for p in wilayah.list_provinces(retired=True)]
_FEMALE_OFFSET = 40


def compact(text: pl.Expr) -> pl.Expr:
    """Remove white space, dots and dashes, as `nik.compact` does."""
    return text.str.replace_all(_SEPARATORS, "")


def _part(text: pl.Expr, start: int, length: int) -> pl.Expr:
    return text.str.slice(start, length).cast(pl.Int32, strict=False)


def _date_exists(day: pl.Expr, number: pl.Expr) -> pl.Expr:
    rest = pl.concat_str(
        number.str.slice(10, 2),
        pl.lit("-"),
        number.str.slice(8, 2),
        pl.lit("-"),
        day.cast(pl.String).str.zfill(2),
    )
    return pl.any_horizontal(
        pl.concat_str(pl.lit(century), rest)
        .str.to_date("%Y-%m-%d", strict=False)
        .is_not_null()
        for century in ("19", "20")
    )


def suspect(number: pl.Expr, *, female: bool) -> pl.Expr:
    """
    True where a compact NIK (`female`) or KK may be invalid.

    Null stays null. A value that is not flagged is valid for
    `dayasos.ids`; a flagged one may still be valid.
    """
    day = _part(number, 6, 2)
    if female:
        day = pl.when(day > _FEMALE_OFFSET).then(day - _FEMALE_OFFSET)
        day = day.otherwise(_part(number, 6, 2))
    regency = _part(number, 2, 2)
    fine = (
        number.str.contains(r"^[0-9]{16}$")
        & number.str.slice(0, 2).is_in(_PROVINCES)
        & (regency.is_between(1, 69) | (regency >= 71))
        & (number.str.slice(4, 2) != "00")
        & _date_exists(day, number)
        & (number.str.slice(12, 4) != "0000")
    )
    return pl.when(number.is_null()).then(None).otherwise(~fine)


def resolve(area: str, number: str) -> tuple[str, str, str] | None:
    """
    Check one number with `dayasos.ids`; None when it is valid.

    Returns:
        The error code, the English message and the message parameters
        as JSON (with the number masked).
    """
    module = nik if area == "nik" else kk
    try:
        module.validate(number)
    except DayasosError as error:
        params = {k: str(v) for k, v in error.params.items()}
        return error.error_code or area, str(error), json.dumps(params)
    return None
