"""
The object evaluator's closures written out as one Python function.

`compile_expr` builds one closure per node of a tree; deciding a family
calls them one by one. `generate` writes the same evaluation as the
statements of a single function: the same value, the same reads and
missing paths in the same order, the same `Env` left behind.
Nodes without a template here (memberships, sums, ...) call their own
closure from the generated code.

Nothing from a rule is pasted into the source but the names of model
attributes (checked to be identifiers), field paths (as string
literals) and whole amounts (as integer literals); every other value
(a constant, a parameter, a closure) is passed to the function by name.

Within one item, an attrs field read by two conditions or more (a birth
date read for every age test) is read once, and an age of it computed
once; each condition still records its own read.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import keyword
import operator
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from dayasos.money import Rupiah
from dayasos.rules._aggregate import AllOf, AnyOf, Count
from dayasos.rules._compile import (
    Context,
    Env,
    against_constant,
    compile_expr,
    enum_sides,
    option_values,
)
from dayasos.rules._expr import (
    Age,
    And,
    Arith,
    Compare,
    Const,
    DecisionDate,
    Expr,
    Field,
    IsIn,
    IsKnown,
    Not,
    Or,
    Param,
    Scope,
)
from dayasos.rules._types import field_type


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


__all__ = ["candidates_function", "generate"]

_ARITH_OPS = ("+", "-", "*")
#: Nested blocks (loops, try) before a subtree calls its closure instead:
#: Python refuses more than 20 in one function.
_MAX_BLOCKS = 12
_INDENT = "    "


class _Scope:
    """Where item fields are read from: the local names of item and prefix."""

    __slots__ = ("ages", "dirty", "item", "loop", "prefix", "values")

    def __init__(self, item: str, prefix: str, *, loop: bool) -> None:
        self.item = item
        self.prefix = prefix
        self.loop = loop
        #: A closure was called with this scope's item set on the env.
        self.dirty = False
        #: Item fields read once per item: path to local name.
        self.values: dict[tuple[str, ...], str] = {}
        #: Ages of those fields, computed once per item.
        self.ages: dict[tuple[str, ...], str] = {}


def _inline(exprs: Sequence[Expr]) -> list[Expr]:
    """The nodes written out in one scope: not below closures or loops."""
    found: list[Expr] = []
    stack = list(reversed(exprs))
    while stack:
        expr = stack.pop()
        found.append(expr)
        if type(expr) in _NODES and not isinstance(expr, _LOOPS):
            stack.extend(reversed(expr.children()))
    return found


def _plain(field: Field) -> bool:
    """Whether every step of the path is an attrs field (not a property)."""
    cls: type | None = field.root
    for step, name in enumerate(field.path):
        if cls is None or not attrs.has(cls):
            return False
        if name not in attrs.fields_dict(cls):
            return False
        dotted = ".".join(field.path[: step + 1])
        cls = field_type(cls, name, path=dotted).cls
    return True


class _Writer:
    """The source of one function, its names and its constants."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lines: list[str] = []
        self.names: dict[str, object] = {"Rupiah": Rupiah}
        self.count = 0
        self.blocks = 0

    def fresh(self, stem: str) -> str:
        self.count += 1
        return f"{stem}{self.count}"

    def constant(self, value: object) -> str:
        name = self.fresh("k")
        self.names[name] = value
        return name

    def line(self, depth: int, text: str) -> None:
        self.lines.append(_INDENT * depth + text)

    def function(self, header: str, prologue: Sequence[str]) -> str:
        body = [_INDENT + line for line in prologue]
        return "\n".join([header, *body, *self.lines])

    # -- nodes ---------------------------------------------------------------

    def expr(self, expr: Expr, depth: int, scope: _Scope) -> str:
        """Statements computing `expr` at `depth`; the name holding it."""
        if self.blocks >= _MAX_BLOCKS:
            return self.closure(expr, depth, scope)
        if isinstance(expr, Const):
            return self.constant(expr.value)
        if isinstance(expr, Param):
            return self.constant(self.ctx.value(expr.name))
        if isinstance(expr, DecisionDate):
            return "on"
        method = _NODES.get(type(expr))
        if method is None:
            return self.closure(expr, depth, scope)
        return method(self, expr, depth, scope)

    def closure(self, expr: Expr, depth: int, scope: _Scope) -> str:
        """Call the node's own closure, with the item set on the env."""
        call = self.constant(compile_expr(expr, self.ctx))
        if scope.loop:
            scope.dirty = True
            self.line(depth, f"env.item = {scope.item}")
            self.line(depth, f"env.prefix = {scope.prefix}")
        value = self.fresh("v")
        self.line(depth, f"{value} = {call}(env)")
        return value

    def fetch(
        self, depth: int, value: str, source: str, path: tuple[str, ...]
    ) -> None:
        """
        `value` = `path` read from `source`; None when it cannot be read.

        As ``operator.attrgetter`` with AttributeError read as None;
        a None met on the way gives None without raising.
        """
        self.line(depth, "try:")
        inner = depth + 1
        if all(p.isidentifier() and not keyword.iskeyword(p) for p in path):
            self.line(inner, f"{value} = {source}.{path[0]}")
            for step in path[1:]:
                self.line(inner, f"if {value} is not None:")
                self.line(inner + 1, f"{value} = {value}.{step}")
        else:
            getter = self.constant(operator.attrgetter(".".join(path)))
            self.line(inner, f"{value} = {getter}({source})")
        self.line(depth, "except AttributeError:")
        self.line(inner, f"{value} = None")

    def prefetch(
        self, exprs: Sequence[Expr], depth: int, scope: _Scope
    ) -> None:
        """
        Read once, at the top of each item, the item fields read twice.

        Only attrs fields (whose reading has no effect), so that the
        values are those each read would find; each use still records
        its read.
        """
        nodes = _inline(exprs)
        fields = Counter(
            e.path
            for e in nodes
            if isinstance(e, Field) and e.scope is Scope.ITEM and _plain(e)
        )
        for path, uses in fields.items():
            if uses < 2:
                continue
            value = self.fresh("p")
            self.fetch(depth, value, scope.item, path)
            scope.values[path] = value
        ages = Counter(
            e.operand.path
            for e in nodes
            if isinstance(e, Age)
            and isinstance(e.operand, Field)
            and e.operand.path in scope.values
            and e.operand.scope is Scope.ITEM
        )
        for path, uses in ages.items():
            if uses < 2:
                continue
            born = scope.values[path]
            age = self.fresh("a")
            self.line(
                depth,
                f"{age} = None if {born} is None or on < {born} "
                f"else {_age_on(born)}",
            )
            scope.ages[path] = age

    def field(self, expr: Field, depth: int, scope: _Scope) -> str:
        if expr.scope is Scope.ENTITY:
            source, prefix = "entity", "None"
        else:
            source, prefix = scope.item, scope.prefix
        dotted = repr(expr.dotted)
        known = (
            scope.values.get(expr.path) if expr.scope is Scope.ITEM else None
        )
        if known is not None:
            self.line(depth, f"reads.append(({prefix}, {dotted}, {known}))")
            self.line(depth, f"if {known} is None:")
            self.line(depth + 1, f"missing.append(({prefix}, {dotted}))")
            return known
        value = self.fresh("v")
        self.fetch(depth, value, source, expr.path)
        self.line(depth, f"reads.append(({prefix}, {dotted}, {value}))")
        self.line(depth, f"if {value} is None:")
        self.line(depth + 1, f"missing.append(({prefix}, {dotted}))")
        return value

    def compare(self, expr: Compare, depth: int, scope: _Scope) -> str:
        known, constant = against_constant(expr, self.ctx)
        if known:
            left = self.expr(expr.left, depth, scope)
            result = self.fresh("v")
            self.line(
                depth,
                f"{result} = None if {left} is None else "
                f"{left} {expr.op} {self.constant(constant)}",
            )
            return result
        sides = [
            self.constant(member)
            if is_member
            else self.expr(side, depth, scope)
            for side, (is_member, member) in zip(
                (expr.left, expr.right),
                enum_sides(expr, self.ctx),
                strict=True,
            )
        ]
        return self.binary(depth, sides[0], expr.op, sides[1])

    def binary(self, depth: int, left: str, op: str, right: str) -> str:
        """`left op right`, unknown when either side is."""
        result = self.fresh("v")
        self.line(
            depth,
            f"{result} = None if {left} is None or {right} is None "
            f"else {left} {op} {right}",
        )
        return result

    def is_in(self, expr: IsIn, depth: int, scope: _Scope) -> str:
        values = option_values(expr, self.ctx)
        options = self.constant(frozenset(values))
        operand = self.expr(expr.operand, depth, scope)
        result = self.fresh("v")
        test = f"{operand} in {options}"
        if _by_identity(values):
            # Members of a plain enum are equal only to themselves:
            # comparing identities spares hashing them (in Python).
            members = self.constant(type(values[0]))
            same = " or ".join(
                f"{operand} is {self.constant(v)}" for v in values
            )
            test = (
                f"{same} or ({operand}.__class__ is not {members} and {test})"
            )
        self.line(depth, f"{result} = None if {operand} is None else ({test})")
        return result

    def is_known(self, expr: IsKnown, depth: int, scope: _Scope) -> str:
        mark = self.fresh("m")
        self.line(depth, f"{mark} = len(missing)")
        operand = self.expr(expr.operand, depth, scope)
        self.line(depth, f"del missing[{mark}:]")
        result = self.fresh("v")
        self.line(depth, f"{result} = {operand} is not None")
        return result

    def junction(self, expr: And | Or, depth: int, scope: _Scope) -> str:
        decisive = "False" if isinstance(expr, And) else "True"
        result = self.fresh("v")
        mark = self.fresh("m")
        unknown = self.fresh("u")
        self.line(depth, f"{mark} = len(missing)")
        self.line(depth, f"{unknown} = False")
        self.line(depth, "while True:")
        self.blocks += 1
        inner = depth + 1
        for operand in expr.operands:
            value = self.expr(operand, inner, scope)
            self.settle(inner, value, decisive, (result, mark, unknown))
        self.blocks -= 1
        otherwise = "True" if decisive == "False" else "False"
        self.line(inner, f"{result} = None if {unknown} else {otherwise}")
        self.line(inner, "break")
        return result

    def settle(
        self,
        depth: int,
        value: str,
        decisive: str,
        names: tuple[str, str, str],
    ) -> None:
        """
        In a loop: a `decisive` value settles it, an unknown one is noted.

        The decisive value becomes the result, the missing paths since
        the mark are dropped and the loop ends (Kleene: one false settles
        an and, one true an or). `names` are the result, the mark and the
        unknown flag.
        """
        result, mark, unknown = names
        self.line(depth, f"if {value} is {decisive}:")
        self.line(depth + 1, f"del missing[{mark}:]")
        self.line(depth + 1, f"{result} = {decisive}")
        self.line(depth + 1, "break")
        self.line(depth, f"if {value} is None:")
        self.line(depth + 1, f"{unknown} = True")

    def negate(self, expr: Not, depth: int, scope: _Scope) -> str:
        operand = self.expr(expr.operand, depth, scope)
        result = self.fresh("v")
        self.line(
            depth, f"{result} = None if {operand} is None else not {operand}"
        )
        return result

    def arith(self, expr: Arith, depth: int, scope: _Scope) -> str:
        if expr.op not in _ARITH_OPS:
            return self.closure(expr, depth, scope)
        left = self.expr(expr.left, depth, scope)
        right = self.expr(expr.right, depth, scope)
        return self.binary(depth, left, expr.op, right)

    def age(self, expr: Age, depth: int, scope: _Scope) -> str:
        born = self.expr(expr.operand, depth, scope)
        dotted = repr(
            expr.operand.dotted if isinstance(expr.operand, Field) else "?"
        )
        prefix = scope.prefix
        operand = expr.operand
        if (
            isinstance(operand, Field)
            and operand.scope is Scope.ITEM
            and operand.path in scope.ages
        ):
            age = scope.ages[operand.path]
            self.line(depth, f"if {age} is None and {born} is not None:")
            self.line(depth + 1, f"missing.append(({prefix}, {dotted}))")
            return age
        result = self.fresh("v")
        self.line(depth, f"if {born} is None:")
        self.line(depth + 1, f"{result} = None")
        self.line(depth, f"elif on < {born}:")
        self.line(depth + 1, f"missing.append(({prefix}, {dotted}))")
        self.line(depth + 1, f"{result} = None")
        self.line(depth, "else:")
        self.line(depth + 1, f"{result} = {_age_on(born)}")
        return result

    def aggregate(
        self, expr: Count | AnyOf | AllOf, depth: int, scope: _Scope
    ) -> str:
        del scope  # the collection is the entity's; its items a new scope
        name = expr.over.dotted
        found = self.fresh("f")
        result = self.fresh("v")
        self.fetch(depth, found, "entity", expr.over.path)
        self.line(depth, f"if {found} is None:")
        self.line(depth + 1, f"missing.append((None, {name!r}))")
        self.line(depth + 1, f"{result} = None")
        self.line(depth, "else:")
        inner = depth + 1
        if expr.where is None:
            self.line(inner, f"{result} = len({found})")
            return result
        start = len(self.lines)
        self.line(inner, "pass")
        unknown, tally = self.fresh("u"), self.fresh("t")
        counting = isinstance(expr, Count)
        self.line(inner, f"{tally} = {'0' if counting else 'len(missing)'}")
        self.line(inner, f"{unknown} = False")
        loop, value = self.items(expr.where, name, found, inner)
        body = inner + 1
        if counting:
            self.line(body, f"if {value}:")
            self.line(body + 1, f"{tally} += 1")
            self.line(body, f"elif {value} is None:")
            self.line(body + 1, f"{unknown} = True")
            self.line(inner, f"{result} = None if {unknown} else {tally}")
        else:
            decisive = isinstance(expr, AnyOf)
            self.settle(body, value, str(decisive), (result, tally, unknown))
            self.line(inner, "else:")
            self.line(
                inner + 1,
                f"{result} = None if {unknown} else {not decisive}",
            )
        if loop.dirty:
            saved = self.fresh("s")
            self.lines[start] = (
                _INDENT * inner + f"{saved} = env.item, env.prefix"
            )
            self.line(inner, f"env.item, env.prefix = {saved}")
        else:
            del self.lines[start]
        return result

    def items(
        self, where: Expr, name: str, found: str, depth: int
    ) -> tuple[_Scope, str]:
        """A loop over the items of `found` computing `where` for each."""
        index, item, prefix = (self.fresh(s) for s in ("i", "it", "px"))
        loop = _Scope(item, prefix, loop=True)
        self.line(depth, f"for {index}, {item} in enumerate({found}):")
        self.blocks += 1
        self.line(depth + 1, f"{prefix} = ({name!r}, {index})")
        outer = self.ctx.collection
        self.ctx.collection = name
        try:
            self.prefetch((where,), depth + 1, loop)
            value = self.expr(where, depth + 1, loop)
        finally:
            self.ctx.collection = outer
            self.blocks -= 1
        return loop, value


