"""Scenario files: parsing, running, the pytest plugin."""

import datetime as dt
import importlib.metadata
import importlib.util
import pathlib
import sys
import textwrap
import tomllib

import pytest

from dayasos.errors import ValidationError
from dayasos.scenarios import (
    Expected,
    LocalProgram,
    compare,
    find_scenario_files,
    load_scenario,
    parse_scenario,
    run_case,
    run_scenario,
)
from dayasos.scenarios._toml import dumps_toml


pytest_plugins = ["pytester"]

TESTS = pathlib.Path(__file__).parent
EXAMPLE = TESTS / "scenarios" / "example"
RULES = TESTS / "rules" / "pkh_like.py"


def _load():
    """Import tests/rules/pkh_like.py by its path (tests are no package)."""
    name = "scenario_tests_pkh_like"
    spec = importlib.util.spec_from_file_location(name, RULES)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


PKH = _load()
ENTRY = LocalProgram(
    program=PKH.build_program(), parameters=PKH.build_params()
)


def resolver(code):
    """EXAMPLE_PKH is the PKH-like example; nothing else exists."""
    if code == "EXAMPLE_PKH":
        return ENTRY
    from dayasos.errors import ConfigurationError  # noqa: PLC0415

    raise ConfigurationError("no programme {value}", value=code)


HEAD = """\
program = "EXAMPLE_PKH"
source = "tests/rules/pkh_like.py"
"""

LANSIA = """\
[[cases]]
name = "Lansia sendiri di desil 3: layak"
on = 2020-07-21
[cases.entity]
id = "f"
kk = "3171010101200002"
decile = 3
memberships = []
[[cases.entity.members]]
relation = "head"
[cases.entity.members.person]
id = "l1"
birth_date = 1950-06-06
sex = "female"
pregnancy = "none"
state_employment = "none"
disability = { kind = "none" }
schooling = { level = "none", enrolled = false }
"""


def scenario(text, file="scenarios/s.toml"):
    """Parse scenario text (dedented) as if read from `file`."""
    return parse_scenario(textwrap.dedent(text), file=file)


def error_of(text):
    """The ValidationError parsing `text` raises."""
    with pytest.raises(ValidationError) as info:
        scenario(text)
    return info.value


class TestParse:
    """Scenario files are read strictly, with file and line in errors."""

    def test_example_file_reads_every_case(self):
        """The shipped example has six cases, each with a name."""
        found = load_scenario(EXAMPLE / "pkh_like.toml")

        assert "EXAMPLE_PKH" == found.program
        assert 6 == len(found.cases)
        assert dt.date(2020, 7, 21) == found.cases[0].on

    def test_entity_path_is_relative_to_the_scenario_file(self):
        """Entity = "x.json" names a file next to the scenario."""
        found = load_scenario(EXAMPLE / "pkh_like.toml")

        assert EXAMPLE / "entities" / "six_members.json" == (
            found.cases[0].entity
        )

    def test_unknown_top_level_key_is_refused_with_its_line(self):
        """A misspelt key at the top names file, line and the key."""
        error = error_of(HEAD + 'sorce = "x"\n' + LANSIA + EXPECTED_OK)

        assert "scenario.unknown_key" == error.error_code
        assert "scenarios/s.toml:3" == error.path
        assert "'sorce'" in str(error)

    def test_unknown_expected_key_is_refused_with_its_line(self):
        """A misspelt expectation never passes silently."""
        text = HEAD + LANSIA + EXPECTED_OK + "year_totl = 1\n"
        error = error_of(text)

        assert "scenario.unknown_key" == error.error_code
        assert f"scenarios/s.toml:{text.count(chr(10))}" == error.path
        assert "[cases.expected]" in str(error)

    def test_unknown_case_key_is_refused(self):
        """A key a case does not have is refused."""
        text = HEAD + LANSIA.replace("on =", "period = 1\non =") + EXPECTED_OK

        assert "scenario.unknown_key" == error_of(text).error_code

    def test_source_is_required(self):
        """Where the numbers come from is not optional."""
        error = error_of('program = "X"\n' + LANSIA + EXPECTED_OK)

        assert "scenario.missing_key" == error.error_code
        assert "source" in str(error)

    def test_on_must_be_a_date(self):
        """A date written as a string is refused."""
        text = HEAD + LANSIA.replace("on = 2020-07-21", 'on = "2020-07-21"')
        error = error_of(text + EXPECTED_OK)

        assert "scenario.type" == error.error_code
        assert "scenarios/s.toml:5" == error.path

    def test_unknown_verdict_is_refused(self):
        """Only eligible, ineligible and undetermined."""
        error = error_of(HEAD + LANSIA + '[cases.expected]\nverdict = "ok"\n')

        assert "scenario.verdict" == error.error_code

    def test_case_names_are_unique(self):
        """Two cases with the same name would be one test."""
        error = error_of(HEAD + (LANSIA + EXPECTED_OK) * 2)

        assert "scenario.duplicate_name" == error.error_code

    def test_a_file_without_cases_is_refused(self):
        """At least one case."""
        assert "scenario.no_cases" == error_of(HEAD).error_code

    def test_broken_toml_names_its_line(self):
        """A TOML syntax error keeps its line."""
        error = error_of(HEAD + "[[cases]\n")

        assert "scenario.toml" == error.error_code
        assert "scenarios/s.toml:3" == error.path

    def test_unreadable_file_is_a_validation_error(self, tmp_path):
        """A missing file raises scenario.file."""
        with pytest.raises(ValidationError) as info:
            load_scenario(tmp_path / "none.toml")

        assert "scenario.file" == info.value.error_code


