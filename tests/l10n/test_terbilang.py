"""Tests for dayasos.l10n terbilang: amounts in Indonesian words."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat
from dayasos.l10n import TERBILANG_LIMIT, terbilang
from dayasos.money import Rupiah


#: Amounts and their reading on a receipt.
KNOWN = [
    (0, "nol rupiah"),
    (1, "satu rupiah"),
    (10, "sepuluh rupiah"),
    (11, "sebelas rupiah"),
    (12, "dua belas rupiah"),
    (19, "sembilan belas rupiah"),
    (20, "dua puluh rupiah"),
    (21, "dua puluh satu rupiah"),
    (99, "sembilan puluh sembilan rupiah"),
    (100, "seratus rupiah"),
    (101, "seratus satu rupiah"),
    (110, "seratus sepuluh rupiah"),
    (111, "seratus sebelas rupiah"),
    (200, "dua ratus rupiah"),
    (999, "sembilan ratus sembilan puluh sembilan rupiah"),
    (1_000, "seribu rupiah"),
    (1_001, "seribu satu rupiah"),
    (1_100, "seribu seratus rupiah"),
    (2_000, "dua ribu rupiah"),
    (10_000, "sepuluh ribu rupiah"),
    (11_000, "sebelas ribu rupiah"),
    (21_000, "dua puluh satu ribu rupiah"),
    (100_000, "seratus ribu rupiah"),
    (101_000, "seratus satu ribu rupiah"),
    (
        999_999,
        (
            "sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan rupiah"
        ),
    ),
    (1_000_000, "satu juta rupiah"),
    (1_000_001, "satu juta satu rupiah"),
    (1_001_000, "satu juta seribu rupiah"),
    (1_500_000, "satu juta lima ratus ribu rupiah"),
    (
        1_234_567,
        (
            "satu juta dua ratus tiga puluh empat ribu "
            "lima ratus enam puluh tujuh rupiah"
        ),
    ),
    (2_400_000, "dua juta empat ratus ribu rupiah"),
    (100_000_000, "seratus juta rupiah"),
    (1_000_000_000, "satu miliar rupiah"),
    (2_000_000_000, "dua miliar rupiah"),
    (1_000_000_000_000, "satu triliun rupiah"),
    (1_001_000_000_000, "satu triliun satu miliar rupiah"),
    (1_000_000_000_000_000, "satu kuadriliun rupiah"),
    (
        3_061_200_000_000_000,
        "tiga kuadriliun enam puluh satu triliun dua ratus miliar rupiah",
    ),
]

DIGITS = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
SE = {
    "sepuluh": ["satu", "puluh"],
    "sebelas": ["satu", "belas"],
    "seratus": ["satu", "ratus"],
    "seribu": ["satu", "ribu"],
}
SCALES = {
    "kuadriliun": 10**15,
    "triliun": 10**12,
    "miliar": 10**9,
    "juta": 10**6,
    "ribu": 10**3,
    "ratus": 100,
    "puluh": 10,
}


def read_words(words):
    """Read Indonesian number words back into an integer."""
    if not words:
        return 0
    for scale, factor in SCALES.items():
        if scale in words:
            at = words.index(scale)
            return read_words(words[:at]) * factor + read_words(
                words[at + 1 :]
            )
    if words[-1] == "belas":
        return 10 + read_words(words[:-1])
    (digit,) = words
    return DIGITS[digit]


def read_terbilang(text):
    """Read a terbilang text back into an amount."""
    words = text.split()
    assert "rupiah" == words.pop()
    sign = 1
    if words[0] == "minus":
        sign = -1
        words.pop(0)
    expanded = [part for word in words for part in SE.get(word, [word])]
    return sign * read_words(expanded)


class TestTerbilang:
    """Amounts written in words as on receipts."""

    @pytest.mark.parametrize(("amount", "words"), KNOWN)
    def test_amount_reads_as_on_a_receipt(self, amount, words):
        """Each known amount is written the standard way."""
        assert words == terbilang(amount)

    @pytest.mark.parametrize(("amount", "words"), KNOWN)
    def test_rupiah_reads_like_its_int(self, amount, words):
        """A Rupiah and its int read the same."""
        assert words == terbilang(Rupiah(amount))

    def test_negative_amount_starts_with_minus(self):
        """A debt or a correction reads with minus in front."""
        assert "minus satu juta lima ratus ribu rupiah" == terbilang(
            Rupiah(-1_500_000)
        )

    def test_one_before_juta_is_satu(self):
        """*Se-* is for ratus and ribu only: one million is satu juta."""
        words = terbilang(1_100_000).split()

        assert ["satu", "juta", "seratus", "ribu", "rupiah"] == words

    def test_the_largest_amount_reads_to_the_end_of_the_scale(self):
        """The limit itself is written out."""
        words = terbilang(TERBILANG_LIMIT)

        assert words.startswith("sembilan ratus sembilan puluh sembilan ")
        assert "kuadriliun" in words

    @pytest.mark.parametrize(
        "amount", [TERBILANG_LIMIT + 1, -TERBILANG_LIMIT - 1, 10**30]
    )
    def test_amount_beyond_the_scale_is_refused(self, amount):
        """Past kuadriliun there are no words: InvalidComponent."""
        with pytest.raises(InvalidComponent) as info:
            terbilang(amount)

        assert "terbilang.out_of_range" == info.value.error_code

    @pytest.mark.parametrize("amount", [1.5, True, Decimal(1000), "1000"])
    def test_non_integer_amount_is_refused(self, amount):
        """Floats, bools, Decimals and strings are not amounts."""
        with pytest.raises(InvalidFormat) as info:
            terbilang(amount)

        assert "rupiah.not_int" == info.value.error_code

    @given(st.integers(-TERBILANG_LIMIT, TERBILANG_LIMIT))
    def test_any_amount_in_range_reads_back_to_itself(self, amount):
        """Within the scale, terbilang never raises and loses nothing."""
        words = terbilang(amount)

        assert amount == read_terbilang(words)
        assert words == terbilang(amount)

    @given(st.integers(0, 10**6))
    def test_words_are_lowercase_and_single_spaced(self, amount):
        """No capitals, no double or trailing spaces."""
        words = terbilang(amount)

        assert words == words.lower()
        assert words == " ".join(words.split())
