"""A population decided on a Dask cluster, as on one machine."""

from __future__ import annotations

import datetime as dt

import attrs
import dask.dataframe as dd
import polars as pl
import pytest
from distributed import Client, LocalCluster
from polars.testing import assert_frame_equal

from dayasos.batch import (
    DaskTables,
    Tables,
    evaluate,
    evaluate_dask,
    from_tables,
    reject_dask,
)
from dayasos.errors import ConfigurationError
from dayasos.money import Rupiah
from dayasos.policy import Override, Reference, Reform
from dayasos.programs import get
from dayasos.synthetic import generate_tables, write_parquet


ON = dt.date(2021, 7, 1)
REJECT_KEY = ["table", "row", "field", "code"]


@pytest.fixture(scope="module")
def client():
    """Two worker processes of one thread each, closed after the tests."""
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def tables():
    """Three thousand seeded synthetic families."""
    return Tables.concat(generate_tables(3000, seed=11))


def _computed(frame: dd.DataFrame, key: list[str]) -> pl.DataFrame:
    return pl.from_pandas(frame.compute()).sort(key)


@pytest.mark.usefixtures("client")
class TestEvaluateDask:
    """Partitions by family, each decided by the columnar evaluator."""

    def test_results_on_the_cluster_equal_evaluate_on_one_machine(
        self, tables
    ):
        """Five partitions on two workers: the same row for every family."""
        expected = evaluate(tables, get("PKH"), on=ON).sort("family_id")

        population = DaskTables.from_tables(tables, npartitions=5)
        actual = _computed(
            evaluate_dask(population, get("PKH"), on=ON), ["family_id"]
        )

        assert_frame_equal(expected, actual)

    def test_a_reform_reaches_the_workers(self, tables):
        """A higher lansia amount is applied on every partition."""
        reform = Reform(
            "lansia",
            {
                "pkh.amount.lansia": [
                    Override(
                        since=dt.date(2021, 1, 1),
                        value=Rupiah(3_000_000),
                        reference=Reference(instrument="Simulasi", title="x"),
                    )
                ]
            },
        )
        expected = evaluate(tables, get("PKH"), on=ON, reform=reform).sort(
            "family_id"
        )

        population = DaskTables.from_tables(tables, npartitions=3)
        actual = _computed(
            evaluate_dask(population, get("PKH"), on=ON, reform=reform),
            ["family_id"],
        )

        assert_frame_equal(expected, actual)

    def test_parquet_in_and_a_parquet_folder_out(self, tmp_path, tables):
        """Files read by Dask, results written as a folder of parts."""
        paths = write_parquet(tmp_path / "in", 3000, seed=11)
        population = DaskTables(
            families=dd.read_parquet(paths["families"]).repartition(
                npartitions=3
            ),
            members=dd.read_parquet(paths["members"]),
            memberships=dd.read_parquet(paths["memberships"]),
        )
        expected = evaluate(tables, get("PKH"), on=ON).sort("family_id")

        evaluate_dask(population, get("PKH"), on=ON).to_parquet(
            tmp_path / "results", write_index=False
        )
        actual = pl.read_parquet(tmp_path / "results" / "*.parquet").sort(
            "family_id"
        )

        assert 3 == len(list((tmp_path / "results").glob("*.parquet")))
        assert_frame_equal(expected, actual)


class TestEvaluateDaskRefuses:
    """What cannot run on a cluster is refused before any task."""

    def test_no_partition_is_refused(self, tables):
        """Zero partitions is a configuration error, before any task."""
        population = DaskTables.from_tables(tables, npartitions=2)

        with pytest.raises(ConfigurationError) as caught:
            evaluate_dask(population, get("PKH"), on=ON, npartitions=0)

        assert "dask.partitions" == caught.value.error_code

    def test_a_programme_outside_the_catalogue_is_refused(self, tables):
        """Workers load the programme by code: a copy would be replaced."""
        population = DaskTables.from_tables(tables, npartitions=2)
        copy = attrs.evolve(get("PKH"))

        with pytest.raises(ConfigurationError) as caught:
            evaluate_dask(population, copy, on=ON)

        assert "dask.entry" == caught.value.error_code


@pytest.mark.usefixtures("client")
class TestRejectDask:
    """The rejects of a Dask population, rows of the whole input."""

    def test_rejects_on_the_cluster_equal_from_tables(self):
        """Data errors, duplicate NIKs across partitions included."""
        dirty = Tables.concat(generate_tables(1000, seed=5, error_rate=0.2))
        _, rejects = from_tables(dirty)

        population = DaskTables.from_tables(dirty, npartitions=4)
        actual = _computed(reject_dask(population), REJECT_KEY)

        assert {"batch.duplicate_nik", "nik.length"} <= set(
            actual.get_column("code")
        )
        assert_frame_equal(rejects.rows.sort(REJECT_KEY), actual)
