"""Public Hypothesis strategies for crsrules' types, valid by construction.

Install the ``testing`` extra (``pip install crsrules[testing]``). Each strategy takes keyword arguments that narrow
it, and draws the simplest values first so that failures shrink towards low scores and ordinary facts. Importing this
module registers the strategies, so ``st.from_type(Factors)`` and ``st.from_type(Candidate)`` work too.

The dated facts of a :class:`~crsrules.Candidate` are drawn around a day *on* (2026-01-01 unless a strategy takes
``on=``): born 18 to 60 years before it, tested in the 3 years up to it (so some results have expired), working in
the 15 years up to it, and so on. Nothing is dated after *on*, and the most recent date is the simplest.

Example:
    >>> from hypothesis import given
    >>> from crsrules.testing.strategies import candidates, factors
    >>> @given(factors(with_spouse=False))
    ... def test_single(f):
    ...     assert f.spouse is None
    >>> @given(candidates(with_spouse=True))
    ... def test_partnered(c):
    ...     assert c.marital_status.has_partner

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from crsrules._validation import EARLIEST_DATE, LATEST_DATE
from crsrules.candidate import (
    CREDENTIAL_LEVELS,
    RELATIVE_KINDS,
    Candidate,
    Certificate,
    Credential,
    Employer,
    Job,
    JobOffer,
    LanguageResult,
    MaritalStatus,
    Nomination,
    Province,
    Relative,
    Sibling,
    Spouse,
)
from crsrules.evidence import anniversary
from crsrules.language import LanguageTest, TefScale, accepted_from, score_range, tef_scale_on
from crsrules.model import (
    MAX_CLB,
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.occupations import NOC_2021_IN_USE_FROM, all_occupations
from crsrules.rules import RuleSet, available_rulesets

__all__ = [
    "candidates",
    "certificates",
    "credentials",
    "educations",
    "factors",
    "job_offers",
    "jobs",
    "language_levels",
    "language_results",
    "nominations",
    "relatives",
    "rulesets",
    "siblings",
    "spouse_factors",
    "spouses",
]

# --- Factors ---------------------------------------------------------------------------------------------------------


def educations(*, at_least: Education = Education.LESS_THAN_SECONDARY) -> st.SearchStrategy[Education]:
    """Education levels, at least *at_least*.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from([e for e in Education if e.rank >= at_least.rank])


def language_levels(
    *, language: OfficialLanguage | None = None, min_level: int = 0, max_level: int = MAX_CLB
) -> st.SearchStrategy[LanguageLevels]:
    """CLB/NCLC levels in one official language (either, unless *language* is given).

    .. versionadded:: 0.1.0
    """
    level = st.integers(min_level, max_level)
    lang = st.just(language) if language is not None else st.sampled_from(OfficialLanguage)
    return st.builds(LanguageLevels, language=lang, listening=level, reading=level, writing=level, speaking=level)


def spouse_factors() -> st.SearchStrategy[SpouseFactors]:
    """The factors of an accompanying spouse who is not a Canadian citizen or PR.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        SpouseFactors,
        education=educations(),
        first_language=st.none() | language_levels(),
        canadian_work_years=st.integers(0, 12),
    )


@st.composite
def factors(draw: st.DrawFn, *, with_spouse: bool | None = None, min_age: int = 0, max_age: int = 70) -> Factors:
    """Valid :class:`~crsrules.Factors`; pass *with_spouse* to fix the marital situation.

    .. versionadded:: 0.1.0
    """
    first = draw(language_levels() | st.none())
    other = (
        OfficialLanguage.ENGLISH
        if first is not None and first.language is OfficialLanguage.FRENCH
        else (OfficialLanguage.FRENCH)
    )
    education = draw(educations())
    canadian_education_choices = [c for c in CanadianEducation if education.rank >= c.minimum_education.rank]
    has_spouse = draw(st.booleans()) if with_spouse is None else with_spouse
    return Factors(
        age=draw(st.integers(min_age, max_age)),
        education=education,
        first_language=first,
        second_language=None if first is None else draw(st.none() | language_levels(language=other)),
        canadian_work_years=draw(st.integers(0, 12)),
        foreign_work_years=draw(st.integers(0, 12)),
        certificate_of_qualification=draw(st.booleans()),
        spouse=draw(spouse_factors()) if has_spouse else None,
        provincial_nomination=draw(st.booleans()),
        arranged_employment=draw(st.none() | st.sampled_from(ArrangedEmployment)),
        canadian_education=draw(st.none() | st.sampled_from(canadian_education_choices))
        if canadian_education_choices
        else None,
        sibling_in_canada=draw(st.booleans()),
    )


def rulesets() -> st.SearchStrategy[RuleSet]:
    """Every ruleset crsrules knows.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(available_rulesets())


