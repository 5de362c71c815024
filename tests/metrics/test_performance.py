"""Target against realization for a period, and the period evaluation."""

import datetime as dt
from fractions import Fraction

import pytest

from dayasos.errors import InvalidFormat, ValidationError
from dayasos.ids import RegionCode, RegionLevel
from dayasos.metrics import (
    ExpenditureType,
    RatingBand,
    Realization,
    RiskReason,
    Target,
    evaluate_performance,
    evaluate_period,
    realizations_from_disbursements,
)
from dayasos.model import (
    Aid,
    AidKind,
    Channel,
    Disbursement,
    DisbursementStatus,
    InstitutionRef,
)
from dayasos.money import Rupiah
from dayasos.periods import FiscalYear, Month, Quarter, Semester, Tahap


S1 = Semester(2020, 1)


def target(indicator, period, value, **kwargs):
    """A target of the APD program."""
    return Target(
        indicator=indicator,
        program="APD",
        period=period,
        value=value,
        **kwargs,
    )


def done(indicator, period, value, **kwargs):
    """A realization of the APD program."""
    return Realization(
        indicator=indicator,
        program="APD",
        period=period,
        value=value,
        **kwargs,
    )


class TestRecords:
    """Targets and realizations check their values against the unit."""

    def test_a_count_is_an_int(self, packages):
        """A float count is refused."""
        with pytest.raises(InvalidFormat) as info:
            target(packages, S1, 10.0)

        assert "metrics.value_type" == info.value.error_code

    def test_money_is_rupiah(self, funds):
        """An int for a rupiah indicator is refused."""
        with pytest.raises(InvalidFormat):
            target(funds, S1, 1_000)

    def test_negative_values_are_refused(self, packages):
        """Counts are zero or more."""
        with pytest.raises(ValidationError) as info:
            done(packages, S1, -1)

        assert "metrics.value_negative" == info.value.error_code

    def test_a_range_target_is_ordered(self, packages):
        """The upper bound is not below the lower."""
        with pytest.raises(ValidationError) as info:
            target(packages, S1, 10, upper=5)

        assert "metrics.range_order" == info.value.error_code


