"""Tests for from_tables on bad rows: every problem found, nothing lost."""

import polars as pl
import pytest

from dayasos.batch import REJECT_REASONS, REJECTS_SCHEMA, Tables, from_tables
from dayasos.errors import ValidationError


NIK_SITI = "3171014107800001"  # female, born 1 July 1980
NIK_BUDI = "3171010203150002"  # male, born 2 March 2015


def tables(members, families=None, memberships=None):
    """Tables from plain columns; families default to the members' ids."""
    frame = pl.DataFrame(members)
    if families is None:
        ids = frame.get_column("family_id").unique(maintain_order=True)
        families = {"family_id": ids.to_list()}
    return Tables(
        families=pl.DataFrame(families),
        members=frame,
        memberships=None if memberships is None else pl.DataFrame(memberships),
    )


def single(**columns):
    """A one-person family f1 whose member has the given columns."""
    members = {"family_id": ["f1"], "person_id": ["p1"], "relation": ["head"]}
    members.update({k: [v] for k, v in columns.items()})
    return tables(members)


def problems(rejects):
    """The (table, row, field, code) of every reject row."""
    return rejects.rows.select("table", "row", "field", "code").rows()


class TestCellProblems:
    """Bad cells are found with polars and named by a stable code."""

    @pytest.mark.parametrize(
        ("column", "value", "code"),
        [
            ("nik", "317101410780001", "nik.length"),
            ("nik", "3171014107800000", "nik.serial"),
            ("nik", "9971014107800001", "nik.province"),
            ("nik", "3171017207800001", "nik.birth_date"),
            ("nik", "31710141078000x1", "nik.digits"),
            ("birth_date", "1980-02-31", "serialization.date_component"),
            ("birth_date", "01/07/1980", "serialization.date_format"),
            ("sex", "P", "serialization.enum"),
            ("occupation", "ojol", "serialization.enum"),
            ("enrolled", "ya", "batch.not_bool"),
            ("pregnancy_number", "dua", "batch.not_int"),
            ("ppks", "PPKS-24,PPKS-99", "serialization.enum"),
        ],
    )
    def test_bad_member_cell_is_rejected_with_its_code(
        self, column, value, code
    ):
        """The member's row and field carry the problem's code."""
        families, rejects = from_tables(single(**{column: value}))

        assert [] == families
        assert [("members", 0, column, code)] == problems(rejects)
        assert 1 == rejects.rejected_families

    @pytest.mark.parametrize(
        ("column", "value", "code"),
        [
            ("kk", "3171012001150000", "kk.serial"),
            ("kk", "3171013201150003", "kk.registration_date"),
            ("region", "31.71.01.1000", "wilayah.village"),
            ("region", "31.7101.1001", "serialization.region_format"),
            ("region", "3100", "wilayah.regency"),
            ("decile", 11, "family.decile"),
            ("decile", "dua", "batch.not_int"),
        ],
    )
    def test_bad_family_cell_is_rejected_with_its_code(
        self, column, value, code
    ):
        """The family's row and field carry the problem's code."""
        table = single()
        bad = Tables(
            families=table.families.with_columns(pl.lit(value).alias(column)),
            members=table.members,
        )

        families, rejects = from_tables(bad)

        assert [] == families
        assert [("families", 0, column, code)] == problems(rejects)

    def test_dotted_and_plain_regions_are_both_read(self):
        """A region code may be written with dots or without."""
        table = single()
        both = Tables(
            families=pl.DataFrame(
                {
                    "family_id": ["f1", "f2"],
                    "region": ["31.71.01.1001", "3171011001"],
                }
            ),
            members=pl.concat(
                [
                    table.members,
                    table.members.with_columns(family_id=pl.lit("f2")),
                ]
            ),
        )

        families, rejects = from_tables(both)

        assert 0 == len(rejects)
        assert families[0].region == families[1].region

    def test_integer_nik_columns_are_read(self):
        """A NIK column read from CSV as integers still gives NIKs."""
        families, rejects = from_tables(
            single(nik=int(NIK_SITI), sex="female", birth_date="1980-07-01")
        )

        assert 0 == len(rejects)
        assert NIK_SITI == families[0].head.nik.reveal()

    def test_nik_and_kk_are_masked_in_rejects(self):
        """Rejects never show a whole NIK."""
        _, rejects = from_tables(single(nik="3171014107800000"))

        assert "3171********0000" == rejects.rows.get_column("value").item()
        assert (
            "3171014107800000" not in rejects.rows.get_column("message").item()
        )

    def test_every_problem_of_a_row_is_listed(self):
        """Problems are collected, not stopped at the first."""
        _, rejects = from_tables(
            single(nik="123", sex="X", birth_date="1980-13-01")
        )

        assert {
            "nik.length",
            "serialization.enum",
            "serialization.date_component",
        } == (rejects.codes)


