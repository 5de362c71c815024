"""Reforms: dated overrides from Python and from TOML files."""

from datetime import date
from decimal import Decimal

import pytest

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.policy import (
    Confidence,
    Override,
    Reference,
    Reform,
    load_reform,
    parse_reform,
)


SIMULASI = Reference(instrument="Simulasi", title="PKH lansia Rp3 juta")


def lansia_3jt(since=date(2021, 1, 1), **fields):
    """The analyst's question: PKH lansia at Rp3,000,000 from `since`."""
    fields.setdefault("reference", SIMULASI)
    fields.setdefault("value", Rupiah(3_000_000))
    return Reform(
        "lansia 3jt",
        {"pkh.amount.lansia": [Override(since=since, **fields)]},
    )


class TestPythonReforms:
    """Reforms written in Python."""

    def test_the_reform_holds_from_its_since(self, params):
        """From 2021 the reformed value is in force."""
        reformed = params.with_reform(lansia_3jt())

        assert (
            Rupiah(3_000_000)
            == reformed.at(date(2021, 1, 1))["pkh.amount.lansia"]
        )

    def test_earlier_values_are_kept(self, params):
        """Before the reform the shipped value holds."""
        reformed = params.with_reform(lansia_3jt())

        assert (
            Rupiah(2_400_000)
            == reformed.at(date(2020, 12, 31))["pkh.amount.lansia"]
        )

    def test_the_history_is_cut_at_the_reform(self, params):
        """The shipped value now ends where the reform starts."""
        values = (
            params.with_reform(lansia_3jt())
            .parameter("pkh.amount.lansia")
            .values
        )

        assert [
            (date(2019, 1, 1), date(2021, 1, 1), Rupiah(2_400_000)),
            (date(2021, 1, 1), None, Rupiah(3_000_000)),
        ] == [(v.since, v.until, v.value) for v in values]
        assert SIMULASI == values[1].reference

    def test_the_shipped_set_is_unchanged(self, params):
        """with_reform returns a new set."""
        params.with_reform(lansia_3jt())

        assert (
            Rupiah(2_400_000)
            == params.at(date(2022, 1, 1))["pkh.amount.lansia"]
        )

    def test_later_shipped_values_are_replaced(self, params):
        """An open reform replaces every shipped value from its since."""
        reform = Reform(
            "ibu hamil 2.5jt",
            {
                "pkh.amount.ibu_hamil": [
                    Override(
                        since=date(2019, 7, 1),
                        value=Rupiah(2_500_000),
                        reference=SIMULASI,
                    )
                ]
            },
        )

        reformed = params.with_reform(reform)

        assert (
            Rupiah(2_500_000)
            == reformed.at(date(2024, 1, 1))["pkh.amount.ibu_hamil"]
        )

    def test_a_bounded_reform_gives_way_to_shipped_values(self, params):
        """After an override's until, the shipped history resumes."""
        reform = Reform(
            "lansia 65 in 2020",
            {
                "pkh.lansia_min_age": [
                    Override(
                        since=date(2020, 1, 1),
                        until=date(2021, 1, 1),
                        value=65,
                        reference=SIMULASI,
                        confidence=Confidence.LOW,
                    )
                ]
            },
        )

        reformed = params.with_reform(reform)

        assert [60, 65, 60, 70] == [
            reformed.at(day)["pkh.lansia_min_age"]
            for day in (
                date(2019, 12, 31),
                date(2020, 1, 1),
                date(2021, 1, 1),
                date(2022, 1, 1),
            )
        ]

    def test_reforms_stack(self, params):
        """A second reform applies on top of the first."""
        first = lansia_3jt()
        second = lansia_3jt(date(2023, 1, 1), value=Rupiah(3_500_000))

        reformed = params.with_reform(first).with_reform(second)

        assert [Rupiah(3_000_000), Rupiah(3_500_000)] == [
            reformed.at(day)["pkh.amount.lansia"]
            for day in (date(2022, 12, 31), date(2023, 1, 1))
        ]

    def test_a_percent_reform_accepts_a_decimal(self, params):
        """Typed Python values of the unit are accepted."""
        reform = Reform(
            "no raise",
            {
                "pkh.covid_raise": [
                    Override(
                        since=date(2020, 4, 1),
                        until=date(2021, 1, 1),
                        value=Decimal("12.5"),
                        reference=SIMULASI,
                    )
                ]
            },
        )

        reformed = params.with_reform(reform)

        assert (
            Decimal("12.5") == reformed.at(date(2020, 5, 1))["pkh.covid_raise"]
        )

    def test_an_unknown_parameter_is_refused(self, params):
        """A reform of a misspelt name is an error, not a no-op."""
        reform = Reform(
            "typo",
            {
                "pkh.amount.lansai": [
                    Override(
                        since=date(2021, 1, 1),
                        value=Rupiah(1),
                        reference=SIMULASI,
                    )
                ]
            },
        )

        with pytest.raises(ParameterError) as info:
            params.with_reform(reform)

        assert "parameter.unknown" == info.value.error_code
        assert "reform 'typo': pkh.amount.lansai:" in str(info.value)

    def test_an_override_without_reference_is_refused(self, params):
        """A reform's values need a reference like shipped ones."""
        with pytest.raises(ParameterError) as info:
            params.with_reform(lansia_3jt(reference=None))

        assert "parameter.missing_reference" == info.value.error_code
        assert "pkh.amount.lansia: overrides[0].reference" in str(info.value)

    def test_a_float_override_is_refused(self, params):
        """Floats are no more money in a reform than in a file."""
        with pytest.raises(ParameterError) as info:
            params.with_reform(lansia_3jt(value=3e6))

        assert "parameter.type" == info.value.error_code

    def test_a_since_written_as_a_string_is_refused(self, params):
        """Override dates are dates, not ISO strings."""
        with pytest.raises(ParameterError) as info:
            params.with_reform(lansia_3jt(since="2021-01-01"))

        assert "parameter.bad_date" == info.value.error_code

    def test_overlapping_overrides_are_refused(self, params):
        """The chronology rules apply to overrides too."""
        reform = Reform(
            "overlap",
            {
                "pkh.amount.lansia": [
                    Override(
                        since=date(2021, 1, 1),
                        until=date(2022, 1, 1),
                        value=Rupiah(1),
                        reference=SIMULASI,
                    ),
                    Override(
                        since=date(2021, 6, 1),
                        value=Rupiah(2),
                        reference=SIMULASI,
                    ),
                ]
            },
        )

        with pytest.raises(ParameterError) as info:
            params.with_reform(reform)

        assert "parameter.overlap" == info.value.error_code
        assert "overrides[1].since" in str(info.value)

    def test_an_empty_override_list_is_refused(self, params):
        """A reform entry with nothing in it is a mistake."""
        with pytest.raises(ParameterError) as info:
            params.with_reform(Reform("empty", {"pkh.amount.lansia": []}))

        assert "parameter.no_values" == info.value.error_code


