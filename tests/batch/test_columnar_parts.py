"""The columnar evaluator's parts: logic, splits, limits, refusals."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.batch import (
    NotSupported,
    Tables,
    evaluate,
    evaluate_all,
    programs_running,
    to_tables,
)
from dayasos.batch._columnar_entitlement import (
    choose,
    contested,
    family_totals,
    split_shares,
)
from dayasos.batch._columnar_items import (
    keyed,
    place_in_family,
    segment_sums,
)
from dayasos.errors import DayasosError, ParameterError
from dayasos.ids import Sex
from dayasos.l10n import format_error, list_codes
from dayasos.model import (
    Disability,
    Family,
    FamilyMember,
    Person,
    Relation,
    StateEmployment,
)
from dayasos.money import Rupiah, allocate
from dayasos.periods import age_on, latest_birth_date
from dayasos.programs import get
from dayasos.rules import (
    Criterion,
    Program,
    age_of,
    any_of,
    each,
    root,
    sum_largest,
)


KLEENE_AND = {
    (True, True): True,
    (True, False): False,
    (True, None): None,
    (False, False): False,
    (False, None): False,
    (None, None): None,
}
KLEENE_OR = {
    (True, True): True,
    (True, False): True,
    (True, None): True,
    (False, False): False,
    (False, None): None,
    (None, None): None,
}


class TestKleeneInPolars:
    """Polars' operators on nullable booleans are Kleene's, as relied on."""

    def test_and_or_not_follow_kleene_tables(self):
        """Every pair of true, false and unknown combines as Kleene's."""
        values = (True, False, None)
        pairs = list(itertools.product(values, values))
        frame = pl.DataFrame(
            {"a": [a for a, _ in pairs], "b": [b for _, b in pairs]},
            schema={"a": pl.Boolean, "b": pl.Boolean},
        ).select(
            (pl.col("a") & pl.col("b")).alias("and"),
            (pl.col("a") | pl.col("b")).alias("or"),
            (~pl.col("a")).alias("not"),
        )
        expected = [
            (
                KLEENE_AND.get((a, b), KLEENE_AND.get((b, a))),
                KLEENE_OR.get((a, b), KLEENE_OR.get((b, a))),
                None if a is None else not a,
            )
            for a, b in pairs
        ]

        assert expected == frame.rows()


class TestSplitShares:
    """Yearly amounts split over the tahap as `allocate` splits them."""

    @given(
        amount=st.integers(1, 10**12),
        weights=st.lists(st.integers(0, 12), min_size=1, max_size=12).filter(
            any
        ),
    )
    def test_split_in_polars_equals_allocate(self, amount, weights):
        """Largest remainder, ties to the earlier share, no rupiah lost."""
        shares = split_shares(pl.col("v"), weights)
        actual = pl.DataFrame({"v": [amount]}).select(
            *(s.alias(str(i)) for i, s in enumerate(shares))
        )

        assert [s.amount for s in allocate(Rupiah(amount), weights)] == list(
            actual.row(0)
        )


def _person(pid, born, **kwargs):
    """A person with the fields PKH reads known."""
    return Person(
        id=pid,
        birth_date=born,
        sex=kwargs.pop("sex", Sex.FEMALE),
        state_employment=StateEmployment.NONE,
        disability=kwargs.pop("disability", Disability.none()),
        **kwargs,
    )


class TestPkhLimits:
    """The cap, each component's limit and one component per member."""

    def test_many_elderly_and_infants_are_capped_as_objects_are(self):
        """Three elderly and three infants: one lansia, two infants, cap."""
        people = [
            _person(f"p{i}", dt.date(1940 + i, 1, 1)) for i in range(3)
        ] + [_person(f"c{i}", dt.date(2019, 1 + i, 1)) for i in range(3)]
        family = Family(
            id="f1",
            decile=1,
            memberships=[],
            members=[
                FamilyMember(
                    person=p,
                    relation=Relation.HEAD if i == 0 else Relation.OTHER,
                )
                for i, p in enumerate(people)
            ],
        )
        on = dt.date(2021, 7, 1)
        result = evaluate(to_tables([family]), get("PKH"), on=on)
        decision = get("PKH").decide(family, on=on)

        assert decision.total.amount == result.get_column("total").item()
        assert 3 == len(decision.awards)


