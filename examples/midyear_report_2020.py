"""
The 2020 mid-year evaluation report of Ditjen Pemberdayaan Sosial.

Run with ``python examples/midyear_report_2020.py [OUT_DIR]``.

It reads the example input in ``examples/data/midyear_2020`` (figures
from public Kemensos releases where the files say so, the rest
illustrative), checks that the APD realization equals what the
disbursement records of the 32 provincial Dinas Sosial give, prints the
report in Indonesian, and writes into OUT_DIR (default
``out/midyear_2020``, which git ignores) the report as HTML, English
Markdown and CSV, and its plots as PNG.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
from fractions import Fraction

from dayasos.ids import RegionCode, RegionLevel
from dayasos.l10n import format_percent
from dayasos.metrics import (
    IkpaIndicator,
    ikpa_weights,
    realizations_from_disbursements,
    roll_up,
    score_ikpa,
)
from dayasos.model import (
    Aid,
    AidKind,
    Channel,
    Disbursement,
    DisbursementStatus,
    InstitutionRef,
)
from dayasos.money import Rupiah
from dayasos.periods import PeriodKind
from dayasos.reports import MidYearReport, load_report_input


ROOT = pathlib.Path(__file__).parent.parent
DATA = ROOT / "examples" / "data" / "midyear_2020"

#: The 32 provinces whose Dinas Sosial received APD on 13 April 2020.
PROVINCES = [
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "21",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "51",
    "52",
    "53",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "72",
    "73",
    "74",
    "75",
    "76",
    "81",
    "82",
]


def apd_disbursements() -> list[Disbursement]:
    """4,637 APD packages split over 32 provinces (split illustrative)."""
    return [
        Disbursement(
            id=f"apd-2020-{province}",
            recipient=InstitutionRef(id=f"dinsos-{province}"),
            aid=Aid(
                kind=AidKind.PROTECTIVE_KIT,
                amount=Rupiah(100_000),
                description="masker, hand sanitizer, vitamin C",
            ),
            count=144 + (1 if index < 29 else 0),
            program="APD",
            channel=Channel.IN_KIND_DINSOS,
            on=dt.date(2020, 4, 13),
            status=DisbursementStatus.DISBURSED,
        )
        for index, province in enumerate(PROVINCES)
    ]


def province_of(record: Disbursement) -> RegionCode:
    """The province of a Dinas Sosial recipient, from its identifier."""
    recipient = record.recipient
    assert isinstance(recipient, InstitutionRef)  # noqa: S101
    return RegionCode(recipient.id.removeprefix("dinsos-"))


def points(value: Fraction) -> str:
    """A score in points with two decimals, Indonesian style."""
    return format_percent(value / 100).removesuffix("%")


def main(out: pathlib.Path) -> None:
    """Build, check, print and write the report."""
    data = load_report_input(DATA)
    apd = data.indicators["apd.paket"]
    from_records = realizations_from_disbursements(
        apd_disbursements(), physical=apd, region_of=province_of
    )
    keyed = [r for r in data.realizations if r.indicator == apd]
    level = RegionLevel.PROVINCE
    same = roll_up(from_records, level=level, kind=PeriodKind.MONTH) == (
        roll_up(keyed, level=level, kind=PeriodKind.MONTH)
    )
    print(f"APD realization from disbursement records = keyed data: {same}")

    report = MidYearReport.build(
        2020,
        targets=data.targets,
        realizations=data.realizations,
        budget=data.budget,
        program_names=data.programs,
    )
    print(report.to_text("id"))

    total = report.evaluation.total
    assert total is not None  # noqa: S101
    absorption = total.absorption_score
    assert absorption is not None  # noqa: S101
    print(f"Nilai indikator penyerapan IKPA (TW I-II): {points(absorption)}")
    # The other IKPA 2020 indicator values are invented for the example.
    on = dt.date(2020, 6, 30)
    values: dict[IkpaIndicator, Fraction] = dict.fromkeys(
        ikpa_weights(on=on), Fraction(95)
    )
    values[IkpaIndicator.PENYERAPAN] = absorption
    ikpa = score_ikpa(values, on=on)
    assert ikpa.score is not None  # noqa: S101
    assert ikpa.band is not None  # noqa: S101
    print(f"IKPA 2020 (ilustrasi): {points(ikpa.score)} ({ikpa.band.value})")

    out.mkdir(parents=True, exist_ok=True)
    (out / "report.html").write_text(report.to_html("id"), encoding="utf-8")
    (out / "report_en.md").write_text(
        report.to_markdown("en"), encoding="utf-8"
    )
    (out / "report.csv").write_text(report.to_csv(), encoding="utf-8")
    for path in report.plot(out, "id"):
        print(f"wrote {path}")
    print(f"wrote {out / 'report.html'}")


if __name__ == "__main__":
    target = (
        pathlib.Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "out" / "midyear_2020"
    )
    main(target)
