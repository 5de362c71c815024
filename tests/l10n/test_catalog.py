"""Tests for dayasos.l10n message catalogs, translate and format_error."""

import ast
import pathlib
import re
import string

import pytest

from dayasos import errors
from dayasos.errors import (
    ConfigurationError,
    DayasosError,
    InvalidFormat,
    InvalidLength,
    RecordError,
    ValidationError,
)
from dayasos.l10n import _catalog, format_error, list_codes, translate
from dayasos.money import Rupiah, allocate


SRC = pathlib.Path(__file__).parents[2] / "src" / "dayasos"

#: Placeholders that only one language's grammar needs (English plurals).
GRAMMAR_ONLY = frozenset({"plural"})

#: Parameters every error has, whatever the raise site passes.
ALWAYS = frozenset({"value", "detail"})

#: Keywords of an error that are not template parameters.
NOT_PARAMS = frozenset({"code", "path", "personal"})

ERROR_NAMES = frozenset(errors.__all__)


def placeholders(template):
    """The top-level names a str.format template asks for."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None:
            names.add(field.split(".")[0].split("[")[0])
    return names


def is_error_class(func):
    """Whether a call's callee looks like a dayasos exception class."""
    name = func.attr if isinstance(func, ast.Attribute) else func.id
    return name in ERROR_NAMES or name.endswith("Error")


