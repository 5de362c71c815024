"""
Entitlements: benefit components, their limits, the cap, the split.

Each member may qualify for components (``when``), each paying a yearly
amount; a component pays at most ``max_count`` members, the family at
most ``cap`` awards, highest amounts first.
That greedy choice is optimal here: the limits form a matroid.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from dayasos.money import Rupiah, allocate
from dayasos.rules._decision import Award
from dayasos.rules._expr import Expr, Field, lift
from dayasos.rules._types import Kind, definition_error


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from dayasos.model import LegalReference
    from dayasos.periods import TahapSchedule
    from dayasos.rules._compile import Env


__all__ = [
    "UNKNOWN",
    "Component",
    "Entitlement",
    "check_code",
    "join_award",
    "select_awards",
    "shares_of",
    "totals_of",
]

_error = definition_error


def check_code(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    """
    Refuse an empty or non-text code.

    .. versionadded:: 0.1.0
    """
    raw: object = value
    if not isinstance(raw, str) or not raw:
        raise _error(
            "a {name} is a non-empty code such as 'pkh.decile', got {value!r}",
            "rules.code",
            name=attribute.name,
            value=value,
        )


def _check_amount(instance: Component, _: object, amount: Expr) -> None:
    if amount.vtype.kind not in (Kind.MONEY, Kind.ANY):
        raise _error(
            "component {value} pays Rupiah, got a {kind}",
            "rules.type_mismatch",
            value=instance.code,
            kind=str(amount.vtype),
        )


def _lift_expr(value: object) -> Expr:
    return lift(value)


def _lift_optional(value: object) -> Expr | None:
    return None if value is None else _lift_expr(value)


@attrs.frozen
class Component:
    """
    A benefit component paid per member: who qualifies, how much, how many.

    Args:
        code: The component's code, e.g. ``"lansia"``.
        when: Whether a member qualifies (an expression over ``member``).
        amount: The yearly amount for one qualifying member.
        max_count: How many members of a family it pays for at most.
        reference: Its legal basis.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=check_code)
    when: Expr = attrs.field(kw_only=True, converter=_lift_expr)
    amount: Expr = attrs.field(
        kw_only=True, converter=_lift_expr, validator=_check_amount
    )
    max_count: Expr | None = attrs.field(
        default=None, kw_only=True, converter=_lift_optional
    )
    reference: LegalReference | None = attrs.field(default=None, kw_only=True)


def _components(values: Iterable[Component]) -> tuple[Component, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Entitlement:
    """
    What an eligible entity receives: components, a cap and a schedule.

    Each member gets at most one component (its highest) unless
    `one_per_member` is false; each component pays at most its
    `max_count` members; the family counts at most `cap` awards,
    the highest amounts first (ties: component order, then member
    order).
    Yearly amounts are split over the year's tahap with `allocate`.

    .. versionadded:: 0.1.0
    """

    components: tuple[Component, ...] = attrs.field(converter=_components)
    over: Field | None = None
    cap: Expr | None = attrs.field(default=None, converter=_lift_optional)
    one_per_member: bool = True
    schedule: TahapSchedule | None = None
    reference: LegalReference | None = None


#: What a component pays when it cannot be decided.
UNKNOWN = object()


def join_award(
    when: Callable[[Env], Any], pays: Callable[[Env], Any]
) -> Callable[[Env], Any]:
    def award(env: Env) -> object:
        qualifies = when(env)
        if qualifies is None:
            return UNKNOWN
        if not qualifies:
            return None
        amount = pays(env)
        return UNKNOWN if amount is None else amount

    return award


def _member_id(item: object) -> str:
    person = getattr(item, "person", None)
    found = getattr(person if person is not None else item, "id", None)
    return str(found)


_SHARES: dict[tuple[int, int], tuple[int, ...]] = {}


def shares_of(amount: Rupiah, periods: int) -> tuple[int, ...]:
    """
    A yearly amount split equally over `periods` with `allocate`.

    .. versionadded:: 0.1.0
    """
    key = (amount.amount, periods)
    found = _SHARES.get(key)
    if found is None:
        found = tuple(a.amount for a in allocate(amount, [1] * periods))
        if len(_SHARES) < _SHARES_KEPT:
            _SHARES[key] = found
    return found


_SHARES_KEPT = 4096


def totals_of(
    awards: Sequence[Award], periods: tuple[str, ...]
) -> tuple[tuple[tuple[str, Rupiah], ...], Rupiah]:
    sums = [0] * len(periods)
    for award in awards:
        for i, share in enumerate(shares_of(award.amount, len(periods))):
            sums[i] += share
    totals = tuple(
        (period, Rupiah(amount))
        for period, amount in zip(periods, sums, strict=True)
    )
    return totals, Rupiah(sum(sums))


def select_awards(
    env: Env,
    name: str,
    items: Sequence[object],
    components: Sequence[tuple[str, Callable[[Env], Any]]],
    *,
    limits: Sequence[int | None],
    cap: int | None,
    one_per_member: bool,
    awards: list[Award],
) -> bool:
    """
    Choose the awards, highest amounts first, and append them to `awards`.

    Ties go to the earlier component, then the earlier member;
    amounts of zero or less are never awarded.
    Returns whether every component could be decided for every member.

    .. versionadded:: 0.1.0
    """
    complete = True
    candidates: list[tuple[int, int, int, Rupiah]] = []
    for index, item in enumerate(items):
        env.item = item
        env.prefix = (name, index)
        for number, (_, pays) in enumerate(components):
            amount = pays(env)
            if amount is UNKNOWN:
                complete = False
            elif amount is not None and amount.amount > 0:
                candidates.append((-amount.amount, number, index, amount))
    env.item = None
    env.prefix = None
    candidates.sort()
    taken: set[int] = set()
    counts = [0] * len(components)
    chosen: list[tuple[int, int, Rupiah]] = []
    for _, number, index, amount in candidates:
        if cap is not None and len(chosen) >= cap:
            break
        if one_per_member and index in taken:
            continue
        limit = limits[number]
        if limit is not None and counts[number] >= limit:
            continue
        taken.add(index)
        counts[number] += 1
        chosen.append((index, number, amount))
    chosen.sort()
    awards.extend(
        Award(
            member=_member_id(items[index]),
            component=components[number][0],
            amount=amount,
        )
        for index, number, amount in chosen
    )
    return complete
