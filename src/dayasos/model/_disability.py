"""
Disability: its kind and severity.

A person's `disability` is `None` when it was not collected,
`Disability.none()` when the person is known to have none,
and a `Disability` of some kind otherwise.

>>> d = Disability(kind=DisabilityKind.PHYSICAL, severity=Severity.SEVERE)
>>> d.present, d.is_severe
(True, True)
>>> Disability.none().present
False

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum

import attrs

from dayasos.errors import ValidationError


__all__ = ["Disability", "DisabilityKind", "Severity"]


class DisabilityKind(enum.Enum):
    """
    Kinds of disability.

    The groups of UU 8/2016: fisik, intelektual, mental, sensorik, ganda.

    .. versionadded:: 0.1.0
    """

    #: Known to have no disability (tidak ada).
    NONE = "none"
    #: Fisik.
    PHYSICAL = "physical"
    #: Intelektual.
    INTELLECTUAL = "intellectual"
    #: Mental.
    MENTAL = "mental"
    #: Sensorik, the sense not recorded.
    SENSORY = "sensory"
    #: Sensorik netra (vision).
    SENSORY_VISION = "sensory_vision"
    #: Sensorik rungu (hearing).
    SENSORY_HEARING = "sensory_hearing"
    #: Sensorik wicara (speech).
    SENSORY_SPEECH = "sensory_speech"
    #: Ganda / multi: more than one kind.
    MULTIPLE = "multiple"

    @property
    def is_sensory(self) -> bool:
        """Whether this is a sensory disability of any sense."""
        return self.value.startswith("sensory")


class Severity(enum.Enum):
    """
    How severe a disability is.

    .. versionadded:: 0.1.0
    """

    #: Ringan.
    MILD = "mild"
    #: Sedang.
    MODERATE = "moderate"
    #: Berat: the PKH disability component requires it.
    SEVERE = "severe"


# Read once: on Python 3.11 an enum member read from its class costs a
# lookup each time, and these are read for every member decided.
_NO_DISABILITY = DisabilityKind.NONE
_SEVERE = Severity.SEVERE


@attrs.frozen(kw_only=True)
class Disability:
    """
    A person's disability as collected.

    Args:
        kind: The kind; `DisabilityKind.NONE` for no disability;
            `None` when a disability was recorded without its kind.
        severity: The severity, or `None` when not collected.

    Raises:
        ValidationError: ``disability.severity`` when a severity is given
            for no disability.

    .. versionadded:: 0.1.0
    """

    kind: DisabilityKind | None
    severity: Severity | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is DisabilityKind.NONE and self.severity is not None:
            raise ValidationError(
                "no disability has no severity, got {value}; "
                "e.g. Disability.none()",
                code="disability.severity",
                path="severity",
                value=self.severity.value,
            )

    @classmethod
    def none(cls) -> Disability:
        """
        Known to have no disability.

        .. versionadded:: 0.1.0
        """
        return cls(kind=DisabilityKind.NONE)

    @property
    def present(self) -> bool:
        """Whether there is a disability."""
        return self.kind is not _NO_DISABILITY

    @property
    def is_severe(self) -> bool | None:
        """Whether severe (berat); `None` when severity is unknown."""
        if self.kind is _NO_DISABILITY:
            return False
        if self.severity is None:
            return None
        return self.severity is _SEVERE
