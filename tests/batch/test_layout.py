"""Tests for the column layout: schemas, to_tables, round trips, mapping."""

import datetime as dt

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.batch import (
    FAMILIES_SCHEMA,
    FAMILY_COLUMNS,
    MEMBER_COLUMNS,
    MEMBERS_SCHEMA,
    MEMBERSHIP_COLUMNS,
    MEMBERSHIPS_SCHEMA,
    ColumnKind,
    ColumnMapping,
    Tables,
    from_tables,
    to_tables,
)
from dayasos.errors import ConfigurationError
from dayasos.ids import KK, NIK, RegionCode, Sex
from dayasos.model import (
    PPKS,
    BusinessKind,
    Disability,
    Family,
    FamilyMember,
    GraduationKind,
    Membership,
    MicroBusiness,
    Person,
    Relation,
    Schooling,
    SchoolLevel,
)
from dayasos.testing.strategies import families


ON = dt.date(2020, 7, 21)


def siti_family():
    """A family of two with a NIK, a KK, a business and a membership."""
    siti = Person(
        id="p1",
        nik=NIK("3171014107800001"),
        name="Siti",
        birth_date=dt.date(1980, 7, 1),
        sex=Sex.FEMALE,
        disability=Disability.none(),
        ppks={PPKS.FAKIR_MISKIN},
        schooling=Schooling(level=SchoolLevel.SMP, enrolled=False),
    )
    budi = Person(
        id="p2",
        birth_date=dt.date(2012, 3, 4),
        sex=Sex.MALE,
        schooling=Schooling(level=SchoolLevel.SD, enrolled=True),
    )
    pkh = (
        Membership.propose("PKH", dt.date(2019, 1, 7))
        .verify(dt.date(2019, 2, 1))
        .activate(dt.date(2019, 3, 1))
        .graduate(dt.date(2020, 7, 1), GraduationKind.MANDIRI)
    )
    return Family(
        id="f1",
        kk=KK("3171012001150003"),
        region=RegionCode.parse("31.71.01.1001"),
        decile=2,
        members=[
            FamilyMember(person=siti, relation=Relation.HEAD),
            FamilyMember(person=budi, relation=Relation.CHILD),
        ],
        businesses=[MicroBusiness(kind=BusinessKind.GROCERY, owner_id="p1")],
        memberships=[pkh],
    )


class TestSchemas:
    """The schemas are data derived from the column descriptions."""

    @pytest.mark.parametrize(
        ("schema", "columns"),
        [
            (FAMILIES_SCHEMA, FAMILY_COLUMNS),
            (MEMBERS_SCHEMA, MEMBER_COLUMNS),
            (MEMBERSHIPS_SCHEMA, MEMBERSHIP_COLUMNS),
        ],
    )
    def test_schema_lists_every_column_in_order(self, schema, columns):
        """Each schema holds the described columns with their types."""
        assert [(c.name, c.dtype) for c in columns] == list(schema.items())

    def test_every_table_joins_on_family_id(self):
        """The family id is the first column of all three tables."""
        firsts = {
            FAMILY_COLUMNS[0].name,
            MEMBER_COLUMNS[0].name,
            MEMBERSHIP_COLUMNS[0].name,
        }

        assert {"family_id"} == firsts

    def test_code_columns_hold_the_model_codes(self):
        """A code column accepts exactly its enum's values."""
        relation = next(c for c in MEMBER_COLUMNS if c.name == "relation")

        assert tuple(r.value for r in Relation) == relation.codes

    def test_every_column_is_documented(self):
        """Each column says what it holds."""
        columns = FAMILY_COLUMNS + MEMBER_COLUMNS + MEMBERSHIP_COLUMNS

        assert [] == [c.name for c in columns if not c.doc]


class TestTables:
    """The container of the three tables."""

    def test_empty_tables_have_the_layout(self):
        """Empty tables carry the schemas."""
        tables = Tables.empty()

        assert FAMILIES_SCHEMA == tables.families.schema
        assert MEMBERS_SCHEMA == tables.members.schema

    def test_concat_stacks_chunks(self):
        """Chunks of one layout stack into one set of tables."""
        one = to_tables([siti_family()])
        both = Tables.concat([one, one])

        assert 2 == both.families.height
        assert 4 == both.members.height

    def test_concat_of_nothing_is_empty(self):
        """No chunk gives empty tables."""
        assert Tables.concat([]).equals(Tables.empty())

    def test_equals_compares_rows(self):
        """Tables are equal when their frames are."""
        assert to_tables([siti_family()]).equals(to_tables([siti_family()]))
        assert not to_tables([siti_family()]).equals(Tables.empty())

    def test_tables_without_memberships_differ_from_tables_with(self):
        """A missing memberships table is not an empty one."""
        full = to_tables([siti_family()])
        bare = Tables(families=full.families, members=full.members)

        assert not full.equals(bare)


class TestToTables:
    """Families written as rows."""

    def test_member_rows_hold_codes_and_full_numbers(self):
        """Enums become codes; NIK and dates are written as they are."""
        members = to_tables([siti_family()]).members

        assert (
            "f1",
            "p1",
            "head",
            "3171014107800001",
            "female",
            "none",
            ["PPKS-24"],
        ) == members.select(
            "family_id",
            "person_id",
            "relation",
            "nik",
            "sex",
            "disability_kind",
            "ppks",
        ).row(0)

    def test_unknown_is_null_not_a_sentinel(self):
        """What was not collected is null."""
        row = to_tables([siti_family()]).members.row(1, named=True)

        assert (None, None, False) == (
            row["nik"],
            row["disability_kind"],
            row["disability_recorded"],
        )

    def test_membership_history_is_one_row_per_transition(self):
        """A membership of four steps gives four numbered rows."""
        memberships = to_tables([siti_family()]).memberships

        assert [
            (1, "proposed", None),
            (1, "verified", None),
            (1, "active", None),
            (1, "graduated", "mandiri"),
        ] == memberships.select("membership", "state", "graduation").rows()

    def test_region_is_written_as_digits(self):
        """Region codes are plain digits."""
        families = to_tables([siti_family()]).families

        assert "3171011001" == families.get_column("region").item()

    def test_businesses_are_a_list_of_structs(self):
        """A business keeps its fields in one cell."""
        cell = to_tables([siti_family()]).families.get_column("businesses")

        assert [
            {
                "kind": "grocery",
                "owner_id": "p1",
                "covid_affected": None,
                "started_on": None,
            }
        ] == cell.to_list()[0]


