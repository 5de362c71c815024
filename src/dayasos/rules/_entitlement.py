"""
Entitlements: member components, family grants, the cap, the split.

Each member may qualify for components (``when``), each paying an
amount; a component pays at most ``max_count`` members, the family at
most ``cap`` awards, highest amounts first: the candidate (member,
component) pairs are taken in order of amount, skipping a pair whose
member already has a component or whose component is full.
This greedy choice reads the rule "the highest amounts count" literally;
it is not always the largest possible total when one member qualifies
for two components that both have a ``max_count`` (an elderly member
with a severe disability can take the one lansia place another elderly
member needed). The columnar evaluator makes the same choice.
A grant belongs to the entity itself (a fixed amount per family),
outside the cap.

Amounts are yearly (``per="year"``) or monthly (``per="month"``).
A yearly amount is split over the tahap of the year in proportion to
the months each tahap covers (a month belongs to the tahap holding its
first day) with `dayasos.money.allocate`, so no rupiah is lost.
A monthly amount pays, in each tahap, the sum over its months of the
rate in force on each month's first day; a month with no rate in force,
or in no tahap, pays nothing.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from dayasos.money import Rupiah, allocate
from dayasos.rules._codegen import candidates_function
from dayasos.rules._compile import (
    Context,
    compile_expr,
    constant_of,
    resolved_type,
)
from dayasos.rules._decision import Award, ParameterUse
from dayasos.rules._expr import Const, Expr, Field, Param, lift
from dayasos.rules._types import Kind, definition_error


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from dayasos.model import LegalReference
    from dayasos.periods import TahapSchedule
    from dayasos.policy import ParameterSet, ParameterValue, Value
    from dayasos.rules._compile import Env

    #: A generated candidates function (see `candidates_function`).
    Generated = Callable[
        [Env, Sequence[object], str, "YearPlan"],
        tuple[list[tuple[int, int, int, object]], bool],
    ]


__all__ = [
    "UNKNOWN",
    "BoundComponent",
    "BoundEntitlement",
    "BoundGrant",
    "Component",
    "Entitlement",
    "Grant",
    "MonthlyRate",
    "Paid",
    "YearPlan",
    "bind_entitlement",
    "candidates_of",
    "check_code",
    "pay_grants",
    "plan_year",
    "select_awards",
    "totals_of",
]

_error = definition_error

#: The units an amount is declared in.
PER = ("year", "month")
#: How a grant is paid over the year's tahap.
PAID = ("spread", "first_tahap")

_NEVER = dt.date.max
_MONTHS = 12


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


def _check_amount(
    instance: Component | Grant, _: object, amount: Expr
) -> None:
    if amount.vtype.kind not in (Kind.MONEY, Kind.ANY):
        raise _error(
            "component {value} pays Rupiah, got a {kind}",
            "rules.type_mismatch",
            value=instance.code,
            kind=str(amount.vtype),
        )


def _check_per(instance: Component | Grant, _: object, per: str) -> None:
    if per not in PER:
        raise _error(
            "component {value}: per is 'year' or 'month', got {per!r}",
            "rules.per",
            value=instance.code,
            per=per,
        )


def _check_paid(instance: Grant, _: object, paid: str) -> None:
    if paid not in PAID:
        raise _error(
            "grant {value}: paid is 'spread' or 'first_tahap', got {paid!r}",
            "rules.paid",
            value=instance.code,
            paid=paid,
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
        when: Whether a member qualifies (an expression over ``member``),
            decided on the decision date.
        amount: The amount for one qualifying member, per `per`.
        max_count: How many members of a family it pays for at most.
        per: ``"year"`` (default): `amount` is yearly, read on the
            decision date and split over the tahap by the months each
            covers; ``"month"``: `amount` is a monthly rate, read on
            the first day of each month of the year.
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
    per: str = attrs.field(default="year", kw_only=True, validator=_check_per)
    reference: LegalReference | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Grant:
    """
    A benefit paid to the entity itself, not to one of its members.

    A grant is outside the cap and the members' limits.
    Its amount is paid only where its parameters are in force:
    a grant whose law has not started, or was repealed, pays nothing
    (and its values are not cited).

    >>> from dayasos.rules import param
    >>> tetap = Grant(
    ...     "bantuan_tetap",
    ...     amount=param("pkh.bantuan_tetap.reguler"),
    ...     paid="first_tahap",
    ... )
    >>> tetap.per, tetap.paid
    ('year', 'first_tahap')

    Args:
        code: The grant's code, e.g. ``"bantuan_tetap"``.
        when: Whether the entity receives it (an expression over the
            entity), decided on the decision date; always by default.
        amount: The amount, per `per`.
        per: ``"year"`` (default) or ``"month"``, as for `Component`;
            a yearly grant reads its amount on the decision date.
        paid: ``"spread"`` (default): over the tahap, as a component;
            ``"first_tahap"``: the year's amount, whole, in the year's
            first tahap.
        reference: Its legal basis.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=check_code)
    when: Expr = attrs.field(
        default=Const(value=True), kw_only=True, converter=_lift_expr
    )
    amount: Expr = attrs.field(
        kw_only=True, converter=_lift_expr, validator=_check_amount
    )
    per: str = attrs.field(default="year", kw_only=True, validator=_check_per)
    paid: str = attrs.field(
        default="spread", kw_only=True, validator=_check_paid
    )
    reference: LegalReference | None = attrs.field(default=None, kw_only=True)


