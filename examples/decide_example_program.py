"""
Define a small PKH-like programme, decide one family, print the result.

Run with ``python examples/decide_example_program.py``.
The programme is simplified and the family fictitious;
nothing printed here shows a NIK or KK.
"""

from __future__ import annotations

import datetime as dt

from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
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
    either,
    param,
    root,
)


ON = dt.date(2020, 7, 21)

PARAMETERS = """
description = { id = "Contoh PKH", en = "PKH example" }

[parameters.max_decile]
description = { id = "Desil tertinggi", en = "Highest decile" }
unit = "decile"
[[parameters.max_decile.values]]
since = 2019-01-01
value = 4
[parameters.max_decile.values.reference]
instrument = "Kepmensos"
number = "79/HUK"
year = 2025

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

[parameters.hamil]
description = { id = "Ibu hamil", en = "Pregnant" }
unit = "rupiah_per_year"
[[parameters.hamil.values]]
since = 2020-01-01
value = 3_000_000
[parameters.hamil.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/3/BS.02.02/01/2020"
year = 2020

[parameters.sd]
description = { id = "Anak SD", en = "Primary pupil" }
unit = "rupiah_per_year"
[[parameters.sd.values]]
since = 2019-01-01
value = 900_000
[parameters.sd.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019

[parameters.lansia]
description = { id = "Lanjut usia", en = "Elderly" }
unit = "rupiah_per_year"
[[parameters.lansia.values]]
since = 2019-01-01
value = 2_400_000
[parameters.lansia.values.reference]
instrument = "Keputusan Dirjen Linjamsos"
number = "02/SK/LJS/01/2019"
year = 2019
"""

family = root(Family)
member = each(FamilyMember)
age = age_of(member.person.birth_date)

HAMIL = member.person.pregnancy.is_in(
    PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM
)
SD = member.person.schooling.level.eq(SchoolLevel.SD) & (
    member.person.schooling.enrolled
)
LANSIA = age >= 60


def build_program() -> Program:
    """The example programme: three criteria, three components."""
    return Program(
        code="PKH-DEMO",
        entity=Family,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=[
            Criterion(
                "demo.decile", family.decile <= param("demo.max_decile")
            ),
            Criterion(
                "demo.has_component",
                any_of(family.members, either(HAMIL, SD, LANSIA)),
            ),
            Criterion("demo.not_in_bst", ~active_in("BST", span="month")),
        ],
        entitlement=Entitlement(
            components=[
                Component("hamil", when=HAMIL, amount=param("demo.hamil")),
                Component("sd", when=SD, amount=param("demo.sd")),
                Component("lansia", when=LANSIA, amount=param("demo.lansia")),
            ],
            cap=param("demo.max_members"),
            schedule=TahapSchedule.quarterly([2020], program="PKH-DEMO"),
        ),
    )


def build_family() -> Family:
    """A mother expecting a child, a pupil, a grandmother, a father."""
    done = Schooling(level=SchoolLevel.SMP, enrolled=False)
    none = PregnancyStatus.NONE
    people = [
        (
            Person(
                id="p-1",
                birth_date=dt.date(1984, 3, 2),
                pregnancy=none,
                schooling=done,
            ),
            Relation.HEAD,
        ),
        (
            Person(
                id="p-2",
                birth_date=dt.date(1988, 9, 5),
                pregnancy=PregnancyStatus.PREGNANT,
                schooling=done,
            ),
            Relation.SPOUSE,
        ),
        (
            Person(
                id="p-3",
                birth_date=dt.date(2012, 1, 15),
                pregnancy=none,
                schooling=Schooling(level=SchoolLevel.SD, enrolled=True),
            ),
            Relation.CHILD,
        ),
        (
            Person(
                id="p-4",
                birth_date=dt.date(1952, 11, 30),
                pregnancy=none,
                schooling=Schooling(level=SchoolLevel.SD, enrolled=False),
            ),
            Relation.PARENT,
        ),
    ]
    return Family(
        id="f-1",
        members=[FamilyMember(person=p, relation=r) for p, r in people],
        decile=2,
        memberships=(),
    )


def main() -> None:
    """Decide the family and print the verdict, the amounts, the reasons."""
    params: ParameterSet = parse_parameters(PARAMETERS, name="demo")
    decision = build_program().decide(build_family(), on=ON, params=params)
    print(f"verdict: {decision.verdict.value}")
    for result in decision.criteria:
        print(f"  {result.code}: {result.outcome.value} ({result.reference})")
    for award in decision.awards:
        print(f"  {award.member} {award.component}: {award.amount}")
    for period, amount in decision.totals:
        print(f"  {period}: {amount}")
    print(f"total {decision.year}: {decision.total}")
    print(f"inputs still needed: {list(decision.missing)}")
    print(f"rule hash: {decision.rule_hash[:16]}...")
    print("explanation codes:")
    for item in decision.explain_items():
        print(f"  {item.code}")


if __name__ == "__main__":
    main()
