"""JSON Schema of the input types, checked against the converter."""

import copy
import json
import pathlib
from datetime import date

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from dayasos.errors import ConfigurationError, RecordError
from dayasos.model import (
    Community,
    Disbursement,
    Family,
    Institution,
    KubeGroup,
    Person,
    Recipient,
)
from dayasos.serialization import dumps, json_schema, loads, structure
from dayasos.testing import _model as strategies


DATA = pathlib.Path(__file__).parents[2] / "examples" / "data"

#: The example files and the type each one holds.
EXAMPLES = {
    "family_pkh.json": Family,
    "family_covid_business.json": Family,
    "family_incomplete.json": Family,
    "institution_puskesos.json": Institution,
    "institution_karang_taruna.json": Institution,
    "institution_tksk.json": Institution,
    "community_kat.json": Community,
    "kube_group.json": KubeGroup,
    "disbursement_bst.json": Disbursement,
    "disbursement_food_packages.json": Disbursement,
}

INPUT_TYPES = (Family, Person, Institution, Community, KubeGroup, Disbursement)


def validator(cls):
    """A draft 2020-12 validator of the schema of `cls`."""
    schema = json_schema(cls)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


VALIDATORS = {cls: validator(cls) for cls in INPUT_TYPES}


def read(name):
    """The parsed JSON of an example file."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


class TestSchemaShape:
    """What the generated schema says."""

    @pytest.mark.parametrize("cls", INPUT_TYPES)
    def test_every_input_type_has_a_valid_schema(self, cls):
        """The schema itself is valid draft 2020-12."""
        schema = json_schema(cls)

        assert (
            "https://json-schema.org/draft/2020-12/schema"
            == (schema["$schema"])
        )
        assert f"#/$defs/{cls.__name__}" == schema["$ref"]

    def test_objects_refuse_unknown_keys_and_list_required_ones(self):
        """A Person requires its id only; every object is closed."""
        defs = json_schema(Family)["$defs"]

        assert ["id"] == defs["Person"]["required"]
        assert ["id", "members"] == defs["Family"]["required"]
        assert all(
            d["additionalProperties"] is False
            for d in defs.values()
            if d.get("type") == "object"
        )

    def test_identifiers_dates_and_money_have_their_forms(self):
        """NIK and KK are 16 digits, dates ISO, Rupiah integers."""
        defs = json_schema(Family)["$defs"]

        assert "^[0-9]{16}$" == defs["NIK"]["pattern"]
        assert "^[0-9]{16}$" == defs["KK"]["pattern"]
        assert "date" == defs["Date"]["format"]
        assert (
            "integer" == json_schema(Disbursement)["$defs"]["Rupiah"]["type"]
        )

    def test_enums_list_their_codes(self):
        """Enum codes are the enum's values."""
        defs = json_schema(Person)["$defs"]

        assert ["male", "female"] == defs["Sex"]["enum"]
        assert "string" == defs["Sex"]["type"]

    def test_field_descriptions_come_from_the_docstring(self):
        """The Args: section documents the properties."""
        person = json_schema(Person)["$defs"]["Person"]

        assert (
            "Date of birth."
            == (person["properties"]["birth_date"]["description"])
        )
        assert person["description"].startswith("A person")

    def test_a_tagged_union_requires_its_tag(self):
        """Each class of the union has a variant with a constant tag."""
        schema = json_schema(Recipient)
        variant = schema["$defs"]["FamilyRef_tagged"]

        assert {"const": "FamilyRef"} == variant["properties"]["type"]
        assert "type" in variant["required"]

    def test_a_type_without_a_json_form_is_a_configuration_error(self):
        """Complex numbers have no schema."""

        @attrs.frozen
        class Odd:
            """Test class with an unsupported field."""

            value: complex

        with pytest.raises(ConfigurationError):
            json_schema(Odd)

    def test_recursive_classes_refer_to_themselves(self):
        """A class met again is a reference, not an endless schema."""
        schema = json_schema(Node)

        children = schema["$defs"]["Node"]["properties"]["children"]

        assert {"$ref": "#/$defs/Node"} == children["items"]


@attrs.frozen
class Node:
    """Test recursive class."""

    name: str
    children: "tuple[Node, ...]" = ()


