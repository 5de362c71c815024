"""JSON, JSON Lines and TOML: text in, objects out, and back."""

import enum
import io
import json
from datetime import date

import attrs
import pytest

from dayasos.errors import RecordError
from dayasos.ids import NIK
from dayasos.money import Rupiah
from dayasos.serialization import (
    dumps,
    dumps_jsonl,
    load_jsonl,
    loads,
    loads_toml,
)


NIK_SITI = "3171014107800001"


class Kind(enum.Enum):
    """Test enum."""

    CASH = "cash"
    FOOD = "food"


@attrs.frozen(kw_only=True)
class Grant:
    """Test record with a NIK, money, a date and an optional enum."""

    nik: NIK
    name: str
    amount: Rupiah
    on: date
    kind: Kind | None = None
    tags: frozenset[str] = frozenset()


def grant(**changes):
    """A valid grant as plain data."""
    data = {
        "nik": NIK_SITI,
        "name": "Siti Aisyah",
        "amount": 600_000,
        "on": "2020-07-21",
        "kind": "cash",
        "tags": [],
    }
    data.update(changes)
    return data


GRANT = Grant(
    nik=NIK(NIK_SITI),
    name="Siti Aisyah",
    amount=Rupiah(600_000),
    on=date(2020, 7, 21),
    kind=Kind.CASH,
)


class TestJSON:
    """`loads` and `dumps`."""

    def test_dumps_writes_fields_in_class_order(self):
        """The output reads in the order of the class."""
        expected = (
            '{"nik": "3171014107800001", "name": "Siti Aisyah", '
            '"amount": 600000, "on": "2020-07-21", "kind": "cash", '
            '"tags": []}'
        )

        assert expected == dumps(GRANT)

    def test_dumps_keeps_non_ascii_text(self):
        """Names are written as UTF-8 text, not escapes."""
        text = dumps(attrs.evolve(GRANT, name="Ni Made Sukerti Dewi Ayu Ñ"))

        assert "Ñ" in text

    def test_loads_reads_what_dumps_wrote(self):
        """A round trip through JSON text gives an equal object."""
        assert GRANT == loads(dumps(GRANT, indent=2), Grant)

    def test_loads_accepts_bytes(self):
        """UTF-8 bytes from a socket or a file are read as such."""
        assert GRANT == loads(dumps(GRANT).encode(), Grant)

    def test_text_that_is_not_json_is_one_problem(self):
        """A syntax error is a record error, not a JSONDecodeError."""
        with pytest.raises(RecordError) as info:
            loads('{"nik": ', Grant)

        assert "serialization.json" == info.value.problems[0].code
        assert str(info.value).startswith("Grant: 1 problem")

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_are_refused(self, constant):
        """JSON has no NaN; Python's json module would accept it."""
        with pytest.raises(RecordError) as info:
            loads(f'{{"amount": {constant}}}', Grant)

        assert "serialization.json" == info.value.problems[0].code

    def test_a_key_given_twice_is_refused(self):
        """The second name would silently win otherwise."""
        text = json.dumps(grant())[:-1] + ', "name": "Budi"}'

        with pytest.raises(RecordError) as info:
            loads(text, Grant)

        assert ["name: key given more than once"] == info.value.lines()

    def test_duplicate_keys_are_reported_with_other_problems(self):
        """A repeated key does not hide the rest of the record's problems."""
        text = '{"nik": 1, "nik": 2, "name": "A", "on": "2020-07-21"}'

        with pytest.raises(RecordError) as info:
            loads(text, Grant)

        assert ["nik", "amount", "nik"] == [
            p.path for p in info.value.problems
        ]

    def test_dumps_refuses_nan(self):
        """A float NaN never reaches the output."""
        with pytest.raises(ValueError, match="JSON compliant"):
            dumps({"share": float("nan")})

    def test_a_bad_nik_in_json_text_is_masked(self):
        """The masked form only, in the message and the value."""
        bad = "3171014107800000"

        with pytest.raises(RecordError) as info:
            loads(json.dumps(grant(nik=bad)), Grant)

        assert bad not in str(info.value)
        assert "3171********0000" == info.value.problems[0].error.value


