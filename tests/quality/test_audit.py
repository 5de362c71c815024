"""The data-quality audit: each check, the totals and the regions."""

import datetime as dt
import json
from fractions import Fraction

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dayasos.errors import ParameterError
from dayasos.quality import (
    CHECKS,
    FINDINGS_SCHEMA,
    BeneficiaryList,
    ListTables,
    audit,
)
from dayasos.testing.strategies import kks, niks

from .conftest import ON


#: Manifest kinds of `dayasos.synthetic` and the check that finds them.
FOUND_BY = {
    "nik_length": "quality.nik_invalid",
    "nik_birth_date": "quality.nik_birth_date",
    "duplicate_nik": "quality.nik_duplicate",
}
#: Checks of the numbers and their agreement with the recorded data.
NUMBER_CHECKS = frozenset(
    {
        "quality.nik_invalid",
        "quality.kk_invalid",
        "quality.nik_duplicate",
        "quality.kk_duplicate",
        "quality.nik_birth_date",
        "quality.nik_sex",
    }
)
WOMAN = "3171014107800001"  # born 1 July 1980, a woman
MAN = "3171010107800002"  # born 1 July 1980, a man
KK = "3171010101200001"


def family_list(name, program, period, kk, niks_, **members):
    """A list of one family with a KK and members with these NIKs."""
    return BeneficiaryList(
        name,
        program,
        period,
        ListTables(
            families=pl.DataFrame(
                {"family_id": ["f1"], "kk": [kk], "region": ["3171011001"]}
            ),
            members=pl.DataFrame(
                {
                    "family_id": ["f1"] * len(niks_),
                    "person_id": [f"p{i}" for i in range(len(niks_))],
                    "nik": niks_,
                    **members,
                }
            ),
        ),
    )


def found(report, check):
    """The (list, table, row) of the findings of one check."""
    return sorted(
        report.findings.filter(pl.col("check") == check)
        .select("list", "table", "row")
        .rows()
    )


class TestInjectedErrors:
    """Every injected error of a synthetic population is found."""

    def test_each_injected_error_is_found_with_its_check(
        self, dirty, dirty_report
    ):
        """Short NIKs, disagreeing birth dates and duplicates are found."""
        expected = {
            (family, person, FOUND_BY[kind])
            for family, person, kind in dirty.errors.select(
                "family_id", "person_id", "kind"
            ).iter_rows()
            if kind in FOUND_BY
        }
        findings = dirty_report.findings.filter(
            pl.col("check").is_in(NUMBER_CHECKS)
        )
        actual = set(
            findings.select("family_id", "person_id", "check").iter_rows()
        )

        assert expected == actual

    def test_short_niks_give_the_length_code_of_ids(self, dirty, dirty_report):
        """The reason of a NIK with a digit missing is nik.length."""
        short = dirty.errors.filter(pl.col("kind") == "nik_length").height
        total = dirty_report.total("quality.nik_invalid")

        assert (("nik.length", short),) == total.reasons

    def test_a_clean_population_has_only_findings_explained_by_its_data(
        self, clean
    ):
        """Without errors, a PROKUS list flags only recorded deaths."""
        report = audit(
            [BeneficiaryList("prokus", "PROKUS", "2021", clean)], on=ON
        )
        dead = clean.members.with_row_index("row").filter(
            pl.col("deceased") | (pl.col("died_on") <= ON)
        )

        assert {"quality.deceased"} >= set(report.findings["check"])
        assert sorted(dead["row"].cast(pl.Int64).to_list()) == sorted(
            report.findings["row"].to_list()
        )

    def test_a_clean_population_has_no_number_findings_on_any_list(
        self, clean
    ):
        """Valid, unique, agreeing numbers give no number findings."""
        report = audit([BeneficiaryList("pkh", "PKH", "2021", clean)], on=ON)

        assert (
            0
            == report.findings.filter(
                pl.col("check").is_in(NUMBER_CHECKS)
            ).height
        )


