"""Tests for how entitlements are paid over a year: tahap, grants, rates."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dayasos.errors import ParameterError, RuleDefinitionError
from dayasos.ids import Sex
from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    Relation,
)
from dayasos.money import Rupiah, allocate
from dayasos.periods import TahapSchedule
from dayasos.policy import ParameterSet, parse_parameters
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Grant,
    Program,
    each,
    param,
    root,
)


REFERENCE = LegalReference(instrument="Permensos", number="1", year=2018)
family = root(Family)
member = each(FamilyMember)
ON = dt.date(2020, 7, 21)


def parameter(name, unit, *values):
    """A parameter from (since, until, value) rows; gaps allowed."""
    lines = [
        f'description = {{ id = "{name}", en = "{name}" }}',
        f'unit = "{unit}"',
        'gaps = "allowed"',
    ]
    for since, until, value in values:
        lines += ["[[values]]", f"since = {since.isoformat()}"]
        if until is not None:
            lines.append(f"until = {until.isoformat()}")
        lines += [
            f"value = {value}",
            "[values.reference]",
            'instrument = "Simulasi"',
            f'number = "{name}"',
        ]
    return parse_parameters("\n".join(lines), name=name)


def params(*extra):
    """The demo's parameters: a yearly index, a monthly rate, a grant."""
    found = ParameterSet()
    return found.merge(
        parameter(
            "demo.index",
            "rupiah_per_year",
            (dt.date(2019, 1, 1), None, 2_400_000),
        ),
        parameter(
            "demo.rate",
            "rupiah_per_month",
            (dt.date(2020, 1, 1), dt.date(2020, 3, 1), 150_000),
            (dt.date(2020, 3, 1), None, 200_000),
        ),
        parameter(
            "demo.grant",
            "rupiah_per_year",
            (dt.date(2019, 1, 1), dt.date(2020, 1, 1), 550_000),
        ),
        *extra,
    )


def schedule_of(*starts, year=2020):
    """Tahap starting on the first day of each month in `starts`."""
    bounds = [dt.date(year, m, 1) for m in starts] + [dt.date(year + 1, 1, 1)]
    return TahapSchedule.from_boundaries({year: bounds}, program="DEMO")


#: 2020 as PKH paid it: tahap 1 January-March, then monthly.
MONTHLY_FROM_APRIL = schedule_of(1, *range(4, 13))
QUARTERLY = TahapSchedule.quarterly(range(2019, 2022), program="DEMO")


def program(*, components=(), grants=(), cap=None, schedule=QUARTERLY):
    """A demo programme over families, with no criteria."""
    return Program(
        code="DEMO",
        entity=Family,
        reference=REFERENCE,
        criteria=[],
        entitlement=Entitlement(
            components=components,
            grants=grants,
            cap=cap,
            schedule=schedule,
        ),
    )


def people(n, **fields):
    """A family of `n`: the first is the head."""
    members = [
        FamilyMember(
            person=Person(
                id=f"p{i}",
                birth_date=dt.date(1980, 1, 1),
                sex=Sex.FEMALE,
            ),
            relation=Relation.HEAD if i == 0 else Relation.CHILD,
        )
        for i in range(n)
    ]
    values = {"id": "f1", "members": members, "decile": 2}
    values.update(fields)
    return Family(**values)


EVERYONE = member.person.id.is_known()
INDEX = Component("index", when=EVERYONE, amount=param("demo.index"))


def by_period(decision):
    """The line items summed per period."""
    found = dict.fromkeys(decision.periods, 0)
    for item in decision.line_items:
        found[item.period] += item.amount.amount
    return found


def agree(decision):
    """Line items, period totals, awards and the total agree."""
    return (
        {p: a.amount for p, a in decision.totals} == by_period(decision)
        and decision.total.amount == sum(a.amount for _, a in decision.totals)
        and decision.total.amount
        == sum(a.amount.amount for a in decision.awards)
    )


