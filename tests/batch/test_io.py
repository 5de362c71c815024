"""Tests for population input (files, frames, mapping) and result writers."""

import json

import polars as pl
import pyarrow as pa
import pytest

from dayasos.batch import (
    ColumnMapping,
    LazyTables,
    Tables,
    TableWriter,
    load_mapping,
    scan_file,
    scan_tables,
)
from dayasos.batch._io_checks import ROW
from dayasos.batch._io_chunks import _span
from dayasos.errors import ConfigurationError
from dayasos.synthetic import generate_tables


@pytest.fixture(scope="module")
def population():
    """A small synthetic population in the layout."""
    return next(generate_tables(12, seed=5))


def collected(lazy):
    """The three tables of a LazyTables, read."""
    return Tables(
        families=lazy.families.collect(),
        members=lazy.members.collect(),
        memberships=None
        if lazy.memberships is None
        else lazy.memberships.collect(),
    )


def text_tables(tables):
    """The tables as a CSV export holds them: no nested columns."""
    return Tables(
        families=tables.families.drop("businesses"),
        members=tables.members.with_columns(pl.col("ppks").list.join(",")),
        memberships=tables.memberships,
    )


class TestScanTables:
    """Tables open from directories, paths and frames in memory."""

    def test_directory_of_parquet_files_gives_the_tables(
        self, population, tmp_path
    ):
        """A directory of families/members/memberships.parquet is read."""
        for name in ("families", "members", "memberships"):
            getattr(population, name).write_parquet(
                tmp_path / f"{name}.parquet"
            )

        read = collected(scan_tables(tmp_path))

        assert Tables.equals(read, population)

    def test_csv_cells_are_read_as_text(self, population, tmp_path):
        """CSV columns stay text, so region codes and NIKs keep digits."""
        flat = text_tables(population)
        for name in ("families", "members", "memberships"):
            getattr(flat, name).write_csv(tmp_path / f"{name}.csv")

        read = collected(scan_tables(tmp_path))

        assert {pl.String} == set(read.members.schema.dtypes())
        assert (
            flat.families.get_column("region").to_list()
            == read.families.get_column("region").to_list()
        )

    def test_json_lines_and_arrow_files_are_read(self, population, tmp_path):
        """.jsonl and .arrow files open by their suffix."""
        population.families.write_ndjson(tmp_path / "families.jsonl")
        population.members.write_ipc(tmp_path / "members.arrow")

        lazy = scan_tables(
            tmp_path / "families.jsonl", members=tmp_path / "members.arrow"
        )

        assert population.families.height == lazy.families.collect().height
        assert population.members.equals(lazy.members.collect())
        assert lazy.memberships is None

    def test_arrow_tables_in_memory_are_read(self, population):
        """Pyarrow Tables are accepted as frames."""
        lazy = scan_tables(
            population.families.to_arrow(),
            members=population.members.to_arrow(),
            memberships=pa.Table.from_pylist([]),
        )

        assert population.members.equals(lazy.members.collect())

    def test_polars_frames_and_tables_are_read(self, population):
        """Polars frames and a Tables open without a copy to disk."""
        from_frames = scan_tables(
            population.families, members=population.members.lazy()
        )
        from_tables = scan_tables(population)

        assert population.families.equals(from_frames.families.collect())
        assert Tables.equals(collected(from_tables), population)
        assert from_tables is scan_tables(from_tables)

    def test_a_file_without_members_is_refused(self, tmp_path):
        """The families file alone does not make a population."""
        path = tmp_path / "families.parquet"
        pl.DataFrame({"family_id": ["f1"]}).write_parquet(path)

        with pytest.raises(ConfigurationError) as caught:
            scan_tables(path)

        assert "batch.input" == caught.value.error_code

    def test_a_directory_without_members_is_refused(self, tmp_path):
        """A directory needs a members file."""
        pl.DataFrame({"family_id": ["f1"]}).write_parquet(
            tmp_path / "families.parquet"
        )

        with pytest.raises(ConfigurationError, match="no members file"):
            scan_tables(tmp_path)

    def test_a_table_in_two_formats_is_ambiguous(self, tmp_path):
        """families.csv next to families.parquet: which one is meant?"""
        frame = pl.DataFrame({"family_id": ["f1"]})
        frame.write_parquet(tmp_path / "families.parquet")
        frame.write_csv(tmp_path / "families.csv")

        with pytest.raises(ConfigurationError, match="several files"):
            scan_tables(tmp_path)

    def test_other_objects_are_refused(self):
        """A list of dicts is no table."""
        with pytest.raises(ConfigurationError) as caught:
            scan_tables([{"family_id": "f1"}], members=[])

        assert "families" == caught.value.path


class TestScanFile:
    """One file opens by its suffix."""

    @pytest.mark.parametrize("name", ["families.xlsx", "families"])
    def test_unknown_suffix_is_refused(self, tmp_path, name):
        """Only the known suffixes are read."""
        (tmp_path / name).write_text("x")

        with pytest.raises(ConfigurationError, match="unknown suffix"):
            scan_file(tmp_path / name)

    def test_missing_file_is_refused(self, tmp_path):
        """A missing file is named in the error."""
        with pytest.raises(ConfigurationError, match="no such file"):
            scan_file(tmp_path / "members.csv")


