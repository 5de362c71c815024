"""
PKH's rules: targeting, exclusions, graduation, components and tahap.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dayasos.legal import PERMENSOS_1_2018
from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    PregnancyStatus,
    SchoolLevel,
)
from dayasos.periods import TahapSchedule
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Grant,
    Program,
    age_of,
    any_of,
    each,
    either,
    graduated_from,
    none_of,
    param,
    root,
)


if TYPE_CHECKING:
    from dayasos.rules import Expr


__all__ = ["CODE", "COMPONENTS", "GRANTS", "PROGRAM", "SCHEDULE"]

#: The catalogue code; memberships use it.
CODE = "PKH"

KEPDIRJEN_2019 = LegalReference(
    instrument="Keputusan Dirjen Linjamsos",
    number="02/SK/LJS/01/2019",
    year=2019,
    title="Indeks Bantuan Sosial PKH 2019",
)
KEPDIRJEN_2020 = LegalReference(
    instrument="Keputusan Dirjen Linjamsos",
    number="02/3/BS.02.02/01/2020",
    year=2020,
    title="Indeks dan Faktor Penimbang Bansos PKH 2020",
)
KEPMENSOS_79_2025 = LegalReference(
    instrument="Kepmensos", number="79/HUK", year=2025
)

#: The years the shipped schedule covers.
YEARS = range(2019, 2027)


def _boundaries(year: int) -> list[dt.date]:
    if year == 2020:
        # Tahap 1 (January-March) as usual, then monthly April-December.
        return (
            [dt.date(2020, 1, 1)]
            + [dt.date(2020, m, 1) for m in range(4, 13)]
            + [dt.date(2021, 1, 1)]
        )
    return [dt.date(year, m, 1) for m in (1, 4, 7, 10)] + [
        dt.date(year + 1, 1, 1)
    ]


#: Four tahap a year, one per quarter; in 2020 tahap 1 covers
#: January-March and tahap 2-10 are the months April-December.
SCHEDULE = TahapSchedule.from_boundaries(
    {year: _boundaries(year) for year in YEARS}, program="PKH"
)

family = root(Family)
member = each(FamilyMember)
person = member.person
age = age_of(person.birth_date)
schooling = person.schooling


def _pupil(level: SchoolLevel) -> Expr:
    """Enrolled at `level`, aged 6-21 (so the 12 years are not done)."""
    return (
        schooling.level.eq(level)
        & schooling.enrolled
        & (age >= param("pkh.age.school_min"))
        & (age <= param("pkh.age.school_max"))
    )


#: The components, in the order of DOMAIN.md 4.1.
COMPONENTS = (
    Component(
        "ibu_hamil",
        when=person.pregnancy.is_in(
            PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM
        ),
        amount=param("pkh.amount.ibu_hamil"),
        max_count=param("pkh.max.ibu_hamil"),
    ),
    Component(
        "anak_usia_dini",
        when=age <= param("pkh.age.anak_usia_dini"),
        amount=param("pkh.amount.anak_usia_dini"),
        max_count=param("pkh.max.anak_usia_dini"),
    ),
    Component(
        "sd", when=_pupil(SchoolLevel.SD), amount=param("pkh.amount.sd")
    ),
    Component(
        "smp", when=_pupil(SchoolLevel.SMP), amount=param("pkh.amount.smp")
    ),
    Component(
        "sma", when=_pupil(SchoolLevel.SMA), amount=param("pkh.amount.sma")
    ),
    Component(
        "disabilitas_berat",
        when=person.has_severe_disability,
        amount=param("pkh.amount.disabilitas_berat"),
        max_count=param("pkh.max.disabilitas_berat"),
    ),
    Component(
        "lansia",
        when=age >= param("pkh.age.lansia"),
        amount=param("pkh.amount.lansia"),
        max_count=param("pkh.max.lansia"),
    ),
)

#: The family-level grants: the bantuan tetap reguler, paid whole in
#: the year's first tahap, on top of the components and outside the cap,
#: where it is in force (2019).
GRANTS = (
    Grant(
        "bantuan_tetap",
        amount=param("pkh.bantuan_tetap.reguler"),
        paid="first_tahap",
        reference=KEPDIRJEN_2019,
    ),
)

PROGRAM = Program(
    code=CODE,
    entity=Family,
    reference=PERMENSOS_1_2018,
    criteria=[
        Criterion(
            "pkh.decile",
            family.decile <= param("pkh.max.decile"),
        ),
        Criterion(
            "pkh.no_state_employee",
            none_of(
                family.members,
                person.state_employment.is_in(
                    param("pkh.excluded_employment")
                ),
            ),
        ),
        Criterion("pkh.not_graduated", ~graduated_from("PKH")),
        Criterion(
            "pkh.has_component",
            any_of(family.members, either(*(c.when for c in COMPONENTS))),
        ),
    ],
    entitlement=Entitlement(
        components=COMPONENTS,
        grants=GRANTS,
        cap=param("pkh.max.members"),
        schedule=SCHEDULE,
    ),
)
