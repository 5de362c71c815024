"""
Hypothesis strategies for `dayasos.money`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from hypothesis import strategies as st

from dayasos.money import Rupiah


__all__ = ["rupiah"]


def _bound(value: Rupiah | int | None) -> int | None:
    return value.amount if isinstance(value, Rupiah) else value


def rupiah(
    min_value: Rupiah | int | None = None,
    max_value: Rupiah | int | None = None,
) -> st.SearchStrategy[Rupiah]:
    """
    Rupiah amounts, negative ones included unless `min_value` says not.

    .. versionadded:: 0.1.0
    """
    return st.integers(_bound(min_value), _bound(max_value)).map(Rupiah)
