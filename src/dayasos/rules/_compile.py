"""
The object evaluator: an expression tree compiled to Python closures.

A tree is compiled once for a program and the parameter values in force;
the closures then decide one entity after another.
Each closure returns the value, or `None` for unknown,
and notes in an `Env` what it read and which inputs were missing.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
from typing import TYPE_CHECKING, Any

from dayasos.errors import ParameterError, RuleDefinitionError
from dayasos.model import GraduationKind
from dayasos.money import Rupiah
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
    arith_type,
)
from dayasos.rules._types import Kind, VType, type_of_value


if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from dayasos.policy import Value


__all__ = [
    "Context",
    "Env",
    "against_constant",
    "compile_expr",
    "constant_of",
    "enum_sides",
    "format_path",
    "option_values",
    "resolved_type",
]

#: Where a value was read: `None` for the entity, or (collection, index).
Prefix = tuple[str, int] | None


class Env:
    """
    The state of one evaluation: the entity, the date, what was read.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("entity", "item", "missing", "on", "prefix", "reads")

    def __init__(self, entity: Any, on: dt.date) -> None:  # noqa: ANN401 - any model record
        self.entity = entity
        self.on = on
        self.item: Any = None
        self.prefix: Prefix = None
        self.missing: list[tuple[Prefix, str]] = []
        self.reads: list[tuple[Prefix, str, object]] = []


def format_path(prefix: Prefix, dotted: str) -> str:
    """
    A field path as ``members[2].person.birth_date``.

    >>> format_path(("members", 2), "person.birth_date")
    'members[2].person.birth_date'

    .. versionadded:: 0.1.0
    """
    if prefix is None:
        return dotted
    return f"{prefix[0]}[{prefix[1]}].{dotted}"


