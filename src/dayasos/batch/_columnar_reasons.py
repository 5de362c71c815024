"""
The failed and unknown criteria of every family, as lists of codes.

Each family's outcome per criterion is first one bit of an integer;
the distinct integers (a handful) become lists of codes once, and
every family takes its list by index: no list is built per row.

>>> import polars as pl
>>> frame = pl.DataFrame(
...     {"__test0": [True, False, None], "__test1": [False, False, True]}
... )
>>> failed = criteria_masks(frame, ["a", "b"], failing=True)
>>> failed.to_list()
[2, 3, 0]
>>> code_lists(failed, ["a", "b"]).to_list()
[['b'], ['a', 'b'], []]
>>> unknown = criteria_masks(frame, ["a", "b"], failing=False)
>>> code_lists(unknown, ["a", "b"]).to_list()
[[], [], ['a']]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._columnar_support import refuse


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["code_lists", "criteria_masks"]

#: Criteria one integer holds (the sign bit left alone).
_BITS = 62


def criteria_masks(
    frame: pl.DataFrame, codes: Sequence[str], *, failing: bool
) -> pl.Series:
    """
    Per row, bit ``i`` set when test ``__test<i>`` fails (or is unknown).

    Raises:
        NotSupported: for more criteria than one integer holds.

    .. versionadded:: 0.1.0
    """
    if len(codes) > _BITS:
        kind = f"{len(codes)} criteria in one programme"
        raise refuse(kind)
    zero = pl.lit(0, dtype=pl.Int64)
    bits = [
        pl.when(
            pl.col(f"__test{i}").not_()
            if failing
            else pl.col(f"__test{i}").is_null()
        )
        .then(pl.lit(1 << i, dtype=pl.Int64))
        .otherwise(zero)
        for i in range(len(codes))
    ]
    mask = pl.sum_horizontal(*bits) if bits else zero
    return frame.select(mask.alias("mask")).get_column("mask")


def code_lists(masks: pl.Series, codes: Sequence[str]) -> pl.Series:
    """
    The codes of each mask's set bits, in criterion order.

    .. versionadded:: 0.1.0
    """
    distinct = masks.unique().sort()
    lists = pl.Series(
        [[c for i, c in enumerate(codes) if m >> i & 1] for m in distinct],
        dtype=pl.List(pl.String),
    )
    return lists.gather(distinct.search_sorted(masks))
