"""
Hypothesis strategies for dayasos values, for property tests.

Only this package imports hypothesis; the rest of dayasos never does,
so plain users do not pay for it.
Every strategy is importable from here and from
`dayasos.testing.strategies`.

>>> from hypothesis import find
>>> from dayasos.ids import nik
>>> from dayasos.testing import niks
>>> nik.is_valid(find(niks(), lambda number: number.startswith("31")))
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.testing.strategies import *  # noqa: F403 - the public namespace
from dayasos.testing.strategies import __all__ as __all__
