"""
A decision explained in words, for a citizen or an officer.

`explain_decision` renders a `dayasos.rules.Decision` in Indonesian or
English: the verdict; each criterion as the regulation states it, with
its outcome, the values read, the parameter values and the legal basis;
the inputs still missing; and the amounts per member and component, per
period and for the year (with *terbilang* in Indonesian).

The words come from the catalogs, by code:

- a criterion ``X`` reads as the catalog entry ``X``, filled with the
  values of its parameters (by the last dotted part of their names);
- a component ``c`` of programme ``P`` reads as ``component.<p>.<c>``;
- a programme reads as ``program.<p>``;
- the frame of the text uses the codes of
  `dayasos.rules.EXPLAIN_CODES` and ``rules.explain.*``.

A code without an entry reads as itself, so a new criterion never
breaks an explanation.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import DayasosError
from dayasos.l10n._catalog import templates, translate
from dayasos.l10n._dates import format_date, format_period
from dayasos.l10n._locale import LocaleArg, resolve_locale
from dayasos.l10n._numbers import format_number, format_percent, format_rupiah
from dayasos.l10n._terbilang import terbilang
from dayasos.money import Rupiah
from dayasos.periods import PeriodKind, parse_period


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.model import LegalReference
    from dayasos.policy import Reference
    from dayasos.rules import CriterionResult, Decision, ParameterUse


__all__ = ["explain_decision"]

#: How many input values a criterion shows before it summarises the rest.
MAX_INPUTS = 8

_TAHAP = re.compile(r"(?P<year>[0-9]{4})-T(?P<number>[0-9]+)")
_PERSONAL = frozenset({"NIK", "KK"})


@attrs.frozen(kw_only=True)
class _TahapLabel:
    """A tahap read from its code, enough for `format_period`."""

    kind: PeriodKind
    year: int
    number: int
    start: dt.date


def _words(code: str, fallback: str, language: str) -> str:
    text = translate(code, language)
    return fallback if text == code else text


def format_value(value: object, language: str) -> str:  # noqa: C901 - one branch per value type
    """
    Write a value read or used by a rule, as people read it.

    >>> from dayasos.money import Rupiah
    >>> format_value(Rupiah(900_000), "id"), format_value(None, "en")
    ('Rp900.000', 'not recorded')

    .. versionadded:: 0.1.0
    """
    if value is None:
        return translate("rules.explain.value.none", language)
    if type(value).__name__ in _PERSONAL:
        return "****"
    text: str
    if isinstance(value, bool):
        text = translate(f"rules.explain.value.{str(value).lower()}", language)
    elif isinstance(value, Rupiah):
        text = format_rupiah(value, language)
    elif isinstance(value, int):
        text = format_number(value, language)
    elif isinstance(value, Fraction):
        text = format_percent(value, language)
    elif isinstance(value, Decimal):
        # A ``percent`` parameter: 25 means 25 %.
        text = format_percent(value / 100, language)
    elif isinstance(value, dt.date):
        text = format_date(value, language)
    elif isinstance(value, enum.Enum):
        text = _enum_word(value, language)
    elif isinstance(value, (tuple, list, frozenset, set)):
        items = [format_value(v, language) for v in value]
        if isinstance(value, (frozenset, set)):
            items.sort()
        text = ", ".join(items) if items else "-"
    else:
        text = str(value)
    return text


def _enum_word(value: enum.Enum, language: str) -> str:
    """The catalog's word for a coded value, else the code itself."""
    code = f"value.{type(value).__name__}.{value.value}"
    if code in templates(language):
        return translate(code, language)
    return str(value.value)


def format_reference(
    reference: LegalReference | Reference | None, language: str
) -> str:
    """
    Write a legal reference: instrument, number, year and article.

    .. versionadded:: 0.1.0
    """
    if reference is None:
        return "-"
    params = {
        "instrument": reference.instrument,
        "number": reference.number,
        "year": reference.year,
        "article": reference.article,
    }
    if reference.number is None or reference.year is None:
        code = "rules.explain.reference.bare"
    else:
        code = "rules.explain.reference"
    text = translate(code, language, **params)
    if reference.article:
        text = translate(
            "rules.explain.reference.article",
            language,
            reference=text,
            article=reference.article,
        )
    return text


def format_period_code(code: str, language: str) -> str:
    """
    Write a period code (``2020``, ``2020-Q3``, ``2020-T2``) as a label.

    A code that is not a period is shown as it is.

    >>> format_period_code("2020-T2", "id")
    'Tahap 2 2020'
    >>> format_period_code("2020", "en")
    'Fiscal year 2020'

    .. versionadded:: 0.1.0
    """
    match = _TAHAP.fullmatch(code)
    try:
        if match is not None:
            year = int(match["year"])
            return format_period(
                _TahapLabel(
                    kind=PeriodKind.TAHAP,
                    year=year,
                    number=int(match["number"]),
                    start=dt.date(year, 1, 1),
                ),
                language,
            )
        return format_period(parse_period(code), language)
    except (DayasosError, ValueError):
        return code


