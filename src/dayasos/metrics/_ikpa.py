"""
The IKPA score (Indikator Kinerja Pelaksanaan Anggaran) by its version.

Kemenkeu's DJPb scores how well a work unit executes its budget
from indicator values of 0 to 100, weighted by the version in force
(DOMAIN.md section 7.1): 13 indicators in 2020 (PER-4/PB/2020) and 2021
(PER-4/PB/2021), 8 from 2022 (PER-5/PB/2022), and from 2024
(PER-5/PB/2024) 7 weighted indicators with *dispensasi SPM* turned into
a deduction.
The weights (``metrics.ikpa.weight.*``) and the score bands
(``metrics.ikpa.band.*``: Sangat Baik from 95, Baik from 89, Cukup from
70, Kurang below) are parameters.

How large the dispensasi SPM deduction is, DOMAIN.md does not say:
it is an input, `dispensasi_deduction`, in score points.
In a version that deducts it, leaving it out leaves the score unknown.

An indicator a work unit is not assessed on (e.g. no contracts) can be
declared *not applicable*: the score is then the weighted mean over the
indicators assessed.
This re-weighting is dayasos's reading (low confidence); DOMAIN.md does
not state it.

>>> from datetime import date
>>> values = dict.fromkeys(ikpa_weights(on=date(2022, 12, 31)), 90)
>>> score = score_ikpa(values, on=date(2022, 12, 31))
>>> score.score, score.band
(Fraction(90, 1), <IkpaBand.BAIK: 'baik'>)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.metrics._indicators import exact
from dayasos.metrics._mapping import read_only
from dayasos.metrics._parameters import number, resolve


if TYPE_CHECKING:
    from collections.abc import Collection, Mapping
    from datetime import date
    from decimal import Decimal

    from dayasos.policy import ParameterSet


__all__ = [
    "IkpaBand",
    "IkpaIndicator",
    "IkpaScore",
    "ikpa_weights",
    "score_ikpa",
]

_WEIGHT = "metrics.ikpa.weight"
_BAND = "metrics.ikpa.band"
_DEDUCTED = "metrics.ikpa.dispensasi_spm_deducted"


class IkpaIndicator(enum.Enum):
    """
    The indicators of IKPA across its versions.

    .. versionadded:: 0.1.0
    """

    REVISI_DIPA = "revisi_dipa"
    DEVIASI_HALAMAN_III = "deviasi_halaman_iii"
    PENYERAPAN = "penyerapan"
    BELANJA_KONTRAKTUAL = "belanja_kontraktual"
    PENYELESAIAN_TAGIHAN = "penyelesaian_tagihan"
    PENGELOLAAN_UP_TUP = "pengelolaan_up_tup"
    DISPENSASI_SPM = "dispensasi_spm"
    CAPAIAN_OUTPUT = "capaian_output"
    LPJ_BENDAHARA = "lpj_bendahara"
    RENKAS = "renkas"
    KESALAHAN_SPM = "kesalahan_spm"
    RETUR_SP2D = "retur_sp2d"
    PAGU_MINUS = "pagu_minus"


class IkpaBand(enum.Enum):
    """
    The bands of an IKPA score, best first.

    .. versionadded:: 0.1.0
    """

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    CUKUP = "cukup"
    KURANG = "kurang"


@attrs.frozen(kw_only=True)
class IkpaScore:
    """
    An IKPA score with what it was computed from.

    .. versionadded:: 0.1.0
    """

    #: The date whose version applied.
    on: date
    #: The weights of the version in force (percent).
    weights: Mapping[IkpaIndicator, Fraction] = attrs.field(
        converter=read_only, hash=False
    )
    #: The indicator values used (0-100).
    values: Mapping[IkpaIndicator, Fraction] = attrs.field(
        converter=read_only, hash=False
    )
    #: The indicators declared not applicable.
    not_applicable: frozenset[IkpaIndicator]
    #: The indicators in force with neither a value nor a declaration.
    missing: tuple[IkpaIndicator, ...]
    #: Whether the version deducts dispensasi SPM instead of weighing it.
    deducts_dispensasi: bool
    #: The dispensasi SPM deduction given (points); `None` when not given.
    deduction: Fraction | None
    #: The weighted mean of the values assessed, before any deduction;
    #: `None` when an indicator is missing.
    gross: Fraction | None
    #: The gross score minus the deduction when the version deducts;
    #: `None` when an indicator is missing, or when the version deducts
    #: dispensasi SPM and no deduction was given.
    score: Fraction | None
    #: The band of the score; `None` when the score is unknown.
    band: IkpaBand | None


def ikpa_weights(
    *, on: date, parameters: ParameterSet | None = None
) -> dict[IkpaIndicator, Fraction]:
    """
    The weight (percent) of each IKPA indicator in force on `on`.

    >>> from datetime import date
    >>> weights = ikpa_weights(on=date(2024, 6, 30))
    >>> weights[IkpaIndicator.DEVIASI_HALAMAN_III], sum(weights.values())
    (Fraction(15, 1), Fraction(100, 1))

    .. versionadded:: 0.1.0
    """
    snapshot = resolve(parameters).at(on)
    return {
        indicator: number(snapshot, f"{_WEIGHT}.{indicator.value}")
        for indicator in IkpaIndicator
        if f"{_WEIGHT}.{indicator.value}" in snapshot
    }


def _band(
    score: Fraction | None, on: date, parameters: ParameterSet | None
) -> IkpaBand | None:
    if score is None:
        return None
    snapshot = resolve(parameters).at(on)
    for band in (IkpaBand.SANGAT_BAIK, IkpaBand.BAIK, IkpaBand.CUKUP):
        name = f"{_BAND}.{band.value}"
        if name not in snapshot:
            return None
        if score >= number(snapshot, name):
            return band
    return IkpaBand.KURANG


def _value(
    indicator: IkpaIndicator, raw: Fraction | Decimal | int
) -> Fraction:
    value = exact(raw)
    if not 0 <= value <= 100:
        raise ValidationError(
            "IKPA indicator values are from 0 to 100, got {value}",
            code="metrics.ikpa_value",
            path=f"values.{indicator.value}",
            value=str(raw),
        )
    return value


def score_ikpa(
    values: Mapping[IkpaIndicator, Fraction | Decimal | int],
    *,
    on: date,
    not_applicable: Collection[IkpaIndicator] = (),
    dispensasi_deduction: Fraction | Decimal | int | None = None,
    parameters: ParameterSet | None = None,
) -> IkpaScore:
    """
    Score IKPA from indicator values by the version in force on `on`.

    >>> from datetime import date
    >>> on = date(2024, 12, 31)
    >>> values = dict.fromkeys(ikpa_weights(on=on), 96)
    >>> score_ikpa(values, on=on).score is None  # no deduction given
    True
    >>> score_ikpa(values, on=on, dispensasi_deduction=2).band
    <IkpaBand.BAIK: 'baik'>

    Args:
        values: Each indicator's value, 0 to 100.
        on: The date whose version applies (e.g. the end of the period).
        not_applicable: Indicators the work unit is not assessed on.
        dispensasi_deduction: Points deducted for dispensasi SPM, in a
            version that deducts it (PER-5/PB/2024).
        parameters: The parameters to read; the shipped ones by default.

    Raises:
        ValidationError: ``metrics.ikpa_value`` for a value outside 0-100;
            ``metrics.ikpa_not_in_force`` for a value or declaration of an
            indicator the version in force does not weigh.

    .. versionadded:: 0.1.0
    """
    weights = ikpa_weights(on=on, parameters=parameters)
    for indicator in [*values, *not_applicable]:
        if indicator not in weights:
            raise ValidationError(
                "{value} is not weighed by the IKPA version in force on "
                "{on}; its indicators are {known}",
                code="metrics.ikpa_not_in_force",
                path=f"values.{indicator.value}",
                value=indicator.value,
                on=on.isoformat(),
                known=", ".join(i.value for i in weights),
            )
    checked = {i: _value(i, v) for i, v in values.items()}
    skipped = frozenset(not_applicable)
    missing = tuple(
        i for i in weights if i not in checked and i not in skipped
    )
    deducts = resolve(parameters).at(on).get(_DEDUCTED) is True
    deduction = (
        None if dispensasi_deduction is None else exact(dispensasi_deduction)
    )
    gross = None if missing else _mean(weights, checked, skipped)
    score = gross
    if gross is not None and deducts:
        score = None if deduction is None else gross - deduction
    return IkpaScore(
        on=on,
        weights=weights,
        values=checked,
        not_applicable=skipped,
        missing=missing,
        deducts_dispensasi=deducts,
        deduction=deduction,
        gross=gross,
        score=score,
        band=_band(score, on, parameters),
    )


def _mean(
    weights: Mapping[IkpaIndicator, Fraction],
    values: Mapping[IkpaIndicator, Fraction],
    skipped: Collection[IkpaIndicator],
) -> Fraction | None:
    assessed = [i for i in weights if i not in skipped]
    total = sum((weights[i] for i in assessed), Fraction(0))
    if total == 0:
        return None
    weighted = sum((weights[i] * values[i] for i in assessed), Fraction(0))
    return weighted / total
