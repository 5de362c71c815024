"""Tests for the generator's profile, census data and region tree."""

import datetime as dt
import random

import pytest

from dayasos.errors import ConfigurationError
from dayasos.ids import wilayah
from dayasos.synthetic import (
    DTKS_LIKE,
    PROVINCE_POPULATION,
    Profile,
    province_weights,
)
from dayasos.synthetic._regions import region_tree


class TestProfile:
    """The knobs of a population."""

    def test_default_profile_is_dtks_like(self):
        """Nine families in ten in deciles 1-4."""
        assert 0.9 == DTKS_LIKE.share_of_deciles(1, 4)

    @pytest.mark.parametrize(
        "options",
        [
            {"decile_weights": (1,) * 9},
            {"decile_weights": (1,) * 9 + (-1,)},
            {"decile_weights": (0,) * 10},
            {"household_sizes": ()},
            {"disability_rate": 1.5},
            {"deceased_rate": -0.1},
        ],
    )
    def test_bad_profiles_are_refused(self, options):
        """Ten non-negative decile weights, rates from 0 to 1."""
        with pytest.raises(ConfigurationError):
            Profile(**options)


class TestCensus:
    """Province weights from SP2020."""

    def test_the_2020_census_counts_about_270_million(self):
        """The shares add up to the census total, in thousands."""
        assert 270_000 < sum(PROVINCE_POPULATION.values()) < 270_500

    def test_papua_splits_from_december_2022(self):
        """38 provinces after the split, the Papua total kept."""
        before = province_weights(dt.date(2022, 12, 7))
        after = province_weights(dt.date(2022, 12, 8))
        papua = ["91", "93", "94", "95"]

        assert (34, 38) == (len(before), len(after))
        assert before["91"] == pytest.approx(sum(after[c] for c in papua))

    def test_every_province_code_is_valid(self):
        """The codes are Kemendagri province codes."""
        codes = province_weights(dt.date(2025, 1, 1))

        assert all(wilayah.is_valid(code) for code in codes)


class TestRegionTree:
    """Generated regions under each province."""

    def test_villages_are_drawn_under_the_province_asked(self):
        """A village of West Java starts with 32."""
        tree = region_tree(dt.date(2020, 7, 21))
        rng = random.Random(1)  # noqa: S311 - seeded test draws

        codes = [tree.draw_village(rng, "32") for _ in range(50)]

        assert all(c.startswith("32") and wilayah.is_valid(c) for c in codes)

    def test_kota_have_kelurahan(self):
        """Villages of a kota (71-99) are kelurahan (1xxx)."""
        tree = region_tree(dt.date(2020, 7, 21))
        rng = random.Random(2)  # noqa: S311 - seeded test draws

        codes = [tree.draw_village(rng, "31") for _ in range(200)]
        kota = [c for c in codes if c[2:4] >= "71"]

        assert kota
        assert all(c[6] == "1" for c in kota)

    def test_the_tree_is_the_same_for_every_population(self):
        """Geography does not depend on a population's seed."""
        assert region_tree(dt.date(2020, 1, 1)) is region_tree(
            dt.date(2021, 1, 1)
        )
