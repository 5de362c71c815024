import pytest
from hypothesis import given

from dayasos.errors import ValidationError
from dayasos.model import KUBE_FAMILIES, KubeGroup, YouthGroup
from dayasos.testing._model import kube_groups


def ids(count):
    """Distinct family ids."""
    return [f"f{i}" for i in range(count)]


class TestKube:
    """A KUBE has 5 to 20 member families, each once."""

    @pytest.mark.parametrize("count", [0, 4, 21])
    def test_a_kube_outside_5_to_20_families_is_refused(self, count):
        """kube.size."""
        with pytest.raises(ValidationError) as info:
            KubeGroup(id="k", families=ids(count))

        assert ("kube.size", count) == (
            info.value.error_code,
            info.value.value,
        )

    @pytest.mark.parametrize("count", [5, 20])
    def test_a_kube_of_5_or_20_families_is_valid(self, count):
        """Both ends are allowed."""
        assert count == KubeGroup(id="k", families=ids(count)).size

    def test_a_family_joins_once(self):
        """kube.member_id for a repeated family."""
        with pytest.raises(ValidationError) as info:
            KubeGroup(id="k", families=[*ids(5), "f0"])

        assert "kube.member_id" == info.value.error_code

    @given(kube_groups())
    def test_generated_groups_have_a_valid_size(self, group):
        """The strategy keeps to 5-20 families."""
        assert group.size in KUBE_FAMILIES


class TestYouthGroup:
    """Youth groups count their members."""

    def test_a_negative_member_count_is_refused(self):
        """youth_group.members."""
        with pytest.raises(ValidationError) as info:
            YouthGroup(id="kt", members=-1)

        assert "youth_group.members" == info.value.error_code

    def test_an_uncounted_group_is_unknown(self):
        """Members None is not zero."""
        assert YouthGroup(id="kt").members is None
