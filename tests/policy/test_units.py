"""The closed set of units and the conversion of values to their types."""

from decimal import Decimal
from fractions import Fraction

import pytest

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.policy import Unit
from dayasos.policy._units import coerce_value


class TestCoerceValue:
    """Raw TOML values and typed Python values become the unit's type."""

    @pytest.mark.parametrize(
        ("unit", "raw", "expected"),
        [
            (Unit.RUPIAH_PER_TAHAP, 600_000, Rupiah(600_000)),
            (Unit.RUPIAH, Rupiah(0), Rupiah(0)),
            (Unit.PEOPLE, 0, 0),
            (Unit.DECILE, 10, 10),
            (Unit.PERCENT, "12.5", Decimal("12.5")),
            (Unit.PERCENT, 25, Decimal(25)),
            (Unit.PERCENT, Decimal(-5), Decimal(-5)),
            (Unit.RATIO, "5/4", Fraction(5, 4)),
            (Unit.RATIO, "0.25", Fraction(1, 4)),
            (Unit.RATIO, Decimal("0.5"), Fraction(1, 2)),
            (Unit.RATIO, 2, Fraction(2)),
            (Unit.BOOLEAN, False, False),
            (Unit.CODE, "lansia", "lansia"),
            (Unit.CODES, ["asn", "tni"], ("asn", "tni")),
            (Unit.CODES, (), ()),
        ],
    )
    def test_a_good_value_is_converted(self, unit, raw, expected):
        """The result has the unit's type and the exact value."""
        value = coerce_value(unit, raw)

        assert expected == value
        assert unit.value_type is type(value)

    @pytest.mark.parametrize(
        ("unit", "raw"),
        [
            (Unit.RUPIAH, 1.0),
            (Unit.RUPIAH, True),
            (Unit.RUPIAH, "100"),
            (Unit.COUNT, False),
            (Unit.PERCENT, 12.5),
            (Unit.PERCENT, True),
            (Unit.PERCENT, Fraction(1, 3)),
            (Unit.PERCENT, "12.5%"),
            (Unit.RATIO, 0.25),
            (Unit.RATIO, False),
            (Unit.RATIO, "1/0"),
            (Unit.RATIO, "a/b"),
            (Unit.BOOLEAN, "true"),
            (Unit.CODE, " "),
            (Unit.CODES, ["asn", ""]),
        ],
    )
    def test_a_value_of_another_type_is_refused(self, unit, raw):
        """Floats, bools for numbers and unreadable strings are refused."""
        with pytest.raises(ParameterError) as info:
            coerce_value(unit, raw)

        assert "parameter.type" == info.value.error_code

    @pytest.mark.parametrize(
        ("unit", "raw"),
        [
            (Unit.RUPIAH, -1),
            (Unit.RUPIAH, Rupiah(-1)),
            (Unit.YEARS, -1),
            (Unit.DECILE, 0),
            (Unit.PERCENT, "NaN"),
            (Unit.PERCENT, Decimal("Infinity")),
            (Unit.RATIO, Decimal("NaN")),
            (Unit.CODES, ["asn", "asn"]),
        ],
    )
    def test_a_value_out_of_range_is_refused(self, unit, raw):
        """Negative amounts, deciles outside 1-10, NaN and repeats."""
        with pytest.raises(ParameterError) as info:
            coerce_value(unit, raw)

        assert "parameter.out_of_range" == info.value.error_code


class TestUnit:
    """Properties of units."""

    def test_every_rupiah_unit_is_money(self):
        """Units named rupiah* hold Rupiah, the others do not."""
        assert all(
            unit.is_money == unit.value.startswith("rupiah") for unit in Unit
        )
