import datetime as dt

import attrs
import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.ids import NIK, Sex
from dayasos.model import (
    PPKS,
    Disability,
    DisabilityKind,
    Person,
    PregnancyStatus,
    Severity,
    StateEmployment,
)
from dayasos.testing._model import persons


NIK_SITI = NIK("3171014107800001")


class TestPersonInvariants:
    """Facts about one person that cannot hold together are refused."""

    @pytest.mark.parametrize(
        "status", [PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM]
    )
    def test_a_man_is_never_pregnant_or_nifas(self, status):
        """person.pregnancy for a pregnant man."""
        with pytest.raises(ValidationError) as info:
            Person(id="p1", sex=Sex.MALE, pregnancy=status)

        assert "person.pregnancy" == info.value.error_code

    @pytest.mark.parametrize(
        ("status", "number"),
        [
            (PregnancyStatus.PREGNANT, 0),
            (PregnancyStatus.NONE, 1),
            (None, 2),
        ],
    )
    def test_a_pregnancy_number_needs_a_pregnancy(self, status, number):
        """person.pregnancy_number below 1 or without pregnancy."""
        with pytest.raises(ValidationError) as info:
            Person(id="p1", pregnancy=status, pregnancy_number=number)

        assert "person.pregnancy_number" == info.value.error_code

    def test_nobody_dies_before_birth(self):
        """person.dates for a death before birth."""
        with pytest.raises(ValidationError) as info:
            Person(
                id="p1",
                birth_date=dt.date(1950, 1, 1),
                died_on=dt.date(1949, 12, 31),
            )

        assert "person.dates" == info.value.error_code

    def test_a_date_of_death_contradicts_alive(self):
        """person.deceased for a death date with deceased False."""
        with pytest.raises(ValidationError) as info:
            Person(id="p1", deceased=False, died_on=dt.date(2020, 1, 1))

        assert "person.deceased" == info.value.error_code

    def test_evolve_checks_the_invariants_again(self):
        """Changing a person with attrs.evolve cannot break them."""
        person = Person(id="p1", pregnancy=PregnancyStatus.PREGNANT)

        with pytest.raises(ValidationError):
            attrs.evolve(person, sex=Sex.MALE)

    @given(persons())
    def test_generated_persons_are_valid(self, person):
        """The strategy builds persons that survive re-validation."""
        assert person == attrs.evolve(person)


class TestUnknownIsNotZero:
    """Every attribute not collected is None and reads as unknown."""

    def test_a_bare_person_knows_nothing(self):
        """Only the id is required; every fact is None."""
        person = Person(id="p1")
        facts = attrs.asdict(person, recurse=False)
        del facts["id"]

        assert {None} == set(facts.values())

    def test_unknown_facts_give_unknown_answers(self):
        """Queries answer None, never False, on missing data."""
        person = Person(id="p1")

        assert [None] * 6 == [
            person.age_on(dt.date(2020, 7, 21)),
            person.is_state_employee,
            person.has_disability,
            person.has_severe_disability,
            person.is_expecting,
            person.has_ppks(PPKS.FAKIR_MISKIN),
        ]

    def test_an_assessed_person_without_ppks_has_none(self):
        """An empty set means assessed, no category applies."""
        person = Person(id="p1", ppks=set())

        assert person.has_ppks(PPKS.FAKIR_MISKIN) is False


class TestPersonQueries:
    """Read-only questions rules ask about a person."""

    def test_age_is_counted_in_whole_years_on_a_date(self):
        """A lansia born in 1960 is 60 on 21 July 2020."""
        person = Person(id="p1", birth_date=dt.date(1960, 7, 21))

        assert 60 == person.age_on(dt.date(2020, 7, 21))

    def test_a_state_employee_is_known(self):
        """TNI is state employment; NONE is not."""
        assert (True, False) == (
            Person(
                id="a", state_employment=StateEmployment.TNI
            ).is_state_employee,
            Person(
                id="b", state_employment=StateEmployment.NONE
            ).is_state_employee,
        )

    def test_a_severe_disability_is_known(self):
        """Disabilitas berat is severe."""
        person = Person(
            id="p1",
            disability=Disability(
                kind=DisabilityKind.PHYSICAL, severity=Severity.SEVERE
            ),
        )

        assert (True, True) == (
            person.has_disability,
            person.has_severe_disability,
        )

    def test_nifas_counts_as_expecting(self):
        """The PKH health component covers pregnancy and nifas."""
        person = Person(id="p1", pregnancy=PregnancyStatus.POSTPARTUM)

        assert person.is_expecting

    def test_death_is_dated_when_the_date_is_known(self):
        """Alive the day before death, deceased from that day."""
        person = Person(id="p1", died_on=dt.date(2020, 5, 1))

        assert (False, True) == (
            person.is_deceased_on(dt.date(2020, 4, 30)),
            person.is_deceased_on(dt.date(2020, 5, 1)),
        )

    def test_without_a_date_the_flag_is_taken_as_recorded(self):
        """deceased=True without a date reads True on any date."""
        person = Person(id="p1", deceased=True)

        assert person.is_deceased_on(dt.date(2000, 1, 1))


class TestMasking:
    """A person's NIK never shows in full."""

    def test_repr_shows_a_masked_nik(self):
        """Only region and serial digits remain."""
        text = repr(Person(id="p1", nik=NIK_SITI))

        assert "3171014107800001" not in text
        assert "3171********0001" in text

    @given(persons())
    def test_repr_never_contains_the_full_nik(self, person):
        """Whatever the person, the 16 digits stay hidden."""
        assert person.nik is None or person.nik.reveal() not in repr(person)
