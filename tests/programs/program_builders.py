"""Builders of fictitious families for the programme tests and scenarios."""

import datetime as dt
import pathlib

from dayasos.ids import KK, RegionCode, Sex
from dayasos.model import (
    Disability,
    DisabilityKind,
    EmploymentStatus,
    Family,
    FamilyMember,
    GraduationKind,
    Membership,
    Occupation,
    Person,
    PregnancyStatus,
    Relation,
    Schooling,
    SchoolLevel,
    Severity,
    StateEmployment,
)
from dayasos.scenarios import load_scenario, run_scenario


ON = dt.date(2020, 7, 21)


def person(pid, born, **fields):
    """A fully collected person; `fields` override."""
    values = {
        "id": pid,
        "birth_date": born,
        "sex": Sex.FEMALE,
        "pregnancy": PregnancyStatus.NONE,
        "schooling": Schooling(level=SchoolLevel.NONE, enrolled=False),
        "state_employment": StateEmployment.NONE,
        "disability": Disability.none(),
        "occupation": Occupation.HOMEMAKER,
        "employment": EmploymentStatus.NOT_IN_LABOUR_FORCE,
        "covid_affected": False,
    }
    values.update(fields)
    return Person(**values)


def pupil(pid, born, level):
    """A child enrolled at a school level."""
    return person(pid, born, schooling=Schooling(level=level, enrolled=True))


def severe(pid, born):
    """A person with a severe physical disability."""
    return person(
        pid,
        born,
        disability=Disability(
            kind=DisabilityKind.PHYSICAL, severity=Severity.SEVERE
        ),
    )


def family(fid, *people, **fields):
    """A family: the first person is the head, the others children."""
    members = [FamilyMember(person=people[0], relation=Relation.HEAD)]
    members += [
        FamilyMember(person=p, relation=Relation.CHILD) for p in people[1:]
    ]
    values = {
        "id": fid,
        "kk": KK("3171010101200001"),
        "region": RegionCode.parse("31.71.01.1001"),
        "members": members,
        "decile": 2,
        "memberships": (),
    }
    values.update(fields)
    return Family(**values)


def six_members(**fields):
    """A pregnant mother, four children, a grandmother (head: father)."""
    people = [
        (person("p1", dt.date(1985, 2, 1), sex=Sex.MALE), Relation.HEAD),
        (
            person(
                "p2",
                dt.date(1990, 5, 2),
                pregnancy=PregnancyStatus.PREGNANT,
            ),
            Relation.SPOUSE,
        ),
        (person("p3", dt.date(2017, 1, 3)), Relation.CHILD),
        (pupil("p4", dt.date(2011, 4, 4), SchoolLevel.SD), Relation.CHILD),
        (pupil("p5", dt.date(2007, 8, 5), SchoolLevel.SMP), Relation.CHILD),
        (person("p6", dt.date(1950, 6, 6)), Relation.PARENT),
    ]
    values = {
        "id": "pkh-6",
        "kk": KK("3171010101200001"),
        "region": RegionCode.parse("31.71.01.1001"),
        "members": [FamilyMember(person=p, relation=r) for p, r in people],
        "decile": 2,
        "memberships": (),
    }
    values.update(fields)
    return Family(**values)


def active(program, since, until=None):
    """A membership active from `since` (to `until`, exclusive)."""
    m = Membership.propose(program, since).verify(since).activate(since)
    if until is not None:
        m = m.suspend(until)
    return m


def graduated(program, since, on, kind=GraduationKind.MANDIRI):
    """A membership graduated on `on`."""
    return active(program, since).graduate(on, kind)


def worker(pid, occupation=Occupation.WASTE_PICKER, **fields):
    """An adult hit by COVID-19 in an affected occupation."""
    values = {
        "occupation": occupation,
        "employment": EmploymentStatus.CASUAL,
        "covid_affected": True,
    }
    values.update(fields)
    return person(pid, dt.date(1980, 1, 1), sex=Sex.MALE, **values)


SCENARIOS = pathlib.Path(__file__).parents[1] / "scenarios"


def scenario_results(folder):
    """Every case of a programme's scenario file, decided."""
    scenario = load_scenario(SCENARIOS / folder / f"{folder}.toml")
    return run_scenario(scenario)


def one_family(**fields):
    """A one-person family, head only, in decile 3."""
    values = {"decile": 3}
    values.update(fields)
    return family(
        "solo", person("h1", dt.date(1980, 1, 1), sex=Sex.MALE), **values
    )
