"""
``dayasos nik check``: validate NIKs and explain what they say.

Each NIK gives one result: with ``--json`` one JSON object per line,
otherwise one sentence in Indonesian or English.
The NIK itself is shown masked unless ``--reveal`` is given.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from dayasos.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    parse_date,
    read_items,
)
from dayasos.errors import DayasosError, mask_personal
from dayasos.ids import nik, wilayah
from dayasos.l10n import format_date, format_error, translate
from dayasos.periods import age_on


if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from dayasos.cli._common import Subparsers


def register(commands: Subparsers) -> None:
    """Add ``nik`` and its ``check`` subcommand to the parser."""
    group = commands.add_parser("nik", help="National identity numbers (NIK).")
    actions = group.add_subparsers(dest="action", metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="Validate NIKs and explain birth date, sex and region.",
        description=(
            "Validate NIKs and explain birth date, sex and region. "
            "Exit 0 when all are valid, 1 when any is invalid."
        ),
    )
    check.add_argument(
        "numbers",
        nargs="+",
        metavar="NIK",
        help="NIKs to check; '-' reads one per line from stdin.",
    )
    check.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=(
            "Date against which the two-digit birth year is resolved "
            "(default: today in Jakarta)."
        ),
    )
    check.add_argument(
        "--json", action="store_true", help="One JSON object per line."
    )
    check.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the explanation (default: id).",
    )
    check.add_argument(
        "--reveal",
        action="store_true",
        help="Show the full NIK instead of the masked form.",
    )
    check.set_defaults(run=run_check)
    group.set_defaults(run=_need_action(group))


def _need_action(
    group: argparse.ArgumentParser,
) -> Callable[[argparse.Namespace], int]:
    def run(_args: argparse.Namespace) -> int:
        msg = f"choose an action: {group.prog} check NIK ..."
        raise UsageError(msg)

    return run


def check_one(
    text: str, *, as_of: dt.date, lang: str, reveal: bool = False
) -> dict[str, object]:
    """
    Check one NIK and describe it as a JSON-ready mapping.

    Keys: ``nik`` (masked unless `reveal`), ``valid``; when valid
    ``birth_date`` (ISO), ``sex``, ``age``, ``region_code``,
    ``province_code`` and ``province_name``; when invalid ``code`` and
    ``reason`` (in `lang`).
    """
    shown = text if reveal else mask_personal(text)
    try:
        number = nik.validate(text)
        born = nik.get_birth_date(number, as_of=as_of)
    except DayasosError as err:
        return {
            "nik": shown,
            "valid": False,
            "code": err.error_code,
            "reason": format_error(err, lang),
        }
    province = wilayah.get_province_info(number[:2])
    return {
        "nik": number if reveal else mask_personal(number),
        "valid": True,
        "birth_date": born.isoformat(),
        "sex": nik.get_sex(number).value,
        "age": age_on(born, as_of),
        "region_code": str(nik.get_region(number)),
        "province_code": province.code,
        "province_name": province.name,
    }


def explain(result: dict[str, object], *, as_of: dt.date, lang: str) -> str:
    """Render one result as a sentence in `lang`."""
    if not result["valid"]:
        return translate(
            "cli.nik.invalid", lang, nik=result["nik"], reason=result["reason"]
        )
    born = dt.date.fromisoformat(str(result["birth_date"]))
    return translate(
        "cli.nik.valid",
        lang,
        nik=result["nik"],
        sex=translate(f"sex.{result['sex']}", lang),
        born=format_date(born, lang),
        age=result["age"],
        as_of=format_date(as_of, lang),
        region=result["region_code"],
        province=result["province_name"],
    )


def run_check(args: argparse.Namespace) -> int:
    """Run ``dayasos nik check``."""
    as_of = parse_date(args.as_of, option="--as-of")
    status = EXIT_OK
    for text in read_items(args.numbers):
        result = check_one(
            text, as_of=as_of, lang=args.lang, reveal=args.reveal
        )
        if not result["valid"]:
            status = EXIT_INVALID
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(explain(result, as_of=as_of, lang=args.lang))
    return status
