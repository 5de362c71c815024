"""
Expression trees: the one definition a program's rules are written in.

Nodes are frozen attrs values with no Python callbacks inside,
so an evaluator can read them (`dayasos.rules.Program` compiles them
for one family at a time; a columnar evaluator can compile the same tree
to table expressions).
Each node knows its static type and refuses, when it is built,
a misspelled field or a comparison of unlike things.

>>> from dayasos.model import Family
>>> family = root(Family)
>>> rule = (family.decile <= 4) & family.decile.is_known()
>>> str(rule.vtype)
'bool'
>>> family.decle
Traceback (most recent call last):
...
dayasos.errors.RuleDefinitionError: decle: Family has no field 'decle'; ...

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.rules._types import (
    ANY,
    BOOL,
    DATE,
    INT,
    MONEY,
    Kind,
    VType,
    definition_error,
    field_type,
    type_of_value,
)


if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "Age",
    "And",
    "Arith",
    "Compare",
    "Const",
    "Contains",
    "DecisionDate",
    "Expr",
    "Field",
    "IsIn",
    "IsKnown",
    "Not",
    "Or",
    "Param",
    "Record",
    "Scope",
    "YearsBetween",
    "age_of",
    "all_",
    "decision_date",
    "each",
    "either",
    "lift",
    "param",
    "root",
    "years_between",
]

_ORDERED = frozenset({Kind.INT, Kind.MONEY, Kind.DATE, Kind.NUMBER, Kind.ANY})


class Scope(enum.Enum):
    """
    What a field is read from.

    .. versionadded:: 0.1.0
    """

    #: The entity being decided (a family, a person).
    ENTITY = "entity"
    #: The item of an aggregation (a member of the family).
    ITEM = "item"


_error = definition_error


class Expr(abc.ABC):
    """
    A node of a rule's expression tree.

    Python operators build new nodes: ``<``, ``<=``, ``>``, ``>=``
    compare, ``&``, ``|``, ``~`` combine truth values (Kleene logic:
    an unknown input makes the result unknown unless the other side
    decides it), ``+``, ``-``, ``*`` compute on `Rupiah` and ints.
    Equality is spelled `eq` / `ne`, so that ``==`` keeps comparing
    trees.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    @property
    @abc.abstractmethod
    def vtype(self) -> VType:
        """The static type of the node's value."""

    def children(self) -> tuple[Expr, ...]:
        """The node's sub-expressions, in order."""
        return ()

    def walk(self) -> Iterator[Expr]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def __lt__(self, other: object) -> Compare:
        return Compare("<", self, lift(other))

    def __le__(self, other: object) -> Compare:
        return Compare("<=", self, lift(other))

    def __gt__(self, other: object) -> Compare:
        return Compare(">", self, lift(other))

    def __ge__(self, other: object) -> Compare:
        return Compare(">=", self, lift(other))

    def eq(self, other: object) -> Compare:
        """
        Equal to `other` (unknown when either side is unknown).

        .. versionadded:: 0.1.0
        """
        return Compare("==", self, lift(other))

    def ne(self, other: object) -> Compare:
        """
        Not equal to `other` (unknown when either side is unknown).

        .. versionadded:: 0.1.0
        """
        return Compare("!=", self, lift(other))

    def is_in(self, *options: object) -> IsIn:
        """
        One of `options`: constants, or one parameter holding codes.

        .. versionadded:: 0.1.0
        """
        if len(options) == 1 and isinstance(options[0], Param):
            return IsIn(self, options[0])
        return IsIn(self, Const(tuple(options)))

    def contains(self, value: object) -> Contains:
        """
        A set of categories holding `value`.

        .. versionadded:: 0.1.0
        """
        return Contains(self, lift(value))

    def is_known(self) -> IsKnown:
        """
        Whether the value was collected: never unknown itself.

        .. versionadded:: 0.1.0
        """
        return IsKnown(self)

    def __and__(self, other: object) -> And:
        return And((self, lift(other)))

    def __or__(self, other: object) -> Or:
        return Or((self, lift(other)))

    def __invert__(self) -> Not:
        return Not(self)

    def __add__(self, other: object) -> Arith:
        return Arith("+", self, lift(other))

    def __radd__(self, other: object) -> Arith:
        return Arith("+", lift(other), self)

    def __sub__(self, other: object) -> Arith:
        return Arith("-", self, lift(other))

    def __rsub__(self, other: object) -> Arith:
        return Arith("-", lift(other), self)

    def __mul__(self, other: object) -> Arith:
        return Arith("*", self, lift(other))

    def __rmul__(self, other: object) -> Arith:
        return Arith("*", lift(other), self)


