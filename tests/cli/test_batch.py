"""The ``dayasos batch`` command."""

import io
import json

import polars as pl
import pytest

from dayasos.batch import BatchSummary
from dayasos.cli import main
from dayasos.cli._batch import Progress
from dayasos.synthetic import generate_tables


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    """A synthetic population with errors, written as Parquet tables."""
    folder = tmp_path_factory.mktemp("population")
    tables = next(generate_tables(30, seed=4, error_rate=0.2))
    for name in ("families", "members", "memberships"):
        getattr(tables, name).write_parquet(folder / f"{name}.parquet")
    return folder


ON_OUT = ("--on", "2020-07-21", "--out", "{out}")


def run(capsys, program, source, out, *options):
    """Run ``batch`` on 21 July 2020; return (code, stdout, stderr)."""
    argv = [program, str(source), "--on", "2020-07-21", "--out", str(out)]
    code = main(["batch", *argv, *options])
    out = capsys.readouterr()
    return code, out.out, out.err


class TestBatch:
    """A population in, results, rejects and a summary out."""

    def test_run_writes_results_rejects_and_summary(
        self, population, tmp_path, capsys
    ):
        """Exit 0 with rejects: they are reported, not failures."""
        out = tmp_path / "out"
        code, stdout, _ = run(capsys, "all", population, out, "--lang", "en")
        summary = json.loads((out / "summary.json").read_text())

        assert 0 == code
        assert {"results.parquet", "rejects.parquet", "summary.json"} == {
            p.name for p in out.iterdir()
        }
        assert summary["balanced"]
        assert summary["rejected_families"] > 0
        assert "Families read: 30;" in stdout
        assert "Rejected rows by reason:" in stdout

    def test_summary_in_indonesian(self, population, tmp_path, capsys):
        """--lang id (the default) prints Indonesian words and numbers."""
        code, stdout, _ = run(capsys, "PKH", population, tmp_path)

        assert 0 == code
        assert "Keluarga dibaca: 30;" in stdout
        assert "Putusan per program (keluarga):" in stdout

    @pytest.mark.parametrize("output", ["csv", "jsonl"])
    def test_output_format(self, population, tmp_path, capsys, output):
        """--format csv|jsonl names the results and rejects files."""
        code, _, _ = run(
            capsys,
            "BST",
            population,
            tmp_path,
            "--format",
            output,
            "--chunk-size",
            "7",
        )

        assert 0 == code
        assert (tmp_path / f"results.{output}").is_file()
        assert (tmp_path / f"rejects.{output}").is_file()

    def test_explicit_paths_and_mapping_file(self, tmp_path, capsys):
        """INPUT as the families file, --members, and a --mapping file."""
        tables = next(generate_tables(8, seed=9))
        tables.families.rename({"family_id": "no_kk"}).write_parquet(
            tmp_path / "keluarga.parquet"
        )
        tables.members.rename({"family_id": "no_kk"}).write_parquet(
            tmp_path / "art.parquet"
        )
        mapping = tmp_path / "mapping.toml"
        mapping.write_text(
            '[families]\nno_kk = "family_id"\n[members]\nno_kk = "family_id"\n'
        )

        code, _, _ = run(
            capsys,
            "PKH",
            tmp_path / "keluarga.parquet",
            tmp_path / "out",
            "--members",
            str(tmp_path / "art.parquet"),
            "--mapping",
            str(mapping),
        )
        results = pl.read_parquet(tmp_path / "out" / "results.parquet")

        assert 0 == code
        assert 8 == results.height

    def test_object_engine_gives_the_same_results(
        self, population, tmp_path, capsys
    ):
        """--engine object is the reference the columnar engine matches."""
        for engine in ("columnar", "object"):
            run(
                capsys,
                "all",
                population,
                tmp_path / engine,
                "--engine",
                engine,
            )

        assert pl.read_parquet(
            tmp_path / "columnar" / "results.parquet"
        ).equals(pl.read_parquet(tmp_path / "object" / "results.parquet"))

    def test_progress_goes_to_stderr_as_plain_lines(
        self, population, tmp_path, capsys
    ):
        """Not a terminal: a plain line at the end, no bar."""
        _, _, stderr = run(capsys, "PKH", population, tmp_path, "--lang", "en")

        assert "30 of 30 families" in stderr
        assert "\r" not in stderr


class TestExitCodes:
    """1 for input that cannot be read or lost rows, 2 for usage."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["NOPE", "{input}", *ON_OUT],
            ["KUBE", "{input}", *ON_OUT],
            ["BSIMU", "{input}", *ON_OUT],
            ["PKH", "{input}", "--on", "21/07/2020", "--out", "{out}"],
            ["PKH", "{input}", "--on", "2020-07-21"],
            ["PKH", "{input}", *ON_OUT, "--chunk-size", "0"],
            ["PKH", "{input}/none", *ON_OUT],
            ["PKH", "{input}/families.parquet", *ON_OUT],
            ["PKH", "{input}", *ON_OUT, "--members", "{input}/m.parquet"],
            ["PKH", "{input}", *ON_OUT, "--mapping", "{input}/none.toml"],
            ["PKH", "{input}", *ON_OUT, "--reform", "{input}/none.toml"],
        ],
    )
    def test_wrong_usage_exits_2(self, population, tmp_path, argv):
        """Unknown or non-family programmes, bad options, missing paths."""
        filled = [
            a.format(input=population, out=tmp_path / "out") for a in argv
        ]

        with pytest.raises(SystemExit) as caught:
            main(["batch", *filled])

        assert 2 == caught.value.code

    def test_unreadable_input_exits_1(self, tmp_path, capsys):
        """A file that is not Parquet cannot be read."""
        (tmp_path / "families.parquet").write_bytes(b"garbage")
        (tmp_path / "members.parquet").write_bytes(b"garbage")

        code, _, stderr = run(capsys, "PKH", tmp_path, tmp_path / "out")

        assert 1 == code
        assert "cannot read" in stderr

    def test_lost_rows_exit_1(self, population, tmp_path, capsys, monkeypatch):
        """When the counts do not add up, the run fails after writing."""
        monkeypatch.setattr(
            BatchSummary, "balanced", property(lambda _: False)
        )
        code, stdout, stderr = run(
            capsys, "PKH", population, tmp_path, "--lang", "en"
        )

        assert 1 == code
        assert "DO NOT ADD UP" in stdout
        assert "rows were lost" in stderr


class TestProgress:
    """A bar on a terminal, plain lines elsewhere."""

    def test_terminal_gets_a_bar_redrawn_in_place(self):
        """The bar starts with a carriage return and ends with a newline."""

        class Terminal(io.StringIO):
            """A stream that says it is a terminal."""

            def isatty(self):
                """Always a terminal."""
                return True

        stream = Terminal()
        progress = Progress(stream, "en")
        progress(50, 100)
        progress(100, 100)
        progress.close()
        text = stream.getvalue()

        assert text.startswith("\r[###############...............]  50%")
        assert "100 of 100 families" in text
        assert text.endswith("\n")

    def test_plain_stream_gets_the_last_line(self):
        """Off a terminal, the end is always written."""
        stream = io.StringIO()
        progress = Progress(stream, "id")
        progress(1, 3)
        progress(3, 3)
        progress.close()

        assert (
            stream.getvalue().splitlines()[-1].startswith("3 dari 3 keluarga")
        )
