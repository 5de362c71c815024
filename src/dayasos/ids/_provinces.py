"""
Kemendagri province codes, current and retired.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import types

import attrs


__all__ = ["PROVINCES", "Province"]


@attrs.frozen(kw_only=True)
class Province:
    """
    One Kemendagri province code with its names and history.

    Args:
        code: The two-digit Kemendagri code, e.g. ``"32"``.
        name: The Indonesian name as the Kemendagri code list writes it.
        name_en: The English name.
        since: The year the province was formed:
            its code cannot appear on a number issued before then.
        until: The last year of a retired code, `None` for a current one.
        law: The law that formed the province, `None` when not verified.

    >>> PROVINCES["65"].name_en
    'North Kalimantan'
    >>> PROVINCES["54"].is_current
    False

    .. versionadded:: 0.1.0
    """

    code: str
    name: str
    name_en: str
    since: int
    until: int | None = None
    law: str | None = None

    @property
    def is_current(self) -> bool:
        """Whether the code is in the current Kemendagri list."""
        return self.until is None


# Provenance.
# Codes and Indonesian names: Kepmendagri No. 300.2.2-2138 Tahun 2025
# (38 provinces), as published in the public cahyadsn/wilayah data
# (README and db/wilayah.sql), retrieved 2026-11-28.
# Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya with
# their laws (UU 14, 15, 16 and 29 of 2022): same source.
# Timor Timur (54, UU 7/1976) left the list in 1999; no NIK or KK issued
# under it is known, but a retired code stays valid: identifiers keep the
# code of the place and time they were issued.
# Years and forming laws of the others: the laws as summarised in public
# references on the history of Indonesia's provinces, medium confidence;
# `law=None` where no source was checked.
# Kemendagri has not reassigned a province code: the 2022 Papua provinces
# took new codes 93-96, and 91 (Papua) and 92 (Papua Barat) kept theirs.
# (BPS numbers some of these provinces differently; NIK and KK use the
# Kemendagri codes.)
# History is never edited: a new province is a new row, a retired one
# gets its `until`.
_ROWS: tuple[tuple[str, str, str, int, int | None, str | None], ...] = (
    ("11", "Aceh", "Aceh", 1956, None, "UU 24/1956"),
    ("12", "Sumatera Utara", "North Sumatra", 1948, None, "UU 10/1948"),
    ("13", "Sumatera Barat", "West Sumatra", 1957, None, "UU Darurat 19/1957"),
    ("14", "Riau", "Riau", 1957, None, "UU Darurat 19/1957"),
    ("15", "Jambi", "Jambi", 1957, None, "UU Darurat 19/1957"),
    ("16", "Sumatera Selatan", "South Sumatra", 1948, None, "UU 10/1948"),
    ("17", "Bengkulu", "Bengkulu", 1967, None, "UU 9/1967"),
    ("18", "Lampung", "Lampung", 1964, None, "UU 14/1964"),
    (
        "19",
        "Kepulauan Bangka Belitung",
        "Bangka Belitung Islands",
        2000,
        None,
        "UU 27/2000",
    ),
    ("21", "Kepulauan Riau", "Riau Islands", 2002, None, "UU 25/2002"),
    ("31", "DKI Jakarta", "Jakarta Special Capital Region", 1961, None, None),
    ("32", "Jawa Barat", "West Java", 1950, None, "UU 11/1950"),
    ("33", "Jawa Tengah", "Central Java", 1950, None, "UU 10/1950"),
    (
        "34",
        "DI Yogyakarta",
        "Special Region of Yogyakarta",
        1950,
        None,
        "UU 3/1950",
    ),
    ("35", "Jawa Timur", "East Java", 1950, None, "UU 2/1950"),
    ("36", "Banten", "Banten", 2000, None, "UU 23/2000"),
    ("51", "Bali", "Bali", 1958, None, "UU 64/1958"),
    (
        "52",
        "Nusa Tenggara Barat",
        "West Nusa Tenggara",
        1958,
        None,
        "UU 64/1958",
    ),
    (
        "53",
        "Nusa Tenggara Timur",
        "East Nusa Tenggara",
        1958,
        None,
        "UU 64/1958",
    ),
    ("54", "Timor Timur", "East Timor", 1976, 1999, "UU 7/1976"),
    ("61", "Kalimantan Barat", "West Kalimantan", 1956, None, "UU 25/1956"),
    (
        "62",
        "Kalimantan Tengah",
        "Central Kalimantan",
        1957,
        None,
        "UU Darurat 10/1957",
    ),
    ("63", "Kalimantan Selatan", "South Kalimantan", 1956, None, "UU 25/1956"),
    ("64", "Kalimantan Timur", "East Kalimantan", 1956, None, "UU 25/1956"),
    ("65", "Kalimantan Utara", "North Kalimantan", 2012, None, "UU 20/2012"),
    ("71", "Sulawesi Utara", "North Sulawesi", 1964, None, "UU 13/1964"),
    ("72", "Sulawesi Tengah", "Central Sulawesi", 1964, None, "UU 13/1964"),
    ("73", "Sulawesi Selatan", "South Sulawesi", 1964, None, "UU 13/1964"),
    (
        "74",
        "Sulawesi Tenggara",
        "Southeast Sulawesi",
        1964,
        None,
        "UU 13/1964",
    ),
    ("75", "Gorontalo", "Gorontalo", 2000, None, "UU 38/2000"),
    ("76", "Sulawesi Barat", "West Sulawesi", 2004, None, "UU 26/2004"),
    ("81", "Maluku", "Maluku", 1950, None, None),
    ("82", "Maluku Utara", "North Maluku", 1999, None, "UU 46/1999"),
    ("91", "Papua", "Papua", 1969, None, "UU 12/1969"),
    ("92", "Papua Barat", "West Papua", 1999, None, "UU 45/1999"),
    ("93", "Papua Selatan", "South Papua", 2022, None, "UU 14/2022"),
    ("94", "Papua Tengah", "Central Papua", 2022, None, "UU 15/2022"),
    ("95", "Papua Pegunungan", "Highland Papua", 2022, None, "UU 16/2022"),
    ("96", "Papua Barat Daya", "Southwest Papua", 2022, None, "UU 29/2022"),
)

PROVINCES: types.MappingProxyType[str, Province] = types.MappingProxyType(
    {
        code: Province(
            code=code,
            name=name,
            name_en=name_en,
            since=since,
            until=until,
            law=law,
        )
        for code, name, name_en, since, until, law in _ROWS
    }
)
"""Every province code a NIK, KK or region code may carry, by code."""
