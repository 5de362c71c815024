"""
A set of parameters, and the snapshot of the values in force on a date.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar, overload

import attrs

from dayasos.errors import ParameterError
from dayasos.policy._fingerprint import fingerprint
from dayasos.policy._reform import apply_reform


if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from dayasos.policy._model import Parameter, ParameterValue, Reference
    from dayasos.policy._reform import Reform
    from dayasos.policy._units import Value


__all__ = ["ParameterSet", "Snapshot"]

_T = TypeVar("_T")


def _index(parameters: Iterable[Parameter]) -> Mapping[str, Parameter]:
    found: dict[str, Parameter] = {}
    for parameter in parameters:
        if parameter.name in found:
            raise ParameterError(
                "{parameter}: defined twice",
                code="parameter.duplicate",
                parameter=parameter.name,
            )
        found[parameter.name] = parameter
    return MappingProxyType(dict(sorted(found.items())))


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _unknown(name: str) -> ParameterError:
    return ParameterError(
        "no parameter named {value!r}; names are dotted, "
        "e.g. pkh.amount.lansia",
        code="parameter.unknown",
        value=name,
        parameter=name,
    )


@attrs.frozen
class ParameterSet:
    """
    Parameters by name: their metadata and full value history.

    Iterating gives every `Parameter` sorted by name
    (for a generated parameter reference);
    `at` gives the values in force on a date.

    .. versionadded:: 0.1.0
    """

    #: The parameters by name, sorted.
    parameters: Mapping[str, Parameter] = attrs.field(
        default=(), converter=_index, hash=False
    )

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parameters.values())

    def __len__(self) -> int:
        return len(self.parameters)

    def __contains__(self, name: object) -> bool:
        return name in self.parameters

    def parameter(self, name: str) -> Parameter:
        """
        The parameter called `name`.

        Raises:
            ParameterError: ``parameter.unknown`` when there is none.

        .. versionadded:: 0.1.0
        """
        try:
            return self.parameters[name]
        except KeyError:
            raise _unknown(name) from None

    def at(self, on: date) -> Snapshot:
        """
        The values in force on the date `on`.

        Raises:
            ParameterError: ``parameter.not_a_date`` when `on` is not a
                plain date (a datetime is refused, not truncated).

        .. versionadded:: 0.1.0
        """
        if not _is_date(on):
            raise ParameterError(
                "expected a date such as date(2020, 7, 21), got {value!r}",
                code="parameter.not_a_date",
                value=on,
            )
        return Snapshot(on, self)

    def with_reform(self, reform: Reform) -> ParameterSet:
        """
        A new set with `reform`'s dated overrides applied on top.

        Over the span a reform covers (from its first ``since`` to its last
        ``until``, or onward when that is open), its values replace the
        shipped ones; shipped values before (and after) the span are kept.

        Raises:
            ParameterError: when the reform names an unknown parameter, or
                an override breaks the rules of parameter files (type,
                reference, dates).

        .. versionadded:: 0.1.0
        """
        changed = apply_reform(self.parameters, reform)
        return ParameterSet(
            {**self.parameters, **{p.name: p for p in changed}}.values()
        )

    def merge(self, *others: ParameterSet) -> ParameterSet:
        """
        One set holding the parameters of this set and of `others`.

        Raises:
            ParameterError: ``parameter.duplicate`` when a name is in two.

        .. versionadded:: 0.1.0
        """
        everything = [*self]
        for other in others:
            everything.extend(other)
        return ParameterSet(everything)


def _in_force(snapshot: Snapshot) -> Mapping[str, ParameterValue]:
    found = {}
    for parameter in snapshot.parameters:
        entry = parameter.value_at(snapshot.on)
        if entry is not None:
            found[parameter.name] = entry
    return MappingProxyType(found)


@attrs.frozen
class Snapshot:
    """
    The parameter values in force on one date: a read-only mapping.

    ``snapshot[name]`` is the typed value;
    a parameter that exists but has no value on that date raises
    `ParameterError` (``parameter.not_in_force``): it is never zero.
    Iteration, ``len`` and ``in`` see the parameters in force.

    .. versionadded:: 0.1.0
    """

    #: The date the values are in force on.
    on: date
    #: The parameters the snapshot was taken from.
    parameters: ParameterSet = attrs.field(repr=False)
    _in_force: Mapping[str, ParameterValue] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        hash=False,
        default=attrs.Factory(_in_force, takes_self=True),
    )

    def __getitem__(self, name: str) -> Value:
        return self.entry(name).value

    def __iter__(self) -> Iterator[str]:
        return iter(self._in_force)

    def __len__(self) -> int:
        return len(self._in_force)

    def __contains__(self, name: object) -> bool:
        return name in self._in_force

    @overload
    def get(self, name: str) -> Value | None: ...

    @overload
    def get(self, name: str, default: _T) -> Value | _T: ...

    def get(self, name: str, default: object = None) -> object:
        """
        The value of `name`, or `default` when it is not in force.

        .. versionadded:: 0.1.0
        """
        entry = self._in_force.get(name)
        return default if entry is None else entry.value

    def items(self) -> Iterator[tuple[str, Value]]:
        """
        Each name in force with its value, sorted by name.

        .. versionadded:: 0.1.0
        """
        for name, entry in self._in_force.items():
            yield name, entry.value

    def entry(self, name: str) -> ParameterValue:
        """
        The dated value of `name` in force: dates, reference, confidence.

        Raises:
            ParameterError: ``parameter.not_in_force`` when `name` has no
                value on this date, ``parameter.unknown`` when there is no
                such parameter.

        .. versionadded:: 0.1.0
        """
        try:
            return self._in_force[name]
        except KeyError:
            pass
        parameter = self.parameters.parameter(name)
        raise ParameterError(
            "{parameter} has no value in force on {on} (values cover "
            "{coverage}); a missing value is never zero",
            code="parameter.not_in_force",
            parameter=name,
            on=self.on.isoformat(),
            coverage=_coverage(parameter.values),
        )

    def value(self, name: str, kind: type[_T]) -> _T:
        """
        The value of `name`, checked to be of type `kind`.

        Lets typed code read a parameter without a cast:
        ``snapshot.value("pkh.amount.lansia", Rupiah)``.

        Raises:
            ParameterError: ``parameter.type`` when the value is not a
                `kind`; as `entry` when it is not in force.

        .. versionadded:: 0.1.0
        """
        found = self[name]
        if not isinstance(found, kind) or (
            isinstance(found, bool) and kind is not bool
        ):
            raise ParameterError(
                "{parameter} is a {unit} parameter holding {actual}, "
                "not {expected}",
                code="parameter.type",
                parameter=name,
                unit=self.parameters.parameter(name).unit.value,
                actual=type(found).__name__,
                expected=kind.__name__,
            )
        return found

    def reference(self, name: str) -> Reference:
        """
        The legal reference of the value of `name` in force.

        .. versionadded:: 0.1.0
        """
        return self.entry(name).reference

    def parameter(self, name: str) -> Parameter:
        """
        The parameter `name` itself (metadata and full history).

        .. versionadded:: 0.1.0
        """
        return self.parameters.parameter(name)

    def fingerprint(self) -> str:
        """
        A SHA-256 hex digest of the values in force.

        Equal values in force give the same digest in any process;
        see `dayasos.policy` for what it covers.

        .. versionadded:: 0.1.0
        """
        return fingerprint(
            (self.parameters.parameter(name), entry)
            for name, entry in self._in_force.items()
        )


def _coverage(values: tuple[ParameterValue, ...]) -> str:
    spans: list[list[date | None]] = []
    for entry in values:
        if spans and spans[-1][1] == entry.since:
            spans[-1][1] = entry.until
        else:
            spans.append([entry.since, entry.until])
    return (
        ", ".join(
            f"{start} onward" if stop is None else f"{start} to {stop}"
            for start, stop in spans
        )
        or "no date"
    )