class TestExclusivity:
    """Families receiving programmes that exclude each other."""

    def test_one_family_on_a_pkh_and_a_bst_list_in_one_month_is_flagged(
        self,
    ):
        """Matched by KK, both lists' rows are flagged, naming both."""
        pkh = family_list("pkh", "PKH", "2020-05", KK, [MAN])
        bst = family_list("bst", "BST", "2020-05", KK, [None])
        report = audit([pkh, bst], on=dt.date(2020, 6, 1))
        params = [
            json.loads(p)
            for p in report.findings.filter(
                pl.col("check") == "quality.exclusive"
            )["params"]
        ]

        assert [("bst", "families", 0), ("pkh", "families", 0)] == found(
            report, "quality.exclusive"
        )
        assert {("PKH", "BST"), ("BST", "PKH")} == {
            (p["program"], p["other"]) for p in params
        }

    def test_a_member_on_two_lists_links_the_families_by_nik(self):
        """Without KK numbers, a shared NIK makes the family the same."""
        pkh = family_list("pkh", "PKH", "2020", None, [MAN, WOMAN])
        hadir = family_list(
            "hadir", "KEMENSOS_HADIR", "2020-07", None, [WOMAN]
        )
        report = audit([pkh, hadir], on=dt.date(2020, 12, 31))

        assert [("hadir", "families", 0), ("pkh", "families", 0)] == found(
            report, "quality.exclusive"
        )

    def test_periods_that_do_not_overlap_are_not_double_dipping(self):
        """PKH in January and BST in May 2020 are not flagged."""
        pkh = family_list("pkh", "PKH", "2020-01", KK, [MAN])
        bst = family_list("bst", "BST", "2020-05", KK, [MAN])
        report = audit([pkh, bst], on=dt.date(2020, 6, 1))

        assert [] == found(report, "quality.exclusive")

    def test_programmes_that_may_combine_are_not_flagged(self):
        """PKH and BPNT (Program Sembako) do not exclude each other."""
        pkh = family_list("pkh", "PKH", "2020", KK, [MAN])
        bpnt = family_list("bpnt", "BPNT", "2020", KK, [MAN])
        report = audit([pkh, bpnt], on=dt.date(2020, 12, 31))

        assert [] == found(report, "quality.exclusive")

    def test_an_active_bpnt_membership_excludes_bst(self):
        """A BST family active in BPNT (read as SEMBAKO) is flagged."""
        tables = ListTables(
            families=pl.DataFrame({"family_id": ["f1", "f2"]}),
            members=pl.DataFrame(
                {"family_id": ["f1", "f2"], "nik": [MAN, WOMAN]}
            ),
            memberships=pl.DataFrame(
                {
                    "family_id": ["f1", "f1", "f2"],
                    "membership": [1, 1, 1],
                    "program": ["BPNT", "BPNT", "BPNT"],
                    "state": ["active", "exited", "active"],
                    "since": [
                        dt.date(2019, 1, 1),
                        dt.date(2020, 3, 1),
                        dt.date(2020, 6, 1),
                    ],
                }
            ),
        )
        bst = BeneficiaryList("bst", "BST", "2020-05", tables)
        report = audit([bst], on=dt.date(2020, 6, 1))

        assert [] == found(report, "quality.exclusive")
        report = audit(
            [BeneficiaryList("bst", "BST", "2020-Q2", tables)],
            on=dt.date(2020, 7, 1),
        )
        params = json.loads(report.findings["params"][0])

        assert [("bst", "families", 1)] == found(report, "quality.exclusive")
        assert ("BST", "SEMBAKO", "membership") == (
            params["program"],
            params["other"],
            params["via"],
        )


class TestDuplicates:
    """The same person or family twice."""

    def test_a_nik_on_two_lists_of_one_programme_and_period_is_flagged(
        self,
    ):
        """Two regional BST lists with the same person."""
        one = family_list("bst-a", "BST", "2020-05", None, [MAN])
        two = family_list("bst-b", "BST", "2020-05", None, [MAN])
        report = audit([one, two], on=dt.date(2020, 6, 1))

        assert [("bst-a", "members", 0), ("bst-b", "members", 0)] == found(
            report, "quality.nik_duplicate"
        )

    def test_a_person_on_lists_of_two_programmes_is_no_duplicate(self):
        """One family on a PKH and a PROKUS list is not a duplicate."""
        pkh = family_list("pkh", "PKH", "2020", KK, [MAN])
        prokus = family_list("prokus", "PROKUS", "2020", KK, [MAN])
        report = audit([pkh, prokus], on=dt.date(2020, 12, 31))

        assert [] == found(report, "quality.nik_duplicate")
        assert [] == found(report, "quality.kk_duplicate")

    def test_a_person_in_families_with_two_kk_numbers_is_flagged(self):
        """A NIK belongs to one KK, whatever the programmes."""
        other_kk = "3171010101200002"
        pkh = family_list("pkh", "PKH", "2020", KK, [MAN])
        prokus = family_list("prokus", "PROKUS", "2020", other_kk, [MAN])
        report = audit([pkh, prokus], on=dt.date(2020, 12, 31))

        assert [("pkh", "members", 0), ("prokus", "members", 0)] == found(
            report, "quality.nik_duplicate"
        )

    def test_a_kk_twice_on_one_list_is_flagged(self):
        """Two family rows with one KK number."""
        tables = ListTables(
            families=pl.DataFrame({"family_id": ["f1", "f2"], "kk": [KK, KK]}),
            members=pl.DataFrame({"family_id": ["f1", "f2"]}),
        )
        report = audit(
            [BeneficiaryList("pkh", "PKH", "2020", tables)],
            on=dt.date(2020, 12, 31),
        )

        assert [("pkh", "families", 0), ("pkh", "families", 1)] == found(
            report, "quality.kk_duplicate"
        )


