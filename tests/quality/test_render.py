"""The audit in words: both languages, every format, numbers masked."""

import datetime as dt
import re

import polars as pl
import pytest

from dayasos.errors import ConfigurationError, InvalidFormat
from dayasos.ids import kk, nik
from dayasos.l10n import list_codes
from dayasos.quality import CHECKS, BeneficiaryList, audit
from dayasos.reports import QUALITY_FORMATS, load_quality_list, render_quality


#: Nine digits or more, not inside an id such as F0000000001.
LONG_DIGITS = re.compile(r"(?<![A-Za-z0-9])\d{9,}")
#: The documented example numbers that messages of dayasos.ids quote.
EXAMPLES = frozenset({nik.EXAMPLE, kk.EXAMPLE})


def long_runs(text):
    """Runs of nine digits or more, other than the documented examples."""
    return [run for run in LONG_DIGITS.findall(text) if run not in EXAMPLES]


class TestMasking:
    """No full NIK or KK leaves the audit."""

    def test_findings_hold_no_full_number(self, dirty, dirty_report):
        """Every NIK and KK column and message is masked."""
        numbers = set(dirty.members["nik"].drop_nulls()) | set(
            dirty.families["kk"].drop_nulls()
        )
        cells = [
            str(cell)
            for row in dirty_report.findings.iter_rows()
            for cell in row
        ]

        assert [] == [c for c in cells if c in numbers]
        assert [] == [c for c in cells if long_runs(c)]

    @pytest.mark.parametrize("lang", ["id", "en"])
    @pytest.mark.parametrize("fmt", QUALITY_FORMATS)
    def test_no_rendering_shows_a_long_run_of_digits(
        self, dirty_report, lang, fmt
    ):
        """Text, Markdown, HTML and CSV show masked numbers only."""
        text = render_quality(dirty_report, lang, fmt)

        assert [] == long_runs(text)


class TestLanguages:
    """Indonesian by default, English on request."""

    def test_every_check_has_a_title_and_message_in_both_languages(self):
        """The catalogs translate each check code and its title."""
        for lang in ("id", "en"):
            codes = set(list_codes(lang))
            for check in CHECKS:
                title = "quality.title." + check.removeprefix("quality.")

                assert {check, title} <= codes

    def test_text_is_indonesian_by_default(self, dirty_report):
        """The heading and percentages use Indonesian words and commas."""
        text = dirty_report.to_text()

        assert text.startswith("Audit kualitas data per 31 Desember 2021")
        assert "NIK tidak valid" in text
        assert re.search(r"\d,\d\d%", text)

    def test_markdown_in_english(self, dirty_report):
        """English words and points in percentages."""
        text = dirty_report.to_markdown("en")

        assert text.startswith("# Data quality audit as of 31 December 2021")
        assert "| Invalid NIK |" in text
        assert re.search(r"\d\.\d\d%", text)

    def test_html_escapes_the_words(self, dirty_report):
        """The HTML fragment is tables of escaped text."""
        text = dirty_report.to_html("en")

        assert text.startswith("<h1>Data quality audit")
        assert "<table>" in text

    def test_identifier_messages_are_translated(self):
        """A short NIK is explained in the report's language."""
        listed = BeneficiaryList(
            "x", "BST", "2020-05", pl.DataFrame({"nik": ["317101410780001"]})
        )
        report = audit([listed], on=dt.date(2020, 6, 1))
        english = render_quality(report, "en", "csv")
        indonesian = render_quality(report, "id", "csv")

        assert "the NIK is not valid: a NIK has 16 digits" in english
        assert "NIK tidak valid" in indonesian

    def test_an_unknown_format_is_refused(self, dirty_report):
        """Formats are text, md, html and csv."""
        with pytest.raises(ConfigurationError) as caught:
            render_quality(dirty_report, "en", "pdf")

        assert "quality.format" == caught.value.error_code


class TestLoading:
    """Lists read from directories of tables."""

    def test_a_directory_of_csv_files_is_read_as_text(self, tmp_path):
        """Dates and flags in CSV text are read by column."""
        (tmp_path / "families.csv").write_text(
            "family_id,kk,region\nf1,3171010101200001,31.71.01.1001\n"
        )
        (tmp_path / "members.csv").write_text(
            "family_id,nik,birth_date,sex,deceased\n"
            "f1,3171014107800001,1980-07-01,female,true\n"
        )
        listed = load_quality_list(
            tmp_path, name="x", program="BST", period="2020-05"
        )
        report = audit([listed], on=dt.date(2020, 6, 1))

        assert [("quality.deceased", "31")] == report.findings.select(
            "check", "province"
        ).rows()

    def test_a_directory_without_members_is_refused(self, tmp_path):
        """The members table is the one a list cannot do without."""
        with pytest.raises(InvalidFormat) as caught:
            load_quality_list(
                tmp_path, name="x", program="BST", period="2020-05"
            )

        assert "quality.no_members" == caught.value.error_code
