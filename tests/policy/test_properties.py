"""Properties of value histories, over generated dates and values."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform, parse_parameters


START = date(2000, 1, 1)
STOP = date(2040, 12, 31)
NAME = "uji.amount"


@st.composite
def histories(draw):
    """
    Non-overlapping value ranges: (since, until or None) in order.

    Each value ends implicitly (at the next since), at the next since
    explicitly, or earlier (a gap), or is repealed if it is the last.
    """
    count = draw(st.integers(min_value=1, max_value=5))
    days = sorted(
        draw(
            st.lists(
                st.dates(min_value=START, max_value=STOP),
                min_size=2 * count,
                max_size=2 * count,
                unique=True,
            )
        )
    )
    ranges = []
    for index in range(count):
        since, early_end = days[2 * index], days[2 * index + 1]
        following = days[2 * index + 2] if index + 1 < count else None
        until = draw(st.sampled_from([None, early_end, following]))
        ranges.append((since, until))
    return ranges


def toml(ranges):
    """The text of a parameter file with value index * 1000 per range."""
    lines = [
        'description = { id = "Uji", en = "Test" }',
        'unit = "rupiah"',
        'gaps = "allowed"',
    ]
    for index, (since, until) in enumerate(ranges):
        lines += ["[[values]]", f"since = {since.isoformat()}"]
        if until is not None:
            lines.append(f"until = {until.isoformat()}")
        lines += [
            f"value = {index * 1000}",
            'reference = { instrument = "Uji", number = "1" }',
        ]
    return "\n".join(lines) + "\n"


def expected_at(ranges, day):
    """The value whose range contains `day`, by brute force."""
    for index, (since, until) in enumerate(ranges):
        end = until
        if end is None and index + 1 < len(ranges):
            end = ranges[index + 1][0]
        if since <= day and (end is None or day < end):
            return Rupiah(index * 1000)
    return None


def query_days(ranges):
    """Days to ask about: around every boundary, and anywhere."""
    edges = [d for since, until in ranges for d in (since, until) if d]
    return st.one_of(
        st.sampled_from(edges), st.dates(min_value=START, max_value=STOP)
    )


class TestAt:
    """at(d) finds the value whose range contains d."""

    @given(data=st.data(), ranges=histories())
    def test_at_returns_the_value_whose_range_contains_the_day(
        self, data, ranges
    ):
        """Or refuses, when no range contains it."""
        params = parse_parameters(toml(ranges), name=NAME)
        day = data.draw(query_days(ranges))
        expected = expected_at(ranges, day)

        snapshot = params.at(day)

        if expected is None:
            assert NAME not in snapshot
            with pytest.raises(ParameterError):
                snapshot[NAME]
        else:
            assert expected == snapshot[NAME]


class TestReform:
    """A reform holds from its since; earlier days keep shipped values."""

    @given(
        data=st.data(),
        ranges=histories(),
        since=st.dates(min_value=START, max_value=STOP),
    )
    def test_an_open_reform_splits_history_at_its_since(
        self, data, ranges, since
    ):
        """Before since: shipped; from since on: the reform's value."""
        params = parse_parameters(toml(ranges), name=NAME)
        reform = Reform(
            "uji",
            {
                NAME: [
                    Override(
                        since=since,
                        value=Rupiah(7),
                        reference=Reference(instrument="Uji", title="t"),
                    )
                ]
            },
        )
        day = data.draw(
            st.one_of(
                query_days(ranges),
                st.just(since),
                st.dates(min_value=START, max_value=STOP),
            )
        )

        reformed = params.with_reform(reform).at(day)

        if day >= since:
            assert Rupiah(7) == reformed[NAME]
        else:
            assert params.at(day).get(NAME) == reformed.get(NAME)
