"""Tests for the calendar periods: day, month, quarter, semester, year."""

import datetime as dt
import itertools

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Day,
    FiscalYear,
    Month,
    Period,
    PeriodKind,
    Quarter,
    Semester,
)
from dayasos.testing._periods import (
    days,
    fiscal_years,
    months,
    periods,
    quarters,
    semesters,
)


#: Every date a period may hold.
DATES = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))

#: The calendar kinds, finest first, with their classes.
CALENDAR = [
    (PeriodKind.DAY, Day),
    (PeriodKind.MONTH, Month),
    (PeriodKind.QUARTER, Quarter),
    (PeriodKind.SEMESTER, Semester),
    (PeriodKind.YEAR, FiscalYear),
]


def near(period):
    """Dates in and around a period, edges included."""
    low = dt.date.fromordinal(max(1, period.start.toordinal() - 40))
    high = dt.date.fromordinal(period.stop.toordinal() + 40)
    edges = [period.start, period.last, period.stop]
    return st.one_of(st.sampled_from(edges), st.dates(low, high), DATES)


def tiles(parts, whole):
    """Tell whether `parts` cover `whole` end to end without overlap."""
    return (
        parts[0].start == whole.start
        and parts[-1].stop == whole.stop
        and all(a.stop == b.start for a, b in itertools.pairwise(parts))
    )


class TestPendulumDates:
    """Dates are stored as pendulum.Date and mix with datetime.date."""

    def test_pendulum_date_equals_and_hashes_as_the_same_datetime_date(self):
        """
        A pendulum.Date is the datetime.date of the same day in a dict.

        pendulum 3's Date subclasses datetime.date and keeps its equality
        and hash, so either kind finds the other in a set or dict.
        """
        plain = dt.date(2020, 7, 21)
        rich = pendulum.date(2020, 7, 21)

        assert isinstance(rich, dt.date)
        assert plain == rich
        assert rich == plain
        assert hash(plain) == hash(rich)
        assert {plain: "x"}[rich] == "x"

    def test_a_day_built_from_a_datetime_date_stores_a_pendulum_date(self):
        """Any datetime.date goes in; a pendulum.Date comes out."""
        day = Day(dt.date(2020, 7, 21))

        assert pendulum.Date is type(day.date)
        assert Day(pendulum.date(2020, 7, 21)) == day
        assert hash(Day(pendulum.date(2020, 7, 21))) == hash(day)

    def test_bounds_are_pendulum_dates(self):
        """Start and stop of every calendar period are pendulum.Date."""
        for period in [Month(2020, 7), Quarter(2020, 3), FiscalYear(2020)]:
            assert pendulum.Date is type(period.start)
            assert pendulum.Date is type(period.stop)

    def test_a_datetime_is_refused_because_its_day_needs_a_time_zone(self):
        """A datetime would need WIB, WITA or WIT to name its day."""
        moment = dt.datetime(2020, 7, 21, 23, 30, tzinfo=dt.UTC)

        with pytest.raises(InvalidFormat) as info:
            Day(moment)
        with pytest.raises(InvalidFormat):
            _ = moment in Month(2020, 7)

        assert "period.datetime" == info.value.error_code

    @pytest.mark.parametrize("value", ["2020-07-21", 20200721, None])
    def test_a_value_that_is_not_a_date_is_refused(self, value):
        """Strings and numbers are not dates; parse_period reads codes."""
        with pytest.raises(InvalidFormat) as info:
            Month(2020, 7).contains(value)

        assert "period.date" == info.value.error_code


class TestConstruction:
    """Calendar periods check their parts."""

    @pytest.mark.parametrize(
        ("build", "code"),
        [
            (lambda: Month(2020, 13), "period.month"),
            (lambda: Month(2020, 0), "period.month"),
            (lambda: Quarter(2020, 5), "period.quarter"),
            (lambda: Semester(2020, 3), "period.semester"),
            (lambda: FiscalYear(0), "period.year"),
            (lambda: FiscalYear(MAX_YEAR + 1), "period.year"),
            (lambda: Day(dt.date(9999, 1, 1)), "period.year"),
        ],
    )
    def test_a_part_out_of_range_is_an_invalid_component(self, build, code):
        """Each part has its own stable code."""
        with pytest.raises(InvalidComponent) as info:
            build()

        assert code == info.value.error_code

    @pytest.mark.parametrize(
        ("build", "path"),
        [
            (lambda: Month(2020, month=True), "month"),
            (lambda: Quarter(2020, 3.0), "quarter"),
            (lambda: FiscalYear("2020"), "year"),
            (lambda: Semester(None, 1), "year"),
        ],
    )
    def test_a_part_that_is_not_an_int_is_an_invalid_format(self, build, path):
        """Bools, floats and strings are not period parts."""
        with pytest.raises(InvalidFormat) as info:
            build()

        assert "period.not_int" == info.value.error_code
        assert path == info.value.path

    def test_the_message_shows_an_example(self):
        """The error teaches the accepted form."""
        with pytest.raises(InvalidComponent) as info:
            Month(2020, 13)

        assert "month: month must be 1 to 12, got 13; e.g. Month(2020, 7)" in (
            str(info.value)
        )

    def test_the_first_and_last_years_have_bounds(self):
        """Year 1 starts on 0001-01-01 and year 9998 ends on 9999-01-01."""
        assert dt.date(1, 1, 1) == FiscalYear(MIN_YEAR).start
        assert dt.date(9999, 1, 1) == FiscalYear(MAX_YEAR).stop
        assert dt.date(9999, 1, 1) == Day(dt.date(9998, 12, 31)).stop


