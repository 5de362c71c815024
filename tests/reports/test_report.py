"""Rendering reports: text, Markdown, HTML, CSV, DataFrames and plots."""

import csv
import io
from decimal import Decimal
from fractions import Fraction

import pytest

from dayasos.errors import ValidationError
from dayasos.metrics import ExpenditureType, Realization, Target
from dayasos.money import Rupiah
from dayasos.periods import Quarter, Semester
from dayasos.policy import Description
from dayasos.reports import (
    FLAT_COLUMNS,
    Formatter,
    Kind,
    MidYearReport,
    PeriodReport,
)


class TestText:
    """Plain text in Indonesian and English, Indonesian numbers."""

    def test_indonesian_title_sections_and_numbers(self, midyear):
        """The title, the headers and the numbers read as in a DIPA."""
        text = midyear.to_text()

        assert text.startswith(
            "Evaluasi Tengah Tahun (Semester I) Tahun Anggaran 2020\n"
        )
        assert (
            "Periode: Semester I 2020; data realisasi s.d. 30 Juni 2020"
            in text
        )
        for heading in (
            "Kinerja: target dan realisasi",
            "Pelaksanaan anggaran dan percepatan",
            "Penyerapan per jenis belanja",
            "Program berisiko",
            "Catatan",
        ):
            assert heading in text
        assert "Rp201.163.700.000" in text
        assert "107,14%" in text

    def test_english_words_keep_indonesian_numbers(self, midyear):
        """--lang en: English words, Rp1.234 and 12,34% by default."""
        text = midyear.to_text("en")

        assert text.startswith(
            "Mid-year evaluation (Semester I), fiscal year 2020\n"
        )
        assert "Programs at risk" in text
        assert "Rp201.163.700.000" in text
        assert "107,14%" in text

    def test_english_numbers_on_request(self, midyear):
        """numbers="en" writes IDR and a decimal point."""
        text = midyear.to_text("en", numbers="en")

        assert "IDR 201,163,700,000" in text
        assert "107.14%" in text

    def test_program_names_replace_codes(self, midyear):
        """Names in the report's language."""
        assert "Program Kewirausahaan Sosial (ProKUS)" in midyear.to_text()
        assert "Social Entrepreneurship Program (ProKUS)" in midyear.to_text(
            "en"
        )

    def test_risks_list_programs_and_reasons(self, midyear):
        """ProKUS is behind on its indicators and on absorption."""
        line = next(
            line
            for line in midyear.to_text("en").splitlines()
            if line.startswith("- Social Entrepreneurship Program")
        )

        assert "achievement below target" in line
        assert "absorption below the quarterly target" in line

    def test_notes_state_the_confidence_of_the_targets(self, midyear):
        """2020 absorption targets are low confidence, and say so."""
        assert (
            "Target penyerapan triwulanan per jenis belanja: tingkat "
            "keyakinan rendah (PER-4/PB/2020)."
        ) in midyear.to_text()

    def test_str_is_the_indonesian_text(self, midyear):
        """print(report) shows the text."""
        assert str(midyear) == midyear.to_text()


class TestMarkdownAndHtml:
    """The same content as Markdown and HTML."""

    def test_markdown_tables_align_numbers_right(self, midyear):
        """Pipe tables with ---: for numeric columns."""
        md = midyear.to_markdown("en")

        assert md.startswith("# Mid-year evaluation (Semester I)")
        assert "| Program | Indicator | Unit | Target |" in md
        assert "|:---|:---|:---|---:|" in md

    def test_html_fragment_for_notebooks(self, midyear):
        """_repr_html_ is the Indonesian HTML."""
        html = midyear._repr_html_()

        assert html.startswith('<div class="dayasos-report">')
        assert "<th>Capaian</th>" in html
        assert '<td style="text-align:right">107,14%</td>' in html
        assert html == midyear.to_html()

    def test_html_escapes_names(self, midyear):
        """Names are text, never markup."""
        report = MidYearReport.build(
            2020,
            budget=midyear.evaluation.budgets[0].lines,
            program_names={"APD": Description("<b>APD</b>", "<b>APD</b>")},
        )

        assert "&lt;b&gt;APD&lt;/b&gt;" in report.to_html()
        assert "<b>APD" not in report.to_html()


