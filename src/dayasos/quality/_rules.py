"""
The checks of an audit, each a set of examined rows and of findings.

Each check returns the rows it examined (``units``: list, table, row,
province, regency) and the rows it flags, with the parameters of the
message. Rows are named by their 0-based position in the list's table.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dayasos.errors import ConfigurationError
from dayasos.model import MembershipState
from dayasos.programs import exclusivity_pairs, get
from dayasos.quality._checks import PROGRAM_ALIASES


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.quality._prepare import Prepared


__all__ = [
    "Outcome",
    "deceased",
    "exclusive",
    "kk_duplicate",
    "kk_invalid",
    "membership_ended",
    "nik_birth_date",
    "nik_duplicate",
    "nik_invalid",
    "nik_sex",
    "state_employee",
]

#: The rows a check examined and the rows it flags.
Outcome = tuple[pl.DataFrame, pl.DataFrame]

_FEMALE_OFFSET = 40
_SHOWN = 5


def _members(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.lit("members").alias("table"))


def _families(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.lit("families").alias("table"),
        pl.lit(None, pl.String).alias("person_id"),
        pl.lit(None, pl.String).alias("nik"),
    )


def _names(column: str) -> pl.Expr:
    """The first few distinct values of a group, then an ellipsis."""
    values = pl.col(column).unique().sort()
    shown = values.head(_SHOWN).str.join(", ")
    return (
        pl.when(values.len() > _SHOWN)
        .then(pl.concat_str(shown, pl.lit(", ...")))
        .otherwise(shown)
    )


def _invalid(prepared: Prepared, area: str, frame: pl.DataFrame) -> Outcome:
    units = frame.filter(pl.col(f"{area}_ok").is_not_null())
    bad = prepared.invalid.filter(pl.col("area") == area).select(
        pl.col("value").alias(area),
        "code",
        pl.col("message").alias("detail"),
        pl.col("params").alias("detail_params"),
    )
    found = units.join(bad, on=area, how="inner")
    return units, found


def nik_invalid(prepared: Prepared) -> Outcome:
    """Member rows whose NIK `dayasos.ids.nik` rejects."""
    return _invalid(prepared, "nik", _members(prepared.members))


def kk_invalid(prepared: Prepared) -> Outcome:
    """Family rows whose KK number `dayasos.ids.kk` rejects."""
    return _invalid(prepared, "kk", _families(prepared.families))


def _stats(
    units: pl.DataFrame, flagged: pl.DataFrame, key: list[str]
) -> pl.DataFrame:
    """Rows, lists and families of the flagged keys, over every row."""
    keys = flagged.select(key).unique()
    return (
        units.join(keys, on=key, how="semi")
        .group_by(key)
        .agg(
            pl.len().cast(pl.String).alias("count"),
            _names("list").alias("lists"),
            _names("family_id").alias("families"),
        )
    )


def nik_duplicate(prepared: Prepared) -> Outcome:
    """
    Member rows whose NIK is on another row.

    A NIK is flagged on two rows of lists of one programme and period,
    or in families with two different KK numbers in any lists.
    """
    units = _members(prepared.members).filter(pl.col("nik_ok"))
    slot = ["nik", "program", "period"]
    kk = pl.when(pl.col("kk_ok")).then(pl.col("kk"))
    flagged = units.filter(
        (pl.len().over(slot) > 1)
        | (kk.drop_nulls().n_unique().over("nik") > 1)
    )
    stats = _stats(units, flagged, ["nik"])
    return units, flagged.join(stats, on="nik", how="left")


def kk_duplicate(prepared: Prepared) -> Outcome:
    """Family rows whose KK is on another row of one programme and period."""
    units = _families(prepared.families).filter(pl.col("kk_ok"))
    slot = ["kk", "program", "period"]
    flagged = units.filter(pl.len().over(slot) > 1)
    stats = _stats(flagged, flagged, slot)
    return units, flagged.join(stats, on=slot, how="left")


def _nik_day() -> pl.Expr:
    return pl.col("nik").str.slice(6, 2).cast(pl.Int32)


def nik_birth_date(prepared: Prepared) -> Outcome:
    """Member rows whose recorded birth date disagrees with the NIK's."""
    units = _members(prepared.members).filter(
        pl.col("nik_ok") & pl.col("birth_date").is_not_null()
    )
    day = _nik_day()
    day = pl.when(day > _FEMALE_OFFSET).then(day - _FEMALE_OFFSET)
    day = day.otherwise(_nik_day())
    born = pl.col("birth_date").dt
    agrees = (
        (day == born.day())
        & (pl.col("nik").str.slice(8, 2).cast(pl.Int32) == born.month())
        & (pl.col("nik").str.slice(10, 2).cast(pl.Int32) == born.year() % 100)
    )
    found = units.filter(~agrees).with_columns(
        pl.col("birth_date").cast(pl.String).alias("value")
    )
    return units, found


