"""
The checks of a data-quality audit: codes, English messages, columns.

Every finding names one check by a stable code (``quality.*``);
the English template of its message is here, the words in other
languages are in the l10n catalog ``quality.po`` under the same code.

>>> CHECKS["quality.nik_sex"].unit
'members'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import attrs
import polars as pl


__all__ = [
    "CHECKS",
    "FINDINGS_SCHEMA",
    "PROGRAM_ALIASES",
    "Check",
    "canonical_program",
]


@attrs.frozen(kw_only=True)
class Check:
    """
    One check of the audit.

    Args:
        code: The stable code, e.g. ``quality.nik_invalid``.
        unit: What the check examines and counts: ``"members"`` (member
            rows) or ``"families"`` (family rows).
        template: The English message, a `str.format` template.

    .. versionadded:: 0.1.0
    """

    code: str
    unit: str
    template: str


#: Every check, in report order.
CHECKS: dict[str, Check] = {
    c.code: c
    for c in (
        Check(
            code="quality.nik_invalid",
            unit="members",
            template="the NIK is not valid: {detail}",
        ),
        Check(
            code="quality.kk_invalid",
            unit="families",
            template="the KK number is not valid: {detail}",
        ),
        Check(
            code="quality.nik_duplicate",
            unit="members",
            template=(
                "this NIK is on {count} member rows (lists {lists}; "
                "families {families}); a NIK belongs to one person"
            ),
        ),
        Check(
            code="quality.kk_duplicate",
            unit="families",
            template=(
                "this KK number is on {count} family rows (lists {lists}; "
                "families {families}); a KK belongs to one family"
            ),
        ),
        Check(
            code="quality.exclusive",
            unit="families",
            template=(
                "{program} and {other} exclude each other ({reference}); "
                "the family also receives {other} in {when} "
                "according to the {via} on list {source}"
            ),
        ),
        Check(
            code="quality.nik_birth_date",
            unit="members",
            template=(
                "the recorded birth date {value} disagrees with the "
                "birth date in the NIK (digits 7-12, DDMMYY)"
            ),
        ),
        Check(
            code="quality.nik_sex",
            unit="members",
            template=(
                "the recorded sex {value} disagrees with the NIK, whose "
                "day of birth has 40 added for women only"
            ),
        ),
        Check(
            code="quality.deceased",
            unit="members",
            template=(
                "the member is recorded as deceased (died on {value}) "
                "and is still on the list of {program}"
            ),
        ),
        Check(
            code="quality.membership_ended",
            unit="families",
            template=(
                "the family is on the list of {program} for {period}, but "
                "its membership of {program} is {value} since {when}"
            ),
        ),
        Check(
            code="quality.state_employee",
            unit="members",
            template=(
                "the member is employed by the state ({value}), which "
                "excludes the family from {program} ({reference})"
            ),
        ),
    )
}

#: Programme codes of registries and the catalogue code they stand for:
#: Program Sembako was BPNT (Bantuan Pangan Non Tunai) until 2019.
PROGRAM_ALIASES: dict[str, str] = {"BPNT": "SEMBAKO"}

#: The polars schema of the findings of an audit.
FINDINGS_SCHEMA = pl.Schema(
    {
        "list": pl.String(),
        "table": pl.String(),
        "row": pl.Int64(),
        "family_id": pl.String(),
        "person_id": pl.String(),
        "nik": pl.String(),
        "kk": pl.String(),
        "province": pl.String(),
        "regency": pl.String(),
        "check": pl.String(),
        "code": pl.String(),
        "message": pl.String(),
        "params": pl.String(),
    }
)


def canonical_program(code: str) -> str:
    """
    The catalogue code of a programme code as registries write it.

    >>> canonical_program("bpnt"), canonical_program("PKH")
    ('SEMBAKO', 'PKH')

    .. versionadded:: 0.1.0
    """
    upper = code.strip().upper()
    return PROGRAM_ALIASES.get(upper, upper)
