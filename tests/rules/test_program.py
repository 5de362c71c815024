"""Deciding families with the PKH-like example programme."""

import datetime as dt

import attrs
import pytest

from dayasos.errors import EvaluationError, ParameterError
from dayasos.model import (
    Disability,
    DisabilityKind,
    FamilyMember,
    GraduationKind,
    Membership,
    Person,
    Relation,
    Severity,
    StateEmployment,
)
from dayasos.money import Rupiah, allocate
from dayasos.periods import TahapSchedule
from dayasos.policy import Override, Reference, Reform
from dayasos.rules import Outcome, Verdict


def _member(family, index, **changes):
    """Return the family with one member changed."""
    members = list(family.members)
    old = members[index]
    members[index] = attrs.evolve(
        old, person=attrs.evolve(old.person, **changes)
    )
    return attrs.evolve(family, members=members)


class TestVerdict:
    """Eligible, ineligible and undetermined, with their reasons."""

    def test_a_poor_family_with_components_is_eligible(
        self, program, params, pkh
    ):
        """Decile 2, six members, components: eligible, all pass."""
        decision = program.decide(
            pkh.six_member_family(), on=pkh.ON, params=params
        )

        assert Verdict.ELIGIBLE == decision.verdict
        assert {Outcome.PASS} == {c.outcome for c in decision.criteria}

    def test_a_family_above_the_decile_is_ineligible(
        self, program, params, pkh
    ):
        """Decile 7 fails pkh.decile, with the value and parameter used."""
        family = pkh.six_member_family(decile=7)

        decision = program.decide(family, on=pkh.ON, params=params)
        result = decision.criterion("pkh.decile")

        assert Verdict.INELIGIBLE == decision.verdict
        assert Outcome.FAIL == result.outcome
        assert (("decile", 7),) == result.inputs
        assert ["pkh.max_decile"] == [p.name for p in result.parameters]
        assert 4 == result.parameters[0].value
        assert "Kepmensos 79/HUK/2025" == str(result.reference)
        assert Rupiah(0) == decision.total
        assert () == decision.awards

    def test_an_unknown_decile_leaves_the_family_undetermined(
        self, program, params, pkh
    ):
        """No decile: undetermined, and the decile is the missing input."""
        family = pkh.six_member_family(decile=None)

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.UNDETERMINED == decision.verdict
        assert ("decile",) == decision.criterion("pkh.decile").missing
        assert "decile" in decision.missing

    def test_an_unknown_birth_date_is_reported_by_member_path(
        self, program, params, pkh
    ):
        """Every member's component unknown: the birth date path is named."""
        family = pkh.six_member_family()
        for index in range(6):
            family = _member(
                family, index, birth_date=None, pregnancy=None, schooling=None
            )

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.UNDETERMINED == decision.verdict
        assert "members[5].person.birth_date" in decision.missing
        assert "members[2].person.schooling.level" in decision.missing

    def test_a_known_failure_wins_over_unknowns(self, program, params, pkh):
        """Decile 9 with missing data elsewhere is ineligible, not unknown."""
        family = _member(
            pkh.six_member_family(decile=9), 0, state_employment=None
        )

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.INELIGIBLE == decision.verdict
        assert (
            Outcome.UNKNOWN
            == decision.criterion("pkh.no_state_employee").outcome
        )

    def test_a_state_employee_in_the_family_makes_it_ineligible(
        self, program, params, pkh
    ):
        """The head is a PNS: pkh.no_state_employee fails."""
        family = _member(
            pkh.six_member_family(), 0, state_employment=StateEmployment.PNS
        )

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.INELIGIBLE == decision.verdict
        assert (
            Outcome.FAIL == decision.criterion("pkh.no_state_employee").outcome
        )

    def test_uncollected_memberships_leave_the_family_undetermined(
        self, program, params, pkh
    ):
        """Memberships not collected: cross-programme rules are unknown."""
        family = pkh.six_member_family(memberships=None)

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.UNDETERMINED == decision.verdict
        assert ("memberships",) == decision.missing

    def test_another_entity_is_refused(self, program, params, pkh):
        """A person is not a family."""
        with pytest.raises(EvaluationError):
            program.decide(Person(id="p"), on=pkh.ON, params=params)

    def test_a_parameter_not_yet_in_force_is_an_error(
        self, program, params, pkh
    ):
        """Before 2019 the example has no values: never zero, an error."""
        with pytest.raises(ParameterError):
            program.decide(
                pkh.six_member_family(), on=dt.date(2018, 6, 1), params=params
            )


