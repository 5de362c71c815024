"""Tests for dayasos.programs.kemensos_hadir and its scenario file."""

import datetime as dt

import pytest
from program_builders import ON, family, scenario_results, worker

from dayasos.ids import RegionCode
from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get
from dayasos.programs.kemensos_hadir import allocate_packages, package


RESULTS = scenario_results("kemensos_hadir")


class TestScenarios:
    """The cases of tests/scenarios/kemensos_hadir, decided here too."""

    @pytest.mark.parametrize(
        "result", RESULTS, ids=[r.case.name for r in RESULTS]
    )
    def test_case_is_decided_as_the_scenario_says(self, result):
        """Verdict, reasons and amounts match the scenario file."""
        assert result.passed, result.report()


class TestPackages:
    """The package and the quota of 100,000."""

    def test_package_holds_the_ten_items_worth_300_000(self):
        """Ten items, declared at Rp300,000 in 2020."""
        entry = get("KEMENSOS_HADIR")
        aid = package(entry.parameters, ON)

        assert 10 == len(aid.items)
        assert Rupiah(300_000) == aid.total_value

    def test_quota_is_shared_by_province_and_decile(self):
        """Two provinces, quota 100,000: every eligible family is served."""
        families = [
            family(f"k{i}", worker("w1"), region=RegionCode.parse(code))
            for i, code in enumerate(["31.71.01.1001", "32.01.01.2001"])
        ]
        families.append(family("k9", worker("w1", covid_affected=False)))
        result = allocate_packages(
            families, on=ON, params=get("KEMENSOS_HADIR").parameters
        )

        assert ["k0", "k1"] == [g.key for g in result.served]
        assert 100_000 - 2 == result.remaining

    def test_small_quota_goes_to_the_lowest_decile(self):
        """With one package, decile 1 beats decile 3 in one province."""
        entry = get("KEMENSOS_HADIR")
        reform = Reform(
            "satu paket",
            {
                "kemensos_hadir.quota": [
                    Override(
                        since=dt.date(2020, 4, 1),
                        until=dt.date(2021, 1, 1),
                        value=1,
                        reference=Reference(instrument="Simulasi", title="1"),
                    )
                ]
            },
        )
        families = [
            family("a", worker("w1"), decile=3),
            family("b", worker("w1"), decile=1),
        ]
        result = allocate_packages(
            families, on=ON, params=entry.parameters.with_reform(reform)
        )

        assert ["b"] == [g.key for g in result.served]
        assert ["a"] == [u.key for u in result.unserved]