def _const_type(_: object, __: object, value: object) -> None:
    if isinstance(value, float):
        raise _error(
            "rule constants are exact; write money as Rupiah(2_400_000) "
            "and counts as int, got float {value!r}",
            "rules.float",
            value=value,
        )
    if isinstance(value, dt.datetime):
        raise _error(
            "rule constants are dates, not datetimes, got {value!r}",
            "rules.datetime",
            value=value,
        )


@attrs.frozen(order=False)
class Const(Expr):
    """
    A constant value: an int, a `Rupiah`, a date, an enum member ...

    .. versionadded:: 0.1.0
    """

    value: object = attrs.field(validator=_const_type)

    @property
    def vtype(self) -> VType:
        """The type of the value."""
        if isinstance(self.value, tuple):
            kinds = {type_of_value(v) for v in self.value}
            return kinds.pop() if len(kinds) == 1 else ANY
        return type_of_value(self.value)


@attrs.frozen(order=False)
class Param(Expr):
    """
    A policy parameter, looked up at the evaluation date.

    .. versionadded:: 0.1.0
    """

    name: str

    @property
    def vtype(self) -> VType:
        """Unknown until the parameter set is read."""
        return ANY


def param(name: str) -> Param:
    """
    The parameter `name` in force on the evaluation date.

    >>> param("pkh.amount.lansia")
    Param(name='pkh.amount.lansia')

    .. versionadded:: 0.1.0
    """
    return Param(name)


def lift(value: object) -> Expr:
    """
    An expression for `value`: itself if it is one, else a constant.

    .. versionadded:: 0.1.0
    """
    if isinstance(value, Expr):
        return value
    if isinstance(value, Record):
        raise _error(
            "{value} is a whole record; compare one of its fields, "
            "e.g. member.person.birth_date",
            "rules.record",
            value=value,
        )
    return Const(value)


@attrs.frozen(order=False)
class Field(Expr):
    """
    A field of the entity (or of an aggregated item), read by its path.

    Attribute access goes down the path, checked against the model:
    ``member.person.schooling.level``.

    .. versionadded:: 0.1.0
    """

    root: type
    path: tuple[str, ...]
    scope: Scope
    type_: VType

    @property
    def vtype(self) -> VType:
        """The type of the field."""
        return self.type_

    @property
    def dotted(self) -> str:
        """The path as ``person.schooling.level``."""
        return ".".join(self.path)

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return _step(self.root, self.path, self.scope, self.type_, name)


def _step(
    root_cls: type,
    path: tuple[str, ...],
    scope: Scope,
    parent: VType,
    name: str,
) -> Field:
    dotted = ".".join((*path, name))
    if parent.kind is not Kind.RECORD or parent.cls is None:
        raise _error(
            "{value} is a {kind}, it has no fields",
            "rules.not_a_record",
            path=dotted,
            value=".".join(path),
            kind=str(parent),
        )
    found = field_type(parent.cls, name, path=dotted)
    return Field(root_cls, (*path, name), scope, found)


@attrs.frozen(order=False)
class Record:
    """
    The entity (or an aggregated item) whose fields rules read.

    ``root(Family).decile`` is the field ``decile`` of the family decided.

    .. versionadded:: 0.1.0
    """

    cls: type
    scope: Scope

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return _step(
            self.cls, (), self.scope, VType(Kind.RECORD, self.cls), name
        )

    def __str__(self) -> str:
        return f"{self.scope.value} {self.cls.__name__}"


def root(cls: type) -> Record:
    """
    The entity a program decides, as rules see it.

    .. versionadded:: 0.1.0
    """
    return Record(cls, Scope.ENTITY)


