"""
Disbursement records: who received which aid, when, how, in what state.

>>> import datetime
>>> from dayasos.money import Rupiah
>>> from dayasos.model import Aid, InstitutionRef
>>> record = Disbursement(
...     recipient=InstitutionRef(id="kt-3171"),
...     aid=Aid(kind=AidKind.PROTECTIVE_KIT, amount=Rupiah(50_000)),
...     count=1_000,
...     program="APD",
...     channel=Channel.IN_KIND_DINSOS,
...     on=datetime.date(2020, 4, 13),
...     status=DisbursementStatus.DISBURSED,
... )
>>> record.total_value
Rupiah(50000000)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.model._aid import AidKind


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.model._aid import Aid
    from dayasos.model._recipient import Recipient
    from dayasos.money import Rupiah
    from dayasos.periods import Period


__all__ = ["Channel", "Disbursement", "DisbursementStatus"]


class Channel(enum.Enum):
    """
    How aid reaches the recipient.

    .. versionadded:: 0.1.0
    """

    #: Transfer through a state bank (Himbara: BRI, BNI, Mandiri, BTN).
    HIMBARA = "himbara"
    #: Cash through PT Pos Indonesia.
    POS = "pos"
    #: In kind through the Dinas Sosial.
    IN_KIND_DINSOS = "in_kind_dinsos"
    #: In kind through the TKSK.
    IN_KIND_TKSK = "in_kind_tksk"
    #: In kind through partners (LKS, community organisations).
    IN_KIND_PARTNER = "in_kind_partner"
    OTHER = "other"


class DisbursementStatus(enum.Enum):
    """
    Where a disbursement stands.

    .. versionadded:: 0.1.0
    """

    PLANNED = "planned"
    #: Sent out by the channel.
    DISBURSED = "disbursed"
    #: Confirmed received by the recipient.
    RECEIVED = "received"
    #: Came back (e.g. account closed, recipient not found).
    RETURNED = "returned"
    FAILED = "failed"


@attrs.frozen(kw_only=True)
class Disbursement:
    """
    One disbursement of an aid to a recipient.

    Args:
        recipient: Who receives it.
        aid: What is handed over, per unit.
        program: The programme's code, e.g. ``"PKH"``.
        status: Where it stands.
        count: How many units of `aid` (e.g. 1,000 packages to one
            Karang Taruna).
        period: The period it is for (a month, a `Tahap` ...).
        tahap: The programme's own label for the stage when its dates are
            not known, e.g. ``"tahap 2"``.
        channel: How it is delivered.
        on: The date of the status (planned date, date sent, received).
        id: The record's identifier in its data set.

    Raises:
        ValidationError: ``disbursement.count`` for a count below 1.

    .. versionadded:: 0.1.0
    """

    recipient: Recipient
    aid: Aid
    program: str
    status: DisbursementStatus
    count: int = 1
    period: Period | None = None
    tahap: str | None = None
    channel: Channel | None = None
    on: dt.date | None = None
    id: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.count < 1:
            raise ValidationError(
                "a disbursement hands over at least one unit, got {value}",
                code="disbursement.count",
                path="count",
                value=self.count,
            )

    @property
    def total_value(self) -> Rupiah | None:
        """The value of all units; `None` when the aid's value is unknown."""
        value = self.aid.total_value
        return None if value is None else value * self.count

    @property
    def is_cash(self) -> bool:
        """Whether the aid is a cash transfer."""
        return self.aid.kind is AidKind.CASH
