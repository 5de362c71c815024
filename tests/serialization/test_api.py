"""Strict structuring: every problem of a record, each at its path."""

import enum
from collections.abc import Mapping
from datetime import date
from typing import Literal

import attrs
import pytest

from dayasos.errors import ConfigurationError, DayasosError, RecordError
from dayasos.ids import KK, NIK, RegionCode
from dayasos.money import Rupiah
from dayasos.serialization import structure, unstructure


NIK_SITI = "3171014107800001"
NIK_BUDI = "3171010508750002"
KK_NUMBER = "3171012001150003"


class Sex(enum.Enum):
    """Test enum with string codes."""

    MALE = "male"
    FEMALE = "female"


class Tahap(enum.Enum):
    """Test enum with integer codes."""

    ONE = 1
    TWO = 2


class Status(enum.Enum):
    """Test enum of a membership's states."""

    ACTIVE = "active"
    GRADUATED = "graduated"


@attrs.frozen(kw_only=True)
class Member:
    """Test member of a household."""

    nik: NIK | None
    name: str
    birth_date: date
    sex: Sex
    in_school: bool = False
    tags: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class Change:
    """Test status change."""

    on: date
    status: Status


@attrs.frozen(kw_only=True)
class Membership:
    """Test program membership with its history."""

    program: str
    history: tuple[Change, ...]


@attrs.frozen(kw_only=True)
class Household:
    """Test household."""

    kk: KK
    region: RegionCode
    members: tuple[Member, ...]
    memberships: tuple[Membership, ...] = ()
    income: Rupiah | None = None


@attrs.frozen(kw_only=True)
class Payment:
    """Test class with numbers, literals, mappings and fixed tuples."""

    tahap: Tahap
    share: float
    channel: Literal["bank", "pos"]
    amounts: Mapping[Sex, Rupiah]
    window: tuple[date, date]


def member(nik=NIK_SITI, name="Siti", **changes):
    """A valid member as plain data."""
    data = {
        "nik": nik,
        "name": name,
        "birth_date": "1980-07-01",
        "sex": "female",
    }
    data.update(changes)
    return data


def household(**changes):
    """A valid household of four as plain data."""
    data = {
        "kk": KK_NUMBER,
        "region": "31.71.01.1001",
        "members": [
            member(),
            member(NIK_BUDI, "Budi", birth_date="1975-08-05", sex="male"),
            member(None, "Ani", birth_date="2015-01-20", tags=["toddler"]),
            member(None, "Rudi", birth_date="2010-02-03", sex="male"),
        ],
        "memberships": [
            {
                "program": "pkh",
                "history": [
                    {"on": "2018-01-15", "status": "active"},
                    {"on": "2020-07-21", "status": "graduated"},
                ],
            }
        ],
        "income": 1_200_000,
    }
    data.update(changes)
    return data


def problems(data, cls=Household):
    """The `path: message` lines structuring `data` gives."""
    with pytest.raises(RecordError) as info:
        structure(data, cls)
    return info.value


def paths(error):
    """The paths of a record error's problems."""
    return [p.path for p in error.problems]


