"""
PKH side by side: dayasos against the same rules in OpenFisca.

The PKH rules of 2020 are written below as a minimal OpenFisca
tax-benefit system: entities ``person`` and ``household`` (the family),
parameters for the amounts, ages, limits and the cap, person variables
for each component, the member's best component, the per-component
limits and the top-4 cap, and household variables for eligibility
(decile 1-4, no state employee, not graduated from PKH, a component)
and the yearly total for 2020.

The allocation is written the simple vectorised way: each member keeps
its highest component; a component pays its first ``max`` members
(in family order); the family counts its four highest amounts. dayasos
chooses greedily over every (member, component) pair, so a member
refused by a full component falls back to its next one. The two agree
unless that happens: families where a member with two or more
components is refused by a full component are left out of the
comparison (``ambiguous``, counted in the output).

The families are those of `dayasos.synthetic` (seed 2020, as of the
decision date 2020-07-21). Every case runs in its own process, so its
peak RSS is its own:

- ``single``: one family with several components, decided again and
  again: `CatalogueEntry.decide` (the full decision, explanation
  included) against OpenFisca's
  ``SimulationBuilder().build_from_entities`` and ``calculate``;
  each side's time per family is the fastest of five rounds (2,000
  decisions a round for dayasos, 200 simulations for OpenFisca);
- ``batch``: N families: `dayasos.batch.evaluate` on polars tables
  against OpenFisca's vectorised simulation built from arrays (the
  conversion of the tables to arrays is timed apart, as ``prep``).

Totals are asserted equal, family by family and in sum.

Run: ``python benchmarks/bench_openfisca.py [sizes ...]``
(default 10000 100000), with openfisca-core installed
(the ``bench`` dependency group).
"""

from __future__ import annotations

import datetime as dt
import pathlib
import resource
import subprocess
import sys
import tempfile
import time
import timeit
import types
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt
    from openfisca_core.parameters import ParameterNodeAtInstant
    from openfisca_core.periods import Period
    from openfisca_core.populations import GroupPopulation, Population
    from openfisca_core.simulations import Simulation
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem

    from dayasos.batch import Tables

    Array = npt.NDArray[Any]
    Parameters = Callable[[Period], ParameterNodeAtInstant]


SEED = 2020
ON = dt.date(2020, 7, 21)
YEAR = "2020"
SAMPLE = 2_000
DAYASOS_REPEAT = 2_000
OPENFISCA_REPEAT = 200
#: Single family: each side's time is the fastest of this many rounds.
ROUNDS = 5

#: Component order: ties of amount go to the earlier one, as in dayasos.
COMPONENTS = (
    "ibu_hamil",
    "anak_usia_dini",
    "sd",
    "smp",
    "sma",
    "disabilitas_berat",
    "lansia",
)
#: School levels as integer codes of the ``school_level`` input.
SCHOOL = {"sd": 1, "smp": 2, "sma": 3}
STATE_EMPLOYERS = ("pns", "pppk", "tni", "polri", "bumn", "bumd")
STATE_EMPLOYERS += ("pejabat_negara",)
NO_LIMIT = 10**6


def _peak_mib() -> float:
    """
    Peak resident memory of this process, MiB (Linux).

    ``VmHWM`` rather than ``ru_maxrss``: the latter keeps, across
    ``exec``, the peak of the forked copy of the (large) parent.
    """
    status = pathlib.Path("/proc/self/status").read_text(encoding="utf-8")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _parameters() -> dict[str, Any]:
    """The PKH parameters of 2020, as an OpenFisca parameter tree."""
    since = "2019-01-01"

    def value(number: int) -> dict[str, Any]:
        return {"values": {since: number}}

    amounts = {
        "ibu_hamil": 3_000_000,
        "anak_usia_dini": 3_000_000,
        "sd": 900_000,
        "smp": 1_500_000,
        "sma": 2_000_000,
        "disabilitas_berat": 2_400_000,
        "lansia": 2_400_000,
    }
    limits = {
        "ibu_hamil": 2,
        "anak_usia_dini": 2,
        "sd": NO_LIMIT,
        "smp": NO_LIMIT,
        "sma": NO_LIMIT,
        "disabilitas_berat": 1,
        "lansia": 1,
    }
    return {
        "pkh": {
            "amount": {k: value(v) for k, v in amounts.items()},
            "limit": {k: value(v) for k, v in limits.items()},
            "age": {
                "anak_usia_dini": value(6),
                "school_min": value(6),
                "school_max": value(21),
                "lansia": value(60),
            },
            "max_decile": value(4),
            "max_members": value(4),
        }
    }


