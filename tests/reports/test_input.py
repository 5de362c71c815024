"""Reading report input: CSV directories and JSON files."""

import json
from fractions import Fraction

import pytest

from dayasos.errors import ConfigurationError, RecordError
from dayasos.ids import RegionCode
from dayasos.metrics import ExpenditureType, MeasureUnit, Polarity
from dayasos.money import Rupiah
from dayasos.periods import Month, Quarter, Semester
from dayasos.reports import load_report_input


INDICATORS = (
    "code,name_id,name_en,unit,polarity\n"
    "apd.paket,Paket APD,APD kits,packages,\n"
    "apd.hari,Waktu salur,Delivery days,days,minimize\n"
    "pilar.aktif,PSKS aktif,Active pillars,percent,\n"
)


def lines_of(error):
    """The problems of a RecordError as text lines."""
    return [str(p.error) for p in error.problems]


class TestExampleInput:
    """The shipped 2020 example reads completely."""

    def test_tables_are_read(self, example_input):
        """Every table has rows."""
        assert (13, 8) == (
            len(example_input.indicators),
            len(example_input.programs),
        )
        assert example_input.targets
        assert example_input.realizations
        assert 13 == len(example_input.budget)

    def test_cells_become_typed_values(self, example_input):
        """Periods, regions, units and money are typed."""
        apd = [t for t in example_input.targets if t.program == "APD"]
        [target] = apd

        assert (Quarter(2020, 2), 4_637, True) == (
            target.period,
            target.value,
            target.maximal,
        )
        days = example_input.indicators["sembako.waktu_salur"]
        assert (MeasureUnit.DAYS, Polarity.MINIMIZE) == (
            days.unit,
            days.polarity,
        )

    def test_budget_lines_hold_their_months(self, example_input):
        """Empty monthly cells are zero, months are of the line's year."""
        [line] = [b for b in example_input.budget if b.program == "APD"]

        assert (ExpenditureType.BARANG, Rupiah(463_700_000)) == (
            line.expenditure,
            line.realization[Month(2020, 4)],
        )
        assert [Month(2020, 4)] == list(line.plan)

    def test_regions_are_read_dotted(self, example_input):
        """32.01 is Kabupaten Bogor."""
        regions = {
            r.region
            for r in example_input.realizations
            if r.program == "RESTORASI"
        }

        assert {RegionCode("3201"), RegionCode("3273")} == regions


class TestJson:
    """One JSON file holds the same tables."""

    def test_json_reads_like_csv(self, tmp_path):
        """Same columns, strings or integers."""
        path = tmp_path / "input.json"
        path.write_text(
            json.dumps(
                {
                    "indicators": [
                        {
                            "code": "pilar.aktif",
                            "name_id": "PSKS aktif",
                            "name_en": "Active pillars",
                            "unit": "percent",
                        }
                    ],
                    "targets": [
                        {
                            "program": "PILAR",
                            "indicator": "pilar.aktif",
                            "period": "2020-S1",
                            "value": "12.5",
                        }
                    ],
                    "budget": [
                        {
                            "satker": "Ditjen Dayasos",
                            "program": "PILAR",
                            "activity": "a",
                            "output": "o",
                            "type": "52",
                            "year": 2020,
                            "pagu": 1000,
                            "real_06": 250,
                        }
                    ],
                }
            )
        )
        data = load_report_input(path)

        assert (Semester(2020, 1), Fraction(1, 8)) == (
            data.targets[0].period,
            data.targets[0].value,
        )
        assert Rupiah(250) == data.budget[0].realization[Month(2020, 6)]

    def test_json_problems_name_table_row_and_column(self, tmp_path):
        """file:table:row:column, the row counted from 1."""
        path = tmp_path / "input.json"
        path.write_text(
            json.dumps(
                {
                    "budget": [
                        {
                            "satker": "s",
                            "program": "p",
                            "activity": "a",
                            "output": "o",
                            "type": "58",
                            "year": 2020,
                            "pagu": 1.5,
                        }
                    ]
                }
            )
        )

        with pytest.raises(RecordError) as info:
            load_report_input(path)

        assert [
            f"{path}:budget:1:type: expected one of 51, 52, 53, 57, got '58'",
            f"{path}:budget:1:pagu: expected text or a whole number, got 1.5",
            f"{path}:budget:1:pagu: a value is needed here",
        ] == lines_of(info.value)

    def test_broken_json_names_line_and_column(self, tmp_path):
        """A syntax error is a problem, not a traceback."""
        path = tmp_path / "input.json"
        path.write_text('{"targets": [\n  {"program": }\n]}')

        with pytest.raises(RecordError) as info:
            load_report_input(path)

        assert lines_of(info.value)[0].startswith(f"{path}:2:")

    def test_unknown_tables_are_refused(self, tmp_path):
        """Only the five tables."""
        path = tmp_path / "input.json"
        path.write_text('{"target": []}')

        with pytest.raises(RecordError) as info:
            load_report_input(path)

        assert "report.input.json_key" == info.value.problems[0].code


