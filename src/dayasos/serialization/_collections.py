"""
Strict hooks for collections: arrays and objects.

Arrays become tuples, frozensets and lists; objects become mappings.
An array must be a JSON array (a string is not a list of characters);
every element is read, and all failing elements are reported together,
each at its index. Frozensets are written sorted so that output is stable,
and an array given for a frozenset may not repeat an element.
"""

from __future__ import annotations

import collections.abc
import json
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cattrs import IterableValidationError, IterableValidationNote

from dayasos.errors import InvalidLength, ValidationError
from dayasos.serialization._problems import wrong_type


if TYPE_CHECKING:
    from collections.abc import Callable

    from cattrs import Converter


__all__ = [
    "is_frozenset",
    "is_list",
    "is_mapping",
    "is_tuple",
    "make_frozenset_hooks",
    "make_list_hooks",
    "make_mapping_hooks",
    "make_tuple_hooks",
]

StructureHook = typing.Callable[[Any, Any], Any]
UnstructureHook = typing.Callable[[Any], Any]

_FROZENSETS = (frozenset, collections.abc.Set)
_LISTS = (list, collections.abc.Sequence, collections.abc.MutableSequence)
_MAPPINGS = (dict, collections.abc.Mapping)


def _origin(tp: object) -> object:
    return typing.get_origin(tp) or tp


def is_frozenset(tp: object) -> bool:
    """Whether `tp` is ``frozenset[X]`` or ``AbstractSet[X]``."""
    return _origin(tp) in _FROZENSETS


def is_tuple(tp: object) -> bool:
    """Whether `tp` is a ``tuple[...]``."""
    return _origin(tp) is tuple


def is_list(tp: object) -> bool:
    """Whether `tp` is ``list[X]`` or ``Sequence[X]``."""
    return _origin(tp) in _LISTS


def is_mapping(tp: object) -> bool:
    """Whether `tp` is ``dict[K, V]`` or ``Mapping[K, V]``."""
    return _origin(tp) in _MAPPINGS


def _args(tp: object, count: int) -> tuple[Any, ...]:
    args = typing.get_args(tp)
    return args if len(args) == count else (Any,) * count


def _structure_items(
    converter: Converter,
    value: object,
    cls: object,
    item_types: Callable[[int], Any],
) -> list[Any]:
    """Structure each element of an array, gathering every failure."""
    if not isinstance(value, (list, tuple)):
        raise wrong_type("an array", value)
    items: list[Any] = []
    errors: list[Exception] = []
    for index, raw in enumerate(value):
        item_type = item_types(index)
        try:
            items.append(converter.structure(raw, item_type))
        except Exception as exc:  # noqa: BLE001 - gathered, reported with its index
            exc.add_note(
                IterableValidationNote(
                    f"Structuring {cls} @ index {index}", index, item_type
                )
            )
            errors.append(exc)
    if errors:
        raise _group(errors, cls)
    return items


def _group(errors: list[Exception], cls: Any) -> IterableValidationError:  # noqa: ANN401 - any collection type
    return IterableValidationError(f"While structuring {cls}", errors, cls)


def _index_error(error: Exception, index: int, cls: object) -> Exception:
    note = f"Structuring {cls} @ index {index}"
    error.add_note(IterableValidationNote(note, index, cls))
    return error


def _sort_key(item: object) -> tuple[int, Any]:
    """Order unstructured elements: numbers, then strings, then the rest."""
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return (0, item)
    if isinstance(item, str):
        return (1, item)
    return (2, json.dumps(item, sort_keys=True, default=str))


def make_frozenset_hooks(
    converter: Converter,
) -> tuple[Callable[[Any], StructureHook], Callable[[Any], UnstructureHook]]:
    """Hook factories for ``frozenset[X]``: unique array in, sorted out."""

    def structure_factory(tp: object) -> StructureHook:
        (item_type,) = _args(tp, 1)

        def structure(value: object, _: object) -> frozenset[Any]:
            items = _structure_items(converter, value, tp, lambda _: item_type)
            seen: dict[Any, int] = {}
            errors: list[Exception] = []
            for index, item in enumerate(items):
                first = seen.setdefault(item, index)
                if first != index:
                    duplicate = ValidationError(
                        "duplicate of item {first}",
                        code="serialization.duplicate_item",
                        first=first,
                    )
                    errors.append(_index_error(duplicate, index, item_type))
            if errors:
                raise _group(errors, tp)
            return frozenset(items)

        return structure

    def unstructure_factory(tp: object) -> UnstructureHook:
        (item_type,) = _args(tp, 1)

        def unstructure(value: frozenset[Any]) -> list[Any]:
            items = [
                converter.unstructure(item, unstructure_as=item_type)
                for item in value
            ]
            return sorted(items, key=_sort_key)

        return unstructure

    return structure_factory, unstructure_factory


