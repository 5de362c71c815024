"""Tests for dayasos.l10n money, count and percentage formats."""

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.l10n import format_number, format_percent, format_rupiah
from dayasos.money import Rupiah


#: How each language writes an amount: prefix and group separator.
RUPIAH_FORMS = {"id": ("Rp", "."), "en": ("IDR ", ",")}


def parse_rupiah(text, locale):
    """Read a formatted amount back into an int."""
    prefix, group = RUPIAH_FORMS[locale]
    sign = -1 if text.startswith("-") else 1
    body = text.removeprefix("-")
    assert body.startswith(prefix)
    digits = body.removeprefix(prefix)
    assert re.fullmatch(r"\d{1,3}(" + re.escape(group) + r"\d{3})*", digits)
    return sign * int(digits.replace(group, ""))


class TestFormatRupiah:
    """Whole-rupiah amounts in id and en."""

    @pytest.mark.parametrize(
        ("amount", "locale", "expected"),
        [
            (1_500_000, "id", "Rp1.500.000"),
            (1_500_000, "en", "IDR 1,500,000"),
            (-1_500_000, "id", "-Rp1.500.000"),
            (-1_500_000, "en", "-IDR 1,500,000"),
            (0, "id", "Rp0"),
            (0, "en", "IDR 0"),
            (999, "id", "Rp999"),
            (1_000, "en", "IDR 1,000"),
            (3_000_000_000_000, "id", "Rp3.000.000.000.000"),
            (3_000_000_000_000, "en", "IDR 3,000,000,000,000"),
            (10**30, "id", "Rp1" + ".000" * 10),
            (-(10**30), "en", "-IDR 1" + ",000" * 10),
        ],
    )
    def test_known_amounts(self, amount, locale, expected):
        """Amounts read as Indonesian and English documents write them."""
        assert expected == format_rupiah(Rupiah(amount), locale)

    def test_indonesian_is_the_default(self):
        """Without a locale, and with None, the text is Indonesian."""
        assert ["Rp2.400.000"] * 2 == [
            format_rupiah(2_400_000),
            format_rupiah(2_400_000, None),
        ]

    def test_no_space_or_decimals_creep_in(self):
        """The pinned pattern has no non-breaking space and no sen."""
        text = format_rupiah(1_500_000)

        assert "\xa0" not in text
        assert "," not in text

    @pytest.mark.parametrize(
        "amount", [1.5, 1_500_000.0, True, False, Decimal(5), "1000", None]
    )
    def test_non_integer_amount_is_refused(self, amount):
        """Floats and bools never become money, not even for display."""
        with pytest.raises(InvalidFormat) as info:
            format_rupiah(amount)

        assert "rupiah.not_int" == info.value.error_code

    @given(
        st.integers(-(10**24), 10**24),
        st.sampled_from(sorted(RUPIAH_FORMS)),
    )
    def test_formatted_amount_parses_back_to_itself(self, amount, locale):
        """What is printed is exactly the amount, in both languages."""
        assert amount == parse_rupiah(format_rupiah(amount, locale), locale)


class TestFormatNumber:
    """Counts of people, families and places."""

    @pytest.mark.parametrize(
        ("value", "locale", "expected"),
        [
            (1_234_567, "id", "1.234.567"),
            (1_234_567, "en", "1,234,567"),
            (0, "id", "0"),
            (999, "en", "999"),
            (-12_000, "id", "-12.000"),
            (10_000_000_000, "en", "10,000,000,000"),
        ],
    )
    def test_known_counts(self, value, locale, expected):
        """Counts are grouped by thousands in the language's way."""
        assert expected == format_number(value, locale)

    @pytest.mark.parametrize("value", [1.0, True, Decimal(3), "12"])
    def test_non_integer_count_is_refused(self, value):
        """A count is an int."""
        with pytest.raises(InvalidFormat) as info:
            format_number(value)

        assert "l10n.not_int" == info.value.error_code

    @given(st.integers(-(10**40), 10**40))
    def test_count_parses_back_to_itself(self, value):
        """Removing the group separators gives the count back."""
        assert value == int(format_number(value, "id").replace(".", ""))


class TestFormatPercent:
    """Exact ratios shown as percentages."""

    @pytest.mark.parametrize(
        ("value", "locale", "digits", "expected"),
        [
            (Fraction(75, 70), "id", 2, "107,14%"),
            (Fraction(75, 70), "en", 2, "107.14%"),
            (Decimal("0.5"), "id", 2, "50,00%"),
            (1, "en", 2, "100.00%"),
            (0, "id", 2, "0,00%"),
            (Fraction(1, 3), "id", 0, "33%"),
            (Fraction(2, 3), "en", 1, "66.7%"),
            (Decimal("12.345"), "id", 2, "1.234,50%"),
            (Fraction(-1, 4), "id", 2, "-25,00%"),
            (Decimal("0.9999"), "en", 3, "99.990%"),
        ],
    )
    def test_known_percentages(self, value, locale, digits, expected):
        """Ratios read as percentages with the language's separators."""
        assert expected == format_percent(value, locale, digits)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Decimal("0.00125"), "0,13%"),
            (Decimal("0.00135"), "0,14%"),
            (Decimal("-0.00125"), "-0,13%"),
            (Decimal("0.001249999"), "0,12%"),
        ],
    )
    def test_halves_round_away_from_zero(self, value, expected):
        """Half-up rounding, not banker's rounding, and only once."""
        assert expected == format_percent(value)

    def test_tiny_negative_value_shows_no_minus_sign(self):
        """A value that rounds to zero is zero, not minus zero."""
        assert "0,00%" == format_percent(Fraction(-1, 10**6))

    @pytest.mark.parametrize("value", [0.5, True, "0.5", None])
    def test_inexact_ratio_is_refused(self, value):
        """Floats never reach a report: the ratio must be exact."""
        with pytest.raises(InvalidFormat) as info:
            format_percent(value)

        assert "l10n.percent_not_exact" == info.value.error_code

    @pytest.mark.parametrize(
        "value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]
    )
    def test_non_finite_ratio_is_refused(self, value):
        """NaN and infinity are not percentages."""
        with pytest.raises(InvalidFormat) as info:
            format_percent(value)

        assert "l10n.percent_not_finite" == info.value.error_code

    @pytest.mark.parametrize("digits", [-1, 1.0, True, None])
    def test_invalid_digits_are_refused(self, digits):
        """Digits are a count of decimals, 0 or more."""
        with pytest.raises(InvalidComponent) as info:
            format_percent(Fraction(1, 2), digits=digits)

        assert "l10n.percent_digits" == info.value.error_code

    @given(
        st.fractions(min_value=-1000, max_value=1000),
        st.integers(0, 6),
    )
    def test_shown_value_is_within_half_a_last_digit(self, value, digits):
        """Rounding happens once, at display, to the nearest step."""
        text = format_percent(value, "en", digits)
        shown = Fraction(Decimal(text.removesuffix("%").replace(",", "")))
        step = Fraction(1, 10**digits)

        assert abs(shown - value * 100) <= step / 2
