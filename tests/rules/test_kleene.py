"""Three-valued (Kleene) logic: unknown inputs never make a false no."""

import datetime as dt
import itertools

import pytest

from dayasos.model import LegalReference, Person
from dayasos.policy import ParameterSet
from dayasos.rules import Criterion, Outcome, Program, Verdict, either, root


person = root(Person)
a = person.covid_affected
b = person.deceased
ON = dt.date(2020, 7, 21)
VALUES = (True, False, None)


def _decide(test, covid, deceased):
    """Decide a person whose two truth values are given."""
    program = Program(
        code="K",
        entity=Person,
        reference=LegalReference(
            instrument="Permensos", number="1", year=2018
        ),
        criteria=[Criterion("k", test)],
    )
    subject = Person(id="p", covid_affected=covid, deceased=deceased)
    return program.decide(subject, on=ON, params=ParameterSet())


def _kleene_and(x, y):
    """Return Kleene's strong conjunction."""
    if x is False or y is False:
        return False
    if x is None or y is None:
        return None
    return True


def _kleene_or(x, y):
    """Return Kleene's strong disjunction."""
    if x is True or y is True:
        return True
    if x is None or y is None:
        return None
    return False


_OUTCOME = {True: Outcome.PASS, False: Outcome.FAIL, None: Outcome.UNKNOWN}
PAIRS = list(itertools.product(VALUES, VALUES))


class TestTruthTables:
    """and, or and not follow Kleene's strong three-valued logic."""

    @pytest.mark.parametrize(("x", "y"), PAIRS)
    def test_and_is_false_when_either_side_is_false(self, x, y):
        """A & b: false wins, then unknown, then true."""
        decision = _decide(a & b, x, y)

        assert _OUTCOME[_kleene_and(x, y)] == decision.criteria[0].outcome

    @pytest.mark.parametrize(("x", "y"), PAIRS)
    def test_or_is_true_when_either_side_is_true(self, x, y):
        """A | b: true wins, then unknown, then false."""
        decision = _decide(either(a, b), x, y)

        assert _OUTCOME[_kleene_or(x, y)] == decision.criteria[0].outcome

    @pytest.mark.parametrize("x", VALUES)
    def test_not_keeps_unknown_unknown(self, x):
        """~a flips true and false, and leaves unknown alone."""
        expected = None if x is None else not x

        assert (
            _OUTCOME[expected]
            == _decide(~a, covid=x, deceased=False).criteria[0].outcome
        )


class TestMissingInputs:
    """Only the inputs that could change the outcome are reported."""

    def test_an_unknown_beside_a_false_is_not_needed(self):
        """Unknown & false is false: nothing is missing."""
        decision = _decide(a & b, covid=None, deceased=False)

        assert Verdict.INELIGIBLE == decision.verdict
        assert () == decision.missing

    def test_an_unknown_beside_a_true_is_needed(self):
        """Unknown & true is unknown: the unknown input is missing."""
        decision = _decide(a & b, covid=None, deceased=True)

        assert Verdict.UNDETERMINED == decision.verdict
        assert ("covid_affected",) == decision.missing

    def test_both_unknowns_are_needed(self):
        """Unknown | unknown needs both inputs."""
        decision = _decide(either(a, b), None, None)

        assert ("covid_affected", "deceased") == decision.missing

    def test_is_known_is_never_unknown(self):
        """is_known is false for a missing value, and needs nothing."""
        decision = _decide(a.is_known(), None, None)

        assert Outcome.FAIL == decision.criteria[0].outcome
        assert () == decision.missing