def _components(values: Iterable[Component]) -> tuple[Component, ...]:
    return tuple(values)


def _grants(values: Iterable[Grant]) -> tuple[Grant, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Entitlement:
    """
    What an eligible entity receives: components, grants, a cap, a schedule.

    Each member gets at most one component (its highest) unless
    `one_per_member` is false; each component pays at most its
    `max_count` members; the family counts at most `cap` awards,
    the highest amounts first (ties: component order, then member
    order).
    Grants are paid to the entity on top of that.
    Yearly amounts are split over the year's tahap with `allocate`,
    in proportion to the months each tahap covers.

    .. versionadded:: 0.1.0
    """

    components: tuple[Component, ...] = attrs.field(converter=_components)
    grants: tuple[Grant, ...] = attrs.field(default=(), converter=_grants)
    over: Field | None = None
    cap: Expr | None = attrs.field(default=None, converter=_lift_optional)
    one_per_member: bool = True
    schedule: TahapSchedule | None = None
    reference: LegalReference | None = None


#: What a component pays when it cannot be decided.
UNKNOWN = object()


@attrs.frozen(kw_only=True)
class YearPlan:
    """
    How a fiscal year is paid: its periods and the months each covers.

    .. versionadded:: 0.1.0
    """

    year: int
    #: The periods, in date order: tahap codes, or the year itself.
    periods: tuple[str, ...]
    #: For each month (January first), the index of the period holding
    #: its first day, or -1 when none does.
    months: tuple[int, ...]
    #: How a yearly amount is split: the months each period covers
    #: (equal weights when no period holds a month's first day).
    weights: tuple[int, ...]
    _splits: dict[int, tuple[tuple[Rupiah, ...], tuple[int, ...]]] = (
        attrs.field(init=False, factory=dict, eq=False, repr=False)
    )
    _totals: dict[
        tuple[int, ...], tuple[tuple[tuple[str, Rupiah], ...], Rupiah]
    ] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def split(self, amount: Rupiah) -> tuple[Rupiah, ...]:
        """
        A yearly amount split over the periods by `weights` (`allocate`).

        Remembered per amount for this plan.

        >>> from dayasos.periods import TahapSchedule
        >>> plan = plan_year(TahapSchedule.quarterly([2021]), 2021)
        >>> plan.split(Rupiah(2_400_001))
        (Rupiah(600001), Rupiah(600000), Rupiah(600000), Rupiah(600000))

        .. versionadded:: 0.1.0
        """
        found = self._splits.get(amount.amount)
        if found is None:
            shares = tuple(allocate(amount, self.weights))
            found = shares, tuple(s.amount for s in shares)
            if len(self._splits) < _KEPT:
                self._splits[amount.amount] = found
        return found[0]

    def share_amounts(self, award: Award) -> tuple[int, ...]:
        """
        The amounts of `award`'s shares, as integers.

        .. versionadded:: 0.1.0
        """
        found = self._splits.get(award.amount.amount)
        if found is not None and found[0] is award.shares:
            return found[1]
        return tuple(share.amount for share in award.shares)

    def totals(
        self, sums: tuple[int, ...]
    ) -> tuple[tuple[tuple[str, Rupiah], ...], Rupiah]:
        """
        The sums of each period as `totals_of` gives them.

        .. versionadded:: 0.1.0
        """
        found = self._totals.get(sums)
        if found is None:
            found = (
                tuple(zip(self.periods, map(Rupiah, sums), strict=True)),
                Rupiah(sum(sums)),
            )
            if len(self._totals) < _KEPT:
                self._totals[sums] = found
        return found


def plan_year(schedule: TahapSchedule | None, year: int) -> YearPlan:
    """
    The periods of `year` and the months each covers.

    Without a schedule (or without tahap that year) the one period is
    the year, covering its twelve months.

    >>> from dayasos.periods import TahapSchedule
    >>> plan = plan_year(TahapSchedule.quarterly([2021]), 2021)
    >>> plan.periods, plan.weights
    (('2021-T1', '2021-T2', '2021-T3', '2021-T4'), (3, 3, 3, 3))

    .. versionadded:: 0.1.0
    """
    tahaps = [] if schedule is None else schedule.in_year(year)
    if not tahaps:
        return YearPlan(
            year=year,
            periods=(str(year),),
            months=(0,) * _MONTHS,
            weights=(_MONTHS,),
        )
    months = []
    for month in range(1, _MONTHS + 1):
        first = dt.date(year, month, 1)
        months.append(
            next(
                (i for i, t in enumerate(tahaps) if t.start <= first < t.stop),
                -1,
            )
        )
    counts = tuple(months.count(i) for i in range(len(tahaps)))
    return YearPlan(
        year=year,
        periods=tuple(str(t) for t in tahaps),
        months=tuple(months),
        weights=counts if any(counts) else (1,) * len(tahaps),
    )


#: How many splits and totals a plan remembers.
_KEPT = 4096


class Paid(NamedTuple):
    """An amount with its shares per period, when computed month by month."""

    total: Rupiah
    shares: tuple[Rupiah, ...]


@attrs.frozen
class MonthlyRate:
    """
    A monthly amount compiled for each set of rates in force in the year.

    `groups` pairs the months (0 for January) sharing the same parameter
    values with the amount compiled for them; months with no value in
    force are in no group.

    .. versionadded:: 0.1.0
    """

    groups: tuple[tuple[tuple[int, ...], Callable[[Env], Any]], ...]

    def pay(self, env: Env, plan: YearPlan) -> object:
        """
        The amount for the year, or `None` when unknown.

        .. versionadded:: 0.1.0
        """
        shares = [0] * len(plan.periods)
        for months, pays in self.groups:
            slots = [plan.months[m] for m in months if plan.months[m] >= 0]
            if not slots:
                continue
            amount = pays(env)
            if amount is None:
                return None
            for slot in slots:
                shares[slot] += amount.amount
        return Paid(
            Rupiah(sum(shares)), tuple(Rupiah(share) for share in shares)
        )


@attrs.frozen(kw_only=True)
class BoundComponent:
    """
    A component compiled for one span of parameter values.

    .. versionadded:: 0.1.0
    """

    code: str
    when: Callable[[Env], Any]
    #: The yearly amount (``per="year"``), else `None`.
    pays: Callable[[Env], Any] | None
    #: The monthly rates (``per="month"``), else `None`.
    monthly: MonthlyRate | None
    limit: Callable[[Env], Any] | None
    #: What a member is awarded, for a yearly amount: made once.
    #: The yearly amount when it reads nothing (a parameter), else `None`.
    constant: Rupiah | None = None
    award: Callable[[Env], Any] | None = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda self: (
                None
                if self.pays is None
                else _joined(self.when, self.pays, self.constant)
            ),
            takes_self=True,
        ),
    )


