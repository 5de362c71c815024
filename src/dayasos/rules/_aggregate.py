"""
Aggregation over a family's members, and programme memberships.

An aggregation reads a collection of the entity (``family.members``)
and an expression over one item (``member.person.birth_date``):

>>> from dayasos.model import Family, FamilyMember
>>> from dayasos.rules._expr import age_of, each, root
>>> family, member = root(Family), each(FamilyMember)
>>> elderly = age_of(member.person.birth_date) >= 60
>>> str(count(family.members, elderly).vtype)
'int'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import attrs

from dayasos.model import GraduationKind
from dayasos.rules._expr import Const, Expr, Field, Not, Param, Scope, lift
from dayasos.rules._types import ANY, BOOL, INT, Kind, VType, definition_error


__all__ = [
    "ActiveIn",
    "AllOf",
    "AnyOf",
    "Count",
    "GraduatedFrom",
    "SumLargest",
    "SumOf",
    "active_in",
    "all_of",
    "any_of",
    "count",
    "graduated_from",
    "none_of",
    "sum_largest",
    "sum_of",
]


_error = definition_error


def check_items(over: Expr, *exprs: Expr | None) -> None:
    """
    Check that the item fields of `exprs` belong to the items of `over`.

    Raises:
        RuleDefinitionError: ``rules.not_a_collection`` when `over` is
            not a collection of the entity, ``rules.wrong_item`` for a
            field of another kind of item, ``rules.nested`` for an
            aggregation inside an aggregation.

    .. versionadded:: 0.1.0
    """
    kind = over.vtype
    if (
        not isinstance(over, Field)
        or over.scope is not Scope.ENTITY
        or kind.kind is not Kind.RECORDS
    ):
        raise _error(
            "aggregations run over a collection of the entity such as "
            "family.members, got a {kind}",
            "rules.not_a_collection",
            kind=str(kind),
        )
    for expr in exprs:
        if expr is None:
            continue
        for node in expr.walk():
            if isinstance(node, Aggregate):
                raise _error(
                    "aggregations do not nest; aggregate over {value} once",
                    "rules.nested",
                    value=over.dotted,
                )
            if (
                isinstance(node, Field)
                and node.scope is Scope.ITEM
                and node.root is not kind.cls
            ):
                raise _error(
                    "{value} reads a {item}, but {over} holds {cls}",
                    "rules.wrong_item",
                    path=node.dotted,
                    value=node.dotted,
                    item=node.root.__name__,
                    over=over.dotted,
                    cls=kind.cls.__name__ if kind.cls else "?",
                )


def _check_bool(expr: Expr | None, what: str) -> None:
    if expr is not None and expr.vtype not in (BOOL, ANY):
        raise _error(
            "{what} needs a truth value, got a {kind}",
            "rules.not_boolean",
            what=what,
            kind=str(expr.vtype),
        )


def _check_amount(expr: Expr, what: str) -> None:
    if expr.vtype.kind not in (Kind.INT, Kind.MONEY, Kind.ANY):
        raise _error(
            "{what} adds Rupiah or ints, got a {kind}",
            "rules.type_mismatch",
            what=what,
            kind=str(expr.vtype),
        )


def _check_count(expr: Expr | None, what: str) -> None:
    if expr is not None and expr.vtype.kind not in (Kind.INT, Kind.ANY):
        raise _error(
            "{what} is a whole number, got a {kind}",
            "rules.type_mismatch",
            what=what,
            kind=str(expr.vtype),
        )


class Aggregate(Expr):
    """
    A value computed over every item of a collection.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    over: Field
    where: Expr | None

    def item_exprs(self) -> tuple[Expr, ...]:
        """The expressions evaluated per item."""
        return () if self.where is None else (self.where,)

    def children(self) -> tuple[Expr, ...]:
        """The collection and the per-item expressions."""
        return (self.over, *self.item_exprs())


def _check_where(instance: Aggregate, _: object, __: Expr | None) -> None:
    _check_bool(instance.where, type(instance).__name__)
    check_items(instance.over, *instance.item_exprs())


