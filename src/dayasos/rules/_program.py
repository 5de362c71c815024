"""
Programmes: criteria and an entitlement, written once as expression trees.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING, Any

import attrs

from dayasos.errors import EvaluationError
from dayasos.rules._aggregate import (
    ActiveIn,
    Aggregate,
    GraduatedFrom,
    check_items,
)
from dayasos.rules._canonical import canonical_expr, digest, reference_dict
from dayasos.rules._codegen import generate
from dayasos.rules._compile import Context, Env
from dayasos.rules._decision import (
    Award,
    CriterionResult,
    Decision,
    Outcome,
    ParameterUse,
    Verdict,
)
from dayasos.rules._entitlement import (
    BoundEntitlement,
    Component,
    Entitlement,
    Grant,
    YearPlan,
    bind_entitlement,
    check_code,
    pay_grants,
    plan_year,
    select_awards,
    totals_of,
)
from dayasos.rules._expr import Expr, Field, Param, Scope, root
from dayasos.rules._introspect import Threshold, list_inputs, list_thresholds
from dayasos.rules._types import ANY, BOOL, definition_error


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from dayasos.model import LegalReference
    from dayasos.periods import TahapSchedule
    from dayasos.policy import ParameterSet, ParameterValue


__all__ = ["CompiledProgram", "Criterion", "Program"]

_NEVER = dt.date.max
# Read once: an enum member read from its class costs a lookup each time.
_PASS, _FAIL, _UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
_ELIGIBLE, _INELIGIBLE = Verdict.ELIGIBLE, Verdict.INELIGIBLE
_UNDETERMINED = Verdict.UNDETERMINED


_error = definition_error


def _test(instance: Criterion, _: object, test: Expr) -> None:
    raw: object = test
    if isinstance(raw, bool):
        raise _error(
            "criterion {value} got a plain {kind}: Python's == and != "
            "compare trees; write family.decile.eq(4), not family.decile "
            "== 4",
            "rules.not_boolean",
            value=instance.code,
            kind="bool",
        )
    if not isinstance(raw, Expr) or raw.vtype not in (BOOL, ANY):
        kind = raw.vtype if isinstance(raw, Expr) else type(raw).__name__
        raise _error(
            "criterion {value} tests a truth value, got {kind}",
            "rules.not_boolean",
            value=instance.code,
            kind=str(kind),
        )


@attrs.frozen
class Criterion:
    """
    One eligibility criterion: a code, a test and its legal basis.

    >>> from dayasos.model import Family
    >>> from dayasos.rules import param, root
    >>> family = root(Family)
    >>> c = Criterion("pkh.decile", family.decile <= param("pkh.max_decile"))
    >>> c.code
    'pkh.decile'

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=check_code)
    test: Expr = attrs.field(validator=_test)
    reference: LegalReference | None = attrs.field(default=None, kw_only=True)


def _criteria(values: Iterable[Criterion]) -> tuple[Criterion, ...]:
    return tuple(values)


def _top_level(expr: Expr) -> Iterable[Expr]:
    """Nodes outside aggregations (aggregations themselves included)."""
    yield expr
    if isinstance(expr, Aggregate):
        yield expr.over
        return
    for child in expr.children():
        yield from _top_level(child)


