"""The content hash of the values in force."""

import os
import subprocess
import sys
from datetime import date

import pytest

from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform, parse_parameters
from dayasos.policy._fingerprint import canonical_json


ON = date(2020, 8, 15)

SCRIPT = """
import sys
from datetime import date
from dayasos.policy import load_parameters
params = load_parameters(sys.argv[1])
print(params.at(date(2020, 8, 15)).fingerprint())
"""


def rate(value, *, note="", until=""):
    """A one-parameter percent set with the given value text."""
    return parse_parameters(
        'description = { id = "Kenaikan", en = "Raise" }\n'
        'unit = "percent"\n'
        "[[values]]\n"
        "since = 2020-04-01\n"
        f"{until}"
        f"value = {value}\n"
        f"{note}"
        'reference = { instrument = "Kepdirjen", number = "1", '
        "year = 2020 }\n",
        name="pkh.raise",
    )


def override(name, value, reference):
    """A reform changing one parameter from 1 August 2020."""
    return Reform(
        "change",
        {
            name: [
                Override(
                    since=date(2020, 8, 1), value=value, reference=reference
                )
            ]
        },
    )


class TestFingerprint:
    """Same values give the same hash; any change gives another."""

    @pytest.mark.parametrize("seed", ["0", "12345"])
    def test_the_hash_is_the_same_in_another_process(
        self, params, data_dir, seed
    ):
        """A fresh interpreter with another hash seed agrees."""
        env = {**os.environ, "PYTHONHASHSEED": seed}

        result = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", SCRIPT, str(data_dir / "params")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )

        assert params.at(ON).fingerprint() == result.stdout.strip()

    def test_the_hash_is_a_sha256_hex_digest(self, params):
        """64 lowercase hex digits."""
        digest = params.at(ON).fingerprint()

        assert 64 == len(digest)
        assert set(digest) <= set("0123456789abcdef")

    def test_a_one_rupiah_change_changes_the_hash(self, params):
        """Any value change is visible."""
        reference = params.at(ON).reference("bst.amount")
        changed = params.with_reform(
            override("bst.amount", Rupiah(500_001), reference)
        )

        assert params.at(ON).fingerprint() != changed.at(ON).fingerprint()

    def test_a_reference_change_changes_the_hash(self, params):
        """Same amount under another instrument is another receipt."""
        changed = params.with_reform(
            override(
                "bst.amount",
                Rupiah(500_000),
                Reference(instrument="Simulasi", title="same amount"),
            )
        )

        assert params.at(ON).fingerprint() != changed.at(ON).fingerprint()

    def test_dates_with_the_same_values_share_the_hash(self, params):
        """The hash is about content, not about the date asked."""
        assert (
            params.at(date(2020, 8, 1)).fingerprint()
            == params.at(date(2020, 8, 31)).fingerprint()
        )

    def test_a_later_value_does_not_change_an_earlier_hash(self):
        """Adding next year's value (an end date) keeps receipts valid."""
        assert (
            rate('"25"').at(ON).fingerprint()
            == rate('"25"', until="until = 2021-01-01\n").at(ON).fingerprint()
        )

    def test_notes_and_spelling_of_decimals_do_not_count(self):
        """25, "25" and "25.0" percent with another note agree."""
        digests = {
            rate(value, note=note).at(ON).fingerprint()
            for value, note in [
                ("25", ""),
                ('"25.0"', 'note = "katadata"\n'),
                ('"25"', 'confidence = "low"\n'),
            ]
        }

        assert 1 == len(digests)

    def test_the_canonical_document_is_pinned(self):
        """The exact bytes hashed, so receipts stay reproducible."""
        snapshot = rate('"12.50"').at(ON)

        assert (
            b'{"format":"dayasos.policy.snapshot/1","parameters":[{"name":'
            b'"pkh.raise","reference":{"article":null,"instrument":'
            b'"Kepdirjen","number":"1","title":null,"url":null,"year":2020},'
            b'"since":"2020-04-01","unit":"percent","value":"25/2"}]}'
        ) == canonical_json(
            (snapshot.parameter(name), snapshot.entry(name))
            for name in snapshot
        )
