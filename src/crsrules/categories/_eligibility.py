"""Who is eligible for a category: the eligibility engine (the terms are in :mod:`crsrules.rules`).

:doc:`/how-to/category-eligibility` explains how crsrules reads the conditions where IRCC's texts leave room: months as
hours, the 3-year window, continuity, one occupation, the French and the military conditions. *on* is the day the
facts are taken; *rules* pins the version of the law (by default the ruleset in force on *on*).

Each answer lists the conditions it checked as records with stable codes (``category.*``, see
:doc:`/reference/conditions`); its ``reasons`` are their messages. The skilled military recruits' conditions are in
``_military``, the answer itself in ``_answer``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from crsrules import conditions as codes
from crsrules._validation import a_date
from crsrules.candidate import Candidate, Job, LanguageResult
from crsrules.categories._answer import Asked, CategoryEligibility, answer, main_job, not_in_force, span
from crsrules.categories._military import assess_military
from crsrules.categories._versions import (
    CategoryNotInForceError,
    CategoryVersion,
    category_of,
    resolve_rules,
    version_periods,
    version_under,
    versions_under,
)
from crsrules.conditions import Condition, Detail, Value, floor_hundredths
from crsrules.errors import InvalidValueError
from crsrules.evidence import valid_language_results, work_hours, work_window
from crsrules.occupations import occupation
from crsrules.programs import program_eligibility
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from datetime import date

    from crsrules.headings import Category
    from crsrules.model import LanguageLevels
    from crsrules.rules import ExperienceRule, FrenchRule, RuleSet

__all__ = ["CategoryEligibility", "category_eligibility", "eligible_categories"]

# Hours compared with a threshold are sums of floats; this absorbs their rounding only.
_EPSILON = 1e-9


def category_eligibility(
    candidate: Candidate, category: Category | str, *, on: date, rules: str | RuleSet | None = None
) -> CategoryEligibility:
    """Whether *candidate* is eligible for *category* on *on*, under the version then in force or the one pinned.

    :doc:`/how-to/category-eligibility` says how months, continuity, the window and the French and military conditions
    are read. ``eligible`` is the category's own condition; ``invitable`` adds that the candidate is in the Express
    Entry pool (eligible for FSW, CEC or FST on the same day under the same rules).

    A category that is not in force on *on* (or under the ruleset pinned) gives an answer whose condition
    ``category.in_force`` is unmet: not eligible, no version, and the reason says when the category is in force.

    Args:
        candidate: The candidate's facts.
        category: A :class:`Category` or its slug, such as ``"stem"``.
        on: The day the facts are taken, such as the day of a round.
        rules: The ruleset (or its id, such as ``"2025-02-27"``) whose category terms and rules of evidence apply;
            by default the one in force on *on*.

    Returns:
        The answer, with the qualifying job or test result, the months counted, the conditions and the reasons.

    Raises:
        UnknownRulesetError: *rules* is not the id of a ruleset.
        InvalidValueError: An argument is of the wrong kind, or *category* names no category.

    Example:
        >>> from datetime import date
        >>> dev = Job(noc="21231", in_canada=False, start=date(2022, 1, 1))
        >>> result = category_eligibility(Candidate(birth_date=date(1990, 1, 1), jobs=(dev,)), "stem",
        ...                               on=date(2023, 7, 5))
        >>> result.eligible, round(result.months, 1), result.qualifying_job is dev
        (True, 18.1, True)
        >>> result.invitable  # no language result: no program, so not in the pool
        False
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

        A category not in force:

        >>> gone = category_eligibility(someone, "agriculture", on=date(2026, 3, 1))
        >>> gone.eligible, gone.version, gone.condition("category.in_force").met
        (False, None, False)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The *rules* argument; a category not in force gives an answer instead of raising
       :class:`~crsrules.CategoryNotInForceError`.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    category = category_of(category)
    on = a_date("on", on)
    ruleset = resolve_rules(on, rules)
    if ruleset is None or category not in ruleset.categories:
        pinned = None if ruleset is None or rules is None else ruleset.id
        error = CategoryNotInForceError(category, on, version_periods(category), rules=pinned)
        return not_in_force(category, on, error)
    version = version_under(ruleset, category, on, pinned=rules is not None)
    programs = program_eligibility(candidate, on=on, rules=ruleset)
    return _assess(Asked(candidate, version, on, ruleset, programs))


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
        >>> from datetime import date
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
    versions = versions_under(ruleset)
    if not versions:
        return ()
    programs = program_eligibility(candidate, on=on, rules=ruleset)
    answers = [_assess(Asked(candidate, v, on, ruleset, programs)) for v in versions]
    return tuple(sorted(answers, key=lambda a: not a.eligible))


