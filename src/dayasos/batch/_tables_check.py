"""
Problems across rows and the words for every problem.

Checks across rows run on whole columns: family ids given twice,
members and memberships of no family, the number of heads per family,
member ids repeated in a family, and, when asked, the consistency of
NIKs (one NIK per person; the NIK's birth date and sex agree with the
recorded ones).

Messages are made once per distinct (column, code, value), so a column
with one bad code on a million rows makes one message.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import polars as pl

from dayasos.batch._layout import BUSINESS_FIELDS, Column
from dayasos.batch._tables_cells import ROW
from dayasos.batch._tables_ids import message_of, resolve_identifier
from dayasos.batch._tables_rejects import reason_message
from dayasos.errors import (
    InvalidComponent,
    InvalidFormat,
    ValidationError,
    mask_personal,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping


__all__ = [
    "IDENTIFIER_AREAS",
    "PROBLEMS",
    "cell_messages",
    "consistency_problems",
    "family_problems",
    "orphan_problems",
    "scrub",
    "shown",
]

#: The problem areas that `dayasos.ids` resolves to a code.
IDENTIFIER_AREAS = frozenset({"nik", "kk", "wilayah"})

#: The columns of a located problem, before its family is known.
PROBLEMS = pl.Schema(
    {
        ROW: pl.Int64(),
        "field": pl.String(),
        "code": pl.String(),
        "raw": pl.String(),
        "message": pl.String(),
    }
)

_LONG_DIGITS = re.compile(r"[0-9]{16,}")
_SHOWN = 40
_CHOICES = 12
_BUSINESS = {spec.name: spec for spec in BUSINESS_FIELDS}


def scrub(text: str) -> str:
    """Mask every run of 16 or more digits (a NIK or a KK) in text."""
    return _LONG_DIGITS.sub(lambda m: mask_personal(m.group()), text)


def shown(text: str | None) -> str | None:
    """A cell's text for a message: NIK-like digits masked, shortened."""
    if text is None:
        return None
    text = scrub(text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


_reason = reason_message


def _enum_message(spec: Column, raw: str | None) -> str:
    codes = spec.codes
    listed = ", ".join(repr(c) for c in codes[:_CHOICES])
    if len(codes) > _CHOICES:
        listed += f" ... ({len(codes)} codes)"
    enum_name = spec.enum_type.__name__ if spec.enum_type else spec.name
    return message_of(
        InvalidFormat(
            "expected a code of {enum} ({choices}), got {value!r}",
            code="serialization.enum",
            value=shown(raw),
            enum=enum_name,
            choices=listed,
        )
    )


def _date_message(code: str, raw: str) -> str:
    if code == "serialization.date_format":
        return message_of(
            InvalidFormat(
                'expected an ISO date such as "2020-07-21", got {value!r}',
                code="serialization.date_format",
                value=shown(raw),
            )
        )
    try:
        dt.date.fromisoformat(raw)
    except ValueError as exc:
        reason = str(exc)
    else:
        reason = "out of range"
    return message_of(
        InvalidComponent(
            "not a calendar date: {value!r} ({reason})",
            code="serialization.date_component",
            value=raw,
            reason=reason,
        )
    )


def _decile_message(raw: str) -> str:
    value: object = int(raw) if raw.lstrip("-").isdigit() else raw
    return message_of(
        ValidationError(
            "welfare deciles run from 1 to 10, got {value!r}",
            code="family.decile",
            value=value,
        )
    )


def _spec_of(columns: Mapping[str, Column], field: str) -> Column:
    if field.startswith("businesses["):
        return _BUSINESS[field.rsplit(".", 1)[1]]
    return columns[field]


def _one_message(
    spec: Column, field: str, code: str, raw: str | None
) -> tuple[str, str] | None:
    if code in IDENTIFIER_AREAS:
        return None if raw is None else resolve_identifier(code, raw)
    text = raw if raw is not None else ""
    words: dict[str, Callable[[], str]] = {
        "batch.required": lambda: _reason(code, column=field),
        "batch.not_bool": lambda: _reason(code, shown(raw)),
        "batch.not_int": lambda: _reason(
            code, shown(raw), low=spec.low, high=spec.high
        ),
        "serialization.enum": lambda: _enum_message(spec, raw),
        "serialization.date_format": lambda: _date_message(code, text),
        "serialization.date_component": lambda: _date_message(code, text),
        "family.decile": lambda: _decile_message(text),
    }
    return code, words[code]()


def cell_messages(
    problems: pl.DataFrame, columns: Iterable[Column]
) -> pl.DataFrame:
    """
    Give every cell problem its final code and message.

    Identifier problems that `dayasos.ids` finds valid are dropped.
    """
    by_name = {c.name: c for c in columns}
    keys = problems.select("field", "code", "raw").unique(maintain_order=True)
    found: list[tuple[str, str, str | None, str | None, str | None]] = []
    for field, code, raw in keys.iter_rows():
        result = _one_message(_spec_of(by_name, field), field, code, raw)
        final, message = (None, None) if result is None else result
        found.append((field, code, raw, final, message))
    words = pl.DataFrame(
        found,
        schema={
            "field": pl.String,
            "code": pl.String,
            "raw": pl.String,
            "final": pl.String,
            "message": pl.String,
        },
        orient="row",
    )
    return (
        problems.join(
            words, on=["field", "code", "raw"], how="left", nulls_equal=True
        )
        .filter(pl.col("final").is_not_null())
        .select(
            pl.col(ROW),
            pl.col("field"),
            pl.col("final").alias("code"),
            pl.col("raw"),
            pl.col("message"),
        )
    )


def _rows(
    frame: pl.DataFrame,
    field: str,
    code: str,
    raw: Callable[[dict[str, Any]], str | None],
    message: Callable[[dict[str, Any]], str],
) -> pl.DataFrame:
    rows = [
        (row[ROW], field, code, raw(row), message(row))
        for row in frame.iter_rows(named=True)
    ]
    return pl.DataFrame(rows, schema=PROBLEMS, orient="row")


def orphan_problems(
    frame: pl.DataFrame, family_ids: pl.Series
) -> pl.DataFrame:
    """Rows whose family id is on no row of the families table."""
    orphans = frame.filter(
        pl.col("family_id").is_not_null()
        & ~pl.col("family_id").is_in(family_ids.implode())
    )
    return _rows(
        orphans,
        "family_id",
        "batch.orphan",
        lambda r: str(r["family_id"]),
        lambda r: _reason("batch.orphan", r["family_id"]),
    )


def family_problems(
    families: pl.DataFrame, members: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """
    Family ids given twice, heads per family, member ids repeated.

    Returns the problems of the families table and of the members table.
    """
    family_id = pl.col("family_id")
    counted = families.with_columns(count=pl.len().over("family_id"))
    twice = counted.filter(family_id.is_not_null() & (pl.col("count") > 1))
    heads = (
        members.filter(pl.col("relation") == "head")
        .group_by("family_id")
        .agg(heads=pl.len())
    )
    headless = (
        counted.filter(family_id.is_not_null() & (pl.col("count") == 1))
        .join(heads, on="family_id", how="left")
        .with_columns(pl.col("heads").fill_null(0))
        .filter(pl.col("heads") != 1)
    )
    repeated = members.filter(
        family_id.is_not_null()
        & pl.col("person_id").is_not_null()
        & ~pl.struct("family_id", "person_id").is_first_distinct()
    )
    family_rows = pl.concat(
        [
            _rows(
                twice,
                "family_id",
                "batch.duplicate_family",
                lambda r: str(r["family_id"]),
                lambda r: _reason(
                    "batch.duplicate_family", r["family_id"], count=r["count"]
                ),
            ),
            _rows(
                headless,
                "members",
                "family.head",
                lambda r: str(r["heads"]),
                lambda r: message_of(
                    ValidationError(
                        "a family has exactly one head (kepala keluarga), "
                        "got {value}",
                        code="family.head",
                        value=r["heads"],
                    )
                ),
            ),
        ]
    )
    member_rows = _rows(
        repeated,
        "person_id",
        "family.member_id",
        lambda r: str(r["person_id"]),
        lambda r: message_of(
            ValidationError(
                "member ids are unique within a family, {value!r} repeats",
                code="family.member_id",
                value=r["person_id"],
            )
        ),
    )
    return family_rows, member_rows


def _families_text(ids: list[str]) -> str:
    shown_ids = ", ".join(repr(i) for i in ids[:3])
    return shown_ids + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")


def consistency_problems(members: pl.DataFrame) -> pl.DataFrame:
    """
    NIKs on two rows, and NIKs whose birth date or sex disagree.

    `members` holds only the rows whose NIK is valid.
    """
    nik = pl.col("nik")
    day = nik.str.slice(6, 2).cast(pl.Int32)
    birth = pl.col("birth_date")
    repeated = members.with_columns(
        count=pl.len().over("nik"),
        families=pl.col("family_id")
        .unique(maintain_order=True)
        .over("nik", mapping_strategy="join"),
    ).filter(pl.col("count") > 1)
    born_else = members.filter(
        birth.is_not_null()
        & (
            (pl.when(day > 40).then(day - 40).otherwise(day) != birth.dt.day())
            | (nik.str.slice(8, 2).cast(pl.Int32) != birth.dt.month())
            | (nik.str.slice(10, 2).cast(pl.Int32) != birth.dt.year() % 100)
        )
    )
    other_sex = members.filter(
        pl.col("sex").is_not_null()
        & ((day > 40) != (pl.col("sex") == "female"))
    )
    return pl.concat(
        [
            _rows(
                repeated,
                "nik",
                "batch.duplicate_nik",
                lambda r: str(r["nik"]),
                lambda r: _reason(
                    "batch.duplicate_nik",
                    count=r["count"],
                    families=_families_text(list(r["families"])),
                ),
            ),
            _rows(
                born_else,
                "birth_date",
                "batch.nik_birth_date",
                lambda r: str(r["birth_date"]),
                lambda r: _reason("batch.nik_birth_date", r["birth_date"]),
            ),
            _rows(
                other_sex,
                "sex",
                "batch.nik_sex",
                lambda r: str(r["sex"]),
                lambda r: _reason("batch.nik_sex", r["sex"]),
            ),
        ]
    )
