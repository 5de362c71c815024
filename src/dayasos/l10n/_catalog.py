"""
Message catalogs: stable codes in, sentences in Indonesian or English out.

The catalogs are gettext ``.po`` files under
``dayasos/l10n/locale/<lang>/LC_MESSAGES/``, read once at run time
(no compile step): ``dayasos.po`` for the foundation and one file per
area (``rules.po``, ``programs_pkh.po`` ...), merged; a code defined in
two files is an error.
Each ``msgid`` is a stable code such as ``nik.length`` or
``verdict.eligible``; each ``msgstr`` is a `str.format` template whose
placeholders are the parameters of the message.

>>> translate("verdict.eligible")
'layak'
>>> translate("record", "en", record="family", count=2, plural="s")
'family: 2 problems'

A template never crashes for want of a parameter:
the placeholder is shown as it is.

>>> translate("allocate.negative_weight")
'bobot tidak boleh negatif, diberikan {value}'
"""

from __future__ import annotations

import functools
import importlib.resources
import string
import types
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po

from dayasos.errors import ConfigurationError, DayasosError, RecordError
from dayasos.l10n._locale import LocaleArg, resolve_locale


if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


__all__ = [
    "format_error",
    "list_codes",
    "translate",
]

_DOMAIN = "dayasos"
_FALLBACK = "en"


@functools.cache
def templates(language: str) -> Mapping[str, str]:
    """
    Return the catalog of a language as a read-only ``{code: template}``.

    Each file is read once per process.

    Entries without a translation and fuzzy entries are left out,
    as gettext does.

    .. versionadded:: 0.1.0
    """
    folder = (
        importlib.resources.files("dayasos.l10n")
        / "locale"
        / language
        / "LC_MESSAGES"
    )
    merged: dict[str, str] = {}
    owner: dict[str, str] = {}
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith(".po")),
        key=lambda f: f.name,
    )
    for resource in files:
        with resource.open("rb") as file:
            catalog = read_po(file, locale=language, domain=_DOMAIN)
        for message in catalog:
            if not (
                isinstance(message.id, str)
                and message.id
                and isinstance(message.string, str)
                and message.string
                and not message.fuzzy
            ):
                continue
            if message.id in merged:
                msg = (
                    f"message code {message.id!r} is defined in both "
                    f"{owner[message.id]} and {resource.name} ({language})"
                )
                raise ConfigurationError(msg, code="l10n.duplicate_code")
            merged[message.id] = message.string
            owner[message.id] = resource.name
    return types.MappingProxyType(merged)


class _Missing:
    """A parameter the template asks for and the caller did not give."""

    __slots__ = ("field",)

    def __init__(self, field: str) -> None:
        self.field = field


class _LenientFormatter(string.Formatter):
    """`str.format` that shows ``{name}`` for a missing parameter."""

    def get_field(
        self,
        field_name: str,
        args: Sequence[object],
        kwargs: Mapping[str, object],
    ) -> tuple[object, str]:
        try:
            found: tuple[object, str] = super().get_field(
                field_name, args, kwargs
            )
        except (KeyError, IndexError, AttributeError, TypeError):
            return _Missing(field_name), field_name
        return found

    def convert_field(self, value: object, conversion: str | None) -> object:
        if isinstance(value, _Missing):
            suffix = f"!{conversion}" if conversion else ""
            return _Missing(value.field + suffix)
        return super().convert_field(value, conversion)

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, _Missing):
            suffix = f":{format_spec}" if format_spec else ""
            return "{" + value.field + suffix + "}"
        try:
            return str(super().format_field(value, format_spec))
        except (TypeError, ValueError):
            return str(value)


_FORMATTER = _LenientFormatter()


def fill(template: str, params: Mapping[str, object]) -> str:
    """
    Fill a `str.format` template, leaving what cannot be filled visible.

    >>> fill("{count} of {total}", {"count": 3})
    '3 of {total}'

    .. versionadded:: 0.1.0
    """
    try:
        # The common case, every parameter given: the fast C formatter.
        return template.format_map(params)
    except (KeyError, IndexError, AttributeError, TypeError, ValueError):
        pass
    try:
        return _FORMATTER.vformat(template, (), params)
    except (ValueError, IndexError):
        # A template that is not valid str.format syntax is shown as is.
        return template


def _lookup(code: str, language: str) -> str | None:
    found = templates(language).get(code)
    if found is None and language != _FALLBACK:
        found = templates(_FALLBACK).get(code)
    return found


def translate(code: str, /, locale: LocaleArg = "id", **params: object) -> str:
    """
    Render the message with code `code` in a language.

    An unknown code falls back to the English catalog,
    then to the code itself.

    >>> translate("sex.female", "en")
    'female'
    >>> translate("no.such.code")
    'no.such.code'

    Args:
        code: The stable message code (the catalog's ``msgid``).
        locale: ``"id"`` (default) or ``"en"``.
        params: Values for the template's placeholders.

    Raises:
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    language = resolve_locale(locale)
    template = _lookup(code, language)
    if template is None:
        return code
    return fill(template, params)


def list_codes(locale: LocaleArg = "id") -> list[str]:
    """
    Return every code the catalog of a language translates, sorted.

    >>> "verdict.undetermined" in list_codes()
    True

    .. versionadded:: 0.1.0
    """
    return sorted(templates(resolve_locale(locale)))


def _template_of(error: DayasosError, language: str) -> str:
    own = type(error)
    if error.error_code == own.code and error.template != own.message:
        # A generic class code with a purpose-written message: the code
        # does not say what the message says, so the message wins.
        return error.template
    return templates(language).get(error.error_code, error.template)


def _error_lines(error: DayasosError, language: str) -> list[str]:
    text = fill(_template_of(error, language), error.params)
    lines = [f"{error.path}: {text}" if error.path else text]
    if isinstance(error, RecordError):
        for problem in error.problems:
            lines.extend(
                "  " + line for line in _error_lines(problem.error, language)
            )
    return lines


def format_error(error: DayasosError, locale: LocaleArg = "id") -> str:
    """
    Render an error for people, as ``path: message``.

    The message is the catalog's template for ``error.error_code``,
    filled with ``error.params``; without an entry for the code it is the
    error's own English template.
    A `RecordError` gives its summary line, then one indented line per
    problem.

    >>> from dayasos.errors import ValidationError
    >>> error = ValidationError(
    ...     "weights must not be negative, got {value}",
    ...     code="allocate.negative_weight",
    ...     path="weights[1]",
    ...     value=-2,
    ... )
    >>> format_error(error)
    'weights[1]: bobot tidak boleh negatif, diberikan -2'
    >>> format_error(error, locale="en")
    'weights[1]: weights must not be negative, got -2'

    Raises:
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    language = resolve_locale(locale)
    return "\n".join(_error_lines(error, language))