class TestRoundTrip:
    """Tables read back give the families written."""

    def test_a_full_family_comes_back(self):
        """Every attribute survives the tables."""
        family = siti_family()

        families, rejects = from_tables(to_tables([family]))

        assert [family] == families
        assert 0 == len(rejects)

    @given(st.lists(families(), max_size=4, unique_by=lambda f: f.id))
    def test_generated_families_come_back_unchanged(self, generated):
        """from_tables(to_tables(families)) == families, nothing rejected."""
        tables = to_tables(generated)

        back, rejects = from_tables(tables, consistency=False)

        assert generated == back
        assert 0 == len(rejects)
        assert rejects.balances(back)

    def test_none_and_empty_stay_apart(self):
        """Not collected (None) and known to be none (empty) differ."""
        head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
        unknown = Family(id="a", members=[head])
        empty = Family(id="b", members=[head], businesses=[], memberships=[])

        families, _ = from_tables(to_tables([unknown, empty]))

        assert [unknown, empty] == families

    def test_text_tables_read_like_typed_ones(self):
        """Every column may come as text, as a CSV file gives it."""
        tables = to_tables([siti_family()])
        as_text = Tables(
            families=tables.families.drop("businesses").cast(pl.String),
            members=tables.members.with_columns(
                pl.col("ppks").list.join(",")
            ).cast(pl.String),
            memberships=tables.memberships.cast(pl.String),
        )

        families, rejects = from_tables(as_text)

        assert 0 == len(rejects)
        assert siti_family().members == families[0].members
        assert siti_family().memberships == families[0].memberships


class TestColumnMapping:
    """A registry's own column names and codes."""

    def registry(self):
        """A registry export with its own names and codes."""
        return Tables(
            families=pl.DataFrame({"id_keluarga": ["k1"], "desil": [1]}),
            members=pl.DataFrame(
                {
                    "id_keluarga": ["k1", "k1"],
                    "id_art": ["a1", "a2"],
                    "hubungan": ["1", "3"],
                    "jk": ["P", "L"],
                    "nik": [3171014107800001, None],
                }
            ),
        )

    def mapping(self):
        """How the registry maps onto the layout."""
        return ColumnMapping(
            families={"id_keluarga": "family_id", "desil": "decile"},
            members={
                "id_keluarga": "family_id",
                "id_art": "person_id",
                "hubungan": "relation",
                "jk": "sex",
            },
            values={
                "relation": {"1": "head", "3": "child"},
                "sex": {"L": "male", "P": "female"},
            },
        )

    def test_foreign_names_and_codes_are_read(self):
        """Mapped columns and codes give the model's values."""
        families, rejects = from_tables(
            self.registry(), mapping=self.mapping()
        )

        head = families[0].head
        assert 0 == len(rejects)
        assert ("k1", 1, Sex.FEMALE) == (
            families[0].id,
            families[0].decile,
            head.sex,
        )
        assert "3171014107800001" == head.nik.reveal()
        assert Relation.CHILD == families[0].relation_of("a2")

    def test_unmapped_foreign_codes_are_rejected(self):
        """Without the code mapping, 'P' is no sex code."""
        mapping = ColumnMapping(
            families=self.mapping().families, members=self.mapping().members
        )

        families, rejects = from_tables(self.registry(), mapping=mapping)

        assert [] == families
        assert {"serialization.enum", "family.head"} == rejects.codes

    def test_source_of_names_their_column(self):
        """Rejects name our columns; the mapping names theirs."""
        assert "jk" == self.mapping().source_of("members", "sex")
        assert "nik" == self.mapping().source_of("members", "nik")

    def test_mapping_to_an_unknown_column_is_refused(self):
        """A target must be a column of the layout."""
        with pytest.raises(ConfigurationError, match="no column"):
            ColumnMapping(members={"jk": "gender"})

    def test_two_names_for_one_column_are_refused(self):
        """Two of their columns cannot both be ours."""
        with pytest.raises(ConfigurationError, match="both map"):
            ColumnMapping(members={"jk": "sex", "kelamin": "sex"})

    def test_codes_for_a_date_column_are_refused(self):
        """Codes are mapped in columns that hold codes or words."""
        with pytest.raises(ConfigurationError, match="codes can be mapped"):
            ColumnMapping(values={"birth_date": {"x": "y"}})

    def test_both_their_column_and_ours_is_refused(self):
        """A table holding both names is ambiguous."""
        tables = self.registry()
        families = tables.families.with_columns(family_id=pl.lit("x"))

        with pytest.raises(ConfigurationError, match="both"):
            from_tables(
                Tables(families=families, members=tables.members),
                mapping=self.mapping(),
            )


class TestColumnKinds:
    """Every kind of column is used by the layout."""

    def test_every_kind_has_a_column(self):
        """No reading path is dead."""
        columns = FAMILY_COLUMNS + MEMBER_COLUMNS + MEMBERSHIP_COLUMNS

        assert set(ColumnKind) == {c.kind for c in columns}