def _check_program(instance: Program) -> None:  # noqa: C901 - one pass
    entity = instance.entity
    names = [c.code for c in instance.criteria]
    for code in {n for n in names if names.count(n) > 1}:
        raise _error(
            "criterion {value} is defined twice",
            "rules.duplicate",
            value=code,
        )
    has_memberships = attrs.has(entity) and "memberships" in {
        a.name for a in attrs.fields(entity)
    }
    for expr in instance.entity_exprs():
        for node in expr.walk():
            if (
                isinstance(node, Field)
                and node.scope is Scope.ENTITY
                and node.root is not entity
            ):
                raise _error(
                    "{value} reads a {root}, but {program} decides a {entity}",
                    "rules.wrong_entity",
                    path=node.dotted,
                    value=node.dotted,
                    root=node.root.__name__,
                    program=instance.code,
                    entity=entity.__name__,
                )
            if (
                isinstance(node, (ActiveIn, GraduatedFrom))
                and not has_memberships
            ):
                raise _error(
                    "{entity} records no memberships, so {value} cannot "
                    "be tested",
                    "rules.no_memberships",
                    entity=entity.__name__,
                    value=node.program,
                )
        for node in _top_level(expr):
            if isinstance(node, Field) and node.scope is Scope.ITEM:
                raise _error(
                    "{value} reads an item outside an aggregation; wrap it "
                    "in any_of, all_of, count or sum_of",
                    "rules.item_outside",
                    path=node.dotted,
                    value=node.dotted,
                )
    if instance.entitlement is not None:
        over = instance.members_field()
        ent = instance.entitlement
        parts: list[Component | Grant] = [*ent.components, *ent.grants]
        codes = [c.code for c in parts]
        for code in {c for c in codes if codes.count(c) > 1}:
            raise _error(
                "component {value} is defined twice",
                "rules.duplicate",
                value=code,
            )
        for component in ent.components:
            check_items(over, component.when, component.amount)
        for part in parts:
            if part.when.vtype not in (BOOL, ANY):
                raise _error(
                    "component {value}: when tests a truth value",
                    "rules.not_boolean",
                    value=part.code,
                )


@attrs.frozen(kw_only=True)
class CompiledProgram:
    """
    A programme compiled for the parameter values of a span of dates.

    Made by `Program.compile` (and cached there); `Program.decide`
    runs it.
    Valid from `since` (inclusive) to `until` (exclusive): no parameter
    in force on the decision date changes within, nor (with grants or
    monthly amounts) the year.

    .. versionadded:: 0.1.0
    """

    since: dt.date
    until: dt.date
    criteria: tuple[
        tuple[Criterion, Callable[[Env], Any], tuple[ParameterUse, ...]], ...
    ]
    entitlement: BoundEntitlement | None
    #: Every parameter value used, by name then date.
    parameters: tuple[ParameterUse, ...]
    over: str


