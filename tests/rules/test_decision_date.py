"""The decision date, whole years between dates, and graduation kinds."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import RuleDefinitionError
from dayasos.model import (
    Family,
    FamilyMember,
    GraduationKind,
    Institution,
    InstitutionKind,
    LegalReference,
    Membership,
    MembershipState,
    Person,
    Relation,
)
from dayasos.policy import ParameterSet, parse_parameters
from dayasos.rules import (
    Criterion,
    Outcome,
    Program,
    decision_date,
    graduated_from,
    param,
    root,
    years_between,
)
from dayasos.rules._canonical import canonical_expr
from dayasos.rules._expr import DecisionDate


ON = dt.date(2021, 4, 5)
REFERENCE = LegalReference(instrument="Permensos", number="1", year=2018)
institution = root(Institution)
family = root(Family)


def institution_program(test):
    """A programme of one criterion over institutions."""
    return Program(
        code="I",
        entity=Institution,
        reference=REFERENCE,
        criteria=[Criterion("i.test", test)],
    )


def family_program(test):
    """A programme of one criterion over families."""
    return Program(
        code="F",
        entity=Family,
        reference=REFERENCE,
        criteria=[Criterion("f.test", test)],
    )


def decide_institution(test, *, on=ON, params=None, **fields):
    """The criterion's result for a TKSK with these fields."""
    decision = institution_program(test).decide(
        Institution(id="i1", kind=InstitutionKind.TKSK, **fields),
        on=on,
        params=params or ParameterSet(),
    )
    return decision.criteria[0]


def graduate(on, kind):
    """A PKH membership active since 2015 that graduated on a date."""
    return (
        Membership.propose("PKH", dt.date(2015, 1, 5))
        .verify(dt.date(2015, 2, 2))
        .activate(dt.date(2015, 3, 2))
        .graduate(on, kind)
    )


def decide_family(test, memberships, *, on=ON, params=None):
    """The criterion's result for a family with these memberships."""
    head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
    decision = family_program(test).decide(
        Family(id="f1", members=[head], memberships=memberships),
        on=on,
        params=params or ParameterSet(),
    )
    return decision.criteria[0]


KINDS = parse_parameters(
    """
description = { id = "Jenis graduasi", en = "Graduation kinds" }
unit = "codes"
[[values]]
since = 2021-01-01
value = ["alamiah"]
[values.reference]
instrument = "Simulasi"
title = "Jenis graduasi"
""",
    name="demo.kinds",
)


class TestDecisionDate:
    """decision_date() is the date decide was given."""

    def test_is_a_date_node_without_fields(self):
        """The node is typed as a date and has a fixed canonical form."""
        node = decision_date()

        assert "date" == str(node.vtype)
        assert DecisionDate() == node
        assert {"node": "DecisionDate"} == canonical_expr(node)

    @pytest.mark.parametrize(
        ("since", "expected"),
        [
            (dt.date(2019, 1, 2), Outcome.PASS),
            (ON, Outcome.PASS),
            (dt.date(2021, 4, 6), Outcome.FAIL),
            (None, Outcome.UNKNOWN),
        ],
    )
    def test_a_start_after_the_date_fails_and_an_unknown_one_is_unknown(
        self, since, expected
    ):
        """active_since <= decision_date() is known whenever the start is."""
        result = decide_institution(
            institution.active_since <= decision_date(), active_since=since
        )

        assert expected == result.outcome

    def test_only_the_field_is_missing_when_it_is_unknown(self):
        """The decision date itself is never reported missing."""
        result = decide_institution(
            institution.active_since <= decision_date()
        )

        assert ("active_since",) == result.missing

    def test_the_date_follows_the_decision(self):
        """The same record passes on one date and fails on an earlier one."""
        test = institution.active_since <= decision_date()
        since = dt.date(2020, 1, 1)

        assert Outcome.PASS == (
            decide_institution(test, active_since=since).outcome
        )
        assert Outcome.FAIL == (
            decide_institution(
                test, active_since=since, on=dt.date(2019, 12, 31)
            ).outcome
        )

    def test_a_date_constant_compares_with_it(self):
        """decision_date() < a date is a cut-off written in the rule."""
        test = decision_date() < dt.date(2021, 1, 1)

        assert Outcome.FAIL == decide_institution(test).outcome
        assert Outcome.PASS == (
            decide_institution(test, on=dt.date(2020, 12, 31)).outcome
        )

    def test_it_does_not_compare_with_a_number(self):
        """A date compared with an int is refused when the rule is built."""
        with pytest.raises(RuleDefinitionError) as info:
            decision_date() <= 4  # noqa: B015 - builds a node

        assert "rules.type_mismatch" == info.value.error_code