@attrs.frozen(order=False)
class Count(Aggregate):
    """
    The number of items for which `where` holds (all, without it).

    Unknown when any item's `where` is unknown.

    .. versionadded:: 0.1.0
    """

    over: Field
    where: Expr | None = attrs.field(default=None, validator=_check_where)

    @property
    def vtype(self) -> VType:
        """A whole number."""
        return INT


@attrs.frozen(order=False)
class AnyOf(Aggregate):
    """
    Some item satisfies `where`; unknown items count only if none does.

    .. versionadded:: 0.1.0
    """

    over: Field
    where: Expr | None = attrs.field(validator=_check_where)

    @property
    def vtype(self) -> VType:
        """A truth value."""
        return BOOL


@attrs.frozen(order=False)
class AllOf(Aggregate):
    """
    Every item satisfies `where`; true for no items.

    .. versionadded:: 0.1.0
    """

    over: Field
    where: Expr | None = attrs.field(validator=_check_where)

    @property
    def vtype(self) -> VType:
        """A truth value."""
        return BOOL


def _check_sum(
    instance: SumOf | SumLargest, _: object, __: Expr | None
) -> None:
    _check_amount(instance.value, type(instance).__name__)
    _check_where(instance, _, __)


@attrs.frozen(order=False)
class SumOf(Aggregate):
    """
    The sum of `value` over the items where `where` holds.

    .. versionadded:: 0.1.0
    """

    over: Field
    value: Expr
    where: Expr | None = attrs.field(default=None, validator=_check_sum)

    @property
    def vtype(self) -> VType:
        """The type of `value`."""
        return self.value.vtype

    def item_exprs(self) -> tuple[Expr, ...]:
        """The value, then the filter."""
        return (
            (self.value,) if self.where is None else (self.value, self.where)
        )


def _check_k(_: object, __: object, k: Expr) -> None:
    _check_count(k, "k")


@attrs.frozen(order=False)
class SumLargest(Aggregate):
    """
    The sum of the `k` largest values over the items where `where` holds.

    PKH's cap reads so: at most four members count, the highest amounts.

    .. versionadded:: 0.1.0
    """

    over: Field
    value: Expr
    k: Expr = attrs.field(validator=_check_k)
    where: Expr | None = attrs.field(default=None, validator=_check_sum)

    @property
    def vtype(self) -> VType:
        """The type of `value`."""
        return self.value.vtype

    def item_exprs(self) -> tuple[Expr, ...]:
        """The value, then the filter."""
        return (
            (self.value,) if self.where is None else (self.value, self.where)
        )

    def children(self) -> tuple[Expr, ...]:
        """The collection, `k` and the per-item expressions."""
        return (self.over, self.k, *self.item_exprs())


def count(over: Field, where: object = None) -> Count:
    """
    How many items satisfy `where` (how many items, without it).

    .. versionadded:: 0.1.0
    """
    return Count(over, None if where is None else lift(where))


def any_of(over: Field, where: object) -> AnyOf:
    """
    Some item satisfies `where`.

    .. versionadded:: 0.1.0
    """
    return AnyOf(over, lift(where))


def all_of(over: Field, where: object) -> AllOf:
    """
    Every item satisfies `where`.

    .. versionadded:: 0.1.0
    """
    return AllOf(over, lift(where))


def none_of(over: Field, where: object) -> Not:
    """
    No item satisfies `where`.

    .. versionadded:: 0.1.0
    """
    return Not(any_of(over, where))


def sum_of(over: Field, value: object, where: object = None) -> SumOf:
    """
    The sum of `value` over the items satisfying `where`.

    .. versionadded:: 0.1.0
    """
    return SumOf(over, lift(value), None if where is None else lift(where))


def sum_largest(
    over: Field, value: object, k: object, where: object = None
) -> SumLargest:
    """
    The sum of the `k` largest values over the items satisfying `where`.

    .. versionadded:: 0.1.0
    """
    return SumLargest(
        over, lift(value), lift(k), None if where is None else lift(where)
    )