class TestTomlReforms:
    """Reforms read from files."""

    def test_a_file_reform_equals_the_python_one(self, params, data_dir):
        """The sample file gives the same values as Python."""
        reform = load_reform(data_dir / "reforms" / "lansia_3jt.toml")

        from_file = params.with_reform(reform).at(date(2021, 1, 1))
        from_python = params.with_reform(lansia_3jt()).at(date(2021, 1, 1))

        assert dict(from_python.items()) == dict(from_file.items())
        assert "PKH lansia Rp3,000,000 from 2021" == reform.name

    def test_a_file_reform_keeps_its_origin(self, data_dir):
        """Each override remembers its file and line."""
        reform = load_reform(str(data_dir / "reforms" / "lansia_3jt.toml"))

        origin = reform.overrides["pkh.amount.lansia"][0].origin

        assert 3 == origin.line
        assert origin.file.endswith("lansia_3jt.toml")

    def test_an_unknown_parameter_names_file_and_line(self, params):
        """The error is located even though it is found on applying."""
        reform = parse_reform(
            'name = "typo"\n'
            "[[overrides]]\n"
            'parameter = "pkh.amount.lansai"\n'
            "since = 2021-01-01\n"
            "value = 1\n"
            'reference = { instrument = "Simulasi", title = "t" }\n',
            file="typo.toml",
        )

        with pytest.raises(ParameterError) as info:
            params.with_reform(reform)

        assert "parameter.unknown" == info.value.error_code
        assert "typo.toml:2: pkh.amount.lansai:" in str(info.value)

    def test_an_override_without_reference_is_refused(self):
        """The file is refused on reading, at the override's line."""
        with pytest.raises(ParameterError) as info:
            parse_reform(
                'name = "no ref"\n'
                "\n"
                "[[overrides]]\n"
                'parameter = "pkh.amount.lansia"\n'
                "since = 2021-01-01\n"
                "value = 3_000_000\n",
                file="noref.toml",
            )

        assert "parameter.missing_reference" == info.value.error_code
        assert "noref.toml:3: pkh.amount.lansia: overrides[0]:" in str(
            info.value
        )

    def test_a_float_is_refused_on_reading(self):
        """No unit accepts a float, so reading refuses it."""
        with pytest.raises(ParameterError) as info:
            parse_reform(
                'name = "float"\n'
                "[[overrides]]\n"
                'parameter = "pkh.amount.lansia"\n'
                "since = 2021-01-01\n"
                "value = 3e6\n"
                'reference = { instrument = "Simulasi", title = "t" }\n',
                file="float.toml",
            )

        assert "parameter.type" == info.value.error_code
        assert "float.toml:5:" in str(info.value)

    def test_a_wrong_type_is_refused_on_applying(self, params):
        """A string for money is found when the unit is known."""
        reform = parse_reform(
            'name = "string"\n'
            "[[overrides]]\n"
            'parameter = "pkh.amount.lansia"\n'
            "since = 2021-01-01\n"
            'value = "3000000"\n'
            'reference = { instrument = "Simulasi", title = "t" }\n',
            file="string.toml",
        )

        with pytest.raises(ParameterError) as info:
            params.with_reform(reform)

        assert "parameter.type" == info.value.error_code
        assert "string.toml:2: pkh.amount.lansia: overrides[0].value" in str(
            info.value
        )

    def test_codes_are_read_as_a_tuple(self, params):
        """A list in a reform file becomes the codes tuple."""
        reform = parse_reform(
            'name = "fewer exclusions"\n'
            "[[overrides]]\n"
            'parameter = "pkh.excluded_occupations"\n'
            "since = 2025-06-01\n"
            'value = ["asn"]\n'
            'reference = { instrument = "Simulasi", title = "t" }\n'
        )

        reformed = params.with_reform(reform)

        assert ("asn",) == reformed.at(date(2025, 6, 1))[
            "pkh.excluded_occupations"
        ]

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("[[overrides]]\n", "parameter.missing_key"),
            ('name = "x"\n', "parameter.no_values"),
            ('name = "x"\nextra = 1\n', "parameter.unknown_key"),
            (
                'name = "x"\n[[overrides]]\nsince = 2021-01-01\n',
                "parameter.missing_key",
            ),
            ('name = "x"\n[[overrides\n', "parameter.toml"),
        ],
    )
    def test_a_malformed_reform_file_is_refused(self, text, code):
        """Name, overrides and their parameter are required; no extras."""
        with pytest.raises(ParameterError) as info:
            parse_reform(text, file="bad.toml")

        assert code == info.value.error_code
        assert str(info.value).startswith("bad.toml:")
