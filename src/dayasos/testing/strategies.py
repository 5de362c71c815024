"""
Every public hypothesis strategy of dayasos, in one namespace.

Downstream services test their own code against generated dayasos values:

>>> from hypothesis import given
>>> from dayasos.testing.strategies import families
>>> @given(families())
... def test_family_has_one_head(family):
...     assert family.head is not None

Every new domain type gets its strategy here in the same change.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.testing._ids import (
    kk_values,
    kks,
    nik_values,
    niks,
    region_codes,
)
from dayasos.testing._model import (
    age_bands,
    aids,
    communities,
    disabilities,
    disbursements,
    families,
    institutions,
    items,
    kube_groups,
    memberships,
    persons,
    recipients,
    schoolings,
    youth_groups,
)
from dayasos.testing._money import rupiah
from dayasos.testing._periods import (
    days,
    fiscal_years,
    months,
    periods,
    quarters,
    semesters,
    tahap_schedules,
    tahaps,
)
from dayasos.testing._rules import (
    BoundaryCase,
    boundary_families,
    boundary_points,
    boundary_values,
    check_amounts_not_negative,
    check_caps,
    check_invariants,
    check_member_order,
    check_totals_add_up,
)


__all__ = [
    "BoundaryCase",
    "age_bands",
    "aids",
    "boundary_families",
    "boundary_points",
    "boundary_values",
    "check_amounts_not_negative",
    "check_caps",
    "check_invariants",
    "check_member_order",
    "check_totals_add_up",
    "communities",
    "days",
    "disabilities",
    "disbursements",
    "families",
    "fiscal_years",
    "institutions",
    "items",
    "kk_values",
    "kks",
    "kube_groups",
    "memberships",
    "months",
    "nik_values",
    "niks",
    "periods",
    "persons",
    "quarters",
    "recipients",
    "region_codes",
    "rupiah",
    "schoolings",
    "semesters",
    "tahap_schedules",
    "tahaps",
    "youth_groups",
]