def _program_code(_: object, __: object, value: str) -> None:
    raw: object = value
    if not isinstance(raw, str) or not raw:
        raise _error(
            "a programme is named by its code such as 'BST', got {value!r}",
            "rules.program_code",
            value=value,
        )


def _span(_: object, __: object, value: str) -> None:
    if value not in ("day", "month"):
        raise _error(
            "span is 'day' or 'month', got {value!r}",
            "rules.span",
            value=value,
        )


@attrs.frozen(order=False)
class ActiveIn(Expr):
    """
    The entity is an active member of a programme on the date.

    With ``span="month"``: active on some day of the date's month.
    Unknown when the memberships were not collected.

    .. versionadded:: 0.1.0
    """

    program: str = attrs.field(validator=_program_code)
    span: str = attrs.field(default="day", validator=_span)

    @property
    def vtype(self) -> VType:
        """A truth value."""
        return BOOL


def _check_kind(_: object, __: object, kind: Expr | None) -> None:
    if kind is None or isinstance(kind, Param):
        return
    value = kind.value if isinstance(kind, Const) else kind
    values = value if isinstance(value, tuple) else (value,)
    if not values or not all(isinstance(v, GraduationKind) for v in values):
        raise _error(
            "kind is a GraduationKind such as GraduationKind.ALAMIAH, "
            "a tuple of them, or a parameter holding their codes; "
            "got {value!r}",
            "rules.graduation_kind",
            value=value,
        )


def _check_before(_: object, __: object, before: Expr | None) -> None:
    if before is not None and before.vtype.kind not in (Kind.DATE, Kind.ANY):
        raise _error(
            "before is a date such as decision_date() or a date "
            "parameter, got a {kind}",
            "rules.type_mismatch",
            kind=str(before.vtype),
        )


#: Left out of the canonical form when `None`, so that rules written
#: before the field existed keep their hash.
_OMIT_NONE = {"canonical_omit_none": True}


@attrs.frozen(order=False)
class GraduatedFrom(Expr):
    """
    The entity graduated from a programme before a date.

    The date is the decision date unless `before` gives another.
    With `kind`, only graduations of that kind (or of one of those
    kinds) count; a graduation whose kind was not recorded makes the
    result unknown unless another one decides it.

    .. versionadded:: 0.1.0
    """

    program: str = attrs.field(validator=_program_code)
    kind: Expr | None = attrs.field(
        default=None, validator=_check_kind, metadata=_OMIT_NONE
    )
    before: Expr | None = attrs.field(
        default=None, validator=_check_before, metadata=_OMIT_NONE
    )

    @property
    def vtype(self) -> VType:
        """A truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The kind and the date, where given."""
        return tuple(e for e in (self.kind, self.before) if e is not None)


def active_in(program: str, *, span: str = "day") -> ActiveIn:
    """
    Active in `program` on the date (or in its month).

    .. versionadded:: 0.1.0
    """
    return ActiveIn(program, span)


def graduated_from(
    program: str,
    kind: GraduationKind | tuple[GraduationKind, ...] | Param | None = None,
    *,
    before: object = None,
) -> GraduatedFrom:
    """
    Graduated from `program` before the date (of `kind`, if given).

    Args:
        program: The programme's code, e.g. ``"PKH"``.
        kind: Only graduations of this kind count: a `GraduationKind`,
            a tuple of them, or a parameter holding their codes;
            any kind when `None`.
        before: Graduated before this date instead of the decision
            date: a date, a date parameter or a date field.

    >>> from dayasos.model import GraduationKind
    >>> graduated_from("PKH", GraduationKind.ALAMIAH).kind
    Const(value=<GraduationKind.ALAMIAH: 'alamiah'>)

    .. versionadded:: 0.1.0
    """
    return GraduatedFrom(
        program,
        None if kind is None else lift(kind),
        None if before is None else lift(before),
    )
