"""
Every family programme running on a date, decided in columns.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._columnar import evaluate, parameters_of
from dayasos.errors import ParameterError
from dayasos.model import Family
from dayasos.programs import catalogue


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.batch._tables import Tables
    from dayasos.policy import Reform
    from dayasos.programs import CatalogueEntry


__all__ = ["evaluate_all", "programs_running"]


def programs_running(
    on: dt.date, *, reform: Reform | None = None
) -> tuple[CatalogueEntry, ...]:
    """
    The catalogue's family programmes whose parameters are in force.

    >>> import datetime as dt
    >>> [e.code for e in programs_running(dt.date(2020, 7, 21))][:2]
    ['PKH', 'SEMBAKO']

    .. versionadded:: 0.1.0
    """
    found = []
    for entry in catalogue():
        if entry.entity is not Family:
            continue
        try:
            entry.program.compile(parameters_of(entry, reform), on)
        except ParameterError:
            continue
        found.append(entry)
    return tuple(found)


def evaluate_all(
    tables: Tables, *, on: dt.date, reform: Reform | None = None
) -> pl.DataFrame:
    """
    Every family programme running on `on`, stacked (diagonal concat).

    Programmes not running on `on` are left out: `programs_running`
    lists those that are.

    .. versionadded:: 0.1.0
    """
    frames = [
        evaluate(tables, entry, on=on, reform=reform)
        for entry in programs_running(on, reform=reform)
    ]
    if not frames:
        return pl.DataFrame()
    return pl.concat(frames, how="diagonal")
