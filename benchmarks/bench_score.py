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
from crsrules import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.scoring import score_factors

TARGET = 50_000


def _levels(rng: random.Random, language: OfficialLanguage) -> LanguageLevels:
    return LanguageLevels(
        language=language,
        listening=rng.randint(0, 12),
        reading=rng.randint(0, 12),
        writing=rng.randint(0, 12),
        speaking=rng.randint(0, 12),
    )


def random_factors(rng: random.Random) -> Factors:
    """One random valid Factors."""
    first_language = rng.choice(list(OfficialLanguage))
    other = OfficialLanguage.FRENCH if first_language is OfficialLanguage.ENGLISH else OfficialLanguage.ENGLISH
    education = rng.choice(list(Education))
    canadian = [c for c in CanadianEducation if education.rank >= c.minimum_education.rank]
    spouse = None
    if rng.random() < 0.4:
        spouse = SpouseFactors(
            education=rng.choice(list(Education)),
            first_language=_levels(rng, rng.choice(list(OfficialLanguage))) if rng.random() < 0.7 else None,
            canadian_work_years=rng.randint(0, 6),
        )
    return Factors(
        age=rng.randint(18, 50),
        education=education,
        first_language=_levels(rng, first_language),
        second_language=_levels(rng, other) if rng.random() < 0.3 else None,
        canadian_work_years=rng.randint(0, 6),
        foreign_work_years=rng.randint(0, 6),
        certificate_of_qualification=rng.random() < 0.1,
        spouse=spouse,
        provincial_nomination=rng.random() < 0.1,
        arranged_employment=rng.choice([None, None, None, *ArrangedEmployment]),
        canadian_education=rng.choice([None, *canadian]) if canadian else None,
        sibling_in_canada=rng.random() < 0.1,
    )


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
