"""Tests for `dayasos.ids.nik`."""

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from dayasos.ids import RegionCode, RegionTable, Sex, nik
from dayasos.ids._parts import candidate_dates, is_real_date
from dayasos.testing._ids import niks


EXAMPLE = "3171014107800001"
OTHER = "3273015512990002"


def with_part(start: int, digits: str, base: str = EXAMPLE) -> str:
    """Replace the digits of `base` from `start` on."""
    return base[:start] + digits + base[start + len(digits) :]


class TestCompact:
    """compact removes separators only."""

    def test_removes_spaces_dots_and_dashes(self):
        """Separators anywhere are removed, nothing else is checked."""
        assert EXAMPLE == nik.compact(" 31.71.01-410780 0001\t")

    def test_keeps_other_characters_for_validate_to_reject(self):
        """Compact does not validate."""
        assert "31x" == nik.compact("3 1 x")


class TestValidate:
    """validate checks every part of a NIK."""

    def test_the_documented_example_is_valid(self):
        """The example every message quotes is a valid NIK."""
        assert EXAMPLE == nik.validate(EXAMPLE)

    @given(niks())
    def test_generated_niks_validate_and_round_trip(self, number):
        """A valid NIK survives format then compact unchanged."""
        assert number == nik.validate(number)
        assert number == nik.compact(nik.format(number))
        assert number == nik.validate(nik.format(number))

    def test_format_groups_region_birth_date_and_serial(self):
        """The display form shows the parts apart."""
        assert "31.71.01.410780.0001" == nik.format(EXAMPLE)

    @pytest.mark.parametrize(
        ("number", "error", "code"),
        [
            (EXAMPLE[:15], InvalidLength, "nik.length"),
            (EXAMPLE + "1", InvalidLength, "nik.length"),
            ("", InvalidLength, "nik.length"),
            (with_part(3, "x"), InvalidFormat, "nik.digits"),
            (
                with_part(0, "\N{ARABIC-INDIC DIGIT THREE}"),
                InvalidFormat,
                "nik.digits",
            ),
            (with_part(0, "00"), InvalidComponent, "nik.province"),
            (with_part(0, "99"), InvalidComponent, "nik.province"),
            (with_part(0, "20"), InvalidComponent, "nik.province"),
            (with_part(2, "00"), InvalidComponent, "nik.regency"),
            (with_part(2, "70"), InvalidComponent, "nik.regency"),
            (with_part(4, "00"), InvalidComponent, "nik.district"),
            (with_part(6, "00"), InvalidComponent, "nik.birth_date"),
            (with_part(6, "32"), InvalidComponent, "nik.birth_date"),
            (with_part(6, "40"), InvalidComponent, "nik.birth_date"),
            (with_part(6, "72"), InvalidComponent, "nik.birth_date"),
            (with_part(8, "00"), InvalidComponent, "nik.birth_date"),
            (with_part(8, "13"), InvalidComponent, "nik.birth_date"),
            (with_part(6, "3002"), InvalidComponent, "nik.birth_date"),
            (with_part(6, "310480"), InvalidComponent, "nik.birth_date"),
            (with_part(12, "0000"), InvalidComponent, "nik.serial"),
        ],
    )
    def test_mutated_numbers_are_rejected_with_their_code(
        self, number, error, code
    ):
        """Each broken part raises its own error class and stable code."""
        with pytest.raises(error) as info:
            nik.validate(number)

        assert code == info.value.error_code

    @given(niks(), st.sampled_from(["00", "32", "40", "72", "99"]))
    def test_impossible_days_are_rejected_in_any_nik(self, number, day):
        """Days 00, 32-40 and above 71 are never a birth day."""
        with pytest.raises(InvalidComponent) as info:
            nik.validate(with_part(6, day, number))

        assert "nik.birth_date" == info.value.error_code

    @pytest.mark.parametrize(
        "province", ["91", "92", "93", "94", "95", "96", "65", "64", "54"]
    )
    def test_provinces_that_exist_or_existed_are_accepted(self, province):
        """Papua's old and new codes, Kalimantan Utara and Timor Timur."""
        number = with_part(0, province)

        assert number == nik.validate(number)

    @pytest.mark.parametrize("ddmmyy", ["290200", "690200", "290204"])
    def test_29_february_is_valid_when_the_year_can_be_a_leap_year(
        self, ddmmyy
    ):
        """Year 00 can be 2000, a leap year, though 1900 was not."""
        number = with_part(6, ddmmyy)

        assert number == nik.validate(number)

    def test_29_february_is_invalid_when_neither_year_is_a_leap_year(self):
        """Year 01 is 1901 or 2001, neither a leap year."""
        with pytest.raises(InvalidComponent):
            nik.validate(with_part(6, "290201"))

    def test_a_region_table_requires_a_known_kecamatan(self):
        """With a table, digits 1-6 must name one of its kecamatan."""
        table = RegionTable({RegionCode("317101"): "Gambir"})

        assert EXAMPLE == nik.validate(EXAMPLE, regions=table)
        with pytest.raises(InvalidComponent) as info:
            nik.validate(with_part(4, "02"), regions=table)
        assert "nik.unknown_region" == info.value.error_code
        assert not nik.is_valid(with_part(4, "02"), regions=table)

    def test_errors_subclass_value_error(self):
        """Code that catches ValueError keeps working."""
        with pytest.raises(ValueError, match="16 digits"):
            nik.validate("123")


