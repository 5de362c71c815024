"""Tests of dayasos.programs.restorasi: activities, counts, scenarios."""

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.ids import RegionCode, RegionLevel
from dayasos.l10n._catalog import templates
from dayasos.model import InstitutionKind
from dayasos.periods import PeriodKind, Quarter, parse_period
from dayasos.programs import get
from dayasos.programs.restorasi import (
    ENTRY,
    PROGRAM,
    Participants,
    RestorasiActivity,
    participants_by_period,
    participants_by_pillar,
    participants_by_region,
)
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1]
    / "scenarios"
    / "restorasi"
    / "restorasi.toml"
)
K = InstitutionKind


def activity(i, held, region="32.01", others=None, **counts):
    """Return activity rs-i held on a date with pillar counts."""
    return RestorasiActivity(
        id=f"rs-{i}",
        held_on=held,
        region=None if region is None else RegionCode.parse(region),
        participants=[
            Participants(pillar=K(kind), count=n) for kind, n in counts.items()
        ],
        other_participants=others,
    )


ACTIVITIES = [
    activity(1, dt.date(2020, 3, 10), tksk=40, karang_taruna=60),
    activity(2, dt.date(2020, 8, 5), region="32.73", psm=200, others=15),
    activity(3, dt.date(2021, 2, 1), region="31.71", tksk=10),
    activity(4, None, region=None, psm=5),
]


class TestEntry:
    """The catalogue entry of Restorasi Sosial."""

    def test_the_catalogue_lists_restorasi_without_aid(self):
        """A campaign for the community: no aid kind."""
        assert (ENTRY, "community", None) == (
            get("RESTORASI"),
            ENTRY.beneficiary.value,
            ENTRY.aid_kind,
        )

    def test_every_parameter_the_rules_read_is_shipped(self):
        """Each parameter of the rules is in the shipped set."""
        assert [] == [
            n for n in PROGRAM.parameters() if n not in ENTRY.parameters
        ]


class TestCatalogTexts:
    """Every code the decision shows has a text in both languages."""

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_criteria_and_name_have_texts(self, language):
        """Criteria and the programme name are in the catalog."""
        codes = [c.code for c in PROGRAM.criteria] + ["program.restorasi"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/restorasi."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestHeld:
    """restorasi.held: the activity took place by the decision date."""

    @pytest.mark.parametrize(
        ("held", "expected"),
        [
            (dt.date(2020, 12, 30), "pass"),
            (dt.date(2020, 12, 31), "pass"),
            (dt.date(2021, 1, 1), "fail"),
            (None, "unknown"),
        ],
    )
    def test_an_activity_after_the_date_does_not_count_yet(
        self, held, expected
    ):
        """Only the date of an activity still unknown leaves it open."""
        decision = get("RESTORASI").decide(
            activity(1, held, psm=20), on=dt.date(2020, 12, 31)
        )

        assert expected == decision.criterion("restorasi.held").outcome.value


class TestActivity:
    """RestorasiActivity and Participants."""

    def test_a_pillar_listed_twice_is_refused(self):
        """One line per pillar kind."""
        with pytest.raises(ValidationError) as caught:
            RestorasiActivity(
                id="x",
                participants=[
                    Participants(pillar=K.TKSK, count=1),
                    Participants(pillar=K.TKSK, count=2),
                ],
            )

        assert "restorasi.pillar_repeated" == caught.value.error_code

    def test_a_negative_count_is_refused(self):
        """Counts are zero or more."""
        with pytest.raises(ValidationError) as caught:
            Participants(pillar=K.PSM, count=-1)

        assert "restorasi.count" == caught.value.error_code

    def test_uncollected_participants_have_no_total(self):
        """None, not zero, when participants were not collected."""
        assert RestorasiActivity(id="x").pillar_total is None


class TestCounts:
    """The participant counts the metrics read."""

    def test_by_pillar_adds_every_activity(self):
        """Pillar kinds in first-met order, others under None."""
        assert {
            K.TKSK: 50,
            K.KARANG_TARUNA: 60,
            K.PSM: 205,
            None: 15,
        } == participants_by_pillar(ACTIVITIES)

    def test_by_pillar_within_a_year_leaves_undated_activities_out(self):
        """Within keeps only activities held in the period."""
        counts = participants_by_pillar(
            ACTIVITIES, within=parse_period("2020")
        )

        assert {
            K.TKSK: 40,
            K.KARANG_TARUNA: 60,
            K.PSM: 200,
            None: 15,
        } == counts

    def test_by_region_counts_unknown_regions_under_none(self):
        """Nothing is lost: an activity without region counts under None."""
        counts = participants_by_region(ACTIVITIES, level=RegionLevel.PROVINCE)

        assert {RegionCode("31"): 10, RegionCode("32"): 315, None: 5} == (
            counts
        )

    def test_by_region_for_chosen_pillars_only(self):
        """Pillars restricts the count to some pillar kinds."""
        counts = participants_by_region(
            ACTIVITIES, level=RegionLevel.REGENCY, pillars=[K.TKSK]
        )

        assert {
            RegionCode("3171"): 10,
            RegionCode("3201"): 40,
            RegionCode("3273"): 0,
            None: 0,
        } == counts

    def test_by_quarter_in_date_order_with_undated_last(self):
        """Triwulan keys in order; undated activities under None."""
        counts = participants_by_period(ACTIVITIES, kind=PeriodKind.QUARTER)

        assert [
            (Quarter(2020, 1), 100),
            (Quarter(2020, 3), 215),
            (Quarter(2021, 1), 10),
            (None, 5),
        ] == list(counts.items())

    def test_the_last_day_of_a_quarter_stays_in_it(self):
        """Boundary: 31 March is quarter 1, 1 April quarter 2."""
        found = [
            activity(1, dt.date(2020, 3, 31), tksk=1),
            activity(2, dt.date(2020, 4, 1), tksk=2),
        ]

        counts = participants_by_period(found, kind=PeriodKind.QUARTER)

        assert {Quarter(2020, 1): 1, Quarter(2020, 2): 2} == counts


PILLARS = [K.TKSK, K.PSM, K.KARANG_TARUNA, K.TAGANA]


@st.composite
def activities(draw):
    """Generated activities with dates, regions and pillar counts."""
    found = []
    for i in range(draw(st.integers(min_value=0, max_value=6))):
        kinds = draw(st.lists(st.sampled_from(PILLARS), unique=True))
        found.append(
            RestorasiActivity(
                id=f"rs-{i}",
                held_on=draw(
                    st.none()
                    | st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31))
                ),
                region=draw(
                    st.sampled_from(
                        [None, RegionCode("31"), RegionCode("3273")]
                    )
                ),
                participants=[
                    Participants(pillar=k, count=draw(st.integers(0, 300)))
                    for k in kinds
                ],
                other_participants=draw(st.none() | st.integers(0, 50)),
            )
        )
    return found


class TestProperties:
    """The three counts add up to the same total."""

    @given(found=activities())
    def test_pillar_region_and_period_counts_agree(self, found):
        """Nothing is lost or counted twice, whatever the grouping."""
        by_pillar = sum(participants_by_pillar(found).values())
        by_region = sum(
            participants_by_region(found, level=RegionLevel.PROVINCE).values()
        )
        by_period = sum(
            participants_by_period(found, kind=PeriodKind.MONTH).values()
        )

        assert by_pillar == by_region == by_period
