"""The example scenarios decide the PKH-like programme of the rules tests."""

import importlib.util
import pathlib
import sys

import pytest

from dayasos.scenarios import LocalProgram


RULES = pathlib.Path(__file__).parents[2] / "rules" / "pkh_like.py"

#: The code the example scenario files name.
CODE = "EXAMPLE_PKH"


def load_pkh_like():
    """Import tests/rules/pkh_like.py by its path (tests are no package)."""
    name = "scenarios_pkh_like"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, RULES)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def example_program():
    """The PKH-like programme with its parameters, as a scenario target."""
    pkh = load_pkh_like()
    return LocalProgram(
        program=pkh.build_program(), parameters=pkh.build_params()
    )


@pytest.hookimpl(optionalhook=True)
def pytest_dayasos_program(code):
    """Resolve EXAMPLE_PKH to the example; leave the rest to the catalogue."""
    return example_program() if code == CODE else None
