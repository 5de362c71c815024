"""Tests for dayasos.programs._overlap: double-dipping across programmes."""

import datetime as dt

from program_builders import (
    ON,
    active,
    family,
    one_family,
    person,
    six_members,
)

from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import decide_all, exclusivity_pairs


class TestDecideAll:
    """Every programme of the entity's type, side by side."""

    def test_family_is_decided_by_every_family_programme_running(self):
        """In July 2020 PKH, Sembako, BST and Kemensos Hadir decide."""
        report = decide_all(six_members(), on=ON)
        codes = [d.program for d in report.decisions]

        assert {"PKH", "SEMBAKO", "BST", "KEMENSOS_HADIR"} <= set(codes)

    def test_programmes_not_running_are_listed_apart(self):
        """In 2019 neither BST nor Kemensos Hadir existed."""
        report = decide_all(six_members(), on=dt.date(2019, 7, 1))

        assert {"BST", "KEMENSOS_HADIR"} <= set(report.not_running)

    def test_pkh_member_is_refused_by_bst_so_no_overlap(self):
        """BST's own rule keeps a PKH member out: nothing to flag."""
        entity = one_family(memberships=[active("PKH", dt.date(2019, 1, 7))])
        report = decide_all(entity, on=ON)

        assert not report.decision("BST").eligible
        assert () == report.overlaps

    def test_bst_member_eligible_for_sembako_is_double_dipping(self):
        """Active in BST while Sembako's rules would pay: both named."""
        entity = one_family(memberships=[active("BST", dt.date(2020, 4, 1))])
        report = decide_all(entity, on=ON)
        found = [
            (o.first, o.first_by, o.second, o.second_by)
            for o in (report.overlaps)
        ]

        assert [("BST", "member", "SEMBAKO", "eligible")] == found

    def test_members_of_both_bst_and_pkh_are_flagged(self):
        """Active in BST and PKH in the same month: both are named."""
        entity = one_family(
            memberships=[
                active("PKH", dt.date(2019, 1, 7)),
                active("BST", dt.date(2020, 4, 1)),
            ]
        )
        report = decide_all(entity, on=ON)
        found = [(o.first, o.second, o.month) for o in report.overlaps]

        assert ("BST", "PKH", "2020-07") in found
        assert report.double_dipping

    def test_no_overlap_for_a_family_in_one_programme(self):
        """A BST family outside PKH and Sembako does not double-dip."""
        entity = one_family(
            decile=7, memberships=[active("BST", dt.date(2020, 4, 1))]
        )

        assert () == decide_all(entity, on=ON).overlaps

    def test_reform_reaches_only_the_programme_it_names(self):
        """A PKH reform changes PKH's amounts, and BST still decides."""
        reform = Reform(
            "lansia",
            {
                "pkh.amount.lansia": [
                    Override(
                        since=dt.date(2020, 1, 1),
                        value=Rupiah(3_000_000),
                        reference=Reference(instrument="Simulasi", title="3"),
                    )
                ]
            },
        )
        entity = family("f", person("g1", dt.date(1950, 1, 1)), decile=2)
        report = decide_all(entity, on=ON, reform=reform)

        assert Rupiah(3_000_000) == report.decision("PKH").total
        assert Rupiah(3_600_000) == report.decision("BST").total

    def test_pairs_carry_a_legal_basis(self):
        """Each exclusive pair cites where it comes from."""
        assert all(p.reference and p.note for p in exclusivity_pairs())
