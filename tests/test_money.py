"""Tests for dayasos.money: exact rupiah, rounding and allocation."""

import decimal
import math
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidFormat, ValidationError
from dayasos.money import Rounding, Rupiah, allocate, sum_rupiah
from dayasos.testing._money import rupiah


#: Exact fractions, negative ones and exact halves included.
FRACTIONS = st.one_of(
    st.fractions(),
    st.integers(-(10**12), 10**12).map(lambda n: Fraction(2 * n + 1, 2)),
    st.integers(-(10**6), 10**6).map(Fraction),
)

#: Each mode and the decimal module's name for the same rule.
DECIMAL_MODES = {
    Rounding.HALF_UP: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    Rounding.DOWN: decimal.ROUND_DOWN,
    Rounding.UP: decimal.ROUND_UP,
    Rounding.FLOOR: decimal.ROUND_FLOOR,
    Rounding.CEILING: decimal.ROUND_CEILING,
}

#: Weights for allocate: at least one positive, zeros included.
WEIGHTS = st.lists(st.integers(0, 1_000), min_size=1, max_size=12).filter(any)


def reference_round(value, mode):
    """Round a Fraction by the definition of each mode, written afresh."""
    sign = -1 if value < 0 else 1
    size = abs(value)
    whole = size.numerator // size.denominator
    rest = size - whole
    half = Fraction(1, 2)
    if mode is Rounding.FLOOR:
        return value.numerator // value.denominator
    if mode is Rounding.CEILING:
        return -((-value.numerator) // value.denominator)
    if mode is Rounding.DOWN:
        away = False
    elif mode is Rounding.UP:
        away = rest > 0
    elif mode is Rounding.HALF_UP:
        away = rest >= half
    else:
        away = rest > half or (rest == half and whole % 2 == 1)
    return sign * (whole + away)


class TestConstruction:
    """Rupiah holds an int and nothing else."""

    @pytest.mark.parametrize(
        "value",
        [1.5, 1.0, float("nan"), True, False, "1500", Decimal(1),
         Fraction(3, 1), None, Rupiah(5)],
    )  # fmt: skip
    def test_anything_but_an_int_is_refused(self, value):
        """Floats, bools, strings, Decimals, Fractions are never money."""
        with pytest.raises(InvalidFormat) as info:
            Rupiah(value)

        assert "rupiah.not_int" == info.value.error_code
        assert "amount" == info.value.path

    def test_the_message_shows_an_example(self):
        """The error names the type it got and the form it wants."""
        with pytest.raises(InvalidFormat) as info:
            Rupiah(1.5)

        assert "got float 1.5; e.g. Rupiah(1500000)" in str(info.value)

    @given(st.integers())
    def test_an_int_is_kept_exactly(self, amount):
        """Any int, however large or negative, round-trips."""
        money = Rupiah(amount)

        assert amount == money.amount
        assert amount == int(money)
        assert f"Rupiah({amount})" == repr(money)

    def test_zero_is_zero_and_false(self):
        """Rupiah.zero() is Rupiah(0), the only falsy amount."""
        assert Rupiah(0) == Rupiah.zero()
        assert not Rupiah.zero()
        assert Rupiah(-1)

    def test_an_amount_is_frozen(self):
        """Change an amount with arithmetic, never in place."""
        money = Rupiah(1)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            money.amount = 2

    def test_evolve_checks_the_new_amount(self):
        """attrs.evolve goes through the same check."""
        with pytest.raises(InvalidFormat):
            attrs.evolve(Rupiah(1), amount=1.5)


class TestArithmetic:
    """Rupiah adds, subtracts and multiplies by whole numbers exactly."""

    @given(st.integers(), st.integers())
    def test_arithmetic_matches_int_arithmetic(self, a, b):
        """+, -, unary -, abs and * by an int act on the amount."""
        assert Rupiah(a + b) == Rupiah(a) + Rupiah(b)
        assert Rupiah(a - b) == Rupiah(a) - Rupiah(b)
        assert Rupiah(-a) == -Rupiah(a)
        assert Rupiah(abs(a)) == abs(Rupiah(a))
        assert Rupiah(a * b) == Rupiah(a) * b
        assert Rupiah(a * b) == b * Rupiah(a)

    @given(st.integers(), st.integers())
    def test_ordering_matches_the_amounts(self, a, b):
        """Amounts compare as their ints do."""
        assert (a < b) == (Rupiah(a) < Rupiah(b))
        assert (a <= b) == (Rupiah(a) <= Rupiah(b))
        assert (a == b) == (Rupiah(a) == Rupiah(b))
        if a == b:
            assert hash(Rupiah(a)) == hash(Rupiah(b))

    @pytest.mark.parametrize(
        "operation",
        [
            lambda: Rupiah(1) + 1,
            lambda: 1 + Rupiah(1),
            lambda: Rupiah(1) - 1,
            lambda: Rupiah(1) * 1.5,
            lambda: 1.5 * Rupiah(1),
            lambda: Rupiah(2) * Rupiah(3),
            lambda: Rupiah(1) * True,
            lambda: Rupiah(1) * Decimal(2),
            lambda: Rupiah(1) < 2,
        ],
    )
    def test_mixing_with_plain_numbers_is_a_type_error(self, operation):
        """Money meets money; it is scaled only by ints (or scale())."""
        with pytest.raises(TypeError):
            operation()

    def test_an_amount_never_equals_a_plain_int(self):
        """Rupiah(5) is not 5: units are not dropped silently."""
        assert Rupiah(5) != 5


class TestSum:
    """Amounts add up with sum() and sum_rupiah()."""

    @given(st.lists(rupiah(), min_size=1))
    def test_builtin_sum_adds_amounts(self, amounts):
        """sum() starts from 0, which Rupiah accepts on the right."""
        expected = Rupiah(sum(a.amount for a in amounts))

        assert expected == sum(amounts)
        assert expected == sum_rupiah(amounts)

    def test_sum_rupiah_of_nothing_is_zero_rupiah(self):
        """The built-in sum of nothing is int 0; sum_rupiah gives Rupiah."""
        assert Rupiah(0) == sum_rupiah([])
        assert Rupiah(0) == sum_rupiah(iter(()))

    def test_only_zero_may_be_added_to_an_amount_from_the_left(self):
        """0 + Rupiah works for sum(); 1 + Rupiah does not."""
        assert Rupiah(3) == 0 + Rupiah(3)
        with pytest.raises(TypeError):
            _ = 1 + Rupiah(3)


class TestRounding:
    """Each mode rounds an exact fraction as its definition says."""

    @pytest.mark.parametrize("mode", list(Rounding))
    @given(value=FRACTIONS)
    def test_each_mode_agrees_with_its_definition(self, mode, value):
        """Negatives and exact halves included."""
        assert reference_round(value, mode) == mode.apply(value)

    @pytest.mark.parametrize("mode", list(Rounding))
    @given(
        value=st.decimals(
            allow_nan=False, allow_infinity=False, places=3
        ).filter(lambda d: abs(d) < 10**15)
    )
    def test_each_mode_agrees_with_the_decimal_module(self, mode, value):
        """Decimal's rounding of the same exact value is the same."""
        expected = int(
            value.quantize(Decimal(1), rounding=DECIMAL_MODES[mode])
        )

        assert expected == mode.apply(Fraction(value))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("5/2", (3, 2, 2, 3, 2, 3)),
            ("7/2", (4, 4, 3, 4, 3, 4)),
            ("-5/2", (-3, -2, -2, -3, -3, -2)),
            ("-7/2", (-4, -4, -3, -4, -4, -3)),
            ("1/2", (1, 0, 0, 1, 0, 1)),
            ("-1/2", (-1, 0, 0, -1, -1, 0)),
            ("5/3", (2, 2, 1, 2, 1, 2)),
            ("-5/3", (-2, -2, -1, -2, -2, -1)),
            ("0", (0, 0, 0, 0, 0, 0)),
        ],
    )
    def test_a_table_of_known_roundings(self, text, expected):
        """
        The classic table, halves and negatives on every row.

        Columns: HALF_UP, HALF_EVEN, DOWN, UP, FLOOR, CEILING.
        """
        value = Fraction(text)
        modes = [
            Rounding.HALF_UP,
            Rounding.HALF_EVEN,
            Rounding.DOWN,
            Rounding.UP,
            Rounding.FLOOR,
            Rounding.CEILING,
        ]

        assert expected == tuple(mode.apply(value) for mode in modes)

    @pytest.mark.parametrize("mode", list(Rounding))
    @given(value=FRACTIONS)
    def test_rounding_lands_within_one_of_the_value(self, mode, value):
        """Every mode picks one of the two neighbouring integers."""
        result = mode.apply(value)

        assert math.floor(value) <= result <= math.ceil(value)


