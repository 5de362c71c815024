"""
The exception tree of dayasos.

Every exception raised on purpose by dayasos is a `DayasosError`.
Errors about bad input also subclass `ValueError`,
so code that already catches `ValueError` keeps working.

An error carries data, not only text:

- `code`: a stable identifier (``"nik.length"``) that catalogs translate;
- `path`: where the bad value sits (``"members[2].nik"``);
- `value`: the offending value, masked when it is personal data;
- `params`: the values the message template is filled with.

``str(error)`` is English.
`dayasos.l10n.format_error` renders the same error in Indonesian.

>>> err = InvalidLength(
...     "expected {expected} digits, got {length}",
...     code="nik.length",
...     path="members[0].nik",
...     expected=16,
...     length=15,
... )
>>> str(err)
'members[0].nik: expected 16 digits, got 15'

This module imports nothing from dayasos: it sits at the bottom of the
layer diagram.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


__all__ = [
    "ConfigurationError",
    "DayasosError",
    "EvaluationError",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "ParameterError",
    "Problem",
    "RecordError",
    "RuleDefinitionError",
    "TransitionError",
    "ValidationError",
    "mask_personal",
]


def mask_personal(text: str) -> str:
    """
    Hide the personal middle of an identifier.

    Four leading and four trailing characters stay visible:
    NIK and KK numbers keep their region (first 4 digits) and serial (last 4)
    so that an officer can still tell two records apart in a log.

    >>> mask_personal("3171014107800001")
    '3171********0001'
    >>> mask_personal("12345")
    '*****'

    .. versionadded:: 0.1.0
    """
    keep = 4
    if len(text) <= 2 * keep:
        return "*" * len(text)
    return text[:keep] + "*" * (len(text) - 2 * keep) + text[-keep:]


class DayasosError(Exception):
    """
    Root of every error dayasos raises on purpose.

    Args:
        message: English message template, filled with `params` by
            `str.format`; defaults to the class's `message`.
        code: Stable identifier of the situation; catalogs translate it.
            Defaults to the class's `code`.
        path: Field path of the offending value, e.g. ``members[2].nik``.
        value: The offending value.
        personal: Mask `value` because it is personal data (NIK, KK).
        params: Further values for the template.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "error"
    message: ClassVar[str] = "{detail}"

    def __init__(
        self,
        message: str | None = None,
        /,
        *,
        code: str | None = None,
        path: str = "",
        value: object = None,
        personal: bool = False,
        **params: object,
    ) -> None:
        self.template: str = message if message is not None else self.message
        self.error_code: str = code if code is not None else type(self).code
        self.path: str = path
        shown = value
        if personal and value is not None:
            shown = mask_personal(str(value))
        self.value: object = shown
        params.setdefault("detail", "")
        params["value"] = shown
        self.params: dict[str, object] = params
        super().__init__(self._render())

    def _render(self) -> str:
        try:
            text = self.template.format_map(self.params)
        except (KeyError, IndexError, ValueError):
            text = self.template
        return f"{self.path}: {text}" if self.path else text

    def __str__(self) -> str:
        return self._render()

    def at(self, prefix: str) -> DayasosError:
        """
        Prefix this error's path with the path of the record it sits in.

        >>> err = DayasosError("bad", path="nik").at("members[2]")
        >>> err.path
        'members[2].nik'

        .. versionadded:: 0.1.0
        """
        if not self.path:
            self.path = prefix
        elif self.path.startswith("["):
            self.path = prefix + self.path
        else:
            self.path = f"{prefix}.{self.path}"
        self.args = (self._render(),)
        return self


class ValidationError(DayasosError, ValueError):
    """
    A value does not have the form or content it must have.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "invalid"
    message: ClassVar[str] = "invalid value {value!r}"


class InvalidFormat(ValidationError):
    """
    A value has characters or a layout that cannot be read.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "invalid_format"
    message: ClassVar[str] = "invalid format {value!r}"


class InvalidLength(ValidationError):
    """
    A value has the wrong length.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "invalid_length"
    message: ClassVar[str] = "invalid length"


class InvalidComponent(ValidationError):
    """
    A part of a value (a province code, a date, a serial) is not valid.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "invalid_component"
    message: ClassVar[str] = "invalid component in {value!r}"


class TransitionError(DayasosError, ValueError):
    """
    A lifecycle change that the lifecycle does not allow.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "transition"
    message: ClassVar[str] = "transition not allowed"


class ParameterError(DayasosError, ValueError):
    """
    A policy parameter file or value is missing, malformed or inconsistent.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "parameter"
    message: ClassVar[str] = "invalid parameter"


class RuleDefinitionError(DayasosError, TypeError):
    """
    A rule was defined wrongly (unknown field, type mismatch).

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "rule_definition"
    message: ClassVar[str] = "invalid rule definition"


class EvaluationError(DayasosError):
    """
    A rule could not be evaluated for a reason other than missing input.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "evaluation"
    message: ClassVar[str] = "evaluation failed"


class ConfigurationError(DayasosError, ValueError):
    """
    dayasos was asked to use settings or data that cannot work together.

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "configuration"
    message: ClassVar[str] = "invalid configuration"


class Problem:
    """
    One problem found in a record: where, what, and the error behind it.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("error",)

    def __init__(self, error: DayasosError) -> None:
        self.error = error

    @property
    def path(self) -> str:
        """Field path of the problem."""
        return self.error.path

    @property
    def code(self) -> str:
        """Stable code of the problem."""
        return self.error.error_code

    def __repr__(self) -> str:
        return f"Problem({self.error!s})"


class RecordError(ValidationError):
    """
    Every problem of one record, gathered instead of stopping at the first.

    ``str(error)`` lists each problem as ``path: message`` on its own line.

    >>> err = RecordError(
    ...     [InvalidLength("expected 16 digits", path="members[2].nik")],
    ...     record="family",
    ... )
    >>> print(err)
    family: 1 problem
      members[2].nik: expected 16 digits

    .. versionadded:: 0.1.0
    """

    code: ClassVar[str] = "record"
    message: ClassVar[str] = "{record}: {count} problem{plural}"

    def __init__(
        self,
        errors: Iterable[DayasosError],
        *,
        record: str = "record",
        path: str = "",
    ) -> None:
        self.problems: list[Problem] = [Problem(e) for e in errors]
        count = len(self.problems)
        super().__init__(
            path=path,
            record=record,
            count=count,
            plural="" if count == 1 else "s",
        )

    def _render(self) -> str:
        head = super()._render()
        lines = [head, *(f"  {p.error}" for p in self.problems)]
        return "\n".join(lines)

    def lines(self) -> list[str]:
        """
        Flatten the problems to ``path: message`` lines for reports.

        .. versionadded:: 0.1.0
        """
        return [str(p.error) for p in self.problems]

    def as_records(self) -> list[Mapping[str, object]]:
        """
        The problems as plain mappings (path, code, message) for JSON output.

        .. versionadded:: 0.1.0
        """
        return [
            {"path": p.path, "code": p.code, "message": str(p.error)}
            for p in self.problems
        ]
