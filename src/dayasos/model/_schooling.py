"""
Schooling: level, enrolment and the 12-year compulsory schooling.

>>> s = Schooling(level=SchoolLevel.SMP, enrolled=True)
>>> s.level.label_id
'SMP/MTs'
>>> s.compulsory_completed is None
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from dayasos.errors import ValidationError


__all__ = ["SchoolLevel", "Schooling"]


class SchoolLevel(enum.Enum):
    """
    School levels, lowest first; equivalents (sederajat) included.

    .. versionadded:: 0.1.0
    """

    #: Never attended school.
    NONE = "none"
    #: Pendidikan Anak Usia Dini (pre-school).
    PAUD = "paud"
    #: SD, MI and equivalents (primary).
    SD = "sd"
    #: SMP, MTs and equivalents (lower secondary).
    SMP = "smp"
    #: SMA, MA, SMK and equivalents (upper secondary).
    SMA = "sma"
    #: Diploma and university.
    HIGHER = "higher"

    @property
    def rank(self) -> int:
        """Position from 0 (none) to 5 (higher), for comparisons."""
        return _RANKS[self]

    @property
    def label_id(self) -> str:
        """The Indonesian name of the level."""
        return _LABELS[self]


_RANKS = {level: i for i, level in enumerate(SchoolLevel)}
_LABELS = {
    SchoolLevel.NONE: "Tidak/belum pernah sekolah",
    SchoolLevel.PAUD: "PAUD",
    SchoolLevel.SD: "SD/MI",
    SchoolLevel.SMP: "SMP/MTs",
    SchoolLevel.SMA: "SMA/MA/SMK",
    SchoolLevel.HIGHER: "Perguruan tinggi",
}


@attrs.frozen(kw_only=True)
class Schooling:
    """
    A person's schooling as collected.

    Args:
        level: The level attended now when `enrolled`,
            otherwise the highest level attended.
        enrolled: Whether the person attends school now.
        compulsory_completed: Whether the 12-year compulsory schooling
            (wajib belajar 12 tahun, up to SMA or equivalent) is completed.

    Raises:
        ValidationError: ``schooling.enrolled`` when enrolled at level
            `SchoolLevel.NONE`; ``schooling.compulsory`` when compulsory
            schooling is completed below SMA.

    .. versionadded:: 0.1.0
    """

    level: SchoolLevel | None = None
    enrolled: bool | None = None
    compulsory_completed: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.enrolled and self.level is SchoolLevel.NONE:
            raise ValidationError(
                "an enrolled pupil attends some level, got {value}; "
                "e.g. SchoolLevel.SD",
                code="schooling.enrolled",
                path="level",
                value=self.level.value,
            )
        if (
            self.compulsory_completed
            and self.level is not None
            and self.level.rank < SchoolLevel.SMA.rank
        ):
            raise ValidationError(
                "12-year compulsory schooling ends at SMA or equivalent, "
                "got level {value}",
                code="schooling.compulsory",
                path="compulsory_completed",
                value=self.level.value,
            )