def _age_on(born: str) -> str:
    """The age on the decision date of one born on `born`, as `_age`."""
    return (
        f"on.year - {born}.year - "
        f"((on.month, on.day) < ({born}.month, {born}.day))"
    )


#: Up to how many enum options a membership test compares identities.
_IDENTITY_OPTIONS = 8


def _by_identity(values: tuple[object, ...]) -> bool:
    """Whether `values` are a few members of one enum equal by identity."""
    if not values or len(values) > _IDENTITY_OPTIONS:
        return False
    cls = type(values[0])
    return (
        issubclass(cls, enum.Enum)
        and cls.__eq__ is object.__eq__
        and all(type(v) is cls for v in values)
    )


_NODES: dict[type, Callable[[_Writer, Any, int, _Scope], str]] = {
    Field: _Writer.field,
    Compare: _Writer.compare,
    IsIn: _Writer.is_in,
    IsKnown: _Writer.is_known,
    And: _Writer.junction,
    Or: _Writer.junction,
    Not: _Writer.negate,
    Arith: _Writer.arith,
    Age: _Writer.age,
    Count: _Writer.aggregate,
    AnyOf: _Writer.aggregate,
    AllOf: _Writer.aggregate,
}
#: Nodes whose operands are read in a scope of their own.
_LOOPS = (Count, AnyOf, AllOf)

