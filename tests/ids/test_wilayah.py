"""Tests for `dayasos.ids.wilayah`, `RegionCode` and the province table."""

import pytest
from hypothesis import given

from dayasos.errors import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from dayasos.ids import RegionCode, RegionLevel, wilayah
from dayasos.testing._ids import region_codes


class TestValidate:
    """validate checks each level's part."""

    @given(region_codes())
    def test_generated_codes_validate_and_round_trip(self, region):
        """Digits survive format then compact, and parse reads them back."""
        digits = region.code

        assert digits == wilayah.validate(digits)
        assert digits == wilayah.compact(wilayah.format(digits))
        assert region == RegionCode.parse(wilayah.format(digits))
        assert str(region) == wilayah.format(digits)

    @pytest.mark.parametrize(
        ("code", "error", "error_code"),
        [
            ("317", InvalidLength, "wilayah.length"),
            ("31710110", InvalidLength, "wilayah.length"),
            ("", InvalidLength, "wilayah.length"),
            ("31.7a", InvalidFormat, "wilayah.digits"),
            ("00", InvalidComponent, "wilayah.province"),
            ("99", InvalidComponent, "wilayah.province"),
            ("31.00", InvalidComponent, "wilayah.regency"),
            ("31.70", InvalidComponent, "wilayah.regency"),
            ("31.71.00", InvalidComponent, "wilayah.district"),
            ("31.71.01.4001", InvalidComponent, "wilayah.village"),
            ("31.71.01.0001", InvalidComponent, "wilayah.village"),
            ("31.71.01.1000", InvalidComponent, "wilayah.village"),
        ],
    )
    def test_broken_codes_are_rejected_with_their_code(
        self, code, error, error_code
    ):
        """Each broken level raises its own class and stable code."""
        with pytest.raises(error) as info:
            wilayah.validate(code)

        assert error_code == info.value.error_code

    def test_messages_say_what_was_expected_with_an_example(self):
        """A regency error explains the ranges and shows a valid code."""
        with pytest.raises(InvalidComponent) as info:
            wilayah.validate("31.70")

        assert "71-99" in str(info.value)
        assert "31.71.01.1001" in str(info.value)

    def test_the_constructor_wants_plain_digits(self):
        """Dots belong to parse."""
        with pytest.raises(InvalidFormat):
            RegionCode("31.71")


class TestRegionCode:
    """A code knows its level, its parents and its kind."""

    def test_levels_by_length(self):
        """2, 4, 6 and 10 digits are the four levels."""
        levels = [
            RegionCode(c).level for c in ("31", "3171", "317101", "3171011001")
        ]

        assert list(RegionLevel) == levels

    def test_the_parent_chain_ends_at_the_province(self):
        """A village's parents are its kecamatan, kota and province."""
        chain = []
        region: RegionCode | None = RegionCode.parse("31.71.01.1001")
        while region is not None:
            chain.append(str(region))
            region = region.parent

        assert ["31.71.01.1001", "31.71.01", "31.71", "31"] == chain

    @given(region_codes(RegionLevel.VILLAGE))
    def test_at_level_cuts_the_code(self, region):
        """Each level is a prefix of the code."""
        for level in RegionLevel:
            assert region.code[: level.value] == region.at_level(level).code
        assert region.province == region.at_level(RegionLevel.PROVINCE)

    def test_at_a_finer_level_than_the_code_is_an_error(self):
        """A regency has no village part."""
        with pytest.raises(ValidationError) as info:
            RegionCode("3171").at_level(RegionLevel.VILLAGE)

        assert "wilayah.level" == info.value.error_code

    @pytest.mark.parametrize(
        ("code", "kota", "kabupaten"),
        [
            ("31", False, False),
            ("3171", True, False),
            ("3204", False, True),
            ("320401", False, True),
            ("3273011001", True, False),
        ],
    )
    def test_kota_and_kabupaten(self, code, kota, kabupaten):
        """Regency parts 01-69 are kabupaten, 71-99 kota."""
        region = RegionCode(code)

        assert (kota, kabupaten) == (region.is_kota, region.is_kabupaten)

    @pytest.mark.parametrize(
        ("code", "kelurahan", "desa", "desa_adat"),
        [
            ("3171011001", True, False, False),
            ("3204012001", False, True, False),
            ("5103013001", False, True, True),
            ("317101", False, False, False),
        ],
    )
    def test_kelurahan_desa_and_desa_adat(
        self, code, kelurahan, desa, desa_adat
    ):
        """The village part's first digit tells its kind."""
        region = RegionCode(code)

        assert (kelurahan, desa, desa_adat) == (
            region.is_kelurahan,
            region.is_desa,
            region.is_desa_adat,
        )

    def test_codes_sort_as_the_tree_does(self):
        """A region sorts before the regions inside it."""
        codes = [RegionCode(c) for c in ("3171011001", "32", "3171", "31")]

        assert ["31", "3171", "3171011001", "32"] == [
            c.code for c in sorted(codes)
        ]

    def test_codes_are_hashable(self):
        """Equal codes are one key."""
        assert {RegionCode("31")} == {RegionCode.parse("31")}


class TestFunctions:
    """The stdnum-style extractors."""

    def test_level_parent_and_province(self):
        """Extractors read dotted text."""
        assert RegionLevel.DISTRICT is wilayah.get_level("31.71.01")
        assert RegionCode("3171") == wilayah.get_parent("31.71.01")
        assert wilayah.get_parent("31") is None
        assert RegionCode("31") == wilayah.get_province("31.71.01.1001")


class TestProvinces:
    """The built-in province table."""

    def test_38_current_provinces_and_one_retired(self):
        """Kepmendagri 2025 lists 38; Timor Timur (54) is retired."""
        current = wilayah.list_provinces()
        every = wilayah.list_provinces(retired=True)

        assert 38 == len(current)
        assert ["54"] == [p.code for p in every if not p.is_current]
        assert 1999 == wilayah.get_province_info("54").until

    def test_provinces_are_in_code_order(self):
        """Codes run west to east."""
        codes = [p.code for p in wilayah.list_provinces(retired=True)]

        assert sorted(codes) == codes

    @pytest.mark.parametrize(
        ("code", "name", "name_en"),
        [
            ("31", "DKI Jakarta", "Jakarta Special Capital Region"),
            ("32", "Jawa Barat", "West Java"),
            ("34", "DI Yogyakarta", "Special Region of Yogyakarta"),
            ("65", "Kalimantan Utara", "North Kalimantan"),
            ("96", "Papua Barat Daya", "Southwest Papua"),
        ],
    )
    def test_names_in_indonesian_and_english(self, code, name, name_en):
        """Each province has both names."""
        province = wilayah.get_province_info(code)

        assert (name, name_en) == (province.name, province.name_en)

    @pytest.mark.parametrize(
        ("code", "since", "law"),
        [
            ("65", 2012, "UU 20/2012"),
            ("93", 2022, "UU 14/2022"),
            ("94", 2022, "UU 15/2022"),
            ("95", 2022, "UU 16/2022"),
            ("96", 2022, "UU 29/2022"),
        ],
    )
    def test_recent_provinces_carry_their_law(self, code, since, law):
        """The year and law that formed a province."""
        province = wilayah.get_province_info(code)

        assert (since, law) == (province.since, province.law)

    def test_no_province_is_formed_after_it_retired(self):
        """Years are consistent."""
        for province in wilayah.list_provinces(retired=True):
            assert province.until is None or province.since <= province.until
