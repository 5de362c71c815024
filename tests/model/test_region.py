from hypothesis import given
from hypothesis import strategies as st

from dayasos.ids import RegionCode, RegionLevel
from dayasos.model import (
    Community,
    Family,
    FamilyMember,
    Person,
    Relation,
    group_by_region,
)
from dayasos.testing._model import kube_groups, youth_groups


def family(family_id, region):
    """A one-person family in a region."""
    head = FamilyMember(person=Person(id="p"), relation=Relation.HEAD)
    code = None if region is None else RegionCode.parse(region)
    return Family(id=family_id, members=[head], region=code)


A = family("a", "31.71.01.1001")
B = family("b", "31.71.02.2003")
C = family("c", "31.74.01.1001")
D = family("d", "32.01.01.2001")


def ids(groups):
    """Group keys as strings and entity ids."""
    return {
        (None if k is None else str(k)): [e.id for e in v]
        for k, v in groups.items()
    }


class TestGroupByRegion:
    """Entities roll up desa, kecamatan, kab/kota, province."""

    def test_families_roll_up_to_provinces(self):
        """DKI and Jawa Barat."""
        assert {"31": ["a", "b", "c"], "32": ["d"]} == ids(
            group_by_region([A, B, C, D], RegionLevel.PROVINCE)
        )

    def test_families_roll_up_to_kabupaten_kota(self):
        """Jakarta Selatan, Jakarta Barat, Bogor; groups keep input order."""
        assert {"31.71": ["b", "a"], "31.74": ["c"], "32.01": ["d"]} == ids(
            group_by_region([D, C, B, A], RegionLevel.REGENCY)
        )

    def test_families_roll_up_to_kecamatan(self):
        """Each kecamatan its own group, in code order."""
        assert ["31.71.01", "31.71.02", "31.74.01", "32.01.01"] == list(
            ids(group_by_region([A, B, C, D], RegionLevel.DISTRICT))
        )

    def test_unknown_and_coarser_regions_go_under_none(self):
        """Nothing is lost: no region, or only a province, is None."""
        unknown = family("u", None)
        coarse = Community(id="k", region=RegionCode.parse("31"))

        assert {"31.71.01": ["a"], None: ["u", "k"]} == ids(
            group_by_region([unknown, A, coarse], RegionLevel.DISTRICT)
        )

    @given(
        st.lists(st.one_of(youth_groups(), kube_groups()), max_size=8),
        st.sampled_from(RegionLevel),
    )
    def test_nothing_is_lost_or_misplaced(self, entities, level):
        """Every entity lands once, under its region at that level."""
        groups = group_by_region(entities, level)

        assert sorted(map(id, entities)) == sorted(
            id(e) for members in groups.values() for e in members
        )
        assert all(
            key is None or e.region.at_level(level) == key
            for key, members in groups.items()
            for e in members
        )
