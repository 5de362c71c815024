"""The entitlement's top-k with a cap, against brute force."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    Relation,
)
from dayasos.money import Rupiah
from dayasos.policy import ParameterSet
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    age_of,
    each,
    root,
    sum_largest,
)
from dayasos.rules._compile import Context, Env, compile_expr


ON = dt.date(2020, 7, 21)
member = each(FamilyMember)
family = root(Family)
age = age_of(member.person.birth_date)
BASE_AGE = 20


def _program(amounts, cap, max_count=None):
    """Return a programme paying amounts[i] to members aged 20 + i."""
    components = [
        Component(
            f"c{i}",
            when=age.eq(BASE_AGE + i),
            amount=Rupiah(amount),
            max_count=None if max_count is None else max_count[i],
        )
        for i, amount in enumerate(amounts)
    ]
    return Program(
        code="TOPK",
        entity=Family,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=[Criterion("t.decile", family.decile <= 10)],
        entitlement=Entitlement(components=components, cap=cap),
    )


def _family(kinds):
    """Return a family whose member i qualifies for component kinds[i]."""
    members = [
        FamilyMember(
            person=Person(
                id=f"p{i}", birth_date=dt.date(2000 - BASE_AGE - kind, 1, 1)
            ),
            relation=Relation.HEAD if i == 0 else Relation.CHILD,
        )
        for i, kind in enumerate(kinds)
    ]
    return Family(id="f", members=members, decile=1)


amounts_st = st.lists(
    st.integers(min_value=-1_000_000, max_value=5_000_000),
    min_size=1,
    max_size=5,
)


@st.composite
def cases(draw):
    """Draw component amounts, each member's component, and a cap."""
    amounts = draw(amounts_st)
    kinds = draw(
        st.lists(st.integers(0, len(amounts) - 1), min_size=1, max_size=8)
    )
    cap = draw(st.integers(0, 6))
    return amounts, kinds, cap


def _brute_force(amounts, kinds, cap):
    """Return the sum of the cap largest non-negative amounts."""
    paid = sorted((max(amounts[k], 0) for k in kinds), reverse=True)
    return sum(paid[:cap])


class TestTopK:
    """At most `cap` members count, the highest amounts first."""

    @given(cases())
    def test_the_total_is_the_sum_of_the_cap_largest_amounts(self, case):
        """Greedy selection equals sorting every member's amount."""
        amounts, kinds, cap = case

        decision = _program(amounts, cap).decide(
            _family(kinds), on=dt.date(2000, 1, 1), params=ParameterSet()
        )

        assert _brute_force(amounts, kinds, cap) == decision.total.amount

    @given(cases(), st.randoms(use_true_random=False))
    def test_member_order_does_not_change_the_total(self, case, random):
        """Shuffling the members keeps the total."""
        amounts, kinds, cap = case
        program = _program(amounts, cap)
        shuffled = list(kinds)
        random.shuffle(shuffled)
        on = dt.date(2000, 1, 1)

        first = program.decide(_family(kinds), on=on, params=ParameterSet())
        second = program.decide(
            _family(shuffled), on=on, params=ParameterSet()
        )

        assert first.total == second.total

    @given(cases(), st.lists(st.integers(0, 3), min_size=5, max_size=5))
    def test_amounts_are_never_negative_and_limits_hold(self, case, limits):
        """No negative award; the cap and each component's limit hold."""
        amounts, kinds, cap = case
        program = _program(amounts, cap, max_count=limits)

        decision = program.decide(
            _family(kinds), on=dt.date(2000, 1, 1), params=ParameterSet()
        )

        assert all(a.amount.amount > 0 for a in decision.awards)
        assert all(i.amount.amount >= 0 for i in decision.line_items)
        assert len(decision.awards) <= cap
        for i in range(len(amounts)):
            assert (
                sum(a.component == f"c{i}" for a in decision.awards)
                <= limits[i]
            )
        assert len({a.member for a in decision.awards}) == len(decision.awards)
        kept = []
        for i, amount in enumerate(amounts):
            kept.extend([max(amount, 0)] * min(limits[i], kinds.count(i)))
        expected = sum(sorted(kept, reverse=True)[:cap])

        assert expected == decision.total.amount


class TestSumLargest:
    """sum_largest is the same top-k, as an expression."""

    @given(
        st.lists(st.integers(0, 90), min_size=1, max_size=8),
        st.integers(0, 9),
    )
    def test_sum_largest_equals_sorting(self, ages, k):
        """The k largest ages add up as sorting says."""
        total = sum_largest(family.members, age, k)
        program = Program(
            code="S",
            entity=Family,
            reference=LegalReference(
                instrument="Permensos", number="1", year=2018
            ),
            criteria=[Criterion("s", total >= 0)],
        )
        members = [
            FamilyMember(
                person=Person(id=f"p{i}", birth_date=dt.date(2000 - a, 1, 1)),
                relation=Relation.HEAD if i == 0 else Relation.CHILD,
            )
            for i, a in enumerate(ages)
        ]
        fn = compile_expr(total, Context({}))
        value = fn(Env(Family(id="f", members=members), dt.date(2000, 1, 1)))

        assert program.criteria[0].code == "s"
        assert sum(sorted(ages, reverse=True)[:k]) == value
