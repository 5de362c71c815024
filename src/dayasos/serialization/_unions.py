"""
Unions: optional values, tagged unions of classes, and alternatives.

- ``X | None`` reads ``null`` as `None` and anything else as ``X``.
- A union of attrs classes is *tagged*: the object carries the name of
  its class under `TAG`, e.g. ``{"type": "FamilyRef", "kk": "..."}``.
- Any other union tries its members in order; since no hook coerces,
  at most the member of the value's own kind accepts it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from dayasos.errors import ConfigurationError, InvalidFormat, ValidationError
from dayasos.serialization._problems import describe, shown, wrong_type


if TYPE_CHECKING:
    from collections.abc import Callable

    from cattrs import Converter


__all__ = [
    "TAG",
    "is_union",
    "make_union_hooks",
    "tag_of",
    "tagged_members",
]

#: The key that names the class of a member of a tagged union.
TAG = "type"

_NONE = type(None)


def is_union(tp: object) -> bool:
    """Whether `tp` is a union (``X | Y``, ``Optional[X]``)."""
    origin = typing.get_origin(tp)
    return origin is typing.Union or origin is types.UnionType


def tag_of(cls: type[Any]) -> str:
    """The tag of a class in a tagged union: its name."""
    return cls.__name__


def tagged_members(tp: object) -> tuple[type[Any], ...] | None:
    """
    The classes of a union of two or more attrs classes, else `None`.

    Raises:
        ConfigurationError: A member has a field named like `TAG`, or two
            members have the same name.
    """
    members = [a for a in typing.get_args(tp) if a is not _NONE]
    if len(members) < 2 or not all(
        isinstance(m, type) and attrs.has(m) for m in members
    ):
        return None
    tags = [tag_of(m) for m in members]
    clash = [m for m in members if TAG in {f.alias for f in attrs.fields(m)}]
    if clash or len(set(tags)) != len(tags):
        raise ConfigurationError(
            "cannot tag the union {type}: its classes need distinct names "
            "and no field called {tag!r}",
            code="serialization.union",
            type=describe(tp),
            tag=TAG,
        )
    return tuple(members)


def make_union_hooks(
    converter: Converter,
) -> tuple[
    Callable[[Any], Callable[[Any, Any], Any]],
    Callable[[Any], Callable[[Any], Any]],
]:
    """Hook factories for unions."""

    def structure_factory(tp: object) -> Callable[[Any, Any], Any]:
        args = typing.get_args(tp)
        optional = _NONE in args
        members = [a for a in args if a is not _NONE]
        tagged = tagged_members(tp)
        names = " or ".join(describe(m) for m in members)

        def structure(value: object, _: object) -> object:
            if value is None and optional:
                return None
            if tagged is not None:
                return _structure_tagged(converter, value, tagged)
            return _structure_alternatives(converter, value, members, names)

        return structure

    def unstructure_factory(tp: object) -> Callable[[Any], Any]:
        tagged = tagged_members(tp)
        members = [a for a in typing.get_args(tp) if a is not _NONE]

        def unstructure(value: object) -> object:
            if value is None:
                return None
            if tagged is not None and type(value) in tagged:
                data = converter.unstructure(value, unstructure_as=type(value))
                return {TAG: tag_of(type(value)), **data}
            member = _member_of(value, members)
            return converter.unstructure(value, unstructure_as=member)

        return unstructure

    return structure_factory, unstructure_factory


def _member_of(value: object, members: list[Any]) -> Any:  # noqa: ANN401 - any type form
    """
    The declared member a value belongs to, for its item types.

    ``tuple[Person, ...] | None`` writes a tuple as ``tuple[Person, ...]``,
    not as a bare tuple, so that tagged unions inside it keep their tags.
    """
    for member in members:
        origin = typing.get_origin(member) or member
        if isinstance(origin, type) and isinstance(value, origin):
            return member
    return type(value)


def _structure_tagged(
    converter: Converter, value: object, members: tuple[type[Any], ...]
) -> object:
    by_tag = {tag_of(m): m for m in members}
    choices = ", ".join(repr(t) for t in by_tag)
    if not isinstance(value, Mapping):
        expected = f"an object with a {TAG!r} of {choices}"
        raise wrong_type(expected, value)
    if TAG not in value:
        raise ValidationError(
            "required field missing; expected one of {choices}",
            code="serialization.missing_field",
            path=TAG,
            choices=choices,
        )
    tag = value[TAG]
    cls = by_tag.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise InvalidFormat(
            "expected one of {choices}, got {value!r}",
            code="serialization.union_tag",
            path=TAG,
            value=shown(tag),
            choices=choices,
        )
    rest = {k: v for k, v in value.items() if k != TAG}
    if duplicates := getattr(value, "duplicate_keys", ()):
        rest = _WithDuplicates(rest)
        rest.duplicate_keys = duplicates
    return converter.structure(rest, cls)


class _WithDuplicates(dict[str, Any]):
    duplicate_keys: tuple[str, ...] = ()


def _structure_alternatives(
    converter: Converter, value: object, members: list[Any], names: str
) -> object:
    if value is None:
        raise wrong_type(names, value)
    if len(members) == 1:
        return converter.structure(value, members[0])
    specific: list[Exception] = []
    for member in members:
        try:
            return converter.structure(value, member)
        except Exception as exc:  # noqa: BLE001 - the next member may fit
            if getattr(exc, "error_code", "") != "serialization.wrong_type":
                specific.append(exc)
    if len(specific) == 1:
        raise specific[0]
    raise wrong_type(names, value)
