"""The shipped metric parameters: complete, cited, consistent."""

import datetime as dt
from fractions import Fraction

import pytest

from dayasos.metrics import (
    ExpenditureType,
    IkpaIndicator,
    absorption_target,
    ikpa_weights,
    load_metric_parameters,
)
from dayasos.periods import Quarter
from dayasos.policy import Confidence


PARAMETERS = load_metric_parameters()

#: One date in each year of each IKPA version.
VERSION_DATES = [
    dt.date(2020, 7, 21),
    dt.date(2021, 3, 8),
    dt.date(2022, 6, 30),
    dt.date(2023, 12, 31),
    dt.date(2024, 1, 1),
    dt.date(2026, 6, 30),
]


class TestIkpaWeights:
    """The IKPA weights of each version."""

    @pytest.mark.parametrize("on", VERSION_DATES, ids=str)
    def test_weights_sum_to_100_percent(self, on):
        """Every version weighs its indicators to 100%."""
        assert Fraction(100) == sum(ikpa_weights(on=on).values())

    @pytest.mark.parametrize(
        ("on", "count"),
        [
            (dt.date(2020, 12, 31), 13),
            (dt.date(2021, 12, 31), 13),
            (dt.date(2022, 12, 31), 8),
            (dt.date(2024, 12, 31), 7),
        ],
    )
    def test_number_of_weighted_indicators(self, on, count):
        """13 in 2020-2021, 8 from 2022, 7 weighted from 2024."""
        assert count == len(ikpa_weights(on=on))

    @pytest.mark.parametrize(
        ("on", "indicator", "weight"),
        [
            (dt.date(2020, 1, 1), IkpaIndicator.PENYERAPAN, 15),
            (dt.date(2020, 1, 1), IkpaIndicator.PENYELESAIAN_TAGIHAN, 12),
            (dt.date(2021, 1, 1), IkpaIndicator.CAPAIAN_OUTPUT, 17),
            (dt.date(2022, 1, 1), IkpaIndicator.CAPAIAN_OUTPUT, 25),
            (dt.date(2022, 1, 1), IkpaIndicator.DISPENSASI_SPM, 5),
            (dt.date(2024, 1, 1), IkpaIndicator.DEVIASI_HALAMAN_III, 15),
        ],
    )
    def test_weights_of_the_domain_table(self, on, indicator, weight):
        """Spot checks against the table of the domain notes."""
        assert Fraction(weight) == ikpa_weights(on=on)[indicator]

    def test_dispensasi_spm_is_a_deduction_from_2024(self):
        """No weight from 2024, and the deduction flag is on."""
        on = dt.date(2024, 6, 30)

        assert IkpaIndicator.DISPENSASI_SPM not in ikpa_weights(on=on)
        assert PARAMETERS.at(on)["metrics.ikpa.dispensasi_spm_deducted"]
        assert not PARAMETERS.at(dt.date(2023, 6, 30))[
            "metrics.ikpa.dispensasi_spm_deducted"
        ]

    def test_no_version_before_2020(self):
        """Dayasos ships no weights before PER-4/PB/2020."""
        assert {} == ikpa_weights(on=dt.date(2019, 12, 31))


class TestAbsorptionTargets:
    """The quarterly targets per expenditure type (domain notes 7.2)."""

    @pytest.mark.parametrize(
        ("expenditure", "targets"),
        [
            (ExpenditureType.PEGAWAI, (20, 50, 75, 95)),
            (ExpenditureType.BARANG, (15, 50, 70, 90)),
            (ExpenditureType.MODAL, (10, 40, 70, 90)),
            (ExpenditureType.BANSOS, (25, 50, 75, 95)),
        ],
    )
    @pytest.mark.parametrize("year", [2020, 2024])
    def test_targets_per_quarter(self, expenditure, targets, year):
        """Cumulative targets at the end of TW I to TW IV."""
        found = tuple(
            absorption_target(expenditure, Quarter(year, q)) * 100
            for q in range(1, 5)
        )

        assert tuple(Fraction(t) for t in targets) == found

    def test_before_2024_the_targets_are_low_confidence(self):
        """Seen only in a 2024 source: low for the years assumed."""
        name = "metrics.absorption.target.bansos.tw2"

        assert Confidence.LOW == (
            PARAMETERS.at(dt.date(2020, 6, 30)).entry(name).confidence
        )
        assert Confidence.MEDIUM == (
            PARAMETERS.at(dt.date(2024, 6, 30)).entry(name).confidence
        )


class TestProvenance:
    """Every value cites its instrument and states its confidence."""

    @pytest.mark.parametrize(
        "parameter", list(PARAMETERS), ids=lambda p: p.name
    )
    def test_every_value_has_a_reference_and_a_confidence(self, parameter):
        """No value without a source or a confidence."""
        missing = [
            str(value.since)
            for value in parameter.values
            if value.reference is None or value.confidence is None
        ]

        assert [] == missing

    def test_every_name_is_under_metrics(self):
        """The prefix keeps the names apart from the programs'."""
        assert all(p.name.startswith("metrics.") for p in PARAMETERS)

    def test_deviation_weighting_changes_in_2024(self):
        """Arithmetic mean (2022), weighted by pagu share (2024)."""
        name = "metrics.deviation.weighting"

        assert ("mean", "pagu_share") == (
            PARAMETERS.at(dt.date(2023, 6, 30))[name],
            PARAMETERS.at(dt.date(2024, 6, 30))[name],
        )
