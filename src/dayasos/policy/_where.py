"""
Located errors: which file, line and parameter a problem is about.

Every refusal of the loader is a `ParameterError` whose message reads
``file:line: parameter: field: problem``,
and whose `params` carry ``file``, ``line``, ``parameter`` and ``field``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import attrs

from dayasos.errors import ParameterError


if TYPE_CHECKING:
    from dayasos.policy._locate import Locator


__all__ = ["Where"]

_OWN_PARAMS = frozenset(
    {"detail", "value", "file", "line", "parameter", "field"}
)


@attrs.frozen
class Where:
    """
    Where a parameter (or a reform entry) is written.

    `table` is the TOML table holding the parameter's keys:
    ``()`` for a one-parameter file,
    ``("parameters", "lansia")`` for a member of a family file.
    """

    file: str
    parameter: str
    locator: Locator | None = None
    table: tuple[str, ...] = ()

    def named(self, parameter: str) -> Where:
        """The same place, about another parameter."""
        return attrs.evolve(self, parameter=parameter)

    def line(
        self,
        key: str | None = None,
        *,
        array: str | None = None,
        index: int | None = None,
    ) -> int | None:
        """
        The line of `key` in the parameter's table or in an array entry.

        Falls back to the entry's header, then to the array's key,
        then to the table's header, then to line 1.
        Without a `locator` (Python input) there is no line.
        """
        locator = self.locator
        if locator is None:
            return None
        found: int | None = None
        if array is not None:
            path = (*self.table, array)
            if key is not None:
                found = locator.key(path, index, key)
            if found is None:
                found = locator.table(path, index)
            if found is None:
                found = locator.key(self.table, None, array)
        elif key is not None:
            found = locator.key(self.table, None, key)
        if found is None:
            found = locator.table(self.table)
        return found or 1

    def error(
        self,
        problem: str,
        *,
        code: str,
        field: str = "",
        line: int | None = None,
        value: object = None,
        **params: object,
    ) -> ParameterError:
        """Build the error for `problem` (a template) at `field`/`line`."""
        head = "{file}" if line is None else "{file}:{line}"
        if self.parameter:
            head += ": {parameter}"
        if field:
            head += ": {field}"
        params.update(
            file=self.file, line=line, parameter=self.parameter, field=field
        )
        return ParameterError(
            head + ": " + problem,
            code=code,
            value=value,
            **cast("dict[str, Any]", params),
        )

    def relocate(
        self, error: ParameterError, *, field: str, line: int | None
    ) -> ParameterError:
        """Place an error raised without a location (e.g. a unit check)."""
        params = {
            k: v for k, v in error.params.items() if k not in _OWN_PARAMS
        }
        return self.error(
            error.template,
            code=error.error_code,
            field=field,
            line=line,
            value=error.value,
            **params,
        )
