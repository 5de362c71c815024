"""The ``dayasos nik check`` command."""

import io
import json
import subprocess
import sys

import pytest

from dayasos.cli import main


VALID = "3171014107800001"


def run(capsys, *argv, stdin=None, monkeypatch=None):
    """Run the command line in-process and return (code, stdout, stderr)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


class TestJsonOutput:
    """``--json`` prints one object per NIK with the documented keys."""

    def test_valid_nik_gives_birth_date_sex_and_province(self, capsys):
        """A woman born 1 July 1980 in DKI Jakarta."""
        code, out, _ = run(
            capsys, "nik", "check", "--json", "--as-of", "2020-07-21", VALID
        )
        result = json.loads(out)

        assert 0 == code
        assert {
            "nik": "3171********0001",
            "valid": True,
            "birth_date": "1980-07-01",
            "sex": "female",
            "age": 40,
            "region_code": "31.71.01",
            "province_code": "31",
            "province_name": "DKI Jakarta",
        } == result

    def test_invalid_nik_gives_a_reason_and_exit_one(self, capsys):
        """A serial of 0000 is invalid; the reason names it."""
        code, out, _ = run(
            capsys,
            "nik",
            "check",
            "--json",
            "--lang",
            "en",
            "3578010101200000",
        )
        result = json.loads(out)

        assert 1 == code
        assert False is result["valid"]
        assert "nik.serial" == result["code"]
        assert "serial" in result["reason"]

    def test_century_is_resolved_against_as_of(self, capsys):
        """YY=10 is 2010 as of 2020, and 1910 as of 2009."""
        _, out2020, _ = run(
            capsys,
            "nik",
            "check",
            "--json",
            "--as-of",
            "2020-07-21",
            "3273151203100002",
        )
        _, out2009, _ = run(
            capsys,
            "nik",
            "check",
            "--json",
            "--as-of",
            "2009-01-01",
            "3273151203100002",
        )

        assert "2010-03-12" == json.loads(out2020)["birth_date"]
        assert "1910-03-12" == json.loads(out2009)["birth_date"]

    def test_full_nik_is_shown_only_when_revealed(self, capsys):
        """The masked form is the default; --reveal shows the digits."""
        _, masked, _ = run(capsys, "nik", "check", "--json", VALID)
        _, revealed, _ = run(
            capsys, "nik", "check", "--json", "--reveal", VALID
        )

        assert VALID not in masked
        assert VALID == json.loads(revealed)["nik"]


class TestSeveralNiks:
    """Several NIKs at once, or one per line on stdin."""

    def test_stdin_gives_one_line_per_nik(self, capsys, monkeypatch):
        """Blank lines and comments are skipped; exit 1 if any invalid."""
        code, out, _ = run(
            capsys,
            "nik",
            "check",
            "--json",
            "-",
            stdin=f"# sample\n{VALID}\n\n123\n",
            monkeypatch=monkeypatch,
        )
        results = [json.loads(line) for line in out.splitlines()]

        assert 1 == code
        assert [True, False] == [r["valid"] for r in results]

    def test_all_valid_exits_zero(self, capsys):
        """Exit 0 when every NIK is valid."""
        code, out, _ = run(
            capsys, "nik", "check", "--json", VALID, "9171055505150003"
        )

        assert 0 == code
        assert 2 == len(out.splitlines())


class TestHumanOutput:
    """Without --json, one sentence per NIK in Indonesian or English."""

    def test_indonesian_explanation(self, capsys):
        """The default language is Indonesian, with Indonesian dates."""
        _, out, _ = run(capsys, "nik", "check", "--as-of", "2020-07-21", VALID)

        assert (
            "3171********0001: NIK sah; perempuan, lahir 1 Juli 1980 "
            "(umur 40 tahun pada 21 Juli 2020), terdaftar di kecamatan "
            "31.71.01, DKI Jakarta.\n"
        ) == out

    def test_english_explanation_of_an_invalid_nik(self, capsys):
        """An invalid NIK is explained with what was expected."""
        _, out, _ = run(capsys, "nik", "check", "--lang", "en", "123")

        assert out.startswith("***: invalid NIK; a NIK has 16 digits")


class TestUsage:
    """Usage errors exit 2 with a message, never a traceback."""

    def test_bad_as_of_date_is_a_usage_error(self, capsys):
        """--as-of must be an ISO date."""
        with pytest.raises(SystemExit) as exit_info:
            main(["nik", "check", "--as-of", "21-07-2020", VALID])

        assert 2 == exit_info.value.code
        assert "YYYY-MM-DD" in capsys.readouterr().err

    def test_no_command_is_a_usage_error(self, capsys):
        """Plain ``dayasos`` prints help and exits 2."""
        assert 2 == main([])
        assert "COMMAND" in capsys.readouterr().err

    def test_version_and_module_entry_point(self):
        """``python -m dayasos --version`` prints the version."""
        out = subprocess.run(
            [sys.executable, "-m", "dayasos", "--version"],
            capture_output=True,
            text=True,
            check=True,
        )

        assert out.stdout.startswith("dayasos ")
