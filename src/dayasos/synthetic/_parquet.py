"""
A synthetic population streamed to Parquet, one chunk at a time.

Four files in one directory, each with one row group per chunk:
``families.parquet``, ``members.parquet``, ``memberships.parquet`` and
``errors.parquet`` (the manifest of injected errors). Only one chunk is
in memory at a time, whatever the size; polars reads the files back
whole (`polars.read_parquet`) or lazily (`polars.scan_parquet`).

>>> import tempfile, polars as pl
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = write_parquet(tmp, 5, seed=1, chunk_size=2)
...     pl.read_parquet(paths["families"]).height
5

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import pathlib
from typing import TYPE_CHECKING

import pyarrow.parquet as pq  # type: ignore[import-untyped]

from dayasos.synthetic._generate import (
    DEFAULT_AS_OF,
    generate_tables,
    tables_of,
)
from dayasos.synthetic._profile import DTKS_LIKE


if TYPE_CHECKING:
    import datetime as dt
    import os

    import polars as pl

    from dayasos.synthetic._generate import SyntheticTables
    from dayasos.synthetic._profile import Profile


__all__ = ["TABLES", "write_parquet"]

#: The tables written, in order; each goes to ``<name>.parquet``.
TABLES = ("families", "members", "memberships", "errors")


def _frames(chunk: SyntheticTables) -> dict[str, pl.DataFrame]:
    return {
        "families": chunk.families,
        "members": chunk.members,
        "memberships": chunk.memberships
        if chunk.memberships is not None
        else tables_of([], [], text_dates=False).families.clear(),
        "errors": chunk.errors,
    }


def _write(
    chunk: SyntheticTables,
    writers: dict[str, pq.ParquetWriter],
    paths: dict[str, pathlib.Path],
    stack: contextlib.ExitStack,
) -> None:
    for name, frame in _frames(chunk).items():
        table = frame.to_arrow()
        if name not in writers:
            writers[name] = stack.enter_context(
                pq.ParquetWriter(paths[name], table.schema)
            )
        writers[name].write_table(table)


def write_parquet(
    path_dir: str | os.PathLike[str],
    n_families: int,
    *,
    seed: int,
    chunk_size: int = 100_000,
    error_rate: float = 0.0,
    as_of: dt.date = DEFAULT_AS_OF,
    profile: Profile = DTKS_LIKE,
) -> dict[str, pathlib.Path]:
    """
    Write a synthetic population to Parquet files in `path_dir`.

    The arguments are those of `generate_tables`; the directory is
    created if needed and files of the same names are replaced.

    Returns:
        The path of each table's file, by table name.

    .. versionadded:: 0.1.0
    """
    directory = pathlib.Path(path_dir)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / f"{name}.parquet" for name in TABLES}
    chunks = generate_tables(
        n_families,
        seed=seed,
        chunk_size=chunk_size,
        error_rate=error_rate,
        as_of=as_of,
        profile=profile,
    )
    with contextlib.ExitStack() as stack:
        writers: dict[str, pq.ParquetWriter] = {}
        for chunk in chunks:
            _write(chunk, writers, paths, stack)
            # Drop this chunk before the generator draws the next one.
            del chunk
        if not writers:
            empty = tables_of([], [], text_dates=error_rate > 0)
            for name, frame in _frames(empty).items():
                frame.write_parquet(paths[name])
    return paths