EXPECTED_OK = """\
[cases.expected]
verdict = "eligible"
year_total = 2_400_000
"""


class TestRun:
    """Cases are decided and compared with their expectation."""

    def test_every_example_case_passes(self):
        """The shipped example scenarios hold for the example programme."""
        results = run_scenario(
            load_scenario(EXAMPLE / "pkh_like.toml"), resolver=resolver
        )

        assert [] == [r.report() for r in results if not r.passed]

    def test_mismatch_lists_expected_and_actual_and_explains(self):
        """A wrong total shows both numbers and the English explanation."""
        found = scenario(
            HEAD
            + LANSIA
            + "[cases.expected]\nverdict = 'ineligible'\nyear_total = 1\n"
        )
        result = run_case(found, found.cases[0], resolver=resolver)
        report = result.report()

        assert not result.passed
        assert "  verdict: expected 'ineligible', got 'eligible'" in report
        assert "  year_total: expected IDR 1, got IDR 2,400,000" in report
        assert "Explanation:" in report
        assert "ELIGIBLE" in report

    def test_entity_that_does_not_fit_is_an_error_of_the_case(self):
        """A bad entity gives scenario.entity with the field path."""
        found = scenario(
            HEAD + LANSIA.replace("decile = 3", 'decile = "3"') + EXPECTED_OK
        )
        result = run_case(found, found.cases[0], resolver=resolver)

        assert "scenario.entity" == result.error.error_code
        assert "decile" in str(result.error)
        assert "scenarios/s.toml:3" == result.error.path

    def test_missing_entity_file_is_an_error_of_the_case(self, tmp_path):
        """An entity file that is not there gives scenario.file."""
        text = (
            LANSIA.split("[cases.entity]", maxsplit=1)[0]
            + 'entity = "none.json"\n'
        )
        found = scenario(HEAD + text + EXPECTED_OK, file=tmp_path / "s.toml")
        result = run_case(found, found.cases[0], resolver=resolver)

        assert "scenario.file" == result.error.error_code

    def test_unknown_programme_is_an_error_of_the_case(self):
        """The resolver's error becomes scenario.program."""
        found = scenario(
            HEAD.replace("EXAMPLE_PKH", "NOPE") + LANSIA + EXPECTED_OK
        )
        result = run_case(found, found.cases[0], resolver=resolver)

        assert "scenario.program" == result.error.error_code

    def test_inline_reform_changes_the_amount(self):
        """An inline [cases.reform] overrides a parameter from its date."""
        reform = """\
        [cases.reform]
        name = "Lansia Rp3 juta"
        [[cases.reform.overrides]]
        parameter = "pkh.amount.lansia"
        since = 2020-01-01
        value = 3_000_000
        reference = { instrument = "Simulasi", title = "3 juta" }
        """
        found = scenario(
            HEAD
            + LANSIA
            + textwrap.dedent(reform)
            + EXPECTED_OK.replace("2_400_000", "3_000_000")
        )

        assert run_case(found, found.cases[0], resolver=resolver).passed

    def test_reform_of_an_unknown_parameter_is_an_error_of_the_case(self):
        """A reform the programme's parameters reject: scenario.reform."""
        reform = """\
        [cases.reform]
        name = "Nothing"
        [[cases.reform.overrides]]
        parameter = "pkh.amount.unknown"
        since = 2020-01-01
        value = 1
        reference = { instrument = "Simulasi" }
        """
        found = scenario(HEAD + LANSIA + textwrap.dedent(reform) + EXPECTED_OK)
        result = run_case(found, found.cases[0], resolver=resolver)

        assert "scenario.reform" == result.error.error_code


class TestCompare:
    """What counts as a match."""

    def test_lists_compare_in_any_order(self):
        """failed/unknown/missing are sets written as lists."""
        decision = ENTRY.decide(
            PKH.six_member_family(decile=None, memberships=None), on=PKH.ON
        )
        expected = Expected(
            verdict="undetermined",
            unknown=("pkh.not_in_bst", "pkh.decile", "pkh.not_graduated"),
            missing=("memberships", "decile"),
        )

        assert () == compare(expected, decision)

    def test_a_component_not_awarded_counts_as_zero(self):
        """components.sma = 0 holds for a family without SMA pupils."""
        decision = ENTRY.decide(PKH.six_member_family(), on=PKH.ON)

        assert () == compare(
            Expected(verdict="eligible", components={"sma": 0}), decision
        )

    def test_a_period_the_programme_does_not_pay_is_none(self):
        """A period outside the schedule has no total."""
        decision = ENTRY.decide(PKH.six_member_family(), on=PKH.ON)
        found = compare(
            Expected(verdict="eligible", periods={"2020-Q3": 1}), decision
        )

        assert [("periods.2020-Q3", 1, None)] == [
            (m.field, m.expected, m.actual) for m in found
        ]


