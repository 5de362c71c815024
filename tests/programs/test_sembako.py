"""Tests for dayasos.programs.sembako, and its scenario file run directly."""

import datetime as dt

import pytest
from program_builders import one_family, scenario_results

from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get


RESULTS = scenario_results("sembako")


class TestScenarios:
    """The cases of tests/scenarios/sembako, decided here too."""

    @pytest.mark.parametrize(
        "result", RESULTS, ids=[r.case.name for r in RESULTS]
    )
    def test_case_is_decided_as_the_scenario_says(self, result):
        """Verdict, reasons and amounts match the scenario file."""
        assert result.passed, result.report()


class TestMonthlyRates:
    """Each month is paid the rate in force that month."""

    def test_reform_of_one_month_changes_that_month_only(self):
        """A higher rate from December 2020 raises December alone."""
        reform = Reform(
            "desember",
            {
                "sembako.amount": [
                    Override(
                        since=dt.date(2020, 12, 1),
                        until=dt.date(2021, 1, 1),
                        value=Rupiah(300_000),
                        reference=Reference(instrument="Simulasi", title="x"),
                    )
                ]
            },
        )
        decision = get("SEMBAKO").decide(
            one_family(), on=dt.date(2020, 7, 1), reform=reform
        )
        totals = dict(decision.totals)

        assert Rupiah(300_000) == totals["2020-T12"]
        assert Rupiah(200_000) == totals["2020-T11"]
        assert Rupiah(2_400_000) == decision.total
