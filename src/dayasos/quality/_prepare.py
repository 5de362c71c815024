"""
The rows of every list, read once into the frames the checks share.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.quality._checks import canonical_program
from dayasos.quality._numbers import compact, resolve, suspect


if TYPE_CHECKING:
    from collections.abc import Sequence

    from dayasos.quality._lists import BeneficiaryList


__all__ = ["Prepared", "prepare"]

_REGION_DIGITS = r"^[0-9]{2,10}$"


@attrs.frozen(kw_only=True, eq=False)
class Prepared:
    """
    Family and member rows of every list, with identifiers checked.

    ``families``: list, program, period, start, stop, row, family_id,
    kk (compact), kk_ok, province, regency.
    ``members``: list, program, period, start, stop, row, family_id,
    person_id, nik (compact), nik_ok, birth_date, sex, deceased,
    died_on, state_employment, kk, kk_ok, province, regency.
    ``memberships``: list, family_id, membership, program, state, since.
    ``invalid``: area, value, code, message, params of the flagged
    numbers that `dayasos.ids` rejects.
    """

    families: pl.DataFrame
    members: pl.DataFrame
    memberships: pl.DataFrame
    invalid: pl.DataFrame


def _list_columns(listed: BeneficiaryList) -> list[pl.Expr]:
    return [
        pl.lit(listed.name, pl.String).alias("list"),
        pl.lit(canonical_program(listed.program), pl.String).alias("program"),
        pl.lit(str(listed.period), pl.String).alias("period"),
        pl.lit(listed.period.start, pl.Date).alias("start"),
        pl.lit(listed.period.stop, pl.Date).alias("stop"),
    ]


def _region() -> list[pl.Expr]:
    digits = pl.col("region").str.replace_all(r"\.", "")
    usable = digits.str.contains(_REGION_DIGITS)
    return [
        pl.when(usable).then(digits.str.slice(0, 2)).alias("province"),
        pl.when(usable & (digits.str.len_chars() >= 4))
        .then(digits.str.slice(0, 4))
        .alias("regency"),
    ]


def _check_numbers(values: pl.Series, area: str) -> pl.DataFrame:
    found = [
        (area, value, *problem)
        for value in values.to_list()
        if (problem := resolve(area, value)) is not None
    ]
    return pl.DataFrame(
        found,
        schema={
            "area": pl.String,
            "value": pl.String,
            "code": pl.String,
            "message": pl.String,
            "params": pl.String,
        },
        orient="row",
    )


def _ok(column: str, bad: pl.DataFrame) -> pl.Expr:
    rejected = bad.get_column("value").cast(pl.String).implode()
    return (
        pl.when(pl.col(column).is_null())
        .then(None)
        .otherwise(~pl.col(column).is_in(rejected))
        .alias(f"{column}_ok")
    )


def prepare(lists: Sequence[BeneficiaryList]) -> Prepared:
    """
    Read every list into shared frames and check its NIK and KK numbers.

    .. versionadded:: 0.1.0
    """
    families = pl.concat(
        [
            listed.families.with_columns(_list_columns(listed))
            for listed in lists
        ],
        how="vertical_relaxed",
    ).with_columns(compact(pl.col("kk")).alias("kk"), *_region())
    members = pl.concat(
        [
            listed.members.with_columns(_list_columns(listed))
            for listed in lists
        ],
        how="vertical_relaxed",
    ).with_columns(compact(pl.col("nik")).alias("nik"))
    memberships = pl.concat(
        [
            listed.memberships.with_columns(
                pl.lit(listed.name, pl.String).alias("list")
            )
            for listed in lists
        ],
        how="vertical_relaxed",
    )
    flagged_kk = families.filter(suspect(pl.col("kk"), female=False))
    flagged_nik = members.filter(suspect(pl.col("nik"), female=True))
    invalid = pl.concat(
        [
            _check_numbers(flagged_kk.get_column("kk").unique().sort(), "kk"),
            _check_numbers(
                flagged_nik.get_column("nik").unique().sort(), "nik"
            ),
        ]
    )
    bad_kk = invalid.filter(pl.col("area") == "kk")
    bad_nik = invalid.filter(pl.col("area") == "nik")
    families = families.with_columns(_ok("kk", bad_kk))
    place = families.unique(
        ["list", "family_id"], keep="first", maintain_order=True
    ).select("list", "family_id", "kk", "kk_ok", "province", "regency")
    members = members.with_columns(_ok("nik", bad_nik)).join(
        place, on=["list", "family_id"], how="left", nulls_equal=False
    )
    return Prepared(
        families=families,
        members=members,
        memberships=memberships,
        invalid=invalid,
    )
