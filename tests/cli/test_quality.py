"""The ``dayasos quality`` command."""

import re

import pytest

from dayasos.cli import main
from dayasos.synthetic import generate_tables


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    """A synthetic population with errors, written as Parquet tables."""
    folder = tmp_path_factory.mktemp("pkh")
    tables = next(generate_tables(60, seed=3, error_rate=0.2))
    tables.families.write_parquet(folder / "families.parquet")
    tables.members.write_parquet(folder / "members.parquet")
    tables.memberships.write_parquet(folder / "memberships.parquet")
    (folder / "list.toml").write_text(
        'name = "pkh-2021"\nprogram = "PKH"\nperiod = "2021"\n'
    )
    return folder


def run(capsys, *argv):
    """Run the command line in-process and return (code, stdout, stderr)."""
    code = main(["quality", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


class TestAudit:
    """The audit runs and reports; findings are not failures."""

    def test_a_list_directory_is_audited_in_english(self, capsys, population):
        """Exit 0 with the report on standard output."""
        code, out, _ = run(
            capsys, str(population), "--on", "2021-12-31", "--lang", "en"
        )

        assert 0 == code
        assert out.startswith("Data quality audit as of 31 December 2021")
        assert "Lists: pkh-2021" in out
        assert [] == re.findall(r"(?<![A-Za-z0-9])\d{9,}", out)

    def test_lists_given_by_option_are_audited_together(
        self, capsys, population
    ):
        """--list names a list by programme, period and directory."""
        code, out, _ = run(
            capsys,
            "--list", f"bst=BST:2021-03:{population}",
            "--list", f"pkh=PKH:2021:{population}",
            "--on", "2021-12-31", "--format", "md",
        )  # fmt: skip

        assert 0 == code
        assert "Daftar: bst, pkh" in out
        assert "| Program yang saling mengecualikan |" in out

    def test_out_writes_the_report_and_the_findings(
        self, capsys, population, tmp_path
    ):
        """--out DIR holds quality.html and findings.csv."""
        code, out, _ = run(
            capsys, str(population), "--on", "2021-12-31",
            "--format", "html", "--out", str(tmp_path),
        )  # fmt: skip
        findings = (tmp_path / "findings.csv").read_text().splitlines()

        assert 0 == code
        assert "" == out
        assert (tmp_path / "quality.html").read_text().startswith("<h1>")
        assert findings[0].startswith("list,table,row,family_id")


class TestExitCodes:
    """1 for unreadable input, 2 for wrong usage."""

    def test_a_directory_without_list_toml_is_unreadable(
        self, capsys, tmp_path
    ):
        """An INPUT directory describes itself in list.toml."""
        code, _, err = run(capsys, str(tmp_path), "--on", "2021-12-31")

        assert 1 == code
        assert "list.toml" in err

    def test_a_list_without_members_is_unreadable(self, capsys, tmp_path):
        """The directory of a --list needs a members table."""
        code, _, err = run(
            capsys, "--list", f"x=BST:2021:{tmp_path}", "--on", "2021-12-31"
        )

        assert 1 == code
        assert "members" in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["--on", "2021-12-31"],
            ["--list", "x=BST:2021", "--on", "2021-12-31"],
            ["--list", "x=BST:S1-2021:.", "--on", "2021-12-31"],
            ["--list", "x=BST:2021:.", "--on", "31/12/2021"],
            ["--list", "x=BST:2021:.", "--list", "x=PKH:2021:."],
        ],
        ids=["no-list", "short-list", "bad-period", "bad-date", "no-date"],
    )
    def test_wrong_usage_exits_two(self, argv):
        """Missing lists, malformed options and dates are usage errors."""
        with pytest.raises(SystemExit) as caught:
            main(["quality", *argv])

        assert 2 == caught.value.code

    def test_two_lists_of_one_name_are_a_usage_error(self, population):
        """Findings name lists, so names must differ."""
        with pytest.raises(SystemExit) as caught:
            main(
                [
                    "quality",
                    "--list", f"x=BST:2021:{population}",
                    "--list", f"x=PKH:2021:{population}",
                    "--on", "2021-12-31",
                ]
            )  # fmt: skip

        assert 2 == caught.value.code
