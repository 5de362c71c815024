"""
Period reports and the mid-year evaluation report.

A `PeriodReport` wraps a `dayasos.metrics.PeriodEvaluation` with the
programs' names and renders it: plain text, Markdown, an HTML fragment
(also shown by notebooks), CSV, polars DataFrames and PNG plots.
Words are Indonesian or English; numbers use the Indonesian formats
unless asked otherwise (``numbers="en"``).
`MidYearReport` is the report of Semester I, as presented at the
mid-year evaluation and budget acceleration meeting
(Evaluasi Tengah Tahun dan Percepatan Pelaksanaan Anggaran).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import pathlib
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Self

import attrs

from dayasos.errors import ValidationError
from dayasos.l10n import format_date, format_period
from dayasos.metrics import evaluate_period
from dayasos.periods import Semester
from dayasos.reports import _flat, _frame, _plot, _render
from dayasos.reports._format import Formatter
from dayasos.reports._tables import build_lists, build_tables


if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import polars as pl

    from dayasos.ids import RegionLevel
    from dayasos.metrics import (
        BudgetLine,
        PeriodEvaluation,
        Realization,
        Target,
    )
    from dayasos.periods import Period
    from dayasos.policy import Description, ParameterSet


__all__ = ["MidYearReport", "PeriodReport"]

#: File names of the plots `PeriodReport.plot` writes.
CURVE_FILE = "realization_vs_plan.png"
BARS_FILE = "achievement.png"


def _names(
    value: Mapping[str, Description] | None,
) -> Mapping[str, Description]:
    return MappingProxyType(dict(value or {}))


@attrs.frozen(kw_only=True)
class PeriodReport:
    """
    The performance and budget report of a period.

    Build it with `build` (from targets, realizations and budget lines)
    or from an evaluation you already have.

    Args:
        evaluation: What the report shows.
        program_names: Names to show instead of program codes.
        parameters: The parameters the evaluation used (for the notes);
            the shipped ones by default.
        locale: The language of `str`, ``_repr_html_`` and the other
            renderings when none is given.
        numbers: The locale of number formats (Indonesian by default).

    .. versionadded:: 0.1.0
    """

    #: The message code of the title.
    title_code: ClassVar[str] = "report.title.period"

    evaluation: PeriodEvaluation
    program_names: Mapping[str, Description] = attrs.field(
        factory=dict, converter=_names, hash=False
    )
    parameters: ParameterSet | None = attrs.field(default=None, repr=False)
    locale: str = "id"
    numbers: str = "id"

    @classmethod
    def build(
        cls,
        period: Period,
        *,
        targets: Iterable[Target] = (),
        realizations: Iterable[Realization] = (),
        budget: Iterable[BudgetLine] = (),
        level: RegionLevel | None = None,
        program_names: Mapping[str, Description] | None = None,
        parameters: ParameterSet | None = None,
        locale: str = "id",
        numbers: str = "id",
    ) -> Self:
        """
        Evaluate a period and wrap it in a report.

        Raises:
            ValidationError: the errors of
                `dayasos.metrics.evaluate_period`.

        .. versionadded:: 0.1.0
        """
        evaluation = evaluate_period(
            period,
            targets=targets,
            realizations=realizations,
            budget=budget,
            level=level,
            parameters=parameters,
        )
        return cls(
            evaluation=evaluation,
            program_names=_names(program_names),
            parameters=parameters,
            locale=locale,
            numbers=numbers,
        )

    def _formatter(
        self, locale: str | None, numbers: str | None = None
    ) -> Formatter:
        return Formatter(
            self.locale if locale is None else locale,
            self.numbers if numbers is None else numbers,
        )

    def title(self, locale: str | None = None) -> str:
        """
        The report's title in a language.

        .. versionadded:: 0.1.0
        """
        fmt = self._formatter(locale)
        period = self.evaluation.period
        return fmt.word(
            self.title_code,
            period=format_period(period, fmt.language),
            year=period.year,
        )

    def _document(
        self, locale: str | None, numbers: str | None
    ) -> _render.Document:
        fmt = self._formatter(locale, numbers)
        period = self.evaluation.period
        subtitle = fmt.word(
            "report.subtitle",
            period=format_period(period, fmt.language),
            date=format_date(period.last, fmt.language),
        )
        return _render.Document(
            title=self.title(fmt.language),
            subtitle=subtitle,
            tables=tuple(
                build_tables(self.evaluation, self.program_names, fmt)
            ),
            lists=build_lists(
                self.evaluation, self.program_names, self.parameters, fmt
            ),
            formatter=fmt,
        )

    def to_text(
        self, locale: str | None = None, *, numbers: str | None = None
    ) -> str:
        """
        The report as plain text with aligned columns.

        .. versionadded:: 0.1.0
        """
        return _render.to_text(self._document(locale, numbers))

    def to_markdown(
        self, locale: str | None = None, *, numbers: str | None = None
    ) -> str:
        """
        The report as Markdown.

        .. versionadded:: 0.1.0
        """
        return _render.to_markdown(self._document(locale, numbers))

    def to_html(
        self, locale: str | None = None, *, numbers: str | None = None
    ) -> str:
        """
        The report as an HTML fragment.

        .. versionadded:: 0.1.0
        """
        return _render.to_html(self._document(locale, numbers))

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()

    def to_csv(self) -> str:
        """
        The flat table as CSV (see `dayasos.reports.FLAT_COLUMNS`).

        .. versionadded:: 0.1.0
        """
        return _flat.to_csv(self.evaluation)

    def to_polars(self) -> pl.DataFrame:
        """
        The flat table as a polars DataFrame (needs ``dayasos[batch]``).

        .. versionadded:: 0.1.0
        """
        return _frame.to_polars(self.evaluation)

    def monthly_frame(self) -> pl.DataFrame:
        """
        Cumulative plan and realization per program and month.

        .. versionadded:: 0.1.0
        """
        return _frame.monthly_frame(self.evaluation)

    def plot(
        self,
        directory: str | pathlib.Path,
        locale: str | None = None,
        *,
        numbers: str | None = None,
    ) -> list[pathlib.Path]:
        """
        Save the plots as PNG files in `directory` (created if needed).

        Writes ``realization_vs_plan.png`` (with budget lines) and
        ``achievement.png`` (with achievements); needs ``dayasos[plot]``.

        Returns:
            The paths written.

        Raises:
            ConfigurationError: ``report.needs_matplotlib`` without
                matplotlib.

        .. versionadded:: 0.1.0
        """
        fmt = self._formatter(locale, numbers)
        folder = pathlib.Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        written = [
            _plot.plot_realization(
                self.evaluation, self.program_names, fmt, folder / CURVE_FILE
            ),
            _plot.plot_achievement(self.evaluation, fmt, folder / BARS_FILE),
        ]
        return [path for path in written if path is not None]


@attrs.frozen(kw_only=True)
class MidYearReport(PeriodReport):
    """
    The mid-year (Semester I) evaluation report of a fiscal year.

    >>> report = MidYearReport.build(2020)
    >>> report.title(), report.title("en")
    ('Evaluasi Tengah Tahun (Semester I) Tahun Anggaran 2020', \
'Mid-year evaluation (Semester I), fiscal year 2020')

    .. versionadded:: 0.1.0
    """

    title_code: ClassVar[str] = "report.title.midyear"

    @classmethod
    def build(
        cls,
        year: int | Period,
        *,
        targets: Iterable[Target] = (),
        realizations: Iterable[Realization] = (),
        budget: Iterable[BudgetLine] = (),
        level: RegionLevel | None = None,
        program_names: Mapping[str, Description] | None = None,
        parameters: ParameterSet | None = None,
        locale: str = "id",
        numbers: str = "id",
    ) -> Self:
        """
        Evaluate Semester I of `year` and wrap it in a report.

        `year` may also be the `Semester` itself.

        Raises:
            ValidationError: ``report.midyear_period`` for a period other
                than a first semester.

        .. versionadded:: 0.1.0
        """
        period = Semester(year, 1) if isinstance(year, int) else year
        if not (isinstance(period, Semester) and period.half == 1):
            raise ValidationError(
                "the mid-year report is of a first semester, e.g. "
                "Semester(2020, 1) or 2020-S1; got {value}",
                code="report.midyear_period",
                path="year",
                value=str(period),
            )
        return super().build(
            period,
            targets=targets,
            realizations=realizations,
            budget=budget,
            level=level,
            program_names=program_names,
            parameters=parameters,
            locale=locale,
            numbers=numbers,
        )
