"""
Every example script runs, and every shell command shown in the docs too.

Each ``examples/*.py`` runs in its own Python process from the project
root, like a reader would run it, and must exit 0 and print a line that
shows it did its job. Each ``$ dayasos ...`` line of a ``console`` block
in ``docs/*.md`` runs the command line in-process and must print what
the page shows (``...`` stands for any lines).
"""

from __future__ import annotations

import contextlib
import doctest
import io
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

from dayasos.cli import main


ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
DOCS = sorted(
    page
    for page in (ROOT / "docs").glob("**/*.md")
    if not {"_build", "_generated"} & set(page.relative_to(ROOT).parts)
)

#: A line each example prints when it did its job, and its arguments.
#: Examples not listed must print at least one line.
EXPECTED: dict[str, tuple[tuple[str, ...], str]] = {
    "decide_example_program.py": ((), "verdict: eligible"),
    "family_roundtrip.py": ((), "read back equal: True"),
    "midyear_report_2020.py": (("{tmp}",), "Evaluasi Tengah Tahun"),
    "service_single_decision.py": ((), '"verdict": "eligible"'),
    "reform_comparison.py": ((), "Total cost of the reform"),
}

_CONSOLE = re.compile(
    r"^```console\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL
)


def console_commands() -> list[tuple[str, str, str]]:
    """Every ``$ dayasos`` command of the docs: (page, command, output)."""
    found = []
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        for block in _CONSOLE.finditer(text):
            command, output = None, []
            for line in [*block["body"].splitlines(), "$"]:
                if line.startswith("$"):
                    if command is not None:
                        name = str(page.relative_to(ROOT))
                        found.append((name, command, "\n".join(output)))
                    command, output = line[1:].strip(), []
                else:
                    output.append(line)
    return [item for item in found if item[1].startswith("dayasos ")]


class TestExampleScripts:
    """The scripts in examples/."""

    @pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
    def test_example_runs_and_prints_its_result(self, script, tmp_path):
        """An example exits 0 and prints the line that shows its result."""
        args, expected = EXPECTED.get(script.name, ((), ""))
        argv = [arg.format(tmp=tmp_path) for arg in args]

        done = subprocess.run(  # noqa: S603 -- our own scripts, fixed argv
            [sys.executable, str(script), *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

        assert 0 == done.returncode, done.stderr
        assert done.stdout.strip()
        assert expected in done.stdout

    def test_every_documented_example_exists(self):
        """Each example listed here is a script in examples/."""
        names = {script.name for script in EXAMPLES}

        assert set() == set(EXPECTED) - names


class TestDocumentedCommands:
    """The `$ dayasos` commands shown in docs/*.md."""

    def test_the_docs_show_commands(self):
        """The docs show at least the tutorial's commands."""
        assert 2 <= len(console_commands())

    @pytest.mark.parametrize(
        ("page", "command", "output"),
        console_commands(),
        ids=lambda value: value if value.startswith("dayasos") else "",
    )
    def test_command_prints_what_the_page_shows(
        self, page, command, output, monkeypatch
    ):
        """A documented command prints what its page says it prints."""
        monkeypatch.chdir(ROOT)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(shlex.split(command)[1:])
        got = out.getvalue() + err.getvalue()
        checker = doctest.OutputChecker()

        assert code in {0, 1}, f"{page}: {command} exited {code}"
        assert checker.check_output(output + "\n", got, doctest.ELLIPSIS), (
            f"{page}: {command}\n--- shown\n{output}\n--- printed\n{got}"
        )
