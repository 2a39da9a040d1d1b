"""How a candidate's score moves over time: :func:`timeline` lists each date in a window when it changes, and why.

Scores change on a birthday, when a test result or an ECA expires, when a year of work is completed or slides out of
the 10-year window, when a credential, nomination, offer or certificate starts to count, and when a new ruleset takes
effect. The timeline takes the candidate's facts only on the days one of them can change: the dates of the facts
themselves and of the versions (:func:`_fact_days`), and the days a count of work years moves, found from the hours
(:class:`_WorkYears`). Every other day has the inputs of the day before, so the result is the one a day-by-day scan
gives (:func:`_day_scan`, the timeline of 0.1, kept as the tests' oracle).
"""

from __future__ import annotations

import warnings
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from attrs import frozen

from crsrules._validation import a_date
from crsrules.candidate import Candidate
from crsrules.derive import Derivation, derive
from crsrules.derive._counting import Deriver
from crsrules.errors import InvalidArgumentsError, InvalidValueError, StaleRulesWarning
from crsrules.evidence import anniversary
from crsrules.rules import LAST_KNOWN_DATE, available_rulesets, get_rules, warn_stale
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from crsrules.candidate import Job, Spouse
    from crsrules.model import Factors, LanguageLevels, SpouseFactors
    from crsrules.rules import RuleSet

__all__ = ["ScoreChange", "timeline"]

# The longest window a timeline covers: 100 years, a working life and more (the supported dates would allow 185 from
# 2015), which takes well under a second for an ordinary candidate.
_MAX_YEARS = 100
_MAX_DAYS = 366 * _MAX_YEARS
_DAY = timedelta(days=1)


@frozen(kw_only=True)
class ScoreChange:
    """A day on which the candidate's CRS score changes.

    .. versionadded:: 0.1.0
    """

    #: The first day of the new score.
    on: date
    #: The score the day before.
    before: int
    #: The score from this day.
    after: int
    #: The ruleset in force from this day.
    rules_id: str
    #: What changed, in words (such as "age 30 -> 31").
    reasons: tuple[str, ...]

    @property
    def delta(self) -> int:
        """``after - before``."""
        return self.after - self.before

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "on": self.on.isoformat(),
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "rules_id": self.rules_id,
            "reasons": list(self.reasons),
        }


