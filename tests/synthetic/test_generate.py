"""Tests for the synthetic population: determinism, realism, errors."""

import datetime as dt

import polars as pl
import pytest

from dayasos.batch import Tables, from_tables
from dayasos.errors import ConfigurationError
from dayasos.ids import kk, nik, wilayah
from dayasos.model import Family
from dayasos.synthetic import (
    DTKS_LIKE,
    ERRORS_SCHEMA,
    PROVINCE_POPULATION,
    RAW_MEMBERS_SCHEMA,
    ErrorKind,
    Profile,
    generate,
    generate_tables,
)


AS_OF = dt.date(2021, 12, 31)


def one_chunk(n, **options):
    """All of a small population in one chunk."""
    return next(generate_tables(n, chunk_size=max(n, 1), **options))


@pytest.fixture(scope="module")
def population():
    """Twenty thousand families, the size of the realism checks."""
    return one_chunk(20_000, seed=2020)


def ages(members, on=AS_OF):
    """The members with their age in whole years on a date."""
    return members.with_columns(
        age=(
            pl.lit(on).dt.year()
            - pl.col("birth_date").dt.year()
            - (
                pl.lit(on).dt.ordinal_day()
                < pl.col("birth_date").dt.ordinal_day()
            ).cast(pl.Int32)
        )
    )


class TestDeterminism:
    """Same seed, same size: the same data; another seed: other data."""

    def test_same_seed_gives_the_same_tables(self):
        """Two runs agree row for row, the manifest too."""
        first = one_chunk(300, seed=11, error_rate=0.1)
        second = one_chunk(300, seed=11, error_rate=0.1)

        assert first.equals(second)
        assert first.errors.equals(second.errors)

    def test_another_seed_gives_other_data(self):
        """The seed matters."""
        assert not one_chunk(300, seed=11).equals(one_chunk(300, seed=12))

    def test_chunks_only_cut_the_stream(self):
        """The data do not depend on the chunk size."""
        whole = one_chunk(250, seed=3)
        parts = Tables.concat(generate_tables(250, seed=3, chunk_size=60))

        assert whole.equals(parts)

    def test_errors_leave_the_other_families_alone(self):
        """Families without an injected error are as without errors."""
        clean = one_chunk(400, seed=5)
        dirty = one_chunk(400, seed=5, error_rate=0.2)
        touched = dirty.errors.get_column("family_id").implode()

        def untouched(frame):
            """The rows of families without an error."""
            return frame.filter(~pl.col("family_id").is_in(touched))

        assert untouched(clean.families).equals(untouched(dirty.families))
        assert untouched(clean.memberships).equals(
            untouched(dirty.memberships)
        )

    def test_objects_are_the_tables_read_back(self):
        """Generate yields what from_tables reads from generate_tables."""
        expected, _ = from_tables(one_chunk(200, seed=8))

        assert expected == list(generate(200, seed=8))