# --- Candidate and its parts -----------------------------------------------------------------------------------------

# The day dated facts are drawn around when a strategy is not given one.
_DEFAULT_ON = date(2026, 1, 1)
# How far back facts go from *on*, in years: language tests (valid 2 years, so a third year draws expired ones),
# jobs, credentials and ECAs, a certificate of qualification, a job offer, a nomination, the profile's submission.
_TEST_YEARS = 3
_WORK_YEARS = 15
_STUDY_YEARS = 40
_CERTIFICATE_YEARS = 15
_OFFER_YEARS = 5
# A job offer's length is drawn up to 10 years; a relative is born up to 90 years before the day.
_OFFER_MONTHS = 120
_RELATIVE_YEARS = 90
_NOMINATION_YEARS = 2
_PROFILE_YEARS = 2
# A candidate is 18 to 60 on *on*; credentials, jobs and certificates come from the age of 16.
_MIN_AGE, _MAX_AGE, _ADULT_AGE = 18, 60, 16
# The first *on* for candidates: the oldest is born (60 years and 364 days before it) in the supported range.
_EARLIEST_ON = anniversary(EARLIEST_DATE, _MAX_AGE + 1)
# The longest program drawn (started_on is at most this many years before completed_on).
_PROGRAM_YEARS = 6
# IRCC adopted NOC 2021 on this day; a NOC 2016 code is drawn only for work or offers that ended before it.
_NOC_2021_ADOPTED = NOC_2021_IN_USE_FROM

_DAYS_A_YEAR = 365
# Flags whose unusual value (not paid, self-employed, ...) is drawn a quarter of the time, the usual one first.
_RARELY = st.sampled_from((False, False, False, True))
_USUALLY = st.sampled_from((True, True, True, False))
_PARTNERED = tuple(s for s in MaritalStatus if s.has_partner)
_UNPARTNERED = tuple(s for s in MaritalStatus if not s.has_partner)


