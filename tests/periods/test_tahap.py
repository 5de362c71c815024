"""Tests for Tahap and TahapSchedule: program-defined payment stages."""

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import InvalidComponent, InvalidFormat, ValidationError
from dayasos.periods import (
    FiscalYear,
    Month,
    PeriodKind,
    Tahap,
    TahapSchedule,
)
from dayasos.testing._periods import tahap_schedules, tahaps


def pkh_2019_2020():
    """PKH-like schedule: quarterly in 2019; in 2020 Q1, then monthly."""
    return TahapSchedule.from_boundaries(
        {
            2019: [dt.date(2019, m, 1) for m in (1, 4, 7, 10)]
            + [dt.date(2020, 1, 1)],
            2020: [dt.date(2020, 1, 1)]
            + [dt.date(2020, m, 1) for m in range(4, 13)]
            + [dt.date(2021, 1, 1)],
        },
        program="PKH",
    )


class TestTahap:
    """A tahap is a period with dates its program chose."""

    def test_a_tahap_prints_its_year_and_number(self):
        """Code 2020-T2; the program is not part of the code."""
        tahap = Tahap(2020, 2, dt.date(2020, 4, 1), dt.date(2020, 5, 1))

        assert "2020-T2" == str(tahap)
        assert PeriodKind.TAHAP is tahap.kind
        assert FiscalYear(2020) == tahap.parent

    def test_a_tahap_is_half_open(self):
        """It holds its start and the day before its stop."""
        tahap = Tahap(2020, 2, dt.date(2020, 4, 1), dt.date(2020, 5, 1))

        assert dt.date(2020, 4, 1) in tahap
        assert dt.date(2020, 4, 30) in tahap
        assert dt.date(2020, 5, 1) not in tahap
        assert dt.date(2020, 3, 31) not in tahap

    def test_a_tahap_lists_the_months_it_touches(self):
        """A tahap from mid-February to mid-April touches three months."""
        tahap = Tahap(2020, 1, dt.date(2020, 2, 15), dt.date(2020, 4, 15))

        assert [Month(2020, 2), Month(2020, 3), Month(2020, 4)] == (
            tahap.months()
        )

    @pytest.mark.parametrize(
        ("build", "error", "code"),
        [
            (
                lambda: Tahap(
                    2020, 1, dt.date(2020, 5, 1), dt.date(2020, 5, 1)
                ),
                ValidationError,
                "period.bounds",
            ),
            (
                lambda: Tahap(
                    2020, 0, dt.date(2020, 1, 1), dt.date(2020, 2, 1)
                ),
                InvalidComponent,
                "period.tahap",
            ),
            (
                lambda: Tahap(
                    2020, "1", dt.date(2020, 1, 1), dt.date(2020, 2, 1)
                ),
                InvalidFormat,
                "period.not_int",
            ),
            (
                lambda: Tahap(2020, 1, "2020-01-01", dt.date(2020, 2, 1)),
                InvalidFormat,
                "period.date",
            ),
            (
                lambda: Tahap(
                    2020, 1, dt.date(2020, 1, 1), dt.date(2020, 2, 1), ""
                ),
                InvalidFormat,
                "period.program",
            ),
            (
                lambda: Tahap(
                    9998, 1, dt.date(9998, 12, 1), dt.date(9999, 2, 1)
                ),
                InvalidComponent,
                "period.year",
            ),
        ],
    )
    def test_a_bad_tahap_is_refused(self, build, error, code):
        """Numbers start at 1, stop comes after start, dates are dates."""
        with pytest.raises(error) as info:
            build()

        assert code == info.value.error_code

    def test_tahap_sort_by_year_and_number_then_program(self):
        """An unnamed program sorts before named ones; no TypeError."""
        start, stop = dt.date(2020, 1, 1), dt.date(2020, 4, 1)
        unnamed = Tahap(2020, 1, start, stop)
        pkh = Tahap(2020, 1, start, stop, "PKH")
        later = Tahap(2020, 2, stop, dt.date(2020, 7, 1))

        assert [unnamed, pkh, later] == sorted([later, pkh, unnamed])
        assert unnamed != pkh

    @given(tahaps())
    def test_a_tahap_is_hashable(self, tahap):
        """Frozen attrs: usable in sets and as dict keys."""
        assert {tahap} == {tahap, Tahap(*_fields(tahap))}


def _fields(tahap):
    return tahap.year, tahap.number, tahap.start, tahap.stop, tahap.program


