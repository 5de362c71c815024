"""
Reading report input: a directory of CSV files, or one JSON file.

A **directory** holds up to five CSV files (UTF-8, comma-separated,
a header row first; columns in any order, unknown columns refused).
Lines starting with ``#`` before the header are comments
(e.g. the provenance of the figures), and every table may have a
``source`` column, free text that is not read:

``indicators.csv`` (needed by targets and realizations)
    ``code, name_id, name_en, unit, polarity``;
    unit is one of people, families, packages, institutions, villages,
    groups, locations, events, units, rupiah, percent, days, months;
    polarity is maximize, minimize or stabilize (empty: maximize).
``programs.csv`` (optional: names to show instead of codes)
    ``code, name_id, name_en``.
``targets.csv``
    ``program, indicator, region, period, value, upper, maximal``;
    region is a Kemendagri code (``31.71`` or ``3171``), empty for
    national; period a code such as ``2020``, ``2020-S1``, ``2020-Q2``,
    ``2020-06``; value and upper (empty for a single target) are whole
    numbers for counts and rupiah (``3500000000``, no separators),
    decimals with a dot for percent and durations (``12.5`` is 12.5%);
    maximal is true or false (empty: false).
``realizations.csv``
    ``program, indicator, region, period, value``.
``budget.csv``
    ``satker, program, activity, output, type, region, year, pagu, blokir,
    plan_01 ... plan_12, real_01 ... real_12``;
    type is the expenditure type 51, 52, 53 or 57; amounts are whole
    rupiah; an empty amount is zero (blokir, a month's plan or
    realization).

A **JSON file** holds one object whose keys ``indicators``, ``programs``,
``targets``, ``realizations`` and ``budget`` are arrays of objects with
the same names as the CSV columns; values are strings, or integers for
whole numbers.

Every problem of a file is reported with its place as
``file:row:column`` (the row is the line in the file),
or ``file:table:row:column`` in JSON (the row is the 1-based position in
the array), e.g.
``targets.csv:4:value: expected a whole number without separators``;
the problems of a file are raised together as one
`dayasos.errors.RecordError`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import json
import pathlib
import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from dayasos.errors import DayasosError, RecordError, ValidationError
from dayasos.ids import RegionCode
from dayasos.metrics import (
    BudgetLine,
    ExpenditureType,
    Indicator,
    MeasureUnit,
    Polarity,
    Realization,
    Target,
)
from dayasos.money import Rupiah
from dayasos.periods import Month, parse_period
from dayasos.policy import Description


if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from dayasos.metrics import Quantity
    from dayasos.periods import Period


__all__ = ["ReportInput", "load_report_input"]

_MONTHS = range(1, 13)
_PLAN = tuple(f"plan_{m:02d}" for m in _MONTHS)
_REAL = tuple(f"real_{m:02d}" for m in _MONTHS)

#: Columns of each table: (required, optional).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "indicators": (
        ("code", "name_id", "name_en", "unit"),
        ("polarity", "source"),
    ),
    "programs": (("code", "name_id", "name_en"), ("source",)),
    "targets": (
        ("program", "indicator", "period", "value"),
        ("region", "upper", "maximal", "source"),
    ),
    "realizations": (
        ("program", "indicator", "period", "value"),
        ("region", "source"),
    ),
    "budget": (
        ("satker", "program", "activity", "output", "type", "year", "pagu"),
        ("region", "blokir", *_PLAN, *_REAL, "source"),
    ),
}

_INTEGER = re.compile(r"[0-9]+\Z")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?\Z")
_TRUE = frozenset({"true", "yes", "ya", "1"})
_FALSE = frozenset({"false", "no", "tidak", "0", ""})


@attrs.frozen(kw_only=True)
class ReportInput:
    """
    Everything a report is built from, as read from files.

    .. versionadded:: 0.1.0
    """

    #: The indicators, by code.
    indicators: Mapping[str, Indicator]
    #: The programs' names, by code.
    programs: Mapping[str, Description]
    #: The targets.
    targets: tuple[Target, ...]
    #: The realizations.
    realizations: tuple[Realization, ...]
    #: The budget lines.
    budget: tuple[BudgetLine, ...]


@attrs.define
class _Row:
    """One row of a table, with where it came from."""

    place: str
    cells: Mapping[str, object]
    problems: list[DayasosError]

    def fail(self, column: str, error: DayasosError) -> None:
        self.problems.append(error.at(f"{self.place}:{column}"))

    def text(self, column: str) -> str:
        raw = self.cells.get(column)
        if raw is None:
            return ""
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            self.fail(
                column,
                ValidationError(
                    "expected text or a whole number, got {value!r}",
                    code="report.input.cell_type",
                    value=raw,
                ),
            )
            return ""
        return str(raw).strip()

    def read(self, column: str, reader: Callable[[str], Any]) -> Any:  # noqa: ANN401 - constructors check the types
        text = self.text(column)
        try:
            return reader(text)
        except DayasosError as error:
            self.fail(column, error)
        return None


def _required(text: str) -> str:
    if not text:
        raise ValidationError(
            "a value is needed here", code="report.input.empty"
        )
    return text


def _integer(text: str) -> int:
    if not _INTEGER.match(text):
        raise ValidationError(
            "expected a whole number without separators, e.g. 3500000000; "
            "got {value!r}",
            code="report.input.integer",
            value=text,
        )
    return int(text)


def _optional_integer(text: str) -> int:
    return 0 if not text else _integer(text)


def _decimal(text: str) -> Fraction:
    if not _DECIMAL.match(text):
        raise ValidationError(
            "expected a number with a dot for decimals, e.g. 12.5; "
            "got {value!r}",
            code="report.input.decimal",
            value=text,
        )
    return Fraction(text)


def _boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValidationError(
        "expected true or false, got {value!r}",
        code="report.input.boolean",
        value=text,
    )


def _choice(
    choices: Mapping[str, object], default: object = None
) -> Callable[[str], Any]:
    def read(text: str) -> object:
        if not text and default is not None:
            return default
        if text.lower() in choices:
            return choices[text.lower()]
        raise ValidationError(
            "expected one of {expected}, got {value!r}",
            code="report.input.choice",
            value=text,
            expected=", ".join(choices),
        )

    return read


def _region(text: str) -> RegionCode | None:
    return None if not text else RegionCode.parse(text)


def _period(text: str) -> Period:
    return parse_period(_required(text))


def _quantity(indicator: Indicator | None) -> Callable[[str], Quantity | None]:
    def read(text: str) -> Quantity | None:
        if indicator is None or not text:
            return None
        if indicator.unit.is_money:
            return Rupiah(_integer(text))
        if indicator.unit.is_count:
            return _integer(text)
        if indicator.unit is MeasureUnit.PERCENT:
            return _decimal(text) / 100
        return _decimal(text)

    return read


def _indicator(
    indicators: Mapping[str, Indicator],
) -> Callable[[str], Indicator]:
    def read(text: str) -> Indicator:
        found = indicators.get(_required(text))
        if found is None:
            raise ValidationError(
                "no indicator {value!r} in indicators; known: {known}",
                code="report.input.indicator",
                value=text,
                known=", ".join(sorted(indicators)) or "-",
            )
        return found

    return read


def _build(row: _Row, column: str, make: Callable[[], object]) -> object:
    if row.problems:
        return None
    try:
        return make()
    except DayasosError as error:
        row.fail(column, error)
    return None


def _read_indicator(row: _Row) -> Indicator | None:
    units = {unit.value: unit for unit in MeasureUnit}
    polarities = {p.value: p for p in Polarity}
    code = row.read("code", _required)
    name_id = row.read("name_id", _required)
    name_en = row.read("name_en", _required)
    unit = row.read("unit", _choice(units))
    polarity = row.read("polarity", _choice(polarities, Polarity.MAXIMIZE))
    found = _build(
        row,
        "code",
        lambda: Indicator(
            code=code,
            name_id=name_id,
            name_en=name_en,
            unit=unit,
            polarity=polarity,
        ),
    )
    return found if isinstance(found, Indicator) else None


def _read_program(row: _Row) -> tuple[str, Description] | None:
    code = row.read("code", _required)
    name_id = row.read("name_id", _required)
    name_en = row.read("name_en", _required)
    if row.problems:
        return None
    return code, Description(name_id, name_en)


def _read_target(
    row: _Row, indicators: Mapping[str, Indicator]
) -> Target | None:
    program = row.read("program", _required)
    indicator = row.read("indicator", _indicator(indicators))
    region = row.read("region", _region)
    period = row.read("period", _period)
    value = row.read("value", lambda t: _quantity(indicator)(_required(t)))
    upper = row.read("upper", _quantity(indicator))
    maximal = row.read("maximal", _boolean)
    found = _build(
        row,
        "value",
        lambda: Target(
            indicator=indicator,
            program=program,
            region=region,
            period=period,
            value=value,
            upper=upper,
            maximal=maximal,
        ),
    )
    return found if isinstance(found, Target) else None


def _read_realization(
    row: _Row, indicators: Mapping[str, Indicator]
) -> Realization | None:
    program = row.read("program", _required)
    indicator = row.read("indicator", _indicator(indicators))
    region = row.read("region", _region)
    period = row.read("period", _period)
    value = row.read("value", lambda t: _quantity(indicator)(_required(t)))
    found = _build(
        row,
        "value",
        lambda: Realization(
            indicator=indicator,
            program=program,
            region=region,
            period=period,
            value=value,
        ),
    )
    return found if isinstance(found, Realization) else None


def _read_budget(row: _Row) -> BudgetLine | None:
    types = {t.value: t for t in ExpenditureType}
    texts = {
        column: row.read(column, _required)
        for column in ("satker", "program", "activity", "output")
    }
    expenditure = row.read("type", _choice(types))
    region = row.read("region", _region)
    year = row.read("year", lambda t: _integer(_required(t)))
    pagu = row.read("pagu", lambda t: _integer(_required(t)))
    blokir = row.read("blokir", _optional_integer)
    plan = [row.read(column, _optional_integer) for column in _PLAN]
    real = [row.read(column, _optional_integer) for column in _REAL]
    found = _build(
        row,
        "year",
        lambda: BudgetLine(
            satker=texts["satker"],
            program=texts["program"],
            activity=texts["activity"],
            output=texts["output"],
            expenditure=expenditure,
            region=region,
            year=year,
            pagu=Rupiah(pagu),
            blokir=Rupiah(blokir),
            plan={
                Month(year, m): Rupiah(a)
                for m, a in zip(_MONTHS, plan, strict=True)
                if a
            },
            realization={
                Month(year, m): Rupiah(a)
                for m, a in zip(_MONTHS, real, strict=True)
                if a
            },
        ),
    )
    return found if isinstance(found, BudgetLine) else None


def _check_header(
    place: str, table: str, header: Sequence[str], *, strict: bool = True
) -> list[DayasosError]:
    required, optional = COLUMNS[table]
    expected = ", ".join((*required, *optional))
    problems: list[DayasosError] = [
        ValidationError(
            "missing column; the columns are {expected}",
            code="report.input.missing_column",
            path=f"{place}:{column}",
            expected=expected,
        )
        for column in required
        if strict and column not in header
    ]
    problems.extend(
        ValidationError(
            "unknown column; the columns are {expected}",
            code="report.input.unknown_column",
            path=f"{place}:{column}",
            expected=expected,
        )
        for column in header
        if column not in required and column not in optional
    )
    return problems


def _csv_rows(path: pathlib.Path, table: str) -> tuple[list[_Row], str]:
    file = str(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    skipped = 0
    while skipped < len(lines) and lines[skipped].startswith("#"):
        skipped += 1
    reader = csv.DictReader(lines[skipped:])
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    problems = _check_header(f"{file}:{skipped + 1}", table, header)
    if problems:
        raise RecordError(problems, record=file)
    rows = []
    for cells in reader:
        if not any(_filled(value) for value in cells.values()):
            continue
        row = _Row(f"{file}:{skipped + reader.line_num}", cells, [])
        if None in cells:
            row.problems.append(
                ValidationError(
                    "the row has more cells than the header has columns",
                    code="report.input.extra_cells",
                    path=row.place,
                )
            )
        rows.append(row)
    return rows, file


def _filled(value: object) -> bool:
    if isinstance(value, list):
        return True
    return isinstance(value, str) and bool(value.strip())


def _json_rows(file: str, table: str, raw: object) -> list[_Row]:
    if not isinstance(raw, list):
        raise RecordError(
            [
                ValidationError(
                    "{table} is an array of objects",
                    code="report.input.json_table",
                    path=f"{file}:{table}",
                    table=table,
                )
            ],
            record=file,
        )
    rows = []
    problems: list[DayasosError] = []
    for index, item in enumerate(raw, start=1):
        place = f"{file}:{table}:{index}"
        if not isinstance(item, dict):
            problems.append(
                ValidationError(
                    "expected an object",
                    code="report.input.json_row",
                    path=place,
                )
            )
            continue
        problems.extend(_check_header(place, table, list(item)))
        rows.append(_Row(place, item, []))
    if problems:
        raise RecordError(problems, record=file)
    return rows


def _collect(
    rows: Sequence[_Row], file: str, read: Callable[[_Row], Any]
) -> list[Any]:
    found = []
    problems: list[DayasosError] = []
    for row in rows:
        item = read(row)
        problems.extend(row.problems)
        if item is not None:
            found.append(item)
    if problems:
        raise RecordError(problems, record=file)
    return found


def _tables(path: pathlib.Path) -> Iterator[tuple[str, list[_Row], str]]:
    if path.is_dir():
        for table in COLUMNS:
            candidate = path / f"{table}.csv"
            if candidate.is_file():
                rows, name = _csv_rows(candidate, table)
                yield table, rows, name
        return
    file = str(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(
            [
                ValidationError(
                    "not valid JSON: {detail}",
                    code="cli.json",
                    path=f"{file}:{error.lineno}:{error.colno}",
                    detail=error.msg,
                )
            ],
            record=file,
        ) from None
    if not isinstance(data, dict):
        raise RecordError(
            [
                ValidationError(
                    "expected an object with the keys {expected}",
                    code="report.input.json_object",
                    path=file,
                    expected=", ".join(COLUMNS),
                )
            ],
            record=file,
        )
    unknown = [key for key in data if key not in COLUMNS]
    if unknown:
        raise RecordError(
            [
                ValidationError(
                    "unknown key {value!r}; expected {expected}",
                    code="report.input.json_key",
                    path=file,
                    value=key,
                    expected=", ".join(COLUMNS),
                )
                for key in unknown
            ],
            record=file,
        )
    for table in COLUMNS:
        if table in data:
            yield table, _json_rows(file, table, data[table]), file


def load_report_input(path: str | pathlib.Path) -> ReportInput:
    """
    Read a report input directory of CSV files, or a JSON file.

    See the module for the layout.

    Raises:
        ConfigurationError: ``report.input.missing`` when `path` does
            not exist, or holds none of the files.
        RecordError: every problem of the first file that has any, each
            naming its file, row and column.

    .. versionadded:: 0.1.0
    """
    source = pathlib.Path(path)
    if not source.exists():
        raise _missing(source)
    tables = {table: (rows, file) for table, rows, file in _tables(source)}
    if not set(tables) - {"indicators", "programs"}:
        raise _missing(source)
    indicators: dict[str, Indicator] = {}
    if "indicators" in tables:
        rows, file = tables["indicators"]
        for indicator in _collect(rows, file, _read_indicator):
            indicators[indicator.code] = indicator
    programs: dict[str, Description] = {}
    if "programs" in tables:
        rows, file = tables["programs"]
        programs = dict(_collect(rows, file, _read_program))
    parts: dict[str, list[Any]] = {}
    readers: dict[str, Callable[[_Row], Any]] = {
        "targets": lambda row: _read_target(row, indicators),
        "realizations": lambda row: _read_realization(row, indicators),
        "budget": _read_budget,
    }
    for table, reader in readers.items():
        rows, file = tables.get(table, ([], ""))
        parts[table] = _collect(rows, file, reader)
    return ReportInput(
        indicators=indicators,
        programs=programs,
        targets=tuple(parts["targets"]),
        realizations=tuple(parts["realizations"]),
        budget=tuple(parts["budget"]),
    )


def _missing(source: pathlib.Path) -> DayasosError:
    from dayasos.errors import ConfigurationError  # noqa: PLC0415

    return ConfigurationError(
        "{value}: no report input here; give a directory with "
        "targets.csv, realizations.csv or budget.csv (and indicators.csv, "
        "programs.csv), or a JSON file with those tables",
        code="report.input.missing",
        value=str(source),
    )
