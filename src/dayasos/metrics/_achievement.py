"""
Achievement (capaian kinerja) by the SAKIP formulas.

- **maximize** (the "normal" condition): ``R / T x 100%``;
- **minimize** (the "special" condition, smaller is better):
  ``(2 - R / T) x 100%``;
- **range targets**: the upper bound is used when the realization is
  above the range, the lower bound when it is below;
  a realization inside the range achieves 100%;
- **stabilize** (closest to the target is best): no regulation formula
  was found (DOMAIN.md section 7.3), so dayasos defines it as
  ``max(0, 1 - |R - T| / T) x 100%``:
  100% on the target (or anywhere inside a range target),
  minus the relative distance to the target (or the nearest bound),
  never below 0%.

Sources: PermenPANRB 6/2022 p. 91 (normal) and p. 100 (special), as read
in DOMAIN.md section 7.3 (high confidence); the stabilize rule is
dayasos's own.

Arithmetic is exact (`Fraction`); a ratio of 1 is 100%.
A zero target (or bound) cannot divide:
the achievement is then *not applicable*, with a reason code,
never an error and never infinity.
Display rounds once, half up, to two decimals
(as `dayasos.l10n.format_percent` does).

>>> from fractions import Fraction
>>> a = compute_achievement(7, Fraction(13, 2), Polarity.MINIMIZE)
>>> a.ratio, a.percent()
(Fraction(15, 14), Decimal('107.14'))
>>> compute_achievement(8, 9, Polarity.MINIMIZE).percent()
Decimal('87.50')
>>> compute_achievement(0, 5, Polarity.MAXIMIZE).reason
'metrics.achievement.zero_target'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import InvalidComponent, ValidationError
from dayasos.metrics._indicators import Polarity, exact
from dayasos.money import Rounding


if TYPE_CHECKING:
    from dayasos.metrics._indicators import Quantity


__all__ = ["Achievement", "compute_achievement"]

#: Reason code of an achievement that divides by a zero target.
ZERO_TARGET = "metrics.achievement.zero_target"

#: Decimals shown by default.
DISPLAY_DIGITS = 2


@attrs.frozen
class Achievement:
    """
    An achievement: an exact ratio (1 is 100%), or not applicable.

    Args:
        ratio: The exact achievement; `None` when not applicable.
        reason: Why it is not applicable (a message code such as
            ``metrics.achievement.zero_target``); `None` otherwise.

    .. versionadded:: 0.1.0
    """

    ratio: Fraction | None
    reason: str | None = None

    @classmethod
    def not_applicable(cls, reason: str) -> Achievement:
        """
        An achievement that cannot be computed, with its reason code.

        .. versionadded:: 0.1.0
        """
        return cls(None, reason)

    @property
    def is_applicable(self) -> bool:
        """
        Whether the achievement has a value.

        .. versionadded:: 0.1.0
        """
        return self.ratio is not None

    def percent(self, digits: int = DISPLAY_DIGITS) -> Decimal | None:
        """
        The achievement in percent, rounded half up for display.

        >>> Achievement(Fraction(15, 14)).percent(1)
        Decimal('107.1')

        Raises:
            InvalidComponent: ``metrics.digits`` when `digits` is not a
                whole number of 0 or more.

        .. versionadded:: 0.1.0
        """
        raw: object = digits
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            raise InvalidComponent(
                "digits is the number of decimals to show, 0 or more, "
                "got {value!r}; e.g. digits=2",
                code="metrics.digits",
                path="digits",
                value=digits,
            )
        if self.ratio is None:
            return None
        scaled = Rounding.HALF_UP.apply(self.ratio * 100 * 10**digits)
        return Decimal(scaled).scaleb(-digits)


def _bound(
    realization: Fraction, lower: Fraction, upper: Fraction
) -> Fraction:
    return upper if realization > upper else lower


def compute_achievement(
    target: Quantity | Decimal,
    realization: Quantity | Decimal,
    polarity: Polarity,
    *,
    upper: Quantity | Decimal | None = None,
) -> Achievement:
    """
    The achievement of `realization` against `target` by its polarity.

    With `upper`, the target is the range from `target` to `upper`.

    >>> compute_achievement(100, 80, Polarity.MAXIMIZE).percent()
    Decimal('80.00')
    >>> compute_achievement(100, 130, Polarity.MAXIMIZE, upper=120).ratio
    Fraction(13, 12)
    >>> compute_achievement(10, 12, Polarity.STABILIZE).ratio
    Fraction(4, 5)

    Args:
        target: The target, or the lower bound of a range target.
        realization: What was achieved.
        polarity: Which direction is good.
        upper: The upper bound of a range target.

    Raises:
        InvalidFormat: ``metrics.quantity_type`` when a value is not an
            exact number (a float, a bool, a string).
        ValidationError: ``metrics.range_order`` when `upper` is below
            `target`.

    .. versionadded:: 0.1.0
    """
    lower = exact(target)
    high = lower if upper is None else exact(upper)
    if high < lower:
        raise ValidationError(
            "the upper bound of a range target is not below its "
            "lower bound {lower}; got {value}",
            code="metrics.range_order",
            path="upper",
            value=str(high),
            lower=str(lower),
        )
    value = exact(realization)
    inside = lower <= value <= high
    if inside and (upper is not None or polarity is Polarity.STABILIZE):
        return Achievement(Fraction(1))
    base = _bound(value, lower, high)
    if base == 0:
        return Achievement.not_applicable(ZERO_TARGET)
    share = value / base
    match polarity:
        case Polarity.MAXIMIZE:
            return Achievement(share)
        case Polarity.MINIMIZE:
            return Achievement(2 - share)
        case Polarity.STABILIZE:
            return Achievement(max(Fraction(0), 1 - abs(share - 1)))