class TestScale:
    """Scaling by a rate needs an exact rate and a rounding mode."""

    @pytest.mark.parametrize("mode", list(Rounding))
    @given(amount=rupiah(), rate=FRACTIONS)
    def test_scale_rounds_the_exact_product(self, mode, amount, rate):
        """Scale is Rounding.apply of amount x rate, computed exactly."""
        expected = Rupiah(mode.apply(amount.amount * rate))

        assert expected == amount.scale(rate, mode)

    @given(amount=rupiah(), factor=st.integers(-100, 100))
    def test_scaling_by_an_int_multiplies(self, amount, factor):
        """An int rate needs no rounding, whatever the mode."""
        assert amount * factor == amount.scale(factor, Rounding.FLOOR)

    def test_a_25_percent_raise_of_an_annual_component(self):
        """PKH 2020: Rp2,400,000 x 5/4 = Rp3,000,000."""
        assert Rupiah(3_000_000) == Rupiah(2_400_000).scale(
            Decimal("1.25"), Rounding.HALF_UP
        )

    @pytest.mark.parametrize(
        ("rate", "code"),
        [
            (1.25, "rupiah.float_rate"),
            (float("nan"), "rupiah.float_rate"),
            (True, "rupiah.rate_type"),
            ("1.25", "rupiah.rate_type"),
            (complex(1, 0), "rupiah.rate_type"),
            (None, "rupiah.rate_type"),
            (Decimal("NaN"), "rupiah.rate_not_finite"),
            (Decimal("sNaN"), "rupiah.rate_not_finite"),
            (Decimal("Infinity"), "rupiah.rate_not_finite"),
            (Decimal("-Infinity"), "rupiah.rate_not_finite"),
        ],
    )
    def test_inexact_or_non_finite_rates_are_refused(self, rate, code):
        """Floats, bools, strings and infinities never scale money."""
        with pytest.raises(InvalidFormat) as info:
            Rupiah(100).scale(rate, Rounding.HALF_UP)

        assert code == info.value.error_code
        assert "rate" == info.value.path


