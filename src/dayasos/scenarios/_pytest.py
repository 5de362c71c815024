"""
The pytest plugin of dayasos: scenario files become test items.

Registered as the ``pytest11`` entry point ``dayasos``, so it is active
wherever dayasos is installed.
It collects every ``.toml`` file below a folder named ``scenarios``
(except those in its ``entities`` and ``reforms`` folders) and makes
one test item per case, named by the case's ``name``.
A failing case shows expected against actual per field and the
decision's explanation in English.

Programmes come from the catalogue; a ``conftest.py`` can supply others
by implementing the hook ``pytest_dayasos_program(code, config)``,
which returns a `dayasos.scenarios.ProgramLike` or `None` to let the
catalogue answer.
Set the ini option ``dayasos_scenarios = false`` to switch the
collection off.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from dayasos.errors import DayasosError
from dayasos.scenarios._parse import load_scenario
from dayasos.scenarios._run import (
    default_resolver,
    is_scenario_file,
    run_case,
)


if TYPE_CHECKING:
    import pathlib
    from collections.abc import Iterator

    from dayasos.scenarios._model import Case, ProgramLike, Scenario


__all__ = [
    "ScenarioFailure",
    "ScenarioFile",
    "ScenarioItem",
    "pytest_addhooks",
    "pytest_addoption",
    "pytest_collect_file",
]

_FOLDER = "scenarios"


class _Hooks:
    """The hooks the plugin adds."""

    @pytest.hookspec(firstresult=True)
    def pytest_dayasos_program(
        self, code: str, config: pytest.Config
    ) -> ProgramLike | None:
        """
        Return the programme with catalogue code `code`, or `None`.

        `None` lets the catalogue (`dayasos.programs.get`) answer.

        .. versionadded:: 0.1.0
        """


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    """Add ``pytest_dayasos_program`` for conftest files to implement."""
    pluginmanager.add_hookspecs(_Hooks)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the ``dayasos_scenarios`` ini option."""
    parser.addini(
        "dayasos_scenarios",
        "collect dayasos scenario files (.toml under a scenarios folder)",
        type="bool",
        default=True,
    )


def _scenario_root(
    path: pathlib.Path, top: pathlib.Path
) -> pathlib.Path | None:
    """The nearest ``scenarios`` folder above `path`, below `top`."""
    for parent in path.parents:
        if not parent.is_relative_to(top):
            break
        if parent.name == _FOLDER:
            return parent
    return None


def pytest_collect_file(
    file_path: pathlib.Path, parent: pytest.Collector
) -> ScenarioFile | None:
    """Collect ``.toml`` scenario files below a ``scenarios`` folder."""
    if file_path.suffix != ".toml" or not parent.config.getini(
        "dayasos_scenarios"
    ):
        return None
    root = _scenario_root(file_path, parent.config.rootpath)
    if root is None or not is_scenario_file(file_path, root):
        return None
    found: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
    return found


class ScenarioFailure(Exception):
    """
    A case whose decision differs from its expectation.

    .. versionadded:: 0.1.0
    """


class ScenarioFile(pytest.File):
    """
    A scenario file: one item per case.

    .. versionadded:: 0.1.0
    """

    def collect(self) -> Iterator[ScenarioItem]:
        """Read the file (strictly) and yield its cases."""
        scenario = load_scenario(self.path)
        for case in scenario.cases:
            yield ScenarioItem.from_parent(
                self, name=case.name, scenario=scenario, case=case
            )

    def resolve(self, code: str) -> ProgramLike:
        """The programme of `code`: from conftest hooks, else the catalogue."""
        found: ProgramLike | None = self.ihook.pytest_dayasos_program(
            code=code, config=self.config
        )
        return found if found is not None else default_resolver(code)


class ScenarioItem(pytest.Item):
    """
    One case of a scenario file.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        *,
        scenario: Scenario,
        case: Case,
        **kwargs: Any,  # noqa: ANN401 - pytest's node keywords
    ) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.case = case

    def runtest(self) -> None:
        """Decide the case; raise `ScenarioFailure` when it differs."""
        parent = self.parent
        assert isinstance(parent, ScenarioFile)  # noqa: S101 - made there
        result = run_case(self.scenario, self.case, resolver=parent.resolve)
        if not result.passed:
            raise ScenarioFailure(result.report())

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,  # noqa: ANN401 - pytest's own signature
    ) -> str:
        """Show the case's report rather than a traceback."""
        if isinstance(excinfo.value, (ScenarioFailure, DayasosError)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[pathlib.Path, int, str]:
        """Where the case is written: the file and its ``[[cases]]`` line."""
        return self.path, self.case.line - 1, f"scenario: {self.case.name}"
