"""
A simplified PKH-like programme and its parameters, for the rules tests.

Loaded by ``conftest.py`` and by the receipt test's subprocess;
the amounts follow DOMAIN.md section 4, the rules are simplified.
"""

from __future__ import annotations

import datetime as dt

from dayasos.ids import Sex
from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
    StateEmployment,
)
from dayasos.periods import TahapSchedule
from dayasos.policy import ParameterSet, parse_parameters
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    active_in,
    age_of,
    any_of,
    each,
    graduated_from,
    none_of,
    param,
    root,
)


AMOUNTS = """
description = { id = "Indeks bantuan PKH", en = "PKH benefit index" }
unit = "rupiah_per_year"
[reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.hamil]
description = { id = "Ibu hamil", en = "Pregnant" }
[[parameters.hamil.values]]
since = 2019-01-01
value = 2_400_000
[parameters.hamil.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019
[[parameters.hamil.values]]
since = 2020-01-01
value = 3_000_000
[parameters.hamil.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/3/BS.02.02/01/2020"
year = 2020

[parameters.usia_dini]
description = { id = "Anak usia dini", en = "Early childhood" }
[[parameters.usia_dini.values]]
since = 2019-01-01
value = 2_400_000
[parameters.usia_dini.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019
[[parameters.usia_dini.values]]
since = 2020-01-01
value = 3_000_000
[parameters.usia_dini.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/3/BS.02.02/01/2020"
year = 2020

[parameters.sd]
description = { id = "SD", en = "Primary school" }
[[parameters.sd.values]]
since = 2019-01-01
value = 900_000
[parameters.sd.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.smp]
description = { id = "SMP", en = "Junior secondary" }
[[parameters.smp.values]]
since = 2019-01-01
value = 1_500_000
[parameters.smp.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.sma]
description = { id = "SMA", en = "Senior secondary" }
[[parameters.sma.values]]
since = 2019-01-01
value = 2_000_000
[parameters.sma.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.disabilitas_berat]
description = { id = "Disabilitas berat", en = "Severe disability" }
[[parameters.disabilitas_berat.values]]
since = 2019-01-01
value = 2_400_000
[parameters.disabilitas_berat.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.lansia]
description = { id = "Lanjut usia", en = "Elderly" }
[[parameters.lansia.values]]
since = 2019-01-01
value = 2_400_000
[parameters.lansia.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019
"""

LIMITS = """
description = { id = "Batas PKH", en = "PKH limits" }
[reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_decile]
description = { id = "Desil tertinggi", en = "Highest decile" }
unit = "decile"
[[parameters.max_decile.values]]
since = 2019-01-01
value = 4
[parameters.max_decile.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_members]
description = { id = "Jiwa paling banyak", en = "Most members counted" }
unit = "people"
[[parameters.max_members.values]]
since = 2019-01-01
value = 4
[parameters.max_members.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.lansia_age]
description = { id = "Usia lansia", en = "Elderly age" }
unit = "years"
[[parameters.lansia_age.values]]
since = 2019-01-01
value = 60
[parameters.lansia_age.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_hamil]
description = { id = "Kehamilan paling banyak", en = "Most pregnancies" }
unit = "people"
[[parameters.max_hamil.values]]
since = 2019-01-01
value = 2
[parameters.max_hamil.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_usia_dini]
description = { id = "Anak usia dini paling banyak", en = "Most children" }
unit = "people"
[[parameters.max_usia_dini.values]]
since = 2019-01-01
value = 2
[parameters.max_usia_dini.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_lansia]
description = { id = "Lansia paling banyak", en = "Most elderly" }
unit = "people"
[[parameters.max_lansia.values]]
since = 2019-01-01
value = 1
[parameters.max_lansia.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.max_disabilitas]
description = { id = "Disabilitas paling banyak", en = "Most disabled" }
unit = "people"
[[parameters.max_disabilitas.values]]
since = 2019-01-01
value = 1
[parameters.max_disabilitas.values.reference]
instrument = "Permensos"
number = "1"
year = 2018

[parameters.excluded_employment]
description = { id = "Pekerjaan dikecualikan", en = "Excluded employment" }
unit = "codes"
[[parameters.excluded_employment.values]]
since = 2019-01-01
value = ["pns", "pppk", "tni", "polri", "bumn", "bumd", "pejabat_negara"]
[parameters.excluded_employment.values.reference]
instrument = "Permensos"
number = "1"
year = 2018
"""

PERMENSOS_1_2018 = LegalReference(
    instrument="Permensos",
    number="1",
    year=2018,
    title="Program Keluarga Harapan",
)


def build_params() -> ParameterSet:
    """Return the example's parameter set."""
    return parse_parameters(AMOUNTS, name="pkh.amount").merge(
        parse_parameters(LIMITS, name="pkh")
    )


family = root(Family)
members = family.members
member = each(FamilyMember)
age = age_of(member.person.birth_date)
schooling = member.person.schooling


