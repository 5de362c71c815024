"""
Words for people, in Indonesian (the default) and English.

Money, counts, percentages, dates, periods and messages.

The core of dayasos emits codes and values;
this package turns them into text.
It is the only part of dayasos that uses babel,
always with pinned patterns so the output does not move between
babel versions.

>>> from dayasos.money import Rupiah
>>> format_rupiah(Rupiah(1_500_000))
'Rp1.500.000'
>>> terbilang(Rupiah(1_500_000))
'satu juta lima ratus ribu rupiah'
>>> translate("verdict.ineligible")
'tidak layak'

Every function takes ``locale: babel.Locale | str | None``:
``"id"`` and ``"en"`` (with any region, e.g. ``"id_ID"``);
``None`` means ``"id"``.
Any other language raises `dayasos.errors.ConfigurationError`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.l10n._catalog import format_error, list_codes, translate
from dayasos.l10n._dates import PeriodLike, format_date, format_period
from dayasos.l10n._explain import explain_decision
from dayasos.l10n._locale import (
    DEFAULT_LOCALE,
    SUPPORTED_LOCALES,
    resolve_locale,
)
from dayasos.l10n._numbers import format_number, format_percent, format_rupiah
from dayasos.l10n._terbilang import TERBILANG_LIMIT, terbilang


__all__ = [
    "DEFAULT_LOCALE",
    "SUPPORTED_LOCALES",
    "TERBILANG_LIMIT",
    "PeriodLike",
    "explain_decision",
    "format_date",
    "format_error",
    "format_number",
    "format_percent",
    "format_period",
    "format_rupiah",
    "list_codes",
    "resolve_locale",
    "terbilang",
    "translate",
]
