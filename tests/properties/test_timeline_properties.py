"""timeline() derives the facts only on the days they can change: it must list what a scan of every day lists.

The scan is ``crsrules.timeline._day_scan``, the timeline of crsrules 0.1 kept as the oracle: the same ScoreChange
records, in the same order, for random candidates, windows of 1, 3 and 10 years, the rules in force or pinned.
A day scan of a year takes 15-40 ms, so each test runs a share of the profile's examples, smaller for longer windows.
"""

import warnings
from datetime import date, timedelta

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

import crsrules
from crsrules import (
    Candidate,
    Credential,
    Education,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Sibling,
    Spouse,
)
from crsrules.derive import anniversary, derive
from crsrules.rules import LAST_KNOWN_DATE
from crsrules.testing.strategies import candidates, rulesets
from crsrules.timeline import _day_scan, _from_change_days, _WorkYears

FIRST_DAY = date(2015, 1, 1)
DAYS = st.dates(FIRST_DAY, LAST_KNOWN_DATE)
# Facts drawn around a day; the window starts up to 3 years either side of it.
DATED = DAYS.flatmap(lambda on: st.tuples(st.just(on), candidates(on=on)))
SHIFTS = st.integers(-3 * 365, 3 * 365)
PINNED = st.none() | rulesets()

IELTS_ON_29_FEBRUARY = LanguageResult(
    test=LanguageTest.IELTS_GENERAL, tested_on=date(2024, 2, 29), listening=8.0, reading=7.0, writing=7.0, speaking=7.0
)
# Everything on 29 February: the birthday, the ECA, the test, the offer, a sibling's birth and PR date. The
# applicant's year of work (365 days from 2016-02-28) loses two days at once, and so its year, when the 10-year
# window's first day goes from 2016-02-28 to 2016-03-01 (on 2026-03-01); the spouse's (from 2016-02-29) a day later.
LEAP = Candidate(
    birth_date=date(1992, 2, 29),
    marital_status=MaritalStatus.MARRIED,
    spouse=Spouse(
        accompanying=True,
        language_results=(IELTS_ON_29_FEBRUARY,),
        jobs=(Job(noc="33102", in_canada=True, start=date(2016, 2, 29), end=date(2017, 2, 27)),),
    ),
    credentials=(
        Credential(level=Education.BACHELORS, completed_on=date(2014, 6, 1), eca_issued_on=date(2020, 2, 29)),
    ),
    language_results=(IELTS_ON_29_FEBRUARY,),
    jobs=(
        Job(noc="21231", noc_2016="2173", in_canada=True, start=date(2016, 2, 28), end=date(2017, 2, 26)),
        Job(noc="21231", in_canada=False, start=date(2016, 3, 1), hours_per_week=45),
    ),
    job_offer=JobOffer(noc="21231", offered_on=date(2024, 2, 29), ends_on=date(2026, 2, 28)),
    siblings=(Sibling(birth_date=date(2008, 2, 29), citizen_or_pr_since=date(2020, 2, 29)),),
)