class TestMasking:
    """No error shows a whole NIK."""

    @pytest.mark.parametrize(
        "number",
        [
            with_part(0, "99", OTHER),
            with_part(2, "00", OTHER),
            with_part(4, "00", OTHER),
            with_part(6, "99", OTHER),
            with_part(12, "0000", OTHER),
            OTHER + "9",
            with_part(15, "x", OTHER),
        ],
    )
    def test_errors_never_show_the_whole_number(self, number):
        """Message, value and parameters keep the birth date hidden."""
        with pytest.raises(ValidationError) as info:
            nik.validate(number)

        error = info.value
        shown = [str(error), repr(error), str(error.value), str(error.params)]
        assert not any(number in text for text in shown)
        assert not any(number[4:12] in text for text in shown)

    def test_unknown_region_and_future_errors_are_masked(self):
        """The table and century errors mask the number too."""
        table = RegionTable({RegionCode("317102"): "Sawah Besar"})
        errors = []
        for call in (
            lambda: nik.validate(OTHER, regions=table),
            lambda: nik.get_birth_date(OTHER, as_of=dt.date(1970, 1, 1)),
        ):
            with pytest.raises(ValidationError) as info:
                call()
            errors.append(info.value)

        assert all(OTHER not in str(e) for e in errors)
        assert all("5512" not in str(e) for e in errors)


class TestBirthDate:
    """get_birth_date resolves the century against as_of."""

    def test_women_have_40_added_to_the_day(self):
        """Day 41 is the 1st for a woman."""
        assert pendulum.Date(1980, 7, 1) == nik.get_birth_date(
            EXAMPLE, as_of=dt.date(2020, 7, 21)
        )

    @pytest.mark.parametrize(
        ("yy", "year"), [("10", 2010), ("30", 1930), ("20", 2020)]
    )
    def test_the_century_is_the_latest_one_not_after_as_of(self, yy, year):
        """As of mid-2020, year 10 is 2010 and year 30 is 1930."""
        number = with_part(6, "0101" + yy)

        assert (
            year == nik.get_birth_date(number, as_of=dt.date(2020, 7, 21)).year
        )

    def test_a_child_born_in_2010_is_not_born_in_1910(self):
        """The pitfall of fixed-century readings."""
        number = with_part(6, "150310")

        assert pendulum.Date(2010, 3, 15) == nik.get_birth_date(
            number, as_of=dt.date(2025, 1, 1)
        )

    def test_as_of_exactly_the_birthday_is_this_century(self):
        """Being born on `as_of` is not being born after it."""
        number = with_part(6, "210720")

        assert pendulum.Date(2020, 7, 21) == nik.get_birth_date(
            number, as_of=dt.date(2020, 7, 21)
        )
        assert pendulum.Date(1920, 7, 21) == nik.get_birth_date(
            number, as_of=dt.date(2020, 7, 20)
        )

    def test_a_datetime_as_of_is_read_as_its_date(self):
        """A datetime is a date; its time of day is ignored."""
        as_of = dt.datetime(2020, 7, 21, 9, 30, tzinfo=dt.UTC)

        assert pendulum.Date(1980, 7, 1) == nik.get_birth_date(
            EXAMPLE, as_of=as_of
        )

    def test_a_birth_date_after_as_of_in_both_centuries_is_an_error(self):
        """As of 1950, a year 60 is neither 1960 nor 2060 yet."""
        number = with_part(6, "010160")

        with pytest.raises(InvalidComponent) as info:
            nik.get_birth_date(number, as_of=dt.date(1950, 1, 1))

        assert "nik.future" == info.value.error_code

    def test_29_february_00_is_2000_only(self):
        """1900 had no 29 February, so before 2000 it lies ahead."""
        number = with_part(6, "290200")

        assert pendulum.Date(2000, 2, 29) == nik.get_birth_date(
            number, as_of=dt.date(2000, 3, 1)
        )
        with pytest.raises(InvalidComponent):
            nik.get_birth_date(number, as_of=dt.date(1999, 12, 31))

    @given(
        st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
        st.integers(0, 36_000),
        st.booleans(),
    )
    def test_any_birth_date_is_recovered_within_a_century(
        self, born, days_later, female
    ):
        """A date up to ~99 years before `as_of` reads back unchanged."""
        day = born.day + 40 if female else born.day
        number = with_part(6, f"{day:02d}{born:%m}{born.year % 100:02d}")
        as_of = born + dt.timedelta(days=days_later)

        assert born == nik.get_birth_date(number, as_of=as_of)


class TestParts:
    """The other extractors."""

    @given(niks(sex=Sex.FEMALE))
    def test_generated_women_are_female(self, number):
        """The strategy's sex is the one the number encodes."""
        assert Sex.FEMALE is nik.get_sex(number)

    @given(niks(sex=Sex.MALE))
    def test_generated_men_are_male(self, number):
        """Days 01-31 are men's."""
        assert Sex.MALE is nik.get_sex(number)

    def test_region_province_and_serial(self):
        """The parts are read from a number with separators too."""
        number = "31.71.01.410780.0001"

        assert RegionCode("317101") == nik.get_region(number)
        assert RegionCode("31") == nik.get_province(number)
        assert "0001" == nik.get_serial(number)

    def test_extractors_validate_first(self):
        """No part is read from an invalid number."""
        with pytest.raises(InvalidLength):
            nik.get_sex("123")


def test_real_dates_are_those_a_calendar_builds():
    """Every DDMMYY: the check without dates equals building them."""
    for day in range(33):
        for month in range(14):
            for yy in range(100):
                assert is_real_date(day, month, yy) == bool(
                    candidate_dates(day, month, yy)
                )