def literal_codes(node):
    """The codes a ``code=`` expression can give: literals, both branches."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return literal_codes(node.body) + literal_codes(node.orelse)
    return []


def code_sites():
    """
    Every stable code written in the source, with what its sites offer.

    Returns ``{code: [params or None, ...]}``: the parameters a raise site
    fills the template with, or None when the site is not an exception
    constructor (a helper that passes the code on) or passes ``**params``.
    """
    sites = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg != "code":
                        continue
                    for code in literal_codes(keyword.value):
                        direct = isinstance(
                            node.func, (ast.Name, ast.Attribute)
                        ) and is_error_class(node.func)
                        splat = any(k.arg is None for k in node.keywords)
                        params = None
                        if direct and not splat:
                            params = {
                                k.arg for k in node.keywords
                            } - NOT_PARAMS
                        sites.setdefault(code, []).append(params)
            elif isinstance(node, ast.ClassDef):
                fields = class_fields(node)
                if isinstance(fields.get("code"), str):
                    message = fields.get("message")
                    params = (
                        placeholders(message)
                        if isinstance(message, str)
                        else None
                    )
                    sites.setdefault(fields["code"], []).append(params)
    return sites


def class_fields(node):
    """The constant class attributes of a class body, by name."""
    fields = {}
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign):
            target, value = statement.target, statement.value
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        else:
            continue
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
            fields[target.id] = value.value
    return fields


def code_patterns():
    """
    Codes built with f-strings, such as ``f"{area}.length"``, as regexes.

    Each interpolated part matches any code segment.
    """
    patterns = set()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "code"
                and isinstance(node.value, ast.JoinedStr)
            ):
                parts = [
                    re.escape(part.value)
                    if isinstance(part, ast.Constant)
                    else "[a-z_]+"
                    for part in node.value.values
                ]
                patterns.add("".join(parts))
    return sorted(patterns)


SITES = code_sites()


class TestCatalogsAreComplete:
    """Every code in the source has words in both languages."""

    def test_source_codes_were_found(self):
        """The scan sees the codes of money and of the error classes."""
        assert {"rupiah.not_int", "allocate.no_weights", "record"} <= set(
            SITES
        )

    @pytest.mark.parametrize("code", sorted(SITES))
    def test_code_has_an_indonesian_entry(self, code):
        """A new code="..." in src needs a msgid in the id catalog."""
        assert code in list_codes("id")

    @pytest.mark.parametrize("pattern", code_patterns())
    def test_codes_built_from_parts_have_entries(self, pattern):
        """A code such as f"{area}.length" has at least one entry."""
        matching = [c for c in list_codes("id") if re.fullmatch(pattern, c)]

        assert [] != matching

    def test_both_catalogs_hold_the_same_codes(self):
        """No code is translated in one language only."""
        assert list_codes("id") == list_codes("en")

    @pytest.mark.parametrize("code", list_codes("id"))
    def test_both_languages_ask_for_the_same_placeholders(self, code):
        """Translations fill in the same values (grammar aside)."""
        id_ = placeholders(_catalog.templates("id")[code]) - GRAMMAR_ONLY
        en = placeholders(_catalog.templates("en").get(code, "")) - (
            GRAMMAR_ONLY
        )

        assert en == id_

    @pytest.mark.parametrize("code", sorted(SITES))
    def test_placeholders_are_given_at_every_raise_site(self, code):
        """A template asks only for what each raise site passes."""
        offered = [params for params in SITES[code] if params is not None]
        wanted = set()
        for language in ("id", "en"):
            template = _catalog.templates(language).get(code, "")
            wanted |= placeholders(template)
        missing = [sorted(wanted - params - ALWAYS) for params in offered]

        assert [] == [names for names in missing if names]

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_every_template_is_valid_format_syntax(self, language):
        """Every msgstr parses as a str.format template."""
        broken = []
        for code, template in _catalog.templates(language).items():
            try:
                list(string.Formatter().parse(template))
            except ValueError:
                broken.append(code)

        assert [] == broken


class TestTranslate:
    """Codes rendered in a language."""

    @pytest.mark.parametrize(
        ("code", "id_", "en"),
        [
            ("verdict.eligible", "layak", "eligible"),
            ("verdict.ineligible", "tidak layak", "ineligible"),
            ("verdict.undetermined", "belum dapat ditentukan", "undetermined"),
            ("sex.male", "laki-laki", "male"),
            ("sex.female", "perempuan", "female"),
            ("period.unit.quarter", "triwulan", "quarter"),
        ],
    )
    def test_seeded_words(self, code, id_, en):
        """Verdicts, sexes and period words are in both catalogs."""
        assert (id_, en) == (translate(code, "id"), translate(code, "en"))

    def test_parameters_fill_the_template(self):
        """Keyword parameters fill the placeholders."""
        text = translate("period.label.quarter", roman="II", year=2021)

        assert "Triwulan II 2021" == text

    def test_missing_parameter_shows_its_placeholder(self):
        """A missing value never crashes; the placeholder stays visible."""
        text = translate("rupiah.not_int", "en", kind="float")

        assert text.startswith("Rupiah amounts are whole numbers")
        assert "got float {value!r};" in text

    def test_a_parameter_may_be_called_code(self):
        """The code is positional-only, so a template may use {code}."""
        assert "eligible" == translate("verdict.eligible", "en", code="x")

    def test_unknown_code_reads_as_itself(self):
        """A code in no catalog is shown as the code."""
        assert "nik.unheard_of" == translate("nik.unheard_of")

    def test_code_missing_in_indonesian_falls_back_to_english(
        self, monkeypatch
    ):
        """An entry only in en is better than the bare code."""
        catalogs = {"id": {}, "en": {"new.code": "new {thing}"}}
        monkeypatch.setattr(_catalog, "templates", catalogs.__getitem__)

        assert "new box" == translate("new.code", "id", thing="box")

    @pytest.mark.parametrize(
        ("template", "params", "expected"),
        [
            ("{a} and {b}", {"a": 1}, "1 and {b}"),
            ("{a!r}", {}, "{a!r}"),
            ("{a:>5}", {}, "{a:>5}"),
            ("{a.b}", {"a": 1}, "{a.b}"),
            ("{a[0]}", {}, "{a[0]}"),
            ("{0}", {}, "{0}"),
            ("{a:d}", {"a": "text"}, "text"),
            ("{unbalanced", {}, "{unbalanced"),
            ("{{literal}}", {}, "{literal}"),
        ],
    )
    def test_filling_never_crashes(self, template, params, expected):
        """Odd or broken templates render as much as they can."""
        assert expected == _catalog.fill(template, params)


class TestFormatError:
    """Errors rendered for people."""

    def test_error_reads_in_indonesian_with_its_path(self):
        """path: message, the message from the id catalog."""
        with pytest.raises(ValidationError) as info:
            allocate(Rupiah(100), [1, -1])

        assert "weights[1]: bobot tidak boleh negatif, diberikan -1" == (
            format_error(info.value)
        )

    def test_error_reads_in_english(self):
        """The en catalog gives the English sentence."""
        with pytest.raises(InvalidFormat) as info:
            Rupiah(1.5)

        assert format_error(info.value, "en").startswith(
            "amount: Rupiah amounts are whole numbers of rupiah"
        )

    def test_error_without_path_has_no_prefix(self):
        """No path, no colon."""
        error = ValidationError(
            "cannot divide by a zero amount", code="rupiah.zero_division"
        )

        assert "tidak dapat membagi dengan jumlah nol" == format_error(error)

    def test_code_without_entry_falls_back_to_the_english_template(self):
        """A code the catalogs do not know reads as its own template."""
        error = InvalidLength(
            "expected {expected} digits, got {length}",
            code="nik.unheard_of",
            path="nik",
            expected=16,
            length=15,
        )

        assert "nik: expected 16 digits, got 15" == format_error(error)

    def test_purpose_written_message_beats_the_generic_class_code(self):
        """A generic code says less than the message written for it."""
        error = ValidationError("the weights sum to zero", path="weights")

        assert "weights: the weights sum to zero" == format_error(error)

    def test_class_default_message_is_translated(self):
        """With neither code nor message, the class default is localized."""
        error = InvalidFormat(path="tanggal", value="21/07")

        assert "tanggal: format tidak sah '21/07'" == format_error(error)

    def test_personal_value_stays_masked(self):
        """A NIK in an error is masked in every language."""
        error = InvalidFormat(
            path="nik", value="3171014107800001", personal=True
        )

        assert "nik: format tidak sah '3171********0001'" == format_error(
            error
        )

    def test_record_error_lists_one_line_per_problem(self):
        """A summary line, then each problem on its own indented line."""
        error = RecordError(
            [
                ValidationError(
                    "weights must not be negative, got {value}",
                    code="allocate.negative_weight",
                    path="weights[1]",
                    value=-2,
                ),
                InvalidFormat(path="members[0].nik", value="12ab"),
            ],
            record="keluarga",
        )
        expected = [
            "keluarga: 2 masalah",
            "  weights[1]: bobot tidak boleh negatif, diberikan -2",
            "  members[0].nik: format tidak sah '12ab'",
        ]

        assert expected == format_error(error).splitlines()

    def test_record_error_in_english_matches_its_str(self):
        """In English the rendering is the error's own text."""
        error = RecordError(
            [InvalidFormat(path="members[0].nik", value="12ab")],
            record="family",
            path="families[3]",
        )

        assert str(error) == format_error(error, "en")

    def test_nested_record_error_indents_deeper(self):
        """A record inside a record keeps its own indentation."""
        inner = RecordError(
            [InvalidFormat(path="nik", value="x")], record="anggota"
        )
        outer = RecordError([inner], record="keluarga")
        expected = [
            "keluarga: 1 masalah",
            "  anggota: 1 masalah",
            "    nik: format tidak sah 'x'",
        ]

        assert expected == format_error(outer).splitlines()

    def test_root_error_reads_its_detail(self):
        """A bare DayasosError shows its detail in any language."""
        error = DayasosError(detail="something odd")

        assert "something odd" == format_error(error, "id")

    def test_locale_error_is_itself_translatable(self):
        """The error for an unknown locale reads in Indonesian too."""
        with pytest.raises(ConfigurationError) as info:
            translate("verdict.eligible", "fr")

        assert (
            "locale: bahasa 'fr' tidak didukung; dayasos mendukung id, en, "
            'contoh: locale="id"'
        ) == format_error(info.value)