class TestBadCsv:
    """Bad input files give errors with file, row and column."""

    def test_bad_cells_are_all_reported(self, write_dir):
        """Every problem of the file, each at its place."""
        folder = write_dir(
            indicators=INDICATORS,
            targets=(
                "program,indicator,region,period,value\n"
                "APD,apd.paket,,2020-S1,1.000\n"
                "APD,apd.kit,,2020-S1,5\n"
                "APD,apd.paket,99,2020-S3,5\n"
                'APD,apd.hari,,2020-S1,"6,5"\n'
            ),
        )
        file = folder / "targets.csv"

        with pytest.raises(RecordError) as info:
            load_report_input(folder)

        lines = lines_of(info.value)
        assert (
            f"{file}:2:value: expected a whole number without separators, "
            "e.g. 3500000000; got '1.000'"
        ) == lines[0]
        assert lines[1].startswith(
            f"{file}:3:indicator: no indicator 'apd.kit'"
        )
        assert lines[2].startswith(f"{file}:4:region: ")
        assert lines[3].startswith(f"{file}:4:period: ")
        assert lines[4].startswith(
            f"{file}:5:value: expected a number with a dot"
        )
        assert 5 == len(lines)

    def test_model_errors_point_at_their_row(self, write_dir):
        """A range written backwards is caught by the model, at its row."""
        folder = write_dir(
            indicators=INDICATORS,
            targets=(
                "program,indicator,period,value,upper\n"
                "APD,apd.paket,2020-S1,10,5\n"
            ),
        )

        with pytest.raises(RecordError) as info:
            load_report_input(folder)

        assert lines_of(info.value)[0].startswith(
            f"{folder / 'targets.csv'}:2:value.upper: the upper bound"
        )

    def test_missing_and_unknown_columns(self, write_dir):
        """Header problems name row 1 and the column."""
        folder = write_dir(
            indicators=INDICATORS,
            realizations="program,indicator,periode,value\n",
        )
        file = folder / "realizations.csv"

        with pytest.raises(RecordError) as info:
            load_report_input(folder)

        assert [f"{file}:1:period", f"{file}:1:periode"] == [
            line.split(": ")[0] for line in lines_of(info.value)
        ]

    def test_comment_lines_shift_the_row_numbers(self, write_dir):
        """Rows are lines of the file, comments included."""
        folder = write_dir(
            indicators=INDICATORS,
            realizations=(
                "# illustrative figures\n"
                "program,indicator,period,value,source\n"
                "APD,apd.paket,2020-04,x,made up\n"
            ),
        )

        with pytest.raises(RecordError) as info:
            load_report_input(folder)

        assert lines_of(info.value)[0].startswith(
            f"{folder / 'realizations.csv'}:3:value:"
        )

    def test_extra_cells_are_refused(self, write_dir):
        """More cells than columns."""
        folder = write_dir(
            indicators=INDICATORS,
            realizations="program,indicator,period,value\nA,apd.paket,2020-04,1,2\n",
        )

        with pytest.raises(RecordError) as info:
            load_report_input(folder)

        assert "report.input.extra_cells" == info.value.problems[0].code

    def test_a_directory_without_tables_is_refused(self, tmp_path):
        """Nothing to report on."""
        with pytest.raises(ConfigurationError) as info:
            load_report_input(tmp_path)

        assert "report.input.missing" == info.value.error_code

    def test_blank_lines_are_skipped(self, write_dir):
        """An empty line is not a row."""
        folder = write_dir(
            indicators=INDICATORS,
            realizations="program,indicator,period,value\n\nAPD,apd.paket,2020-04,1\n",
        )

        assert 1 == len(load_report_input(folder).realizations)
