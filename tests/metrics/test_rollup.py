"""Roll-ups over periods and the region tree."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.ids import RegionCode, RegionLevel
from dayasos.metrics import (
    Indicator,
    MeasureUnit,
    Polarity,
    Realization,
    Target,
    compute_achievement,
    roll_up,
)
from dayasos.money import Rupiah, sum_rupiah
from dayasos.periods import FiscalYear, Month, PeriodKind, Quarter, Semester


PACKAGES = Indicator(
    code="sembako.paket",
    name_id="Paket",
    name_en="Packages",
    unit=MeasureUnit.PACKAGES,
)
FUNDS = Indicator(
    code="sembako.dana",
    name_id="Dana",
    name_en="Funds",
    unit=MeasureUnit.RUPIAH,
)
#: Villages in two provinces, two regencies each, two kecamatan each.
VILLAGES = [
    RegionCode(f"{p}{r}{d}{v}")
    for p, r, d, v in itertools.product(
        ("31", "32"), ("01", "71"), ("01", "02"), ("1001", "2001")
    )
]
LEVELS = [
    RegionLevel.VILLAGE,
    RegionLevel.DISTRICT,
    RegionLevel.REGENCY,
    RegionLevel.PROVINCE,
    None,
]
KINDS = [
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.SEMESTER,
    PeriodKind.YEAR,
]


@st.composite
def leaves(draw, kind=Realization):
    """Village-level monthly records of 2020 for two indicators."""
    indicator = draw(st.sampled_from([PACKAGES, FUNDS]))
    value = draw(st.integers(0, 10**9))
    return kind(
        indicator=indicator,
        program=draw(st.sampled_from(["KEMENSOS_HADIR", "APD"])),
        region=draw(st.sampled_from(VILLAGES)),
        period=Month(2020, draw(st.integers(1, 12))),
        value=Rupiah(value) if indicator is FUNDS else value,
    )


def amount(value):
    """The exact number of a count or an amount."""
    return value.amount if isinstance(value, Rupiah) else value


def at(region, level):
    """The region at a level, None for national."""
    return None if level is None else region.at_level(level)


def recompute(records, level, kind):
    """Sums straight from the leaves, by group."""
    sums = {}
    for r in records:
        key = (
            r.indicator.code,
            r.program,
            at(r.region, level),
            r.period.within(kind),
        )
        sums[key] = sums.get(key, 0) + amount(r.value)
    return sums


def as_sums(rolled):
    """Rolled records as the same kind of mapping."""
    return {
        (r.indicator.code, r.program, r.region, r.period): amount(r.value)
        for r in rolled
    }


class TestProperties:
    """Roll-ups equal recomputation from the leaves."""

    @given(
        st.lists(leaves(), max_size=30),
        st.sampled_from(LEVELS),
        st.sampled_from(KINDS),
    )
    def test_rolled_values_equal_sums_of_the_leaves(
        self, records, level, kind
    ):
        """Each group's value is the sum of its leaves."""
        rolled = roll_up(records, level=level, kind=kind)

        assert recompute(records, level, kind) == as_sums(rolled)

    @given(
        st.lists(leaves(), max_size=30),
        st.integers(0, 4),
        st.integers(0, 3),
    )
    def test_stepwise_roll_up_equals_direct_roll_up(
        self, records, level_index, kind_index
    ):
        """Desa to kecamatan to province = desa to province, months too."""
        level, kind = LEVELS[level_index], KINDS[kind_index]
        steps = roll_up(records, level=LEVELS[0], kind=KINDS[0])
        for index in range(1, max(level_index, kind_index) + 1):
            steps = roll_up(
                steps,
                level=LEVELS[min(index, level_index)],
                kind=KINDS[min(index, kind_index)],
            )

        assert roll_up(records, level=level, kind=kind) == steps

    @given(st.lists(leaves(), max_size=30))
    def test_nothing_is_lost_at_national_level(self, records):
        """The national year total is the total of all leaves."""
        rolled = roll_up(records, level=None, kind=PeriodKind.YEAR)
        by_indicator = {}
        for r in records:
            by_indicator[r.indicator.code] = by_indicator.get(
                r.indicator.code, 0
            ) + amount(r.value)
        totals = {}
        for r in rolled:
            totals[r.indicator.code] = totals.get(
                r.indicator.code, 0
            ) + amount(r.value)

        assert by_indicator == totals

    @given(
        st.lists(leaves(Target), min_size=1, max_size=15),
        st.lists(leaves(), min_size=1, max_size=15),
    )
    def test_achievement_is_recomputed_never_averaged(
        self, targets, realizations
    ):
        """The national achievement is sum(R) / sum(T), from the leaves."""
        targets = [
            t
            for t in targets
            if t.indicator is PACKAGES and t.program == "APD"
        ]
        realizations = [
            r
            for r in realizations
            if r.indicator is PACKAGES and r.program == "APD"
        ]
        total_t = sum(t.value for t in targets)
        total_r = sum(r.value for r in realizations)
        [target] = roll_up(targets, kind=PeriodKind.YEAR) or [None]
        [done] = roll_up(realizations, kind=PeriodKind.YEAR) or [None]
        if target is None or done is None or total_t == 0:
            return
        achievement = compute_achievement(
            target.value, done.value, Polarity.MAXIMIZE
        )

        assert Fraction(total_r, total_t) == achievement.ratio