@attrs.frozen(kw_only=True)
class BoundGrant:
    """
    A grant compiled for one span of parameter values.

    `pays` and `monthly` are both `None` when its amount is not in force.

    .. versionadded:: 0.1.0
    """

    code: str
    when: Callable[[Env], Any]
    pays: Callable[[Env], Any] | None
    monthly: MonthlyRate | None
    first_tahap: bool


@attrs.frozen(kw_only=True)
class BoundEntitlement:
    """
    An entitlement compiled for one span of parameter values.

    .. versionadded:: 0.1.0
    """

    components: tuple[BoundComponent, ...]
    grants: tuple[BoundGrant, ...]
    cap: Callable[[Env], Any] | None
    #: The values read besides those in force on the decision date.
    uses: tuple[ParameterUse, ...]
    #: The span of decision dates the binding holds for.
    since: dt.date
    until: dt.date
    #: Finds the components' candidates, as `candidates_of` does: one
    #: generated function (`candidates_function`), else `candidates_of`.
    candidates: Generated
    #: The components' limits and the cap when none reads the entity
    #: (constants and parameters), else `None`.
    fixed: tuple[tuple[int | None, ...], int | None] | None = None


def _names(expr: Expr) -> list[str]:
    return sorted({n.name for n in expr.walk() if isinstance(n, Param)})


