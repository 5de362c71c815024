"""Tests for age_on: age in whole years on a date."""

import calendar
import datetime as dt

import pendulum
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidFormat, ValidationError
from dayasos.periods import age_on


#: Birth and evaluation dates for the property tests.
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def anniversary(birth, years):
    """The day a person becomes `years` old; 29 February falls to 1 March."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return dt.date(birth.year + years, 3, 1)


def reference_age(birth, on):
    """Count the anniversaries reached, one year at a time."""
    age = 0
    while anniversary(birth, age + 1) <= on:
        age += 1
    return age


class TestAgeOn:
    """A person is a year older on each anniversary of their birth."""

    @given(DATES, DATES)
    def test_age_agrees_with_counting_anniversaries(self, first, second):
        """The closed form equals a brute-force count."""
        birth, on = min(first, second), max(first, second)

        assert reference_age(birth, on) == age_on(birth, on)

    @given(st.data())
    def test_leap_day_births_agree_with_counting_anniversaries(self, data):
        """Born on 29 February: the closed form equals the brute count."""
        leap_years = st.integers(475, 525).map(lambda n: n * 4)
        year = data.draw(leap_years.filter(calendar.isleap))
        birth = dt.date(year, 2, 29)
        on = data.draw(st.dates(birth, dt.date(year + 12, 12, 31)))

        assert reference_age(birth, on) == age_on(birth, on)

    @given(DATES, DATES)
    def test_age_agrees_with_dateutil_except_on_28_february(
        self, first, second
    ):
        """
        Dateutil's relativedelta agrees but for the 29 February convention.

        relativedelta makes someone born on 29 February a year older on
        28 February of a common year; age_on waits for 1 March.
        """
        birth, on = min(first, second), max(first, second)
        expected = relativedelta(on, birth).years
        leap_eve = (birth.month, birth.day, on.month, on.day) == (2, 29, 2, 28)
        if leap_eve and not calendar.isleap(on.year):
            expected -= 1

        assert expected == age_on(birth, on)

    @pytest.mark.parametrize(
        ("birth", "on", "expected"),
        [
            (dt.date(1972, 11, 5), dt.date(1974, 11, 4), 1),
            (dt.date(2020, 9, 2), dt.date(2021, 9, 1), 0),
            (dt.date(2072, 2, 13), dt.date(2079, 2, 10), 6),
        ],
    )
    def test_the_eve_of_a_birthday_is_still_the_younger_age(
        self, birth, on, expected
    ):
        """Dates where pendulum 3.3's Date.diff miscounts (pendulum#566)."""
        assert expected == age_on(birth, on)

    def test_29_february_is_counted_as_pendulum_counts_it(self):
        """Pendulum's diff also waits for 1 March in a common year."""
        birth = pendulum.date(2020, 2, 29)
        for on in [pendulum.date(2021, 2, 28), pendulum.date(2021, 3, 1)]:
            assert birth.diff(on).in_years() == age_on(birth, on)

    @given(DATES, st.integers(0, 3))
    def test_age_is_zero_until_the_first_birthday(self, birth, shift):
        """Born today is zero years old; one year later, one."""
        assert 0 == age_on(birth, birth)
        assert shift == age_on(birth, anniversary(birth, shift))

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (dt.date(2021, 2, 27), 0),
            (dt.date(2021, 2, 28), 0),
            (dt.date(2021, 3, 1), 1),
            (dt.date(2024, 2, 28), 3),
            (dt.date(2024, 2, 29), 4),
            (dt.date(2024, 3, 1), 4),
        ],
    )
    def test_born_on_29_february_is_a_year_older_on_1_march(
        self, on, expected
    ):
        """In years without 29 February the year is full on 1 March."""
        assert expected == age_on(dt.date(2020, 2, 29), on)

    def test_a_lansia_turns_60_on_the_birthday(self):
        """Born 21 July 1960: 59 on 20 July 2020, 60 on 21 July 2020."""
        birth = dt.date(1960, 7, 21)

        assert 59 == age_on(birth, dt.date(2020, 7, 20))
        assert 60 == age_on(birth, dt.date(2020, 7, 21))

    def test_a_date_before_birth_is_refused(self):
        """Age before birth is a data error, not a negative age."""
        with pytest.raises(ValidationError) as info:
            age_on(dt.date(2020, 7, 21), dt.date(2020, 7, 20))

        assert "age.before_birth" == info.value.error_code

    def test_a_datetime_is_refused(self):
        """The day of a datetime depends on its time zone."""
        with pytest.raises(InvalidFormat) as info:
            age_on(dt.date(1980, 1, 1), dt.datetime(2020, 1, 1, tzinfo=dt.UTC))

        assert "period.datetime" == info.value.error_code
        assert "on" == info.value.path
