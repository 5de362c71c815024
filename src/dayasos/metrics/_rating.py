"""
From achievement to a performance value and a rating band.

PermenPANRB 6/2022 converts an achievement (capaian) into a performance
value (nilai capaian) by bands (DOMAIN.md section 7.3):

==============  ===============  ==========================================
band            achievement      value
==============  ===============  ==========================================
Sangat Kurang   below 60%        capaian / 59% x 49
Kurang          60% to 79%       50 + (69 - 50) / (79% - 60%) x (c - 60%)
Cukup           80% to 99%       70 + (89 - 70) / (99% - 80%) x (c - 80%)
Baik            100%             109 (the worked example)
Sangat Baik     101% to 110%     110 to 120 (**unverified**)
Sangat Baik     above 110%       120
==============  ===============  ==========================================

A 100% achievement of a *maximal* target (one that cannot be exceeded)
rates 120, Sangat Baik.
The numbers are parameters (``metrics.sakip.conversion.*``), in force
from 2022; each `Rating` carries the confidence of its band, so the
unverified Sangat Baik band shows as such.

The table gives whole-percent bands; dayasos reads them as half-open:
a band runs from its lowest achievement up to the next band's lowest
(so 99.5% is Cukup and 100.5% is Baik), and the value is interpolated
linearly, then kept within the band's values.

>>> from datetime import date
>>> from fractions import Fraction
>>> on = date(2023, 12, 31)
>>> rate_achievement(Fraction(98, 100), on=on)
Rating(value=Fraction(88, 1), band=<RatingBand.CUKUP: 'cukup'>, ...)
>>> rate_achievement(Fraction(1), on=on).value
Fraction(109, 1)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.metrics._achievement import Achievement
from dayasos.metrics._parameters import number, resolve
from dayasos.policy import Confidence


if TYPE_CHECKING:
    from datetime import date
    from fractions import Fraction

    from dayasos.policy import ParameterSet, Reference, Snapshot


__all__ = ["Rating", "RatingBand", "rate_achievement"]

_CONVERSION = "metrics.sakip.conversion"


class RatingBand(enum.Enum):
    """
    The rating bands of a performance value (predikat), worst first.

    .. versionadded:: 0.1.0
    """

    SANGAT_KURANG = "sangat_kurang"
    KURANG = "kurang"
    CUKUP = "cukup"
    BAIK = "baik"
    SANGAT_BAIK = "sangat_baik"


@attrs.frozen(kw_only=True)
class Rating:
    """
    A performance value and its band, with the confidence of the rule.

    .. versionadded:: 0.1.0
    """

    #: The performance value (nilai capaian), exact.
    value: Fraction
    #: The band (predikat).
    band: RatingBand
    #: How far the band's numbers can be trusted.
    confidence: Confidence | None
    #: The legal instrument of the band's numbers.
    reference: Reference = attrs.field(repr=False)

    @property
    def is_verified(self) -> bool:
        """
        Whether the band's numbers were read in a source.

        .. versionadded:: 0.1.0
        """
        return self.confidence not in {Confidence.UNVERIFIED, None}


def _name(band: RatingBand, member: str) -> str:
    return f"{_CONVERSION}.{band.value}.{member}"


def _in_force(snapshot: Snapshot) -> bool:
    return _name(RatingBand.CUKUP, "capaian_low") in snapshot


def _band_of(snapshot: Snapshot, capaian: Fraction) -> RatingBand:
    found = RatingBand.SANGAT_KURANG
    for band in RatingBand:
        if capaian >= number(snapshot, _name(band, "capaian_low")):
            found = band
    return found


def _interpolate(
    snapshot: Snapshot, band: RatingBand, c: Fraction
) -> Fraction:
    c_low = number(snapshot, _name(band, "capaian_low"))
    c_high = number(snapshot, _name(band, "capaian_high"))
    v_low = number(snapshot, _name(band, "value_low"))
    v_high = number(snapshot, _name(band, "value_high"))
    if c_high == c_low:
        return v_low
    value = v_low + (v_high - v_low) / (c_high - c_low) * (c - c_low)
    return min(max(value, v_low), v_high)


def rate_achievement(
    achievement: Achievement | Fraction,
    *,
    on: date,
    maximal: bool = False,
    parameters: ParameterSet | None = None,
) -> Rating | None:
    """
    The performance value and band of an achievement, by the rule in force.

    >>> from datetime import date
    >>> from fractions import Fraction
    >>> rate_achievement(Fraction(1), on=date(2023, 1, 1), maximal=True)
    ... # doctest: +ELLIPSIS
    Rating(value=Fraction(120, 1), band=<RatingBand.SANGAT_BAIK: ...>, ...)

    Args:
        achievement: An `Achievement` or its exact ratio (1 is 100%).
        on: The date whose rule applies (e.g. the end of the period).
        maximal: Whether the target cannot be exceeded.
        parameters: The parameters to read; the shipped ones by default.

    Returns:
        The rating; `None` when the achievement is not applicable or no
        conversion is in force on `on` (PermenPANRB 6/2022 applies from
        2022).

    .. versionadded:: 0.1.0
    """
    ratio = (
        achievement.ratio
        if isinstance(achievement, Achievement)
        else achievement
    )
    snapshot = resolve(parameters).at(on)
    if ratio is None or not _in_force(snapshot):
        return None
    capaian = ratio * 100
    top = f"{_CONVERSION}.above"
    if maximal and capaian >= 100:  # 100% reaches the target
        name = f"{_CONVERSION}.maximal"
        entry = snapshot.entry(name)
        return Rating(
            value=number(snapshot, name),
            band=RatingBand.SANGAT_BAIK,
            confidence=entry.confidence,
            reference=entry.reference,
        )
    if capaian > number(snapshot, f"{top}.capaian"):
        entry = snapshot.entry(f"{top}.value")
        return Rating(
            value=number(snapshot, f"{top}.value"),
            band=RatingBand.SANGAT_BAIK,
            confidence=entry.confidence,
            reference=entry.reference,
        )
    band = _band_of(snapshot, capaian)
    entry = snapshot.entry(_name(band, "value_low"))
    return Rating(
        value=_interpolate(snapshot, band, capaian),
        band=band,
        confidence=entry.confidence,
        reference=entry.reference,
    )
