"""Tests for streaming a synthetic population to Parquet."""

import polars as pl
import pyarrow.parquet as pq

from dayasos.batch import Tables, from_tables
from dayasos.synthetic import (
    RAW_MEMBERS_SCHEMA,
    generate_tables,
    write_parquet,
)


def read(paths):
    """The tables written, read back with polars."""
    return Tables(
        families=pl.read_parquet(paths["families"]),
        members=pl.read_parquet(paths["members"]),
        memberships=pl.read_parquet(paths["memberships"]),
    )


class TestWriteParquet:
    """Chunks become row groups of four files."""

    def test_files_hold_every_chunk_as_a_row_group(self, tmp_path):
        """250 families in chunks of 100: three row groups each."""
        paths = write_parquet(tmp_path / "out", 250, seed=1, chunk_size=100)

        assert {"families", "members", "memberships", "errors"} == set(paths)
        assert 3 == pq.ParquetFile(paths["families"]).num_row_groups
        assert 3 == pq.ParquetFile(paths["members"]).num_row_groups

    def test_read_back_equals_the_generated_tables(self, tmp_path):
        """What is written is what generate_tables gives."""
        paths = write_parquet(tmp_path, 250, seed=1, chunk_size=100)
        generated = Tables.concat(generate_tables(250, seed=1, chunk_size=100))

        assert generated.equals(read(paths))

    def test_read_back_gives_every_family(self, tmp_path):
        """The files read with from_tables give all families."""
        paths = write_parquet(tmp_path, 120, seed=2, chunk_size=50)

        families, rejects = from_tables(read(paths))

        assert 120 == len(families)
        assert 0 == len(rejects)

    def test_same_seed_writes_the_same_bytes(self, tmp_path):
        """Byte for byte, file by file."""
        first = write_parquet(tmp_path / "a", 80, seed=3, chunk_size=30)
        second = write_parquet(tmp_path / "b", 80, seed=3, chunk_size=30)

        assert all(
            first[name].read_bytes() == second[name].read_bytes()
            for name in first
        )

    def test_errors_are_written_with_their_manifest(self, tmp_path):
        """The manifest goes to errors.parquet; birth dates are text."""
        paths = write_parquet(tmp_path, 200, seed=4, error_rate=0.2)

        assert pl.read_parquet(paths["errors"]).height > 0
        assert RAW_MEMBERS_SCHEMA == pl.read_parquet(paths["members"]).schema

    def test_no_families_write_empty_files(self, tmp_path):
        """An empty population still writes the four files."""
        paths = write_parquet(tmp_path, 0, seed=1)

        assert [0, 0, 0, 0] == [
            pl.read_parquet(p).height for p in paths.values()
        ]
