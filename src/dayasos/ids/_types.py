"""
NIK and KK numbers as values that keep their digits to themselves.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dayasos.errors import InvalidFormat, mask_personal
from dayasos.ids import kk, nik


if TYPE_CHECKING:
    import datetime as dt

    import pendulum

    from dayasos.ids._region import RegionCode
    from dayasos.ids._sex import Sex


__all__ = ["KK", "NIK"]


def _canonical(label: str, area: str, value: str, example: str) -> None:
    if nik.compact(value) != value:
        raise InvalidFormat(
            "a {label} value is 16 digits without separators, e.g. "
            "{example}; parse() removes spaces, dots and dashes",
            code=f"{area}.digits",
            value=value,
            personal=True,
            label=label,
            example=example,
        )


def _check_nik(_instance: object, _attribute: object, value: str) -> None:
    _canonical("NIK", "nik", value, nik.EXAMPLE)
    nik.validate(value)


def _check_kk(_instance: object, _attribute: object, value: str) -> None:
    _canonical("KK number", "kk", value, kk.EXAMPLE)
    kk.validate(value)


@attrs.frozen(repr=False)
class NIK:
    """
    A valid NIK whose digits show only through `reveal`.

    Args:
        value: The 16 digits; use `parse` for text with separators.

    Raises:
        dayasos.errors.ValidationError: The number is no valid NIK;
            the error shows it masked.

    ``str`` and ``repr`` keep the region and the serial
    and hide the birth date.

    >>> import datetime
    >>> person = NIK.parse("3171-0141-0780-0001")
    >>> person
    NIK('3171********0001')
    >>> person.sex.value, str(person.region)
    ('female', '31.71.01')
    >>> person.birth_date(datetime.date(2020, 7, 21))
    Date(1980, 7, 1)

    .. versionadded:: 0.1.0
    """

    _value: str = attrs.field(validator=_check_nik)

    @classmethod
    def parse(cls, text: str) -> NIK:
        """
        Read a NIK written with spaces, dots or dashes.

        .. versionadded:: 0.1.0
        """
        return cls(nik.compact(text))

    def reveal(self) -> str:
        """
        The 16 digits; the only way to get them.

        .. versionadded:: 0.1.0
        """
        return self._value

    def birth_date(self, as_of: dt.date) -> pendulum.Date:
        """
        The birth date, its century resolved against `as_of`.

        See `dayasos.ids.nik.get_birth_date`.

        .. versionadded:: 0.1.0
        """
        return nik.get_birth_date(self._value, as_of=as_of)

    @property
    def sex(self) -> Sex:
        """Female when the day of birth has 40 added."""
        return nik.get_sex(self._value)

    @property
    def region(self) -> RegionCode:
        """The kecamatan where the NIK was issued."""
        return nik.get_region(self._value)

    @property
    def province(self) -> RegionCode:
        """The province where the NIK was issued."""
        return nik.get_province(self._value)

    def __repr__(self) -> str:
        return f"NIK({mask_personal(self._value)!r})"

    def __str__(self) -> str:
        return mask_personal(self._value)


@attrs.frozen(repr=False)
class KK:
    """
    A valid KK (family card) number whose digits show only through `reveal`.

    Args:
        value: The 16 digits; use `parse` for text with separators.

    Raises:
        dayasos.errors.ValidationError: The number is no valid KK number;
            the error shows it masked.

    >>> family = KK("3171010101200001")
    >>> print(family)
    3171********0001
    >>> str(family.region)
    '31.71.01'

    .. versionadded:: 0.1.0
    """

    _value: str = attrs.field(validator=_check_kk)

    @classmethod
    def parse(cls, text: str) -> KK:
        """
        Read a KK number written with spaces, dots or dashes.

        .. versionadded:: 0.1.0
        """
        return cls(kk.compact(text))

    def reveal(self) -> str:
        """
        The 16 digits; the only way to get them.

        .. versionadded:: 0.1.0
        """
        return self._value

    def registration_date(self, as_of: dt.date) -> pendulum.Date:
        """
        The registration date, its century resolved against `as_of`.

        .. versionadded:: 0.1.0
        """
        return kk.get_registration_date(self._value, as_of=as_of)

    @property
    def region(self) -> RegionCode:
        """The kecamatan where the card was issued."""
        return kk.get_region(self._value)

    @property
    def province(self) -> RegionCode:
        """The province where the card was issued."""
        return kk.get_province(self._value)

    def __repr__(self) -> str:
        return f"KK({mask_personal(self._value)!r})"

    def __str__(self) -> str:
        return mask_personal(self._value)