def timeline(
    candidate: Candidate, start: date, end: date, *, rules: RuleSet | str | None = None
) -> tuple[ScoreChange, ...]:
    """Every date from the day after *start* to *end* (inclusive) on which *candidate*'s score changes.

    Each day uses the version in force that day, or the pinned *rules* (a version or its id) on every day, so
    that only the facts move. Dates after :data:`crsrules.rules.LAST_KNOWN_DATE` use the latest version, with one
    :class:`~crsrules.StaleRulesWarning` for the whole call (none when *rules* is pinned).

    The facts are taken only on the days one of them can change, so a window of many years costs little more than
    one of a few months.

    Raises:
        InvalidValueError: *start* or *end* is not a date, or *candidate* is not a Candidate.
        InvalidArgumentsError: *end* is before *start*, or the window is longer than 100 years.
        RulesNotInForceError: *start* is before 2015-01-01.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate
        >>> c = Candidate(birth_date=date(1995, 7, 1))
        >>> [(x.on.isoformat(), x.before, x.after) for x in timeline(c, date(2025, 1, 1), date(2026, 1, 1))]
        [('2025-07-01', 110, 105)]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    .. versionchanged:: 0.2.0 A window of up to 100 years (20 before); the facts are derived on the days they can
       change rather than on every day.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    pinned = None if rules is None else get_rules(rules)
    start, end = a_date("start", start), a_date("end", end)
    if end < start:
        raise InvalidArgumentsError(f"end ({end.isoformat()}) is before start ({start.isoformat()})")
    if (end - start).days > _MAX_DAYS:
        raise InvalidArgumentsError(f"a timeline covers at most {_MAX_YEARS} years; split the window")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)
        changes = _from_change_days(candidate, start, end, pinned)
    if end > LAST_KNOWN_DATE and pinned is None:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; the timeline applies "
            "the latest ruleset after that, but IRCC may have changed the rules since"
        )
    return tuple(changes)


def _day_scan(candidate: Candidate, start: date, end: date, pinned: RuleSet | None) -> list[ScoreChange]:
    """The score changes found by deriving the facts on every day of the window: the tests' oracle.

    This is how :func:`timeline` worked up to 0.1 (a year took 15-40 ms for the example candidates, and 38 s for one
    with 45,000 jobs).
    """
    changes = []
    previous = derive(candidate, on=start, rules=pinned)
    previous_total = score_factors(previous.factors, previous.rules).total
    day = start
    while day < end:
        day += _DAY
        current = derive(candidate, on=day, rules=pinned)
        if current.factors == previous.factors and current.rules is previous.rules:
            continue
        total = score_factors(current.factors, current.rules).total
        if total != previous_total:
            reasons = _reasons(previous.factors, current.factors, previous.rules, current.rules)
            changes.append(
                ScoreChange(on=day, before=previous_total, after=total, rules_id=current.rules.id, reasons=reasons)
            )
        previous, previous_total = current, total
    return changes


# --- the days to derive ---------------------------------------------------------------------------------------------


def _from_change_days(candidate: Candidate, start: date, end: date, pinned: RuleSet | None) -> list[ScoreChange]:
    """The score changes, from the facts taken on the days they can change.

    The window is cut at each version's first day; within a version, the days are those of :func:`_fact_days` and
    the days a count of work years moves (:class:`_WorkYears`), with the day before each. Each derivation checks the
    counts of work against derive's. Running totals round differently from derive's sum of the window's hours: with
    many jobs whose hours a week binary fractions cannot hold, hours that meet a year's threshold to a trace can make
    a count move a day apart from derive's. Around such a day every day is derived, until the counts agree again.
    """
    walk = _Walk(candidate, pinned, start)
    versions = (pinned,) if pinned is not None else tuple(r for r in available_rulesets() if r.effective <= end)
    fact_days = _fact_days(candidate, versions, start, end)
    firsts = [start] if pinned is not None else [start, *(r.effective for r in versions if r.effective > start)]
    current = walk.previous
    for i, first in enumerate(firsts):
        last = firsts[i + 1] - _DAY if i + 1 < len(firsts) else end
        if first != start:
            current = walk.take(first)
        work = _WorkYears(candidate, current.rules)
        done = _until_agreed(walk, work, first, current, last)
        days = {*fact_days[bisect_right(fact_days, done) : bisect_right(fact_days, last)]}
        days.update(work.days_to_derive(first, last))
        for day in sorted(days):
            if day <= done:
                continue
            current = derive(candidate, on=day, rules=pinned)
            if not work.agrees(day, current.factors):
                _take_disagreeing_days_before(walk, work, done, day)
                walk.take(day, current)
                done = _until_agreed(walk, work, day, current, last)
            else:
                walk.take(day, current)
                done = day
    return walk.changes


def _take_disagreeing_days_before(walk: _Walk, work: _WorkYears, done: date, day: date) -> None:
    """Take, in order, the days after *done* and before *day* on which derive's counts of work differ from *work*'s.

    Going back from *day*, the first day whose counts agree has the inputs of *done*: no fact changes between them
    (*day* is the next day that one can), and neither do the counts of *work*.
    """
    disagreeing = []
    back = day - _DAY
    while back > done:
        derivation = derive(walk.candidate, on=back, rules=walk.pinned)
        if work.agrees(back, derivation.factors):
            break
        disagreeing.append((back, derivation))
        back -= _DAY
    for earlier, derivation in reversed(disagreeing):
        walk.take(earlier, derivation)


def _until_agreed(walk: _Walk, work: _WorkYears, day: date, current: Derivation, last: date) -> date:
    """Take each day after *day* (taken, derived as *current*) up to *last* until derive's counts of work agree.

    Returns the last day taken: the first on which derive's counts are *work*'s, or *last*.
    """
    while day < last and not work.agrees(day, current.factors):
        day += _DAY
        current = walk.take(day)
    return day


class _Walk:
    """The derivations of a timeline in date order, each compared with the last one that changed the inputs."""

    def __init__(self, candidate: Candidate, pinned: RuleSet | None, start: date) -> None:
        self.candidate = candidate
        self.pinned = pinned
        self.previous = derive(candidate, on=start, rules=pinned)
        self.previous_total = score_factors(self.previous.factors, self.previous.rules).total
        self.changes: list[ScoreChange] = []

    def take(self, day: date, current: Derivation | None = None) -> Derivation:
        """Derive the facts on *day* (unless *current* is their derivation); record a score change if there is one."""
        if current is None:
            current = derive(self.candidate, on=day, rules=self.pinned)
        previous = self.previous
        if current.factors == previous.factors and current.rules is previous.rules:
            return current
        total = score_factors(current.factors, current.rules).total
        if total != self.previous_total:
            reasons = _reasons(previous.factors, current.factors, previous.rules, current.rules)
            self.changes.append(
                ScoreChange(on=day, before=self.previous_total, after=total, rules_id=current.rules.id, reasons=reasons)
            )
        self.previous, self.previous_total = current, total
        return current


# A sibling counts from their 18th birthday (rule E13, as derive applies it).
_SIBLING_AGE = 18


def _fact_days(candidate: Candidate, versions: Sequence[RuleSet], start: date, end: date) -> list[date]:
    """The days in (*start*, *end*] on which a fact other than work can start or stop counting, in order.

    A birthday; a credential's completion and its program's start; an ECA's issue and expiry; a test and its
    result's expiry; the certificate of qualification, the nomination, the job offer's first day and the day after
    its last; a sibling's PR date and 18th birthday. The spouse's credentials and results are counted too. Validity
    periods come from each of *versions* (the versions that can apply in the window).
    """
    language_years = {r.evidence.language_valid_years for r in versions}
    eca_years = {r.evidence.eca_valid_years for r in versions}
    c = candidate
    birth = c.birth_date
    days = {anniversary(birth, age) for age in range(max(0, start.year - birth.year), end.year - birth.year + 1)}
    for person in (c,) if c.spouse is None else (c, c.spouse):
        days.update(_study_and_test_days(person, language_years, eca_years))
    if c.certificate_of_qualification is not None:
        days.add(c.certificate_of_qualification.issued_on)
    if c.nomination is not None:
        days.add(c.nomination.nominated_on)
    if c.job_offer is not None:
        if c.job_offer.offered_on is not None:  # an offer without a date counts from the start
            days.add(c.job_offer.offered_on)
        if c.job_offer.ends_on is not None:
            days.add(c.job_offer.ends_on + _DAY)
    for sibling in c.siblings:
        days.add(sibling.citizen_or_pr_since)
        if sibling.birth_date is not None:  # a sibling without a birth date is taken to be an adult
            days.add(anniversary(sibling.birth_date, _SIBLING_AGE))
    return sorted(day for day in days if start < day <= end)


def _study_and_test_days(person: Candidate | Spouse, language_years: set[int], eca_years: set[int]) -> list[date]:
    """The days a person's credentials, ECAs and test results start or stop counting."""
    days = []
    for credential in person.credentials:
        if credential.completed_on is not None:  # a credential without a date is taken as completed
            days.append(credential.completed_on)
        if credential.started_on is not None:
            days.append(credential.started_on)
        if credential.eca_issued_on is not None:
            days += _expiries(credential.eca_issued_on, eca_years)
    for result in person.language_results:
        days += _expiries(result.tested_on, language_years)
    return days


