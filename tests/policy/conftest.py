"""Shared fixtures of the policy tests: the sample parameter files."""

import pathlib

import pytest

from dayasos.policy import ParameterSet, load_parameters


DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> pathlib.Path:
    """The folder of sample parameter and reform files."""
    return DATA


@pytest.fixture(scope="session")
def params() -> ParameterSet:
    """The sample parameters, loaded once."""
    return load_parameters(DATA / "params")