class TestValues:
    """Periods are frozen, hashable attrs values."""

    @given(periods())
    def test_a_period_equals_and_hashes_as_its_copy(self, period):
        """attrs.evolve with no change gives an equal value."""
        copy = attrs.evolve(period)

        assert copy == period
        assert hash(copy) == hash(period)

    def test_a_period_cannot_be_changed(self):
        """Change a period with attrs.evolve, never in place."""
        month = Month(2020, 7)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            month.month = 8

        assert Month(2020, 8) == attrs.evolve(month, month=8)

    def test_periods_of_different_kinds_are_never_equal(self):
        """Year 2020 and its day 1 January are different periods."""
        assert FiscalYear(2020) != Day(dt.date(2020, 1, 1))
        assert Quarter(2020, 1) != Month(2020, 1)

    @pytest.mark.parametrize(("kind", "cls"), CALENDAR)
    def test_each_class_reports_its_kind(self, kind, cls):
        """Kind names the class's place in the roll-up."""
        assert kind is cls.kind


class TestContainment:
    """A period holds the days from start up to, not including, stop."""

    @given(periods(), st.data())
    def test_a_date_is_in_a_period_when_start_le_date_lt_stop(
        self, period, data
    ):
        """Containment is the half-open interval, whatever the kind."""
        d = data.draw(near(period))
        expected = period.start <= d < period.stop

        assert expected == (d in period)
        assert expected == period.contains(d)
        assert expected == (pendulum.instance(d) in period)

    @given(periods())
    def test_a_period_holds_its_start_and_last_day_but_not_its_stop(
        self, period
    ):
        """[start, stop): the stop belongs to the next period."""
        assert period.start in period
        assert period.last in period
        assert period.stop not in period

    @given(periods(kinds=[k for k, _ in CALENDAR]), DATES)
    def test_containing_finds_the_period_that_holds_the_date(self, period, d):
        """X.containing(d) holds d, for every calendar kind."""
        found = type(period).containing(d)

        assert d in found

    def test_a_period_contains_a_period_that_lies_within_it(self):
        """Containment of periods means every day is inside."""
        assert Month(2020, 9) in Quarter(2020, 3)
        assert Month(2020, 10) not in Quarter(2020, 3)
        assert Quarter(2020, 3).contains(Quarter(2020, 3))
        assert not Month(2020, 9).contains(Quarter(2020, 3))

    @given(
        periods(min_year=2019, max_year=2021),
        periods(min_year=2019, max_year=2021),
    )
    def test_periods_overlap_when_they_share_a_day(self, first, second):
        """Overlaps agrees with a search over the days of both."""
        shared = set(first.days()) & set(second.days())

        assert bool(shared) == first.overlaps(second)
        assert first.overlaps(second) == second.overlaps(first)


class TestIteration:
    """months() and days() list what a period holds, in order."""

    @given(fiscal_years())
    def test_a_year_has_twelve_months_that_tile_it(self, year):
        """Twelve months, January to December, end to end."""
        parts = year.months()

        assert list(range(1, 13)) == [m.month for m in parts]
        assert tiles(parts, year)

    @given(fiscal_years())
    def test_quarters_and_semesters_tile_the_year(self, year):
        """Four triwulan and two semesters cover the year exactly."""
        assert tiles(year.quarters(), year)
        assert tiles(year.semesters(), year)
        for semester in year.semesters():
            assert tiles(semester.quarters(), semester)
        for quarter in year.quarters():
            assert tiles(quarter.months(), quarter)

    @given(periods(kinds=[PeriodKind.MONTH, PeriodKind.QUARTER]))
    def test_days_tile_the_period(self, period):
        """Every day once, from start to the day before stop."""
        parts = period.days()

        assert (period.stop - period.start).in_days() == len(parts)
        assert tiles(parts, period)

    def test_a_leap_year_has_366_days(self):
        """2020 has 29 February; 2021 does not."""
        assert 366 == len(FiscalYear(2020).days())
        assert 365 == len(FiscalYear(2021).days())
        assert 29 == len(Month(2020, 2).days())

    @given(days())
    def test_a_day_lies_in_one_month(self, day):
        """A day's months() is the month that holds it."""
        assert [Month.containing(day.date)] == day.months()


