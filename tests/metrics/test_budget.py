"""Budget lines, absorption, deviation from the plan and acceleration."""

from fractions import Fraction

import pytest

from dayasos.errors import ParameterError, ValidationError
from dayasos.metrics import (
    BudgetLine,
    ExpenditureType,
    absorption_by_month,
    absorption_by_quarter,
    deviation_by_month,
    mean_deviation,
    plan_acceleration,
    score_absorption,
)
from dayasos.money import Rupiah
from dayasos.periods import Month, Quarter
from dayasos.policy import parse_parameters


JUNE = Month(2020, 6)


class TestBudgetLine:
    """A DIPA line keeps its invariants."""

    def test_sums_to_a_month(self, make_line):
        """Plan and realization add up from January to the month."""
        line = make_line(
            plan={1: 100, 3: 50, 7: 20}, realization={2: 30, 6: 5}
        )

        assert (Rupiah(150), Rupiah(35)) == (
            line.planned_through(JUNE),
            line.realized_through(JUNE),
        )

    def test_available_is_ceiling_minus_blocked(self, make_line):
        """Pagu minus blokir."""
        assert Rupiah(900) == make_line(pagu=1_000, blokir=100).available

    def test_blocked_above_the_ceiling_is_refused(self, make_line):
        """Blokir cannot exceed pagu."""
        with pytest.raises(ValidationError) as info:
            make_line(pagu=100, blokir=101)

        assert "metrics.budget_blokir" == info.value.error_code

    def test_a_month_of_another_year_is_refused(self):
        """Every month of the plan lies in the line's year."""
        with pytest.raises(ValidationError) as info:
            BudgetLine(
                satker="s",
                program="p",
                activity="a",
                output="o",
                expenditure=ExpenditureType.BARANG,
                year=2020,
                pagu=Rupiah(10),
                plan={Month(2021, 1): Rupiah(10)},
            )

        assert "metrics.budget_month" == info.value.error_code

    def test_a_negative_plan_is_refused(self, make_line):
        """A plan is zero or more; a realization may be negative."""
        with pytest.raises(ValidationError):
            make_line(plan={1: -5})

        assert Rupiah(-5) == make_line(realization={1: -5}).realized_in(
            Month(2020, 1)
        )

    def test_expenditure_types_are_the_account_codes(self):
        """51, 52, 53 and 57."""
        assert ["51", "52", "53", "57"] == [t.value for t in ExpenditureType]


class TestAbsorption:
    """Absorption by month and by quarter against the targets."""

    def test_monthly_absorption_is_cumulative(self, make_line):
        """Each month adds to the previous ones."""
        months = absorption_by_month(
            [make_line(pagu=1_000, realization={1: 100, 3: 200})],
            Month(2020, 3),
        )

        assert [Fraction(1, 10), Fraction(1, 10), Fraction(3, 10)] == [
            m.absorption for m in months
        ]

    def test_base_is_net_of_the_blocked_amount(self, make_line):
        """500 realized of 1,000 less 500 blocked is 100%."""
        [month] = absorption_by_month(
            [make_line(pagu=1_000, blokir=500, realization={1: 500})],
            Month(2020, 1),
        )

        assert Fraction(1) == month.absorption

    def test_only_closed_quarters_are_listed(self, make_line):
        """By May only the first quarter has ended."""
        quarters = absorption_by_quarter([make_line()], Month(2020, 5))

        assert [Quarter(2020, 1)] == [q.quarter for q in quarters]

    def test_quarter_target_is_weighted_by_the_types_bases(self, make_line):
        """Bansos 25% on 300 and barang 15% on 100 give 22.5%."""
        lines = [
            make_line(ExpenditureType.BANSOS, pagu=300),
            make_line(ExpenditureType.BARANG, pagu=100),
        ]
        [q1] = absorption_by_quarter(lines, Month(2020, 3))

        assert Fraction(9, 40) == q1.target

    def test_performance_is_capped_per_type(self, make_line):
        """Overshooting one type does not make up for another."""
        lines = [
            make_line(ExpenditureType.BANSOS, pagu=100, realization={3: 50}),
            make_line(ExpenditureType.BARANG, pagu=100, realization={3: 0}),
        ]
        [q1] = absorption_by_quarter(lines, Month(2020, 3))

        assert Fraction(1, 2) == q1.performance

    def test_ikpa_absorption_value_is_the_mean_of_quarters(self, make_line):
        """Q1 met (100), Q2 at half its 50% target (50): 75."""
        line = make_line(pagu=1_000, realization={3: 250})
        quarters = absorption_by_quarter([line], JUNE)

        assert Fraction(75) == score_absorption(quarters)

    def test_lines_of_another_year_are_refused(self, make_line):
        """One fiscal year at a time."""
        with pytest.raises(ValidationError) as info:
            absorption_by_month([make_line(year=2021)], JUNE)

        assert "metrics.budget_year" == info.value.error_code


