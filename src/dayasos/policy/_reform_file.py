"""
Read a reform from a TOML file.

A reform file names the reform and lists its overrides,
each with the parameter it overrides and the schema of a ``[[values]]``
entry of a parameter file::

    name = "PKH lansia Rp3,000,000 from 2021"

    [[overrides]]
    parameter = "pkh.amount.lansia"
    since = 2021-01-01
    value = 3_000_000
    reference = { instrument = "Simulasi", title = "PKH lansia Rp3 juta" }

Everything but the value's unit is checked on reading;
the unit, the parameter name and the chronology are checked when the
reform is applied (`ParameterSet.with_reform`), still naming file and line.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING

from dayasos.policy._loader import read_toml
from dayasos.policy._locate import Locator
from dayasos.policy._reform import Override, Reform
from dayasos.policy._schema import check_keys, read_entry
from dayasos.policy._where import Where


if TYPE_CHECKING:
    from dayasos.policy._loader import Source


__all__ = ["load_reform", "parse_reform"]

_KEYS = ("name", "overrides")


def load_reform(source: Source) -> Reform:
    """
    Read the reform in the TOML file `source` (a path or a traversable).

    Raises:
        ParameterError: naming file, parameter and line, when the file
            breaks the schema.

    .. versionadded:: 0.1.0
    """
    file = (
        pathlib.Path(source)
        if isinstance(source, (str, os.PathLike))
        else source
    )
    return parse_reform(file.read_text(encoding="utf-8"), file=str(file))


def parse_reform(text: str, *, file: str = "<string>") -> Reform:
    """
    Read a reform from the text of a reform file.

    >>> reform = parse_reform('''
    ... name = "PKH lansia Rp3,000,000 from 2021"
    ... [[overrides]]
    ... parameter = "pkh.amount.lansia"
    ... since = 2021-01-01
    ... value = 3_000_000
    ... reference = { instrument = "Simulasi", title = "Lansia Rp3 juta" }
    ... ''')
    >>> reform.overrides["pkh.amount.lansia"][0].value
    3000000

    Raises:
        ParameterError: as `load_reform`.

    .. versionadded:: 0.1.0
    """
    where = Where(file, "", Locator.of(text))
    data = read_toml(text, where)
    check_keys(data, _KEYS, where, line=where.line)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise where.error(
            'a reform needs a name, e.g. name = "PKH lansia Rp3 juta"',
            code="parameter.missing_key",
            field="name",
            line=where.line("name"),
            value=name,
        )
    raw_overrides = data.get("overrides")
    if not isinstance(raw_overrides, list) or not raw_overrides:
        raise where.error(
            "no overrides: add [[overrides]] tables with parameter, since, "
            "value and reference",
            code="parameter.no_values",
            field="overrides",
            line=where.line("overrides"),
        )
    overrides: dict[str, list[Override]] = {}
    for index, raw in enumerate(raw_overrides):
        parameter = raw.get("parameter") if isinstance(raw, dict) else None
        if not isinstance(parameter, str) or not parameter:
            raise where.error(
                "each override names its parameter, "
                'e.g. parameter = "pkh.amount.lansia"',
                code="parameter.missing_key",
                field=f"overrides[{index}].parameter",
                line=where.line("parameter", array="overrides", index=index),
            )
        entry = read_entry(
            raw,
            unit=None,
            where=where.named(parameter),
            array="overrides",
            index=index,
            extra=("parameter",),
        )
        overrides.setdefault(parameter, []).append(
            Override(
                since=entry.since,
                until=entry.until,
                value=entry.value,
                reference=entry.reference,
                confidence=entry.confidence,
                note=entry.note,
                origin=entry.origin,
            )
        )
    return Reform(name, overrides)
