"""
What a rule tree reads and which thresholds it compares against.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.rules._aggregate import (
    ActiveIn,
    Aggregate,
    AllOf,
    AnyOf,
    Count,
    GraduatedFrom,
    SumLargest,
    SumOf,
)
from dayasos.rules._expr import (
    Age,
    Compare,
    Const,
    DecisionDate,
    Expr,
    Field,
    IsIn,
    Param,
    YearsBetween,
)


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


__all__ = ["Threshold", "describe", "list_inputs", "list_thresholds"]

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

#: An expression and the collection its item fields are read from.
Scoped = tuple[Expr, str]


@attrs.frozen(kw_only=True)
class Threshold:
    """
    A comparison of an input with a parameter or a constant.

    Read as ``field op parameter`` (or ``field op value``):
    ``decile <= pkh.max_decile``.

    .. versionadded:: 0.1.0
    """

    #: What is compared: a field path, or ``age(...)``, ``count(...)``.
    field: str
    #: The operator with the field on its left: ``<``, ``<=``, ``in`` ...
    op: str
    #: The parameter compared against, if any.
    parameter: str | None = None
    #: The constant compared against, if no parameter.
    value: object = None


def _path(field: Field, collection: str) -> str:
    if field.scope.value == "item":
        return f"{collection}[*].{field.dotted}"
    return field.dotted


def describe(expr: Expr, collection: str = "") -> str | None:  # noqa: PLR0911 - one per node
    """
    A short name for an input-like expression, or `None` for others.

    .. versionadded:: 0.1.0
    """
    if isinstance(expr, Field):
        return _path(expr, collection)
    if isinstance(expr, Age) and isinstance(expr.operand, Field):
        return f"age({_path(expr.operand, collection)})"
    if isinstance(expr, (Count, AnyOf, AllOf, SumOf, SumLargest)):
        return f"{type(expr).__name__.lower()}({expr.over.dotted}[*])"
    if isinstance(expr, (ActiveIn, GraduatedFrom)):
        return f"{type(expr).__name__.lower()}({expr.program})"
    if isinstance(expr, DecisionDate):
        return "decision_date"
    if isinstance(expr, YearsBetween):
        start = describe(expr.start, collection) or "?"
        end = describe(expr.end, collection) or "?"
        return f"years_between({start}, {end})"
    return None


def _walk(expr: Expr, collection: str) -> Iterator[tuple[Expr, str]]:
    yield expr, collection
    inner = collection
    if isinstance(expr, Aggregate):
        inner = expr.over.dotted
    for child in expr.children():
        yield from _walk(child, inner)


def list_inputs(scoped: Iterable[Scoped]) -> tuple[str, ...]:
    """
    Every field path read, in the order first met, without repeats.

    Item fields read as ``members[*].person.birth_date``.

    .. versionadded:: 0.1.0
    """
    found: dict[str, None] = {}
    for expr, collection in scoped:
        for node, scope in _walk(expr, collection):
            if isinstance(node, Field) and not (
                node.scope.value == "entity"
                and node.vtype.kind.value == "records"
            ):
                found[_path(node, scope)] = None
            elif isinstance(node, (ActiveIn, GraduatedFrom)):
                found["memberships"] = None
    return tuple(found)


def _against(expr: Expr) -> tuple[str | None, object] | None:
    if isinstance(expr, Param):
        return expr.name, None
    if isinstance(expr, Const):
        return None, expr.value
    return None


def list_thresholds(scoped: Iterable[Scoped]) -> tuple[Threshold, ...]:
    """
    Every comparison of an input with a parameter or a constant.

    .. versionadded:: 0.1.0
    """
    found: dict[Threshold, None] = {}
    for expr, collection in scoped:
        for node, scope in _walk(expr, collection):
            if isinstance(node, Compare):
                sides = (
                    (node.left, node.right, node.op),
                    (node.right, node.left, _FLIP[node.op]),
                )
                for side, other, op in sides:
                    name = describe(side, scope)
                    against = _against(other)
                    if name is not None and against is not None:
                        found[
                            Threshold(
                                field=name,
                                op=op,
                                parameter=against[0],
                                value=against[1],
                            )
                        ] = None
            elif isinstance(node, IsIn):
                name = describe(node.operand, scope)
                against = _against(node.options)
                if name is not None and against is not None:
                    found[
                        Threshold(
                            field=name,
                            op="in",
                            parameter=against[0],
                            value=against[1],
                        )
                    ] = None
    return tuple(found)