class TestRealism:
    """Twenty thousand families look like a DTKS list."""

    def test_mean_household_size_is_about_four(self, population):
        """Mean size between 3.8 and 4.0."""
        size = population.members.height / population.families.height

        assert 3.8 <= size <= 4.0

    def test_most_families_are_in_deciles_one_to_four(self, population):
        """About 90% in deciles 1-4, as the default profile asks."""
        share = (population.families.get_column("decile") <= 4).mean()

        assert abs(DTKS_LIKE.share_of_deciles(1, 4) - share) < 0.01

    def test_every_nik_is_valid_and_unique(self, population):
        """Every NIK passes nik.validate; none repeats."""
        niks = population.members.get_column("nik").drop_nulls()

        assert niks.is_unique().all()
        assert all(nik.is_valid(n) for n in niks.to_list())

    def test_every_kk_is_valid_and_unique(self, population):
        """Every KK number passes kk.validate; none repeats."""
        kks = population.families.get_column("kk")

        assert kks.is_unique().all()
        assert all(kk.is_valid(n) for n in kks.to_list())

    def test_every_region_is_a_valid_village_code(self, population):
        """Ten-digit codes, valid for dayasos.ids.wilayah."""
        regions = population.families.get_column("region").unique().to_list()

        assert all(len(r) == 10 and wilayah.is_valid(r) for r in regions)

    def test_niks_agree_with_birth_date_and_sex(self, population):
        """Day + 40 for women, month and year as recorded."""
        members = population.members.drop_nulls("nik")
        day = pl.col("nik").str.slice(6, 2).cast(pl.Int32)
        agree = members.select(
            (
                (day % 40 == pl.col("birth_date").dt.day())
                & ((day > 40) == (pl.col("sex") == "female"))
                & (
                    pl.col("nik").str.slice(8, 4)
                    == pl.col("birth_date").dt.strftime("%m%y")
                )
            ).all()
        )

        assert agree.item()

    def test_provinces_follow_the_census_shares(self, population):
        """West Java holds about 18% of families, as of people in SP2020."""
        provinces = population.families.get_column("region").str.slice(0, 2)
        expected = PROVINCE_POPULATION["32"] / sum(
            PROVINCE_POPULATION.values()
        )

        assert abs(expected - (provinces == "32").mean()) < 0.015
        assert set(PROVINCE_POPULATION) == set(provinces.unique().to_list())

    def test_every_family_has_one_head(self, population):
        """One head per family, most with a spouse."""
        relations = population.members.get_column("relation").value_counts()
        counts = dict(relations.rows())

        assert population.families.height == counts["head"]
        assert counts["spouse"] > 0.6 * counts["head"]
        assert counts["grandchild"] > 0
        assert counts["parent"] + counts["parent_in_law"] > 0

    def test_primary_school_age_children_are_mostly_at_school(
        self, population
    ):
        """About 97% of children 7-12 enrolled in SD; some dropped out."""
        children = ages(population.members).filter(
            pl.col("age").is_between(7, 12)
        )
        at_sd = ((pl.col("school_level") == "sd") & pl.col("enrolled")).mean()

        assert 0.94 < children.select(at_sd).item() < 0.995

    def test_secondary_levels_follow_age(self, population):
        """SMP at 13-15 and SMA at 16-18 for most of those enrolled."""
        members = ages(population.members).filter(pl.col("enrolled"))
        smp = members.filter(pl.col("age").is_between(13, 15))
        sma = members.filter(pl.col("age").is_between(16, 18))

        assert {"smp"} == set(smp.get_column("school_level").unique())
        assert {"sma"} == set(sma.get_column("school_level").unique())

    def test_disability_is_a_few_percent_some_severe(self, population):
        """Around 3% with a disability, a fifth of them severe."""
        members = population.members
        disabled = (members.get_column("disability_kind") != "none").mean()
        severe = (members.get_column("disability_severity") == "severe").sum()

        assert 0.015 < disabled < 0.05
        assert severe > 0

    def test_pregnancy_is_for_women_of_18_to_45(self, population):
        """Only women of childbearing age are pregnant or nifas."""
        expecting = ages(population.members).filter(
            pl.col("pregnancy").is_in(["pregnant", "postpartum"])
        )

        assert expecting.height > 0
        assert {"female"} == set(expecting.get_column("sex").unique())
        assert expecting.get_column("age").is_between(18, 45).all()

    def test_covid_affected_groups_are_there(self, population):
        """Guru honorer, pemulung, pedagang, buruh harian, korban PHK."""
        members = population.members
        occupations = set(members.get_column("occupation").drop_nulls())

        assert {
            "honorary_teacher",
            "waste_picker",
            "trader",
            "daily_worker",
        } <= occupations
        assert "laid_off" in set(members.get_column("employment").drop_nulls())
        assert members.get_column("covid_affected").any()

    def test_state_employees_and_heroes_are_rare(self, population):
        """State employees are a small share; heroes' families tiny."""
        members = population.members
        state = (members.get_column("state_employment") != "none").mean()
        heroes = (members.get_column("hero_status") != "none").sum()

        assert 0.001 < state < 0.02
        assert 0 < heroes < 40

    def test_memberships_cover_pkh_bpnt_and_bst(self, population):
        """The three programmes, with dated histories up to the snapshot."""
        memberships = population.memberships
        since = memberships.get_column("since")

        assert {"PKH", "BPNT", "BST"} == set(memberships.get_column("program"))
        assert since.max() <= AS_OF
        assert since.min() >= dt.date(2016, 1, 1)
        assert {"graduated", "suspended", "exited"} <= set(
            memberships.get_column("state")
        )

    def test_the_raw_tables_read_back_without_rejects(self):
        """A clean population passes every check of from_tables."""
        families, rejects = from_tables(one_chunk(2_000, seed=2020))

        assert 2_000 == len(families)
        assert 0 == len(rejects)