def each(cls: type) -> Record:
    """
    One item of an aggregation, e.g. one `FamilyMember`.

    .. versionadded:: 0.1.0
    """
    return Record(cls, Scope.ITEM)


def _check_compare(instance: Compare, _: object, __: Expr) -> None:
    left, right = instance.left.vtype, instance.right.vtype
    if not left.fits(right) and not right.fits(left):
        raise _error(
            "cannot compare {left} with {right} in {value!r}",
            "rules.type_mismatch",
            value=instance.op,
            left=str(left),
            right=str(right),
        )
    if instance.op not in ("==", "!=") and not (
        left.kind in _ORDERED and right.kind in _ORDERED
    ):
        raise _error(
            "{left} values have no order; use eq, ne or is_in, not {value}",
            "rules.not_ordered",
            value=instance.op,
            left=str(left if left.kind not in _ORDERED else right),
        )
    _check_enum_text(instance.left, instance.right)
    _check_enum_text(instance.right, instance.left)


def _check_enum_text(side: Expr, other: Expr) -> None:
    kind = side.vtype
    if kind.kind is not Kind.ENUM or not isinstance(other, Const):
        return
    values = other.value if isinstance(other.value, tuple) else (other.value,)
    assert kind.cls is not None  # noqa: S101 - enum types carry their class
    members: list[enum.Enum] = list(kind.cls)  # type: ignore[call-overload]
    allowed = {m.value for m in members}
    for value in values:
        if isinstance(value, enum.Enum):
            ok = isinstance(value, kind.cls)
        else:
            ok = value in allowed
        if not ok:
            raise _error(
                "{value!r} is not a {cls}; choose from {known}",
                "rules.type_mismatch",
                value=value,
                cls=kind.cls.__name__,
                known=", ".join(sorted(str(v) for v in allowed)),
            )


@attrs.frozen(order=False)
class Compare(Expr):
    """
    A comparison; unknown when either side is unknown.

    .. versionadded:: 0.1.0
    """

    op: str
    left: Expr
    right: Expr = attrs.field(validator=_check_compare)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """Both sides."""
        return (self.left, self.right)


def _check_is_in(instance: IsIn, _: object, __: Expr) -> None:
    kind = instance.operand.vtype
    if kind.kind in (Kind.RECORD, Kind.RECORDS, Kind.SET):
        raise _error(
            "is_in tests one value, got a {kind}",
            "rules.type_mismatch",
            kind=str(kind),
        )
    options = instance.options
    if isinstance(options, Const):
        values = options.value
        assert isinstance(values, tuple)  # noqa: S101 - built by is_in
        if not values:
            raise _error(
                "is_in needs at least one option",
                "rules.empty_options",
            )
        for value in values:
            found = type_of_value(value)
            if not (kind.fits(found) or found.fits(kind)):
                raise _error(
                    "cannot compare {kind} with option {value!r}",
                    "rules.type_mismatch",
                    value=value,
                    kind=str(kind),
                )
        _check_enum_text(instance.operand, options)


@attrs.frozen(order=False)
class IsIn(Expr):
    """
    Membership of a value in a set of options.

    .. versionadded:: 0.1.0
    """

    operand: Expr
    options: Expr = attrs.field(validator=_check_is_in)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The value and the options."""
        return (self.operand, self.options)


def _check_contains(instance: Contains, _: object, __: Expr) -> None:
    kind = instance.operand.vtype
    if kind.kind not in (Kind.SET, Kind.CODES, Kind.ANY):
        raise _error(
            "contains needs a set of categories, got a {kind}",
            "rules.type_mismatch",
            kind=str(kind),
        )
    value = instance.value
    if kind.kind is Kind.SET and isinstance(value, Const):
        assert kind.cls is not None  # noqa: S101 - sets carry their class
        if not isinstance(value.value, kind.cls):
            raise _error(
                "{value!r} is not a {cls}",
                "rules.type_mismatch",
                value=value.value,
                cls=kind.cls.__name__,
            )


@attrs.frozen(order=False)
class Contains(Expr):
    """
    A set of categories (e.g. PPKS) holding one value.

    .. versionadded:: 0.1.0
    """

    operand: Expr
    value: Expr = attrs.field(validator=_check_contains)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The set and the value."""
        return (self.operand, self.value)


