"""
Aid: what a beneficiary receives.

Cash and business capital are amounts in `Rupiah`;
food packages and protective kits (APD) are lists of items,
with a declared value when known.

>>> from dayasos.money import Rupiah
>>> Aid.cash(Rupiah(600_000)).total_value
Rupiah(600000)
>>> package = Aid(
...     kind=AidKind.FOOD_PACKAGE,
...     items=[
...         Item(name="beras", quantity=10, unit="kg"),
...         Item(name="minyak goreng", quantity=2, unit="liter"),
...     ],
...     amount=Rupiah(300_000),
... )
>>> package.total_value
Rupiah(300000)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.money import sum_rupiah


if TYPE_CHECKING:
    from collections.abc import Iterable

    from dayasos.money import Rupiah


__all__ = ["Aid", "AidKind", "Item"]


class AidKind(enum.Enum):
    """
    Kinds of aid.

    .. versionadded:: 0.1.0
    """

    #: Bantuan tunai (e.g. PKH, BST).
    CASH = "cash"
    #: Paket sembako.
    FOOD_PACKAGE = "food_package"
    #: Alat pelindung diri (APD): masks, hand sanitizer, vitamins.
    PROTECTIVE_KIT = "protective_kit"
    #: Modal usaha, in cash or in kind.
    BUSINESS_CAPITAL = "business_capital"
    #: Housing (e.g. rumah tidak layak huni, KAT settlement).
    HOUSING = "housing"
    #: A service: mentoring, training, referral.
    SERVICE = "service"


@attrs.frozen(kw_only=True)
class Item:
    """
    One line of an aid in kind.

    Args:
        name: What it is, e.g. ``"beras"``.
        quantity: How many units, a positive whole number
            (use a smaller unit for fractions: 1500 gram).
        unit: The unit, e.g. ``"kg"``, ``"liter"``, ``"kaleng"``.
        unit_value: The value of one unit, when known.

    Raises:
        ValidationError: ``aid.item_quantity`` for a quantity below 1;
            ``aid.item_value`` for a negative unit value.

    .. versionadded:: 0.1.0
    """

    name: str
    quantity: int
    unit: str
    unit_value: Rupiah | None = None

    def __attrs_post_init__(self) -> None:
        if self.quantity < 1:
            raise ValidationError(
                "an item quantity is a positive whole number, got {value}",
                code="aid.item_quantity",
                path="quantity",
                value=self.quantity,
            )
        if self.unit_value is not None and self.unit_value.amount < 0:
            raise ValidationError(
                "a unit value is not negative, got {value}",
                code="aid.item_value",
                path="unit_value",
                value=self.unit_value.amount,
            )

    @property
    def value(self) -> Rupiah | None:
        """Quantity times unit value; `None` without a unit value."""
        if self.unit_value is None:
            return None
        return self.unit_value * self.quantity


def _items(values: Iterable[Item] | None) -> tuple[Item, ...] | None:
    return None if values is None else tuple(values)


@attrs.frozen(kw_only=True)
class Aid:
    """
    An aid: an amount, items, or both (a package with a declared value).

    Args:
        kind: The kind of aid.
        amount: The amount, or the declared value of the items.
        items: The items of an aid in kind.
        description: Free text, e.g. the package's name.

    Raises:
        ValidationError: ``aid.amount`` for an amount below Rp1;
            ``aid.items`` for an empty item list; ``aid.cash`` for cash
            without an amount or with items; ``aid.content`` for an aid
            other than a service with neither amount nor items.

    .. versionadded:: 0.1.0
    """

    kind: AidKind
    amount: Rupiah | None = None
    items: tuple[Item, ...] | None = attrs.field(
        default=None, converter=_items
    )
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.amount is not None and self.amount.amount < 1:
            raise ValidationError(
                "an aid amount is at least Rp1, got {value}",
                code="aid.amount",
                path="amount",
                value=self.amount.amount,
            )
        if self.items is not None and not self.items:
            raise ValidationError(
                "an item list has at least one item; leave items None "
                "for an aid without items",
                code="aid.items",
                path="items",
            )
        if self.kind is AidKind.CASH and (
            self.amount is None or self.items is not None
        ):
            raise ValidationError(
                "cash aid has an amount and no items, "
                "e.g. Aid.cash(Rupiah(600000))",
                code="aid.cash",
                path="amount",
            )
        if (
            self.kind is not AidKind.SERVICE
            and self.amount is None
            and self.items is None
        ):
            raise ValidationError(
                "a {kind} aid has an amount or items",
                code="aid.content",
                path="amount",
                kind=self.kind.value,
            )

    @classmethod
    def cash(cls, amount: Rupiah) -> Aid:
        """
        A cash transfer of an amount.

        .. versionadded:: 0.1.0
        """
        return cls(kind=AidKind.CASH, amount=amount)

    @property
    def total_value(self) -> Rupiah | None:
        """
        The aid's value.

        The amount when given; otherwise the sum of the items' values
        when every item has a unit value; otherwise `None`.
        """
        if self.amount is not None:
            return self.amount
        values = [item.value for item in self.items or ()]
        if not values or any(v is None for v in values):
            return None
        return sum_rupiah(v for v in values if v is not None)
