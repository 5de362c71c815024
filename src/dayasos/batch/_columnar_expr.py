"""
Expression trees compiled to polars expressions over the tables.

A node evaluated on the family becomes an expression over the families
table; a node evaluated on an item (a member, a business, a membership)
becomes an expression over that item's table, and an aggregation
becomes a group-by over the family's row joined back to the families.
Unknown is null: polars' ``&`` and ``|`` on nullable booleans follow
Kleene's logic, as the object evaluator does.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
from typing import TYPE_CHECKING, Any

import polars as pl

from dayasos.batch._columnar_items import (
    ItemTables,
    entity_column,
    item_column,
    segment_sums,
)
from dayasos.batch._columnar_support import refuse
from dayasos.money import Rupiah
from dayasos.periods import latest_birth_date
from dayasos.rules._aggregate import (
    ActiveIn,
    AllOf,
    AnyOf,
    Count,
    GraduatedFrom,
    SumLargest,
    SumOf,
)
from dayasos.rules._expr import (
    Age,
    And,
    Arith,
    Compare,
    Const,
    Contains,
    DecisionDate,
    Expr,
    Field,
    IsIn,
    IsKnown,
    Not,
    Or,
    Param,
    Scope,
    YearsBetween,
)


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from dayasos.policy import Value


__all__ = ["ExprCompiler", "literal_of"]


def literal_of(value: object) -> object:
    """
    A parameter or constant as a plain value polars can hold.

    >>> from dayasos.money import Rupiah
    >>> literal_of(Rupiah(300_000)), literal_of(("a", "b"))
    (300000, ['a', 'b'])

    Raises:
        NotSupported: ``columnar.not_supported`` for a fraction or a
            decimal, which the tables cannot hold exactly.

    .. versionadded:: 0.1.0
    """
    if isinstance(value, Rupiah):
        return value.amount
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (tuple, list, frozenset, set)):
        return [literal_of(v) for v in value]
    if value is None or isinstance(value, (bool, int, str, dt.date)):
        return value
    raise refuse(type(value).__name__)


def _lit(value: object) -> pl.Expr:
    found = literal_of(value)
    if isinstance(found, bool):
        return pl.lit(found, dtype=pl.Boolean)
    if isinstance(found, int):
        return pl.lit(found, dtype=pl.Int64)
    if isinstance(found, list):
        return pl.lit(
            pl.Series(found, dtype=pl.String), dtype=pl.List(pl.String)
        )
    return pl.lit(found)


def _md(date: pl.Expr) -> pl.Expr:
    return date.dt.month().cast(pl.Int64) * 100 + date.dt.day().cast(pl.Int64)


def _years(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    before = (_md(end) < _md(start)).cast(pl.Int64)
    return (
        end.dt.year().cast(pl.Int64) - start.dt.year().cast(pl.Int64) - before
    )


#: The comparison seen from the other side (``a < b`` is ``b > a``).
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

_COMPARE: dict[str, Callable[[pl.Expr, pl.Expr], pl.Expr]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
_ARITH: dict[str, Callable[[pl.Expr, pl.Expr], pl.Expr]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}


_NULL_BOOL = pl.lit(None, dtype=pl.Boolean)


class ExprCompiler:
    """
    Compiles expression trees for one date and one set of values.

    Aggregations and membership tests are computed per family as they
    are met and kept in `columns` (name to a frame of ``__fam`` and
    the value), to be joined to the families table by the caller.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        items: ItemTables,
        *,
        on: dt.date,
        values: Mapping[str, Value],
    ) -> None:
        self.items = items
        self.on = on
        self.values = values
        self.columns: dict[str, pl.LazyFrame] = {}
        self._seen: dict[tuple[int, int], str] = {}
        self._keep: list[tuple[Expr, Mapping[str, Value]]] = []
        self._collection = ""

    def compile(self, expr: Expr, *, collection: str = "") -> pl.Expr:
        """
        The polars expression of `expr`, on the entity or on an item.

        Raises:
            NotSupported: ``columnar.not_supported`` for a node (or a
                field) the columnar evaluator does not compile.

        .. versionadded:: 0.1.0
        """
        outer = self._collection
        self._collection = collection
        try:
            return self._node(expr)
        finally:
            self._collection = outer

    def _node(self, expr: Expr) -> pl.Expr:  # noqa: C901, PLR0911, PLR0912 - one dispatch
        if isinstance(expr, Const):
            return _lit(expr.value)
        if isinstance(expr, Param):
            return _lit(self.values[expr.name])
        if isinstance(expr, Field):
            return self._field(expr)
        if isinstance(expr, Compare):
            by_date = self._age_compare(expr)
            if by_date is not None:
                return by_date
            op = _COMPARE[expr.op]
            return op(self._node(expr.left), self._node(expr.right))
        if isinstance(expr, IsIn):
            return self._is_in(expr)
        if isinstance(expr, Contains):
            found = self._node(expr.operand)
            wanted = self._node(expr.value)
            return (
                pl.when(found.is_null() | wanted.is_null())
                .then(pl.lit(None, dtype=pl.Boolean))
                .otherwise(found.list.contains(wanted))
            )
        if isinstance(expr, IsKnown):
            return self._node(expr.operand).is_not_null()
        if isinstance(expr, And):
            return functools.reduce(
                operator.and_, (self._node(o) for o in expr.operands)
            )
        if isinstance(expr, Or):
            return functools.reduce(
                operator.or_, (self._node(o) for o in expr.operands)
            )
        if isinstance(expr, Not):
            return ~self._node(expr.operand)
        if isinstance(expr, Arith):
            op = _ARITH[expr.op]
            return op(self._node(expr.left), self._node(expr.right))
        if isinstance(expr, Age):
            born = self._node(expr.operand)
            on = pl.lit(self.on)
            return (
                pl.when(born > on)
                .then(pl.lit(None, dtype=pl.Int64))
                .otherwise(_years(born, on))
            )
        if isinstance(expr, DecisionDate):
            return pl.lit(self.on)
        if isinstance(expr, YearsBetween):
            return _years(self._node(expr.start), self._node(expr.end))
        return self._family_value(expr)

    def _age_compare(self, expr: Compare) -> pl.Expr | None:
        """
        An age compared with a whole number, as birth dates compared.

        ``age >= n`` holds when the birth date is on or before
        `dayasos.periods.latest_birth_date`: a comparison of dates,
        not years computed for every row. None when `expr` is not of
        that shape, or the date falls outside the calendar.
        """
        left, right, op = expr.left, expr.right, expr.op
        if not isinstance(left, Age):
            left, right, op = right, left, _MIRROR[op]
        if not isinstance(left, Age) or not isinstance(right, (Const, Param)):
            return None
        raw = (
            right.value
            if isinstance(right, Const)
            else self.values[right.name]
        )
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        latest = [
            latest_birth_date(self.on, raw),
            latest_birth_date(self.on, raw + 1),
        ]
        if latest[0] is None or latest[1] is None:
            return None
        born = self._node(left.operand)
        reached, next_reached = (born <= pl.lit(d) for d in latest)
        tests = {
            ">=": reached,
            ">": next_reached,
            "<": ~reached,
            "<=": ~next_reached,
            "==": reached & ~next_reached,
            "!=": ~reached | next_reached,
        }
        return (
            pl.when(born > pl.lit(self.on))
            .then(_NULL_BOOL)
            .otherwise(tests[op])
        )

    def _field(self, expr: Field) -> pl.Expr:
        if expr.scope is Scope.ENTITY:
            if self._collection:
                kind = f"{expr.dotted} (a family field in an item)"
                raise refuse(kind)
            return entity_column(expr)
        return item_column(self._collection, expr)

    def _is_in(self, expr: IsIn) -> pl.Expr:
        operand = self._node(expr.operand)
        if isinstance(expr.options, Const):
            raw: object = expr.options.value
        elif isinstance(expr.options, Param):
            raw = self.values[expr.options.name]
        else:
            raise refuse(type(expr.options).__name__)
        options = raw if isinstance(raw, tuple) else (raw,)
        found = [literal_of(v) for v in options]
        return (
            pl.when(operand.is_null())
            .then(pl.lit(None, dtype=pl.Boolean))
            .otherwise(operand.is_in(found))
        )

    def _family_value(self, expr: Expr) -> pl.Expr:
        if self._collection:
            kind = f"{type(expr).__name__} inside an aggregation"
            raise refuse(kind)
        key = (id(expr), id(self.values))
        name = self._seen.get(key)
        if name is None:
            frame = self._aggregate(expr)
            name = f"__value{len(self._seen)}"
            self._seen[key] = name
            self._keep.append((expr, self.values))
            self.columns[name] = frame.rename({"value": name})
        return pl.col(name)

    def _aggregate(self, expr: Expr) -> pl.LazyFrame:
        handlers: dict[type, Callable[[Any], pl.LazyFrame]] = {
            Count: self._count,
            AnyOf: self._any_all,
            AllOf: self._any_all,
            SumOf: self._sum,
            ActiveIn: lambda e: self.items.active_in(e, self.on),
            GraduatedFrom: self._graduated,
        }
        handler = handlers.get(type(expr))
        if handler is None:
            raise refuse(type(expr).__name__)
        return handler(expr)

    def _per_family(
        self,
        over: Field,
        items: dict[str, pl.Expr],
        value: pl.Expr,
        empty: object,
    ) -> pl.LazyFrame:
        """
        `value` aggregated per family, `empty` when it has no items.

        `items` are computed on the item table first, column by column,
        so that the aggregation reads plain columns.
        """
        name = over.dotted
        frame = self.items.frame(name).select("__fam", **items)
        grouped = frame.group_by("__fam").agg(
            value.alias("value"), pl.len().alias("__items")
        )
        families = self.items.known(name)
        return families.join(grouped, on="__fam", how="left").select(
            "__fam",
            pl.when(~pl.col("__known"))
            .then(pl.lit(None))
            .when(pl.col("__items").is_null())
            .then(_lit(empty))
            .otherwise(pl.col("value"))
            .alias("value"),
        )

    def _where(self, over: Field, where: Expr | None) -> pl.Expr:
        if where is None:
            return pl.lit(value=True)
        return self.compile(where, collection=over.dotted)

    def _counted(
        self, over: Field, where: Expr | None, kind: type[Expr]
    ) -> pl.LazyFrame:
        """
        A count, any or all per family, from counts of its items.

        Each family's items where the condition holds, is unknown, or
        fails are counted (`segment_sums`, no group-by); a family with
        no items has zero of each, which gives the empty value (0,
        false, true), and a collection not collected gives null.
        """
        name = over.dotted
        test = self._where(over, where)
        frame = self.items.frame(name).select("__fam", test.alias("__where"))
        counted = segment_sums(
            frame,
            {
                "__true": pl.col("__where").fill_null(value=False),
                "__null": pl.col("__where").is_null(),
            },
        )
        n_true = pl.col("__true").fill_null(0)
        n_null = pl.col("__null").fill_null(0)
        n_false = pl.col("__items").fill_null(0) - n_true - n_null
        if kind is Count:
            value = (
                pl.when(n_null > 0)
                .then(pl.lit(None, dtype=pl.Int64))
                .otherwise(n_true)
            )
        elif kind is AnyOf:
            value = (
                pl.when(n_true > 0)
                .then(pl.lit(value=True))
                .when(n_null > 0)
                .then(_NULL_BOOL)
                .otherwise(pl.lit(value=False))
            )
        else:
            value = (
                pl.when(n_false > 0)
                .then(pl.lit(value=False))
                .when(n_null > 0)
                .then(_NULL_BOOL)
                .otherwise(pl.lit(value=True))
            )
        families = self.items.known(name)
        return families.join(
            counted, on="__fam", how="left", maintain_order="left"
        ).select(
            "__fam",
            pl.when(pl.col("__known")).then(value).alias("value"),
        )

    def _count(self, expr: Count) -> pl.LazyFrame:
        return self._counted(expr.over, expr.where, Count)

    def _any_all(self, expr: AnyOf | AllOf) -> pl.LazyFrame:
        return self._counted(expr.over, expr.where, type(expr))

    def _sum(self, expr: SumOf | SumLargest) -> pl.LazyFrame:
        if isinstance(expr, SumLargest):
            raise refuse("SumLargest")
        where = self._where(expr.over, expr.where)
        amount = self.compile(expr.value, collection=expr.over.dotted)
        items = {
            "__unknown": where.is_null() | (where & amount.is_null()),
            "__amount": pl.when(where)
            .then(amount)
            .otherwise(0)
            .cast(pl.Int64),
        }
        value = (
            pl.when(pl.col("__unknown").any())
            .then(pl.lit(None, dtype=pl.Int64))
            .otherwise(pl.col("__amount").sum())
        )
        return self._per_family(expr.over, items, value, 0)

    def _graduated(self, expr: GraduatedFrom) -> pl.LazyFrame:
        kinds = None
        if expr.kind is not None:
            if isinstance(expr.kind, Const):
                raw: object = expr.kind.value
            elif isinstance(expr.kind, Param):
                raw = self.values[expr.kind.name]
            else:
                raise refuse(type(expr.kind).__name__)
            listed = raw if isinstance(raw, tuple) else (raw,)
            kinds = [str(literal_of(v)) for v in listed]
        if expr.before is None:
            limit = pl.lit(self.on)
        else:
            limit = self.compile(expr.before)
        return self.items.graduated_from(expr.program, kinds, limit)
