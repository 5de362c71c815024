"""
Reforms: named sets of dated overrides applied on top of shipped values.

An analyst asks "PKH lansia at Rp3,000,000 from 2021" without editing
shipped files::

    reform = Reform(
        "lansia 3jt",
        {
            "pkh.amount.lansia": [
                Override(
                    since=date(2021, 1, 1),
                    value=Rupiah(3_000_000),
                    reference=Reference(instrument="Simulasi", title="..."),
                )
            ]
        },
    )
    params.with_reform(reform).at(date(2021, 7, 1))

Overrides follow the rules of parameter files: a value of the parameter's
unit (never a float), a reference, dates in order without overlap,
and no gap unless the parameter allows gaps.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from dayasos.policy._history import check_history, close_history
from dayasos.policy._model import Confidence, Origin, Reference
from dayasos.policy._schema import (
    build_entry,
)
from dayasos.policy._where import Where


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from datetime import date

    from dayasos.policy._model import Parameter, ParameterValue
    from dayasos.policy._schema import Entry
    from dayasos.policy._units import Unit, Value


__all__ = ["Override", "Reform", "apply_reform"]


@attrs.frozen(kw_only=True)
class Override:
    """
    One dated value of a reform, with the same fields as a file's value.

    `reference` is required when the reform is applied;
    for a simulation write e.g. ``Reference(instrument="Simulasi",
    title="PKH lansia Rp3 juta")``.

    .. versionadded:: 0.1.0
    """

    #: First day the override is in force.
    since: date
    #: The value, of the overridden parameter's unit.
    value: Value
    #: The basis of the override (required).
    reference: Reference | None = None
    #: First day no longer in force; `None`: until the next override, or
    #: for the last one, onward.
    until: date | None = None
    #: How far the basis can be trusted.
    confidence: Confidence | None = None
    #: Free note.
    note: str | None = None
    #: Where the override was written, for a reform read from a file.
    origin: Origin | None = attrs.field(default=None, eq=False)


def _freeze(
    overrides: Mapping[str, Iterable[Override]],
) -> Mapping[str, tuple[Override, ...]]:
    return MappingProxyType(
        {name: tuple(items) for name, items in sorted(overrides.items())}
    )


@attrs.frozen
class Reform:
    """
    A named set of dated overrides, by parameter name.

    >>> from datetime import date
    >>> from dayasos.money import Rupiah
    >>> reform = Reform(
    ...     "lansia 3jt",
    ...     {
    ...         "pkh.amount.lansia": [
    ...             Override(
    ...                 since=date(2021, 1, 1),
    ...                 value=Rupiah(3_000_000),
    ...                 reference=Reference(
    ...                     instrument="Simulasi", title="Lansia Rp3 juta"
    ...                 ),
    ...             )
    ...         ]
    ...     },
    ... )
    >>> list(reform.overrides)
    ['pkh.amount.lansia']

    .. versionadded:: 0.1.0
    """

    #: What the reform is, e.g. ``"PKH lansia Rp3,000,000 from 2021"``.
    name: str
    #: The overrides of each parameter, in chronological order.
    overrides: Mapping[str, tuple[Override, ...]] = attrs.field(
        converter=_freeze, hash=False
    )


def _entry(
    override: Override, index: int, *, unit: Unit, where: Where
) -> Entry:
    field = f"overrides[{index}]"
    line = None if override.origin is None else override.origin.line

    def line_of(_key: str | None) -> int | None:
        return line

    if not isinstance(override.reference, Reference):
        raise where.error(
            "every override needs a reference, e.g. Reference("
            'instrument="Simulasi", title="PKH lansia Rp3 juta")',
            code="parameter.missing_reference",
            field=f"{field}.reference",
            line=line,
            value=override.reference,
        )
    if override.confidence is not None and not isinstance(
        override.confidence, Confidence
    ):
        raise where.error(
            "expected a Confidence or None, got {value!r}",
            code="parameter.invalid_choice",
            field=f"{field}.confidence",
            line=line,
            value=override.confidence,
        )
    raw = {
        "since": override.since,
        "until": override.until,
        "value": override.value,
        "note": override.note,
    }
    return build_entry(
        raw,
        unit=unit,
        reference=override.reference,
        confidence=override.confidence,
        where=where,
        field=field,
        line=line_of,
        origin=override.origin,
    )


def _splice(
    shipped: Sequence[ParameterValue], new: Sequence[ParameterValue]
) -> tuple[ParameterValue, ...]:
    start, stop = new[0].since, new[-1].until
    before = [
        value
        if value.until is not None and value.until <= start
        else attrs.evolve(value, until=start)
        for value in shipped
        if value.since < start
    ]
    after = []
    if stop is not None:
        after = [
            value if value.since >= stop else attrs.evolve(value, since=stop)
            for value in shipped
            if value.until is None or value.until > stop
        ]
    return (*before, *new, *after)


def apply_reform(
    parameters: Mapping[str, Parameter], reform: Reform
) -> list[Parameter]:
    """
    The parameters `reform` changes, with their new value histories.

    .. versionadded:: 0.1.0
    """
    changed = []
    for name, overrides in reform.overrides.items():
        origin = overrides[0].origin if overrides else None
        where = Where(
            f"reform {reform.name!r}" if origin is None else origin.file,
            name,
        )
        line = None if origin is None else origin.line
        if name not in parameters:
            raise where.error(
                "the reform overrides {value!r}, which is not a parameter "
                "of this set",
                code="parameter.unknown",
                line=line,
                value=name,
            )
        if not overrides:
            raise where.error(
                "the reform lists no override for this parameter",
                code="parameter.no_values",
                line=line,
            )
        parameter = parameters[name]
        entries = [
            _entry(override, index, unit=parameter.unit, where=where)
            for index, override in enumerate(overrides)
        ]
        check_history(
            entries, gaps_allowed=parameter.gaps_allowed, where=where
        )
        values = _splice(parameter.values, close_history(entries))
        changed.append(attrs.evolve(parameter, values=values))
    return changed
