"""
The column layout: three long tables joined by family id.

- **families**: one row per family (one KK);
- **members**: one row per person, with the family's id;
- **memberships**: one row per dated transition of a programme
  membership, with the family's id and the membership's number.

Enum columns hold the model's codes (``"head"``, ``"female"``,
``"PPKS-24"``); a value that was not collected is null, never a sentinel.
Each column is described once, as data, in `FAMILY_COLUMNS`,
`MEMBER_COLUMNS` and `MEMBERSHIP_COLUMNS`; the polars schemas
(`FAMILIES_SCHEMA` ...) are derived from them.

>>> FAMILIES_SCHEMA["decile"]
Int8
>>> [c.name for c in MEMBER_COLUMNS][:4]
['family_id', 'person_id', 'relation', 'nik']

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import types
from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.ids import Sex
from dayasos.model import (
    PPKS,
    BusinessKind,
    DisabilityKind,
    EmploymentStatus,
    GraduationKind,
    HeroStatus,
    MembershipReason,
    MembershipState,
    Occupation,
    PregnancyStatus,
    Relation,
    SchoolLevel,
    Severity,
    StateEmployment,
)


if TYPE_CHECKING:
    from collections.abc import Iterable

    from polars.datatypes import DataType


__all__ = [
    "BUSINESS_FIELDS",
    "FAMILIES_SCHEMA",
    "FAMILY_COLUMNS",
    "MEMBERSHIPS_SCHEMA",
    "MEMBERSHIP_COLUMNS",
    "MEMBERS_SCHEMA",
    "MEMBER_COLUMNS",
    "TABLE_COLUMNS",
    "Column",
    "ColumnKind",
]


class ColumnKind(enum.Enum):
    """
    How a column's cells are read and checked.

    .. versionadded:: 0.1.0
    """

    #: Free text or an identifier of the data set.
    TEXT = "text"
    #: A code of one of the model's enums.
    CODE = "code"
    #: ``true`` or ``false``.
    BOOL = "bool"
    #: A whole number.
    INT = "int"
    #: A calendar date; ISO text (``2020-07-21``) is read too.
    DATE = "date"
    #: A NIK: 16 digits.
    NIK = "nik"
    #: A KK number: 16 digits.
    KK = "kk"
    #: A Kemendagri region code, plain digits or dotted.
    REGION = "region"
    #: A list of codes (PPKS categories); comma-separated text is read too.
    CODES = "codes"
    #: A list of micro businesses, each a struct of `BUSINESS_FIELDS`.
    BUSINESSES = "businesses"


def _codes(enum_type: type[enum.Enum] | None) -> tuple[str, ...]:
    if enum_type is None:
        return ()
    return tuple(str(member.value) for member in enum_type)


@attrs.frozen(kw_only=True)
class Column:
    """
    One column of the layout: name, polars type, meaning and checks.

    Args:
        name: The column's name.
        dtype: The polars data type written by `to_tables`.
        kind: How cells are read and checked.
        doc: What the column holds.
        required: Whether every row needs a value.
        enum_type: The model enum whose codes a `ColumnKind.CODE` or
            `ColumnKind.CODES` column holds.
        low: The smallest whole number accepted.
        high: The largest whole number accepted.
        range_code: The reject code for a number outside
            ``low..high``.

    .. versionadded:: 0.1.0
    """

    name: str
    dtype: DataType
    kind: ColumnKind
    doc: str
    required: bool = False
    enum_type: type[enum.Enum] | None = None
    low: int | None = None
    high: int | None = None
    range_code: str = "batch.not_int"

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes a code column accepts, in the enum's order."""
        return _codes(self.enum_type)


def _text(name: str, doc: str, *, required: bool = False) -> Column:
    return Column(
        name=name,
        dtype=pl.String(),
        kind=ColumnKind.TEXT,
        doc=doc,
        required=required,
    )


def _code(
    name: str, enum_type: type[enum.Enum], doc: str, *, required: bool = False
) -> Column:
    return Column(
        name=name,
        dtype=pl.String(),
        kind=ColumnKind.CODE,
        doc=doc,
        required=required,
        enum_type=enum_type,
    )


def _flag(name: str, doc: str) -> Column:
    return Column(name=name, dtype=pl.Boolean(), kind=ColumnKind.BOOL, doc=doc)


def _date(name: str, doc: str, *, required: bool = False) -> Column:
    return Column(
        name=name,
        dtype=pl.Date(),
        kind=ColumnKind.DATE,
        doc=doc,
        required=required,
    )


_FAMILY_ID = "The family's id in its data set (`Family.id`); joins the tables."

#: The fields of one micro business in the ``businesses`` column.
BUSINESS_FIELDS: tuple[Column, ...] = (
    _code("kind", BusinessKind, "`BusinessKind` code."),
    _text("owner_id", "The `person_id` of the member who runs it."),
    _flag("covid_affected", "Whether COVID-19 hit the business."),
    _date("started_on", "When the business started."),
)

_BUSINESS_STRUCT = pl.Struct({f.name: f.dtype for f in BUSINESS_FIELDS})

