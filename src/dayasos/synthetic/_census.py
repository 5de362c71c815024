"""
Population by province and the number of regencies, as generator data.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import types


__all__ = [
    "PAPUA_SPLIT",
    "PROVINCE_POPULATION",
    "REGENCY_COUNTS",
    "province_weights",
]

# Source: BPS, Sensus Penduduk 2020 (SP2020), population by province in
# thousands, September 2020, total about 270.2 million, under the 34
# provinces of that time. The figures are rounded and approximate: they
# set sampling weights for synthetic data and are no statistic to quote.
#: Population by province code, thousands (SP2020, approximate).
PROVINCE_POPULATION: types.MappingProxyType[str, int] = types.MappingProxyType(
    {
        "11": 5_275,
        "12": 14_799,
        "13": 5_535,
        "14": 6_394,
        "15": 3_548,
        "16": 8_467,
        "17": 2_011,
        "18": 9_008,
        "19": 1_456,
        "21": 2_065,
        "31": 10_562,
        "32": 48_274,
        "33": 36_516,
        "34": 3_669,
        "35": 40_666,
        "36": 11_905,
        "51": 4_317,
        "52": 5_320,
        "53": 5_326,
        "61": 5_414,
        "62": 2_670,
        "63": 4_074,
        "64": 3_766,
        "65": 702,
        "71": 2_622,
        "72": 2_986,
        "73": 9_074,
        "74": 2_625,
        "75": 1_172,
        "76": 1_419,
        "81": 1_849,
        "82": 1_283,
        "91": 4_304,
        "92": 1_134,
    }
)

# The 2022 Papua provinces (UU 14, 15, 16 and 29 of 2022) took their
# population from Papua (91) and Papua Barat (92); these shares of the
# parent's SP2020 population are rough approximations.
#: Share of the parent province's population, per new province.
PAPUA_SPLIT: types.MappingProxyType[str, tuple[str, float]] = (
    types.MappingProxyType(
        {
            "91": ("91", 0.24),
            "93": ("91", 0.12),
            "94": ("91", 0.31),
            "95": ("91", 0.33),
            "92": ("92", 0.48),
            "96": ("92", 0.52),
        }
    )
)

# Kabupaten and kota per province under the current Kemendagri list
# (416 kabupaten and 98 kota in all), approximate; the provinces before
# the 2022 Papua split hold their later children's regencies.
# They only make the generated codes plausible.
#: (kabupaten, kota) per province code.
REGENCY_COUNTS: types.MappingProxyType[str, tuple[int, int]] = (
    types.MappingProxyType(
        {
            "11": (18, 5),
            "12": (25, 8),
            "13": (12, 7),
            "14": (10, 2),
            "15": (9, 2),
            "16": (13, 4),
            "17": (9, 1),
            "18": (13, 2),
            "19": (6, 1),
            "21": (5, 2),
            "31": (1, 5),
            "32": (18, 9),
            "33": (29, 6),
            "34": (4, 1),
            "35": (29, 9),
            "36": (4, 4),
            "51": (8, 1),
            "52": (8, 2),
            "53": (21, 1),
            "61": (12, 2),
            "62": (13, 1),
            "63": (11, 2),
            "64": (7, 3),
            "65": (4, 1),
            "71": (11, 4),
            "72": (12, 1),
            "73": (21, 3),
            "74": (15, 2),
            "75": (5, 1),
            "76": (6, 0),
            "81": (9, 2),
            "82": (8, 2),
            "91": (8, 1),
            "92": (7, 0),
            "93": (4, 0),
            "94": (8, 0),
            "95": (8, 0),
            "96": (5, 1),
        }
    )
)

#: The day the last of the four 2022 Papua provinces was formed.
SPLIT_ON = dt.date(2022, 12, 8)
_BEFORE_SPLIT = {"91": (28, 1), "92": (12, 1)}


def province_weights(as_of: dt.date) -> dict[str, float]:
    """
    Population weights by province code, for the provinces of `as_of`.

    Before 8 December 2022 (UU 29/2022) there are 34 provinces;
    from then on 38, the Papua shares split as `PAPUA_SPLIT` says.

    >>> import datetime as dt
    >>> len(province_weights(dt.date(2020, 7, 21)))
    34
    >>> len(province_weights(dt.date(2025, 1, 1)))
    38

    .. versionadded:: 0.1.0
    """
    weights = {code: float(n) for code, n in PROVINCE_POPULATION.items()}
    if as_of < SPLIT_ON:
        return weights
    for code, (parent, share) in PAPUA_SPLIT.items():
        weights[code] = PROVINCE_POPULATION[parent] * share
    return dict(sorted(weights.items()))


def regency_counts(code: str, as_of: dt.date) -> tuple[int, int]:
    """The (kabupaten, kota) of a province on a date."""
    if as_of < SPLIT_ON and code in _BEFORE_SPLIT:
        return _BEFORE_SPLIT[code]
    return REGENCY_COUNTS[code]