class TestRefusals:
    """What is not compiled is refused, never decided wrongly."""

    def test_a_node_without_a_columnar_form_raises_not_supported(self):
        """sum_largest names its node kind in a DayasosError."""
        family, member = root(Family), each(FamilyMember)
        program = Program(
            code="TOPK",
            entity=Family,
            reference=get("PKH").program.reference,
            criteria=[
                Criterion(
                    "topk.some",
                    sum_largest(
                        family.members, member.person.pregnancy_number, 2
                    )
                    >= 1,
                )
            ],
        )
        entry = attrs.evolve(get("PKH"), code="TOPK", program=program)

        with pytest.raises(NotSupported) as caught:
            evaluate(Tables.empty(), entry, on=dt.date(2021, 1, 1))
        assert isinstance(caught.value, DayasosError)
        assert "columnar.not_supported" == caught.value.error_code
        assert "SumLargest" == caught.value.value

    def test_a_date_without_parameters_raises_as_the_objects_do(self):
        """BST before April 2020 has no amount in force."""
        with pytest.raises(ParameterError):
            evaluate(Tables.empty(), get("BST"), on=dt.date(2019, 6, 1))


class TestLayout:
    """The result's rows and columns."""

    def test_rows_keep_the_families_order_when_members_are_shuffled(self):
        """One row per family, in the families table's order."""
        population = [
            Family(
                id=f"f{i}",
                decile=1 + i % 10,
                memberships=[],
                members=[
                    FamilyMember(
                        person=_person("p1", dt.date(1950 + i, 1, 1)),
                        relation=Relation.HEAD,
                    )
                ],
            )
            for i in range(30)
        ]
        tables = to_tables(population)
        shuffled = attrs.evolve(
            tables,
            members=tables.members.sample(fraction=1.0, shuffle=True, seed=1),
        )
        result = evaluate(shuffled, get("PKH"), on=dt.date(2021, 3, 1))

        assert [f.id for f in population] == result.get_column(
            "family_id"
        ).to_list()
        assert [
            get("PKH").decide(f, on=dt.date(2021, 3, 1)).total.amount
            for f in population
        ] == result.get_column("total").to_list()

    def test_optional_columns_left_out_are_unknown(self):
        """Only ids, deciles and birth dates: the rest is unknown."""
        tables = Tables(
            families=pl.DataFrame(
                {"family_id": ["f1", "f2"], "decile": [1, 7]}
            ),
            members=pl.DataFrame(
                {
                    "family_id": ["f1", "f2"],
                    "person_id": ["p1", "p1"],
                    "relation": ["head", "head"],
                    "birth_date": [dt.date(1950, 1, 1)] * 2,
                }
            ),
        )
        result = evaluate(tables, get("PKH"), on=dt.date(2021, 5, 1))

        assert ["undetermined", "ineligible"] == result.get_column(
            "verdict"
        ).to_list()
        assert ["pkh.decile"] == result.get_column("failed").to_list()[1]

    def test_the_columns_name_components_grants_and_tahap(self):
        """PKH in 2020: seven components, the grant, ten tahap."""
        result = evaluate(Tables.empty(), get("PKH"), on=dt.date(2020, 7, 21))
        amounts = [c for c in result.columns if c.startswith("amount.")]
        periods = [c for c in result.columns if c.startswith("period.")]

        assert 8 == len(amounts)
        assert [f"period.2020-T{i}" for i in range(1, 11)] == periods
        assert pl.Int64 == result.schema["total"]

    def test_evaluate_all_stacks_the_programmes_running_on_the_date(self):
        """Every running family programme, one block of rows each."""
        family = Family(
            id="f1",
            decile=1,
            memberships=[],
            members=[
                FamilyMember(
                    person=_person("p1", dt.date(1950, 1, 1)),
                    relation=Relation.HEAD,
                )
            ],
        )
        on = dt.date(2020, 7, 21)
        result = evaluate_all(to_tables([family]), on=on)
        running = [e.code for e in programs_running(on)]

        assert running == result.get_column("program").to_list()
        assert "BST" in running
        assert "PROKUS" not in running


class TestCatalog:
    """The refusal reads in Indonesian and English."""

    @pytest.mark.parametrize("locale", ["id", "en"])
    def test_not_supported_has_a_message_in_each_language(self, locale):
        """The code is in both catalogs and names the node kind."""
        error = NotSupported(value="SumLargest")

        assert "columnar.not_supported" in list_codes(locale)
        assert "SumLargest" in format_error(error, locale=locale)


