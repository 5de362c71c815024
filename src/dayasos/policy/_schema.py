"""
Read and check the parts of a parameter or reform file.

Shared by the parameter loader and the reform loader:
descriptions, units, references and dated entries.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ParameterError
from dayasos.policy._model import (
    Confidence,
    Description,
    Origin,
    Reference,
)
from dayasos.policy._units import Unit, coerce_value


if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping

    from dayasos.policy._units import Value
    from dayasos.policy._where import Where


__all__ = [
    "ENTRY_KEYS",
    "Entry",
    "build_entry",
    "check_keys",
    "read_description",
    "read_entry",
    "read_gaps",
    "read_reference",
    "read_unit",
]

#: Keys of one dated value, in a parameter file and in a reform.
ENTRY_KEYS = ("since", "until", "value", "reference", "confidence", "note")
_REFERENCE_KEYS = ("instrument", "number", "year", "article", "title", "url")
_GAPS = {"allowed": True, "refused": False}


@attrs.frozen(kw_only=True)
class Entry:
    """One checked dated value, with `until` as written (None if not)."""

    since: date
    until: date | None
    value: Value
    reference: Reference
    confidence: Confidence | None
    note: str | None
    field: str
    line: Callable[[str | None], int | None]
    origin: Origin | None


def _choices(values: Collection[str]) -> str:
    return ", ".join(sorted(values))


def check_keys(
    table: Mapping[str, object],
    allowed: Collection[str],
    where: Where,
    *,
    prefix: str = "",
    line: Callable[[str | None], int | None],
) -> None:
    """Refuse keys of `table` that are not `allowed`."""
    for key in table:
        if key not in allowed:
            raise where.error(
                "unknown key {key!r}; expected one of {expected}",
                code="parameter.unknown_key",
                field=prefix + key,
                line=line(key),
                key=key,
                expected=_choices(allowed),
            )


def _text(raw: object, where: Where, *, field: str, line: int | None) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise where.error(
            "expected a non-empty string, got {value!r}",
            code="parameter.type",
            field=field,
            line=line,
            value=raw,
        )
    return raw


def _table(
    raw: object, where: Where, *, field: str, line: int | None, example: str
) -> Mapping[str, object]:
    if not isinstance(raw, dict):
        raise where.error(
            "expected a table, e.g. {example}, got {value!r}",
            code="parameter.type",
            field=field,
            line=line,
            value=raw,
            example=example,
        )
    return raw


def read_description(
    raw: object, where: Where, *, field: str, line: int | None
) -> Description:
    """Read ``description = { id = "...", en = "..." }``."""
    table = _table(
        raw,
        where,
        field=field,
        line=line,
        example='description = { id = "Lanjut usia", en = "Elderly" }',
    )
    check_keys(
        table, ("id", "en"), where, prefix=field + ".", line=lambda _: line
    )
    texts = {}
    for language in ("id", "en"):
        if language not in table:
            raise where.error(
                "missing key {key!r}: descriptions are given in Indonesian "
                "(id) and English (en)",
                code="parameter.missing_key",
                field=field,
                line=line,
                key=language,
            )
        texts[language] = _text(
            table[language], where, field=f"{field}.{language}", line=line
        )
    return Description(texts["id"], texts["en"])


def read_unit(
    raw: object, where: Where, *, field: str, line: int | None
) -> Unit:
    """Read ``unit = "rupiah_per_year"`` against the closed set."""
    known = [unit.value for unit in Unit]
    if not isinstance(raw, str) or raw not in known:
        raise where.error(
            "unknown unit {value!r}; expected one of {expected}",
            code="parameter.unknown_unit",
            field=field,
            line=line,
            value=raw,
            expected=", ".join(known),
        )
    return Unit(raw)


def read_gaps(
    raw: object, where: Where, *, field: str, line: int | None
) -> bool:
    """Read ``gaps = "allowed"`` (or ``"refused"``, the default)."""
    if not isinstance(raw, str) or raw not in _GAPS:
        raise where.error(
            "expected one of {expected}, got {value!r}",
            code="parameter.invalid_choice",
            field=field,
            line=line,
            value=raw,
            expected=_choices(_GAPS),
        )
    return _GAPS[raw]


def read_reference(
    raw: object, where: Where, *, field: str, line: int | None
) -> Reference:
    """Read a reference table; `instrument` and `number` or `title` needed."""
    example = (
        'reference = { instrument = "Peraturan Menteri Sosial", '
        'number = "1", year = 2018 }'
    )
    table = _table(raw, where, field=field, line=line, example=example)
    check_keys(
        table, _REFERENCE_KEYS, where, prefix=field + ".", line=lambda _: line
    )
    if "instrument" not in table or not (
        "number" in table or "title" in table
    ):
        raise where.error(
            "a reference names its instrument and its number or title, "
            "e.g. {example}",
            code="parameter.missing_reference",
            field=field,
            line=line,
            example=example,
        )
    instrument = _text(
        table["instrument"], where, field=f"{field}.instrument", line=line
    )
    texts: dict[str, str | None] = {}
    for key in ("number", "article", "title", "url"):
        value = table.get(key)
        texts[key] = (
            None
            if value is None
            else _text(value, where, field=f"{field}.{key}", line=line)
        )
    url = texts["url"]
    if url is not None and not url.startswith(("https://", "http://")):
        raise where.error(
            "expected an http(s) address, got {value!r}",
            code="parameter.type",
            field=f"{field}.url",
            line=line,
            value=url,
        )
    year = table.get("year")
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or year <= 0
    ):
        raise where.error(
            "expected a year such as 2018, got {value!r}",
            code="parameter.type",
            field=f"{field}.year",
            line=line,
            value=year,
        )
    return Reference(
        instrument=instrument,
        number=texts["number"],
        year=year,
        article=texts["article"],
        title=texts["title"],
        url=url,
    )


def _date(raw: object, where: Where, *, field: str, line: int | None) -> date:
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    raise where.error(
        "expected a date written as a bare TOML date, e.g. {key} = "
        "2020-04-01 (no quotes, no time), got {kind} {value!r}",
        code="parameter.bad_date",
        field=field,
        line=line,
        value=raw,
        key=field.rsplit(".", 1)[-1],
        kind=type(raw).__name__,
    )


def _plain_value(raw: object) -> Value:
    """A TOML value that some unit may accept; its unit checks it later."""
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(raw)
    if isinstance(raw, (bool, int, str)):
        return raw
    raise ParameterError(
        "values are integers (money, counts), quoted decimals or ratios, "
        "true/false, strings or lists of strings; got {kind} {value!r}",
        code="parameter.type",
        value=raw,
        kind=type(raw).__name__,
    )


def build_entry(
    raw: Mapping[str, object],
    *,
    unit: Unit | None,
    reference: Reference,
    confidence: Confidence | None,
    where: Where,
    field: str,
    line: Callable[[str | None], int | None],
    origin: Origin | None,
) -> Entry:
    """
    Check dates, value type and note of one entry (TOML or Python).

    Without a `unit` (a reform read before it meets its parameters)
    the value is only checked to be a plain TOML value, never a float.
    """
    since = _date(
        raw.get("since"), where, field=f"{field}.since", line=line("since")
    )
    until_raw = raw.get("until")
    until = (
        None
        if until_raw is None
        else _date(
            until_raw, where, field=f"{field}.until", line=line("until")
        )
    )
    try:
        value = (
            _plain_value(raw.get("value"))
            if unit is None
            else coerce_value(unit, raw.get("value"))
        )
    except ParameterError as error:
        raise where.relocate(
            error, field=f"{field}.value", line=line("value")
        ) from None
    note = raw.get("note")
    if note is not None:
        note = _text(note, where, field=f"{field}.note", line=line("note"))
    return Entry(
        since=since,
        until=until,
        value=value,
        reference=reference,
        confidence=confidence,
        note=note,
        field=field,
        line=line,
        origin=origin,
    )


def read_entry(
    raw: object,
    *,
    unit: Unit | None,
    where: Where,
    array: str,
    index: int,
    extra: Collection[str] = (),
) -> Entry:
    """Read one ``[[values]]`` (or ``[[overrides]]``) table."""
    field = f"{array}[{index}]"

    def line(key: str | None) -> int | None:
        return where.line(key, array=array, index=index)

    table = _table(
        raw, where, field=field, line=line(None), example="[[values]]"
    )
    check_keys(
        table, (*ENTRY_KEYS, *extra), where, prefix=field + ".", line=line
    )
    for key in ("since", "value"):
        if key not in table:
            raise where.error(
                "missing key {key!r}",
                code="parameter.missing_key",
                field=field,
                line=line(None),
                key=key,
            )
    if "reference" not in table:
        raise where.error(
            "every value needs its own reference, e.g. reference = "
            '{{ instrument = "Keputusan Dirjen Linjamsos", '
            'number = "02/SK/LJS/01/2019", year = 2019 }}',
            code="parameter.missing_reference",
            field=field,
            line=line(None),
        )
    reference = read_reference(
        table["reference"],
        where,
        field=f"{field}.reference",
        line=line("reference"),
    )
    confidence = None
    if "confidence" in table:
        choices = [c.value for c in Confidence]
        raw_confidence = table["confidence"]
        if raw_confidence not in choices:
            raise where.error(
                "expected one of {expected}, got {value!r}",
                code="parameter.invalid_choice",
                field=f"{field}.confidence",
                line=line("confidence"),
                value=raw_confidence,
                expected=", ".join(choices),
            )
        confidence = Confidence(raw_confidence)
    file = where.file
    return build_entry(
        table,
        unit=unit,
        reference=reference,
        confidence=confidence,
        where=where,
        field=field,
        line=line,
        origin=Origin(file, line(None)),
    )