class TestTableProblems:
    """Problems across rows: heads, ids, orphans, NIK consistency."""

    def test_a_family_with_two_heads_is_rejected(self):
        """Exactly one head; the families row says how many."""
        bad = tables(
            {
                "family_id": ["f1", "f1"],
                "person_id": ["p1", "p2"],
                "relation": ["head", "head"],
            }
        )

        families, rejects = from_tables(bad)

        assert [] == families
        assert [("families", 0, "members", "family.head")] == problems(rejects)
        assert "got 2" in rejects.rows.get_column("message").item()

    def test_a_family_without_members_has_no_head(self):
        """A family row with no members is rejected, not dropped."""
        bad = single()
        bad = Tables(
            families=pl.DataFrame({"family_id": ["f1", "f2"]}),
            members=bad.members,
        )

        families, rejects = from_tables(bad)

        assert ["f1"] == [f.id for f in families]
        assert [("families", 1, "members", "family.head")] == problems(rejects)
        assert rejects.balances(families)

    def test_a_family_id_on_two_rows_rejects_both(self):
        """Which of two rows the members belong to cannot be told."""
        bad = single()
        bad = Tables(
            families=pl.DataFrame({"family_id": ["f1", "f1"]}),
            members=bad.members,
        )

        families, rejects = from_tables(bad)

        assert [] == families
        assert 2 == rejects.rejected_families
        assert {"batch.duplicate_family"} == rejects.codes

    def test_members_of_no_family_are_orphans(self):
        """Member rows without their family row are kept as rejects."""
        bad = Tables(
            families=pl.DataFrame({"family_id": ["f1"]}),
            members=pl.DataFrame(
                {
                    "family_id": ["f1", "f9"],
                    "person_id": ["p1", "p1"],
                    "relation": ["head", "head"],
                }
            ),
        )

        families, rejects = from_tables(bad)

        assert ["f1"] == [f.id for f in families]
        assert [("members", 1, "family_id", "batch.orphan")] == problems(
            rejects
        )
        assert 0 == rejects.rejected_families

    def test_a_repeated_member_id_is_rejected(self):
        """Member ids are unique within a family."""
        bad = tables(
            {
                "family_id": ["f1", "f1"],
                "person_id": ["p1", "p1"],
                "relation": ["head", "child"],
            }
        )

        _, rejects = from_tables(bad)

        assert [("members", 1, "person_id", "family.member_id")] == problems(
            rejects
        )

    def test_one_nik_in_two_families_rejects_both(self):
        """A NIK belongs to one person."""
        bad = tables(
            {
                "family_id": ["f1", "f2"],
                "person_id": ["p1", "p1"],
                "relation": ["head", "head"],
                "nik": [NIK_SITI, NIK_SITI],
            }
        )

        families, rejects = from_tables(bad)

        assert [] == families
        assert [
            ("members", 0, "nik", "batch.duplicate_nik"),
            ("members", 1, "nik", "batch.duplicate_nik"),
        ] == problems(rejects)
        assert "'f1', 'f2'" in rejects.rows.get_column("message")[0]

    def test_a_nik_disagreeing_with_the_birth_date_is_rejected(self):
        """The NIK's DDMMYY must match the recorded birth date."""
        _, rejects = from_tables(single(nik=NIK_SITI, birth_date="1980-07-02"))

        assert [("members", 0, "birth_date", "batch.nik_birth_date")] == (
            problems(rejects)
        )

    def test_a_nik_disagreeing_with_the_sex_is_rejected(self):
        """A woman's NIK has 40 added to the day of birth."""
        _, rejects = from_tables(single(nik=NIK_SITI, sex="male"))

        assert [("members", 0, "sex", "batch.nik_sex")] == problems(rejects)

    def test_consistency_checks_can_be_left_out(self):
        """Without them, a NIK that disagrees is kept."""
        families, rejects = from_tables(
            single(nik=NIK_SITI, sex="male"), consistency=False
        )

        assert 1 == len(families)
        assert 0 == len(rejects)

    def test_a_missing_required_value_is_rejected(self):
        """A member row without its relation cannot be placed."""
        _, rejects = from_tables(
            tables(
                {
                    "family_id": ["f1", "f1"],
                    "person_id": ["p1", None],
                    "relation": ["head", "child"],
                }
            )
        )

        assert [("members", 1, "person_id", "batch.required")] == problems(
            rejects
        )


