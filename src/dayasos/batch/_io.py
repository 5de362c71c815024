"""
Population tables in and results out: files, frames and a mapping file.

`scan_tables` opens the three tables of a population lazily, from a
directory holding ``families.*``, ``members.*`` and ``memberships.*``,
from explicit paths, or from frames in memory (polars, Arrow, pandas when
it is installed). Files are Parquet, CSV, JSON Lines or Arrow IPC, told
apart by their suffix; CSV cells are read as text, as the layout's
readers expect from a registry export. `load_mapping` reads a
`ColumnMapping` from a small TOML file.

>>> import polars as pl
>>> lazy = scan_tables(
...     pl.DataFrame({"family_id": ["f1"]}),
...     members=pl.DataFrame({"family_id": ["f1"], "person_id": ["p1"]}),
... )
>>> lazy.families.collect().height, lazy.memberships is None
(1, True)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import tomllib
import types
from typing import TYPE_CHECKING

import attrs
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]

from dayasos.batch._tables import Tables
from dayasos.batch._tables_mapping import ColumnMapping
from dayasos.errors import ConfigurationError


if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "INPUT_SUFFIXES",
    "LazyTables",
    "load_mapping",
    "reading",
    "scan_file",
    "scan_tables",
]


#: Input file suffixes and the format each names.
INPUT_SUFFIXES: types.MappingProxyType[str, str] = types.MappingProxyType(
    {
        ".parquet": "parquet",
        ".pq": "parquet",
        ".csv": "csv",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".arrow": "arrow",
        ".ipc": "arrow",
        ".feather": "arrow",
    }
)
_TABLES = ("families", "members", "memberships")


@attrs.frozen(kw_only=True, eq=False)
class LazyTables:
    """
    The three tables of a population, not read yet.

    Args:
        families: One row per family.
        members: One row per person.
        memberships: One row per membership transition; `None` when the
            population has no memberships table.

    .. versionadded:: 0.1.0
    """

    families: pl.LazyFrame
    members: pl.LazyFrame
    memberships: pl.LazyFrame | None = None


def _unreadable(path: os.PathLike[str] | str, reason: str) -> Exception:
    return ConfigurationError(
        "cannot read {value}: {reason}",
        code="batch.input",
        path=str(path),
        value=str(path),
        reason=reason,
    )


@contextlib.contextmanager
def reading(what: object) -> Iterator[None]:
    """
    Give errors of reading a table the code ``batch.input``.

    Errors of polars, Arrow and the file system become
    `ConfigurationError`, naming `what` was read.

    .. versionadded:: 0.1.0
    """
    try:
        yield
    except (pl.exceptions.PolarsError, pa.ArrowException, OSError) as err:
        raise _unreadable(str(what), str(err).splitlines()[0]) from err


def scan_file(path: str | os.PathLike[str]) -> pl.LazyFrame:
    """
    Open one table file lazily, by its suffix.

    CSV cells are read as text; JSON Lines types are inferred from every
    line, so that a column empty at the top is typed by the rest.

    Raises:
        ConfigurationError: ``batch.input`` for a missing file or a
            suffix that names no known format.

    .. versionadded:: 0.1.0
    """
    file = pathlib.Path(path)
    kind = INPUT_SUFFIXES.get(file.suffix.lower())
    if kind is None:
        known = ", ".join(INPUT_SUFFIXES)
        raise _unreadable(file, f"unknown suffix; use one of {known}")
    if not file.is_file():
        raise _unreadable(file, "no such file")
    if kind == "parquet":
        return pl.scan_parquet(file)
    if kind == "csv":
        return pl.scan_csv(file, infer_schema=False)
    if kind == "jsonl":
        return pl.scan_ndjson(file, infer_schema_length=None)
    return pl.scan_ipc(file)


def _from_module(frame: object, prefix: str) -> bool:
    return type(frame).__module__.partition(".")[0] == prefix


def _lazy(frame: object, what: str) -> pl.LazyFrame:
    if isinstance(frame, pl.LazyFrame):
        return frame
    if isinstance(frame, pl.DataFrame):
        return frame.lazy()
    if isinstance(frame, (str, os.PathLike)):
        return scan_file(frame)
    if _from_module(frame, "pyarrow"):
        converted = pl.from_arrow(frame)
        if isinstance(converted, pl.DataFrame):
            return converted.lazy()
    if _from_module(frame, "pandas"):
        return pl.from_pandas(frame).lazy()
    raise ConfigurationError(
        "{what}: expected a path, a polars, Arrow or pandas frame, got "
        "{value}",
        code="batch.input_kind",
        path=what,
        value=type(frame).__name__,
        what=what,
    )


def _in_directory(directory: pathlib.Path) -> dict[str, pathlib.Path]:
    found: dict[str, pathlib.Path] = {}
    for table in _TABLES:
        matches = sorted(
            p
            for p in directory.iterdir()
            if p.stem == table and p.suffix.lower() in INPUT_SUFFIXES
        )
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches)
            raise _unreadable(
                directory, f"{table} is in several files: {names}"
            )
        if matches:
            found[table] = matches[0]
    for table in ("families", "members"):
        if table not in found:
            raise _unreadable(
                directory, f"no {table} file ({table}.parquet, .csv ...)"
            )
    return found


def scan_tables(
    source: object,
    *,
    members: object = None,
    memberships: object = None,
) -> LazyTables:
    """
    Open the tables of a population lazily.

    Args:
        source: A directory holding ``families.*``, ``members.*`` and
            (optionally) ``memberships.*``; a `Tables` or `LazyTables`;
            or the families table alone (a path, a polars, Arrow or
            pandas frame), with `members` and `memberships` given too.
        members: The members table, when `source` is the families table.
        memberships: The memberships table, when `source` is the
            families table; `None` for none.

    Raises:
        ConfigurationError: ``batch.input`` for a missing file, an
            unknown suffix or a directory without the tables.

    .. versionadded:: 0.1.0
    """
    if isinstance(source, LazyTables):
        return source
    if isinstance(source, Tables):
        return LazyTables(
            families=source.families.lazy(),
            members=source.members.lazy(),
            memberships=None
            if source.memberships is None
            else source.memberships.lazy(),
        )
    if (
        isinstance(source, (str, os.PathLike))
        and pathlib.Path(source).is_dir()
    ):
        found = _in_directory(pathlib.Path(source))
        return LazyTables(
            families=scan_file(found["families"]),
            members=scan_file(found["members"]),
            memberships=scan_file(found["memberships"])
            if "memberships" in found
            else None,
        )
    if members is None:
        raise _unreadable(
            str(source), "give the members table too, or a directory"
        )
    return LazyTables(
        families=_lazy(source, "families"),
        members=_lazy(members, "members"),
        memberships=None
        if memberships is None
        else _lazy(memberships, "memberships"),
    )


def _names(section: object, where: str) -> dict[str, str]:
    if not isinstance(section, dict) or not all(
        isinstance(v, str) for v in section.values()
    ):
        raise ConfigurationError(
            "[{value}] maps their names or codes to ours as text, e.g. "
            '[members] no_kk = "family_id" or [values.sex] L = "male"',
            code="batch.mapping",
            path=where,
            value=where,
        )
    return {str(k): str(v) for k, v in section.items()}


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """
    Read a `ColumnMapping` from a TOML file.

    The file has a table per layout table naming their column -> ours,
    and a ``values`` table per column of their code -> ours::

        [members]
        no_kk = "family_id"
        jenis_kelamin = "sex"

        [values.sex]
        L = "male"
        P = "female"

    Raises:
        ConfigurationError: ``batch.mapping`` for a file that cannot be
            read or holds other keys; the mapping's own checks.

    .. versionadded:: 0.1.0
    """
    file = pathlib.Path(path)
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigurationError(
            "cannot read the mapping file {value}: {reason}",
            code="batch.mapping",
            path=str(file),
            value=str(file),
            reason=str(err),
        ) from None
    extra = set(document) - {*_TABLES, "values"}
    if extra:
        raise ConfigurationError(
            "unknown keys {value} in the mapping file; use families, "
            "members, memberships and values",
            code="batch.mapping",
            path=str(file),
            value=", ".join(sorted(extra)),
        )
    values = document.get("values", {})
    if not isinstance(values, dict):
        _names(values, "values")
    return ColumnMapping(
        families=_names(document.get("families", {}), "families"),
        members=_names(document.get("members", {}), "members"),
        memberships=_names(document.get("memberships", {}), "memberships"),
        values={
            column: _names(codes, f"values.{column}")
            for column, codes in values.items()
        },
    )