class TestRecordedData:
    """Birth date, sex, death and state employment."""

    def test_birth_date_and_sex_that_disagree_with_the_nik_are_flagged(
        self,
    ):
        """The NIK of a woman born 1 July 1980 against other records."""
        listed = family_list(
            "x", "PROKUS", "2020", KK, [WOMAN, WOMAN, MAN],
            birth_date=[dt.date(1980, 7, 1), dt.date(1980, 7, 2), None],
            sex=["female", "male", "male"],
        )  # fmt: skip
        report = audit([listed], on=dt.date(2020, 12, 31))

        assert [("x", "members", 1)] == found(report, "quality.nik_birth_date")
        assert [("x", "members", 1)] == found(report, "quality.nik_sex")

    def test_a_registry_sex_code_is_unknown_not_a_disagreement(self):
        """``L`` is not a sex code of the layout: the row is not examined."""
        listed = family_list("x", "PROKUS", "2020", KK, [WOMAN], sex=["L"])
        report = audit([listed], on=dt.date(2020, 12, 31))

        assert 0 == report.total("quality.nik_sex").checked

    def test_deceased_members_still_listed_are_flagged(self):
        """Recorded as deceased, or dead by the date of the audit."""
        listed = family_list(
            "x", "BST", "2020-05", KK, [WOMAN, MAN, None],
            deceased=[True, None, False],
            died_on=[None, dt.date(2020, 5, 20), None],
        )  # fmt: skip
        report = audit([listed], on=dt.date(2020, 6, 1))

        assert [("x", "members", 0), ("x", "members", 1)] == found(
            report, "quality.deceased"
        )

    def test_state_employees_are_flagged_on_pkh_lists_only(self):
        """PKH excludes a family with a TNI member; BST has no such rule."""
        pkh = family_list(
            "pkh", "PKH", "2020", KK, [WOMAN, MAN],
            state_employment=["none", "tni"],
        )  # fmt: skip
        bst = family_list(
            "bst", "BST", "2020-05", None, [None], state_employment=["tni"]
        )
        report = audit([pkh, bst], on=dt.date(2020, 12, 31))
        message = report.findings.filter(
            pl.col("check") == "quality.state_employee"
        )["message"][0]

        assert [("pkh", "members", 1)] == found(
            report, "quality.state_employee"
        )
        assert 2 == report.total("quality.state_employee").checked
        assert "Permensos 1/2018" in message


class TestMembershipEnded:
    """Families listed for a programme they have left."""

    def tables(self):
        """Three PKH families: exited, active again, suspended later."""
        return ListTables(
            families=pl.DataFrame({"family_id": ["f1", "f2", "f3", "f4"]}),
            members=pl.DataFrame({"family_id": ["f1", "f2", "f3", "f4"]}),
            memberships=pl.DataFrame(
                {
                    "family_id": ["f1", "f1", "f2", "f2", "f2", "f3", "f3"],
                    "membership": [1, 1, 1, 1, 2, 1, 1],
                    "program": ["PKH"] * 7,
                    "state": [
                        "active", "exited", "active", "exited", "active",
                        "active", "suspended",
                    ],
                    "since": [
                        dt.date(2019, 1, 1), dt.date(2019, 12, 1),
                        dt.date(2019, 1, 1), dt.date(2019, 6, 1),
                        dt.date(2020, 2, 1),
                        dt.date(2019, 1, 1), dt.date(2020, 6, 1),
                    ],
                }
            ),
        )  # fmt: skip

    def test_a_family_out_of_the_programme_all_period_is_flagged(self):
        """Exited in 2019 and listed for 2020-Q1: flagged; others not."""
        listed = BeneficiaryList("pkh", "PKH", "2020-Q1", self.tables())
        report = audit([listed], on=dt.date(2020, 12, 31))
        params = json.loads(report.findings["params"][0])

        assert [("pkh", "families", 0)] == found(
            report, "quality.membership_ended"
        )
        assert 3 == report.total("quality.membership_ended").checked
        assert ("exited", "2019-12-01") == (params["value"], params["when"])

    def test_a_list_of_another_programme_does_not_look_at_pkh(self):
        """A BST list examines BST memberships only."""
        listed = BeneficiaryList("bst", "BST", "2020-Q1", self.tables())
        report = audit([listed], on=dt.date(2020, 12, 31))

        assert 0 == report.total("quality.membership_ended").checked


