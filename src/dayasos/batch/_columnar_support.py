"""
What the columnar evaluator refuses to compile.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import ClassVar

from dayasos.errors import EvaluationError


__all__ = ["NotSupported", "refuse"]


class NotSupported(EvaluationError):
    """
    A rule holds a node the columnar evaluator does not compile.

    The object evaluator (`dayasos.programs.CatalogueEntry.decide`)
    decides such a programme; no columnar result is given rather than
    a wrong one.
    The node's kind is in `value`.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "columnar.not_supported"
    message: ClassVar[str] = (
        "the columnar evaluator does not compile {value}; decide these "
        "families with the object evaluator, e.g. entry.decide(family, "
        "on=on)"
    )


def refuse(kind: str) -> NotSupported:
    """
    The error for a node (or field) of kind `kind`.

    >>> error = refuse("SumLargest")
    >>> error.error_code, error.value
    ('columnar.not_supported', 'SumLargest')

    .. versionadded:: 0.1.0
    """
    return NotSupported(value=kind)
