r"""
Find the line of a table, an array entry or a key in TOML text.

`tomllib` gives no line numbers,
so errors find their line by scanning the text for table headers
(``[table]``, ``[[array]]``) and ``key =`` lines.
The scan knows dotted and quoted header keys and skips multi-line strings;
for anything it cannot place it returns `None` and the caller falls back
to an enclosing line.

>>> text = 'unit = "rupiah"\n[[values]]\nsince = 2019-01-01\n'
>>> Locator.of(text).key(("values",), 0, "since")
3

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re

import attrs


__all__ = ["Locator"]

_HEADER = re.compile(r"^\s*(\[\[?)(?P<inner>[^\[\]]*)\]\]?\s*(#.*)?$")
_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^.\s]+)')
_TRIPLES = ('"""', "'''")


def _split_key(text: str) -> tuple[str, ...]:
    return tuple(
        next(group for group in match.groups() if group is not None)
        for match in _PART.finditer(text)
    )


@attrs.frozen
class _Section:
    path: tuple[str, ...]
    array: bool
    line: int
    end: int


@attrs.frozen
class Locator:
    """
    The table sections of one TOML text, with their lines.

    .. versionadded:: 0.1.0
    """

    lines: tuple[str, ...]
    sections: tuple[_Section, ...]

    @classmethod
    def of(cls, text: str) -> Locator:
        """Scan `text` for table headers."""
        lines = tuple(text.splitlines())
        starts: list[tuple[tuple[str, ...], bool, int]] = [((), False, 1)]
        quote: str | None = None
        for number, line in enumerate(lines, start=1):
            if quote is not None:
                if line.count(quote) % 2 == 1:
                    quote = None
                continue
            match = _HEADER.match(line)
            if match:
                path = _split_key(match["inner"])
                starts.append((path, match.group(1) == "[[", number))
                continue
            for triple in _TRIPLES:
                if line.count(triple) % 2 == 1:
                    quote = triple
                    break
        sections = tuple(
            _Section(path, array, line, ends)
            for (path, array, line), ends in zip(
                starts,
                [s[2] for s in starts[1:]] + [len(lines) + 1],
                strict=True,
            )
        )
        return cls(lines, sections)

    def table(
        self, path: tuple[str, ...], index: int | None = None
    ) -> int | None:
        """
        The line of the header of table `path`.

        With `index`, the header of the `index`-th entry of array `path`.
        The top level (``()``) is on line 1.
        """
        section = self._section(path, index)
        return None if section is None else section.line

    def key(
        self, path: tuple[str, ...], index: int | None, key: str
    ) -> int | None:
        """The line where `key` is set in table (or array entry) `path`."""
        section = self._section(path, index)
        if section is None:
            return None
        pattern = re.compile(
            r"^\s*(?:" + re.escape(key) + r'|"' + re.escape(key) + r'"'
            r"|'" + re.escape(key) + r"')\s*[.=]"
        )
        for number in range(section.line, section.end):
            if pattern.match(self.lines[number - 1]):
                return number
        for other in self._scope(section):
            if other.path == (*path, key):
                return other.line
        return None

    def _scope(self, section: _Section) -> list[_Section]:
        """The sub-tables that follow `section` and belong to it."""
        depth = len(section.path)
        inner = []
        for other in self.sections:
            if other.line <= section.line:
                continue
            if len(other.path) <= depth or other.path[:depth] != section.path:
                break
            inner.append(other)
        return inner

    def _section(
        self, path: tuple[str, ...], index: int | None
    ) -> _Section | None:
        if index is None:
            for section in self.sections:
                if section.path == path and not section.array:
                    return section
            return None
        entries = [s for s in self.sections if s.path == path and s.array]
        return entries[index] if index < len(entries) else None