class TestYearsBetween:
    """Whole years from one date to another, rounded down."""

    @pytest.mark.parametrize(
        ("since", "expected"),
        [
            (dt.date(2019, 4, 5), 2),
            (dt.date(2019, 4, 6), 1),
            (ON, 0),
            (dt.date(2021, 4, 6), -1),
            (dt.date(2022, 4, 5), -1),
            (dt.date(2022, 4, 6), -2),
        ],
    )
    def test_whole_years_to_the_decision_date(self, since, expected):
        """A start after the date gives a negative number of years."""
        test = years_between(institution.active_since, decision_date()).eq(
            expected
        )

        assert Outcome.PASS == (
            decide_institution(test, active_since=since).outcome
        )

    def test_at_least_zero_years_fails_for_a_later_start(self):
        """The old age_of(x) >= 0 reading now fails instead of being open."""
        test = years_between(institution.active_since, decision_date()) >= 0

        assert Outcome.FAIL == (
            decide_institution(test, active_since=dt.date(2021, 4, 6)).outcome
        )

    def test_unknown_when_a_date_is_unknown(self):
        """A missing start leaves the number of years unknown."""
        result = decide_institution(
            years_between(institution.active_since, decision_date()) >= 0
        )

        assert Outcome.UNKNOWN == result.outcome
        assert ("active_since",) == result.missing

    @given(
        st.dates(dt.date(1950, 1, 1), dt.date(2050, 12, 31)),
        st.dates(dt.date(1950, 1, 1), dt.date(2050, 12, 31)),
    )
    def test_counts_anniversaries_up_to_the_end(self, start, end):
        """The count is the largest n with start + n years on or before end."""
        result = decide_institution(
            years_between(institution.active_since, decision_date()).eq(
                _floor_years(start, end)
            ),
            active_since=start,
            on=end,
        )

        assert Outcome.PASS == result.outcome

    def test_a_number_is_not_a_date(self):
        """years_between refuses what is not a date."""
        with pytest.raises(RuleDefinitionError) as info:
            years_between(root(Family).decile, decision_date())

        assert "rules.type_mismatch" == info.value.error_code

    def test_is_described_by_its_dates(self):
        """Introspection names the node by the dates it reads."""
        program = institution_program(
            years_between(institution.active_since, decision_date()) >= 2
        )

        assert ("active_since",) == program.inputs()
        assert ["years_between(active_since, decision_date)"] == [
            t.field for t in program.thresholds()
        ]


def _floor_years(start, end):
    """The largest n whose n-th anniversary of start is not after end."""
    n = end.year - start.year + 1
    while _anniversary(start, n) > end:
        n -= 1
    return n


def _anniversary(day, years):
    """The n-th anniversary; 29 February falls on 1 March off leap years."""
    try:
        return dt.date(day.year + years, day.month, day.day)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


