"""
Realistic data errors, injected on purpose and listed in a manifest.

Registries hold the errors of the field: a NIK typed with a digit
missing, a birth date of 31 February, a NIK whose birth date disagrees
with the recorded one, one NIK in two families (a grown child on the
parents' KK and on their own), a registry's own code where the layout
wants ours, a family with two heads. The generator puts one of them in a
share of families and lists each in `ERRORS_SCHEMA` rows, with the
reject code `dayasos.batch.from_tables` gives it.

>>> ErrorKind.TWO_HEADS.code
'family.head'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import polars as pl

from dayasos.model import Relation
from dayasos.synthetic._draft import MEMBER


if TYPE_CHECKING:
    import random
    from collections.abc import Callable

    from dayasos.synthetic._draft import Draft


__all__ = ["ERRORS_SCHEMA", "ErrorKind", "inject"]

#: The polars schema of a manifest of injected errors.
ERRORS_SCHEMA = pl.Schema(
    {
        "family_id": pl.String(),
        "person_id": pl.String(),
        "kind": pl.String(),
        "field": pl.String(),
        "code": pl.String(),
    }
)


class ErrorKind(enum.Enum):
    """
    A kind of data error the generator can inject.

    .. versionadded:: 0.1.0
    """

    #: A NIK with its last digit missing (15 digits).
    NIK_LENGTH = "nik_length"
    #: A birth date that no calendar has, e.g. ``1985-02-31``.
    IMPOSSIBLE_DATE = "impossible_date"
    #: A recorded birth date that disagrees with the NIK's digits.
    NIK_BIRTH_DATE = "nik_birth_date"
    #: A member of the previous family listed again, with the same NIK.
    DUPLICATE_NIK = "duplicate_nik"
    #: A registry's own code (``L``, ``ojol``, ``SLTP``, ``anak``).
    UNKNOWN_CODE = "unknown_code"
    #: A second member recorded as head.
    TWO_HEADS = "two_heads"

    @property
    def code(self) -> str:
        """The reject code `dayasos.batch.from_tables` gives it."""
        return _CODES[self]


_CODES = {
    ErrorKind.NIK_LENGTH: "nik.length",
    ErrorKind.IMPOSSIBLE_DATE: "serialization.date_component",
    ErrorKind.NIK_BIRTH_DATE: "batch.nik_birth_date",
    ErrorKind.DUPLICATE_NIK: "batch.duplicate_nik",
    ErrorKind.UNKNOWN_CODE: "serialization.enum",
    ErrorKind.TWO_HEADS: "family.head",
}
_NIK = MEMBER["nik"]
_BORN = MEMBER["birth_date"]
_RELATION = MEMBER["relation"]
_PERSON = MEMBER["person_id"]
_FAMILY = MEMBER["family_id"]
_HEAD = Relation.HEAD.value
_FOREIGN_CODES = (
    ("sex", "L"),
    ("sex", "P"),
    ("occupation", "ojol"),
    ("occupation", "buruh"),
    ("school_level", "SLTP"),
    ("employment", "bekerja"),
    ("relation", "anak"),
)
_NO_DAY = ("02-30", "02-31", "04-31", "06-31", "09-31", "11-31")

#: One manifest row: family_id, person_id, kind, field, code.
Row = tuple[str, str | None, str, str, str]


def _open(
    draft: Draft, *, with_nik: bool = False, heads: bool = True
) -> list[int]:
    return [
        i
        for i, member in enumerate(draft.members)
        if i not in draft.changed
        and (member[_NIK] is not None or not with_nik)
        and (heads or member[_RELATION] != _HEAD)
    ]


def _row(draft: Draft, at: int, kind: ErrorKind, field: str) -> Row:
    draft.changed.add(at)
    person = str(draft.members[at][_PERSON])
    return (draft.family_id, person, kind.value, field, kind.code)


def _nik_length(
    rng: random.Random, draft: Draft, _: Draft | None
) -> list[Row]:
    open_ = _open(draft, with_nik=True)
    if not open_:
        return []
    at = rng.choice(open_)
    draft.set(at, "nik", str(draft.members[at][_NIK])[:15])
    return [_row(draft, at, ErrorKind.NIK_LENGTH, "nik")]


def _impossible_date(
    rng: random.Random, draft: Draft, _: Draft | None
) -> list[Row]:
    open_ = _open(draft)
    if not open_:
        return []
    at = rng.choice(open_)
    born = draft.members[at][_BORN]
    if not isinstance(born, dt.date):
        return []
    draft.set(at, "birth_date", f"{born.year:04d}-{rng.choice(_NO_DAY)}")
    return [_row(draft, at, ErrorKind.IMPOSSIBLE_DATE, "birth_date")]


def _nik_birth_date(
    rng: random.Random, draft: Draft, _: Draft | None
) -> list[Row]:
    open_ = _open(draft, with_nik=True)
    if not open_:
        return []
    at = rng.choice(open_)
    born = draft.members[at][_BORN]
    if not isinstance(born, dt.date):
        return []
    earlier = born - dt.timedelta(days=rng.randint(1, 400))
    draft.set(at, "birth_date", earlier)
    return [_row(draft, at, ErrorKind.NIK_BIRTH_DATE, "birth_date")]


def _duplicate_nik(
    rng: random.Random, draft: Draft, previous: Draft | None
) -> list[Row]:
    if previous is None:
        return []
    open_ = _open(previous, with_nik=True)
    if not open_:
        return []
    at = rng.choice(open_)
    copy = list(previous.members[at])
    copy[_FAMILY] = draft.family_id
    copy[_PERSON] = f"{draft.family_id}-{len(draft.members) + 1}"
    copy[_RELATION] = Relation.OTHER_RELATIVE.value
    draft.members.append(tuple(copy))
    kind = ErrorKind.DUPLICATE_NIK
    return [
        _row(draft, len(draft.members) - 1, kind, "nik"),
        _row(previous, at, kind, "nik"),
    ]


def _unknown_code(
    rng: random.Random, draft: Draft, _: Draft | None
) -> list[Row]:
    open_ = _open(draft)
    if not open_:
        return []
    at = rng.choice(open_)
    column, code = rng.choice(_FOREIGN_CODES)
    if column == "relation" and draft.members[at][_RELATION] == _HEAD:
        column, code = "sex", "L"
    draft.set(at, column, code)
    return [_row(draft, at, ErrorKind.UNKNOWN_CODE, column)]


def _two_heads(rng: random.Random, draft: Draft, _: Draft | None) -> list[Row]:
    open_ = _open(draft, heads=False)
    if not open_:
        return []
    at = rng.choice(open_)
    draft.set(at, "relation", _HEAD)
    return [_row(draft, at, ErrorKind.TWO_HEADS, "members")]


_INJECT: dict[
    ErrorKind, Callable[[random.Random, Draft, Draft | None], list[Row]]
] = {
    ErrorKind.NIK_LENGTH: _nik_length,
    ErrorKind.IMPOSSIBLE_DATE: _impossible_date,
    ErrorKind.NIK_BIRTH_DATE: _nik_birth_date,
    ErrorKind.DUPLICATE_NIK: _duplicate_nik,
    ErrorKind.UNKNOWN_CODE: _unknown_code,
    ErrorKind.TWO_HEADS: _two_heads,
}
_KINDS = tuple(ErrorKind)


def inject(
    rng: random.Random, draft: Draft, previous: Draft | None
) -> list[Row]:
    """
    Put one error of a random kind in a family; return its manifest rows.

    A kind that cannot apply (two heads in a family of one, a duplicate
    with no previous family in the chunk) gives way to the next kind.
    """
    first = rng.randrange(len(_KINDS))
    for step in range(len(_KINDS)):
        kind = _KINDS[(first + step) % len(_KINDS)]
        rows = _INJECT[kind](rng, draft, previous)
        if rows:
            return rows
    return []
