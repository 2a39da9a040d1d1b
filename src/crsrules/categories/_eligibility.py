"""Who is eligible for a category: the eligibility engine (the terms are in :mod:`crsrules.rules`).

:doc:`/how-to/category-eligibility` explains how crsrules reads the conditions where IRCC's texts leave room: months as
hours, the 3-year window, continuity, one occupation, the French and the military conditions. *on* is the day the
facts are taken; *rules* pins the version of the law (by default the ruleset in force on *on*).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from crsrules._validation import a_date
from crsrules.candidate import Candidate, Job, LanguageResult
from crsrules.categories._versions import (
    CategoryNotInForceError,
    CategoryVersion,
    category_of,
    resolve_rules,
    version_periods,
    version_under,
    versions_under,
)
from crsrules.errors import InvalidValueError
from crsrules.evidence import (
    anniversary,
    continuous_periods,
    counted_credentials,
    offer_in_force,
    valid_language_results,
    work_hours,
    work_window,
)
from crsrules.headings import Category
from crsrules.occupations import occupation
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from crsrules.model import LanguageLevels
    from crsrules.rules import ExperienceRule, FrenchRule, MilitaryRule, RuleSet

__all__ = ["CategoryEligibility", "category_eligibility", "eligible_categories"]

_ONE_DAY = timedelta(days=1)
_MONTHS_A_YEAR = 12
# Hours compared with a threshold are sums of floats; this absorbs their rounding only.
_EPSILON = 1e-9


# --- eligibility ----------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class CategoryEligibility:
    """Whether a candidate is eligible for a category on a date, and why.

    .. versionadded:: 0.1.0
    """

    #: Whether the candidate meets the category's conditions (as far as the facts show; see :attr:`reasons`).
    eligible: bool
    #: The category.
    category: Category
    #: The version applied: under the ruleset pinned, or by default the one in force on the date.
    version: CategoryVersion
    #: The date the facts are taken.
    on: date
    #: Occupational categories: the job that counted most in the qualifying occupation; None if not eligible.
    qualifying_job: Job | None
    #: French-language proficiency: the result that qualifies; None otherwise.
    qualifying_result: LanguageResult | None
    #: Full-time-equivalent months counted in the best listed occupation (for skilled military recruits, in the
    #: continuous service reaching the date); 0 for French-language proficiency.
    months: float
    #: Why the candidate is eligible or not, in words: every unmet condition, and what crsrules could not check.
    reasons: tuple[str, ...]


def category_eligibility(
    candidate: Candidate, category: Category | str, *, on: date, rules: str | RuleSet | None = None
) -> CategoryEligibility:
    """Whether *candidate* is eligible for *category* on *on*, under the version then in force or the one pinned.

    :doc:`/how-to/category-eligibility` says how months, continuity, the window and the French and military conditions
    are read. Whether the candidate is in the Express Entry pool (eligible for FSW, CEC or FST) is not checked here.

    Args:
        candidate: The candidate's facts.
        category: A :class:`Category` or its slug, such as ``"stem"``.
        on: The day the facts are taken, such as the day of a round.
        rules: The ruleset (or its id, such as ``"2025-02-27"``) whose category terms and rules of evidence apply;
            by default the one in force on *on*.

    Returns:
        The answer, with the qualifying job or test result, the months counted and the reasons.

    Raises:
        CategoryNotInForceError: The category is not in force on *on*, or not under the ruleset pinned.
        UnknownRulesetError: *rules* is not the id of a ruleset.
        InvalidValueError: An argument is of the wrong kind.

    Example:
        >>> dev = Job(noc="21231", in_canada=False, start=date(2022, 1, 1))
        >>> result = category_eligibility(Candidate(birth_date=date(1990, 1, 1), jobs=(dev,)), "stem",
        ...                               on=date(2023, 7, 5))
        >>> result.eligible, round(result.months, 1), result.qualifying_job is dev
        (True, 18.1, True)
        >>> category_eligibility(Candidate(birth_date=date(1990, 1, 1), jobs=(dev,)), "stem",
        ...                      on=date(2025, 7, 5)).reasons[0]
        'no work in any of the 11 occupations listed for Science, Technology, Engineering and Math (STEM) \
occupations (2025) in the 3 years before 2025-07-05 (work in other occupations: 21231)'

        Pinning the law: the same facts on the same day, under the 2025 terms and under the 2026 terms.

        >>> nurse = Job(noc="31301", in_canada=False, start=date(2025, 7, 1), end=date(2026, 1, 31))
        >>> someone = Candidate(birth_date=date(1990, 1, 1), jobs=(nurse,))
        >>> [category_eligibility(someone, "healthcare", on=date(2026, 3, 1), rules=r).eligible
        ...  for r in ("2025-12-08", "2026-02-18")]
        [True, False]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The *rules* argument.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    category = category_of(category)
    on = a_date("on", on)
    ruleset = resolve_rules(on, rules)
    if ruleset is None:
        raise CategoryNotInForceError(category, on, version_periods(category))
    version = version_under(ruleset, category, on, pinned=rules is not None)
    return _assess(candidate, version, on, ruleset)


