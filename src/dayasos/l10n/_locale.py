"""
Which language to speak: `locale` arguments resolved to ``id`` or ``en``.

Every function of `dayasos.l10n` takes ``locale: Locale | str | None``.
Only the language counts: ``"id_ID"``, ``"id-ID"`` and
``Locale("id")`` all mean Indonesian, ``"en_GB"`` means English,
and ``None`` means Indonesian, the default.
"""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

from dayasos.errors import ConfigurationError


__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "LocaleArg",
    "babel_locale",
    "resolve_locale",
]

#: The languages dayasos speaks, the default first.
SUPPORTED_LOCALES: tuple[str, ...] = ("id", "en")

#: The language used when ``locale`` is ``None``.
DEFAULT_LOCALE = "id"

#: What a ``locale`` argument may be.
LocaleArg = Locale | str | None


@functools.lru_cache(maxsize=64)
def _language_of(text: str) -> str | None:
    try:
        return str(Locale.parse(text.strip().replace("-", "_")).language)
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def resolve_locale(locale: LocaleArg) -> str:
    """
    Return the language code (``"id"`` or ``"en"``) a `locale` asks for.

    >>> resolve_locale("id_ID"), resolve_locale("en-GB"), resolve_locale(None)
    ('id', 'en', 'id')

    Raises:
        ConfigurationError: when the locale is not one dayasos speaks.

    .. versionadded:: 0.1.0
    """
    if locale is None:
        return DEFAULT_LOCALE
    language: str | None = None
    if isinstance(locale, Locale):
        language = str(locale.language)
    elif isinstance(locale, str):
        language = _language_of(locale)
    if language in SUPPORTED_LOCALES:
        return language
    supported = ", ".join(SUPPORTED_LOCALES)
    message = (
        "unsupported locale {value!r}; dayasos speaks {supported}, "
        'e.g. locale="id"'
    )
    raise ConfigurationError(
        message,
        code="l10n.unknown_locale",
        path="locale",
        value=str(locale),
        supported=supported,
    )


@functools.cache
def babel_locale(language: str) -> Locale:
    """
    Return babel's `Locale` for a resolved language code.

    .. versionadded:: 0.1.0
    """
    return Locale.parse(language)
