"""
Policy tests as data: scenario files a policy officer can read and add to.

A scenario file is TOML: the programme (its catalogue code), the source
of the expected numbers, and cases, each with a sentence for a name, an
evaluation date, the entity (a JSON or TOML file next to the scenario,
or an inline table), an optional reform, and what the decision must be::

    program = "PKH"
    source = "Kepdirjen Linjamsos 02/3/BS.02.02/01/2020"

    [[cases]]
    name = "Ibu hamil dan balita: layak, Rp6.000.000 pada 2020"
    on = 2020-07-21
    entity = "entities/pkh_hamil_balita.json"
    [cases.expected]
    verdict = "eligible"         # eligible | ineligible | undetermined
    failed = []                  # exact list, any order (optional)
    unknown = []                 # exact list, any order (optional)
    missing = []                 # exact list of input paths (optional)
    year_total = 6_000_000       # optional
    [cases.expected.components]  # optional: the components listed
    ibu_hamil = 3_000_000
    [cases.expected.periods]     # optional: the periods listed
    "2020-T3" = 1_500_000

``reform`` is a reform file (the `dayasos.policy` reform format) or an
inline ``[cases.reform]`` table with ``name`` and ``[[cases.reform.
overrides]]``.
Unknown keys are refused with file and line.

Where scenario files live: the pytest plugin of dayasos collects every
``.toml`` file below a folder named ``scenarios`` (e.g.
``tests/scenarios/pkh/lansia.toml``), one test per case named by the
case's name; files in ``entities`` and ``reforms`` folders below it are
data, not scenarios.
``dayasos test PATH...`` runs the same files from the command line.

Programmes are found in the catalogue (`dayasos.programs.get`); a
resolver (``code -> ProgramLike``) finds others, e.g. a `LocalProgram`
under development.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.scenarios._model import (
    VERDICTS,
    Case,
    Expected,
    LocalProgram,
    ProgramLike,
    Resolver,
    Scenario,
)
from dayasos.scenarios._parse import load_scenario, parse_scenario
from dayasos.scenarios._run import (
    CaseResult,
    Mismatch,
    compare,
    default_resolver,
    find_scenario_files,
    is_scenario_file,
    run_case,
    run_scenario,
)


__all__ = [
    "VERDICTS",
    "Case",
    "CaseResult",
    "Expected",
    "LocalProgram",
    "Mismatch",
    "ProgramLike",
    "Resolver",
    "Scenario",
    "compare",
    "default_resolver",
    "find_scenario_files",
    "is_scenario_file",
    "load_scenario",
    "parse_scenario",
    "run_case",
    "run_scenario",
]
