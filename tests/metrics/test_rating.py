"""Conversion of achievement to a performance value and band."""

import datetime as dt
from fractions import Fraction

import pytest

from dayasos.metrics import Achievement, RatingBand, rate_achievement
from dayasos.policy import Confidence


ON = dt.date(2023, 12, 31)


def rate(percent, **kwargs):
    """Rate an achievement given in percent, by the 2023 rule."""
    return rate_achievement(Fraction(percent) / 100, on=ON, **kwargs)


class TestWorkedExamples:
    """The conversion examples of PermenPANRB 6/2022."""

    def test_100_percent_is_baik_109(self):
        """A target met exactly rates 109, Baik."""
        rating = rate(100)

        assert (Fraction(109), RatingBand.BAIK) == (rating.value, rating.band)

    def test_98_percent_is_cukup_88(self):
        """70 + (89 - 70) / (99 - 80) x (98 - 80) = 88."""
        rating = rate(98)

        assert (Fraction(88), RatingBand.CUKUP) == (rating.value, rating.band)


class TestBands:
    """Each band's formula, as read in the domain notes."""

    @pytest.mark.parametrize(
        ("percent", "value", "band"),
        [
            (80, 70, RatingBand.CUKUP),
            (99, 89, RatingBand.CUKUP),
            (60, 50, RatingBand.KURANG),
            (79, 69, RatingBand.KURANG),
            (70, 60, RatingBand.KURANG),
            (59, 49, RatingBand.SANGAT_KURANG),
            (0, 0, RatingBand.SANGAT_KURANG),
            (Fraction(59, 2), Fraction(49, 2), RatingBand.SANGAT_KURANG),
            (111, 120, RatingBand.SANGAT_BAIK),
            (200, 120, RatingBand.SANGAT_BAIK),
        ],
    )
    def test_value_and_band(self, percent, value, band):
        """Value and band of an achievement."""
        rating = rate(percent)

        assert (Fraction(value), band) == (rating.value, rating.band)

    def test_between_whole_percents_the_lower_band_holds(self):
        """99.5% is still Cukup, its value kept within 70-89."""
        rating = rate(Fraction(199, 2))

        assert (Fraction(89), RatingBand.CUKUP) == (rating.value, rating.band)

    def test_negative_achievement_is_kept_at_zero(self):
        """A minimize target overshot twice rates 0, not below."""
        assert Fraction(0) == rate(-20).value

    def test_maximal_target_met_rates_120(self):
        """A target that cannot be exceeded, met: Sangat Baik, 120."""
        rating = rate(100, maximal=True)

        assert (Fraction(120), RatingBand.SANGAT_BAIK) == (
            rating.value,
            rating.band,
        )

    def test_maximal_target_missed_rates_as_usual(self):
        """Below 100% a maximal target is rated by the bands."""
        assert RatingBand.CUKUP == rate(98, maximal=True).band


class TestConfidence:
    """Unverified bands say so."""

    def test_sangat_baik_band_below_110_is_unverified(self):
        """101-110% comes from a page the notes did not retrieve."""
        rating = rate(105)

        assert RatingBand.SANGAT_BAIK == rating.band
        assert Confidence.UNVERIFIED == rating.confidence
        assert not rating.is_verified

    def test_read_bands_are_verified(self):
        """Cukup was read in the source."""
        assert rate(98).is_verified

    def test_the_rating_cites_its_instrument(self):
        """PermenPANRB 6/2022."""
        assert ("6", 2022) == (
            rate(98).reference.number,
            rate(98).reference.year,
        )


class TestNotRated:
    """No false rating."""

    def test_before_2022_no_conversion_is_in_force(self):
        """The 2020 mid-year report has no conversion to apply."""
        assert rate_achievement(Fraction(1), on=dt.date(2020, 6, 30)) is None

    def test_not_applicable_achievement_is_not_rated(self):
        """Nothing to rate."""
        achievement = Achievement.not_applicable(
            "metrics.achievement.zero_target"
        )

        assert rate_achievement(achievement, on=ON) is None
