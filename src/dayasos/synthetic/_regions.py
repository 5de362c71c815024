"""
A plausible tree of region codes under each province, and draws from it.

No official list of kabupaten, kecamatan and desa ships with dayasos, so
the generator makes one: per province its number of kabupaten (codes
01...) and kota (71...), per regency 4 to 30 kecamatan, per kecamatan
desa (2001...) and, in kota and in a kabupaten's first kecamatan,
kelurahan (1001...). The tree comes from a fixed seed, so every
population shares one geography; every code is valid for
`dayasos.ids.wilayah`, though not every code names a real place.

>>> import datetime as dt, random
>>> tree = region_tree(dt.date(2020, 7, 21))
>>> code = tree.draw_village(random.Random(1))
>>> from dayasos.ids import wilayah
>>> wilayah.is_valid(code), len(code)
(True, 10)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from typing import TYPE_CHECKING

import attrs

from dayasos.synthetic._census import (
    PAPUA_SPLIT,
    SPLIT_ON,
    province_weights,
    regency_counts,
)
from dayasos.synthetic._people import pick


if TYPE_CHECKING:
    import datetime as dt


__all__ = ["RegionTree", "region_tree"]

_TREE_SEED = "dayasos-synthetic-regions-v1"


@attrs.frozen
class _District:
    code: str
    villages: tuple[str, ...]


@attrs.frozen
class _Regency:
    code: str
    districts: tuple[_District, ...]


@attrs.frozen
class _Province:
    code: str
    regencies: tuple[_Regency, ...]
    cumulative: tuple[float, ...]


def _villages(
    rng: random.Random, *, kota: bool, capital: bool
) -> tuple[str, ...]:
    if kota:
        kelurahan, desa = rng.randint(4, 12), 0
    else:
        kelurahan = rng.randint(2, 8) if capital else 0
        desa = rng.randint(6, 22)
    return tuple(
        [f"{1001 + i}" for i in range(kelurahan)]
        + [f"{2001 + i}" for i in range(desa)]
    )


def _regency(rng: random.Random, code: str, *, kota: bool) -> _Regency:
    count = rng.randint(4, 14) if kota else rng.randint(8, 30)
    districts = tuple(
        _District(
            code=f"{code}{i:02d}",
            villages=_villages(rng, kota=kota, capital=i == 1),
        )
        for i in range(1, count + 1)
    )
    return _Regency(code=code, districts=districts)


def _province(rng: random.Random, code: str, as_of: dt.date) -> _Province:
    kabupaten, kota = regency_counts(code, as_of)
    regencies = [
        _regency(rng, f"{code}{i:02d}", kota=False)
        for i in range(1, kabupaten + 1)
    ] + [
        _regency(rng, f"{code}{70 + i:02d}", kota=True)
        for i in range(1, kota + 1)
    ]
    weights = [rng.uniform(0.5, 2.0) for _ in regencies]
    return _Province(
        code=code,
        regencies=tuple(regencies),
        cumulative=tuple(itertools.accumulate(weights)),
    )


@attrs.frozen
class RegionTree:
    """
    The provinces of a date with their generated regencies and villages.

    `districts` numbers every kecamatan from 0, for counters kept in
    arrays.

    .. versionadded:: 0.1.0
    """

    provinces: tuple[_Province, ...]
    cumulative: tuple[float, ...]
    by_code: dict[str, _Province]
    split: bool
    districts: dict[str, int]

    def draw_province(self, rng: random.Random) -> str:
        """A province code, by population share."""
        point = rng.random() * self.cumulative[-1]
        return self.provinces[bisect.bisect(self.cumulative, point)].code

    def draw_village(
        self, rng: random.Random, province: str | None = None
    ) -> str:
        """A village code (10 digits), in `province` or any by share."""
        code = province if province is not None else self.draw_province(rng)
        chosen = self.by_code[code]
        point = rng.random() * chosen.cumulative[-1]
        regency = chosen.regencies[bisect.bisect(chosen.cumulative, point)]
        district = pick(rng, regency.districts)
        return district.code + pick(rng, district.villages)

    def draw_district(
        self, rng: random.Random, province: str | None = None
    ) -> str:
        """A kecamatan code (6 digits)."""
        return self.draw_village(rng, province)[:6]

    def issuing_province(self, province: str, born: dt.date) -> str:
        """
        The province code a NIK of someone born on `born` carries.

        A NIK keeps the code of where it was issued: people of the 2022
        Papua provinces born before the split carry 91 or 92.
        """
        if self.split and born < SPLIT_ON and province in PAPUA_SPLIT:
            return PAPUA_SPLIT[province][0]
        return province


@functools.cache
def _tree(*, split: bool) -> RegionTree:
    as_of = SPLIT_ON if split else SPLIT_ON.replace(year=SPLIT_ON.year - 1)
    # A seeded stream for synthetic data, no secret.
    rng = random.Random(_TREE_SEED + ("/38" if split else "/34"))  # noqa: S311
    weights = province_weights(as_of)
    provinces = tuple(_province(rng, code, as_of) for code in weights)
    return RegionTree(
        provinces=provinces,
        cumulative=tuple(itertools.accumulate(weights.values())),
        by_code={p.code: p for p in provinces},
        split=split,
        districts={
            d.code: i
            for i, d in enumerate(
                d for p in provinces for r in p.regencies for d in r.districts
            )
        },
    )


def region_tree(as_of: dt.date) -> RegionTree:
    """
    The generated region tree for the provinces in force on `as_of`.

    .. versionadded:: 0.1.0
    """
    return _tree(split=as_of >= SPLIT_ON)
