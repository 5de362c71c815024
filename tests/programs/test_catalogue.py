"""Tests for dayasos.programs._catalogue: the programme catalogue."""

import pytest

from dayasos.errors import ConfigurationError
from dayasos.l10n import list_codes
from dayasos.programs import BeneficiaryKind, catalogue, get


MINE = ("PKH", "SEMBAKO", "BST", "KEMENSOS_HADIR")


class TestCatalogue:
    """Every programme with its basis, and lookup by code."""

    def test_own_programmes_are_listed_in_order(self):
        """PKH, Sembako, BST and Kemensos Hadir come first, in order."""
        codes = [e.code for e in catalogue()]

        assert list(MINE) == codes[:4]

    def test_unknown_code_lists_the_known_ones(self):
        """A wrong code names the codes that exist."""
        with pytest.raises(ConfigurationError) as info:
            get("PKHX")

        assert "programs.unknown" == info.value.error_code
        assert "PKH" in str(info.value)

    @pytest.mark.parametrize("code", MINE)
    def test_entry_is_complete(self, code):
        """Names, directorate, a legal basis, beneficiary and schedule."""
        entry = get(code)

        assert entry.name_id
        assert entry.name_en
        assert entry.directorate
        assert entry.legal_basis
        assert BeneficiaryKind.FAMILY.value == entry.beneficiary.value
        assert entry.aid_kind is not None
        assert entry.schedule
        assert code == entry.program.code

    @pytest.mark.parametrize("code", MINE)
    def test_every_criterion_and_component_has_words(self, code):
        """Criteria, components and the name are in both catalogs."""
        entry = get(code)
        slug = code.lower()
        wanted = {c.code for c in entry.program.criteria}
        wanted.add(f"program.{slug}")
        if entry.program.entitlement is not None:
            wanted |= {
                f"component.{slug}.{c.code}"
                for c in entry.program.entitlement.components
            }
        for language in ("id", "en"):
            assert set() == wanted - set(list_codes(language))

    @pytest.mark.parametrize("code", MINE)
    def test_every_parameter_read_is_shipped(self, code):
        """The rules read only parameters the package ships."""
        entry = get(code)

        assert [] == [
            n for n in entry.program.parameters() if n not in entry.parameters
        ]
