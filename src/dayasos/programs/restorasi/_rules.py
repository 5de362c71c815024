"""
The rules of Restorasi Sosial: which activities count.

Restorasi Sosial (Permensos 22/2017) restores the faded values of the
nation's identity through socialisation and campaigns with the social
pillars (TKSK, PSM, Karang Taruna).
An activity counts towards the programme's metrics when it was held by
the date and social pillars took part.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from importlib.resources import files

from dayasos.legal import PERMENSOS_22_2017, UU_11_2009
from dayasos.policy import ParameterSet, load_parameters
from dayasos.programs.restorasi._activity import (
    Participants,
    RestorasiActivity,
)
from dayasos.rules import (
    Criterion,
    Program,
    decision_date,
    each,
    param,
    root,
    sum_of,
)


__all__ = ["CODE", "LEGAL_BASIS", "PROGRAM", "load_restorasi_parameters"]

#: The catalogue code.
CODE = "RESTORASI"

#: The instruments the programme rests on.
LEGAL_BASIS = (PERMENSOS_22_2017, UU_11_2009)

activity = root(RestorasiActivity)
line = each(Participants)

PROGRAM = Program(
    code=CODE,
    entity=RestorasiActivity,
    reference=PERMENSOS_22_2017,
    criteria=[
        Criterion("restorasi.held", activity.held_on <= decision_date()),
        Criterion(
            "restorasi.pillar_participants",
            sum_of(
                activity.participants,
                line.count,
                where=line.pillar.is_in(param("restorasi.pillar_kinds")),
            )
            >= param("restorasi.min_pillar_participants"),
        ),
    ],
)


@functools.cache
def load_restorasi_parameters() -> ParameterSet:
    """
    Load the shipped parameters of Restorasi Sosial (``restorasi.*``).

    >>> import datetime as dt
    >>> at = load_restorasi_parameters().at(dt.date(2020, 3, 10))
    >>> at["restorasi.pillar_kinds"]
    ('tksk', 'psm', 'karang_taruna')

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.restorasi") / "parameters",
        prefix="restorasi",
    )