class TestRollUp:
    """Roll-up rules by unit, with examples."""

    def test_months_roll_into_quarter_semester_and_year(self):
        """Two months of Q2 give one Q2, one S1 and one year record."""
        records = [
            Realization(
                indicator=PACKAGES,
                program="APD",
                period=Month(2020, m),
                value=n,
            )
            for m, n in ((4, 10), (6, 5))
        ]

        assert [
            (Quarter(2020, 2), 15),
            (Semester(2020, 1), 15),
            (FiscalYear(2020), 15),
        ] == [
            (r.period, r.value)
            for kind in KINDS[1:]
            for r in roll_up(records, kind=kind)
        ]

    def test_rupiah_stays_rupiah(self):
        """Money sums as money."""
        records = [
            Realization(
                indicator=FUNDS,
                program="APD",
                period=Month(2020, m),
                value=Rupiah(100),
            )
            for m in (1, 2)
        ]

        assert [Rupiah(200)] == [
            r.value for r in roll_up(records, kind=PeriodKind.YEAR)
        ]

    def test_range_targets_sum_their_bounds(self):
        """A range and a single target: bounds summed separately."""
        targets = [
            Target(
                indicator=PACKAGES,
                program="APD",
                period=Month(2020, 1),
                value=10,
                upper=20,
                maximal=True,
            ),
            Target(
                indicator=PACKAGES,
                program="APD",
                period=Month(2020, 2),
                value=5,
            ),
        ]
        [rolled] = roll_up(targets, kind=PeriodKind.QUARTER)

        assert (15, 25, False) == (rolled.value, rolled.upper, rolled.maximal)

    def test_percentages_keep_the_latest_value_over_time(self, share):
        """A share is a state: June's value stands for the semester."""
        records = [
            Realization(
                indicator=share,
                program="PILAR",
                period=Month(2020, m),
                value=Fraction(v, 100),
            )
            for m, v in ((6, 80), (5, 70))
        ]
        [rolled] = roll_up(records, kind=PeriodKind.SEMESTER)

        assert Fraction(80, 100) == rolled.value

    def test_percentages_of_regions_are_never_averaged(self, share):
        """Combining two regions' percentages is refused."""
        records = [
            Realization(
                indicator=share,
                program="PILAR",
                region=RegionCode(code),
                period=Month(2020, 6),
                value=Fraction(1, 2),
            )
            for code in ("3171", "3172")
        ]

        with pytest.raises(ValidationError) as info:
            roll_up(records, level=RegionLevel.PROVINCE, kind=PeriodKind.MONTH)

        assert "metrics.not_additive_regions" == info.value.error_code

    def test_a_province_cannot_be_placed_at_kecamatan_level(self):
        """Rolling up to a finer level than the data is refused."""
        record = Realization(
            indicator=PACKAGES,
            program="APD",
            region=RegionCode("31"),
            period=Month(2020, 4),
            value=1,
        )

        with pytest.raises(ValidationError) as info:
            roll_up(
                [record], level=RegionLevel.DISTRICT, kind=PeriodKind.MONTH
            )

        assert "metrics.region_too_coarse" == info.value.error_code
        assert "records[0].region" == info.value.path

    def test_a_year_cannot_be_placed_in_a_quarter(self):
        """Rolling down in time is refused."""
        record = Realization(
            indicator=PACKAGES,
            program="APD",
            period=FiscalYear(2020),
            value=1,
        )

        with pytest.raises(ValidationError) as info:
            roll_up([record], kind=PeriodKind.QUARTER)

        assert "metrics.period_too_coarse" == info.value.error_code

    def test_national_rows_sum_regions(self):
        """Level None is the whole country."""
        records = [
            Realization(
                indicator=FUNDS,
                program="APD",
                region=region,
                period=Month(2020, 4),
                value=Rupiah(10),
            )
            for region in VILLAGES
        ]
        [national] = roll_up(records, kind=PeriodKind.MONTH)

        assert (None, sum_rupiah([Rupiah(10)] * 16)) == (
            national.region,
            national.value,
        )
