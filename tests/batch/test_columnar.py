"""The columnar evaluator decides every family as the objects are decided."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dayasos.batch import (
    evaluate,
    to_tables,
)
from dayasos.errors import ParameterError
from dayasos.model import (
    BusinessKind,
    Family,
    GraduationKind,
    Membership,
    MicroBusiness,
)
from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import catalogue, get
from dayasos.synthetic import generate
from dayasos.testing.strategies import families


FAMILY_PROGRAMS = [e.code for e in catalogue() if e.entity is Family]
DATES = st.sampled_from(
    [
        dt.date(2019, 1, 1),
        dt.date(2019, 7, 15),
        dt.date(2020, 4, 1),
        dt.date(2020, 7, 21),
        dt.date(2020, 12, 31),
        dt.date(2021, 1, 1),
        dt.date(2021, 6, 30),
        dt.date(2022, 3, 1),
    ]
) | st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31))
POPULATIONS = st.lists(
    families(), min_size=1, max_size=6, unique_by=lambda f: f.id
)


def expected_row(entry, family, on, reform=None):
    """The object evaluator's decision, in the columnar result's terms."""
    decision = entry.decide(family, on=on, reform=reform)
    amounts = {
        f"amount.{c.code}": 0
        for c in (
            *entry.program.entitlement.components,
            *entry.program.entitlement.grants,
        )
    }
    for award in decision.awards:
        amounts[f"amount.{award.component}"] += award.amount.amount
    return {
        "family_id": family.id,
        "verdict": decision.verdict.value,
        "failed": [
            c.code for c in decision.criteria if c.outcome.value == "fail"
        ],
        "unknown": [
            c.code for c in decision.criteria if c.outcome.value == "unknown"
        ],
        "total": decision.total.amount,
        **amounts,
        **{f"period.{p}": share.amount for p, share in decision.totals},
    }


def assert_same(entry, population, on, reform=None):
    """Columnar and object results agree for every family."""
    try:
        expected = [expected_row(entry, f, on, reform) for f in population]
    except ParameterError:
        with pytest.raises(ParameterError):
            evaluate(to_tables(population), entry, on=on, reform=reform)
        return
    result = evaluate(to_tables(population), entry, on=on, reform=reform)
    actual = [
        {k: row[k] for k in want}
        for want, row in zip(
            expected, result.iter_rows(named=True), strict=True
        )
    ]

    assert expected == actual
    assert len(population) == result.height


class TestEquivalence:
    """Columnar results equal the object evaluator's, family by family."""

    @pytest.mark.parametrize("code", FAMILY_PROGRAMS)
    @settings(max_examples=40, deadline=None)
    @given(population=POPULATIONS, on=DATES)
    def test_generated_families_are_decided_alike(self, code, population, on):
        """Verdicts, reasons, amounts and periods agree on any families."""
        assert_same(get(code), population, on)

    @pytest.mark.parametrize("code", FAMILY_PROGRAMS)
    @pytest.mark.parametrize(
        "on",
        [
            dt.date(2019, 5, 2),
            dt.date(2020, 7, 21),
            dt.date(2021, 4, 5),
            dt.date(2022, 6, 30),
        ],
    )
    def test_a_synthetic_population_is_decided_alike(
        self, code, on, synthetic
    ):
        """A few thousand realistic families agree on every date."""
        assert_same(get(code), synthetic, on)


LANSIA = Reform(
    "lansia 3jt and one more member",
    {
        "pkh.amount.lansia": [
            Override(
                since=dt.date(2020, 1, 1),
                value=Rupiah(3_000_000),
                reference=Reference(instrument="Simulasi", title="3jt"),
            )
        ],
        "pkh.max.members": [
            Override(
                since=dt.date(2021, 1, 1),
                value=5,
                reference=Reference(instrument="Simulasi", title="5"),
            )
        ],
    },
)


class TestReforms:
    """A reform applies in columns as it does for objects."""

    @settings(max_examples=40, deadline=None)
    @given(population=POPULATIONS, on=DATES)
    def test_a_reformed_pkh_is_decided_alike(self, population, on):
        """New amounts and a new cap agree with the objects."""
        assert_same(get("PKH"), population, on, LANSIA)

    def test_a_reformed_synthetic_population_is_decided_alike(self, synthetic):
        """Two thousand realistic families agree under the reform."""
        assert_same(get("PKH"), synthetic, dt.date(2021, 8, 17), LANSIA)


class TestLargeFamilies:
    """Caps and limits bind in families of up to twelve members."""

    @settings(max_examples=60, deadline=None)
    @given(
        population=st.lists(
            families(max_members=12),
            min_size=1,
            max_size=4,
            unique_by=lambda f: f.id,
        ),
        on=st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31)),
    )
    def test_large_families_are_decided_alike(self, population, on):
        """Families of up to twelve members agree with the objects."""
        assert_same(get("PKH"), population, on)


@st.composite
def graduated_families(draw):
    """Families that graduated from PKH, with a business hit by COVID-19."""
    family = draw(families())
    start = draw(st.dates(dt.date(2012, 1, 1), dt.date(2020, 12, 31)))
    kind = draw(st.sampled_from(GraduationKind))
    pkh = (
        Membership.propose("PKH", start)
        .verify(start + dt.timedelta(days=10))
        .activate(start + dt.timedelta(days=20))
        .graduate(start + dt.timedelta(days=400), kind)
    )
    business = MicroBusiness(
        kind=draw(st.none() | st.sampled_from(BusinessKind)),
        owner_id=None,
        covid_affected=draw(st.none() | st.booleans()),
        started_on=None,
    )
    return attrs.evolve(
        family,
        decile=draw(st.none() | st.integers(1, 4)),
        memberships=(*(family.memberships or ()), pkh),
        businesses=[business],
    )


class TestGraduationPrograms:
    """BSIMU and ProKUS read graduations, businesses and memberships."""

    @pytest.mark.parametrize("code", ["BSIMU", "PROKUS"])
    @settings(max_examples=60, deadline=None)
    @given(
        population=st.lists(
            graduated_families(),
            min_size=1,
            max_size=4,
            unique_by=lambda f: f.id,
        ),
        on=st.dates(dt.date(2020, 8, 1), dt.date(2022, 12, 31)),
    )
    def test_graduated_families_are_decided_alike(self, code, population, on):
        """Graduation kinds, businesses and prior programmes agree."""
        assert_same(get(code), population, on)


@pytest.fixture(scope="module")
def synthetic():
    """Two thousand seeded synthetic families."""
    return list(generate(2000, seed=2021))
