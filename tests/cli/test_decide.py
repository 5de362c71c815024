"""The ``dayasos decide`` command, on the programme catalogue."""

import json
import pathlib

import pytest

from dayasos.cli import main


DATA = pathlib.Path(__file__).parents[2] / "examples" / "data"
FAMILY = str(DATA / "family_pkh.json")
ERRORS = str(DATA / "families_with_errors.jsonl")
ON = ["--on", "2020-07-21"]


def usage_error(argv):
    """Run the command expecting exit 2; return stderr."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert 2 == exit_info.value.code
    return exit_info


class TestDecideOneProgramme:
    """Explanations and receipts for one programme."""

    def test_explains_in_indonesian_by_default(self, capsys):
        """The record's header, the verdict line and the yearly total."""
        code = main(["decide", "PKH", FAMILY, *ON])
        out, err = capsys.readouterr()

        assert 0 == code
        assert f"== rekaman {FAMILY}:1 (keluarga-semarang-001)" in out
        assert "per 21 Juli 2020: LAYAK" in out
        assert "Jumlah tahun 2020: Rp" in out
        assert "Terbilang:" in out
        assert "1 rekaman: 1 diputuskan, 0 tidak sah" in err

    def test_explains_in_english(self, capsys):
        """--lang en: English words and IDR amounts."""
        main(["decide", "PKH", FAMILY, *ON, "--lang", "en"])
        out = capsys.readouterr().out

        assert "on 21 July 2020: ELIGIBLE" in out
        assert "Total for 2020: IDR " in out

    def test_json_prints_one_receipt_per_record(self, capsys):
        """--json: canonical receipts, one per line, nothing else."""
        code = main(["decide", "PKH", ERRORS, *ON, "--json"])
        out = capsys.readouterr().out
        receipts = [json.loads(line) for line in out.splitlines()]

        assert 1 == code
        assert 3 == len(receipts)
        assert {"PKH"} == {r["program"] for r in receipts}
        assert {"2020-07-21"} == {r["on"] for r in receipts}

    def test_bad_record_is_reported_and_counted_others_decided(self, capsys):
        """Line 3 is reported with its paths; lines 1, 2, 4 are decided."""
        code = main(["decide", "PKH", ERRORS, *ON, "--lang", "en"])
        out, err = capsys.readouterr()

        assert 1 == code
        assert f"{ERRORS}:3: decile: expected an integer, got string" in (
            err.splitlines()
        )
        assert "4 records: 3 decided, 1 invalid" in err
        assert 3 == out.count("== record ")

    def test_ineligible_is_still_success(self, tmp_path, capsys):
        """A family in decile 9 is decided: exit 0."""
        data = json.loads(pathlib.Path(FAMILY).read_text("utf-8"))
        data["decile"] = 9
        path = tmp_path / "rich.json"
        path.write_text(json.dumps([data]))
        code = main(["decide", "pkh", str(path), *ON, "--lang", "en"])

        assert 0 == code
        assert "NOT ELIGIBLE" in capsys.readouterr().out

    def test_period_shows_its_amount(self, capsys):
        """--period adds the amount of that tahap."""
        main(["decide", "PKH", FAMILY, *ON, "--period", "2020-T3"])
        out = capsys.readouterr().out

        assert "Tahap 3 2020: Rp" in out.split("Terbilang")[-1]

    def test_period_with_json_wraps_the_receipt(self, capsys):
        """--json --period: period, amount and the receipt."""
        main(["decide", "PKH", FAMILY, *ON, "--json", "--period", "2020-t1"])
        document = json.loads(capsys.readouterr().out)

        assert "2020-T1" == document["period"]
        assert (
            dict(document["receipt"]["amounts"]["periods"])["2020-T1"]
            == (document["amount"])
        )

    def test_reform_file_changes_the_amounts(self, tmp_path, capsys):
        """--reform applies a reform file on top of the parameters."""
        main(["decide", "PKH", FAMILY, *ON, "--json"])
        before = json.loads(capsys.readouterr().out)
        names = [p["name"] for p in before["parameters"]]
        lansia = next(
            n for n in names if n.endswith("lansia") and "amount" in n
        )
        reform = tmp_path / "reform.toml"
        reform.write_text(
            'name = "Lansia Rp9 juta"\n[[overrides]]\n'
            f'parameter = "{lansia}"\nsince = 2020-01-01\n'
            "value = 9_000_000\n"
            'reference = { instrument = "Simulasi", title = "9 juta" }\n'
        )
        main(["decide", "PKH", FAMILY, *ON, "--json", "--reform", str(reform)])
        after = json.loads(capsys.readouterr().out)

        assert after["amounts"]["total"] > before["amounts"]["total"]


class TestDecideAll:
    """Every programme of the records' type, side by side."""

    def test_all_lists_every_programme_of_the_family(self, capsys):
        """Each catalogue programme deciding families is named."""
        from dayasos.model import Family  # noqa: PLC0415
        from dayasos.programs import catalogue  # noqa: PLC0415

        code = main(["decide", "all", FAMILY, *ON, "--lang", "en"])
        out = capsys.readouterr().out
        codes = [e.code for e in catalogue() if e.entity is Family]

        assert 0 == code
        assert all(c in out for c in codes)

    def test_all_with_json_gives_decisions_and_overlaps(self, capsys):
        """One JSON document per record with decisions and overlaps."""
        main(["decide", "all", ERRORS, *ON, "--json"])
        documents = [
            json.loads(line) for line in capsys.readouterr().out.splitlines()
        ]

        assert 3 == len(documents)
        assert {"decisions", "not_running", "on", "overlaps"} == set(
            documents[0]
        )

    def test_exclusive_programmes_are_flagged(self, capsys):
        """A BST member eligible for Sembako is flagged in the same month."""
        main(["decide", "all", ERRORS, *ON, "--lang", "en"])
        out = capsys.readouterr().out

        assert "Mutually exclusive programmes: BST + SEMBAKO" in out


class TestUsage:
    """Wrong usage exits 2."""

    def test_unknown_programme(self, capsys):
        """A code not in the catalogue."""
        usage_error(["decide", "NOPE", FAMILY, *ON])

        assert "NOPE" in capsys.readouterr().err

    def test_missing_file(self, capsys):
        """A file that does not exist."""
        usage_error(["decide", "PKH", "no/such.json", *ON])

        assert "no such file" in capsys.readouterr().err

    def test_on_is_required(self):
        """The date of the decision is always given."""
        usage_error(["decide", "PKH", FAMILY])

    def test_bad_period(self):
        """A period code that is not one."""
        usage_error(["decide", "PKH", FAMILY, *ON, "--period", "T3"])

    def test_period_outside_the_schedule(self, capsys):
        """A period the programme does not pay in that year."""
        usage_error(["decide", "PKH", FAMILY, *ON, "--period", "2021-T1"])

        assert "not a payment period" in capsys.readouterr().err

    def test_unreadable_reform(self):
        """A reform file that is not there."""
        usage_error(["decide", "PKH", FAMILY, *ON, "--reform", "none.toml"])