def _tuple_item_types(tp: object) -> Callable[[int], Any]:
    args = typing.get_args(tp)
    if not args:
        return lambda _: Any
    if len(args) == 2 and args[1] is Ellipsis:
        return lambda _: args[0]
    return lambda index: args[index]


def _tuple_length(tp: object) -> int | None:
    args = typing.get_args(tp)
    if not args or (len(args) == 2 and args[1] is Ellipsis):
        return None
    if args == ((),):
        return 0
    return len(args)


def make_tuple_hooks(
    converter: Converter,
) -> tuple[Callable[[Any], StructureHook], Callable[[Any], UnstructureHook]]:
    """Hook factories for ``tuple[X, ...]`` and fixed ``tuple[X, Y]``."""

    def structure_factory(tp: object) -> StructureHook:
        types = _tuple_item_types(tp)
        length = _tuple_length(tp)

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if (
                length is not None
                and isinstance(value, (list, tuple))
                and len(value) != length
            ):
                raise InvalidLength(
                    "expected {expected} items, got {length}",
                    code="serialization.length",
                    expected=length,
                    length=len(value),
                )
            return tuple(_structure_items(converter, value, tp, types))

        return structure

    def unstructure_factory(tp: object) -> UnstructureHook:
        types = _tuple_item_types(tp)

        def unstructure(value: tuple[Any, ...]) -> list[Any]:
            return [
                converter.unstructure(item, unstructure_as=types(index))
                for index, item in enumerate(value)
            ]

        return unstructure

    return structure_factory, unstructure_factory


def make_list_hooks(
    converter: Converter,
) -> tuple[Callable[[Any], StructureHook], Callable[[Any], UnstructureHook]]:
    """Hook factories for ``list[X]`` and ``Sequence[X]``."""

    def structure_factory(tp: object) -> StructureHook:
        (item_type,) = _args(tp, 1)

        def structure(value: object, _: object) -> list[Any]:
            return _structure_items(converter, value, tp, lambda _: item_type)

        return structure

    def unstructure_factory(tp: object) -> UnstructureHook:
        (item_type,) = _args(tp, 1)

        def unstructure(value: list[Any]) -> list[Any]:
            return [
                converter.unstructure(item, unstructure_as=item_type)
                for item in value
            ]

        return unstructure

    return structure_factory, unstructure_factory


def make_mapping_hooks(
    converter: Converter,
) -> tuple[Callable[[Any], StructureHook], Callable[[Any], UnstructureHook]]:
    """
    Hook factories for ``dict[K, V]`` and ``Mapping[K, V]``.

    Keys are strings or string-valued enums (JSON object keys are text);
    output keys are sorted.
    """

    def structure_factory(tp: object) -> StructureHook:
        key_type, value_type = _args(tp, 2)

        def structure(value: object, _: object) -> dict[Any, Any]:
            if not isinstance(value, Mapping):
                raise wrong_type("an object", value)
            result: dict[Any, Any] = {}
            errors: list[Exception] = []
            for raw_key, raw_value in value.items():
                try:
                    key = converter.structure(raw_key, key_type)
                    result[key] = converter.structure(raw_value, value_type)
                except Exception as exc:  # noqa: BLE001 - gathered with its key
                    exc.add_note(
                        IterableValidationNote(
                            f"Structuring {tp} @ key {raw_key!r}",
                            str(raw_key),
                            value_type,
                        )
                    )
                    errors.append(exc)
            if errors:
                raise _group(errors, tp)
            return result

        return structure

    def unstructure_factory(tp: object) -> UnstructureHook:
        key_type, value_type = _args(tp, 2)

        def unstructure(value: Mapping[Any, Any]) -> dict[Any, Any]:
            pairs = [
                (
                    converter.unstructure(k, unstructure_as=key_type),
                    converter.unstructure(v, unstructure_as=value_type),
                )
                for k, v in value.items()
            ]
            return dict(sorted(pairs, key=lambda pair: _sort_key(pair[0])))

        return unstructure

    return structure_factory, unstructure_factory
