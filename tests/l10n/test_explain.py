"""Tests for dayasos.l10n.explain_decision: decisions in words."""

import datetime as dt
import importlib.util
import pathlib
import sys

import attrs
import pytest

from dayasos.l10n import _catalog, explain_decision, list_codes
from dayasos.l10n._explain import (
    component_name,
    format_period_code,
    format_reference,
    format_value,
)
from dayasos.model import LegalReference
from dayasos.money import Rupiah
from dayasos.policy import Reference
from dayasos.rules import EXPLAIN_CODES


RULES = pathlib.Path(__file__).parents[1] / "rules" / "pkh_like.py"


def _load():
    """Import tests/rules/pkh_like.py by its path (tests are no package)."""
    name = "l10n_pkh_like"
    spec = importlib.util.spec_from_file_location(name, RULES)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


PKH = _load()
PROGRAM = PKH.build_program()
PARAMS = PKH.build_params()

#: Catalog entries a programme would ship, for the example's codes.
ENTRIES = {
    "id": {
        "pkh.decile": "keluarga termasuk desil 1 sampai {max_decile}",
        "component.pkh.hamil": "ibu hamil/nifas",
        "program.pkh": "Program Keluarga Harapan (PKH)",
    },
    "en": {
        "pkh.decile": "the family is in decile 1 to {max_decile}",
        "component.pkh.hamil": "pregnant or postpartum mother",
        "program.pkh": "Family Hope Programme (PKH)",
    },
}


@pytest.fixture
def catalog(monkeypatch):
    """The catalogs with the example programme's entries added."""
    original = _catalog.templates

    def templates(language):
        """The shipped catalog of `language`, plus ENTRIES."""
        return {**original(language), **ENTRIES.get(language, {})}

    monkeypatch.setattr(_catalog, "templates", templates)


def decide(**fields):
    """Decide the six-member example family, with fields overridden."""
    family = PKH.six_member_family(**fields)
    return PROGRAM.decide(family, on=PKH.ON, params=PARAMS)


class TestCatalogEntries:
    """Every code the explanation uses has words in both languages."""

    @pytest.mark.parametrize("code", EXPLAIN_CODES)
    def test_explanation_code_has_indonesian_and_english_words(self, code):
        """Each of EXPLAIN_CODES is in both catalogs."""
        assert (True, True) == (
            code in list_codes("id"),
            code in list_codes("en"),
        )


@pytest.mark.usefixtures("catalog")
class TestEligible:
    """An eligible family: verdict, reasons, amounts, totals."""

    def test_indonesian_explanation_reads_verdict_criteria_and_amounts(self):
        """The verdict, a criterion, a component and the totals in id."""
        text = explain_decision(decide(), "id")
        lines = text.splitlines()

        assert (
            "Program Keluarga Harapan (PKH) per 21 Juli 2020: LAYAK"
            == lines[0]
        )
        assert "Dasar hukum program: Permensos Nomor 1 Tahun 2018" == lines[1]
        assert (
            "  [terpenuhi] keluarga termasuk desil 1 sampai 4 (pkh.decile)"
            in lines
        )
        assert "    data: decile = 2" in lines
        assert (
            "    ketentuan: pkh.max_decile = 4 (Permensos Nomor 1 Tahun 2018)"
        ) in lines
        assert "    dasar hukum: Kepmensos Nomor 79/HUK Tahun 2025" in lines
        assert "  p2: ibu hamil/nifas, Rp3.000.000" in lines
        assert "  Tahap 3 2020: Rp2.475.000" in lines
        assert "Jumlah tahun 2020: Rp9.900.000" in lines
        assert (
            "Terbilang: sembilan juta sembilan ratus ribu rupiah" == lines[-1]
        )

    def test_english_explanation_has_the_same_facts_without_terbilang(self):
        """English words, IDR amounts and dates, no terbilang line."""
        text = explain_decision(decide(), "en")
        lines = text.splitlines()

        assert (
            "Family Hope Programme (PKH) on 21 July 2020: ELIGIBLE"
            == (lines[0])
        )
        assert "  [met] the family is in decile 1 to 4 (pkh.decile)" in lines
        assert "  p2: pregnant or postpartum mother, IDR 3,000,000" in lines
        assert "  Tahap 1 2020: IDR 2,475,000" in lines
        assert "Total for 2020: IDR 9,900,000" == lines[-1]
        assert "Terbilang" not in text

    def test_decision_explain_delegates_to_l10n(self):
        """Decision.explain gives the same text as explain_decision."""
        decision = decide()

        assert explain_decision(decision, "en") == decision.explain("en")
        assert explain_decision(decision) == decision.explain()

    def test_nik_and_kk_values_are_masked(self):
        """The KK read by a criterion is never shown."""
        text = explain_decision(decide(), "en")

        assert "kk = ****" in text
        assert "3171010101200001" not in text


