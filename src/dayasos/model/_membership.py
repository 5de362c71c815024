"""
Programme membership: the dated history of one beneficiary in one programme.

Every change of state is dated and kept; the lifecycle it follows is
described in `allowed_transitions`.

>>> import datetime as dt
>>> m = Membership.propose("PKH", dt.date(2019, 1, 7))
>>> m = m.verify(dt.date(2019, 2, 1)).activate(dt.date(2019, 3, 1))
>>> m = m.graduate(dt.date(2020, 7, 1), GraduationKind.MANDIRI)
>>> m.state_on(dt.date(2019, 12, 31)).value
'active'
>>> m.graduated_on
datetime.date(2020, 7, 1)
>>> m.verify(dt.date(2020, 8, 1))
Traceback (most recent call last):
...
dayasos.errors.TransitionError: history: PKH: cannot go from graduated ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.model._history import check_dates
from dayasos.model._lifecycle import (
    GraduationKind,
    MembershipReason,
    MembershipState,
    Transition,
    check_step,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable


__all__ = ["Membership"]

_S = MembershipState
# Read once: on Python 3.11 an enum member read from its class costs a
# lookup each time, and these are read for every family decided.
_ACTIVE = MembershipState.ACTIVE
_GRADUATED = MembershipState.GRADUATED


def _check_history(
    instance: Membership,
    attribute: attrs.Attribute[tuple[Transition, ...]],
    history: tuple[Transition, ...],
) -> None:
    del attribute
    if not history:
        raise ValidationError(
            "a membership has at least one dated state, "
            "e.g. Membership.propose('PKH', date(2020, 1, 6))",
            code="membership.history",
            path="history",
        )
    previous: MembershipState | None = None
    for i, step in enumerate(history):
        check_step(instance.program, previous, step.state, f"history[{i}]")
        previous = step.state
    check_dates([t.on for t in history], code="membership.dates")


def _transitions(values: Iterable[Transition]) -> tuple[Transition, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Membership:
    """
    The dated history of one beneficiary in one programme.

    Immutable: `transition` and its shortcuts return a new membership.

    Args:
        program: The programme's code, e.g. ``"PKH"``.
        history: The transitions, oldest first; dates never go back.

    Raises:
        TransitionError: ``membership.transition`` for a step the
            lifecycle does not allow.
        ValidationError: ``membership.history`` for an empty history,
            ``membership.dates`` for dates going back.

    .. versionadded:: 0.1.0
    """

    program: str
    history: tuple[Transition, ...] = attrs.field(
        converter=_transitions, validator=_check_history
    )

    @classmethod
    def propose(cls, program: str, on: dt.date) -> Membership:
        """
        A new membership, proposed on a date.

        .. versionadded:: 0.1.0
        """
        return cls(
            program=program, history=(Transition(state=_S.PROPOSED, on=on),)
        )

    def transition(
        self,
        to: MembershipState,
        on: dt.date,
        *,
        reason: MembershipReason | None = None,
        graduation: GraduationKind | None = None,
        note: str | None = None,
    ) -> Membership:
        """
        This membership after moving to `to` on a date.

        Raises:
            TransitionError: ``membership.transition`` when the lifecycle
                does not allow the step; the message lists what it allows.
            ValidationError: ``membership.dates`` when `on` precedes the
                last transition.

        .. versionadded:: 0.1.0
        """
        check_step(self.program, self.state, to, "history")
        step = Transition(
            state=to, on=on, reason=reason, graduation=graduation, note=note
        )
        return attrs.evolve(self, history=(*self.history, step))

    def verify(self, on: dt.date) -> Membership:
        """Move to VERIFIED."""
        return self.transition(_S.VERIFIED, on)

    def activate(self, on: dt.date) -> Membership:
        """Move to ACTIVE (also back from SUSPENDED)."""
        return self.transition(_S.ACTIVE, on)

    def suspend(
        self, on: dt.date, reason: MembershipReason | None = None
    ) -> Membership:
        """Move to SUSPENDED."""
        return self.transition(_S.SUSPENDED, on, reason=reason)

    def graduate(self, on: dt.date, kind: GraduationKind) -> Membership:
        """Move to GRADUATED, alamiah or mandiri."""
        return self.transition(_S.GRADUATED, on, graduation=kind)

    def exit(self, on: dt.date, reason: MembershipReason) -> Membership:
        """Move to EXITED for a reason."""
        return self.transition(_S.EXITED, on, reason=reason)

    def reject(
        self, on: dt.date, reason: MembershipReason | None = None
    ) -> Membership:
        """Move to REJECTED."""
        return self.transition(_S.REJECTED, on, reason=reason)

    @property
    def state(self) -> MembershipState:
        """The latest state."""
        return self.history[-1].state

    @property
    def started_on(self) -> dt.date:
        """The date of the first transition."""
        return self.history[0].on

    @property
    def ended_on(self) -> dt.date | None:
        """The date a final state was entered, if any."""
        last = self.history[-1]
        return last.on if last.state.is_final else None

    @property
    def graduated_on(self) -> dt.date | None:
        """The graduation date, if the membership graduated."""
        last = self.history[-1]
        return last.on if last.state is _GRADUATED else None

    @property
    def graduation(self) -> GraduationKind | None:
        """The kind of graduation, if graduated and recorded."""
        return self.history[-1].graduation

    def transition_on(self, on: dt.date) -> Transition | None:
        """
        The transition in force on a date; `None` before the first.

        .. versionadded:: 0.1.0
        """
        index = bisect.bisect_right(self.history, on, key=lambda t: t.on)
        return self.history[index - 1] if index else None

    def state_on(self, on: dt.date) -> MembershipState | None:
        """
        The state on a date; `None` before the first transition.

        Several transitions on one day: the last one holds that day.

        .. versionadded:: 0.1.0
        """
        step = self.transition_on(on)
        return None if step is None else step.state

    def is_active_on(self, on: dt.date) -> bool:
        """
        Whether the membership was ACTIVE on a date.

        .. versionadded:: 0.1.0
        """
        return self.state_on(on) is _ACTIVE

    def active_spans(
        self,
    ) -> tuple[tuple[dt.date, dt.date | None], ...]:
        """
        The half-open spans ``[start, stop)`` spent ACTIVE.

        The last span's stop is `None` while the membership is active.

        .. versionadded:: 0.1.0
        """
        spans: list[tuple[dt.date, dt.date | None]] = []
        start: dt.date | None = None
        for step in self.history:
            if step.state is _ACTIVE and start is None:
                start = step.on
            elif step.state is not _ACTIVE and start is not None:
                if step.on > start:
                    spans.append((start, step.on))
                start = None
        if start is not None:
            spans.append((start, None))
        return tuple(spans)
