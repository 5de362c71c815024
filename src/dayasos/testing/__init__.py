"""
Hypothesis strategies for dayasos values, for property tests.

Only this package imports hypothesis; the rest of dayasos never does,
so plain users do not pay for it.
The strategies live in `dayasos.testing.strategies`.

.. versionadded:: 0.1.0
"""
