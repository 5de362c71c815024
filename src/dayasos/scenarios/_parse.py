"""
Reading scenario files: strict TOML, every problem with file and line.

A scenario file names a programme, the source of its numbers and its
cases (see `dayasos.scenarios`).
Unknown keys are refused, so a misspelt expectation never passes
silently.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import tomllib
from typing import TYPE_CHECKING, Any

import attrs

from dayasos.errors import ValidationError
from dayasos.scenarios._model import VERDICTS, Case, Expected, Scenario


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["load_scenario", "parse_scenario"]

_TOP = ("program", "source", "cases")
_CASE = ("name", "on", "entity", "reform", "expected")
_EXPECTED = (
    "verdict",
    "failed",
    "unknown",
    "missing",
    "year_total",
    "components",
    "periods",
)
_EXAMPLES = {
    "program": 'program = "PKH"',
    "source": 'source = "DOMAIN.md §4.2"',
    "name": 'name = "Ibu hamil: layak"',
    "on": "on = 2020-07-21",
    "entity": 'entity = "entities/family.json"',
    "expected": '[cases.expected] with verdict = "eligible"',
    "verdict": 'verdict = "eligible"',
}
_CASES_HEADER = re.compile(r"\s*\[\[\s*cases\s*\]\]")


@attrs.frozen
class _Where:
    """Finds the line of a key in a scenario file's text."""

    file: str
    lines: tuple[str, ...]

    def line_of(
        self, key: str, start: int = 1, stop: int | None = None
    ) -> int:
        """The first line in [start, stop) that sets `key`, else `start`."""
        pattern = re.compile(
            rf"""\s*(\[+\s*(cases\.)*(expected\.)?)?["']?{re.escape(key)}"""
            rf"""["']?\s*(=|\]|\.)"""
        )
        end = len(self.lines) + 1 if stop is None else stop
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def error(
        self,
        template: str,
        code: str,
        line: int,
        *,
        value: object = None,
        **params: str,
    ) -> ValidationError:
        """A `ValidationError` located at ``file:line``."""
        extra: dict[str, Any] = dict(params)
        return ValidationError(
            template,
            code=code,
            path=f"{self.file}:{line}",
            value=value,
            **extra,
        )


def _check_keys(
    table: Mapping[str, object],
    allowed: tuple[str, ...],
    name: str,
    where: _Where,
    span: tuple[int, int | None],
) -> None:
    for key in table:
        if key not in allowed:
            raise where.error(
                "unknown key {key!r} in {table}; expected one of: {expected}",
                "scenario.unknown_key",
                where.line_of(key, *span),
                key=key,
                table=name,
                expected=", ".join(allowed),
            )


def _required(
    table: Mapping[str, object],
    key: str,
    name: str,
    where: _Where,
    line: int,
) -> object:
    if key not in table:
        raise where.error(
            "{table} needs {key}, e.g. {example}",
            "scenario.missing_key",
            line,
            table=name,
            key=key,
            example=_EXAMPLES.get(key, key),
        )
    return table[key]


def _kind(value: object) -> str:
    return type(value).__name__


def _typed(  # noqa: PLR0917 - a private check, called positionally
    value: object,
    types: tuple[type, ...],
    key: str,
    expected: str,
    where: _Where,
    line: int,
) -> None:
    wrong = isinstance(value, bool) and bool not in types
    if wrong or not isinstance(value, types):
        raise where.error(
            "{key} must be {expected}, got {kind}",
            "scenario.type",
            line,
            key=key,
            expected=expected,
            kind=_kind(value),
        )


def _text(
    table: Mapping[str, object],
    key: str,
    name: str,
    where: _Where,
    span: tuple[int, int | None],
) -> str:
    value = _required(table, key, name, where, span[0])
    line = where.line_of(key, *span)
    _typed(value, (str,), key, "a string", where, line)
    assert isinstance(value, str)  # noqa: S101 - checked just above
    if not value.strip():
        raise where.error(
            "{key} must be {expected}, got {kind}",
            "scenario.type",
            line,
            key=key,
            expected="a non-empty string",
            kind="an empty string",
        )
    return value


def _codes(
    value: object, key: str, where: _Where, line: int
) -> tuple[str, ...]:
    expected = "a list of strings"
    _typed(value, (list,), key, expected, where, line)
    assert isinstance(value, list)  # noqa: S101 - checked just above
    for item in value:
        _typed(item, (str,), key, expected, where, line)
    return tuple(value)


def _amounts(
    value: object, key: str, where: _Where, line: int
) -> dict[str, int]:
    expected = "a table of whole rupiah, e.g. lansia = 2_400_000"
    _typed(value, (dict,), key, expected, where, line)
    assert isinstance(value, dict)  # noqa: S101 - checked just above
    for name, amount in value.items():
        _typed(amount, (int,), f"{key}.{name}", expected, where, line)
    return dict(value)


