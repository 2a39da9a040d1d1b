"""Scoring throughput: full breakdowns per second on 100,000 random Factors, on one core.

Run: ``python benchmarks/bench_score.py [--count N] [--seed S]``. Target: at least 50,000 breakdowns per second.
The Factors are drawn once (outside the timing) from a seeded generator; every ruleset is used in turn.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

import crsrules
from crsrules.scoring import score_factors
from crsrules.testing.corpus import random_factors

TARGET = 50_000


def main() -> None:
    """Print the throughput of score() and of the fast path, and peak memory per breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2015)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    population = [random_factors(rng) for _ in range(args.count)]
    rulesets = crsrules.available_rulesets()
    pinned = [rulesets[i % len(rulesets)] for i in range(args.count)]

    for name, run in (
        ("crsrules.score(f, rules=ruleset)", lambda f, r: crsrules.score(f, rules=r)),
        ("crsrules.scoring.score_factors(f, ruleset)", score_factors),
    ):
        start = time.perf_counter()
        total = 0
        for f, r in zip(population, pinned, strict=True):
            total += run(f, r).total
        elapsed = time.perf_counter() - start
        rate = args.count / elapsed
        verdict = "meets" if rate >= TARGET else "MISSES"
        print(f"{name:<45} {rate:>10,.0f} breakdowns/s  ({elapsed:.2f} s; {verdict} the {TARGET:,}/s target)")

    tracemalloc.start()
    kept = [score_factors(f, r) for f, r in zip(population[:10_000], pinned, strict=False)]
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory: {current / len(kept):,.0f} bytes per kept breakdown (10,000 kept)")


if __name__ == "__main__":
    main()
