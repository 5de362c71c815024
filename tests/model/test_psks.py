import pytest

from dayasos.errors import ValidationError
from dayasos.model import PSKS, AgeBand


OFFICIAL_ORDER = [
    "Pekerja Sosial Profesional",
    "Pekerja Sosial Masyarakat",
    "Taruna Siaga Bencana",
    "Lembaga Kesejahteraan Sosial",
    "Karang Taruna",
    "Lembaga Konsultasi Kesejahteraan Keluarga",
    "Keluarga Pioner",
    "Wahana Kesejahteraan Sosial Keluarga Berbasis Masyarakat",
    "Wanita Pemimpin Kesejahteraan Sosial",
    "Penyuluh Sosial",
    "Tenaga Kesejahteraan Sosial Kecamatan",
    "Dunia Usaha",
]


class TestPSKSList:
    """The 12 PSKS of Permensos 08/2012."""

    def test_there_are_12_psks_in_the_official_order(self):
        """The enum lists the Indonesian names in the official order."""
        assert OFFICIAL_ORDER == [p.label_id for p in PSKS]

    def test_codes_number_the_official_positions(self):
        """PSKS-01 ... PSKS-12 follow the order."""
        assert [f"PSKS-{i:02d}" for i in range(1, 13)] == [
            p.code for p in PSKS
        ]
        assert list(range(1, 13)) == [p.number for p in PSKS]

    def test_every_psks_has_a_distinct_english_label(self):
        """English labels exist and are distinct."""
        labels = {p.label_en for p in PSKS}

        assert 12 == len(labels)
        assert all(label.strip() for label in labels)

    @pytest.mark.parametrize("psks", list(PSKS))
    def test_a_psks_is_found_by_its_number(self, psks):
        """from_number gives back the PSKS at that position."""
        assert psks is PSKS.from_number(psks.number)

    def test_a_number_outside_1_to_12_is_refused(self):
        """13 raises psks.number."""
        with pytest.raises(ValidationError) as info:
            PSKS.from_number(13)

        assert "psks.number" == info.value.error_code

    def test_tksk_cites_permensos_28_2018(self):
        """TKSK rests on Permensos 28/2018 and Perdirjen 35/2020."""
        assert [
            "Permensos 08/2012",
            "Permensos 28/2018",
            "Perdirjen Dayasos 35/2020",
        ] == [str(r) for r in PSKS.TKSK.references]

    def test_psm_reports_an_adult_age_band(self):
        """PSM volunteers are reported to be 18-59, unverified."""
        assert AgeBand(18, 59) == PSKS.PSM.criteria.age
