"""Tests of dayasos.programs.bsimu: catalogue entry, rules and scenarios."""

import datetime as dt
import pathlib

import pytest

from dayasos.errors import ParameterError
from dayasos.l10n._catalog import templates
from dayasos.model import (
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
from dayasos.programs.bsimu import ENTRY, PROGRAM
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "bsimu" / "bsimu.toml"
)


def graduated_family(**fields):
    """Return a family that graduated from PKH in Dec 2019."""
    pkh = (
        Membership.propose("PKH", dt.date(2016, 1, 4))
        .verify(dt.date(2016, 2, 1))
        .activate(dt.date(2016, 3, 1))
        .graduate(dt.date(2019, 12, 1), GraduationKind.MANDIRI)
    )
    values = {
        "id": "f1",
        "members": [
            FamilyMember(person=Person(id="p1"), relation=Relation.HEAD),
            FamilyMember(person=Person(id="p2"), relation=Relation.SPOUSE),
        ],
        "businesses": [MicroBusiness(covid_affected=True, owner_id="p2")],
        "memberships": [pkh],
    }
    values.update(fields)
    return Family(**values)


class TestEntry:
    """The catalogue entry of BSIMU."""

    def test_the_catalogue_lists_bsimu(self):
        """get("BSIMU") is the package's entry."""
        assert ENTRY is get("BSIMU")

    def test_the_entry_decides_families_for_business_capital(self):
        """BSIMU gives business capital to families."""
        assert ("family", "business_capital") == (
            ENTRY.beneficiary.value,
            ENTRY.aid_kind.value,
        )

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
        codes += ["component.bsimu.modal_usaha", "program.bsimu"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/bsimu."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestDecide:
    """Decisions on families, directly."""

    def test_a_graduated_family_with_a_hit_business_gets_500_thousand(self):
        """The head of the family receives Rp500,000 once."""
        decision = ENTRY.decide(graduated_family(), on=dt.date(2020, 7, 24))

        assert ("eligible", Rupiah(500_000), "p1") == (
            decision.verdict.value,
            decision.total,
            decision.awards[0].member,
        )

    def test_a_family_without_businesses_is_ineligible(self):
        """An empty business list is known: no business, no grant."""
        decision = ENTRY.decide(
            graduated_family(businesses=[]), on=dt.date(2020, 8, 1)
        )

        assert ["bsimu.covid_affected_business"] == [
            c.code for c in decision.criteria if c.outcome.value == "fail"
        ]

    def test_businesses_not_collected_leave_the_decision_open(self):
        """Unknown businesses make the verdict undetermined."""
        decision = ENTRY.decide(
            graduated_family(businesses=None), on=dt.date(2020, 8, 1)
        )

        assert ("undetermined", ("businesses",)) == (
            decision.verdict.value,
            decision.missing,
        )

    def test_before_the_launch_no_parameter_is_in_force(self):
        """BSIMU did not exist before 24 July 2020."""
        with pytest.raises(ParameterError):
            ENTRY.decide(graduated_family(), on=dt.date(2020, 7, 23))
