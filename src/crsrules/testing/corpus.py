"""Seeded random Factors and Candidates, without Hypothesis: for benchmarks, snapshots and reproducible studies.

Example:
    >>> import random
    >>> from crsrules.testing.corpus import random_factors
    >>> random_factors(random.Random(1)) == random_factors(random.Random(1))
    True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from crsrules.candidate import (
    CREDENTIAL_LEVELS,
    Candidate,
    Certificate,
    Credential,
    Job,
    JobOffer,
    LanguageResult,
    MaritalStatus,
    Nomination,
    Province,
    Sibling,
    Spouse,
)
from crsrules.language import LanguageTest, TefScale, accepted_from, score_range
from crsrules.model import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.occupations import all_occupations
from crsrules.rules import LAST_KNOWN_DATE

__all__ = ["random_candidate", "random_factors"]


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


# --- candidates --------------------------------------------------------------------------------------------------

_FIRST_DAY = date(2005, 1, 1)
_LAST_DAY = LAST_KNOWN_DATE


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _result(rng: random.Random, test: LanguageTest, tested_on: date) -> LanguageResult:
    """A result with valid scores for *test* (TEF on its "ancien score" column).

    Each score is in the top two thirds of its ability's range (crsrules.language.score_range), so that most results
    count for something.
    """
    tef_scale = TefScale.ANCIEN_SCORE if test is LanguageTest.TEF_CANADA else None
    scores: dict[str, float] = {}
    for ability in _ABILITIES:
        low, high, step = score_range(test, ability, tef_scale=tef_scale)
        steps = round((high - low) / step)
        n = rng.randint(steps // 3, steps)
        scores[ability] = int(low) + n * int(step) if step == int(step) else low + n * step
    return LanguageResult(test=test, tested_on=tested_on, tef_scale=tef_scale, **scores)


_ABILITIES = ("listening", "reading", "writing", "speaking")


def _results(rng: random.Random, count: int) -> tuple[LanguageResult, ...]:
    results = []
    for _ in range(count):
        test = rng.choice(list(LanguageTest))
        results.append(_result(rng, test, _day(rng, max(accepted_from(test), date(2014, 1, 1)), _LAST_DAY)))
    return tuple(results)


def _credentials(rng: random.Random, count: int, *, born: date = date.min) -> tuple[Credential, ...]:
    """*count* credentials; none started before *born* (a start drawn earlier is moved to it, drawing nothing more)."""
    credentials = []
    for _ in range(count):
        level = rng.choice(CREDENTIAL_LEVELS)
        completed = _day(rng, date(2000, 1, 1), date(2025, 12, 31))
        if rng.random() < 0.4:
            credentials.append(
                Credential(
                    level=level,
                    completed_on=completed,
                    in_canada=True,
                    started_on=max(born, completed - timedelta(days=rng.randint(200, 1500))),
                    full_time_months_in_canada=rng.randint(0, 36),
                )
            )
        else:
            eca = None if rng.random() < 0.15 else completed + timedelta(days=rng.randint(0, 3000))
            credentials.append(Credential(level=level, completed_on=completed, eca_issued_on=eca))
    return tuple(credentials)


def _jobs(rng: random.Random, count: int) -> tuple[Job, ...]:
    codes = [o.code for o in all_occupations()]
    jobs = []
    for _ in range(count):
        start = _day(rng, _FIRST_DAY, _LAST_DAY)
        end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(0, 2500))
        jobs.append(
            Job(
                noc=rng.choice(codes),
                in_canada=rng.random() < 0.5,
                start=start,
                end=end,
                hours_per_week=rng.choice((15, 20, 25, 30, 30, 30, 40)),
                paid=rng.random() < 0.95,
                self_employed=rng.random() < 0.05,
                while_full_time_student=rng.random() < 0.05,
            )
        )
    return tuple(jobs)


def _sibling(rng: random.Random) -> Sibling:
    birth_date = _day(rng, date(1960, 1, 1), date(2010, 1, 1))
    # Citizen or PR from 2005 on, but not before birth (moved to the birth date, drawing nothing more).
    citizen_or_pr_since = max(birth_date, _day(rng, _FIRST_DAY, _LAST_DAY))
    return Sibling(birth_date=birth_date, citizen_or_pr_since=citizen_or_pr_since, of_spouse=rng.random() < 0.3)


def random_candidate(rng: random.Random) -> Candidate:
    """One random valid Candidate with facts between 2000 and 2026-08-20, drawn from *rng* only.

    .. versionadded:: 0.1.0
    """
    spouse = None
    status = MaritalStatus.NEVER_MARRIED
    if rng.random() < 0.35:
        status = rng.choice((MaritalStatus.MARRIED, MaritalStatus.COMMON_LAW))
        spouse = Spouse(
            accompanying=rng.random() < 0.85,
            canadian_citizen_or_pr=rng.random() < 0.1,
            credentials=_credentials(rng, rng.randint(0, 2)),
            language_results=_results(rng, rng.randint(0, 2)),
            jobs=_jobs(rng, rng.randint(0, 2)),
        )
    codes = [o.code for o in all_occupations()]
    # Drawn in the order of the arguments below, as before the facts had to follow the birth date (the seeded corpus
    # keeps its candidates; the two whose program started before birth now start on the birth date).
    birth_date = _day(rng, date(1965, 1, 1), date(2000, 12, 31))
    return Candidate(
        birth_date=birth_date,
        marital_status=status,
        spouse=spouse,
        credentials=_credentials(rng, rng.randint(0, 3), born=birth_date),
        language_results=_results(rng, rng.randint(0, 3)),
        first_official_language=rng.choice((None, None, None, OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH)),
        jobs=_jobs(rng, rng.randint(0, 4)),
        certificate_of_qualification=Certificate(issued_on=_day(rng, _FIRST_DAY, _LAST_DAY))
        if rng.random() < 0.1
        else None,
        nomination=Nomination(province=rng.choice(list(Province)), nominated_on=_day(rng, _FIRST_DAY, _LAST_DAY))
        if rng.random() < 0.1
        else None,
        job_offer=JobOffer(noc=rng.choice(codes), offered_on=_day(rng, _FIRST_DAY, _LAST_DAY))
        if rng.random() < 0.15
        else None,
        siblings=(_sibling(rng),) if rng.random() < 0.15 else (),
        profile_submitted_at=datetime(2015, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randint(0, 366 * 86400 * 11)),
    )
