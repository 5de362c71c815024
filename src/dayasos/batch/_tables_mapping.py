"""
A registry's own column names and codes, mapped onto the layout.

>>> mapping = ColumnMapping(
...     members={"no_kk": "family_id", "jenis_kelamin": "sex"},
...     values={"sex": {"L": "male", "P": "female"}},
... )
>>> mapping.source_of("members", "sex")
'jenis_kelamin'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING

import attrs

from dayasos.batch._layout import TABLE_COLUMNS, ColumnKind
from dayasos.errors import ConfigurationError


if TYPE_CHECKING:
    from collections.abc import Mapping

    import polars as pl


__all__ = ["ColumnMapping"]

_Names = types.MappingProxyType[str, str]


def _names(value: Mapping[str, str] | None) -> _Names:
    return types.MappingProxyType(dict(value or {}))


def _values(
    value: Mapping[str, Mapping[str, str]] | None,
) -> types.MappingProxyType[str, _Names]:
    return types.MappingProxyType(
        {column: _names(codes) for column, codes in (value or {}).items()}
    )


def _check_names(table: str, names: Mapping[str, str]) -> None:
    known = {c.name for c in TABLE_COLUMNS[table]}
    seen: dict[str, str] = {}
    for theirs, ours in names.items():
        if ours not in known:
            raise ConfigurationError(
                "{table}: {value!r} is no column of the layout; "
                "map a registry's column to one of {known}",
                path=f"{table}[{theirs!r}]",
                value=ours,
                table=table,
                known=", ".join(sorted(known)),
            )
        if ours in seen:
            raise ConfigurationError(
                "{table}: {first!r} and {second!r} both map to {value!r}",
                path=f"{table}[{theirs!r}]",
                value=ours,
                table=table,
                first=seen[ours],
                second=theirs,
            )
        seen[ours] = theirs


_MAPPABLE = frozenset(
    {ColumnKind.CODE, ColumnKind.CODES, ColumnKind.BOOL, ColumnKind.TEXT}
)


def _check_values(values: Mapping[str, Mapping[str, str]]) -> None:
    kinds = {c.name: c.kind for cs in TABLE_COLUMNS.values() for c in cs}
    for column in values:
        if kinds.get(column) not in _MAPPABLE:
            raise ConfigurationError(
                "codes can be mapped in code, boolean and text columns, "
                "not in {value!r}; e.g. values={{'sex': {{'L': 'male'}}}}",
                path=f"values[{column!r}]",
                value=column,
            )


@attrs.frozen(kw_only=True)
class ColumnMapping:
    """
    How a registry names its columns and writes its codes.

    Args:
        families: Their column name -> ours, for the families table.
        members: Their column name -> ours, for the members table.
        memberships: Their column name -> ours, for the memberships
            table.
        values: Our column -> (their code -> ours), e.g.
            ``{"sex": {"L": "male", "P": "female"}}``; codes not listed
            are read as they are. Applies to code, boolean (their text ->
            ``"true"``/``"false"``), text and PPKS-list columns.

    Raises:
        ConfigurationError: A name maps to no column of the layout,
            two names map to one column, or codes are mapped for a
            column that holds no codes.

    Columns of theirs that are not mapped and not named as ours are not
    read.

    .. versionadded:: 0.1.0
    """

    families: Mapping[str, str] = attrs.field(factory=dict, converter=_names)
    members: Mapping[str, str] = attrs.field(factory=dict, converter=_names)
    memberships: Mapping[str, str] = attrs.field(
        factory=dict, converter=_names
    )
    values: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, converter=_values
    )

    def __attrs_post_init__(self) -> None:
        for table in TABLE_COLUMNS:
            _check_names(table, self.names(table))
        _check_values(self.values)

    def names(self, table: str) -> Mapping[str, str]:
        """
        Their column name -> ours, for one table.

        .. versionadded:: 0.1.0
        """
        names: Mapping[str, Mapping[str, str]] = {
            "families": self.families,
            "members": self.members,
            "memberships": self.memberships,
        }
        return names[table]

    def source_of(self, table: str, column: str) -> str:
        """
        The registry's name of one of our columns (ours when not mapped).

        .. versionadded:: 0.1.0
        """
        for theirs, ours in self.names(table).items():
            if ours == column:
                return theirs
        return column

    def rename(self, table: str, frame: pl.DataFrame) -> pl.DataFrame:
        """
        Rename a registry's columns to ours.

        Raises:
            ConfigurationError: A table has both their column and ours.

        .. versionadded:: 0.1.0
        """
        present = {
            theirs: ours
            for theirs, ours in self.names(table).items()
            if theirs in frame.columns and theirs != ours
        }
        for theirs, ours in present.items():
            if ours in frame.columns:
                raise ConfigurationError(
                    "{table}: both {theirs!r} and {value!r} are present; "
                    "drop one or leave it out of the mapping",
                    path=table,
                    value=ours,
                    table=table,
                    theirs=theirs,
                )
        return frame.rename(present)