class TestEvaluatePerformance:
    """One row per indicator, program and region."""

    def test_period_and_year_targets(self, packages):
        """S1 and S2 targets: the period target is S1's, the year both."""
        rows = evaluate_performance(
            [
                target(packages, S1, 500),
                target(packages, Semester(2020, 2), 500),
            ],
            [
                done(packages, Month(2020, 5), 150),
                done(packages, Month(2020, 6), 270),
            ],
            S1,
        )
        [row] = rows

        assert (500, 1_000, 420, 420) == (
            row.target,
            row.year_target,
            row.realization,
            row.realization_to_date,
        )
        assert Fraction(21, 25) == row.achievement.ratio
        assert Fraction(21, 50) == row.progress.ratio
        assert 80 == row.gap
        assert row.below_target

    def test_a_quarter_report_counts_only_its_months(self, packages):
        """Q2 realization vs Q2 target; to date counts Q1 too."""
        rows = evaluate_performance(
            [target(packages, Quarter(2020, 2), 100)],
            [
                done(packages, Month(2020, 2), 40),
                done(packages, Month(2020, 5), 90),
                done(packages, Month(2020, 8), 99),
            ],
            Quarter(2020, 2),
        )
        [row] = rows

        assert (90, 130) == (row.realization, row.realization_to_date)

    def test_no_realization_is_unknown_not_zero(self, packages):
        """A target without realization data has no achievement."""
        [row] = evaluate_performance([target(packages, S1, 5)], [], S1)

        assert (None, None) == (row.realization, row.achievement)
        assert not row.below_target

    def test_a_year_target_and_its_breakdown_overlap(self, packages):
        """Both would be counted twice: refused."""
        with pytest.raises(ValidationError) as info:
            evaluate_performance(
                [
                    target(packages, FiscalYear(2020), 1_000),
                    target(packages, S1, 500),
                ],
                [],
                S1,
            )

        assert "metrics.target_overlap" == info.value.error_code

    def test_repeated_targets_of_one_period_add_up(self, packages):
        """Two S1 targets (two activities) are summed, not refused."""
        [row] = evaluate_performance(
            [target(packages, S1, 5), target(packages, S1, 7)], [], S1
        )

        assert 12 == row.target

    def test_a_realization_straddling_the_period_is_refused(self, packages):
        """A year figure cannot be split into the semester."""
        with pytest.raises(ValidationError) as info:
            evaluate_performance([], [done(packages, FiscalYear(2020), 5)], S1)

        assert "metrics.realization_after_end" == info.value.error_code

    def test_other_years_are_ignored(self, packages):
        """2019 records do not count in 2020."""
        rows = evaluate_performance(
            [target(packages, Semester(2019, 1), 5)],
            [done(packages, Month(2019, 3), 5)],
            S1,
        )

        assert [] == rows

    def test_rows_per_province(self, packages):
        """At province level each province has its row."""
        rows = evaluate_performance(
            [],
            [
                done(packages, Month(2020, 4), 3, region=RegionCode("3171")),
                done(packages, Month(2020, 4), 4, region=RegionCode("3172")),
                done(packages, Month(2020, 4), 5, region=RegionCode("32")),
            ],
            S1,
            level=RegionLevel.PROVINCE,
        )

        assert [("31", 7), ("32", 5)] == [
            (str(r.region), r.realization) for r in rows
        ]

    def test_a_national_target_in_a_province_report(self, packages):
        """The national row compares all provinces; each has its own row."""
        rows = evaluate_performance(
            [target(packages, S1, 10)],
            [
                done(packages, Month(2020, 4), 3, region=RegionCode("3171")),
                done(packages, Month(2020, 4), 4, region=RegionCode("32")),
            ],
            S1,
            level=RegionLevel.PROVINCE,
        )

        assert [(None, 10, 7), ("31", None, 3), ("32", None, 4)] == [
            (r.region and str(r.region), r.target, r.realization) for r in rows
        ]

    def test_a_province_target_in_a_kecamatan_report(self, packages):
        """Only realizations inside the province count on its row."""
        rows = evaluate_performance(
            [target(packages, S1, 10, region=RegionCode("31"))],
            [
                done(packages, Month(2020, 4), 3, region=RegionCode("317101")),
                done(packages, Month(2020, 4), 4, region=RegionCode("320101")),
            ],
            S1,
            level=RegionLevel.DISTRICT,
        )

        assert [
            ("31", 10, 3),
            ("31.71.01", None, 3),
            ("32.01.01", None, 4),
        ] == [(str(r.region), r.target, r.realization) for r in rows]

    def test_minimize_durations_keep_the_latest_value(self, delivery_days):
        """The worked example: 7 days targeted, 6.5 achieved: 107.14%."""
        [row] = evaluate_performance(
            [target(delivery_days, S1, Fraction(7))],
            [done(delivery_days, S1, Fraction(13, 2))],
            S1,
        )

        assert Fraction(15, 14) == row.achievement.ratio
        assert row.progress is None
        assert row.gap is None

    def test_ratings_apply_from_2022(self, packages):
        """A 2022 semester gets its values and bands."""
        s1 = Semester(2022, 1)
        [row] = evaluate_performance(
            [target(packages, s1, 100)],
            [done(packages, Month(2022, 6), 98)],
            s1,
        )

        assert (Fraction(88), RatingBand.CUKUP) == (
            row.rating.value,
            row.rating.band,
        )