_PROLOGUE = (
    "entity = env.entity",
    "on = env.on",
    "reads = env.reads",
    "missing = env.missing",
)


def _build(writer: _Writer, source: str, name: str) -> Callable[..., Any]:
    namespace = dict(writer.names)
    exec(compile(source, f"<dayasos rule {name}>", "exec"), namespace)  # noqa: S102 - source written above from checked names
    built = namespace[name]
    assert callable(built)  # noqa: S101 - defined by the source
    return built


def generate(expr: Expr, ctx: Context) -> Callable[[Env], Any]:
    """
    `compile_expr(expr, ctx)` as one generated function.

    The same result and the same effects on the `Env` as the closure;
    the closure itself when the tree cannot be written out.

    Raises:
        RuleDefinitionError: as `compile_expr`, which checks the tree
            first.

    .. versionadded:: 0.1.0
    """
    closure = compile_expr(expr, ctx)
    writer = _Writer(ctx)
    scope = _Scope("item", "prefix", loop=False)
    result = writer.expr(expr, 1, scope)
    writer.line(1, f"return {result}")
    prologue = (*_PROLOGUE, "item = env.item", "prefix = env.prefix")
    source = writer.function("def evaluate(env):", prologue)
    try:
        return _build(writer, source, "evaluate")
    except (SyntaxError, RecursionError, MemoryError):  # pragma: no cover
        return closure