#: The columns of the families table, in order.
FAMILY_COLUMNS: tuple[Column, ...] = (
    _text("family_id", _FAMILY_ID, required=True),
    Column(
        name="kk",
        dtype=pl.String(),
        kind=ColumnKind.KK,
        doc="Nomor KK, 16 digits.",
    ),
    Column(
        name="region",
        dtype=pl.String(),
        kind=ColumnKind.REGION,
        doc=(
            "Kemendagri code of where the family lives, usually a "
            "desa/kelurahan: written as digits (``3171011001``); "
            "the dotted form is read too."
        ),
    ),
    Column(
        name="decile",
        dtype=pl.Int8(),
        kind=ColumnKind.INT,
        doc="Welfare decile (desil) 1-10.",
        low=1,
        high=10,
        range_code="family.decile",
    ),
    Column(
        name="businesses",
        dtype=pl.List(_BUSINESS_STRUCT),
        kind=ColumnKind.BUSINESSES,
        doc=(
            "Micro businesses, a list of structs (kind, owner_id, "
            "covid_affected, started_on); empty when known to have none, "
            "null when not collected."
        ),
    ),
    _flag(
        "memberships_recorded",
        "Whether programme memberships were collected: true with no "
        "memberships rows means none; a family with memberships rows "
        "has them whatever this says.",
    ),
)

#: The columns of the members table, in order.
MEMBER_COLUMNS: tuple[Column, ...] = (
    _text("family_id", _FAMILY_ID, required=True),
    _text(
        "person_id",
        "The person's id in its data set (`Person.id`), unique within "
        "the family.",
        required=True,
    ),
    _code(
        "relation",
        Relation,
        "`Relation` to the head: ``head``, ``spouse``, ``child`` ...",
        required=True,
    ),
    Column(name="nik", dtype=pl.String(), kind=ColumnKind.NIK, doc="NIK."),
    _text("name", "Full name."),
    _date("birth_date", "Date of birth."),
    _code("sex", Sex, "``male`` or ``female``."),
    _flag(
        "disability_recorded",
        "Whether disability was collected; also true when a disability "
        "kind or severity is given.",
    ),
    _code(
        "disability_kind",
        DisabilityKind,
        "`DisabilityKind` code; ``none`` for no disability, null for a "
        "disability of unrecorded kind.",
    ),
    _code("disability_severity", Severity, "`Severity` code."),
    Column(
        name="ppks",
        dtype=pl.List(pl.String()),
        kind=ColumnKind.CODES,
        doc=(
            "PPKS category codes (``PPKS-01`` ... ``PPKS-26``); empty when "
            "assessed and none applies."
        ),
        enum_type=PPKS,
    ),
    _flag(
        "schooling_recorded",
        "Whether schooling was collected; also true when any schooling "
        "column is given.",
    ),
    _code("school_level", SchoolLevel, "`SchoolLevel` code."),
    _flag("enrolled", "Whether at school now."),
    _flag(
        "compulsory_completed",
        "Whether the 12-year compulsory schooling is completed.",
    ),
    _code("occupation", Occupation, "`Occupation` code."),
    _code("employment", EmploymentStatus, "`EmploymentStatus` code."),
    _flag("covid_affected", "Whether COVID-19 hit the person's livelihood."),
    _code(
        "state_employment",
        StateEmployment,
        "`StateEmployment` code; ``none`` when known not employed by the "
        "state.",
    ),
    _code("pregnancy", PregnancyStatus, "`PregnancyStatus` code."),
    Column(
        name="pregnancy_number",
        dtype=pl.Int16(),
        kind=ColumnKind.INT,
        doc="Which pregnancy this is (kehamilan ke-).",
        low=-(2**15),
        high=2**15 - 1,
    ),
    _code("hero_status", HeroStatus, "`HeroStatus` code."),
    _flag("deceased", "Whether the person has died."),
    _date("died_on", "Date of death."),
)

#: The columns of the memberships table, in order.
MEMBERSHIP_COLUMNS: tuple[Column, ...] = (
    _text("family_id", _FAMILY_ID, required=True),
    Column(
        name="membership",
        dtype=pl.Int32(),
        kind=ColumnKind.INT,
        doc=(
            "Number of the membership within the family (1, 2 ...): the "
            "rows of one membership share it and keep their order."
        ),
        required=True,
        low=-(2**31),
        high=2**31 - 1,
    ),
    _text("program", "Programme code, e.g. ``PKH``.", required=True),
    _code(
        "state",
        MembershipState,
        "`MembershipState` entered by this transition.",
        required=True,
    ),
    _date("since", "The date the state was entered.", required=True),
    _code("reason", MembershipReason, "`MembershipReason` code."),
    _code("graduation", GraduationKind, "`GraduationKind` code."),
    _text("note", "Free text of the record."),
)


def _schema(columns: Iterable[Column]) -> pl.Schema:
    return pl.Schema({c.name: c.dtype for c in columns})


#: The polars schema of the families table.
FAMILIES_SCHEMA: pl.Schema = _schema(FAMILY_COLUMNS)
#: The polars schema of the members table.
MEMBERS_SCHEMA: pl.Schema = _schema(MEMBER_COLUMNS)
#: The polars schema of the memberships table.
MEMBERSHIPS_SCHEMA: pl.Schema = _schema(MEMBERSHIP_COLUMNS)

#: The columns of each table, by table name.
TABLE_COLUMNS: types.MappingProxyType[str, tuple[Column, ...]] = (
    types.MappingProxyType(
        {
            "families": FAMILY_COLUMNS,
            "members": MEMBER_COLUMNS,
            "memberships": MEMBERSHIP_COLUMNS,
        }
    )
)
