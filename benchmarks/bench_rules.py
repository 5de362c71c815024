"""
Decisions per second of the object evaluator on a PKH-sized programme.

A family of six, six criteria, seven components, a cap of four,
with the full explanation data (criteria, inputs, line items per tahap).
Run: ``python benchmarks/bench_rules.py [rounds]``.
"""

from __future__ import annotations

import pathlib
import runpy
import statistics
import sys
import timeit


HERE = pathlib.Path(__file__).parent
EXAMPLE = HERE.parent / "tests" / "rules" / "pkh_like.py"
#: The decisions are timed in this many rounds; the best is the figure
#: least disturbed by the rest of the machine.
ROUNDS = 5


def main(rounds: int = 20_000) -> None:
    """Time `rounds` decisions in `ROUNDS` rounds and print the rate."""
    example = runpy.run_path(str(EXAMPLE))
    program = example["build_program"]()
    params = example["build_params"]()
    family = example["six_member_family"]()
    on = example["ON"]
    decision = program.decide(family, on=on, params=params)
    decide = program.decide
    for _ in range(200):
        decide(family, on=on, params=params)
    each = max(rounds // ROUNDS, 1)
    times = [
        elapsed / each
        for elapsed in timeit.repeat(
            lambda: decide(family, on=on, params=params),
            repeat=ROUNDS,
            number=each,
        )
    ]
    best, median = min(times), statistics.median(times)
    print(f"verdict: {decision.verdict.value}, total: {decision.total}")
    print(f"{ROUNDS} rounds of {each} decisions")
    print(f"{1 / best:,.0f} decisions per second (best round)")
    print(
        f"{best * 1e6:.1f} microseconds per decision "
        f"(best round; median {median * 1e6:.1f})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
