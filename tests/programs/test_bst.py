"""Tests for dayasos.programs.bst, and its scenario file run directly."""

import datetime as dt

import pytest
from program_builders import one_family, scenario_results

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.programs import get


RESULTS = scenario_results("bst")


class TestScenarios:
    """The cases of tests/scenarios/bst, decided here too."""

    @pytest.mark.parametrize(
        "result", RESULTS, ids=[r.case.name for r in RESULTS]
    )
    def test_case_is_decided_as_the_scenario_says(self, result):
        """Verdict, reasons and amounts match the scenario file."""
        assert result.passed, result.report()


class TestPeriod:
    """BST starts in April 2020."""

    def test_before_april_2020_there_is_no_bst(self):
        """No amount is in force in March 2020, so nothing is decided."""
        with pytest.raises(ParameterError):
            get("BST").decide(one_family(), on=dt.date(2020, 3, 31))

    def test_first_month_pays_600_000(self):
        """April 2020 is the first tahap of the year, at Rp600,000."""
        decision = get("BST").decide(one_family(), on=dt.date(2020, 4, 1))

        assert ("2020-T1", Rupiah(600_000)) == decision.totals[0]
