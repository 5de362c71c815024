"""
``dayasos decide``: decide every record of a file for a programme.

Records come from JSON (one object or an array) and JSON Lines files.
Each decision is printed as an explanation in Indonesian or English,
or with ``--json`` as its canonical receipt, one per line.
A bad record is reported (on stderr) with file, line and field path and
counted; the other records are still decided.

``PROGRAM`` may be ``all``: every catalogue programme that decides the
records' type, side by side, with the exclusive programmes a record
would receive together (`dayasos.programs.decide_all`).
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
from typing import TYPE_CHECKING

from dayasos.cli._common import EXIT_INVALID, EXIT_OK, UsageError, parse_date
from dayasos.cli._records import problem_lines, read_records
from dayasos.errors import DayasosError, RecordError
from dayasos.l10n import (
    explain_decision,
    format_period,
    format_rupiah,
    translate,
)
from dayasos.periods import parse_period
from dayasos.policy import load_reform


if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Iterator, Sequence

    from dayasos.cli._common import Subparsers
    from dayasos.policy import Reform
    from dayasos.programs import CatalogueEntry, OverlapReport
    from dayasos.rules import Decision

#: The ``PROGRAM`` that decides every programme of the records' type.
ALL = "all"

_TAHAP = re.compile(r"(?P<year>[0-9]{4})-T(?P<number>[0-9]+)", re.IGNORECASE)


def register(commands: Subparsers) -> None:
    """Add ``decide`` to the parser."""
    command = commands.add_parser(
        "decide",
        help="Decide the records of a file for a programme, and explain.",
        description=(
            "Decide every record of a JSON (object or array) or JSON Lines "
            "file for a catalogue programme (or 'all'), and print each "
            "decision's explanation, or its receipt with --json. Exit 0 "
            "when every record was decided (even when not eligible), 1 "
            "when any record was bad input, 2 on wrong usage."
        ),
    )
    command.add_argument(
        "program",
        metavar="PROGRAM",
        help="Catalogue code (PKH, SEMBAKO ...) or 'all'.",
    )
    command.add_argument("file", metavar="FILE")
    command.add_argument(
        "--on",
        required=True,
        metavar="YYYY-MM-DD",
        help="Date of the decision.",
    )
    command.add_argument(
        "--period",
        metavar="P",
        help=(
            "Also show the amount paid in this period (a code such as "
            "2020-T3 or 2020), one of the programme's periods of the year."
        ),
    )
    command.add_argument(
        "--json",
        action="store_true",
        help="Print one canonical receipt (JSON) per line.",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the explanations (default: id).",
    )
    command.add_argument(
        "--reform",
        metavar="FILE",
        help="A reform file (dayasos.policy format) applied on top.",
    )
    command.set_defaults(run=run)


def _entries(code: str) -> tuple[CatalogueEntry, ...]:
    from dayasos.programs import catalogue, get  # noqa: PLC0415 - loads rules

    if code.lower() == ALL:
        return catalogue()
    try:
        return (get(code.upper()),)
    except DayasosError as err:
        raise UsageError(str(err)) from None


def _reform(path: str | None) -> Reform | None:
    if path is None:
        return None
    try:
        return load_reform(path)
    except OSError as err:
        msg = f"cannot read the reform file {path}: {err.strerror}"
        raise UsageError(msg) from None
    except DayasosError as err:
        raise UsageError(str(err)) from None


def _check_period(text: str | None) -> str | None:
    if text is None:
        return None
    if _TAHAP.fullmatch(text.strip()):
        return text.strip().upper()
    try:
        return str(parse_period(text))
    except DayasosError as err:
        msg = f"--period: {err}"
        raise UsageError(msg) from None


def _typed_records(
    path: pathlib.Path, types: Sequence[type]
) -> Iterator[tuple[int, object | RecordError]]:
    """Each record as the first of `types` it fits, else the first error."""
    readings = [list(read_records(path, cls)) for cls in types]
    for found in zip(*readings, strict=True):
        line = found[0][0]
        fitting = [r for _, r in found if not isinstance(r, RecordError)]
        yield line, fitting[0] if fitting else found[0][1]


def _period_amount(decision: Decision, period: str) -> int:
    if period not in decision.periods:
        shown = ", ".join(decision.periods)
        msg = (
            f"--period {period} is not a payment period of "
            f"{decision.program} in {decision.year}; its periods: {shown}"
        )
        raise UsageError(msg)
    return dict(decision.totals)[period].amount


def _period_label(period: str, lang: str) -> str:
    match = _TAHAP.fullmatch(period)
    if match is not None:
        return translate(
            "period.label.tahap",
            lang,
            number=int(match["number"]),
            year=match["year"],
        )
    return format_period(parse_period(period), lang)


def _record_id(record: object) -> str:
    found = getattr(record, "id", None)
    return f" ({found})" if isinstance(found, str) else ""


def _one(
    entry: CatalogueEntry,
    record: object,
    args: argparse.Namespace,
    *,
    on: dt.date,
    reform: Reform | None,
    where: str,
) -> None:
    decision = entry.decide(record, on=on, reform=reform)
    amount = (
        None if args.period is None else _period_amount(decision, args.period)
    )
    if args.json:
        if amount is None:
            print(decision.receipt())
        else:
            document = {
                "period": args.period,
                "amount": amount,
                "receipt": json.loads(decision.receipt()),
            }
            print(json.dumps(document, sort_keys=True, ensure_ascii=False))
        return
    print(
        "== "
        + translate("cli.decide.record", args.lang, record=where)
        + _record_id(record)
    )
    print(explain_decision(decision, args.lang))
    if amount is not None:
        print(
            translate(
                "rules.total.period",
                args.lang,
                period=_period_label(args.period, args.lang),
                amount=format_rupiah(amount, args.lang),
            )
        )
    print()


def _all_json(report: OverlapReport) -> str:
    document = {
        "on": report.on.isoformat(),
        "decisions": [json.loads(d.receipt()) for d in report.decisions],
        "overlaps": [
            {
                "first": o.first,
                "second": o.second,
                "month": o.month,
                "first_by": o.first_by,
                "second_by": o.second_by,
            }
            for o in report.overlaps
        ],
        "not_running": list(report.not_running),
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


def _all(
    record: object,
    args: argparse.Namespace,
    *,
    on: dt.date,
    reform: Reform | None,
    where: str,
) -> None:
    from dayasos.programs import decide_all  # noqa: PLC0415 - loads rules

    report = decide_all(record, on=on, reform=reform)
    if args.json:
        print(_all_json(report))
        return
    lang = args.lang
    print(
        "== "
        + translate("cli.decide.record", lang, record=where)
        + _record_id(record)
    )
    width = max((len(d.program) for d in report.decisions), default=0)
    for decision in report.decisions:
        verdict = translate(f"verdict.{decision.verdict.value}", lang)
        total = (
            format_rupiah(decision.total, lang) if decision.eligible else ""
        )
        print(
            f"  {decision.program:<{width}}  {verdict:<24}  {total}".rstrip()
        )
    eligible = [d.program for d in report.decisions if d.eligible]
    if len(eligible) > 1:
        print(
            translate("cli.decide.overlap", lang, programs=", ".join(eligible))
        )
    if report.overlaps:
        pairs = "; ".join(
            f"{o.first} + {o.second} ({o.month}: {o.first_by}/{o.second_by})"
            for o in report.overlaps
        )
        print(translate("cli.decide.exclusive", lang, programs=pairs))
    if report.not_running:
        print(
            translate(
                "cli.decide.not_running",
                lang,
                programs=", ".join(report.not_running),
            )
        )
    print()


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos decide``."""
    on = parse_date(args.on, option="--on")
    path = pathlib.Path(args.file)
    if not path.is_file():
        msg = f"no such file: {args.file}"
        raise UsageError(msg)
    args.period = _check_period(args.period)
    entries = _entries(args.program)
    reform = _reform(args.reform)
    everything = args.program.lower() == ALL
    if reform is not None and not everything:
        try:
            entries[0].parameters.with_reform(reform)
        except DayasosError as err:
            msg = f"--reform: {err}"
            raise UsageError(msg) from None
    types = list(dict.fromkeys(e.entity for e in entries))
    total = bad = 0
    for line, record in _typed_records(path, types):
        total += 1
        where = f"{args.file}:{line}"
        if isinstance(record, RecordError):
            bad += 1
            for text in problem_lines(record, args.lang):
                print(f"{where}: {text}", file=sys.stderr)
            continue
        if everything:
            _all(record, args, on=on, reform=reform, where=where)
        else:
            _one(entries[0], record, args, on=on, reform=reform, where=where)
    print(
        translate(
            "cli.decide.summary",
            args.lang,
            total=total,
            decided=total - bad,
            invalid=bad,
        ),
        file=sys.stderr,
    )
    return EXIT_INVALID if bad else EXIT_OK
