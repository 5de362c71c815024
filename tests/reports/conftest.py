"""Fixtures of the report tests: the 2020 example input and its report."""

import pathlib

import pytest

from dayasos.reports import MidYearReport, load_report_input


EXAMPLE = (
    pathlib.Path(__file__).parents[2] / "examples" / "data" / "midyear_2020"
)


@pytest.fixture(scope="session")
def example_input():
    """The 2020 example input, read once."""
    return load_report_input(EXAMPLE)


@pytest.fixture(scope="session")
def midyear(example_input):
    """The 2020 mid-year report of the example input."""
    return MidYearReport.build(
        2020,
        targets=example_input.targets,
        realizations=example_input.realizations,
        budget=example_input.budget,
        program_names=example_input.programs,
    )


@pytest.fixture
def write_dir(tmp_path):
    """Write CSV tables into a fresh input directory."""

    def write(**tables):
        """Write each table as name.csv and return the directory."""
        for name, text in tables.items():
            (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        return tmp_path

    return write
