"""
The one strict cattrs converter of dayasos.

`make_converter` assembles it from the hooks in `_scalars` and
`_collections`; `CONVERTER` is the shared instance that the public
functions use. Classes are read with unknown keys refused and every
problem of a record gathered (``detailed_validation``).
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
from cattrs import ClassValidationError, Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from dayasos.errors import InvalidFormat
from dayasos.ids import KK, NIK, RegionCode
from dayasos.money import Rupiah
from dayasos.periods import Period, Tahap
from dayasos.serialization import _collections as cols
from dayasos.serialization import _scalars as sc
from dayasos.serialization._periods import make_period_hooks
from dayasos.serialization._problems import (
    DuplicateKeysError,
    kind_of,
    shown,
    wrong_type,
)
from dayasos.serialization._types import resolve
from dayasos.serialization._unions import is_union, make_union_hooks


if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["CONVERTER", "make_converter"]


def _is_enum(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _is_attrs_class(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _is_literal(tp: object) -> bool:
    return typing.get_origin(tp) is typing.Literal


def _structure_literal(value: object, tp: object) -> object:
    """Accept one of the literal values, of the same type (no 1 for True)."""
    choices = typing.get_args(tp)
    for choice in choices:
        if type(choice) is type(value) and choice == value:
            return choice
    listed = ", ".join(repr(c) for c in choices)
    if kind_of(value) not in {kind_of(c) for c in choices}:
        expected = f"one of {listed}"
        raise wrong_type(expected, value)
    raise InvalidFormat(
        "expected one of {choices}, got {value!r}",
        code="serialization.literal",
        value=shown(value),
        choices=listed,
    )


def _unstructure_enum(member: enum.Enum) -> object:
    return member.value


def _attrs_structure_factory(
    converter: Converter,
) -> Callable[[Any], Callable[[Any, Any], Any]]:
    def factory(cls: type[Any]) -> Callable[[Any, Any], Any]:
        resolve(cls)
        inner = make_dict_structure_fn(cls, converter)
        expected = f"an object ({cls.__name__})"

        def structure(value: object, _: object) -> object:
            if not isinstance(value, Mapping):
                raise wrong_type(expected, value)
            duplicates: tuple[str, ...] = getattr(value, "duplicate_keys", ())
            if not duplicates:
                return inner(value, cls)
            found = DuplicateKeysError(duplicates)
            try:
                inner(value, cls)
            except ClassValidationError as exc:
                errors = [*exc.exceptions, found]
                raise ClassValidationError(exc.message, errors, cls) from None
            message = f"While structuring {cls.__name__}"
            raise ClassValidationError(message, [found], cls)

        return structure

    return factory


def _attrs_unstructure_factory(
    converter: Converter,
) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: type[Any]) -> Callable[[Any], Any]:
        resolve(cls)
        return make_dict_unstructure_fn(cls, converter)

    return factory


def _register_periods(converter: Converter) -> None:
    structure_attrs = _attrs_structure_factory(converter)
    unstructure_attrs = _attrs_unstructure_factory(converter)

    @functools.cache
    def tahap_hooks() -> tuple[
        Callable[[Any, Any], Any], Callable[[Any], Any]
    ]:
        return structure_attrs(Tahap), unstructure_attrs(Tahap)

    def structure_tahap(value: object) -> Tahap:
        tahap: Tahap = tahap_hooks()[0](value, Tahap)
        return tahap

    def unstructure_tahap(tahap: Tahap) -> object:
        return tahap_hooks()[1](tahap)

    structure, unstructure = make_period_hooks(
        structure_tahap, unstructure_tahap
    )
    converter.register_structure_hook(Period, structure)
    converter.register_unstructure_hook(Period, unstructure)


def make_converter() -> Converter:
    """
    Build a strict converter for the dayasos value and model types.

    .. versionadded:: 0.1.0
    """
    converter = Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        use_alias=True,
    )
    # Classes go through singledispatch, which cattrs consults first.
    for cls, structure_hook in (
        (str, sc.structure_str),
        (int, sc.structure_int),
        (float, sc.structure_float),
        (bool, sc.structure_bool),
        (date, sc.structure_date),
        (Rupiah, sc.structure_rupiah),
        (NIK, sc.structure_nik),
        (KK, sc.structure_kk),
        (RegionCode, sc.structure_region),
    ):
        converter.register_structure_hook(cls, structure_hook)
    for cls, unstructure_hook in (
        (date, sc.unstructure_date),
        (Rupiah, sc.unstructure_rupiah),
        (NIK, sc.unstructure_nik),
        (KK, sc.unstructure_kk),
        (RegionCode, sc.unstructure_region),
    ):
        converter.register_unstructure_hook(cls, unstructure_hook)

    # Predicates registered later are tried first.
    converter.register_structure_hook_factory(
        _is_attrs_class, _attrs_structure_factory(converter)
    )
    converter.register_unstructure_hook_factory(
        _is_attrs_class, _attrs_unstructure_factory(converter)
    )
    converter.register_structure_hook_func(_is_enum, sc.structure_enum)
    converter.register_unstructure_hook_func(_is_enum, _unstructure_enum)
    converter.register_structure_hook_func(_is_literal, _structure_literal)
    for predicate, make_hooks in (
        (cols.is_list, cols.make_list_hooks),
        (cols.is_tuple, cols.make_tuple_hooks),
        (cols.is_frozenset, cols.make_frozenset_hooks),
        (cols.is_mapping, cols.make_mapping_hooks),
    ):
        structure_factory, unstructure_factory = make_hooks(converter)
        converter.register_structure_hook_factory(predicate, structure_factory)
        converter.register_unstructure_hook_factory(
            predicate, unstructure_factory
        )
    _register_periods(converter)
    structure_union, unstructure_union = make_union_hooks(converter)
    converter.register_structure_hook_factory(is_union, structure_union)
    converter.register_unstructure_hook_factory(is_union, unstructure_union)
    return converter


#: The shared strict converter.
CONVERTER = make_converter()
