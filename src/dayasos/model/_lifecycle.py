"""
The membership lifecycle: states, legal steps and dated transitions.

A membership is the history of one beneficiary in one programme:
every change of state is dated and kept.
The lifecycle is::

    (start) -> PROPOSED | VERIFIED | ACTIVE
    PROPOSED -> VERIFIED | REJECTED
    VERIFIED -> ACTIVE | REJECTED
    ACTIVE -> SUSPENDED | GRADUATED | EXITED
    SUSPENDED -> ACTIVE | GRADUATED | EXITED
    GRADUATED, EXITED, REJECTED: final

A history may start at VERIFIED or ACTIVE because records often begin
where the programme's own data begin (e.g. "active since").
GRADUATED (graduasi, alamiah or mandiri), EXITED and REJECTED are final:
a family that comes back starts a new membership.
Graduation is allowed from SUSPENDED too: a family may run out of
eligible members (graduasi alamiah) while suspended.

>>> sorted(s.value for s in allowed_transitions(None))
['active', 'proposed', 'verified']

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import TransitionError, ValidationError


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable


__all__ = [
    "GraduationKind",
    "MembershipReason",
    "MembershipState",
    "Transition",
    "allowed_transitions",
    "check_step",
]


class MembershipState(enum.Enum):
    """
    A state in the membership lifecycle.

    .. versionadded:: 0.1.0
    """

    #: Diusulkan: proposed (e.g. through the village musyawarah).
    PROPOSED = "proposed"
    #: Verified and validated (verivali).
    VERIFIED = "verified"
    #: Ditetapkan: a beneficiary (KPM) receiving the programme.
    ACTIVE = "active"
    #: Ditangguhkan: temporarily not receiving.
    SUSPENDED = "suspended"
    #: Graduasi: left the programme by graduation.
    GRADUATED = "graduated"
    #: Keluar: left the programme for another reason.
    EXITED = "exited"
    #: Not accepted after proposal or verification.
    REJECTED = "rejected"

    @property
    def is_final(self) -> bool:
        """Whether no transition leaves this state."""
        return not _ALLOWED[self]


class GraduationKind(enum.Enum):
    """
    How a family graduated (PKH graduasi).

    .. versionadded:: 0.1.0
    """

    #: Alamiah: no member meets a component's criteria any more.
    ALAMIAH = "alamiah"
    #: Mandiri (sejahtera): the family's condition improved.
    MANDIRI = "mandiri"


class MembershipReason(enum.Enum):
    """
    Why a membership was suspended, ended or rejected.

    .. versionadded:: 0.1.0
    """

    NOT_ELIGIBLE = "not_eligible"
    #: Commitments not met (e.g. health checks, school attendance).
    NON_COMPLIANCE = "non_compliance"
    DECEASED = "deceased"
    MOVED = "moved"
    ADDRESS_NOT_FOUND = "address_not_found"
    INVALID_DATA = "invalid_data"
    DUPLICATE = "duplicate"
    #: A member is ASN, TNI, Polri or BUMN/BUMD staff.
    STATE_EMPLOYEE = "state_employee"
    #: Mengundurkan diri.
    WITHDREW = "withdrew"
    PROGRAM_ENDED = "program_ended"
    OTHER = "other"


_S = MembershipState
_ALLOWED: dict[MembershipState, frozenset[MembershipState]] = {
    _S.PROPOSED: frozenset({_S.VERIFIED, _S.REJECTED}),
    _S.VERIFIED: frozenset({_S.ACTIVE, _S.REJECTED}),
    _S.ACTIVE: frozenset({_S.SUSPENDED, _S.GRADUATED, _S.EXITED}),
    _S.SUSPENDED: frozenset({_S.ACTIVE, _S.GRADUATED, _S.EXITED}),
    _S.GRADUATED: frozenset(),
    _S.EXITED: frozenset(),
    _S.REJECTED: frozenset(),
}
_START = frozenset({_S.PROPOSED, _S.VERIFIED, _S.ACTIVE})
_WITH_REASON = frozenset({_S.SUSPENDED, _S.EXITED, _S.REJECTED})


def allowed_transitions(
    state: MembershipState | None,
) -> frozenset[MembershipState]:
    """
    The states a membership may move to from `state`.

    `None` asks for the states a history may start with.
    The lifecycle is::

        (start) -> PROPOSED | VERIFIED | ACTIVE
        PROPOSED -> VERIFIED | REJECTED
        VERIFIED -> ACTIVE | REJECTED
        ACTIVE -> SUSPENDED | GRADUATED | EXITED
        SUSPENDED -> ACTIVE | GRADUATED | EXITED
        GRADUATED, EXITED, REJECTED: final

    >>> sorted(s.value for s in allowed_transitions(MembershipState.ACTIVE))
    ['exited', 'graduated', 'suspended']

    .. versionadded:: 0.1.0
    """
    return _START if state is None else _ALLOWED[state]


@attrs.frozen(kw_only=True)
class Transition:
    """
    One dated change of state.

    Args:
        state: The state entered.
        on: The date it was entered.
        reason: Why, for SUSPENDED, EXITED and REJECTED.
        graduation: The kind of graduation, for GRADUATED.
        note: Free text from the record.

    Raises:
        ValidationError: ``membership.reason`` for a reason on another
            state; ``membership.graduation`` for a graduation kind on a
            state other than GRADUATED.

    .. versionadded:: 0.1.0
    """

    state: MembershipState
    on: dt.date
    reason: MembershipReason | None = None
    graduation: GraduationKind | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.reason is not None and self.state not in _WITH_REASON:
            raise ValidationError(
                "a reason goes with suspended, exited or rejected, "
                "not with {state}; got {value}",
                code="membership.reason",
                path="reason",
                value=self.reason.value,
                state=self.state.value,
            )
        if self.graduation is not None and self.state is not _S.GRADUATED:
            raise ValidationError(
                "a graduation kind goes with graduated, not with {state}; "
                "got {value}",
                code="membership.graduation",
                path="graduation",
                value=self.graduation.value,
                state=self.state.value,
            )


def _names(states: Iterable[MembershipState]) -> str:
    names = sorted(s.value for s in states)
    return ", ".join(names) if names else "none (final state)"


def check_step(
    program: str,
    current: MembershipState | None,
    target: MembershipState,
    path: str,
) -> None:
    allowed = allowed_transitions(current)
    if target not in allowed:
        raise TransitionError(
            "{program}: cannot go from {current} to {value}; "
            "allowed: {allowed}",
            code="membership.transition",
            path=path,
            value=target.value,
            program=program,
            current="(start)" if current is None else current.value,
            allowed=_names(allowed),
        )
