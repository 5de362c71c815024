"""
Reading the cells of one column: a typed value and a problem per cell.

Every column is read with polars expressions, never row by row:
text columns may come as text, categoricals or integers; numbers as
integers, whole floats or text; dates as dates or ISO text; flags as
booleans or ``true``/``false`` text (other words through
`ColumnMapping.values`). A column of a type that cannot hold its values
(a date column of floats, a datetime) is refused as a whole.

A problem is a stable code, or for NIK, KK and region columns the
area (``nik``, ``kk``, ``wilayah``) that `dayasos.ids` resolves later.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._layout import Column, ColumnKind
from dayasos.batch._tables_ids import (
    compact,
    kk_suspect,
    nik_suspect,
    region_suspect,
)
from dayasos.errors import InvalidFormat


if TYPE_CHECKING:
    from collections.abc import Mapping

    from polars.datatypes import DataType, DataTypeClass


__all__ = [
    "PROBLEMS",
    "ROW",
    "Cells",
    "is_textual",
    "read_cells",
    "wrong_type",
]

#: The name of the row-position column added while reading.
ROW = "__row"

_DATE_TEXT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_TEXTUAL_KINDS = frozenset(
    {
        ColumnKind.TEXT,
        ColumnKind.CODE,
        ColumnKind.NIK,
        ColumnKind.KK,
        ColumnKind.REGION,
    }
)


def is_textual(dtype: DataType | DataTypeClass) -> bool:
    """Whether a column of this type can be read as text."""
    return (
        dtype in {pl.String, pl.Null}
        or isinstance(dtype, (pl.Categorical, pl.Enum))
        or dtype.is_integer()
    )


def wrong_type(
    where: str, expected: str, dtype: DataType | DataTypeClass
) -> InvalidFormat:
    """The error for a column whose type cannot hold its values."""
    return InvalidFormat(
        "expected {expected}, got {kind}",
        code="serialization.wrong_type",
        path=where,
        expected=expected,
        kind=str(dtype),
    )


def _as_text(
    column: pl.Expr,
    dtype: DataType | DataTypeClass,
    codes: Mapping[str, str] | None,
    where: str,
) -> pl.Expr:
    if not is_textual(dtype) and not (codes and dtype == pl.Boolean):
        raise wrong_type(where, "text, a categorical or integers", dtype)
    text = column.cast(pl.String)
    return text.replace(dict(codes)) if codes else text


@attrs.frozen
class Cells:
    """The expressions reading one column: value, problem, text."""

    typed: pl.Expr
    problem: pl.Expr
    raw: pl.Expr


_NO_PROBLEM = pl.lit(None, dtype=pl.String)


def _required(column: Column, value: pl.Expr) -> pl.Expr:
    if not column.required:
        return _NO_PROBLEM
    return pl.when(value.is_null()).then(pl.lit("batch.required"))


def _code_cells(column: Column, text: pl.Expr) -> Cells:
    known = text.is_in(list(column.codes))
    return Cells(
        typed=pl.when(known).then(text),
        problem=pl.when(text.is_null())
        .then(_required(column, text))
        .when(~known)
        .then(pl.lit("serialization.enum")),
        raw=text,
    )


def _bool_cells(column: pl.Expr, text: pl.Expr | None) -> Cells:
    if text is None:
        return Cells(
            typed=column, problem=_NO_PROBLEM, raw=column.cast(pl.String)
        )
    typed = text.replace_strict(
        {"true": True, "false": False}, default=None, return_dtype=pl.Boolean
    )
    return Cells(
        typed=typed,
        problem=pl.when(text.is_not_null() & typed.is_null()).then(
            pl.lit("batch.not_bool")
        ),
        raw=text,
    )


def _int_cells(
    spec: Column, column: pl.Expr, dtype: DataType | DataTypeClass, where: str
) -> Cells:
    if dtype.is_integer():
        number = column.cast(pl.Int64)
        bad = pl.lit(value=False)
    elif dtype.is_float():
        whole = column.is_finite() & (column == column.round(0))
        number = pl.when(whole).then(column.cast(pl.Int64, strict=False))
        bad = column.is_not_null() & number.is_null()
    elif is_textual(dtype):
        text = column.cast(pl.String).str.strip_chars()
        number = text.cast(pl.Int64, strict=False)
        bad = text.is_not_null() & number.is_null()
    else:
        raise wrong_type(where, "whole numbers or text", dtype)
    low = spec.low if spec.low is not None else -(2**63)
    high = spec.high if spec.high is not None else 2**63 - 1
    inside = number.is_between(low, high)
    return Cells(
        typed=pl.when(inside).then(number).cast(spec.dtype),
        problem=pl.when(column.is_null())
        .then(_required(spec, column))
        .when(bad)
        .then(pl.lit("batch.not_int"))
        .when(~inside)
        .then(pl.lit(spec.range_code)),
        raw=column.cast(pl.String),
    )


def _date_cells(
    spec: Column, column: pl.Expr, dtype: DataType | DataTypeClass, where: str
) -> Cells:
    if dtype == pl.Date:
        return Cells(
            typed=column,
            problem=_required(spec, column),
            raw=column.cast(pl.String),
        )
    if dtype != pl.Null and not (
        dtype == pl.String or isinstance(dtype, (pl.Categorical, pl.Enum))
    ):
        raise wrong_type(
            where, 'dates or ISO text such as "2020-07-21"', dtype
        )
    text = column.cast(pl.String)
    parsed = text.str.to_date("%Y-%m-%d", strict=False)
    return Cells(
        typed=parsed,
        problem=pl.when(text.is_null())
        .then(_required(spec, text))
        .when(~text.str.contains(_DATE_TEXT))
        .then(pl.lit("serialization.date_format"))
        .when(parsed.is_null())
        .then(pl.lit("serialization.date_component")),
        raw=text,
    )


def _identifier_cells(spec: Column, text: pl.Expr) -> Cells:
    if spec.kind is ColumnKind.REGION:
        typed = text.str.replace_all(".", "", literal=True)
        suspect = region_suspect(text)
        area = "wilayah"
    else:
        typed = compact(text)
        check = nik_suspect if spec.kind is ColumnKind.NIK else kk_suspect
        suspect = check(typed)
        area = spec.kind.value
    return Cells(
        typed=typed,
        problem=pl.when(suspect).then(pl.lit(area)),
        raw=text,
    )


def _text_cells(spec: Column, text: pl.Expr) -> Cells:
    if spec.kind is ColumnKind.TEXT:
        return Cells(typed=text, problem=_required(spec, text), raw=text)
    if spec.kind is ColumnKind.CODE:
        return _code_cells(spec, text)
    return _identifier_cells(spec, text)


def read_cells(
    spec: Column,
    dtype: DataType | DataTypeClass,
    codes: Mapping[str, str] | None,
    where: str,
) -> Cells:
    """
    Read a column of the layout from a column of type `dtype`.

    Raises:
        ValidationError: ``serialization.wrong_type`` when the type
            cannot hold the column's values.
    """
    column = pl.col(spec.name)
    if spec.kind in _TEXTUAL_KINDS:
        return _text_cells(spec, _as_text(column, dtype, codes, where))
    if spec.kind is ColumnKind.BOOL:
        if dtype == pl.Boolean and not codes:
            return _bool_cells(column, None)
        return _bool_cells(column, _as_text(column, dtype, codes, where))
    if spec.kind is ColumnKind.INT:
        return _int_cells(spec, column, dtype, where)
    return _date_cells(spec, column, dtype, where)


#: The columns of the problems found in cells.
PROBLEMS = pl.Schema(
    {
        ROW: pl.Int64(),
        "field": pl.String(),
        "code": pl.String(),
        "raw": pl.String(),
    }
)


def problem_frame(
    frame: pl.DataFrame, cells: Cells, field: pl.Expr
) -> pl.DataFrame:
    """The rows of `frame` whose cell has a problem."""
    return (
        frame.select(
            pl.col(ROW),
            field.alias("field"),
            cells.problem.alias("code"),
            cells.raw.alias("raw"),
        )
        .filter(pl.col("code").is_not_null())
        .cast(PROBLEMS)
    )
