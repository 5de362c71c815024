"""
The rules of Pemberdayaan Pilar-Pilar Sosial: who is supported.

Dit. PSPKKM builds the capacity of the social pillars (PSKS): PSM,
professional social workers, TKSK, Karang Taruna, LK3, LKS, WKSBM and
the Forum CSR, and, from 2021, the Puskesos and SLRT.
An institution (or a person serving as a pillar, recorded as an
`Institution` of kind TKSK or PSM with that person on its staff) is
supported when it is of a targeted kind, active, registered where its
kind must be, and in a target region.
"Active" reads the half-open span ``[active_since, active_until)``:
a start after the decision date, or an end on or before it, fails;
a start nobody recorded leaves the criterion unknown.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from importlib.resources import files

from dayasos.legal import PERMENSOS_08_2012, PERMENSOS_15_2018, UU_11_2009
from dayasos.model import Institution
from dayasos.policy import ParameterSet, load_parameters
from dayasos.rules import (
    Criterion,
    Program,
    all_,
    decision_date,
    either,
    param,
    root,
    years_between,
)


__all__ = ["CODE", "LEGAL_BASIS", "PROGRAM", "load_pilar_parameters"]

#: The catalogue code; memberships in the programme carry it.
CODE = "PILAR"

#: The instruments the programme rests on.
LEGAL_BASIS = (UU_11_2009, PERMENSOS_08_2012, PERMENSOS_15_2018)

institution = root(Institution)

PROGRAM = Program(
    code=CODE,
    entity=Institution,
    reference=PERMENSOS_08_2012,
    criteria=[
        Criterion("pilar.kind", institution.kind.is_in(param("pilar.kinds"))),
        Criterion(
            "pilar.active",
            all_(
                years_between(institution.active_since, decision_date())
                >= param("pilar.min_active_years"),
                either(
                    ~institution.active_until.is_known(),
                    institution.active_until > decision_date(),
                ),
            ),
        ),
        Criterion(
            "pilar.registered",
            either(
                ~institution.kind.is_in(param("pilar.registration_kinds")),
                institution.legal_status.registered_on <= decision_date(),
            ),
        ),
        Criterion(
            "pilar.in_target_region",
            either(
                param("pilar.region.nationwide"),
                institution.region.province.code.is_in(
                    param("pilar.region.target_provinces")
                ),
            ),
        ),
    ],
)


@functools.cache
def load_pilar_parameters() -> ParameterSet:
    """
    Load the shipped parameters of the programme (``pilar.*``).

    >>> import datetime as dt
    >>> at = load_pilar_parameters().at(dt.date(2021, 4, 5))
    >>> at["pilar.region.nationwide"]
    True

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.pilar") / "parameters", prefix="pilar"
    )