def _expiries(first: date, years: Iterable[int]) -> list[date]:
    """*first*, and the first day after it that a validity of each of *years* no longer covers."""
    return [first, *(anniversary(first, n) for n in years)]


# --- work -----------------------------------------------------------------------------------------------------------

# derive's counts: completed years are whole multiples of the hours of a year (with a margin for rounding), at most 60.
_ROUNDING = 1e-9
_MOST_YEARS = 60


class _Rate:
    """Some jobs' hours a week, all together capped at full time, as steps, with the running total of the days before.

    From ``days[i]`` (a day's ordinal) the jobs add up to ``rates[i]`` hours a week; ``totals[i]`` is the sum of the
    rates of the days before ``days[i]``. This is :func:`crsrules.evidence.work_hours` done once for all windows.
    """

    def __init__(self, jobs: Iterable[Job], full_time: float) -> None:
        steps: dict[int, float] = {}
        for job in jobs:
            first = job.start.toordinal()
            steps[first] = steps.get(first, 0.0) + job.hours_per_week
            if job.end is not None:
                after = job.end.toordinal() + 1
                steps[after] = steps.get(after, 0.0) - job.hours_per_week
        self.days = sorted(steps)
        self.rates: list[float] = []
        self.totals: list[float] = []
        weekly = rate = total = 0.0
        previous = None
        for day in self.days:
            if previous is not None:
                total += (day - previous) * rate
            weekly += steps[day]
            rate = min(weekly, full_time) if weekly > 0 else 0.0
            self.rates.append(rate)
            self.totals.append(total)
            previous = day

    def before(self, day: int) -> float:
        """The sum of the rates of the days before *day* (an ordinal)."""
        i = bisect_right(self.days, day) - 1
        return 0.0 if i < 0 else self.totals[i] + (day - self.days[i]) * self.rates[i]


