import pytest

from dayasos.errors import ValidationError
from dayasos.model import Disability, DisabilityKind, Severity


class TestDisability:
    """Disability tells none, unknown kind and severity apart."""

    def test_no_disability_has_no_severity(self):
        """A severity on 'no disability' raises disability.severity."""
        with pytest.raises(ValidationError) as info:
            Disability(kind=DisabilityKind.NONE, severity=Severity.MILD)

        assert "disability.severity" == info.value.error_code

    def test_no_disability_is_not_severe(self):
        """Disability.none is absent and not severe."""
        assert (False, False) == (
            Disability.none().present,
            Disability.none().is_severe,
        )

    def test_a_disability_of_unknown_severity_is_undetermined(self):
        """Present, but whether it is berat is unknown."""
        disability = Disability(kind=DisabilityKind.MENTAL)

        assert (True, None) == (disability.present, disability.is_severe)

    def test_a_recorded_disability_of_unknown_kind_is_present(self):
        """Kind None means disabled, kind not recorded."""
        assert Disability(kind=None, severity=Severity.SEVERE).is_severe

    @pytest.mark.parametrize(
        "kind",
        [
            DisabilityKind.SENSORY,
            DisabilityKind.SENSORY_VISION,
            DisabilityKind.SENSORY_HEARING,
            DisabilityKind.SENSORY_SPEECH,
        ],
    )
    def test_the_sensory_kinds_are_sensory(self, kind):
        """Netra, rungu and wicara are sensory."""
        assert kind.is_sensory

    def test_a_physical_disability_is_not_sensory(self):
        """Fisik is not sensorik."""
        assert not DisabilityKind.PHYSICAL.is_sensory
