"""
A reform against the baseline: who gains, who loses, what it costs.

>>> import datetime as dt
>>> from dayasos.money import Rupiah
>>> from dayasos.policy import Override, Reference, Reform
>>> from dayasos.programs import get
>>> from dayasos.synthetic import generate_tables
>>> tables = next(generate_tables(200, seed=1))
>>> reform = Reform("lansia 3jt", {"pkh.amount.lansia": [Override(
...     since=dt.date(2021, 1, 1), value=Rupiah(3_000_000),
...     reference=Reference(instrument="Simulasi", title="3jt"))]})
>>> comparison = compare_reform(
...     tables, get("PKH"), reform, on=dt.date(2021, 7, 1)
... )
>>> comparison.losers, comparison.cost_delta > 0
(0, True)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch._columnar import evaluate


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.batch._tables import Tables
    from dayasos.policy import Reform
    from dayasos.programs import CatalogueEntry


__all__ = ["ReformComparison", "compare_reform"]


@attrs.frozen(kw_only=True, eq=False)
class ReformComparison:
    """
    A programme decided with and without a reform, family by family.

    Args:
        by_family: ``family_id``, ``province``, ``decile``, the verdict
            and total before (``baseline_*``) and after (``reform_*``),
            ``delta`` (rupiah) and ``change`` (``gain``, ``loss``,
            ``unchanged``).
        by_province: per province: ``families``, ``gainers``,
            ``losers``, ``baseline_cost``, ``reform_cost``, ``delta``.
        by_decile: the same per welfare decile.
        gainers: How many families receive more.
        losers: How many families receive less.
        unchanged: How many families receive the same.
        cost_delta: The reform's cost minus the baseline's, in rupiah.

    .. versionadded:: 0.1.0
    """

    by_family: pl.DataFrame
    by_province: pl.DataFrame
    by_decile: pl.DataFrame
    gainers: int
    losers: int
    unchanged: int
    cost_delta: int


def _summary(by_family: pl.DataFrame, key: str) -> pl.DataFrame:
    delta = pl.col("delta")
    return (
        by_family.group_by(key)
        .agg(
            pl.len().cast(pl.Int64).alias("families"),
            (delta > 0).sum().cast(pl.Int64).alias("gainers"),
            (delta < 0).sum().cast(pl.Int64).alias("losers"),
            pl.col("baseline_total").sum().alias("baseline_cost"),
            pl.col("reform_total").sum().alias("reform_cost"),
            delta.sum().alias("delta"),
        )
        .sort(key, nulls_last=True)
    )


def compare_reform(
    tables: Tables,
    entry: CatalogueEntry,
    reform: Reform,
    *,
    on: dt.date,
) -> ReformComparison:
    """
    Decide `entry` with and without `reform` and compare the totals.

    Raises:
        NotSupported: as `evaluate`.
        ParameterError: as `evaluate`, with or without the reform.

    .. versionadded:: 0.1.0
    """
    base = evaluate(tables, entry, on=on)
    reformed = evaluate(tables, entry, on=on, reform=reform)
    delta = pl.col("reform_total") - pl.col("baseline_total")
    by_family = pl.DataFrame(
        {
            "family_id": base.get_column("family_id"),
            "province": base.get_column("province"),
            "decile": base.get_column("decile"),
            "baseline_verdict": base.get_column("verdict"),
            "reform_verdict": reformed.get_column("verdict"),
            "baseline_total": base.get_column("total"),
            "reform_total": reformed.get_column("total"),
        }
    ).with_columns(
        delta.alias("delta"),
        pl.when(delta > 0)
        .then(pl.lit("gain"))
        .when(delta < 0)
        .then(pl.lit("loss"))
        .otherwise(pl.lit("unchanged"))
        .alias("change"),
    )
    counts = by_family.get_column("change").value_counts()
    found = dict(zip(counts["change"], counts["count"], strict=True))
    return ReformComparison(
        by_family=by_family,
        by_province=_summary(by_family, "province"),
        by_decile=_summary(by_family, "decile"),
        gainers=int(found.get("gain", 0)),
        losers=int(found.get("loss", 0)),
        unchanged=int(found.get("unchanged", 0)),
        cost_delta=int(by_family.get_column("delta").sum()),
    )
