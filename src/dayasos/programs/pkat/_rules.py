"""
The rules of PKAT: which communities are Komunitas Adat Terpencil.

Perpres 186/2014 lists four criteria of a KAT, written as a tabulation
"(a) ...; (b) ...; (c) ...; dan/atau (d) ...".
By the drafting rules of UU 12/2011 (Lampiran II), "dan/atau" before
the last item of a tabulation makes the items cumulative and
alternative at once: a community meeting any one of them, or several,
meets the criteria.
That reading is the parameter ``pkat.criteria_rule`` (``"any"``);
the stricter readings ``"abc_or_d"`` ((a), (b) and (c) together, or
(d)) and ``"all"`` are available as reforms.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from importlib.resources import files

from dayasos.legal import PERMENSOS_12_2015, PERPRES_186_2014
from dayasos.model import Community
from dayasos.policy import ParameterSet, load_parameters
from dayasos.rules import Criterion, Program, all_, either, param, root


__all__ = [
    "CODE",
    "CRITERIA_RULES",
    "LEGAL_BASIS",
    "PROGRAM",
    "load_pkat_parameters",
]

#: The catalogue code; memberships in the programme carry it.
CODE = "PKAT"

#: The instruments the programme rests on.
LEGAL_BASIS = (PERPRES_186_2014, PERMENSOS_12_2015)

#: The readings of "(a); (b); (c); dan/atau (d)" that
#: ``pkat.criteria_rule`` may name.
CRITERIA_RULES = ("any", "abc_or_d", "all")

community = root(Community)
_a = community.criteria.limited_access
_b = community.criteria.closed_homogeneous
_c = community.criteria.marginal
_d = community.criteria.remote_location
_rule = param("pkat.criteria_rule")

PROGRAM = Program(
    code=CODE,
    entity=Community,
    reference=PERPRES_186_2014,
    criteria=[
        Criterion(
            "pkat.kat_criteria",
            either(
                _rule.eq("any") & either(_a, _b, _c, _d),
                _rule.eq("abc_or_d") & (all_(_a, _b, _c) | _d),
                _rule.eq("all") & all_(_a, _b, _c, _d),
            ),
        ),
    ],
)


@functools.cache
def load_pkat_parameters() -> ParameterSet:
    """
    Load the shipped PKAT parameters (``pkat.*``).

    >>> import datetime as dt
    >>> load_pkat_parameters().at(dt.date(2021, 1, 4))["pkat.criteria_rule"]
    'any'

    .. versionadded:: 0.1.0
    """
    return load_parameters(
        files("dayasos.programs.pkat") / "parameters", prefix="pkat"
    )