def nik_sex(prepared: Prepared) -> Outcome:
    """Member rows whose recorded sex disagrees with the NIK (+40 rule)."""
    units = _members(prepared.members).filter(
        pl.col("nik_ok") & pl.col("sex").is_in(["male", "female"])
    )
    female = _nik_day() > _FEMALE_OFFSET
    found = units.filter((pl.col("sex") == "female") != female).with_columns(
        pl.col("sex").alias("value")
    )
    return units, found


def deceased(prepared: Prepared, *, on: dt.date) -> Outcome:
    """Member rows recorded as deceased, or dead by `on`."""
    units = _members(prepared.members)
    dead = pl.col("deceased").fill_null(value=False) | (
        pl.col("died_on") <= on
    ).fill_null(value=False)
    found = units.filter(dead).with_columns(
        pl.col("died_on").cast(pl.String).fill_null("?").alias("value")
    )
    return units, found


def _excluded_employment(program: str, on: dt.date) -> tuple[str, ...]:
    """The state employment codes a programme excludes, with its reference."""
    try:
        entry = get(program)
    except ConfigurationError:
        return ()
    snapshot = entry.parameters.at(on)
    for name in snapshot:
        if name.endswith(".excluded_employment"):
            codes = snapshot.get(name)
            if isinstance(codes, tuple):
                reference = str(snapshot.reference(name))
                return (reference, *(str(c) for c in codes))
    return ()


def state_employee(prepared: Prepared) -> Outcome:
    """
    Member rows employed by the state, on lists of programmes excluding it.

    The excluded employment is the programme's parameter
    ``<programme>.excluded_employment`` in force at the start of the
    list's period (PKH: ASN, TNI, Polri, BUMN/BUMD, pejabat negara).
    """
    members = _members(prepared.members)
    rules = [
        (program, start, _excluded_employment(program, start))
        for program, start in members.select("program", "start")
        .unique()
        .iter_rows()
    ]
    rules_frame = pl.DataFrame(
        [
            (program, start, found[0], list(found[1:]))
            for program, start, found in rules
            if found
        ],
        schema={
            "program": pl.String,
            "start": pl.Date,
            "reference": pl.String,
            "excluded": pl.List(pl.String),
        },
        orient="row",
    )
    units = members.join(rules_frame, on=["program", "start"], how="inner")
    found = units.filter(
        pl.col("excluded").list.contains(pl.col("state_employment"))
    ).with_columns(pl.col("state_employment").alias("value"))
    return units.drop("reference", "excluded"), found.drop("excluded")


def _pairs() -> pl.DataFrame:
    rows = []
    for rule in exclusivity_pairs():
        reference = str(rule.reference)
        rows.append((rule.first, rule.second, reference))
        rows.append((rule.second, rule.first, reference))
    return pl.DataFrame(
        rows, schema=["program", "other", "reference"], orient="row"
    )


def _keys(prepared: Prepared) -> pl.DataFrame:
    """Who a family row is: its KK and its members' NIKs, as keys."""
    families = prepared.families.select(
        "list", "row", "family_id", "program", "period", "start", "stop",
        pl.when(pl.col("kk_ok")).then(pl.concat_str(pl.lit("kk:"), "kk"))
        .alias("key"),
    )  # fmt: skip
    people = prepared.members.filter(pl.col("nik_ok")).select(
        "list", "family_id", pl.concat_str(pl.lit("nik:"), "nik").alias("key")
    )
    by_people = families.drop("key").join(
        people, on=["list", "family_id"], how="inner"
    )
    return pl.concat(
        [families.filter(pl.col("key").is_not_null()), by_people],
        how="vertical_relaxed",
    ).unique(maintain_order=True)


def _canonical(program: pl.Expr) -> pl.Expr:
    """Programme codes as the catalogue writes them (BPNT is SEMBAKO)."""
    return (
        program.str.strip_chars().str.to_uppercase().replace(PROGRAM_ALIASES)
    )


