"""Tests of dayasos.programs.prokus: catalogue entry, rules and scenarios."""

import datetime as dt
import pathlib

import pytest

from dayasos.errors import ParameterError
from dayasos.l10n._catalog import templates
from dayasos.model import (
    BusinessKind,
    Family,
    FamilyMember,
    GraduationKind,
    Membership,
    MicroBusiness,
    Person,
    Relation,
)
from dayasos.money import Rupiah
from dayasos.programs import get
from dayasos.programs.prokus import ENTRY, PROGRAM
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "prokus" / "prokus.toml"
)
ON = dt.date(2021, 4, 5)


def graduated_family(kind=GraduationKind.ALAMIAH, **fields):
    """Return a family of decile 2 that graduated from PKH in June 2020."""
    pkh = (
        Membership.propose("PKH", dt.date(2015, 1, 5))
        .verify(dt.date(2015, 2, 2))
        .activate(dt.date(2015, 3, 2))
        .graduate(dt.date(2020, 6, 30), kind)
    )
    values = {
        "id": "f1",
        "members": [
            FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
        ],
        "decile": 2,
        "businesses": [MicroBusiness(kind=BusinessKind.LIVESTOCK)],
        "memberships": [pkh],
    }
    values.update(fields)
    return Family(**values)


class TestEntry:
    """The catalogue entry of ProKUS."""

    def test_the_catalogue_lists_prokus(self):
        """get("PROKUS") is the package's entry."""
        assert ENTRY is get("PROKUS")

    def test_every_parameter_the_rules_read_is_shipped(self):
        """Each parameter of the rules is in the shipped set."""
        assert [] == [
            name
            for name in PROGRAM.parameters()
            if name not in ENTRY.parameters
        ]


class TestCatalogTexts:
    """Every code the decision shows has a text in both languages."""

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_criteria_components_and_name_have_texts(self, language):
        """Criteria, component and programme name are in the catalog."""
        codes = [c.code for c in PROGRAM.criteria]
        codes += ["component.prokus.insentif_usaha", "program.prokus"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/prokus."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestDecide:
    """Decisions on families, directly."""

    @pytest.mark.parametrize(
        "kind",
        [
            BusinessKind.GROCERY,
            BusinessKind.FOOD,
            BusinessKind.TRADE,
            BusinessKind.TAILORING,
            BusinessKind.AGRICULTURE,
            BusinessKind.LIVESTOCK,
        ],
    )
    def test_each_named_business_kind_qualifies(self, kind):
        """Kelontong, kuliner, dagang, jahit, tani, ternak all qualify."""
        family = graduated_family(businesses=[MicroBusiness(kind=kind)])

        assert Rupiah(3_500_000) == ENTRY.decide(family, on=ON).total

    def test_one_qualifying_business_among_others_is_enough(self):
        """A craft business does not hide a food stall."""
        family = graduated_family(
            businesses=[
                MicroBusiness(kind=BusinessKind.CRAFT),
                MicroBusiness(kind=BusinessKind.FOOD),
            ]
        )

        assert ENTRY.decide(family, on=ON).eligible

    def test_a_mandiri_graduate_is_ineligible(self):
        """Graduasi mandiri means the family is no longer poor."""
        decision = ENTRY.decide(
            graduated_family(GraduationKind.MANDIRI), on=ON
        )

        assert "ineligible" == decision.verdict.value

    def test_a_graduation_after_the_date_is_not_yet_a_graduation(self):
        """An alamiah graduation dated after the decision does not count."""
        pkh = (
            Membership.propose("PKH", dt.date(2015, 1, 5))
            .verify(dt.date(2015, 2, 2))
            .activate(dt.date(2015, 3, 2))
            .graduate(dt.date(2021, 6, 1), GraduationKind.ALAMIAH)
        )

        decision = ENTRY.decide(graduated_family(memberships=[pkh]), on=ON)

        assert ["prokus.graduated_pkh", "prokus.graduation_kind"] == [
            c.code for c in decision.criteria if c.outcome.value == "fail"
        ]

    def test_the_graduation_kind_is_read_without_an_aggregation(self):
        """The kind criterion reads the memberships as one input."""
        assert "memberships" in PROGRAM.inputs()
        assert not any(
            "memberships[*]" in path and "graduation" in path
            for path in PROGRAM.inputs()
        )

    def test_the_2021_incentive_is_not_in_force_in_2020(self):
        """The Rp3.5 juta incentive is dated from 2021."""
        with pytest.raises(ParameterError):
            ENTRY.decide(graduated_family(), on=dt.date(2020, 12, 31))
