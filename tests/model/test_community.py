import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ValidationError
from dayasos.model import (
    Community,
    EmpowermentStage,
    KatCategory,
    KatCriteria,
    StageEntry,
)
from dayasos.testing._model import communities


E = EmpowermentStage


class TestKatCriteria:
    """The four Perpres 186/2014 criteria as typed facts."""

    def test_criteria_count_what_is_known_to_be_met(self):
        """Two met, one not, one unknown."""
        criteria = KatCriteria(
            limited_access=True,
            closed_homogeneous=False,
            marginal=True,
        )

        assert (2, False) == (criteria.met_count, criteria.all_known)

    def test_criteria_keep_the_order_a_to_d(self):
        """Values lists a, b, c, d."""
        criteria = KatCriteria(remote_location=True)

        assert (None, None, None, True) == criteria.values


class TestKatCategory:
    """The category sets how long empowerment lasts."""

    def test_category_1_takes_three_years_and_3_one(self):
        """3, 2 and 1 years."""
        assert [3, 2, 1] == [c.handling_years for c in KatCategory]


class TestStages:
    """Empowerment stages only move forward, dated."""

    def test_the_stages_run_from_mapping_to_purna_bina(self):
        """Ten stages, ranked in order."""
        stages = list(E)

        assert (E.PEMETAAN_SOSIAL, E.PURNA_BINA, list(range(10))) == (
            stages[0],
            stages[-1],
            [s.rank for s in stages],
        )

    def test_a_stage_cannot_go_back(self):
        """kat.stage_order."""
        kat = Community(id="k").advance(E.PEMBERDAYAAN_I, dt.date(2020, 1, 1))

        with pytest.raises(ValidationError) as info:
            kat.advance(E.SEMILOKA_DAERAH, dt.date(2020, 6, 1))

        assert "kat.stage_order" == info.value.error_code

    def test_a_stage_cannot_repeat(self):
        """Entering the same stage twice is refused."""
        kat = Community(id="k").advance(E.PEMBERDAYAAN_I, dt.date(2020, 1, 1))

        with pytest.raises(ValidationError) as info:
            kat.advance(E.PEMBERDAYAAN_I, dt.date(2021, 1, 1))

        assert "kat.stage_order" == info.value.error_code

    def test_stage_dates_never_go_back(self):
        """kat.stage_dates."""
        with pytest.raises(ValidationError) as info:
            Community(
                id="k",
                stages=[
                    StageEntry(
                        stage=E.PEMETAAN_SOSIAL, on=dt.date(2020, 5, 1)
                    ),
                    StageEntry(
                        stage=E.PENJAJAGAN_AWAL, on=dt.date(2020, 4, 1)
                    ),
                ],
            )

        assert "kat.stage_dates" == info.value.error_code

    def test_stages_may_be_skipped(self):
        """A category 3 community may go from year I to purna bina."""
        kat = (
            Community(id="k", category=KatCategory.CATEGORY_3)
            .advance(E.PEMBERDAYAAN_I, dt.date(2020, 1, 1))
            .advance(E.PURNA_BINA, dt.date(2021, 1, 1))
        )

        assert E.PURNA_BINA == kat.stage

    @given(communities(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)))
    def test_the_stage_on_a_date_is_the_last_entered_by_then(self, kat, on):
        """stage_on agrees with a scan of the history."""
        expected = None
        for entry in kat.stages or ():
            if entry.on <= on:
                expected = entry.stage

        assert expected == kat.stage_on(on)

    def test_no_stage_before_the_first(self):
        """None before the history starts, and without a history."""
        kat = Community(id="k").advance(E.PEMETAAN_SOSIAL, dt.date(2020, 1, 1))

        assert (None, None) == (
            kat.stage_on(dt.date(2019, 12, 31)),
            Community(id="k").stage_on(dt.date(2020, 1, 1)),
        )


class TestCommunity:
    """A KAT as collected."""

    def test_a_community_has_at_least_one_family(self):
        """community.families."""
        with pytest.raises(ValidationError) as info:
            Community(id="k", families=0)

        assert "community.families" == info.value.error_code

    @given(communities())
    def test_generated_communities_are_valid(self, kat):
        """The strategy builds communities that survive re-validation."""
        assert kat == attrs.evolve(kat)
