"""
Shared checks for dated histories (memberships, KAT stages).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import ValidationError


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence


__all__ = ["check_dates"]


def check_dates(
    dates: Sequence[dt.date], *, code: str, path: str = "history"
) -> None:
    """
    Raise when a date of a history precedes the one before it.

    Equal dates are allowed: several steps may happen on one day.

    >>> import datetime as dt
    >>> check_dates([dt.date(2020, 1, 1), dt.date(2020, 1, 1)], code="x")

    Raises:
        ValidationError: with `code` at ``path[i].on``.

    .. versionadded:: 0.1.0
    """
    for i in range(1, len(dates)):
        if dates[i] < dates[i - 1]:
            raise ValidationError(
                "dates in a history never go back: {value} comes after "
                "{previous}",
                code=code,
                path=f"{path}[{i}].on",
                value=dates[i].isoformat(),
                previous=dates[i - 1].isoformat(),
            )
