"""Read-only mappings for the fields of frozen value classes."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["read_only"]


def read_only(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """
    A read-only copy of `mapping`, keeping its order.

    Typed with `Any` so that attrs fields of any mapping type can use it
    as their converter.

    >>> read_only({"a": 1})["a"]
    1
    """
    return MappingProxyType(dict(mapping))
