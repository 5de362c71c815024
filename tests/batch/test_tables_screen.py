"""Families decided from their rows: only those the model would accept."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dayasos.batch import Tables, evaluate_all, from_tables, to_tables
from dayasos.batch._tables_read import read_families
from dayasos.synthetic import generate_tables


ON = dt.date(2020, 7, 21)


@pytest.fixture(scope="module")
def clean():
    """A population without errors, with memberships and businesses."""
    return next(generate_tables(60, seed=5, as_of=ON))


def _member(frame, family, **values):
    """Set `values` on the first member row of `family`."""
    first = pl.col("family_id") == family
    first &= first.cum_sum() == 1
    return frame.with_columns(
        pl.when(first)
        .then(pl.lit(v, dtype=frame.schema[k]))
        .otherwise(pl.col(k))
        .alias(k)
        for k, v in values.items()
    )


def _transition(frame, family, position, **values):
    """Set `values` on the row at `position` of `family`'s memberships."""
    mine = pl.col("family_id") == family
    at = mine & (mine.cum_sum() == position + 1)
    return frame.with_columns(
        pl.when(at)
        .then(pl.lit(v, dtype=frame.schema[k]))
        .otherwise(pl.col(k))
        .alias(k)
        for k, v in values.items()
    )


#: What breaks a constructor check, and the code the model gives.
MEMBER_FAULTS = {
    "person.pregnancy": {"sex": "male", "pregnancy": "pregnant"},
    "person.pregnancy_number": {"pregnancy": "none", "pregnancy_number": 2},
    "person.deceased": {"deceased": False, "died_on": dt.date(2019, 1, 1)},
    "person.dates": {"deceased": True, "died_on": dt.date(1900, 1, 1)},
    "schooling.enrolled": {"school_level": "none", "enrolled": True},
    "schooling.compulsory": {
        "school_level": "sd",
        "compulsory_completed": True,
    },
    "disability.severity": {
        "disability_kind": "none",
        "disability_severity": "severe",
    },
}
MEMBERSHIP_FAULTS = {
    "membership.transition": (0, {"state": "graduated"}),
    "membership.reason": (0, {"reason": "moved"}),
    "membership.graduation": (0, {"graduation": "alamiah"}),
}


@pytest.fixture(scope="module")
def faulty(clean):
    """One family per constructor fault; the code each should get."""
    ids = clean.families.get_column("family_id").to_list()
    with_memberships = (
        clean.memberships.get_column("family_id").unique(maintain_order=True)
    ).to_list()
    members, memberships = clean.members, clean.memberships
    expected = {}
    free = iter(i for i in ids if i not in with_memberships[:10])
    for code, values in MEMBER_FAULTS.items():
        family = next(free)
        members = _member(members, family, **values)
        expected[family] = code
    for family, (code, (position, values)) in zip(
        with_memberships, MEMBERSHIP_FAULTS.items(), strict=False
    ):
        memberships = _transition(memberships, family, position, **values)
        expected[family] = code
    family = next(free)
    owned = pl.lit(
        [
            {
                "kind": "food",
                "owner_id": "nobody",
                "covid_affected": False,
                "started_on": dt.date(2010, 1, 1),
            }
        ],
        dtype=clean.families.schema["businesses"],
    )
    families = clean.families.with_columns(
        pl.when(pl.col("family_id") == family)
        .then(owned)
        .otherwise(pl.col("businesses"))
        .alias("businesses")
    )
    expected[family] = "family.business_owner"
    tables = Tables(
        families=families, members=members, memberships=memberships
    )
    return tables, expected


class TestScreen:
    """Reading without objects gives what building every family gives."""

    def test_every_fault_is_held_back_and_rejected_as_the_model_does(
        self, faulty
    ):
        """Each faulty family is built, refused, with the model's code."""
        tables, expected = faulty
        read = read_families(tables)
        settled = set(read.settled.families.get_column("family_id"))
        codes = dict(read.rejects.rows.select("family_id", "code").iter_rows())

        assert not settled & set(expected)
        assert expected == {f: codes.get(f) for f in expected}

    def test_rejects_and_families_equal_building_every_family(self, faulty):
        """Same rejects, same families in the same order, as from_tables."""
        tables, _ = faulty
        built, rejects = from_tables(tables)
        read = read_families(tables)

        assert rejects.rows.equals(read.rejects.rows)
        assert [f.id for f in built] == read.order.to_list()
        assert read.settled.families.height > len(read.built)

    def test_settled_rows_are_what_to_tables_writes(self, faulty):
        """The rows kept equal the rows of the built families, decided."""
        tables, _ = faulty
        built, _ = from_tables(tables)
        read = read_families(tables)
        mixed = to_tables(read.built)
        stacked = Tables(
            families=pl.concat([mixed.families, read.settled.families]),
            members=pl.concat([mixed.members, read.settled.members]),
            memberships=pl.concat(
                [mixed.memberships, read.settled.memberships]
            ),
        )
        expected = evaluate_all(to_tables(built), on=ON)
        actual = evaluate_all(stacked, on=ON)

        key = ["family_id", "program"]
        assert expected.sort(key).equals(actual.sort(key))

    def test_settled_families_build_without_a_reject(self, faulty):
        """The screen is one-sided: what it passes, the model accepts."""
        tables, _ = faulty
        read = read_families(tables)
        built, rejects = from_tables(read.settled, consistency=False)

        assert rejects.rows.height == 0
        assert len(built) == read.settled.families.height
