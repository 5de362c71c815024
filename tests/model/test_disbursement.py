import datetime as dt

import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.ids import KK, NIK
from dayasos.model import (
    Aid,
    AidKind,
    Channel,
    Disbursement,
    DisbursementStatus,
    FamilyRef,
    InstitutionRef,
    PersonRef,
)
from dayasos.money import Rupiah
from dayasos.periods import Month
from dayasos.testing._model import disbursements


BST = Disbursement(
    recipient=FamilyRef(kk=KK("3171012001200001")),
    aid=Aid.cash(Rupiah(600_000)),
    program="BST",
    period=Month(2020, 4),
    channel=Channel.POS,
    on=dt.date(2020, 4, 20),
    status=DisbursementStatus.RECEIVED,
)


class TestDisbursement:
    """Who received which aid, when and how."""

    def test_a_cash_disbursement_is_worth_its_amount(self):
        """One BST transfer of Rp600,000."""
        assert (Rupiah(600_000), True) == (BST.total_value, BST.is_cash)

    def test_many_units_multiply_the_value(self):
        """1,000 packages at Rp300,000 to one Karang Taruna."""
        record = Disbursement(
            recipient=InstitutionRef(id="kt"),
            aid=Aid(kind=AidKind.FOOD_PACKAGE, amount=Rupiah(300_000)),
            count=1_000,
            program="SEMBAKO",
            status=DisbursementStatus.PLANNED,
        )

        assert Rupiah(300_000_000) == record.total_value

    def test_a_count_below_one_is_refused(self):
        """disbursement.count."""
        with pytest.raises(ValidationError) as info:
            Disbursement(
                recipient=InstitutionRef(id="kt"),
                aid=Aid.cash(Rupiah(1)),
                count=0,
                program="X",
                status=DisbursementStatus.FAILED,
            )

        assert "disbursement.count" == info.value.error_code

    def test_an_unvalued_aid_leaves_the_total_unknown(self):
        """A service disbursed has no value."""
        record = Disbursement(
            recipient=InstitutionRef(id="kt"),
            aid=Aid(kind=AidKind.SERVICE),
            program="X",
            status=DisbursementStatus.DISBURSED,
        )

        assert record.total_value is None

    def test_repr_masks_the_recipients_numbers(self):
        """KK and NIK recipients keep their digits hidden."""
        person = PersonRef(nik=NIK("3171014107800001"))

        assert "3171012001200001" not in repr(BST)
        assert "3171014107800001" not in repr(person)

    @given(disbursements())
    def test_generated_records_have_a_total_or_unknown(self, record):
        """total_value is count times the aid's value when known."""
        value = record.aid.total_value

        assert (
            None if value is None else value * record.count
        ) == record.total_value
