"""
A decision service in miniature: one request in, one JSON answer out.

Run with ``python examples/service_single_decision.py [REQUEST.json]``.

A request names a programme, a date and the entity to decide, as another
service would send it over HTTP::

    {"program": "PKH", "on": "2020-07-21", "lang": "id",
     "entity": { ...a family, as dayasos.serialization writes it... }}

The answer carries the verdict, the amounts, the data still missing,
the explanation in the requested language and the canonical receipt
(the record to keep: rule hash, parameters with their references and a
hash of the input). Bad input is answered with every problem and its
path, never with a traceback; no NIK or KK is ever echoed in full.
Without an argument, the request is built from
``examples/data/family_pkh.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import sys
from typing import Any

from dayasos.errors import DayasosError, RecordError
from dayasos.l10n import format_rupiah
from dayasos.programs import get
from dayasos.serialization import structure


DATA = pathlib.Path(__file__).parent / "data"


def sample_request() -> dict[str, Any]:
    """A request for the sample PKH family of Semarang."""
    family = json.loads((DATA / "family_pkh.json").read_text("utf-8"))
    return {
        "program": "PKH",
        "on": "2020-07-21",
        "lang": "id",
        "entity": family,
    }


def handle(request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """
    Answer one request: an HTTP-like status code and a JSON document.

    200 with the decision, 400 when the request or the entity is bad
    (every problem listed with its path), 404 for an unknown programme.
    """
    try:
        entry = get(str(request["program"]))
    except KeyError:
        return 400, {"problems": [{"path": "program", "message": "missing"}]}
    except DayasosError as error:
        return 404, {"problems": [{"path": "program", "message": str(error)}]}
    try:
        on = dt.date.fromisoformat(str(request.get("on")))
    except ValueError:
        message = "expected an ISO date such as 2020-07-21"
        return 400, {"problems": [{"path": "on", "message": message}]}
    lang = request.get("lang", "id")
    try:
        entity: object = structure(request.get("entity"), entry.entity)
    except RecordError as error:
        return 400, {"problems": [dict(row) for row in error.as_records()]}
    decision = entry.decide(entity, on=on)
    return 200, {
        "program": decision.program,
        "on": decision.on.isoformat(),
        "verdict": decision.verdict.value,
        "total": decision.total.amount,
        "total_text": format_rupiah(decision.total, lang),
        "periods": {code: amount.amount for code, amount in decision.totals},
        "missing": list(decision.missing),
        "explanation": decision.explain(lang).splitlines(),
        "receipt": json.loads(decision.receipt()),
    }


def main(argv: list[str]) -> int:
    """Read the request (a file, or the sample), print the answer."""
    if argv:
        request = json.loads(pathlib.Path(argv[0]).read_text("utf-8"))
    else:
        request = sample_request()
    status, answer = handle(request)
    print(f"HTTP {status}")
    print(json.dumps(answer, indent=2, ensure_ascii=False))
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