class TestValidRecords:
    """Good data becomes objects."""

    def test_a_household_is_read_with_its_nested_records(self):
        """Members, memberships and histories become typed objects."""
        result = structure(household(), Household)

        assert KK(KK_NUMBER) == result.kk
        assert RegionCode("3171011001") == result.region
        assert NIK(NIK_SITI) == result.members[0].nik
        assert None is result.members[2].nik
        assert Sex.MALE == result.members[1].sex
        assert frozenset({"toddler"}) == result.members[2].tags
        assert date(2020, 7, 21) == result.memberships[0].history[1].on
        assert Rupiah(1_200_000) == result.income

    def test_a_region_code_may_be_plain_digits(self):
        """Plain digits and the dotted form give the same region."""
        dotted = structure(household(), Household)
        plain = structure(household(region="3171011001"), Household)

        assert dotted.region == plain.region

    def test_fields_with_a_default_may_be_left_out(self):
        """Unknown income and no memberships are simply absent."""
        data = household()
        del data["income"], data["memberships"]

        result = structure(data, Household)

        assert (None, ()) == (result.income, result.memberships)

    def test_native_dates_are_accepted(self):
        """A `date` (as TOML gives it) is as good as its ISO string."""
        result = structure(member(birth_date=date(1980, 7, 1)), Member)

        assert date(1980, 7, 1) == result.birth_date

    def test_already_built_values_are_accepted(self):
        """Python callers may pass the value types themselves."""
        result = structure(
            household(kk=KK(KK_NUMBER), income=Rupiah(5)), Household
        )

        assert Rupiah(5) == result.income

    def test_numbers_literals_mappings_and_pairs(self):
        """Integer enums, floats, literals, mappings and fixed tuples."""
        data = {
            "tahap": 2,
            "share": 1,
            "channel": "pos",
            "amounts": {"male": 10, "female": 20},
            "window": ["2020-07-01", "2020-07-31"],
        }

        result = structure(data, Payment)

        assert Tahap.TWO == result.tahap
        assert 1.0 == result.share
        assert {Sex.MALE: Rupiah(10), Sex.FEMALE: Rupiah(20)} == dict(
            result.amounts
        )
        assert (date(2020, 7, 1), date(2020, 7, 31)) == result.window

    def test_generic_types_can_be_structured(self):
        """A tuple of records is read as such."""
        result = structure([member()], tuple[Member, ...])

        assert "Siti" == result[0].name


class TestUnknownAndMissingFields:
    """Keys must match the fields exactly."""

    def test_an_unknown_key_is_refused_at_its_path(self):
        """A typo inside a member is reported where it is."""
        data = household()
        data["members"][1]["nama"] = "Budi"

        error = problems(data)

        assert ["members[1].nama"] == paths(error)
        assert "serialization.unknown_field" == error.problems[0].code

    def test_an_unknown_key_suggests_the_known_one(self):
        """The closest field name is offered."""
        data = household()
        data["members"][0]["birth_dat"] = "1980-07-01"
        del data["members"][0]["birth_date"]

        error = problems(data)

        assert [
            "members[0].birth_date: required field missing",
            'members[0].birth_dat: unknown field, did you mean "birth_date"?',
        ] == error.lines()

    def test_a_missing_required_field_is_reported(self):
        """A member without a name is incomplete."""
        data = household()
        del data["members"][3]["name"]

        error = problems(data)

        assert ["members[3].name: required field missing"] == error.lines()
        assert "serialization.missing_field" == error.problems[0].code


class TestWrongTypes:
    """Nothing is coerced."""

    @pytest.mark.parametrize(
        ("field", "value", "expected"),
        [
            ("name", 12, "name: expected a string, got integer"),
            ("in_school", 1, "in_school: expected a boolean (true or false)"),
            ("in_school", "true", "in_school: expected a boolean"),
            ("tags", "toddler", "tags: expected an array, got string"),
            ("nik", 3171014107800001, "nik: expected a NIK as a string"),
        ],
    )
    def test_a_value_of_the_wrong_kind_is_refused(
        self, field, value, expected
    ):
        """Strings, booleans, arrays and NIKs are not converted."""
        error = problems(member(**{field: value}), Member)

        assert 1 == len(error.problems)
        assert error.lines()[0].startswith(expected)

    def test_a_boolean_is_not_an_integer(self):
        """True is not the integer enum code 1."""
        error = problems(
            {
                "tahap": True,
                "share": False,
                "channel": "bank",
                "amounts": {},
                "window": ["2020-07-01", "2020-07-31"],
            },
            Payment,
        )

        assert ["tahap", "share"] == paths(error)

    def test_a_string_is_not_an_integer_enum_code(self):
        """The code "1" is not the code 1."""
        error = problems(
            {
                "tahap": "1",
                "share": 0.5,
                "channel": "post",
                "amounts": {"male": 1, "other": 2},
                "window": ["2020-07-01"],
            },
            Payment,
        )

        assert [
            "tahap",
            "channel",
            'amounts["other"]',
            "window",
        ] == paths(error)
        assert "serialization.literal" == error.problems[1].code
        assert "serialization.length" == error.problems[3].code

    def test_an_object_is_required_for_a_record(self):
        """A list where a member belongs is refused."""
        data = household()
        data["members"][2] = ["Ani"]

        error = problems(data)

        assert [
            "members[2]: expected an object (Member), got array"
        ] == error.lines()

    def test_the_whole_record_must_be_an_object(self):
        """A top-level string is refused without a path."""
        error = problems("family")

        assert ["expected an object (Household), got string"] == (
            error.lines()
        )


