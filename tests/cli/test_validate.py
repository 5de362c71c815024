"""The ``dayasos validate`` command."""

import pathlib

import pytest

from dayasos.cli import main


DATA = pathlib.Path(__file__).parent.parent.parent / "examples" / "data"


class TestValidate:
    """Every problem is printed with file, line and path."""

    def test_sample_families_are_valid(self, capsys):
        """The shipped family examples pass."""
        files = sorted(str(p) for p in DATA.glob("family_*.json"))
        code = main(["validate", *files])
        out = capsys.readouterr().out

        assert 0 == code
        assert f"{len(files)} records checked: {len(files)} valid" in out

    def test_bad_line_is_reported_with_file_line_and_path(self, capsys):
        """Line 3 of the errors file has a short NIK in members[2]."""
        name = str(DATA / "families_with_errors.jsonl")
        code = main(["validate", name])
        out = capsys.readouterr().out

        assert 1 == code
        assert (
            f"{name}:3: members[2].person.nik: a NIK has 16 digits, "
            "e.g. 3171014107800001; got 15"
        ) in out.splitlines()

    def test_json_array_items_get_their_own_line(self, tmp_path, capsys):
        """In a JSON array, a problem points at the line of its item."""
        path = tmp_path / "families.json"
        path.write_text(
            '[\n  {"id": "f1", "members": []},\n  {"id": 2, "members": []}\n]'
        )
        code = main(["validate", str(path)])
        out = capsys.readouterr().out

        assert 1 == code
        assert f"{path}:3: id: expected a string, got int" in out

    def test_broken_json_is_reported_not_raised(self, tmp_path, capsys):
        """A syntax error becomes a problem with its line."""
        path = tmp_path / "broken.json"
        path.write_text('{\n  "id": \n}')
        code = main(["validate", str(path)])
        out = capsys.readouterr().out

        assert 1 == code
        assert f"{path}:3: not valid JSON" in out

    def test_indonesian_messages(self, capsys):
        """--lang id renders the problems and summary in Indonesian."""
        name = str(DATA / "families_with_errors.jsonl")
        main(["validate", "--lang", "id", name])
        out = capsys.readouterr().out

        assert "NIK terdiri atas 16 angka" in out
        assert "rekaman diperiksa" in out

    def test_missing_file_is_a_usage_error(self, capsys):
        """A file that does not exist exits 2."""
        with pytest.raises(SystemExit) as exit_info:
            main(["validate", "no/such/file.json"])

        assert 2 == exit_info.value.code
        assert "no such file" in capsys.readouterr().err
