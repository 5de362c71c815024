"""Unions: optional values, tagged classes and scalar alternatives."""

import attrs
import pytest

from dayasos.errors import ConfigurationError, RecordError
from dayasos.serialization import json_schema, structure, unstructure


@attrs.frozen
class Cat:
    """Test member of a tagged union."""

    name: str


@attrs.frozen
class Dog:
    """Test member of a tagged union with the same fields as Cat."""

    name: str


@attrs.frozen(kw_only=True)
class Shelter:
    """Test class with a tagged union inside an optional tuple."""

    animals: tuple[Cat | Dog, ...] | None = None
    code: int | str | None = None


@attrs.frozen
class Typed:
    """Test class whose field clashes with the tag."""

    type: str


@attrs.frozen
class Other:
    """Test class for the clash."""

    name: str


class TestTaggedUnions:
    """Classes in a union carry their class name."""

    def test_tags_survive_inside_an_optional_tuple(self):
        """The declared item type is used, so every item is tagged."""
        shelter = Shelter(animals=(Cat("Manis"), Dog("Belang")))

        data = unstructure(shelter)

        assert [
            {"type": "Cat", "name": "Manis"},
            {"type": "Dog", "name": "Belang"},
        ] == data["animals"]
        assert shelter == structure(data, Shelter)

    def test_a_tag_of_the_wrong_kind_is_refused(self):
        """A tag is a class name, a string."""
        with pytest.raises(RecordError) as info:
            structure({"animals": [{"type": 1, "name": "x"}]}, Shelter)

        assert ["animals[0].type"] == [p.path for p in info.value.problems]
        assert "serialization.union_tag" == info.value.problems[0].code

    def test_an_array_is_not_a_tagged_object(self):
        """The value must be an object."""
        with pytest.raises(RecordError) as info:
            structure({"animals": [["Cat", "x"]]}, Shelter)

        assert ["animals[0]"] == [p.path for p in info.value.problems]

    def test_a_class_with_a_field_named_like_the_tag_cannot_be_tagged(
        self,
    ):
        """A clash is a configuration error, not an input problem."""
        with pytest.raises(ConfigurationError):
            structure({"type": "Other", "name": "x"}, Typed | Other)


class TestScalarAlternatives:
    """Without tags, the value's own kind chooses the member."""

    @pytest.mark.parametrize(("value", "expected"), [(7, 7), ("A7", "A7")])
    def test_each_member_takes_its_own_kind(self, value, expected):
        """An integer stays an integer and a string a string."""
        assert expected == structure({"code": value}, Shelter).code

    def test_a_value_of_neither_kind_is_refused(self):
        """A float is neither int nor str."""
        with pytest.raises(RecordError) as info:
            structure({"code": 1.5}, Shelter)

        assert ["code: expected int or str, got number"] == (
            info.value.lines()
        )

    def test_null_is_refused_where_none_is_not_allowed(self):
        """A union without None does not read null."""
        with pytest.raises(RecordError) as info:
            structure(None, int | str)

        assert "serialization.wrong_type" == info.value.problems[0].code

    def test_the_schema_lists_the_alternatives_flat(self):
        """Nested anyOf are merged into one list."""
        shelter = json_schema(Shelter)["$defs"]["Shelter"]

        assert [
            {"type": "integer"},
            {"type": "string"},
            {"type": "null"},
        ] == shelter["properties"]["code"]["anyOf"]