class TestJSONLines:
    """`load_jsonl` reads every line and loses none."""

    LINES = (
        json.dumps(grant()),
        "",
        json.dumps(grant(amount=1.5)),
        '{"nik": ',
        json.dumps(grant(name="Budi", kind="food")),
    )

    def test_a_bad_line_is_reported_and_reading_goes_on(self):
        """Lines 3 and 4 fail; lines 1 and 5 are read; 2 is blank."""
        results = list(load_jsonl("\n".join(self.LINES), Grant))

        assert [1, 3, 4, 5] == [number for number, _ in results]
        assert isinstance(results[0][1], Grant)
        assert isinstance(results[1][1], RecordError)
        assert isinstance(results[2][1], RecordError)
        assert Kind.FOOD == results[3][1].kind

    def test_the_error_of_a_line_names_the_line(self):
        """The report of a line starts with its number."""
        results = dict(load_jsonl("\n".join(self.LINES), Grant))

        assert str(results[3]).startswith("line 3: 1 problem\n  amount:")
        assert "serialization.json" == results[4].problems[0].code

    def test_an_open_file_is_read_line_by_line(self):
        """Any iterable of lines works, text or bytes."""
        text = "\n".join(self.LINES) + "\n"

        from_text = list(load_jsonl(io.StringIO(text), Grant))
        from_bytes = list(load_jsonl(io.BytesIO(text.encode()), Grant))

        assert [n for n, _ in from_text] == [n for n, _ in from_bytes]
        assert GRANT == from_bytes[0][1]

    def test_a_path_is_opened_and_read(self, tmp_path):
        """A path-like source is a file to read."""
        path = tmp_path / "grants.jsonl"
        path.write_text(dumps_jsonl([GRANT, GRANT]), encoding="utf-8")

        results = list(load_jsonl(path, Grant))

        assert [(1, GRANT), (2, GRANT)] == results

    def test_a_byte_order_mark_is_ignored(self):
        """Spreadsheet exports often start with one."""
        results = list(load_jsonl("\ufeff" + json.dumps(grant()), Grant))

        assert [(1, GRANT)] == results

    def test_invalid_utf8_is_a_problem_of_its_line(self):
        """Bad bytes on one line do not stop the batch."""
        lines = [b'{"nik": "\xff"}', json.dumps(grant()).encode()]

        results = list(load_jsonl(lines, Grant))

        assert isinstance(results[0][1], RecordError)
        assert GRANT == results[1][1]

    def test_dumps_jsonl_writes_one_compact_line_per_object(self):
        """No indentation, a newline after every record."""
        text = dumps_jsonl([GRANT, GRANT])

        assert 2 == text.count("\n")
        assert text.endswith("}\n")
        assert ", " not in text


class TestTOML:
    """`loads_toml`: TOML documents with native dates."""

    def test_native_and_string_dates_are_read(self):
        """TOML's own date type and the ISO string both work."""
        native = f'nik = "{NIK_SITI}"\nname = "Siti Aisyah"\n'
        native += "amount = 600_000\non = 2020-07-21\nkind = 'cash'\n"
        text = native.replace("on = 2020-07-21", 'on = "2020-07-21"')

        assert GRANT == loads_toml(native, Grant)
        assert GRANT == loads_toml(text, Grant)

    def test_a_date_time_is_not_a_date(self):
        """A TOML local date-time is refused for a date field."""
        text = f'nik = "{NIK_SITI}"\nname = "S"\namount = 1\n'
        text += "on = 2020-07-21T08:00:00\n"

        with pytest.raises(RecordError) as info:
            loads_toml(text, Grant)

        assert [
            'on: expected a date such as "2020-07-21", got date-time'
        ] == info.value.lines()

    def test_toml_floats_are_not_money(self):
        """600000.0 is a float in TOML too."""
        text = f'nik = "{NIK_SITI}"\nname = "S"\namount = 600000.0\n'
        text += "on = 2020-07-21\n"

        with pytest.raises(RecordError) as info:
            loads_toml(text, Grant)

        assert ["amount"] == [p.path for p in info.value.problems]

    def test_text_that_is_not_toml_is_one_problem(self):
        """A TOML syntax error is a record error too."""
        with pytest.raises(RecordError) as info:
            loads_toml("nik = ", Grant)

        assert "serialization.toml" == info.value.problems[0].code
