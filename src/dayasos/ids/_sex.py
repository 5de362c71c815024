"""
The sex a NIK records.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum


__all__ = ["Sex"]


class Sex(enum.Enum):
    """
    Sex as a NIK records it: a woman's day of birth has 40 added.

    >>> Sex("female")
    <Sex.FEMALE: 'female'>

    .. versionadded:: 0.1.0
    """

    MALE = "male"
    FEMALE = "female"
