"""
The static types of rule expressions, read from the model's attrs fields.

A rule is checked when it is defined: a field that does not exist,
or a comparison between a decile and an amount of money,
raises `RuleDefinitionError` before any family is decided.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
import types
import typing
from decimal import Decimal
from fractions import Fraction

import attrs

import dayasos.ids
import dayasos.model
from dayasos.errors import RuleDefinitionError
from dayasos.money import Rupiah


__all__ = [
    "Kind",
    "VType",
    "definition_error",
    "field_type",
    "type_of_value",
]


def definition_error(
    message: str, code: str, *, path: str = "", **params: object
) -> RuleDefinitionError:
    """
    A `RuleDefinitionError` with a code, a path and template values.

    .. versionadded:: 0.1.0
    """
    return RuleDefinitionError(
        message,
        code=code,
        path=path,
        **typing.cast("dict[str, typing.Any]", params),
    )


class Kind(enum.Enum):
    """
    What a rule expression evaluates to.

    .. versionadded:: 0.1.0
    """

    BOOL = "bool"
    INT = "int"
    MONEY = "money"
    NUMBER = "number"
    DATE = "date"
    STR = "str"
    ENUM = "enum"
    SET = "set"
    CODES = "codes"
    RECORD = "record"
    RECORDS = "records"
    OPAQUE = "opaque"
    #: A parameter, whose type is known only once it is looked up.
    ANY = "any"


@attrs.frozen
class VType:
    """
    A static type: a kind and, for enums and records, the class.

    .. versionadded:: 0.1.0
    """

    kind: Kind
    cls: type | None = None

    def __str__(self) -> str:
        if self.cls is None:
            return self.kind.value
        return f"{self.kind.value}[{self.cls.__name__}]"

    def fits(self, other: VType) -> bool:
        """Whether values of the two types can be compared."""
        if Kind.ANY in (self.kind, other.kind):
            return True
        if self.kind is Kind.ENUM and other.kind in (Kind.STR, Kind.CODES):
            return True
        return self == other


BOOL = VType(Kind.BOOL)
INT = VType(Kind.INT)
MONEY = VType(Kind.MONEY)
DATE = VType(Kind.DATE)
ANY = VType(Kind.ANY)


def _namespace() -> dict[str, object]:
    found: dict[str, object] = {}
    found.update(vars(dayasos.ids))
    found.update(vars(dayasos.model))
    found.update(
        dt=dt,
        datetime=dt,
        Rupiah=Rupiah,
        Decimal=Decimal,
        Fraction=Fraction,
    )
    return found


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    module = sys.modules[cls.__module__]
    return typing.get_type_hints(
        cls, globalns=vars(module), localns=_namespace()
    )


def _strip_none(hint: object) -> object:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _classify(hint: object) -> VType:
    hint = _strip_none(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is frozenset and args and _is_enum(args[0]):
        return VType(Kind.SET, typing.cast("type", args[0]))
    if origin is tuple and args and args[0] is str:
        return VType(Kind.CODES)
    if origin is tuple and args and attrs.has(typing.cast("type", args[0])):
        return VType(Kind.RECORDS, typing.cast("type", args[0]))
    if not isinstance(hint, type):
        return VType(Kind.OPAQUE)
    return type_of_class(hint)


def _is_enum(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, enum.Enum)


def type_of_class(cls: type) -> VType:  # noqa: PLR0911 - one per kind
    """
    The static type of values of a Python class.

    .. versionadded:: 0.1.0
    """
    if cls is bool:
        return BOOL
    if cls is int:
        return INT
    if cls is Rupiah:
        return MONEY
    if cls in (Decimal, Fraction):
        return VType(Kind.NUMBER)
    if issubclass(cls, dt.date) and not issubclass(cls, dt.datetime):
        return DATE
    if cls is str:
        return VType(Kind.STR)
    if issubclass(cls, enum.Enum):
        return VType(Kind.ENUM, cls)
    if attrs.has(cls):
        return VType(Kind.RECORD, cls)
    return VType(Kind.OPAQUE, cls)


def type_of_value(value: object) -> VType:
    """
    The static type of a constant or a parameter's value.

    >>> str(type_of_value(Rupiah(5)))
    'money'

    .. versionadded:: 0.1.0
    """
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return VType(Kind.CODES)
    return type_of_class(type(value))


def field_type(cls: type, name: str, *, path: str) -> VType:
    """
    The static type of the attrs field `name` of the model class `cls`.

    Typed properties of the model (``Person.has_severe_disability``)
    read like fields.

    Raises:
        RuleDefinitionError: ``rules.unknown_field`` when `cls` has no
            such field; the message lists the fields it has.

    .. versionadded:: 0.1.0
    """
    names = [a.name for a in attrs.fields(cls)] if attrs.has(cls) else []
    found = getattr(cls, name, None)
    if name not in names and isinstance(found, property):
        hints = typing.get_type_hints(
            found.fget,
            globalns=vars(sys.modules[cls.__module__]),
            localns=_namespace(),
        )
        return _classify(hints.get("return"))
    if name not in names:
        raise RuleDefinitionError(
            "{cls} has no field {value!r}; its fields are {known}",
            code="rules.unknown_field",
            path=path,
            value=name,
            cls=cls.__name__,
            known=", ".join(names) or "none",
        )
    return _classify(_hints(cls)[name])