class _WorkYears:
    """The completed years of Canadian, foreign and spouse's work on any day under one version (rules E6-E8).

    The hours in the window before a day are the difference of two running totals of :class:`_Rate`. Between the
    days where a rate changes, the days where it changes at the window's far end (*N* years back) and the leap-day
    edge of the far end, the hours move linearly with the day: a count of years moves one way only there, so
    bisection finds every day it moves without looking at the others.
    """

    def __init__(self, candidate: Candidate, rules: RuleSet) -> None:
        evidence = rules.evidence
        self.window_years = evidence.work_window_years
        self.hours_per_year = evidence.hours_per_year
        # The jobs that count under this version, chosen by derive itself (paid, skilled, not while a student, ...):
        # which jobs count does not depend on the day.
        deriver = Deriver(candidate, rules.effective, rules)
        canadian, foreign = deriver.counted_jobs(candidate.jobs)
        counted = [canadian.jobs, foreign.jobs]
        spouse = candidate.spouse
        self.spouse = spouse is not None and spouse.counts
        if spouse is not None and self.spouse:
            counted.append(deriver.counted_jobs(spouse.jobs, foreign=False)[0].jobs)
        self.rates = [_Rate(jobs, evidence.full_time_hours_per_week) for jobs in counted]
        self.cache: dict[int, tuple[int, ...]] = {}

    def at(self, day: int) -> tuple[int, ...]:
        """The counts on *day* (an ordinal): Canadian, foreign and, with a spouse who counts, the spouse's work."""
        found = self.cache.get(day)
        if found is None:
            far = anniversary(date.fromordinal(day), -self.window_years).toordinal()
            found = tuple(
                min(int((r.before(day) - r.before(far)) / 7 / self.hours_per_year + _ROUNDING), _MOST_YEARS)
                for r in self.rates
            )
            self.cache[day] = found
        return found

    def agrees(self, day: date, factors: Factors) -> bool:
        """Whether derive's counts of *factors* on *day* are these counts."""
        counts = [factors.canadian_work_years, factors.foreign_work_years]
        if self.spouse:
            if factors.spouse is None:
                return False
            counts.append(factors.spouse.canadian_work_years)
        return tuple(counts) == self.at(day.toordinal())

    def days_to_derive(self, first: date, last: date) -> list[date]:
        """The days in (*first*, *last*] on which a count moves, and the day before each."""
        lo, hi = first.toordinal(), last.toordinal()
        if not any(r.days for r in self.rates):
            return []
        edges = [lo, *sorted(self._cuts(lo, hi)), hi + 1]
        moves: list[int] = []
        for a, b in pairwise(edges):
            if a != lo and self.at(a) != self.at(a - 1):
                moves.append(a)
            self._bisect(a, b - 1, moves)
        days = {*moves, *(day - 1 for day in moves if day - 1 > lo)}
        return [date.fromordinal(day) for day in days]

    def _cuts(self, lo: int, hi: int) -> set[int]:
        """The days in (*lo*, *hi*] where the hours may stop moving linearly with the day."""
        cuts: set[int] = set()
        near = anniversary(date.fromordinal(lo), -self.window_years).toordinal() - 2
        far = anniversary(date.fromordinal(hi), -self.window_years).toordinal() + 2
        for r in self.rates:
            days = r.days
            # A job starts or ends: the rate of the window's last day changes.
            cuts.update(days[bisect_right(days, lo) : bisect_right(days, hi)])
            # N years later that day leaves the window (29 February's anniversary is 1 March, hence a day either side).
            for day in days[bisect_left(days, near) : bisect_right(days, far)]:
                leaves = anniversary(date.fromordinal(day), self.window_years).toordinal()
                cuts.update((leaves - 1, leaves, leaves + 1))
        # Around 1 March the window's first day moves by 0 or 2 days when one of the years is a leap year.
        for year in range(date.fromordinal(lo).year, date.fromordinal(hi).year + 1):
            march = date(year, 3, 1).toordinal()
            cuts.update((march - 1, march, march + 1))
        return {day for day in cuts if lo < day <= hi}

    def _bisect(self, a: int, b: int, moves: list[int]) -> None:
        """Append to *moves* the days in (*a*, *b*] where a count moves, given that each count is monotonic there."""
        if a >= b or self.at(a) == self.at(b):
            return
        if b == a + 1:
            moves.append(b)
            return
        middle = (a + b) // 2
        self._bisect(a, middle, moves)
        self._bisect(middle, b, moves)


