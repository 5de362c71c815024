"""Fixtures of the data-quality tests: synthetic populations."""

import datetime as dt

import pytest

from dayasos.quality import BeneficiaryList, audit
from dayasos.synthetic import generate_tables


ON = dt.date(2021, 12, 31)


@pytest.fixture(scope="session")
def dirty():
    """400 synthetic families, one in ten with an injected error."""
    return next(generate_tables(400, seed=11, error_rate=0.1))


@pytest.fixture(scope="session")
def clean():
    """400 synthetic families without injected errors."""
    return next(generate_tables(400, seed=11))


@pytest.fixture(scope="session")
def dirty_report(dirty):
    """The audit of the dirty population as one PKH list for 2021."""
    return audit([BeneficiaryList("pkh-2021", "PKH", "2021", dirty)], on=ON)
