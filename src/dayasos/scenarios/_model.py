"""
Scenario files as values: a programme, its source and its cases.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeAlias

import attrs


if TYPE_CHECKING:
    import datetime as dt
    import pathlib
    from collections.abc import Mapping

    from dayasos.periods import TahapSchedule
    from dayasos.policy import ParameterSet, Reform
    from dayasos.rules import Decision, Program


__all__ = [
    "VERDICTS",
    "Case",
    "Expected",
    "LocalProgram",
    "ProgramLike",
    "Resolver",
    "Scenario",
]

#: The verdicts an expectation may name.
VERDICTS = ("eligible", "ineligible", "undetermined")


class ProgramLike(Protocol):
    """
    What a scenario needs of a programme: a catalogue entry, or alike.

    `dayasos.programs.CatalogueEntry` fits;
    so does `LocalProgram`, for programmes outside the catalogue.

    .. versionadded:: 0.1.0
    """

    @property
    def program(self) -> Program:
        """The rules; ``program.entity`` is the model class decided."""

    def decide(
        self, entity: object, *, on: dt.date, reform: Reform | None = None
    ) -> Decision:
        """Decide one entity on a date, with a reform applied if given."""


#: Finds a programme by its catalogue code.
Resolver: TypeAlias = Callable[[str], ProgramLike]


@attrs.frozen(kw_only=True)
class LocalProgram:
    """
    A programme with its parameters, outside the catalogue.

    Lets rule authors run scenario files against programmes they are
    writing: pass a resolver that returns one.

    .. versionadded:: 0.1.0
    """

    program: Program
    parameters: ParameterSet
    tahap: TahapSchedule | None = None

    def decide(
        self, entity: object, *, on: dt.date, reform: Reform | None = None
    ) -> Decision:
        """
        Decide one entity with the parameters (and the reform, if any).

        .. versionadded:: 0.1.0
        """
        params = (
            self.parameters
            if reform is None
            else self.parameters.with_reform(reform)
        )
        return self.program.decide(
            entity, on=on, params=params, schedule=self.tahap
        )


@attrs.frozen(kw_only=True)
class Expected:
    """
    What a case expects; `None` means "not checked".

    .. versionadded:: 0.1.0
    """

    verdict: str
    failed: tuple[str, ...] | None = None
    unknown: tuple[str, ...] | None = None
    missing: tuple[str, ...] | None = None
    year_total: int | None = None
    components: Mapping[str, int] | None = None
    periods: Mapping[str, int] | None = None


@attrs.frozen(kw_only=True)
class Case:
    """
    One case of a scenario file.

    `entity` and `reform` are a path (relative to the scenario file,
    already resolved) or the inline table as read.

    .. versionadded:: 0.1.0
    """

    name: str
    on: dt.date
    entity: pathlib.Path | Mapping[str, object]
    reform: pathlib.Path | Mapping[str, object] | None
    expected: Expected
    #: The line of the case's ``[[cases]]`` header.
    line: int


@attrs.frozen(kw_only=True)
class Scenario:
    """
    A scenario file: the programme, the source of the numbers, the cases.

    .. versionadded:: 0.1.0
    """

    file: str
    program: str
    source: str
    cases: tuple[Case, ...]

    def where(self, case: Case) -> str:
        """``file:line`` of a case, for messages."""
        return f"{self.file}:{case.line}"