def _program_name(code: str, language: str) -> str:
    return _words(f"program.{code.lower()}", code, language)


def component_name(program: str, component: str, language: str) -> str:
    """
    The words for a component, ``component.<p>.<c>``, else its code.

    .. versionadded:: 0.1.0
    """
    return _words(
        f"component.{program.lower()}.{component}", component, language
    )


def criterion_text(result: CriterionResult, language: str) -> str:
    """
    The criterion as the regulation states it, with its parameter values.

    Falls back to the criterion's code when the catalog has no entry.

    .. versionadded:: 0.1.0
    """
    params = {
        use.name.rsplit(".", 1)[-1]: format_value(use.value, language)
        for use in result.parameters
    }
    return translate(result.code, language, **params)


def _inputs(result: CriterionResult, language: str) -> str:
    pairs = list(result.inputs)
    shown = [
        f"{path} = {format_value(value, language)}"
        for path, value in pairs[:MAX_INPUTS]
    ]
    if len(pairs) > MAX_INPUTS:
        shown.append(
            translate(
                "rules.explain.more",
                language,
                count=format_number(len(pairs) - MAX_INPUTS, language),
            )
        )
    return "; ".join(shown)


def _parameters(uses: Iterable[ParameterUse], language: str) -> str:
    return "; ".join(
        translate(
            "rules.explain.parameter",
            language,
            name=use.name,
            value=format_value(use.value, language),
            reference=format_reference(use.reference, language),
        )
        for use in uses
    )


def _criterion_lines(result: CriterionResult, language: str) -> list[str]:
    text = criterion_text(result, language)
    if text != result.code:
        text = f"{text} ({result.code})"
    lines = [
        "  "
        + translate(
            f"rules.criterion.{result.outcome.value}",
            language,
            criterion=text,
        )
    ]
    detail = "    "
    inputs = _inputs(result, language)
    if inputs:
        lines.append(
            detail + translate("rules.explain.inputs", language, inputs=inputs)
        )
    if result.parameters:
        lines.append(
            detail
            + translate(
                "rules.explain.parameters",
                language,
                parameters=_parameters(result.parameters, language),
            )
        )
    if result.missing:
        lines.append(
            detail
            + translate(
                "rules.explain.needs",
                language,
                paths=", ".join(result.missing),
            )
        )
    lines.append(
        detail
        + translate(
            "rules.explain.basis",
            language,
            reference=format_reference(result.reference, language),
        )
    )
    return lines


def _amount_lines(decision: Decision, language: str) -> list[str]:
    lines = [translate("rules.explain.awards", language)]
    lines.extend(
        "  "
        + translate(
            "rules.award",
            language,
            member=award.member,
            component=component_name(
                decision.program, award.component, language
            ),
            amount=format_rupiah(award.amount, language),
        )
        for award in decision.awards
    )
    if not decision.awards:
        lines.append("  " + translate("rules.explain.no_awards", language))
    lines.append(translate("rules.explain.periods", language))
    lines.extend(
        "  "
        + translate(
            "rules.total.period",
            language,
            period=format_period_code(period, language),
            amount=format_rupiah(amount, language),
        )
        for period, amount in decision.totals
    )
    lines.append(
        translate(
            "rules.total.year",
            language,
            year=decision.year,
            amount=format_rupiah(decision.total, language),
        )
    )
    if language == "id":
        lines.append(
            translate(
                "rules.explain.terbilang",
                language,
                words=terbilang(decision.total),
            )
        )
    if not decision.entitlement_complete:
        lines.append(translate("rules.entitlement.incomplete", language))
    return lines


def explain_decision(decision: Decision, locale: LocaleArg = "id") -> str:
    """
    Explain a decision in words: verdict, reasons, missing data, amounts.

    Args:
        decision: A `dayasos.rules.Decision`.
        locale: ``"id"`` (default) or ``"en"``.

    Returns:
        Lines of text: the verdict first, then the programme's legal
        basis, each criterion with its outcome, values, parameters and
        legal basis, the inputs still missing, and (when eligible) the
        amounts per member and component, per period and for the year.

    Raises:
        ConfigurationError: for a locale other than id and en.

    .. versionadded:: 0.1.0
    """
    language = resolve_locale(locale)
    lines = [
        translate(
            f"rules.verdict.{decision.verdict.value}",
            language,
            program=_program_name(decision.program, language),
            on=format_date(decision.on, language),
        ),
        translate(
            "rules.explain.program_basis",
            language,
            reference=format_reference(decision.reference, language),
        ),
        translate("rules.explain.criteria", language),
    ]
    for result in decision.criteria:
        lines.extend(_criterion_lines(result, language))
    if decision.missing:
        lines.append(translate("rules.explain.missing", language))
        lines.extend(
            "  " + translate("rules.missing", language, path=path)
            for path in decision.missing
        )
    if decision.verdict.value == "eligible":
        lines.extend(_amount_lines(decision, language))
    return "\n".join(lines)
