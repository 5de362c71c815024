"""Tests for run_batch: chunked decisions where nothing is lost."""

import datetime as dt
import json

import attrs
import polars as pl
import pytest

from dayasos.batch import (
    ColumnMapping,
    Population,
    Tables,
    decide_families,
    family_programs,
    from_tables,
    result_schema,
    run_batch,
)
from dayasos.errors import ConfigurationError, ValidationError
from dayasos.policy import load_reform
from dayasos.programs import get
from dayasos.synthetic import generate_tables


ON = dt.date(2020, 7, 21)


@pytest.fixture(scope="module")
def dirty():
    """A small population where a third of the families hold an error."""
    return next(generate_tables(40, seed=11, error_rate=0.35, as_of=ON))


@pytest.fixture(scope="module")
def clean():
    """A small population without errors."""
    return next(generate_tables(30, seed=3, as_of=ON))


def run(tmp_path, source, program="all", **options):
    """Run a batch into tmp_path; return summary, results and rejects."""
    summary = run_batch(source, program, on=ON, out_dir=tmp_path, **options)
    results = pl.read_parquet(tmp_path / "results.parquet")
    rejects = pl.read_parquet(tmp_path / "rejects.parquet")
    return summary, results, rejects


def ordered(frame):
    """Rows sorted for comparisons that ignore the order of chunks."""
    return frame.sort(frame.columns[:3])


class TestNothingIsLost:
    """Families read are families decided plus families rejected."""

    def test_results_and_rejects_make_the_input(self, dirty, tmp_path):
        """Every family is in the results or named by a reject."""
        summary, results, rejects = run(tmp_path, dirty)
        decided = set(results.get_column("family_id"))
        rejected = set(rejects.get_column("family_id"))

        assert summary.balanced
        assert 40 == summary.input_families
        assert decided.isdisjoint(rejected)
        assert set(dirty.families.get_column("family_id")) == (
            decided | rejected
        )
        assert summary.rejected_families == len(rejected)

    def test_every_injected_error_is_found(self, dirty, tmp_path):
        """Each manifest row has its code on its family in the rejects."""
        _, _, rejects = run(tmp_path, dirty, chunk_size=3)
        found = rejects.select("family_id", "code").unique()

        missed = dirty.errors.join(found, on=["family_id", "code"], how="anti")

        assert dirty.errors.height > 5
        assert 0 == missed.height

    def test_one_row_per_family_and_programme(self, dirty, tmp_path):
        """Four programmes run on 21 July 2020, each decides every family."""
        summary, results, _ = run(tmp_path, dirty)

        assert ("PKH", "SEMBAKO", "BST", "KEMENSOS_HADIR") == summary.programs
        assert ("BSIMU", "PROKUS") == summary.not_running
        assert summary.decided_families * 4 == results.height

    def test_summary_json_is_written(self, dirty, tmp_path):
        """summary.json holds the counts and the balance."""
        summary, _, _ = run(tmp_path, dirty)
        document = json.loads((tmp_path / "summary.json").read_text())

        assert summary.to_dict() == document
        assert document["balanced"]

    def test_a_family_lost_in_a_chunk_unbalances_the_run(
        self, dirty, tmp_path, monkeypatch
    ):
        """Families read are counted apart from the chunks that lose one."""
        real = Population.read_chunk

        def losing(population, rows):
            """Read a chunk and drop its first family."""
            chunk = real(population, rows)
            return attrs.evolve(chunk, order=chunk.order[1:])

        monkeypatch.setattr(Population, "read_chunk", losing)
        summary = run_batch(dirty, "PKH", on=ON, out_dir=tmp_path)

        assert not summary.balanced
        assert summary.input_families == 40

    def test_unbalanced_counts_raise_on_check(self, dirty, tmp_path):
        """check() names the counts when they do not add up."""
        summary, _, _ = run(tmp_path, dirty)
        lost = type(summary)(
            on=summary.on,
            programs=summary.programs,
            input_families=summary.input_families + 1,
            decided_families=summary.decided_families,
            rejected_families=summary.rejected_families,
            result_rows=summary.result_rows,
        )

        with pytest.raises(ValidationError) as caught:
            lost.check()

        assert not lost.balanced
        assert "batch.unbalanced" == caught.value.error_code


