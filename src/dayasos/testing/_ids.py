"""
Hypothesis strategies for `dayasos.ids`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from dayasos.ids import KK, NIK, RegionCode, RegionLevel, Sex
from dayasos.ids._provinces import PROVINCES


__all__ = ["kk_values", "kks", "nik_values", "niks", "region_codes"]

_DATES = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))
_PROVINCE = st.sampled_from(sorted(PROVINCES))
_REGENCY = st.one_of(st.integers(1, 69), st.integers(71, 99)).map(
    "{:02d}".format
)
_DISTRICT = st.integers(1, 99).map("{:02d}".format)
_VILLAGE = st.builds(
    "{}{:03d}".format, st.sampled_from("123"), st.integers(1, 999)
)
_SERIAL = st.integers(1, 9999).map("{:04d}".format)
_KECAMATAN = st.builds("{}{}{}".format, _PROVINCE, _REGENCY, _DISTRICT)


def _ddmmyy(date: dt.date, *, female: bool = False) -> str:
    day = date.day + 40 if female else date.day
    return f"{day:02d}{date.month:02d}{date.year % 100:02d}"


def niks(sex: Sex | None = None) -> st.SearchStrategy[str]:
    """
    Valid NIKs as 16-digit strings, born 1900-2099.

    Args:
        sex: Only NIKs of this sex; either when `None`.

    .. versionadded:: 0.1.0
    """
    female = st.booleans() if sex is None else st.just(sex is Sex.FEMALE)
    birth = st.builds(_ddmmyy, _DATES, female=female)
    return st.builds("{}{}{}".format, _KECAMATAN, birth, _SERIAL)


def nik_values(sex: Sex | None = None) -> st.SearchStrategy[NIK]:
    """
    Valid `NIK` values.

    Args:
        sex: Only NIKs of this sex; either when `None`.

    .. versionadded:: 0.1.0
    """
    return niks(sex).map(NIK)


def kks() -> st.SearchStrategy[str]:
    """
    Valid KK numbers as 16-digit strings, registered 1900-2099.

    .. versionadded:: 0.1.0
    """
    registered = _DATES.map(_ddmmyy)
    return st.builds("{}{}{}".format, _KECAMATAN, registered, _SERIAL)


def kk_values() -> st.SearchStrategy[KK]:
    """
    Valid `KK` values.

    .. versionadded:: 0.1.0
    """
    return kks().map(KK)


def region_codes(
    level: RegionLevel | None = None,
) -> st.SearchStrategy[RegionCode]:
    """
    Valid `RegionCode` values, retired provinces included.

    Args:
        level: Only codes of this level; any level when `None`.

    .. versionadded:: 0.1.0
    """
    if level is None:
        return st.sampled_from(RegionLevel).flatmap(region_codes)
    parts = {
        RegionLevel.PROVINCE: (_PROVINCE,),
        RegionLevel.REGENCY: (_PROVINCE, _REGENCY),
        RegionLevel.DISTRICT: (_KECAMATAN,),
        RegionLevel.VILLAGE: (_KECAMATAN, _VILLAGE),
    }[level]
    return st.tuples(*parts).map(lambda digits: RegionCode("".join(digits)))