def _share(n):
    """Settings that run a *n*-th of the active profile's examples (at least 5)."""
    return settings(max_examples=max(5, settings.default.max_examples // n))


def _window(on, shift, years, pinned):
    start = on + timedelta(days=shift)
    if pinned is None:
        start = max(start, FIRST_DAY)  # no version before
    return start, anniversary(start, years)


def _both(candidate, start, end, pinned):
    """The changes found from the days facts can change, and by the day scan."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        return _from_change_days(candidate, start, end, pinned), _day_scan(candidate, start, end, pinned)


def _check(dated, shift, years, pinned):
    on, candidate = dated
    start, end = _window(on, shift, years, pinned)
    fast, scan = _both(candidate, start, end, pinned)
    assert scan == fast


@_share(2)
@given(dated=DATED, shift=SHIFTS, pinned=PINNED)
@example(dated=(date(2026, 3, 1), LEAP), shift=-365, pinned=None)
@example(dated=(date(2026, 3, 1), LEAP), shift=-1, pinned=None)
@example(dated=(date(2026, 3, 1), LEAP), shift=-2, pinned=crsrules.get_rules("2019-10-01"))
def test_a_1_year_timeline_lists_what_the_day_scan_lists(dated, shift, pinned):
    """Over 1 year, the same ScoreChange records in the same order."""
    _check(dated, shift, 1, pinned)


@_share(5)
@given(dated=DATED, shift=SHIFTS, pinned=PINNED)
@example(dated=(date(2026, 3, 1), LEAP), shift=-2 * 365, pinned=None)
def test_a_3_year_timeline_lists_what_the_day_scan_lists(dated, shift, pinned):
    """Over 3 years, the same ScoreChange records in the same order."""
    _check(dated, shift, 3, pinned)


@_share(15)
@given(dated=DATED, shift=SHIFTS, pinned=PINNED)
@example(dated=(date(2020, 1, 1), LEAP), shift=0, pinned=None)
def test_a_10_year_timeline_lists_what_the_day_scan_lists(dated, shift, pinned):
    """Over 10 years, across most versions, the same ScoreChange records in the same order."""
    _check(dated, shift, 10, pinned)


@given(dated=DATED, shift=SHIFTS, pinned=PINNED)
@example(dated=(date(2026, 3, 1), LEAP), shift=0, pinned=None)
@example(dated=(date(2026, 3, 1), LEAP), shift=1, pinned=None)
def test_running_totals_count_whole_hours_of_work_as_derive_does(dated, shift, pinned):
    """With whole hours a week, the counts of work years from running totals are derive's, to the day: the timeline
    never has to derive the days around a count one by one."""
    on, candidate = dated
    day, _ = _window(on, shift, 1, pinned)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        derivation = derive(candidate, on=day, rules=pinned)
    assert _WorkYears(candidate, derivation.rules).agrees(day, derivation.factors)


# Hours a week with a fraction, such as 37.5 or 22.3 (most of them not exact in binary).
FRACTIONAL_HOURS = st.integers(1, 600).map(lambda tenths: tenths / 10) | st.floats(0.01, 168, exclude_min=True)


@_share(5)
@given(dated=DATED, shift=SHIFTS, pinned=PINNED, hours=st.lists(FRACTIONAL_HOURS, min_size=8, max_size=8))
def test_hours_with_fractions_give_what_the_day_scan_gives(dated, shift, pinned, hours):
    """With any hours a week the timeline is the scan's (where rounding sets a count of work apart from derive's, the
    days around are derived one by one)."""
    on, candidate = dated

    def fractional(jobs):
        return tuple(attrs.evolve(job, hours_per_week=h) for job, h in zip(jobs, hours, strict=False))

    candidate = attrs.evolve(candidate, jobs=fractional(candidate.jobs))
    if candidate.spouse is not None:
        spouse = attrs.evolve(candidate.spouse, jobs=fractional(candidate.spouse.jobs))
        candidate = attrs.evolve(candidate, spouse=spouse)
    start, end = _window(on, shift, 1, pinned)
    fast, scan = _both(candidate, start, end, pinned)
    assert scan == fast


def test_29_february_facts_change_the_score_on_1_march():
    """The leap-day candidate's ECA (2020-02-29, 5 years) and tests (2024-02-29, 2 years) stop counting on 1 March,
    as the offer that ended on 28 February; the sibling turns 18 and the applicant's year of work leaves the window
    then, the spouse's the day after."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        changes = crsrules.timeline(LEAP, date(2025, 1, 1), date(2026, 12, 31))
    reasons = {c.on.isoformat(): " / ".join(c.reasons) for c in changes}
    assert ["2025-03-01", "2025-03-25", "2026-03-01", "2026-03-02"] == list(reasons)
    assert "education bachelors -> less_than_secondary" in reasons["2025-03-01"]
    for words in ("first official language", "spouse language", "arranged employment", "sibling", "Canadian work"):
        assert words in reasons["2026-03-01"]
    assert "spouse Canadian work: 1 -> 0" == reasons["2026-03-02"].split(" completed")[0]
