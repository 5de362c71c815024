import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import TransitionError, ValidationError
from dayasos.model import (
    GraduationKind,
    Membership,
    MembershipReason,
    MembershipState,
    Transition,
    allowed_transitions,
)
from dayasos.testing._model import memberships


S = MembershipState
LEGAL = {
    S.PROPOSED: {S.VERIFIED, S.REJECTED},
    S.VERIFIED: {S.ACTIVE, S.REJECTED},
    S.ACTIVE: {S.SUSPENDED, S.GRADUATED, S.EXITED},
    S.SUSPENDED: {S.ACTIVE, S.GRADUATED, S.EXITED},
    S.GRADUATED: set(),
    S.EXITED: set(),
    S.REJECTED: set(),
}
START = {S.PROPOSED, S.VERIFIED, S.ACTIVE}
PATHS = {
    S.PROPOSED: [S.PROPOSED],
    S.VERIFIED: [S.PROPOSED, S.VERIFIED],
    S.ACTIVE: [S.PROPOSED, S.VERIFIED, S.ACTIVE],
    S.SUSPENDED: [S.ACTIVE, S.SUSPENDED],
    S.GRADUATED: [S.ACTIVE, S.GRADUATED],
    S.EXITED: [S.ACTIVE, S.EXITED],
    S.REJECTED: [S.PROPOSED, S.REJECTED],
}
DAY = dt.date(2020, 1, 6)


def in_state(state):
    """A PKH membership that reached `state` one day per step."""
    return Membership(
        program="PKH",
        history=[
            Transition(state=s, on=DAY + dt.timedelta(days=i))
            for i, s in enumerate(PATHS[state])
        ],
    )


PAIRS = list(itertools.product(S, S))


class TestLifecycle:
    """Every transition is legal or raises, as the lifecycle says."""

    def test_the_allowed_transitions_are_the_documented_ones(self):
        """allowed_transitions matches the table in the docs."""
        assert LEGAL == {s: set(allowed_transitions(s)) for s in S}
        assert START == set(allowed_transitions(None))

    @pytest.mark.parametrize(
        ("start", "target"), [p for p in PAIRS if p[1] in LEGAL[p[0]]]
    )
    def test_a_legal_transition_moves_to_the_new_state(self, start, target):
        """The new membership is in the target state, dated."""
        before = in_state(start)
        on = DAY + dt.timedelta(days=30)

        after = before.transition(target, on)

        assert (target, on) == (after.state, after.history[-1].on)
        assert before.history == after.history[:-1]

    @pytest.mark.parametrize(
        ("start", "target"), [p for p in PAIRS if p[1] not in LEGAL[p[0]]]
    )
    def test_an_illegal_transition_raises(self, start, target):
        """membership.transition, naming what is allowed."""
        with pytest.raises(TransitionError) as info:
            in_state(start).transition(target, DAY + dt.timedelta(days=30))
        allowed = sorted(s.value for s in LEGAL[start])

        assert "membership.transition" == info.value.error_code
        assert (
            ", ".join(allowed) if allowed else "none (final state)"
        ) in str(info.value)

    @pytest.mark.parametrize("state", sorted(set(S) - START, key=str))
    def test_a_history_cannot_start_after_activation(self, state):
        """Suspended, graduated, exited, rejected are no first state."""
        with pytest.raises(TransitionError) as info:
            Membership(
                program="PKH", history=[Transition(state=state, on=DAY)]
            )

        assert "membership.transition" == info.value.error_code

    @pytest.mark.parametrize("state", sorted(START, key=str))
    def test_a_history_may_start_where_the_records_start(self, state):
        """Proposed, verified or active may come first."""
        membership = Membership(
            program="PKH", history=[Transition(state=state, on=DAY)]
        )

        assert state == membership.state

    def test_a_history_with_an_illegal_step_is_refused(self):
        """A stored history is checked step by step."""
        with pytest.raises(TransitionError) as info:
            Membership(
                program="PKH",
                history=[
                    Transition(state=S.PROPOSED, on=DAY),
                    Transition(state=S.ACTIVE, on=DAY),
                ],
            )

        assert "history[1]" == info.value.path

    def test_an_empty_history_is_refused(self):
        """membership.history."""
        with pytest.raises(ValidationError) as info:
            Membership(program="PKH", history=[])

        assert "membership.history" == info.value.error_code

    def test_dates_never_go_back(self):
        """membership.dates for a transition dated before the last."""
        with pytest.raises(ValidationError) as info:
            in_state(S.ACTIVE).suspend(DAY - dt.timedelta(days=1))

        assert "membership.dates" == info.value.error_code

    def test_several_steps_may_share_a_day(self):
        """Proposed, verified and active on one day is allowed."""
        m = Membership.propose("PKH", DAY).verify(DAY).activate(DAY)

        assert S.ACTIVE == m.state_on(DAY)

    def test_a_transition_returns_a_new_membership(self):
        """The membership itself never changes."""
        before = Membership.propose("PKH", DAY)
        before.verify(DAY)

        assert [S.PROPOSED] == [t.state for t in before.history]


