"""
Entitlements in columns: candidates, the greedy choice, the tahap split.

Each member's qualifying components are candidates, ranked in each
family by amount (highest first), then component order, then member
order, as the object evaluator ranks them.
The greedy choice (cap, one component per member, each component's
``max_count``) runs one rank at a time over every family at once:
a handful of vectorised steps, whatever the number of families.
Yearly amounts are split over the tahap by largest remainder (ties to
the earlier tahap), in polars, as `dayasos.money.allocate` splits them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._columnar_items import place_in_family, segment_sums
from dayasos.rules._expr import Param


if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from dayasos.batch._columnar_expr import ExprCompiler
    from dayasos.policy import ParameterSet, Value
    from dayasos.rules import Expr
    from dayasos.rules._entitlement import YearPlan


__all__ = [
    "choose",
    "contested",
    "family_totals",
    "monthly_groups",
    "monthly_shares",
    "param_names",
    "split_shares",
]

_MONTHS = 12
#: No limit: larger than any count.
UNLIMITED = 2**62


def param_names(expr: Expr) -> list[str]:
    """
    The parameters `expr` reads, sorted.

    .. versionadded:: 0.1.0
    """
    return sorted({n.name for n in expr.walk() if isinstance(n, Param)})


def monthly_groups(
    params: ParameterSet,
    expr: Expr,
    year: int,
    base: Mapping[str, Value],
) -> list[tuple[tuple[int, ...], dict[str, Value]]]:
    """
    The months (0 for January) sharing the same parameter values.

    Months with a parameter not in force are in no group, as for the
    object evaluator's monthly rates.

    .. versionadded:: 0.1.0
    """
    names = param_names(expr)
    history = [params.parameter(n) for n in names]
    found: dict[tuple[int, ...], tuple[list[int], dict[str, Value]]] = {}
    for month in range(_MONTHS):
        first = dt.date(year, month + 1, 1)
        entries = [p.value_at(first) for p in history]
        if any(e is None for e in entries):
            continue
        key = tuple(id(e) for e in entries)
        if key not in found:
            values = dict(base)
            for name, entry in zip(names, entries, strict=True):
                assert entry is not None  # noqa: S101 - checked above
                values[name] = entry.value
            found[key] = ([], values)
        found[key][0].append(month)
    return [(tuple(months), values) for months, values in found.values()]


def monthly_shares(
    compiler: ExprCompiler,
    expr: Expr,
    groups: Sequence[tuple[tuple[int, ...], Mapping[str, Value]]],
    plan: YearPlan,
    *,
    collection: str,
) -> list[pl.Expr]:
    """
    Each period's share of a monthly amount: its months at their rates.

    Null when a rate that pays is unknown.

    .. versionadded:: 0.1.0
    """
    shares: list[pl.Expr] = [pl.lit(0, dtype=pl.Int64) for _ in plan.periods]
    for months, values in groups:
        slots = [plan.months[m] for m in months if plan.months[m] >= 0]
        if not slots:
            continue
        saved = compiler.values
        compiler.values = values
        try:
            amount = compiler.compile(expr, collection=collection)
        finally:
            compiler.values = saved
        for period in set(slots):
            shares[period] = shares[period] + amount.cast(
                pl.Int64
            ) * slots.count(period)
    return shares


def split_shares(value: pl.Expr, weights: Sequence[int]) -> list[pl.Expr]:
    """
    A positive yearly amount split by `weights`, largest remainder first.

    The same shares as `dayasos.money.allocate`: each the floor of its
    proportion, the rupiah left over one each to the largest
    remainders, the earlier share first on ties.

    .. versionadded:: 0.1.0
    """
    total = sum(weights)
    floors = [(value * w) // total for w in weights]
    rests = [(value * w) % total for w in weights]
    left = value - pl.sum_horizontal(*floors)
    shares = []
    for i, rest in enumerate(rests):
        ahead = [
            (other > rest) if j > i else (other >= rest)
            for j, other in enumerate(rests)
            if j != i
        ]
        rank = (
            pl.sum_horizontal(*(a.cast(pl.Int64) for a in ahead))
            if ahead
            else pl.lit(0, dtype=pl.Int64)
        )
        shares.append(floors[i] + (rank < left).cast(pl.Int64))
    return shares


def contested(
    candidates: pl.DataFrame,
    several: pl.Series,
    *,
    n_families: int,
    limits: pl.DataFrame,
    cap: pl.Series,
    one_per_member: bool,
) -> pl.Series:
    """
    Per family: whether its candidates exceed a limit together.

    `candidates` as for `choose`; `several` the rows of the families
    where a member is a candidate for several components. A family
    that exceeds no limit (the cap, one component per member, each
    component's count) keeps every candidate, as the greedy choice
    would. Candidates are counted by runs of equal keys, sorted.

    .. versionadded:: 0.1.0
    """
    fam = candidates.get_column("__fam").cast(pl.Int64)
    comp = candidates.get_column("__comp").cast(pl.Int64)
    runs = fam.sort().rle()
    lengths = runs.struct.field("len")
    rows = runs.struct.field("value")
    found = [rows.filter(lengths > cap.gather(rows))]
    key = comp * n_families + fam
    runs = (key if key.is_sorted() else key.sort()).rle()
    lengths = runs.struct.field("len")
    keys = runs.struct.field("value")
    comps, rows = keys // n_families, keys % n_families
    for number, name in enumerate(limits.columns):
        mine = comps == number
        limit = (
            limits.get_column(name).cast(pl.Int64).gather(rows.filter(mine))
        )
        over = lengths.filter(mine) > limit.fill_null(UNLIMITED)
        found.append(rows.filter(mine).filter(over))
    if one_per_member:
        found.append(several.cast(pl.Int64))
    flags = pl.zeros(n_families, dtype=pl.Boolean, eager=True)
    return flags.scatter(pl.concat(found), True)  # noqa: FBT003 - the value set


def choose(
    candidates: pl.DataFrame,
    contested: pl.Series,
    *,
    n_families: int,
    n_members: int,
    components: int,
    limits: pl.DataFrame,
    cap: pl.Series,
    one_per_member: bool,
) -> pl.DataFrame:
    """
    The candidates chosen, highest amounts first, within every limit.

    `candidates` holds ``__fam`` (the family's row), ``__mem`` (the
    member's row), ``__comp``, ``__index`` (the member's place in its
    family) and ``value``; `contested` one flag per family (see
    `contested`); `limits` one column per component, one row per
    family (null: no limit); `cap` one value per family.
    The families not contested keep every candidate; the others are
    ranked and chosen greedily.

    .. versionadded:: 0.1.0
    """
    flags = contested.gather(candidates.get_column("__fam"))
    settled = candidates.filter(~flags)
    ranked = candidates.filter(flags)
    if not ranked.height:
        return settled
    limit = (
        limits.select(
            pl.concat_list(
                pl.col(c).cast(pl.Int64).fill_null(UNLIMITED)
                for c in limits.columns
            ).alias("limit")
        )
        .get_column("limit")
        .explode()
    )
    chosen = _greedy(
        ranked,
        n_families=n_families,
        n_members=n_members,
        components=components,
        limit=limit,
        cap=cap,
        one_per_member=one_per_member,
    )
    return pl.concat([settled, chosen])


def _greedy(
    candidates: pl.DataFrame,
    *,
    n_families: int,
    n_members: int,
    components: int,
    limit: pl.Series,
    cap: pl.Series,
    one_per_member: bool,
) -> pl.DataFrame:
    """The greedy choice, one rank at a time over every family."""
    ranked = candidates.sort(
        ["__fam", "value", "__comp", "__index"],
        descending=[False, True, False, False],
    ).with_columns(place_in_family().alias("__rank"))
    chosen = pl.zeros(n_families, dtype=pl.Int64, eager=True)
    counts = pl.zeros(n_families * components, dtype=pl.Int64, eager=True)
    taken = pl.zeros(n_members, dtype=pl.Boolean, eager=True)
    kept: list[pl.DataFrame] = []
    for _, part in sorted(ranked.partition_by("__rank", as_dict=True).items()):
        fam = part.get_column("__fam").cast(pl.Int64)
        slot = fam * components + part.get_column("__comp").cast(pl.Int64)
        mem = part.get_column("__mem").cast(pl.Int64)
        ok = (chosen.gather(fam) < cap.gather(fam)) & (
            counts.gather(slot) < limit.gather(slot)
        )
        if one_per_member:
            ok &= ~taken.gather(mem)
        if not ok.any():
            continue
        fam, slot, mem = fam.filter(ok), slot.filter(ok), mem.filter(ok)
        chosen.scatter(fam, chosen.gather(fam) + 1)
        counts.scatter(slot, counts.gather(slot) + 1)
        taken.scatter(mem, True)  # noqa: FBT003 - the value set
        kept.append(part.filter(ok))
    if not kept:
        return candidates.clear()
    return pl.concat(kept).drop("__rank")


def family_totals(
    rows: pl.DataFrame, columns: Sequence[str], n_families: int
) -> pl.DataFrame:
    """
    Each family's sum of each column over `rows`, one row per family.

    `rows` hold ``__fam`` (the family's row) and the integer `columns`
    (null counts as 0). The result has `n_families` rows in family
    order, 0 for a family without rows. Running sums (`segment_sums`)
    when no sum can pass ``2**62``, which holds for any real amounts;
    a group-by otherwise.

    >>> rows = pl.DataFrame({"__fam": [2, 0, 2], "a": [5, 1, None]})
    >>> family_totals(rows, ["a"], 3).get_column("a").to_list()
    [1, 0, 5]

    .. versionadded:: 0.1.0
    """
    if not rows.get_column("__fam").is_sorted():
        rows = rows.sort("__fam")
    largest = rows.select(
        pl.max_horizontal(pl.col(c).abs().max() for c in columns)
    ).item()
    if (largest or 0) * max(rows.height, 1) < UNLIMITED:
        sums = segment_sums(
            rows.lazy(), {c: pl.col(c).fill_null(0) for c in columns}
        ).collect()
    else:
        sums = rows.group_by("__fam").agg(pl.col(c).sum() for c in columns)
    at = sums.get_column("__fam")
    return pl.DataFrame(
        [
            pl.zeros(n_families, dtype=pl.Int64, eager=True)
            .scatter(at, sums.get_column(c).cast(pl.Int64))
            .alias(c)
            for c in columns
        ]
    )