def eligible_categories(
    candidate: Candidate, *, on: date, rules: str | RuleSet | None = None
) -> tuple[CategoryEligibility, ...]:
    """The candidate's eligibility for every category in force on *on* (or under *rules*), the eligible ones first.

    Each group is in :class:`Category` order. *on* is the day the facts are taken; *rules* pins the ruleset (or its
    id) whose categories apply, by default the one in force on *on*.

    Raises:
        UnknownRulesetError: *rules* is not the id of a ruleset.
        InvalidValueError: An argument is of the wrong kind.

    Example:
        >>> answers = eligible_categories(Candidate(birth_date=date(1990, 1, 1)), on=date(2023, 7, 5))
        >>> [(a.category.value, a.eligible) for a in answers][:2]
        [('french', False), ('healthcare', False)]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The *rules* argument.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    on = a_date("on", on)
    ruleset = resolve_rules(on, rules)
    if ruleset is None:
        return ()
    answers = [_assess(candidate, v, on, ruleset) for v in versions_under(ruleset)]
    return tuple(sorted(answers, key=lambda a: not a.eligible))


def _assess(candidate: Candidate, version: CategoryVersion, on: date, rules: RuleSet) -> CategoryEligibility:
    """The answer under *version*, with the rules of evidence of *rules* (which date test results and ECAs)."""
    if version.french is not None:
        return _assess_french(candidate, version, version.french, on, rules)
    if version.military is not None:
        return _assess_military(candidate, version, version.military, on, rules)
    if version.experience is None:  # pragma: no cover (every version has a rule; checked when the data is loaded)
        msg = f"{version.id} has no rule"
        raise RulesDefinitionError(msg)
    return _assess_experience(candidate, version, version.experience, on)


def _job(job: Job) -> str:
    end = "ongoing" if job.end is None else job.end.isoformat()
    where = "in Canada" if job.in_canada else "abroad"
    return f"job {job.noc or job.noc_2016} from {job.start.isoformat()} to {end} ({where})"


def _months(hours: float, per_month: float) -> str:
    """Months to two decimals, rounded down so that a shortfall never reads as enough."""
    return f"{math.floor(hours / per_month * 100 + 1e-6) / 100:.2f}"


def _span(jobs: Iterable[Job], first: date, last: date) -> list[tuple[date, date]]:
    """The unbroken runs of days from *first* to *last* covered by at least one of *jobs*, oldest first."""
    return [(start, end) for start, end, _ in continuous_periods(jobs, first=first, last=last)]


def _main_job(jobs: Iterable[Job], first: date, last: date, full_time: float) -> Job | None:
    """The job that counts most from *first* to *last* (the later one on a tie)."""
    scored = [(work_hours((j,), first=first, last=last, full_time=full_time), j.start, j) for j in jobs]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _uncounted(
    candidate: Candidate, version: CategoryVersion, rule: ExperienceRule, first: date, last: date
) -> list[str]:
    """Reasons why jobs that might look relevant were not counted (the window runs from *first* to *last*)."""
    reasons = []
    for job in candidate.jobs:
        overlaps = job.start <= last and (job.end is None or job.end >= first)
        if job.noc is None:
            if overlaps:
                reasons.append(f"{_job(job)} not counted: it has only a NOC 2016 code, and the lists use NOC 2021")
            continue
        if job.noc not in version.occupations:
            continue
        if not overlaps:
            late = job.start > last
            when = "starts after the window that ends on" if late else "ended before the window that starts on"
            reasons.append(f"{_job(job)} not counted: it {when} {(last if late else first).isoformat()}")
        elif not job.paid:
            reasons.append(f"{_job(job)} not counted: unpaid work never counts")
        elif rule.in_canada_only and not job.in_canada:
            reasons.append(f"{_job(job)} not counted: this category needs work in Canada")
    return reasons


def _assess_experience(
    candidate: Candidate, version: CategoryVersion, rule: ExperienceRule, on: date
) -> CategoryEligibility:
    first, last = work_window(on, rule.window_years)
    full_time = rule.full_time_hours_per_week
    window = f"in the {rule.window_years} years before {on.isoformat()}"
    counted: dict[str, list[Job]] = {}
    for job in candidate.jobs:
        if job.noc in version.occupations and job.paid and (job.in_canada or not rule.in_canada_only):
            counted.setdefault(job.noc, []).append(job)
    # The best period of each occupation: the whole window, or its longest unbroken run when continuity is needed.
    best: tuple[float, str, date, date] | None = None
    totals: dict[str, float] = {}
    for code, jobs in sorted(counted.items()):
        totals[code] = work_hours(jobs, first=first, last=last, full_time=full_time)
        periods = _span(jobs, first, last) if rule.continuous else [(first, last)]
        for start, end in periods:
            hours = work_hours(jobs, first=start, last=end, full_time=full_time)
            if hours > 0 and (best is None or hours > best[0]):
                best = (hours, code, start, end)
    reasons: list[str] = []
    where = " in Canada" if rule.in_canada_only else ""
    needed = f"at least {rule.months} months ({rule.hours_needed:,.0f} hours)"
    needed += " of continuous work" if rule.continuous else ""
    if best is None:
        others = sorted({j.noc for j in candidate.jobs if j.noc and j.noc not in version.occupations})
        also = f" (work in other occupations: {', '.join(others)})" if others else ""
        listed = (
            f"any of the {len(version.occupations)} occupations" if len(version.occupations) > 1 else "the occupation"
        )
        reasons.append(f"no work{where} in {listed} listed for {version} {window}{also}")
        reasons += _uncounted(candidate, version, rule, first, last)
        return CategoryEligibility(
            eligible=False,
            category=version.category,
            version=version,
            on=on,
            qualifying_job=None,
            qualifying_result=None,
            months=0.0,
            reasons=tuple(reasons),
        )
    hours, code, start, end = best
    months = hours / rule.hours_per_month
    eligible = hours + _EPSILON >= rule.hours_needed
    title = occupation(code).title
    period = f", from {start.isoformat()} to {end.isoformat()} without a break" if rule.continuous else ""
    amount = f"{_months(hours, rule.hours_per_month)} months ({hours:,.1f} full-time-equivalent hours)"
    if eligible:
        reasons.append(f"{amount} of work{where} as {code} {title}{period} {window}: {needed} needed")
    else:
        reasons.append(f"only {amount} of work{where} as {code} {title}{period} {window}: {needed} needed")
        total = totals[code]
        if rule.continuous and total + _EPSILON >= rule.hours_needed:
            reasons.append(
                f"{_months(total, rule.hours_per_month)} months in {code} in all, but with breaks: the longest "
                "unbroken period counts"
            )
        reasons += _uncounted(candidate, version, rule, first, last)
    if code in version.unconfirmed_occupations:
        reasons.append(f"[UNCONFIRMED] {code} is on the {version.policy_year} list on secondary sources only")
    main = _main_job(counted[code], start, end, full_time) if eligible else None
    return CategoryEligibility(
        eligible=eligible,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=main,
        qualifying_result=None,
        months=months,
        reasons=tuple(reasons),
    )


def _levels(lv: LanguageLevels) -> str:
    return f"NCLC {lv.listening}, {lv.reading}, {lv.writing}, {lv.speaking} (listening, reading, writing, speaking)"


def _assess_french(
    candidate: Candidate, version: CategoryVersion, rule: FrenchRule, on: date, rules: RuleSet
) -> CategoryEligibility:
    minimum = rule.minimum_level
    results = [r for r in candidate.language_results if r.test in rule.tests]
    # Each result that counts on the date, with its levels under the version applied.
    levels: dict[LanguageResult, LanguageLevels] = {}
    for r in results:
        counted = valid_language_results((r,), on=on, rules=rules).get(r.language)
        if counted is not None:
            levels[r] = counted.levels
    meeting = [r for r in levels if levels[r].minimum >= minimum]
    reasons: list[str] = []
    best = max(meeting, key=lambda r: (sum(_four(levels[r])), r.tested_on), default=None)
    if best is not None:
        reasons.append(
            f"{best.test.label} test of {best.tested_on.isoformat()}: {_levels(levels[best])}, "
            f"at least NCLC {minimum} in all four abilities"
        )
    else:
        tests = " or ".join(t.label for t in rule.tests)
        if not results:
            reasons.append(f"no {tests} result: the category needs NCLC {minimum} in all four French abilities")
        for r in results:
            label = f"{r.test.label} test of {r.tested_on.isoformat()}"
            if r not in levels:
                reasons.append(
                    f"{label} is not valid on {on.isoformat()} (a result counts for "
                    f"{rules.evidence.language_valid_years} years from the test date)"
                )
                continue
            lv = levels[r]
            below = [a for a in ("listening", "reading", "writing", "speaking") if getattr(lv, a) < minimum]
            reasons.append(f"{label}: {_levels(lv)}; below NCLC {minimum} in {', '.join(below)}")
    return CategoryEligibility(
        eligible=best is not None,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=None,
        qualifying_result=best,
        months=0.0,
        reasons=tuple(reasons),
    )


def _four(lv: LanguageLevels) -> tuple[int, int, int, int]:
    return lv.listening, lv.reading, lv.writing, lv.speaking


def _assess_military(
    candidate: Candidate, version: CategoryVersion, rule: MilitaryRule, on: date, rules: RuleSet
) -> CategoryEligibility:
    reasons: list[str] = []
    codes = ", ".join(sorted(version.occupations))
    # The months of service are counted as the rules of evidence count work: full time and a twelfth of a year.
    full_time = rules.evidence.full_time_hours_per_week
    hours_per_month = rules.evidence.hours_per_year / _MONTHS_A_YEAR
    # 1. Serving on the date, with the required years of continuous service in the listed occupations.
    service = [j for j in candidate.jobs if j.noc in version.occupations and j.paid and j.start <= on]
    runs = _span(service, date.min, on)
    current = runs[-1] if runs and runs[-1][1] == on else None
    needed_start = anniversary(on, -rule.service_years)
    months = 0.0
    job = None
    serving_ok = False
    if current is None:
        last = f" (the last ended on {runs[-1][1].isoformat()})" if runs else ""
        reasons.append(
            f"not serving on {on.isoformat()} in any of {codes}{last}: the category needs "
            f"{rule.service_years} years of continuous service, still serving"
        )
    else:
        start = current[0]
        hours = work_hours(service, first=start, last=on, full_time=full_time)
        months = hours / hours_per_month
        serving_ok = start <= needed_start
        enough = "at least" if serving_ok else "less than"
        reasons.append(
            f"continuous service in {codes} since {start.isoformat()}: {enough} the "
            f"{rule.service_years} years needed (since {needed_start.isoformat()} or earlier)"
        )
        job = _main_job(service, start, on, full_time)
    # 2. An offer in one of the occupations, in force on the date.
    offer = candidate.job_offer
    offer_ok = (
        offer is not None
        and offer.noc in version.occupations
        and offer_in_force(offer, on)
    )
    if offer_ok and offer is not None:
        since = "(no offer date given)" if offer.offered_on is None else f"from {offer.offered_on.isoformat()}"
        reasons.append(f"job offer in {offer.noc} {since}")
    else:
        reasons.append(
            f"no job offer in {codes} in force on {on.isoformat()}: the category needs an offer of "
            "arranged employment from the Canadian Forces Recruiting Group"
        )
    # 3. A post-secondary credential of a program of 2 years or more (with an ECA if foreign).
    counted = counted_credentials(candidate.credentials, on=on, rules=rules)
    credential = max(
        (c for c in counted if c.level.rank >= rule.minimum_credential.rank), key=lambda c: c.level.rank, default=None
    )
    if credential is not None:
        completed = credential.completed_on
        when = "(no completion date given)" if completed is None else f"completed {completed.isoformat()}"
        reasons.append(f"{credential.level.label} {when}")
    else:
        reasons.append(
            f"no counted post-secondary credential of a program of 2 years or more on {on.isoformat()} "
            "(a foreign credential needs a valid educational credential assessment)"
        )
    eligible = serving_ok and offer_ok and credential is not None
    reasons += [
        "not checked: that the service is in a recognized foreign military (IRCC does not define it) [UNCONFIRMED]",
        (
            f"not checked: that the offer is from the Canadian Forces Recruiting Group, for continuous full-time work "
            f"in Canada of at least {rule.offer_years} years"
        ),
    ]
    return CategoryEligibility(
        eligible=eligible,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=job if eligible else None,
        qualifying_result=None,
        months=months,
        reasons=tuple(reasons),
    )