class TestChunks:
    """Chunk sizes cut the work, not the results."""

    @pytest.mark.parametrize("size", [1, 7])
    def test_any_chunk_size_gives_the_results_of_one_chunk(
        self, dirty, tmp_path, size
    ):
        """Chunks of 1 and 7 families equal one chunk of all of them."""
        _, whole, whole_rejects = run(tmp_path / "one", dirty, chunk_size=40)
        summary, parts, part_rejects = run(
            tmp_path / "many", dirty, chunk_size=size
        )

        assert summary.balanced
        assert whole.equals(parts)
        assert whole_rejects.sort("table", "row", "code").equals(
            part_rejects.sort("table", "row", "code")
        )

    def test_a_duplicate_nik_across_chunks_is_found(self, tmp_path):
        """The same NIK in families of two chunks rejects both."""
        members = pl.DataFrame(
            {
                "family_id": ["f1", "f2", "f3"],
                "person_id": ["p1", "p1", "p1"],
                "relation": ["head", "head", "head"],
                "nik": ["3171014107800001", "3171014107800001", None],
            }
        )
        tables = Tables(
            families=pl.DataFrame({"family_id": ["f1", "f2", "f3"]}),
            members=members,
        )

        summary, results, rejects = run(tmp_path, tables, "PKH", chunk_size=1)

        assert {"f3"} == set(results.get_column("family_id"))
        assert [
            ("f1", "batch.duplicate_nik"),
            ("f2", "batch.duplicate_nik"),
        ] == (rejects.select("family_id", "code").rows())
        assert summary.balanced

    def test_duplicate_family_ids_and_orphans_are_rejected(self, tmp_path):
        """A family id on two rows; members of no family; no family id."""
        tables = Tables(
            families=pl.DataFrame({"family_id": ["f1", "f2", "f1"]}),
            members=pl.DataFrame(
                {
                    "family_id": ["f1", "f2", "f9", None],
                    "person_id": ["p1", "p1", "p1", "p2"],
                    "relation": ["head", "head", "head", "head"],
                }
            ),
        )

        summary, results, rejects = run(tmp_path, tables, "BST", chunk_size=1)

        assert ["f2"] == results.get_column("family_id").to_list()
        assert [
            ("families", 0, "batch.duplicate_family"),
            ("families", 2, "batch.duplicate_family"),
            ("members", 2, "batch.orphan"),
            ("members", 3, "batch.required"),
        ] == rejects.select("table", "row", "code").sort("table", "row").rows()
        assert (3, 1, 2) == (
            summary.input_families,
            summary.decided_families,
            summary.rejected_families,
        )


def interleaved(frame, seed):
    """
    The rows of families mixed with each other's, each family's in order.

    A membership's transitions and a family's members keep their order
    (it is data); nothing else is sorted.
    """
    keys = pl.Series(
        "key", pl.int_range(frame.height, eager=True).shuffle(seed=seed)
    )
    return (
        frame.with_columns(keys)
        .with_columns(pl.col("key").sort().over("family_id"))
        .sort("key")
        .drop("key")
    )


def shuffled(tables, seed):
    """The same tables with the families' rows mixed in every table."""
    return Tables(
        families=tables.families.sample(fraction=1.0, shuffle=True, seed=seed),
        members=interleaved(tables.members, seed),
        memberships=interleaved(tables.memberships, seed),
    )


class TestUnsortedInput:
    """Members and memberships need not follow the families' order."""

    def test_shuffled_tables_give_the_same_decisions(self, dirty, tmp_path):
        """Mixed rows, chunks of 7: the same results and reject codes."""
        _, sorted_results, sorted_rejects = run(tmp_path / "a", dirty)
        tables = shuffled(dirty, 1)
        _, results, rejects = run(tmp_path / "b", tables, chunk_size=7)

        assert not tables.members.get_column("family_id").equals(
            tables.members.get_column("family_id").sort()
        )
        assert ordered(sorted_results).equals(ordered(results))
        assert set(
            sorted_rejects.select("family_id", "field", "code").rows()
        ) == set(rejects.select("family_id", "field", "code").rows())

    def test_reject_rows_point_at_the_input_rows(self, dirty, tmp_path):
        """Each reject's row number finds its family in that table."""
        tables = shuffled(dirty, 2)
        _, _, rejects = run(tmp_path, tables, chunk_size=7)

        for table, row, family_id in rejects.select(
            "table", "row", "family_id"
        ).iter_rows():
            frame = getattr(tables, table)

            assert family_id == frame.get_column("family_id")[row]


