# ruff: noqa: INP001  # Sphinx reads this file by path
"""
Sphinx configuration of the dayasos documentation.

Build with ``nox -s docs``: Markdown pages (MyST), the API reference from
the docstrings of the public packages, and the parameter reference
generated from the shipped parameter files at build time.
"""

from __future__ import annotations

import pathlib
import sys
from importlib.metadata import version as _version
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from sphinx.application import Sphinx

DOCS = pathlib.Path(__file__).parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "dayasos"
author = "dayasos contributors"
copyright = "dayasos contributors"  # noqa: A001 -- Sphinx reads this name
release = _version("dayasos")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "dayasos_parameters",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", ".gitignore"]

# Markdown: `:::` fences, definition lists, and anchors for ## headings
# so pages can link to a section (`page.md#section`).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Single backticks in docstrings are references to Python objects.
default_role = "py:obj"
# Without -n, the only Python-reference warnings are "more than one target
# found": an annotation names a class that two packages export under the
# same name (`dayasos.model.Confidence`, `dayasos.policy.Confidence`), and
# the link goes to the first. Broken references are not reported either way.
suppress_warnings = ["ref.python"]

autodoc_default_options = {
    "members": True,
    "member-order": "bysource",
    "show-inheritance": True,
}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

html_theme = "furo"
html_title = f"dayasos {release}"

#: Pages written alongside other modules; listed in the table of contents
#: once they exist (the index names them in its "Reports" toctree).
OPTIONAL_PAGES = ("reports", "tables")


def _drop_missing_optional_pages(
    _app: Sphinx, docname: str, source: list[str]
) -> None:
    if docname != root_doc:
        return
    missing = [
        name for name in OPTIONAL_PAGES if not (DOCS / f"{name}.md").exists()
    ]
    lines = source[0].splitlines(keepends=True)
    source[0] = "".join(line for line in lines if line.strip() not in missing)


def setup(app: Sphinx) -> None:
    """Register the build-time hooks of this configuration."""
    app.connect("source-read", _drop_missing_optional_pages)
