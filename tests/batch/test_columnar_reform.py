"""A reform against the baseline, in one call."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dayasos.batch import Tables, compare_reform, evaluate
from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get
from dayasos.synthetic import generate_tables


ON = dt.date(2021, 7, 1)


def _reform(amount):
    """PKH's lansia component at `amount` from 2021."""
    return Reform(
        "lansia",
        {
            "pkh.amount.lansia": [
                Override(
                    since=dt.date(2021, 1, 1),
                    value=Rupiah(amount),
                    reference=Reference(instrument="Simulasi", title="x"),
                )
            ]
        },
    )


@pytest.fixture(scope="module")
def tables():
    """Three thousand seeded synthetic families."""
    return Tables.concat(generate_tables(3000, seed=11))


class TestCompareReform:
    """Who gains, who loses, what it costs, by province and decile."""

    def test_a_higher_lansia_amount_costs_the_difference_of_totals(
        self, tables
    ):
        """Rp3,000,000 for the elderly: the delta is the totals' difference."""
        reform = _reform(3_000_000)
        comparison = compare_reform(tables, get("PKH"), reform, on=ON)
        base = evaluate(tables, get("PKH"), on=ON)
        reformed = evaluate(tables, get("PKH"), on=ON, reform=reform)

        assert 0 < comparison.gainers
        assert 3000 == (
            comparison.gainers + comparison.losers + comparison.unchanged
        )
        assert (
            reformed.get_column("total").sum() - base.get_column("total").sum()
            == comparison.cost_delta
        )

    def test_a_lower_amount_makes_losers_and_saves(self, tables):
        """Rp1,000,000 for the elderly: a negative cost delta."""
        comparison = compare_reform(
            tables, get("PKH"), _reform(1_000_000), on=ON
        )

        assert 0 == comparison.gainers
        assert 0 < comparison.losers
        assert 0 > comparison.cost_delta

    def test_summaries_add_up_to_the_totals(self, tables):
        """Provinces and deciles each add up to the whole."""
        comparison = compare_reform(
            tables, get("PKH"), _reform(3_000_000), on=ON
        )
        base = evaluate(tables, get("PKH"), on=ON)

        for summary in (comparison.by_province, comparison.by_decile):
            assert comparison.cost_delta == summary.get_column("delta").sum()
            assert comparison.gainers == summary.get_column("gainers").sum()
            assert 3000 == summary.get_column("families").sum()
            assert (
                base.get_column("total").sum()
                == summary.get_column("baseline_cost").sum()
            )

    def test_the_family_table_lists_each_change(self, tables):
        """One row per family with its verdicts, totals and change."""
        comparison = compare_reform(
            tables, get("PKH"), _reform(3_000_000), on=ON
        )
        by_family = comparison.by_family

        assert tables.families.height == by_family.height
        assert {"gain", "loss", "unchanged"} >= set(
            by_family.get_column("change")
        )
        assert by_family.filter(pl.col("change") == "gain").height == (
            comparison.gainers
        )
