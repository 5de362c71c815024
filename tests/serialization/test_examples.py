"""The example data and the round-trip script."""

import contextlib
import io
import json
import pathlib
import re
import runpy

import pytest

from dayasos.errors import RecordError
from dayasos.model import Family
from dayasos.serialization import load_jsonl


EXAMPLES = pathlib.Path(__file__).parents[2] / "examples"
SIXTEEN_DIGITS = re.compile(r"[0-9]{16}")


@pytest.fixture(scope="module")
def output():
    """What examples/family_roundtrip.py prints."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        runpy.run_path(
            str(EXAMPLES / "family_roundtrip.py"), run_name="__main__"
        )
    return buffer.getvalue()


class TestRoundTripScript:
    """examples/family_roundtrip.py."""

    def test_the_family_reads_back_equal(self, output):
        """The script reports an equal object after the round trip."""
        assert "read back equal: True" in output

    def test_the_bad_line_of_the_batch_is_reported(self, output):
        """Line 3 of the JSON Lines file lists its problems by path."""
        assert "line 3: 4 problems" in output
        assert "members[2].person.nik [nik.length]" in output

    def test_no_identifier_is_printed_in_full(self, output):
        """NIK and KK numbers appear masked only."""
        assert [] == SIXTEEN_DIGITS.findall(output)
        assert "3374********0003" in output


class TestExampleData:
    """examples/data."""

    def test_the_jsonl_file_keeps_going_past_its_bad_line(self):
        """Four lines, one error, with its line number."""
        results = list(
            load_jsonl(
                EXAMPLES / "data" / "families_with_errors.jsonl", Family
            )
        )

        assert [1, 2, 3, 4] == [number for number, _ in results]
        assert [False, False, True, False] == [
            isinstance(item, RecordError) for _, item in results
        ]

    @pytest.mark.parametrize(
        "path",
        sorted((EXAMPLES / "data").glob("*.json")),
        ids=lambda p: p.name,
    )
    def test_every_example_is_pretty_printed_utf8_json(self, path):
        """Files are UTF-8, indented by two spaces, end with a newline."""
        text = path.read_text(encoding="utf-8")

        assert (
            text
            == json.dumps(json.loads(text), indent=2, ensure_ascii=False)
            + "\n"
        )
