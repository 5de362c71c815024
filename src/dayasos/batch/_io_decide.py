"""
The object engine: families decided one at a time, as a result frame.

`decide_families` builds the frame `dayasos.batch.evaluate` gives, from
`CatalogueEntry.decide` on each family: the reference the columnar
engine is checked against, and the engine for rules it does not compile.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.model import Family, FamilyMember, Person, Relation
from dayasos.rules import Outcome, Verdict


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.policy import Reform
    from dayasos.programs import CatalogueEntry
    from dayasos.rules import Decision


__all__ = ["BASE_COLUMNS", "TAIL_COLUMNS", "decide_families", "result_schema"]

#: The result columns before the amounts and periods.
BASE_COLUMNS = pl.Schema(
    {
        "family_id": pl.String(),
        "program": pl.String(),
        "on": pl.Date(),
        "verdict": pl.String(),
        "failed": pl.List(pl.String()),
        "unknown": pl.List(pl.String()),
        "total": pl.Int64(),
    }
)
#: The result columns after the amounts and periods, for summaries.
TAIL_COLUMNS = pl.Schema({"province": pl.String(), "decile": pl.Int64()})


_PROBE = Family(
    id="probe",
    members=[FamilyMember(person=Person(id="probe"), relation=Relation.HEAD)],
)


def _parts(entry: CatalogueEntry) -> list[str]:
    entitlement = entry.program.entitlement
    if entitlement is None:
        return []
    return [c.code for c in entitlement.components] + [
        g.code for g in entitlement.grants
    ]


def result_schema(
    entry: CatalogueEntry, *, on: dt.date, reform: Reform | None = None
) -> pl.Schema:
    """
    The result columns of one programme on a date.

    ``family_id``, ``program``, ``on``, ``verdict``, ``failed`` and
    ``unknown`` (criterion codes), ``total``, one ``amount.<component>``
    per component or grant, one ``period.<period>`` per payment period
    of the year of `on`, ``province`` and ``decile``.

    >>> import datetime as dt
    >>> from dayasos.programs import get
    >>> schema = result_schema(get("BST"), on=dt.date(2020, 7, 21))
    >>> [n for n in schema.names() if n.startswith("amount.")]
    ['amount.bantuan']

    .. versionadded:: 0.1.0
    """
    periods = entry.decide(_PROBE, on=on, reform=reform).periods
    return pl.Schema(
        {
            **BASE_COLUMNS,
            **{f"amount.{code}": pl.Int64() for code in _parts(entry)},
            **{f"period.{code}": pl.Int64() for code in periods},
            **TAIL_COLUMNS,
        }
    )


def _row(
    family: Family, decision: Decision, parts: list[str], periods: list[str]
) -> tuple[object, ...]:
    eligible = decision.verdict is Verdict.ELIGIBLE
    amounts = dict.fromkeys(parts, 0)
    totals = dict.fromkeys(periods, 0)
    if eligible:
        for award in decision.awards:
            amounts[award.component] += int(award.amount)
        for period, amount in decision.totals:
            totals[period] += int(amount)
    outcomes = [(c.code, c.outcome) for c in decision.criteria]
    return (
        family.id,
        decision.program,
        decision.on,
        decision.verdict.value,
        [code for code, o in outcomes if o is Outcome.FAIL],
        [code for code, o in outcomes if o is Outcome.UNKNOWN],
        int(decision.total) if eligible else 0,
        *amounts.values(),
        *totals.values(),
        None if family.region is None else family.region.code[:2],
        family.decile,
    )


def decide_families(
    families: Iterable[Family],
    entry: CatalogueEntry,
    *,
    on: dt.date,
    reform: Reform | None = None,
) -> pl.DataFrame:
    """
    Decide families one object at a time, as a result frame.

    The ``"object"`` engine of `run_batch`: the same columns as
    `dayasos.batch.evaluate` (`result_schema`); amounts and periods are
    0 unless the family is eligible, a component's amount is summed over
    the members awarded it.

    >>> import datetime as dt
    >>> from dayasos.programs import get
    >>> from dayasos.synthetic import generate
    >>> frame = decide_families(
    ...     generate(3, seed=1), get("PKH"), on=dt.date(2020, 7, 21)
    ... )
    >>> frame.height, frame.get_column("program").unique().to_list()
    (3, ['PKH'])

    .. versionadded:: 0.1.0
    """
    schema = result_schema(entry, on=on, reform=reform)
    parts = _parts(entry)
    periods = [
        n.removeprefix("period.")
        for n in schema.names()
        if n.startswith("period.")
    ]
    rows = [
        _row(
            family, entry.decide(family, on=on, reform=reform), parts, periods
        )
        for family in families
    ]
    return pl.DataFrame(rows, schema=schema, orient="row")
