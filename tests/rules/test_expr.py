"""Definition-time checks of rule expressions."""

import datetime as dt

import pytest

from dayasos.errors import RuleDefinitionError
from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    Relation,
    SchoolLevel,
)
from dayasos.money import Rupiah
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Kind,
    Program,
    active_in,
    age_of,
    any_of,
    count,
    each,
    param,
    root,
    sum_of,
)


family = root(Family)
member = each(FamilyMember)


def _code(info):
    """Return the error code of a caught error."""
    return info.value.error_code


class TestFieldAccess:
    """Fields are checked against the model when a rule is written."""

    def test_a_misspelled_family_field_is_refused_at_once(self):
        """`family.decle` raises before any family is decided."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = family.decle

        assert "rules.unknown_field" == _code(info)
        assert "decle" == info.value.path

    def test_a_misspelled_nested_field_names_its_whole_path(self):
        """`member.person.schooling.levle` is refused with its path."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = member.person.schooling.levle

        assert "person.schooling.levle" == info.value.path
        assert "Schooling has no field 'levle'" in str(info.value)

    def test_a_nested_field_has_the_type_of_the_model(self):
        """`member.person.schooling.level` is an enum of SchoolLevel."""
        level = member.person.schooling.level

        assert Kind.ENUM == level.vtype.kind
        assert SchoolLevel is level.vtype.cls

    def test_a_plain_value_has_no_fields(self):
        """`family.decile.value` is refused: a decile is an int."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = family.decile.value

        assert "rules.not_a_record" == _code(info)

    def test_typed_properties_read_like_fields(self):
        """`person.has_severe_disability` is a truth value."""
        assert Kind.BOOL == member.person.has_severe_disability.vtype.kind


class TestTypes:
    """Comparisons and arithmetic of unlike things are refused."""

    def test_a_decile_cannot_be_compared_with_money(self):
        """`decile <= Rp4` is a type mismatch."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = family.decile <= Rupiah(4)

        assert "rules.type_mismatch" == _code(info)

    def test_enums_have_no_order(self):
        """`level < SMP` is refused; enums compare with eq or is_in."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = member.person.schooling.level < SchoolLevel.SMP

        assert "rules.not_ordered" == _code(info)

    def test_an_enum_compared_with_an_unknown_code_is_refused(self):
        """`level.eq("smu")` is refused: no such school level."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = member.person.schooling.level.eq("smu")

        assert "rules.type_mismatch" == _code(info)

    def test_an_enum_compared_with_its_code_is_accepted(self):
        """`level.eq("smp")` reads as `level.eq(SchoolLevel.SMP)`."""
        rule = member.person.schooling.level.eq("smp")

        assert Kind.BOOL == rule.vtype.kind

    def test_is_in_refuses_an_option_of_another_enum(self):
        """A SchoolLevel is never a Relation."""
        with pytest.raises(RuleDefinitionError):
            member.person.schooling.level.is_in(Relation.HEAD)

    def test_float_constants_are_refused(self):
        """Money and counts are exact: 4.0 is not a decile."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = family.decile <= 4.0

        assert "rules.float" == _code(info)

    def test_money_plus_int_is_refused(self):
        """Rupiah + int is not money."""
        with pytest.raises(RuleDefinitionError):
            _ = sum_of(family.members, Rupiah(1)) + 1

    def test_money_times_int_is_money(self):
        """Rupiah * int is money."""
        amount = param("x") * 2 + Rupiah(5)

        assert Kind.MONEY == amount.vtype.kind

    def test_and_needs_truth_values(self):
        """`decile & ...` is refused: a decile is not true or false."""
        with pytest.raises(RuleDefinitionError) as info:
            _ = family.decile & (family.decile <= 4)

        assert "rules.not_boolean" == _code(info)

    def test_age_needs_a_date(self):
        """The age of a decile makes no sense."""
        with pytest.raises(RuleDefinitionError):
            age_of(family.decile)

    def test_date_constants_compare_with_dates(self):
        """A birth date compares with a date."""
        rule = member.person.birth_date < dt.date(1960, 1, 1)

        assert Kind.BOOL == rule.vtype.kind


class TestAggregation:
    """Aggregations run over the entity's collections."""

    def test_an_aggregation_needs_a_collection(self):
        """Aggregating over the decile is refused."""
        with pytest.raises(RuleDefinitionError) as info:
            count(family.decile)

        assert "rules.not_a_collection" == _code(info)

    def test_the_items_must_match_the_collection(self):
        """A Person item cannot be read over family members."""
        person = each(Person)

        with pytest.raises(RuleDefinitionError) as info:
            any_of(family.members, person.deceased)

        assert "rules.wrong_item" == _code(info)

    def test_aggregations_do_not_nest(self):
        """Count inside any_of is refused."""
        with pytest.raises(RuleDefinitionError) as info:
            any_of(family.members, count(family.members) >= 1)

        assert "rules.nested" == _code(info)


