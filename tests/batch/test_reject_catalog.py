"""Every reject reason of the table reader speaks Indonesian too."""

import string

import pytest

from dayasos.batch import REJECT_REASONS
from dayasos.l10n import list_codes, translate


def placeholders(template):
    """The names a str.format template asks for."""
    return {
        name.split("!")[0].split(":")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


@pytest.mark.parametrize("code", sorted(REJECT_REASONS))
class TestRejectReasons:
    """The batch reject codes are in both catalogs, in step."""

    def test_code_is_in_both_catalogs(self, code):
        """An entry exists in id and en."""
        assert code in list_codes("id")
        assert code in list_codes("en")

    def test_english_catalog_matches_the_reader(self, code):
        """The en catalog holds the reader's own English template."""
        params = {
            name: f"<{name}>" for name in placeholders(REJECT_REASONS[code])
        }

        assert REJECT_REASONS[code].format(**params) == translate(
            code, "en", **params
        )

    def test_indonesian_uses_the_same_placeholders(self, code):
        """The id template asks for exactly the English placeholders."""
        params = {
            name: f"<{name}>" for name in placeholders(REJECT_REASONS[code])
        }
        text = translate(code, "id", **params)

        assert all(
            f"<{name}>" in text or f"'<{name}>'" in text for name in params
        )
