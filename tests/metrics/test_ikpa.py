"""The IKPA score by its version."""

import datetime as dt
from fractions import Fraction

import pytest

from dayasos.errors import ValidationError
from dayasos.metrics import IkpaBand, IkpaIndicator, ikpa_weights, score_ikpa


Y2020 = dt.date(2020, 12, 31)
Y2022 = dt.date(2022, 12, 31)
Y2024 = dt.date(2024, 12, 31)


def all_at(on, value):
    """Every indicator of the version in force at `value`."""
    return dict.fromkeys(ikpa_weights(on=on), value)


class TestScore:
    """The weighted mean of the indicator values."""

    def test_equal_values_give_that_score(self):
        """90 everywhere scores 90 in any version."""
        assert Fraction(90) == score_ikpa(all_at(Y2020, 90), on=Y2020).score

    def test_weights_of_the_version_apply(self):
        """2022: penyerapan weighs 20%, the rest 100 scores 80 + 20 x 50."""
        values = all_at(Y2022, 100)
        values[IkpaIndicator.PENYERAPAN] = 50

        assert Fraction(90) == score_ikpa(values, on=Y2022).score

    def test_the_same_values_score_differently_by_version(self):
        """Capaian output weighs 10% in 2020 and 25% in 2022."""
        low = {IkpaIndicator.CAPAIAN_OUTPUT: 0}
        v2020 = {**all_at(Y2020, 100), **low}
        v2022 = {**all_at(Y2022, 100), **low}

        assert (Fraction(90), Fraction(75)) == (
            score_ikpa(v2020, on=Y2020).score,
            score_ikpa(v2022, on=Y2022).score,
        )

    def test_not_applicable_indicators_are_left_out_of_the_weights(self):
        """No contracts: the other weights share the 10%."""
        values = all_at(Y2022, 80)
        del values[IkpaIndicator.BELANJA_KONTRAKTUAL]
        values[IkpaIndicator.PENYERAPAN] = 98
        score = score_ikpa(
            values,
            on=Y2022,
            not_applicable=[IkpaIndicator.BELANJA_KONTRAKTUAL],
        )

        assert Fraction(80 * 70 + 98 * 20, 90) == score.score

    def test_a_missing_indicator_leaves_the_score_unknown(self):
        """Unknown is None, never a zero."""
        values = all_at(Y2022, 95)
        del values[IkpaIndicator.REVISI_DIPA]
        score = score_ikpa(values, on=Y2022)

        assert score.score is None
        assert score.band is None
        assert (IkpaIndicator.REVISI_DIPA,) == score.missing


class TestDispensasiDeduction:
    """From 2024 dispensasi SPM is deducted; its size is an input."""

    def test_without_the_deduction_the_2024_score_is_unknown(self):
        """The gross score is known, the score is not."""
        score = score_ikpa(all_at(Y2024, 96), on=Y2024)

        assert Fraction(96) == score.gross
        assert score.score is None

    def test_the_deduction_is_subtracted(self):
        """96 - 2 = 94, Baik."""
        score = score_ikpa(all_at(Y2024, 96), on=Y2024, dispensasi_deduction=2)

        assert (Fraction(94), IkpaBand.BAIK) == (score.score, score.band)

    def test_before_2024_dispensasi_is_a_weighted_value(self):
        """Giving a deduction in 2022 changes nothing."""
        score = score_ikpa(all_at(Y2022, 96), on=Y2022, dispensasi_deduction=2)

        assert Fraction(96) == score.score

    def test_a_2024_value_for_dispensasi_is_refused(self):
        """In 2024 dispensasi SPM is not a weighted indicator."""
        values = {**all_at(Y2024, 96), IkpaIndicator.DISPENSASI_SPM: 100}

        with pytest.raises(ValidationError) as info:
            score_ikpa(values, on=Y2024)

        assert "metrics.ikpa_not_in_force" == info.value.error_code


class TestBands:
    """Sangat Baik >= 95; Baik 89-<95; Cukup 70-<89; Kurang < 70."""

    @pytest.mark.parametrize(
        ("value", "band"),
        [
            (100, IkpaBand.SANGAT_BAIK),
            (95, IkpaBand.SANGAT_BAIK),
            (Fraction(9499, 100), IkpaBand.BAIK),
            (89, IkpaBand.BAIK),
            (Fraction(8899, 100), IkpaBand.CUKUP),
            (70, IkpaBand.CUKUP),
            (Fraction(6999, 100), IkpaBand.KURANG),
            (0, IkpaBand.KURANG),
        ],
    )
    def test_band_boundaries(self, value, band):
        """Each lower bound belongs to its band."""
        assert band == score_ikpa(all_at(Y2022, value), on=Y2022).band


class TestRefusals:
    """Bad values are errors, not scores."""

    @pytest.mark.parametrize("value", [-1, 101])
    def test_values_outside_0_to_100_are_refused(self, value):
        """The indicator scale is 0-100."""
        with pytest.raises(ValidationError) as info:
            score_ikpa({IkpaIndicator.PENYERAPAN: value}, on=Y2022)

        assert "metrics.ikpa_value" == info.value.error_code

    def test_an_indicator_of_another_version_is_refused(self):
        """LPJ bendahara was dropped in 2022."""
        with pytest.raises(ValidationError):
            score_ikpa({IkpaIndicator.LPJ_BENDAHARA: 100}, on=Y2022)
