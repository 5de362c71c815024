"""
Load parameter files: TOML, one parameter or a small family per file.

A one-parameter file::

    description.id = "Indeks bantuan komponen lanjut usia"
    description.en = "Benefit index of the elderly component"
    unit = "rupiah_per_year"
    reference.instrument = "Peraturan Menteri Sosial"
    reference.number = "1"
    reference.year = 2018

    [[values]]
    since = 2019-01-01
    value = 2_400_000
    confidence = "medium"
    note = "katadata 9 Jan 2019; kompasiana 2019"
    [values.reference]
    instrument = "Keputusan Dirjen Linjamsos"
    number = "02/SK/LJS/01/2019"
    year = 2019

A family file has its own ``description`` and holds several parameters
under ``[parameters.<member>]``,
each with its own ``description`` and ``[[parameters.<member>.values]]``;
``unit``, ``reference`` and ``gaps`` at the top of the file
apply to every member that does not set its own.
A file's ``reference`` is the general legal basis (shown in listings);
it never stands in for a value's own ``reference``, which is required.

Names come from the path relative to the loaded directory:
``pkh/amount/lansia.toml`` is ``pkh.amount.lansia``,
and member ``lansia`` of ``pkh/amount.toml`` is also ``pkh.amount.lansia``
(so both layouts give the same name; having both is a duplicate).
Each part is a lowercase identifier (``[a-z][a-z0-9_]*``).

Dates are bare TOML dates (``since = 2020-04-01``), never strings.
A value without ``until`` is in force until the next value's ``since``;
``until`` (exclusive) ends a value early: on the last value it is a repeal,
before another value it leaves a gap, which is refused unless the file
(or the member) declares ``gaps = "allowed"``.
This catches the usual slip of writing an inclusive end date.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
import pathlib
import re
import tomllib
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, TypeAlias

from dayasos.errors import ParameterError
from dayasos.policy._history import check_history, close_history
from dayasos.policy._locate import Locator
from dayasos.policy._model import Origin, Parameter
from dayasos.policy._schema import (
    check_keys,
    read_description,
    read_entry,
    read_gaps,
    read_reference,
    read_unit,
)
from dayasos.policy._set import ParameterSet
from dayasos.policy._where import Where


if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from dayasos.policy._model import Description, Reference
    from dayasos.policy._units import Unit


__all__ = ["Source", "load_parameters", "parse_parameters", "read_toml"]

#: A file or directory: a path, or an `importlib.resources` traversable.
Source: TypeAlias = str | os.PathLike[str] | Traversable

_PART = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOML_LINE = re.compile(
    r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)"
)
_MEMBER_KEYS = ("description", "unit", "reference", "gaps", "values")
_FILE_KEYS = (*_MEMBER_KEYS, "parameters")


def load_parameters(*sources: Source, prefix: str = "") -> ParameterSet:
    """
    Load every ``*.toml`` file under the given directories, or given files.

    `sources` are paths or `importlib.resources` traversables, so files
    shipped inside the package load from a wheel as well:
    ``load_parameters(files("dayasos.programs.pkh") / "parameters",
    prefix="pkh")``.
    Names are the file paths relative to each directory source
    (a file source is named by its stem), after `prefix`.
    Hidden entries (``.name``) and files of other types are skipped.

    Raises:
        ParameterError: naming the file, the line and the parameter, when a
            file is not valid TOML or breaks a rule of the schema, or when
            two files define the same name.

    .. versionadded:: 0.1.0
    """
    found: dict[str, Parameter] = {}
    for source in sources:
        for parts, file in _files(_traversable(source)):
            name = ".".join(part for part in (prefix, *parts) if part)
            text = file.read_text(encoding="utf-8")
            for parameter in _read(text, name=name, file=str(file)):
                _add(found, parameter)
    return ParameterSet(found.values())


def parse_parameters(
    text: str, *, name: str, file: str = "<string>"
) -> ParameterSet:
    """
    Read the parameters of one file's text, as if the file were `name`.

    >>> from datetime import date
    >>> params = parse_parameters(
    ...     '''
    ... description = { id = "Lanjut usia", en = "Elderly" }
    ... unit = "rupiah_per_year"
    ... [[values]]
    ... since = 2019-01-01
    ... value = 2_400_000
    ... [values.reference]
    ... instrument = "Keputusan Dirjen Linjamsos"
    ... number = "02/SK/LJS/01/2019"
    ... ''',
    ...     name="pkh.amount.lansia",
    ... )
    >>> params.at(date(2020, 1, 1))["pkh.amount.lansia"]
    Rupiah(2400000)

    Raises:
        ParameterError: as `load_parameters`.

    .. versionadded:: 0.1.0
    """
    found: dict[str, Parameter] = {}
    for parameter in _read(text, name=name, file=file):
        _add(found, parameter)
    return ParameterSet(found.values())


def read_toml(text: str, where: Where) -> Mapping[str, object]:
    """Parse TOML text; a syntax error (or a bad date) names its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_LINE.search(message)
        line = text.count("\n") + 1
        if match is not None and match.group(1) is not None:
            line = int(match.group(1))
        reason = message[: match.start()] if match else message
        raise where.error(
            "not valid TOML: {reason}",
            code="parameter.toml",
            line=line,
            reason=reason,
        ) from None


def _traversable(source: Source) -> Traversable:
    if isinstance(source, (str, os.PathLike)):
        return pathlib.Path(source)
    return source


