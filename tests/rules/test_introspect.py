"""What a programme reads, what it compares, and its stable hash."""

import os
import pathlib
import subprocess
import sys

import attrs

from dayasos.model import Family
from dayasos.rules import Criterion, Threshold
from dayasos.rules._expr import Compare, Const, root
from dayasos.rules._introspect import list_thresholds


HERE = pathlib.Path(__file__).parent


class TestInputs:
    """The tree lists the field paths it reads."""

    def test_inputs_list_entity_and_member_paths(self, program):
        """Decile, KK, memberships and the members' fields."""
        assert (
            "decile",
            "members[*].person.state_employment",
            "members[*].person.pregnancy",
            "members[*].person.birth_date",
            "members[*].person.schooling.level",
            "members[*].person.schooling.enrolled",
            "members[*].person.has_severe_disability",
            "memberships",
            "kk",
        ) == program.inputs()

    def test_parameters_list_every_name_read(self, program):
        """Every parameter, sorted."""
        names = program.parameters()

        assert "pkh.amount.lansia" in names
        assert list(names) == sorted(names)
        assert 15 == len(names)


class TestThresholds:
    """Comparisons against parameters and constants, for boundary tests."""

    def test_the_decile_threshold_names_its_parameter(self, program):
        """Decile <= pkh.max_decile."""
        assert (
            Threshold(field="decile", op="<=", parameter="pkh.max_decile")
            in program.thresholds()
        )

    def test_the_age_thresholds_name_field_and_operator(self, program):
        """Age >= pkh.lansia_age and age < 6."""
        found = program.thresholds()
        age = "age(members[*].person.birth_date)"

        assert (
            Threshold(field=age, op=">=", parameter="pkh.lansia_age") in found
        )
        assert Threshold(field=age, op="<", value=6) in found

    def test_a_constant_on_the_left_is_read_from_the_fields_side(self):
        """`4 >= decile` is reported as `decile <= 4`."""
        rule = Compare(">=", Const(4), root(Family).decile)

        assert (Threshold(field="decile", op="<=", value=4),) == (
            list_thresholds([(rule, "")])
        )


class TestRuleHash:
    """The hash of the canonical tree is stable and sensitive."""

    def test_the_same_rules_give_the_same_hash(self, program, pkh):
        """Building the programme again gives the same hash."""
        assert program.rule_hash() == pkh.build_program().rule_hash()

    def test_a_changed_criterion_changes_the_hash(self, program):
        """Decile <= 3 instead of the parameter: another hash."""
        criteria = list(program.criteria)
        criteria[0] = Criterion(
            "pkh.decile", program.criteria[0].test.left <= 3
        )
        changed = attrs.evolve(program, criteria=criteria)

        assert program.rule_hash() != changed.rule_hash()

    def test_the_hash_is_the_same_in_another_process(self, program):
        """A fresh interpreter computes the same digest."""
        code = (
            "import runpy, sys; "
            f"ns = runpy.run_path({str(HERE / 'pkh_like.py')!r}); "
            "sys.stdout.write(ns['build_program']().rule_hash())"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "12345"},
        )

        assert program.rule_hash() == out.stdout


class TestThresholdValues:
    """With parameters and a date, thresholds carry their values."""

    def test_the_values_in_force_fill_the_parameter_thresholds(
        self, program, params, pkh
    ):
        """pkh.max_decile is 4 and pkh.lansia_age 60 in 2020."""
        found = {
            t.parameter: t.value
            for t in program.thresholds(params, pkh.ON)
            if t.parameter is not None
        }

        assert 4 == found["pkh.max_decile"]
        assert 60 == found["pkh.lansia_age"]