@attrs.frozen(kw_only=True)
class Program:
    """
    A programme's rules: who is eligible and what they receive.

    Written once as expression trees; `decide` compiles them for the
    parameter values in force and decides one entity.

    Args:
        code: The programme's code, e.g. ``"PKH"``; memberships use it.
        entity: The model class decided, e.g. `Family`.
        reference: The programme's legal basis; a criterion without a
            reference of its own cites it.
        criteria: The eligibility criteria, in the order explained.
        entitlement: What an eligible entity receives, if anything.

    Raises:
        RuleDefinitionError: when a criterion reads another entity's
            fields, an item outside an aggregation, memberships the
            entity does not record, or when codes repeat.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=check_code)
    entity: type
    reference: LegalReference
    criteria: tuple[Criterion, ...] = attrs.field(converter=_criteria)
    entitlement: Entitlement | None = None
    _cache: dict[
        int, tuple[weakref.ref[ParameterSet], list[CompiledProgram]]
    ] = attrs.field(factory=dict, init=False, eq=False, repr=False, hash=False)
    _plans: dict[tuple[int, int], tuple[TahapSchedule | None, YearPlan]] = (
        attrs.field(factory=dict, init=False, eq=False, repr=False, hash=False)
    )
    _hash: list[str] = attrs.field(
        factory=list, init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        _check_program(self)

    def members_field(self) -> Field:
        """The collection the entitlement pays over (``members``)."""
        if self.entitlement is not None and self.entitlement.over is not None:
            return self.entitlement.over
        found = getattr(root(self.entity), "members")  # noqa: B009 - checked access
        assert isinstance(found, Field)  # noqa: S101 - fields give fields
        return found

    def entity_exprs(self) -> tuple[Expr, ...]:
        """Every expression evaluated on the entity itself."""
        exprs = [c.test for c in self.criteria]
        if self.entitlement is not None:
            ent = self.entitlement
            exprs.extend(
                c.max_count for c in ent.components if c.max_count is not None
            )
            if ent.cap is not None:
                exprs.append(ent.cap)
            for grant in ent.grants:
                exprs.extend((grant.when, grant.amount))
        return tuple(exprs)

    def scoped_exprs(self) -> tuple[tuple[Expr, str], ...]:
        """
        Every expression with the collection its item fields read.

        Criteria first, then the entitlement's components and cap,
        then its grants.

        .. versionadded:: 0.1.0
        """
        found: list[tuple[Expr, str]] = [(c.test, "") for c in self.criteria]
        if self.entitlement is not None:
            over = self.members_field().dotted
            for c in self.entitlement.components:
                found.extend(((c.when, over), (c.amount, over)))
                if c.max_count is not None:
                    found.append((c.max_count, ""))
            if self.entitlement.cap is not None:
                found.append((self.entitlement.cap, ""))
            for g in self.entitlement.grants:
                found.extend(((g.when, ""), (g.amount, "")))
        return tuple(found)

    def parameters(self) -> tuple[str, ...]:
        """
        The parameters that must be in force on a decision date, sorted.

        Every parameter the programme reads, except those only a grant's
        amount reads (see `optional_parameters`).

        .. versionadded:: 0.1.0
        """
        exprs = [e for e, _ in self.scoped_exprs()]
        if self.entitlement is not None and self.entitlement.grants:
            # Grants come last, as (when, amount) pairs.
            exprs = exprs[: -2 * len(self.entitlement.grants)] + [
                g.when for g in self.entitlement.grants
            ]
        return _param_names(exprs)

    def optional_parameters(self) -> tuple[str, ...]:
        """
        The parameters only grants' amounts read, sorted.

        A grant is paid where its amount is in force, and nothing
        elsewhere: these need not be in force on a decision date.

        .. versionadded:: 0.1.0
        """
        if self.entitlement is None:
            return ()
        required = set(self.parameters())
        found = _param_names(g.amount for g in self.entitlement.grants)
        return tuple(n for n in found if n not in required)

    def inputs(self) -> tuple[str, ...]:
        """
        The field paths the programme reads, e.g. ``members[*].person.sex``.

        .. versionadded:: 0.1.0
        """
        return list_inputs(self.scoped_exprs())

    def thresholds(
        self,
        params: ParameterSet | None = None,
        on: dt.date | None = None,
    ) -> tuple[Threshold, ...]:
        """
        Every comparison of an input with a parameter or a constant.

        Given a parameter set and a date, each parameter threshold also
        carries the value in force then, ready for boundary tests.

        .. versionadded:: 0.1.0
        """
        found = list_thresholds(self.scoped_exprs())
        if params is None or on is None:
            return found
        snapshot = params.at(on)
        return tuple(
            t
            if t.parameter is None
            else attrs.evolve(t, value=snapshot[t.parameter])
            for t in found
        )

    def canonical(self) -> object:
        """
        The canonical form of the programme's rules, for `rule_hash`.

        .. versionadded:: 0.1.0
        """
        ent = self.entitlement
        return {
            "program": self.code,
            "entity": self.entity.__qualname__,
            "reference": reference_dict(self.reference),
            "criteria": [
                {
                    "code": c.code,
                    "test": canonical_expr(c.test),
                    "reference": reference_dict(c.reference),
                }
                for c in self.criteria
            ],
            "entitlement": None
            if ent is None
            else {
                "over": canonical_expr(self.members_field()),
                "cap": None if ent.cap is None else canonical_expr(ent.cap),
                "one_per_member": ent.one_per_member,
                "components": [
                    {
                        "code": c.code,
                        "when": canonical_expr(c.when),
                        "amount": canonical_expr(c.amount),
                        "max_count": None
                        if c.max_count is None
                        else canonical_expr(c.max_count),
                        "reference": reference_dict(c.reference),
                    }
                    # A yearly amount (the default) adds no key, so the
                    # hashes of rules written before `per` stay.
                    | ({} if c.per == "year" else {"per": c.per})
                    for c in ent.components
                ],
            }
            | (
                {
                    "grants": [
                        {
                            "code": g.code,
                            "when": canonical_expr(g.when),
                            "amount": canonical_expr(g.amount),
                            "per": g.per,
                            "paid": g.paid,
                            "reference": reference_dict(g.reference),
                        }
                        for g in ent.grants
                    ]
                }
                if ent.grants
                else {}
            ),
        }

    def rule_hash(self) -> str:
        """
        SHA-256 of the canonical form of the rules: stable across processes.

        .. versionadded:: 0.1.0
        """
        if not self._hash:
            self._hash.append(digest(self.canonical()))
        return self._hash[0]

    def compile(self, params: ParameterSet, on: dt.date) -> CompiledProgram:
        """
        The programme compiled for the parameter values in force on `on`.

        Cached per parameter set and per span of dates over which none of
        the programme's parameters changes.

        Raises:
            ParameterError: when a parameter is unknown or not in force.
            RuleDefinitionError: when a parameter's value does not fit
                where the rules use it.

        .. versionadded:: 0.1.0
        """
        key = id(params)
        slot = self._cache.get(key)
        if slot is None or slot[0]() is not params:
            for stale in [k for k, v in self._cache.items() if v[0]() is None]:
                del self._cache[stale]
            slot = (weakref.ref(params), [])
            self._cache[key] = slot
        for bound in slot[1]:
            if bound.since <= on < bound.until:
                return bound
        bound = self._bind(params, on)
        slot[1].append(bound)
        return bound

    def _bind(self, params: ParameterSet, on: dt.date) -> CompiledProgram:
        snapshot = params.at(on)
        entries: dict[str, ParameterValue] = {
            name: snapshot.entry(name) for name in self.parameters()
        }
        since = max((e.since for e in entries.values()), default=dt.date.min)
        until = min(
            (e.until or _NEVER for e in entries.values()), default=_NEVER
        )
        uses = {
            name: ParameterUse(
                name=name, value=e.value, since=e.since, reference=e.reference
            )
            for name, e in entries.items()
        }
        values = {name: e.value for name, e in entries.items()}
        ctx = Context(values)

        def used(*exprs: Expr | None) -> tuple[ParameterUse, ...]:
            names = _param_names(e for e in exprs if e is not None)
            return tuple(uses[n] for n in names)

        criteria = tuple(
            (c, generate(c.test, ctx), used(c.test)) for c in self.criteria
        )
        bound = None
        every = list(uses.values())
        if self.entitlement is not None:
            bound = bind_entitlement(
                self.entitlement,
                over=self.members_field().dotted,
                params=params,
                on=on,
                values=values,
            )
            since = max(since, bound.since)
            until = min(until, bound.until)
            every.extend(
                u
                for u in bound.uses
                if u.name not in uses or uses[u.name].since != u.since
            )
        return CompiledProgram(
            since=since,
            until=until,
            criteria=criteria,
            entitlement=bound,
            parameters=tuple(sorted(every, key=lambda u: (u.name, u.since))),
            over=self.members_field().dotted
            if self.entitlement is not None
            else "",
        )

    def decide(
        self,
        entity: object,
        *,
        on: dt.date,
        params: ParameterSet,
        schedule: TahapSchedule | None = None,
    ) -> Decision:
        """
        Decide one entity on a date with the parameters in force then.

        Args:
            entity: The family (or person ...) the programme decides.
            on: The date of the decision; ages and memberships are read
                on it and the amounts are for its fiscal year.
            params: The parameter set; the values in force on `on` apply,
                except for monthly rates (each month of the year at its
                own rate) and grants (paid where in force).
            schedule: The tahap the year is paid in: each yearly amount
                is split in proportion to the months each covers;
                defaults to the entitlement's schedule, else the year.

        Raises:
            EvaluationError: ``rules.entity_type`` when `entity` is not
                what the programme decides.
            ParameterError: when a parameter of `parameters` is not in
                force on `on`.

        .. versionadded:: 0.1.0
        """
        if not isinstance(entity, self.entity):
            raise EvaluationError(
                "{program} decides a {expected}, got {kind}",
                code="rules.entity_type",
                program=self.code,
                expected=self.entity.__name__,
                kind=type(entity).__name__,
            )
        bound = self.compile(params, on)
        env = Env(entity, on)
        reads = env.reads
        missing = env.missing
        results = []
        failed = unknown = False
        for criterion, test, uses in bound.criteria:
            start_reads = len(reads)
            start_missing = len(missing)
            value = test(env)
            if value is None:
                outcome = _UNKNOWN
                unknown = True
            elif value:
                outcome = _PASS
                del missing[start_missing:]
            else:
                outcome = _FAIL
                failed = True
                del missing[start_missing:]
            results.append(
                CriterionResult(
                    code=criterion.code,
                    outcome=outcome,
                    parameters=uses,
                    reference=criterion.reference or self.reference,
                    missing=(
                        _paths(missing[start_missing:])
                        if len(missing) > start_missing
                        else ()
                    ),
                    reads=tuple(reads[start_reads:]),
                )
            )
        if failed:
            verdict = _INELIGIBLE
        elif unknown:
            verdict = _UNDETERMINED
        else:
            verdict = _ELIGIBLE
        awards: list[Award] = []
        complete = True
        year = on.year
        plan = self._plan(schedule, year)
        if verdict is _ELIGIBLE and bound.entitlement is not None:
            complete = self._award(bound, bound.entitlement, env, plan, awards)
        totals, total = totals_of(awards, plan)
        return Decision(
            program=self.code,
            on=on,
            verdict=verdict,
            criteria=tuple(results),
            missing=_paths(missing) if missing else (),
            year=year,
            awards=tuple(awards),
            periods=plan.periods,
            totals=totals,
            total=total,
            entitlement_complete=complete,
            parameters=bound.parameters,
            rule_hash=self.rule_hash(),
            reference=self.reference,
            reads=tuple(reads),
        )

    def _plan(self, schedule: TahapSchedule | None, year: int) -> YearPlan:
        if schedule is None and self.entitlement is not None:
            schedule = self.entitlement.schedule
        key = (id(schedule), year)
        found = self._plans.get(key)
        if found is not None and found[0] is schedule:
            return found[1]
        plan = plan_year(schedule, year)
        self._plans[key] = (schedule, plan)
        return plan

    def _award(
        self,
        bound: CompiledProgram,
        ent: BoundEntitlement,
        env: Env,
        plan: YearPlan,
        awards: list[Award],
    ) -> bool:
        assert self.entitlement is not None  # noqa: S101 - checked by caller
        name = bound.over
        complete = True
        if ent.components:
            items = getattr(env.entity, name)
            if items is None:
                env.missing.append((None, name))
                complete = False
            else:
                if ent.fixed is not None:
                    limits, cap = ent.fixed
                else:
                    limits = tuple(
                        None if c.limit is None else c.limit(env)
                        for c in ent.components
                    )
                    cap = None if ent.cap is None else ent.cap(env)
                complete = select_awards(
                    env,
                    name,
                    items,
                    ent.components,
                    plan=plan,
                    limits=limits,
                    cap=cap,
                    one_per_member=self.entitlement.one_per_member,
                    awards=awards,
                    candidates_from=ent.candidates,
                )
        if ent.grants:
            complete = (
                pay_grants(env, ent.grants, plan=plan, awards=awards)
                and complete
            )
        return complete


def _param_names(exprs: Iterable[Expr]) -> tuple[str, ...]:
    return tuple(
        sorted(
            {n.name for e in exprs for n in e.walk() if isinstance(n, Param)}
        )
    )


def _paths(missing: Sequence[tuple[Any, str]]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for prefix, dotted in missing:
        path = (
            dotted if prefix is None else f"{prefix[0]}[{prefix[1]}].{dotted}"
        )
        found[path] = None
    return tuple(found)