@attrs.frozen(order=False)
class IsKnown(Expr):
    """
    Whether a value was collected; true or false, never unknown.

    .. versionadded:: 0.1.0
    """

    operand: Expr

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The value."""
        return (self.operand,)


def _check_bool(what: str, expr: Expr) -> None:
    if expr.vtype not in (BOOL, ANY):
        raise _error(
            "{what} needs a truth value, got a {kind}",
            "rules.not_boolean",
            what=what,
            kind=str(expr.vtype),
        )


def _flatten(
    kind: type[And | Or], operands: tuple[Expr, ...]
) -> tuple[Expr, ...]:
    flat: list[Expr] = []
    for operand in operands:
        _check_bool(kind.__name__.lower(), operand)
        if type(operand) is kind:
            flat.extend(operand.operands)
        else:
            flat.append(operand)
    return tuple(flat)


def _and_operands(operands: tuple[Expr, ...]) -> tuple[Expr, ...]:
    return _flatten(And, tuple(lift(o) for o in operands))


def _or_operands(operands: tuple[Expr, ...]) -> tuple[Expr, ...]:
    return _flatten(Or, tuple(lift(o) for o in operands))


@attrs.frozen(order=False)
class And(Expr):
    """
    Every operand holds (Kleene: false wins over unknown).

    .. versionadded:: 0.1.0
    """

    operands: tuple[Expr, ...] = attrs.field(converter=_and_operands)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The operands."""
        return self.operands