def _dates_back(latest: date, earliest: date) -> st.SearchStrategy[date]:
    """Days from *latest* back to *earliest* (or the first supported date), both included; *latest* is the simplest.

    Over more than a year, whole years back and days back are drawn apart (and the date kept within the range), so
    that dates years back are about as likely as recent ones (Hypothesis favours small integers).
    """
    earliest = max(earliest, EARLIEST_DATE)
    span = (latest - earliest).days
    if span <= _DAYS_A_YEAR:
        return st.integers(0, span).map(lambda days: latest - timedelta(days=days))
    years = st.integers(0, span // _DAYS_A_YEAR)
    days = st.integers(0, _DAYS_A_YEAR - 1)
    return st.tuples(years, days).map(
        lambda back: max(earliest, latest - timedelta(days=back[0] * _DAYS_A_YEAR + back[1]))
    )


@cache
def _noc_2021_codes() -> st.SearchStrategy[str]:
    """The 516 NOC 2021 unit groups' codes, in code order ("00010" first)."""
    return st.sampled_from(tuple(o.code for o in all_occupations()))


@st.composite
def _noc_2016_code(draw: st.DrawFn) -> str:
    """A NOC 2016 code whose skill type or level its digits give (0 first, else a second digit 0 to 7)."""
    first = draw(st.integers(0, 9))
    second = draw(st.integers(0, 9 if first == 0 else 7))
    return f"{first}{second}{draw(st.integers(0, 99)):02d}"


@st.composite
def _codes(draw: st.DrawFn, *, ended_before_noc_2021: bool) -> tuple[str | None, str | None]:
    """The (NOC 2021, NOC 2016) codes of a job or offer: a NOC 2016 code, alone or not, only for an ended one."""
    noc: str | None = draw(_noc_2021_codes())
    noc_2016 = draw(st.none() | _noc_2016_code()) if ended_before_noc_2021 else None
    if noc_2016 is not None and draw(st.booleans()):
        noc = None
    return noc, noc_2016


def _score(test: LanguageTest, ability: str, scale: TefScale) -> st.SearchStrategy[float]:
    """The possible results of one ability (on *scale* for TEF Canada), from crsrules.language's own scales."""
    low, high, step = score_range(test, ability, tef_scale=scale if test is LanguageTest.TEF_CANADA else None)
    steps = st.integers(0, round((high - low) / step))
    if step == int(step):
        return steps.map(lambda n: int(low) + n * int(step))
    return steps.map(lambda n: low + n * step)


def _scores(test: LanguageTest, scale: TefScale) -> tuple[st.SearchStrategy[float], ...]:
    """The possible results of *test* (on *scale* for TEF Canada): listening, reading, writing, speaking."""
    return tuple(_score(test, ability, scale) for ability in ("listening", "reading", "writing", "speaking"))


@st.composite
def _language_result(draw: st.DrawFn, *, tests: tuple[LanguageTest, ...], on: date, earliest: date) -> LanguageResult:
    """A result of one of *tests*, taken from *earliest* (or the test's first accepted day) to *on*."""
    test = draw(st.sampled_from(tests))
    tested_on = draw(_dates_back(on, max(earliest, accepted_from(test))))
    tef_scale = None
    if test is LanguageTest.TEF_CANADA:
        # None (the date's chart), the "ancien score" column IRCC asks for, or the date's own scale named.
        tef_scale = draw(st.sampled_from(list(dict.fromkeys((None, TefScale.ANCIEN_SCORE, tef_scale_on(tested_on))))))
    listening, reading, writing, speaking = _scores(test, tef_scale or tef_scale_on(tested_on))
    return LanguageResult(
        test=test,
        tested_on=tested_on,
        listening=draw(listening),
        reading=draw(reading),
        writing=draw(writing),
        speaking=draw(speaking),
        tef_scale=tef_scale,
    )


def _check_on(on: date, *, earliest: date = EARLIEST_DATE) -> None:
    """Raise InvalidArgument, as Hypothesis's own strategies do, unless facts dated up to *on* can be valid."""
    if not earliest <= on <= LATEST_DATE:
        msg = (f"on={on.isoformat()}: facts are drawn up to this day, which must be from {earliest.isoformat()} to "
               f"{LATEST_DATE.isoformat()} (crsrules' supported range)")  # fmt: skip
        raise InvalidArgument(msg)


def _accepted_by(on: date, test: LanguageTest | None = None) -> tuple[LanguageTest, ...]:
    return tuple(t for t in LanguageTest if accepted_from(t) <= on and test in {None, t})


def _recent_results(on: date, *, max_size: int) -> st.SearchStrategy[tuple[LanguageResult, ...]]:
    """Up to *max_size* results taken in the 3 years up to *on* (none before any test was accepted)."""
    tests = _accepted_by(on)
    if not tests:
        return st.just(())
    result = _language_result(tests=tests, on=on, earliest=anniversary(on, -_TEST_YEARS))
    return st.lists(result, max_size=max_size).map(tuple)


def language_results(*, test: LanguageTest | None = None, on: date | None = None) -> st.SearchStrategy[LanguageResult]:
    """Valid :class:`~crsrules.LanguageResult` values: possible scores for each ability, a date the test was accepted.

    TEF Canada results have no ``tef_scale`` (the scores are on the scale of the test date's chart), or
    ``"ancien_score"`` with scores on that scale, or the test date's own scale named explicitly.

    Like Hypothesis's own strategies, it raises ``InvalidArgument`` at once when no test (or not *test*) was
    accepted by *on*.

    Args:
        test: Only results of this test (by default any, IELTS General Training first).
        on: Only results taken in the 3 years up to *on*, included: some have expired by *on*. By default any
            date from the test's first accepted day to 2026-01-01. At most 2199-12-31, the last supported date.

    .. versionadded:: 0.1.0
    """
    latest = _DEFAULT_ON if on is None else on
    _check_on(latest)
    tests = _accepted_by(latest, test)
    if not tests:
        named = "" if test is None else f"{test.label} "
        since = min(accepted_from(t) for t in LanguageTest) if test is None else accepted_from(test)
        msg = f"on={latest.isoformat()}: no {named}result can be taken by then (accepted from {since.isoformat()})"
        raise InvalidArgument(msg)
    earliest = min(accepted_from(t) for t in tests) if on is None else anniversary(on, -_TEST_YEARS)
    return _language_result(tests=tests, on=latest, earliest=earliest)


@st.composite
def _credential(draw: st.DrawFn, *, in_canada: bool | None, earliest: date, latest: date) -> Credential:
    """A credential completed from *earliest* to *latest* (or undated); a foreign one has an ECA by *latest* or none."""
    canadian = draw(st.booleans()) if in_canada is None else in_canada
    level = draw(st.sampled_from(CREDENTIAL_LEVELS))
    completed_on = draw(_dates_back(latest, earliest) | st.none())
    last_day = latest if completed_on is None else completed_on
    started_on = draw(st.none() | _dates_back(last_day, anniversary(last_day, -_PROGRAM_YEARS)))
    if not canadian:
        eca_issued_on = draw(st.none() | _dates_back(latest, completed_on or earliest))
        return Credential(level=level, completed_on=completed_on, eca_issued_on=eca_issued_on, started_on=started_on)
    return Credential(
        level=level,
        completed_on=completed_on,
        in_canada=True,
        started_on=started_on,
        full_time_months_in_canada=draw(st.integers(0, 60) | st.none()),
        language_training_over_half=draw(_RARELY),
        distance_learning_over_half=draw(_RARELY),
        award_requires_return=draw(_RARELY),
    )


def credentials(*, in_canada: bool | None = None) -> st.SearchStrategy[Credential]:
    """Valid :class:`~crsrules.Credential` values, completed in the 40 years up to 2026-01-01, or without a date.

    A foreign credential has no ECA or one issued between its completion and 2026-01-01 (some more than 5 years old);
    a Canadian one has its program's months in Canada (0 to 60, or not given), the other conditions of rule E5 and
    the distance-learning flag of rule E4.

    Args:
        in_canada: Only Canadian (True) or only foreign (False) credentials.

    .. versionadded:: 0.1.0
    """
    return _credential(in_canada=in_canada, earliest=anniversary(_DEFAULT_ON, -_STUDY_YEARS), latest=_DEFAULT_ON)


@st.composite
def _job(draw: st.DrawFn, *, in_canada: bool | None, earliest: date, latest: date) -> Job:
    """A job started from *earliest* to *latest*, ongoing or ended by *latest*."""
    canadian = draw(st.booleans()) if in_canada is None else in_canada
    start = draw(_dates_back(latest, earliest))
    end = draw(st.none() | _dates_back(latest, start))
    noc, noc_2016 = draw(_codes(ended_before_noc_2021=end is not None and end < _NOC_2021_ADOPTED))
    return Job(
        noc=noc,
        noc_2016=noc_2016,
        in_canada=canadian,
        start=start,
        end=end,
        hours_per_week=draw(st.just(30) | st.integers(1, 60)),
        paid=draw(_USUALLY),
        self_employed=draw(_RARELY),
        while_full_time_student=draw(_RARELY),
    )


def jobs(*, in_canada: bool | None = None, on: date | None = None) -> st.SearchStrategy[Job]:
    """Valid :class:`~crsrules.Job` values: started in the 15 years up to *on*, ongoing or ended by then.

    The NOC 2021 code is one of the 516 unit groups; a job that ended before 2022-11-16 may also have a NOC 2016
    code of the right shape, or only that. Hours are 30 a week (the simplest) or 1 to 60.

    Args:
        in_canada: Only Canadian (True) or only foreign (False) work.
        on: The last day of the window (by default 2026-01-01), in the supported date range.

    .. versionadded:: 0.1.0
    """
    latest = _DEFAULT_ON if on is None else on
    _check_on(latest)
    return _job(in_canada=in_canada, earliest=anniversary(latest, -_WORK_YEARS), latest=latest)


@st.composite
def _spouse(draw: st.DrawFn, *, on: date) -> Spouse:
    return Spouse(
        accompanying=draw(_USUALLY),
        canadian_citizen_or_pr=draw(_RARELY),
        credentials=tuple(
            draw(st.lists(_credential(in_canada=None, earliest=anniversary(on, -_STUDY_YEARS), latest=on), max_size=2))
        ),
        language_results=draw(_recent_results(on, max_size=2)),
        jobs=tuple(draw(st.lists(_job(in_canada=None, earliest=anniversary(on, -_WORK_YEARS), latest=on), max_size=3))),
    )


def spouses() -> st.SearchStrategy[Spouse]:
    """Valid :class:`~crsrules.Spouse` values, accompanying first, with facts dated up to 2026-01-01.

    .. versionadded:: 0.1.0
    """
    return _spouse(on=_DEFAULT_ON)


@st.composite
def _sibling(draw: st.DrawFn, *, on: date) -> Sibling:
    birth_date = draw(_dates_back(on, anniversary(on, -70)) | st.none())
    return Sibling(
        birth_date=birth_date,
        citizen_or_pr_since=draw(_dates_back(on, birth_date or anniversary(on, -70))),
        of_spouse=draw(_RARELY),
        lives_in_canada=draw(_USUALLY),
    )


def siblings() -> st.SearchStrategy[Sibling]:
    """Valid :class:`~crsrules.Sibling` values: born up to 70 years before 2026-01-01 (some minors), PR since then.

    Some have no birth date (it is optional).

    .. versionadded:: 0.1.0
    """
    return _sibling(on=_DEFAULT_ON)


@st.composite
def _relative(draw: st.DrawFn, *, on: date) -> Relative:
    birth_date = draw(_dates_back(on, max(EARLIEST_DATE, anniversary(on, -_RELATIVE_YEARS))))
    return Relative(
        kind=draw(st.sampled_from(RELATIVE_KINDS)),
        birth_date=birth_date,
        citizen_or_pr_since=draw(_dates_back(on, birth_date)),
        of_spouse=draw(_RARELY),
        lives_in_canada=draw(_USUALLY),
    )


def relatives() -> st.SearchStrategy[Relative]:
    """Valid :class:`~crsrules.Relative` values of every kind but a sibling: born up to 90 years before 2026-01-01.

    Some are minors; each became a citizen or PR between birth and 2026-01-01.

    .. versionadded:: 0.2.0
    """
    return _relative(on=_DEFAULT_ON)


def _certificate(*, earliest: date, latest: date) -> st.SearchStrategy[Certificate]:
    return st.builds(Certificate, issued_on=_dates_back(latest, earliest), noc=st.none() | _noc_2021_codes())


def certificates() -> st.SearchStrategy[Certificate]:
    """Valid :class:`~crsrules.Certificate` values, issued in the 15 years up to 2026-01-01.

    .. versionadded:: 0.1.0
    """
    return _certificate(earliest=anniversary(_DEFAULT_ON, -_CERTIFICATE_YEARS), latest=_DEFAULT_ON)


def _nomination(*, on: date) -> st.SearchStrategy[Nomination]:
    return st.builds(
        Nomination,
        province=st.sampled_from(Province) | st.none(),
        nominated_on=_dates_back(on, anniversary(on, -_NOMINATION_YEARS)),
    )


def nominations() -> st.SearchStrategy[Nomination]:
    """Valid :class:`~crsrules.Nomination` values, nominated in the 2 years up to 2026-01-01.

    .. versionadded:: 0.1.0
    """
    return _nomination(on=_DEFAULT_ON)


@st.composite
def _job_offer(draw: st.DrawFn, *, on: date) -> JobOffer:
    offered_on = draw(_dates_back(on, anniversary(on, -_OFFER_YEARS)) | st.none())
    ends_on = draw(st.none() | _dates_back(on, offered_on or anniversary(on, -_OFFER_YEARS)))
    noc, noc_2016 = draw(_codes(ended_before_noc_2021=ends_on is not None and ends_on < _NOC_2021_ADOPTED))
    return JobOffer(
        noc=noc,
        noc_2016=noc_2016,
        offered_on=offered_on,
        ends_on=ends_on,
        employer=draw(st.none() | st.sampled_from(Employer)),
        duration_months=draw(st.none() | st.integers(1, _OFFER_MONTHS)),
    )


def job_offers() -> st.SearchStrategy[JobOffer]:
    """Valid :class:`~crsrules.JobOffer` values, offered in the 5 years up to 2026-01-01, still in force or ended.

    The employer and the length (1 to 120 months) are given or not. Some have no offer date (it is optional).

    .. versionadded:: 0.1.0
    """
    return _job_offer(on=_DEFAULT_ON)


def _submitted(on: date) -> st.SearchStrategy[datetime]:
    """UTC times in the 2 years before *on* began."""
    midnight = datetime(on.year, on.month, on.day, tzinfo=UTC)
    seconds = (on - anniversary(on, -_PROFILE_YEARS)).days * 86400
    return st.integers(0, seconds).map(lambda s: midnight - timedelta(seconds=s))


@st.composite
def _candidate(draw: st.DrawFn, *, on: date, with_spouse: bool | None) -> Candidate:
    age = draw(st.integers(_MIN_AGE, _MAX_AGE))
    # Exactly *age* on *on*: the latest birth date (the simplest: the birthday is *on*) back to a year earlier.
    latest_birth = anniversary(on, -age)
    if anniversary(latest_birth, age) > on:  # *on* is 29 February and the birthday would fall on 1 March
        latest_birth -= timedelta(days=1)
    birth_date = draw(_dates_back(latest_birth, anniversary(on, -age - 1) + timedelta(days=1)))
    adult = anniversary(birth_date, _ADULT_AGE)
    has_spouse = draw(st.booleans()) if with_spouse is None else with_spouse
    marital_status = draw(st.sampled_from(_PARTNERED if has_spouse else _UNPARTNERED))
    study_from = max(adult, anniversary(on, -_STUDY_YEARS))
    work_from = max(adult, anniversary(on, -_WORK_YEARS))
    certificate_from = max(adult, anniversary(on, -_CERTIFICATE_YEARS))
    return Candidate(
        birth_date=birth_date,
        marital_status=marital_status,
        spouse=draw(_spouse(on=on)) if has_spouse else None,
        credentials=tuple(draw(st.lists(_credential(in_canada=None, earliest=study_from, latest=on), max_size=3))),
        language_results=draw(_recent_results(on, max_size=3)),
        first_official_language=draw(st.none() | st.sampled_from(OfficialLanguage)),
        jobs=tuple(draw(st.lists(_job(in_canada=None, earliest=work_from, latest=on), max_size=4))),
        certificate_of_qualification=draw(st.none() | _certificate(earliest=certificate_from, latest=on)),
        nomination=draw(st.none() | _nomination(on=on)),
        job_offer=draw(st.none() | _job_offer(on=on)),
        siblings=tuple(draw(st.lists(_sibling(on=on), max_size=2))),
        profile_submitted_at=draw(st.none() | _submitted(on)),
        relatives=tuple(draw(st.lists(_relative(on=on), max_size=2))),
    )


def candidates(*, on: date = _DEFAULT_ON, with_spouse: bool | None = None) -> st.SearchStrategy[Candidate]:
    """Valid :class:`~crsrules.Candidate` values, with facts dated up to *on*.

    The candidate is 18 to 60 on *on*. Credentials, jobs and a certificate of qualification date from the 16th
    birthday at the earliest; language tests from the 3 years up to *on* (so some have expired by then), jobs from
    the 15, credentials from the 40; a job offer from the 5 years and a nomination from the 2 years up to *on*. A
    spouse or partner goes with a married or common-law status, and only then. ``profile_submitted_at`` is None or a
    UTC time in the 2 years before *on*. Up to two siblings and two other relatives in Canada (see :func:`relatives`).

    Args:
        on: The day the facts are drawn around (by default 2026-01-01): from 1961-01-01 (so that a candidate of 60
            was born in the supported date range) to 2199-12-31.
        with_spouse: Only candidates with (True) or without (False) a spouse or common-law partner (a
            :class:`~crsrules.Spouse`, accompanying or not).

    .. versionadded:: 0.1.0
    """
    _check_on(on, earliest=_EARLIEST_ON)
    return _candidate(on=on, with_spouse=with_spouse)


st.register_type_strategy(Factors, factors())
st.register_type_strategy(LanguageLevels, language_levels())
st.register_type_strategy(SpouseFactors, spouse_factors())
st.register_type_strategy(Candidate, candidates())
st.register_type_strategy(Certificate, certificates())
st.register_type_strategy(Credential, credentials())
st.register_type_strategy(Job, jobs())
st.register_type_strategy(JobOffer, job_offers())
st.register_type_strategy(LanguageResult, language_results())
st.register_type_strategy(Nomination, nominations())
st.register_type_strategy(Relative, relatives())
st.register_type_strategy(Sibling, siblings())
st.register_type_strategy(Spouse, spouses())
