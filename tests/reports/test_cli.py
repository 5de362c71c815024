"""The ``dayasos report`` command and its exit codes."""

import csv
import io
import json

import pytest

import dayasos.cli
from dayasos.cli import _report


EXAMPLE = "examples/data/midyear_2020"


@pytest.fixture
def main(monkeypatch):
    """The command line with the report command registered."""
    if _report not in dayasos.cli._COMMANDS:
        monkeypatch.setattr(
            dayasos.cli, "_COMMANDS", (*dayasos.cli._COMMANDS, _report)
        )
    return dayasos.cli.main


@pytest.fixture(autouse=True)
def at_root(monkeypatch, request):
    """Run from the repository root, where the example paths hold."""
    monkeypatch.chdir(request.config.rootpath)


class TestSuccess:
    """Exit 0: the report was made."""

    def test_text_report_in_indonesian(self, main, capsys):
        """The default is Indonesian text."""
        code = main(["report", EXAMPLE, "--period", "2020-S1"])
        out = capsys.readouterr().out

        assert 0 == code
        assert out.startswith("Evaluasi Tengah Tahun (Semester I)")

    @pytest.mark.parametrize(
        ("fmt", "start"),
        [
            ("md", "# Mid-year evaluation"),
            ("html", '<div class="dayasos-report">'),
            ("text", "Mid-year evaluation"),
        ],
    )
    def test_formats_in_english(self, main, capsys, fmt, start):
        """--lang en with each human format."""
        code = main(
            ["report", EXAMPLE, "--period", "2020-S1", "--lang", "en",
             "--format", fmt]
        )  # fmt: skip

        assert 0 == code
        assert capsys.readouterr().out.startswith(start)

    def test_csv_is_the_flat_table(self, main, capsys):
        """--format csv writes machine columns."""
        code = main(
            ["report", EXAMPLE, "--period", "2020-S1", "--format", "csv"]
        )
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))

        assert 0 == code
        assert {"2020-S1"} == {r["period"] for r in rows}

    def test_a_quarter_gives_a_period_report(self, main, capsys):
        """2020-Q2 is not mid-year: the general title."""
        code = main(["report", EXAMPLE, "--period", "2020-Q2"])

        assert 0 == code
        assert capsys.readouterr().out.startswith(
            "Evaluasi Kinerja dan Anggaran Triwulan II 2020"
        )

    def test_rows_per_province(self, main, capsys):
        """--level province splits the regional indicators."""
        code = main(
            ["report", EXAMPLE, "--period", "2020-S1", "--level", "province",
             "--format", "csv"]
        )  # fmt: skip
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        apd = [r for r in rows if r["indicator"] == "apd.paket"]

        assert 0 == code
        assert 33 == len(apd)
        assert ["", "4637", "100.00"] == [
            apd[0]["region"], apd[0]["target"].split(".")[0],
            apd[0]["achievement_pct"],
        ]  # fmt: skip

    def test_plots_are_written(self, main, capsys, tmp_path):
        """--plot DIR saves the PNGs and names them on stderr."""
        pytest.importorskip("matplotlib")
        code = main(
            ["report", EXAMPLE, "--period", "2020-S1", "--plot", str(tmp_path)]
        )

        assert 0 == code
        assert (tmp_path / "realization_vs_plan.png").is_file()
        assert "achievement.png" in capsys.readouterr().err


class TestBadInput:
    """Exit 1: the input has problems, each with file, row and column."""

    def test_bad_cell(self, main, capsys, tmp_path):
        """A budget amount with dots is reported at its place."""
        (tmp_path / "budget.csv").write_text(
            "satker,program,activity,output,type,year,pagu\n"
            "Ditjen,APD,a,o,52,2020,1.000.000\n"
        )
        code = main(
            ["report", str(tmp_path), "--period", "2020-S1", "--lang", "en"]
        )
        err = capsys.readouterr().err

        assert 1 == code
        assert (
            f"dayasos: {tmp_path / 'budget.csv'}:2:pagu: expected a whole "
            "number without separators, e.g. 3500000000; got '1.000.000'"
        ) in err.splitlines()

    def test_problems_read_in_indonesian(self, main, capsys, tmp_path):
        """--lang id translates the messages, places stay as they are."""
        (tmp_path / "budget.csv").write_text(
            "satker,program,activity,output,type,year,pagu\n"
            "Ditjen,APD,a,o,58,2020,1000\n"
        )
        code = main(
            ["report", str(tmp_path), "--period", "2020-S1", "--lang", "id"]
        )
        err = capsys.readouterr().err

        assert 1 == code
        assert (
            f"{tmp_path / 'budget.csv'}:2:type: diharapkan salah satu dari "
            "51, 52, 53, 57, diberikan '58'"
        ) in err

    def test_bad_json(self, main, capsys, tmp_path):
        """Broken JSON is a problem with its line, not a traceback."""
        path = tmp_path / "input.json"
        path.write_text('{"targets": [}')
        code = main(["report", str(path), "--period", "2020-S1"])

        assert 1 == code
        assert f"{path}:1:" in capsys.readouterr().err

    def test_inconsistent_data(self, main, capsys, tmp_path):
        """A year target and its breakdown together: exit 1."""
        path = tmp_path / "input.json"
        row = {"program": "APD", "indicator": "k", "value": 1}
        path.write_text(
            json.dumps(
                {
                    "indicators": [
                        {"code": "k", "name_id": "k", "name_en": "k",
                         "unit": "units"}
                    ],
                    "targets": [
                        {**row, "period": "2020"},
                        {**row, "period": "2020-S1"},
                    ],
                }
            )
        )  # fmt: skip
        code = main(
            ["report", str(path), "--period", "2020-S1", "--lang", "en"]
        )

        assert 1 == code
        assert "overlap" in capsys.readouterr().err

    def test_an_empty_directory_has_no_input(self, main, capsys, tmp_path):
        """No table at all is bad input, told in the report's language."""
        code = main(["report", str(tmp_path), "--period", "2020-S1"])

        assert 1 == code
        assert "tidak ada masukan laporan" in capsys.readouterr().err


class TestUsage:
    """Exit 2: the command was used wrongly."""

    def test_unknown_period(self, main, capsys):
        """A period code that does not parse."""
        with pytest.raises(SystemExit) as info:
            main(["report", EXAMPLE, "--period", "S1-2020"])

        assert 2 == info.value.code
        assert "--period" in capsys.readouterr().err

    def test_missing_input(self, main, capsys):
        """A path that does not exist."""
        with pytest.raises(SystemExit) as info:
            main(["report", "no/such/dir", "--period", "2020-S1"])

        assert 2 == info.value.code
        assert "no such file or directory" in capsys.readouterr().err

    def test_period_is_required(self, main):
        """Argparse refuses a missing --period."""
        with pytest.raises(SystemExit) as info:
            main(["report", EXAMPLE])

        assert 2 == info.value.code

    def test_unknown_format(self, main):
        """Only text, md, html and csv."""
        with pytest.raises(SystemExit) as info:
            main(["report", EXAMPLE, "--period", "2020-S1", "--format", "pdf"])

        assert 2 == info.value.code
