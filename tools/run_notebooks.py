# ruff: noqa: INP001  # a script run by the nox docs session, not a package
"""
Execute Jupyter notebooks and check that each one shows something.

Usage: ``python tools/run_notebooks.py NOTEBOOK...`` (the nox ``docs``
session passes every ``examples/*.ipynb``). Each notebook runs in a fresh
Python kernel from its own folder; a cell that raises fails the run.
A notebook must also show at least one plot (``image/png``) and one HTML
table (``text/html``), the two things a notebook is for here.
Nothing is written back: the notebooks stay without outputs in git.
"""

from __future__ import annotations

import pathlib
import sys

import nbclient
import nbformat


#: Seconds one cell may take.
CELL_TIMEOUT = 300

#: Output kinds every notebook must show.
REQUIRED = ("image/png", "text/html")


def run(path: pathlib.Path) -> set[str]:
    """Execute the notebook at `path`; return the output kinds it showed."""
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return {
        kind
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        for kind in output.get("data", {})
    }


def main(argv: list[str]) -> int:
    """Run every notebook named in `argv`; 0 when all ran and showed."""
    if not argv:
        sys.stderr.write("usage: run_notebooks.py NOTEBOOK...\n")
        return 2
    failed = 0
    for name in argv:
        path = pathlib.Path(name)
        kinds = run(path)
        missing = [kind for kind in REQUIRED if kind not in kinds]
        if missing:
            failed += 1
            sys.stderr.write(f"{path}: no output of kind {missing}\n")
        else:
            sys.stdout.write(f"ok {path.name}: {sorted(kinds)}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
