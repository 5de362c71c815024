import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.ids import Sex
from dayasos.model import AgeBand, CategoryCriteria, Confidence
from dayasos.testing._model import age_bands


class TestAgeBand:
    """Age bands in whole years, ends included."""

    @given(age_bands(), st.integers(0, 130))
    def test_an_age_is_in_the_band_when_between_its_ends(self, band, age):
        """Contains agrees with the two ends, open ends unbounded."""
        low = band.minimum if band.minimum is not None else 0
        high = band.maximum if band.maximum is not None else 10**6

        assert (low <= age <= high) == (age in band)

    @pytest.mark.parametrize(
        ("low", "high"), [(None, None), (-1, 5), (10, 5), (None, -2)]
    )
    def test_an_impossible_band_is_refused(self, low, high):
        """Both ends open, a negative end or reversed ends raise."""
        with pytest.raises(ValidationError) as info:
            AgeBand(low, high)

        assert "age_band.bounds" == info.value.error_code

    @pytest.mark.parametrize(
        ("band", "text"),
        [(AgeBand(6, 18), "6-18"), (AgeBand(60, None), "60+")],
    )
    def test_a_band_prints_compactly(self, band, text):
        """Bands print as 6-18 or 60+."""
        assert text == str(band)

    def test_a_band_open_below_prints_its_upper_end(self):
        """A band without a lower end prints as <=max."""
        assert "<=5" == str(AgeBand(None, 5))


class TestCategoryCriteria:
    """Criteria answer None when the person's data are missing."""

    def test_an_unknown_age_is_undetermined_against_a_band(self):
        """No age, no answer."""
        criteria = CategoryCriteria(
            age=AgeBand(0, 5), confidence=Confidence.HIGH
        )

        assert criteria.admits_age(None) is None

    def test_without_a_band_every_age_fits(self):
        """A category without an age band admits any age, even unknown."""
        criteria = CategoryCriteria(age=None, confidence=Confidence.UNVERIFIED)

        assert criteria.admits_age(None) is True

    def test_an_unknown_sex_is_undetermined_when_restricted(self):
        """No sex, no answer for a women-only category."""
        criteria = CategoryCriteria(
            age=None, sexes=[Sex.FEMALE], confidence=Confidence.HIGH
        )

        assert criteria.admits_sex(None) is None

    def test_an_unrestricted_category_admits_an_unknown_sex(self):
        """Every sex fits when the law sets no restriction."""
        criteria = CategoryCriteria(age=None, confidence=Confidence.HIGH)

        assert criteria.admits_sex(None) is True
