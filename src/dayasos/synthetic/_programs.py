"""
Programme memberships with dated histories plausible for 2019-2021.

- PKH: mostly families active since before 2019, some added in the
  April 2020 expansion (9.2 to 10 million KPM); some suspended for
  non-compliance, some graduated (alamiah or mandiri), some exited;
  a family with a state employee is often exited at a ground check.
- BPNT / Program Sembako: families active since 2017-2019, some added
  in April 2020 (15.2 to 20 million KPM).
- BST: families outside PKH and BPNT, April (some May) to December 2020,
  and many again for the first half of 2021 as a new membership.

Dates after the snapshot date are cut: a history ends at what was known.
The months are plausible, not official schedules.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from dayasos.model import GraduationKind, MembershipReason, MembershipState
from dayasos.synthetic._people import between, pick


if TYPE_CHECKING:
    import random


__all__ = ["Household", "Step", "draw_memberships"]

_S = MembershipState
_R = MembershipReason

#: One transition: state, date, reason, graduation (codes).
Step = tuple[str, dt.date, str | None, str | None]


@attrs.frozen
class Household:
    """What the programmes look at, summed up for one family."""

    decile: int
    has_component: bool
    state_employee: bool


def _day(rng: random.Random, start: dt.date, stop: dt.date) -> dt.date:
    span = max((stop - start).days, 0)
    return start + dt.timedelta(days=between(rng, 0, span))


_CODES: dict[object, str] = {
    member: member.value
    for kind in (MembershipState, MembershipReason, GraduationKind)
    for member in kind
}


def _step(
    state: MembershipState,
    on: dt.date,
    reason: MembershipReason | None = None,
    graduation: GraduationKind | None = None,
) -> Step:
    return (
        _CODES[state],
        on,
        None if reason is None else _CODES[reason],
        None if graduation is None else _CODES[graduation],
    )


_PKH_SINCE = (
    dt.date(2016, 3, 1),
    dt.date(2017, 1, 2),
    dt.date(2018, 1, 2),
    dt.date(2019, 1, 7),
)
_EXIT_REASONS = (
    _R.MOVED,
    _R.DECEASED,
    _R.ADDRESS_NOT_FOUND,
    _R.INVALID_DATA,
    _R.DUPLICATE,
)


def _pkh(rng: random.Random, family: Household) -> list[Step]:
    if rng.random() < 0.75:
        start = pick(rng, _PKH_SINCE)
        steps = [_step(_S.ACTIVE, start)]
    else:
        proposed = _day(rng, dt.date(2020, 2, 3), dt.date(2020, 3, 6))
        verified = _day(rng, dt.date(2020, 3, 9), dt.date(2020, 3, 27))
        start = dt.date(2020, 4, 1)
        steps = [
            _step(_S.PROPOSED, proposed),
            _step(_S.VERIFIED, verified),
            _step(_S.ACTIVE, start),
        ]
    first = max(start + dt.timedelta(days=90), dt.date(2019, 1, 7))
    if family.state_employee and rng.random() < 0.5:
        on = _day(rng, max(first, dt.date(2021, 1, 4)), dt.date(2021, 11, 30))
        steps.append(_step(_S.EXITED, on, _R.STATE_EMPLOYEE))
        return steps
    u = rng.random()
    if u < 0.1:
        on = _day(rng, first, dt.date(2021, 6, 30))
        steps.append(_step(_S.SUSPENDED, on, _R.NON_COMPLIANCE))
        if rng.random() < 0.6:
            back = on + dt.timedelta(days=between(rng, 60, 180))
            steps.append(_step(_S.ACTIVE, back))
    elif u < 0.22:
        on = _day(rng, max(first, dt.date(2020, 1, 6)), dt.date(2021, 12, 1))
        kind = (
            GraduationKind.ALAMIAH
            if rng.random() < 0.6
            else GraduationKind.MANDIRI
        )
        steps.append(_step(_S.GRADUATED, on, graduation=kind))
    elif u < 0.25:
        on = _day(rng, first, dt.date(2021, 12, 1))
        steps.append(_step(_S.EXITED, on, pick(rng, _EXIT_REASONS)))
    return steps


_BPNT_SINCE = (dt.date(2017, 7, 3), dt.date(2018, 1, 2), dt.date(2019, 1, 2))


def _bpnt(rng: random.Random) -> list[Step]:
    if rng.random() < 0.75:
        steps = [_step(_S.ACTIVE, pick(rng, _BPNT_SINCE))]
    else:
        steps = [_step(_S.ACTIVE, dt.date(2020, 4, 1))]
    if rng.random() < 0.04:
        on = _day(rng, dt.date(2021, 1, 4), dt.date(2021, 11, 30))
        reason = pick(rng, (_R.DUPLICATE, _R.MOVED, _R.INVALID_DATA))
        steps.append(_step(_S.EXITED, on, reason))
    return steps


def _bst(rng: random.Random) -> list[list[Step]]:
    start = dt.date(2020, 4, 1) if rng.random() < 0.8 else dt.date(2020, 5, 4)
    first = [
        _step(_S.ACTIVE, start),
        _step(_S.EXITED, dt.date(2021, 1, 1), _R.PROGRAM_ENDED),
    ]
    if rng.random() >= 0.6:
        return [first]
    second = [
        _step(_S.ACTIVE, dt.date(2021, 1, 4)),
        _step(_S.EXITED, dt.date(2021, 7, 1), _R.PROGRAM_ENDED),
    ]
    return [first, second]


def _cut(history: list[Step], as_of: dt.date) -> list[Step]:
    return [step for step in history if step[1] <= as_of]


_PKH_SHARE = {1: 0.55, 2: 0.45, 3: 0.35, 4: 0.2}
_BPNT_SHARE = {1: 0.62, 2: 0.62, 3: 0.62, 4: 0.62, 5: 0.08, 6: 0.08}


def draw_memberships(
    rng: random.Random, family: Household, as_of: dt.date
) -> list[tuple[str, list[Step]]]:
    """
    The family's memberships, oldest first, each with its history.

    .. versionadded:: 0.1.0
    """
    found: list[tuple[str, list[Step]]] = []
    share = _PKH_SHARE.get(family.decile, 0.0) if family.has_component else 0.0
    if rng.random() < max(share, 0.02):
        found.append(("PKH", _pkh(rng, family)))
    elif family.decile in {5, 6} and rng.random() < 0.05:
        proposed = _day(rng, dt.date(2020, 2, 3), dt.date(2021, 6, 30))
        rejected = proposed + dt.timedelta(days=between(rng, 20, 90))
        found.append(
            (
                "PKH",
                [
                    _step(_S.PROPOSED, proposed),
                    _step(_S.REJECTED, rejected, _R.NOT_ELIGIBLE),
                ],
            )
        )
    if rng.random() < _BPNT_SHARE.get(family.decile, 0.01):
        found.append(("BPNT", _bpnt(rng)))
    covered = any(
        p in {"PKH", "BPNT"} and h[-1][0] == "active" for p, h in found
    )
    bst_share = 0.5 if family.decile <= 4 else 0.3
    if not covered and family.decile <= 6 and rng.random() < bst_share:
        found.extend(("BST", history) for history in _bst(rng))
    kept = [(program, _cut(history, as_of)) for program, history in found]
    kept = [(program, history) for program, history in kept if history]
    kept.sort(key=lambda m: m[1][0][1])
    return kept
