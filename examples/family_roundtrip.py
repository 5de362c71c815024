"""
Build a family in Python, write it as JSON, read it back, and check it.

Run with ``python examples/family_roundtrip.py``. The family is fictitious;
its NIK and KK numbers are valid in form only. Nothing printed here shows
a NIK or KK in full: ``str()`` of those values is masked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dayasos.errors import RecordError
from dayasos.ids import KK, NIK, RegionCode, Sex
from dayasos.model import (
    Family,
    FamilyMember,
    Membership,
    MembershipState,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
    Transition,
)
from dayasos.serialization import dumps, load_jsonl, loads


AS_OF = dt.date(2020, 7, 21)
DATA = Path(__file__).parent / "data"


def build_family() -> Family:
    """A PKH family: a pregnant mother, a pupil, a toddler, a grandmother."""
    mother = Person(
        id="p-1",
        nik=NIK("3374014509880002"),
        name="Sri Wahyuni",
        birth_date=dt.date(1988, 9, 5),
        sex=Sex.FEMALE,
        pregnancy=PregnancyStatus.PREGNANT,
        pregnancy_number=2,
    )
    pupil = Person(
        id="p-2",
        name="Rina",
        birth_date=dt.date(2012, 1, 17),
        sex=Sex.FEMALE,
        schooling=Schooling(level=SchoolLevel.SD, enrolled=True),
    )
    toddler = Person(id="p-3", birth_date=dt.date(2018, 11, 2))
    grandmother = Person(
        id="p-4", birth_date=dt.date(1948, 4, 20), sex=Sex.FEMALE
    )
    pkh = Membership(
        program="PKH",
        history=[
            Transition(state=MembershipState.ACTIVE, on=dt.date(2018, 2, 1))
        ],
    )
    return Family(
        id="keluarga-contoh",
        kk=KK("3374011406100003"),
        region=RegionCode.parse("33.74.01.1001"),
        decile=1,
        members=[
            FamilyMember(person=mother, relation=Relation.HEAD),
            FamilyMember(person=pupil, relation=Relation.CHILD),
            FamilyMember(person=toddler, relation=Relation.CHILD),
            FamilyMember(person=grandmother, relation=Relation.PARENT),
        ],
        memberships=[pkh],
    )


def main() -> None:
    """Round-trip one family, then read a JSON Lines batch with a bad line."""
    family = build_family()
    text = dumps(family, indent=2)
    again = loads(text, Family)

    print(f"family {again.id}, KK {again.kk}, region {again.region}")
    print(
        f"JSON: {len(text.encode())} bytes; read back equal: {again == family}"
    )
    for member in again.members:
        person = member.person
        age = person.age_on(AS_OF)
        shown_age = "?" if age is None else age
        print(
            f"  {member.relation.value:<7} {person.name or '(no name)':<12}"
            f" age {shown_age:>2}  NIK {person.nik}"
        )

    print("batch:")
    for number, item in load_jsonl(
        DATA / "families_with_errors.jsonl", Family
    ):
        if isinstance(item, RecordError):
            print(f"  line {number}: {len(item.problems)} problems")
            for problem in item.problems:
                print(f"    {problem.path} [{problem.code}]")
        else:
            print(f"  line {number}: {item.id} ({item.size} in the family)")


if __name__ == "__main__":
    main()