# --- reasons --------------------------------------------------------------------------------------------------------


def _levels(levels: LanguageLevels | None) -> str:
    if levels is None:
        return "none valid"
    scale = levels.language.scale
    return f"{levels.language.value} {scale} {levels.listening}/{levels.reading}/{levels.writing}/{levels.speaking}"


def _reasons(old: Factors, new: Factors, old_rules: RuleSet, new_rules: RuleSet) -> tuple[str, ...]:
    """What differs between two days' inputs and rules, in words."""
    reasons = []
    if new_rules is not old_rules:
        reasons.append(f"ruleset {new_rules.id} takes effect: {new_rules.summary}")
    if old.age != new.age:
        reasons.append(f"age {old.age} -> {new.age}")
    if old.education != new.education:
        reasons.append(f"education {old.education.value} -> {new.education.value} (a credential or ECA started or "
                       "stopped counting)")  # fmt: skip
    for name, label in (("first_language", "first official language"), ("second_language", "second official language")):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {_levels(before)} -> {_levels(after)} (a result started or stopped counting)")
    for name, label in (("canadian_work_years", "Canadian work"), ("foreign_work_years", "foreign work")):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {before} -> {after} completed years in the window")
    if old.spouse != new.spouse:
        reasons.extend(_spouse_reasons(old.spouse, new.spouse))
    return (*reasons, *_additional_reasons(old, new))


def _spouse_reasons(old: SpouseFactors | None, new: SpouseFactors | None) -> list[str]:
    if old is None or new is None:
        return ["spouse column " + ("applies" if new is not None else "no longer applies")]
    reasons = []
    if old.education != new.education:
        reasons.append(f"spouse education {old.education.value} -> {new.education.value}")
    if old.first_language != new.first_language:
        reasons.append(f"spouse language: {_levels(old.first_language)} -> {_levels(new.first_language)}")
    if old.canadian_work_years != new.canadian_work_years:
        reasons.append(f"spouse Canadian work: {old.canadian_work_years} -> {new.canadian_work_years} completed years")
    return reasons


def _additional_reasons(old: Factors, new: Factors) -> list[str]:
    reasons = []
    for name, label in (
        ("certificate_of_qualification", "certificate of qualification"),
        ("provincial_nomination", "provincial nomination"),
        ("arranged_employment", "arranged employment"),
        ("canadian_education", "Canadian education"),
        ("sibling_in_canada", "sibling in Canada"),
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {_value(before)} -> {_value(after)}")
    return reasons


def _value(value: object) -> str:
    if value is None or value is False:
        return "no"
    if value is True:
        return "yes"
    return str(getattr(value, "value", value))