@pytest.mark.usefixtures("catalog")
class TestIneligibleAndUndetermined:
    """Reasons when a family is not (or not yet) eligible."""

    def test_failed_criterion_shows_the_value_read(self):
        """A family in decile 7 fails the decile criterion, shown with 7."""
        lines = explain_decision(decide(decile=7), "en").splitlines()

        assert (
            "Family Hope Programme (PKH) on 21 July 2020: NOT ELIGIBLE"
            == (lines[0])
        )
        assert (
            "  [not met] the family is in decile 1 to 4 (pkh.decile)" in lines
        )
        assert "    data: decile = 7" in lines

    def test_ineligible_explanation_shows_no_amounts(self):
        """Amounts appear only for an eligible family."""
        text = explain_decision(decide(decile=7), "id")

        assert "Jumlah tahun" not in text

    def test_missing_inputs_are_listed(self):
        """Unknown criteria and the inputs still needed are named."""
        decision = decide(decile=None, memberships=None)
        lines = explain_decision(decision, "id").splitlines()

        assert lines[0].endswith("BELUM DAPAT DITENTUKAN (data belum lengkap)")
        assert (
            "  [belum diketahui] keluarga termasuk desil 1 sampai 4 "
            "(pkh.decile)"
        ) in lines
        assert "    data belum ada: decile" in lines
        assert ["  - decile", "  - memberships"] == lines[-2:]
        assert "Data yang masih diperlukan:" == lines[-3]


class TestFallbacks:
    """Codes without catalog entries read as themselves; nothing crashes."""

    def test_criterion_without_entry_reads_as_its_code(self):
        """A criterion code no catalog knows stands in for its text, once."""
        decision = decide()
        renamed = attrs.evolve(decision.criteria[0], code="example.unlisted")
        decision = attrs.evolve(
            decision, criteria=(renamed, *decision.criteria[1:])
        )
        lines = explain_decision(decision, "en").splitlines()

        assert "  [met] example.unlisted" in lines

    def test_component_without_entry_reads_as_its_code(self):
        """A component without an entry reads as its slug."""
        assert "usia_dini" == component_name("EXAMPLE", "usia_dini", "en")

    def test_program_without_entry_reads_as_its_code(self):
        """An unknown programme is named by its code."""
        decision = attrs.evolve(decide(), program="NO_SUCH_PROGRAM")

        assert explain_decision(decision, "en").startswith("NO_SUCH_PROGRAM ")

    def test_incomplete_entitlement_is_flagged(self):
        """A component that could not be decided is said so."""
        decision = attrs.evolve(decide(), entitlement_complete=False)

        assert explain_decision(decision, "en").endswith(
            "the amounts above are not final."
        )


class TestValues:
    """Values read and used by rules, written for people."""

    @pytest.mark.parametrize(
        ("value", "language", "expected"),
        [
            (Rupiah(1_500_000), "id", "Rp1.500.000"),
            (Rupiah(1_500_000), "en", "IDR 1,500,000"),
            (1234, "id", "1.234"),
            (True, "id", "ya"),
            (False, "en", "no"),
            (None, "id", "tidak ada data"),
            (dt.date(2020, 7, 21), "id", "21 Juli 2020"),
            (("pns", "tni"), "en", "pns, tni"),
            ((), "en", "-"),
        ],
    )
    def test_value_is_written_for_its_type(self, value, language, expected):
        """Rupiah, counts, booleans, unknown, dates and code lists."""
        assert expected == format_value(value, language)

    def test_percent_parameter_reads_as_a_percentage(self):
        """A Decimal percent of 25 reads 25%."""
        from decimal import Decimal  # noqa: PLC0415

        assert "25,00%" == format_value(Decimal(25), "id")

    def test_reference_with_article(self):
        """Instrument, number, year and article."""
        reference = LegalReference(
            instrument="Perpres", number="186", year=2014, article="Pasal 2"
        )

        assert "Perpres Nomor 186 Tahun 2014, Pasal 2" == format_reference(
            reference, "id"
        )
        assert "Perpres No. 186 of 2014, Pasal 2" == format_reference(
            reference, "en"
        )

    def test_reference_without_number_shows_the_instrument(self):
        """A simulation reference has no number or year."""
        assert "Simulasi" == format_reference(
            Reference(instrument="Simulasi", title="3jt"), "id"
        )

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("2020-T2", "Tahap 2 2020"),
            ("2020", "Tahun Anggaran 2020"),
            ("2020-Q3", "Triwulan III 2020"),
            ("not a period", "not a period"),
        ],
    )
    def test_period_codes_read_as_labels(self, code, expected):
        """Tahap, years and quarters; anything else as given."""
        assert expected == format_period_code(code, "id")


class TestCodedValues:
    """Coded model values read as words in the reader's language."""

    def test_pregnancy_and_school_level_in_both_languages(self):
        """A catalog word for each coded value, per language."""
        from dayasos.l10n._explain import format_value  # noqa: PLC0415
        from dayasos.model import PregnancyStatus, SchoolLevel  # noqa: PLC0415

        assert "hamil" == format_value(PregnancyStatus.PREGNANT, "id")
        assert "pregnant" == format_value(PregnancyStatus.PREGNANT, "en")
        assert "SMP/MTs" == format_value(SchoolLevel.SMP, "id")

    def test_a_value_without_a_word_shows_its_code(self):
        """No catalog entry: the stable code, never a crash."""
        import enum  # noqa: PLC0415

        from dayasos.l10n._explain import format_value  # noqa: PLC0415

        class Colour(enum.Enum):
            """A coded value dayasos has no words for."""

            RED = "red"

        assert "red" == format_value(Colour.RED, "id")