class TestMachineOutputs:
    """CSV and polars for machines."""

    def test_csv_has_one_row_per_indicator_plus_budget_only_programs(
        self, midyear
    ):
        """DUKMAN has budget lines and no indicator: one row."""
        rows = list(csv.DictReader(io.StringIO(midyear.to_csv())))
        dukman = [r for r in rows if r["program"] == "DUKMAN"]

        assert list(FLAT_COLUMNS) == list(rows[0])
        assert 14 == len(rows)
        assert [""] == [r["indicator"] for r in dukman]

    def test_csv_values_are_plain(self, midyear):
        """Dot decimals, whole rupiah, codes."""
        rows = list(csv.DictReader(io.StringIO(midyear.to_csv())))
        days = next(r for r in rows if r["indicator"] == "sembako.waktu_salur")

        assert ("7.00", "6.50", "107.14", "minimize") == (
            days["target"],
            days["realization"],
            days["achievement_pct"],
            days["polarity"],
        )
        assert "15000000000" == days["pagu"]
        assert "true" == days["at_risk"]

    def test_polars_frame_types(self, midyear):
        """Decimals for measures, Int64 for rupiah."""
        pl = pytest.importorskip("polars")
        frame = midyear.to_polars()

        assert pl.Decimal(38, 2) == frame.schema["achievement_pct"]
        assert pl.Int64 == frame.schema["pagu"]
        assert 14 == frame.height
        assert (
            Decimal("107.14")
            == frame.filter(pl.col("indicator") == "sembako.waktu_salur")[
                "achievement_pct"
            ].item()
        )

    def test_monthly_frame_has_a_curve_per_program_and_total(self, midyear):
        """Six months for each of eight programs and the total."""
        pytest.importorskip("polars")
        frame = midyear.monthly_frame()

        assert 6 * 9 == frame.height


class TestPlots:
    """PNG plots, written on request."""

    def test_plots_are_png_files(self, midyear, tmp_path):
        """Two PNGs: the curves and the bars."""
        pytest.importorskip("matplotlib")
        paths = midyear.plot(tmp_path / "plots", "en")

        assert ["realization_vs_plan.png", "achievement.png"] == [
            p.name for p in paths
        ]
        assert all(p.read_bytes().startswith(b"\x89PNG") for p in paths)

    def test_no_budget_no_curve(self, tmp_path):
        """Without budget lines and achievements there is nothing to plot."""
        pytest.importorskip("matplotlib")

        assert [] == MidYearReport.build(2020).plot(tmp_path)


class TestReports:
    """Building reports."""

    def test_a_quarter_report_has_the_general_title(self, example_input):
        """Any period other than S1 is a performance and budget report."""
        report = PeriodReport.build(
            Quarter(2020, 2),
            targets=example_input.targets,
            realizations=example_input.realizations,
            budget=example_input.budget,
        )

        assert "Evaluasi Kinerja dan Anggaran Triwulan II 2020" == (
            report.title()
        )

    def test_midyear_needs_a_first_semester(self):
        """Semester II is not mid-year."""
        with pytest.raises(ValidationError) as info:
            MidYearReport.build(Semester(2020, 2))

        assert "report.midyear_period" == info.value.error_code

    def test_a_zero_target_reads_not_applicable(self, example_input):
        """t.b. in the table, explained in the notes."""
        indicator = example_input.indicators["apd.paket"]
        report = MidYearReport.build(
            2020,
            targets=[
                Target(
                    indicator=indicator,
                    program="APD",
                    period=Semester(2020, 1),
                    value=0,
                )
            ],
            realizations=[
                Realization(
                    indicator=indicator,
                    program="APD",
                    period=Semester(2020, 1),
                    value=3,
                )
            ],
        )
        text = report.to_text()

        assert " t.b. " in text
        assert "- t.b.: tidak berlaku, targetnya nol." in text
        assert "- n/a: not applicable, the target is zero." in (
            report.to_text("en")
        )

    def test_empty_report_still_renders(self):
        """No data: title, notes, no tables, no risk."""
        text = MidYearReport.build(2020).to_text("en")

        assert "No program at risk." in text


class TestFormatter:
    """Cells for people."""

    @pytest.mark.parametrize(
        ("kind", "value", "expected"),
        [
            (Kind.RUPIAH, Rupiah(1_500_000), "Rp1.500.000"),
            (Kind.COUNT, 4_637, "4.637"),
            (Kind.PERCENT, Fraction(15, 14), "107,14%"),
            (Kind.TEXT, "ProKUS", "ProKUS"),
            (Kind.RUPIAH, None, "\u2013"),
        ],
    )
    def test_cells(self, kind, value, expected):
        """Each kind in Indonesian formats."""
        assert expected == Formatter("id").cell(kind, value)

    def test_expenditure_type_words(self):
        """Jenis belanja in both languages."""
        code = f"report.expenditure.{ExpenditureType.BANSOS.key}"

        assert ("Belanja Bantuan Sosial (57)", "Social assistance (57)") == (
            Formatter("id").word(code),
            Formatter("en").word(code),
        )
