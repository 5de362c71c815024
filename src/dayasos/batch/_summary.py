"""
What a batch run decided, counted: verdicts, amounts, rejects.

`BatchSummary` holds the counts of a run of `run_batch`: families read,
decided and rejected (which must add up: nothing is lost), verdicts by
programme, yearly amounts by programme and province, and rejected rows
by reason. `format_summary` writes it for people in Indonesian or
English; `BatchSummary.to_dict` gives the document of ``summary.json``.

>>> import datetime as dt
>>> summary = BatchSummary(
...     on=dt.date(2020, 7, 21), programs=("PKH",), input_families=3,
...     decided_families=2, rejected_families=1, result_rows=2,
...     verdicts=(("PKH", "eligible", 1), ("PKH", "ineligible", 1)),
...     amounts=(("PKH", "31", 1, 3_000_000),),
...     rejects=(("nik.length", 1, 1),),
... )
>>> summary.balanced
True
>>> print(format_summary(summary, "en").splitlines()[1])
Families read: 3; decided: 2; rejected: 1 (nothing lost).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING, Any

import attrs
import polars as pl

from dayasos.errors import DayasosError, ValidationError
from dayasos.ids import wilayah
from dayasos.l10n import format_number, format_rupiah, translate


if TYPE_CHECKING:
    import datetime as dt
    import os


__all__ = [
    "BatchSummary",
    "SummaryBuilder",
    "errors_found",
    "format_summary",
]


@attrs.frozen(kw_only=True)
class BatchSummary:
    """
    The counts of a batch run.

    Args:
        on: The date of the decisions.
        programs: The programmes decided, in catalogue order.
        not_running: Programmes asked for but not running on `on`.
        input_families: Rows of the families table read.
        decided_families: Families decided (for every programme).
        rejected_families: Rows of the families table rejected.
        result_rows: Rows of the results written.
        verdicts: ``(programme, verdict, families)``, by programme and
            verdict.
        amounts: ``(programme, province, eligible families, yearly
            rupiah)``; the province is its 2-digit code, `None` when
            unknown.
        rejects: ``(code, rows, families)`` by reason code: the reject
            rows and the distinct family ids they name.

    .. versionadded:: 0.1.0
    """

    on: dt.date
    programs: tuple[str, ...]
    not_running: tuple[str, ...] = ()
    input_families: int
    decided_families: int
    rejected_families: int
    result_rows: int
    verdicts: tuple[tuple[str, str, int], ...] = ()
    amounts: tuple[tuple[str, str | None, int, int], ...] = ()
    rejects: tuple[tuple[str, int, int], ...] = ()

    @property
    def balanced(self) -> bool:
        """
        Whether nothing was lost.

        Families read equal families decided plus families rejected, and
        the results hold one row per decided family and programme.

        .. versionadded:: 0.1.0
        """
        return (
            self.input_families
            == self.decided_families + self.rejected_families
            and self.result_rows == self.decided_families * len(self.programs)
        )

    def check(self) -> None:
        """
        Raise unless the run is `balanced`.

        Raises:
            ValidationError: ``batch.unbalanced``.

        .. versionadded:: 0.1.0
        """
        if self.balanced:
            return
        raise ValidationError(
            "families read ({value}) are not families decided "
            "({decided}) plus rejected ({rejected}), or the results hold "
            "{rows} rows for {programs} programmes: rows were lost",
            code="batch.unbalanced",
            path="summary",
            value=self.input_families,
            decided=self.decided_families,
            rejected=self.rejected_families,
            rows=self.result_rows,
            programs=len(self.programs),
        )

    def to_dict(self) -> dict[str, object]:
        """
        The summary as a JSON document (amounts in whole rupiah).

        .. versionadded:: 0.1.0
        """
        return {
            "on": self.on.isoformat(),
            "programs": list(self.programs),
            "not_running": list(self.not_running),
            "input_families": self.input_families,
            "decided_families": self.decided_families,
            "rejected_families": self.rejected_families,
            "result_rows": self.result_rows,
            "balanced": self.balanced,
            "verdicts": [
                {"program": p, "verdict": v, "families": n}
                for p, v, n in self.verdicts
            ],
            "amounts": [
                {
                    "program": p,
                    "province": province,
                    "eligible_families": n,
                    "total": total,
                }
                for p, province, n, total in self.amounts
            ],
            "rejects": [
                {"code": code, "rows": rows, "families": families}
                for code, rows, families in self.rejects
            ],
        }


@attrs.define
class SummaryBuilder:
    """
    Counts results and rejects chunk by chunk, then makes the summary.

    .. versionadded:: 0.1.0
    """

    verdicts: list[pl.DataFrame] = attrs.field(factory=list)
    amounts: list[pl.DataFrame] = attrs.field(factory=list)
    rejects: list[pl.DataFrame] = attrs.field(factory=list)
    input_families: int = 0
    decided_families: int = 0
    rejected_families: int = 0
    result_rows: int = 0

    def add_results(self, results: pl.DataFrame, families: int) -> None:
        """
        Count one chunk's results, for `families` families decided.

        `result_rows` counts the rows given here; set it to the rows
        written when a writer counts them.
        """
        self.decided_families += families
        self.result_rows += results.height
        self.verdicts.append(
            results.group_by("program", "verdict").agg(
                families=pl.len().cast(pl.Int64)
            )
        )
        self.amounts.append(
            results.filter(pl.col("verdict") == "eligible")
            .group_by("program", "province")
            .agg(
                families=pl.len().cast(pl.Int64),
                total=pl.col("total").sum().cast(pl.Int64),
            )
        )

    def add_rejects(self, rejects: pl.DataFrame, *, rejected: int) -> None:
        """Count reject rows, and `rejected` rows of the families table."""
        self.rejected_families += rejected
        self.rejects.append(
            rejects.group_by("code").agg(
                rows=pl.len().cast(pl.Int64),
                families=pl.col("family_id")
                .drop_nulls()
                .n_unique()
                .cast(pl.Int64),
            )
        )

    def build(
        self,
        *,
        on: dt.date,
        programs: tuple[str, ...],
        not_running: tuple[str, ...] = (),
    ) -> BatchSummary:
        """The summary of everything counted."""
        order = {code: i for i, code in enumerate(programs)}
        verdict_order = {"eligible": 0, "ineligible": 1, "undetermined": 2}
        verdicts = sorted(
            _sums(self.verdicts, ["program", "verdict"], ["families"]),
            key=lambda r: (order.get(r[0], 99), verdict_order.get(r[1], 9)),
        )
        amounts = sorted(
            _sums(
                self.amounts, ["program", "province"], ["families", "total"]
            ),
            key=lambda r: (order.get(r[0], 99), r[1] is None, r[1] or ""),
        )
        rejects = sorted(
            _sums(self.rejects, ["code"], ["rows", "families"]),
            key=lambda r: (-r[1], r[0]),
        )
        return BatchSummary(
            on=on,
            programs=programs,
            not_running=not_running,
            input_families=self.input_families,
            decided_families=self.decided_families,
            rejected_families=self.rejected_families,
            result_rows=self.result_rows,
            verdicts=tuple((str(p), str(v), int(n)) for p, v, n in verdicts),
            amounts=tuple(
                (str(p), None if r is None else str(r), int(n), int(t))
                for p, r, n, t in amounts
            ),
            rejects=tuple((str(c), int(r), int(n)) for c, r, n in rejects),
        )


def _sums(
    frames: list[pl.DataFrame], keys: list[str], values: list[str]
) -> list[tuple[Any, ...]]:
    frames = [f for f in frames if f.height]
    if not frames:
        return []
    return (
        pl.concat(frames, how="vertical_relaxed")
        .group_by(keys)
        .agg(pl.col(v).sum() for v in values)
        .rows()
    )


_NAME = 28
_CELL = 19


def _province(code: str | None, locale: str) -> str:
    if code is None:
        return translate("batch_run.province_unknown", locale)
    try:
        info = wilayah.get_province_info(code)
    except DayasosError:
        return code
    name = info.name_en if locale == "en" else info.name
    return f"{code} {name}"


def format_summary(summary: BatchSummary, locale: str = "id") -> str:
    """
    The summary in words, for a terminal or a log.

    .. versionadded:: 0.1.0
    """
    t = translate
    lines = [
        t("batch_run.title", locale, on=summary.on.isoformat()),
        t(
            "batch_run.families"
            if summary.balanced
            else "batch_run.families_unbalanced",
            locale,
            read=format_number(summary.input_families, locale),
            decided=format_number(summary.decided_families, locale),
            rejected=format_number(summary.rejected_families, locale),
        ),
    ]
    if summary.not_running:
        lines.append(
            t(
                "batch_run.not_running",
                locale,
                programs=", ".join(summary.not_running),
            )
        )
    lines += ["", t("batch_run.verdicts", locale)]
    for program, verdict, families in summary.verdicts:
        lines.append(
            f"  {program:<16} {t(f'verdict.{verdict}', locale):<22} "
            f"{format_number(families, locale):>12}"
        )
    lines += ["", t("batch_run.programs", locale)]
    for program in summary.programs:
        own = [r for r in summary.amounts if r[0] == program]
        lines.append(
            f"  {program:<16} "
            f"{format_number(sum(r[2] for r in own), locale):>12} "
            f"{format_rupiah(sum(r[3] for r in own), locale):>24}"
        )
    lines += ["", t("batch_run.amounts", locale)]
    totals = {(p, r): total for p, r, _, total in summary.amounts}
    provinces = sorted(
        {r for _, r, _, _ in summary.amounts}, key=lambda r: (r is None, r)
    )
    cells = {
        (p, province): format_rupiah(totals.get((p, province), 0), locale)
        for p in summary.programs
        for province in provinces
    }
    # Wide enough for the largest amount, with two spaces between columns.
    width = max([_CELL, *(len(text) + 2 for text in cells.values())])
    lines.append(
        "  "
        + " " * _NAME
        + "".join(f"{p[:width]:>{width}}" for p in summary.programs)
    )
    lines.extend(
        f"  {_province(province, locale)[:_NAME]:<{_NAME}}"
        + "".join(f"{cells[p, province]:>{width}}" for p in summary.programs)
        for province in provinces
    )
    lines += ["", t("batch_run.rejects", locale)]
    if not summary.rejects:
        lines.append("  " + t("batch_run.no_rejects", locale))
    for code, rows, families in summary.rejects:
        lines.append(
            "  "
            + t(
                "batch_run.reject_line",
                locale,
                code=code,
                rows=format_number(rows, locale),
                families=format_number(families, locale),
            )
        )
    return "\n".join(lines)


def errors_found(
    manifest: str | os.PathLike[str], rejects: str | os.PathLike[str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """
    Which injected errors a run's rejects found.

    Args:
        manifest: The Parquet manifest of injected errors that
            `dayasos.synthetic.write_parquet` writes (``errors.parquet``).
        rejects: The rejects Parquet file of a run.

    Returns:
        The (family id, reject code) pairs found, and those injected.

    .. versionadded:: 0.1.0
    """
    injected = pl.read_parquet(pathlib.Path(manifest)).select(
        "family_id", "code"
    )
    found = injected.join(
        pl.read_parquet(pathlib.Path(rejects))
        .select("family_id", "code")
        .unique(),
        on=["family_id", "code"],
        how="semi",
    )
    return set(found.unique().rows()), set(injected.unique().rows())
