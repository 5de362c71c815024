"""Fixtures of the metrics tests: indicators and budget lines."""

import pytest

from dayasos.metrics import (
    BudgetLine,
    ExpenditureType,
    Indicator,
    MeasureUnit,
    Polarity,
)
from dayasos.money import Rupiah
from dayasos.periods import Month


@pytest.fixture
def packages():
    """A count indicator to maximize: food packages delivered."""
    return Indicator(
        code="sembako.paket",
        name_id="Paket sembako",
        name_en="Food packages",
        unit=MeasureUnit.PACKAGES,
    )


@pytest.fixture
def funds():
    """A financial indicator: aid disbursed."""
    return Indicator(
        code="prokus.dana",
        name_id="Dana ProKUS",
        name_en="ProKUS funds",
        unit=MeasureUnit.RUPIAH,
    )


@pytest.fixture
def share():
    """A percentage indicator, which does not add up."""
    return Indicator(
        code="pilar.aktif",
        name_id="Persentase PSKS aktif",
        name_en="Share of active social pillars",
        unit=MeasureUnit.PERCENT,
    )


@pytest.fixture
def delivery_days():
    """A duration to minimize."""
    return Indicator(
        code="sembako.hari",
        name_id="Waktu salur",
        name_en="Delivery time",
        unit=MeasureUnit.DAYS,
        polarity=Polarity.MINIMIZE,
    )


@pytest.fixture
def make_line():
    """Build a 2020 budget line with monthly amounts given by month number."""

    def make(
        expenditure=ExpenditureType.BANSOS,
        *,
        pagu=1_200,
        blokir=0,
        plan=None,
        realization=None,
        program="prokus",
        year=2020,
    ):
        """A budget line; months as {month number: amount}."""
        return BudgetLine(
            satker="Ditjen Dayasos",
            program=program,
            activity="kegiatan",
            output="keluaran",
            expenditure=expenditure,
            year=year,
            pagu=Rupiah(pagu),
            blokir=Rupiah(blokir),
            plan={Month(year, m): Rupiah(a) for m, a in (plan or {}).items()},
            realization={
                Month(year, m): Rupiah(a)
                for m, a in (realization or {}).items()
            },
        )

    return make
