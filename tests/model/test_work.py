import pytest

from dayasos.model import EmploymentStatus, Occupation, StateEmployment


class TestStateEmployment:
    """Employment by the state is an exclusion fact."""

    @pytest.mark.parametrize(
        "kind", [s for s in StateEmployment if s is not StateEmployment.NONE]
    )
    def test_asn_tni_polri_and_bumn_staff_are_state_employees(self, kind):
        """Every kind but NONE is state employment."""
        assert kind.is_state_employee

    def test_none_is_not_state_employment(self):
        """Known not to work for the state."""
        assert not StateEmployment.NONE.is_state_employee


class TestWork:
    """The COVID-affected groups of the 2020 packages are occupations."""

    def test_the_seed_groups_are_occupations(self):
        """Guru honorer, pemulung, pedagang and buruh harian exist."""
        names = {o.name for o in Occupation}

        assert {
            "HONORARY_TEACHER",
            "WASTE_PICKER",
            "TRADER",
            "DAILY_WORKER",
        } <= names

    def test_a_laid_off_person_is_not_working(self):
        """Korban PHK is a status without work."""
        assert [False, False, False] == [
            s.is_working
            for s in (
                EmploymentStatus.LAID_OFF,
                EmploymentStatus.UNEMPLOYED,
                EmploymentStatus.NOT_IN_LABOUR_FORCE,
            )
        ]

    def test_a_casual_worker_is_working(self):
        """Pekerja bebas works."""
        assert EmploymentStatus.CASUAL.is_working
