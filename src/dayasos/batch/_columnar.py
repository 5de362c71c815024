"""
The columnar evaluator: a programme decided for every family at once.

The programme's expression tree (the one `CatalogueEntry.decide` runs)
is compiled to polars expressions over the tables, with the parameter
values in force on the date; the result holds one row per family,
equal to the object evaluator's decision family by family.

>>> import datetime as dt
>>> from dayasos.ids import Sex
>>> from dayasos.model import (
...     Disability, Family, FamilyMember, Person, Relation, StateEmployment,
... )
>>> from dayasos.programs import get
>>> grandma = Person(
...     id="p1", birth_date=dt.date(1950, 6, 6), sex=Sex.FEMALE,
...     state_employment=StateEmployment.NONE, disability=Disability.none(),
... )
>>> family = Family(
...     id="f1", decile=2, memberships=[],
...     members=[FamilyMember(person=grandma, relation=Relation.HEAD)],
... )
>>> from dayasos.batch import to_tables
>>> tables = to_tables([family])
>>> result = evaluate(tables, get("PKH"), on=dt.date(2020, 7, 21))
>>> result.select("verdict", "total", "period.2020-T1").row(0)
('eligible', 2400000, 600000)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.batch._columnar_entitlement import (
    UNLIMITED,
    choose,
    contested,
    family_totals,
    monthly_groups,
    monthly_shares,
    param_names,
    split_shares,
)
from dayasos.batch._columnar_expr import ExprCompiler
from dayasos.batch._columnar_items import ItemTables
from dayasos.batch._columnar_reasons import code_lists, criteria_masks
from dayasos.batch._layout import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
)
from dayasos.batch._tables import Tables
from dayasos.rules._entitlement import plan_year
from dayasos.rules._expr import Const, Param


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.policy import ParameterSet, Reform, Value
    from dayasos.programs import CatalogueEntry
    from dayasos.rules import Component, Entitlement, Grant
    from dayasos.rules._entitlement import YearPlan
    from dayasos.rules._expr import Expr


__all__ = ["evaluate", "parameters_of"]

_ZERO = pl.lit(0, dtype=pl.Int64)


def parameters_of(
    entry: CatalogueEntry, reform: Reform | None
) -> ParameterSet:
    """
    The parameters `entry` decides with: shipped, or with `reform`.

    .. versionadded:: 0.1.0
    """
    if reform is None:
        return entry.parameters
    return entry.parameters.with_reform(reform)


def _with_columns(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """`frame` with the layout's columns it lacks, all null."""
    return frame.with_columns(
        pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in schema.items()
        if name not in frame.columns
    )


def _completed(tables: Tables) -> Tables:
    """The tables with every optional column of the layout."""
    memberships = tables.memberships
    return Tables(
        families=_with_columns(tables.families, FAMILIES_SCHEMA),
        members=_with_columns(tables.members, MEMBERS_SCHEMA),
        memberships=None
        if memberships is None
        else _with_columns(memberships, MEMBERSHIPS_SCHEMA),
    )


def _with_family_values(
    base: pl.DataFrame, values: pl.DataFrame, name: str
) -> pl.DataFrame:
    """
    `base` with the column `name` of `values`, placed by ``__fam``.

    `base` holds one row per family, in order; an aggregation gives
    one row per family too, placed by order once sorted, without a
    join.
    """
    if values.height == base.height:
        rows = values.get_column("__fam")
        if not rows.is_sorted():
            values = values.sort("__fam")
            rows = values.get_column("__fam")
        steps = rows.diff().drop_nulls()
        if not rows.len() or (rows[0] == 0 and (steps == 1).all()):
            return base.with_columns(values.get_column(name))
    return base.join(
        values.select("__fam", name),
        on="__fam",
        how="left",
        maintain_order="left",
    )


