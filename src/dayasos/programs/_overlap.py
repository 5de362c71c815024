"""
Cross-programme view: decisions side by side, and double-dipping.

A family "receives" a programme in a month when it is an active member
in that month, or when the programme's rules find it eligible on the
date; two programmes that exclude each other (BST was for families
outside PKH and Program Sembako) are flagged when both hold.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, Membership, Person
>>> from dayasos.model import Relation
>>> pkh = Membership.propose("PKH", dt.date(2019, 1, 7)).verify(
...     dt.date(2019, 1, 8)).activate(dt.date(2019, 1, 9))
>>> bst = Membership.propose("BST", dt.date(2020, 4, 1)).verify(
...     dt.date(2020, 4, 2)).activate(dt.date(2020, 4, 3))
>>> head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
>>> family = Family(id="f1", members=[head], memberships=[pkh, bst])
>>> report = decide_all(family, on=dt.date(2020, 7, 21))
>>> [(o.first, o.second) for o in report.overlaps]
[('BST', 'PKH')]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from dayasos.model import LegalReference
from dayasos.policy import Reform
from dayasos.programs._catalogue import catalogue


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.programs._catalogue import CatalogueEntry
    from dayasos.rules import Decision


__all__ = [
    "Exclusivity",
    "Overlap",
    "OverlapReport",
    "decide_all",
    "exclusivity_pairs",
]


@attrs.frozen(kw_only=True)
class Exclusivity:
    """
    Two programmes one beneficiary may not receive in the same month.

    .. versionadded:: 0.1.0
    """

    first: str
    second: str
    reference: LegalReference
    #: Where the rule comes from and how sure it is.
    note: str


_PFM_2020 = LegalReference(
    instrument="Setditjen PFM",
    number="Penanganan Fakir Miskin 17 Nov 2020",
    year=2020,
    title="BST for 9 million KPM, non-PKH and non-Sembako",
)
_SEED = LegalReference(
    instrument="Siaran Pers Kemensos",
    number="21 Juli 2020",
    year=2020,
    title="Kemensos Hadir: sembako for people affected by COVID-19",
)

#: The exclusive pairs, each with its basis (DOMAIN.md 5.2 and S).
EXCLUSIVITY = (
    Exclusivity(
        first="BST",
        second="PKH",
        reference=_PFM_2020,
        note="DOMAIN.md 5.2, medium: BST targets non-PKH families",
    ),
    Exclusivity(
        first="BST",
        second="SEMBAKO",
        reference=_PFM_2020,
        note="DOMAIN.md 5.2, medium: BST targets non-Sembako families",
    ),
    Exclusivity(
        first="KEMENSOS_HADIR",
        second="PKH",
        reference=_SEED,
        note="DOMAIN.md S and 5.1: packages for people not yet covered",
    ),
    Exclusivity(
        first="KEMENSOS_HADIR",
        second="SEMBAKO",
        reference=_SEED,
        note="DOMAIN.md S and 5.1: packages for people not yet covered",
    ),
    Exclusivity(
        first="BST",
        second="KEMENSOS_HADIR",
        reference=_SEED,
        note="DOMAIN.md S and 5.1: packages for people not yet covered",
    ),
)


def exclusivity_pairs() -> tuple[Exclusivity, ...]:
    """
    The pairs of programmes that exclude each other.

    >>> ("BST", "PKH") in [(e.first, e.second) for e in exclusivity_pairs()]
    True

    .. versionadded:: 0.1.0
    """
    return EXCLUSIVITY


@attrs.frozen(kw_only=True)
class Overlap:
    """
    Double-dipping: one beneficiary receives two exclusive programmes.

    Each side says why it counts as received: ``"member"`` (active in
    the month) or ``"eligible"`` (the rules find it eligible).

    .. versionadded:: 0.1.0
    """

    first: str
    second: str
    month: str
    first_by: str
    second_by: str
    rule: Exclusivity


@attrs.frozen(kw_only=True)
class OverlapReport:
    """
    Every applicable programme's decision and the overlaps found.

    .. versionadded:: 0.1.0
    """

    on: dt.date
    decisions: tuple[Decision, ...]
    overlaps: tuple[Overlap, ...]
    #: Programmes of the entity's type with no rules in force on the date.
    not_running: tuple[str, ...] = ()

    def decision(self, code: str) -> Decision:
        """
        The decision of one programme.

        Raises:
            KeyError: when that programme did not decide the entity.

        .. versionadded:: 0.1.0
        """
        for found in self.decisions:
            if found.program == code:
                return found
        raise KeyError(code)

    @property
    def double_dipping(self) -> bool:
        """Whether some exclusive pair overlaps."""
        return bool(self.overlaps)


def _reform_for(entry: CatalogueEntry, reform: Reform | None) -> Reform | None:
    if reform is None:
        return None
    own = {
        name: values
        for name, values in reform.overrides.items()
        if name in entry.parameters
    }
    return Reform(reform.name, own) if own else None


def _member_in_month(entity: object, program: str, on: dt.date) -> bool:
    memberships = getattr(entity, "memberships", None) or ()
    start = pendulum.Date(on.year, on.month, 1)
    stop = start.add(months=1)
    return any(
        begin < stop and (end is None or end > start)
        for m in memberships
        if m.program == program
        for begin, end in m.active_spans()
    )


def decide_all(
    entity: object, *, on: dt.date, reform: Reform | None = None
) -> OverlapReport:
    """
    Decide an entity for every programme of its type, and find overlaps.

    Each programme of the catalogue that decides this kind of entity
    gives its decision (a reform applies to the programmes whose
    parameters it names; a programme whose parameters are not in force
    on the date is listed in `OverlapReport.not_running`);
    then every exclusive pair of `exclusivity_pairs` is checked for the
    month of `on`.

    .. versionadded:: 0.1.0
    """
    decisions = []
    idle = []
    for entry in catalogue():
        if not isinstance(entity, entry.entity):
            continue
        own = _reform_for(entry, reform)
        params = (
            entry.parameters
            if own is None
            else entry.parameters.with_reform(own)
        )
        snapshot = params.at(on)
        if any(snapshot.get(n) is None for n in entry.program.parameters()):
            idle.append(entry.code)
            continue
        decisions.append(entry.decide(entity, on=on, reform=own))
    received: dict[str, str] = {}
    for decision in decisions:
        if decision.eligible:
            received[decision.program] = "eligible"
    for rule in EXCLUSIVITY:
        for code in (rule.first, rule.second):
            if _member_in_month(entity, code, on):
                received[code] = "member"
    month = f"{on.year:04d}-{on.month:02d}"
    overlaps = tuple(
        Overlap(
            first=rule.first,
            second=rule.second,
            month=month,
            first_by=received[rule.first],
            second_by=received[rule.second],
            rule=rule,
        )
        for rule in EXCLUSIVITY
        if rule.first in received and rule.second in received
    )
    return OverlapReport(
        on=on,
        decisions=tuple(decisions),
        overlaps=overlaps,
        not_running=tuple(idle),
    )
