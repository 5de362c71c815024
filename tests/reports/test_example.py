"""The example script writes the report and its plots."""

import contextlib
import io
import pathlib
import runpy
import sys

import pytest


SCRIPT = (
    pathlib.Path(__file__).parents[2] / "examples" / "midyear_report_2020.py"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Run the script once into a temporary directory."""
    pytest.importorskip("matplotlib")
    out = tmp_path_factory.mktemp("midyear")
    buffer = io.StringIO()
    argv = sys.argv
    sys.argv = [str(SCRIPT), str(out)]
    try:
        with contextlib.redirect_stdout(buffer):
            runpy.run_path(str(SCRIPT), run_name="__main__")
    finally:
        sys.argv = argv
    return out, buffer.getvalue()


class TestExampleScript:
    """examples/midyear_report_2020.py."""

    def test_disbursement_records_match_the_keyed_data(self, run):
        """APD realizations from the records equal the CSV rows."""
        _, output = run

        assert "keyed data: True" in output.splitlines()[0]

    def test_html_report_and_png_plots_are_written(self, run):
        """An HTML report and two PNG plots."""
        out, _ = run

        assert (
            (out / "report.html")
            .read_text()
            .startswith('<div class="dayasos-report">')
        )
        assert (
            (out / "realization_vs_plan.png")
            .read_bytes()
            .startswith(b"\x89PNG")
        )
        assert (out / "achievement.png").is_file()

    def test_the_report_is_printed_in_indonesian(self, run):
        """The text report follows the check line."""
        _, output = run

        assert (
            "Evaluasi Tengah Tahun (Semester I) Tahun Anggaran 2020"
            == output.splitlines()[1]
        )
