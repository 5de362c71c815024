"""
The interface every identifier module shares.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


__all__ = ["IdentifierModule"]


@runtime_checkable
class IdentifierModule(Protocol):
    """
    What `dayasos.ids.nik`, `~dayasos.ids.kk` and `~dayasos.ids.wilayah` offer.

    Each identifier lives in one small module with the same four functions,
    in the manner of python-stdnum:

    - ``compact(number)`` removes separators (spaces, dots, dashes)
      and returns the rest unchecked;
    - ``validate(number)`` returns the canonical digits
      or raises a `~dayasos.errors.ValidationError` with a stable code;
    - ``is_valid(number)`` answers ``True`` or ``False``
      and never raises, whatever text it is given;
    - ``format(number)`` gives the form to show a person.

    Besides these, each module has ``get_*`` functions that extract parts
    (``nik.get_birth_date``, ``kk.get_region``, ``wilayah.get_level`` ...).
    The modules themselves are the implementations:

    >>> from dayasos.ids import kk, nik, wilayah
    >>> all(isinstance(m, IdentifierModule) for m in (nik, kk, wilayah))
    True

    .. versionadded:: 0.1.0
    """

    def compact(self, number: str) -> str:
        """Remove separators and surrounding white space."""
        ...

    def validate(self, number: str) -> str:
        """Return the canonical form or raise a `ValidationError`."""
        ...

    def is_valid(self, number: str) -> bool:
        """Tell whether the number is valid; never raise."""
        ...

    def format(self, number: str) -> str:
        """Return the display form of a valid number."""
        ...