def _bst(start, stop=None):
    """Return a BST membership active from start (until stop)."""
    m = Membership.propose("BST", start).verify(start).activate(start)
    return m if stop is None else m.suspend(stop)


class TestCrossProgramme:
    """Exclusivity and prior participation are ordinary criteria."""

    def test_receiving_bst_in_the_same_month_excludes(
        self, program, params, pkh
    ):
        """BST active from 1 July: pkh.not_in_bst fails on 21 July."""
        family = pkh.six_member_family(memberships=[_bst(dt.date(2020, 7, 1))])

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Outcome.FAIL == decision.criterion("pkh.not_in_bst").outcome

    def test_bst_ended_in_the_same_month_still_excludes(
        self, program, params, pkh
    ):
        """BST suspended on 5 July was received in July."""
        family = pkh.six_member_family(
            memberships=[_bst(dt.date(2020, 4, 1), dt.date(2020, 7, 5))]
        )

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Outcome.FAIL == decision.criterion("pkh.not_in_bst").outcome

    def test_bst_ended_the_month_before_does_not_exclude(
        self, program, params, pkh
    ):
        """BST suspended on 1 July ended in June."""
        family = pkh.six_member_family(
            memberships=[_bst(dt.date(2020, 4, 1), dt.date(2020, 7, 1))]
        )

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Outcome.PASS == decision.criterion("pkh.not_in_bst").outcome

    @pytest.mark.parametrize(
        ("graduated", "outcome"),
        [
            (dt.date(2020, 3, 1), Outcome.FAIL),
            (dt.date(2020, 9, 1), Outcome.PASS),
        ],
    )
    def test_graduation_before_the_date_excludes(
        self, program, params, pkh, graduated, outcome
    ):
        """Graduated from PKH before D: excluded; after D: not yet."""
        start = dt.date(2019, 1, 7)
        pkh_membership = (
            Membership.propose("PKH", start)
            .verify(start)
            .activate(start)
            .graduate(graduated, GraduationKind.MANDIRI)
        )
        family = pkh.six_member_family(memberships=[pkh_membership])

        decision = program.decide(family, on=pkh.ON, params=params)

        assert outcome == decision.criterion("pkh.not_graduated").outcome


class TestEntitlement:
    """Components, limits, cap and the split over tahap."""

    def test_the_family_is_paid_for_its_four_highest_components(
        self, program, params, pkh
    ):
        """Hamil, usia dini, lansia and SMP: SD is left out by the cap."""
        decision = program.decide(
            pkh.six_member_family(), on=pkh.ON, params=params
        )

        assert {
            ("p2", "hamil", Rupiah(3_000_000)),
            ("p3", "usia_dini", Rupiah(3_000_000)),
            ("p5", "smp", Rupiah(1_500_000)),
            ("p6", "lansia", Rupiah(2_400_000)),
        } == {(a.member, a.component, a.amount) for a in decision.awards}
        assert Rupiah(9_900_000) == decision.total

    def test_the_cap_counts_four_members(self, program, params, pkh):
        """Never more than pkh.max_members awards."""
        decision = program.decide(
            pkh.six_member_family(), on=pkh.ON, params=params
        )

        assert 4 == len(decision.awards)

    def test_one_lansia_is_paid_however_many_there_are(
        self, program, params, pkh
    ):
        """Two grandparents: pkh.max_lansia is 1."""
        family = pkh.six_member_family()
        grandpa = FamilyMember(
            person=pkh.person("p7", dt.date(1948, 1, 1)),
            relation=Relation.PARENT,
        )
        family = attrs.evolve(family, members=[*family.members, grandpa])

        decision = program.decide(family, on=pkh.ON, params=params)

        assert 1 == sum(a.component == "lansia" for a in decision.awards)

    def test_2019_pays_the_2019_index(self, program, params, pkh):
        """In 2019 hamil and usia dini were Rp2,400,000."""
        decision = program.decide(
            pkh.six_member_family(), on=dt.date(2019, 7, 1), params=params
        )

        amounts = {a.component: a.amount for a in decision.awards}

        assert Rupiah(2_400_000) == amounts["hamil"]

    def test_line_items_and_tahap_totals_add_up_to_the_year(
        self, program, params, pkh
    ):
        """Per-tahap totals and line items sum to the yearly total."""
        decision = program.decide(
            pkh.six_member_family(), on=pkh.ON, params=params
        )

        by_period: dict[str, int] = {}
        for item in decision.line_items:
            by_period[item.period] = (
                by_period.get(item.period, 0) + item.amount.amount
            )

        assert ("2020-T1", "2020-T2", "2020-T3", "2020-T4") == decision.periods
        assert {p: a.amount for p, a in decision.totals} == by_period
        assert decision.total.amount == sum(
            a.amount for _, a in decision.totals
        )

    def test_each_award_is_split_with_allocate(self, program, params, pkh):
        """A line item is the award's allocate share for its tahap."""
        decision = program.decide(
            pkh.six_member_family(), on=pkh.ON, params=params
        )
        award = decision.awards[0]

        items = [
            i.amount for i in decision.line_items if i.member == award.member
        ]

        assert allocate(award.amount, [1, 1, 1, 1]) == items

    def test_a_schedule_given_to_the_call_wins(self, program, params, pkh):
        """Three tahap in 2020: three periods, totals still add up."""
        schedule = TahapSchedule.from_boundaries(
            {
                2020: [
                    dt.date(2020, 1, 1),
                    dt.date(2020, 5, 1),
                    dt.date(2020, 9, 1),
                    dt.date(2021, 1, 1),
                ]
            },
            program="PKH",
        )

        decision = program.decide(
            pkh.six_member_family(),
            on=pkh.ON,
            params=params,
            schedule=schedule,
        )

        assert ("2020-T1", "2020-T2", "2020-T3") == decision.periods
        assert decision.total == sum(a for _, a in decision.totals)

    def test_a_component_left_unknown_marks_the_amounts_incomplete(
        self, program, params, pkh
    ):
        """An unknown pregnancy: eligible, but amounts are incomplete."""
        family = _member(pkh.six_member_family(), 0, pregnancy=None)

        decision = program.decide(family, on=pkh.ON, params=params)

        assert Verdict.ELIGIBLE == decision.verdict
        assert not decision.entitlement_complete
        assert "members[0].person.pregnancy" in decision.missing