class TestKeyed:
    """Rows find their family's row, with or without a join."""

    @given(
        ids=st.lists(
            st.text("abc", min_size=1, max_size=3), unique=True, max_size=8
        ),
        picks=st.lists(st.integers(0, 9), max_size=20),
        order=st.sampled_from(["as_drawn", "sorted", "grouped"]),
    )
    def test_keys_equal_a_join_on_family_id(self, ids, picks, order):
        """Family after family, sorted ids or any order: the same keys."""
        if order == "sorted":
            ids = sorted(ids)
        rows = [ids[p % len(ids)] for p in picks] if ids else []
        if order == "grouped":
            rows = sorted(rows, key=ids.index)
        table = pl.DataFrame(
            {"family_id": rows, "n": list(range(len(rows)))},
            schema={"family_id": pl.String, "n": pl.Int64},
        )
        series = pl.Series("family_id", ids, dtype=pl.String)
        expected = table.join(
            series.to_frame().with_row_index("__fam"),
            on="family_id",
            how="inner",
            maintain_order="left",
        )

        found = keyed(table, series)

        assert (
            expected.sort("n").rows()
            == found.select(expected.columns).sort("n").rows()
        )
        assert found.rows() == found.sort("__fam", "n").rows()
        assert found.get_column("__fam").flags["SORTED_ASC"]
        assert found.select(place_in_family()).to_series().to_list() == (
            found.select(pl.int_range(pl.len()).over("__fam"))
            .to_series()
            .to_list()
        )


class TestSums:
    """Per-family sums by running totals equal a group-by."""

    @given(
        rows=st.lists(
            st.tuples(
                st.integers(0, 5),
                st.one_of(st.none(), st.integers(-1000, 1000)),
            ),
            max_size=30,
        ),
        huge=st.booleans(),
    )
    def test_family_totals_equal_a_group_by(self, rows, huge):
        """Any order, nulls as 0, families without rows 0, both paths."""
        # Huge amounts take the group-by: sums near 2**63, no overflow.
        scale = 2**58 // 1000 if huge else 1
        frame = pl.DataFrame(
            {
                "__fam": [f for f, _ in rows],
                "a": [None if v is None else v * scale for _, v in rows],
            },
            schema={"__fam": pl.UInt32, "a": pl.Int64},
        )
        expected = [0] * 6
        for f, v in rows:
            expected[f] += 0 if v is None else v * scale

        assert expected == family_totals(frame, ["a"], 6)["a"].to_list()

    @given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), max_size=30))
    def test_segment_sums_count_each_family(self, rows):
        """Rows family after family: counts and items per family."""
        rows = sorted(rows, key=lambda r: r[0])
        frame = pl.LazyFrame(
            {"__fam": [f for f, _ in rows], "x": [x for _, x in rows]},
            schema={"__fam": pl.Int64, "x": pl.Boolean},
        )
        expected = {}
        for f, x in rows:
            n, items = expected.get(f, (0, 0))
            expected[f] = (n + x, items + 1)

        found = segment_sums(frame, {"n": pl.col("x")}).collect()
        assert [(f, *expected[f]) for f in sorted(expected)] == found.rows()


