"""Tests of dayasos.programs.pilar: support rules, counts, scenarios."""

import datetime as dt
import pathlib

import attrs
import pytest

from dayasos.ids import RegionCode, RegionLevel
from dayasos.l10n._catalog import templates
from dayasos.model import Institution, InstitutionKind
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get
from dayasos.programs.pilar import (
    ENTRY,
    PROGRAM,
    count_institutions,
    count_regions_with,
)
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "pilar" / "pilar.toml"
)
ON = dt.date(2021, 4, 5)
K = InstitutionKind


def institution(i, kind=K.PUSKESOS, region="31.71.01.1001", since=None):
    """Return institution i of a kind, in a region, active since a date."""
    return Institution(
        id=f"i{i}",
        kind=kind,
        region=None if region is None else RegionCode.parse(region),
        active_since=since or dt.date(2019, 1, 2),
    )


class TestEntry:
    """The catalogue entry of the programme."""

    def test_the_catalogue_lists_pilar_for_institutions(self):
        """get("PILAR") is the package's entry and decides institutions."""
        assert (ENTRY, "institution") == (
            get("PILAR"),
            ENTRY.beneficiary.value,
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
        codes = [c.code for c in PROGRAM.criteria] + ["program.pilar"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/pilar."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestDecide:
    """Decisions on institutions, directly."""

    @pytest.mark.parametrize(
        "kind",
        [
            K.PSM,
            K.PEKERJA_SOSIAL_PROFESIONAL,
            K.TKSK,
            K.KARANG_TARUNA,
            K.LK3,
            K.WKSBM,
            K.DUNIA_USAHA,
            K.PUSKESOS,
            K.SLRT,
        ],
    )
    def test_each_targeted_kind_without_registration_is_supported(self, kind):
        """Kinds that need no registration pass on kind and activity."""
        assert ENTRY.decide(institution(1, kind), on=ON).eligible

    def test_the_rules_read_the_end_of_activity(self):
        """active_until is an input of the programme."""
        assert "active_until" in PROGRAM.inputs()

    @pytest.mark.parametrize(
        ("until", "expected"),
        [
            (None, "eligible"),
            (dt.date(2021, 4, 6), "eligible"),
            (ON, "ineligible"),
            (dt.date(2020, 1, 1), "ineligible"),
        ],
    )
    def test_an_institution_no_longer_active_is_not_supported(
        self, until, expected
    ):
        """An end on or before the date fails pilar.active."""
        found = attrs.evolve(institution(1, K.TKSK), active_until=until)

        decision = ENTRY.decide(found, on=ON)

        assert expected == decision.verdict.value

    def test_a_minimum_of_years_active_counts_whole_years(self):
        """With a two-year minimum, two years to the day is enough."""
        reform = Reform(
            "aktif paling sedikit dua tahun",
            {
                "pilar.min_active_years": [
                    Override(
                        since=dt.date(2021, 1, 1),
                        value=2,
                        reference=Reference(
                            instrument="Simulasi", title="Dua tahun"
                        ),
                    )
                ]
            },
        )
        on_time = institution(1, K.TKSK, since=dt.date(2019, 4, 5))
        late = institution(2, K.TKSK, since=dt.date(2019, 4, 6))

        assert "eligible" == (
            ENTRY.decide(on_time, on=ON, reform=reform).verdict.value
        )
        assert ["pilar.active"] == [
            c.code
            for c in ENTRY.decide(late, on=ON, reform=reform).criteria
            if c.outcome.value == "fail"
        ]

    def test_a_nationwide_programme_needs_no_region(self):
        """Nationwide, the region is not read."""
        decision = ENTRY.decide(institution(1, K.TKSK, region=None), on=ON)

        assert (True, ()) == (decision.eligible, decision.missing)


class TestCounts:
    """count_institutions and count_regions_with."""

    def test_villages_with_a_puskesos_count_once_each(self):
        """Two Puskesos in one village make one village."""
        found = [
            institution(1, region="31.71.01.1001"),
            institution(2, region="31.71.01.1001"),
            institution(3, region="31.71.01.1002"),
        ]

        assert 2 == count_regions_with(
            found, kind=K.PUSKESOS, level=RegionLevel.VILLAGE
        )

    def test_a_regency_puskesos_is_not_a_village_puskesos(self):
        """seated_at keeps village Puskesos apart from kab/kota ones."""
        found = [institution(1), institution(2, region="31.71")]
        counts = count_institutions(
            found,
            level=RegionLevel.REGENCY,
            seated_at=RegionLevel.VILLAGE,
        )

        assert {RegionCode("3171"): 1} == counts

    def test_counts_by_province_keep_unknown_regions(self):
        """Nothing is lost: unknown regions count under None."""
        found = [
            institution(1, K.TKSK, region="31.71.01"),
            institution(2, K.TKSK, region="32.73.01"),
            institution(3, K.TKSK, region=None),
            institution(4, K.PSM, region="31.71.01"),
        ]

        counts = count_institutions(
            found, level=RegionLevel.PROVINCE, kinds=[K.TKSK]
        )

        assert {RegionCode("31"): 1, RegionCode("32"): 1, None: 1} == counts

    def test_institutions_not_yet_active_on_the_date_are_left_out(self):
        """On counts only institutions active by that date."""
        found = [
            institution(1, since=dt.date(2021, 4, 5)),
            institution(2, since=dt.date(2021, 4, 6)),
        ]

        counts = count_institutions(found, level=RegionLevel.PROVINCE, on=ON)

        assert {RegionCode("31"): 1} == counts

    def test_institutions_no_longer_active_on_the_date_are_left_out(self):
        """An end on or before the date takes a record out of the count."""
        found = [
            attrs.evolve(institution(1), active_until=ON),
            attrs.evolve(institution(2), active_until=dt.date(2021, 4, 6)),
            attrs.evolve(institution(3), active_until=dt.date(2020, 1, 1)),
        ]

        counts = count_institutions(found, level=RegionLevel.PROVINCE, on=ON)

        assert {RegionCode("31"): 1} == counts

    def test_a_province_level_record_is_not_a_village(self):
        """Regions known only above the level counted do not count."""
        found = [institution(1, region="31")]

        assert 0 == count_regions_with(
            found, kind=K.PUSKESOS, level=RegionLevel.VILLAGE
        )
