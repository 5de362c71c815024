"""Hypothesis helpers for rule authors (dayasos.testing._rules)."""

import importlib.util
import pathlib
import sys

import attrs
import pytest
from hypothesis import given

from dayasos.money import Rupiah
from dayasos.periods import age_on
from dayasos.rules import Award, Outcome, Threshold
from dayasos.testing import (
    boundary_families,
    boundary_points,
    boundary_values,
    check_amounts_not_negative,
    check_caps,
    check_invariants,
    check_member_order,
    check_totals_add_up,
    families,
)
from dayasos.testing._rules import _points


HERE = pathlib.Path(__file__).parent


def _load():
    """Import pkh_like.py by its path (tests are not a package)."""
    name = "strategies_pkh_like"
    spec = importlib.util.spec_from_file_location(name, HERE / "pkh_like.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


PKH = _load()


PROGRAM = PKH.build_program()
PARAMS = PKH.build_params()
ON = PKH.ON


def points_of(field):
    """The boundary values of the example's thresholds on `field`."""
    return sorted(
        {
            p.value
            for p in boundary_points(PROGRAM, PARAMS, ON)
            if p.threshold.field == field
        }
    )


class TestBoundaryPoints:
    """Values at and next to every threshold the programme declares."""

    def test_decile_boundary_is_4_and_its_neighbours(self):
        """Desil 3, 4 and 5 around pkh.max_decile = 4."""
        assert [3, 4, 5] == points_of("decile")

    def test_age_boundaries_of_lansia_and_usia_dini(self):
        """59/60/61 for lansia, 5/6/7 for early childhood."""
        assert [5, 6, 7, 59, 60, 61] == points_of(
            "age(members[*].person.birth_date)"
        )

    def test_rupiah_threshold_gives_one_rupiah_either_side(self):
        """A Rupiah threshold steps by one rupiah."""
        threshold = Threshold(field="income", op="<=", value=Rupiah(1_500_000))

        assert [Rupiah(1_499_999), Rupiah(1_500_000), Rupiah(1_500_001)] == [
            p.value for p in _points(threshold)
        ]

    def test_field_keeps_the_thresholds_on_one_input(self):
        """field="decile" gives only the decile points."""
        found = boundary_points(PROGRAM, PARAMS, ON, field="decile")

        assert {"decile"} == {p.threshold.field for p in found}

    def test_code_lists_give_each_code(self):
        """Excluded employment codes are each a boundary value."""
        assert "tni" in points_of("members[*].person.state_employment")

    @given(boundary_values(PROGRAM, PARAMS, ON))
    def test_drawn_value_is_one_of_the_points(self, case):
        """boundary_values draws from boundary_points."""
        assert case in boundary_points(PROGRAM, PARAMS, ON)


class TestBoundaryFamilies:
    """Families built around the thresholds."""

    @given(boundary_families(PROGRAM, PARAMS, ON))
    def test_input_sits_on_the_boundary(self, drawn):
        """The family's decile or a member's age is the boundary value."""
        case, family = drawn
        field = case.threshold.field
        if field == "decile":
            assert case.value == family.decile
        elif field.startswith("age("):
            ages = [
                age_on(m.person.birth_date, ON)
                for m in family.members
                if m.person.birth_date is not None
                and m.person.birth_date <= ON
            ]
            assert case.value in ages

    @given(boundary_families(PROGRAM, PARAMS, ON, field="decile"))
    def test_decile_criterion_flips_between_4_and_5(self, drawn):
        """At desil 4 the criterion passes, at desil 5 it fails."""
        case, family = drawn
        decision = PROGRAM.decide(family, on=ON, params=PARAMS)
        expected = Outcome.PASS if case.value <= 4 else Outcome.FAIL

        assert expected == decision.criterion("pkh.decile").outcome


class TestInvariants:
    """The metamorphic properties hold for the example programme."""

    @given(families())
    def test_every_family_keeps_the_invariants(self, family):
        """Order, signs, caps and sums, on any generated family."""
        check_invariants(PROGRAM, family, on=ON, params=PARAMS)

    def test_six_member_family_is_capped_at_four(self):
        """The example family has five candidates and four awards."""
        decision = check_invariants(
            PROGRAM, PKH.six_member_family(), on=ON, params=PARAMS
        )

        assert 4 == len(decision.awards)


class TestChecksCatchViolations:
    """Each check raises AssertionError on a broken decision."""

    @pytest.fixture
    def decision(self):
        """The six-member family's decision."""
        return PROGRAM.decide(PKH.six_member_family(), on=ON, params=PARAMS)

    def test_negative_award_is_caught(self, decision):
        """An award below zero."""
        broken = attrs.evolve(
            decision,
            awards=(Award(member="p1", component="sd", amount=Rupiah(-1)),),
        )

        with pytest.raises(AssertionError, match="< 0"):
            check_amounts_not_negative(broken)

    def test_cap_overrun_is_caught(self, decision):
        """Five awards where the cap is four."""
        extra = Award(member="p9", component="sd", amount=Rupiah(900_000))
        broken = attrs.evolve(decision, awards=(*decision.awards, extra))

        with pytest.raises(AssertionError, match="exceed the cap 4"):
            check_caps(PROGRAM, broken, PARAMS)

    def test_component_limit_overrun_is_caught(self, decision):
        """Two elderly where one is paid at most."""
        extra = Award(member="p9", component="lansia", amount=Rupiah(1))
        broken = attrs.evolve(decision, awards=(*decision.awards[1:], extra))

        with pytest.raises(AssertionError, match="lansia awards exceed"):
            check_caps(PROGRAM, broken, PARAMS)

    def test_totals_that_do_not_add_up_are_caught(self, decision):
        """A total that is not the sum of the awards."""
        broken = attrs.evolve(decision, total=Rupiah(1))

        with pytest.raises(AssertionError, match="sum of awards"):
            check_totals_add_up(broken)

    def test_order_dependence_is_caught(self):
        """A 'reordering' that drops members changes the total."""
        with pytest.raises(AssertionError, match="member order"):
            check_member_order(
                PROGRAM,
                PKH.six_member_family(),
                on=ON,
                params=PARAMS,
                reorder=lambda members: members[:1],
            )
