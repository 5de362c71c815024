"""
Exact Rupiah amounts.

`Rupiah` wraps an `int`: there are no sen in practice and never floats.
Scaling by a rate needs an explicit `Rounding`;
splitting uses `allocate`, which loses and creates no rupiah.

>>> annual = Rupiah(3_000_000)
>>> allocate(annual, [1, 1, 1, 1])
[Rupiah(750000), Rupiah(750000), Rupiah(750000), Rupiah(750000)]
>>> Rupiah(900_000).scale(Fraction(5, 4), Rounding.HALF_UP)
Rupiah(1125000)

Display goes through `dayasos.l10n.format_rupiah`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import math
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import InvalidFormat, ValidationError


if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


__all__ = [
    "Rounding",
    "Rupiah",
    "allocate",
    "sum_rupiah",
]


class Rounding(enum.Enum):
    """
    How to turn an exact fraction of a rupiah into whole rupiah.

    .. versionadded:: 0.1.0
    """

    #: Nearest; halves away from zero (the usual commercial rounding).
    HALF_UP = "half_up"
    #: Nearest; halves to the even neighbour (banker's rounding).
    HALF_EVEN = "half_even"
    #: Toward zero (truncate).
    DOWN = "down"
    #: Away from zero.
    UP = "up"
    #: Toward negative infinity.
    FLOOR = "floor"
    #: Toward positive infinity.
    CEILING = "ceiling"

    def apply(self, value: Fraction) -> int:  # noqa: PLR0911 - one per mode
        """
        Round an exact fraction to an integer by this mode.

        >>> Rounding.HALF_EVEN.apply(Fraction(5, 2))
        2
        """
        floor = math.floor(value)
        rest = value - floor
        match self:
            case Rounding.FLOOR:
                return floor
            case Rounding.CEILING:
                return floor + (rest != 0)
            case Rounding.DOWN:
                return floor if value >= 0 else math.ceil(value)
            case Rounding.UP:
                return math.ceil(value) if value >= 0 else floor
            case Rounding.HALF_UP:
                half = Fraction(1, 2)
                if rest == half:
                    return floor + 1 if value > 0 else floor
                return floor + (rest > half)
            case Rounding.HALF_EVEN:
                half = Fraction(1, 2)
                if rest == half:
                    return floor + (floor % 2)
                return floor + (rest > half)


def _check_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidFormat(
            "Rupiah amounts are whole numbers of rupiah (int), "
            "got {kind} {value!r}; e.g. Rupiah(1500000)",
            code="rupiah.not_int",
            path="amount",
            value=value,
            kind=type(value).__name__,
        )
    return value


@attrs.frozen(order=True)
class Rupiah:
    """
    An exact amount of Indonesian rupiah.

    Construction from anything but an `int` raises:
    a float can never become money by accident.

    >>> Rupiah(1_500_000) + Rupiah(500)
    Rupiah(1500500)
    >>> Rupiah(100) * 3
    Rupiah(300)
    >>> Rupiah(1.5)
    Traceback (most recent call last):
    ...
    dayasos.errors.InvalidFormat: amount: Rupiah amounts are whole numbers ...

    .. versionadded:: 0.1.0
    """

    amount: int = attrs.field(converter=_check_int)

    @classmethod
    def zero(cls) -> Rupiah:
        """The amount zero."""
        return _ZERO

    def __repr__(self) -> str:
        return f"Rupiah({self.amount})"

    def __str__(self) -> str:
        return f"Rp{self.amount}"

    def __int__(self) -> int:
        return self.amount

    def __bool__(self) -> bool:
        return self.amount != 0

    def __add__(self, other: Rupiah) -> Rupiah:
        if not isinstance(other, Rupiah):
            return NotImplemented
        return Rupiah(self.amount + other.amount)

    def __radd__(self, other: object) -> Rupiah:
        # Lets the built-in sum() start from 0.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Rupiah) -> Rupiah:
        if not isinstance(other, Rupiah):
            return NotImplemented
        return Rupiah(self.amount - other.amount)

    def __neg__(self) -> Rupiah:
        return Rupiah(-self.amount)

    def __abs__(self) -> Rupiah:
        return Rupiah(abs(self.amount))

    def __mul__(self, factor: int) -> Rupiah:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Rupiah(self.amount * factor)

    __rmul__ = __mul__

    def scale(
        self, rate: Fraction | Decimal | int, rounding: Rounding
    ) -> Rupiah:
        """
        Multiply by an exact rate and round by an explicit mode.

        >>> Rupiah(1000).scale(Decimal("0.125"), Rounding.HALF_UP)
        Rupiah(125)
        >>> Rupiah(10).scale(Fraction(1, 3), Rounding.DOWN)
        Rupiah(3)

        Raises:
            InvalidFormat: when `rate` is a float (code
                ``rupiah.float_rate``), another inexact or non-numeric
                value such as a str or a bool (``rupiah.rate_type``),
                or a non-finite Decimal (``rupiah.rate_not_finite``).

        .. versionadded:: 0.1.0
        """
        raw: object = rate
        if isinstance(raw, bool) or not isinstance(
            raw, (Fraction, Decimal, int)
        ):
            raise InvalidFormat(
                "scale rates are exact (Fraction, Decimal or int), "
                "got {kind} {value!r}; e.g. Fraction(5, 4)",
                code=(
                    "rupiah.float_rate"
                    if isinstance(raw, float)
                    else "rupiah.rate_type"
                ),
                path="rate",
                value=raw,
                kind=type(raw).__name__,
            )
        if isinstance(rate, Decimal) and not rate.is_finite():
            raise InvalidFormat(
                "scale rate must be finite, got {value!r}",
                code="rupiah.rate_not_finite",
                path="rate",
                value=rate,
            )
        exact = Fraction(self.amount) * Fraction(rate)
        return Rupiah(rounding.apply(exact))

    def ratio(self, other: Rupiah) -> Fraction:
        """
        The exact ratio of two amounts (e.g. realization over ceiling).

        >>> Rupiah(1).ratio(Rupiah(4))
        Fraction(1, 4)

        Raises:
            ValidationError: when `other` is zero.

        .. versionadded:: 0.1.0
        """
        if other.amount == 0:
            raise ValidationError(
                "cannot divide by a zero amount",
                code="rupiah.zero_division",
                path="other",
                value=other.amount,
            )
        return Fraction(self.amount, other.amount)


_ZERO = Rupiah(0)


def sum_rupiah(amounts: Iterable[Rupiah]) -> Rupiah:
    """
    Add up amounts; an empty iterable gives zero.

    >>> sum_rupiah([Rupiah(1), Rupiah(2)])
    Rupiah(3)

    .. versionadded:: 0.1.0
    """
    return Rupiah(sum(a.amount for a in amounts))


def allocate(total: Rupiah, weights: Sequence[int]) -> list[Rupiah]:
    """
    Split `total` in proportion to `weights`, losing no rupiah.

    Each share is the floor of its exact proportion;
    the rupiah left over go one each to the shares with the largest
    remainders, earlier shares first on ties, so the result is
    deterministic and always sums to `total`.
    A negative total is split like its absolute value, then negated.

    >>> allocate(Rupiah(100), [1, 1, 1])
    [Rupiah(34), Rupiah(33), Rupiah(33)]
    >>> allocate(Rupiah(2_400_000), [3, 1])
    [Rupiah(1800000), Rupiah(600000)]

    Raises:
        InvalidFormat: when a weight is not an int.
        ValidationError: when there are no weights, a weight is negative,
            or all weights are zero.

    .. versionadded:: 0.1.0
    """
    if not weights:
        raise ValidationError(
            "allocate needs at least one weight, e.g. [1, 1, 1, 1]",
            code="allocate.no_weights",
            path="weights",
        )
    for i, w in enumerate(weights):
        raw: object = w
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidFormat(
                "weights are whole numbers (int), got {kind} {value!r}; "
                "e.g. [3, 1]",
                code="allocate.weight_not_int",
                path=f"weights[{i}]",
                value=raw,
                kind=type(raw).__name__,
            )
        if w < 0:
            raise ValidationError(
                "weights must not be negative, got {value}",
                code="allocate.negative_weight",
                path=f"weights[{i}]",
                value=w,
            )
    denominator = sum(weights)
    if denominator == 0:
        raise ValidationError(
            "at least one weight must be positive, e.g. [1, 1, 1, 1]",
            code="allocate.zero_weights",
            path="weights",
        )
    sign = -1 if total.amount < 0 else 1
    amount = abs(total.amount)
    shares = []
    remainders = []
    for w in weights:
        share, rest = divmod(amount * w, denominator)
        shares.append(share)
        remainders.append(rest)
    left = amount - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        shares[i] += 1
    return [Rupiah(sign * s) for s in shares]
