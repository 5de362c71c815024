"""
Counting social pillars by kind and region: the inputs of targets.

The programme's targets count institutions (Puskesos in 560 villages and
280 kabupaten/kota in 2021) and pillars (PSM, TKSK, Karang Taruna, LKS);
these functions count the records behind them.

>>> import datetime as dt
>>> from dayasos.ids import RegionCode, RegionLevel
>>> from dayasos.model import Institution, InstitutionKind
>>> def puskesos(i, region):
...     return Institution(
...         id=f"ps{i}",
...         kind=InstitutionKind.PUSKESOS,
...         region=RegionCode.parse(region),
...         active_since=dt.date(2019, 1, 2),
...     )
>>> found = [
...     puskesos(1, "31.71.01.1001"),
...     puskesos(2, "31.71.01.1002"),
...     puskesos(3, "31.71"),
... ]
>>> count_regions_with(
...     found, kind=InstitutionKind.PUSKESOS, level=RegionLevel.VILLAGE
... )
2
>>> counts = count_institutions(
...     found, kinds=[InstitutionKind.PUSKESOS], level=RegionLevel.REGENCY
... )
>>> {str(k): v for k, v in counts.items()}
{'31.71': 3}

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.model import group_by_region


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import RegionCode, RegionLevel
    from dayasos.model import Institution, InstitutionKind


__all__ = ["count_institutions", "count_regions_with"]


def _selected(
    institutions: Iterable[Institution],
    kinds: Iterable[InstitutionKind] | None,
    seated_at: RegionLevel | None,
    on: dt.date | None,
) -> list[Institution]:
    wanted = None if kinds is None else frozenset(kinds)
    found = []
    for institution in institutions:
        if wanted is not None and institution.kind not in wanted:
            continue
        region = institution.region
        if seated_at is not None and (
            region is None or region.level is not seated_at
        ):
            continue
        if on is not None and not institution.is_active_on(on):
            continue
        found.append(institution)
    return found


def count_institutions(
    institutions: Iterable[Institution],
    *,
    level: RegionLevel,
    kinds: Iterable[InstitutionKind] | None = None,
    seated_at: RegionLevel | None = None,
    on: dt.date | None = None,
) -> dict[RegionCode | None, int]:
    """
    Count institutions per region at `level`.

    Args:
        institutions: The records to count.
        level: The level to count at (province, kabupaten/kota ...).
        kinds: Only these kinds; every kind when not given.
        seated_at: Only institutions seated at this level, e.g.
            `RegionLevel.VILLAGE` for village Puskesos, leaving out the
            kabupaten/kota ones.
        on: Only institutions known to be active on this date
            (``active_since`` on or before it, ``active_until`` after
            it or not recorded); an institution whose start is not
            recorded is then left out.

    Returns:
        The count per region code, in code order; institutions whose
        region is unknown, or known only above `level`, under `None`.

    .. versionadded:: 0.1.0
    """
    chosen = _selected(institutions, kinds, seated_at, on)
    return {
        region: len(group)
        for region, group in group_by_region(chosen, level).items()
    }


def count_regions_with(
    institutions: Iterable[Institution],
    *,
    kind: InstitutionKind,
    level: RegionLevel,
    on: dt.date | None = None,
) -> int:
    """
    How many regions at `level` have at least one institution of `kind`.

    Institutions seated above `level` (a kabupaten Puskesos when villages
    are counted) and those of unknown region do not count.

    .. versionadded:: 0.1.0
    """
    chosen = _selected(institutions, [kind], None, on)
    return sum(
        1 for region in group_by_region(chosen, level) if region is not None
    )
