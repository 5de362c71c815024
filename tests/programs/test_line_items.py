"""Line items, period totals and the yearly total agree, per programme."""

import datetime as dt
from collections import Counter

import pytest
from program_builders import SCENARIOS, family, one_family, person, six_members

from dayasos.model import Family, PregnancyStatus
from dayasos.programs import catalogue
from dayasos.scenarios import load_scenario, run_scenario


def _scenario_decisions():
    """Every decision of every scenario file, with its programme."""
    found = []
    for path in sorted(SCENARIOS.glob("*/*.toml")):
        if path.parent.name == "example":
            continue
        found.extend(
            (result.decision.program, result)
            for result in run_scenario(load_scenario(path))
            if result.decision is not None
        )
    return found


DECISIONS = _scenario_decisions()


def _families():
    """A few families: alone, six members, a young mother and toddlers."""
    return [
        one_family(),
        six_members(),
        family(
            "young",
            person(
                "m1", dt.date(1995, 3, 3), pregnancy=PregnancyStatus.PREGNANT
            ),
            person("c1", dt.date(2018, 5, 5)),
            person("c2", dt.date(2016, 6, 6)),
            person("c3", dt.date(2015, 7, 7)),
        ),
    ]


def _dates(code):
    """The dates a programme's scenarios decide on."""
    return sorted({r.case.on for program, r in DECISIONS if program == code})


FAMILY_CASES = [
    (entry.code, on, index)
    for entry in catalogue()
    if issubclass(entry.entity, Family)
    for on in _dates(entry.code)
    for index in range(len(_families()))
]


def check_agreement(decision):
    """Per period the line items sum to the total; the totals to the year."""
    sums = Counter()
    for item in decision.line_items:
        sums[item.period] += item.amount.amount

    assert list(decision.periods) == [p for p, _ in decision.totals]
    assert {p: a.amount for p, a in decision.totals} == {
        p: sums[p] for p in decision.periods
    }
    assert set(sums) <= set(decision.periods)
    assert decision.total.amount == sum(a.amount for _, a in decision.totals)
    assert decision.total.amount == sum(
        a.amount.amount for a in decision.awards
    )


class TestEveryProgramme:
    """Each programme of the catalogue is covered and adds up."""

    def test_every_programme_has_decisions_to_check(self):
        """Each catalogue code has at least one scenario decision."""
        covered = {program for program, _ in DECISIONS}

        assert {e.code for e in catalogue()} <= covered

    @pytest.mark.parametrize(
        "result",
        [r for _, r in DECISIONS],
        ids=[f"{p}: {r.case.name}" for p, r in DECISIONS],
    )
    def test_scenario_decisions_add_up(self, result):
        """The scenario's decision: line items, totals and total agree."""
        check_agreement(result.decision)

    @pytest.mark.parametrize(("code", "on", "index"), FAMILY_CASES)
    def test_families_add_up(self, code, on, index):
        """A few families, on each date the programme's scenarios use."""
        entry = next(e for e in catalogue() if e.code == code)

        decision = entry.decide(_families()[index], on=on)

        check_agreement(decision)


class TestShapes:
    """The splits the catalogue relies on."""

    def test_pkh_2020_tahap_1_holds_three_months(self):
        """PKH 2020: tahap 1 is three twelfths, each month one."""
        entry = next(e for e in catalogue() if e.code == "PKH")

        decision = entry.decide(six_members(), on=dt.date(2020, 7, 21))
        lansia = [
            i.amount.amount
            for i in decision.line_items
            if i.component == "lansia"
        ]

        assert [600_000] + [200_000] * 9 == lansia

    def test_pkh_2019_bantuan_tetap_is_one_line_in_tahap_1(self):
        """The 2019 grant: Rp550,000 in 2019-T1, zero after."""
        entry = next(e for e in catalogue() if e.code == "PKH")

        decision = entry.decide(six_members(), on=dt.date(2019, 7, 21))
        tetap = [
            (i.member, i.period, i.amount.amount)
            for i in decision.line_items
            if i.component == "bantuan_tetap"
        ]

        assert [
            ("pkh-6", "2019-T1", 550_000),
            ("pkh-6", "2019-T2", 0),
            ("pkh-6", "2019-T3", 0),
            ("pkh-6", "2019-T4", 0),
        ] == tetap

    def test_bst_line_items_follow_the_monthly_rate(self):
        """BST 2020: Rp600,000 April-June, then Rp300,000."""
        entry = next(e for e in catalogue() if e.code == "BST")

        decision = entry.decide(one_family(), on=dt.date(2020, 7, 21))

        assert [600_000] * 3 + [300_000] * 6 == [
            i.amount.amount for i in decision.line_items
        ]