class TestModelProblems:
    """The model's own checks run in its constructors."""

    def test_a_pregnant_man_is_rejected_at_his_row(self):
        """Person refuses a pregnancy for a man."""
        _, rejects = from_tables(single(sex="male", pregnancy="pregnant"))

        assert [("members", 0, "pregnancy", "person.pregnancy")] == problems(
            rejects
        )

    def test_an_illegal_membership_step_is_rejected_at_its_row(self):
        """Membership refuses a step its lifecycle does not allow."""
        bad = single()
        bad = Tables(
            families=bad.families,
            members=bad.members,
            memberships=pl.DataFrame(
                {
                    "family_id": ["f1", "f1"],
                    "membership": [1, 1],
                    "program": ["PKH", "PKH"],
                    "state": ["graduated", "active"],
                    "since": ["2020-01-01", "2020-02-01"],
                }
            ),
        )

        families, rejects = from_tables(bad)

        assert [] == families
        assert [("memberships", 0, "state", "membership.transition")] == (
            problems(rejects)
        )

    def test_one_membership_in_two_programmes_is_rejected(self):
        """The rows of one membership share their programme."""
        bad = single()
        bad = Tables(
            families=bad.families,
            members=bad.members,
            memberships=pl.DataFrame(
                {
                    "family_id": ["f1", "f1"],
                    "membership": [1, 1],
                    "program": ["PKH", "BPNT"],
                    "state": ["active", "exited"],
                    "since": ["2020-01-01", "2020-02-01"],
                    "reason": [None, "moved"],
                }
            ),
        )

        _, rejects = from_tables(bad)

        assert [("memberships", 0, "program", "batch.membership_program")] == (
            problems(rejects)
        )

    def test_a_business_of_a_stranger_is_rejected(self):
        """The owner of a business is a member."""
        bad = single()
        business = [{"kind": "food", "owner_id": "p9"}]
        bad = Tables(
            families=pl.DataFrame(
                {"family_id": ["f1"], "businesses": [business]}
            ),
            members=bad.members,
        )

        _, rejects = from_tables(bad)

        assert [
            ("families", 0, "businesses[0].owner_id", "family.business_owner")
        ] == problems(rejects)

    def test_a_bad_business_kind_names_its_place(self):
        """Problems inside the businesses list say which item."""
        bad = single()
        business = [{"kind": "food"}, {"kind": "warung"}]
        bad = Tables(
            families=pl.DataFrame(
                {"family_id": ["f1"], "businesses": [business]}
            ),
            members=bad.members,
        )

        _, rejects = from_tables(bad)

        assert [
            ("families", 0, "businesses[1].kind", "serialization.enum")
        ] == (problems(rejects))


class TestConservation:
    """Families read = families built + families rejected."""

    def mixed(self):
        """Five families: two good, three each with one problem."""
        return tables(
            {
                "family_id": ["a", "b", "b", "c", "d", "e"],
                "person_id": ["1", "1", "2", "1", "1", "1"],
                "relation": ["head", "head", "head", "head", "head", "head"],
                "nik": [None, None, None, "123", None, None],
                "sex": [None, None, None, None, "L", None],
            }
        )

    def test_every_family_is_built_or_rejected(self):
        """Nothing read is lost."""
        families, rejects = from_tables(self.mixed())

        assert ["a", "e"] == [f.id for f in families]
        assert (5, 3) == (rejects.input_families, rejects.rejected_families)
        assert rejects.balances(families)

    def test_rejects_have_the_documented_schema(self):
        """The rejects table has its schema even when empty."""
        _, bad = from_tables(self.mixed())
        _, none = from_tables(single())

        assert REJECTS_SCHEMA == bad.rows.schema == none.rows.schema

    def test_counts_by_code(self):
        """The summary counts rows and families per code."""
        _, rejects = from_tables(self.mixed())

        assert [
            ("family.head", 1, 1),
            ("nik.length", 1, 1),
            ("serialization.enum", 1, 1),
        ] == rejects.by_code().rows()

    def test_every_table_code_has_a_message(self):
        """The codes only tables give are described."""
        assert all(
            code.startswith("batch.") and text
            for code, text in REJECT_REASONS.items()
        )


class TestColumnProblems:
    """A table that cannot be read at all raises."""

    def test_a_missing_required_column_raises(self):
        """Without person ids no family can be built."""
        bad = Tables(
            families=pl.DataFrame({"family_id": ["f1"]}),
            members=pl.DataFrame({"family_id": ["f1"], "relation": ["head"]}),
        )

        with pytest.raises(ValidationError, match=r"members\.person_id"):
            from_tables(bad)

    def test_a_column_of_the_wrong_type_raises(self):
        """Birth dates as floats cannot be read."""
        with pytest.raises(ValidationError, match="expected dates"):
            from_tables(single(birth_date=1.5))

    def test_a_datetime_column_raises(self):
        """A date column holds no time of day."""
        bad = single().members.with_columns(birth_date=pl.datetime(1980, 7, 1))
        with pytest.raises(ValidationError, match="Datetime"):
            from_tables(Tables(families=single().families, members=bad))
