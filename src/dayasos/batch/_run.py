"""
The batch run: a population in, results, rejects and a summary out.

`run_batch` reads a population chunk by chunk (`open_population`),
decides every family it can build for one programme or every family
programme, and writes ``results.<format>``, ``rejects.<format>`` and
``summary.json``. Memory is bounded by the chunk size, not by the
population. Nothing is lost: every row of the families table is decided
or rejected, and `BatchSummary.balanced` says whether the counts add up.

Two engines decide the families, with the same result columns
(`result_schema`):

- ``"columnar"`` (the default): `dayasos.batch.evaluate`, the rules
  compiled to polars expressions (a programme whose rules it does not
  compile, `NotSupported`, is decided by the object engine);
- ``"object"``: `decide_families`, each family built as objects and
  decided by `CatalogueEntry.decide`; slower, and the reference the
  columnar engine is checked against.

>>> import datetime as dt, tempfile
>>> from dayasos.synthetic import generate_tables
>>> population = next(generate_tables(20, seed=1, error_rate=0.2))
>>> with tempfile.TemporaryDirectory() as out:
...     summary = run_batch(
...         population, "PKH", on=dt.date(2020, 7, 21), out_dir=out
...     )
>>> summary.balanced, summary.input_families
(True, 20)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import json
import pathlib
from typing import TYPE_CHECKING, Literal

import polars as pl

from dayasos.batch._columnar import evaluate
from dayasos.batch._columnar_support import NotSupported
from dayasos.batch._io import reading, scan_tables
from dayasos.batch._io_chunks import open_population
from dayasos.batch._io_decide import (
    BASE_COLUMNS,
    TAIL_COLUMNS,
    decide_families,
    result_schema,
)
from dayasos.batch._io_write import TableWriter
from dayasos.batch._summary import SummaryBuilder
from dayasos.batch._tables_rejects import REJECTS_SCHEMA
from dayasos.errors import ConfigurationError
from dayasos.model import Family
from dayasos.policy import Reform
from dayasos.programs import catalogue, get


if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from dayasos.batch._io_chunks import ChunkRead
    from dayasos.batch._io_write import OutputFormat
    from dayasos.batch._summary import BatchSummary
    from dayasos.batch._tables_mapping import ColumnMapping
    from dayasos.programs import CatalogueEntry


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_ENGINE",
    "Engine",
    "decide_families",
    "family_programs",
    "result_schema",
    "run_batch",
]

#: How families are decided: compiled to polars, or one object at a time.
Engine = Literal["columnar", "object"]
#: The engine `run_batch` uses unless told.
DEFAULT_ENGINE: Engine = "columnar"
#: Families read and decided at a time, unless told: memory grows with
#: it (about 1.5 kB per family while its objects are built), not with
#: the population.
DEFAULT_CHUNK_SIZE = 20_000
#: ``program`` argument naming every family programme of the catalogue.
ALL = "all"


def family_programs(
    program: str | Sequence[str],
) -> tuple[CatalogueEntry, ...]:
    """
    The catalogue entries of programmes that decide families.

    Args:
        program: A catalogue code, several, or ``"all"`` for every
            programme of the catalogue whose entity is `Family`.

    Raises:
        ConfigurationError: An unknown code, or a programme that decides
            something other than families.

    .. versionadded:: 0.1.0
    """
    codes = [program] if isinstance(program, str) else list(program)
    if [c.lower() for c in codes] == [ALL]:
        return tuple(e for e in catalogue() if e.entity is Family)
    entries = tuple(get(code.upper()) for code in codes)
    for entry in entries:
        if entry.entity is not Family:
            raise ConfigurationError(
                "{value} decides {entity} records, not families; batch "
                "runs decide family programmes",
                code="batch.program",
                path="program",
                value=entry.code,
                entity=entry.entity.__name__,
            )
    return entries


def _own_reform(entry: CatalogueEntry, reform: Reform | None) -> Reform | None:
    if reform is None:
        return None
    own = {
        name: values
        for name, values in reform.overrides.items()
        if name in entry.parameters
    }
    return Reform(reform.name, own) if own else None


def _running(
    entry: CatalogueEntry, on: dt.date, reform: Reform | None
) -> bool:
    params = (
        entry.parameters
        if reform is None
        else entry.parameters.with_reform(reform)
    )
    snapshot = params.at(on)
    return all(snapshot.get(n) is not None for n in entry.program.parameters())


def _decide_chunk(
    chunk: ChunkRead,
    entries: Sequence[CatalogueEntry],
    reforms: Mapping[str, Reform | None],
    *,
    on: dt.date,
    engine: Engine,
) -> list[pl.DataFrame]:
    """
    Decide one chunk's families for every programme.

    The columnar engine reads the chunk's tables once for all
    programmes; a programme whose rules it does not compile
    (`NotSupported`) is decided one object at a time.
    """
    tables = chunk.tables() if engine == "columnar" else None
    objects: list[Family] | None = None
    frames = []
    for entry in entries:
        reform = reforms[entry.code]
        frame = None
        if tables is not None:
            with contextlib.suppress(NotSupported):
                frame = evaluate(tables, entry, on=on, reform=reform)
        if frame is None:
            if objects is None:
                objects = chunk.families()
            frame = decide_families(objects, entry, on=on, reform=reform)
        frames.append(frame)
    return frames


def _by_family(frames: list[pl.DataFrame], schema: pl.Schema) -> pl.DataFrame:
    """
    Stack the programmes' frames family by family, programmes in order.

    Rows come in the order of the families table whatever the chunks.
    """
    if not frames:
        return pl.DataFrame(schema=schema)
    if len(frames) == 1:
        return frames[0]
    family, program = "__family", "__program"
    return (
        pl.concat(
            [
                frame.with_columns(
                    pl.int_range(pl.len()).alias(family),
                    pl.lit(index).alias(program),
                )
                for index, frame in enumerate(frames)
            ],
            how="diagonal_relaxed",
        )
        .sort(family, program, maintain_order=True)
        .drop(family, program)
    )


def _union(schemas: Iterable[pl.Schema]) -> pl.Schema:
    middle: dict[str, pl.DataType] = {}
    for schema in schemas:
        for name, dtype in schema.items():
            if name not in BASE_COLUMNS and name not in TAIL_COLUMNS:
                middle.setdefault(name, dtype)
    return pl.Schema({**BASE_COLUMNS, **middle, **TAIL_COLUMNS})


def run_batch(
    source: object,
    program: str | Sequence[str],
    *,
    on: dt.date,
    out_dir: str | os.PathLike[str],
    output_format: OutputFormat = "parquet",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    mapping: ColumnMapping | None = None,
    reform: Reform | None = None,
    engine: Engine = DEFAULT_ENGINE,
    progress: Callable[[int, int], None] | None = None,
) -> BatchSummary:
    """
    Decide a population chunk by chunk and write results and rejects.

    Args:
        source: The population: what `scan_tables` opens (a directory of
            table files, `Tables`, `LazyTables`).
        program: A catalogue code, several, or ``"all"``.
        on: The date of the decisions.
        out_dir: Where ``results.<format>``, ``rejects.<format>`` and
            ``summary.json`` are written (created if needed).
        output_format: ``"parquet"``, ``"csv"`` or ``"jsonl"``.
        chunk_size: Families read and decided at a time.
        mapping: The registry's own column names and codes.
        reform: Overrides of parameters; with several programmes, each
            takes the overrides of its own parameters.
        engine: ``"columnar"`` or ``"object"`` (same results).
        progress: Called after each chunk with (families done, total).

    Returns:
        The summary; check `BatchSummary.balanced` (or call
        `BatchSummary.check`): the run writes what it has either way.

    Raises:
        ConfigurationError: An unknown programme, a table that cannot
            be opened, a mapping that does not fit, a bad chunk size.
        dayasos.errors.ValidationError: A table lacks a required column.

    Programmes not running on `on` (their parameters are not in force)
    are left out with ``"all"`` and listed in `BatchSummary.not_running`.

    .. versionadded:: 0.1.0
    """
    if chunk_size < 1:
        raise ConfigurationError(
            "chunk_size is a whole number from 1, got {value!r}",
            code="batch.chunk_size",
            path="chunk_size",
            value=chunk_size,
        )
    everything = isinstance(program, str) and program.lower() == ALL
    asked = family_programs(program)
    own = {
        e.code: reform if not everything else _own_reform(e, reform)
        for e in asked
    }
    entries = [e for e in asked if _running(e, on, own[e.code])]
    idle = tuple(e.code for e in asked if e not in entries)
    if idle and not everything:
        raise ConfigurationError(
            "{value} is not running on {on}: its parameters are not in force",
            code="batch.not_running",
            path="program",
            value=", ".join(idle),
            on=on.isoformat(),
        )
    label = (
        str(source)
        if isinstance(source, (str, pathlib.PurePath))
        else type(source).__name__
    )
    with reading(label):
        population = open_population(scan_tables(source), mapping=mapping)
    directory = pathlib.Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    schema = _union(
        result_schema(e, on=on, reform=own[e.code]) for e in entries
    )
    # Families read are counted from the whole families table, apart
    # from the chunks: a chunk that lost rows would not balance.
    counts = SummaryBuilder(input_families=population.input_families)
    counts.add_rejects(
        population.rejects, rejected=population.rejected_families
    )
    done = population.rejected_families
    total = population.input_families
    with (
        TableWriter(
            directory / f"results.{output_format}", output_format, schema
        ) as results,
        TableWriter(
            directory / f"rejects.{output_format}",
            output_format,
            REJECTS_SCHEMA,
        ) as rejects,
    ):
        rejects.write(population.rejects)
        for rows in population.chunks(chunk_size):
            with reading(label):
                chunk = population.read_chunk(rows)
            rejects.write(chunk.rejects)
            counts.add_rejects(chunk.rejects, rejected=chunk.rejected_families)
            frames = _decide_chunk(chunk, entries, own, on=on, engine=engine)
            frame = _by_family(frames, schema)
            results.write(frame)
            counts.add_results(frame, chunk.decided_families)
            done += chunk.input_families
            if progress is not None:
                progress(done, total)
        counts.result_rows = results.rows
    summary = counts.build(
        on=on, programs=tuple(e.code for e in entries), not_running=idle
    )
    (directory / "summary.json").write_text(
        json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return summary
