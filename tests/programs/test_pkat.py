"""Tests of dayasos.programs.pkat: KAT criteria, plans and scenarios."""

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.l10n._catalog import templates
from dayasos.model import (
    Community,
    EmpowermentStage,
    KatCategory,
    KatCriteria,
)
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get
from dayasos.programs.pkat import (
    CRITERIA_RULES,
    ENTRY,
    PROGRAM,
    KatSupport,
    load_pkat_parameters,
    plan_community,
    plan_empowerment,
)
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "pkat" / "pkat.toml"
)
START = dt.date(2021, 3, 1)
S = EmpowermentStage


class TestEntry:
    """The catalogue entry of PKAT."""

    def test_the_catalogue_lists_pkat_for_communities(self):
        """get("PKAT") is the package's entry and decides communities."""
        assert (ENTRY, "community") == (get("PKAT"), ENTRY.beneficiary.value)

    def test_every_parameter_the_rules_read_is_shipped(self):
        """Each parameter of the rules is in the shipped set."""
        assert [] == [
            n for n in PROGRAM.parameters() if n not in ENTRY.parameters
        ]

    def test_the_shipped_reading_is_one_of_the_known_readings(self):
        """pkat.criteria_rule names a reading the rules implement."""
        value = ENTRY.parameters.at(START)["pkat.criteria_rule"]

        assert value in CRITERIA_RULES


class TestCatalogTexts:
    """Every code the decision shows has a text in both languages."""

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_criteria_and_name_have_texts(self, language):
        """Criteria and the programme name are in the catalog."""
        codes = [c.code for c in PROGRAM.criteria] + ["program.pkat"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/pkat."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestPlan:
    """plan_empowerment and EmpowermentPlan."""

    @pytest.mark.parametrize(
        ("category", "years"),
        [
            (KatCategory.CATEGORY_1, 3),
            (KatCategory.CATEGORY_2, 2),
            (KatCategory.CATEGORY_3, 1),
        ],
    )
    def test_the_category_sets_the_years_of_handling(self, category, years):
        """Category 1, 2, 3: three, two, one years."""
        plan = plan_empowerment(category, START)

        assert (years, dt.date(2021 + years, 3, 1)) == (
            plan.handling_years,
            plan.handed_over_on,
        )

    def test_category_1_runs_three_yearly_stages_then_purna_bina(self):
        """Years I, II and III, then the handover."""
        plan = plan_empowerment(KatCategory.CATEGORY_1, START)

        assert [
            S.PEMBERDAYAAN_I,
            S.PEMBERDAYAAN_II,
            S.PEMBERDAYAAN_III,
            S.PURNA_BINA,
        ] == [s.stage for s in plan.stages]

    def test_the_last_day_of_a_year_belongs_to_that_year(self):
        """Stages are half-open: [start, stop)."""
        plan = plan_empowerment(KatCategory.CATEGORY_1, START)

        assert (S.PEMBERDAYAAN_I, S.PEMBERDAYAAN_II) == (
            plan.stage_on(dt.date(2022, 2, 28)).stage,
            plan.stage_on(dt.date(2022, 3, 1)).stage,
        )

    def test_no_stage_is_planned_before_the_start(self):
        """The preparation stages are not dated."""
        plan = plan_empowerment(KatCategory.CATEGORY_3, START)

        assert plan.stage_on(dt.date(2021, 2, 28)) is None

    def test_purna_bina_has_no_end(self):
        """Years after the handover are still purna bina."""
        plan = plan_empowerment(KatCategory.CATEGORY_3, START)

        assert S.PURNA_BINA == plan.stage_on(dt.date(2040, 1, 1)).stage

    def test_a_start_on_29_february_moves_to_28_february(self):
        """Years are added on the calendar, as pendulum does."""
        plan = plan_empowerment(KatCategory.CATEGORY_2, dt.date(2024, 2, 29))

        assert dt.date(2025, 2, 28) == plan.stages[1].start

    def test_housing_comes_in_the_first_year_only(self):
        """Houses in year I; jaminan hidup and guidance continue."""
        plan = plan_empowerment(KatCategory.CATEGORY_1, START)

        assert [
            {
                KatSupport.HOUSING,
                KatSupport.JAMINAN_HIDUP,
                KatSupport.GUIDANCE,
            },
            {KatSupport.JAMINAN_HIDUP, KatSupport.GUIDANCE},
            {KatSupport.JAMINAN_HIDUP, KatSupport.GUIDANCE},
            {KatSupport.GUIDANCE},
        ] == [set(s.supports) for s in plan.stages]

    def test_a_community_is_planned_by_its_category(self):
        """plan_community reads the community's category."""
        kat = Community(id="k", category=KatCategory.CATEGORY_2)

        assert 2 == plan_community(kat, START).handling_years

    def test_a_community_without_category_cannot_be_planned(self):
        """The category comes from the PA-SK; unknown, no plan."""
        with pytest.raises(ValidationError) as caught:
            plan_community(Community(id="k"), START)

        assert "pkat.category" == caught.value.error_code

    def test_more_years_than_stages_are_refused(self):
        """A reform of four years finds no fourth yearly stage."""
        reform = Reform(
            "empat tahun",
            {
                "pkat.handling_years.category_1": [
                    Override(
                        since=dt.date(2015, 1, 1),
                        value=4,
                        reference=Reference(
                            instrument="Simulasi", title="empat tahun"
                        ),
                    )
                ]
            },
        )
        params = load_pkat_parameters().with_reform(reform)

        with pytest.raises(ValidationError):
            plan_empowerment(KatCategory.CATEGORY_1, START, params=params)


class TestDecide:
    """Decisions on communities, directly."""

    def test_any_single_criterion_makes_a_kat(self):
        """Each of (a) to (d) alone is enough under the shipped reading."""
        names = [
            "limited_access",
            "closed_homogeneous",
            "marginal",
            "remote_location",
        ]
        verdicts = [
            ENTRY.decide(
                Community(id="k", criteria=KatCriteria(**{name: True})),
                on=START,
            ).verdict.value
            for name in names
        ]

        assert ["eligible"] * 4 == verdicts


class TestProperties:
    """Properties of plans over generated categories and dates."""

    @given(
        category=st.sampled_from(list(KatCategory)),
        start=st.dates(dt.date(2015, 1, 1), dt.date(2100, 12, 31)),
        offset=st.integers(min_value=0, max_value=2_000),
    )
    def test_every_day_from_the_start_is_in_exactly_one_stage(
        self, category, start, offset
    ):
        """Stages tile the time from the start, without gap or overlap."""
        plan = plan_empowerment(category, start)
        day = start + dt.timedelta(days=offset)

        assert 1 == sum(s.contains(day) for s in plan.stages)

    @given(
        category=st.sampled_from(list(KatCategory)),
        start=st.dates(dt.date(2015, 1, 1), dt.date(2100, 12, 31)),
    )
    def test_the_years_of_handling_are_four_minus_the_category(
        self, category, start
    ):
        """Category n gets 4 - n years, as the model states."""
        plan = plan_empowerment(category, start)

        assert category.handling_years == plan.handling_years