class TestTransitionDetails:
    """Reasons and graduation kinds go with their states."""

    def test_a_graduation_records_its_kind(self):
        """Graduasi mandiri is kept with its date."""
        m = in_state(S.ACTIVE).graduate(
            dt.date(2021, 1, 4), GraduationKind.MANDIRI
        )

        assert (dt.date(2021, 1, 4), GraduationKind.MANDIRI) == (
            m.graduated_on,
            m.graduation,
        )

    def test_an_exit_records_its_reason(self):
        """A deceased head ends the membership."""
        m = in_state(S.ACTIVE).exit(
            dt.date(2021, 1, 4), MembershipReason.DECEASED
        )

        assert (MembershipReason.DECEASED, dt.date(2021, 1, 4)) == (
            m.history[-1].reason,
            m.ended_on,
        )

    def test_a_reason_on_activation_is_refused(self):
        """membership.reason for a reason on ACTIVE."""
        with pytest.raises(ValidationError) as info:
            Transition(state=S.ACTIVE, on=DAY, reason=MembershipReason.OTHER)

        assert "membership.reason" == info.value.error_code

    def test_a_graduation_kind_on_exit_is_refused(self):
        """membership.graduation for a kind on EXITED."""
        with pytest.raises(ValidationError) as info:
            Transition(
                state=S.EXITED, on=DAY, graduation=GraduationKind.ALAMIAH
            )

        assert "membership.graduation" == info.value.error_code

    def test_an_active_membership_has_not_ended(self):
        """No end date and no graduation while active."""
        m = in_state(S.ACTIVE)

        assert (None, None, None) == (
            m.ended_on,
            m.graduated_on,
            m.graduation,
        )


def brute_state_on(membership, on):
    """The state of the last transition dated on or before `on`."""
    state = None
    for step in membership.history:
        if step.on <= on:
            state = step.state
    return state


class TestStateOnDate:
    """The state on any date comes from the dated history."""

    @given(memberships(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
    def test_state_on_a_date_is_the_last_transition_by_then(self, m, on):
        """state_on agrees with a scan of the history."""
        assert brute_state_on(m, on) == m.state_on(on)

    @given(memberships())
    def test_there_is_no_state_before_the_first_transition(self, m):
        """None the day before the history starts."""
        assert m.state_on(m.started_on - dt.timedelta(days=1)) is None

    @given(memberships(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
    def test_active_on_a_date_iff_inside_an_active_span(self, m, on):
        """is_active_on agrees with the half-open active spans."""
        inside = any(
            start <= on and (stop is None or on < stop)
            for start, stop in m.active_spans()
        )

        assert inside == m.is_active_on(on)

    def test_a_suspension_interrupts_the_active_spans(self):
        """Active, suspended, active again: two spans."""
        m = (
            Membership.propose("PKH", dt.date(2019, 1, 1))
            .verify(dt.date(2019, 1, 10))
            .activate(dt.date(2019, 2, 1))
            .suspend(dt.date(2019, 6, 1), MembershipReason.NON_COMPLIANCE)
            .activate(dt.date(2019, 9, 1))
        )

        assert (
            (dt.date(2019, 2, 1), dt.date(2019, 6, 1)),
            (dt.date(2019, 9, 1), None),
        ) == m.active_spans()
