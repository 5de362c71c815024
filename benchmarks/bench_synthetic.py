"""
Families per second of the synthetic generator, and its peak memory.

Each case runs in its own process so that its peak RSS is its own:

- ``tables``: `generate_tables` in chunks of 100,000 (raw polars tables);
- ``parquet``: `write_parquet` in chunks of 100,000 (three tables and the
  error manifest, one row group per chunk);
- ``objects``: `generate`, which reads the tables back into `Family`
  objects with `from_tables`.

Run: ``python benchmarks/bench_synthetic.py [sizes ...]``
(default 10000 100000; ``objects`` only up to 10,000 unless asked with
``--objects``).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time


SEED = 2020
CHUNK = 100_000


def _peak_mib() -> float:
    """Peak resident memory of this process, MiB (Linux: KiB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(case: str, size: int) -> None:
    """Time one case in this process and print one line."""
    from dayasos.synthetic import (  # noqa: PLC0415 - timed in the child
        generate,
        generate_tables,
        write_parquet,
    )

    start = time.perf_counter()
    if case == "tables":
        rows = sum(
            chunk.members.height
            for chunk in generate_tables(size, seed=SEED, chunk_size=CHUNK)
        )
    elif case == "parquet":
        with tempfile.TemporaryDirectory() as directory:
            write_parquet(directory, size, seed=SEED, chunk_size=CHUNK)
            rows = size
    else:
        rows = sum(f.size for f in generate(size, seed=SEED))
    elapsed = time.perf_counter() - start
    print(
        f"{case:8} {size:>9,} families  {elapsed:7.2f} s  "
        f"{size / elapsed:>9,.0f} families/s  "
        f"peak RSS {_peak_mib():7.1f} MiB  ({rows:,} rows)"
    )


def main(argv: list[str]) -> None:
    """Run every case in a child process."""
    if argv[:1] == ["--case"]:
        run_case(argv[1], int(argv[2]))
        return
    objects_all = "--objects" in argv
    sizes = [int(a) for a in argv if a != "--objects"] or [10_000, 100_000]
    for size in sizes:
        cases = ["tables", "parquet"]
        if objects_all or size <= 10_000:
            cases.append("objects")
        for case in cases:
            subprocess.run(  # noqa: S603 - this very script, trusted input
                [sys.executable, __file__, "--case", case, str(size)],
                check=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