class TestAllocate:
    """allocate splits an amount by weights, losing no rupiah."""

    @given(total=rupiah(-(10**15), 10**15), weights=WEIGHTS)
    def test_the_shares_add_up_to_the_total(self, total, weights):
        """For any total, negative included, and any weights."""
        shares = allocate(total, weights)

        assert len(weights) == len(shares)
        assert total == sum_rupiah(shares)

    @given(total=rupiah(-(10**15), 10**15), weights=WEIGHTS)
    def test_each_share_is_within_one_rupiah_of_its_proportion(
        self, total, weights
    ):
        """A share differs from its exact proportion by less than Rp1."""
        exact = [Fraction(total.amount * w, sum(weights)) for w in weights]
        shares = allocate(total, weights)

        for share, proportion in zip(shares, exact, strict=True):
            assert abs(share.amount - proportion) < 1

    @given(total=rupiah(0, 10**15), weights=WEIGHTS)
    def test_leftover_rupiah_go_to_the_largest_remainders(
        self, total, weights
    ):
        """Floors plus one rupiah each to the largest remainders, in order."""
        denominator = sum(weights)
        floors = [total.amount * w // denominator for w in weights]
        rests = [total.amount * w % denominator for w in weights]
        left = total.amount - sum(floors)
        order = sorted(range(len(weights)), key=lambda i: (-rests[i], i))
        expected = list(floors)
        for i in order[:left]:
            expected[i] += 1

        assert [Rupiah(e) for e in expected] == allocate(total, weights)

    @given(total=rupiah(0, 10**15), weights=WEIGHTS)
    def test_a_negative_total_is_the_mirror_of_the_positive(
        self, total, weights
    ):
        """Splitting -x gives the negated shares of splitting x."""
        assert [-s for s in allocate(total, weights)] == allocate(
            -total, weights
        )

    @given(total=rupiah(), weights=WEIGHTS)
    def test_zero_weights_get_nothing(self, total, weights):
        """A member with weight 0 receives Rp0."""
        shares = allocate(total, weights)

        for share, weight in zip(shares, weights, strict=True):
            if weight == 0:
                assert Rupiah(0) == share

    @given(total=rupiah(), weights=WEIGHTS)
    def test_allocation_is_deterministic(self, total, weights):
        """The same call gives the same shares, and a tuple works too."""
        assert allocate(total, weights) == allocate(total, tuple(weights))

    @given(total=rupiah(), count=st.integers(1, 20))
    def test_equal_weights_differ_by_at_most_one_rupiah(self, total, count):
        """Ties go to earlier shares, so shares never increase."""
        shares = allocate(total, [1] * count)

        assert max(shares).amount - min(shares).amount <= 1
        if total.amount >= 0:
            assert sorted(shares, reverse=True) == shares

    @pytest.mark.parametrize(
        ("total", "weights", "expected"),
        [
            (100, [1, 1, 1], [34, 33, 33]),
            (-100, [1, 1, 1], [-34, -33, -33]),
            (3_000_000, [1, 1, 1, 1], [750_000] * 4),
            (10, [0, 1, 0], [0, 10, 0]),
            (1, [1, 1], [1, 0]),
            (5, [1, 2], [2, 3]),
            (0, [5, 3], [0, 0]),
        ],
    )
    def test_known_splits(self, total, weights, expected):
        """Hand-checked splits, ties to the earlier share."""
        assert [Rupiah(e) for e in expected] == allocate(
            Rupiah(total), weights
        )

    @pytest.mark.parametrize(
        ("weights", "error", "code", "path"),
        [
            ([], ValidationError, "allocate.no_weights", "weights"),
            ([1, -1], ValidationError, "allocate.negative_weight",
             "weights[1]"),
            ([0, 0], ValidationError, "allocate.zero_weights", "weights"),
            ([1, 0.5], InvalidFormat, "allocate.weight_not_int",
             "weights[1]"),
            ([True], InvalidFormat, "allocate.weight_not_int", "weights[0]"),
        ],
    )  # fmt: skip
    def test_bad_weights_are_refused(self, weights, error, code, path):
        """Empty, negative, all-zero and non-int weights each say why."""
        with pytest.raises(error) as info:
            allocate(Rupiah(100), weights)

        assert code == info.value.error_code
        assert path == info.value.path

    def test_a_fractional_weight_is_not_called_an_amount(self):
        """The message speaks of weights, not of Rupiah amounts."""
        with pytest.raises(InvalidFormat) as info:
            allocate(Rupiah(100), [1, 0.5])

        assert str(info.value).startswith("weights[1]: weights are whole")


class TestRatio:
    """The exact ratio of two amounts."""

    @given(rupiah(), rupiah().filter(bool))
    def test_ratio_is_the_exact_fraction(self, a, b):
        """a.ratio(b) x b == a, exactly."""
        ratio = a.ratio(b)

        assert Fraction(a.amount, b.amount) == ratio
        assert a == b.scale(ratio, Rounding.DOWN)

    def test_realization_over_ceiling(self):
        """Rp750,000 of Rp3,000,000 is a quarter."""
        assert Fraction(1, 4) == Rupiah(750_000).ratio(Rupiah(3_000_000))

    def test_dividing_by_zero_rupiah_is_refused(self):
        """A zero ceiling has no ratio."""
        with pytest.raises(ValidationError) as info:
            Rupiah(1).ratio(Rupiah(0))

        assert "rupiah.zero_division" == info.value.error_code


class TestStrategy:
    """The rupiah() strategy draws amounts within its bounds."""

    @given(rupiah(min_value=-5, max_value=Rupiah(5)))
    def test_amounts_respect_the_bounds(self, amount):
        """Bounds may be ints or Rupiah."""
        assert isinstance(amount, Rupiah)
        assert -5 <= amount.amount <= 5
