"""Tests of dayasos.programs.apd: target groups, kits, quota, scenarios."""

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.errors import ParameterError
from dayasos.ids import RegionCode
from dayasos.l10n._catalog import templates
from dayasos.model import AidKind, HeroStatus, Person
from dayasos.programs import Split, UnservedReason, get
from dayasos.programs.apd import (
    ENTRY,
    PROGRAM,
    ApdRecipient,
    PillarRole,
    allocate_kits,
    kit_on,
    regency_quotas,
)
from dayasos.scenarios import load_scenario, run_case


SCENARIO = load_scenario(
    pathlib.Path(__file__).parents[1] / "scenarios" / "apd" / "apd.toml"
)
APRIL = dt.date(2020, 4, 13)
AUGUST = dt.date(2021, 8, 3)


def recipient(i, role=PillarRole.TKSK, region="31.71.01", **person):
    """Return recipient r<i>, a pillar in a region (None: unknown)."""
    return ApdRecipient(
        id=f"r{i:02d}",
        person=Person(id=f"p{i}", **person),
        role=role,
        region=None if region is None else RegionCode.parse(region),
    )


class TestEntry:
    """The catalogue entry of the APD kits."""

    def test_the_catalogue_lists_apd_kits_for_persons(self):
        """get("APD") is the package's entry: protective kits to persons."""
        assert (ENTRY, "person", AidKind.PROTECTIVE_KIT) == (
            get("APD"),
            ENTRY.beneficiary.value,
            ENTRY.aid_kind,
        )

    def test_every_parameter_the_rules_read_is_shipped(self):
        """Each parameter of the rules is in the shipped set."""
        assert [] == [
            n for n in PROGRAM.parameters() if n not in ENTRY.parameters
        ]


class TestCatalogTexts:
    """Every code the decision shows has a text in both languages."""

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_criteria_and_name_have_texts(self, language):
        """Criteria and the programme name are in the catalog."""
        codes = [c.code for c in PROGRAM.criteria] + ["program.apd"]

        assert [] == [c for c in codes if c not in templates(language)]


class TestScenarios:
    """The policy cases of tests/scenarios/apd."""

    @pytest.mark.parametrize("case", SCENARIO.cases, ids=lambda c: c.name)
    def test_case_is_decided_as_the_file_states(self, case):
        """Each case is decided as its expectation says."""
        result = run_case(SCENARIO, case)

        assert result.passed, result.report()


class TestDecide:
    """Decisions on recipients, directly."""

    @pytest.mark.parametrize(
        "role",
        [
            PillarRole.TKSK,
            PillarRole.PSM,
            PillarRole.KARANG_TARUNA,
            PillarRole.SLRT,
            PillarRole.PUSKESOS,
            PillarRole.PENDAMPING_KAT,
        ],
    )
    def test_each_named_pillar_receives_a_kit(self, role):
        """The six pillars of the 2020 release all qualify."""
        decision = ENTRY.decide(
            recipient(1, role, hero_status=HeroStatus.NONE), on=APRIL
        )

        assert decision.eligible

    @pytest.mark.parametrize(
        "status",
        [
            HeroStatus.KELUARGA_PAHLAWAN,
            HeroStatus.PERINTIS_KEMERDEKAAN,
            HeroStatus.JANDA_DUDA_PERINTIS,
            HeroStatus.WARAKAWURI,
        ],
    )
    def test_each_hero_status_receives_a_kit(self, status):
        """Heroes' and pioneers' families qualify without a pillar role."""
        decision = ENTRY.decide(
            recipient(1, PillarRole.NONE, hero_status=status), on=APRIL
        )

        assert decision.eligible

    def test_no_kits_were_defined_before_13_april_2020(self):
        """The first distribution is dated 13 April 2020."""
        with pytest.raises(ParameterError):
            ENTRY.decide(recipient(1), on=dt.date(2020, 4, 12))


class TestKit:
    """kit_on and ApdKit."""

    def test_the_2020_kit_holds_masks_sanitizer_and_vitamin_c(self):
        """Quantities were not reported: they stay unknown."""
        kit = kit_on(APRIL)

        assert [
            ("masker", None),
            ("hand_sanitizer", None),
            ("vitamin_c", None),
        ] == [(i.name, i.quantity) for i in kit.items]

    def test_the_2021_goodie_bag_holds_seven_masks(self):
        """Seven masks and vitamins, via Karang Taruna."""
        kit = kit_on(AUGUST)

        assert 7 == kit.items[0].quantity

    def test_a_kit_with_an_unknown_quantity_is_no_aid(self):
        """An aid in kind lists its quantities; unknown is not one."""
        assert kit_on(APRIL).to_aid() is None

    def test_a_kit_with_known_quantities_is_a_protective_kit(self):
        """All quantities known: a PROTECTIVE_KIT aid with its items."""
        from dayasos.programs.apd import ApdKit, KitItem  # noqa: PLC0415

        kit = ApdKit(items=[KitItem(name="masker", quantity=7, unit="buah")])
        aid = kit.to_aid()

        assert (AidKind.PROTECTIVE_KIT, 7) == (aid.kind, aid.items[0].quantity)


