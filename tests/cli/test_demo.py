"""The ``dayasos demo`` command."""

import pytest

from dayasos.cli import main


def run(capsys, *argv):
    """Run the command line in-process and return (code, stdout, stderr)."""
    code = main(["demo", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


class TestDemo:
    """The main job on a small synthetic population."""

    def test_demo_decides_and_reports_in_english(self, tmp_path, capsys):
        """Summary, data-quality report and the errors found, in English."""
        code, stdout, _ = run(
            capsys, "--families", "40", "--out", str(tmp_path), "--lang", "en"
        )
        results = tmp_path / "results-2020-07-21"

        assert 0 == code
        assert "Synthetic population: 40 families (seed 2020" in stdout
        assert "Families read: 40;" in stdout
        assert "Data quality audit as of 21 July 2020" in stdout
        assert "injected errors found:" in stdout
        assert {
            "results.parquet",
            "rejects.parquet",
            "summary.json",
            "quality.txt",
        } == {p.name for p in results.iterdir()}

    def test_population_is_reused_from_the_cache(self, tmp_path, capsys):
        """A second run with the same size and seed generates nothing."""
        run(capsys, "--families", "12", "--out", str(tmp_path))
        cache = next((tmp_path / "cache").iterdir())
        written = (cache / "families.parquet").stat().st_mtime_ns

        code, stdout, _ = run(
            capsys, "--families", "12", "--out", str(tmp_path)
        )

        assert 0 == code
        assert written == (cache / "families.parquet").stat().st_mtime_ns
        assert "Keluarga dibaca: 12;" in stdout
        assert [cache] == list((tmp_path / "cache").iterdir())

    def test_an_unfinished_cache_is_generated_again(self, tmp_path, capsys):
        """A cache directory without its completion mark is replaced."""
        run(capsys, "--families", "5", "--out", str(tmp_path))
        cache = next((tmp_path / "cache").iterdir())
        (cache / ".complete").unlink()
        (cache / "stray.txt").write_text("x")

        code, _, _ = run(capsys, "--families", "5", "--out", str(tmp_path))

        assert 0 == code
        assert not (cache / "stray.txt").exists()
        assert (cache / ".complete").is_file()

    @pytest.mark.parametrize(
        "argv",
        [
            ["--families", "0"],
            ["--error-rate", "2"],
            ["--on", "tomorrow"],
            ["--lang", "fr"],
        ],
    )
    def test_wrong_usage_exits_2(self, tmp_path, argv):
        """No families, a share above 1, a bad date, another language."""
        with pytest.raises(SystemExit) as caught:
            main(["demo", "--out", str(tmp_path), *argv])

        assert 2 == caught.value.code