class TestSchedule:
    """A schedule finds the tahap of a date and reads tahap codes."""

    @pytest.mark.parametrize(
        ("day", "code"),
        [
            (dt.date(2019, 1, 1), "2019-T1"),
            (dt.date(2019, 12, 31), "2019-T4"),
            (dt.date(2020, 3, 31), "2020-T1"),
            (dt.date(2020, 4, 1), "2020-T2"),
            (dt.date(2020, 7, 21), "2020-T5"),
            (dt.date(2020, 12, 31), "2020-T10"),
        ],
    )
    def test_pkh_2020_paid_monthly_from_april(self, day, code):
        """Ten tahap in 2020: January-March, then one a month."""
        found = pkh_2019_2020().containing(day)

        assert found is not None
        assert code == str(found)
        assert "PKH" == found.program

    def test_a_date_outside_every_tahap_has_no_tahap(self):
        """Unknown is None, not a made-up tahap."""
        schedule = pkh_2019_2020()

        assert schedule.containing(dt.date(2018, 12, 31)) is None
        assert schedule.containing(dt.date(2021, 1, 1)) is None
        assert TahapSchedule([]).containing(dt.date(2020, 1, 1)) is None

    @given(tahap_schedules(min_year=2000, max_year=2030), st.data())
    def test_containing_agrees_with_a_scan_of_every_tahap(
        self, schedule, data
    ):
        """Binary search finds what a linear scan finds, gaps included."""
        day = data.draw(st.dates(dt.date(1999, 12, 1), dt.date(2034, 1, 31)))
        expected = [t for t in schedule if t.start <= day < t.stop]

        assert (expected[0] if expected else None) == schedule.containing(day)

    def test_quarterly_tahap_are_the_quarters(self):
        """Four tahap a year, each with a quarter's dates."""
        schedule = TahapSchedule.quarterly([2019, 2020], program="PKH")

        assert 8 == len(schedule)
        assert [(q.start, q.stop) for q in FiscalYear(2020).quarters()] == [
            (t.start, t.stop) for t in schedule.in_year(2020)
        ]
        assert "PKH" == schedule.program

    def test_get_finds_a_tahap_by_year_and_number(self):
        """get() is None for a tahap the schedule lacks."""
        schedule = pkh_2019_2020()

        assert dt.date(2020, 12, 1) == schedule.get(2020, 10).start
        assert schedule.get(2019, 5) is None

    def test_overlapping_tahap_are_refused(self):
        """Two tahap never hold the same day."""
        with pytest.raises(ValidationError) as info:
            TahapSchedule(
                [
                    Tahap(2020, 1, dt.date(2020, 1, 1), dt.date(2020, 4, 2)),
                    Tahap(2020, 2, dt.date(2020, 4, 1), dt.date(2020, 7, 1)),
                ]
            )

        assert "period.tahap_overlap" == info.value.error_code

    def test_numbers_must_follow_date_order_from_one(self):
        """Tahap of a year are numbered 1, 2, 3 ... by date."""
        with pytest.raises(ValidationError) as info:
            TahapSchedule(
                [
                    Tahap(2020, 2, dt.date(2020, 1, 1), dt.date(2020, 4, 1)),
                    Tahap(2020, 1, dt.date(2020, 4, 1), dt.date(2020, 7, 1)),
                ]
            )

        assert "period.tahap_numbering" == info.value.error_code

    def test_a_schedule_holds_one_program(self):
        """PKH and BPNT tahap do not mix."""
        with pytest.raises(ValidationError) as info:
            TahapSchedule(
                [
                    Tahap(2020, 1, dt.date(2020, 1, 1), dt.date(2020, 4, 1)),
                    Tahap(
                        2021, 1, dt.date(2021, 1, 1), dt.date(2021, 4, 1), "X"
                    ),
                ]
            )

        assert "period.tahap_program" == info.value.error_code

    def test_a_schedule_holds_only_tahap(self):
        """A month is not a tahap."""
        with pytest.raises(InvalidFormat) as info:
            TahapSchedule([Month(2020, 1)])

        assert "period.tahap_type" == info.value.error_code
        assert "tahaps[0]" == info.value.path

    @pytest.mark.parametrize("text", ["2020-Q2", "T2-2020", "2020-T", 2020])
    def test_parse_refuses_what_is_not_a_tahap_code(self, text):
        """Only 2020-T2 style codes are tahap codes."""
        with pytest.raises(InvalidFormat) as info:
            pkh_2019_2020().parse(text)

        assert "period.format" == info.value.error_code

    @given(tahap_schedules())
    def test_generated_schedules_keep_their_invariants(self, schedule):
        """Sorted, non-overlapping, numbered from 1 in each year."""
        items = list(schedule)

        assert sorted(items, key=lambda t: t.start) == items
        assert all(a.stop <= b.start for a, b in itertools.pairwise(items))
        for year in {t.year for t in items}:
            numbers = [t.number for t in schedule.in_year(year)]
            assert list(range(1, len(numbers) + 1)) == numbers
