"""
Time-versioned policy parameters with legal references.

Parameters are data: TOML files shipped next to the program that uses them,
one parameter (or a small family) per file, each value dated and cited.
A change in law is a new dated value, never an edit of the past;
a repeal is a dated end.

>>> from datetime import date
>>> params = parse_parameters(
...     '''
... description = { id = "Lanjut usia", en = "Elderly" }
... unit = "rupiah_per_year"
... [[values]]
... since = 2019-01-01
... value = 2_400_000
... confidence = "medium"
... [values.reference]
... instrument = "Keputusan Dirjen Linjamsos"
... number = "02/SK/LJS/01/2019"
... year = 2019
... ''',
...     name="pkh.amount.lansia",
... )
>>> snapshot = params.at(date(2020, 7, 21))
>>> snapshot["pkh.amount.lansia"]
Rupiah(2400000)
>>> snapshot.reference("pkh.amount.lansia").number
'02/SK/LJS/01/2019'

Reforms override values from a date without editing the shipped files:

>>> from dayasos.money import Rupiah
>>> reform = Reform(
...     "lansia 3jt",
...     {
...         "pkh.amount.lansia": [
...             Override(
...                 since=date(2021, 1, 1),
...                 value=Rupiah(3_000_000),
...                 reference=Reference(instrument="Simulasi", title="3jt"),
...             )
...         ]
...     },
... )
>>> reformed = params.with_reform(reform)
>>> reformed.at(date(2021, 1, 1))["pkh.amount.lansia"]
Rupiah(3000000)
>>> reformed.at(date(2020, 12, 31))["pkh.amount.lansia"]
Rupiah(2400000)

`Snapshot.fingerprint` is a SHA-256 digest of the values in force
(names, units, values, first day in force, references),
the same in every process, for decision receipts.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.policy._loader import Source, load_parameters, parse_parameters
from dayasos.policy._model import (
    Confidence,
    Description,
    Origin,
    Parameter,
    ParameterValue,
    Reference,
)
from dayasos.policy._reform import Override, Reform
from dayasos.policy._reform_file import load_reform, parse_reform
from dayasos.policy._set import ParameterSet, Snapshot
from dayasos.policy._units import Unit, Value


__all__ = [
    "Confidence",
    "Description",
    "Origin",
    "Override",
    "Parameter",
    "ParameterSet",
    "ParameterValue",
    "Reference",
    "Reform",
    "Snapshot",
    "Source",
    "Unit",
    "Value",
    "load_parameters",
    "load_reform",
    "parse_parameters",
    "parse_reform",
]
