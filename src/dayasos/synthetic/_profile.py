"""
The knobs of a synthetic population: deciles, household sizes, rates.

>>> DTKS_LIKE.share_of_deciles(1, 4)
0.9
>>> wider = Profile(decile_weights=(1,) * 10)
>>> wider.share_of_deciles(1, 4)
0.4

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ConfigurationError


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["DTKS_LIKE", "Profile"]


def _weights(
    name: str, values: Sequence[float], length: int | None = None
) -> None:
    if length is not None and len(values) != length:
        raise ConfigurationError(
            "{name} has {length} weights, got {value}",
            path=name,
            value=len(values),
            name=name,
            length=length,
        )
    if not values or any(not math.isfinite(v) or v < 0 for v in values):
        raise ConfigurationError(
            "{name}: weights are finite and not negative, got {value}",
            path=name,
            value=list(values),
            name=name,
        )
    if sum(values) <= 0:
        raise ConfigurationError(
            "{name}: at least one weight is positive, got {value}",
            path=name,
            value=list(values),
            name=name,
        )


def _rate(name: str, value: float) -> None:
    if not 0 <= value <= 1:
        raise ConfigurationError(
            "{name} is a share from 0 to 1, got {value}",
            path=name,
            value=value,
            name=name,
        )


def _tuple(values: Sequence[float]) -> tuple[float, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Profile:
    """
    What kind of population to generate.

    Args:
        decile_weights: Weights of deciles 1 to 10; the default makes a
            DTKS-like list, 90% in deciles 1-4.
        household_sizes: Weights of households of 1, 2, 3 ... members;
            the default's mean is about 3.9.
        disability_rate: Share of people with a disability (three times
            that from age 60).
        severe_share: Share of disabilities that are severe (berat).
        state_employee_rate: Share of adults 18-58 employed by the state.
        hero_family_rate: Share of families with a hero's or pioneer's
            status (Restorasi Sosial).
        business_rate: Share of families running a micro business.
        deceased_rate: Share of people recorded as deceased.

    Raises:
        ConfigurationError: Weights negative or all zero, ten decile
            weights not given, or a rate outside 0-1.

    .. versionadded:: 0.1.0
    """

    decile_weights: tuple[float, ...] = attrs.field(
        default=(
            0.30,
            0.26,
            0.20,
            0.14,
            0.04,
            0.025,
            0.015,
            0.01,
            0.006,
            0.004,
        ),
        converter=_tuple,
    )
    household_sizes: tuple[float, ...] = attrs.field(
        default=(
            0.07,
            0.15,
            0.22,
            0.23,
            0.155,
            0.085,
            0.045,
            0.025,
            0.015,
            0.005,
        ),
        converter=_tuple,
    )
    disability_rate: float = 0.025
    severe_share: float = 0.2
    state_employee_rate: float = 0.015
    hero_family_rate: float = 0.0005
    business_rate: float = 0.2
    deceased_rate: float = 0.004

    def __attrs_post_init__(self) -> None:
        _weights("decile_weights", self.decile_weights, 10)
        _weights("household_sizes", self.household_sizes)
        for name in (
            "disability_rate",
            "severe_share",
            "state_employee_rate",
            "hero_family_rate",
            "business_rate",
            "deceased_rate",
        ):
            _rate(name, getattr(self, name))

    def share_of_deciles(self, low: int, high: int) -> float:
        """
        The expected share of families in deciles `low` to `high`.

        .. versionadded:: 0.1.0
        """
        part = sum(self.decile_weights[low - 1 : high])
        return round(part / sum(self.decile_weights), 10)


#: The default profile: a DTKS-like list (mostly deciles 1-4).
DTKS_LIKE = Profile()