class TestMoney:
    """Rupiah are JSON integers."""

    def test_a_float_amount_is_refused(self):
        """Fractions of rupiah do not exist, and 1200000.0 is a float."""
        error = problems(household(income=1_200_000.0))

        assert ["income"] == paths(error)
        assert "serialization.rupiah_not_int" == error.problems[0].code
        assert "got number 1200000.0" in error.lines()[0]

    def test_a_string_amount_is_refused(self):
        """Text is not money either."""
        error = problems(household(income="1200000"))

        assert [
            ("income: expected a whole number of rupiah (integer), got string")
        ] == error.lines()


class TestDates:
    """Dates are ISO calendar dates."""

    @pytest.mark.parametrize(
        "text", ["21/07/2020", "20200721", "2020-7-21", "2020-07-21T00:00"]
    )
    def test_other_date_forms_are_refused(self, text):
        """Only YYYY-MM-DD is read."""
        error = problems(member(birth_date=text), Member)

        assert "serialization.date_format" == error.problems[0].code
        assert "birth_date" == error.problems[0].path

    def test_a_date_that_is_not_in_the_calendar_is_refused(self):
        """30 February has the right form but does not exist."""
        error = problems(member(birth_date="2020-02-30"), Member)

        assert "serialization.date_component" == error.problems[0].code

    def test_a_bad_date_deep_in_a_history_has_its_full_path(self):
        """The path runs through memberships and history."""
        data = household()
        data["memberships"][0]["history"][1]["on"] = "2020-13-01"

        error = problems(data)

        assert ["memberships[0].history[1].on"] == paths(error)


class TestEnums:
    """Enums are read by their codes."""

    def test_an_unknown_code_lists_the_known_ones(self):
        """A wrong code names the enum and its codes."""
        error = problems(member(sex="perempuan"), Member)

        assert [
            ("sex: expected a code of Sex ('male', 'female'), got 'perempuan'")
        ] == error.lines()
        assert "serialization.enum" == error.problems[0].code

    def test_a_member_name_is_not_a_code(self):
        """The Python name FEMALE is not the code female."""
        error = problems(member(sex="FEMALE"), Member)

        assert ["sex"] == paths(error)