def _assess(asked: Asked) -> CategoryEligibility:
    """The answer to *asked*, under its version and with the rules of evidence of its ruleset."""
    version = asked.version
    if version.french is not None:
        return _assess_french(asked, version.french)
    if version.military is not None:
        return assess_military(asked, version.military)
    if version.experience is None:  # pragma: no cover (every version has a rule; checked when the data is loaded)
        msg = f"{version.id} has no rule"
        raise RulesDefinitionError(msg)
    return _assess_experience(asked, version.experience)


def _job(job: Job) -> str:
    end = "ongoing" if job.end is None else job.end.isoformat()
    where = "in Canada" if job.in_canada else "abroad"
    return f"job {job.noc or job.noc_2016} from {job.start.isoformat()} to {end} ({where})"


def _months(hours: float, per_month: float) -> str:
    """Months to two decimals, rounded down so that a shortfall never reads as enough."""
    return f"{math.floor(hours / per_month * 100 + 1e-6) / 100:.2f}"


def _not_counted(index: int, job: Job, why: str, text: str) -> Detail:
    message = f"{_job(job)} not counted: {text}"
    return Detail(code=codes.CATEGORY_JOB_NOT_COUNTED, message=message, values={"job": index, "why": why})


def _uncounted(
    candidate: Candidate, version: CategoryVersion, rule: ExperienceRule, first: date, last: date
) -> list[Detail]:
    """Why jobs that might look relevant were not counted (the window runs from *first* to *last*)."""
    found = []
    for index, job in enumerate(candidate.jobs):
        overlaps = job.start <= last and (job.end is None or job.end >= first)
        if job.noc is None:
            if overlaps:
                text = "it has only a NOC 2016 code, and the lists use NOC 2021"
                found.append(_not_counted(index, job, "noc_2016_only", text))
            continue
        if job.noc not in version.occupations:
            continue
        if not overlaps:
            late = job.start > last
            when = "starts after the window that ends on" if late else "ended before the window that starts on"
            text = f"it {when} {(last if late else first).isoformat()}"
            found.append(_not_counted(index, job, "outside_window", text))
        elif not job.paid:
            found.append(_not_counted(index, job, "unpaid", "unpaid work never counts"))
        elif rule.in_canada_only and not job.in_canada:
            found.append(_not_counted(index, job, "abroad", "this category needs work in Canada"))
    return found


def _assess_experience(asked: Asked, rule: ExperienceRule) -> CategoryEligibility:
    candidate, version, on = asked.candidate, asked.version, asked.on
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
        periods = span(jobs, first, last) if rule.continuous else [(first, last)]
        for start, end in periods:
            hours = work_hours(jobs, first=start, last=end, full_time=full_time)
            if hours > 0 and (best is None or hours > best[0]):
                best = (hours, code, start, end)
    where = " in Canada" if rule.in_canada_only else ""
    needed = f"at least {rule.months} months ({rule.hours_needed:,.0f} hours)"
    needed += " of continuous work" if rule.continuous else ""
    counted_hours = 0.0 if best is None else best[0]
    values: dict[str, Value] = {
        "occupation": None if best is None else best[1],
        "hours": floor_hundredths(counted_hours),
        "hours_needed": rule.hours_needed,
        "months": floor_hundredths(counted_hours / rule.hours_per_month),
        "months_needed": rule.months,
        "continuous": rule.continuous,
        "in_canada_only": rule.in_canada_only,
        "window_years": rule.window_years,
        "period_start": None if best is None else best[2],
        "period_end": None if best is None else best[3],
    }
    if best is None:
        others = sorted({j.noc for j in candidate.jobs if j.noc and j.noc not in version.occupations})
        also = f" (work in other occupations: {', '.join(others)})" if others else ""
        listed = (
            f"any of the {len(version.occupations)} occupations" if len(version.occupations) > 1 else "the occupation"
        )
        experience = Condition(
            code=codes.CATEGORY_EXPERIENCE,
            met=False,
            message=f"no work{where} in {listed} listed for {version} {window}{also}",
            values=values,
            details=tuple(_uncounted(candidate, version, rule, first, last)),
        )
        return answer(asked, (experience,))
    hours, code, start, end = best
    months = hours / rule.hours_per_month
    eligible = hours + _EPSILON >= rule.hours_needed
    title = occupation(code).title
    period = f", from {start.isoformat()} to {end.isoformat()} without a break" if rule.continuous else ""
    amount = f"{_months(hours, rule.hours_per_month)} months ({hours:,.1f} full-time-equivalent hours)"
    details: list[Detail] = []
    if not eligible:
        total = totals[code]
        if rule.continuous and total + _EPSILON >= rule.hours_needed:
            details.append(
                Detail(
                    code=codes.CATEGORY_EXPERIENCE_WITH_BREAKS,
                    message=f"{_months(total, rule.hours_per_month)} months in {code} in all, but with breaks: the "
                    "longest unbroken period counts",
                    values={"occupation": code, "months_in_all": floor_hundredths(total / rule.hours_per_month)},
                )
            )
        details += _uncounted(candidate, version, rule, first, last)
    if code in version.unconfirmed_occupations:
        details.append(
            Detail(
                code=codes.CATEGORY_OCCUPATION_UNCONFIRMED,
                message=f"[UNCONFIRMED] {code} is on the {version.policy_year} list on secondary sources only",
                values={"occupation": code, "policy_year": version.policy_year},
            )
        )
    only = "" if eligible else "only "
    experience = Condition(
        code=codes.CATEGORY_EXPERIENCE,
        met=eligible,
        message=f"{only}{amount} of work{where} as {code} {title}{period} {window}: {needed} needed",
        values=values,
        details=tuple(details),
    )
    main = main_job(counted[code], start, end, full_time) if eligible else None
    return answer(asked, (experience,), job=main, months=months)