def candidates_function(
    whens: Sequence[Expr],
    amounts: Sequence[tuple[str, object]],
    ctx: Context,
    value_of: Callable[[object], int],
) -> Callable[..., tuple[list[tuple[int, int, int, object]], bool]] | None:
    """
    The candidate awards of every item, as one generated function.

    The function takes ``(env, items, name, plan)``. For each item in
    order and each component in order, the component's ``when``; when
    it holds, its amount, by its entry in `amounts`:
    ``("constant", rupiah)``, ``("call", f)`` for ``f(env)`` or
    ``("plan", f)`` for ``f(env, plan)``, unknown when `None`;
    an amount above zero (`value_of` for what is not `Rupiah`) is a
    candidate ``(-value, component, index, amount)``.
    It returns the candidates and whether every component was decided
    for every item. `ctx.collection` must name the items.
    `None` when the whens cannot be written out.

    .. versionadded:: 0.1.0
    """
    for when in whens:
        compile_expr(when, ctx)
    writer = _Writer(ctx)
    writer.names["value_of"] = value_of
    scope = _Scope("item", "prefix", loop=True)
    writer.blocks = 1
    depth = 2
    start = len(writer.lines)
    writer.line(depth, "pass")
    writer.prefetch(whens, depth, scope)
    for number, (when, (how, amount)) in enumerate(
        zip(whens, amounts, strict=True)
    ):
        value = writer.expr(when, depth, scope)
        writer.line(depth, f"if {value} is None:")
        writer.line(depth + 1, "complete = False")
        if how == "constant":
            assert isinstance(amount, Rupiah)  # noqa: S101 - as documented
            if amount.amount > 0:
                writer.line(depth, f"elif {value}:")
                writer.line(
                    depth + 1,
                    f"out.append(({-amount.amount}, {number}, index, "
                    f"{writer.constant(amount)}))",
                )
            continue
        scope.dirty = True
        call = writer.constant(amount)
        arguments = "env, plan" if how == "plan" else "env"
        writer.line(depth, f"elif {value}:")
        writer.line(depth + 1, f"a = {call}({arguments})")
        writer.line(depth + 1, "if a is None:")
        writer.line(depth + 2, "complete = False")
        writer.line(depth + 1, "else:")
        writer.line(
            depth + 2,
            "w = a.amount if a.__class__ is Rupiah else value_of(a)",
        )
        writer.line(depth + 2, "if w > 0:")
        writer.line(depth + 3, f"out.append((-w, {number}, index, a))")
    if scope.dirty:
        writer.lines[start] = _INDENT * depth + "env.item = item"
        writer.lines.insert(start + 1, _INDENT * depth + "env.prefix = prefix")
    else:
        del writer.lines[start]
    writer.line(1, "env.item = None")
    writer.line(1, "env.prefix = None")
    writer.line(1, "return out, complete")
    prologue = (
        *_PROLOGUE,
        "out = []",
        "complete = True",
        "for index, item in enumerate(items):",
        _INDENT + "prefix = (name, index)",
    )
    source = writer.function(
        "def candidates(env, items, name, plan):", prologue
    )
    try:
        return _build(writer, source, "candidates")
    except (SyntaxError, RecursionError, MemoryError):  # pragma: no cover
        return None
