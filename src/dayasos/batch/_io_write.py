"""
Results and rejects written chunk by chunk: Parquet, CSV, JSON Lines.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import pathlib
from typing import IO, TYPE_CHECKING, Literal, Self, get_args

import polars as pl
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from dayasos.errors import ConfigurationError


if TYPE_CHECKING:
    import os


__all__ = [
    "CSV_LIST_SEPARATOR",
    "OUTPUT_FORMATS",
    "OutputFormat",
    "TableWriter",
]

#: The file formats results and rejects are written in.
OutputFormat = Literal["parquet", "csv", "jsonl"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)
#: Separator of list items (criterion codes) in a CSV cell.
CSV_LIST_SEPARATOR = ";"


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    lists = [
        name
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.List)
    ]
    return frame.with_columns(
        pl.col(name).list.join(CSV_LIST_SEPARATOR) for name in lists
    )


class TableWriter:
    """
    Append frames of one schema to a Parquet, CSV or JSON Lines file.

    Frames are cast to the schema given, so chunks with fewer columns
    (a programme without a component) fill them with null. A writer that
    was given no frame writes an empty file with the schema's columns.
    In CSV, lists (criterion codes) are joined with ``;``.

    >>> import tempfile, pathlib, polars as pl
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "out.csv"
    ...     with TableWriter(path, "csv", pl.Schema({"a": pl.Int64})) as w:
    ...         w.write(pl.DataFrame({"a": [1, 2]}))
    ...     path.read_text().split()
    ['a', '1', '2']

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        output: OutputFormat,
        schema: pl.Schema,
    ) -> None:
        if output not in OUTPUT_FORMATS:
            raise ConfigurationError(
                "unknown output format {value!r}; use parquet, csv or jsonl",
                code="batch.format",
                path="format",
                value=output,
            )
        self.path = pathlib.Path(path)
        self.format = output
        self.schema = schema
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None
        self._text: IO[bytes] | None = None
        self._started = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _conform(self, frame: pl.DataFrame) -> pl.DataFrame:
        return frame.select(
            pl.col(name).cast(dtype)
            if name in frame.columns
            else pl.lit(None, dtype).alias(name)
            for name, dtype in self.schema.items()
        )

    def write(self, frame: pl.DataFrame) -> None:
        """
        Append a frame's rows.

        .. versionadded:: 0.1.0
        """
        frame = self._conform(frame)
        self.rows += frame.height
        if self.format == "parquet":
            table = frame.to_arrow()
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, table.schema)
            self._parquet.write_table(table)
            return
        if self._text is None:
            self._text = self.path.open("wb")
        if self.format == "csv":
            _flat(frame).write_csv(
                self._text, include_header=not self._started
            )
        else:
            frame.write_ndjson(self._text)
        self._started = True

    def close(self) -> None:
        """
        Finish the file; an unwritten file gets the schema's columns.

        .. versionadded:: 0.1.0
        """
        if self._parquet is None and self._text is None:
            self.write(pl.DataFrame(schema=self.schema))
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        if self._text is not None:
            self._text.close()
            self._text = None