class TestGraduatedFrom:
    """graduated_from with a graduation kind and a date."""

    def test_any_kind_when_no_kind_is_given(self):
        """A mandiri graduation counts when the kind is not asked."""
        result = decide_family(
            graduated_from("PKH"),
            [graduate(dt.date(2020, 6, 30), GraduationKind.MANDIRI)],
        )

        assert Outcome.PASS == result.outcome

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (GraduationKind.ALAMIAH, Outcome.PASS),
            (GraduationKind.MANDIRI, Outcome.FAIL),
        ],
    )
    def test_only_the_kind_asked_for_counts(self, kind, expected):
        """An alamiah criterion fails a mandiri graduate."""
        result = decide_family(
            graduated_from("PKH", GraduationKind.ALAMIAH),
            [graduate(dt.date(2020, 6, 30), kind)],
        )

        assert expected == result.outcome

    def test_a_tuple_of_kinds_accepts_either(self):
        """Several kinds may be named at once."""
        test = graduated_from(
            "PKH", (GraduationKind.ALAMIAH, GraduationKind.MANDIRI)
        )

        assert Outcome.PASS == (
            decide_family(
                test, [graduate(dt.date(2020, 6, 30), GraduationKind.MANDIRI)]
            ).outcome
        )

    def test_kinds_may_come_from_a_parameter(self):
        """A parameter of codes names the kinds; it is required in force."""
        test = graduated_from("PKH", param("demo.kinds"))
        alamiah = [graduate(dt.date(2020, 6, 30), GraduationKind.ALAMIAH)]
        mandiri = [graduate(dt.date(2020, 6, 30), GraduationKind.MANDIRI)]

        assert ("demo.kinds",) == family_program(test).parameters()
        assert Outcome.PASS == (
            decide_family(test, alamiah, params=KINDS).outcome
        )
        assert Outcome.FAIL == (
            decide_family(test, mandiri, params=KINDS).outcome
        )

    def test_a_graduation_on_or_after_the_date_does_not_count(self):
        """Graduation is strictly before the decision date."""
        test = graduated_from("PKH", GraduationKind.ALAMIAH)

        assert Outcome.FAIL == (
            decide_family(test, [graduate(ON, GraduationKind.ALAMIAH)]).outcome
        )

    def test_an_unrecorded_kind_is_unknown(self):
        """A graduation without its kind leaves the criterion open."""
        membership = (
            Membership.propose("PKH", dt.date(2015, 1, 5))
            .verify(dt.date(2015, 2, 2))
            .activate(dt.date(2015, 3, 2))
            .transition(MembershipState.GRADUATED, dt.date(2020, 6, 30))
        )
        result = decide_family(
            graduated_from("PKH", GraduationKind.ALAMIAH), [membership]
        )

        assert Outcome.UNKNOWN == result.outcome
        assert ("memberships[PKH].graduation",) == result.missing

    def test_uncollected_memberships_are_unknown(self):
        """Without memberships nothing is known."""
        result = decide_family(
            graduated_from("PKH", GraduationKind.ALAMIAH), None
        )

        assert Outcome.UNKNOWN == result.outcome
        assert ("memberships",) == result.missing

    @pytest.mark.parametrize(
        ("graduated", "expected"),
        [
            (dt.date(2019, 12, 31), Outcome.PASS),
            (dt.date(2020, 1, 1), Outcome.FAIL),
        ],
    )
    def test_before_sets_another_date(self, graduated, expected):
        """before= counts graduations before that date only."""
        test = graduated_from("PKH", before=dt.date(2020, 1, 1))

        assert expected == (
            decide_family(
                test, [graduate(graduated, GraduationKind.ALAMIAH)]
            ).outcome
        )

    def test_two_graduations_on_one_day_are_both_read(self):
        """Memberships graduating the same day are compared by date only."""
        test = graduated_from("PKH", GraduationKind.ALAMIAH)
        day = dt.date(2020, 6, 30)
        both = [
            graduate(day, GraduationKind.MANDIRI),
            graduate(day, GraduationKind.ALAMIAH),
        ]

        assert Outcome.PASS == decide_family(test, both).outcome

    def test_an_unknown_before_date_without_graduations_is_false(self):
        """Kleene: with no graduation at all the date does not matter."""
        test = graduated_from("PKH", before=root(Family).head.birth_date)
        active = [
            Membership.propose("PKH", dt.date(2015, 1, 5))
            .verify(dt.date(2015, 2, 2))
            .activate(dt.date(2015, 3, 2))
        ]
        graduated = [graduate(dt.date(2020, 6, 30), GraduationKind.ALAMIAH)]

        assert (Outcome.FAIL, ()) == (
            decide_family(test, active).outcome,
            decide_family(test, active).missing,
        )
        assert (Outcome.UNKNOWN, ("head.birth_date",)) == (
            decide_family(test, graduated).outcome,
            decide_family(test, graduated).missing,
        )

    def test_a_kind_that_is_not_a_graduation_kind_is_refused(self):
        """Kinds are GraduationKind members, tuples of them or parameters."""
        with pytest.raises(RuleDefinitionError) as info:
            graduated_from("PKH", "alamiah")

        assert "rules.graduation_kind" == info.value.error_code

    def test_before_must_be_a_date(self):
        """before= refuses a number."""
        with pytest.raises(RuleDefinitionError) as info:
            graduated_from("PKH", before=2020)

        assert "rules.type_mismatch" == info.value.error_code

    def test_the_canonical_form_without_options_is_unchanged(self):
        """Rules that name neither kind nor date keep their hash."""
        assert {"node": "GraduatedFrom", "program": "PKH"} == canonical_expr(
            graduated_from("PKH")
        )

    def test_the_kind_changes_the_rule_hash(self):
        """Naming a kind is a different rule."""
        plain = family_program(graduated_from("PKH"))
        alamiah = family_program(graduated_from("PKH", GraduationKind.ALAMIAH))
        mandiri = family_program(graduated_from("PKH", GraduationKind.MANDIRI))

        assert 3 == len({p.rule_hash() for p in (plain, alamiah, mandiri)})
