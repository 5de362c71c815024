"""
A person as collected on one date.

Every attribute except `id` may be `None`: not collected.
A rule reads `None` as unknown, never as "no".

>>> import datetime
>>> from dayasos.ids import Sex
>>> from dayasos.model import PPKS
>>> siti = Person(
...     id="p1",
...     name="Siti",
...     birth_date=datetime.date(1958, 3, 1),
...     sex=Sex.FEMALE,
...     ppks={PPKS.LANSIA_TERLANTAR},
... )
>>> siti.age_on(datetime.date(2020, 7, 21))
62
>>> siti.is_state_employee is None
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from dayasos.errors import ValidationError
from dayasos.ids import Sex
from dayasos.periods import age_on


if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from dayasos.ids import NIK
    from dayasos.model._disability import Disability
    from dayasos.model._ppks import PPKS
    from dayasos.model._schooling import Schooling
    from dayasos.model._work import (
        EmploymentStatus,
        Occupation,
        StateEmployment,
    )


__all__ = ["HeroStatus", "Person", "PregnancyStatus"]


class PregnancyStatus(enum.Enum):
    """
    Pregnancy as the PKH health component counts it.

    .. versionadded:: 0.1.0
    """

    #: Known to be neither pregnant nor in the postpartum period.
    NONE = "none"
    #: Hamil.
    PREGNANT = "pregnant"
    #: Nifas: the postpartum period.
    POSTPARTUM = "postpartum"


class HeroStatus(enum.Enum):
    """
    Ties to the nation's heroes and pioneers (Restorasi Sosial, K2KRS).

    .. versionadded:: 0.1.0
    """

    #: Known to have none.
    NONE = "none"
    #: Keluarga Pahlawan Nasional (UU 20/2009).
    KELUARGA_PAHLAWAN = "keluarga_pahlawan"
    #: Perintis Kemerdekaan (UU 5 Prps 1964).
    PERINTIS_KEMERDEKAAN = "perintis_kemerdekaan"
    #: Janda or duda of a Perintis Kemerdekaan.
    JANDA_DUDA_PERINTIS = "janda_duda_perintis"
    #: Warakawuri: widow of a member of the armed forces or a veteran.
    WARAKAWURI = "warakawuri"


def _categories(values: Iterable[PPKS] | None) -> frozenset[PPKS] | None:
    return None if values is None else frozenset(values)


@attrs.frozen(kw_only=True)
class Person:
    """
    A person, as far as collected.

    Args:
        id: The record's identifier in its data set (not the NIK).
        nik: The NIK; masked in ``repr``.
        name: Full name.
        birth_date: Date of birth.
        sex: Sex.
        disability: Disability; `Disability.none` when known absent.
        ppks: PPKS categories; empty when assessed and none applies.
        schooling: Schooling.
        occupation: Occupation.
        employment: Employment status.
        covid_affected: Whether the person's livelihood was hit by
            COVID-19.
        state_employment: Employment by the state (ASN, TNI, Polri, BUMN
            ...); `StateEmployment.NONE` when known absent.
        pregnancy: Pregnant or nifas.
        pregnancy_number: Which pregnancy this is (kehamilan ke-).
        hero_status: Hero or pioneer status.
        deceased: Whether the person has died.
        died_on: Date of death.

    Raises:
        ValidationError: ``person.pregnancy`` for a pregnant man,
            ``person.pregnancy_number`` for a number below 1 or without
            pregnancy, ``person.dates`` for a death before birth,
            ``person.deceased`` for a death date on a living person.

    .. versionadded:: 0.1.0
    """

    id: str
    nik: NIK | None = None
    name: str | None = None
    birth_date: dt.date | None = None
    sex: Sex | None = None
    disability: Disability | None = None
    ppks: frozenset[PPKS] | None = attrs.field(
        default=None, converter=_categories
    )
    schooling: Schooling | None = None
    occupation: Occupation | None = None
    employment: EmploymentStatus | None = None
    covid_affected: bool | None = None
    state_employment: StateEmployment | None = None
    pregnancy: PregnancyStatus | None = None
    pregnancy_number: int | None = None
    hero_status: HeroStatus | None = None
    deceased: bool | None = None
    died_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        expecting = self.pregnancy in _EXPECTING
        if expecting and self.sex is Sex.MALE:
            raise ValidationError(
                "pregnancy is recorded for women only, got sex {value}",
                code="person.pregnancy",
                path="pregnancy",
                value=Sex.MALE.value,
            )
        number = self.pregnancy_number
        if number is not None and (number < 1 or not expecting):
            raise ValidationError(
                "a pregnancy number counts from 1 and needs a pregnancy "
                "or nifas, got {value} with {pregnancy}",
                code="person.pregnancy_number",
                path="pregnancy_number",
                value=number,
                pregnancy=self.pregnancy,
            )
        if self.died_on is not None:
            if self.deceased is False:
                raise ValidationError(
                    "a person with a date of death is deceased; "
                    "leave deceased None or True",
                    code="person.deceased",
                    path="deceased",
                    value=self.deceased,
                )
            if self.birth_date is not None and self.died_on < self.birth_date:
                raise ValidationError(
                    "death ({value}) cannot precede birth ({birth})",
                    code="person.dates",
                    path="died_on",
                    value=self.died_on.isoformat(),
                    birth=self.birth_date.isoformat(),
                )

    def age_on(self, on: dt.date) -> int | None:
        """
        Age in whole years on a date; `None` when the birth date is unknown.

        Raises:
            ValidationError: ``age.before_birth`` for a date before birth.

        .. versionadded:: 0.1.0
        """
        if self.birth_date is None:
            return None
        return age_on(self.birth_date, on)

    def is_deceased_on(self, on: dt.date) -> bool | None:
        """
        Whether the person had died by a date; `None` when unknown.

        Without a date of death the `deceased` flag is taken as it was
        recorded.

        .. versionadded:: 0.1.0
        """
        if self.died_on is not None:
            return self.died_on <= on
        return self.deceased

    def has_ppks(self, category: PPKS) -> bool | None:
        """
        Whether a PPKS category applies; `None` when not assessed.

        .. versionadded:: 0.1.0
        """
        return None if self.ppks is None else category in self.ppks

    @property
    def is_state_employee(self) -> bool | None:
        """Whether employed by the state; `None` when not collected."""
        if self.state_employment is None:
            return None
        return self.state_employment.is_state_employee

    @property
    def has_disability(self) -> bool | None:
        """Whether the person has a disability; `None` when unknown."""
        return None if self.disability is None else self.disability.present

    @property
    def has_severe_disability(self) -> bool | None:
        """Whether the person has a severe disability (berat)."""
        return None if self.disability is None else self.disability.is_severe

    @property
    def is_expecting(self) -> bool | None:
        """Whether pregnant or nifas; `None` when not collected."""
        return None if self.pregnancy is None else self.pregnancy in _EXPECTING


_EXPECTING = frozenset({PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM})
