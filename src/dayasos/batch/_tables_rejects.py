"""
Rejected rows: where, which field, a stable code and an English message.

Every row that `from_tables` cannot turn into the model is kept here,
so that nothing read is lost: accepted families plus rejected families
equal the families read (`Rejects.balances`).

Codes are those of the errors the model and `dayasos.ids` raise
(``nik.length``, ``family.head`` ...), the reading codes of
`dayasos.serialization` (``serialization.enum``,
``serialization.date_component`` ...) and the table codes of
`REJECT_REASONS` (``batch.orphan`` ...).
NIK and KK values are masked.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.errors import ValidationError


if TYPE_CHECKING:
    from collections.abc import Sized


__all__ = ["REJECTS_SCHEMA", "REJECT_REASONS", "Rejects", "reason_message"]

#: The polars schema of `Rejects.rows`.
REJECTS_SCHEMA = pl.Schema(
    {
        "table": pl.String(),
        "row": pl.Int64(),
        "family_id": pl.String(),
        "person_id": pl.String(),
        "field": pl.String(),
        "code": pl.String(),
        "message": pl.String(),
        "value": pl.String(),
    }
)

#: The codes only tables give, with their English message templates.
REJECT_REASONS: types.MappingProxyType[str, str] = types.MappingProxyType(
    {
        "batch.required": "a value is required in column {column}",
        "batch.not_int": (
            "expected a whole number from {low} to {high}, got {value!r}"
        ),
        "batch.not_bool": "expected true or false, got {value!r}",
        "batch.duplicate_family": (
            "family id {value!r} is on {count} rows of the families table; "
            "a family id names one family"
        ),
        "batch.orphan": (
            "no row of the families table has family id {value!r}"
        ),
        "batch.duplicate_nik": (
            "this NIK is on {count} member rows (families {families}); "
            "a NIK belongs to one person"
        ),
        "batch.nik_birth_date": (
            "the recorded birth date {value} disagrees with the birth date "
            "in the NIK (digits 7-12, DDMMYY)"
        ),
        "batch.membership_program": (
            "the rows of membership {value} name the programmes {programs}; "
            "a membership is in one programme"
        ),
        "batch.nik_sex": (
            "the recorded sex {value} disagrees with the NIK, whose day of "
            "birth has 40 added for women only"
        ),
    }
)


def reason_message(code: str, value: object = None, **params: object) -> str:
    """The English message of a code of `REJECT_REASONS`."""
    error = ValidationError(
        REJECT_REASONS[code],
        code=code,
        path="",
        value=value,
        personal=False,
        **params,
    )
    return str(error)


def _count_families(rows: pl.DataFrame) -> pl.DataFrame:
    return (
        rows.group_by("code", maintain_order=True)
        .agg(
            rows=pl.len(),
            families=pl.col("family_id").drop_nulls().n_unique(),
        )
        .sort("code")
    )


@attrs.frozen(kw_only=True, eq=False)
class Rejects:
    """
    What `from_tables` could not read, row by row.

    Args:
        rows: One row per problem, with the columns of `REJECTS_SCHEMA`:
            ``table`` and ``row`` (0-based position in that input table),
            ``family_id``, ``person_id`` (members rows), ``field``,
            ``code``, ``message`` (English) and ``value`` (as read; NIK
            and KK masked).
        input_families: The rows of the families table read.
        rejected_families: The rows of the families table rejected,
            each for one or more problems of its own rows, of its
            members' rows or of its memberships' rows.

    Rows of members or memberships whose family id is on no families row
    are rejected as ``batch.orphan``; they count as no family.

    .. versionadded:: 0.1.0
    """

    rows: pl.DataFrame
    input_families: int
    rejected_families: int

    def balances(self, families: Sized) -> bool:
        """
        Whether accepted plus rejected families make the families read.

        .. versionadded:: 0.1.0
        """
        return len(families) + self.rejected_families == self.input_families

    @property
    def codes(self) -> frozenset[str]:
        """Every code that occurs."""
        return frozenset(self.rows.get_column("code").to_list())

    def by_code(self) -> pl.DataFrame:
        """
        Problem rows and distinct families per code, sorted by code.

        .. versionadded:: 0.1.0
        """
        return _count_families(self.rows)

    def __len__(self) -> int:
        return self.rows.height
