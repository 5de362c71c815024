import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.model import Aid, AidKind, Item
from dayasos.money import Rupiah
from dayasos.testing._model import aids


RICE = Item(name="beras", quantity=10, unit="kg", unit_value=Rupiah(12_000))
OIL = Item(name="minyak goreng", quantity=2, unit="liter")


class TestItem:
    """Items of an aid in kind."""

    def test_an_item_is_worth_quantity_times_unit_value(self):
        """10 kg at Rp12,000 is Rp120,000."""
        assert Rupiah(120_000) == RICE.value

    def test_an_item_without_unit_value_has_unknown_value(self):
        """No unit value, no value."""
        assert OIL.value is None

    @pytest.mark.parametrize("quantity", [0, -3])
    def test_a_quantity_below_one_is_refused(self, quantity):
        """aid.item_quantity."""
        with pytest.raises(ValidationError) as info:
            Item(name="beras", quantity=quantity, unit="kg")

        assert "aid.item_quantity" == info.value.error_code

    def test_a_negative_unit_value_is_refused(self):
        """aid.item_value."""
        with pytest.raises(ValidationError) as info:
            Item(name="x", quantity=1, unit="pcs", unit_value=Rupiah(-1))

        assert "aid.item_value" == info.value.error_code


class TestAid:
    """An aid is an amount, items, or a package with a declared value."""

    def test_cash_is_its_amount(self):
        """BST gelombang 1: Rp600,000."""
        assert Rupiah(600_000) == Aid.cash(Rupiah(600_000)).total_value

    def test_a_declared_value_wins_over_the_items(self):
        """A Rp300,000 package is worth Rp300,000."""
        package = Aid(
            kind=AidKind.FOOD_PACKAGE, items=[RICE], amount=Rupiah(300_000)
        )

        assert Rupiah(300_000) == package.total_value

    def test_a_package_of_valued_items_sums_them(self):
        """Without a declared value the items add up."""
        package = Aid(kind=AidKind.FOOD_PACKAGE, items=[RICE, RICE])

        assert Rupiah(240_000) == package.total_value

    def test_a_package_with_an_unvalued_item_has_unknown_value(self):
        """One item without value makes the total unknown, not lower."""
        package = Aid(kind=AidKind.FOOD_PACKAGE, items=[RICE, OIL])

        assert package.total_value is None

    def test_a_service_may_have_no_value(self):
        """Mentoring has neither amount nor items."""
        assert Aid(kind=AidKind.SERVICE).total_value is None

    @pytest.mark.parametrize(
        ("facts", "code"),
        [
            ({"kind": AidKind.CASH}, "aid.cash"),
            (
                {"kind": AidKind.CASH, "amount": Rupiah(1), "items": [RICE]},
                "aid.cash",
            ),
            ({"kind": AidKind.FOOD_PACKAGE}, "aid.content"),
            ({"kind": AidKind.PROTECTIVE_KIT, "items": []}, "aid.items"),
            ({"kind": AidKind.HOUSING, "amount": Rupiah(0)}, "aid.amount"),
        ],
    )
    def test_an_aid_without_content_is_refused(self, facts, code):
        """Cash needs an amount; other aid an amount or items."""
        with pytest.raises(ValidationError) as info:
            Aid(**facts)

        assert code == info.value.error_code

    @given(aids())
    def test_a_known_total_is_positive(self, aid):
        """Every valued aid is worth something; cash always is."""
        assert aid.total_value is None or aid.total_value.amount >= 0
        assert aid.kind is not AidKind.CASH or aid.total_value is not None
