"""Turning structuring errors into located, masked problems."""

import pytest
from cattrs import ClassValidationError

from dayasos.errors import InvalidLength
from dayasos.serialization._problems import (
    collect_problems,
    join_path,
    kind_of,
    scrub,
    shown,
)


class TestPaths:
    """Paths read like the data: members[2].nik."""

    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            (["members", 2, "nik"], "members[2].nik"),
            ([0, "on"], "[0].on"),
            (["items", "beras merah"], 'items["beras merah"]'),
        ],
    )
    def test_parts_join_into_a_path(self, parts, expected):
        """Names join with dots, indexes with brackets."""
        path = ""
        for part in parts:
            path = join_path(path, part)

        assert expected == path


class TestMasking:
    """No full NIK or KK leaves through free text."""

    def test_sixteen_digits_are_masked(self):
        """The middle eight digits are hidden."""
        assert "nik 3171********0001 ok" == scrub("nik 3171014107800001 ok")

    def test_shorter_numbers_stay(self):
        """Amounts and years are not identifiers."""
        assert "Rp1500000 in 2020" == scrub("Rp1500000 in 2020")

    def test_long_strings_are_shortened(self):
        """A pasted paragraph does not flood the report."""
        assert 40 == len(shown("x" * 100))

    def test_containers_are_shown_by_kind(self):
        """A list's content is never echoed."""
        assert "<array>" == shown(["3171014107800001"])


class TestForeignErrors:
    """Exceptions from outside dayasos become problems too."""

    def test_an_unexpected_error_is_described_and_masked(self):
        """Its text is kept for the developer, with digits masked."""
        error = ValueError("bad 3171014107800001")

        (problem,) = collect_problems(error, "members[0]")

        assert "serialization.invalid" == problem.error_code
        assert (
            "members[0]: invalid value (ValueError: bad 3171********0001)"
            == str(problem)
        )
        assert error is problem.__cause__

    def test_errors_without_notes_stay_at_the_record(self):
        """A class's own check is reported at the class's path."""
        group = ClassValidationError(
            "While structuring", [InvalidLength("too short", path="kk")], dict
        )

        (problem,) = collect_problems(group, "family")

        assert "family.kk: too short" == str(problem)

    def test_kinds_are_named_as_json_names_them(self):
        """Python types are named by their JSON kinds."""
        assert ["object", "string", "integer"] == [
            kind_of({}),
            kind_of(""),
            kind_of(1),
        ]
