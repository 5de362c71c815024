"""
Checks across chunks, on the key columns of a whole population.

Before the first chunk is read, the key columns alone (row number,
family id, a hash of each NIK) are read for every row: family ids on
several families rows, members and memberships rows of no family (or of
no family id), and NIKs on several member rows are found there, so that
they do not depend on how the population is cut into chunks. Repeats
are found by sorting, which needs less memory than a hash table; the
NIKs of rows whose hash repeats are read again to confirm them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import polars as pl

from dayasos.batch._tables_check import _families_text
from dayasos.batch._tables_ids import SIXTEEN_DIGITS, compact
from dayasos.batch._tables_rejects import REJECTS_SCHEMA, reason_message
from dayasos.errors import mask_personal


__all__ = [
    "HASH",
    "ROW",
    "duplicate_families",
    "duplicate_niks",
    "keys",
    "nik_digits",
    "orphans",
]

#: The row number of each input row, added to every table read.
ROW = "__row"
#: The hash of a member's NIK among the key columns.
HASH = "__nik_hash"
_FID = pl.col("family_id")


def nik_digits() -> pl.Expr:
    """A member's NIK compacted, null unless it is 16 digits."""
    digits = compact(pl.col("nik").cast(pl.String))
    return pl.when(digits.str.contains(SIXTEEN_DIGITS)).then(digits)


def keys(lazy: pl.LazyFrame, *, nik: bool = False) -> pl.DataFrame:
    """
    Row numbers and family ids; with `nik`, a hash of each NIK.

    The hash (8 bytes) stands in for the NIK while duplicates are
    looked for; the NIKs of rows whose hash repeats are read again.
    """
    columns = [pl.col(ROW).cast(pl.Int64), _FID.cast(pl.String)]
    if nik:
        digits = compact(pl.col("nik").cast(pl.String))
        columns.append(
            pl.when(digits.str.contains(SIXTEEN_DIGITS))
            .then(digits.hash())
            .alias(HASH)
        )
    return lazy.select(columns).collect()


def _rejects(
    table: str, frame: pl.DataFrame, field: str, code: str, message: pl.Expr
) -> pl.DataFrame:
    return frame.select(
        pl.lit(table).alias("table"),
        pl.col(ROW).alias("row"),
        _FID.alias("family_id"),
        pl.lit(None, pl.String).alias("person_id"),
        pl.lit(field).alias("field"),
        pl.lit(code).alias("code"),
        message.alias("message"),
        _FID.alias("value"),
    ).cast(REJECTS_SCHEMA)


def orphans(
    table: str, keys: pl.DataFrame, family_ids: pl.Series
) -> pl.DataFrame:
    """Rows of no family (``batch.orphan``) or no family id."""
    orphan = keys.filter(
        _FID.is_not_null() & ~_FID.is_in(family_ids.implode())
    )
    words = {
        fid: reason_message("batch.orphan", fid)
        for fid in orphan.get_column("family_id").unique().to_list()
    }
    missing = keys.filter(_FID.is_null())
    return pl.concat(
        [
            _rejects(
                table,
                orphan,
                "family_id",
                "batch.orphan",
                _FID.replace_strict(words, return_dtype=pl.String),
            ),
            _rejects(
                table,
                missing,
                "family_id",
                "batch.required",
                pl.lit(reason_message("batch.required", column="family_id")),
            ),
        ]
    )


def duplicate_families(keys: pl.DataFrame) -> pl.DataFrame:
    """Families rows whose family id is on several rows."""
    fid = _FID.sort()
    repeated = (
        keys.select(fid)
        .filter(_FID.is_not_null())
        .filter((_FID.shift(1) == _FID) | (_FID.shift(-1) == _FID))
    )
    twice = keys.filter(
        _FID.is_in(repeated.get_column("family_id").implode())
    ).with_columns(count=pl.len().over("family_id"))
    words = {
        (fid, count): reason_message(
            "batch.duplicate_family", fid, count=count
        )
        for fid, count in twice.select("family_id", "count").unique().rows()
    }
    messages = [
        words[key] for key in twice.select("family_id", "count").rows()
    ]
    return _rejects(
        "families",
        twice.with_columns(message=pl.Series(messages, dtype=pl.String)),
        "family_id",
        "batch.duplicate_family",
        pl.col("message"),
    )


def duplicate_niks(keys: pl.DataFrame, members: pl.LazyFrame) -> pl.DataFrame:
    """Rows of NIKs on several member rows: `ROW`, message, value."""
    nik = pl.col("nik")
    # Sorting finds repeated hashes with less memory than a hash table.
    hashed = pl.col(HASH)
    candidates = (
        keys.select(ROW, HASH)
        .filter(hashed.is_not_null())
        .sort(HASH)
        .filter((hashed == hashed.shift(1)) | (hashed == hashed.shift(-1)))
        .get_column(ROW)
        .sort()
    )
    repeated = (
        members.filter(pl.col(ROW).is_in(candidates.implode()))
        .select(
            pl.col(ROW).cast(pl.Int64),
            _FID.cast(pl.String),
            nik_digits().alias("nik"),
        )
        .collect()
        .with_columns(count=pl.len().over("nik"))
        .filter(pl.col("count") > 1)
        .sort(ROW)
    )
    grouped = repeated.group_by("nik", maintain_order=True).agg(
        pl.col("count").first(),
        pl.col("family_id").unique(maintain_order=True).alias("families"),
    )
    words = {
        number: (
            reason_message(
                "batch.duplicate_nik",
                count=count,
                families=_families_text(list(families)),
            ),
            mask_personal(number),
        )
        for number, count, families in grouped.iter_rows()
    }
    return repeated.select(
        pl.col(ROW),
        nik.replace_strict(
            {k: v[0] for k, v in words.items()}, return_dtype=pl.String
        ).alias("message"),
        nik.replace_strict(
            {k: v[1] for k, v in words.items()}, return_dtype=pl.String
        ).alias("value"),
    )