def _active_spans(prepared: Prepared) -> pl.DataFrame:
    """Each active span of a membership: program, begin, end (or null)."""
    history = prepared.memberships.filter(
        pl.col("family_id").is_not_null() & pl.col("since").is_not_null()
    ).with_columns(pl.int_range(pl.len()).alias("order"))
    one = ["list", "family_id", "membership"]
    return (
        history.sort([*one, "since", "order"])
        .with_columns(pl.col("since").shift(-1).over(one).alias("end"))
        .filter(pl.col("state") == "active")
        .select(
            "list",
            "family_id",
            _canonical(pl.col("program")).alias("received"),
            pl.col("since").alias("begin"),
            "end",
        )
    )


def exclusive(prepared: Prepared) -> Outcome:
    """
    Family rows that also receive a programme their list's excludes.

    A family receives a programme in a period when it is on a list of
    that programme for an overlapping period (matched by KK or by a
    member's NIK), or when its memberships rows show it active in that
    programme during its own list's period.
    """
    keys = _keys(prepared)
    on_lists = keys.select(
        "key",
        pl.col("program").alias("received"),
        pl.col("start").alias("begin"),
        pl.col("stop").alias("end"),
        pl.col("list").alias("source"),
        pl.col("period").alias("when"),
        pl.lit("listing").alias("via"),
    )
    spans = _active_spans(prepared).join(
        keys.select("list", "family_id", "key", "start", "stop", "period"),
        on=["list", "family_id"],
        how="inner",
    )
    by_membership = spans.filter(
        (pl.col("begin") < pl.col("stop"))
        & (pl.col("end").is_null() | (pl.col("end") > pl.col("start")))
    ).select(
        "key",
        "received",
        "begin",
        "end",
        pl.col("list").alias("source"),
        pl.col("period").alias("when"),
        pl.lit("membership").alias("via"),
    )
    receipts = pl.concat([on_lists, by_membership], how="vertical_relaxed")
    units = _families(prepared.families)
    subjects = keys.join(_pairs(), on="program", how="inner")
    found = (
        subjects.join(
            receipts,
            left_on=["key", "other"],
            right_on=["key", "received"],
            how="inner",
        )
        .filter(
            (pl.col("begin") < pl.col("stop"))
            & (pl.col("end").is_null() | (pl.col("end") > pl.col("start")))
        )
        .unique(
            ["list", "row", "other", "source", "via"], maintain_order=True
        )
        .select(
            "list", "row", "other", "reference", "source", "via",
            "when",
        )
    )  # fmt: skip
    return units, units.join(found, on=["list", "row"], how="inner")


#: States that end or stop a membership's payments.
_ENDED = [
    s.value
    for s in (
        MembershipState.SUSPENDED,
        MembershipState.GRADUATED,
        MembershipState.EXITED,
        MembershipState.REJECTED,
    )
]


def membership_ended(prepared: Prepared) -> Outcome:
    """
    Family rows listed for a programme their memberships show them out of.

    Examined: family rows whose memberships rows name the list's
    programme. Flagged: no membership of the programme is active during
    the list's period, and the latest state entered before the period's
    end is suspended, graduated, exited or rejected.
    """
    families = _families(prepared.families)
    history = prepared.memberships.with_columns(
        _canonical(pl.col("program")).alias("received")
    ).filter(pl.col("since").is_not_null())
    own = families.select(
        "list", "row", "family_id", "program", "start", "stop"
    )
    rows = own.join(
        history,
        left_on=["list", "family_id", "program"],
        right_on=["list", "family_id", "received"],
        how="inner",
    )
    spans = _active_spans(prepared).join(
        own,
        left_on=["list", "family_id", "received"],
        right_on=["list", "family_id", "program"],
        how="inner",
    )
    active = spans.filter(
        (pl.col("begin") < pl.col("stop"))
        & (pl.col("end").is_null() | (pl.col("end") > pl.col("start")))
    ).select("list", "row")
    latest = (
        rows.filter(pl.col("since") < pl.col("stop"))
        .sort("since", maintain_order=True)
        .group_by("list", "row", maintain_order=True)
        .agg(pl.col("state").last(), pl.col("since").last())
    )
    units = families.join(
        rows.select("list", "row").unique(), on=["list", "row"], how="semi"
    )
    found = (
        units.join(latest, on=["list", "row"], how="inner")
        .join(active, on=["list", "row"], how="anti")
        .filter(pl.col("state").is_in(_ENDED))
        .with_columns(
            pl.col("state").alias("value"),
            pl.col("since").cast(pl.String).alias("when"),
        )
    )
    return units, found
