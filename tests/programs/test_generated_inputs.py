"""Every program decides generated input without crashing."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.programs import get
from dayasos.rules import Verdict
from dayasos.testing import families
from dayasos.testing._programs import (
    apd_recipients,
    kube_proposals,
    restorasi_activities,
)


DATES = st.dates(dt.date(2020, 4, 13), dt.date(2021, 12, 31))


def check(decision):
    """A decision has a verdict and never a negative amount."""
    assert isinstance(decision.verdict, Verdict)
    assert decision.total >= Rupiah(0)
    assert all(amount >= Rupiah(0) for _, amount in decision.totals)
    if decision.verdict is not Verdict.ELIGIBLE:
        assert Rupiah(0) == decision.total


class TestGeneratedInputs:
    """Decisions hold their invariants for any well-formed input."""

    @settings(max_examples=40)
    @given(recipient=apd_recipients(), on=DATES)
    def test_apd_decides_any_recipient(self, recipient, on):
        """An APD candidate gets a verdict, with no negative amounts."""
        check(get("APD").decide(recipient, on=on))

    @settings(max_examples=25)
    @given(proposal=kube_proposals(max_size=8), on=DATES)
    def test_kube_decides_any_proposal(self, proposal, on):
        """A KUBE proposal of any size gets a verdict."""
        check(get("KUBE").decide(proposal, on=on))

    @settings(max_examples=40)
    @given(activity=restorasi_activities(), on=DATES)
    def test_restorasi_decides_any_activity(self, activity, on):
        """A Restorasi Sosial activity gets a verdict."""
        check(get("RESTORASI").decide(activity, on=on))

    @settings(max_examples=40)
    @given(family=families(), on=DATES)
    def test_family_programs_decide_any_family(self, family, on):
        """
        PKH, Sembako, BST and Kemensos Hadir decide any family.

        A program asked about a date it does not run on says so with
        ``parameter.not_in_force``; it never answers with a wrong zero.
        """
        for code in ("PKH", "SEMBAKO", "BST", "KEMENSOS_HADIR"):
            try:
                decision = get(code).decide(family, on=on)
            except ParameterError as err:
                assert "parameter.not_in_force" == err.error_code  # noqa: PT017 - one of four calls may raise
            else:
                check(decision)
