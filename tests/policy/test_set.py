"""Snapshots of the values in force on a date, and parameter sets."""

from datetime import UTC, date, datetime

import pytest

from dayasos.errors import ParameterError
from dayasos.money import Rupiah
from dayasos.policy import Confidence, ParameterSet, Reference


class TestAt:
    """Which value is in force on a date."""

    def test_since_is_inclusive(self, params):
        """On the first day of a new value, the new value holds."""
        snapshot = params.at(date(2020, 1, 1))

        assert Rupiah(3_000_000) == snapshot["pkh.amount.ibu_hamil"]

    def test_the_day_before_since_has_the_old_value(self, params):
        """The previous value holds until the day before."""
        snapshot = params.at(date(2019, 12, 31))

        assert Rupiah(2_400_000) == snapshot["pkh.amount.ibu_hamil"]

    def test_until_is_exclusive(self, params):
        """The last day before until is covered; until itself is not."""
        assert Rupiah(500_000) == params.at(date(2020, 8, 31))["bst.amount"]
        with pytest.raises(ParameterError) as info:
            params.at(date(2020, 9, 1))["bst.amount"]

        assert "parameter.not_in_force" == info.value.error_code

    def test_a_date_before_the_first_value_is_not_zero(self, params):
        """Before a parameter exists, asking for it is an error."""
        snapshot = params.at(date(2018, 12, 31))

        with pytest.raises(ParameterError) as info:
            snapshot["pkh.amount.lansia"]

        assert "parameter.not_in_force" == info.value.error_code
        assert (
            "pkh.amount.lansia has no value in force on 2018-12-31 "
            "(values cover 2019-01-01 onward)"
        ) in str(info.value)

    def test_coverage_in_the_message_joins_adjacent_values(self, params):
        """Contiguous values read as one span in the message."""
        with pytest.raises(ParameterError) as info:
            params.at(date(2018, 1, 1)).entry("pkh.monthly_disbursement")

        assert "(values cover 2019-01-01 onward)" in str(info.value)

    def test_an_unknown_name_is_refused(self, params):
        """A misspelt name is not silently missing."""
        with pytest.raises(ParameterError) as info:
            params.at(date(2020, 1, 1))["pkh.amount.lansai"]

        assert "parameter.unknown" == info.value.error_code

    def test_a_datetime_is_refused(self, params):
        """The date of a snapshot is a date, never a moment."""
        with pytest.raises(ParameterError) as info:
            params.at(datetime(2020, 1, 1, 8, 0, tzinfo=UTC))

        assert "parameter.not_a_date" == info.value.error_code

    def test_a_repealed_switch_changes_back(self, params):
        """Three contiguous boolean values are each in force in turn."""
        flags = [
            params.at(day)["pkh.monthly_disbursement"]
            for day in (date(2020, 3, 31), date(2020, 4, 1), date(2021, 1, 1))
        ]

        assert [False, True, False] == flags


class TestSnapshot:
    """The mapping-like snapshot."""

    def test_iteration_lists_the_names_in_force(self, params):
        """Names not in force on the date are absent."""
        snapshot = params.at(date(2019, 6, 1))

        assert [
            "pkh.amount.ibu_hamil",
            "pkh.amount.lansia",
            "pkh.amount.sd",
            "pkh.cap.max_components",
            "pkh.lansia_min_age",
            "pkh.monthly_disbursement",
            "pkh.tahap_share",
        ] == list(snapshot)
        assert 7 == len(snapshot)
        assert "bst.amount" not in snapshot
        assert "pkh.amount.sd" in snapshot

    def test_items_give_typed_values(self, params):
        """items() pairs each name in force with its value."""
        items = dict(params.at(date(2019, 6, 1)).items())

        assert 60 == items["pkh.lansia_min_age"]

    def test_get_gives_a_default_when_not_in_force(self, params):
        """get() is the one lookup that does not raise."""
        snapshot = params.at(date(2019, 6, 1))

        assert snapshot.get("bst.amount") is None
        assert "none" == snapshot.get("no.such", "none")
        assert Rupiah(900_000) == snapshot.get("pkh.amount.sd")

    def test_entry_gives_dates_reference_and_confidence(self, params):
        """The dated value in force explains itself."""
        entry = params.at(date(2020, 6, 1)).entry("pkh.amount.ibu_hamil")

        assert (date(2020, 1, 1), None) == (entry.since, entry.until)
        assert "02/3/BS.02.02/01/2020" == entry.reference.number
        assert Confidence.MEDIUM == entry.confidence

    def test_reference_gives_the_legal_basis_in_force(self, params):
        """reference() is the value's own reference."""
        reference = params.at(date(2022, 6, 1)).reference("pkh.lansia_min_age")

        assert (
            Reference(
                instrument="Berita",
                title="Bansos PKH tahap I cair Februari 2022 (tribunnews)",
            )
            == reference
        )

    def test_parameter_gives_metadata(self, params):
        """The snapshot reaches the whole parameter too."""
        snapshot = params.at(date(2020, 6, 1))

        assert "Elderly component" == (
            snapshot.parameter("pkh.amount.lansia").description.en
        )

    def test_value_checks_the_expected_type(self, params):
        """value(name, kind) returns a typed value or refuses."""
        snapshot = params.at(date(2020, 6, 1))

        assert Rupiah(2_400_000) == snapshot.value("pkh.amount.lansia", Rupiah)
        assert 4 == snapshot.value("pkh.cap.max_components", int)
        with pytest.raises(ParameterError) as info:
            snapshot.value("pkh.monthly_disbursement", int)

        assert "parameter.type" == info.value.error_code

    def test_the_repr_is_short(self, params):
        """A snapshot shows its date, not every parameter."""
        assert "Snapshot(on=datetime.date(2020, 6, 1))" == repr(
            params.at(date(2020, 6, 1))
        )


class TestParameterSet:
    """Listing, lookup and merging."""

    def test_lookup_of_an_unknown_parameter_is_refused(self, params):
        """parameter() names what was asked."""
        with pytest.raises(ParameterError) as info:
            params.parameter("pkh.nothing")

        assert "'pkh.nothing'" in str(info.value)

    def test_membership_and_length(self, params):
        """In and len see every parameter, in force or not."""
        assert "bst.amount" in params
        assert 11 == len(params)

    def test_merge_combines_sets(self, params):
        """Two disjoint sets merge into one."""
        bst = ParameterSet(p for p in params if p.name.startswith("bst."))
        pkh = ParameterSet(p for p in params if p.name.startswith("pkh."))

        assert params == bst.merge(pkh)

    def test_merge_refuses_a_name_in_both(self, params):
        """A parameter cannot come from two places."""
        with pytest.raises(ParameterError) as info:
            params.merge(params)

        assert "parameter.duplicate" == info.value.error_code

    def test_an_empty_set_has_nothing_in_force(self):
        """The empty set is valid and empty."""
        assert 0 == len(ParameterSet().at(date(2020, 1, 1)))
