"""
Reading and writing records: Python data, JSON, JSON Lines and TOML.

Every reader raises one `RecordError` that lists all the problems of the
record, each with its path; nothing else escapes for bad input.
"""

from __future__ import annotations

import json
import os
import tomllib
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, overload

from cattrs import StructureHandlerNotFoundError

from dayasos.errors import (
    ConfigurationError,
    DayasosError,
    InvalidFormat,
    RecordError,
)
from dayasos.serialization._converter import CONVERTER
from dayasos.serialization._problems import collect_problems, describe, scrub


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


__all__ = [
    "dumps",
    "dumps_jsonl",
    "load_jsonl",
    "loads",
    "loads_toml",
    "structure",
    "unstructure",
]

T = TypeVar("T")


@overload
def structure(data: object, cls: type[T]) -> T: ...


@overload
def structure(data: object, cls: object) -> Any: ...  # noqa: ANN401 - generic aliases


def structure(data: object, cls: object) -> Any:
    """
    Build an object of type `cls` from plain data (dicts, lists, strings).

    The data is what `json.loads` or `tomllib.loads` gives:
    objects for classes, strings for dates (``"2020-07-21"``; native dates
    too), NIK/KK and region codes, integers for `Rupiah`, enum codes.
    Nothing is coerced; unknown keys are refused.

    Args:
        data: The plain data.
        cls: The type to build: a model class, or a type such as
            ``tuple[Person, ...]``.

    Returns:
        The object.

    Raises:
        RecordError: The data does not fit `cls`. The error lists every
            problem with its path (``members[2].nik``).
        ConfigurationError: `cls` is not a type this converter handles.

    >>> from dayasos import Rupiah
    >>> structure(1_500_000, Rupiah)
    Rupiah(1500000)
    >>> structure(1_500_000.0, Rupiah)
    Traceback (most recent call last):
    ...
    dayasos.errors.RecordError: Rupiah: 1 problem
      expected a whole number of rupiah (integer) such as 1500000, got ...

    .. versionadded:: 0.1.0
    """
    return _structure(data, cls, record=describe(cls))


def _structure(data: object, cls: Any, *, record: str) -> Any:  # noqa: ANN401 - any model type
    try:
        return CONVERTER.structure(data, cls)
    except StructureHandlerNotFoundError as exc:
        _unsupported(cls, exc)
    except ConfigurationError:
        raise
    except Exception as exc:  # noqa: BLE001 - every input problem is gathered
        problems = collect_problems(exc)
    for problem in problems:
        if isinstance(problem, ConfigurationError):
            raise problem
    raise RecordError(problems, record=record)


def _unsupported(cls: object, exc: Exception) -> NoReturn:
    raise ConfigurationError(
        "cannot read or write {type} ({detail})",
        code="serialization.unsupported_type",
        type=describe(cls),
        detail=str(exc),
    ) from exc


def unstructure(obj: object) -> Any:  # noqa: ANN401 - JSON-compatible data
    """
    Turn an object into plain data that `json.dumps` can write.

    NIK and KK numbers are written **in full** (16 digits): calling
    `unstructure` is an explicit request for the personal data.
    Frozensets become sorted lists, so equal objects give equal data.

    >>> from datetime import date
    >>> unstructure(date(2020, 7, 21))
    '2020-07-21'

    .. versionadded:: 0.1.0
    """
    try:
        return CONVERTER.unstructure(obj)
    except StructureHandlerNotFoundError as exc:
        _unsupported(type(obj), exc)


def dumps(obj: object, *, indent: int | None = None) -> str:
    """
    Write an object as JSON text.

    Keys keep the order of the class's fields (mapping keys are sorted),
    non-ASCII text stays as it is (encode the result as UTF-8),
    and NaN or infinity are refused. NIK and KK are written in full.

    >>> from dayasos import Rupiah
    >>> dumps(Rupiah(1_500_000))
    '1500000'

    .. versionadded:: 0.1.0
    """
    return json.dumps(
        unstructure(obj), ensure_ascii=False, allow_nan=False, indent=indent
    )


def dumps_jsonl(objs: Iterable[object]) -> str:
    r"""
    Write objects as JSON Lines: one compact JSON document per line.

    >>> from dayasos import Rupiah
    >>> dumps_jsonl([Rupiah(1), Rupiah(2)])
    '1\n2\n'

    .. versionadded:: 0.1.0
    """
    return "".join(
        json.dumps(
            unstructure(obj),
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        )
        + "\n"
        for obj in objs
    )


