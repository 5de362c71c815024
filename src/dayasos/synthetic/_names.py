"""
Common Indonesian given names, for fictitious people.

A name is one or two given names drawn at random: any likeness to a
real person is chance.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.synthetic._people import pick


if TYPE_CHECKING:
    import random


__all__ = ["draw_name"]

_MALE = (
    "Agus", "Ahmad", "Andi", "Arif", "Bambang", "Budi", "Dedi", "Dimas",
    "Eko", "Fajar", "Hadi", "Hendra", "Heru", "Imam", "Joko", "Made",
    "Markus", "Muhammad", "Nyoman", "Putu", "Rahmat", "Rizki", "Rudi",
    "Slamet", "Sugeng", "Supriyadi", "Teguh", "Wahyu", "Wayan", "Yohanes",
    "Yusuf", "Zainal", "Ketut", "Gede", "Asep", "Ujang", "Daeng", "Fransiskus",
)  # fmt: skip
_FEMALE = (
    "Aisyah", "Ani", "Ayu", "Dewi", "Endang", "Fitri", "Indah", "Kartini",
    "Lestari", "Maria", "Nur", "Nurhayati", "Putri", "Rahayu", "Ratna",
    "Rina", "Sari", "Siti", "Sri", "Suharti", "Susanti", "Tuti", "Wati",
    "Wulan", "Yuni", "Yuliana", "Komang", "Ni Luh", "Nengah", "Euis",
    "Imas", "Theresia", "Murni", "Rosmawati", "Halimah", "Mariam",
)  # fmt: skip
_SECOND = (
    "Saputra", "Saputri", "Wijaya", "Susanto", "Hidayat", "Kurniawan",
    "Pratama", "Setiawan", "Lestari", "Handayani", "Rahman", "Siregar",
    "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sinaga", "Manurung",
    "Pohan", "Tanjung", "Wibowo", "Santoso", "Purnomo", "Utami",
)  # fmt: skip


def draw_name(rng: random.Random, *, female: bool) -> str:
    """One or two given names."""
    first = pick(rng, _FEMALE if female else _MALE)
    if rng.random() < 0.5:
        return f"{first} {pick(rng, _SECOND)}"
    return first
