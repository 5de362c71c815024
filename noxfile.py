"""
The single entry point for lint, typing, tests, docs and examples.

``nox`` runs the default sessions; CI runs exactly that.
"""

from __future__ import annotations

import pathlib

import nox


nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False
nox.options.sessions = ["lint", "typing", "tests", "examples", "docs"]

ROOT = pathlib.Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PYTHON = "3.11"


def _group(name: str) -> list[str]:
    return nox.project.dependency_groups(PYPROJECT, name)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check on the whole tree."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """Run mypy --strict on src and on the typing test of the public API."""
    session.install("-e", ".[batch,plot,dask]", *_group("typing"))
    session.run("mypy", "--strict", "src", "tests/typing")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite, doctests of the package included."""
    session.install("-e", ".[batch,plot,dask]", *_group("tests"))
    args = session.posargs or ["-p", "no:cacheprovider"]
    session.run(
        "pytest",
        "--doctest-modules",
        "src/dayasos",
        "tests",
        *args,
    )


@nox.session(python=PYTHON)
def examples(session: nox.Session) -> None:
    """Run every script in examples/ and fail on the first that fails."""
    session.install("-e", ".[batch,plot]")
    scripts = sorted((ROOT / "examples").glob("*.py"))
    if not scripts:
        session.error("examples/ has no scripts")
    for script in scripts:
        session.run("python", str(script), silent=True)
        session.log(f"ok {script.name}")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """
    Build the docs site with warnings as errors, and run what it shows.

    The ``>>>`` blocks of README.md and of every page run as doctests,
    the example notebook is executed, and Sphinx builds the HTML site
    (API and parameter references generated at build time) into
    docs/_build/html.
    """
    session.install("-e", ".[batch,plot,dask]", *_group("docs"))
    pages = sorted(
        str(p)
        for p in (ROOT / "docs").glob("**/*.md")
        if not {"_build", "_generated"} & set(p.relative_to(ROOT).parts)
    )
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "--doctest-glob=*.md",
        "--doctest-modules",
        "README.md",
        *pages,
        str(ROOT / "docs" / "_ext"),
    )
    session.run(
        "python",
        str(ROOT / "tools" / "run_notebooks.py"),
        *sorted(str(p) for p in (ROOT / "examples").glob("*.ipynb")),
    )
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-b",
        "html",
        str(ROOT / "docs"),
        str(ROOT / "docs" / "_build" / "html"),
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """
    Run every script in benchmarks/ (not a default session).

    The scripts print figures only, each with its default sizes.
    """
    session.install("-e", ".[batch]", *_group("bench"))
    scripts = sorted((ROOT / "benchmarks").glob("*.py"))
    if not scripts:
        session.error("benchmarks/ has no scripts")
    for script in scripts:
        session.log(f"running {script.name}")
        session.run("python", str(script))
