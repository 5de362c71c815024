"""Tests for the `NIK` and `KK` value types."""

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.ids import KK, NIK, RegionCode, Sex
from dayasos.testing._ids import kk_values, nik_values, niks


NUMBER = "3273015512990002"
FAMILY = "3273011512190003"


class TestNIK:
    """A NIK value keeps its digits to itself."""

    def test_str_and_repr_mask_the_birth_date(self):
        """Region and serial stay visible, the middle is hidden."""
        person = NIK(NUMBER)

        assert "3273********0002" == str(person)
        assert "NIK('3273********0002')" == repr(person)
        assert NUMBER not in f"{person} {person!r} {[person]}"

    def test_reveal_is_the_only_way_to_the_digits(self):
        """The number comes back in full only on request."""
        assert NUMBER == NIK(NUMBER).reveal()

    def test_parse_accepts_separators(self):
        """Text as people write it is read."""
        assert NIK(NUMBER) == NIK.parse("32.73.01.551299.0002")

    def test_the_constructor_wants_canonical_digits(self):
        """Separators belong to parse, not to the constructor."""
        with pytest.raises(InvalidFormat) as info:
            NIK("3273-0155-1299-0002")

        assert "nik.digits" == info.value.error_code
        assert "parse()" in str(info.value)

    def test_an_invalid_number_raises_a_masked_error(self):
        """The constructor validates and never echoes the number."""
        number = "3273013212990002"

        with pytest.raises(InvalidComponent) as info:
            NIK(number)

        assert "nik.birth_date" == info.value.error_code
        assert number not in str(info.value)
        assert number not in repr(info.value.value)

    def test_parts(self):
        """Birth date, sex, region and province of the value."""
        person = NIK(NUMBER)

        assert pendulum.Date(1999, 12, 15) == person.birth_date(
            dt.date(2020, 7, 21)
        )
        assert Sex.FEMALE is person.sex
        assert RegionCode("327301") == person.region
        assert RegionCode("32") == person.province

    @given(nik_values())
    def test_values_are_hashable_and_equal_by_number(self, person):
        """Equal numbers make equal, interchangeable values."""
        twin = NIK(person.reveal())

        assert person == twin
        assert {person} == {twin}

    @given(niks())
    def test_no_generated_nik_shows_in_str_or_repr(self, number):
        """Masking holds for every valid NIK."""
        person = NIK(number)

        assert number not in str(person)
        assert number not in repr(person)

    def test_values_are_frozen(self):
        """A NIK value cannot be changed in place."""
        person = NIK(NUMBER)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            person._value = "3171014107800001"  # type: ignore[misc]


class TestKK:
    """A KK value keeps its digits to itself."""

    def test_str_and_repr_mask_the_registration_date(self):
        """Region and serial stay visible, the middle is hidden."""
        family = KK(FAMILY)

        assert "3273********0003" == str(family)
        assert "KK('3273********0003')" == repr(family)

    def test_parse_reveal_and_parts(self):
        """Parse, reveal, registration date, region and province."""
        family = KK.parse("32 73 01 151219 0003")

        assert FAMILY == family.reveal()
        assert pendulum.Date(2019, 12, 15) == family.registration_date(
            dt.date(2020, 7, 21)
        )
        assert RegionCode("327301") == family.region
        assert RegionCode("32") == family.province

    def test_an_invalid_number_raises_a_masked_error(self):
        """The constructor validates and never echoes the number."""
        number = "3273011512190000"

        with pytest.raises(ValidationError) as info:
            KK(number)

        assert "kk.serial" == info.value.error_code
        assert number not in str(info.value)

    def test_the_constructor_wants_canonical_digits(self):
        """Separators belong to parse."""
        with pytest.raises(InvalidFormat) as info:
            KK("3273 0115 1219 0003")

        assert "kk.digits" == info.value.error_code

    @given(kk_values())
    def test_generated_values_round_trip_through_reveal(self, family):
        """A value rebuilt from its digits is equal to it."""
        assert family == KK(family.reveal())
