"""
Every refusal of the loader names the file, the parameter and the line.

Each test writes one faulty file to ``pkh/amount/lansia.toml`` (so the
parameter is ``pkh.amount.lansia``) and marks the line the error must name.
"""

from datetime import date

import pytest

from dayasos.errors import ParameterError
from dayasos.policy import load_parameters


NAME = "pkh.amount.lansia"

HEAD = """\
description = { id = "Lanjut usia", en = "Elderly" }
unit = "rupiah_per_year"
"""

REF = 'reference = { instrument = "Kepdirjen", number = "02/2019" }\n'

V2019 = (
    """
[[values]]
since = 2019-01-01
value = 2_400_000
"""
    + REF
)


def line_of(text, marker):
    """Return the 1-based line of the first line containing `marker`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number
    msg = f"{marker!r} is not in the text"
    raise AssertionError(msg)


@pytest.fixture
def refuse(tmp_path):
    """Write a faulty file, load it, and return (path, error)."""

    def refuse(text, relative="pkh/amount/lansia.toml"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ParameterError) as info:
            load_parameters(tmp_path)
        return path, info.value

    return refuse


def assert_located(error, path, line, name=NAME):
    """The message starts with file:line: parameter and params agree."""
    assert f"{path}:{line}: {name}:" in str(error)
    assert line == error.params["line"]
    assert str(path) == error.params["file"]
    assert name == error.params["parameter"]


class TestDatesAndOrder:
    """Overlaps, gaps, disorder and empty ranges."""

    def test_overlapping_values_are_refused(self, refuse):
        """A value starting before the previous one's until overlaps."""
        text = (
            HEAD
            + V2019.replace("value =", "until = 2021-01-01\nvalue =")
            + "[[values]]\nsince = 2020-01-01 # here\nvalue = 1\n"
            + REF
        )

        path, error = refuse(text)

        assert "parameter.overlap" == error.error_code
        assert_located(error, path, line_of(text, "# here"))
        assert "values[1].since" in str(error)

    def test_two_values_on_the_same_day_overlap(self, refuse):
        """Two values with the same since overlap."""
        text = HEAD + V2019 + V2019.replace("2_400_000", "1")

        path, error = refuse(text)

        assert "parameter.overlap" == error.error_code
        assert_located(error, path, 10)
        assert "starts on the same day as values[0]" in str(error)

    def test_values_out_of_order_are_refused(self, refuse):
        """History reads top-down: an earlier since after a later one."""
        text = (
            HEAD
            + V2019
            + "[[values]]\nsince = 2018-01-01 # here\nvalue = 1\n"
            + REF
        )

        path, error = refuse(text)

        assert "parameter.unordered" == error.error_code
        assert_located(error, path, line_of(text, "# here"))

    def test_an_undeclared_gap_is_refused(self, refuse):
        """An inclusive-looking until leaves a day without a value."""
        text = (
            HEAD
            + V2019.replace("value =", "until = 2019-12-31\nvalue =")
            + "[[values]]\nsince = 2020-01-01 # here\nvalue = 1\n"
            + REF
        )

        path, error = refuse(text)

        assert "parameter.gap" == error.error_code
        assert_located(error, path, line_of(text, "# here"))
        assert "write until = 2020-01-01" in str(error)

    def test_a_declared_gap_is_allowed(self, tmp_path):
        """With gaps = "allowed" the days between have no value."""
        text = (
            'gaps = "allowed"\n'
            + HEAD
            + V2019.replace("value =", "until = 2019-07-01\nvalue =")
            + "[[values]]\nsince = 2020-01-01\nvalue = 1\n"
            + REF
        )
        (tmp_path / "lansia.toml").write_text(text)

        loaded = load_parameters(tmp_path)

        lansia = loaded.parameter("lansia")

        assert lansia.value_at(date(2019, 6, 30)) is not None
        assert lansia.value_at(date(2019, 7, 1)) is None
        assert lansia.value_at(date(2019, 12, 31)) is None
        assert lansia.value_at(date(2020, 1, 1)) is not None

    def test_an_until_not_after_since_is_refused(self, refuse):
        """A value must be in force at least one day."""
        text = HEAD + V2019.replace(
            "value =", "until = 2019-01-01 # here\nvalue ="
        )

        path, error = refuse(text)

        assert "parameter.empty_range" == error.error_code
        assert_located(error, path, line_of(text, "# here"))

    def test_a_date_written_as_a_string_is_refused(self, refuse):
        """Dates are bare TOML dates, not strings."""
        text = HEAD + V2019.replace(
            "since = 2019-01-01", 'since = "2019-01-01"'
        )

        path, error = refuse(text)

        assert "parameter.bad_date" == error.error_code
        assert_located(error, path, line_of(text, "since ="))
        assert "since = 2020-04-01" in str(error)

    def test_a_date_with_a_time_is_refused(self, refuse):
        """A TOML datetime is not a date."""
        text = HEAD + V2019.replace(
            "since = 2019-01-01", "since = 2019-01-01T08:00:00"
        )

        path, error = refuse(text)

        assert "parameter.bad_date" == error.error_code
        assert_located(error, path, line_of(text, "since ="))

    def test_an_impossible_date_is_refused_with_its_line(self, refuse):
        """30 February is a TOML error located on its line."""
        text = HEAD + V2019.replace("2019-01-01", "2019-02-30")

        path, error = refuse(text)

        assert "parameter.toml" == error.error_code
        assert_located(error, path, line_of(text, "2019-02-30"))