class Context:
    """
    What compilation needs: the parameter values and the item collection.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("collection", "values")

    def __init__(self, values: Mapping[str, Value]) -> None:
        self.values = values
        self.collection = ""

    def value(self, name: str) -> Value:
        """The value of a parameter, which must be in force."""
        try:
            return self.values[name]
        except KeyError:
            raise ParameterError(
                "the rule reads parameter {parameter}, which was not "
                "looked up",
                code="parameter.unknown",
                parameter=name,
                value=name,
            ) from None


def resolved_type(expr: Expr, values: Mapping[str, Value]) -> VType:
    """
    The static type of `expr` once its parameters are known.

    .. versionadded:: 0.1.0
    """
    if isinstance(expr, Param) and expr.name in values:
        return type_of_value(values[expr.name])
    if isinstance(expr, (SumOf, SumLargest)):
        return resolved_type(expr.value, values)
    if isinstance(expr, Arith):
        left = resolved_type(expr.left, values)
        right = resolved_type(expr.right, values)
        found = arith_type(expr.op, left, right)
        if found is None:
            raise _mismatch(expr.op, left, right)
        return found
    return expr.vtype


def _mismatch(op: str, left: VType, right: VType) -> RuleDefinitionError:
    return RuleDefinitionError(
        "with the parameters in force, {left} {value} {right} does not "
        "type-check",
        code="rules.type_mismatch",
        value=op,
        left=str(left),
        right=str(right),
    )


def _as_enum(cls: type[enum.Enum], value: object) -> object:
    if isinstance(value, enum.Enum):
        return value
    try:
        return cls(value)
    except ValueError:
        raise RuleDefinitionError(
            "{value!r} is not a {cls}; choose from {known}",
            code="rules.type_mismatch",
            value=value,
            cls=cls.__name__,
            known=", ".join(str(m.value) for m in cls),
        ) from None


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_ARITH: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}


def constant_of(expr: Expr, ctx: Context) -> tuple[bool, object]:
    """
    Whether `expr` is a constant or a parameter, and then its value.

    .. versionadded:: 0.1.0
    """
    if isinstance(expr, Const):
        return True, expr.value
    if isinstance(expr, Param):
        return True, ctx.value(expr.name)
    return False, None


def compile_expr(expr: Expr, ctx: Context) -> Callable[[Env], Any]:
    """
    Compile `expr` to a closure over an `Env`.

    Raises:
        RuleDefinitionError: ``rules.type_mismatch`` when a parameter's
            value does not fit where the rule uses it.

    .. versionadded:: 0.1.0
    """
    compiler = _COMPILERS[type(expr)]
    return compiler(expr, ctx)


def _const(expr: Const, ctx: Context) -> Callable[[Env], Any]:
    del ctx
    value = expr.value
    return lambda env: value  # noqa: ARG005 - every closure takes the env


def _param(expr: Param, ctx: Context) -> Callable[[Env], Any]:
    value = ctx.value(expr.name)
    return lambda env: value  # noqa: ARG005 - every closure takes the env


def _field(expr: Field, ctx: Context) -> Callable[[Env], Any]:
    dotted = expr.dotted
    getter = operator.attrgetter(dotted)
    if expr.scope is Scope.ENTITY:

        def read_entity(env: Env) -> object:
            try:
                value = getter(env.entity)
            except AttributeError:
                value = None
            env.reads.append((None, dotted, value))
            if value is None:
                env.missing.append((None, dotted))
            return value

        return read_entity
    if not ctx.collection:
        raise RuleDefinitionError(
            "{value} reads an item outside an aggregation; wrap it in "
            "any_of, all_of, count or sum_of over family.members",
            code="rules.item_outside",
            path=dotted,
            value=dotted,
        )

    def read_item(env: Env) -> object:
        try:
            value = getter(env.item)
        except AttributeError:
            value = None
        env.reads.append((env.prefix, dotted, value))
        if value is None:
            env.missing.append((env.prefix, dotted))
        return value

    return read_item


def _fused(
    expr: Expr, ctx: Context, test: Callable[[Env, Any], Any]
) -> Callable[[Env], Any] | None:
    """
    A field read and a test of its value, as one closure.

    The same reads and missing paths as the field's own closure, then
    ``test(env, value)`` when the value is known; one call fewer per
    evaluation. None when `expr` is not a field.
    """
    if not isinstance(expr, Field):
        return None
    compile_expr(expr, ctx)  # the field's own checks
    dotted = expr.dotted
    getter = operator.attrgetter(dotted)
    if expr.scope is Scope.ENTITY:

        def test_entity(env: Env) -> object:
            try:
                value = getter(env.entity)
            except AttributeError:
                value = None
            env.reads.append((None, dotted, value))
            if value is None:
                env.missing.append((None, dotted))
                return None
            return test(env, value)

        return test_entity

    def test_item(env: Env) -> object:
        try:
            value = getter(env.item)
        except AttributeError:
            value = None
        prefix = env.prefix
        env.reads.append((prefix, dotted, value))
        if value is None:
            env.missing.append((prefix, dotted))
            return None
        return test(env, value)

    return test_item


def enum_sides(
    expr: Compare, ctx: Context
) -> tuple[tuple[bool, object], tuple[bool, object]]:
    """
    Each side of `expr` that is a constant compared with an enum.

    For each side: whether it is one, and then the member it names.

    Raises:
        RuleDefinitionError: ``rules.type_mismatch`` when the constant
            names no member.

    .. versionadded:: 0.1.0
    """
    found: list[tuple[bool, object]] = []
    for side, other in ((expr.left, expr.right), (expr.right, expr.left)):
        kind = resolved_type(other, ctx.values)
        known, value = constant_of(side, ctx)
        if known and kind.kind is Kind.ENUM and kind.cls is not None:
            found.append((True, _as_enum(kind.cls, value)))
        else:
            found.append((False, None))
    return found[0], found[1]


def against_constant(expr: Compare, ctx: Context) -> tuple[bool, object]:
    """
    Whether `expr` compares a computed value with a constant.

    The constant is its right side; an enum member when the value is one
    and the constant a code.

    .. versionadded:: 0.1.0
    """
    known, constant = constant_of(expr.right, ctx)
    if not known or isinstance(expr.left, (Const, Param)):
        return False, None
    left_type = resolved_type(expr.left, ctx.values)
    if isinstance(constant, str) and left_type.kind is Kind.ENUM:
        assert left_type.cls is not None  # noqa: S101 - enums have one
        constant = _as_enum(left_type.cls, constant)
    return True, constant


def option_values(expr: IsIn, ctx: Context) -> tuple[object, ...]:
    """
    The options of `expr`, as enum members when the value is one.

    .. versionadded:: 0.1.0
    """
    _, raw = constant_of(expr.options, ctx)
    values = raw if isinstance(raw, tuple) else (raw,)
    kind = resolved_type(expr.operand, ctx.values)
    if kind.kind is Kind.ENUM and kind.cls is not None:
        cls = kind.cls
        values = tuple(_as_enum(cls, v) for v in values)
    return values


def _compare(expr: Compare, ctx: Context) -> Callable[[Env], Any]:
    left_type = resolved_type(expr.left, ctx.values)
    right_type = resolved_type(expr.right, ctx.values)
    if not (left_type.fits(right_type) or right_type.fits(left_type)):
        raise _mismatch(expr.op, left_type, right_type)
    op = _COMPARE[expr.op]
    left = compile_expr(expr.left, ctx)
    right = compile_expr(expr.right, ctx)
    (left_known, left_member), (right_known, right_member) = enum_sides(
        expr, ctx
    )
    if left_known:
        left = _const(Const(left_member), ctx)
    if right_known:
        right = _const(Const(right_member), ctx)
    known, constant = against_constant(expr, ctx)
    if known:
        return _compare_constant(expr.left, left, ctx, op, constant)

    def compare(env: Env) -> bool | None:
        a = left(env)
        b = right(env)
        if a is None or b is None:
            return None
        return op(a, b)

    return compare


def _compare_constant(
    expr: Expr,
    left: Callable[[Env], Any],
    ctx: Context,
    op: Callable[[Any, Any], bool],
    constant: object,
) -> Callable[[Env], Any]:
    """`expr` (compiled: `left`) compared with a constant."""

    def holds(env: Env, value: object) -> bool:  # noqa: ARG001 - the test's signature
        return op(value, constant)

    fused = _fused(expr, ctx, holds)
    if fused is not None:
        return fused
    if isinstance(expr, Age):
        fused = _fused(
            expr.operand, ctx, _age_test(expr.operand, op, constant)
        )
        if fused is not None:
            return fused

    def compare_constant(env: Env) -> bool | None:
        a = left(env)
        return None if a is None else op(a, constant)

    return compare_constant


def _is_in(expr: IsIn, ctx: Context) -> Callable[[Env], Any]:
    operand = compile_expr(expr.operand, ctx)
    options = frozenset(option_values(expr, ctx))
    fused = _fused(expr.operand, ctx, lambda _env, value: value in options)
    if fused is not None:
        return fused

    def is_in(env: Env) -> bool | None:
        value = operand(env)
        return None if value is None else value in options

    return is_in


def _contains(expr: Contains, ctx: Context) -> Callable[[Env], Any]:
    operand = compile_expr(expr.operand, ctx)
    kind = resolved_type(expr.operand, ctx.values)
    known, wanted = constant_of(expr.value, ctx)
    if known and kind.kind is Kind.SET and kind.cls is not None:
        wanted = _as_enum(kind.cls, wanted)
    value = (
        _const(Const(wanted), ctx) if known else compile_expr(expr.value, ctx)
    )

    def contains(env: Env) -> bool | None:
        found = operand(env)
        item = value(env)
        if found is None or item is None:
            return None
        return item in found

    return contains


def _is_known(expr: IsKnown, ctx: Context) -> Callable[[Env], Any]:
    operand = compile_expr(expr.operand, ctx)

    def is_known(env: Env) -> bool:
        mark = len(env.missing)
        value = operand(env)
        del env.missing[mark:]
        return value is not None

    return is_known


def _and(expr: And, ctx: Context) -> Callable[[Env], Any]:
    operands = tuple(compile_expr(o, ctx) for o in expr.operands)

    def all_hold(env: Env) -> bool | None:
        mark = len(env.missing)
        unknown = False
        for operand in operands:
            value = operand(env)
            if value is False:
                del env.missing[mark:]
                return False
            if value is None:
                unknown = True
        return None if unknown else True

    return all_hold


def _or(expr: Or, ctx: Context) -> Callable[[Env], Any]:
    operands = tuple(compile_expr(o, ctx) for o in expr.operands)

    def some_holds(env: Env) -> bool | None:
        mark = len(env.missing)
        unknown = False
        for operand in operands:
            value = operand(env)
            if value is True:
                del env.missing[mark:]
                return True
            if value is None:
                unknown = True
        return None if unknown else False

    return some_holds


def _not(expr: Not, ctx: Context) -> Callable[[Env], Any]:
    operand = compile_expr(expr.operand, ctx)

    def negate(env: Env) -> bool | None:
        value = operand(env)
        return None if value is None else not value

    return negate


def _arith(expr: Arith, ctx: Context) -> Callable[[Env], Any]:
    resolved_type(expr, ctx.values)
    op = _ARITH[expr.op]
    left = compile_expr(expr.left, ctx)
    right = compile_expr(expr.right, ctx)

    def compute(env: Env) -> object:
        a = left(env)
        b = right(env)
        if a is None or b is None:
            return None
        return op(a, b)

    return compute


def _age(expr: Age, ctx: Context) -> Callable[[Env], Any]:
    operand = compile_expr(expr.operand, ctx)
    dotted = expr.operand.dotted if isinstance(expr.operand, Field) else "?"

    def age(env: Env) -> int | None:
        born = operand(env)
        if born is None:
            return None
        on = env.on
        if on < born:
            env.missing.append((env.prefix, dotted))
            return None
        before = (on.month, on.day) < (born.month, born.day)
        return int(on.year - born.year - before)

    return age


def _age_test(
    born: Expr, op: Callable[[Any, Any], bool], constant: object
) -> Callable[[Env, Any], bool | None]:
    """
    ``age_of(born) <op> constant`` on a known birth date, for `_fused`.

    The same ages and missing paths as `_age`.
    """
    dotted = born.dotted if isinstance(born, Field) else "?"

    def age_test(env: Env, birth: Any) -> bool | None:  # noqa: ANN401 - a date read
        on = env.on
        if on < birth:
            env.missing.append((env.prefix, dotted))
            return None
        before = (on.month, on.day) < (birth.month, birth.day)
        return op(int(on.year - birth.year - before), constant)

    return age_test


def _items(expr: Field) -> Callable[[Env], Any]:
    dotted = expr.dotted
    getter = operator.attrgetter(dotted)

    def items(env: Env) -> tuple[object, ...] | None:
        try:
            found = getter(env.entity)
        except AttributeError:
            found = None
        if found is None:
            env.missing.append((None, dotted))
        return found  # type: ignore[no-any-return]

    return items


def _in_items(
    expr: Field, parts: tuple[Expr | None, ...], ctx: Context
) -> tuple[Callable[[Env], Any] | None, ...]:
    outer = ctx.collection
    ctx.collection = expr.dotted
    try:
        return tuple(
            None if part is None else compile_expr(part, ctx) for part in parts
        )
    finally:
        ctx.collection = outer


def _count(expr: Count, ctx: Context) -> Callable[[Env], Any]:
    items = _items(expr.over)
    name = expr.over.dotted
    (where,) = _in_items(expr.over, (expr.where,), ctx)

    def count(env: Env) -> int | None:
        found = items(env)
        if found is None:
            return None
        if where is None:
            return len(found)
        saved = env.item, env.prefix
        total = 0
        unknown = False
        for index, item in enumerate(found):
            env.item = item
            env.prefix = (name, index)
            value = where(env)
            if value:
                total += 1
            elif value is None:
                unknown = True
        env.item, env.prefix = saved
        return None if unknown else total

    return count


def _quantifier(
    expr: AnyOf | AllOf, ctx: Context, *, decisive: bool
) -> Callable[[Env], Any]:
    items = _items(expr.over)
    name = expr.over.dotted
    (where,) = _in_items(expr.over, (expr.where,), ctx)
    assert where is not None  # noqa: S101 - quantifiers have a predicate

    def quantify(env: Env) -> bool | None:
        found = items(env)
        if found is None:
            return None
        mark = len(env.missing)
        saved = env.item, env.prefix
        unknown = False
        try:
            for index, item in enumerate(found):
                env.item = item
                env.prefix = (name, index)
                value: bool | None = where(env)
                if value is decisive:
                    del env.missing[mark:]
                    return decisive
                if value is None:
                    unknown = True
        finally:
            env.item, env.prefix = saved
        return None if unknown else not decisive

    return quantify


def _any_of(expr: AnyOf, ctx: Context) -> Callable[[Env], Any]:
    return _quantifier(expr, ctx, decisive=True)


def _all_of(expr: AllOf, ctx: Context) -> Callable[[Env], Any]:
    return _quantifier(expr, ctx, decisive=False)


def _add(a: Any, b: Any) -> Any:  # noqa: ANN401 - Rupiah or int
    return a + b


def _zero(kind: VType) -> object:
    return Rupiah.zero() if kind.kind is Kind.MONEY else 0


def _values(
    expr: SumOf | SumLargest, ctx: Context
) -> Callable[[Env], list[Any] | None]:
    items = _items(expr.over)
    name = expr.over.dotted
    value, where = _in_items(expr.over, (expr.value, expr.where), ctx)
    assert value is not None  # noqa: S101 - sums have a value

    def collect(env: Env) -> list[Any] | None:
        found = items(env)
        if found is None:
            return None
        saved = env.item, env.prefix
        kept: list[Any] = []
        unknown = False
        for index, item in enumerate(found):
            env.item = item
            env.prefix = (name, index)
            keep = True if where is None else where(env)
            if keep is None:
                unknown = True
            elif keep:
                amount = value(env)
                if amount is None:
                    unknown = True
                else:
                    kept.append(amount)
        env.item, env.prefix = saved
        return None if unknown else kept

    return collect


def _sum_of(expr: SumOf, ctx: Context) -> Callable[[Env], Any]:
    collect = _values(expr, ctx)
    zero = _zero(resolved_type(expr, ctx.values))

    def total(env: Env) -> object:
        kept = collect(env)
        return None if kept is None else functools.reduce(_add, kept, zero)

    return total


def _sum_largest(expr: SumLargest, ctx: Context) -> Callable[[Env], Any]:
    collect = _values(expr, ctx)
    k_of = compile_expr(expr.k, ctx)
    zero = _zero(resolved_type(expr, ctx.values))

    def total(env: Env) -> object:
        k = k_of(env)
        kept = collect(env)
        if kept is None or k is None:
            return None
        kept.sort(reverse=True)
        return functools.reduce(_add, kept[: max(k, 0)], zero)

    return total


def _month(on: dt.date) -> tuple[dt.date, dt.date]:
    start = on.replace(day=1)
    if on.month == 12:
        return start, dt.date(on.year + 1, 1, 1)
    return start, dt.date(on.year, on.month + 1, 1)


def _active_in(expr: ActiveIn, ctx: Context) -> Callable[[Env], Any]:
    del ctx
    program = expr.program
    path = f"memberships[{program}]"
    by_month = expr.span == "month"

    def active(env: Env) -> bool | None:
        found = env.entity.memberships
        if found is None:
            env.missing.append((None, "memberships"))
            return None
        on = env.on
        result = False
        for membership in found:
            if membership.program != program:
                continue
            if not by_month:
                result = membership.is_active_on(on)
            else:
                start, stop = _month(on)
                result = any(
                    begin < stop and (end is None or end > start)
                    for begin, end in membership.active_spans()
                )
            if result:
                break
        env.reads.append((None, path, result))
        return result

    return active


def _decision_date(expr: DecisionDate, ctx: Context) -> Callable[[Env], Any]:
    del expr, ctx

    def on(env: Env) -> dt.date:
        return env.on

    return on


def _years_between(expr: YearsBetween, ctx: Context) -> Callable[[Env], Any]:
    start = compile_expr(expr.start, ctx)
    end = compile_expr(expr.end, ctx)

    def years(env: Env) -> int | None:
        a = start(env)
        b = end(env)
        if a is None or b is None:
            return None
        before = (b.month, b.day) < (a.month, a.day)
        return int(b.year - a.year - before)

    return years


def _graduation_kinds(
    expr: Expr | None, ctx: Context
) -> frozenset[object] | None:
    if expr is None:
        return None
    _, raw = constant_of(expr, ctx)
    values = raw if isinstance(raw, tuple) else (raw,)
    return frozenset(_as_enum(GraduationKind, v) for v in values)


_FIRST = operator.itemgetter(0)


def _open_limit(env: Env, mark: int, *, graduations: bool) -> bool | None:
    """An unknown `before`: false without any graduation, else unknown."""
    if graduations:
        return None
    del env.missing[mark:]
    return False


def _of_kind(
    dated: list[tuple[dt.date, GraduationKind | None]],
    limit: dt.date,
    kinds: frozenset[object],
) -> bool | None:
    """Some graduation before `limit` is of `kinds`; unknown kinds open."""
    unknown = False
    for day, kind in dated:
        if day >= limit:
            continue
        if kind is None:
            unknown = True
        elif kind in kinds:
            return True
    return None if unknown else False


def _graduated(expr: GraduatedFrom, ctx: Context) -> Callable[[Env], Any]:
    program = expr.program
    path = f"memberships[{program}].graduated_on"
    kind_path = f"memberships[{program}].graduation"
    kinds = _graduation_kinds(expr.kind, ctx)
    before = None if expr.before is None else compile_expr(expr.before, ctx)

    def graduated(env: Env) -> bool | None:
        found = env.entity.memberships
        if found is None:
            env.missing.append((None, "memberships"))
            return None
        mark = len(env.missing)
        limit: dt.date | None = env.on if before is None else before(env)
        dated = [
            (m.graduated_on, m.graduation)
            for m in found
            if m.program == program and m.graduated_on is not None
        ]
        if len(dated) > 1:
            dated.sort(key=_FIRST)
        env.reads.append((None, path, tuple([d for d, _ in dated])))
        if kinds is not None:
            env.reads.append((None, kind_path, tuple([k for _, k in dated])))
        if limit is None:
            return _open_limit(env, mark, graduations=bool(dated))
        if kinds is None:
            return any(d < limit for d, _ in dated)
        result = _of_kind(dated, limit, kinds)
        if result is None:
            env.missing.append((None, kind_path))
        return result

    return graduated


_COMPILERS: dict[type, Callable[[Any, Context], Callable[[Env], Any]]] = {
    Const: _const,
    Param: _param,
    Field: _field,
    Compare: _compare,
    IsIn: _is_in,
    Contains: _contains,
    IsKnown: _is_known,
    And: _and,
    Or: _or,
    Not: _not,
    Arith: _arith,
    Age: _age,
    DecisionDate: _decision_date,
    YearsBetween: _years_between,
    Count: _count,
    AnyOf: _any_of,
    AllOf: _all_of,
    SumOf: _sum_of,
    SumLargest: _sum_largest,
    ActiveIn: _active_in,
    GraduatedFrom: _graduated,
}