def _levels(lv: LanguageLevels) -> str:
    return f"NCLC {lv.listening}, {lv.reading}, {lv.writing}, {lv.speaking} (listening, reading, writing, speaking)"


def _french(
    result: LanguageResult | None, levels: LanguageLevels | None, minimum: int, *, met: bool, message: str
) -> Condition:
    names = ("listening", "reading", "writing", "speaking")
    four = dict.fromkeys(names) if levels is None else dict(zip(names, _four(levels), strict=True))
    return Condition(
        code=codes.CATEGORY_FRENCH,
        met=met,
        message=message,
        values={
            "test": None if result is None else result.test.value,
            "tested_on": None if result is None else result.tested_on,
            "valid": levels is not None,
            **four,
            "level_required": minimum,
        },
    )


def _assess_french(asked: Asked, rule: FrenchRule) -> CategoryEligibility:
    candidate, on, rules = asked.candidate, asked.on, asked.rules
    minimum = rule.minimum_level
    results = [r for r in candidate.language_results if r.test in rule.tests]
    # Each result that counts on the date, with its levels under the version applied.
    levels: dict[LanguageResult, LanguageLevels] = {}
    for r in results:
        counted = valid_language_results((r,), on=on, rules=rules).get(r.language)
        if counted is not None:
            levels[r] = counted.levels
    meeting = [r for r in levels if levels[r].minimum >= minimum]
    best = max(meeting, key=lambda r: (sum(_four(levels[r])), r.tested_on), default=None)
    found: list[Condition] = []
    if best is not None:
        message = (
            f"{best.test.label} test of {best.tested_on.isoformat()}: {_levels(levels[best])}, "
            f"at least NCLC {minimum} in all four abilities"
        )
        found.append(_french(best, levels[best], minimum, met=True, message=message))
    else:
        tests = " or ".join(t.label for t in rule.tests)
        if not results:
            message = f"no {tests} result: the category needs NCLC {minimum} in all four French abilities"
            found.append(_french(None, None, minimum, met=False, message=message))
        for r in results:
            label = f"{r.test.label} test of {r.tested_on.isoformat()}"
            if r not in levels:
                message = (
                    f"{label} is not valid on {on.isoformat()} (a result counts for "
                    f"{rules.evidence.language_valid_years} years from the test date)"
                )
                found.append(_french(r, None, minimum, met=False, message=message))
                continue
            lv = levels[r]
            below = [a for a in ("listening", "reading", "writing", "speaking") if getattr(lv, a) < minimum]
            message = f"{label}: {_levels(lv)}; below NCLC {minimum} in {', '.join(below)}"
            found.append(_french(r, lv, minimum, met=False, message=message))
    return answer(asked, tuple(found), result=best)


def _four(lv: LanguageLevels) -> tuple[int, int, int, int]:
    return lv.listening, lv.reading, lv.writing, lv.speaking


