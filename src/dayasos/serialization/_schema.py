"""
JSON Schema (draft 2020-12) of the input types, generated from the classes.

The schema says what the strict converter accepts from JSON, so that
services in other languages can check a document before they send it:
field names and types, which fields are required, enum codes, the forms of
NIK, KK, region codes and dates, and no unknown keys.
A few checks remain the converter's alone (NIK check digits and dates
inside the number, calendar dates such as 30 February, rules a class
enforces across fields); the schema never refuses what the converter
accepts from JSON.
"""

from __future__ import annotations

import enum
import inspect
import re
import types
import typing
from datetime import date, datetime
from typing import Any

import attrs

from dayasos.errors import ConfigurationError
from dayasos.ids import KK, NIK, RegionCode
from dayasos.money import Rupiah
from dayasos.periods import Period, Tahap
from dayasos.serialization import _collections as cols
from dayasos.serialization._converter import CONVERTER
from dayasos.serialization._periods import CODE_PATTERNS
from dayasos.serialization._problems import describe
from dayasos.serialization._scalars import DATE_PATTERN
from dayasos.serialization._types import resolve
from dayasos.serialization._unions import TAG, tag_of, tagged_members


__all__ = ["DRAFT", "json_schema"]

#: The JSON Schema dialect of the generated schemas.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DIGITS_16 = "^[0-9]{16}$"
_REGION = (
    "^(?:[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10}"
    "|[0-9]{2}\\.[0-9]{2}"
    "|[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}"
    "|[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4})$"
)

_VALUE_TYPES: dict[type, tuple[str, dict[str, Any]]] = {
    date: (
        "Date",
        {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "description": "A calendar date in ISO 8601 form, "
            "e.g. 2020-07-21.",
        },
    ),
    Rupiah: (
        "Rupiah",
        {
            "type": "integer",
            "description": "An amount of rupiah as a whole number, e.g. "
            "1500000. Fractions are refused.",
        },
    ),
    NIK: (
        "NIK",
        {
            "type": "string",
            "pattern": _DIGITS_16,
            "description": "Nomor Induk Kependudukan: 16 digits, no "
            "separators. The digits encode the region, the birth date "
            "(+40 on the day for women) and a serial.",
        },
    ),
    KK: (
        "KK",
        {
            "type": "string",
            "pattern": _DIGITS_16,
            "description": "Nomor Kartu Keluarga: 16 digits, no separators.",
        },
    ),
    RegionCode: (
        "RegionCode",
        {
            "type": "string",
            "pattern": _REGION,
            "description": "Kemendagri region code, dotted "
            "(31.71.01.1001) or plain digits (3171011001): province, "
            "kabupaten/kota, kecamatan or desa/kelurahan.",
        },
    ),
}

_PRIMITIVES: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    type(None): {"type": "null"},
    None: {"type": "null"},
    Any: {},
    object: {},
}


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """
    Generate the JSON Schema (draft 2020-12) of what `structure` accepts.

    Classes, enums and the identifier types become named entries under
    ``$defs``; the document itself refers to `cls`.
    Every object forbids unknown keys (``additionalProperties: false``)
    and lists its required fields; fields documented in the class's
    ``Args:`` section get their description.

    Args:
        cls: The type of the documents, e.g. a model class.

    Returns:
        The schema as plain data, ready for `json.dumps`.

    Raises:
        ConfigurationError: `cls` holds a type the converter cannot read.

    >>> import attrs
    >>> @attrs.frozen
    ... class Grant:
    ...     amount: int
    >>> schema = json_schema(Grant)
    >>> schema["$defs"]["Grant"]["required"]
    ['amount']

    .. versionadded:: 0.1.0
    """
    builder = _Builder()
    root = builder.schema(cls)
    document: dict[str, Any] = {"$schema": DRAFT, "title": describe(cls)}
    document.update(root)
    if builder.defs:
        document["$defs"] = dict(sorted(builder.defs.items()))
    return document


