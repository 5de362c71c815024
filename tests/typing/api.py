"""
The public API as a typed user sees it; mypy --strict checks this file.

It is never run: it only has to type-check, so every call here is a
promise about signatures and return types.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pendulum
import polars as pl

from dayasos import DayasosError, RecordError, Rounding, Rupiah, allocate
from dayasos.batch import (
    ReformComparison,
    Tables,
    compare_reform,
    evaluate,
    evaluate_all,
    to_tables,
)
from dayasos.errors import InvalidLength, mask_personal
from dayasos.ids import KK, NIK, RegionCode, RegionLevel, Sex, kk, nik, wilayah
from dayasos.l10n import (
    format_date,
    format_error,
    format_number,
    format_percent,
    format_period,
    format_rupiah,
    terbilang,
    translate,
)
from dayasos.metrics import Achievement, Polarity, compute_achievement
from dayasos.model import (
    Family,
    FamilyMember,
    LegalReference,
    Person,
    Relation,
)
from dayasos.periods import (
    FiscalYear,
    Month,
    Period,
    Quarter,
    Semester,
    TahapSchedule,
    age_on,
    parse_period,
)
from dayasos.policy import ParameterSet, Reform, Snapshot, parse_parameters
from dayasos.programs import CatalogueEntry, catalogue, get
from dayasos.rules import (
    Criterion,
    Decision,
    Grant,
    Program,
    Verdict,
    decision_date,
    param,
    root,
    years_between,
)
from dayasos.serialization import dumps, json_schema, loads, structure
from dayasos.synthetic import generate


def money() -> None:
    """Rupiah arithmetic stays Rupiah; scaling needs a rounding mode."""
    total: Rupiah = Rupiah(3_000_000) + Rupiah(1) - Rupiah(1)
    shares: list[Rupiah] = allocate(total, [1, 1, 1, 1])
    scaled: Rupiah = total.scale(Fraction(5, 4), Rounding.HALF_UP)
    decimal: Rupiah = total.scale(Decimal("0.5"), Rounding.HALF_EVEN)
    ratio: Fraction = shares[0].ratio(total)
    doubled: Rupiah = scaled * 2 + decimal
    print(ratio, doubled)


def identifiers() -> None:
    """Identifier modules and value types."""
    number: str = nik.validate(nik.compact("3171 0141 0780 0001"))
    ok: bool = nik.is_valid(number) and kk.is_valid("3171010101200001")
    born: pendulum.Date = nik.get_birth_date(
        number, as_of=dt.date(2020, 7, 21)
    )
    sex: Sex = nik.get_sex(number)
    value = NIK(number)
    shown: str = str(value)
    full: str = value.reveal()
    region: RegionCode = value.region
    level: RegionLevel = RegionCode.parse("31.71.01.1001").level
    parent: RegionCode | None = region.parent
    province: str = wilayah.get_province_info("31").name
    family_card: KK | None = None
    print(ok, born, sex, shown, full, level, parent, province, family_card)
    print(mask_personal(full))


def periods() -> None:
    """Periods parse, contain dates and iterate months."""
    period: Period = parse_period("2020-S1")
    months: list[Month] = period.months()
    quarter: Quarter = Quarter.containing(dt.date(2020, 7, 21))
    semester = Semester(2020, 1)
    year = FiscalYear(2020)
    inside: bool = dt.date(2020, 7, 21) in year
    age: int = age_on(dt.date(1950, 1, 1), dt.date(2020, 7, 21))
    schedule: TahapSchedule = TahapSchedule.quarterly([2020], program="PKH")
    print(months, quarter, semester, inside, age, schedule)


def words() -> None:
    """Every formatter returns text in either language."""
    texts: list[str] = [
        format_rupiah(Rupiah(1_500_000)),
        format_rupiah(1_500_000, "en"),
        format_date(dt.date(2020, 7, 21), "id"),
        format_period(Semester(2020, 1), "en"),
        format_percent(Fraction(15, 14)),
        format_number(1_234_567, "en"),
        terbilang(Rupiah(1_500_000)),
        translate("verdict.eligible", "en"),
    ]
    try:
        nik.validate("123")
    except InvalidLength as err:
        texts.append(format_error(err, "id"))
    except DayasosError as err:
        texts.append(str(err))
    print(texts)


def model_and_wire() -> None:
    """Build a family, serialise it and read it back."""
    head = Person(id="p1", name="Siti", sex=Sex.FEMALE)
    family = Family(
        id="f1",
        members=[FamilyMember(person=head, relation=Relation.HEAD)],
    )
    text: str = dumps(family)
    again: Family = loads(text, Family)
    also: Family = structure({"id": "f1", "members": []}, Family)
    schema: dict[str, object] = json_schema(Family)
    print(again == family, also, schema)
    try:
        loads("{}", Family)
    except RecordError as err:
        lines: list[str] = err.lines()
        print(lines)


def policy() -> None:
    """Parameters in force on a date."""
    params: ParameterSet = parse_parameters("", name="pkh.amount.lansia")
    snapshot: Snapshot = params.at(dt.date(2020, 7, 21))
    fingerprint: str = snapshot.fingerprint()
    print(fingerprint)


def rules(params: ParameterSet) -> None:
    """A program written once, decided for one family."""
    family = root(Family)
    program = Program(
        code="DEMO",
        entity=Family,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=[
            Criterion("demo.decile", family.decile <= param("demo.max")),
        ],
    )
    head = Person(id="p1")
    decision: Decision = program.decide(
        Family(
            id="f1",
            members=[FamilyMember(person=head, relation=Relation.HEAD)],
        ),
        on=dt.date(2020, 7, 21),
        params=params,
    )
    verdict: Verdict = decision.verdict
    receipt: str = decision.receipt()
    total: Rupiah = decision.total
    missing: tuple[str, ...] = decision.missing
    rule_hash: str = program.rule_hash()
    print(verdict, receipt, total, missing, rule_hash)


def program_catalogue(family: Family) -> None:
    """Every program decides through its catalogue entry."""
    entries: tuple[CatalogueEntry, ...] = catalogue()
    pkh: CatalogueEntry = get("PKH")
    decision: Decision = pkh.decide(family, on=dt.date(2020, 7, 21))
    explained: str = decision.explain("id")
    schedule: TahapSchedule | None = pkh.tahap
    print(entries, explained, schedule, Grant, decision_date, years_between)


def performance_metrics() -> None:
    """Achievement is exact; percentages are for display."""
    achievement: Achievement = compute_achievement(
        7, Decimal("6.5"), Polarity.MINIMIZE
    )
    print(achievement.percent())


def population(reform: Reform) -> None:
    """Populations: synthetic tables, columnar decisions, reform costs."""
    families: list[Family] = list(generate(10, seed=1))
    tables: Tables = to_tables(families)
    pkh = get("PKH")
    results: pl.DataFrame = evaluate(tables, pkh, on=dt.date(2020, 7, 21))
    everything: pl.DataFrame = evaluate_all(tables, on=dt.date(2020, 7, 21))
    comparison: ReformComparison = compare_reform(
        tables, pkh, reform, on=dt.date(2021, 7, 1)
    )
    cost: int = comparison.cost_delta
    print(results, everything, comparison.by_province, cost)