class TestChoose:
    """Families within every limit skip the ranking, with the same awards."""

    @given(
        cells=st.lists(
            st.tuples(
                st.integers(0, 3),
                st.integers(0, 3),
                st.integers(0, 2),
                st.sampled_from([100, 200, 300]),
            ),
            max_size=25,
            unique_by=lambda c: (c[0], c[1], c[2]),
        ),
        limits=st.lists(
            st.one_of(st.none(), st.integers(0, 2)), min_size=12, max_size=12
        ),
        caps=st.lists(st.integers(0, 4), min_size=4, max_size=4),
        one_per_member=st.booleans(),
    )
    def test_settled_families_keep_what_ranking_gives(
        self, cells, limits, caps, one_per_member
    ):
        """Equal to ranking every family, whatever the limits."""
        rows = sorted(cells, key=lambda c: (c[2], c[0], c[1]))
        candidates = pl.DataFrame(
            {
                "__fam": [f for f, _, _, _ in rows],
                "__mem": [f * 4 + m for f, m, _, _ in rows],
                "__index": [m for _, m, _, _ in rows],
                "__comp": [c for _, _, c, _ in rows],
                "value": [v for _, _, _, v in rows],
            },
            schema={
                "__fam": pl.UInt32,
                "__mem": pl.UInt32,
                "__index": pl.Int64,
                "__comp": pl.Int64,
                "value": pl.Int64,
            },
        )
        table = pl.DataFrame(
            {f"__limit{c}": limits[c * 4 : c * 4 + 4] for c in range(3)},
            schema={f"__limit{c}": pl.Int64 for c in range(3)},
        )
        cap = pl.Series(caps, dtype=pl.Int64)
        members = candidates.group_by("__mem").agg(
            pl.len().alias("n"), pl.col("__fam").first()
        )
        several = members.filter(pl.col("n") > 1).get_column("__fam")
        common = {
            "n_families": 4,
            "n_members": 16,
            "components": 3,
            "limits": table,
            "cap": cap,
            "one_per_member": one_per_member,
        }
        flags = contested(
            candidates,
            several,
            n_families=4,
            limits=table,
            cap=cap,
            one_per_member=one_per_member,
        )
        everyone = pl.repeat(True, 4, dtype=pl.Boolean, eager=True)  # noqa: FBT003 - the flag

        def chosen(found):
            return sorted(found.select("__mem", "__comp").rows())

        assert chosen(choose(candidates, flags, **common)) == chosen(
            choose(candidates, everyone, **common)
        )


_AGE_OPS = ("<", "<=", ">", ">=", "==", "!=")


def _age_program(years):
    """One criterion per comparison of a member's age with `years`."""
    family, member = root(Family), each(FamilyMember)
    age = age_of(member.person.birth_date)
    tests = {
        "<": age < years,
        "<=": age <= years,
        ">": age > years,
        ">=": age >= years,
        "==": age == years,
        "!=": age != years,
    }
    program = Program(
        code="AGE",
        entity=Family,
        reference=get("PKH").program.reference,
        criteria=[
            Criterion(f"age.{i}", any_of(family.members, tests[op]))
            for i, op in enumerate(_AGE_OPS)
        ],
    )
    return attrs.evolve(get("PKH"), code="AGE", program=program)


class TestAgeByDate:
    """Ages compared with a number become birth dates compared."""

    @given(
        born=st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)),
        on=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    )
    def test_the_latest_birth_date_gives_the_age(self, born, on):
        """Born on or before `latest_birth_date(on, n)` is n or older."""
        if born > on:
            return
        years = age_on(born, on)
        for n in (years - 1, years, years + 1):
            assert (born <= latest_birth_date(on, n)) == (years >= n)

    @given(
        born=st.lists(
            st.sampled_from(
                [
                    dt.date(1960, 2, 28),
                    dt.date(1960, 2, 29),
                    dt.date(1960, 3, 1),
                    dt.date(1960, 7, 20),
                    dt.date(1960, 7, 21),
                    dt.date(1960, 7, 22),
                    dt.date(2031, 1, 1),
                ]
            ),
            min_size=1,
            max_size=6,
        ),
        on=st.sampled_from(
            [
                dt.date(2020, 2, 28),
                dt.date(2020, 2, 29),
                dt.date(2020, 3, 1),
                dt.date(2021, 2, 28),
                dt.date(2020, 7, 21),
            ]
        ),
        years=st.integers(58, 62),
    )
    def test_every_comparison_equals_the_objects(self, born, on, years):
        """Each operator, on anniversaries and 29 February, as decided."""
        entry = _age_program(years)
        families = [
            Family(
                id=f"f{i}",
                decile=1,
                memberships=[],
                members=[
                    FamilyMember(
                        person=_person(f"p{i}", day), relation=Relation.HEAD
                    )
                ],
            )
            for i, day in enumerate(born)
        ]
        result = evaluate(to_tables(families), entry, on=on)
        for family, row in zip(
            families, result.iter_rows(named=True), strict=True
        ):
            outcomes = {
                c.code: c.outcome.value
                for c in entry.decide(family, on=on).criteria
            }
            assert [c for c, o in outcomes.items() if o == "fail"] == row[
                "failed"
            ]
            assert [c for c, o in outcomes.items() if o == "unknown"] == row[
                "unknown"
            ]
