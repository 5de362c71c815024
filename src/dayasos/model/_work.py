"""
Work: occupation, employment status and state employment.

The occupations include the groups the 2020 COVID-19 food packages named
(guru honorer, pemulung, pedagang, buruh harian/lepas, korban PHK)
and the informal workers of the first Kemensos packages (ojek, ojol,
pedagang kaki lima ...).
Employment by the state (ASN, TNI, Polri, BUMN/BUMD) is its own fact,
`StateEmployment`, because programmes exclude it.

>>> StateEmployment.TNI.is_state_employee
True
>>> EmploymentStatus.LAID_OFF.is_working
False

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum


__all__ = ["EmploymentStatus", "Occupation", "StateEmployment"]


class Occupation(enum.Enum):
    """
    What a person does for a living.

    .. versionadded:: 0.1.0
    """

    #: Guru honorer: teacher paid an honorarium, not a civil servant.
    HONORARY_TEACHER = "honorary_teacher"
    #: Guru ngaji: Quran teacher.
    RELIGIOUS_TEACHER = "religious_teacher"
    #: Pemulung.
    WASTE_PICKER = "waste_picker"
    #: Pedagang.
    TRADER = "trader"
    #: Pedagang kaki lima (PKL).
    STREET_VENDOR = "street_vendor"
    #: Buruh harian / lepas.
    DAILY_WORKER = "daily_worker"
    #: Ojek pangkalan or ojek online (ojol).
    MOTORCYCLE_TAXI = "motorcycle_taxi"
    #: Sopir (taxi, angkot, truck).
    DRIVER = "driver"
    #: Petani.
    FARMER = "farmer"
    #: Buruh tani.
    FARM_LABOURER = "farm_labourer"
    #: Peternak.
    LIVESTOCK_FARMER = "livestock_farmer"
    #: Nelayan.
    FISHER = "fisher"
    #: Pekerja seni.
    ARTIST = "artist"
    #: Satpam.
    SECURITY_GUARD = "security_guard"
    #: Pekerja rumah tangga.
    HOUSEHOLD_WORKER = "household_worker"
    #: Karyawan swasta.
    PRIVATE_EMPLOYEE = "private_employee"
    #: Wiraswasta.
    ENTREPRENEUR = "entrepreneur"
    #: Mengurus rumah tangga.
    HOMEMAKER = "homemaker"
    #: Pelajar / mahasiswa.
    STUDENT = "student"
    #: Pensiunan.
    RETIRED = "retired"
    #: Lainnya.
    OTHER = "other"


class EmploymentStatus(enum.Enum):
    """
    A person's position in work.

    .. versionadded:: 0.1.0
    """

    #: Buruh / karyawan / pegawai.
    EMPLOYEE = "employee"
    #: Berusaha sendiri.
    SELF_EMPLOYED = "self_employed"
    #: Berusaha dibantu buruh.
    EMPLOYER = "employer"
    #: Pekerja bebas (casual, paid by the day or job).
    CASUAL = "casual"
    #: Pekerja keluarga / tidak dibayar.
    FAMILY_WORKER = "family_worker"
    #: Not working and looking for work.
    UNEMPLOYED = "unemployed"
    #: Korban PHK: lost a job by dismissal.
    LAID_OFF = "laid_off"
    #: At school, keeping house, retired or otherwise not working.
    NOT_IN_LABOUR_FORCE = "not_in_labour_force"

    @property
    def is_working(self) -> bool:
        """Whether the status is one of work."""
        return self not in _NOT_WORKING


_NOT_WORKING = frozenset(
    {
        EmploymentStatus.UNEMPLOYED,
        EmploymentStatus.LAID_OFF,
        EmploymentStatus.NOT_IN_LABOUR_FORCE,
    }
)


class StateEmployment(enum.Enum):
    """
    Employment by the state, a common exclusion from social aid.

    .. versionadded:: 0.1.0
    """

    #: Known not to be employed by the state.
    NONE = "none"
    #: Pegawai Negeri Sipil (ASN).
    PNS = "pns"
    #: Pegawai Pemerintah dengan Perjanjian Kerja (ASN).
    PPPK = "pppk"
    #: Tentara Nasional Indonesia.
    TNI = "tni"
    #: Kepolisian Negara Republik Indonesia.
    POLRI = "polri"
    #: Employee of a state-owned enterprise.
    BUMN = "bumn"
    #: Employee of a regional-government-owned enterprise.
    BUMD = "bumd"
    #: Pejabat negara (state official).
    PEJABAT_NEGARA = "pejabat_negara"

    @property
    def is_state_employee(self) -> bool:
        """Whether this is employment by the state."""
        return self is not StateEmployment.NONE