class TestEngines:
    """The columnar engine and the object engine agree."""

    def test_columnar_equals_object(self, dirty, tmp_path):
        """Every column of every row is the same."""
        _, columnar, _ = run(tmp_path / "c", dirty, engine="columnar")
        _, objects, _ = run(tmp_path / "o", dirty, engine="object")

        assert columnar.equals(objects)

    def test_object_engine_is_the_decision_of_each_family(self, clean):
        """Verdict, criteria, total and periods come from entry.decide."""
        families, _ = from_tables(clean)
        entry = get("PKH")
        frame = decide_families(families, entry, on=ON)

        for family, row in zip(
            families, frame.iter_rows(named=True), strict=True
        ):
            decision = entry.decide(family, on=ON)
            totals = dict(decision.totals) if decision.eligible else {}

            assert decision.verdict.value == row["verdict"]
            assert (int(decision.total) if decision.eligible else 0) == row[
                "total"
            ]
            assert [
                c.code for c in decision.criteria if c.outcome.value == "fail"
            ] == row["failed"]
            assert {p: int(totals.get(p, 0)) for p in decision.periods} == {
                p: row[f"period.{p}"] for p in decision.periods
            }

    def test_result_columns_name_components_and_periods(self):
        """PKH on 21 July 2020 pays in ten tahap."""
        schema = result_schema(get("PKH"), on=ON)

        assert "amount.lansia" in schema
        assert 10 == sum(n.startswith("period.") for n in schema.names())
        assert ["province", "decile"] == schema.names()[-2:]


REFORM = (
    'name = "Lansia Rp9 juta"\n[[overrides]]\n'
    'parameter = "pkh.amount.lansia"\nsince = 2020-01-01\n'
    "value = 9_000_000\n"
    'reference = { instrument = "Simulasi", title = "9 juta" }\n'
)


class TestReform:
    """A reform applies to the programmes whose parameters it names."""

    def test_reform_raises_pkh_and_leaves_the_others(self, clean, tmp_path):
        """With all, PKH's lansia rises, BST does not; both engines agree."""
        path = tmp_path / "reform.toml"
        path.write_text(REFORM)
        reform = load_reform(path)

        before, _, _ = run(tmp_path / "a", clean, engine="object")
        after, objects, _ = run(
            tmp_path / "b", clean, reform=reform, engine="object"
        )
        _, columnar, _ = run(tmp_path / "c", clean, reform=reform)

        assert objects.equals(columnar)
        assert total(after, "PKH") > total(before, "PKH")
        assert total(after, "BST") == total(before, "BST")


def total(summary, program):
    """A programme's yearly total over every province."""
    return sum(t for p, _, _, t in summary.amounts if p == program)


class TestMapping:
    """A registry's own names are read through a ColumnMapping."""

    def test_renamed_columns_give_the_same_results(self, clean, tmp_path):
        """no_kk for family_id and jk with L/P for sex."""
        export = Tables(
            families=clean.families.rename({"family_id": "no_kk"}),
            members=clean.members.rename(
                {"family_id": "no_kk", "sex": "jk"}
            ).with_columns(pl.col("jk").replace({"male": "L", "female": "P"})),
            memberships=clean.memberships.rename({"family_id": "no_kk"}),
        )
        mapping = ColumnMapping(
            families={"no_kk": "family_id"},
            members={"no_kk": "family_id", "jk": "sex"},
            memberships={"no_kk": "family_id"},
            values={"sex": {"L": "male", "P": "female"}},
        )

        _, expected, _ = run(tmp_path / "a", clean)
        summary, actual, rejects = run(tmp_path / "b", export, mapping=mapping)

        assert expected.equals(actual)
        assert 0 == rejects.height
        assert summary.balanced


