"""Receipts and explanation data of decisions."""

import json
import os
import pathlib
import subprocess
import sys

from dayasos.ids import KK
from dayasos.rules import EXPLAIN_CODES


HERE = pathlib.Path(__file__).parent


def _decide(program, params, pkh, **changes):
    """Decide the six-member family, with changes."""
    return program.decide(
        pkh.six_member_family(**changes), on=pkh.ON, params=params
    )


class TestReceipt:
    """A canonical JSON receipt, byte-identical across processes."""

    def test_the_receipt_names_rules_parameters_inputs_and_amounts(
        self, program, params, pkh
    ):
        """Schema, version, hashes, parameters, reasons and amounts."""
        decision = _decide(program, params, pkh)

        receipt = json.loads(decision.receipt())

        assert "dayasos.rules.receipt/1" == receipt["schema"]
        assert program.rule_hash() == receipt["rule_hash"]
        assert decision.input_hash() == receipt["input_hash"]
        assert "eligible" == receipt["verdict"]
        assert 9_900_000 == receipt["amounts"]["total"]
        lansia = next(
            p
            for p in receipt["parameters"]
            if p["name"] == "pkh.amount.lansia"
        )
        assert {"rupiah": 2_400_000} == lansia["value"]
        assert "02/SK/LJS/01/2019" == lansia["reference"]["number"]
        assert {"code": "pkh.decile", "outcome": "pass"} in receipt["reasons"]

    def test_the_receipt_is_canonical_json(self, program, params, pkh):
        """Sorted keys, no spaces: dumping it again gives the same text."""
        text = _decide(program, params, pkh).receipt()

        assert text == json.dumps(
            json.loads(text),
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        )

    def test_the_receipt_is_byte_identical_in_another_process(self, pkh):
        """A fresh interpreter with another hash seed writes the same bytes."""
        code = (
            "import runpy, sys; "
            f"ns = runpy.run_path({str(HERE / 'pkh_like.py')!r}); "
            "sys.stdout.write(ns['demo_receipt']())"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "4321"},
        )

        assert pkh.demo_receipt() == out.stdout

    def test_the_kk_number_is_left_out_of_the_input_hash(
        self, program, params, pkh
    ):
        """Another KK, same other inputs: same input hash."""
        first = _decide(program, params, pkh)
        second = _decide(program, params, pkh, kk=KK("3171010101200002"))

        assert first.input_hash() == second.input_hash()
        assert "3171010101200001" not in first.receipt()

    def test_another_input_changes_the_input_hash(self, program, params, pkh):
        """Decile 3 instead of 2: another input hash."""
        first = _decide(program, params, pkh)
        second = _decide(program, params, pkh, decile=3)

        assert first.input_hash() != second.input_hash()


class TestExplainItems:
    """Codes and values in reading order, for the l10n layer."""

    def test_the_explanation_reads_verdict_criteria_awards_totals(
        self, program, params, pkh
    ):
        """Verdict first, then six criteria, awards, tahap totals, year."""
        decision = _decide(program, params, pkh)

        codes = [item.code for item in decision.explain_items()]

        assert "rules.verdict.eligible" == codes[0]
        assert ["rules.criterion.pass"] * 6 == codes[1:7]
        assert 4 == codes.count("rules.award")
        assert 4 == codes.count("rules.total.period")
        assert "rules.total.year" == codes[-1]

    def test_every_code_is_in_the_catalog_list(self, program, params, pkh):
        """Each emitted code is one of EXPLAIN_CODES."""
        undetermined = _decide(program, params, pkh, decile=None)
        eligible = _decide(program, params, pkh)

        codes = {
            item.code
            for d in (undetermined, eligible)
            for item in d.explain_items()
        }

        assert codes <= set(EXPLAIN_CODES)

    def test_missing_inputs_are_explained(self, program, params, pkh):
        """An unknown decile gives a rules.missing line with its path."""
        decision = _decide(program, params, pkh, decile=None)

        missing = [
            dict(i.values)
            for i in decision.explain_items()
            if i.code == "rules.missing"
        ]

        assert [{"path": "decile"}] == missing

    def test_the_kk_is_masked_in_the_explanation(self, program, params, pkh):
        """The criterion reading the KK shows no digits."""
        decision = _decide(program, params, pkh)

        texts = [str(dict(i.values)) for i in decision.explain_items()]

        assert not any("3171010101200001" in t for t in texts)