class TestRollUp:
    """Each period rolls up into the next coarser one."""

    @given(periods(kinds=[k for k, _ in CALENDAR]))
    def test_the_parent_contains_the_child(self, period):
        """Day -> month -> quarter -> semester -> year, each holding it."""
        parent = period.parent
        while parent is not None:
            assert period in parent
            assert period.kind.value != parent.kind.value
            period, parent = parent, parent.parent

        assert PeriodKind.YEAR is period.kind

    def test_the_parents_of_a_day_in_july(self):
        """21 July 2020 lies in 2020-07, 2020-Q3, 2020-S2 and 2020."""
        chain = []
        period = Day(dt.date(2020, 7, 21)).parent
        while period is not None:
            chain.append(str(period))
            period = period.parent

        assert ["2020-07", "2020-Q3", "2020-S2", "2020"] == chain

    @given(periods(kinds=[k for k, _ in CALENDAR]))
    def test_within_a_coarser_kind_is_containing_the_start(self, period):
        """within(kind) agrees with Kind.containing(period.start)."""
        for kind, cls in CALENDAR:
            if list(PeriodKind).index(kind) >= list(PeriodKind).index(
                period.kind
            ):
                assert cls.containing(period.start) == period.within(kind)
                assert cls.containing(period) == period.within(kind)

    def test_within_a_finer_kind_is_refused(self):
        """No single month holds a quarter."""
        with pytest.raises(ValidationError) as info:
            Quarter(2020, 3).within(PeriodKind.MONTH)

        assert "period.not_within" == info.value.error_code

    def test_within_tahap_needs_the_program_schedule(self):
        """Tahap dates come from a TahapSchedule, not the calendar."""
        with pytest.raises(ValidationError) as info:
            Month(2020, 7).within(PeriodKind.TAHAP)

        assert "period.kind" == info.value.error_code

    @given(periods())
    def test_every_period_names_its_fiscal_year(self, period):
        """fiscal_year() is FiscalYear(period.year)."""
        assert FiscalYear(period.year) == period.fiscal_year()


class TestOrdering:
    """Periods of one kind are ordered by time."""

    @given(
        st.one_of(
            st.lists(days(), min_size=2),
            st.lists(months(), min_size=2),
            st.lists(quarters(), min_size=2),
            st.lists(semesters(), min_size=2),
            st.lists(fiscal_years(), min_size=2),
        )
    )
    def test_sorting_periods_sorts_them_by_start(self, items):
        """Order within a kind is the order of their start dates."""
        assert sorted(items, key=lambda p: p.start) == sorted(items)

    def test_periods_of_different_kinds_do_not_compare(self):
        """A month is neither before nor after a quarter."""
        with pytest.raises(TypeError):
            _ = Month(2020, 1) < Quarter(2020, 1)

    @given(periods(kinds=[k for k, _ in CALENDAR]), st.integers(-50, 50))
    def test_shift_moves_by_whole_periods(self, period, count):
        """Shifting forth and back returns; a step of one is adjacent."""
        try:
            moved = period.shift(count)
        except InvalidComponent:
            return

        assert period == moved.shift(-count)
        assert (count > 0) == (moved > period)
        if count == 1:
            assert period.stop == moved.start

    def test_shift_across_the_year_end(self):
        """November plus three months is February of the next year."""
        assert Month(2021, 2) == Month(2020, 11).shift(3)
        assert Quarter(2019, 4) == Quarter(2020, 1).shift(-1)
        assert Semester(2021, 1) == Semester(2020, 2).shift(1)
        assert FiscalYear(2025) == FiscalYear(2020).shift(5)
        assert Day(dt.date(2020, 3, 1)) == Day(dt.date(2020, 2, 28)).shift(2)

    def test_shift_beyond_the_supported_years_is_refused(self):
        """Shifting out of years 1 to 9998 is an invalid component."""
        with pytest.raises(InvalidComponent):
            Day(dt.date(MAX_YEAR, 12, 31)).shift(1)
        with pytest.raises(InvalidComponent):
            Month(MIN_YEAR, 1).shift(-1)


def test_every_period_is_a_period():
    """All kinds share the Period base, so code can accept any of them."""
    for _, cls in CALENDAR:
        assert issubclass(cls, Period)
