"""
A full table of region codes and names, read from the official list.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import os
import pathlib
import types
from typing import TYPE_CHECKING, TextIO

import attrs

from dayasos.errors import InvalidFormat, ValidationError
from dayasos.ids._region import RegionCode


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping


__all__ = ["RegionTable", "load_region_table"]

_CODE_HEADERS = ("kode", "code", "kode_wilayah", "id")
_NAME_HEADERS = ("nama", "name", "nama_wilayah")


def _freeze(
    names: Mapping[RegionCode, str],
) -> types.MappingProxyType[RegionCode, str]:
    return types.MappingProxyType(dict(sorted(names.items())))


def _index(
    table: RegionTable,
) -> types.MappingProxyType[RegionCode, tuple[RegionCode, ...]]:
    children: dict[RegionCode, list[RegionCode]] = {}
    for code in table.names:
        parent = code.parent
        if parent is not None:
            children.setdefault(parent, []).append(code)
    return types.MappingProxyType(
        {parent: tuple(kids) for parent, kids in children.items()}
    )


def _coerce(code: RegionCode | str) -> RegionCode:
    return code if isinstance(code, RegionCode) else RegionCode.parse(code)


@attrs.frozen
class RegionTable:
    """
    Region codes with their names: provinces down to villages.

    Args:
        names: The name of each region, by code.

    Build one with `load_region_table` from the Kemendagri list.
    A table may hold retired codes too:
    NIK and KK numbers keep the kecamatan code they were issued under.

    >>> table = RegionTable({
    ...     RegionCode("31"): "DKI Jakarta",
    ...     RegionCode("3171"): "Kota Jakarta Pusat",
    ...     RegionCode("317101"): "Gambir",
    ... })
    >>> "31.71.01" in table, table.name("3171")
    (True, 'Kota Jakarta Pusat')
    >>> [str(c) for c in table.children("31")]
    ['31.71']

    .. versionadded:: 0.1.0
    """

    names: Mapping[RegionCode, str] = attrs.field(converter=_freeze)
    _children: Mapping[RegionCode, tuple[RegionCode, ...]] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(_index, takes_self=True),
    )

    def __contains__(self, code: object) -> bool:
        if isinstance(code, str):
            try:
                code = RegionCode.parse(code)
            except ValidationError:
                return False
        return code in self.names

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[RegionCode]:
        return iter(self.names)

    def name(self, code: RegionCode | str) -> str | None:
        """
        The name of the region, or `None` when the table lacks it.

        .. versionadded:: 0.1.0
        """
        return self.names.get(_coerce(code))

    def children(self, code: RegionCode | str) -> tuple[RegionCode, ...]:
        """
        The regions one level below `code`, in code order.

        .. versionadded:: 0.1.0
        """
        return self._children.get(_coerce(code), ())


def load_region_table(
    source: str | os.PathLike[str] | TextIO, *, delimiter: str = ","
) -> RegionTable:
    r"""
    Read region codes and names from a CSV file or text stream.

    The file has one region a row: the code, then the name
    (``kode,nama``, as in the Kemendagri list published by the public
    cahyadsn/wilayah data). Codes may be written with dots (``31.71.01``)
    or as plain digits (``317101``). A first row without digits is a
    header; it may name the columns (``kode``/``code`` and
    ``nama``/``name``) in any order among others. Blank rows are skipped
    and columns beyond the two are ignored. Files are read as UTF-8.

    Args:
        source: A path, or an open text stream.
        delimiter: The column separator.

    Raises:
        dayasos.errors.InvalidFormat: A row is malformed;
            the error's path names the file and line,
            its message the column.

    >>> import io
    >>> text = "kode,nama\n31,DKI Jakarta\n31.71,Kota Jakarta Pusat\n"
    >>> table = load_region_table(io.StringIO(text))
    >>> len(table), table.name("31.71")
    (2, 'Kota Jakarta Pusat')

    .. versionadded:: 0.1.0
    """
    if isinstance(source, (str, os.PathLike)):
        path = pathlib.Path(source)
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return _read(stream, str(path), delimiter)
    return _read(source, str(getattr(source, "name", "<stream>")), delimiter)


def _bad(
    file: str, line: int, column: int, reason: str, detail: str = ""
) -> InvalidFormat:
    return InvalidFormat(
        "column {column}: " + reason,
        code="wilayah.table_row",
        path=f"{file}:{line}",
        file=file,
        line=line,
        column=column,
        detail=detail,
    )


def _rows(
    lines: Iterable[str], file: str, delimiter: str
) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, [cell.strip() for cell in row]
    except (csv.Error, UnicodeDecodeError) as exc:
        raise _bad(
            file, reader.line_num + 1, 1, "unreadable: {detail}", str(exc)
        ) from exc


def _columns(header: list[str], file: str, line: int) -> tuple[int, int]:
    lowered = [cell.lower() for cell in header]
    found = []
    for wanted in (_CODE_HEADERS, _NAME_HEADERS):
        hits = [i for i, cell in enumerate(lowered) if cell in wanted]
        if not hits:
            raise _bad(
                file,
                line,
                1,
                "the header names no {detail} column, e.g. kode,nama",
                wanted[0],
            )
        found.append(hits[0])
    return found[0], found[1]


def _read(stream: Iterable[str], file: str, delimiter: str) -> RegionTable:
    names: dict[RegionCode, str] = {}
    code_at, name_at = 0, 1
    for number, (line, row) in enumerate(_rows(stream, file, delimiter)):
        if number == 0 and not any(c.isdigit() for c in row[0]):
            code_at, name_at = _columns(row, file, line)
            continue
        if len(row) <= max(code_at, name_at):
            raise _bad(
                file,
                line,
                len(row) + 1,
                "missing; a row is a code and a name, e.g. 31.71.01,Gambir",
            )
        try:
            code = RegionCode.parse(row[code_at])
        except ValidationError as exc:
            raise _bad(file, line, code_at + 1, "{detail}", str(exc)) from exc
        if not row[name_at]:
            raise _bad(file, line, name_at + 1, "the name is empty")
        if code in names:
            raise _bad(
                file,
                line,
                code_at + 1,
                "{detail} appears twice",
                str(code),
            )
        names[code] = row[name_at]
    return RegionTable(names)
