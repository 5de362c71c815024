"""Finding lines in TOML text."""

from dayasos.policy._locate import Locator


TEXT = """\
title = "x"
[parameters."lansia"]
unit = "rupiah"
note = '''
[[parameters.lansia.values]]
'''
[[ parameters.lansia.values ]]  # first
since = 2019-01-01
[parameters.lansia.values.reference]
instrument = "K"
[[parameters.lansia.values]]
'since' = 2020-01-01
"""


class TestLocator:
    """Headers, array entries and keys are found by scanning."""

    def test_the_top_level_is_line_one(self):
        """The table () starts at line 1."""
        assert 1 == Locator.of(TEXT).table(())

    def test_quoted_and_spaced_headers_are_read(self):
        """[parameters."lansia"] is the table parameters.lansia."""
        assert 2 == Locator.of(TEXT).table(("parameters", "lansia"))

    def test_headers_inside_multiline_strings_are_skipped(self):
        """The first real [[...values]] entry is on line 7."""
        path = ("parameters", "lansia", "values")

        assert [7, 11] == [Locator.of(TEXT).table(path, i) for i in (0, 1)]

    def test_a_key_is_found_in_its_entry(self):
        """Quoted keys count; a missing entry gives None."""
        path = ("parameters", "lansia", "values")
        locator = Locator.of(TEXT)

        assert 8 == locator.key(path, 0, "since")
        assert 12 == locator.key(path, 1, "since")
        assert locator.key(path, 2, "since") is None

    def test_a_key_written_as_a_sub_table_is_found(self):
        """[....values.reference] is where reference is set."""
        path = ("parameters", "lansia", "values")

        assert 9 == Locator.of(TEXT).key(path, 0, "reference")

    def test_an_absent_table_gives_none(self):
        """Nothing to point at."""
        assert Locator.of(TEXT).table(("nothing",)) is None

    def test_a_sub_table_of_a_later_entry_is_not_borrowed(self):
        """An entry without the key does not point at the next entry's."""
        text = (
            "[[values]]\n"
            "since = 2019-01-01\n"
            "[[values]]\n"
            "since = 2020-01-01\n"
            "[values.reference]\n"
            'instrument = "K"\n'
        )
        locator = Locator.of(text)

        assert locator.key(("values",), 0, "reference") is None
        assert 5 == locator.key(("values",), 1, "reference")
