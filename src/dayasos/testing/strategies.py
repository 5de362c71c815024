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


__all__ = [
    "age_bands",
    "aids",
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