class TestFormats:
    """Results and rejects are written as Parquet, CSV or JSON Lines."""

    @pytest.mark.parametrize("output", ["csv", "jsonl"])
    def test_text_formats_hold_every_row(self, dirty, tmp_path, output):
        """Row counts match the summary in every format."""
        summary = run_batch(
            dirty, "PKH", on=ON, out_dir=tmp_path, output_format=output
        )
        read = pl.read_csv if output == "csv" else pl.read_ndjson
        results = read(tmp_path / f"results.{output}")
        rejects = read(tmp_path / f"rejects.{output}")

        assert summary.decided_families == results.height
        assert sum(rows for _, rows, _ in summary.rejects) == rejects.height

    @pytest.mark.parametrize("suffix", ["csv", "jsonl", "arrow"])
    def test_every_input_format_gives_the_same_decisions(
        self, dirty, tmp_path, suffix
    ):
        """CSV (text cells), JSON Lines and Arrow files, read in chunks."""
        tables = Tables(
            families=dirty.families.drop("businesses"),
            members=dirty.members.with_columns(pl.col("ppks").list.join(",")),
            memberships=dirty.memberships,
        )
        writers = {
            "csv": pl.DataFrame.write_csv,
            "jsonl": pl.DataFrame.write_ndjson,
            "arrow": pl.DataFrame.write_ipc,
        }
        source = tmp_path / "in"
        source.mkdir()
        for name in ("families", "members", "memberships"):
            writers[suffix](getattr(tables, name), source / f"{name}.{suffix}")

        _, expected, expected_rejects = run(tmp_path / "a", tables)
        summary, actual, rejects = run(tmp_path / "b", source, chunk_size=9)

        assert summary.balanced
        assert expected.equals(actual)
        assert expected_rejects.select("table", "row", "code").equals(
            rejects.select("table", "row", "code")
        )

    def test_files_on_disk_are_read_in_chunks(self, dirty, tmp_path):
        """A directory of Parquet files gives the results of the frames."""
        source = tmp_path / "in"
        source.mkdir()
        for name in ("families", "members", "memberships"):
            getattr(dirty, name).write_parquet(source / f"{name}.parquet")

        _, expected, _ = run(tmp_path / "a", dirty)
        _, actual, _ = run(tmp_path / "b", source, chunk_size=9)

        assert expected.equals(actual)


class TestRefusals:
    """Wrong arguments are refused before anything is written."""

    def test_a_programme_of_other_records_is_refused(self):
        """KUBE decides group proposals, not families."""
        with pytest.raises(ConfigurationError, match="not families"):
            family_programs("KUBE")

    def test_a_programme_not_running_is_refused(self, clean, tmp_path):
        """BSIMU has no parameters in force on 21 July 2020."""
        with pytest.raises(ConfigurationError) as caught:
            run_batch(clean, "BSIMU", on=ON, out_dir=tmp_path)

        assert "batch.not_running" == caught.value.error_code

    def test_chunk_size_below_one_is_refused(self, clean, tmp_path):
        """A chunk holds at least one family."""
        with pytest.raises(ConfigurationError, match="chunk_size"):
            run_batch(clean, "PKH", on=ON, out_dir=tmp_path, chunk_size=0)

    def test_an_unreadable_file_is_an_input_error(self, tmp_path):
        """A broken Parquet file gives batch.input, not a polars error."""
        source = tmp_path / "in"
        source.mkdir()
        (source / "families.parquet").write_bytes(b"not parquet")
        (source / "members.parquet").write_bytes(b"not parquet")

        with pytest.raises(ConfigurationError) as caught:
            run_batch(source, "PKH", on=ON, out_dir=tmp_path / "out")

        assert "batch.input" == caught.value.error_code

    def test_a_table_without_family_ids_is_refused(self, tmp_path):
        """family_id is required in every table."""
        tables = Tables(
            families=pl.DataFrame({"id": ["f1"]}),
            members=pl.DataFrame({"family_id": ["f1"]}),
        )

        with pytest.raises(ValidationError) as caught:
            run_batch(tables, "PKH", on=ON, out_dir=tmp_path)

        assert "families.family_id" == caught.value.path
