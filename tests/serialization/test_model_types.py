"""The model's own types on the wire: periods, recipients, invariants."""

from datetime import date

import pytest

from dayasos.errors import RecordError
from dayasos.ids import KK
from dayasos.model import (
    Community,
    Disbursement,
    Family,
    FamilyRef,
    InstitutionRef,
    KatCategory,
    Membership,
    Recipient,
)
from dayasos.periods import Month, Period, Quarter, Tahap
from dayasos.serialization import structure, unstructure


KK_NUMBER = "3171012001150003"


def problems(data, cls):
    """The record error structuring `data` gives."""
    with pytest.raises(RecordError) as info:
        structure(data, cls)
    return info.value


class TestPeriods:
    """Calendar periods by code, tahap as objects."""

    @pytest.mark.parametrize(
        "code", ["2020", "2020-S1", "2020-Q3", "2020-07", "2020-07-21"]
    )
    def test_a_calendar_period_is_its_code(self, code):
        """Each canonical code reads and writes back unchanged."""
        period = structure(code, Period)

        assert code == unstructure(period)

    def test_a_tahap_is_an_object_with_its_dates(self):
        """The program-defined dates travel with the tahap."""
        tahap = Tahap(2020, 2, date(2020, 4, 1), date(2020, 5, 1), "PKH")

        data = unstructure(tahap)

        assert {
            "year": 2020,
            "number": 2,
            "start": "2020-04-01",
            "stop": "2020-05-01",
            "program": "PKH",
        } == data
        assert tahap == structure(data, Period)

    def test_a_code_that_is_not_canonical_is_refused(self):
        """Lower case and spaces would not be written back the same."""
        error = problems(" 2020-q3", Period)

        assert "serialization.period_code" == error.problems[0].code
        assert "'2020-Q3'" in str(error)

    def test_a_tahap_code_without_its_dates_is_refused(self):
        """2020-T2 names no dates; the periods error is kept."""
        error = problems("2020-T2", Period)

        assert "period.tahap_schedule" == error.problems[0].code

    def test_a_field_of_one_period_kind_refuses_another(self):
        """A quarter is not a month."""
        error = problems("2020-Q3", Month)

        assert "serialization.period_kind" == error.problems[0].code
        assert Quarter(2020, 3) == structure("2020-Q3", Quarter)

    def test_a_number_is_not_a_period(self):
        """The year 2020 is written "2020"."""
        error = problems(2020, Period)

        assert "serialization.wrong_type" == error.problems[0].code

    def test_a_bad_tahap_is_reported_inside_a_disbursement(self):
        """The tahap's own checks keep their codes and get their path."""
        data = {
            "recipient": {"type": "FamilyRef", "kk": KK_NUMBER},
            "aid": {"kind": "cash", "amount": 600_000},
            "program": "BST",
            "status": "planned",
            "period": {
                "year": 2020,
                "number": 2,
                "start": "2020-05-01",
                "stop": "2020-04-01",
            },
        }

        error = problems(data, Disbursement)

        assert ["period.stop"] == [p.path for p in error.problems]
        assert "period.bounds" == error.problems[0].code


class TestRecipients:
    """A union of classes is tagged with the class name."""

    def test_a_reference_on_its_own_has_no_tag(self):
        """Only a field that may hold several classes needs the tag."""
        data = unstructure(FamilyRef(kk=KK(KK_NUMBER)))

        assert {"kk": KK_NUMBER} == data

    def test_a_recipient_field_round_trips_with_its_tag(self):
        """InstitutionRef and CommunityRef look alike: the tag decides."""
        data = {"type": "InstitutionRef", "id": "lks-7"}

        ref = structure(data, Recipient)

        assert InstitutionRef(id="lks-7") == ref

    def test_a_disbursement_writes_the_tag(self):
        """Inside a record the union field carries its tag."""
        data = {
            "recipient": {"type": "InstitutionRef", "id": "lks-7"},
            "aid": {"kind": "cash", "amount": 600_000},
            "program": "BST",
            "status": "planned",
        }

        written = unstructure(structure(data, Disbursement))

        assert {"type": "InstitutionRef", "id": "lks-7"} == (
            written["recipient"]
        )

    def test_an_unknown_tag_lists_the_known_ones(self):
        """The tag is checked like an enum code."""
        error = problems({"type": "Family", "kk": KK_NUMBER}, Recipient)

        assert ["type"] == [p.path for p in error.problems]
        assert "'FamilyRef'" in str(error)

    def test_a_missing_tag_is_reported(self):
        """Without a tag the classes cannot be told apart."""
        error = problems({"id": "lks-7"}, Recipient)

        assert [
            (
                "type: required field missing; expected one of "
                "'FamilyRef', 'PersonRef', 'InstitutionRef', "
                "'CommunityRef', 'GroupRef'"
            )
        ] == error.lines()

    def test_problems_inside_a_tagged_object_have_their_paths(self):
        """Once the class is known, its fields are checked as usual."""
        data = {
            "recipient": {"type": "FamilyRef", "kk": "1234", "id": "x"},
            "aid": {"kind": "cash", "amount": 600_000},
            "program": "BST",
            "status": "planned",
        }

        error = problems(data, Disbursement)

        assert ["recipient.kk", "recipient.id"] == [
            p.path for p in error.problems
        ]


class TestModelInvariants:
    """A class's own checks are reported at the path of the record."""

    def test_a_family_without_a_head_is_one_problem_at_members(self):
        """family.head keeps its code."""
        data = {
            "id": "f1",
            "members": [{"person": {"id": "p1"}, "relation": "child"}],
        }

        error = problems(data, Family)

        assert ["members"] == [p.path for p in error.problems]
        assert "family.head" == error.problems[0].code

    def test_a_bad_transition_deep_in_a_family_is_located(self):
        """The membership's history error sits under its membership."""
        data = {
            "id": "f1",
            "members": [{"person": {"id": "p1"}, "relation": "head"}],
            "memberships": [
                {
                    "program": "PKH",
                    "history": [
                        {"state": "active", "on": "2018-02-01"},
                        {"state": "proposed", "on": "2019-02-01"},
                    ],
                }
            ],
        }

        error = problems(data, Family)

        assert error.problems[0].path.startswith("memberships[0].history")
        assert error.problems[0].code.startswith("membership.")

    def test_integer_enum_codes_are_integers(self):
        """KAT categories are 1, 2, 3; "2" is text."""
        community = structure({"id": "kat-1", "category": 2}, Community)
        error = problems({"id": "kat-1", "category": "2"}, Community)

        assert KatCategory(2) == community.category
        assert ["category"] == [p.path for p in error.problems]

    def test_membership_history_is_read_in_order(self):
        """A tuple keeps its order; dates are dates."""
        membership = structure(
            {
                "program": "PKH",
                "history": [
                    {"state": "verified", "on": "2018-01-15"},
                    {"state": "active", "on": "2018-02-01"},
                ],
            },
            Membership,
        )

        assert [date(2018, 1, 15), date(2018, 2, 1)] == [
            t.on for t in membership.history
        ]
