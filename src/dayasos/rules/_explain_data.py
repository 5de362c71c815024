"""
A decision's explanation as catalog codes and values.

`dayasos.l10n` renders each `ExplainItem` in Indonesian or English;
this module only chooses the codes, the values and their order:

- ``rules.verdict.eligible`` / ``.ineligible`` / ``.undetermined``
  with ``program`` and ``on``;
- ``rules.criterion.pass`` / ``.fail`` / ``.unknown`` with
  ``criterion``, ``reference`` and ``inputs`` (``path=value`` pairs);
- ``rules.missing`` with ``path``, one per input still needed;
- ``rules.award`` with ``member``, ``component`` and ``amount``;
- ``rules.total.period`` with ``period`` and ``amount``;
- ``rules.total.year`` with ``year`` and ``amount``;
- ``rules.entitlement.incomplete`` when a component could not be
  decided.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.rules._decision import ExplainItem, Verdict


if TYPE_CHECKING:
    from dayasos.rules._decision import Decision


__all__ = ["CODES", "explain"]

#: Every code `explain` emits, for the l10n catalogs.
CODES = (
    "rules.verdict.eligible",
    "rules.verdict.ineligible",
    "rules.verdict.undetermined",
    "rules.criterion.pass",
    "rules.criterion.fail",
    "rules.criterion.unknown",
    "rules.missing",
    "rules.award",
    "rules.total.period",
    "rules.total.year",
    "rules.entitlement.incomplete",
)


def _shown(value: object) -> object:
    found = getattr(value, "value", value)
    return found if type(value).__name__ not in ("NIK", "KK") else "****"


def explain(decision: Decision) -> tuple[ExplainItem, ...]:
    """
    The explanation lines of `decision`, in reading order.

    .. versionadded:: 0.1.0
    """
    items = [
        ExplainItem(
            f"rules.verdict.{decision.verdict.value}",
            (("program", decision.program), ("on", decision.on)),
        )
    ]
    for result in decision.criteria:
        inputs = ", ".join(
            f"{path}={_shown(value)}" for path, value in result.inputs
        )
        items.append(
            ExplainItem(
                f"rules.criterion.{result.outcome.value}",
                (
                    ("criterion", result.code),
                    ("reference", str(result.reference or "")),
                    ("inputs", inputs),
                ),
            )
        )
    items.extend(
        ExplainItem("rules.missing", (("path", path),))
        for path in decision.missing
    )
    if decision.verdict is not Verdict.ELIGIBLE:
        return tuple(items)
    items.extend(
        ExplainItem(
            "rules.award",
            (
                ("member", award.member),
                ("component", award.component),
                ("amount", award.amount),
            ),
        )
        for award in decision.awards
    )
    items.extend(
        ExplainItem("rules.total.period", (("period", p), ("amount", a)))
        for p, a in decision.totals
    )
    items.append(
        ExplainItem(
            "rules.total.year",
            (("year", decision.year), ("amount", decision.total)),
        )
    )
    if not decision.entitlement_complete:
        items.append(ExplainItem("rules.entitlement.incomplete"))
    return tuple(items)
