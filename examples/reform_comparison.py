"""
What would a reform cost, and who would gain? PKH 2020, before and after.

Run with ``python examples/reform_comparison.py``.

The reform (a TOML reform file, as a policy analyst would write it)
raises the PKH elderly (lansia) and severe-disability amounts from
Rp2,400,000 to Rp3,000,000 a year from 1 July 2020. A seeded population
of fictitious families is decided on 21 July 2020 with the shipped
parameters and with the reform, and the script prints, in English, the
cost of each, the difference by component and the families that gain.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
from typing import TYPE_CHECKING

from dayasos.ids import Sex
from dayasos.l10n import format_rupiah
from dayasos.model import (
    Disability,
    DisabilityKind,
    Family,
    FamilyMember,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
    Severity,
    StateEmployment,
)
from dayasos.money import Rupiah, sum_rupiah
from dayasos.policy import parse_reform
from dayasos.programs import get


if TYPE_CHECKING:
    from dayasos.rules import Decision


ON = dt.date(2020, 7, 21)

REFORM = """
name = "PKH lansia dan disabilitas berat Rp3 juta mulai Juli 2020"

[[overrides]]
parameter = "pkh.amount.lansia"
since = 2020-07-01
value = 3_000_000
reference = { instrument = "Simulasi", title = "Lansia Rp3 juta" }

[[overrides]]
parameter = "pkh.amount.disabilitas_berat"
since = 2020-07-01
value = 3_000_000
reference = { instrument = "Simulasi", title = "Disabilitas berat Rp3 juta" }
"""


def person(
    rng: random.Random,
    id_: str,
    age: int,
    *,
    sex: Sex | None = None,
    pregnancy: PregnancyStatus = PregnancyStatus.NONE,
    schooling: Schooling | None = None,
) -> Person:
    """A fictitious person of `age` on ON, with every PKH input known."""
    born = dt.date(ON.year - age, rng.randint(1, 12), rng.randint(1, 28))
    severe = rng.random() < 0.05
    disability = (
        Disability(kind=DisabilityKind.PHYSICAL, severity=Severity.SEVERE)
        if severe
        else Disability.none()
    )
    return Person(
        id=id_,
        birth_date=born if born < ON else born.replace(year=born.year - 1),
        sex=sex,
        disability=disability,
        state_employment=StateEmployment.NONE,
        pregnancy=pregnancy,
        schooling=schooling,
    )


def population(size: int, seed: int = 2020) -> list[Family]:
    """A seeded population: parents, children of all ages, some elders."""
    rng = random.Random(seed)  # noqa: S311 -- fictitious data, not secrets
    families = []
    for number in range(size):
        key = f"f{number:04d}"
        members = [
            FamilyMember(
                person=person(
                    rng, f"{key}-1", rng.randint(25, 55), sex=Sex.MALE
                ),
                relation=Relation.HEAD,
            ),
            FamilyMember(
                person=person(
                    rng,
                    f"{key}-2",
                    rng.randint(22, 45),
                    sex=Sex.FEMALE,
                    pregnancy=rng.choice(
                        [PregnancyStatus.PREGNANT] + [PregnancyStatus.NONE] * 5
                    ),
                ),
                relation=Relation.SPOUSE,
            ),
        ]
        for child in range(rng.randint(0, 3)):
            age = rng.randint(0, 17)
            level = (
                SchoolLevel.SD
                if 6 < age <= 12
                else SchoolLevel.SMP
                if 12 < age <= 15
                else SchoolLevel.SMA
                if age > 15
                else None
            )
            schooling = (
                Schooling(level=level, enrolled=True) if level else None
            )
            members.append(
                FamilyMember(
                    person=person(
                        rng, f"{key}-c{child}", age, schooling=schooling
                    ),
                    relation=Relation.CHILD,
                )
            )
        if rng.random() < 0.4:
            members.append(
                FamilyMember(
                    person=person(rng, f"{key}-g", rng.randint(58, 85)),
                    relation=Relation.PARENT,
                )
            )
        families.append(
            Family(
                id=key,
                decile=rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6]),
                members=members,
                memberships=[],
            )
        )
    return families


def main() -> int:
    """Decide the population twice and print the comparison."""
    pkh = get("PKH")
    reform = parse_reform(REFORM)
    families = population(300)
    before = [pkh.decide(f, on=ON) for f in families]
    after = [pkh.decide(f, on=ON, reform=reform) for f in families]

    def by_component(decisions: list[Decision]) -> collections.Counter[str]:
        counter: collections.Counter[str] = collections.Counter()
        for decision in decisions:
            for award in decision.awards:
                counter[award.component] += award.amount.amount
        return counter

    cost_before = sum_rupiah(d.total for d in before)
    cost_after = sum_rupiah(d.total for d in after)
    gaining = [
        (b.total, a.total)
        for b, a in zip(before, after, strict=True)
        if a.total != b.total
    ]
    verdicts = collections.Counter(d.verdict.value for d in before)

    print(f"Reform: {reform.name}")
    print(f"Families decided on {ON.isoformat()}: {len(families)}")
    print(
        "Verdicts: "
        + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
    )
    print(
        f"Cost with the shipped parameters: {format_rupiah(cost_before, 'en')}"
    )
    print(
        f"Cost with the reform:             {format_rupiah(cost_after, 'en')}"
    )
    print(
        "Total cost of the reform:         "
        f"{format_rupiah(cost_after - cost_before, 'en')}"
    )
    print("Change by component (2020):")
    old, new = by_component(before), by_component(after)
    for component in sorted(set(old) | set(new)):
        change = Rupiah(new[component] - old[component])
        if change:
            print(f"  {component:<20} {format_rupiah(change, 'en'):>16}")
    gains = [a - b for b, a in gaining]
    print(
        f"Families that gain: {len(gaining)}; largest gain "
        f"{format_rupiah(max(gains, default=Rupiah(0)), 'en')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
