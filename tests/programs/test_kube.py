"""Tests of dayasos.programs.kube: proposal, rules, budget and scenarios."""

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.l10n._catalog import templates
from dayasos.model import Family, FamilyMember, Membership, Person, Relation
from dayasos.money import Rupiah
from dayasos.programs import get
from dayasos.programs.kube import (
    ENTRY,
    PROGRAM,
    KubeMember,
    KubeProposal,
    plan_budget,
)
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "kube" / "kube.toml"
)
ON = dt.date(2020, 12, 15)


def member(i, memberships=()):
    """Return a married member family of decile 1, head born 1985."""
    head = Person(id=f"p{i}", birth_date=dt.date(1985, 1, 1))
    family = Family(
        id=f"f{i}",
        members=[FamilyMember(person=head, relation=Relation.HEAD)],
        decile=1,
        memberships=memberships,
    )
    return KubeMember(family=family, married=True)


def proposal(size=10, **fields):
    """Return a recommended proposal of `size` families."""
    values = {
        "id": "kube-1",
        "members": [member(i) for i in range(size)],
        "recommended": True,
    }
    values.update(fields)
    return KubeProposal(**values)


class TestEntry:
    """The catalogue entry of KUBE."""

    def test_the_catalogue_lists_kube_for_groups(self):
        """get("KUBE") is the package's entry and decides groups."""
        assert (ENTRY, "group") == (get("KUBE"), ENTRY.beneficiary.value)

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
        codes += ["component.kube.anggota", "program.kube"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/kube."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestProposal:
    """KubeProposal and KubeMember."""

    def test_a_family_listed_twice_is_refused(self):
        """One family joins a KUBE once."""
        with pytest.raises(ValidationError) as caught:
            KubeProposal(id="k", members=[member(1), member(1)])

        assert "kube.member_id" == caught.value.error_code

    def test_the_proposal_forms_a_kube_group(self):
        """to_group lists the member families' ids."""
        group = proposal(size=5).to_group()

        assert ("f0", "f1", "f2", "f3", "f4") == group.families

    def test_a_proposal_of_the_wrong_size_forms_no_group(self):
        """The model's KubeGroup holds 5 to 20 families."""
        with pytest.raises(ValidationError):
            proposal(size=4).to_group()

    def test_a_proposal_is_not_a_receipt(self):
        """Only a membership that reached ACTIVE counts as received."""
        proposed = Membership.propose("KUBE", dt.date(2020, 1, 6))
        active = proposed.verify(dt.date(2020, 2, 3)).activate(
            dt.date(2020, 3, 2)
        )

        assert ((), ("KUBE",)) == (
            member(1, [proposed]).programs_received,
            member(2, [active]).programs_received,
        )

    def test_uncollected_memberships_are_unknown(self):
        """None, not an empty tuple, when nothing was collected."""
        assert member(1, None).programs_received is None


class TestDecide:
    """Decisions on proposals, directly."""

    def test_each_member_family_is_paid_two_million(self):
        """One award of Rp2,000,000 per member family."""
        decision = ENTRY.decide(proposal(size=7), on=ON)

        assert ([Rupiah(2_000_000)] * 7, Rupiah(14_000_000)) == (
            [a.amount for a in decision.awards],
            decision.total,
        )

    def test_awards_name_the_member_families(self):
        """Each award names the family it is paid for."""
        decision = ENTRY.decide(proposal(size=5), on=ON)

        assert ["f0", "f1", "f2", "f3", "f4"] == [
            a.member for a in decision.awards
        ]


class TestPlanBudget:
    """The planning budget at the per-group index."""

    def test_the_2020_target_costs_twenty_million_a_group(self):
        """10,180 groups of ten make the 101,800 KPM target."""
        assert Rupiah(203_600_000_000) == plan_budget(10_180, on=ON)

    def test_a_negative_number_of_groups_is_refused(self):
        """Counts of groups are zero or more."""
        with pytest.raises(ValidationError):
            plan_budget(-1, on=ON)


class TestProperties:
    """Properties over generated group sizes."""

    @given(size=st.integers(min_value=5, max_value=20))
    def test_a_qualifying_group_receives_two_million_per_family(self, size):
        """Any size from 5 to 20: the total is size x Rp2,000,000."""
        decision = ENTRY.decide(proposal(size=size), on=ON)

        assert Rupiah(2_000_000 * size) == decision.total

    @given(
        size=st.one_of(
            st.integers(min_value=0, max_value=4),
            st.integers(min_value=21, max_value=25),
        )
    )
    def test_a_group_of_the_wrong_size_fails_on_size_only(self, size):
        """Outside 5-20 only kube.group_size fails, nothing is paid."""
        decision = ENTRY.decide(proposal(size=size), on=ON)

        assert (["kube.group_size"], Rupiah(0)) == (
            [c.code for c in decision.criteria if c.outcome.value == "fail"],
            decision.total,
        )
