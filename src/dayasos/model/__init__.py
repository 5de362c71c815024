"""
The domain model: people, families, institutions, communities and aid.

Frozen snapshots as collected on a date, with no I/O:
an attribute that was not collected is `None`, never a default that
looks like data. Change a value with `attrs.evolve`; lifecycles
(`Membership`, a `Community`'s empowerment stages) return new objects.
Only true invariants are checked here (one head per family, 5-20
families per KUBE, dates in order); reading raw input belongs to
`dayasos.serialization`.

>>> import datetime as dt
>>> from dayasos.ids import Sex
>>> from dayasos.model import Family, FamilyMember, Person, Relation
>>> mother = Person(id="p1", sex=Sex.FEMALE, birth_date=dt.date(1990, 5, 2))
>>> family = Family(
...     id="f1", members=[FamilyMember(person=mother, relation=Relation.HEAD)]
... )
>>> family.head.age_on(dt.date(2020, 7, 21))
30

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.model._aid import Aid, AidKind, Item
from dayasos.model._business import BusinessKind, MicroBusiness
from dayasos.model._community import (
    Community,
    EmpowermentStage,
    KatCategory,
    KatCriteria,
    StageEntry,
)
from dayasos.model._criteria import AgeBand, CategoryCriteria
from dayasos.model._disability import Disability, DisabilityKind, Severity
from dayasos.model._disbursement import (
    Channel,
    Disbursement,
    DisbursementStatus,
)
from dayasos.model._family import Family, FamilyMember, Relation
from dayasos.model._groups import (
    KUBE_FAMILIES,
    KubeGroup,
    YouthGroup,
    YouthGroupKind,
)
from dayasos.model._institution import (
    Accreditation,
    Institution,
    InstitutionKind,
    LegalStatus,
    StaffMember,
    StaffRole,
)
from dayasos.model._lifecycle import (
    GraduationKind,
    MembershipReason,
    MembershipState,
    Transition,
    allowed_transitions,
)
from dayasos.model._membership import Membership
from dayasos.model._person import HeroStatus, Person, PregnancyStatus
from dayasos.model._ppks import PPKS
from dayasos.model._psks import PSKS
from dayasos.model._recipient import (
    CommunityRef,
    FamilyRef,
    GroupRef,
    InstitutionRef,
    PersonRef,
    Recipient,
)
from dayasos.model._reference import Confidence, LegalReference
from dayasos.model._region import Located, group_by_region
from dayasos.model._schooling import Schooling, SchoolLevel
from dayasos.model._work import EmploymentStatus, Occupation, StateEmployment


__all__ = [
    "KUBE_FAMILIES",
    "PPKS",
    "PSKS",
    "Accreditation",
    "AgeBand",
    "Aid",
    "AidKind",
    "BusinessKind",
    "CategoryCriteria",
    "Channel",
    "Community",
    "CommunityRef",
    "Confidence",
    "Disability",
    "DisabilityKind",
    "Disbursement",
    "DisbursementStatus",
    "EmploymentStatus",
    "EmpowermentStage",
    "Family",
    "FamilyMember",
    "FamilyRef",
    "GraduationKind",
    "GroupRef",
    "HeroStatus",
    "Institution",
    "InstitutionKind",
    "InstitutionRef",
    "Item",
    "KatCategory",
    "KatCriteria",
    "KubeGroup",
    "LegalReference",
    "LegalStatus",
    "Located",
    "Membership",
    "MembershipReason",
    "MembershipState",
    "MicroBusiness",
    "Occupation",
    "Person",
    "PersonRef",
    "PregnancyStatus",
    "Recipient",
    "Relation",
    "SchoolLevel",
    "Schooling",
    "Severity",
    "StaffMember",
    "StaffRole",
    "StageEntry",
    "StateEmployment",
    "Transition",
    "YouthGroup",
    "YouthGroupKind",
    "allowed_transitions",
    "group_by_region",
]
