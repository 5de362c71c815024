"""Aggregations over members: count, all, sum, and their unknowns."""

import datetime as dt

from dayasos.model import (
    PPKS,
    Family,
    FamilyMember,
    LegalReference,
    Person,
    Relation,
)
from dayasos.money import Rupiah
from dayasos.policy import ParameterSet
from dayasos.rules import (
    Criterion,
    Outcome,
    Program,
    all_of,
    count,
    each,
    root,
    sum_of,
)


family = root(Family)
member = each(FamilyMember)
ON = dt.date(2020, 7, 21)


def _outcome(test, *people):
    """Decide one criterion for a family of these people."""
    program = Program(
        code="A",
        entity=Family,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=[Criterion("a", test)],
    )
    members = [
        FamilyMember(
            person=p, relation=Relation.HEAD if i == 0 else Relation.CHILD
        )
        for i, p in enumerate(people)
    ]
    decision = program.decide(
        Family(id="f", members=members), on=ON, params=ParameterSet()
    )
    return decision.criteria[0]


class TestCount:
    """count is exact when every item is known, else unknown."""

    def test_count_of_known_items(self):
        """Two of three members are affected by COVID-19."""
        result = _outcome(
            count(family.members, member.person.covid_affected) >= 2,
            Person(id="a", covid_affected=True),
            Person(id="b", covid_affected=True),
            Person(id="c", covid_affected=False),
        )

        assert Outcome.PASS == result.outcome

    def test_count_with_an_unknown_item_is_unknown(self):
        """One member not asked: the count is unknown, the path named."""
        result = _outcome(
            count(family.members, member.person.covid_affected) >= 2,
            Person(id="a", covid_affected=True),
            Person(id="b"),
        )

        assert Outcome.UNKNOWN == result.outcome
        assert ("members[1].person.covid_affected",) == result.missing

    def test_count_without_a_filter_counts_members(self):
        """Three members."""
        result = _outcome(
            count(family.members).eq(3),
            Person(id="a"),
            Person(id="b"),
            Person(id="c"),
        )

        assert Outcome.PASS == result.outcome


class TestAllOf:
    """all_of: one known failure decides, unknowns need input."""

    def test_one_false_item_decides(self):
        """A living member makes 'all deceased' false, unknowns aside."""
        result = _outcome(
            all_of(family.members, member.person.deceased),
            Person(id="a"),
            Person(id="b", deceased=False),
        )

        assert Outcome.FAIL == result.outcome
        assert () == result.missing

    def test_unknown_items_leave_it_unknown(self):
        """Every known item true, one unknown: unknown."""
        result = _outcome(
            all_of(family.members, member.person.deceased),
            Person(id="a", deceased=True),
            Person(id="b"),
        )

        assert Outcome.UNKNOWN == result.outcome


class TestSumAndContains:
    """Sums of Rupiah and set membership."""

    def test_sum_of_money_over_matching_members(self):
        """Rp100 per elderly-neglected member, two of them."""
        per_member = sum_of(
            family.members,
            Rupiah(100),
            where=member.person.ppks.contains(PPKS.LANSIA_TERLANTAR),
        )
        result = _outcome(
            per_member.eq(Rupiah(200)),
            Person(id="a", ppks={PPKS.LANSIA_TERLANTAR}),
            Person(id="b", ppks={PPKS.LANSIA_TERLANTAR}),
            Person(id="c", ppks=set()),
        )

        assert Outcome.PASS == result.outcome

    def test_an_unassessed_member_leaves_the_sum_unknown(self):
        """PPKS not assessed for one member: unknown."""
        per_member = sum_of(
            family.members,
            Rupiah(100),
            where=member.person.ppks.contains(PPKS.LANSIA_TERLANTAR),
        )
        result = _outcome(
            per_member >= Rupiah(100),
            Person(id="a", ppks=set()),
            Person(id="b"),
        )

        assert Outcome.UNKNOWN == result.outcome
        assert ("members[1].person.ppks",) == result.missing


class TestInputsRead:
    """A criterion reports the values it read, by path."""

    def test_each_member_value_is_reported(self):
        """The deceased flag of each member, in order."""
        result = _outcome(
            all_of(family.members, ~member.person.deceased),
            Person(id="a", deceased=False),
            Person(id="b", deceased=False),
        )

        assert (
            ("members[0].person.deceased", False),
            ("members[1].person.deceased", False),
        ) == result.inputs