class _Builder:
    """Walks types once, naming every class, enum and identifier type."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[object, str] = {}

    def schema(self, tp: Any) -> dict[str, Any]:  # noqa: ANN401 - any type form
        if tp in _PRIMITIVES:
            return dict(_PRIMITIVES[tp])
        if isinstance(tp, type) and not typing.get_args(tp):
            return self._class(tp)
        return self._generic(tp)

    def _class(self, tp: type[Any]) -> dict[str, Any]:
        if tp in _VALUE_TYPES:
            name, body = _VALUE_TYPES[tp]
            return self._ref(tp, name, lambda: dict(body))
        if issubclass(tp, date) and not issubclass(tp, datetime):
            return self.schema(date)
        if issubclass(tp, Period):
            return self._period(tp)
        if issubclass(tp, enum.Enum):
            return self._ref(tp, tp.__name__, lambda: _enum_schema(tp))
        if attrs.has(tp):
            return self._ref(tp, tp.__name__, lambda: self._class_schema(tp))
        return self._generic(tp)

    def _generic(self, tp: Any) -> dict[str, Any]:  # noqa: ANN401 - any type form
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Union or origin is types.UnionType:
            return self._union(tp, args)
        if origin is typing.Literal:
            return {"enum": list(args)}
        if cols.is_frozenset(tp):
            return {
                "type": "array",
                "items": self.schema(args[0] if args else Any),
                "uniqueItems": True,
            }
        if cols.is_tuple(tp):
            return self._tuple(args)
        if cols.is_list(tp):
            return {
                "type": "array",
                "items": self.schema(args[0] if args else Any),
            }
        if cols.is_mapping(tp):
            key, value = args or (str, Any)
            schema: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.schema(value),
            }
            if key is not str:
                schema["propertyNames"] = self.schema(key)
            return schema
        raise _unsupported(tp, "no JSON form is defined for it")

    def _period(self, tp: type[Period]) -> dict[str, Any]:
        if tp is Tahap:
            return self._ref(Tahap, "Tahap", lambda: self._class_schema(Tahap))
        if tp in CODE_PATTERNS:
            pattern, example = CODE_PATTERNS[tp]
            body = {
                "type": "string",
                "pattern": pattern,
                "description": f"A {tp.__name__} code, e.g. {example}.",
            }
            return self._ref(tp, f"{tp.__name__}Code", lambda: body)
        options = [self._period(c) for c in CODE_PATTERNS if issubclass(c, tp)]
        if issubclass(Tahap, tp):
            options.append(self._period(Tahap))
        return {"anyOf": options}

    def _union(self, tp: object, args: tuple[Any, ...]) -> dict[str, Any]:
        tagged = tagged_members(tp)
        if tagged is None:
            options: list[dict[str, Any]] = []
            for arg in args:
                option = self.schema(arg)
                options.extend(option.get("anyOf", [option]))
            return {"anyOf": options}
        options = [self._tagged(cls) for cls in tagged]
        if type(None) in args:
            options.append({"type": "null"})
        return {"anyOf": options}

    def _tagged(self, cls: type[Any]) -> dict[str, Any]:
        def build() -> dict[str, Any]:
            return self._class_schema(cls, tag=tag_of(cls))

        return self._ref((cls, TAG), f"{cls.__name__}_tagged", build)

    def _tuple(self, args: tuple[Any, ...]) -> dict[str, Any]:
        if not args:
            return {"type": "array"}
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema(args[0])}
        fixed = [] if args == ((),) else list(args)
        return {
            "type": "array",
            "prefixItems": [self.schema(arg) for arg in fixed],
            "items": False,
            "minItems": len(fixed),
            "maxItems": len(fixed),
        }

    def _ref(
        self,
        tp: object,
        name: str,
        build: typing.Callable[[], dict[str, Any]],
    ) -> dict[str, Any]:
        if tp not in self.names:
            if name in self.defs:
                module = getattr(tp, "__module__", "")
                name = f"{module}.{getattr(tp, '__qualname__', name)}"
            self.names[tp] = name
            self.defs[name] = {}  # reserved: recursive types refer to it
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{self.names[tp]}"}

    def _class_schema(
        self, cls: type[Any], *, tag: str | None = None
    ) -> dict[str, Any]:
        resolve(cls)
        summary, documented = _parse_docstring(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties[TAG] = {"const": tag}
            required.append(TAG)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            prop = self.schema(field.type)
            text = field.metadata.get("description") or documented.get(
                field.alias, documented.get(field.name)
            )
            text = _plain(text) if text else text
            if text:
                prop["description"] = text
            if field.default is attrs.NOTHING:
                required.append(field.alias)
            else:
                default = _default_of(field)
                if default is not _NO_DEFAULT:
                    prop["default"] = default
            properties[field.alias] = prop
        schema: dict[str, Any] = {"type": "object", "title": cls.__name__}
        if summary:
            schema["description"] = _plain(summary)
        schema["properties"] = properties
        schema["required"] = required
        schema["additionalProperties"] = False
        return schema


_NO_DEFAULT = object()


def _default_of(field: attrs.Attribute[Any]) -> object:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return _NO_DEFAULT
        default = default.factory()
    try:
        return CONVERTER.unstructure(default, unstructure_as=field.type)
    except Exception:  # noqa: BLE001 - a default without a JSON form is left out
        return _NO_DEFAULT


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    values = [member.value for member in cls]
    schema: dict[str, Any] = {"title": cls.__name__}
    summary, _ = _parse_docstring(cls)
    if summary:
        schema["description"] = _plain(summary)
    kinds = {type(v) for v in values}
    if kinds == {str}:
        schema["type"] = "string"
    elif kinds == {int}:
        schema["type"] = "integer"
    schema["enum"] = values
    return schema


def _unsupported(tp: object, reason: str) -> ConfigurationError:
    return ConfigurationError(
        "cannot describe {type} in JSON Schema: {reason}",
        code="serialization.unsupported_type",
        type=describe(tp),
        reason=reason,
    )


_MARKUP = re.compile(r"``?([^`]+)``?")


def _plain(text: str) -> str:
    """
    Drop reST inline markup from a description.

    >>> _plain('The code, e.g. ``"PKH"``; see `Aid`.')
    'The code, e.g. "PKH"; see Aid.'
    """
    return _MARKUP.sub(r"\1", text)


_SECTION = re.compile(r"^(Args|Arguments|Attributes|Parameters):\s*$")
_ENTRY = re.compile(r"^(\w+)(?: \(.*\))?:\s*(.*)$")


def _parse_docstring(obj: object) -> tuple[str, dict[str, str]]:
    """
    Read a Google-style docstring: its first paragraph and its arguments.

    Doctests and reST directives are left out of the summary.
    """
    raw = vars(obj).get("__doc__") if isinstance(obj, type) else None
    if not isinstance(raw, str) or raw.startswith("An enumeration"):
        return "", {}
    lines = inspect.cleandoc(raw).splitlines()
    summary: list[str] = []
    for line in lines:
        if not line.strip() or line.startswith((">>>", "..")):
            break
        summary.append(line.strip())
    return " ".join(summary), _parse_arguments(lines)


def _parse_arguments(lines: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    in_section = False
    current: str | None = None
    for line in lines:
        if _SECTION.match(line):
            in_section = True
            current = None
            continue
        if not in_section:
            continue
        if line and not line.startswith(" "):
            in_section = False
            continue
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        entry = _ENTRY.match(stripped)
        indent = len(line) - len(line.lstrip())
        if entry and indent <= 4:
            current = entry.group(1)
            entries[current] = entry.group(2)
        elif current is not None:
            entries[current] = f"{entries[current]} {stripped}"
    return entries
