"""
Resolving the annotations of attrs classes before reading them.

Model modules use ``from __future__ import annotations`` and import the
types they only annotate with under ``if TYPE_CHECKING:``, so the names are
not in the module at run time. `resolve` evaluates the annotations in the
module's namespace completed by those imports, which it reads from the
module's source.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import inspect
import sys
from typing import Any

import attrs

from dayasos.errors import ConfigurationError


__all__ = ["resolve"]


def resolve(cls: type[Any]) -> None:
    """
    Replace the string annotations of an attrs class by the types.

    Does nothing when the class's annotations are already resolved.

    Raises:
        ConfigurationError: An annotation names a type that cannot be
            found.
    """
    try:
        attrs.resolve_types(cls, globalns=_namespace(cls))
    except NameError as exc:
        raise ConfigurationError(
            "cannot resolve the annotations of {type} ({detail})",
            code="serialization.unresolved_type",
            type=cls.__qualname__,
            detail=str(exc),
        ) from exc


def _namespace(cls: type[Any]) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        module = sys.modules.get(base.__module__)
        if module is None:
            continue
        namespace.update(_type_checking_names(module.__name__))
        namespace.update(vars(module))
    return namespace


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


@functools.cache
def _type_checking_names(module_name: str) -> dict[str, Any]:
    """The names a module imports under ``if TYPE_CHECKING:``."""
    module = sys.modules[module_name]
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError, SyntaxError):
        return {}
    names: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.body:
                names.update(_imported(statement, module.__package__))
    return names


def _imported(statement: ast.stmt, package: str | None) -> dict[str, Any]:
    names: dict[str, Any] = {}
    try:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                imported = importlib.import_module(alias.name)
                if alias.asname:
                    names[alias.asname] = imported
                else:
                    top = alias.name.partition(".")[0]
                    names[top] = sys.modules[top]
        elif isinstance(statement, ast.ImportFrom):
            source = "." * statement.level + (statement.module or "")
            if statement.level:
                source = importlib.util.resolve_name(source, package)
            module = importlib.import_module(source)
            for alias in statement.names:
                name = alias.asname or alias.name
                if hasattr(module, alias.name):
                    names[name] = getattr(module, alias.name)
                else:
                    names[name] = importlib.import_module(
                        f"{source}.{alias.name}"
                    )
    except ImportError:
        return names
    return names
