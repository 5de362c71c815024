"""
Canonical forms: of values (for input hashes) and of rule trees.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.money import Rupiah
from dayasos.rules._expr import Const, Expr, Field, Param


if TYPE_CHECKING:
    from dayasos.model import LegalReference
    from dayasos.policy import Reference


__all__ = ["canonical_expr", "canonical_value", "digest", "reference_dict"]


def canonical_value(value: object) -> object:  # noqa: PLR0911 - one per type
    """
    A JSON-ready form of a value that does not depend on the process.

    >>> canonical_value(Rupiah(5))
    {'rupiah': 5}
    >>> canonical_value(dt.date(2020, 7, 21))
    '2020-07-21'

    .. versionadded:: 0.1.0
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Rupiah):
        return {"rupiah": value.amount}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__qualname__, "value": value.value}
    if isinstance(value, (Decimal, Fraction)):
        return {"ratio": str(Fraction(value))}
    if isinstance(value, (frozenset, set)):
        items = [canonical_value(v) for v in value]
        return sorted(items, key=_dumps)
    if isinstance(value, (tuple, list)):
        return [canonical_value(v) for v in value]
    if isinstance(value, type):
        return {"type": f"{value.__module__}.{value.__qualname__}"}
    if attrs.has(type(value)):
        return {
            "record": type(value).__qualname__,
            "fields": {
                a.name: canonical_value(getattr(value, a.name))
                for a in _fields(value)
            },
        }
    return {"repr": type(value).__qualname__}


def reference_dict(
    reference: Reference | LegalReference | None,
) -> dict[str, object] | None:
    """
    A legal reference as a JSON-ready dict.

    .. versionadded:: 0.1.0
    """
    if reference is None:
        return None
    return {
        a.name: getattr(reference, a.name)
        for a in attrs.fields(type(reference))
    }


def canonical_expr(expr: Expr) -> object:
    """
    The canonical form of an expression tree.

    A node is its class name and its fields;
    an optional field added after a node was first written is left out
    while `None` (its attrs metadata says ``canonical_omit_none``),
    so the hashes of rules that do not use it stay.

    >>> from dayasos.rules._expr import decision_date
    >>> canonical_expr(decision_date())
    {'node': 'DecisionDate'}

    .. versionadded:: 0.1.0
    """
    node: dict[str, object] = {"node": type(expr).__name__}
    if isinstance(expr, Field):
        node.update(
            root=expr.root.__qualname__,
            scope=expr.scope.value,
            path=list(expr.path),
        )
        return node
    if isinstance(expr, Const):
        node["value"] = canonical_value(expr.value)
        return node
    if isinstance(expr, Param):
        node["name"] = expr.name
        return node
    for a in _fields(expr):
        value = getattr(expr, a.name)
        if value is None and a.metadata.get("canonical_omit_none"):
            continue
        if isinstance(value, Expr):
            node[a.name] = canonical_expr(value)
        elif isinstance(value, tuple):
            node[a.name] = [canonical_expr(v) for v in value]
        else:
            node[a.name] = canonical_value(value)
    return node


def _fields(value: object) -> tuple[attrs.Attribute[object], ...]:
    return tuple(attrs.fields(type(value)))  # type: ignore[arg-type]


def _dumps(document: object) -> str:
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def digest(document: object) -> str:
    """
    SHA-256 hex digest of a canonical JSON document.

    .. versionadded:: 0.1.0
    """
    return hashlib.sha256(_dumps(document).encode("utf-8")).hexdigest()
