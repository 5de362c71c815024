"""
Micro businesses run by a family or a business group.

The sustainment grants of 2020 (BSIMU) and ProKUS went to graduated PKH
families running an ultra-micro business, e.g. a kelontong stall,
food, trading, tailoring, farming or livestock.

>>> import datetime
>>> shop = MicroBusiness(
...     kind=BusinessKind.GROCERY,
...     covid_affected=True,
...     started_on=datetime.date(2017, 5, 1),
... )
>>> shop.kind.value
'grocery'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs


if TYPE_CHECKING:
    import datetime as dt


__all__ = ["BusinessKind", "MicroBusiness"]


class BusinessKind(enum.Enum):
    """
    Kinds of micro business.

    .. versionadded:: 0.1.0
    """

    #: Warung / kelontong.
    GROCERY = "grocery"
    #: Kuliner: cooked food and snacks.
    FOOD = "food"
    #: Dagang: trading goods.
    TRADE = "trade"
    #: Jahit: tailoring.
    TAILORING = "tailoring"
    #: Pertanian: farming.
    AGRICULTURE = "agriculture"
    #: Peternakan: livestock.
    LIVESTOCK = "livestock"
    #: Perikanan: fishing and fish farming.
    FISHERY = "fishery"
    #: Kerajinan: crafts.
    CRAFT = "craft"
    #: Jasa: services.
    SERVICE = "service"
    #: Lainnya.
    OTHER = "other"


@attrs.frozen(kw_only=True)
class MicroBusiness:
    """
    A micro business, as far as collected.

    Args:
        kind: The kind of business.
        owner_id: The `Person.id` of the member who runs it.
        covid_affected: Whether COVID-19 hit the business.
        started_on: When the business started.

    .. versionadded:: 0.1.0
    """

    kind: BusinessKind | None = None
    owner_id: str | None = None
    covid_affected: bool | None = None
    started_on: dt.date | None = None