def _program(*criteria, entity=Family, entitlement=None):
    """Return a programme with the given criteria."""
    return Program(
        code="T",
        entity=entity,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=criteria,
        entitlement=entitlement,
    )


class TestProgramDefinition:
    """A programme checks its criteria against the entity it decides."""

    def test_an_item_field_outside_an_aggregation_is_refused(self):
        """`member.person.deceased` alone reads no particular member."""
        with pytest.raises(RuleDefinitionError) as info:
            _program(Criterion("t.x", member.person.deceased))

        assert "rules.item_outside" == _code(info)

    def test_a_field_of_another_entity_is_refused(self):
        """A Family programme cannot read a Person's field at the top."""
        person = root(Person)

        with pytest.raises(RuleDefinitionError) as info:
            _program(Criterion("t.x", person.deceased))

        assert "rules.wrong_entity" == _code(info)

    def test_memberships_need_an_entity_that_records_them(self):
        """A person records no memberships."""
        with pytest.raises(RuleDefinitionError) as info:
            _program(Criterion("t.x", ~active_in("BST")), entity=Person)

        assert "rules.no_memberships" == _code(info)

    def test_a_criterion_tests_a_truth_value(self):
        """A decile is not a criterion."""
        with pytest.raises(RuleDefinitionError) as info:
            Criterion("t.x", family.decile)

        assert "rules.not_boolean" == _code(info)

    def test_criterion_codes_are_unique(self):
        """Two criteria cannot share a code."""
        rule = family.decile <= 4

        with pytest.raises(RuleDefinitionError) as info:
            _program(Criterion("t.x", rule), Criterion("t.x", rule))

        assert "rules.duplicate" == _code(info)

    def test_a_component_pays_money(self):
        """A component paying a decile is refused."""
        with pytest.raises(RuleDefinitionError):
            Component("x", when=member.person.deceased, amount=family.decile)

    def test_a_parameter_of_the_wrong_unit_is_refused_when_compiled(
        self, params
    ):
        """Comparing the decile with an amount parameter fails to compile."""
        program = _program(
            Criterion("t.x", family.decile <= param("pkh.amount.lansia"))
        )

        with pytest.raises(RuleDefinitionError) as info:
            program.compile(params, dt.date(2020, 1, 1))

        assert "rules.type_mismatch" == _code(info)

    def test_a_component_over_a_wrong_item_is_refused(self):
        """Components read the members the entitlement pays over."""
        person = each(Person)
        entitlement = Entitlement(
            components=[Component("x", when=person.deceased, amount=Rupiah(1))]
        )

        with pytest.raises(RuleDefinitionError):
            _program(
                Criterion("t.x", family.decile <= 4), entitlement=entitlement
            )


class TestEqualityOperator:
    """`==` compares trees; rules spell equality `eq`."""

    def test_a_criterion_written_with_double_equals_is_refused(self):
        """`family.decile == 4` is a bool, and the error says to use eq."""
        with pytest.raises(RuleDefinitionError) as info:
            Criterion("t.x", family.decile == 4)

        assert "rules.not_boolean" == _code(info)
        assert ".eq(4)" in str(info.value)
