"""
Running scenario cases: build, decide, compare, report.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import pathlib
from collections import Counter
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import DayasosError, ParameterError, ValidationError
from dayasos.l10n import explain_decision, format_rupiah
from dayasos.policy import load_reform, parse_reform
from dayasos.rules import Outcome
from dayasos.scenarios._toml import dumps_toml
from dayasos.serialization import loads, loads_toml, structure


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from dayasos.policy import Reform
    from dayasos.rules import Decision
    from dayasos.scenarios._model import (
        Case,
        Expected,
        ProgramLike,
        Resolver,
        Scenario,
    )


__all__ = [
    "CaseResult",
    "Mismatch",
    "compare",
    "default_resolver",
    "find_scenario_files",
    "run_case",
    "run_scenario",
]

#: Folders under a scenario folder that hold data, not scenarios.
DATA_FOLDERS = frozenset({"entities", "reforms"})


def default_resolver(code: str) -> ProgramLike:
    """
    Find a programme in the catalogue: `dayasos.programs.get`.

    .. versionadded:: 0.1.0
    """
    from dayasos.programs import get  # noqa: PLC0415 - loads every programme

    return get(code)


@attrs.frozen
class Mismatch:
    """
    One expected field that the decision did not match.

    .. versionadded:: 0.1.0
    """

    field: str
    expected: object
    actual: object


def _shown(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return format_rupiah(value, "en")
    if value is None:
        return "(none)"
    return repr(value)


@attrs.frozen(kw_only=True)
class CaseResult:
    """
    The outcome of one case: its decision, mismatches or error.

    .. versionadded:: 0.1.0
    """

    scenario: Scenario
    case: Case
    decision: Decision | None = None
    mismatches: tuple[Mismatch, ...] = ()
    #: Why the case could not be decided (bad entity, unknown programme).
    error: DayasosError | None = None

    @property
    def passed(self) -> bool:
        """Whether the case was decided as expected."""
        return self.error is None and not self.mismatches

    @property
    def where(self) -> str:
        """``file:line`` of the case."""
        return self.scenario.where(self.case)

    def report(self) -> str:
        """
        A readable account of a failure (or ``passed``), in English.

        Expected against actual per field, then the decision's
        explanation.

        .. versionadded:: 0.1.0
        """
        if self.passed:
            return f"{self.where}: {self.case.name}: passed"
        lines = [
            f"{self.where}: {self.case.name}",
            f"  program {self.scenario.program}, on {self.case.on}",
            f"  source: {self.scenario.source}",
        ]
        if self.error is not None:
            lines.append(f"  error: {self.error}")
        lines.extend(
            f"  {miss.field}: expected {_shown(miss.expected)}, "
            f"got {_shown(miss.actual)}"
            for miss in self.mismatches
        )
        if self.decision is not None:
            lines.append("Explanation:")
            lines.extend(
                "  " + line
                for line in explain_decision(self.decision, "en").splitlines()
            )
        return "\n".join(lines)


def _component_sums(decision: Decision) -> Counter[str]:
    sums: Counter[str] = Counter()
    for award in decision.awards:
        sums[award.component] += award.amount.amount
    return sums


def _codes(decision: Decision, outcome: Outcome) -> list[str]:
    return sorted(c.code for c in decision.criteria if c.outcome is outcome)


def compare(expected: Expected, decision: Decision) -> tuple[Mismatch, ...]:
    """
    Every field where `decision` differs from `expected`.

    Lists (``failed``, ``unknown``, ``missing``) compare in any order;
    ``components`` and ``periods`` check the entries listed, an absent
    component counting as zero and an absent period as none.

    .. versionadded:: 0.1.0
    """
    found: list[Mismatch] = []
    if expected.verdict != decision.verdict.value:
        found.append(
            Mismatch("verdict", expected.verdict, decision.verdict.value)
        )
    actual_lists = {
        "failed": _codes(decision, Outcome.FAIL),
        "unknown": _codes(decision, Outcome.UNKNOWN),
        "missing": sorted(decision.missing),
    }
    for name, actual in actual_lists.items():
        wanted = getattr(expected, name)
        if wanted is not None and sorted(wanted) != actual:
            found.append(Mismatch(name, sorted(wanted), actual))
    if (
        expected.year_total is not None
        and expected.year_total != decision.total.amount
    ):
        found.append(
            Mismatch("year_total", expected.year_total, decision.total.amount)
        )
    sums = _component_sums(decision)
    for component, amount in (expected.components or {}).items():
        if sums[component] != amount:
            found.append(
                Mismatch(f"components.{component}", amount, sums[component])
            )
    totals = {period: amount.amount for period, amount in decision.totals}
    for period, amount in (expected.periods or {}).items():
        if totals.get(period) != amount:
            found.append(
                Mismatch(f"periods.{period}", amount, totals.get(period))
            )
    return tuple(found)


def _read_entity(path: pathlib.Path, cls: type) -> object:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return loads_toml(text, cls)
    return loads(text, cls)


def build_entity(scenario: Scenario, case: Case, cls: type) -> object:
    """
    The case's entity, from its file or its inline table.

    Raises:
        ValidationError: ``scenario.file`` when the file cannot be read,
            ``scenario.entity`` when the data does not fit `cls`.

    .. versionadded:: 0.1.0
    """
    where = scenario.where(case)
    try:
        if isinstance(case.entity, pathlib.Path):
            return _read_entity(case.entity, cls)
        return structure(dict(case.entity), cls)
    except OSError as err:
        raise ValidationError(
            "cannot read {target}: {detail}",
            code="scenario.file",
            path=where,
            target=str(case.entity),
            detail=str(err),
        ) from None
    except DayasosError as err:
        raise ValidationError(
            "case {case!r}: the entity is not a valid {entity}: {detail}",
            code="scenario.entity",
            path=where,
            case=case.name,
            entity=cls.__name__,
            detail=str(err),
        ) from None


def build_reform(scenario: Scenario, case: Case) -> Reform | None:
    """
    The case's reform, from its file or its inline table, if any.

    Raises:
        ValidationError: ``scenario.reform`` when the reform is invalid.

    .. versionadded:: 0.1.0
    """
    if case.reform is None:
        return None
    try:
        if isinstance(case.reform, pathlib.Path):
            return load_reform(case.reform)
        return parse_reform(
            _reform_text(case.reform),
            file=f"{scenario.where(case)} [cases.reform]",
        )
    except (OSError, DayasosError) as err:
        raise ValidationError(
            "case {case!r}: the reform cannot be applied: {detail}",
            code="scenario.reform",
            path=scenario.where(case),
            case=case.name,
            detail=str(err),
        ) from None


def _reform_text(table: Mapping[str, object]) -> str:
    return dumps_toml(table)


def _resolve(scenario: Scenario, resolver: Resolver) -> ProgramLike:
    try:
        return resolver(scenario.program)
    except DayasosError as err:
        raise ValidationError(
            "cannot resolve program {program!r}: {detail}",
            code="scenario.program",
            path=scenario.file,
            program=scenario.program,
            detail=str(err),
        ) from None


def _decide_error(
    scenario: Scenario, case: Case, err: DayasosError
) -> ValidationError:
    return ValidationError(
        "case {case!r}: the decision failed: {detail}",
        code="scenario.decide",
        path=scenario.where(case),
        case=case.name,
        detail=str(err),
    )


def run_case(
    scenario: Scenario, case: Case, *, resolver: Resolver | None = None
) -> CaseResult:
    """
    Decide one case and compare the decision with its expectation.

    Problems with the case itself (an unknown programme, an entity that
    does not fit, a reform that does not apply) come back as the result's
    `CaseResult.error`, not as exceptions.

    Args:
        scenario: The scenario file the case belongs to.
        case: The case.
        resolver: Finds the programme by code; defaults to the catalogue.

    .. versionadded:: 0.1.0
    """
    try:
        entry = _resolve(scenario, resolver or default_resolver)
        entity = build_entity(scenario, case, entry.program.entity)
        reform = build_reform(scenario, case)
        try:
            decision = entry.decide(entity, on=case.on, reform=reform)
        except ParameterError as err:
            if reform is None:
                raise _decide_error(scenario, case, err) from None
            raise ValidationError(
                "case {case!r}: the reform cannot be applied: {detail}",
                code="scenario.reform",
                path=scenario.where(case),
                case=case.name,
                detail=str(err),
            ) from None
        except DayasosError as err:
            raise _decide_error(scenario, case, err) from None
    except DayasosError as err:
        return CaseResult(scenario=scenario, case=case, error=err)
    return CaseResult(
        scenario=scenario,
        case=case,
        decision=decision,
        mismatches=compare(case.expected, decision),
    )


def run_scenario(
    scenario: Scenario, *, resolver: Resolver | None = None
) -> tuple[CaseResult, ...]:
    """
    Run every case of a scenario file, in order.

    .. versionadded:: 0.1.0
    """
    return tuple(
        run_case(scenario, case, resolver=resolver) for case in scenario.cases
    )


def is_scenario_file(path: pathlib.Path, root: pathlib.Path) -> bool:
    """
    Whether `path` (under `root`) is a scenario file, not a data file.

    A ``.toml`` file is a scenario file unless it sits in an
    ``entities`` or ``reforms`` folder below `root`.

    .. versionadded:: 0.1.0
    """
    inside = path.relative_to(root).parts[:-1]
    return path.suffix == ".toml" and not DATA_FOLDERS & set(inside)


def find_scenario_files(
    paths: Iterable[str | pathlib.Path],
) -> list[pathlib.Path]:
    """
    The scenario files a list of files and folders names, sorted per folder.

    A file is taken as it is; a folder gives every ``.toml`` file below
    it, except those in ``entities`` and ``reforms`` folders.

    Raises:
        FileNotFoundError: for a path that does not exist.

    .. versionadded:: 0.1.0
    """
    found: list[pathlib.Path] = []
    for item in paths:
        path = pathlib.Path(item)
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*.toml"))
                if is_scenario_file(p, path)
            )
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(str(path))
    return found
