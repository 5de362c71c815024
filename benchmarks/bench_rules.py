"""
Decisions per second of the object evaluator on a PKH-sized programme.

A family of six, six criteria, seven components, a cap of four,
with the full explanation data (criteria, inputs, line items per tahap).
Run: ``python benchmarks/bench_rules.py [rounds]``.
"""

from __future__ import annotations

import pathlib
import runpy
import sys
import time


HERE = pathlib.Path(__file__).parent
EXAMPLE = HERE.parent / "tests" / "rules" / "pkh_like.py"


def main(rounds: int = 20_000) -> None:
    """Time `rounds` decisions and print the rate."""
    example = runpy.run_path(str(EXAMPLE))
    program = example["build_program"]()
    params = example["build_params"]()
    family = example["six_member_family"]()
    on = example["ON"]
    decision = program.decide(family, on=on, params=params)
    decide = program.decide
    for _ in range(200):
        decide(family, on=on, params=params)
    start = time.perf_counter()
    for _ in range(rounds):
        decision = decide(family, on=on, params=params)
    elapsed = time.perf_counter() - start
    per = elapsed / rounds
    print(f"verdict: {decision.verdict.value}, total: {decision.total}")
    print(f"{rounds} decisions in {elapsed:.3f} s")
    print(f"{1 / per:,.0f} decisions per second")
    print(f"{per * 1e6:.1f} microseconds per decision")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
