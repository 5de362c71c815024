"""Tests for dayasos.programs.pkh, and its scenario file run directly."""

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from program_builders import (
    ON,
    active,
    family,
    graduated,
    person,
    scenario_results,
    severe,
    six_members,
)

from dayasos.errors import ParameterError
from dayasos.l10n import explain_decision
from dayasos.model import PregnancyStatus, Schooling, SchoolLevel
from dayasos.money import sum_rupiah
from dayasos.programs import get
from dayasos.programs.pkh import SCHEDULE
from dayasos.rules import Outcome, Verdict


RESULTS = scenario_results("pkh")


class TestScenarios:
    """The cases of tests/scenarios/pkh, decided here too."""

    @pytest.mark.parametrize(
        "result", RESULTS, ids=[r.case.name for r in RESULTS]
    )
    def test_case_is_decided_as_the_scenario_says(self, result):
        """Verdict, reasons and amounts match the scenario file."""
        assert result.passed, result.report()


ENTRY = get("PKH")


class TestSchedule:
    """Quarterly tahap, monthly from April 2020."""

    def test_2020_has_ten_tahap_monthly_from_april(self):
        """Tahap 1 is January-March 2020, tahap 2 is April."""
        tahaps = SCHEDULE.in_year(2020)

        assert 10 == len(tahaps)
        assert (dt.date(2020, 1, 1), dt.date(2020, 4, 1)) == (
            tahaps[0].start,
            tahaps[0].stop,
        )
        assert dt.date(2020, 4, 1) == tahaps[1].start

    @pytest.mark.parametrize("year", [2019, 2021, 2025])
    def test_other_years_have_four_quarterly_tahap(self, year):
        """One tahap per quarter."""
        assert 4 == len(SCHEDULE.in_year(year))

    def test_before_2019_there_are_no_rules(self):
        """The component scheme starts in 2019; earlier dates are refused."""
        with pytest.raises(ParameterError):
            ENTRY.decide(six_members(), on=dt.date(2018, 7, 1))


class TestGraduation:
    """Graduasi alamiah by the rules, graduasi mandiri by membership."""

    def test_active_member_without_components_graduates_naturally(self):
        """An active KPM whose children grew up fails pkh.has_component."""
        entity = family(
            "g",
            person("a1", dt.date(1975, 1, 1)),
            memberships=[active("PKH", dt.date(2019, 1, 7))],
        )
        decision = ENTRY.decide(entity, on=ON)

        assert Outcome.FAIL is decision.criterion("pkh.has_component").outcome
        assert "graduasi alamiah" in explain_decision(decision, "id")

    def test_graduation_on_the_day_itself_still_counts_as_member(self):
        """Graduated on 21 July: on that day the family is not yet out."""
        entity = six_members(
            memberships=[graduated("PKH", dt.date(2019, 1, 7), ON)]
        )

        assert ENTRY.decide(entity, on=ON).eligible


class TestAmounts:
    """The bantuan tetap and the split over tahap."""

    def test_fixed_grant_is_cited_in_2019_only(self):
        """The decision lists the bantuan tetap parameter in 2019."""
        names_2019 = [
            u.name
            for u in ENTRY.decide(
                six_members(), on=dt.date(2019, 3, 1)
            ).parameters
        ]
        names_2020 = [
            u.name for u in ENTRY.decide(six_members(), on=ON).parameters
        ]

        assert "pkh.bantuan_tetap.reguler" in names_2019
        assert "pkh.bantuan_tetap.reguler" not in names_2020

    def test_unknown_birth_date_leaves_the_family_undetermined(self):
        """Nobody else qualifies and the age is unknown: undetermined."""
        entity = family("u", person("a1", None))
        decision = ENTRY.decide(entity, on=ON)

        assert Verdict.UNDETERMINED is decision.verdict
        assert "members[0].person.birth_date" in decision.missing

    @settings(max_examples=40)
    @given(
        st.lists(
            st.tuples(
                st.dates(dt.date(1930, 1, 1), dt.date(2020, 7, 1)),
                st.sampled_from(list(SchoolLevel)),
                st.booleans(),
                st.booleans(),
            ),
            min_size=1,
            max_size=8,
        ),
        st.sampled_from([dt.date(2019, 5, 1), ON, dt.date(2023, 2, 1)]),
    )
    def test_cap_limits_and_totals_hold(self, rows, on):
        """At most four members count, limits hold, tahap add up."""
        people = []
        for i, (born, level, pregnant, disabled) in enumerate(rows):
            fields = {}
            if level is not SchoolLevel.NONE:
                fields["schooling"] = Schooling(level=level, enrolled=True)
            if pregnant:
                fields["pregnancy"] = PregnancyStatus.PREGNANT
            maker = severe if disabled else person
            people.append(
                maker(f"p{i}", born)
                if disabled
                else maker(f"p{i}", born, **fields)
            )
        decision = ENTRY.decide(family("h", *people), on=on)
        counted = [
            a for a in decision.awards if a.component != "bantuan_tetap"
        ]
        per = Counter(a.component for a in counted)

        assert len(counted) <= 4
        assert per["lansia"] <= 1
        assert per["disabilitas_berat"] <= 1
        assert per["ibu_hamil"] <= 2
        assert per["anak_usia_dini"] <= 2
        assert decision.total == sum_rupiah(a for _, a in decision.totals)
        assert decision.total == sum_rupiah(a.amount for a in decision.awards)
