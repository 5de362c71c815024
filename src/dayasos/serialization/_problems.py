"""
Problems found while reading a record, and how cattrs errors become them.

The structure hooks raise `dayasos.errors` exceptions without a path;
cattrs gathers them in exception groups whose notes say which attribute or
index failed. `collect_problems` walks that tree once, joins the notes into
paths such as ``members[2].nik`` and returns plain `DayasosError` objects
that `RecordError` lists together.

No message built here echoes a full NIK or KK: every free text taken from a
foreign exception goes through `scrub`, which masks runs of 16 digits.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs
from cattrs import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from dayasos.errors import (
    ConfigurationError,
    DayasosError,
    InvalidFormat,
    RecordError,
    ValidationError,
    mask_personal,
)


if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "DuplicateKeysError",
    "collect_problems",
    "describe",
    "join_path",
    "kind_of",
    "scrub",
    "shown",
    "unlocated",
    "wrong_type",
]

_LONG_DIGITS = re.compile(r"[0-9]{16,}")
_SHOWN_LIMIT = 40


def scrub(text: str) -> str:
    """
    Mask every run of 16 or more digits (a NIK or a KK) in free text.

    >>> scrub("bad 3171014107800001 here")
    'bad 3171********0001 here'
    """
    return _LONG_DIGITS.sub(lambda m: mask_personal(m.group()), text)


def shown(value: object) -> object:
    """
    Prepare a bad input value for an error message.

    Strings are scrubbed and shortened; numbers and booleans stay as they
    are; anything else is shown by its kind only.
    """
    if isinstance(value, str):
        text = scrub(value)
        if len(text) > _SHOWN_LIMIT:
            text = text[: _SHOWN_LIMIT - 3] + "..."
        return text
    if value is None or isinstance(value, (bool, int, float, date)):
        return value
    return f"<{kind_of(value)}>"


def kind_of(value: object) -> str:
    """
    Name the JSON kind of a Python value (``string``, ``integer`` ...).

    >>> kind_of(1.5), kind_of(True), kind_of([]), kind_of(None)
    ('number', 'boolean', 'array', 'null')
    """
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        ((list, tuple), "array"),
        (Mapping, "object"),
        (datetime, "date-time"),
        (date, "date"),
    )
    if value is None:
        return "null"
    for classes, name in kinds:
        if isinstance(value, classes):
            return name
    return type(value).__name__


def wrong_type(expected: str, value: object) -> InvalidFormat:
    """
    Build the error for a value of the wrong JSON kind.

    The value itself is not echoed: only its kind, which cannot leak
    personal data.

    >>> str(wrong_type("an integer", "12"))
    'expected an integer, got string'
    """
    return InvalidFormat(
        "expected {expected}, got {kind}",
        code="serialization.wrong_type",
        expected=expected,
        kind=kind_of(value),
    )


def describe(cls: object) -> str:
    """
    Name a type for messages and record labels.

    >>> describe(int | None)
    'int | None'
    """
    if typing.get_origin(cls) in {typing.Union, types.UnionType}:
        return " | ".join(describe(arg) for arg in typing.get_args(cls))
    if cls is type(None):
        return "None"
    return str(getattr(cls, "__name__", None) or cls)


def join_path(path: str, part: str | int) -> str:
    """
    Append a field name or an index to a path.

    >>> join_path(join_path(join_path("", "members"), 2), "nik")
    'members[2].nik'
    >>> join_path("family", "ibu hamil")
    'family["ibu hamil"]'
    """
    if isinstance(part, int):
        return f"{path}[{part}]"
    if not part.isidentifier():
        return f"{path}[{json.dumps(part, ensure_ascii=False)}]"
    return f"{path}.{part}" if path else part


def unlocated(error: DayasosError) -> DayasosError:
    """
    Drop the path an error gave itself, for a hook to raise it again.

    Identifier and period errors name their own part (``number``); once
    raised from a hook, the path is where the value sits in the record,
    and `collect_problems` sets it.
    """
    error.path = ""
    error.args = (str(error),)
    return error


class DuplicateKeysError(ValidationError):
    """
    Keys given more than once in one JSON object.

    Raised inside the structure hook of a class so that every duplicate is
    reported under its own path.
    """

    code = "serialization.duplicate_key"
    message = "key given more than once"

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        super().__init__()


def collect_problems(exc: BaseException, path: str = "") -> list[DayasosError]:
    """
    Flatten an error tree raised while structuring into located problems.

    Args:
        exc: What structuring raised: a cattrs exception group, a
            `DayasosError`, or any other exception.
        path: The path of the value that failed.

    Returns:
        One `DayasosError` per problem, each with its full path.
    """
    return list(_walk(exc, path))


def _walk(exc: BaseException, path: str) -> Iterator[DayasosError]:
    if isinstance(exc, ClassValidationError):
        yield from _walk_class(exc, path)
    elif isinstance(exc, IterableValidationError):
        yield from _walk_iterable(exc, path)
    elif isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            yield from _walk(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        yield from _unknown_fields(exc, path)
    elif isinstance(exc, DayasosError):
        yield from _dayasos_problems(exc, path)
    else:
        yield _foreign_problem(exc, path)


def _walk_class(
    exc: ClassValidationError, path: str
) -> Iterator[DayasosError]:
    with_notes, without = exc.group_exceptions()
    for sub, note in with_notes:
        key = _key_of(exc.cl, note.name)
        yield from _walk(sub, join_path(path, key))
    for sub in without:
        yield from _walk(sub, path)


def _walk_iterable(
    exc: IterableValidationError, path: str
) -> Iterator[DayasosError]:
    with_notes, without = exc.group_exceptions()
    for sub, note in with_notes:
        index = note.index
        if isinstance(index, int):
            where = join_path(path, index)
        else:
            key = json.dumps(scrub(str(index)), ensure_ascii=False)
            where = f"{path}[{key}]"
        yield from _walk(sub, where)
    for sub in without:
        yield from _walk(sub, path)


def _dayasos_problems(exc: DayasosError, path: str) -> Iterator[DayasosError]:
    if isinstance(exc, DuplicateKeysError):
        for key in exc.keys:
            yield DuplicateKeysError(()).at(join_path(path, key))
    elif isinstance(exc, RecordError):
        for problem in exc.problems:
            yield _located(problem.error, path)
    else:
        yield _located(exc, path)


def _foreign_problem(exc: BaseException, path: str) -> DayasosError:
    if isinstance(exc, StructureHandlerNotFoundError):
        error = ConfigurationError(
            "cannot read {type} ({detail})",
            code="serialization.unsupported_type",
            type=describe(exc.type_),
            detail=str(exc),
        )
        error.__cause__ = exc
        return error
    if isinstance(exc, KeyError):
        return ValidationError(
            "required field missing",
            code="serialization.missing_field",
            path=path,
        )
    problem = ValidationError(
        "invalid value ({detail})",
        code="serialization.invalid",
        path=path,
        detail=scrub(f"{type(exc).__name__}: {exc}"),
    )
    problem.__cause__ = exc
    return problem


def _located(error: DayasosError, path: str) -> DayasosError:
    return error.at(path) if path else error


def _key_of(cls: type, name: str) -> str:
    """The input key of attribute `name`: its alias, as cattrs reads it."""
    if attrs.has(cls):
        for field in attrs.fields(cls):
            if field.name == name:
                return str(field.alias)
    return name


def _unknown_fields(
    exc: ForbiddenExtraKeysError, path: str
) -> Iterator[DayasosError]:
    known = (
        [f.alias for f in attrs.fields(exc.cl) if f.init]
        if attrs.has(exc.cl)
        else []
    )
    for key in sorted(exc.extra_fields, key=str):
        guess = difflib.get_close_matches(str(key), known, n=1)
        template = "unknown field"
        if guess:
            template = 'unknown field, did you mean "{suggestion}"?'
        yield ValidationError(
            template,
            code="serialization.unknown_field",
            path=join_path(path, scrub(str(key))),
            suggestion=guess[0] if guess else None,
        )
