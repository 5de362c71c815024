"""Every identifier module takes any text without raising in is_valid."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dayasos.ids import IDENTIFIER_MODULES, IdentifierModule, kk, nik


JUNK = st.one_of(
    st.text(),
    st.text(st.characters(exclude_categories=())),
    st.binary().map(lambda raw: raw.decode("latin-1")),
    st.text("0123456789 .-\t\n\x00", max_size=24),
    st.text("0123456789\N{ARABIC-INDIC DIGIT ONE}\N{SUPERSCRIPT TWO}"),
)

IDS = [module.__name__.rsplit(".", 1)[-1] for module in IDENTIFIER_MODULES]


class TestRobustness:
    """No false crash: junk in, False out."""

    @pytest.mark.parametrize("module", IDENTIFIER_MODULES, ids=IDS)
    def test_modules_implement_the_shared_interface(self, module):
        """Each module is an IdentifierModule."""
        assert isinstance(module, IdentifierModule)

    @pytest.mark.parametrize("module", IDENTIFIER_MODULES, ids=IDS)
    @given(text=JUNK)
    def test_is_valid_never_raises(self, module, text):
        """is_valid answers a bool for any text at all."""
        assert isinstance(module.is_valid(text), bool)

    @pytest.mark.parametrize("module", IDENTIFIER_MODULES, ids=IDS)
    @given(text=JUNK)
    def test_valid_text_is_what_validate_returns(self, module, text):
        """is_valid agrees with validate, and validate is idempotent."""
        if module.is_valid(text):
            canonical = module.validate(text)

            assert canonical == module.validate(canonical)
            assert canonical == module.compact(module.format(canonical))

    @pytest.mark.parametrize(
        "text",
        ["", " ", "\x00" * 16, "\ud800" * 16, "٣١٧١٠١٤١٠٧٨٠٠٠٠١", "1" * 1000],
    )
    def test_awkward_text(self, text):
        """Empty, NUL, lone surrogates, non-ASCII digits, very long."""
        assert not any(m.is_valid(text) for m in IDENTIFIER_MODULES)
        assert not nik.is_valid(text, regions=None)
        assert not kk.is_valid(text, regions=None)