class TestTahapWeights:
    """A yearly amount is split by the months each tahap covers."""

    def test_quarterly_tahap_are_paid_equal_shares(self):
        """Four quarters of three months: a quarter of the year each."""
        decision = program(components=[INDEX]).decide(
            people(1), on=ON, params=params()
        )

        assert [Rupiah(600_000)] * 4 == [a for _, a in decision.totals]

    def test_a_tahap_of_three_months_is_paid_three_monthly_shares(self):
        """2020: tahap 1 covers January-March, then one month each."""
        decision = program(
            components=[INDEX], schedule=MONTHLY_FROM_APRIL
        ).decide(people(1), on=ON, params=params())
        totals = dict(decision.totals)

        assert Rupiah(600_000) == totals["2020-T1"]
        assert Rupiah(200_000) == totals["2020-T2"]
        assert Rupiah(200_000) == totals["2020-T10"]
        assert Rupiah(2_400_000) == decision.total

    def test_each_award_is_split_with_allocate_by_months(self):
        """The line items of an award are its allocate shares."""
        decision = program(
            components=[INDEX], schedule=MONTHLY_FROM_APRIL
        ).decide(people(1), on=ON, params=params())

        items = [i.amount for i in decision.line_items]

        assert allocate(Rupiah(2_400_000), [3] + [1] * 9) == items

    def test_rupiah_left_over_are_not_lost(self):
        """Rp1,000,001 over the 2020 tahap still adds up."""
        odd = parameter(
            "demo.odd",
            "rupiah_per_year",
            (dt.date(2019, 1, 1), None, 1_000_001),
        )
        component = Component("odd", when=EVERYONE, amount=param("demo.odd"))

        decision = program(
            components=[component], schedule=MONTHLY_FROM_APRIL
        ).decide(people(3), on=ON, params=params(odd))

        assert Rupiah(3_000_003) == decision.total
        assert agree(decision)

    def test_without_a_schedule_the_year_is_the_one_period(self):
        """No tahap: one period, the year, paid the whole amount."""
        decision = program(components=[INDEX], schedule=None).decide(
            people(1), on=ON, params=params()
        )

        assert (("2020", Rupiah(2_400_000)),) == decision.totals

    def test_tahap_holding_no_first_of_month_share_equally(self):
        """Two half-month tahap: no month starts in the second, so equal."""
        schedule = TahapSchedule.from_boundaries(
            {
                2020: [
                    dt.date(2020, 1, 10),
                    dt.date(2020, 1, 20),
                    dt.date(2020, 1, 30),
                ]
            },
            program="DEMO",
        )

        decision = program(components=[INDEX], schedule=schedule).decide(
            people(1), on=ON, params=params()
        )

        assert [Rupiah(1_200_000)] * 2 == [a for _, a in decision.totals]


