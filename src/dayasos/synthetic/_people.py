"""
One synthetic person: schooling, work, disability by age and sex.

Each function draws from the generator's `random.Random` and returns the
values of some columns of the members table, as codes.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING, Generic, TypeVar

from dayasos.model import (
    DisabilityKind,
    EmploymentStatus,
    Occupation,
    SchoolLevel,
    Severity,
    StateEmployment,
)


if TYPE_CHECKING:
    import random
    from collections.abc import Sequence


__all__ = [
    "COVID_GROUPS",
    "Weighted",
    "between",
    "draw_disability",
    "draw_schooling",
    "draw_work",
    "pick",
]

#: The occupations the 2020 Kemensos food packages named, plus the
#: informal trades hit the same way.
COVID_GROUPS = frozenset(
    {
        Occupation.HONORARY_TEACHER.value,
        Occupation.WASTE_PICKER.value,
        Occupation.TRADER.value,
        Occupation.STREET_VENDOR.value,
        Occupation.DAILY_WORKER.value,
        Occupation.MOTORCYCLE_TAXI.value,
        Occupation.DRIVER.value,
        Occupation.ARTIST.value,
    }
)


T = TypeVar("T")


def pick(rng: random.Random, values: Sequence[T]) -> T:
    """One of `values`, each as likely; faster than `random.Random.choice`."""
    return values[int(rng.random() * len(values))]


def between(rng: random.Random, low: int, high: int) -> int:
    """A whole number from `low` to `high`, both included."""
    return low + int(rng.random() * (high - low + 1))


class Weighted(Generic[T]):
    """Draws one of some values by weight, with one random number."""

    __slots__ = ("cumulative", "total", "values")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cumulative = list(itertools.accumulate(w for _, w in pairs))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> T:
        """One value."""
        point = rng.random() * self.total
        return self.values[bisect.bisect(self.cumulative, point)]


_L = SchoolLevel
_NONE, _PAUD, _SD, _SMP, _SMA, _HIGHER = (
    _L.NONE.value,
    _L.PAUD.value,
    _L.SD.value,
    _L.SMP.value,
    _L.SMA.value,
    _L.HIGHER.value,
)

# Highest level attained by adults, by age band: older cohorts went
# to school less (rough shares for poorer households).
_ADULT_LEVELS = (
    (
        39,
        Weighted(
            [
                (_HIGHER, 0.06),
                (_SMA, 0.38),
                (_SMP, 0.25),
                (_SD, 0.25),
                (_NONE, 0.06),
            ]
        ),
    ),
    (
        59,
        Weighted(
            [
                (_HIGHER, 0.03),
                (_SMA, 0.22),
                (_SMP, 0.2),
                (_SD, 0.4),
                (_NONE, 0.15),
            ]
        ),
    ),
    (
        200,
        Weighted(
            [
                (_HIGHER, 0.01),
                (_SMA, 0.08),
                (_SMP, 0.1),
                (_SD, 0.45),
                (_NONE, 0.36),
            ]
        ),
    ),
)

Schooling = tuple[str, bool, bool]


def _young(rng: random.Random, age: int) -> Schooling | None:  # noqa: PLR0911 - one return per age band
    u = rng.random()
    if age < 3:
        return (_NONE, False, False)
    if age <= 6:
        if age == 6 and u < 0.3:
            return (_SD, True, False)
        return (_PAUD, True, False) if u < 0.45 else (_NONE, False, False)
    if age <= 12:
        if u < 0.97:
            return (_SD, True, False)
        return (_SD, False, False) if u < 0.995 else (_NONE, False, False)
    if age <= 15:
        if u < 0.86:
            return (_SMP, True, False)
        return (_SD, False, False) if u < 0.95 else (_SMP, False, False)
    if age <= 18:
        if u < 0.66:
            return (_SMA, True, False)
        return (_SMP, False, False) if u < 0.86 else (_SD, False, False)
    return None


def draw_schooling(rng: random.Random, age: int) -> Schooling:
    """
    School level, enrolled, compulsory schooling completed.

    SD from 7 to 12, SMP 13-15, SMA 16-18 for most; some drop out.
    """
    young = _young(rng, age)
    if young is not None:
        return young
    if age <= 24:
        u = rng.random()
        if u < 0.12:
            return (_HIGHER, True, True)
        if u < 0.55:
            return (_SMA, False, True)
        return (_SMP, False, False) if u < 0.8 else (_SD, False, False)
    for upper, levels in _ADULT_LEVELS:
        if age <= upper:
            level = levels.draw(rng)
            return (level, False, level in {_SMA, _HIGHER})
    return (_NONE, False, False)  # pragma: no cover - the last band is open


_KINDS = Weighted(
    [
        (DisabilityKind.PHYSICAL.value, 0.35),
        (DisabilityKind.SENSORY_VISION.value, 0.17),
        (DisabilityKind.SENSORY_HEARING.value, 0.12),
        (DisabilityKind.SENSORY_SPEECH.value, 0.05),
        (DisabilityKind.INTELLECTUAL.value, 0.1),
        (DisabilityKind.MENTAL.value, 0.11),
        (DisabilityKind.MULTIPLE.value, 0.1),
    ]
)
_MILDER = (Severity.MILD.value, Severity.MODERATE.value)


def draw_disability(
    rng: random.Random, age: int, rate: float, severe_share: float
) -> tuple[str, str | None]:
    """Disability kind and severity; ``none`` for most."""
    if rng.random() >= rate * (3 if age >= 60 else 1):
        return (DisabilityKind.NONE.value, None)
    kind = _KINDS.draw(rng)
    if rng.random() < severe_share:
        return (kind, Severity.SEVERE.value)
    return (kind, pick(rng, _MILDER))


_O = Occupation
_WORK = Weighted(
    [
        (_O.FARMER.value, 0.16),
        (_O.FARM_LABOURER.value, 0.13),
        (_O.DAILY_WORKER.value, 0.16),
        (_O.TRADER.value, 0.07),
        (_O.STREET_VENDOR.value, 0.05),
        (_O.FISHER.value, 0.04),
        (_O.MOTORCYCLE_TAXI.value, 0.04),
        (_O.DRIVER.value, 0.03),
        (_O.PRIVATE_EMPLOYEE.value, 0.08),
        (_O.ENTREPRENEUR.value, 0.04),
        (_O.LIVESTOCK_FARMER.value, 0.02),
        (_O.HOUSEHOLD_WORKER.value, 0.03),
        (_O.SECURITY_GUARD.value, 0.015),
        (_O.HONORARY_TEACHER.value, 0.015),
        (_O.RELIGIOUS_TEACHER.value, 0.01),
        (_O.WASTE_PICKER.value, 0.02),
        (_O.ARTIST.value, 0.005),
        (_O.OTHER.value, 0.06),
    ]
)
_ES = EmploymentStatus
_EMPLOYED = frozenset(
    {
        _O.PRIVATE_EMPLOYEE.value,
        _O.SECURITY_GUARD.value,
        _O.HOUSEHOLD_WORKER.value,
        _O.HONORARY_TEACHER.value,
    }
)
_CASUAL = frozenset({_O.DAILY_WORKER.value, _O.FARM_LABOURER.value})
_STATE = Weighted(
    [
        (StateEmployment.PNS.value, 0.36),
        (StateEmployment.PPPK.value, 0.1),
        (StateEmployment.TNI.value, 0.12),
        (StateEmployment.POLRI.value, 0.12),
        (StateEmployment.BUMN.value, 0.17),
        (StateEmployment.BUMD.value, 0.12),
        (StateEmployment.PEJABAT_NEGARA.value, 0.01),
    ]
)
_NOT_WORKING = _ES.NOT_IN_LABOUR_FORCE.value

#: Occupation, employment, covid_affected, state_employment.
Work = tuple[str | None, str | None, bool | None, str]


def _status(rng: random.Random, occupation: str, *, covid: bool) -> str:
    if occupation in _EMPLOYED:
        if covid and rng.random() < 0.12:
            return _ES.LAID_OFF.value
        return _ES.EMPLOYEE.value
    if occupation in _CASUAL:
        return _ES.CASUAL.value
    if occupation == _O.ENTREPRENEUR.value and rng.random() < 0.2:
        return _ES.EMPLOYER.value
    return _ES.SELF_EMPLOYED.value


def _affected(
    rng: random.Random, occupation: str | None, status: str, *, covid: bool
) -> bool | None:
    if not covid or occupation is None:
        return None
    if status == _ES.LAID_OFF.value:
        return True
    share = 0.6 if occupation in COVID_GROUPS else 0.2
    return rng.random() < share


def draw_work(  # noqa: PLR0911 - one return per kind of life
    rng: random.Random,
    *,
    age: int,
    female: bool,
    enrolled: bool,
    state_rate: float,
    covid: bool,
) -> Work:
    """
    Occupation, employment status, COVID-hit, state employment.

    `covid` says whether the pandemic had begun by the snapshot date;
    before it, ``covid_affected`` is not collected.
    """
    none = StateEmployment.NONE.value
    if age < 5:
        return (None, None, None, none)
    if enrolled:
        return (_O.STUDENT.value, _NOT_WORKING, None, none)
    if age < 15:
        return (None, _NOT_WORKING, None, none)
    if 18 <= age <= 58 and rng.random() < state_rate:
        state = _STATE.draw(rng)
        return (
            _O.OTHER.value,
            _ES.EMPLOYEE.value,
            False if covid else None,
            state,
        )
    u = rng.random()
    if age >= 65 and u < 0.5:
        retired = _O.RETIRED.value if u < 0.05 else None
        return (retired, _NOT_WORKING, None, none)
    if female and u < 0.4:
        return (_O.HOMEMAKER.value, _NOT_WORKING, None, none)
    if u > 0.95 or (age < 25 and u > 0.8):
        return (None, _ES.UNEMPLOYED.value, None, none)
    occupation = _WORK.draw(rng)
    status = _status(rng, occupation, covid=covid)
    return (
        occupation,
        status,
        _affected(rng, occupation, status, covid=covid),
        none,
    )
