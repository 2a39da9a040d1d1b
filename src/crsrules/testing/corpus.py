"""Seeded random :class:`~crsrules.Factors`, without Hypothesis: for benchmarks, snapshots and reproducible studies.

Example:
    >>> import random
    >>> from crsrules.testing.corpus import random_factors
    >>> random_factors(random.Random(1)) == random_factors(random.Random(1))
    True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import random

from crsrules.model import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)

__all__ = ["random_factors"]


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
