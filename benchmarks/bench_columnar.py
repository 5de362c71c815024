"""
Families per second of the columnar evaluator (PKH), and its peak memory.

Each case runs in its own process so that its peak RSS is its own:

- ``columnar``: synthetic tables written to Parquet under a temporary
  directory (not timed), read back and decided with
  `dayasos.batch.evaluate`;
- ``objects``: the object evaluator, `CatalogueEntry.decide`, on the
  first families of the same population (capped, then extrapolated as
  decisions per second), for the ratio.

Run: ``python benchmarks/bench_columnar.py [sizes ...]``
(default 100000 1000000).
"""

from __future__ import annotations

import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time


SEED = 2020
CHUNK = 100_000
ON = dt.date(2021, 7, 1)
OBJECTS = 20_000


def _peak_mib() -> float:
    """Peak resident memory of this process, MiB (Linux: KiB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: str, size: int) -> None:
    """Time one case in this process and print one line."""
    import polars as pl  # noqa: PLC0415 - timed in the child

    from dayasos.batch import Tables, evaluate  # noqa: PLC0415
    from dayasos.programs import get  # noqa: PLC0415
    from dayasos.synthetic import generate, write_parquet  # noqa: PLC0415

    entry = get("PKH")
    if case == "columnar":
        with tempfile.TemporaryDirectory() as directory:
            write_parquet(directory, size, seed=SEED, chunk_size=CHUNK)
            start = time.perf_counter()
            tables = Tables(
                families=pl.read_parquet(f"{directory}/families.parquet"),
                members=pl.read_parquet(f"{directory}/members.parquet"),
                memberships=pl.read_parquet(
                    f"{directory}/memberships.parquet"
                ),
            )
            read = time.perf_counter() - start
            start = time.perf_counter()
            result = evaluate(tables, entry, on=ON)
            elapsed = time.perf_counter() - start
        eligible = result.filter(pl.col("verdict") == "eligible").height
        print(
            f"columnar {size:>9,} families  {elapsed:7.2f} s  "
            f"{size / elapsed:>11,.0f} families/s  (read {read:.2f} s)  "
            f"peak RSS {_peak_mib():7.1f} MiB  ({eligible:,} eligible)"
        )
        return
    count = min(size, OBJECTS)
    families = list(generate(count, seed=SEED))
    start = time.perf_counter()
    for family in families:
        entry.decide(family, on=ON)
    elapsed = time.perf_counter() - start
    print(
        f"objects  {count:>9,} families  {elapsed:7.2f} s  "
        f"{count / elapsed:>11,.0f} decisions/s  "
        f"peak RSS {_peak_mib():7.1f} MiB"
    )


def main(argv: list[str]) -> None:
    """Run every case for every size, each in a fresh process."""
    if argv[:1] == ["--case"]:
        run_case(argv[1], int(argv[2]))
        return
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    for size in sizes:
        for case in ("columnar", "objects"):
            subprocess.run(  # noqa: S603 - our own script
                [sys.executable, __file__, "--case", case, str(size)],
                check=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