class TestDeviation:
    """Deviation from the monthly plan (DIPA page III)."""

    def test_deviation_is_relative_to_the_plan(self, make_line):
        """150 spent of 200 planned deviates by 25%."""
        line = make_line(plan={6: 200}, realization={6: 150})

        assert Fraction(1, 4) == deviation_by_month([line], JUNE)[-1].value

    def test_nothing_planned_nothing_spent_is_no_deviation(self, make_line):
        """A quiet month is on plan."""
        assert Fraction(0) == deviation_by_month([make_line()], JUNE)[0].value

    def test_unplanned_spending_deviates_wholly(self, make_line):
        """Spending without a plan counts as 100% off-plan."""
        line = make_line(realization={1: 10})

        assert (
            Fraction(1) == deviation_by_month([line], Month(2020, 1))[0].value
        )

    def test_2022_averages_the_types(self, make_line):
        """Arithmetic mean: (0 + 100%) / 2, whatever the ceilings."""
        lines = [
            make_line(ExpenditureType.BANSOS, pagu=900, year=2022),
            make_line(
                ExpenditureType.BARANG, pagu=100, realization={1: 5}, year=2022
            ),
        ]
        [january] = deviation_by_month(lines, Month(2022, 1))

        assert ("mean", Fraction(1, 2)) == (january.weighting, january.value)

    def test_2024_weighs_the_types_by_pagu(self, make_line):
        """Weighted by pagu share: 0 x 90% + 100% x 10%."""
        lines = [
            make_line(ExpenditureType.BANSOS, pagu=900, year=2024),
            make_line(
                ExpenditureType.BARANG, pagu=100, realization={1: 5}, year=2024
            ),
        ]
        [january] = deviation_by_month(lines, Month(2024, 1))

        assert ("pagu_share", Fraction(1, 10)) == (
            january.weighting,
            january.value,
        )

    def test_months_over_5_percent_are_flagged(self, make_line):
        """6% is over the threshold, 5% is not."""
        line = make_line(plan={1: 100, 2: 100}, realization={1: 106, 2: 95})
        january, february = deviation_by_month([line], Month(2020, 2))

        assert (True, False) == (january.exceeds, february.exceeds)

    def test_mean_deviation_over_months(self, make_line):
        """The mean of the monthly deviations."""
        line = make_line(plan={1: 100, 2: 100}, realization={1: 106, 2: 96})

        assert Fraction(5, 100) == mean_deviation(
            deviation_by_month([line], Month(2020, 2))
        )

    def test_unknown_weighting_rule_is_refused(self, make_line):
        """A reform naming another rule is an error."""
        params = parse_parameters(
            """
description = { id = "x", en = "x" }
unit = "code"
[[values]]
since = 2020-01-01
value = "median"
reference = { instrument = "Simulasi", title = "x" }
""",
            name="metrics.deviation.weighting",
        )

        with pytest.raises(ParameterError) as info:
            deviation_by_month([make_line()], JUNE, parameters=params)

        assert "metrics.deviation_weighting" == info.value.error_code


class TestAcceleration:
    """What the rest of the year must absorb."""

    def test_needs_after_june(self, make_line):
        """Q2 closed short; Q3 and Q4 spread their gaps over months left."""
        line = make_line(pagu=1_200, realization={6: 420})
        plan = plan_acceleration([line], JUNE)

        assert [
            ("2020-Q2", Rupiah(180), None, True),
            ("2020-Q3", Rupiah(480), Rupiah(160), False),
            ("2020-Q4", Rupiah(720), Rupiah(120), False),
        ] == [(str(n.quarter), n.gap, n.monthly, n.missed) for n in plan.needs]

    def test_forecast_at_the_current_pace(self, make_line):
        """70 a month for 12 months: 840, 70% of 1,200, short of 95%."""
        plan = plan_acceleration(
            [make_line(pagu=1_200, realization={6: 420})], JUNE
        )

        assert (Rupiah(840), Fraction(7, 10), True) == (
            plan.forecast,
            plan.forecast_absorption,
            plan.misses_year_target,
        )

    def test_forecast_never_exceeds_the_base(self, make_line):
        """Spent in full by April: the forecast stays at 100%."""
        plan = plan_acceleration(
            [make_line(pagu=100, realization={4: 100})], JUNE
        )

        assert (Fraction(1), False) == (
            plan.forecast_absorption,
            plan.misses_year_target,
        )

    def test_a_reached_target_needs_nothing(self, make_line):
        """Already above the Q3 target."""
        plan = plan_acceleration(
            [make_line(pagu=100, realization={6: 80})], JUNE
        )
        q3 = plan.needs[1]

        assert (True, Rupiah(0), Rupiah(0)) == (q3.reached, q3.gap, q3.monthly)

    def test_needed_amounts_round_up(self, make_line):
        """A gap of 100 over 3 months needs 34 a month."""
        plan = plan_acceleration(
            [make_line(pagu=400, realization={6: 200})], JUNE
        )

        assert Rupiah(34) == plan.needs[1].monthly

    def test_a_year_without_rules_in_force_is_an_error(self, make_line):
        """2019 has no absorption rule: nothing is invented."""
        with pytest.raises(ParameterError) as info:
            plan_acceleration([make_line(year=2019)], Month(2019, 6))

        assert "parameter.not_in_force" == info.value.error_code

    def test_without_targets_no_need_is_listed(self, make_line):
        """Parameters without targets: no need, no verdict."""
        params = parse_parameters(
            """
description = { id = "x", en = "x" }
unit = "boolean"
[[values]]
since = 2020-01-01
value = true
reference = { instrument = "Simulasi", title = "x" }
""",
            name="metrics.absorption.net_of_blokir",
        )
        plan = plan_acceleration([make_line()], JUNE, parameters=params)

        assert () == plan.needs
        assert plan.misses_year_target is None