def _use(name: str, entry: ParameterValue) -> ParameterUse:
    return ParameterUse(
        name=name,
        value=entry.value,
        since=entry.since,
        reference=entry.reference,
    )


def _pays_money(code: str, expr: Expr, values: Mapping[str, Value]) -> None:
    found = resolved_type(expr, values)
    if found.kind is not Kind.MONEY:
        raise _error(
            "component {value} pays Rupiah, got a {kind}",
            "rules.type_mismatch",
            value=code,
            kind=str(found),
        )


def _span_at(
    params: ParameterSet, name: str, on: dt.date
) -> tuple[ParameterValue | None, dt.date, dt.date]:
    """The entry in force on `on` (if any) and the span it holds for."""
    values = params.parameter(name).values
    for entry in values:
        if entry.covers(on):
            return entry, entry.since, entry.until or _NEVER
    since = max(
        (v.until for v in values if v.until is not None and v.until <= on),
        default=dt.date.min,
    )
    until = min((v.since for v in values if v.since > on), default=_NEVER)
    return None, since, until


class _Binder:
    """Compiles an entitlement's amounts for the decision date's year."""

    def __init__(
        self,
        params: ParameterSet,
        on: dt.date,
        values: Mapping[str, Value],
        collection: str,
    ) -> None:
        self.params = params
        self.on = on
        self.values = values
        self.collection = collection
        self.uses: dict[tuple[str, dt.date], ParameterUse] = {}
        self.since = dt.date.min
        self.until = _NEVER

    def clip(self, since: dt.date, until: dt.date) -> None:
        self.since = max(self.since, since)
        self.until = min(self.until, until)

    def compile(
        self, expr: Expr, values: Mapping[str, Value], *, items: bool
    ) -> Callable[[Env], Any]:
        ctx = Context(values)
        ctx.collection = self.collection if items else ""
        return compile_expr(expr, ctx)

    def monthly(self, code: str, expr: Expr, *, items: bool) -> MonthlyRate:
        year = self.on.year
        self.clip(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        names = _names(expr)
        history = [self.params.parameter(n) for n in names]
        found: dict[tuple[int, ...], tuple[list[int], dict[str, Value]]] = {}
        for month in range(_MONTHS):
            first = dt.date(year, month + 1, 1)
            entries = [p.value_at(first) for p in history]
            if any(e is None for e in entries):
                continue
            key = tuple(id(e) for e in entries)
            if key not in found:
                values = dict(self.values)
                for name, entry in zip(names, entries, strict=True):
                    assert entry is not None  # noqa: S101 - checked above
                    values[name] = entry.value
                    self.uses[name, entry.since] = _use(name, entry)
                found[key] = ([], values)
            found[key][0].append(month)
        groups = []
        for months, values in found.values():
            _pays_money(code, expr, values)
            groups.append(
                (tuple(months), self.compile(expr, values, items=items))
            )
        return MonthlyRate(tuple(groups))

    def grant(self, grant: Grant) -> BoundGrant:
        when = self.compile(grant.when, self.values, items=False)
        first = grant.paid == "first_tahap"
        if grant.per == "month":
            return BoundGrant(
                code=grant.code,
                when=when,
                pays=None,
                monthly=self.monthly(grant.code, grant.amount, items=False),
                first_tahap=first,
            )
        values = dict(self.values)
        in_force = True
        for name in _names(grant.amount):
            entry, since, until = _span_at(self.params, name, self.on)
            self.clip(since, until)
            if entry is None:
                in_force = False
            else:
                values[name] = entry.value
                self.uses[name, entry.since] = _use(name, entry)
        pays = None
        if in_force:
            _pays_money(grant.code, grant.amount, values)
            pays = self.compile(grant.amount, values, items=False)
        return BoundGrant(
            code=grant.code,
            when=when,
            pays=pays,
            monthly=None,
            first_tahap=first,
        )

    def component(self, component: Component) -> BoundComponent:
        limit = (
            None
            if component.max_count is None
            else self.compile(component.max_count, self.values, items=False)
        )
        when = self.compile(component.when, self.values, items=True)
        if component.per == "month":
            monthly = self.monthly(
                component.code, component.amount, items=True
            )
            pays = None
        else:
            _pays_money(component.code, component.amount, self.values)
            pays = self.compile(component.amount, self.values, items=True)
            monthly = None
        _, constant = constant_of(component.amount, Context(self.values))
        return BoundComponent(
            code=component.code,
            when=when,
            pays=pays,
            monthly=monthly,
            limit=limit,
            constant=constant if isinstance(constant, Rupiah) else None,
        )


def bind_entitlement(
    entitlement: Entitlement,
    *,
    over: str,
    params: ParameterSet,
    on: dt.date,
    values: Mapping[str, Value],
) -> BoundEntitlement:
    """
    Compile an entitlement for the decision date `on`.

    `values` holds the parameters in force on `on`; monthly rates and
    grants read `params` for the months of the year.

    Raises:
        RuleDefinitionError: when an amount is not Rupiah.

    .. versionadded:: 0.1.0
    """
    binder = _Binder(params, on, values, over)
    components = tuple(binder.component(c) for c in entitlement.components)
    grants = tuple(binder.grant(g) for g in entitlement.grants)
    cap = (
        None
        if entitlement.cap is None
        else binder.compile(entitlement.cap, values, items=False)
    )
    fixed = [
        _fixed(c, values)
        for c in (
            *(c.max_count for c in entitlement.components),
            entitlement.cap,
        )
    ]
    ctx = Context(values)
    ctx.collection = over
    generated = candidates_function(
        [c.when for c in entitlement.components],
        [_amount(c) for c in components],
        ctx,
        _value_of,
    ) or functools.partial(_by_closures, components=components)
    return BoundEntitlement(
        components=components,
        grants=grants,
        cap=cap,
        uses=tuple(binder.uses[k] for k in sorted(binder.uses)),
        since=binder.since,
        until=binder.until,
        candidates=generated,
        fixed=(
            (tuple(v for _, v in fixed[:-1]), fixed[-1][1])
            if all(known for known, _ in fixed)
            else None
        ),
    )


def _fixed(expr: Expr | None, values: Mapping[str, Value]) -> tuple[bool, Any]:
    """Whether `expr` is a constant (or absent), and its value."""
    return (True, None) if expr is None else constant_of(expr, Context(values))


def _member_id(item: object) -> str:
    person = getattr(item, "person", None)
    found = getattr(person if person is not None else item, "id", None)
    return str(found)


def _award(
    member: str, code: str, amount: object, plan: YearPlan, *, first: bool
) -> Award:
    if isinstance(amount, Paid):
        total, shares = amount
        if first:
            shares = (total,) + (Rupiah(0),) * (len(plan.periods) - 1)
    else:
        assert isinstance(amount, Rupiah)  # noqa: S101 - amounts are money
        total = amount
        if first:
            shares = (total,) + (Rupiah(0),) * (len(plan.periods) - 1)
        else:
            shares = plan.split(total)
    return Award(member=member, component=code, amount=total, shares=shares)


def _value(amount: object) -> Rupiah:
    if isinstance(amount, Paid):
        return amount.total
    assert isinstance(amount, Rupiah)  # noqa: S101 - amounts are money
    return amount


def totals_of(
    awards: Sequence[Award], plan: YearPlan
) -> tuple[tuple[tuple[str, Rupiah], ...], Rupiah]:
    """
    The total of each period and of the year: the sums of the shares.

    .. versionadded:: 0.1.0
    """
    size = len(plan.periods)
    rows = [plan.share_amounts(award) for award in awards]
    if all(len(row) == size for row in rows):
        sums = (
            tuple(map(sum, zip(*rows, strict=True))) if rows else (0,) * size
        )
    else:
        found = [0] * size
        for row in rows:
            for i, amount in enumerate(row):
                found[i] += amount
        sums = tuple(found)
    return plan.totals(sums)


def _pays(component: BoundComponent, plan: YearPlan) -> Callable[[Env], Any]:
    if component.award is not None:
        return component.award
    assert component.monthly is not None  # noqa: S101 - one of the two
    return _joined(
        component.when, functools.partial(component.monthly.pay, plan=plan)
    )


def _joined(
    when: Callable[[Env], Any],
    pays: Callable[[Env], Any],
    constant: Rupiah | None = None,
) -> Callable[[Env], Any]:
    if constant is not None:

        def award_constant(env: Env) -> object:
            qualifies = when(env)
            if qualifies is None:
                return UNKNOWN
            return constant if qualifies else None

        return award_constant

    def award(env: Env) -> object:
        qualifies = when(env)
        if qualifies is None:
            return UNKNOWN
        if not qualifies:
            return None
        amount = pays(env)
        return UNKNOWN if amount is None else amount

    return award


def candidates_of(
    env: Env,
    name: str,
    items: Sequence[object],
    components: Sequence[BoundComponent],
    plan: YearPlan,
) -> tuple[list[tuple[int, int, int, object]], bool]:
    """
    The (member, component) pairs paying more than zero.

    Also whether every component could be decided for every member.
    A candidate is ``(-value, component, member, amount)``: member and
    component by position, the amount as paid (`Rupiah` or `Paid`).

    .. versionadded:: 0.1.0
    """
    complete = True
    candidates: list[tuple[int, int, int, object]] = []
    payers = [_pays(c, plan) for c in components]
    for index, item in enumerate(items):
        env.item = item
        env.prefix = (name, index)
        for number, pays in enumerate(payers):
            amount = pays(env)
            if amount is UNKNOWN:
                complete = False
            elif amount is not None:
                value = (
                    amount.amount
                    if amount.__class__ is Rupiah
                    else _value(amount).amount
                )
                if value > 0:
                    candidates.append((-value, number, index, amount))
    env.item = None
    env.prefix = None
    return candidates, complete


def _by_closures(
    env: Env,
    items: Sequence[object],
    name: str,
    plan: YearPlan,
    *,
    components: Sequence[BoundComponent],
) -> tuple[list[tuple[int, int, int, object]], bool]:
    """`candidates_of` called as a generated candidates function is."""
    return candidates_of(env, name, items, components, plan)


def _amount(component: BoundComponent) -> tuple[str, object]:
    """How a generated candidates function finds a component's amount."""
    if component.pays is None:
        assert component.monthly is not None  # noqa: S101 - one of the two
        return "plan", component.monthly.pay
    if component.constant is not None:
        return "constant", component.constant
    return "call", component.pays


def _value_of(amount: object) -> int:
    return _value(amount).amount


def select_awards(
    env: Env,
    name: str,
    items: Sequence[object],
    components: Sequence[BoundComponent],
    *,
    plan: YearPlan,
    limits: Sequence[int | None],
    cap: int | None,
    one_per_member: bool,
    awards: list[Award],
    candidates_from: Generated,
) -> bool:
    """
    Choose the awards, highest amounts first, and append them to `awards`.

    Ties go to the earlier component, then the earlier member;
    amounts of zero or less are never awarded.
    Returns whether every component could be decided for every member.
    `candidates_from` (`BoundEntitlement.candidates`) finds the
    candidates.

    .. versionadded:: 0.1.0
    """
    candidates, complete = candidates_from(env, items, name, plan)
    # (amount, component, member) never tie: the amounts are not compared.
    candidates.sort()
    taken: set[int] = set()
    counts = [0] * len(components)
    chosen: list[tuple[int, int, object]] = []
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
    chosen.sort(key=_MEMBER_THEN_COMPONENT)
    split = plan.split
    for index, number, amount in chosen:
        if amount.__class__ is Rupiah:
            total = amount
            shares = split(amount)
        else:
            assert isinstance(amount, Paid)  # noqa: S101 - amounts are money
            total, shares = amount
        awards.append(
            Award(
                member=_member_id(items[index]),
                component=components[number].code,
                amount=total,
                shares=shares,
            )
        )
    return complete


_MEMBER_THEN_COMPONENT = operator.itemgetter(0, 1)


def pay_grants(
    env: Env,
    grants: Sequence[BoundGrant],
    *,
    plan: YearPlan,
    awards: list[Award],
) -> bool:
    """
    Append the grants the entity receives to `awards`.

    A grant's line holds the entity's own id as its member.
    Returns whether every grant could be decided.

    .. versionadded:: 0.1.0
    """
    complete = True
    member = str(getattr(env.entity, "id", None))
    for grant in grants:
        if grant.pays is None and grant.monthly is None:
            continue
        qualifies = grant.when(env)
        if qualifies is None:
            complete = False
            continue
        if not qualifies:
            continue
        if grant.monthly is not None:
            amount = grant.monthly.pay(env, plan)
        else:
            assert grant.pays is not None  # noqa: S101 - checked above
            amount = grant.pays(env)
        if amount is None:
            complete = False
            continue
        if _value(amount).amount > 0:
            awards.append(
                _award(
                    member, grant.code, amount, plan, first=grant.first_tahap
                )
            )
    return complete