class TestGrants:
    """A grant belongs to the family, outside the members' cap."""

    GRANT = Grant("tetap", amount=param("demo.grant"), paid="first_tahap")

    def test_a_grant_paid_in_the_first_tahap(self):
        """Rp550,000 whole in 2019-T1, nothing after."""
        decision = program(components=[INDEX], grants=[self.GRANT]).decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )
        totals = [a.amount for _, a in decision.totals]

        assert [1_150_000, 600_000, 600_000, 600_000] == totals
        assert agree(decision)

    def test_the_grant_line_names_the_family(self):
        """The member of a grant's award is the entity's own id."""
        decision = program(grants=[self.GRANT]).decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )

        assert [("f1", "tetap")] == [
            (a.member, a.component) for a in decision.awards
        ]

    def test_a_grant_is_outside_the_cap(self):
        """A cap of one member still pays the grant."""
        decision = program(
            components=[INDEX], grants=[self.GRANT], cap=1
        ).decide(people(3), on=dt.date(2019, 7, 1), params=params())

        assert ["index", "tetap"] == [a.component for a in decision.awards]

    def test_a_spread_grant_is_split_like_a_component(self):
        """paid='spread' splits over the tahap by months."""
        spread = Grant("tetap", amount=param("demo.grant"))

        decision = program(grants=[spread]).decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )

        assert [Rupiah(137_500)] * 4 == [a for _, a in decision.totals]

    def test_a_grant_not_in_force_is_neither_paid_nor_cited(self):
        """The grant was repealed for 2020: no award, no parameter use."""
        decision = program(components=[INDEX], grants=[self.GRANT]).decide(
            people(1), on=ON, params=params()
        )

        assert ["index"] == [a.component for a in decision.awards]
        assert "demo.grant" not in [u.name for u in decision.parameters]

    def test_the_grant_in_force_is_cited_with_its_reference(self):
        """In 2019 the decision lists the grant's value."""
        decision = program(grants=[self.GRANT]).decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )
        uses = {u.name: u for u in decision.parameters}

        assert Rupiah(550_000) == uses["demo.grant"].value
        assert "demo.grant" == uses["demo.grant"].reference.number

    def test_a_grant_whose_condition_fails_is_not_paid(self):
        """when=false: no grant."""
        grant = Grant(
            "tetap", when=family.decile <= 1, amount=param("demo.grant")
        )

        decision = program(grants=[grant]).decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )

        assert () == decision.awards

    def test_an_unknown_condition_leaves_the_amounts_incomplete(self):
        """An unknown decile: no grant, and the amounts are incomplete."""
        grant = Grant(
            "tetap", when=family.decile <= 1, amount=param("demo.grant")
        )

        decision = program(grants=[grant]).decide(
            people(1, decile=None), on=dt.date(2019, 7, 1), params=params()
        )

        assert not decision.entitlement_complete
        assert "decile" in decision.missing

    def test_a_grant_reading_a_member_is_refused(self):
        """A grant's condition reads the entity, not a member."""
        grant = Grant(
            "tetap",
            when=member.relation.eq(Relation.HEAD),
            amount=param("demo.grant"),
        )

        with pytest.raises(RuleDefinitionError) as caught:
            program(grants=[grant])

        assert "rules.item_outside" == caught.value.error_code

    def test_a_grant_and_a_component_may_not_share_a_code(self):
        """Codes are unique across components and grants."""
        with pytest.raises(RuleDefinitionError) as caught:
            program(
                components=[INDEX],
                grants=[Grant("index", amount=param("demo.grant"))],
            )

        assert "rules.duplicate" == caught.value.error_code

    def test_paid_is_spread_or_first_tahap(self):
        """Another word for paid is refused."""
        with pytest.raises(RuleDefinitionError) as caught:
            Grant("tetap", amount=param("demo.grant"), paid="last")

        assert "rules.paid" == caught.value.error_code

    def test_grant_amounts_need_not_be_in_force(self):
        """A grant's parameter is optional, not required on a date."""
        built = program(components=[INDEX], grants=[self.GRANT])

        assert ("demo.grant",) == built.optional_parameters()
        assert "demo.grant" not in built.parameters()


