"""
Reading one table of the layout: every column, lists included.

The PPKS list and the businesses list are exploded to one row per item
so that their items are read and checked like any other cells.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._layout import BUSINESS_FIELDS, Column, ColumnKind
from dayasos.batch._tables_cells import (
    PROBLEMS,
    ROW,
    Cells,
    is_textual,
    problem_frame,
    read_cells,
    wrong_type,
)
from dayasos.errors import ValidationError


if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from polars.datatypes import DataType, DataTypeClass


__all__ = ["Read", "read_table"]


@attrs.frozen
class Read:
    """
    One table read: typed columns and the problems of its cells.

    Args:
        typed: `ROW` and every column of the layout, typed; a cell
            with a problem may hold null or its text.
        problems: `ROW`, ``field``, ``code`` (or identifier area) and
            ``raw`` (the cell as text).
        businesses: For the families table: `ROW`, ``index`` and the
            typed `BUSINESS_FIELDS`, one row per business.
    """

    typed: pl.DataFrame
    problems: pl.DataFrame
    businesses: pl.DataFrame | None = None


def _codes_list(
    spec: Column,
    dtype: DataType | DataTypeClass,
    codes: Mapping[str, str] | None,
    where: str,
) -> pl.Expr:
    column = pl.col(spec.name)
    if isinstance(dtype, pl.List) and is_textual(dtype.inner):
        items = column.list.eval(pl.element().cast(pl.String))
    elif dtype == pl.Null:
        items = column.cast(pl.List(pl.String))
    elif is_textual(dtype):
        text = column.cast(pl.String).str.strip_chars()
        split = text.str.split(",").list.eval(pl.element().str.strip_chars())
        items = (
            pl.when(text == "")
            .then(pl.lit([], pl.List(pl.String)))
            .otherwise(split)
        )
    else:
        raise wrong_type(
            where, "a list of codes or comma-separated text", dtype
        )
    if codes:
        items = items.list.eval(pl.element().replace(dict(codes)))
    return items


def _explode(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    return (
        frame.select(pl.col(ROW), pl.col(name))
        .filter(pl.col(name).list.len() > 0)
        .with_columns(index=pl.int_ranges(pl.col(name).list.len()))
        .explode([name, "index"])
    )


def _code_items(frame: pl.DataFrame, spec: Column) -> pl.DataFrame:
    items = _explode(frame, spec.name)
    item = pl.col(spec.name)
    bad = item.is_null() | ~item.is_in(list(spec.codes))
    return (
        items.filter(bad)
        .select(
            pl.col(ROW),
            pl.lit(spec.name).alias("field"),
            pl.lit("serialization.enum").alias("code"),
            item.alias("raw"),
        )
        .cast(PROBLEMS)
    )


_BUSINESS_NAMES = frozenset(spec.name for spec in BUSINESS_FIELDS)


def _business_items(
    frame: pl.DataFrame, dtype: DataType | DataTypeClass, where: str
) -> tuple[
    pl.DataFrame, dict[str, DataType | DataTypeClass], list[pl.DataFrame]
]:
    name = "businesses"
    if dtype == pl.Null:
        empty = pl.DataFrame(schema={ROW: pl.Int64, "index": pl.Int64})
        return empty, {}, []
    inner = dtype.inner if isinstance(dtype, pl.List) else None
    if not isinstance(inner, pl.Struct):
        raise wrong_type(
            where, "a list of structs (kind, owner_id ...)", dtype
        )
    items = _explode(frame, name)
    missing = (
        items.filter(pl.col(name).is_null())
        .select(
            pl.col(ROW),
            pl.format("businesses[{}]", pl.col("index")).alias("field"),
            pl.lit("batch.required").alias("code"),
            pl.lit(None, pl.String).alias("raw"),
        )
        .cast(PROBLEMS)
    )
    fields = {
        f.name: f.dtype for f in inner.fields if f.name in _BUSINESS_NAMES
    }
    items = items.filter(pl.col(name).is_not_null()).select(
        pl.col(ROW),
        pl.col("index").cast(pl.Int64),
        *(pl.col(name).struct.field(f).alias(f) for f in fields),
    )
    return items, fields, [missing]


def _businesses(
    frame: pl.DataFrame, dtype: DataType | DataTypeClass, where: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    items, fields, problems = _business_items(frame, dtype, where)
    items = items.with_columns(
        pl.lit(None).alias(spec.name)
        for spec in BUSINESS_FIELDS
        if spec.name not in fields
    )
    typed: list[pl.Expr] = []
    for spec in BUSINESS_FIELDS:
        cells = read_cells(
            spec,
            fields.get(spec.name, pl.Null()),
            None,
            f"{where}.{spec.name}",
        )
        field = pl.format(f"businesses[{{}}].{spec.name}", pl.col("index"))
        problems.append(problem_frame(items, cells, field))
        typed.append(cells.typed.cast(spec.dtype).alias(spec.name))
    typed_items = items.select(pl.col(ROW), pl.col("index"), *typed)
    return typed_items, pl.concat(problems)


def read_table(
    table: str,
    frame: pl.DataFrame,
    columns: Sequence[Column],
    values: Mapping[str, Mapping[str, str]],
) -> Read:
    """
    Read one table of the layout, its columns already named as ours.

    Raises:
        ValidationError: ``serialization.missing_field`` when a required
            column is missing; ``serialization.wrong_type`` when a column's
            type cannot hold its values.
    """
    for spec in columns:
        if spec.required and spec.name not in frame.columns:
            raise ValidationError(
                "required column missing; the table has {present}",
                code="serialization.missing_field",
                path=f"{table}.{spec.name}",
                present=", ".join(frame.columns) or "no columns",
            )
    names = [c.name for c in columns]
    frame = frame.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias(ROW),
        *(pl.col(n) for n in names if n in frame.columns),
    )
    frame = frame.with_columns(
        pl.lit(None).alias(n) for n in names if n not in frame.columns
    )
    schema = frame.schema
    typed: list[pl.Expr] = []
    problems: list[pl.DataFrame] = []
    plain: list[tuple[int, str, Cells]] = []
    businesses = None
    for spec in columns:
        where = f"{table}.{spec.name}"
        codes = values.get(spec.name)
        if spec.kind is ColumnKind.BUSINESSES:
            businesses, found = _businesses(frame, schema[spec.name], where)
            problems.append(found)
            typed.append(pl.col(spec.name).is_not_null().alias(spec.name))
            continue
        if spec.kind is ColumnKind.CODES:
            items = _codes_list(spec, schema[spec.name], codes, where)
            frame = frame.with_columns(items.alias(spec.name))
            problems.append(_code_items(frame, spec))
            typed.append(pl.col(spec.name))
            continue
        cells = read_cells(spec, schema[spec.name], codes, where)
        plain.append((len(problems), spec.name, cells))
        problems.append(pl.DataFrame(schema=PROBLEMS))
        typed.append(cells.typed.cast(spec.dtype).alias(spec.name))
    # Every column and every problem code in one pass; the rows with a
    # problem (few) are then read again for their messages' values.
    checked = (
        frame.lazy()
        .select(
            pl.col(ROW),
            *typed,
            *(
                c.problem.alias(f"__code{i}")
                for i, (_, _, c) in enumerate(plain)
            ),
        )
        .collect()
    )
    for i, (position, name, cells) in enumerate(plain):
        code = checked.get_column(f"__code{i}")
        if code.null_count() < code.len():
            found = frame.filter(code.is_not_null())
            problems[position] = problem_frame(found, cells, pl.lit(name))
    return Read(
        typed=checked.select(
            pl.col(ROW), *(t.meta.output_name() for t in typed)
        ),
        problems=pl.concat(problems),
        businesses=businesses,
    )
