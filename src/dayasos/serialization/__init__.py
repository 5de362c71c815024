"""
Strict reading and writing of dayasos objects: JSON, JSON Lines, TOML.

One converter serves every format. It is strict:

- unknown keys are refused, and so are keys given twice;
- a value of the wrong kind is refused: no string is read as a number or a
  number as a string, and ``true`` is not ``1``;
- dates are ISO strings, ``"2020-07-21"`` (TOML's native dates too);
- `~dayasos.Rupiah` amounts are JSON integers (``1500000``), never floats;
- enums are written and read by their codes (``"female"``);
- NIK and KK numbers are strings of 16 digits, region codes dotted
  (``"31.71.01.1001"``) or plain digits;
- frozensets and tuples are arrays; frozensets are written sorted.

Bad input raises one `~dayasos.errors.RecordError` that lists every
problem of the record with its path, and never shows a whole NIK or KK:

>>> from dayasos.model import Aid, FamilyRef
>>> loads('{"kind": "tunai", "amount": 600000.0, "note": ""}', Aid)
Traceback (most recent call last):
...
dayasos.errors.RecordError: Aid: 3 problems
  kind: expected a code of AidKind ('cash', 'food_package', ...), got 'tunai'
  amount: expected a whole number of rupiah (integer) such as 1500000, ...
  note: unknown field

Writing is the reverse; `unstructure` and `dumps` write NIK and KK in
full, because the caller asked for the data:

>>> from dayasos import Rupiah
>>> dumps(Aid.cash(Rupiah(600_000)))
'{"kind": "cash", "amount": 600000, "items": null, "description": null}'
>>> from dayasos.ids import KK
>>> unstructure(FamilyRef(kk=KK("3171012001150003")))
{'kk': '3171012001150003'}

`json_schema` describes the same input as JSON Schema (draft 2020-12)
for services written in other languages.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.serialization._api import (
    dumps,
    dumps_jsonl,
    load_jsonl,
    loads,
    loads_toml,
    structure,
    unstructure,
)
from dayasos.serialization._schema import json_schema


__all__ = [
    "dumps",
    "dumps_jsonl",
    "json_schema",
    "load_jsonl",
    "loads",
    "loads_toml",
    "structure",
    "unstructure",
]