class TestLoadMapping:
    """A registry's column names and codes come from a TOML file."""

    def test_mapping_file_gives_names_and_codes(self, tmp_path):
        """Tables of names and a values table per column."""
        path = tmp_path / "mapping.toml"
        path.write_text(
            "[families]\n"
            'no_kk_id = "family_id"\n'
            "[members]\n"
            'no_kk_id = "family_id"\n'
            'jk = "sex"\n'
            "[values.sex]\n"
            'L = "male"\n'
            'P = "female"\n'
        )

        mapping = load_mapping(path)

        assert (
            ColumnMapping(
                families={"no_kk_id": "family_id"},
                members={"no_kk_id": "family_id", "jk": "sex"},
                values={"sex": {"L": "male", "P": "female"}},
            )
            == mapping
        )

    @pytest.mark.parametrize(
        "text",
        [
            "[columns]\na = 'family_id'\n",
            "[members]\njk = 1\n",
            "values = 3\n",
            "[values]\nsex = 'L'\n",
            "[members\n",
            "[members]\njk = 'no_such_column'\n",
        ],
    )
    def test_bad_mapping_files_are_refused(self, tmp_path, text):
        """Unknown keys, non-text names, bad TOML, unknown columns."""
        path = tmp_path / "mapping.toml"
        path.write_text(text)

        with pytest.raises(ConfigurationError):
            load_mapping(path)

    def test_missing_mapping_file_is_refused(self, tmp_path):
        """The error names the file."""
        with pytest.raises(ConfigurationError, match="mapping file"):
            load_mapping(tmp_path / "none.toml")


SCHEMA = pl.Schema(
    {"family_id": pl.String, "failed": pl.List(pl.String), "total": pl.Int64}
)
FRAME = pl.DataFrame(
    {"family_id": ["f1", "f2"], "failed": [["a", "b"], []], "total": [5, 0]},
    schema=SCHEMA,
)


class TestTableWriter:
    """Frames are appended chunk by chunk in one schema."""

    def test_parquet_chunks_append(self, tmp_path):
        """Two writes make one file with both chunks."""
        path = tmp_path / "results.parquet"
        with TableWriter(path, "parquet", SCHEMA) as writer:
            writer.write(FRAME)
            writer.write(FRAME)

        assert pl.concat([FRAME, FRAME]).equals(pl.read_parquet(path))
        assert 4 == writer.rows

    def test_csv_joins_lists_and_writes_one_header(self, tmp_path):
        """Criterion codes are joined with ';'; the header comes once."""
        path = tmp_path / "results.csv"
        with TableWriter(path, "csv", SCHEMA) as writer:
            writer.write(FRAME)
            writer.write(FRAME.head(1))

        assert [
            "family_id,failed,total",
            "f1,a;b,5",
            'f2,"",0',
            "f1,a;b,5",
        ] == path.read_text().splitlines()

    def test_json_lines_keep_lists(self, tmp_path):
        """One JSON object per row, lists as lists."""
        path = tmp_path / "results.jsonl"
        with TableWriter(path, "jsonl", SCHEMA) as writer:
            writer.write(FRAME)

        rows = [json.loads(line) for line in path.read_text().splitlines()]

        assert {"family_id": "f1", "failed": ["a", "b"], "total": 5} == rows[0]

    def test_missing_columns_are_null_and_extra_ones_dropped(self, tmp_path):
        """A chunk without a column gets null in it."""
        path = tmp_path / "results.parquet"
        with TableWriter(path, "parquet", SCHEMA) as writer:
            writer.write(pl.DataFrame({"family_id": ["f3"], "other": [1]}))

        assert [("f3", None, None)] == pl.read_parquet(path).rows()

    @pytest.mark.parametrize("output", ["parquet", "csv", "jsonl"])
    def test_nothing_written_still_makes_a_file(self, tmp_path, output):
        """A run without rows leaves an empty file, not none."""
        path = tmp_path / f"rejects.{output}"
        TableWriter(path, output, SCHEMA).close()

        assert path.is_file()

    def test_unknown_format_is_refused(self, tmp_path):
        """Only parquet, csv and jsonl."""
        with pytest.raises(ConfigurationError, match="unknown output"):
            TableWriter(tmp_path / "x.xlsx", "xlsx", SCHEMA)  # type: ignore[arg-type]


class TestLazyTables:
    """LazyTables hold frames not read yet."""

    def test_memberships_are_optional(self):
        """Without memberships the population has none."""
        lazy = LazyTables(
            families=pl.LazyFrame({"family_id": ["f1"]}),
            members=pl.LazyFrame({"family_id": ["f1"]}),
        )

        assert lazy.memberships is None


class TestSpan:
    """A chunk's rows are read from the span they lie in, numbered."""

    @pytest.mark.parametrize("rows", [[0, 2], [5_000, 5_003, 9_999], []])
    def test_rows_anywhere_come_with_their_numbers(self, tmp_path, rows):
        """Rows far into a Parquet file keep their 0-based numbers."""
        path = tmp_path / "t.parquet"
        pl.DataFrame({"v": [f"r{i}" for i in range(10_000)]}).write_parquet(
            path, row_group_size=1_000
        )
        found = _span(
            pl.scan_parquet(path), pl.Series(ROW, rows, dtype=pl.Int64)
        )

        assert found.get_column(ROW).to_list() == rows
        assert found.get_column("v").to_list() == [f"r{i}" for i in rows]