class TestReport:
    """Totals, rates, regions and the shape of the findings."""

    def test_findings_have_the_documented_columns(self, dirty_report):
        """Every finding row has the columns of FINDINGS_SCHEMA."""
        assert FINDINGS_SCHEMA == dirty_report.findings.schema

    def test_summary_lists_every_check_in_order(self, dirty_report):
        """One total per check, in CHECKS order."""
        assert list(CHECKS) == [t.check for t in dirty_report.summary]

    def test_rate_is_exact(self):
        """One short NIK of three members is a third."""
        listed = family_list("x", "BST", "2020-05", KK, [WOMAN, MAN, "1"])
        report = audit([listed], on=dt.date(2020, 6, 1))

        assert Fraction(1, 3) == report.total("quality.nik_invalid").rate

    def test_a_check_that_examined_nothing_has_no_rate(self):
        """No KK numbers: the rate is unknown, not zero."""
        listed = family_list("x", "BST", "2020-05", None, [WOMAN])
        report = audit([listed], on=dt.date(2020, 6, 1))

        assert None is report.total("quality.kk_invalid").rate

    def test_lists_need_distinct_names(self):
        """Two lists of one name cannot be told apart in findings."""
        listed = family_list("x", "BST", "2020-05", None, [WOMAN])

        with pytest.raises(ParameterError) as caught:
            audit([listed, listed], on=dt.date(2020, 6, 1))

        assert "quality.list_name" == caught.value.error_code

    def test_an_audit_needs_a_list(self):
        """No list is a usage error."""
        with pytest.raises(ParameterError) as caught:
            audit([], on=dt.date(2020, 6, 1))

        assert "quality.no_list" == caught.value.error_code

    def test_an_unknown_region_level_is_refused(self, dirty_report):
        """Only province and regency are levels of the region table."""
        with pytest.raises(ParameterError) as caught:
            dirty_report.region_counts("village")

        assert "quality.level" == caught.value.error_code


@st.composite
def small_lists(draw):
    """A small list: families in a few regions, members with NIKs."""
    n = draw(st.integers(1, 6))
    regions = st.sampled_from(["3171011001", "3273012001", "1101012001", None])
    families = pl.DataFrame(
        {
            "family_id": [f"f{i}" for i in range(n)],
            "kk": draw(st.lists(st.one_of(st.none(), kks(), st.just("12")),
                                min_size=n, max_size=n)),
            "region": draw(st.lists(regions, min_size=n, max_size=n)),
        }
    )  # fmt: skip
    size = draw(st.integers(0, 10))
    members = pl.DataFrame(
        {
            "family_id": draw(
                st.lists(
                    st.sampled_from([f"f{i}" for i in range(n + 1)]),
                    min_size=size,
                    max_size=size,
                )
            ),
            "nik": draw(
                st.lists(
                    st.one_of(st.none(), niks(), st.just(WOMAN[:15])),
                    min_size=size,
                    max_size=size,
                )
            ),
            "sex": draw(
                st.lists(
                    st.sampled_from(["male", "female", None]),
                    min_size=size,
                    max_size=size,
                )
            ),
            "deceased": draw(
                st.lists(st.booleans(), min_size=size, max_size=size)
            ),
        },
        schema_overrides={"nik": pl.String, "family_id": pl.String},
    )
    program = draw(st.sampled_from(["PKH", "BST", "PROKUS"]))
    return families, members, program


class TestRegions:
    """The region table adds up to the totals."""

    @settings(max_examples=25, deadline=None)
    @given(first=small_lists(), second=small_lists())
    def test_region_counts_sum_to_the_totals(self, first, second):
        """Per province and per kab/kota, every check sums to its total."""
        lists = [
            BeneficiaryList(
                name, program, "2020-05", ListTables(families=f, members=m)
            )
            for name, (f, m, program) in (("a", first), ("b", second))
        ]
        report = audit(lists, on=dt.date(2020, 6, 1))
        expected = {(t.check, t.checked, t.flagged) for t in report.summary}
        for level in ("province", "regency"):
            sums = (
                report.region_counts(level)
                .group_by("check")
                .agg(pl.col("checked").sum(), pl.col("flagged").sum())
            )
            actual = set(
                sums.select("check", "checked", "flagged").iter_rows()
            )

            assert {e for e in expected if e[1]} == actual