class TestReferences:
    """Values need their own reference."""

    def test_a_value_without_reference_is_refused(self, refuse):
        """The [[values]] line of the value is named."""
        text = HEAD + V2019 + "[[values]]\nsince = 2020-01-01\nvalue = 1\n"

        path, error = refuse(text)

        assert "parameter.missing_reference" == error.error_code
        assert_located(error, path, 8)
        assert "values[1]" in str(error)

    def test_a_reference_without_number_or_title_is_refused(self, refuse):
        """An instrument alone does not identify a reference."""
        text = HEAD + V2019.replace('number = "02/2019"', "year = 2019")

        path, error = refuse(text)

        assert "parameter.missing_reference" == error.error_code
        assert_located(error, path, line_of(text, "reference ="))

    def test_a_reference_key_must_be_known(self, refuse):
        """Reference tables are strict too."""
        text = HEAD + V2019.replace("number =", "nomor =")

        path, error = refuse(text)

        assert "parameter.unknown_key" == error.error_code
        assert_located(error, path, line_of(text, "reference ="))

    def test_a_year_must_be_an_integer(self, refuse):
        """Year = "2019" is a type mismatch."""
        text = HEAD + V2019.replace(
            'number = "02/2019"', 'number = "02", year = "2019"'
        )

        path, error = refuse(text)

        assert "parameter.type" == error.error_code
        assert_located(error, path, line_of(text, "reference ="))

    def test_a_url_must_be_a_web_address(self, refuse):
        """Url is http(s)."""
        text = HEAD + V2019.replace(
            'number = "02/2019"', 'number = "02", url = "kemensos"'
        )

        path, error = refuse(text)

        assert "parameter.type" == error.error_code
        assert_located(error, path, line_of(text, "reference ="))


class TestUnitsAndTypes:
    """Unknown units and values of the wrong type."""

    def test_an_unknown_unit_is_refused(self, refuse):
        """The closed set of units is listed in the message."""
        text = HEAD.replace("rupiah_per_year", "dollars") + V2019

        path, error = refuse(text)

        assert "parameter.unknown_unit" == error.error_code
        assert_located(error, path, 2)
        assert "rupiah_per_tahap" in str(error)

    def test_float_money_is_refused(self, refuse):
        """A float is never money."""
        text = HEAD + V2019.replace("2_400_000", "2400000.0")

        path, error = refuse(text)

        assert "parameter.type" == error.error_code
        assert_located(error, path, line_of(text, "2400000.0"))
        assert "got float 2400000.0" in str(error)

    def test_money_written_as_a_string_is_refused(self, refuse):
        """Money is an integer, not a string."""
        text = HEAD + V2019.replace("2_400_000", '"2400000"')

        path, error = refuse(text)

        assert "parameter.type" == error.error_code
        assert_located(error, path, line_of(text, "value ="))

    def test_negative_money_is_refused(self, refuse):
        """Amounts are zero or more."""
        text = HEAD + V2019.replace("2_400_000", "-1")

        path, error = refuse(text)

        assert "parameter.out_of_range" == error.error_code
        assert_located(error, path, line_of(text, "value ="))

    @pytest.mark.parametrize(
        ("unit", "value"),
        [
            ("percent", "12.5"),
            ("percent", '"12,5"'),
            ("ratio", "0.25"),
            ("boolean", "1"),
            ("count", "true"),
            ("count", "4.0"),
            ("code", "[]"),
            ("codes", '"asn"'),
            ("codes", '["asn", 1]'),
        ],
    )
    def test_a_value_of_the_wrong_type_is_refused(self, refuse, unit, value):
        """Every unit refuses values of another type, floats above all."""
        text = HEAD.replace("rupiah_per_year", unit) + V2019.replace(
            "2_400_000", value
        )

        path, error = refuse(text)

        assert "parameter.type" == error.error_code
        assert_located(error, path, line_of(text, "value ="))

    def test_a_decile_above_ten_is_refused(self, refuse):
        """Deciles run from 1 to 10."""
        text = HEAD.replace("rupiah_per_year", "decile") + V2019.replace(
            "2_400_000", "11"
        )

        path, error = refuse(text)

        assert "parameter.out_of_range" == error.error_code
        assert_located(error, path, line_of(text, "value ="))