class TestFindScenarioFiles:
    """Folders give their scenario files, not their data files."""

    def test_data_folders_are_skipped(self):
        """entities/ and reforms/ hold data, not scenarios."""
        assert [EXAMPLE / "pkh_like.toml"] == find_scenario_files([EXAMPLE])

    def test_a_file_is_taken_as_given(self):
        """A file named on the command line is read as a scenario."""
        reform = EXAMPLE / "reforms" / "lansia_3jt.toml"

        assert [reform] == find_scenario_files([reform])

    def test_missing_path_raises(self, tmp_path):
        """A path that does not exist is an error."""
        with pytest.raises(FileNotFoundError):
            find_scenario_files([tmp_path / "none"])


class TestDumpsToml:
    """Inline reform tables are written back as TOML."""

    def test_round_trip_through_tomllib(self):
        """What tomllib reads, dumps_toml writes back the same."""
        data = {
            "name": 'Lansia "3 juta"',
            "overrides": [
                {
                    "parameter": "pkh.amount.lansia",
                    "since": dt.date(2021, 1, 1),
                    "value": 3_000_000,
                    "flag": True,
                    "codes": ["a", "b"],
                    "reference": {"instrument": "Simulasi"},
                    "empty": {},
                    "odd key": 1,
                }
            ],
        }

        assert data == tomllib.loads(dumps_toml(data))


def _plugin_args():
    """-p for the plugin unless its entry point already loads it."""
    names = {
        ep.name for ep in importlib.metadata.entry_points(group="pytest11")
    }
    return [] if "dayasos" in names else ["-p", "dayasos.scenarios._pytest"]


CONFTEST = f"""
import importlib.util
import sys

import pytest

from dayasos.scenarios import LocalProgram

spec = importlib.util.spec_from_file_location("plugin_pkh", {str(RULES)!r})
PKH = importlib.util.module_from_spec(spec)
sys.modules["plugin_pkh"] = PKH
spec.loader.exec_module(PKH)


@pytest.hookimpl(optionalhook=True)
def pytest_dayasos_program(code):
    if code == "EXAMPLE_PKH":
        return LocalProgram(
            program=PKH.build_program(), parameters=PKH.build_params()
        )
    return None
"""


@pytest.fixture
def project(pytester):
    """A project with a scenarios folder and the example resolver."""
    folder = pytester.mkdir("scenarios")
    (folder / "conftest.py").write_text(CONFTEST)
    return pytester


class TestPlugin:
    """pytest collects scenario files, one item per case."""

    def test_each_case_is_an_item_named_by_its_case(self, project):
        """Two cases, two passing items with the cases' names."""
        text = HEAD + LANSIA + EXPECTED_OK
        text += (LANSIA + EXPECTED_OK).replace(": layak", ": masih layak")
        (project.path / "scenarios" / "lansia.toml").write_text(text)
        result = project.runpytest(*_plugin_args(), "-v")

        result.assert_outcomes(passed=2)
        result.stdout.fnmatch_lines(
            ["*lansia.toml::Lansia sendiri di desil 3: layak PASSED*"]
        )

    def test_failing_case_reports_fields_and_explanation(self, project):
        """Expected vs actual per field, then the English explanation."""
        text = HEAD + LANSIA + EXPECTED_OK.replace("2_400_000", "2_000_000")
        (project.path / "scenarios" / "lansia.toml").write_text(text)
        result = project.runpytest(*_plugin_args())

        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(
            [
                "*year_total: expected IDR 2,000,000, got IDR 2,400,000",
                "Explanation:",
                "*on 21 July 2020: ELIGIBLE",
            ]
        )

    def test_data_folders_and_other_folders_are_not_collected(self, project):
        """reforms/ under scenarios/, and .toml elsewhere, are no tests."""
        reforms = project.path / "scenarios" / "reforms"
        reforms.mkdir()
        (reforms / "r.toml").write_text('name = "x"\n')
        (project.path / "other.toml").write_text("x = 1\n")
        result = project.runpytest(*_plugin_args())

        assert 5 == result.ret  # no tests collected

    def test_broken_scenario_file_is_a_collection_error(self, project):
        """A misspelt key stops the file with its line."""
        text = HEAD + LANSIA + EXPECTED_OK + "verdic = 1\n"
        (project.path / "scenarios" / "bad.toml").write_text(text)
        result = project.runpytest(*_plugin_args())

        result.assert_outcomes(errors=1)
        result.stdout.fnmatch_lines(["*unknown key 'verdic'*"])

    def test_ini_option_turns_collection_off(self, project):
        """dayasos_scenarios = false collects nothing."""
        (project.path / "scenarios" / "lansia.toml").write_text(
            HEAD + LANSIA + EXPECTED_OK
        )
        project.makeini("[pytest]\ndayasos_scenarios = false\n")
        result = project.runpytest(*_plugin_args())

        assert 5 == result.ret
