import datetime as dt

import attrs
import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.ids import KK, NIK, RegionCode
from dayasos.model import (
    Family,
    FamilyMember,
    FamilyRef,
    Membership,
    MicroBusiness,
    Person,
    Relation,
)
from dayasos.testing._model import families


KK_BUDI = KK("3171012001200001")


def member(person_id, relation):
    """A family member with nothing collected but the relation."""
    return FamilyMember(person=Person(id=person_id), relation=relation)


def family(*members, **facts):
    """A family of the given members."""
    return Family(id="f1", members=members, **facts)


HEAD = member("p1", Relation.HEAD)


class TestFamilyInvariants:
    """A family has one head, unique member ids and a decile 1-10."""

    def test_a_family_without_a_head_is_refused(self):
        """family.head for no kepala keluarga."""
        with pytest.raises(ValidationError) as info:
            family(member("p1", Relation.SPOUSE))

        assert ("family.head", 0) == (
            info.value.error_code,
            info.value.value,
        )

    def test_a_family_with_two_heads_is_refused(self):
        """family.head for two kepala keluarga."""
        with pytest.raises(ValidationError) as info:
            family(HEAD, member("p2", Relation.HEAD))

        assert ("family.head", 2) == (
            info.value.error_code,
            info.value.value,
        )

    def test_member_ids_are_unique(self):
        """family.member_id at the repeated member's path."""
        with pytest.raises(ValidationError) as info:
            family(HEAD, member("p1", Relation.CHILD))

        assert ("family.member_id", "members[1].person.id") == (
            info.value.error_code,
            info.value.path,
        )

    @pytest.mark.parametrize("decile", [0, 11, -1])
    def test_a_decile_outside_1_to_10_is_refused(self, decile):
        """family.decile."""
        with pytest.raises(ValidationError) as info:
            family(HEAD, decile=decile)

        assert "family.decile" == info.value.error_code

    def test_a_business_owner_is_a_member(self):
        """family.business_owner for an outsider."""
        with pytest.raises(ValidationError) as info:
            family(HEAD, businesses=[MicroBusiness(owner_id="p9")])

        assert "family.business_owner" == info.value.error_code

    def test_evolve_checks_the_invariants_again(self):
        """Adding a second head with evolve raises."""
        one = family(HEAD)

        with pytest.raises(ValidationError):
            attrs.evolve(
                one, members=[*one.members, member("p2", Relation.HEAD)]
            )

    @given(families())
    def test_generated_families_are_valid(self, generated):
        """The strategy builds families that survive re-validation."""
        assert generated == attrs.evolve(generated)


class TestFamilyQueries:
    """Read-only questions rules ask about a family."""

    def test_the_head_is_the_kepala_keluarga(self):
        """Head finds the member related as HEAD, wherever listed."""
        f = family(member("p2", Relation.CHILD), HEAD)

        assert "p1" == f.head.id

    def test_members_are_grouped_by_relation(self):
        """Each relation maps to its persons, in record order."""
        f = family(
            HEAD,
            member("p2", Relation.SPOUSE),
            member("p3", Relation.CHILD),
            member("p4", Relation.CHILD),
        )

        assert {
            Relation.HEAD: ("p1",),
            Relation.SPOUSE: ("p2",),
            Relation.CHILD: ("p3", "p4"),
        } == {
            relation: tuple(p.id for p in persons)
            for relation, persons in f.members_by_relation.items()
        }

    def test_the_relation_of_a_member_is_known(self):
        """relation_of answers for members, None for others."""
        f = family(HEAD, member("p2", Relation.GRANDCHILD))

        assert (Relation.GRANDCHILD, None) == (
            f.relation_of("p2"),
            f.relation_of("p9"),
        )

    def test_the_latest_membership_of_a_program_is_found(self):
        """A family that came back to PKH has its new membership."""
        old = Membership.propose("PKH", dt.date(2015, 1, 1))
        new = Membership.propose("PKH", dt.date(2020, 1, 1))
        bpnt = Membership.propose("BPNT", dt.date(2021, 1, 1))
        f = family(HEAD, memberships=[new, bpnt, old])

        assert (new, (old, new)) == (
            f.membership("PKH"),
            f.memberships_of("PKH"),
        )

    def test_uncollected_memberships_are_unknown(self):
        """memberships_of is None when memberships were not collected."""
        f = family(HEAD)

        assert (None, None) == (f.memberships_of("PKH"), f.membership("PKH"))

    def test_a_family_without_a_program_has_no_membership(self):
        """Known memberships without PKH give an empty answer."""
        f = family(HEAD, memberships=[])

        assert ((), None) == (f.memberships_of("PKH"), f.membership("PKH"))

    def test_a_family_with_a_kk_can_be_referred_to(self):
        """Ref is a FamilyRef by KK, or None without a KK."""
        assert (FamilyRef(kk=KK_BUDI), None) == (
            family(HEAD, kk=KK_BUDI).ref,
            family(HEAD).ref,
        )

    def test_size_counts_the_members(self):
        """Three members, size three."""
        f = family(
            HEAD, member("p2", Relation.PARENT), member("p3", Relation.OTHER)
        )

        assert 3 == f.size

    def test_a_family_lives_in_a_region(self):
        """The region is a RegionCode, usually a desa."""
        f = family(HEAD, region=RegionCode.parse("31.71.01.1001"))

        assert "31.71.01.1001" == str(f.region)


class TestMasking:
    """Neither the KK nor any member's NIK shows in full."""

    def test_repr_masks_kk_and_nik(self):
        """Only the region and serial digits remain."""
        nik = NIK("3171014107800001")
        f = family(
            FamilyMember(
                person=Person(id="p1", nik=nik), relation=Relation.HEAD
            ),
            kk=KK_BUDI,
        )
        text = repr(f)

        assert "3171012001200001" not in text
        assert "3171014107800001" not in text
        assert "3171********0001" in text

    @given(families())
    def test_repr_never_contains_a_full_number(self, generated):
        """Whatever the family, KK and NIK digits stay hidden."""
        text = repr(generated)
        numbers = [p.nik.reveal() for p in generated.persons if p.nik]
        if generated.kk is not None:
            numbers.append(generated.kk.reveal())

        assert [] == [n for n in numbers if n in text]
