"""Tests for `RegionTable` and `load_region_table`."""

import io

import pytest

from dayasos.errors import DayasosError, InvalidFormat
from dayasos.ids import (
    KK,
    RegionCode,
    RegionTable,
    kk,
    load_region_table,
    nik,
)


CSV = """\
kode,nama
31,DKI Jakarta
31.71,Kota Jakarta Pusat
31.71.01,Gambir
31.71.01.1001,Gambir
31.71.02,Sawah Besar
91.01.01,Merauke
"""


def load(text: str, **kwargs) -> RegionTable:
    """Load a table from CSV text."""
    return load_region_table(io.StringIO(text), **kwargs)


class TestLoad:
    """Reading the official list."""

    def test_a_header_and_dotted_codes(self):
        """The cahyadsn/wilayah layout loads."""
        table = load(CSV)

        assert 6 == len(table)
        assert "Kota Jakarta Pusat" == table.name("31.71")
        assert "Gambir" == table.name(RegionCode("3171011001"))

    def test_plain_codes_without_a_header(self):
        """Undotted codes and no header work too."""
        table = load("317101,Gambir\n317102,Sawah Besar\n")

        assert [RegionCode("317101"), RegionCode("317102")] == list(table)

    def test_the_header_may_order_columns_differently(self):
        """Named columns are found wherever they stand."""
        table = load("nama;luas;kode\nGambir;7.59;31.71.01\n", delimiter=";")

        assert "Gambir" == table.name("317101")

    def test_a_path_with_a_byte_order_mark(self, tmp_path):
        """Files saved by spreadsheets start with a BOM."""
        path = tmp_path / "wilayah.csv"
        path.write_text("\ufeff" + CSV, encoding="utf-8")

        assert 6 == len(load_region_table(path))
        assert 6 == len(load_region_table(str(path)))

    def test_blank_lines_are_skipped(self):
        """Empty rows are no error."""
        assert 1 == len(load("\n31,DKI Jakarta\n\n"))

    @pytest.mark.parametrize(
        ("text", "line", "column"),
        [
            ("kode,nama\n31,DKI Jakarta\n31.7x,Bad\n", 3, 1),
            ("kode,nama\n31,DKI Jakarta\n31.70,Bad\n", 3, 1),
            ("kode,nama\n31\n", 2, 2),
            ("kode,nama\n31,\n", 2, 2),
            ("kode,nama\n31,DKI\n31,DKI again\n", 3, 1),
            ("wilayah,label\n31,DKI\n", 1, 1),
        ],
    )
    def test_bad_rows_name_file_line_and_column(self, text, line, column):
        """The error says where the problem is."""
        with pytest.raises(InvalidFormat) as info:
            load(text)

        error = info.value
        assert "wilayah.table_row" == error.error_code
        assert f"<stream>:{line}" == error.path
        assert (line, column) == (error.params["line"], error.params["column"])
        assert str(error).startswith(f"<stream>:{line}: column {column}:")

    def test_errors_name_the_file_read(self, tmp_path):
        """A path shows in the error."""
        path = tmp_path / "wilayah.csv"
        path.write_text("31,DKI\n3x,Bad\n", encoding="utf-8")

        with pytest.raises(DayasosError) as info:
            load_region_table(path)

        assert f"{path}:2" == info.value.path

    def test_undecodable_bytes_are_a_dayasos_error(self, tmp_path):
        """A binary file raises a DayasosError, not a UnicodeDecodeError."""
        path = tmp_path / "wilayah.csv"
        path.write_bytes(b"31,DKI\n\xff\xfe,bad\n")

        with pytest.raises(InvalidFormat):
            load_region_table(path)


class TestTable:
    """Looking codes up."""

    def test_membership_takes_codes_and_text(self):
        """Dotted text, digits and RegionCode values all work."""
        table = load(CSV)

        assert "31.71.01" in table
        assert "317101" in table
        assert RegionCode("317101") in table
        assert "31.71.03" not in table
        assert "not a code" not in table
        assert 3171 not in table

    def test_unknown_codes_have_no_name(self):
        """Unknown is None."""
        assert load(CSV).name("32") is None

    def test_children_are_one_level_down_in_order(self):
        """Children of a kota are its kecamatan."""
        table = load(CSV)

        assert [RegionCode("317101"), RegionCode("317102")] == list(
            table.children("31.71")
        )
        assert (RegionCode("3171011001"),) == table.children("31.71.01")
        assert () == table.children("31.71.02")


class TestValidationWithATable:
    """NIK and KK checks use a table when passed one."""

    def test_old_papua_codes_are_accepted_when_the_table_has_them(self):
        """A table of past codes accepts numbers issued under them."""
        table = load(CSV)

        assert nik.is_valid("9101014107800001", regions=table)
        assert kk.is_valid("9101010101200001", regions=table)
        assert not kk.is_valid("9101020101200001", regions=table)
        assert KK("9101010101200001").region in table