class TestReform:
    """A reform is data: overrides change the amounts from their date."""

    def test_a_lansia_reform_raises_the_lansia_award(
        self, program, params, pkh
    ):
        """Lansia Rp3,000,000 from 2020: the total rises by Rp600,000."""
        reform = Reform(
            "lansia 3jt",
            {
                "pkh.amount.lansia": [
                    Override(
                        since=dt.date(2020, 1, 1),
                        value=Rupiah(3_000_000),
                        reference=Reference(
                            instrument="Simulasi", title="3jt"
                        ),
                    )
                ]
            },
        )
        family = pkh.six_member_family()

        before = program.decide(family, on=pkh.ON, params=params)
        after = program.decide(
            family, on=pkh.ON, params=params.with_reform(reform)
        )

        assert Rupiah(600_000) == after.total - before.total
        assert before.rule_hash == after.rule_hash
        assert before.receipt() != after.receipt()


class TestCompileCache:
    """A programme is compiled once per span of unchanged parameters."""

    def test_dates_with_the_same_values_share_one_compilation(
        self, program, params
    ):
        """21 July and 1 December 2020 read the same values."""
        first = program.compile(params, dt.date(2020, 7, 21))

        assert first is program.compile(params, dt.date(2020, 12, 1))

    def test_a_new_value_gives_a_new_compilation(self, program, params):
        """2019 and 2020 differ (hamil rose on 1 January 2020)."""
        assert program.compile(params, dt.date(2019, 7, 1)) is not (
            program.compile(params, dt.date(2020, 7, 1))
        )


class TestSeveralComponentsPerMember:
    """Without one_per_member, a member may hold several components."""

    def test_a_disabled_elder_is_paid_twice_when_allowed(
        self, program, params, pkh
    ):
        """Severe disability and old age: two awards to one member."""
        severe = Disability(
            kind=DisabilityKind.PHYSICAL, severity=Severity.SEVERE
        )
        family = _member(pkh.six_member_family(), 5, disability=severe)
        several = attrs.evolve(
            program,
            entitlement=attrs.evolve(
                program.entitlement, one_per_member=False
            ),
        )

        once = program.decide(family, on=pkh.ON, params=params)
        twice = several.decide(family, on=pkh.ON, params=params)

        assert 1 == sum(a.member == "p6" for a in once.awards)
        assert 2 == sum(a.member == "p6" for a in twice.awards)