def _files(
    root: Traversable, parts: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Traversable]]:
    if root.is_file() and not parts:
        yield (root.name.removesuffix(".toml"),), root
        return
    if not root.is_dir():
        raise ParameterError(
            "{file}: no parameter file or directory here",
            code="parameter.source_missing",
            file=str(root),
        )
    for child in sorted(root.iterdir(), key=lambda c: c.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _files(child, (*parts, child.name))
        elif child.name.endswith(".toml"):
            yield (*parts, child.name.removesuffix(".toml")), child


def _add(found: dict[str, Parameter], parameter: Parameter) -> None:
    if parameter.name in found:
        origin = parameter.origin or Origin("<unknown>")
        where = Where(origin.file, parameter.name)
        raise where.error(
            "defined twice (first in {first})",
            code="parameter.duplicate",
            line=origin.line,
            first=str(found[parameter.name].origin),
        )
    found[parameter.name] = parameter


def _check_name(where: Where, line: int | None) -> None:
    parts = where.parameter.split(".")
    if not all(_PART.match(part) for part in parts):
        raise where.error(
            "parameter names are dotted lowercase identifiers, "
            "e.g. pkh.amount.lansia from pkh/amount/lansia.toml",
            code="parameter.bad_name",
            line=line,
        )


def _read(text: str, *, name: str, file: str) -> list[Parameter]:
    where = Where(file, name, Locator.of(text))
    data = read_toml(text, where)
    _check_name(where, 1)
    check_keys(data, _FILE_KEYS, where, line=where.line)
    description = _description(data, where)
    reference = None
    if "reference" in data:
        reference = read_reference(
            data["reference"],
            where,
            field="reference",
            line=where.line("reference"),
        )
    gaps = "gaps" in data and read_gaps(
        data["gaps"], where, field="gaps", line=where.line("gaps")
    )
    unit = None
    if "unit" in data:
        unit = read_unit(
            data["unit"], where, field="unit", line=where.line("unit")
        )
    if "values" in data and "parameters" in data:
        raise where.error(
            "a file holds either [[values]] (one parameter) or "
            "[parameters.<name>] tables (a family), not both",
            code="parameter.unknown_key",
            line=where.line("parameters"),
        )
    if "parameters" in data:
        return _family(
            data["parameters"],
            where,
            unit=unit,
            reference=reference,
            gaps=gaps,
        )
    return [
        _parameter(
            data,
            where,
            description=description,
            unit=unit,
            reference=reference,
            gaps=gaps,
        )
    ]


def _description(data: Mapping[str, object], where: Where) -> Description:
    if "description" not in data:
        raise where.error(
            "missing key 'description', e.g. "
            'description = {{ id = "Lanjut usia", en = "Elderly" }}',
            code="parameter.missing_key",
            line=where.line(),
            key="description",
        )
    return read_description(
        data["description"],
        where,
        field="description",
        line=where.line("description"),
    )


def _family(
    raw: object,
    where: Where,
    *,
    unit: Unit | None,
    reference: Reference | None,
    gaps: bool,
) -> list[Parameter]:
    if not isinstance(raw, dict) or not raw:
        raise where.error(
            "expected [parameters.<name>] tables, e.g. [parameters.lansia]",
            code="parameter.type",
            field="parameters",
            line=where.line("parameters"),
        )
    members = []
    for member, table in raw.items():
        inner = Where(
            where.file,
            f"{where.parameter}.{member}",
            where.locator,
            ("parameters", member),
        )
        _check_name(inner, inner.line())
        if not isinstance(table, dict):
            raise inner.error(
                "expected a table [parameters.{member}]",
                code="parameter.type",
                line=inner.line(),
                member=member,
            )
        check_keys(table, _MEMBER_KEYS, inner, line=inner.line)
        member_unit = unit
        if "unit" in table:
            member_unit = read_unit(
                table["unit"], inner, field="unit", line=inner.line("unit")
            )
        member_reference = reference
        if "reference" in table:
            member_reference = read_reference(
                table["reference"],
                inner,
                field="reference",
                line=inner.line("reference"),
            )
        member_gaps = gaps
        if "gaps" in table:
            member_gaps = read_gaps(
                table["gaps"], inner, field="gaps", line=inner.line("gaps")
            )
        members.append(
            _parameter(
                table,
                inner,
                description=_description(table, inner),
                unit=member_unit,
                reference=member_reference,
                gaps=member_gaps,
            )
        )
    return members


def _parameter(
    table: Mapping[str, object],
    where: Where,
    *,
    description: Description,
    unit: Unit | None,
    reference: Reference | None,
    gaps: bool,
) -> Parameter:
    if unit is None:
        raise where.error(
            "missing key 'unit', e.g. unit = \"rupiah_per_year\"",
            code="parameter.missing_key",
            line=where.line(),
            key="unit",
        )
    raw_values = table.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise where.error(
            "no values: add at least one [[values]] table with since, "
            "value and reference",
            code="parameter.no_values",
            field="values",
            line=where.line("values"),
        )
    entries = [
        read_entry(raw, unit=unit, where=where, array="values", index=index)
        for index, raw in enumerate(raw_values)
    ]
    check_history(entries, gaps_allowed=gaps, where=where)
    return Parameter(
        name=where.parameter,
        description=description,
        unit=unit,
        reference=reference,
        values=close_history(entries),
        gaps_allowed=gaps,
        origin=Origin(where.file, where.line()),
    )