def _expected(
    table: object, where: _Where, span: tuple[int, int | None]
) -> Expected:
    line = where.line_of("expected", *span)
    _typed(table, (dict,), "expected", "a table", where, line)
    assert isinstance(table, dict)  # noqa: S101 - checked just above
    _check_keys(table, _EXPECTED, "[cases.expected]", where, span)
    verdict = _required(table, "verdict", "[cases.expected]", where, line)
    verdict_line = where.line_of("verdict", *span)
    if verdict not in VERDICTS:
        raise where.error(
            "verdict must be eligible, ineligible or undetermined, "
            "got {value!r}",
            "scenario.verdict",
            verdict_line,
            value=verdict,
        )
    assert isinstance(verdict, str)  # noqa: S101 - one of VERDICTS
    found: dict[str, object] = {"verdict": verdict}
    for key in ("failed", "unknown", "missing"):
        if key in table:
            found[key] = _codes(
                table[key], key, where, where.line_of(key, *span)
            )
    if "year_total" in table:
        value = table["year_total"]
        _typed(
            value,
            (int,),
            "year_total",
            "whole rupiah, e.g. 6_000_000",
            where,
            where.line_of("year_total", *span),
        )
        found["year_total"] = value
    for key in ("components", "periods"):
        if key in table:
            found[key] = _amounts(
                table[key], key, where, where.line_of(key, *span)
            )
    return Expected(**found)  # type: ignore[arg-type]


def _reference(
    value: object,
    key: str,
    base: pathlib.Path,
    where: _Where,
    line: int,
    *,
    optional: bool = False,
) -> pathlib.Path | dict[str, object] | None:
    if value is None and optional:
        return None
    _typed(
        value,
        (str, dict),
        key,
        "a path relative to the scenario file or an inline table",
        where,
        line,
    )
    if isinstance(value, str):
        return base / value
    assert isinstance(value, dict)  # noqa: S101 - checked just above
    return value


def _case(
    raw: object,
    where: _Where,
    base: pathlib.Path,
    span: tuple[int, int | None],
) -> Case:
    line = span[0]
    _typed(raw, (dict,), "cases", "an array of tables", where, line)
    assert isinstance(raw, dict)  # noqa: S101 - checked just above
    _check_keys(raw, _CASE, "[[cases]]", where, span)
    name = _text(raw, "name", "[[cases]]", where, span)
    on = _required(raw, "on", "[[cases]]", where, line)
    if type(on) is not dt.date:
        raise where.error(
            "{key} must be {expected}, got {kind}",
            "scenario.type",
            where.line_of("on", *span),
            key="on",
            expected="a TOML date, e.g. on = 2020-07-21",
            kind=_kind(on),
        )
    entity = _required(raw, "entity", "[[cases]]", where, line)
    expected = _required(raw, "expected", "[[cases]]", where, line)
    return Case(
        name=name,
        on=on,
        entity=_reference(
            entity, "entity", base, where, where.line_of("entity", *span)
        )
        or {},
        reform=_reference(
            raw.get("reform"),
            "reform",
            base,
            where,
            where.line_of("reform", *span),
            optional=True,
        ),
        expected=_expected(expected, where, span),
        line=line,
    )


def parse_scenario(text: str, *, file: str | pathlib.Path) -> Scenario:
    """
    Read a scenario file's text; paths in it are relative to `file`.

    >>> scenario = parse_scenario('''
    ... program = "PKH"
    ... source = "DOMAIN.md section 4.2"
    ... [[cases]]
    ... name = "A family in decile 7 is not eligible"
    ... on = 2020-07-21
    ... entity = "entities/decile_7.json"
    ... [cases.expected]
    ... verdict = "ineligible"
    ... failed = ["pkh.decile"]
    ... ''', file="tests/scenarios/pkh/decile.toml")
    >>> [case.name for case in scenario.cases]
    ['A family in decile 7 is not eligible']
    >>> scenario.cases[0].entity.as_posix()
    'tests/scenarios/pkh/entities/decile_7.json'

    Raises:
        ValidationError: naming file and line, when the text is not
            TOML, a key is unknown, missing or of the wrong type, or a
            case name repeats.

    .. versionadded:: 0.1.0
    """
    path = pathlib.Path(file)
    lines = tuple(text.splitlines())
    where = _Where(str(file), lines)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        raise where.error(
            "not valid TOML: {detail}",
            "scenario.toml",
            int(match.group(1)) if match else 1,
            detail=str(err),
        ) from None
    starts = [
        number
        for number, line in enumerate(lines, start=1)
        if _CASES_HEADER.match(line)
    ]
    head_stop = starts[0] if starts else None
    _check_keys(data, _TOP, "the scenario file", where, (1, head_stop))
    program = _text(
        data, "program", "the scenario file", where, (1, head_stop)
    )
    source = _text(data, "source", "the scenario file", where, (1, head_stop))
    raw_cases = data.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise where.error(
            "no [[cases]]: add at least one case with name, on, entity "
            "and [cases.expected]",
            "scenario.no_cases",
            where.line_of("cases"),
        )
    base = path.parent
    cases: list[Case] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_cases):
        start = starts[index] if index < len(starts) else 1
        stop = starts[index + 1] if index + 1 < len(starts) else None
        case = _case(raw, where, base, (start, stop))
        if case.name in seen:
            raise where.error(
                "case name {value!r} is used twice",
                "scenario.duplicate_name",
                case.line,
                value=case.name,
            )
        seen.add(case.name)
        cases.append(case)
    return Scenario(
        file=str(file), program=program, source=source, cases=tuple(cases)
    )


def load_scenario(path: str | pathlib.Path) -> Scenario:
    """
    Read the scenario file at `path`.

    Raises:
        ValidationError: as `parse_scenario`, and ``scenario.file`` when
            the file cannot be read.

    .. versionadded:: 0.1.0
    """
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ValidationError(
            "cannot read {target}: {detail}",
            code="scenario.file",
            path=str(path),
            target=str(path),
            detail=str(err),
        ) from None
    return parse_scenario(text, file=path)