class TestAllocation:
    """allocate_kits against the quota."""

    def test_the_2020_quota_is_4637_packages(self):
        """Without a quota given, apd.quota applies."""
        result = allocate_kits([recipient(1)], on=APRIL)

        assert (4_637, 1) == (
            result.allocation.quota,
            result.allocation.used,
        )

    def test_a_quota_equal_to_demand_serves_everyone(self):
        """Boundary: as many packages as eligible recipients."""
        people = [recipient(i) for i in range(5)]

        result = allocate_kits(people, on=APRIL, quota=5)

        assert (5, ()) == (result.allocation.used, result.allocation.unserved)

    def test_one_package_short_leaves_the_last_id_out(self):
        """Boundary: quota one below demand; ties go by record id."""
        people = [recipient(i) for i in range(5)]

        result = allocate_kits(people, on=APRIL, quota=4)

        assert [("r04", UnservedReason.QUOTA_EXHAUSTED)] == [
            (u.key, u.reason) for u in result.allocation.unserved
        ]

    def test_provinces_share_the_quota_by_demand(self):
        """2020 quotas are per province, in proportion to demand."""
        people = [recipient(i) for i in range(6)] + [
            recipient(10 + i, region="32.73") for i in range(2)
        ]

        result = allocate_kits(people, on=APRIL, quota=4)

        assert (("31", 3), ("32", 1)) == result.allocation.quotas

    def test_ineligible_and_undetermined_recipients_are_not_candidates(self):
        """Only eligible recipients compete; the others are reported."""
        people = [
            recipient(1),
            recipient(2, PillarRole.NONE, hero_status=HeroStatus.NONE),
            recipient(3, None),
        ]

        result = allocate_kits(people, on=APRIL, quota=10)

        assert (["r01"], ("r02",), ("r03",)) == (
            [g.key for g in result.allocation.served],
            result.not_eligible,
            result.undetermined,
        )

    def test_a_recipient_without_region_is_reported(self):
        """No region, no regional quota."""
        result = allocate_kits([recipient(1, region=None)], on=APRIL)

        assert UnservedReason.REGION_UNKNOWN == (
            result.allocation.unserved[0].reason
        )

    def test_2021_quotas_are_per_kabupaten_kota(self):
        """In August 2021 each kabupaten/kota has 1,000 packages."""
        people = [
            recipient(1, PillarRole.KARANG_TARUNA, region="31.71.01"),
            recipient(2, PillarRole.KARANG_TARUNA, region="32.73.01"),
        ]
        quotas = regency_quotas(["3171", "3273"], on=AUGUST)

        result = allocate_kits(people, on=AUGUST, split=quotas)

        assert (("3171", 1_000), ("3273", 1_000)) == result.allocation.quotas

    def test_a_national_queue_ignores_regions(self):
        """Split.NATIONAL serves by priority across provinces."""
        people = [recipient(1, region="32.73"), recipient(2)]

        result = allocate_kits(
            people,
            on=APRIL,
            quota=1,
            split=Split.NATIONAL,
            priority=lambda r: 1 if r.id == "r02" else 2,
        )

        assert ["r02"] == [g.key for g in result.allocation.served]


class TestProperties:
    """Properties of the allocation over generated recipients."""

    @given(
        roles=st.lists(
            st.sampled_from([PillarRole.TKSK, PillarRole.NONE, None]),
            max_size=12,
        ),
        regions=st.lists(st.sampled_from(["31.71", "32.73", None])),
        quota=st.integers(min_value=0, max_value=15),
    )
    def test_the_quota_is_never_exceeded_and_nobody_is_lost(
        self, roles, regions, quota
    ):
        """Served, unserved and not-candidates cover every recipient."""
        people = [
            recipient(
                i,
                role,
                region=regions[i] if i < len(regions) else "31.71",
                hero_status=HeroStatus.NONE,
            )
            for i, role in enumerate(roles)
        ]

        result = allocate_kits(people, on=APRIL, quota=quota)
        allocation = result.allocation
        accounted = (
            {g.key for g in allocation.served}
            | {u.key for u in allocation.unserved}
            | set(result.not_eligible)
            | set(result.undetermined)
        )

        assert allocation.used <= quota
        assert {p.id for p in people} == accounted