class _Run:
    """One programme on one date: the compiled columns, then the result."""

    def __init__(
        self,
        tables: Tables,
        entry: CatalogueEntry,
        on: dt.date,
        params: ParameterSet,
    ) -> None:
        program = entry.program
        # The object evaluator's own checks: parameters in force, types.
        program.compile(params, on)
        snapshot = params.at(on)
        self.values: dict[str, Value] = {
            n: snapshot[n] for n in program.parameters()
        }
        self.entry, self.on, self.params = entry, on, params
        tables = _completed(tables)
        self.families = tables.families.lazy().with_row_index("__fam")
        self.items = ItemTables(tables, self.families)
        self.compiler = ExprCompiler(self.items, on=on, values=self.values)
        ent = program.entitlement
        schedule = entry.tahap
        if schedule is None and ent is not None:
            schedule = ent.schedule
        self.plan: YearPlan = plan_year(schedule, on.year)
        self.n_members = tables.members.height
        self.n_families = tables.families.height

    def family_columns(self) -> dict[str, pl.Expr]:
        """Criteria, limits, cap and grants, as columns of the families."""
        program = self.entry.program
        found = {
            f"__test{i}": self.compiler.compile(c.test)
            for i, c in enumerate(program.criteria)
        }
        ent = program.entitlement
        if ent is None:
            return found
        for i, c in enumerate(ent.components):
            if c.max_count is not None:
                found[f"__limit{i}"] = self.compiler.compile(c.max_count)
        if ent.cap is not None:
            found["__cap"] = self.compiler.compile(ent.cap)
        for i, grant in enumerate(ent.grants):
            shares = self._grant_shares(grant.amount, grant.per)
            if shares is None:
                continue
            found[f"__grant{i}"] = self.compiler.compile(grant.when)
            if grant.per == "year":
                found[f"__grant{i}_value"] = shares[0]
            else:
                for p, share in enumerate(shares):
                    found[f"__grant{i}_share{p}"] = share
        return found

    def _grant_shares(self, amount: Expr, per: str) -> list[pl.Expr] | None:
        if per == "month":
            groups = monthly_groups(
                self.params, amount, self.on.year, self.values
            )
            return monthly_shares(
                self.compiler, amount, groups, self.plan, collection=""
            )
        values = dict(self.values)
        for name in param_names(amount):
            entry = self.params.parameter(name).value_at(self.on)
            if entry is None:
                return None
            values[name] = entry.value
        saved = self.compiler.values
        self.compiler.values = values
        try:
            return [self.compiler.compile(amount).cast(pl.Int64)]
        finally:
            self.compiler.values = saved

    def decided(self) -> pl.DataFrame:
        """The families with every compiled column, collected."""
        columns = self.family_columns()
        base = self.families.select(
            "__fam", "family_id", "kk", "region", "decile"
        ).collect()
        names = list(self.compiler.columns)
        found = pl.collect_all(self.compiler.columns.values())
        for name, values in zip(names, found, strict=True):
            base = _with_family_values(base, values, name)
        frame = base.lazy().with_columns(**columns).collect()
        codes = [c.code for c in self.entry.program.criteria]
        failed = criteria_masks(frame, codes, failing=True)
        unknown = criteria_masks(frame, codes, failing=False)
        verdict = (
            pl.when(failed != 0)
            .then(pl.lit("ineligible"))
            .when(unknown != 0)
            .then(pl.lit("undetermined"))
            .otherwise(pl.lit("eligible"))
        )
        return frame.with_columns(
            code_lists(failed, codes).alias("failed"),
            code_lists(unknown, codes).alias("unknown"),
        ).with_columns(verdict.alias("verdict"))

    def awards(self, decided: pl.DataFrame) -> pl.DataFrame | None:
        """Per family, in order: each code's amount and each share."""
        ent = self.entry.program.entitlement
        if ent is None:
            return None
        eligible = decided.filter(pl.col("verdict") == "eligible")
        parts = [self._components(ent, decided, eligible)]
        parts.extend(self._grants(ent, eligible))
        found = [p for p in parts if p is not None and p.height]
        if not found:
            return None
        periods = [f"period.{p}" for p in self.plan.periods]
        rows = pl.concat(found, how="diagonal")
        columns = [c for c in self._codes(ent) + periods if c in rows.columns]
        return family_totals(rows, columns, self.n_families)

    @staticmethod
    def _codes(ent: Entitlement) -> list[str]:
        parts: list[Component | Grant] = [*ent.components, *ent.grants]
        return [f"amount.{c.code}" for c in parts]

    def _components(
        self, ent: Entitlement, decided: pl.DataFrame, eligible: pl.DataFrame
    ) -> pl.DataFrame | None:
        if not ent.components or not eligible.height:
            return None
        candidates, several = self._candidates(ent, eligible)
        count = len(ent.components)
        names = [f"__limit{i}" for i in range(count)]
        limits = decided.with_columns(
            pl.lit(None, dtype=pl.Int64).alias(n)
            for n in names
            if n not in decided.columns
        ).select(names)
        cap = (
            decided.get_column("__cap").cast(pl.Int64).fill_null(UNLIMITED)
            if "__cap" in decided.columns
            else pl.repeat(
                UNLIMITED, decided.height, dtype=pl.Int64, eager=True
            )
        )
        chosen = choose(
            candidates,
            contested(
                candidates,
                several,
                n_families=self.n_families,
                limits=limits,
                cap=cap,
                one_per_member=ent.one_per_member,
            ),
            n_families=self.n_families,
            n_members=self.n_members,
            components=count,
            limits=limits,
            cap=cap,
            one_per_member=ent.one_per_member,
        )
        chosen = self._with_shares(ent, chosen)
        return chosen.select(
            "__fam",
            *(
                pl.when(pl.col("__comp") == i)
                .then(pl.col("value"))
                .otherwise(_ZERO)
                .alias(f"amount.{c.code}")
                for i, c in enumerate(ent.components)
            ),
            *(
                pl.col(f"__share{p}").alias(f"period.{period}")
                for p, period in enumerate(self.plan.periods)
            ),
        )

    def _candidates(
        self, ent: Entitlement, eligible: pl.DataFrame
    ) -> tuple[pl.DataFrame, pl.Series]:
        """
        Every (member, component) pair that pays, in one pass.

        With the rows of the families where a member pays under
        several components (what `contested` reads). Candidates come
        component after component, each family after family.

        A member who qualifies with an unknown amount is no candidate,
        as for the object evaluator. A monthly component carries its
        shares (``__share<p>``); a yearly one is split once chosen.
        """
        rows = self.items.member_rows
        wanted = pl.zeros(self.n_families, dtype=pl.Boolean, eager=True)
        wanted.scatter(eligible.get_column("__fam"), True)  # noqa: FBT003 - the value set
        keep = wanted.gather(rows.get_column("__fam"))
        columns: dict[str, pl.Expr] = {}
        # A value that reads no column (a parameter) stays a literal:
        # not a column of every member.
        values: dict[int, pl.Expr] = {}
        for number, c in enumerate(ent.components):
            when = self.compiler.compile(c.when, collection="members")
            if c.per == "month":
                groups = monthly_groups(
                    self.params, c.amount, self.on.year, self.values
                )
                shares = monthly_shares(
                    self.compiler,
                    c.amount,
                    groups,
                    self.plan,
                    collection="members",
                )
                value = pl.sum_horizontal(*shares, ignore_nulls=False)
                for p, share in enumerate(shares):
                    columns[f"__c{number}_share{p}"] = share
            else:
                value = self.compiler.compile(
                    c.amount, collection="members"
                ).cast(pl.Int64)
            if c.per == "year" and isinstance(c.amount, (Const, Param)):
                values[number] = value
            else:
                columns[f"__c{number}_value"] = value
                values[number] = pl.col(f"__c{number}_value")
            columns[f"__c{number}_when"] = when
        count = len(ent.components)
        pays = {
            f"__c{n}_pays": pl.col(f"__c{n}_when").fill_null(value=False)
            & (values[n] > 0).fill_null(value=False)
            for n in range(count)
        }
        paying = pl.sum_horizontal(pl.col(p).cast(pl.Int8) for p in pays)
        wide = (
            rows.lazy()
            .filter(keep)
            .select("__fam", "__mem", "__index", **columns)
            .with_columns(**pays)
            .with_columns(paying.alias("__pays"))
            .collect()
        )
        several = wide.filter(pl.col("__pays") > 1).get_column("__fam")
        frames = []
        for number, c in enumerate(ent.components):
            shares = [
                pl.col(f"__c{number}_share{p}").alias(f"__share{p}")
                for p in range(len(self.plan.periods))
                if c.per == "month"
            ]
            frames.append(
                wide.filter(pl.col(f"__c{number}_pays")).select(
                    "__fam",
                    "__mem",
                    "__index",
                    pl.lit(number, dtype=pl.Int64).alias("__comp"),
                    values[number].alias("value"),
                    *shares,
                )
            )
        return pl.concat(frames, how="diagonal"), several

    def _with_shares(
        self, ent: Entitlement, chosen: pl.DataFrame
    ) -> pl.DataFrame:
        """
        The chosen awards with every period's share.

        A yearly amount is split by the plan's weights, once per
        distinct amount (the split depends on the amount alone).
        """
        shares = [f"__share{p}" for p in range(len(self.plan.periods))]
        yearly = [i for i, c in enumerate(ent.components) if c.per == "year"]
        is_yearly = pl.col("__comp").is_in(yearly)
        parts = []
        if len(yearly) < len(ent.components):
            parts.append(
                chosen.filter(~is_yearly).select(
                    "__fam", "__comp", "value", *shares
                )
            )
        if yearly:
            paid = chosen.filter(is_yearly).select("__fam", "__comp", "value")
            split = split_shares(pl.col("value"), self.plan.weights)
            table = (
                paid.select("value")
                .unique()
                .with_columns(
                    s.alias(n) for s, n in zip(split, shares, strict=True)
                )
            )
            parts.append(paid.join(table, on="value", how="left"))
        return pl.concat(parts, how="vertical")

    def _grants(
        self, ent: Entitlement, eligible: pl.DataFrame
    ) -> list[pl.DataFrame]:
        found = []
        periods = self.plan.periods
        for i, grant in enumerate(ent.grants):
            when = f"__grant{i}"
            if when not in eligible.columns:
                continue
            if grant.per == "year":
                value = pl.col(f"__grant{i}_value")
                shares = (
                    [value] + [_ZERO] * (len(periods) - 1)
                    if grant.paid == "first_tahap"
                    else split_shares(value, self.plan.weights)
                )
            else:
                shares = [
                    pl.col(f"__grant{i}_share{p}") for p in range(len(periods))
                ]
                value = pl.sum_horizontal(*shares, ignore_nulls=False)
                if grant.paid == "first_tahap":
                    shares = [value] + [_ZERO] * (len(periods) - 1)
            found.append(
                eligible.filter(pl.col(when).fill_null(value=False))
                .with_columns(value.alias("__value"))
                .filter(pl.col("__value") > 0)
                .select(
                    "__fam",
                    pl.col("__value").alias(f"amount.{grant.code}"),
                    *(
                        s.alias(f"period.{p}")
                        for s, p in zip(shares, periods, strict=True)
                    ),
                )
            )
        return found

    def result(self) -> pl.DataFrame:
        """The result table, one row per family, in input order."""
        decided = self.decided()
        awards = self.awards(decided)
        ent = self.entry.program.entitlement
        codes = [] if ent is None else self._codes(ent)
        periods = [f"period.{p}" for p in self.plan.periods]
        if awards is not None:
            decided = decided.hstack(awards)
        money = [
            (pl.col(c) if c in decided.columns else _ZERO)
            .fill_null(0)
            .cast(pl.Int64)
            .alias(c)
            for c in codes + periods
        ]
        region = pl.col("region").str.replace_all(".", "", literal=True)
        return decided.with_columns(money).select(
            pl.col("family_id").cast(pl.String),
            pl.lit(self.entry.code).alias("program"),
            pl.lit(self.on).alias("on"),
            "verdict",
            pl.col("failed").cast(pl.List(pl.String)),
            pl.col("unknown").cast(pl.List(pl.String)),
            pl.sum_horizontal(*(pl.col(p) for p in periods))
            .cast(pl.Int64)
            .alias("total"),
            *codes,
            *periods,
            region.str.slice(0, 2).alias("province"),
            pl.col("decile").cast(pl.Int64),
        )


def evaluate(
    tables: Tables,
    entry: CatalogueEntry,
    *,
    on: dt.date,
    reform: Reform | None = None,
) -> pl.DataFrame:
    """
    Decide a programme for every family of `tables`, in columns.

    Args:
        tables: The population in the layout of `Tables` (optional
            columns may be left out: they are unknown), with rows
            `from_tables` accepts; a row it would reject is decided
            as read, not refused.
        entry: The programme, e.g. ``dayasos.programs.get("PKH")``.
        on: The date of the decisions.
        reform: Overrides applied on top of the shipped parameters.

    Returns:
        One row per family, in input order: ``family_id``, ``program``,
        ``on``, ``verdict``, ``failed``, ``unknown``, ``total``,
        ``amount.<code>`` per component and grant, ``period.<code>``
        per period of the year, ``province`` and ``decile``.

    Raises:
        NotSupported: ``columnar.not_supported`` when the rules hold
            a node the columnar evaluator does not compile.
        ParameterError: when a parameter is not in force on `on`.

    .. versionadded:: 0.1.0
    """
    return _Run(tables, entry, on, parameters_of(entry, reform)).result()
