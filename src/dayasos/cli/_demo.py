"""
``dayasos demo``: the main job on a synthetic population, end to end.

``dayasos demo [--families N] [--on DATE] [--lang id|en] [--out DIR]``

Generates a seeded synthetic population with a small share of realistic
data errors (or reuses it from ``DIR/cache``, keyed by size, seed and
error rate), decides every family programme running on the date with
``dayasos batch``'s machinery, and prints the summary and a data-quality
report. The results, rejects and summaries go to
``DIR/results-<DATE>``.

Exit codes: 0 done; 1 rows were lost; 2 the command was used wrongly.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import sys
from fractions import Fraction
from typing import TYPE_CHECKING

from dayasos.batch import errors_found, run_batch
from dayasos.cli._batch import Progress, report
from dayasos.cli._common import UsageError, parse_date
from dayasos.l10n import format_number, format_percent, translate
from dayasos.quality import audit
from dayasos.reports import load_quality_list, render_quality
from dayasos.synthetic import write_parquet


if TYPE_CHECKING:
    import argparse

    from dayasos.cli._common import Subparsers

#: The date of the seed data: the middle of 2020's pandemic aid.
DEMO_DATE = dt.date(2020, 7, 21)
DEMO_FAMILIES = 2_000
DEMO_SEED = 2020
DEMO_ERROR_RATE = 0.02
_DONE = ".complete"


def register(commands: Subparsers) -> None:
    """Add ``demo`` to the parser."""
    command = commands.add_parser(
        "demo",
        help="Decide every family programme for a synthetic population.",
        description=(
            "Generate (or reuse) a seeded synthetic population with a few "
            "realistic data errors, decide every family programme on the "
            "date, and print the summary and a data-quality report. "
            "Exit 0 when done, 1 when rows were lost, 2 on wrong usage."
        ),
    )
    command.add_argument(
        "--families",
        type=int,
        default=DEMO_FAMILIES,
        metavar="N",
        help=f"How many families (default: {DEMO_FAMILIES}).",
    )
    command.add_argument(
        "--on",
        default=DEMO_DATE.isoformat(),
        help=f"The date of the decisions (default: {DEMO_DATE}).",
    )
    command.add_argument(
        "--seed",
        type=int,
        default=DEMO_SEED,
        help=f"The population's seed (default: {DEMO_SEED}).",
    )
    command.add_argument(
        "--error-rate",
        type=float,
        default=DEMO_ERROR_RATE,
        metavar="SHARE",
        help=(
            "Share of families given a data error "
            f"(default: {DEMO_ERROR_RATE})."
        ),
    )
    command.add_argument(
        "--out",
        default="out/demo",
        metavar="DIR",
        help="Where the population and results go (default: out/demo).",
    )
    command.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="Language of the reports (default: id).",
    )
    command.set_defaults(run=run, format="parquet")


def population(
    out: pathlib.Path,
    families: int,
    *,
    seed: int,
    error_rate: float,
    as_of: dt.date,
) -> pathlib.Path:
    """
    The population's directory in the cache, generated if needed.

    The snapshot is taken on the date of the decisions; a directory is
    reused only once its generation finished.
    """
    key = (
        f"families-{families}-seed-{seed}-errors-{error_rate:g}"
        f"-asof-{as_of.isoformat()}"
    )
    directory = out / "cache" / key
    if (directory / _DONE).is_file():
        return directory
    if directory.exists():
        shutil.rmtree(directory)
    write_parquet(
        directory, families, seed=seed, error_rate=error_rate, as_of=as_of
    )
    (directory / _DONE).write_text(key + "\n", encoding="utf-8")
    return directory


def run(args: argparse.Namespace) -> int:
    """Run ``dayasos demo``."""
    on = parse_date(args.on, option="--on")
    if args.families < 1:
        msg = f"--families expects a whole number from 1, got {args.families}"
        raise UsageError(msg)
    if not 0 <= args.error_rate <= 1:
        msg = (
            f"--error-rate expects a share from 0 to 1, got {args.error_rate}"
        )
        raise UsageError(msg)
    out = pathlib.Path(args.out)
    source = population(
        out,
        args.families,
        seed=args.seed,
        error_rate=args.error_rate,
        as_of=on,
    )
    results = out / f"results-{on.isoformat()}"
    progress = Progress(sys.stderr, args.lang)
    try:
        summary = run_batch(
            source, "all", on=on, out_dir=results, progress=progress
        )
    finally:
        progress.close()
    found, injected = errors_found(
        source / "errors.parquet", results / "rejects.parquet"
    )
    print(
        translate(
            "batch_run.demo_population",
            args.lang,
            families=format_number(args.families, args.lang),
            seed=args.seed,
            errors=format_number(
                len({family for family, _ in injected}), args.lang
            ),
            path=source,
        )
    )
    print()
    code = report(summary, results, args)
    listed = load_quality_list(
        source, name="demo", program="DTKS", period=f"{on:%Y-%m}"
    )
    quality = render_quality(audit([listed], on=on), args.lang, "text")
    written = results / "quality.txt"
    written.write_text(quality, encoding="utf-8")
    # The screen gets the totals; every finding is in the file.
    heading = translate("quality.report.findings", args.lang)
    shown, cut, _ = quality.partition("\n" + heading)
    print()
    print(shown.rstrip("\n"))
    if cut:
        print(
            translate("batch_run.demo_findings", args.lang, path=str(written))
        )
    print()
    share = (
        Fraction(summary.rejected_families, summary.input_families)
        if summary.input_families
        else Fraction(0)
    )
    print(
        translate(
            "batch_run.demo_quality",
            args.lang,
            share=format_percent(share, args.lang, digits=1),
            found=format_number(len(found), args.lang),
            injected=format_number(len(injected), args.lang),
        )
    )
    return code