class TestExamplesAgainstSchema:
    """The shipped examples are valid for both schema and converter."""

    @pytest.mark.parametrize(("name", "cls"), EXAMPLES.items())
    def test_an_example_file_is_valid(self, name, cls):
        """Valid for the schema, and read without a problem."""
        data = read(name)

        errors = list(VALIDATORS[cls].iter_errors(data))

        assert [] == errors
        assert isinstance(structure(data, cls), cls)

    def test_the_jsonl_example_has_one_bad_line(self):
        """Line 3 fails the schema and the converter; the rest pass."""
        lines = (DATA / "families_with_errors.jsonl").read_text("utf-8")
        verdicts = []
        for number, line in enumerate(lines.splitlines(), start=1):
            data = json.loads(line)
            schema_ok = VALIDATORS[Family].is_valid(data)
            try:
                structure(data, Family)
            except RecordError:
                converter_ok = False
            else:
                converter_ok = True
            verdicts.append((number, schema_ok, converter_ok))

        assert [
            (1, True, True),
            (2, True, True),
            (3, False, False),
            (4, True, True),
        ] == verdicts


def breakages():
    """Ways to break the PKH family, each refused by schema and converter."""

    def member(data, index):
        return data["members"][index]["person"]

    return {
        "unknown key": lambda d: d.update(nama="x"),
        "unknown nested key": lambda d: member(d, 1).update(hobby="x"),
        "missing required field": lambda d: d.pop("members"),
        "number as string": lambda d: d.update(decile="1"),
        "string as number": lambda d: member(d, 0).update(name=7),
        "boolean as string": lambda d: member(d, 0).update(
            covid_affected="false"
        ),
        "short NIK": lambda d: member(d, 2).update(nik="337401570112000"),
        "NIK as number": lambda d: member(d, 2).update(nik=3374015701120003),
        "dotted NIK": lambda d: member(d, 2).update(
            nik="33.74.01.570112.0003"
        ),
        "bad date form": lambda d: member(d, 3).update(
            birth_date="02/11/2018"
        ),
        "bad enum code": lambda d: member(d, 3).update(sex="laki-laki"),
        "bad region": lambda d: d.update(region="33-74-01"),
        "null for a required list": lambda d: d.update(members=None),
        "set with a repeated code": lambda d: member(d, 0).update(
            ppks=["PPKS-24", "PPKS-24"]
        ),
    }


class TestInvalidDocuments:
    """What the schema refuses, the converter refuses too."""

    @pytest.mark.parametrize(("name", "breaks"), breakages().items())
    def test_a_broken_family_is_refused_by_both(self, name, breaks):
        """Schema and converter agree on the broken document."""
        data = copy.deepcopy(read("family_pkh.json"))
        breaks(data)

        schema_errors = list(VALIDATORS[Family].iter_errors(data))
        with pytest.raises(RecordError):
            structure(data, Family)

        assert schema_errors, name

    def test_float_money_is_refused_by_both(self):
        """1500000.5 is no amount of rupiah for either."""
        data = read("disbursement_bst.json")
        data["aid"]["amount"] = 600_000.5

        assert not VALIDATORS[Disbursement].is_valid(data)
        with pytest.raises(RecordError):
            structure(data, Disbursement)

    def test_a_date_outside_the_calendar_passes_the_schema_only(self):
        """The schema checks the form; the converter also the calendar."""
        data = read("family_incomplete.json")
        data["members"][0]["person"]["birth_date"] = "1980-02-30"

        assert VALIDATORS[Family].is_valid(data)
        with pytest.raises(RecordError):
            structure(data, Family)


class TestGeneratedDocuments:
    """Whatever the converter writes, the schema accepts."""

    @given(strategies.families())
    def test_written_families_are_valid(self, family):
        """A family's JSON is valid for the Family schema."""
        data = json.loads(dumps(family))

        assert [] == list(VALIDATORS[Family].iter_errors(data))

    @given(strategies.disbursements())
    def test_written_disbursements_are_valid(self, disbursement):
        """Tags, periods and money all fit the schema."""
        data = json.loads(dumps(disbursement))

        assert [] == list(VALIDATORS[Disbursement].iter_errors(data))
        assert disbursement == loads(json.dumps(data), Disbursement)

    @given(strategies.institutions())
    def test_written_institutions_are_valid(self, institution):
        """Staff, legal status and dates fit the schema."""
        data = json.loads(dumps(institution))

        assert VALIDATORS[Institution].is_valid(data)

    @given(strategies.communities())
    def test_written_communities_are_valid(self, community):
        """Stages, groups and integer categories fit the schema."""
        data = json.loads(dumps(community))

        assert VALIDATORS[Community].is_valid(data)

    def test_a_date_object_is_not_json(self):
        """The schema describes JSON text: dates are strings there."""
        assert not VALIDATORS[Person].is_valid(
            {"id": "p", "birth_date": date(2000, 1, 1)}
        )
