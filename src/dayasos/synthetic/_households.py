"""
One synthetic family as raw rows of the three tables.

A family is drawn in this order, always from one `random.Random`, so the
same seed gives the same families: where it lives (province by
population share, then a generated village), its decile, its size and
members (a head, most often a spouse, children, sometimes a grandparent),
each member's person (age, schooling, work, disability, pregnancy ...),
NIK and KK numbers, a micro business, and its memberships.

NIK serials count per kecamatan and birth year, KK serials per kecamatan
and registration year, so numbers stay unique while fewer than 9,999
people of one kecamatan share a year.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import itertools
from typing import TYPE_CHECKING

from dayasos.model import (
    PPKS,
    BusinessKind,
    HeroStatus,
    PregnancyStatus,
    Relation,
    Severity,
)
from dayasos.synthetic._composition import Someone, draw_composition
from dayasos.synthetic._draft import (
    BORN_AT,
    COMPLETED_AT,
    PERSON_AT,
    PREGNANCY_AT,
    RELATION_AT,
    SEVERITY_AT,
    STATE_AT,
    Draft,
)
from dayasos.synthetic._names import draw_name
from dayasos.synthetic._people import (
    Weighted,
    between,
    draw_disability,
    draw_schooling,
    draw_work,
)
from dayasos.synthetic._programs import Household, draw_memberships


if TYPE_CHECKING:
    import random

    from dayasos.synthetic._profile import Profile
    from dayasos.synthetic._regions import RegionTree


__all__ = ["COVID_START", "Households"]

#: From this day the pandemic's effects are recorded (first cases).
COVID_START = dt.date(2020, 3, 2)

_BUSINESSES = Weighted(
    [
        (BusinessKind.GROCERY.value, 0.25),
        (BusinessKind.FOOD.value, 0.2),
        (BusinessKind.TRADE.value, 0.15),
        (BusinessKind.TAILORING.value, 0.05),
        (BusinessKind.AGRICULTURE.value, 0.1),
        (BusinessKind.LIVESTOCK.value, 0.08),
        (BusinessKind.FISHERY.value, 0.04),
        (BusinessKind.CRAFT.value, 0.04),
        (BusinessKind.SERVICE.value, 0.06),
        (BusinessKind.OTHER.value, 0.03),
    ]
)
_HEROES = Weighted(
    [
        (HeroStatus.KELUARGA_PAHLAWAN.value, 0.5),
        (HeroStatus.JANDA_DUDA_PERINTIS.value, 0.2),
        (HeroStatus.PERINTIS_KEMERDEKAAN.value, 0.05),
        (HeroStatus.WARAKAWURI.value, 0.25),
    ]
)
_EXPECTING = Weighted(
    [
        (PregnancyStatus.PREGNANT.value, 0.06),
        (PregnancyStatus.POSTPARTUM.value, 0.025),
        (PregnancyStatus.NONE.value, 0.915),
    ]
)
_HEAD = Relation.HEAD.value
_SPOUSE = Relation.SPOUSE.value
_CHILD = Relation.CHILD.value
_NOT_EXPECTING = PregnancyStatus.NONE.value
_NO_HERO = HeroStatus.NONE.value
_NO_STATE = "none"
_SEVERE = Severity.SEVERE.value
_FAKIR_MISKIN = PPKS.FAKIR_MISKIN.value
_LANSIA = PPKS.LANSIA_TERLANTAR.value
_ANAK_DISABILITAS = PPKS.ANAK_DISABILITAS.value
_DISABILITAS = PPKS.PENYANDANG_DISABILITAS.value
_PEMULUNG = PPKS.PEMULUNG.value
_PRSE = PPKS.PRSE.value


def _serial(counters: array.array[int], key: int) -> int:
    number = counters[key] % 9999 + 1
    counters[key] = number
    return number


class Households:
    """Draws families one after the other from one random stream."""

    def __init__(
        self,
        rng: random.Random,
        *,
        tree: RegionTree,
        profile: Profile,
        as_of: dt.date,
    ) -> None:
        self.rng = rng
        self.tree = tree
        self.profile = profile
        self.as_of = as_of
        self.covid = as_of >= COVID_START
        self.today = as_of.toordinal()
        self.deciles = list(itertools.accumulate(profile.decile_weights))
        self.sizes = list(itertools.accumulate(profile.household_sizes))
        # One counter per kecamatan and two-digit year, in fixed arrays:
        # memory does not grow with the population.
        slots = len(tree.districts) * 100
        self.nik_serials = array.array("H", bytes(2 * slots))
        self.kk_serials = array.array("H", bytes(2 * slots))

    def _decile(self) -> int:
        point = self.rng.random() * self.deciles[-1]
        return bisect.bisect(self.deciles, point) + 1

    def _size(self) -> int:
        point = self.rng.random() * self.sizes[-1]
        return bisect.bisect(self.sizes, point) + 1

    def _birth(self, age: int) -> dt.date:
        days = int((age + self.rng.random()) * 365.2425)
        return dt.date.fromordinal(self.today - days)

    def _nik(
        self, district: str, *, female: bool, born: dt.date, age: int
    ) -> str:
        rng = self.rng
        province = district[:2]
        issued = self.tree.issuing_province(province, born)
        # Most NIKs were issued where the family lives; adults moved more.
        moved = rng.random() * (1 if age >= 17 else 0.2)
        if issued != province:
            district = self.tree.draw_district(rng, issued)
        elif moved >= 0.95:
            district = self.tree.draw_district(rng)
        elif moved >= 0.85:
            district = self.tree.draw_district(rng, province)
        yy = born.year % 100
        serial = _serial(
            self.nik_serials, self.tree.districts[district] * 100 + yy
        )
        day = born.day + 40 if female else born.day
        return f"{district}{day:02d}{born.month:02d}{yy:02d}{serial:04d}"

    def _kk(self, district: str, head_born: dt.date) -> str:
        adult = head_born.toordinal() + int(17 * 365.2425)
        start = max(dt.date(2005, 1, 3).toordinal(), adult)
        issued = dt.date.fromordinal(
            between(self.rng, min(start, self.today), self.today)
        )
        yy = issued.year % 100
        serial = _serial(
            self.kk_serials, self.tree.districts[district] * 100 + yy
        )
        return (
            f"{district}{issued.day:02d}{issued.month:02d}{yy:02d}{serial:04d}"
        )

    def _ppks(
        self,
        someone: Someone,
        *,
        decile: int,
        disabled: bool,
        occupation: str | None,
        alone: bool,
    ) -> tuple[str, ...]:
        found = []
        age = someone.age
        if someone.relation == _HEAD and decile <= 4:
            found.append(_FAKIR_MISKIN)
        if (
            age >= 60
            and decile <= 2
            and occupation is None
            and self.rng.random() < 0.1
        ):
            found.append(_LANSIA)
        if disabled:
            found.append(_ANAK_DISABILITAS if age < 18 else _DISABILITAS)
        if occupation == "waste_picker":
            found.append(_PEMULUNG)
        if (
            alone
            and someone.female
            and 18 <= age <= 59
            and self.rng.random() < 0.5
        ):
            found.append(_PRSE)
        return tuple(sorted(found))

    def _death(self, age: int, born: dt.date) -> tuple[bool, dt.date | None]:
        rate = self.profile.deceased_rate * (3 if age >= 60 else 0.5)
        if self.rng.random() >= rate:
            return False, None
        start = max(born.toordinal(), self.today - 730)
        return True, dt.date.fromordinal(between(self.rng, start, self.today))

    def _member(
        self,
        someone: Someone,
        *,
        family_id: str,
        number: int,
        district: str,
        decile: int,
        children: int,
        alone: bool,
    ) -> tuple[object, ...]:
        rng = self.rng
        profile = self.profile
        age = someone.age
        born = self._birth(age)
        nik = None
        if age > 0 or rng.random() < 0.7:
            nik = self._nik(
                district, female=someone.female, born=born, age=age
            )
        kind, severity = draw_disability(
            rng, age, profile.disability_rate, profile.severe_share
        )
        level, enrolled, completed = draw_schooling(rng, age)
        occupation, employment, covid, state = draw_work(
            rng,
            age=age,
            female=someone.female,
            enrolled=enrolled,
            state_rate=profile.state_employee_rate,
            covid=self.covid,
        )
        pregnancy = _NOT_EXPECTING
        pregnancy_number = None
        if (
            someone.female
            and 18 <= age <= 45
            and someone.relation in {_HEAD, _SPOUSE}
        ):
            pregnancy = _EXPECTING.draw(rng)
            if pregnancy != _NOT_EXPECTING:
                pregnancy_number = min(children + 1, 12)
        deceased, died_on = self._death(age, born)
        ppks = self._ppks(
            someone,
            decile=decile,
            disabled=kind != "none",
            occupation=occupation,
            alone=alone,
        )
        return (
            family_id,
            f"{family_id}-{number}",
            someone.relation,
            nik,
            draw_name(rng, female=someone.female),
            born,
            "female" if someone.female else "male",
            True,
            kind,
            severity,
            ppks,
            True,
            level,
            enrolled,
            completed,
            occupation,
            employment,
            covid,
            state,
            pregnancy,
            pregnancy_number,
            _NO_HERO,
            deceased,
            died_on,
        )

    def _hero(self, draft: Draft, ages: list[int]) -> None:
        rng = self.rng
        if rng.random() >= self.profile.hero_family_rate:
            return
        status = _HEROES.draw(rng)
        age = ages[0]
        if status == HeroStatus.PERINTIS_KEMERDEKAAN.value and age < 85:
            status = HeroStatus.KELUARGA_PAHLAWAN.value
        if status == HeroStatus.JANDA_DUDA_PERINTIS.value and age < 65:
            status = HeroStatus.KELUARGA_PAHLAWAN.value
        draft.set(0, "hero_status", status)

    def _business(
        self, members: list[tuple[object, ...]]
    ) -> list[dict[str, object]]:
        rng = self.rng
        if rng.random() >= self.profile.business_rate:
            return []
        owners = [m for m in members[:2] if m[RELATION_AT] != _CHILD]
        owner = (
            owners[0] if len(owners) == 1 or rng.random() < 0.65 else owners[1]
        )
        started = dt.date.fromordinal(
            between(rng, dt.date(2005, 1, 3).toordinal(), self.today)
        )
        covid = (rng.random() < 0.65) if self.covid else None
        return [
            {
                "kind": _BUSINESSES.draw(rng),
                "owner_id": owner[PERSON_AT],
                "covid_affected": covid,
                "started_on": started,
            }
        ]

    def family(self, index: int) -> Draft:
        """
        The family at position `index` of the population (from 0).

        .. versionadded:: 0.1.0
        """
        rng = self.rng
        family_id = f"F{index + 1:010d}"
        village = self.tree.draw_village(rng)
        district = village[:6]
        decile = self._decile()
        people = draw_composition(self.rng, self._size())
        children = sum(p.relation == _CHILD for p in people)
        alone = not any(p.relation == _SPOUSE for p in people)
        members = [
            self._member(
                someone,
                family_id=family_id,
                number=number,
                district=district,
                decile=decile,
                children=children,
                alone=alone,
            )
            for number, someone in enumerate(people, 1)
        ]
        draft = Draft(family=(), members=members, memberships=[])
        self._hero(draft, [p.age for p in people])
        kk = self._kk(district, members[0][BORN_AT])  # type: ignore[arg-type]
        draft.family = (
            family_id,
            kk,
            village,
            decile,
            self._business(members),
            True,
        )
        household = Household(
            decile=decile,
            has_component=any(
                _component(m, p.age)
                for m, p in zip(members, people, strict=True)
            ),
            state_employee=any(m[STATE_AT] != _NO_STATE for m in members),
        )
        draft.memberships = [
            (family_id, number, program, state, on, reason, graduation, None)
            for number, (program, history) in enumerate(
                draw_memberships(rng, household, self.as_of), 1
            )
            for state, on, reason, graduation in history
        ]
        return draft


def _component(member: tuple[object, ...], age: int) -> bool:
    """Whether the member counts for a PKH component."""
    return (
        member[PREGNANCY_AT] != _NOT_EXPECTING
        or age <= 6
        or (age <= 21 and member[COMPLETED_AT] is False)
        or age >= 60
        or member[SEVERITY_AT] == _SEVERE
    )
