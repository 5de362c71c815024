"""The ``dayasos test`` command: scenario files from the command line."""

import pathlib

import pytest

from dayasos.cli import main


ROOT = pathlib.Path(__file__).parents[2]

HEAD = """\
program = "PKH"
source = "test"
"""

CASE = """\
[[cases]]
name = "{name}"
on = 2020-07-21
entity = "{entity}"
[cases.expected]
verdict = "{verdict}"
"""


@pytest.fixture
def folder(tmp_path):
    """A scenario folder with the example PKH family as entity data."""
    entities = tmp_path / "entities"
    entities.mkdir()
    family = ROOT / "examples" / "data" / "family_pkh.json"
    (entities / "family.json").write_text(family.read_text("utf-8"))
    return tmp_path


def write(folder, name, *cases):
    """Write a scenario file of (name, verdict) cases for the family."""
    text = HEAD + "".join(
        CASE.format(name=n, entity="entities/family.json", verdict=v)
        for n, v in cases
    )
    path = folder / name
    path.write_text(text)
    return path


class TestRunScenarios:
    """One line per case, then the summary."""

    def test_all_pass(self, folder, capsys):
        """A passing case prints PASS; exit 0."""
        path = write(folder, "a.toml", ("Keluarga PKH: layak", "eligible"))
        code = main(["test", str(folder)])
        out = capsys.readouterr().out.splitlines()

        assert 0 == code
        assert f"PASS {path}:3: Keluarga PKH: layak" == out[0]
        assert "1 passed, 0 failed" == out[-1]

    def test_a_failing_case_prints_its_report(self, folder, capsys):
        """FAIL, expected vs actual, explanation; exit 1."""
        path = write(
            folder,
            "a.toml",
            ("Keluarga PKH: layak", "eligible"),
            ("Salah: tidak layak", "ineligible"),
        )
        code = main(["test", str(path)])
        out = capsys.readouterr().out

        assert 1 == code
        assert f"FAIL {path}:9: Salah: tidak layak" in out
        assert "    verdict: expected 'ineligible', got 'eligible'" in out
        assert "    Explanation:" in out
        assert out.endswith("1 passed, 1 failed\n")

    def test_a_broken_file_counts_as_a_failure(self, folder, capsys):
        """A file that cannot be read prints ERROR with file and line."""
        bad = folder / "bad.toml"
        bad.write_text(HEAD + "colour = 1\n")
        code = main(["test", str(bad)])
        out = capsys.readouterr().out

        assert 1 == code
        assert f"ERROR {bad}:3: unknown key 'colour'" in out
        assert "0 passed, 1 failed" in out

    def test_repository_scenarios_pass(self, capsys):
        """Every scenario of tests/scenarios using the catalogue passes."""
        folders = [
            p
            for p in sorted((ROOT / "tests" / "scenarios").iterdir())
            if p.is_dir() and p.name != "example" and any(p.rglob("*.toml"))
        ]
        code = main(["test", *map(str, folders)])
        out = capsys.readouterr().out

        assert len(folders) >= 11
        assert 0 == code, out


class TestUsage:
    """Wrong usage exits 2."""

    def test_missing_path(self, capsys):
        """A path that does not exist."""
        with pytest.raises(SystemExit) as exit_info:
            main(["test", "no/such/folder"])

        assert 2 == exit_info.value.code
        assert "no such file or folder" in capsys.readouterr().err

    def test_folder_without_scenarios(self, tmp_path):
        """A folder with no .toml files."""
        with pytest.raises(SystemExit) as exit_info:
            main(["test", str(tmp_path)])

        assert 2 == exit_info.value.code


EXAMPLE = pathlib.Path(__file__).parents[1] / "scenarios" / "example"


class TestLocalPrograms:
    """``--programs`` brings programmes from outside the catalogue."""

    def test_example_programme_is_found_through_its_hook(self, capsys):
        """The example scenarios pass with the example's own hook file."""
        code = main(
            [
                "test",
                str(EXAMPLE),
                "--programs",
                str(EXAMPLE / "conftest.py"),
            ]
        )
        out = capsys.readouterr().out

        assert 0 == code
        assert out.splitlines()[-1].endswith(" passed, 0 failed")

    def test_without_it_the_example_programme_is_unknown(self, capsys):
        """The catalogue alone has no EXAMPLE_PKH: the cases fail."""
        code = main(["test", str(EXAMPLE)])
        out = capsys.readouterr().out

        assert 1 == code
        assert "FAIL" in out

    def test_a_file_without_the_hook_is_a_usage_error(self, tmp_path, capsys):
        """A programs file must define dayasos_program(code)."""
        empty = tmp_path / "programs.py"
        empty.write_text("X = 1\n")

        with pytest.raises(SystemExit) as exit_info:
            main(["test", str(EXAMPLE), "--programs", str(empty)])

        assert 2 == exit_info.value.code
        assert "dayasos_program" in capsys.readouterr().err