def build_system() -> TaxBenefitSystem:  # noqa: C901, PLR0915 - one system, many rules
    """The minimal OpenFisca tax-benefit system of PKH 2020."""
    import numpy as np  # noqa: PLC0415 - imported by the child only
    from openfisca_core.entities import build_entity  # noqa: PLC0415 - imported where needed
    from openfisca_core.parameters import ParameterNode  # noqa: PLC0415 - imported where needed
    from openfisca_core.periods import DateUnit  # noqa: PLC0415 - imported where needed
    from openfisca_core.taxbenefitsystems import (  # noqa: PLC0415 - imported where needed
        TaxBenefitSystem,
    )
    from openfisca_core.variables import Variable  # noqa: PLC0415 - imported where needed

    person_entity = build_entity(
        key="person",
        plural="persons",
        label="Person",
        is_person=True,
    )
    household_entity = build_entity(
        key="household",
        plural="households",
        label="Family (keluarga)",
        roles=[{"key": "member", "plural": "members", "label": "Member"}],
    )

    def _rank(
        population: Population,
        groups: tuple[Array, ...],
        keys: tuple[Array, ...],
    ) -> Array:
        """
        Each person's 0-based rank within its family and `groups`.

        Persons are ordered by `keys`, then by their place in the family.
        """
        household = population.simulation.populations["household"]
        family = household.members_entity_id
        position = household.members_position
        order = np.lexsort(
            (position, *reversed(keys), *reversed(groups), family)
        )
        index = np.arange(order.size)
        start = np.zeros(order.size, dtype=bool)
        start[:1] = True
        for column in (family, *groups):
            ordered = column[order]
            start[1:] |= ordered[1:] != ordered[:-1]
        first = np.maximum.accumulate(np.where(start, index, 0))
        rank = np.empty(order.size, dtype=np.int64)
        rank[order] = index - first
        return rank

    class birth_date(Variable):  # noqa: N801 - OpenFisca naming
        value_type = dt.date
        entity = person_entity
        definition_period = DateUnit.ETERNITY
        label = "Birth date"

    class expecting(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Pregnant or postpartum (nifas)"

    class school_level(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "School level: 0 none or other, 1 SD, 2 SMP, 3 SMA"

    class enrolled(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Enrolled in school"

    class severe_disability(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Has a severe disability (berat)"

    class state_employee(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Employed by the state (PNS, PPPK, TNI, Polri, BUMN...)"

    class decile(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = household_entity
        definition_period = DateUnit.YEAR
        label = "Welfare decile (DTKS)"

    class graduated(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = household_entity
        definition_period = DateUnit.YEAR
        label = "Graduated from PKH before the decision date"

    class age(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Age in whole years on the decision date"

        def formula(person: Population, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            birth = person("birth_date", period).astype("datetime64[D]")
            months = birth.astype("datetime64[M]")
            year = birth.astype("datetime64[Y]").astype(int) + 1970
            month = months.astype(int) % 12 + 1
            day = (birth - months).astype(int) + 1
            before = (month > ON.month) | (
                (month == ON.month) & (day > ON.day)
            )
            return ON.year - year - before

    def _pupil(
        person: Population, period: Period, parameters: Parameters, level: str
    ) -> Array:
        ages = parameters(period).pkh.age
        years = person("age", period)
        return (
            (person("school_level", period) == SCHOOL[level])
            * person("enrolled", period)
            * (years >= ages.school_min)
            * (years <= ages.school_max)
        )

    def _component(
        name: str, when: Callable[[Population, Period, Parameters], Array]
    ) -> type[Variable]:
        def formula(
            person: Population, period: Period, parameters: Parameters
        ) -> Array:
            amount = parameters(period).pkh.amount[name]
            return when(person, period, parameters) * amount

        return type(
            f"pkh_{name}",
            (Variable,),
            {
                "value_type": int,
                "entity": person_entity,
                "definition_period": DateUnit.YEAR,
                "label": f"PKH component {name}, rupiah a year",
                "formula": formula,
            },
        )

    components = [
        _component(
            "ibu_hamil",
            lambda p, t, _: p("expecting", t),
        ),
        _component(
            "anak_usia_dini",
            lambda p, t, q: p("age", t) <= q(t).pkh.age.anak_usia_dini,
        ),
        _component("sd", lambda p, t, q: _pupil(p, t, q, "sd")),
        _component("smp", lambda p, t, q: _pupil(p, t, q, "smp")),
        _component("sma", lambda p, t, q: _pupil(p, t, q, "sma")),
        _component(
            "disabilitas_berat",
            lambda p, t, _: p("severe_disability", t),
        ),
        _component(
            "lansia",
            lambda p, t, q: p("age", t) >= q(t).pkh.age.lansia,
        ),
    ]

    def _stack(person: Population, period: Period) -> Array:
        return np.stack([person(f"pkh_{c}", period) for c in COMPONENTS])

    class pkh_best_component(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "The member's highest component (index; ties: order)"

        def formula(person: Population, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            return np.argmax(_stack(person, period), axis=0)

    class pkh_best_amount(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "The member's highest component amount"

        def formula(person: Population, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            return np.max(_stack(person, period), axis=0)

    class pkh_within_limit(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Among the first members of its component (max_count)"

        def formula(
            person: Population,  # noqa: N805 - OpenFisca's signature
            period: Period,
            parameters: Parameters,
        ) -> Array:
            limits = parameters(period).pkh.limit
            table = np.array([limits[c] for c in COMPONENTS])
            best = person("pkh_best_component", period)
            paid = person("pkh_best_amount", period) > 0
            rank = _rank(person, (np.where(paid, best, -1),), ())
            return paid & (rank < table[best])

    class pkh_refused_with_alternative(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "Refused by a full component while having another"

        def formula(person: Population, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            paid = person("pkh_best_amount", period) > 0
            count = (_stack(person, period) > 0).sum(axis=0)
            return paid & ~person("pkh_within_limit", period) & (count > 1)

    class pkh_counted_amount(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = person_entity
        definition_period = DateUnit.YEAR
        label = "The member's amount if among the family's highest four"

        def formula(
            person: Population,  # noqa: N805 - OpenFisca's signature
            period: Period,
            parameters: Parameters,
        ) -> Array:
            cap = parameters(period).pkh.max_members
            amount = np.where(
                person("pkh_within_limit", period),
                person("pkh_best_amount", period),
                0,
            )
            best = person("pkh_best_component", period)
            rank = _rank(person, (), (-amount, best))
            return np.where((amount > 0) & (rank < cap), amount, 0)

    class pkh_eligible(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = household_entity
        definition_period = DateUnit.YEAR
        label = "Eligible for PKH"

        def formula(
            household: GroupPopulation,  # noqa: N805 - OpenFisca's signature
            period: Period,
            parameters: Parameters,
        ) -> Array:
            members = household.members
            return (
                (
                    household("decile", period)
                    <= parameters(period).pkh.max_decile
                )
                * ~household.any(members("state_employee", period))
                * ~household("graduated", period)
                * household.any(members("pkh_best_amount", period) > 0)
            )

    class pkh_ambiguous(Variable):  # noqa: N801 - OpenFisca naming
        value_type = bool
        entity = household_entity
        definition_period = DateUnit.YEAR
        label = "A member falls back to another component (left out)"

        def formula(household: GroupPopulation, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            return household.any(
                household.members("pkh_refused_with_alternative", period)
            )

    class pkh_total(Variable):  # noqa: N801 - OpenFisca naming
        value_type = int
        entity = household_entity
        definition_period = DateUnit.YEAR
        label = "PKH for the year, rupiah"

        def formula(household: GroupPopulation, period: Period) -> Array:  # noqa: N805 - OpenFisca's signature
            counted = household.sum(
                household.members("pkh_counted_amount", period)
            )
            return household("pkh_eligible", period) * counted

    system = TaxBenefitSystem([person_entity, household_entity])
    system.parameters = ParameterNode("", data=_parameters())
    for variable in (
        birth_date,
        expecting,
        school_level,
        enrolled,
        severe_disability,
        state_employee,
        decile,
        graduated,
        age,
        *components,
        pkh_best_component,
        pkh_best_amount,
        pkh_within_limit,
        pkh_refused_with_alternative,
        pkh_counted_amount,
        pkh_eligible,
        pkh_ambiguous,
        pkh_total,
    ):
        system.add_variable(variable)
    return system


def _sample() -> Tables:
    """The tables of the first `SAMPLE` families, as of the decision date."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    from dayasos.batch import Tables  # noqa: PLC0415 - imported where needed
    from dayasos.synthetic import generate_tables  # noqa: PLC0415 - imported where needed

    chunks = list(generate_tables(SAMPLE, seed=SEED, as_of=ON))
    return Tables(
        families=pl.concat([c.families for c in chunks]),
        members=pl.concat([c.members for c in chunks]),
        memberships=pl.concat([c.memberships for c in chunks]),
    )


def _read(directory: str) -> types.SimpleNamespace:
    """
    The tables written under `directory`, as plain polars frames.

    Plain frames, so that the OpenFisca side does not import dayasos.
    """
    import polars as pl  # noqa: PLC0415 - imported where needed

    return types.SimpleNamespace(
        families=pl.read_parquet(f"{directory}/families.parquet"),
        members=pl.read_parquet(f"{directory}/members.parquet"),
        memberships=pl.read_parquet(f"{directory}/memberships.parquet"),
    )


def _dayasos_tables(frames: types.SimpleNamespace) -> Tables:
    """The frames as `dayasos.batch.Tables`."""
    from dayasos.batch import Tables  # noqa: PLC0415 - imported where needed

    return Tables(
        families=frames.families,
        members=frames.members,
        memberships=frames.memberships,
    )


def _inputs(tables: types.SimpleNamespace) -> dict[str, Array]:
    """The OpenFisca inputs, as numpy arrays, from the tables."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    graduated = (
        tables.memberships.filter(
            (pl.col("program") == "PKH")
            & (pl.col("state") == "graduated")
            & (pl.col("since") < ON)
        )
        .select("family_id")
        .unique()
        .with_columns(graduated=pl.lit(value=True))
    )
    families = tables.families.join(
        graduated, on="family_id", how="left"
    ).with_columns(pl.col("graduated").fill_null(value=False))
    members = tables.members.select(
        "family_id",
        "person_id",
        "birth_date",
        expecting=pl.col("pregnancy").is_in(["pregnant", "postpartum"]),
        school_level=pl.col("school_level")
        .replace_strict(SCHOOL, default=0, return_dtype=pl.Int64)
        .fill_null(0),
        enrolled=pl.col("enrolled").fill_null(value=False),
        severe_disability=(
            pl.col("disability_severity") == "severe"
        ).fill_null(value=False),
        state_employee=pl.col("state_employment").is_in(STATE_EMPLOYERS),
    )
    columns = {
        name: members[name].to_numpy()
        for name in (
            "expecting",
            "school_level",
            "enrolled",
            "severe_disability",
            "state_employee",
        )
    }
    return {
        "family_ids": families["family_id"].to_numpy(),
        "decile": families["decile"].to_numpy().astype(int),
        "graduated": families["graduated"].to_numpy(),
        "person_ids": members["person_id"].to_numpy(),
        "person_family": members["family_id"].to_numpy(),
        "birth_date": members["birth_date"].to_numpy(),
        **columns,
    }


def _simulation(
    system: TaxBenefitSystem, data: dict[str, Array]
) -> Simulation:
    """A vectorised OpenFisca simulation of every family at once."""
    from openfisca_core.simulations import (  # noqa: PLC0415 - imported where needed
        SimulationBuilder,
    )

    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", data["person_ids"])
    households = builder.declare_entity("household", data["family_ids"])
    builder.join_with_persons(
        households,
        data["person_family"],
        ["member"] * len(data["person_ids"]),
    )
    simulation = builder.build(system)
    simulation.set_input("birth_date", "ETERNITY", data["birth_date"])
    for name in (
        "expecting",
        "school_level",
        "enrolled",
        "severe_disability",
        "state_employee",
        "decile",
        "graduated",
    ):
        simulation.set_input(name, YEAR, data[name])
    return simulation


def _situation(data: dict[str, Array]) -> dict[str, Any]:
    """The single-family situation dictionary of OpenFisca."""
    persons = {
        str(pid): {
            "birth_date": {"ETERNITY": str(data["birth_date"][i])[:10]},
            **{
                name: {YEAR: data[name][i].item()}
                for name in (
                    "expecting",
                    "school_level",
                    "enrolled",
                    "severe_disability",
                    "state_employee",
                )
            },
        }
        for i, pid in enumerate(data["person_ids"])
    }
    family = str(data["family_ids"][0])
    return {
        "persons": persons,
        "households": {
            family: {
                "members": list(persons),
                "decile": {YEAR: int(data["decile"][0])},
                "graduated": {YEAR: bool(data["graduated"][0])},
            }
        },
    }


def _write_one_family(tables: Tables, family_id: str, directory: str) -> None:
    """Write the tables of one family under `directory`."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    pathlib.Path(directory).mkdir()
    keep = pl.col("family_id") == family_id
    for name in ("families", "members", "memberships"):
        frame = getattr(tables, name).filter(keep)
        frame.write_parquet(f"{directory}/{name}.parquet")


def _best(run: Callable[[], object], repeat: int) -> float:
    """
    Seconds per call: the fastest of `ROUNDS` rounds of `repeat` calls.

    The fastest round is the one least disturbed by the rest of the
    machine (as `timeit` recommends); both sides are timed so.
    """
    return min(timeit.repeat(run, repeat=ROUNDS, number=repeat)) / repeat


def run_case(side: str, case: str, argument: str, out: str) -> None:
    """Time one side of one case in this process and print one line."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    if case == "single":
        tables = _read(argument)
        if side == "dayasos":
            from dayasos.batch import from_tables  # noqa: PLC0415 - imported where needed
            from dayasos.programs import get  # noqa: PLC0415 - imported where needed

            entry = get("PKH")
            (family,), _ = from_tables(_dayasos_tables(tables))
            decision = entry.decide(family, on=ON)
            each = _best(lambda: entry.decide(family, on=ON), DAYASOS_REPEAT)
            total = decision.total.amount if decision.total else 0
        else:
            from openfisca_core.simulations import (  # noqa: PLC0415 - imported where needed
                SimulationBuilder,
            )

            system = build_system()
            situation = _situation(_inputs(tables))

            def simulate() -> Any:  # noqa: ANN401 - an OpenFisca array
                simulation = SimulationBuilder().build_from_entities(
                    system, situation
                )
                return simulation.calculate("pkh_total", YEAR)

            total = int(simulate()[0])
            each = _best(simulate, OPENFISCA_REPEAT)
        print(
            f"  {side:<9} single  {each * 1e6:10,.0f} µs/family  "
            f"total {total:>10,}  peak RSS {_peak_mib():7.1f} MiB"
        )
        pathlib.Path(out).write_text(f"{each}\n", encoding="utf-8")
        return
    tables = _read(argument)
    size = tables.families.height
    prep = 0.0
    if side == "dayasos":
        from dayasos.batch import evaluate  # noqa: PLC0415 - imported where needed
        from dayasos.programs import get  # noqa: PLC0415 - imported where needed

        tables = _dayasos_tables(tables)
        start = time.perf_counter()
        result = evaluate(tables, get("PKH"), on=ON)
        elapsed = time.perf_counter() - start
        frame = result.select(
            "family_id",
            "verdict",
            total=pl.col("total").fill_null(0),
        )
    else:
        system = build_system()
        start = time.perf_counter()
        data = _inputs(tables)
        prep = time.perf_counter() - start
        start = time.perf_counter()
        simulation = _simulation(system, data)
        totals = simulation.calculate("pkh_total", YEAR)
        ambiguous = simulation.calculate("pkh_ambiguous", YEAR)
        elapsed = time.perf_counter() - start
        frame = pl.DataFrame(
            {
                "family_id": data["family_ids"],
                "total": totals.astype("int64"),
                "ambiguous": ambiguous,
            }
        )
    frame.write_parquet(out)
    print(
        f"  {side:<9} {size:>9,} families  {elapsed:7.2f} s  "
        f"{size / elapsed:>11,.0f} families/s  "
        + (f"(prep {prep:.2f} s)  " if prep else "")
        + f"peak RSS {_peak_mib():7.1f} MiB"
    )
    pathlib.Path(out + ".time").write_text(f"{elapsed}\n", encoding="utf-8")


def _child(side: str, case: str, argument: str, out: str) -> float:
    """Run one side in a fresh process; its time in seconds."""
    subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--case", side, case, argument, out],
        check=True,
    )
    path = pathlib.Path(out if case == "single" else out + ".time")
    return float(path.read_text(encoding="utf-8"))


def _sample_family(tables: Tables) -> str:
    """A family of the sample with the most components, eligible."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    from dayasos.batch import evaluate  # noqa: PLC0415 - imported where needed
    from dayasos.programs import get  # noqa: PLC0415 - imported where needed

    result = evaluate(tables, get("PKH"), on=ON)
    amounts = [f"amount.{c}" for c in COMPONENTS]
    best = (
        result.filter(pl.col("verdict") == "eligible")
        .with_columns(
            paid=pl.sum_horizontal(pl.col(a).fill_null(0) > 0 for a in amounts)
        )
        .sort(["paid", "total"], descending=True)
    )
    return str(best["family_id"][0])


def _compare(directory: pathlib.Path) -> tuple[int, int, int]:
    """Assert equal totals; (families compared, left out, sum)."""
    import polars as pl  # noqa: PLC0415 - imported where needed

    ours = pl.read_parquet(directory / "dayasos.parquet")
    theirs = pl.read_parquet(directory / "openfisca.parquet")
    both = ours.join(theirs, on="family_id", suffix="_of", how="full")
    if both.height != ours.height or both["family_id"].null_count():
        msg = "the two sides do not hold the same families"
        raise AssertionError(msg)
    unknown = both.filter(pl.col("verdict") == "unknown").height
    if unknown:
        msg = f"{unknown} families undecided by dayasos"
        raise AssertionError(msg)
    kept = both.filter(~pl.col("ambiguous"))
    differ = kept.filter(pl.col("total") != pl.col("total_of"))
    if differ.height:
        msg = f"{differ.height} families differ:\n{differ.head(5)}"
        raise AssertionError(msg)
    if kept["total"].sum() != kept["total_of"].sum():
        msg = "the sums differ"
        raise AssertionError(msg)
    return kept.height, both.height - kept.height, int(kept["total"].sum())


def main(argv: list[str]) -> None:
    """Run every case, each side in a fresh process, and the ratios."""
    if argv[:1] == ["--case"]:
        run_case(*argv[1:5])
        return
    from dayasos.synthetic import write_parquet  # noqa: PLC0415 - imported where needed

    sizes = [int(a) for a in argv] or [10_000, 100_000]
    with tempfile.TemporaryDirectory() as name:
        directory = pathlib.Path(name)
        sample = _sample()
        family = _sample_family(sample)
        single = str(directory / "single")
        _write_one_family(sample, family, single)
        del sample
        print(f"single family {family} (PKH 2020, decided on {ON})")
        times = {
            side: _child(side, "single", single, str(directory / side))
            for side in ("dayasos", "openfisca")
        }
        print(
            f"  time openfisca / time dayasos, single: "
            f"{times['openfisca'] / times['dayasos']:.1f}x"
        )
        for size in sizes:
            population = directory / f"n{size}"
            write_parquet(population, size, seed=SEED, as_of=ON)
            print(f"{size:,} families (PKH 2020, decided on {ON})")
            times = {
                side: _child(
                    side,
                    "batch",
                    str(population),
                    str(directory / f"{side}.parquet"),
                )
                for side in ("dayasos", "openfisca")
            }
            kept, left_out, total = _compare(directory)
            print(
                f"  totals equal on {kept:,} families "
                f"(sum Rp {total:,}; {left_out:,} ambiguous left out)"
            )
            print(
                f"  time openfisca / time dayasos, batch: "
                f"{times['openfisca'] / times['dayasos']:.1f}x"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
