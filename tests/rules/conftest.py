"""Fixtures of the rules tests: the PKH-like example programme."""

import importlib.util
import pathlib
import sys

import pytest


HERE = pathlib.Path(__file__).parent


def _load():
    """Import pkh_like.py by its path (tests are not a package)."""
    spec = importlib.util.spec_from_file_location(
        "rules_pkh_like", HERE / "pkh_like.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


PKH = _load()


@pytest.fixture(scope="session")
def pkh():
    """The example module: builders, the date, the family."""
    return PKH


@pytest.fixture(scope="session")
def params():
    """The example's parameter set."""
    return PKH.build_params()


@pytest.fixture(scope="session")
def program():
    """The PKH-like example programme."""
    return PKH.build_program()
