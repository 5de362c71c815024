"""
The programme catalogue: every programme with its legal basis and rules.

>>> from dayasos.programs import catalogue, get
>>> "PKH" in [entry.code for entry in catalogue()]
True
>>> str(get("PKH").legal_basis[0])
'Permensos 1/2018'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import importlib
from typing import TYPE_CHECKING, cast

import attrs

from dayasos.errors import ConfigurationError


if TYPE_CHECKING:
    import datetime as dt

    from dayasos.model import AidKind, LegalReference
    from dayasos.periods import TahapSchedule
    from dayasos.policy import ParameterSet, Reform
    from dayasos.rules import Decision, Program


__all__ = [
    "BeneficiaryKind",
    "CatalogueEntry",
    "catalogue",
    "get",
]

#: Catalogue codes and the subpackage of each, in catalogue order.
PACKAGES = (
    ("PKH", "pkh"),
    ("SEMBAKO", "sembako"),
    ("BST", "bst"),
    ("KEMENSOS_HADIR", "kemensos_hadir"),
    ("APD", "apd"),
    ("BSIMU", "bsimu"),
    ("PROKUS", "prokus"),
    ("KUBE", "kube"),
    ("PKAT", "pkat"),
    ("PILAR", "pilar"),
    ("RESTORASI", "restorasi"),
)


class BeneficiaryKind(enum.Enum):
    """
    Who a programme's aid goes to.

    .. versionadded:: 0.1.0
    """

    PERSON = "person"
    FAMILY = "family"
    INSTITUTION = "institution"
    COMMUNITY = "community"
    GROUP = "group"


@attrs.frozen(kw_only=True)
class CatalogueEntry:
    """
    One programme in the catalogue.

    Args:
        code: The catalogue code, e.g. ``"PKH"``; memberships use it.
        name_id: The programme's name in Indonesian.
        name_en: The programme's name in English.
        directorate: The responsible unit.
        legal_basis: The instruments the programme rests on.
        beneficiary: Who receives the aid.
        aid_kind: What kind of aid, when there is one.
        schedule: How payments are scheduled, in English words.
        program: The rules.
        parameters: The shipped parameters.
        tahap: The dated payment stages, when the programme pays in tahap.

    .. versionadded:: 0.1.0
    """

    code: str
    name_id: str
    name_en: str
    directorate: str
    legal_basis: tuple[LegalReference, ...]
    beneficiary: BeneficiaryKind
    aid_kind: AidKind | None
    schedule: str
    program: Program
    parameters: ParameterSet
    tahap: TahapSchedule | None = None

    @property
    def entity(self) -> type:
        """The model class the programme decides."""
        return self.program.entity

    def decide(
        self, entity: object, *, on: dt.date, reform: Reform | None = None
    ) -> Decision:
        """
        Decide one entity on a date, with the shipped parameters.

        Args:
            entity: What the programme decides (see `entity`).
            on: The date of the decision.
            reform: Overrides applied on top of the shipped parameters.

        .. versionadded:: 0.1.0
        """
        params = (
            self.parameters
            if reform is None
            else self.parameters.with_reform(reform)
        )
        return self.program.decide(
            entity, on=on, params=params, schedule=self.tahap
        )


def catalogue() -> tuple[CatalogueEntry, ...]:
    """
    Every programme available, in a stable order.

    Programmes whose subpackage is not installed are left out.
    Nothing is remembered between calls (imported subpackages are found
    in `sys.modules`), so a programme installed later is listed then.

    .. versionadded:: 0.1.0
    """
    found = []
    for _, package in PACKAGES:
        name = f"dayasos.programs.{package}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        entry = getattr(module, "ENTRY", None)
        if entry is not None:
            # Not isinstance: a test runner may load this module twice.
            found.append(cast("CatalogueEntry", entry))
    return tuple(found)


def get(code: str) -> CatalogueEntry:
    """
    The catalogue entry of a programme, by its code.

    >>> get("BST").aid_kind.value
    'cash'

    Raises:
        ConfigurationError: ``programs.unknown`` for a code not in the
            catalogue; the message lists the codes.

    .. versionadded:: 0.1.0
    """
    entries = catalogue()
    for entry in entries:
        if entry.code == code:
            return entry
    raise ConfigurationError(
        "no programme {value!r} in the catalogue; known: {known}",
        code="programs.unknown",
        path="code",
        value=code,
        known=", ".join(e.code for e in entries),
    )
