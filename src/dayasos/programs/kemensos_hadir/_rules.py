"""
Kemensos Hadir's rules, its package and the allocation of the quota.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.ids import RegionLevel
from dayasos.model import (
    Aid,
    AidKind,
    Family,
    FamilyMember,
    Item,
    LegalReference,
    Relation,
)
from dayasos.money import Rupiah
from dayasos.programs._quota import Allocation, Candidate, Split, allocate
from dayasos.rules import (
    Component,
    Criterion,
    Entitlement,
    Program,
    active_in,
    any_of,
    each,
    param,
    root,
)


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Mapping

    from dayasos.policy import ParameterSet


__all__ = ["CODE", "ITEMS", "PROGRAM", "allocate_packages", "package"]

#: The catalogue code; memberships use it.
CODE = "KEMENSOS_HADIR"

SEED = LegalReference(
    instrument="Siaran Pers Kemensos",
    number="21 Juli 2020",
    year=2020,
    title="Kemensos Hadir: sembako for people affected by COVID-19",
)

#: The Rp300,000 package (DOMAIN.md 5.1, kumparan quoting Mensos).
ITEMS = (
    Item(name="beras", quantity=10, unit="kg"),
    Item(name="minyak goreng", quantity=2, unit="liter"),
    Item(name="sarden", quantity=2, unit="kaleng"),
    Item(name="kornet", quantity=2, unit="kaleng"),
    Item(name="sambal", quantity=1, unit="botol kecil"),
    Item(name="kecap", quantity=1, unit="botol kecil"),
    Item(name="susu UHT", quantity=1, unit="liter"),
    Item(name="teh celup", quantity=1, unit="kotak"),
    Item(name="sabun mandi", quantity=3, unit="batang"),
    Item(name="mie instan", quantity=10, unit="bungkus"),
)

family = root(Family)
member = each(FamilyMember)
person = member.person

PROGRAM = Program(
    code=CODE,
    entity=Family,
    reference=SEED,
    criteria=[
        Criterion(
            "kemensos_hadir.affected",
            any_of(
                family.members,
                person.covid_affected
                & (
                    person.occupation.is_in(
                        param("kemensos_hadir.affected.occupations")
                    )
                    | person.employment.is_in(
                        param("kemensos_hadir.affected.statuses")
                    )
                ),
            ),
        ),
        Criterion(
            "kemensos_hadir.not_in_pkh", ~active_in("PKH", span="month")
        ),
        Criterion(
            "kemensos_hadir.not_in_sembako",
            ~active_in("SEMBAKO", span="month"),
        ),
        Criterion(
            "kemensos_hadir.not_in_bst", ~active_in("BST", span="month")
        ),
    ],
    entitlement=Entitlement(
        components=[
            Component(
                "paket",
                when=member.relation.eq(Relation.HEAD),
                amount=param("kemensos_hadir.package.value"),
            )
        ],
    ),
)


def package(params: ParameterSet, on: dt.date) -> Aid:
    """
    The food package given on a date: its items and declared value.

    .. versionadded:: 0.1.0
    """
    value = params.at(on).value("kemensos_hadir.package.value", Rupiah)
    return Aid(
        kind=AidKind.FOOD_PACKAGE,
        items=ITEMS,
        amount=value,
        description="Paket sembako Kemensos Hadir",
    )


def _province(entity: Family) -> str | None:
    region = entity.region
    if region is None:
        return None
    return str(region.at_level(RegionLevel.PROVINCE))


def _by_decile(entity: Family) -> int:
    return 11 if entity.decile is None else entity.decile


def allocate_packages(
    families: Iterable[Family],
    *,
    on: dt.date,
    params: ParameterSet,
    split: Split | Mapping[str, int] = Split.PROPORTIONAL,
    priority: Callable[[Family], int] = _by_decile,
) -> Allocation:
    """
    Decide every family and share the national quota among the eligible.

    Each eligible family asks for one package in its province; the
    quota (``kemensos_hadir.quota``) is split over provinces (`split`)
    and served by `priority` (by default the welfare decile, lowest
    first, unknown last), ties by family id.
    Each grant's `Candidate.payload` is the family's decision.

    .. versionadded:: 0.1.0
    """
    candidates = []
    for entity in families:
        decision = PROGRAM.decide(entity, on=on, params=params)
        if decision.eligible:
            candidates.append(
                Candidate(
                    key=entity.id,
                    region=_province(entity),
                    priority=priority(entity),
                    payload=decision,
                )
            )
    quota = params.at(on).value("kemensos_hadir.quota", int)
    return allocate(quota, candidates, split=split)
