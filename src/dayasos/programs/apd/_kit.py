"""
What an APD kit holds on a date.

The April 2020 kits held masks, hand sanitizer and vitamin C, in
quantities not reported; the August 2021 goodie bags handed out through
Karang Taruna held seven masks and vitamins.

>>> import datetime as dt
>>> kit = kit_on(dt.date(2021, 8, 3))
>>> [(i.name, i.quantity) for i in kit.items]
[('masker', 7), ('vitamin', None)]
>>> kit.to_aid() is None
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.model import Aid, AidKind, Item
from dayasos.programs.apd._rules import load_apd_parameters


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.policy import ParameterSet


__all__ = ["ApdKit", "KitItem", "kit_on"]

#: Parameters giving the quantity of an item, by item name.
_QUANTITIES = {"masker": "apd.kit.masks"}


@attrs.frozen(kw_only=True)
class KitItem:
    """
    One item of a kit; the quantity is `None` when not reported.

    .. versionadded:: 0.1.0
    """

    name: str
    quantity: int | None
    unit: str


def _items(values: Iterable[KitItem]) -> tuple[KitItem, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class ApdKit:
    """
    The content of one APD package.

    .. versionadded:: 0.1.0
    """

    items: tuple[KitItem, ...] = attrs.field(converter=_items)

    def to_aid(self) -> Aid | None:
        """
        The kit as a protective-kit `Aid`.

        `None` while a quantity is unknown: an aid in kind lists what it
        holds.

        .. versionadded:: 0.1.0
        """
        items = []
        for item in self.items:
            if item.quantity is None:
                return None
            items.append(
                Item(name=item.name, quantity=item.quantity, unit=item.unit)
            )
        return Aid(kind=AidKind.PROTECTIVE_KIT, items=items)


def kit_on(on: dt.date, *, params: ParameterSet | None = None) -> ApdKit:
    """
    The kit distributed on a date.

    Its items are ``apd.kit.items`` and their quantities the parameters
    in force (``apd.kit.masks``); a quantity not reported is `None`.

    Raises:
        ParameterError: when no kit is defined on `on`.

    .. versionadded:: 0.1.0
    """
    at = (params or load_apd_parameters()).at(on)
    names = at.value("apd.kit.items", tuple)
    items = []
    for name in names:
        quantity = None
        if name in _QUANTITIES:
            quantity = at.get(_QUANTITIES[name])
        items.append(
            KitItem(
                name=name,
                quantity=quantity if isinstance(quantity, int) else None,
                unit="buah",
            )
        )
    return ApdKit(items=items)