class TestSnapshotDate:
    """The population is as of its snapshot date."""

    def test_before_the_papua_split_there_are_34_provinces(self):
        """91 and 92 only, in 2020."""
        families = one_chunk(
            3_000, seed=1, as_of=dt.date(2020, 7, 21)
        ).families
        provinces = set(families.get_column("region").str.slice(0, 2))

        assert provinces <= set(PROVINCE_POPULATION)

    def test_after_the_split_older_niks_keep_papua(self):
        """People of the new provinces born before 2022 carry 91 or 92."""
        members = one_chunk(3_000, seed=1, as_of=dt.date(2024, 1, 1)).members
        new = members.filter(
            pl.col("family_id").is_in(
                one_chunk(3_000, seed=1, as_of=dt.date(2024, 1, 1))
                .families.filter(
                    pl.col("region")
                    .str.slice(0, 2)
                    .is_in(["93", "94", "95", "96"])
                )
                .get_column("family_id")
                .implode()
            )
            & (pl.col("birth_date") < dt.date(2022, 1, 1))
        ).drop_nulls("nik")

        assert new.height > 0
        assert {"91", "92"} >= set(new.get_column("nik").str.slice(0, 2))

    def test_before_the_pandemic_covid_is_not_collected(self):
        """Nobody is COVID-affected in 2019: the question was not asked."""
        members = one_chunk(300, seed=1, as_of=dt.date(2019, 6, 30)).members

        assert 0 == members.get_column("covid_affected").drop_nulls().len()


@pytest.fixture(scope="module")
def dirty():
    """A small population with many errors."""
    return one_chunk(1_500, seed=9, error_rate=0.3)


class TestErrors:
    """Injected errors are listed and found by from_tables."""

    def test_every_kind_is_injected(self, dirty):
        """All six kinds occur."""
        kinds = set(dirty.errors.get_column("kind"))

        assert {k.value for k in ErrorKind} == kinds

    def test_every_injected_error_is_found_with_its_code(self, dirty):
        """Each manifest row has a reject of its family and code."""
        _, rejects = from_tables(dirty)
        found = rejects.rows.select("family_id", "code").unique()

        missed = dirty.errors.join(found, on=["family_id", "code"], how="anti")

        assert 0 == missed.height

    def test_only_injected_errors_are_found(self, dirty):
        """Every rejected family is in the manifest."""
        families, rejects = from_tables(dirty)
        listed = set(dirty.errors.get_column("family_id"))

        assert set(rejects.rows.get_column("family_id")) == listed
        assert rejects.balances(families)
        assert len(listed) == rejects.rejected_families

    def test_the_manifest_has_its_schema(self, dirty):
        """The manifest is a table with a fixed schema."""
        assert ERRORS_SCHEMA == dirty.errors.schema
        assert ERRORS_SCHEMA == one_chunk(10, seed=1).errors.schema

    def test_tables_with_errors_hold_dates_as_text(self, dirty):
        """31 February needs text."""
        assert RAW_MEMBERS_SCHEMA == dirty.members.schema

    def test_generate_leaves_out_the_families_with_errors(self):
        """Model objects only for clean families."""
        chunk = one_chunk(500, seed=4, error_rate=0.2)
        listed = set(chunk.errors.get_column("family_id"))

        families = list(generate(500, seed=4, error_rate=0.2))

        assert all(isinstance(f, Family) for f in families)
        assert 500 - len(listed) == len(families)
        assert not listed & {f.id for f in families}

    def test_kind_codes_are_reject_codes(self):
        """Each kind names the code that finds it."""
        assert "nik.length" == ErrorKind.NIK_LENGTH.code
        assert "batch.duplicate_nik" == ErrorKind.DUPLICATE_NIK.code


class TestArguments:
    """Bad arguments are refused."""

    @pytest.mark.parametrize(
        "options",
        [
            {"n_families": -1},
            {"n_families": 1, "chunk_size": 0},
            {"n_families": 1, "error_rate": 1.5},
        ],
    )
    def test_bad_sizes_and_rates_are_refused(self, options):
        """Sizes from 0, chunks from 1, rates from 0 to 1."""
        with pytest.raises(ConfigurationError):
            next(generate_tables(seed=1, **options))

    def test_no_families_give_no_chunks(self):
        """An empty population is an empty stream."""
        assert [] == list(generate_tables(0, seed=1))

    def test_a_profile_sets_the_deciles(self):
        """A uniform profile spreads families over all ten deciles."""
        profile = Profile(decile_weights=(1,) * 10)
        families = one_chunk(2_000, seed=1, profile=profile).families

        share = (families.get_column("decile") <= 4).mean()

        assert 0.35 < share < 0.45