class TestKeys:
    """Unknown and missing keys."""

    def test_an_unknown_top_level_key_is_refused(self, refuse):
        """A misspelt key is an error, not ignored."""
        text = HEAD + 'referense = { instrument = "x" }\n' + V2019

        path, error = refuse(text)

        assert "parameter.unknown_key" == error.error_code
        assert_located(error, path, 3)
        assert "'referense'" in str(error)

    def test_an_unknown_key_in_a_value_is_refused(self, refuse):
        """Value tables are strict."""
        text = HEAD + V2019 + "confidense = 'high'\n"

        path, error = refuse(text)

        assert "parameter.unknown_key" == error.error_code
        assert_located(error, path, line_of(text, "confidense"))

    def test_an_unknown_language_is_refused(self, refuse):
        """Descriptions are in id and en only."""
        text = HEAD.replace('en = "Elderly"', 'fr = "Aînés"') + V2019

        path, error = refuse(text)

        assert "parameter.unknown_key" == error.error_code
        assert_located(error, path, 1)

    def test_an_unknown_confidence_is_refused(self, refuse):
        """Confidence is high, medium, low or unverified."""
        text = HEAD + V2019 + 'confidence = "medium-high"\n'

        path, error = refuse(text)

        assert "parameter.invalid_choice" == error.error_code
        assert_located(error, path, line_of(text, "confidence"))

    def test_a_missing_unit_is_refused(self, refuse):
        """Unit is required."""
        text = HEAD.replace('unit = "rupiah_per_year"\n', "") + V2019

        path, error = refuse(text)

        assert "parameter.missing_key" == error.error_code
        assert_located(error, path, 1)

    def test_a_missing_description_is_refused(self, refuse):
        """Description is required."""
        text = 'unit = "rupiah"\n' + V2019

        path, error = refuse(text)

        assert "parameter.missing_key" == error.error_code
        assert_located(error, path, 1)

    def test_a_value_without_since_is_refused(self, refuse):
        """Since is required."""
        text = HEAD + V2019.replace("since = 2019-01-01\n", "")

        path, error = refuse(text)

        assert "parameter.missing_key" == error.error_code
        assert_located(error, path, line_of(text, "[[values]]"))

    def test_a_file_without_values_is_refused(self, refuse):
        """A parameter has at least one value."""
        path, error = refuse(HEAD)

        assert "parameter.no_values" == error.error_code
        assert_located(error, path, 1)

    def test_a_gaps_setting_is_a_closed_choice(self, refuse):
        """Gaps is "allowed" or "refused"."""
        text = HEAD + "gaps = true\n" + V2019

        path, error = refuse(text)

        assert "parameter.invalid_choice" == error.error_code
        assert_located(error, path, 3)


class TestFilesAndFamilies:
    """File names, TOML syntax, families and duplicates."""

    def test_a_toml_syntax_error_names_its_line(self, refuse):
        """Tomllib's line is kept."""
        text = HEAD + V2019 + "note = oops\n"

        path, error = refuse(text)

        assert "parameter.toml" == error.error_code
        assert_located(error, path, line_of(text, "oops"))

    def test_a_file_name_must_be_a_lowercase_identifier(self, refuse):
        """Lansia-Baru.toml cannot be a dotted name."""
        path, error = refuse(HEAD + V2019, "pkh/Lansia-Baru.toml")

        assert "parameter.bad_name" == error.error_code
        assert_located(error, path, 1, "pkh.Lansia-Baru")

    def test_a_family_error_names_the_member(self, refuse):
        """The member's dotted name and its own line are given."""
        text = (
            'description = { id = "Indeks", en = "Index" }\n'
            'unit = "rupiah_per_year"\n'
            "[parameters.lansia]\n"
            'description = { id = "Lansia", en = "Elderly" }\n'
            "[[parameters.lansia.values]]\n"
            "since = 2019-01-01\n"
            "value = 2400000.0\n" + REF
        )

        path, error = refuse(text, "pkh/amount.toml")

        assert "parameter.type" == error.error_code
        assert_located(error, path, 7)

    def test_a_family_member_needs_a_description(self, refuse):
        """Members describe themselves."""
        text = (
            'description = { id = "Indeks", en = "Index" }\n'
            'unit = "rupiah_per_year"\n'
            "[parameters.lansia]\n"
            "[[parameters.lansia.values]]\n"
            "since = 2019-01-01\n"
            "value = 1\n" + REF
        )

        path, error = refuse(text, "pkh/amount.toml")

        assert "parameter.missing_key" == error.error_code
        assert_located(error, path, 3)

    def test_a_file_cannot_be_both_single_and_family(self, refuse):
        """Values and parameters do not mix."""
        text = HEAD + "parameters = {}\n" + V2019

        path, error = refuse(text)

        assert "parameter.unknown_key" == error.error_code
        assert_located(error, path, 3)

    def test_a_name_defined_twice_is_refused(self, refuse, tmp_path):
        """A family member and a file cannot share a name."""
        family = (
            'description = { id = "Indeks", en = "Index" }\n'
            'unit = "rupiah_per_year"\n'
            "[parameters.lansia]\n"
            'description = { id = "Lansia", en = "Elderly" }\n'
            "[[parameters.lansia.values]]\n"
            "since = 2019-01-01\n"
            "value = 1\n" + REF
        )
        (tmp_path / "pkh").mkdir()
        (tmp_path / "pkh" / "amount.toml").write_text(family)

        path, error = refuse(HEAD + V2019)

        assert "parameter.duplicate" == error.error_code
        assert f"amount.toml:3: {NAME}: defined twice" in str(error)
        assert f"first in {path}:1" in str(error)