class TestIdentifiers:
    """NIK and KK errors keep their codes and hide the number."""

    def test_a_short_nik_in_the_third_member_is_located(self):
        """The error of dayasos.ids is re-pathed, its code kept."""
        data = household()
        data["members"][2]["nik"] = NIK_SITI[:15]

        error = problems(data)

        assert ["members[2].nik"] == paths(error)
        assert "nik.length" == error.problems[0].code
        assert "got 15" in error.lines()[0]

    def test_a_bad_nik_is_never_shown_in_full(self):
        """Neither the problem nor the whole report echoes the number."""
        bad = "3171014107800000"
        data = household(kk="3171012001150000")
        data["members"][0]["nik"] = bad

        error = problems(data)

        assert ["kk", "members[0].nik"] == sorted(paths(error))
        assert bad not in str(error)
        assert "3171012001150000" not in str(error)
        assert all(bad not in repr(p.error.value) for p in error.problems)

    def test_a_nik_with_dots_is_not_canonical(self):
        """The wire form is the 16 digits, nothing else."""
        error = problems(member(nik="31.71.01.410780.0001"), Member)

        assert ["nik"] == paths(error)
        assert "31.71.01.410780.0001" not in str(error)

    def test_a_bad_region_code_is_reported(self):
        """A region code has 2, 4, 6 or 10 digits."""
        error = problems(household(region="31.7"))

        assert ["region"] == paths(error)
        assert error.problems[0].code.startswith("wilayah.")

    @pytest.mark.parametrize("text", ["31-71-01", "31 71 01", "3171.01"])
    def test_a_region_code_in_another_form_is_refused(self, text):
        """Only the dotted form and plain digits are read."""
        error = problems(household(region=text))

        assert "serialization.region_format" == error.problems[0].code
        assert '"31.71.01" or "317101"' in str(error)

    def test_a_nik_typed_in_a_name_is_masked(self):
        """A stray NIK in free text is masked in the report too."""
        data = household()
        data["members"][0]["nama"] = NIK_SITI

        error = problems(data)

        assert NIK_SITI not in str(error)


class TestSeveralProblems:
    """All problems of a record are listed together."""

    def test_every_problem_is_listed_with_its_path(self):
        """Six problems across the record, in field order, one report."""
        data = household(income=99.5, region=3171)
        data["members"][2]["nik"] = "317101410780001"
        data["members"][0]["sex"] = "wanita"
        data["members"][3]["extra"] = True
        data["memberships"][0]["history"][1]["on"] = "21-07-2020"

        error = problems(data)

        assert [
            "region",
            "members[0].sex",
            "members[2].nik",
            "members[3].extra",
            "memberships[0].history[1].on",
            "income",
        ] == paths(error)
        assert 6 == len(error.problems)
        assert str(error).startswith("Household: 6 problems\n")

    def test_a_record_error_is_a_dayasos_error_and_a_value_error(self):
        """Callers may catch either."""
        error = problems({})

        assert isinstance(error, DayasosError)
        assert isinstance(error, ValueError)
        assert {"kk", "region", "members"} == set(paths(error))


class TestDuplicateItems:
    """A set given as an array may not repeat an element."""

    def test_a_repeated_tag_is_refused(self):
        """The second copy is reported at its index."""
        error = problems(member(tags=["a", "b", "a"]), Member)

        assert ["tags[2]: duplicate of item 0"] == error.lines()


class TestUnsupportedTypes:
    """Programming errors are not input errors."""

    def test_a_type_without_a_wire_form_is_a_configuration_error(self):
        """Complex numbers have no JSON form."""
        with pytest.raises(ConfigurationError):
            structure(1, complex)


class TestUnstructure:
    """Objects become plain, stable data."""

    def test_identifiers_are_written_in_full(self):
        """Unstructuring is an explicit request for the digits."""
        data = unstructure(structure(household(), Household))

        assert NIK_SITI == data["members"][0]["nik"]
        assert KK_NUMBER == data["kk"]
        assert "31.71.01.1001" == data["region"]

    def test_frozensets_are_written_sorted(self):
        """The order of a set does not leak into the output."""
        result = structure(member(tags=["c", "a", "b"]), Member)

        assert ["a", "b", "c"] == unstructure(result)["tags"]

    def test_mappings_are_written_with_sorted_keys(self):
        """Enum keys become their codes, in order."""
        payment = Payment(
            tahap=Tahap.ONE,
            share=0.25,
            channel="bank",
            amounts={Sex.MALE: Rupiah(1), Sex.FEMALE: Rupiah(2)},
            window=(date(2020, 1, 1), date(2020, 2, 1)),
        )

        data = unstructure(payment)

        assert {"female": 2, "male": 1} == data["amounts"]
        assert ["female", "male"] == list(data["amounts"])
        assert 1 == data["tahap"]
        assert ["2020-01-01", "2020-02-01"] == data["window"]
