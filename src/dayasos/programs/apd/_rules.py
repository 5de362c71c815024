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

from dayasos.model import LegalReference
from dayasos.policy import ParameterSet, load_parameters
from dayasos.programs.apd._recipient import ApdRecipient
from dayasos.rules import Criterion, Program, either, param, root


__all__ = ["CODE", "LEGAL_BASIS", "PROGRAM", "load_apd_parameters"]

#: The catalogue code; memberships in the programme carry it.
CODE = "APD"

#: Undang-Undang 11/2009 on social welfare.
UU_11_2009 = LegalReference(
    instrument="UU", number="11", year=2009, title="Kesejahteraan Sosial"
)
#: Permensos 08/2012 on PMKS and PSKS data: the social pillars.
PERMENSOS_08_2012 = LegalReference(
    instrument="Permensos",
    number="08",
    year=2012,
    title="Pedoman Pendataan dan Pengelolaan Data PMKS dan PSKS",
)
#: UU 20/2009 on titles and honours: the national heroes.
UU_20_2009 = LegalReference(
    instrument="UU",
    number="20",
    year=2009,
    title="Gelar, Tanda Jasa, dan Tanda Kehormatan",
)
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
