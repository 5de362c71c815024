"""The column checks of NIK, KK and region codes agree with dayasos.ids."""

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from dayasos.batch._tables_ids import (
    kk_suspect,
    nik_suspect,
    region_suspect,
    resolve_identifier,
)
from dayasos.ids import kk, nik, wilayah
from dayasos.testing.strategies import kk_values, nik_values, region_codes


DIGITS = st.text("0123456789", min_size=0, max_size=18)


@st.composite
def near_numbers(draw, valid):
    """A valid number with one digit changed, dropped or added, or itself."""
    number = draw(valid).reveal()
    at = draw(st.integers(0, len(number) - 1))
    change = draw(st.sampled_from(["keep", "swap", "drop", "add"]))
    digit = draw(st.sampled_from("0123456789"))
    if change == "swap":
        return number[:at] + digit + number[at + 1 :]
    if change == "drop":
        return number[:at] + number[at + 1 :]
    if change == "add":
        return number[:at] + digit + number[at:]
    return number


def flagged(check, values):
    """Which values a column check flags."""
    column = pl.Series(values, dtype=pl.String)
    return pl.select(check(pl.lit(column))).to_series().to_list()


class TestNikColumnCheck:
    """nik_suspect flags exactly the numbers nik.is_valid refuses."""

    @given(
        st.lists(near_numbers(nik_values()) | DIGITS, min_size=1, max_size=20)
    )
    def test_flags_agree_with_the_nik_module(self, values):
        """No valid NIK is flagged and no invalid one passes."""
        assert [not nik.is_valid(v) for v in values] == flagged(
            nik_suspect, values
        )

    def test_null_is_not_flagged(self):
        """A NIK not collected is no problem."""
        assert [False] == flagged(nik_suspect, [None])


class TestKkColumnCheck:
    """kk_suspect flags exactly the numbers kk.is_valid refuses."""

    @given(
        st.lists(near_numbers(kk_values()) | DIGITS, min_size=1, max_size=20)
    )
    def test_flags_agree_with_the_kk_module(self, values):
        """The same verdict as kk.is_valid."""
        assert [not kk.is_valid(v) for v in values] == flagged(
            kk_suspect, values
        )


@st.composite
def written_regions(draw):
    """Region codes written plain, dotted, or with one digit changed."""
    code = draw(region_codes())
    text = draw(st.sampled_from([code.code, str(code)]))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text) - 1))
        text = (
            text[:at] + draw(st.sampled_from("0123456789.")) + text[at + 1 :]
        )
    return text


class TestRegionColumnCheck:
    """region_suspect flags what reading a region code refuses."""

    @given(st.lists(written_regions(), min_size=1, max_size=20))
    def test_flags_agree_with_reading(self, values):
        """Flagged exactly when resolve_identifier finds a problem."""
        expected = [
            resolve_identifier("wilayah", v) is not None for v in values
        ]

        assert expected == flagged(region_suspect, values)

    def test_plain_and_dotted_forms_pass(self):
        """Both written forms of a valid code pass."""
        assert [False, False] == flagged(
            region_suspect, ["3171011001", "31.71.01.1001"]
        )

    def test_resolution_gives_the_wilayah_code(self):
        """The code comes from dayasos.ids."""
        code, message = resolve_identifier("wilayah", "99")

        assert "wilayah.province" == code
        assert not wilayah.is_valid("99")
        assert "province code" in message
