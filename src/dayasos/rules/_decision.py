"""
Decisions: the verdict, the reasons, the amounts and a receipt.

A `Decision` holds codes and values only; `dayasos.l10n` turns its
`explain_items` into Indonesian or English sentences.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
from typing import TYPE_CHECKING

import attrs

from dayasos.money import allocate
from dayasos.rules._canonical import canonical_value, reference_dict


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.model import LegalReference
    from dayasos.money import Rupiah
    from dayasos.policy import Reference, Value
    from dayasos.rules._compile import Prefix


__all__ = [
    "Award",
    "CriterionResult",
    "Decision",
    "ExplainItem",
    "LineItem",
    "Outcome",
    "ParameterUse",
    "Verdict",
]

#: Names the layout of a receipt; bump it when the layout changes.
RECEIPT_SCHEMA = "dayasos.rules.receipt/1"


class Verdict(enum.Enum):
    """
    The verdict on an entity.

    .. versionadded:: 0.1.0
    """

    #: Every criterion passes.
    ELIGIBLE = "eligible"
    #: Some criterion is known to fail.
    INELIGIBLE = "ineligible"
    #: No criterion fails, but some cannot be decided: inputs are missing.
    UNDETERMINED = "undetermined"


class Outcome(enum.Enum):
    """
    The outcome of one criterion (Kleene: true, false or unknown).

    .. versionadded:: 0.1.0
    """

    PASS = "pass"  # noqa: S105 - an outcome, not a password
    FAIL = "fail"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class ParameterUse:
    """
    A parameter value a decision used, with its legal reference.

    .. versionadded:: 0.1.0
    """

    name: str
    value: Value
    since: dt.date
    reference: Reference


def _format(prefix: Prefix, dotted: str) -> str:
    if prefix is None:
        return dotted
    return f"{prefix[0]}[{prefix[1]}].{dotted}"


def _inputs(
    reads: tuple[tuple[Prefix, str, object], ...],
) -> tuple[tuple[str, object], ...]:
    found: dict[str, object] = {}
    for prefix, dotted, value in reads:
        found.setdefault(_format(prefix, dotted), value)
    return tuple(found.items())


@attrs.frozen(kw_only=True)
class CriterionResult:
    """
    One criterion as decided: outcome, inputs, parameters, legal basis.

    .. versionadded:: 0.1.0
    """

    code: str
    outcome: Outcome
    parameters: tuple[ParameterUse, ...]
    reference: LegalReference | None
    missing: tuple[str, ...] = ()
    reads: tuple[tuple[Prefix, str, object], ...] = attrs.field(
        default=(), repr=False
    )

    @property
    def inputs(self) -> tuple[tuple[str, object], ...]:
        """Each input read, by its field path, in the order read."""
        return _inputs(self.reads)


@attrs.frozen(kw_only=True)
class Award:
    """
    One component awarded to one member, or a grant, for the year.

    .. versionadded:: 0.1.0
    """

    #: The member's id; for a grant (paid to the entity itself), the
    #: entity's own id (e.g. the family's).
    member: str
    component: str
    #: The amount for the year.
    amount: Rupiah
    #: The amount paid in each of the decision's periods, in order;
    #: they add up to `amount`. Empty: split equally (with `allocate`).
    shares: tuple[Rupiah, ...] = attrs.field(default=(), repr=False)


@attrs.frozen(kw_only=True)
class LineItem:
    """
    Who is paid, for which component, in which period, how much.

    .. versionadded:: 0.1.0
    """

    member: str
    component: str
    period: str
    amount: Rupiah


@attrs.frozen
class ExplainItem:
    """
    One line of an explanation: a catalog code and the values it shows.

    .. versionadded:: 0.1.0
    """

    code: str
    values: tuple[tuple[str, object], ...] = ()


@attrs.frozen(kw_only=True)
class Decision:
    """
    The decision on one entity for one programme on one date.

    .. versionadded:: 0.1.0
    """

    program: str
    on: dt.date
    verdict: Verdict
    criteria: tuple[CriterionResult, ...]
    #: Inputs still needed, by field path, in the order found.
    missing: tuple[str, ...]
    #: The fiscal year the amounts are for.
    year: int
    #: The components awarded, one line per member and component.
    awards: tuple[Award, ...]
    #: The periods the year's amounts are split over (tahap, or the year).
    periods: tuple[str, ...]
    #: The total paid in each period, in date order.
    totals: tuple[tuple[str, Rupiah], ...]
    #: The total for the year.
    total: Rupiah
    #: False when some component could not be decided (see `missing`).
    entitlement_complete: bool
    #: Every parameter value used, with its reference, by name then date
    #: (a monthly rate lists each value in force in a month of the year).
    parameters: tuple[ParameterUse, ...]
    rule_hash: str
    reference: LegalReference
    reads: tuple[tuple[Prefix, str, object], ...] = attrs.field(
        default=(), repr=False
    )

    @property
    def eligible(self) -> bool:
        """Whether the verdict is `Verdict.ELIGIBLE`."""
        return self.verdict is Verdict.ELIGIBLE

    @property
    def inputs(self) -> tuple[tuple[str, object], ...]:
        """Every input value the decision read, by field path."""
        return _inputs(self.reads)

    @property
    def line_items(self) -> tuple[LineItem, ...]:
        """
        Each award's share of each period, award by award.

        They add up, period by period, to `totals`.

        .. versionadded:: 0.1.0
        """
        weights = [1] * len(self.periods)
        return tuple(
            LineItem(
                member=award.member,
                component=award.component,
                period=period,
                amount=share,
            )
            for award in self.awards
            for period, share in zip(
                self.periods,
                award.shares or allocate(award.amount, weights),
                strict=True,
            )
        )

    def criterion(self, code: str) -> CriterionResult:
        """
        The result of the criterion `code`.

        Raises:
            KeyError: when the programme has no such criterion.

        .. versionadded:: 0.1.0
        """
        for result in self.criteria:
            if result.code == code:
                return result
        raise KeyError(code)

    def input_hash(self) -> str:
        """
        SHA-256 of the canonical JSON of every input value read.

        Identifiers (NIK, KK) are left out.

        .. versionadded:: 0.1.0
        """
        pairs = sorted(
            [path, canonical_value(value)]
            for path, value in self.inputs
            if not _personal(value)
        )
        return hashlib.sha256(_dumps(pairs).encode("utf-8")).hexdigest()

    def receipt(self) -> str:
        """
        A canonical JSON receipt of the decision.

        Sorted keys, no spaces: the same inputs and parameters give the
        same bytes in any process.
        It names the rule hash, the parameter values used with their
        references, a hash of the inputs, the verdict, the reasons and
        the amounts.

        .. versionadded:: 0.1.0
        """
        dayasos_version = _package_version()
        document = {
            "schema": RECEIPT_SCHEMA,
            "dayasos": dayasos_version,
            "program": self.program,
            "on": self.on.isoformat(),
            "rule_hash": self.rule_hash,
            "parameters": [
                {
                    "name": use.name,
                    "value": canonical_value(use.value),
                    "since": use.since.isoformat(),
                    "reference": reference_dict(use.reference),
                }
                for use in self.parameters
            ],
            "input_hash": self.input_hash(),
            "verdict": self.verdict.value,
            "reasons": [
                {"code": c.code, "outcome": c.outcome.value}
                for c in self.criteria
            ],
            "missing": list(self.missing),
            "amounts": {
                "year": self.year,
                "total": self.total.amount,
                "complete": self.entitlement_complete,
                "periods": [[p, a.amount] for p, a in self.totals],
                "awards": [
                    [a.member, a.component, a.amount.amount]
                    for a in self.awards
                ],
            },
        }
        return _dumps(document)

    def explain(self, locale: str = "id") -> str:
        """
        The decision explained in words, in Indonesian or English.

        The rules engine emits codes; `dayasos.l10n.explain_decision`
        turns them into sentences (see there).

        Args:
            locale: ``"id"`` (default) or ``"en"``.

        .. versionadded:: 0.1.0
        """
        # The one upward import of the rules layer, allowed by name in
        # tests/test_architecture.py: the words live in l10n.
        from dayasos.l10n import explain_decision  # noqa: PLC0415

        return explain_decision(self, locale)

    def explain_items(self) -> tuple[ExplainItem, ...]:
        """
        The explanation as catalog codes and values, in reading order.

        .. versionadded:: 0.1.0
        """
        from dayasos.rules._explain_data import explain  # noqa: PLC0415

        return explain(self)


@functools.cache
def _package_version() -> str:
    """The installed version of dayasos, read once per process."""
    from importlib.metadata import (  # noqa: PLC0415 - only for receipts
        PackageNotFoundError,
        version,
    )

    try:
        return version("dayasos")
    except PackageNotFoundError:  # pragma: no cover - always installed
        return "unknown"


def _personal(value: object) -> bool:
    return type(value).__name__ in ("NIK", "KK")


def _dumps(document: object) -> str:
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
