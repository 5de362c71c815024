"""
The rules of the APD kits: who receives masks, hand sanitizer, vitamins.

In April 2020 the Dirjen Dayasos sent protective kits to the social
pillars (TKSK, PSM, SLRT and Puskesos staff, KAT facilitators,
Karang Taruna) and to the families of heroes and pioneers of
independence; the kits went through the Dinas Sosial of each province.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from importlib.resources import files

from dayasos.legal import PERMENSOS_08_2012, UU_11_2009, UU_20_2009
from dayasos.policy import ParameterSet, load_parameters
from dayasos.programs.apd._recipient import ApdRecipient
from dayasos.rules import Criterion, Program, either, param, root


__all__ = ["CODE", "LEGAL_BASIS", "PROGRAM", "load_apd_parameters"]

#: The catalogue code; memberships in the programme carry it.
CODE = "APD"

#: The instruments the programme rests on.
LEGAL_BASIS = (UU_11_2009, PERMENSOS_08_2012, UU_20_2009)

recipient = root(ApdRecipient)

PROGRAM = Program(
    code=CODE,
    entity=ApdRecipient,
    reference=UU_11_2009,
    criteria=[
        Criterion(
            "apd.target_group",
            either(
                recipient.role.is_in(param("apd.pillar_roles")),
                recipient.person.hero_status.is_in(param("apd.hero_statuses")),
            ),
        ),
    ],
)


@functools.cache
def load_apd_parameters() -> ParameterSet:
    """
    Load the shipped APD parameters (``apd.*``).

    >>> import datetime as dt
    >>> load_apd_parameters().at(dt.date(2020, 4, 13))["apd.quota"]
    4637

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.apd") / "parameters", prefix="apd"
    )