@attrs.frozen(order=False)
class Or(Expr):
    """
    Some operand holds (Kleene: true wins over unknown).

    .. versionadded:: 0.1.0
    """

    operands: tuple[Expr, ...] = attrs.field(converter=_or_operands)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The operands."""
        return self.operands


def _check_not(_: object, __: object, operand: Expr) -> None:
    _check_bool("not", operand)


@attrs.frozen(order=False)
class Not(Expr):
    """
    The operand does not hold (unknown stays unknown).

    .. versionadded:: 0.1.0
    """

    operand: Expr = attrs.field(validator=_check_not)

    @property
    def vtype(self) -> VType:
        """Always a truth value."""
        return BOOL

    def children(self) -> tuple[Expr, ...]:
        """The operand."""
        return (self.operand,)


def all_(*operands: object) -> And:
    """
    Every operand holds: ``all_(a, b, c)`` is ``a & b & c``.

    .. versionadded:: 0.1.0
    """
    return And(tuple(lift(o) for o in operands))


def either(*operands: object) -> Or:
    """
    Some operand holds: ``either(a, b)`` is ``a | b``.

    .. versionadded:: 0.1.0
    """
    return Or(tuple(lift(o) for o in operands))


def arith_type(op: str, left: VType, right: VType) -> VType | None:
    """
    The type of ``left op right``, or `None` when it is not allowed.

    .. versionadded:: 0.1.0
    """
    pair = (left.kind, right.kind)
    if op in ("+", "-"):
        allowed = {
            (Kind.MONEY, Kind.MONEY): MONEY,
            (Kind.INT, Kind.INT): INT,
            (Kind.MONEY, Kind.ANY): MONEY,
            (Kind.ANY, Kind.MONEY): MONEY,
            (Kind.INT, Kind.ANY): INT,
            (Kind.ANY, Kind.INT): INT,
            (Kind.ANY, Kind.ANY): ANY,
        }
    else:
        allowed = {
            (Kind.MONEY, Kind.INT): MONEY,
            (Kind.INT, Kind.MONEY): MONEY,
            (Kind.INT, Kind.INT): INT,
            (Kind.MONEY, Kind.ANY): MONEY,
            (Kind.ANY, Kind.MONEY): MONEY,
            (Kind.INT, Kind.ANY): ANY,
            (Kind.ANY, Kind.INT): ANY,
            (Kind.ANY, Kind.ANY): ANY,
        }
    return allowed.get(pair)


def _check_arith(instance: Arith, _: object, __: Expr) -> None:
    if arith_type(instance.op, instance.left.vtype, instance.right.vtype):
        return
    raise _error(
        "cannot compute {left} {value} {right}; arithmetic is on Rupiah "
        "and int (Rupiah + Rupiah, Rupiah * int)",
        "rules.type_mismatch",
        value=instance.op,
        left=str(instance.left.vtype),
        right=str(instance.right.vtype),
    )


@attrs.frozen(order=False)
class Arith(Expr):
    """
    Exact arithmetic on `Rupiah` and ints; unknown in, unknown out.

    .. versionadded:: 0.1.0
    """

    op: str
    left: Expr
    right: Expr = attrs.field(validator=_check_arith)

    @property
    def vtype(self) -> VType:
        """Money when money is involved, else int."""
        found = arith_type(self.op, self.left.vtype, self.right.vtype)
        assert found is not None  # noqa: S101 - checked when built
        return found

    def children(self) -> tuple[Expr, ...]:
        """Both sides."""
        return (self.left, self.right)


def _check_date(_: object, __: object, operand: Expr) -> None:
    if operand.vtype != DATE:
        raise _error(
            "age_of needs a date such as member.person.birth_date, "
            "got a {kind}",
            "rules.type_mismatch",
            kind=str(operand.vtype),
        )


@attrs.frozen(order=False)
class Age(Expr):
    """
    Age in whole years on the evaluation date.

    .. versionadded:: 0.1.0
    """

    operand: Expr = attrs.field(validator=_check_date)

    @property
    def vtype(self) -> VType:
        """Whole years."""
        return INT

    def children(self) -> tuple[Expr, ...]:
        """The birth date."""
        return (self.operand,)


def age_of(birth_date: Expr) -> Age:
    """
    The age in whole years on the evaluation date.

    .. versionadded:: 0.1.0
    """
    return Age(birth_date)


@attrs.frozen(order=False)
class DecisionDate(Expr):
    """
    The date a decision is taken on: `Program.decide`'s ``on``.

    Compared with a date field it is never unknown itself,
    so ``institution.active_since <= decision_date()`` is false
    for a start after the date and unknown only when the start
    was not collected.

    .. versionadded:: 0.1.0
    """

    @property
    def vtype(self) -> VType:
        """A date."""
        return DATE


def decision_date() -> DecisionDate:
    """
    The evaluation date of the decision, as an expression.

    >>> from dayasos.model import Institution
    >>> started = root(Institution).active_since <= decision_date()
    >>> str(started.vtype)
    'bool'

    .. versionadded:: 0.1.0
    """
    return DecisionDate()


def _check_dates(instance: YearsBetween, _: object, __: Expr) -> None:
    for side in (instance.start, instance.end):
        if side.vtype.kind not in (Kind.DATE, Kind.ANY):
            raise _error(
                "years_between needs two dates such as active_since and "
                "decision_date(), got a {kind}",
                "rules.type_mismatch",
                kind=str(side.vtype),
            )


@attrs.frozen(order=False)
class YearsBetween(Expr):
    """
    Whole years from `start` to `end`, rounded down.

    Negative when `end` is before `start`:
    from 6 April to 5 April of the same year is -1,
    so ``years_between(since, decision_date()) >= 0`` fails for a start
    after the date.
    Unknown when either date is unknown.

    .. versionadded:: 0.1.0
    """

    start: Expr
    end: Expr = attrs.field(validator=_check_dates)

    @property
    def vtype(self) -> VType:
        """Whole years."""
        return INT

    def children(self) -> tuple[Expr, ...]:
        """Both dates."""
        return (self.start, self.end)


def years_between(start: object, end: object) -> YearsBetween:
    """
    Whole years from `start` to `end`, rounded down (negative if before).

    >>> from dayasos.model import Institution
    >>> since = root(Institution).active_since
    >>> str((years_between(since, decision_date()) >= 2).vtype)
    'bool'

    .. versionadded:: 0.1.0
    """
    return YearsBetween(lift(start), lift(end))
