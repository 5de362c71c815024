"""
*Terbilang*: an amount of rupiah in Indonesian words, as on receipts.

The words follow the standard reading of numbers (KBBI, PUEBI):

- *se-* stands for "one" only before *puluh*, *belas*, *ratus* and
  *ribu*: *sepuluh*, *sebelas*, *seratus*, *seribu*;
- from *juta* up, one is *satu*: *satu juta*, *satu miliar*;
- *seribu* is used only when the whole thousands group is one
  (1.001.000 is *satu juta seribu*, 21.000 is *dua puluh satu ribu*);
- the standard spellings *miliar* and *triliun* (not *milyar*, *trilyun*).

The scale ends at *kuadriliun* (10^15), so the largest amount in words is
999.999.999.999.999.999 (just under a thousand kuadriliun);
larger amounts raise `InvalidComponent`.

>>> terbilang(1_500_000)
'satu juta lima ratus ribu rupiah'
>>> from dayasos.money import Rupiah
>>> terbilang(Rupiah(-2_011))
'minus dua ribu sebelas rupiah'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dayasos.errors import InvalidComponent
from dayasos.l10n._numbers import whole_rupiah


if TYPE_CHECKING:
    from dayasos.money import Rupiah


__all__ = [
    "TERBILANG_LIMIT",
    "terbilang",
]

_DIGITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)

#: The name of each power of a thousand, from 1000**0 up.
_SCALE = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun")

#: The largest amount (in absolute value) `terbilang` writes out.
TERBILANG_LIMIT = 1000 ** len(_SCALE) - 1


def _below_hundred(number: int) -> list[str]:
    if number < 10:
        return [_DIGITS[number]] if number else []
    if number == 10:
        return ["sepuluh"]
    if number == 11:
        return ["sebelas"]
    if number < 20:
        return [_DIGITS[number - 10], "belas"]
    tens, ones = divmod(number, 10)
    return [_DIGITS[tens], "puluh", *_below_hundred(ones)]


def _below_thousand(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    words = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words.extend([_DIGITS[hundreds], "ratus"])
    words.extend(_below_hundred(rest))
    return words


def _words(number: int) -> list[str]:
    words: list[str] = []
    for power in range(len(_SCALE) - 1, -1, -1):
        group = number // 1000**power % 1000
        if not group:
            continue
        if power == 1 and group == 1:
            words.append("seribu")
            continue
        words.extend(_below_thousand(group))
        if power:
            words.append(_SCALE[power])
    return words


def terbilang(amount: Rupiah | int) -> str:
    """
    Write an amount in Indonesian words, lowercase, ending in *rupiah*.

    >>> terbilang(1_001_000)
    'satu juta seribu rupiah'
    >>> terbilang(0)
    'nol rupiah'

    Args:
        amount: A `Rupiah` or an `int`; a negative amount starts with
            *minus*.

    Raises:
        InvalidFormat: when `amount` is a float, a bool or not a number.
        InvalidComponent: when the amount is beyond `TERBILANG_LIMIT`
            in absolute value.

    .. versionadded:: 0.1.0
    """
    number = whole_rupiah(amount)
    if abs(number) > TERBILANG_LIMIT:
        raise InvalidComponent(
            "terbilang writes amounts up to {limit} (the scale ends at "
            "kuadriliun, 10^15), got {value}",
            code="terbilang.out_of_range",
            path="amount",
            value=number,
            limit=TERBILANG_LIMIT,
        )
    words = _words(abs(number)) or ["nol"]
    if number < 0:
        words.insert(0, "minus")
    return " ".join([*words, "rupiah"])
