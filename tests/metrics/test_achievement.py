"""Achievement (capaian) by the SAKIP formulas."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.metrics import Achievement, Polarity, compute_achievement
from dayasos.money import Rupiah


class TestWorkedExamples:
    """The examples of PermenPANRB 6/2022 in the domain notes hold."""

    def test_minimize_target_7_realization_6_5_is_107_14_percent(self):
        """Smaller is better: 2 - 6.5/7 = 15/14, shown as 107.14%."""
        achievement = compute_achievement(
            7, Fraction(13, 2), Polarity.MINIMIZE
        )

        assert Fraction(15, 14) == achievement.ratio
        assert Decimal("107.14") == achievement.percent()

    def test_minimize_target_8_realization_9_is_87_5_percent(self):
        """Overshooting a minimize target lowers the achievement."""
        achievement = compute_achievement(8, 9, Polarity.MINIMIZE)

        assert Fraction(7, 8) == achievement.ratio
        assert Decimal("87.50") == achievement.percent()

    def test_decimal_inputs_give_the_same_exact_ratio(self):
        """6.5 as a Decimal is read exactly."""
        achievement = compute_achievement(
            Decimal(7), Decimal("6.5"), Polarity.MINIMIZE
        )

        assert Fraction(15, 14) == achievement.ratio


class TestMaximize:
    """The normal condition: realization over target."""

    def test_realization_over_target(self):
        """420 KPM of 500 is 84%."""
        assert Fraction(21, 25) == (
            compute_achievement(500, 420, Polarity.MAXIMIZE).ratio
        )

    def test_rupiah_amounts_divide_exactly(self):
        """Money targets compare exactly, no float on the way."""
        achievement = compute_achievement(
            Rupiah(1_750_000_000), Rupiah(1_470_000_000), Polarity.MAXIMIZE
        )

        assert Fraction(21, 25) == achievement.ratio

    def test_exceeding_the_target_goes_above_100_percent(self):
        """152 Puskesos for a target of 140 is 108.57%."""
        assert Decimal("108.57") == (
            compute_achievement(140, 152, Polarity.MAXIMIZE).percent()
        )


class TestRangeTargets:
    """A range target: the bound on the side of the realization counts."""

    def test_above_the_range_uses_the_upper_bound(self):
        """130 against 100-120 is 130/120."""
        achievement = compute_achievement(
            100, 130, Polarity.MAXIMIZE, upper=120
        )

        assert Fraction(13, 12) == achievement.ratio

    def test_below_the_range_uses_the_lower_bound(self):
        """90 against 100-120 is 90/100."""
        achievement = compute_achievement(
            100, 90, Polarity.MAXIMIZE, upper=120
        )

        assert Fraction(9, 10) == achievement.ratio

    @pytest.mark.parametrize("polarity", list(Polarity))
    def test_inside_the_range_is_100_percent(self, polarity):
        """Anywhere inside the range meets the target, whatever polarity."""
        achievement = compute_achievement(100, 110, polarity, upper=120)

        assert Fraction(1) == achievement.ratio

    def test_minimize_above_the_range_uses_the_upper_bound(self):
        """Minimize: 2 - 150/120."""
        achievement = compute_achievement(
            100, 150, Polarity.MINIMIZE, upper=120
        )

        assert Fraction(3, 4) == achievement.ratio

    def test_upper_below_lower_is_refused(self):
        """A range written backwards is an error, not a guess."""
        with pytest.raises(ValidationError) as info:
            compute_achievement(10, 5, Polarity.MAXIMIZE, upper=8)

        assert "metrics.range_order" == info.value.error_code


class TestStabilize:
    """Closest to the target is best (dayasos's documented rule)."""

    def test_on_target_is_100_percent(self):
        """Exactly on the target."""
        assert Fraction(1) == (
            compute_achievement(10, 10, Polarity.STABILIZE).ratio
        )

    @pytest.mark.parametrize("realization", [8, 12])
    def test_distance_on_either_side_costs_the_same(self, realization):
        """20% off the target either way is 80%."""
        assert Fraction(4, 5) == (
            compute_achievement(10, realization, Polarity.STABILIZE).ratio
        )

    def test_never_below_zero(self):
        """Three times the target is 0%, not -100%."""
        assert Fraction(0) == (
            compute_achievement(10, 30, Polarity.STABILIZE).ratio
        )

    def test_zero_target_met_exactly_is_100_percent(self):
        """A zero target with zero realization is on target."""
        assert Fraction(1) == (
            compute_achievement(0, 0, Polarity.STABILIZE).ratio
        )

    @given(
        st.integers(1, 10**6),
        st.integers(0, 10**6),
    )
    def test_stabilize_is_between_0_and_1(self, target, realization):
        """A stabilize achievement never exceeds 100% nor goes below 0%."""
        ratio = compute_achievement(
            target, realization, Polarity.STABILIZE
        ).ratio

        assert ratio is not None
        assert 0 <= ratio <= 1


class TestNotApplicable:
    """A zero target cannot divide: not applicable, never infinity."""

    @pytest.mark.parametrize(
        "polarity", [Polarity.MAXIMIZE, Polarity.MINIMIZE]
    )
    def test_zero_target_is_not_applicable(self, polarity):
        """The reason code says why."""
        achievement = compute_achievement(0, 5, polarity)

        assert achievement.ratio is None
        assert not achievement.is_applicable
        assert "metrics.achievement.zero_target" == achievement.reason
        assert achievement.percent() is None

    def test_stabilize_off_a_zero_target_is_not_applicable(self):
        """Off a zero target there is no relative distance."""
        assert not compute_achievement(0, 3, Polarity.STABILIZE).is_applicable


class TestDisplay:
    """Exact values, rounded once for display."""

    def test_half_rounds_up(self):
        """0.125% shows as 0.13% at two decimals (half up)."""
        assert Decimal("0.13") == Achievement(Fraction(1, 800)).percent()

    def test_digits_can_be_chosen(self):
        """Whole percent on request."""
        assert Decimal(107) == Achievement(Fraction(15, 14)).percent(0)

    @pytest.mark.parametrize("digits", [-1, 1.5, True])
    def test_bad_digits_are_refused(self, digits):
        """Digits are a whole number of 0 or more."""
        with pytest.raises(InvalidComponent):
            Achievement(Fraction(1)).percent(digits)


class TestInputs:
    """Only exact numbers go in."""

    @pytest.mark.parametrize("bad", [7.0, "7", True, Decimal("NaN")])
    def test_inexact_or_non_numbers_are_refused(self, bad):
        """A float, a string, a bool or NaN is an error."""
        with pytest.raises(InvalidFormat):
            compute_achievement(bad, 5, Polarity.MAXIMIZE)
