import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.model import (
    PSKS,
    Accreditation,
    Institution,
    InstitutionKind,
    LegalStatus,
    Person,
    StaffMember,
    StaffRole,
)
from dayasos.testing._model import institutions


class TestInstitutionKind:
    """Kinds of institution link to their PSKS."""

    def test_every_psks_is_an_institution_kind(self):
        """Each of the 12 PSKS has exactly one kind."""
        assert set(PSKS) == {k.psks for k in InstitutionKind if k.psks}

    @pytest.mark.parametrize(
        "kind",
        [
            InstitutionKind.PUSKESOS,
            InstitutionKind.SLRT,
            InstitutionKind.IPSPI,
            InstitutionKind.IPSM,
        ],
    )
    def test_puskesos_slrt_ipspi_and_ipsm_are_not_psks(self, kind):
        """They are lembaga named by the seed, not PSKS."""
        assert kind.psks is None

    def test_slrt_cites_permensos_15_2018(self):
        """SLRT and Puskesos rest on Permensos 15/2018."""
        assert ["Permensos 15/2018"] == [
            str(r) for r in InstitutionKind.PUSKESOS.references
        ]

    def test_a_psks_kind_cites_its_psks_references(self):
        """Tagana cites Permensos 28/2012."""
        assert PSKS.TAGANA.references == InstitutionKind.TAGANA.references


class TestInstitution:
    """Institutions as collected."""

    def test_a_person_is_listed_once_per_institution(self):
        """institution.staff_id for a repeated person."""
        chair = StaffMember(person=Person(id="s1"), role=StaffRole.CHAIR)
        with pytest.raises(ValidationError) as info:
            Institution(
                id="lks", kind=InstitutionKind.LKS, staff=[chair, chair]
            )

        assert "institution.staff_id" == info.value.error_code

    def test_a_legal_entity_number_contradicts_no_legal_entity(self):
        """institution.legal_entity."""
        with pytest.raises(ValidationError) as info:
            LegalStatus(legal_entity=False, legal_entity_number="AHU-1")

        assert "institution.legal_entity" == info.value.error_code

    @pytest.mark.parametrize(
        ("grade", "accredited"),
        [
            (Accreditation.A, True),
            (Accreditation.C, True),
            (Accreditation.NONE, False),
            (None, None),
        ],
    )
    def test_accreditation_is_known_or_unknown(self, grade, accredited):
        """A-C accredited, NONE not, None unknown."""
        lks = Institution(
            id="x", kind=InstitutionKind.LKS, accreditation=grade
        )

        assert accredited is lks.is_accredited

    def test_staff_are_found_by_role(self):
        """The chair of a Karang Taruna."""
        kt = Institution(
            id="kt",
            kind=InstitutionKind.KARANG_TARUNA,
            staff=[
                StaffMember(person=Person(id="a"), role=StaffRole.CHAIR),
                StaffMember(person=Person(id="b"), role=StaffRole.MEMBER),
            ],
        )

        assert ["a"] == [p.id for p in kt.staff_with_role(StaffRole.CHAIR)]
        assert kt.psks is PSKS.KARANG_TARUNA

    def test_uncollected_staff_are_unknown(self):
        """staff_with_role is None when staff were not collected."""
        tksk = Institution(id="t", kind=InstitutionKind.TKSK)

        assert tksk.staff_with_role(StaffRole.CHAIR) is None

    @given(institutions())
    def test_repr_never_contains_a_full_nik(self, institution):
        """Staff NIKs stay masked."""
        text = repr(institution)
        niks = [s.person.nik for s in institution.staff or () if s.person.nik]

        assert [] == [n for n in niks if n.reveal() in text]
