"""Round trips: ``structure(unstructure(x), type(x)) == x`` for every type."""

import enum
import json
from collections.abc import Mapping
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dayasos.ids import KK, NIK, RegionCode
from dayasos.model import Family, Recipient
from dayasos.money import Rupiah
from dayasos.serialization import (
    dumps,
    dumps_jsonl,
    load_jsonl,
    loads,
    structure,
    unstructure,
)
from dayasos.testing import _model as strategies


MODEL_STRATEGIES = sorted(strategies.__all__)


class Colour(enum.Enum):
    """Test enum."""

    RED = "red"
    GREEN = "green"


class Level(enum.Enum):
    """Test enum with integer codes."""

    LOW = 1
    HIGH = 2


@attrs.frozen(kw_only=True)
class Leaf:
    """Test class of scalars."""

    text: str
    number: int
    share: float
    flag: bool
    day: date
    money: Rupiah
    colour: Colour
    level: Level | None


@attrs.frozen(kw_only=True)
class Tree:
    """Test class of containers of classes."""

    leaves: tuple[Leaf, ...]
    colours: frozenset[Colour]
    pair: tuple[int, str]
    by_name: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    optional: Leaf | None = None


leaves = st.builds(
    Leaf,
    text=st.text(),
    number=st.integers(),
    share=st.floats(allow_nan=False, allow_infinity=False),
    flag=st.booleans(),
    day=st.dates(),
    money=st.integers().map(Rupiah),
    colour=st.sampled_from(Colour),
    level=st.none() | st.sampled_from(Level),
)
trees = st.builds(
    Tree,
    leaves=st.lists(leaves, max_size=3).map(tuple),
    colours=st.frozensets(st.sampled_from(Colour)),
    pair=st.tuples(st.integers(), st.text()),
    by_name=st.dictionaries(st.text(), st.integers(), max_size=3),
    optional=st.none() | leaves,
)


class TestGenericRoundTrips:
    """Any attrs class of supported fields survives the trip."""

    @given(trees)
    def test_plain_data_gives_back_the_object(self, tree):
        """Unstructured data structures back to an equal tree."""
        assert tree == structure(unstructure(tree), Tree)

    @given(trees)
    def test_json_text_gives_back_the_object(self, tree):
        """JSON text reads back to an equal tree."""
        assert tree == loads(dumps(tree), Tree)

    @given(trees)
    def test_equal_objects_give_the_same_text(self, tree):
        """Rebuilding the sets in another order changes nothing."""
        shuffled = attrs.evolve(
            tree,
            colours=frozenset(sorted(tree.colours, key=str, reverse=True)),
        )

        assert dumps(tree) == dumps(shuffled)


class TestModelRoundTrips:
    """Every model type, from the model's own strategies."""

    @pytest.mark.parametrize("name", MODEL_STRATEGIES)
    def test_plain_data_gives_back_the_object(self, name):
        """structure(unstructure(x), type(x)) == x."""

        @given(getattr(strategies, name)())
        def check(value):
            data = unstructure(value)

            assert value == structure(data, type(value))
            assert data == json.loads(dumps(value))

        check()

    @given(strategies.recipients())
    def test_a_recipient_survives_as_the_union(self, recipient):
        """Read as the union, the tag brings back the right class."""
        tagged = {"type": type(recipient).__name__, **unstructure(recipient)}

        assert recipient == structure(tagged, Recipient)

    @settings(max_examples=20)  # families are slow to draw; lines are cheap
    @given(st.lists(strategies.families(max_members=3), max_size=3))
    def test_a_batch_of_families_survives_json_lines(self, families):
        """Every line reads back, numbered from 1."""
        text = dumps_jsonl(families)

        results = list(load_jsonl(text, Family))

        assert list(enumerate(families, start=1)) == results


class TestIdentifiersRoundTrip:
    """The value types."""

    def test_identifiers_survive(self):
        """NIK, KK and region codes come back equal."""
        values = (
            NIK("3171014107800001"),
            KK("3171012001150003"),
            RegionCode("3171011001"),
        )

        assert values == tuple(
            structure(unstructure(v), type(v)) for v in values
        )