class TestMonthlyRates:
    """A monthly rate pays each month at the rate in force that month."""

    RATE = Component(
        "rate",
        when=member.relation.eq(Relation.HEAD),
        amount=param("demo.rate"),
        per="month",
    )

    def monthly(self, **fields):
        """The demo programme with the monthly component, paid monthly."""
        return program(
            components=[self.RATE], schedule=schedule_of(*range(1, 13))
        ).decide(people(2), params=params(), **fields)

    def test_each_month_is_paid_its_own_rate(self):
        """Rp150,000 in January-February, Rp200,000 from March."""
        decision = self.monthly(on=ON)
        totals = dict(decision.totals)

        assert Rupiah(150_000) == totals["2020-T2"]
        assert Rupiah(200_000) == totals["2020-T3"]
        assert Rupiah(2_300_000) == decision.total
        assert agree(decision)

    def test_a_quarter_sums_its_months(self):
        """Quarterly tahap: Q1 pays 150 + 150 + 200 thousand."""
        decision = program(components=[self.RATE]).decide(
            people(1), on=ON, params=params()
        )

        assert Rupiah(500_000) == decision.totals[0][1]
        assert Rupiah(2_300_000) == decision.total

    def test_every_value_used_is_cited(self):
        """Both rates of 2020 are listed, each with its date."""
        decision = self.monthly(on=ON)

        assert [
            (dt.date(2020, 1, 1), Rupiah(150_000)),
            (dt.date(2020, 3, 1), Rupiah(200_000)),
        ] == [
            (u.since, u.value)
            for u in decision.parameters
            if u.name == "demo.rate"
        ]

    def test_months_in_no_tahap_pay_nothing(self):
        """Tahap from April: January-March are not paid."""
        decision = program(
            components=[self.RATE], schedule=schedule_of(*range(4, 13))
        ).decide(people(1), on=ON, params=params())

        assert Rupiah(1_800_000) == decision.total

    def test_months_without_a_rate_in_force_pay_nothing(self):
        """A rate that ends in October pays nothing in November."""
        short = parameter(
            "demo.short",
            "rupiah_per_month",
            (dt.date(2020, 1, 1), dt.date(2020, 11, 1), 100_000),
        )
        component = Component(
            "short",
            when=member.relation.eq(Relation.HEAD),
            amount=param("demo.short"),
            per="month",
        )

        decision = program(
            components=[component], schedule=schedule_of(*range(1, 13))
        ).decide(people(1), on=ON, params=params(short))

        assert Rupiah(1_000_000) == decision.total
        assert Rupiah(0) == dict(decision.totals)["2020-T11"]

    def test_the_rate_must_be_in_force_on_the_decision_date(self):
        """Before its first value there is nothing to decide."""
        with pytest.raises(ParameterError):
            self.monthly(on=dt.date(2019, 7, 1))

    def test_a_monthly_grant_pays_the_family(self):
        """A grant can be monthly too."""
        grant = Grant("rate", amount=param("demo.rate"), per="month")

        decision = program(
            grants=[grant], schedule=schedule_of(*range(1, 13))
        ).decide(people(1), on=dt.date(2020, 2, 1), params=params())

        assert Rupiah(2_300_000) == decision.total
        assert ["f1"] == [a.member for a in decision.awards]

    def test_per_is_year_or_month(self):
        """Another unit is refused."""
        with pytest.raises(RuleDefinitionError) as caught:
            Component("x", when=EVERYONE, amount=param("x"), per="week")

        assert "rules.per" == caught.value.error_code


class TestCache:
    """The compiled programme is reused only where it still holds."""

    def test_a_new_year_reads_the_new_rates(self):
        """Deciding 2020 then 2021 gives each year its own months."""
        later = parameter(
            "demo.rate2",
            "rupiah_per_month",
            (dt.date(2020, 1, 1), dt.date(2021, 6, 1), 100_000),
            (dt.date(2021, 6, 1), None, 300_000),
        )
        component = Component(
            "rate",
            when=member.relation.eq(Relation.HEAD),
            amount=param("demo.rate2"),
            per="month",
        )
        built = program(components=[component], schedule=None)
        given_params = params(later)

        first = built.decide(people(1), on=ON, params=given_params)
        second = built.decide(
            people(1), on=dt.date(2021, 2, 1), params=given_params
        )
        again = built.decide(people(1), on=ON, params=given_params)

        assert Rupiah(1_200_000) == first.total
        assert Rupiah(5 * 100_000 + 7 * 300_000) == second.total
        assert first.total == again.total

    def test_a_grant_ends_with_its_law(self):
        """2019 with the grant, then 2020 without: no stale binding."""
        built = program(grants=[Grant("tetap", amount=param("demo.grant"))])
        given_params = params()

        before = built.decide(
            people(1), on=dt.date(2019, 12, 31), params=given_params
        )
        after = built.decide(
            people(1), on=dt.date(2020, 1, 1), params=given_params
        )

        assert Rupiah(550_000) == before.total
        assert Rupiah(0) == after.total