def _enrolled(level: SchoolLevel) -> object:
    """Return a member predicate: enrolled at this level."""
    return schooling.level.eq(level) & schooling.enrolled


COMPONENTS = (
    Component(
        "hamil",
        when=member.person.pregnancy.is_in(
            PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM
        ),
        amount=param("pkh.amount.hamil"),
        max_count=param("pkh.max_hamil"),
    ),
    Component(
        "usia_dini",
        when=age < 6,
        amount=param("pkh.amount.usia_dini"),
        max_count=param("pkh.max_usia_dini"),
    ),
    Component(
        "sd", when=_enrolled(SchoolLevel.SD), amount=param("pkh.amount.sd")
    ),
    Component(
        "smp", when=_enrolled(SchoolLevel.SMP), amount=param("pkh.amount.smp")
    ),
    Component(
        "sma", when=_enrolled(SchoolLevel.SMA), amount=param("pkh.amount.sma")
    ),
    Component(
        "disabilitas_berat",
        when=member.person.has_severe_disability,
        amount=param("pkh.amount.disabilitas_berat"),
        max_count=param("pkh.max_disabilitas"),
    ),
    Component(
        "lansia",
        when=age >= param("pkh.lansia_age"),
        amount=param("pkh.amount.lansia"),
        max_count=param("pkh.max_lansia"),
    ),
)


def any_component() -> object:
    """Return a member predicate: qualifies for some component."""
    from dayasos.rules import either  # noqa: PLC0415

    return either(*(c.when for c in COMPONENTS))


def build_program() -> Program:
    """Return the PKH-like example programme."""
    return Program(
        code="PKH",
        entity=Family,
        reference=PERMENSOS_1_2018,
        criteria=[
            Criterion(
                "pkh.decile",
                family.decile <= param("pkh.max_decile"),
                reference=LegalReference(
                    instrument="Kepmensos", number="79/HUK", year=2025
                ),
            ),
            Criterion(
                "pkh.no_state_employee",
                none_of(
                    members,
                    member.person.state_employment.is_in(
                        param("pkh.excluded_employment")
                    ),
                ),
            ),
            Criterion("pkh.has_component", any_of(members, any_component())),
            Criterion("pkh.not_graduated", ~graduated_from("PKH")),
            Criterion("pkh.not_in_bst", ~active_in("BST", span="month")),
            Criterion("pkh.kk_recorded", family.kk.is_known()),
        ],
        entitlement=Entitlement(
            components=COMPONENTS,
            cap=param("pkh.max_members"),
            schedule=TahapSchedule.quarterly(range(2019, 2026), program="PKH"),
        ),
    )


ON = dt.date(2020, 7, 21)


def person(pid: str, born: dt.date, **fields: object) -> Person:
    """Return a fully collected person; `fields` override."""
    values: dict[str, object] = {
        "id": pid,
        "birth_date": born,
        "sex": Sex.FEMALE,
        "pregnancy": PregnancyStatus.NONE,
        "schooling": Schooling(level=SchoolLevel.NONE, enrolled=False),
        "state_employment": StateEmployment.NONE,
        "disability": None,
    }
    values.update(fields)
    return Person(**values)  # type: ignore[arg-type]


def six_member_family(**fields: object) -> Family:
    """Return a family of six: a pregnant mother, four children, a grandma."""
    from dayasos.ids import KK  # noqa: PLC0415
    from dayasos.model import Disability  # noqa: PLC0415

    no = Disability.none()
    people = [
        (
            person("p1", dt.date(1985, 2, 1), sex=Sex.MALE, disability=no),
            Relation.HEAD,
        ),
        (
            person(
                "p2",
                dt.date(1990, 5, 2),
                pregnancy=PregnancyStatus.PREGNANT,
                disability=no,
            ),
            Relation.SPOUSE,
        ),
        (person("p3", dt.date(2017, 1, 3), disability=no), Relation.CHILD),
        (
            person(
                "p4",
                dt.date(2011, 4, 4),
                schooling=Schooling(level=SchoolLevel.SD, enrolled=True),
                disability=no,
            ),
            Relation.CHILD,
        ),
        (
            person(
                "p5",
                dt.date(2007, 8, 5),
                schooling=Schooling(level=SchoolLevel.SMP, enrolled=True),
                disability=no,
            ),
            Relation.CHILD,
        ),
        (person("p6", dt.date(1950, 6, 6), disability=no), Relation.PARENT),
    ]
    values: dict[str, object] = {
        "id": "f1",
        "kk": KK("3171010101200001"),
        "members": [FamilyMember(person=p, relation=r) for p, r in people],
        "decile": 2,
        "memberships": (),
    }
    values.update(fields)
    return Family(**values)  # type: ignore[arg-type]


def demo_receipt() -> str:
    """Return the receipt of the six-member family's decision."""
    program = build_program()
    return program.decide(
        six_member_family(), on=ON, params=build_params()
    ).receipt()
