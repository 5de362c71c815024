"""
A data-quality audit of two beneficiary lists, as an auditor asks for it.

Run with ``python examples/data_quality_audit.py [--lang id|en]``.

A seeded synthetic registry of 500 fictitious families, one in ten with
a realistic data error (a NIK with a digit missing, a birth date that
disagrees with the NIK, one person in two families ...), is audited as
the PKH list of 2021, together with a BST list of March 2021 of 60 of
its families. The script prints the report (totals and rates per check,
invalid numbers by reason, counts per province, every finding with
masked numbers), then how many of the injected errors were found.
"""

from __future__ import annotations

import argparse
import datetime as dt

import polars as pl

from dayasos.quality import BeneficiaryList, audit
from dayasos.synthetic import generate_tables


#: Injected errors of `dayasos.synthetic` that an audit looks for.
AUDITED_KINDS = {
    "nik_length": "quality.nik_invalid",
    "nik_birth_date": "quality.nik_birth_date",
    "duplicate_nik": "quality.nik_duplicate",
}


def main() -> None:
    """Audit the two lists and print the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("id", "en"), default="en")
    args = parser.parse_args()
    registry = next(generate_tables(500, seed=2021, error_rate=0.1))
    bst_ids = registry.families.get_column("family_id").head(60).to_list()
    bst_members = registry.members.filter(pl.col("family_id").is_in(bst_ids))
    lists = [
        BeneficiaryList("pkh-2021", "PKH", "2021", registry),
        BeneficiaryList("bst-2021-03", "BST", "2021-03", bst_members),
    ]
    report = audit(lists, on=dt.date(2021, 12, 31))
    print(report.to_text(args.lang))
    injected = registry.errors.filter(
        pl.col("kind").is_in(list(AUDITED_KINDS))
    ).with_columns(pl.col("kind").replace_strict(AUDITED_KINDS).alias("check"))
    found = injected.join(
        report.findings.select("family_id", "person_id", "check"),
        on=["family_id", "person_id", "check"],
        how="semi",
    )
    print(f"injected errors found: {found.height} of {injected.height}")


if __name__ == "__main__":
    main()
