"""Tests for dayasos.programs._quota: sharing a quota of packages."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ConfigurationError, ValidationError
from dayasos.programs import (
    Candidate,
    Split,
    UnservedReason,
    allocate,
    apportion,
)


def people(spec):
    """Candidates from (key, region, priority) triples."""
    return [Candidate(key=k, region=r, priority=p) for k, r, p in spec]


class TestApportion:
    """Largest-remainder split of whole units."""

    def test_remainders_go_to_the_lower_code_on_ties(self):
        """Ten units over three equal regions: the first code gets four."""
        assert {"31": 4, "32": 3, "33": 3} == apportion(
            10, {"33": 1, "31": 1, "32": 1}
        )

    def test_all_zero_weights_are_refused(self):
        """No weight at all cannot be split."""
        with pytest.raises(ValidationError) as info:
            apportion(5, {"31": 0})

        assert "quota.weights" == info.value.error_code

    @given(
        st.integers(0, 10_000),
        st.dictionaries(
            st.sampled_from(["11", "31", "32", "33", "51", "94"]),
            st.integers(0, 500),
            min_size=1,
        ).filter(lambda w: any(w.values())),
    )
    def test_nothing_is_lost_and_no_share_strays(self, total, weights):
        """Shares add up to the total and stay within one of exact."""
        shares = apportion(total, weights)
        denominator = sum(weights.values())

        assert total == sum(shares.values())
        for key, share in shares.items():
            assert abs(share * denominator - total * weights[key]) < (
                denominator
            )


class TestAllocate:
    """Regions, priorities, reasons, and the national ceiling."""

    def test_priority_before_key_within_a_region(self):
        """Priority 1 is served first; equal priorities go by key."""
        result = allocate(
            2,
            people([("b", "31", 2), ("c", "31", 1), ("a", "31", 2)]),
            split=Split.NATIONAL,
        )

        assert ["c", "a"] == [g.key for g in result.served]
        assert [("b", UnservedReason.QUOTA_EXHAUSTED)] == [
            (u.key, u.reason) for u in result.unserved
        ]

    def test_input_order_does_not_matter(self):
        """The same candidates in reverse give the same allocation."""
        spec = [("a", "31", 1), ("b", "32", 1), ("c", "31", 2)]
        forward = allocate(2, people(spec))
        backward = allocate(2, people(reversed(spec)))

        assert forward == backward

    def test_proportional_quotas_follow_demand(self):
        """Three candidates in 31, one in 32: two units go 2:0."""
        spec = [("a", "31", 1), ("b", "31", 1), ("c", "31", 1)]
        spec.append(("d", "32", 1))
        result = allocate(2, people(spec))

        assert (("31", 2), ("32", 0)) == result.quotas
        assert ["a", "b"] == [g.key for g in result.served]

    def test_given_regional_quotas_are_respected(self):
        """A province with a quota of one serves one."""
        spec = [("a", "31", 1), ("b", "31", 2), ("c", "32", 1)]
        result = allocate(10, people(spec), split={"31": 1, "32": 5})

        assert 1 == result.served_in("31")
        assert 1 == result.served_in("32")
        assert 8 == result.remaining

    def test_region_without_given_quota_is_reported(self):
        """A candidate whose province got no quota is left out, saying so."""
        result = allocate(5, people([("a", "33", 1)]), split={"31": 5})

        assert UnservedReason.REGION_WITHOUT_QUOTA == result.unserved[0].reason

    def test_unknown_region_is_reported(self):
        """A candidate without a region gets no regional quota."""
        result = allocate(5, people([("a", None, 1)]))

        assert UnservedReason.REGION_UNKNOWN == result.unserved[0].reason

    def test_redistribution_uses_what_regions_left(self):
        """Unused quota of 32 goes to the candidate waiting in 31."""
        spec = [("a", "31", 1), ("b", "31", 2)]
        result = allocate(
            4, people(spec), split={"31": 1, "32": 3}, redistribute=True
        )

        assert ["a", "b"] == [g.key for g in result.served]

    def test_units_are_all_or_nothing_unless_partial(self):
        """Five kits do not fit in three; with partial, three are given."""
        big = [Candidate(key="kt", region="31", units=5)]

        assert 0 == allocate(3, big).used
        assert 3 == allocate(3, big, partial=True).used
        assert 2 == allocate(3, big, partial=True).unserved[0].units

    def test_regional_quotas_above_the_national_quota_are_refused(self):
        """Given quotas may not add up to more than the national one."""
        with pytest.raises(ConfigurationError) as info:
            allocate(5, [], split={"31": 3, "32": 3})

        assert "quota.regions_exceed" == info.value.error_code

    def test_repeated_keys_are_refused(self):
        """Keys break ties, so they must be unique."""
        with pytest.raises(ValidationError) as info:
            allocate(5, people([("a", "31", 1), ("a", "32", 1)]))

        assert "quota.duplicate" == info.value.error_code

    @given(
        st.integers(0, 50),
        st.lists(
            st.tuples(
                st.sampled_from(["31", "32", "33", None]),
                st.integers(1, 3),
                st.integers(1, 4),
            ),
            max_size=30,
        ),
        st.booleans(),
        st.booleans(),
    )
    def test_quota_is_never_exceeded_and_everyone_is_accounted(
        self, quota, rows, redistribute, partial
    ):
        """Served plus unserved units equal the units asked; used <= quota."""
        candidates = [
            Candidate(key=f"k{i}", region=r, priority=p, units=u)
            for i, (r, p, u) in enumerate(rows)
        ]
        result = allocate(
            quota, candidates, redistribute=redistribute, partial=partial
        )
        asked = sum(c.units for c in candidates)
        given_units = sum(g.units for g in result.served)
        missing = sum(u.units for u in result.unserved)

        assert result.used <= quota
        assert asked == given_units + missing
