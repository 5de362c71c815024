"""
The rules engine: programmes written once as expression trees.

A programme's criteria and entitlement read the model through typed
field access, checked when the rule is defined;
parameters are looked up at the evaluation date;
a missing input makes a criterion unknown (Kleene logic),
so a family is never refused for data nobody collected.

>>> import datetime as dt
>>> from dayasos.model import Family, FamilyMember, LegalReference, Person
>>> from dayasos.model import Relation
>>> from dayasos.policy import parse_parameters
>>> params = parse_parameters(
...     '''
... description = { id = "Desil maksimum", en = "Highest decile" }
... unit = "decile"
... [[values]]
... since = 2019-01-01
... value = 4
... [values.reference]
... instrument = "Kepmensos"
... number = "79/HUK/2025"
... ''',
...     name="demo.max_decile",
... )
>>> family = root(Family)
>>> demo = Program(
...     code="DEMO",
...     entity=Family,
...     reference=LegalReference(
...         instrument="Permensos", number="1", year=2018
...     ),
...     criteria=[
...         Criterion(
...             "demo.decile", family.decile <= param("demo.max_decile")
...         ),
...     ],
... )
>>> head = FamilyMember(person=Person(id="p1"), relation=Relation.HEAD)
>>> on = dt.date(2020, 7, 21)
>>> demo.decide(Family(id="f1", members=[head], decile=3), on=on,
...             params=params).verdict
<Verdict.ELIGIBLE: 'eligible'>
>>> d = demo.decide(Family(id="f2", members=[head]), on=on, params=params)
>>> d.verdict.value, d.missing
('undetermined', ('decile',))

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.rules._aggregate import (
    active_in,
    all_of,
    any_of,
    count,
    graduated_from,
    none_of,
    sum_largest,
    sum_of,
)
from dayasos.rules._decision import (
    Award,
    CriterionResult,
    Decision,
    ExplainItem,
    LineItem,
    Outcome,
    ParameterUse,
    Verdict,
)
from dayasos.rules._entitlement import Component, Entitlement, Grant
from dayasos.rules._explain_data import CODES as EXPLAIN_CODES
from dayasos.rules._expr import (
    Expr,
    Field,
    Record,
    age_of,
    all_,
    decision_date,
    each,
    either,
    param,
    root,
    years_between,
)
from dayasos.rules._introspect import Threshold
from dayasos.rules._program import CompiledProgram, Criterion, Program
from dayasos.rules._types import Kind, VType


__all__ = [
    "EXPLAIN_CODES",
    "Award",
    "CompiledProgram",
    "Component",
    "Criterion",
    "CriterionResult",
    "Decision",
    "Entitlement",
    "ExplainItem",
    "Expr",
    "Field",
    "Grant",
    "Kind",
    "LineItem",
    "Outcome",
    "ParameterUse",
    "Program",
    "Record",
    "Threshold",
    "VType",
    "Verdict",
    "active_in",
    "age_of",
    "all_",
    "all_of",
    "any_of",
    "count",
    "decision_date",
    "each",
    "either",
    "graduated_from",
    "none_of",
    "param",
    "root",
    "sum_largest",
    "sum_of",
    "years_between",
]