class TestHash:
    """Grants and monthly rates are part of the rules' hash."""

    def test_a_grant_changes_the_hash(self):
        """Adding a grant is a change of the rules."""
        plain = program(components=[INDEX])
        granted = program(
            components=[INDEX],
            grants=[Grant("tetap", amount=param("demo.grant"))],
        )

        assert plain.rule_hash() != granted.rule_hash()

    def test_a_monthly_rate_changes_the_hash(self):
        """per='month' is a change of the rules."""
        yearly = program(components=[INDEX])
        monthly = program(
            components=[
                Component(
                    "index",
                    when=EVERYONE,
                    amount=param("demo.index"),
                    per="month",
                )
            ]
        )

        assert yearly.rule_hash() != monthly.rule_hash()


MONTHS = st.lists(st.integers(2, 12), max_size=11, unique=True).map(
    lambda ms: (1, *sorted(ms))
)


class TestProperties:
    """Whatever the tahap, the amounts add up."""

    @settings(max_examples=60, deadline=None)
    @given(
        starts=MONTHS,
        size=st.integers(1, 6),
        cap=st.none() | st.integers(0, 6),
        on=st.dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
    )
    def test_line_items_add_up_to_the_period_totals(
        self, starts, size, cap, on
    ):
        """Per period, the line items sum to the total; so does the year."""
        built = program(
            components=[INDEX, TestMonthlyRates.RATE],
            grants=[TestGrants.GRANT],
            cap=cap,
            schedule=schedule_of(*starts),
        )

        decision = built.decide(people(size), on=on, params=params())

        assert agree(decision)
        assert len(starts) == len(decision.periods)


class TestEligibility:
    """The criteria decide before any amount."""

    def test_an_ineligible_family_receives_nothing(self):
        """An ineligible family receives no component and no grant."""
        built = Program(
            code="DEMO",
            entity=Family,
            reference=REFERENCE,
            criteria=[Criterion("demo.decile", family.decile <= 1)],
            entitlement=Entitlement(
                components=[INDEX],
                grants=[Grant("tetap", amount=param("demo.grant"))],
            ),
        )

        decision = built.decide(
            people(1), on=dt.date(2019, 7, 1), params=params()
        )

        assert () == decision.awards
        assert Rupiah(0) == decision.total


class TestPlanSums:
    """A plan's remembered splits and totals are the sums of the shares."""

    @settings(max_examples=200, deadline=None)
    @given(
        weights=st.lists(st.integers(0, 4), min_size=1, max_size=10).filter(
            any
        ),
        amounts=st.lists(st.integers(0, 10**9), max_size=6),
        odd=st.lists(st.integers(0, 10**6), max_size=3),
    )
    def test_totals_are_the_period_sums(self, weights, amounts, odd):
        """
        Split awards and awards with shares of their own add up alike.

        The same plan answers twice (the second time from what it
        remembers) with the same totals.
        """
        from dayasos.rules import Award  # noqa: PLC0415 - local to the test
        from dayasos.rules._entitlement import (  # noqa: PLC0415 - local to the test
            YearPlan,
            totals_of,
        )

        size = len(weights)
        plan = YearPlan(
            year=2020,
            periods=tuple(f"P{i}" for i in range(size)),
            months=(0,) * 12,
            weights=tuple(weights),
        )
        awards = [
            Award(
                member="m",
                component="c",
                amount=Rupiah(a),
                shares=plan.split(Rupiah(a)),
            )
            for a in amounts
        ] + [
            Award(
                member="m",
                component="first",
                amount=Rupiah(a),
                shares=(Rupiah(a),) + (Rupiah(0),) * (size - 1),
            )
            for a in odd
        ]
        sums = [0] * size
        for award in awards:
            assert sum(s.amount for s in award.shares) == award.amount.amount
            for i, share in enumerate(award.shares):
                sums[i] += share.amount
        expected = (
            tuple(zip(plan.periods, map(Rupiah, sums), strict=True)),
            Rupiah(sum(sums)),
        )
        assert expected == totals_of(awards, plan)
        assert expected == totals_of(awards, plan)
        for a in amounts:
            assert plan.split(Rupiah(a)) == tuple(
                allocate(Rupiah(a), tuple(weights))
            )