class TestEvaluatePeriod:
    """Performance, budget and risks together."""

    def test_programs_at_risk_and_why(self, packages, make_line):
        """Below target on an indicator and on absorption."""
        line = make_line(
            ExpenditureType.BARANG,
            program="APD",
            pagu=1_000,
            realization={6: 100},
        )
        evaluation = evaluate_period(
            S1,
            targets=[target(packages, S1, 10)],
            realizations=[done(packages, Month(2020, 3), 5)],
            budget=[line],
        )
        [risk] = evaluation.risks

        assert "APD" == risk.program
        assert (
            RiskReason.INDICATOR_BELOW_TARGET,
            RiskReason.ABSORPTION_BELOW_TARGET,
            RiskReason.FORECAST_MISSES_YEAR_TARGET,
        ) == risk.reasons

    def test_a_target_without_data_is_a_risk(self, packages):
        """Missing realization data is flagged, not taken as zero."""
        evaluation = evaluate_period(S1, targets=[target(packages, S1, 10)])

        assert (RiskReason.REALIZATION_MISSING,) == evaluation.risks[0].reasons
        assert ("sembako.paket",) == evaluation.risks[0].indicators

    def test_on_track_programs_are_not_at_risk(self, packages, make_line):
        """Met targets and absorption: no risk."""
        line = make_line(
            ExpenditureType.BARANG,
            program="APD",
            pagu=100,
            realization={6: 100},
        )
        evaluation = evaluate_period(
            S1,
            targets=[target(packages, S1, 10)],
            realizations=[done(packages, Month(2020, 4), 10)],
            budget=[line],
        )

        assert () == evaluation.risks

    def test_budget_per_program_and_total(self, make_line):
        """Each program's budget, and the total."""
        evaluation = evaluate_period(
            S1,
            budget=[
                make_line(program="APD", pagu=100, realization={4: 50}),
                make_line(program="PKAT", pagu=300, realization={5: 100}),
            ],
        )

        assert ["APD", "PKAT"] == [b.program for b in evaluation.budgets]
        assert (Rupiah(400), Rupiah(150)) == (
            evaluation.total.pagu,
            evaluation.total.realized,
        )
        assert Fraction(1, 2) == evaluation.total.target

    def test_the_period_lies_in_one_year(self):
        """A tahap straddling the new year is refused."""
        tahap = Tahap(2020, 6, dt.date(2020, 12, 1), dt.date(2021, 2, 1))

        with pytest.raises(ValidationError) as info:
            evaluate_period(tahap)

        assert "metrics.period_year" == info.value.error_code


class TestFromDisbursements:
    """Decided aid flows into realizations without re-keying."""

    @staticmethod
    def kit(
        count, status=DisbursementStatus.DISBURSED, on=dt.date(2020, 4, 13)
    ):
        """A disbursement of APD kits to a provincial Dinas Sosial."""
        return Disbursement(
            recipient=InstitutionRef(id="dinsos-31"),
            aid=Aid(kind=AidKind.PROTECTIVE_KIT, amount=Rupiah(100_000)),
            count=count,
            program="APD",
            channel=Channel.IN_KIND_DINSOS,
            on=on,
            status=status,
        )

    def test_units_and_value_by_month_and_region(self, packages, funds):
        """Two disbursements in April make one physical, one financial."""
        found = realizations_from_disbursements(
            [self.kit(100), self.kit(44)],
            physical=packages,
            financial=funds,
            region_of=lambda d: RegionCode(d.recipient.id.split("-")[1]),
        )

        assert [
            ("sembako.paket", "31", Month(2020, 4), 144),
            ("prokus.dana", "31", Month(2020, 4), Rupiah(14_400_000)),
        ] == [
            (r.indicator.code, str(r.region), r.period, r.value) for r in found
        ]

    def test_planned_and_returned_records_do_not_count(self, packages):
        """Only disbursed and received aid is realized."""
        found = realizations_from_disbursements(
            [
                self.kit(5, DisbursementStatus.PLANNED),
                self.kit(6, DisbursementStatus.RETURNED),
                self.kit(7, DisbursementStatus.RECEIVED),
            ],
            physical=packages,
        )

        assert [7] == [r.value for r in found]

    def test_the_program_can_be_renamed(self, packages):
        """Realizations carry the report's program code."""
        [found] = realizations_from_disbursements(
            [self.kit(1)], physical=packages, program="PILAR"
        )

        assert "PILAR" == found.program

    def test_a_record_without_a_date_is_refused(self, packages):
        """No month, no realization."""
        record = self.kit(1, on=None)

        with pytest.raises(ValidationError) as info:
            realizations_from_disbursements([record], physical=packages)

        assert "metrics.disbursement_date" == info.value.error_code

    def test_a_record_without_value_cannot_be_financial(self, funds):
        """Unknown value is not zero."""
        record = Disbursement(
            recipient=InstitutionRef(id="x"),
            aid=Aid(kind=AidKind.SERVICE),
            program="PILAR",
            status=DisbursementStatus.DISBURSED,
            on=dt.date(2020, 5, 1),
        )

        with pytest.raises(ValidationError) as info:
            realizations_from_disbursements([record], financial=funds)

        assert "metrics.disbursement_value" == info.value.error_code

    def test_indicator_units_must_fit(self, packages, funds):
        """A rupiah indicator cannot count units, nor the reverse."""
        with pytest.raises(ValidationError):
            realizations_from_disbursements([], physical=funds)
        with pytest.raises(ValidationError):
            realizations_from_disbursements([], financial=packages)
