import pytest

from dayasos.errors import ValidationError
from dayasos.ids import Sex
from dayasos.model import PPKS, AgeBand, Confidence


OFFICIAL_ORDER = [
    "Anak Balita Terlantar",
    "Anak Terlantar",
    "Anak yang Berhadapan dengan Hukum",
    "Anak Jalanan",
    "Anak dengan Kedisabilitasan",
    "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah",
    "Anak yang Memerlukan Perlindungan Khusus",
    "Lanjut Usia Terlantar",
    "Penyandang Disabilitas",
    "Tuna Susila",
    "Gelandangan",
    "Pengemis",
    "Pemulung",
    "Kelompok Minoritas",
    "Bekas Warga Binaan Lembaga Pemasyarakatan",
    "Orang dengan HIV/AIDS",
    "Korban Penyalahgunaan NAPZA",
    "Korban Trafficking",
    "Korban Tindak Kekerasan",
    "Pekerja Migran Bermasalah Sosial",
    "Korban Bencana Alam",
    "Korban Bencana Sosial",
    "Perempuan Rawan Sosial Ekonomi",
    "Fakir Miskin",
    "Keluarga Bermasalah Sosial Psikologis",
    "Komunitas Adat Terpencil",
]


class TestPPKSList:
    """The 26 categories of Permensos 08/2012."""

    def test_there_are_26_categories_in_the_official_order(self):
        """The enum lists the Indonesian names in the official order."""
        assert OFFICIAL_ORDER == [c.label_id for c in PPKS]

    def test_codes_number_the_official_positions(self):
        """PPKS-01 ... PPKS-26 follow the order, and number matches."""
        assert [f"PPKS-{i:02d}" for i in range(1, 27)] == [
            c.code for c in PPKS
        ]
        assert list(range(1, 27)) == [c.number for c in PPKS]

    def test_every_category_has_an_english_label(self):
        """English labels exist and are distinct."""
        labels = [c.label_en for c in PPKS]

        assert 26 == len(set(labels))
        assert all(label.strip() for label in labels)

    @pytest.mark.parametrize("category", list(PPKS))
    def test_a_category_is_found_by_its_number(self, category):
        """from_number gives back the category at that position."""
        assert category is PPKS.from_number(category.number)

    @pytest.mark.parametrize("number", [0, 27, -1])
    def test_a_number_outside_1_to_26_is_refused(self, number):
        """A number outside the list raises ppks.number."""
        with pytest.raises(ValidationError) as info:
            PPKS.from_number(number)

        assert "ppks.number" == info.value.error_code

    def test_every_category_cites_permensos_08_2012_first(self):
        """The listing regulation is the first reference of every one."""
        assert {"Permensos 08/2012"} == {str(c.references[0]) for c in PPKS}

    def test_lansia_terlantar_also_cites_the_elderly_law(self):
        """UU 13/1998 sets the 60-year threshold."""
        assert "UU 13/1998" in [
            str(r) for r in PPKS.LANSIA_TERLANTAR.references
        ]


class TestPPKSCriteria:
    """Age and sex criteria as data, with their confidence."""

    def test_only_categories_1_3_8_and_23_are_verified(self):
        """DOMAIN.md marks the other age bands unverified."""
        verified = [
            c.number for c in PPKS if c.criteria.confidence is Confidence.HIGH
        ]

        assert [1, 2, 3, 8, 23] == verified

    @pytest.mark.parametrize(
        ("category", "band"),
        [
            (PPKS.ANAK_BALITA_TERLANTAR, AgeBand(0, 5)),
            (PPKS.ANAK_TERLANTAR, AgeBand(6, 18)),
            (PPKS.ANAK_BERHADAPAN_HUKUM, AgeBand(12, 17)),
            (PPKS.LANSIA_TERLANTAR, AgeBand(60, None)),
            (PPKS.PRSE, AgeBand(18, 59)),
        ],
    )
    def test_verified_age_bands_are_the_regulations(self, category, band):
        """The verified bands are those of Permensos 08/2012."""
        assert band == category.criteria.age

    def test_prse_admits_women_only(self):
        """Perempuan Rawan Sosial Ekonomi is for women."""
        criteria = PPKS.PRSE.criteria

        assert (False, True) == (
            criteria.admits_sex(Sex.MALE),
            criteria.admits_sex(Sex.FEMALE),
        )

    def test_other_categories_admit_both_sexes(self):
        """No category but PRSE restricts the sex."""
        restricted = [c for c in PPKS if c.criteria.sexes != frozenset(Sex)]

        assert [PPKS.PRSE] == restricted

    def test_a_child_in_conflict_with_the_law_is_under_18(self):
        """ABH runs from 12 to under 18 years."""
        criteria = PPKS.ANAK_BERHADAPAN_HUKUM.criteria

        assert [False, True, True, False] == [
            criteria.admits_age(a) for a in (11, 12, 17, 18)
        ]
