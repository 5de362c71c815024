"""Loading good parameter files from folders, files and traversables."""

import zipfile
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.policy import (
    Confidence,
    Description,
    Origin,
    Reference,
    Unit,
    load_parameters,
    parse_parameters,
)


class TestGoodFiles:
    """The sample files load with names, units and typed values."""

    def test_names_come_from_paths_and_family_members(self, params):
        """Folders, file stems and family members make dotted names."""
        expected = [
            "bst.amount",
            "pkh.amount.ibu_hamil",
            "pkh.amount.lansia",
            "pkh.amount.sd",
            "pkh.cap.max_components",
            "pkh.covid_raise",
            "pkh.excluded_occupations",
            "pkh.lansia_min_age",
            "pkh.max_decile",
            "pkh.monthly_disbursement",
            "pkh.tahap_share",
        ]

        assert expected == [p.name for p in params]

    def test_money_values_become_rupiah(self, params):
        """An integer value of a rupiah unit is a Rupiah."""
        lansia = params.parameter("pkh.amount.lansia")

        assert Unit.RUPIAH_PER_YEAR == lansia.unit
        assert (Rupiah(2_400_000),) == tuple(v.value for v in lansia.values)

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("pkh.covid_raise", Decimal(25)),
            ("pkh.tahap_share", Fraction(1, 4)),
            ("pkh.cap.max_components", 4),
            ("pkh.max_decile", 4),
            (
                "pkh.excluded_occupations",
                ("asn", "tni", "polri", "pejabat", "pegawai_bumn_bumd"),
            ),
        ],
    )
    def test_each_unit_gives_its_type(self, params, name, expected):
        """Percent, ratio, count, decile and codes values are exact."""
        value = params.parameter(name).values[0].value

        assert expected == value
        assert type(expected) is type(value)

    def test_family_members_inherit_unit_and_reference(self, params):
        """A member without its own unit and reference takes the file's."""
        sd = params.parameter("pkh.amount.sd")

        assert Unit.RUPIAH_PER_YEAR == sd.unit
        assert (
            Reference(
                instrument="Peraturan Menteri Sosial",
                number="1",
                year=2018,
                title="Program Keluarga Harapan",
            )
            == sd.reference
        )

    def test_a_value_without_until_runs_to_the_next_since(self, params):
        """The implicit end of a value is the next value's since."""
        ibu_hamil = params.parameter("pkh.amount.ibu_hamil")

        assert [
            (date(2019, 1, 1), date(2020, 1, 1)),
            (date(2020, 1, 1), None),
        ] == [(v.since, v.until) for v in ibu_hamil.values]

    def test_listing_gives_metadata_and_history(self, params):
        """Each parameter carries description, provenance and history."""
        age = params.parameter("pkh.lansia_min_age")

        assert (
            Description(
                "Usia minimal komponen lanjut usia PKH",
                "Minimum age of the PKH elderly component",
            )
            == age.description
        )
        assert [Confidence.MEDIUM, Confidence.UNVERIFIED] == [
            v.confidence for v in age.values
        ]
        assert age.values[1].note.startswith("tribunnews 2022")
        assert age.origin.file.endswith("lansia_min_age.toml")
        assert 12 == age.values[1].origin.line

    def test_the_value_origin_points_at_its_table(self, params):
        """A family member's value remembers its [[...values]] line."""
        ibu_hamil = params.parameter("pkh.amount.ibu_hamil")

        assert [16, 26] == [v.origin.line for v in ibu_hamil.values]

    def test_a_reference_keeps_its_url(self, params):
        """Optional reference keys are read."""
        value = params.parameter("pkh.cap.max_components").values[0]

        assert "https://katadata.co.id/" == value.reference.url


class TestSources:
    """Directories, files, prefixes and zip archives."""

    def test_a_prefix_names_a_program_folder(self, data_dir, params):
        """Loading pkh/ with prefix "pkh" gives the same parameters."""
        pkh = load_parameters(data_dir / "params" / "pkh", prefix="pkh")

        assert [p for p in params if p.name.startswith("pkh.")] == list(pkh)

    def test_a_file_source_is_named_by_its_stem(self, data_dir):
        """A single file loads under prefix + stem."""
        file = data_dir / "params" / "bst" / "amount.toml"

        loaded = load_parameters(file, prefix="bst")

        assert ["bst.amount"] == [p.name for p in loaded]

    def test_string_paths_are_accepted(self, data_dir, params):
        """A source may be a plain string."""
        assert params == load_parameters(str(data_dir / "params"))

    def test_files_load_from_a_zip_archive(self, data_dir, params, tmp_path):
        """Traversables (as for a wheel) load like folders."""
        archive = tmp_path / "wheel.zip"
        root = data_dir / "params"
        with zipfile.ZipFile(archive, "w") as zipped:
            for file in sorted(root.rglob("*.toml")):
                zipped.write(
                    file, "dayasos/" + file.relative_to(root).as_posix()
                )

        loaded = load_parameters(zipfile.Path(archive, "dayasos/"))

        assert params == loaded
        assert "wheel.zip" in str(loaded.parameter("bst.amount").origin)

    def test_hidden_and_other_files_are_skipped(self, tmp_path):
        """Only visible *.toml files are parameters."""
        (tmp_path / "README.md").write_text("notes")
        (tmp_path / ".draft.toml").write_text("not = [valid")

        assert 0 == len(load_parameters(tmp_path))

    def test_several_sources_combine(self, data_dir):
        """Parameters of several sources end up in one set."""
        root = data_dir / "params"

        loaded = load_parameters(root / "bst", root / "pkh" / "cap")

        assert ["amount", "max_components"] == [p.name for p in loaded]

    def test_a_missing_source_is_refused(self, tmp_path):
        """A path that is neither file nor folder is an error."""
        with pytest.raises(ParameterError) as info:
            load_parameters(tmp_path / "nowhere")

        assert "parameter.source_missing" == info.value.error_code
        assert "nowhere" in str(info.value)


class TestParse:
    """Reading one file's text."""

    def test_the_origin_is_the_given_file_name(self):
        """Text parsed without a file is named by the file argument."""
        text = (
            'description = { id = "Uji", en = "Test" }\n'
            'unit = "boolean"\n'
            "[[values]]\n"
            "since = 2020-01-01\n"
            "value = true\n"
            'reference = { instrument = "Uji", number = "1" }\n'
        )

        parsed = parse_parameters(text, name="uji.flag", file="flag.toml")

        assert (
            Origin("flag.toml", 3)
            == parsed.parameter("uji.flag").values[0].origin
        )
