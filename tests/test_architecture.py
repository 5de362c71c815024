"""
The layer diagram of DESIGN.md, enforced on the import graph.

Each module of ``src/dayasos`` may import dayasos modules only from its own
layer or the layers below it; some third-party packages may be imported
only by the modules that own them; and the core never reads the clock.
"""

import ast
import pathlib

import pytest


SRC = pathlib.Path(__file__).parent.parent / "src" / "dayasos"

#: Top-level package parts by layer, lowest first (DESIGN.md "Layers").
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors"}),
    frozenset({"ids", "legal", "money", "periods"}),
    frozenset({"model"}),
    frozenset({"policy"}),
    frozenset({"rules"}),
    frozenset({"programs", "metrics", "quality"}),
    frozenset({"serialization", "l10n", "reports"}),
    frozenset({"batch", "testing", "synthetic", "scenarios"}),
    frozenset({"cli", "__main__"}),
)

#: Third-party packages and the only parts allowed to import them.
OWNERS: dict[str, frozenset[str]] = {
    "babel": frozenset({"l10n"}),
    "cattrs": frozenset({"serialization"}),
    "hypothesis": frozenset({"testing"}),
    "polars": frozenset({"batch", "reports", "synthetic", "quality"}),
    "pyarrow": frozenset({"batch", "synthetic"}),
    "dask": frozenset({"batch"}),
    "distributed": frozenset({"batch"}),
    "matplotlib": frozenset({"reports"}),
}

#: Upward imports allowed by name, as (module path under src/dayasos, module).
#: Convenience methods that render codes into words through a lazy import:
#: Decision.explain (words in l10n) and QualityReport.to_text/to_markdown/
#: to_html (words in reports). The lower layer still emits codes only.
ALLOWED_UPWARD = frozenset(
    {
        ("rules/_decision.py", "dayasos.l10n"),
        ("quality/_audit.py", "dayasos.reports"),
    }
)

#: Parts allowed to read the clock: the command line is where it enters.
CLOCK_READERS = frozenset({"cli", "__main__"})


def layer_of(part: str) -> int:
    """Return the layer number of a top-level package part."""
    for number, parts in enumerate(LAYERS):
        if part in parts:
            return number
    msg = f"dayasos.{part} is not placed in LAYERS; add it to the diagram"
    raise AssertionError(msg)


def part_of(path: pathlib.Path) -> str:
    """Return the top-level package part a source file belongs to."""
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def modules() -> list[pathlib.Path]:
    """Every source module except the package's re-exporting __init__."""
    return sorted(p for p in SRC.rglob("*.py") if p != SRC / "__init__.py")


def imported_names(tree: ast.AST) -> list[str]:
    """Return every absolute module name a module imports."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif (
            isinstance(node, ast.ImportFrom) and node.module and not node.level
        ):
            names.append(node.module)
    return names


def clock_calls(tree: ast.AST) -> list[int]:
    """Return the lines of calls such as ``date.today()`` or ``now()``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else getattr(func, "id", "")
            )
            if name in {"today", "now", "utcnow"}:
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "path", modules(), ids=lambda p: str(p.relative_to(SRC))
)
class TestLayers:
    """Every module respects the layer diagram."""

    def test_module_imports_only_from_its_layer_or_below(self, path):
        """A module never imports dayasos code from a higher layer."""
        tree = ast.parse(path.read_text("utf-8"))
        own = layer_of(part_of(path))
        where = path.relative_to(SRC).as_posix()
        upward = [
            name
            for name in imported_names(tree)
            if name.startswith("dayasos.")
            and layer_of(name.split(".")[1]) > own
            and (where, name) not in ALLOWED_UPWARD
        ]

        assert [] == upward

    def test_module_never_imports_the_package_root(self, path):
        """Internal code imports from modules, never ``from dayasos``."""
        tree = ast.parse(path.read_text("utf-8"))

        assert "dayasos" not in imported_names(tree)

    def test_owned_packages_are_imported_only_by_their_owners(self, path):
        """babel, cattrs, hypothesis ... are confined to their modules."""
        tree = ast.parse(path.read_text("utf-8"))
        part = part_of(path)
        trespass = [
            name
            for name in imported_names(tree)
            if name.split(".")[0] in OWNERS
            and part not in OWNERS[name.split(".")[0]]
        ]

        assert [] == trespass

    def test_core_never_reads_the_clock(self, path):
        """Time is always an argument: no today() or now() in the library."""
        tree = ast.parse(path.read_text("utf-8"))
        calls = [] if part_of(path) in CLOCK_READERS else clock_calls(tree)

        assert [] == calls


class TestDiagram:
    """The diagram itself stays complete."""

    def test_every_package_part_is_placed_in_a_layer(self):
        """A new subpackage must be placed in the diagram before use."""
        parts = {part_of(p) for p in modules()}
        placed = set().union(*LAYERS)

        assert set() == parts - placed

    def test_importing_dayasos_does_not_import_optional_packages(self):
        """Plain users do not pay for hypothesis, polars or cattrs."""
        import subprocess  # noqa: PLC0415
        import sys  # noqa: PLC0415

        code = (
            "import sys, dayasos; "
            "print(sorted(m for m in ('hypothesis', 'polars', 'dask', "
            "'matplotlib') if m in sys.modules))"
        )
        out = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )

        assert "[]" == out.stdout.strip()
