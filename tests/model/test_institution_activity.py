"""Tests for the span an institution is active: active_since to _until."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.model import Institution, InstitutionKind
from dayasos.serialization import dumps, loads
from dayasos.testing._model import institutions


def karang_taruna(since=None, until=None):
    """A Karang Taruna active over [since, until)."""
    return Institution(
        id="kt-1",
        kind=InstitutionKind.KARANG_TARUNA,
        active_since=since,
        active_until=until,
    )


class TestIsActiveOn:
    """is_active_on reads the half-open span [active_since, active_until)."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (dt.date(2015, 2, 28), False),
            (dt.date(2015, 3, 1), True),
            (dt.date(2020, 12, 31), True),
            (dt.date(2021, 1, 1), False),
        ],
    )
    def test_active_from_the_start_until_the_day_before_the_end(
        self, on, expected
    ):
        """The start is the first active day, the end the first inactive."""
        kt = karang_taruna(dt.date(2015, 3, 1), dt.date(2021, 1, 1))

        assert expected is kt.is_active_on(on)

    def test_without_an_end_it_stays_active(self):
        """No end recorded: active from the start on."""
        kt = karang_taruna(dt.date(2015, 3, 1))

        assert kt.is_active_on(dt.date(2030, 1, 1)) is True

    def test_an_unknown_start_is_unknown(self):
        """Neither start nor end: whether it is active is not known."""
        assert karang_taruna().is_active_on(dt.date(2021, 4, 5)) is None

    def test_an_end_before_the_date_decides_without_a_start(self):
        """An institution dissolved before the date is not active."""
        kt = karang_taruna(until=dt.date(2020, 6, 1))

        assert kt.is_active_on(dt.date(2021, 4, 5)) is False

    def test_before_its_end_an_unknown_start_stays_unknown(self):
        """An end after the date says nothing about the start."""
        kt = karang_taruna(until=dt.date(2022, 6, 1))

        assert kt.is_active_on(dt.date(2021, 4, 5)) is None


class TestActiveUntil:
    """active_until is optional and travels through serialization."""

    def test_is_unknown_by_default(self):
        """A record without an end has None."""
        assert karang_taruna().active_until is None

    def test_round_trips_through_json(self):
        """The end is written as an ISO date and read back."""
        kt = karang_taruna(dt.date(2015, 3, 1), dt.date(2021, 1, 1))

        assert kt == loads(dumps(kt), Institution)

    @given(institutions())
    def test_drawn_ends_are_on_or_after_their_start(self, found):
        """The strategy draws an end that does not precede the start."""
        assert (
            found.active_since is None
            or found.active_until is None
            or found.active_since <= found.active_until
        )

    @given(institutions(), st.dates())
    def test_active_only_within_the_span(self, found, on):
        """Known activity agrees with the two dates."""
        active = found.is_active_on(on)

        if active is True:
            assert found.active_since <= on
            assert found.active_until is None or on < found.active_until
        elif active is False:
            assert (
                found.active_since is not None and on < found.active_since
            ) or (found.active_until is not None and on >= found.active_until)


class TestActiveDatesOrder:
    """An institution cannot stop being active before it started."""

    def test_end_on_or_before_start_is_refused(self):
        """active_until must come after active_since."""
        import datetime as dt  # noqa: PLC0415

        import pytest  # noqa: PLC0415

        from dayasos.errors import ValidationError  # noqa: PLC0415
        from dayasos.model import Institution, InstitutionKind  # noqa: PLC0415

        with pytest.raises(ValidationError) as info:
            Institution(
                id="i1",
                kind=InstitutionKind.LKS,
                active_since=dt.date(2020, 1, 1),
                active_until=dt.date(2020, 1, 1),
            )

        assert "institution.active_dates" == info.value.error_code
        assert "active_until" == info.value.path
