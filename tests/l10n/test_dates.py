"""Tests for dayasos.l10n dates and period labels."""

import datetime as dt
import enum
import types

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.l10n import format_date, format_period
from dayasos.periods import (
    Day,
    FiscalYear,
    Month,
    Quarter,
    Semester,
    Tahap,
    TahapSchedule,
    parse_period,
)


MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


class TestFormatDate:
    """Dates as day, month name and year."""

    @pytest.mark.parametrize(
        ("date", "locale", "expected"),
        [
            (dt.date(2020, 7, 21), "id", "21 Juli 2020"),
            (dt.date(2020, 7, 21), "en", "21 July 2020"),
            (dt.date(2021, 1, 1), "id", "1 Januari 2021"),
            (dt.date(2021, 2, 28), "en", "28 February 2021"),
            (dt.date(1945, 8, 17), "id", "17 Agustus 1945"),
            (dt.date(2024, 12, 31), "id", "31 Desember 2024"),
        ],
    )
    def test_known_dates(self, date, locale, expected):
        """Dates read as in letters and decrees."""
        assert expected == format_date(date, locale)

    def test_pendulum_date_reads_like_its_datetime_date(self):
        """Periods give pendulum dates; they read the same."""
        assert "21 Juli 2020" == format_date(pendulum.Date(2020, 7, 21))

    @pytest.mark.parametrize("value", ["2020-07-21", 20200721, None])
    def test_non_date_is_refused(self, value):
        """Only dates are formatted as dates."""
        with pytest.raises(InvalidFormat) as info:
            format_date(value)

        assert "l10n.not_date" == info.value.error_code

    @given(st.dates())
    def test_every_date_names_its_indonesian_month(self, date):
        """Day, month name and year, for any date."""
        expected = f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}"

        assert expected == format_date(date)


SCHEDULE = TahapSchedule.quarterly([2020], program="PKH")

#: Periods and their labels in id and en.
PERIODS = [
    (Semester(2020, 1), "Semester I 2020", "Semester I 2020"),
    (Semester(2020, 2), "Semester II 2020", "Semester II 2020"),
    (Quarter(2020, 1), "Triwulan I 2020", "Quarter I 2020"),
    (Quarter(2020, 3), "Triwulan III 2020", "Quarter III 2020"),
    (Quarter(2020, 4), "Triwulan IV 2020", "Quarter IV 2020"),
    (Month(2020, 7), "Juli 2020", "July 2020"),
    (Month(2021, 12), "Desember 2021", "December 2021"),
    (FiscalYear(2020), "Tahun Anggaran 2020", "Fiscal year 2020"),
    (Day(dt.date(2020, 7, 21)), "21 Juli 2020", "21 July 2020"),
    (SCHEDULE.in_year(2020)[1], "Tahap 2 2020", "Tahap 2 2020"),
    (
        Tahap(2020, 12, dt.date(2020, 12, 1), dt.date(2021, 1, 1)),
        "Tahap 12 2020",
        "Tahap 12 2020",
    ),
]


class TestFormatPeriod:
    """Period labels for reports."""

    @pytest.mark.parametrize(("period", "id_", "en"), PERIODS)
    def test_label_in_both_languages(self, period, id_, en):
        """Labels as in budget documents; English keeps numerals, tahap."""
        actual = (format_period(period, "id"), format_period(period, "en"))

        assert (id_, en) == actual

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("2020", "Tahun Anggaran 2020"),
            ("2020-S1", "Semester I 2020"),
            ("2020-Q3", "Triwulan III 2020"),
            ("2020-07", "Juli 2020"),
            ("2020-07-21", "21 Juli 2020"),
        ],
    )
    def test_parsed_period_reads_as_its_label(self, code, expected):
        """Every canonical period code has an Indonesian label."""
        assert expected == format_period(parse_period(code))

    def test_any_object_with_the_period_attributes_is_a_period(self):
        """format_period reads attributes, so stand-ins work too."""
        kind = enum.Enum("Kind", "SEMESTER")
        period = types.SimpleNamespace(
            kind=kind.SEMESTER,
            year=2021,
            half=2,
            start=dt.date(2021, 7, 1),
        )

        assert "Semester II 2021" == format_period(period)

    def test_unknown_kind_is_refused(self):
        """A kind outside DAY ... TAHAP has no label."""
        kind = enum.Enum("Kind", "WEEK")
        period = types.SimpleNamespace(
            kind=kind.WEEK, year=2020, start=dt.date(2020, 7, 20)
        )

        with pytest.raises(InvalidComponent) as info:
            format_period(period)

        assert "l10n.period_kind" == info.value.error_code

    @pytest.mark.parametrize(
        ("kind", "part", "value"),
        [
            ("QUARTER", "quarter", 5),
            ("QUARTER", "quarter", None),
            ("SEMESTER", "half", 0),
            ("MONTH", "month", 13),
            ("TAHAP", "number", True),
        ],
    )
    def test_period_with_a_bad_part_is_refused(self, kind, part, value):
        """A part out of its range cannot be named."""
        period = types.SimpleNamespace(
            kind=enum.Enum("Kind", kind)[kind],
            year=2020,
            start=dt.date(2020, 1, 1),
            **{part: value},
        )

        with pytest.raises(InvalidComponent) as info:
            format_period(period)

        assert "l10n.period_part" == info.value.error_code
