"""Tests for parse_period: reading and printing period codes."""

import datetime as dt

import pytest
from hypothesis import given

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.periods import (
    Day,
    FiscalYear,
    Month,
    PeriodKind,
    Quarter,
    Semester,
    Tahap,
    TahapSchedule,
    parse_period,
)
from dayasos.testing._periods import periods, tahap_schedules


CALENDAR_KINDS = [k for k in PeriodKind if k is not PeriodKind.TAHAP]


class TestRoundTrip:
    """str() of a period is a code that parse_period reads back."""

    @given(periods(kinds=CALENDAR_KINDS))
    def test_parsing_the_code_of_a_period_gives_the_period(self, period):
        """parse_period(str(p)) == p, and its str is the same code."""
        code = str(period)
        parsed = parse_period(code)

        assert period == parsed
        assert code == str(parsed)

    @given(tahap_schedules())
    def test_a_tahap_code_reads_back_against_its_schedule(self, schedule):
        """Each tahap's code finds that tahap in its own schedule."""
        for tahap in schedule:
            assert tahap == parse_period(str(tahap), schedule=schedule)
            assert tahap == schedule.parse(str(tahap))

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("2020", FiscalYear(2020)),
            ("2020-S1", Semester(2020, 1)),
            ("2020-Q3", Quarter(2020, 3)),
            ("2020-07", Month(2020, 7)),
            ("2020-07-21", Day(dt.date(2020, 7, 21))),
            ("2020-02-29", Day(dt.date(2020, 2, 29))),
            ("0001-01-01", Day(dt.date(1, 1, 1))),
        ],
    )
    def test_each_form_reads_as_its_kind(self, code, expected):
        """The five calendar forms of the issue."""
        assert expected == parse_period(code)
        assert code == str(expected)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (" 2020-Q3 ", Quarter(2020, 3)),
            ("2020-q3", Quarter(2020, 3)),
            ("2020-s1", Semester(2020, 1)),
        ],
    )
    def test_spaces_and_lower_case_letters_are_forgiven(self, text, expected):
        """Input typed by hand still reads; str() gives the canonical code."""
        assert expected == parse_period(text)


class TestBadCodes:
    """Bad codes raise errors with stable codes that show the forms."""

    @pytest.mark.parametrize(
        ("text", "error", "code"),
        [
            ("2020-Q5", InvalidComponent, "period.quarter"),
            ("2020-Q0", InvalidComponent, "period.quarter"),
            ("2020-S3", InvalidComponent, "period.semester"),
            ("2020-13", InvalidComponent, "period.month"),
            ("2020-00", InvalidComponent, "period.month"),
            ("2020-02-30", InvalidComponent, "period.day"),
            ("2021-02-29", InvalidComponent, "period.day"),
            ("2020-07-00", InvalidComponent, "period.day"),
            ("0000", InvalidComponent, "period.year"),
            ("9999", InvalidComponent, "period.year"),
            ("S1-2020", InvalidFormat, "period.format"),
            ("Q3-2020", InvalidFormat, "period.format"),
            ("2020-7", InvalidFormat, "period.format"),
            ("20", InvalidFormat, "period.format"),
            ("2020/07", InvalidFormat, "period.format"),
            ("2020-W30", InvalidFormat, "period.format"),
            ("2020-07-21T10:00", InvalidFormat, "period.format"),
            ("", InvalidFormat, "period.format"),
            ("٢٠٢٠", InvalidFormat, "period.format"),
            ("2020-T2", InvalidFormat, "period.tahap_schedule"),
        ],
    )
    def test_a_bad_code_raises_with_a_stable_code(self, text, error, code):
        """Format errors and component errors are told apart."""
        with pytest.raises(error) as info:
            parse_period(text)

        assert code == info.value.error_code
        assert text == info.value.value

    @pytest.mark.parametrize("text", ["2020-Q5", "S1-2020", "2020-02-30"])
    def test_the_message_shows_the_accepted_forms(self, text):
        """The message echoes the input and lists every form by example."""
        with pytest.raises(ValidationError) as info:
            parse_period(text)

        message = str(info.value)
        assert repr(text) in message
        for example in ["2020", "2020-S1", "2020-Q3", "2020-07", "2020-07-21"]:
            assert example in message

    def test_a_component_error_says_what_is_wrong(self):
        """2020-02-30: February 2020 has 29 days."""
        with pytest.raises(InvalidComponent) as info:
            parse_period("2020-02-30")

        assert str(info.value).startswith(
            "'2020-02-30': day must be 1 to 29 in 2020-02, got 30"
        )

    @pytest.mark.parametrize("value", [2020, None, b"2020"])
    def test_a_value_that_is_not_a_str_is_a_format_error(self, value):
        """Only text is read."""
        with pytest.raises(InvalidFormat) as info:
            parse_period(value)

        assert "period.format" == info.value.error_code

    def test_a_tahap_the_schedule_lacks_is_an_invalid_component(self):
        """2020-T5 is not in a quarterly schedule."""
        schedule = TahapSchedule.quarterly([2020], program="PKH")

        with pytest.raises(InvalidComponent) as info:
            parse_period("2020-T5", schedule=schedule)

        assert "period.tahap_unknown" == info.value.error_code
        assert "2020-T4" in str(info.value)

    def test_a_schedule_does_not_change_calendar_codes(self):
        """With a schedule, 2020-Q2 is still the quarter."""
        schedule = TahapSchedule.quarterly([2020])

        assert Quarter(2020, 2) == parse_period("2020-Q2", schedule=schedule)
        assert isinstance(parse_period("2020-T2", schedule=schedule), Tahap)