class _JSONObject(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicate_keys: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> _JSONObject:
    obj = _JSONObject()
    duplicates = []
    for key, value in pairs:
        if key in obj:
            duplicates.append(key)
        obj[key] = value
    if duplicates:
        obj.duplicate_keys = tuple(duplicates)
    return obj


class _NonFiniteError(ValueError):
    pass


def _refuse_constant(name: str) -> NoReturn:
    msg = f"{name} is not a number JSON allows"
    raise _NonFiniteError(msg)


def _parse_json(text: str | bytes) -> object:
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_pairs,
            parse_constant=_refuse_constant,
        )
    except (json.JSONDecodeError, _NonFiniteError, UnicodeDecodeError) as exc:
        raise InvalidFormat(
            "invalid JSON: {detail}",
            code="serialization.json",
            detail=scrub(str(exc)),
        ) from None


@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...


@overload
def loads(text: str | bytes, cls: object) -> Any: ...  # noqa: ANN401 - generic aliases


def loads(text: str | bytes, cls: object) -> Any:
    """
    Read an object of type `cls` from JSON text.

    Besides what `structure` checks, a key given twice in one JSON object
    is refused, and so are ``NaN`` and ``Infinity``.

    Raises:
        RecordError: The text is not JSON, or does not fit `cls`.

    >>> from dayasos import Rupiah
    >>> loads("1500000", Rupiah)
    Rupiah(1500000)

    .. versionadded:: 0.1.0
    """
    record = describe(cls)
    try:
        data = _parse_json(text)
    except DayasosError as exc:
        raise RecordError([exc], record=record) from None
    return _structure(data, cls, record=record)


def loads_toml(text: str, cls: type[T]) -> T:
    r"""
    Read an object of type `cls` from a TOML document.

    TOML's native dates are accepted where a date is expected, as are ISO
    date strings. TOML has no null: leave out a field to leave it unknown
    (only fields with a default may be left out).

    Raises:
        RecordError: The text is not TOML, or does not fit `cls`.

    >>> from dayasos.model import StageEntry
    >>> loads_toml('stage = "pemetaan_sosial"\non = 2017-04-10', StageEntry)
    StageEntry(stage=<EmpowermentStage.PEMETAAN_SOSIAL: ...>, on=...)

    .. versionadded:: 0.1.0
    """
    record = describe(cls)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = InvalidFormat(
            "invalid TOML: {detail}",
            code="serialization.toml",
            detail=scrub(str(exc)),
        )
        raise RecordError([problem], record=record) from None
    result: T = _structure(data, cls, record=record)
    return result


def load_jsonl(
    source: str | os.PathLike[str] | Iterable[str | bytes],
    cls: type[T],
) -> Iterator[tuple[int, T | RecordError]]:
    r"""
    Read JSON Lines, one record per line, without stopping at a bad line.

    Args:
        source: The JSON Lines text (a `str`), a path to a file
            (an `os.PathLike`), or lines (an open file, a list of
            strings or bytes).
        cls: The type of every record.

    Yields:
        ``(line_number, result)`` for every non-blank line, numbered from 1,
        where result is the object, or the `RecordError` of that line
        (labelled ``line 3``) when the line is not JSON or does not fit.

    >>> from dayasos import Rupiah
    >>> for number, item in load_jsonl('1\n\n2.5\n', Rupiah):
    ...     print(number, item)
    1 Rp1
    3 line 3: 1 problem
      expected a whole number of rupiah (integer) such as 1500000, got ...

    .. versionadded:: 0.1.0
    """
    if isinstance(source, os.PathLike):
        return _load_jsonl_path(os.fspath(source), cls)
    lines = source.splitlines() if isinstance(source, str) else source
    return _load_jsonl_lines(lines, cls)


def _load_jsonl_path(
    path: str, cls: type[T]
) -> Iterator[tuple[int, T | RecordError]]:
    with open(path, "rb") as file:  # noqa: PTH123 - a str path from fspath
        yield from _load_jsonl_lines(file, cls)


def _load_jsonl_lines(
    lines: Iterable[str | bytes], cls: type[T]
) -> Iterator[tuple[int, T | RecordError]]:
    for number, line in enumerate(lines, start=1):
        text = line
        if number == 1 and isinstance(text, str):
            text = text.removeprefix("\ufeff")
        if not text.strip():
            continue
        yield number, _read_line(text, cls, number)


def _read_line(
    text: str | bytes, cls: type[T], number: int
) -> T | RecordError:
    record = f"line {number}"
    try:
        data = _parse_json(text)
    except DayasosError as exc:
        return RecordError([exc], record=record)
    try:
        result: T = _structure(data, cls, record=record)
    except RecordError as exc:
        return exc
    return result
