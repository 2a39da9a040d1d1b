"""timeline(): the days it derives the facts on, its fallback to the day scan, and its window of up to 100 years."""

import random
import sys
import warnings
from datetime import date, timedelta

import pytest

import crsrules
from crsrules import Candidate, Job, Sibling
from crsrules.timeline import _day_scan, _from_change_days, _WorkYears

# The module, not the function crsrules.timeline that shadows it on the package.
TIMELINE = sys.modules["crsrules.timeline"]
NOCS = ("21231", "33102", "63200", "00010", "75101", "41200")


def many_jobs(count, seed=11):
    """A candidate with *count* jobs of 1 day to 13 months, from 2011 to 2025, in Canada and abroad."""
    rng = random.Random(seed)  # noqa: S311 (a seeded corpus)
    jobs = []
    for _ in range(count):
        start = date(2011, 1, 1) + timedelta(days=rng.randrange(5300))
        end = None if rng.random() < 0.05 else start + timedelta(days=rng.randrange(400))
        hours = rng.choice((5, 10, 30, 37.5))
        jobs.append(Job(noc=rng.choice(NOCS), in_canada=rng.random() < 0.5, start=start, end=end, hours_per_week=hours))
    return Candidate(birth_date=date(1980, 1, 1), jobs=tuple(jobs))


def counting_derivations(monkeypatch):
    """Count the derivations of the timeline module."""
    calls = []
    derive = TIMELINE.derive

    def counted(*args, **kwargs):
        calls.append(kwargs["on"])
        return derive(*args, **kwargs)

    monkeypatch.setattr(TIMELINE, "derive", counted)
    return calls


def test_many_jobs_are_derived_on_a_few_days(monkeypatch):
    """A year of a candidate with 1,000 jobs (45,000 took 36 s when every day was derived): a few derivations, and
    the day scan's answer."""
    candidate = many_jobs(1000)
    calls = counting_derivations(monkeypatch)
    changes = crsrules.timeline(candidate, date(2024, 1, 1), date(2025, 1, 1))
    assert len(calls) <= 20
    monkeypatch.undo()
    assert list(changes) == _day_scan(candidate, date(2024, 1, 1), date(2025, 1, 1), None)


def test_a_quiet_year_derives_once_per_version(monkeypatch):
    """No fact can change between 2025-04-01 and 2025-11-30, and no version starts: one derivation (the first day)."""
    calls = counting_derivations(monkeypatch)
    assert () == crsrules.timeline(Candidate(birth_date=date(1990, 1, 1)), date(2025, 4, 1), date(2025, 11, 30))
    assert [date(2025, 4, 1)] == calls


@pytest.mark.parametrize("shift", [-1, 1, 400])
def test_counts_of_work_that_disagree_with_derive_are_repaired_day_by_day(monkeypatch, shift):
    """Should the running totals count a year of work a day early or late (or all wrong), the days around are derived
    one by one until derive's counts agree again: the timeline is still the day scan's."""
    candidate = many_jobs(20)
    start, end = date(2020, 1, 1), date(2023, 1, 1)
    expected = _day_scan(candidate, start, end, None)
    at = _WorkYears.at
    if shift == 400:
        monkeypatch.setattr(_WorkYears, "at", lambda self, day: tuple(n + 1 for n in at(self, day)))
    else:
        monkeypatch.setattr(_WorkYears, "at", lambda self, day: at(self, day + shift))
    assert expected == _from_change_days(candidate, start, end, None)


def test_a_sibling_counts_from_their_18th_birthday():
    """A sibling born 2008-02-29, PR since 2020, turns 18 on 2026-03-01."""
    sibling = Sibling(birth_date=date(2008, 2, 29), citizen_or_pr_since=date(2020, 1, 1))
    candidate = Candidate(birth_date=date(1990, 1, 1), siblings=(sibling,))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        changes = crsrules.timeline(candidate, date(2026, 2, 1), date(2026, 4, 1), rules="2026-02-18")
    assert [(date(2026, 3, 1), 15)] == [(c.on, c.delta) for c in changes]


def test_a_window_of_100_years():
    """Up to 100 years (20 before): a birthday every year, found in a window from 2015 to the end of 2114."""
    candidate = Candidate(birth_date=date(1995, 7, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        changes = crsrules.timeline(candidate, date(2015, 1, 1), date(2114, 12, 31))
    ages = [c for c in changes if c.reasons[0].startswith("age")]
    # 105 points at 19, 110 from 20 to 29, then less each year until 0 from age 45 (2040).
    assert [date(2015, 7, 1), *(date(year, 7, 1) for year in range(2025, 2041))] == [c.on for c in ages]


@pytest.mark.parametrize("days", [366 * 100 + 1, 366 * 150])
def test_a_window_over_100_years_is_refused(days):
    start = date(2015, 1, 1)
    with pytest.raises(crsrules.InvalidArgumentsError, match="at most 100 years; split the window"):
        crsrules.timeline(Candidate(birth_date=date(1990, 1, 1)), start, start + timedelta(days=days))
