"""Tests for dayasos.l10n locale arguments."""

import datetime as dt
from fractions import Fraction

import babel
import pytest

from dayasos.errors import ConfigurationError, InvalidLength
from dayasos.l10n import (
    SUPPORTED_LOCALES,
    format_date,
    format_error,
    format_number,
    format_percent,
    format_period,
    format_rupiah,
    list_codes,
    resolve_locale,
    translate,
)
from dayasos.periods import Quarter


#: Each public function called with only a locale to vary.
CALLS = {
    "format_rupiah": lambda locale: format_rupiah(1_000, locale),
    "format_number": lambda locale: format_number(1_000, locale),
    "format_percent": lambda locale: format_percent(Fraction(1, 2), locale),
    "format_date": lambda locale: format_date(dt.date(2020, 7, 21), locale),
    "format_period": lambda locale: format_period(Quarter(2020, 3), locale),
    "translate": lambda locale: translate("verdict.eligible", locale),
    "format_error": lambda locale: format_error(
        InvalidLength("too short", code="nik.length"), locale
    ),
    "list_codes": list_codes,
}


class TestResolveLocale:
    """What a locale argument may be."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (None, "id"),
            ("id", "id"),
            ("en", "en"),
            ("id_ID", "id"),
            ("id-ID", "id"),
            ("en_US", "en"),
            ("en_GB", "en"),
            (babel.Locale("id"), "id"),
            (babel.Locale("en", "US"), "en"),
        ],
    )
    def test_language_is_what_counts(self, locale, expected):
        """Regions and spellings of the same language resolve alike."""
        assert expected == resolve_locale(locale)

    def test_supported_locales_are_indonesian_then_english(self):
        """Indonesian is the default and comes first."""
        assert ("id", "en") == SUPPORTED_LOCALES

    @pytest.mark.parametrize(
        "locale", ["fr", "jv", "xx", "", "not a locale", babel.Locale("ms"), 5]
    )
    def test_unsupported_locale_names_the_supported_ones(self, locale):
        """An unknown locale is a ConfigurationError listing id and en."""
        with pytest.raises(ConfigurationError) as info:
            resolve_locale(locale)

        assert "l10n.unknown_locale" == info.value.error_code
        assert "id, en" in str(info.value)


@pytest.mark.parametrize("name", sorted(CALLS))
class TestEveryFunctionTakesALocale:
    """The locale argument means the same everywhere."""

    def test_none_means_indonesian(self, name):
        """None and "id" give the same text."""
        call = CALLS[name]

        assert call("id") == call(None)

    def test_babel_locale_is_accepted(self, name):
        """A babel Locale works like its language code."""
        call = CALLS[name]

        assert call("en") == call(babel.Locale("en", "GB"))

    def test_unsupported_locale_is_refused(self, name):
        """Every function refuses a language dayasos does not speak."""
        with pytest.raises(ConfigurationError):
            CALLS[name]("fr")
