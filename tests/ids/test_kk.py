"""Tests for `dayasos.ids.kk`."""

import datetime as dt

import pendulum
import pytest
from hypothesis import given

from dayasos.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from dayasos.ids import RegionCode, RegionTable, kk
from dayasos.testing._ids import kks


EXAMPLE = "3171010101200001"


def with_part(start: int, digits: str, base: str = EXAMPLE) -> str:
    """Replace the digits of `base` from `start` on."""
    return base[:start] + digits + base[start + len(digits) :]


class TestValidate:
    """validate checks every part of a KK number."""

    def test_the_documented_example_is_valid(self):
        """The example every message quotes is a valid KK number."""
        assert EXAMPLE == kk.validate(EXAMPLE)

    @given(kks())
    def test_generated_numbers_validate_and_round_trip(self, number):
        """A valid KK number survives format then compact unchanged."""
        assert number == kk.validate(number)
        assert number == kk.compact(kk.format(number))

    def test_format_groups_region_date_and_serial(self):
        """The display form shows the parts apart."""
        assert "31.71.01.010120.0001" == kk.format(EXAMPLE)

    @pytest.mark.parametrize(
        ("number", "error", "code"),
        [
            (EXAMPLE[:15], InvalidLength, "kk.length"),
            (with_part(3, "x"), InvalidFormat, "kk.digits"),
            (with_part(0, "00"), InvalidComponent, "kk.province"),
            (with_part(0, "99"), InvalidComponent, "kk.province"),
            (with_part(2, "00"), InvalidComponent, "kk.regency"),
            (with_part(4, "00"), InvalidComponent, "kk.district"),
            (with_part(6, "00"), InvalidComponent, "kk.registration_date"),
            (with_part(6, "32"), InvalidComponent, "kk.registration_date"),
            (with_part(6, "41"), InvalidComponent, "kk.registration_date"),
            (with_part(8, "13"), InvalidComponent, "kk.registration_date"),
            (with_part(12, "0000"), InvalidComponent, "kk.serial"),
        ],
    )
    def test_mutated_numbers_are_rejected_with_their_code(
        self, number, error, code
    ):
        """A registration date has no 40 added: day 41 is no date."""
        with pytest.raises(error) as info:
            kk.validate(number)

        assert code == info.value.error_code

    def test_errors_never_show_the_whole_number(self):
        """A KK number is personal data, masked in errors."""
        number = "3273011512990000"

        with pytest.raises(ValidationError) as info:
            kk.validate(number)

        assert number not in str(info.value)
        assert "3273********0000" == info.value.value

    def test_a_region_table_requires_a_known_kecamatan(self):
        """With a table, digits 1-6 must name one of its kecamatan."""
        table = RegionTable({RegionCode("317102"): "Sawah Besar"})

        with pytest.raises(ValidationError) as info:
            kk.validate(EXAMPLE, regions=table)

        assert "kk.unknown_region" == info.value.error_code
        assert EXAMPLE not in str(info.value)


class TestRegistrationDate:
    """get_registration_date resolves the century against as_of."""

    def test_the_century_is_the_latest_one_not_after_as_of(self):
        """Year 20 read in 2020 is 2020; read in 2019 it is 1920."""
        assert pendulum.Date(2020, 1, 1) == kk.get_registration_date(
            EXAMPLE, as_of=dt.date(2020, 7, 21)
        )
        assert pendulum.Date(1920, 1, 1) == kk.get_registration_date(
            EXAMPLE, as_of=dt.date(2019, 12, 31)
        )

    def test_a_date_after_as_of_in_both_centuries_is_an_error(self):
        """As of 1900, year 20 lies ahead in both centuries."""
        with pytest.raises(InvalidComponent) as info:
            kk.get_registration_date(EXAMPLE, as_of=dt.date(1900, 1, 1))

        assert "kk.future" == info.value.error_code


class TestParts:
    """The other extractors."""

    def test_region_province_and_serial(self):
        """The parts of a KK number."""
        assert RegionCode("317101") == kk.get_region(EXAMPLE)
        assert RegionCode("31") == kk.get_province(EXAMPLE)
        assert "0001" == kk.get_serial(EXAMPLE)
