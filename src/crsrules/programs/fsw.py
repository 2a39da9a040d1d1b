"""Federal Skilled Worker Program (FSW): the minimum requirements and the 67-point selection grid.

A candidate meets the FSW entry criteria on a day when they have a year of continuous skilled work in one occupation,
the language minimum, a credential that counts, and the grid's pass mark (IRPR ss. 75-83). The numbers are rules
data (:attr:`crsrules.RuleSet.programs`, set in :mod:`crsrules.rules.y2015`); this module applies them. The choices
crsrules makes where the sources are silent are in the how-to guide, ``docs/how-to/program-eligibility.md``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules.candidate import RelativeKind
from crsrules.conditions import Condition, find, floor_hundredths
from crsrules.derive import derive
from crsrules.evidence import age_on, anniversary, valid_language_results, work_hours, work_window
from crsrules.headings import AdaptabilityElement, Factor, FswFactor
from crsrules.model import Education, OfficialLanguage
from crsrules.programs._common import (
    EPSILON,
    Program,
    abilities,
    continuous_runs,
    describe_result,
    hours,
    hours_text,
    json_ready,
    noc_label,
    notes_of,
    occupation_code,
    reasons_of,
    result_name,
    result_values,
    skilled_jobs,
    start,
)
from crsrules.rules import available_rulesets

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from crsrules.candidate import Candidate, Credential, Job, Relative, Spouse
    from crsrules.evidence import CountedResult
    from crsrules.rules import FswCriteria, FswGrid, NocVersion, RuleSet

__all__ = [
    "ADAPTABILITY",
    "ADAPTABILITY_CAP",
    "AGE",
    "ARRANGED_EMPLOYMENT",
    "EDUCATION",
    "FIRST_LANGUAGE",
    "GRID_MAXIMUM",
    "MAXIMUMS",
    "PASS_MARK",
    "SECOND_LANGUAGE",
    "WORK_EXPERIENCE",
    "AdaptabilityElement",
    "FswAssessment",
    "FswFactor",
    "GridLine",
    "fsw_eligibility",
]

# Deprecated since 0.2, to be removed in 0.3: the criteria are rules data, read them from a ruleset
# (``get_rules(id).programs.fsw``). These names keep the values of the newest ruleset.
_NEWEST = available_rulesets()[-1].programs.fsw
WORK_WINDOW_YEARS = _NEWEST.work_window_years
MINIMUM_WORK_YEARS = _NEWEST.minimum_work_years
MINIMUM_LANGUAGE_CLB = _NEWEST.minimum_language_clb
PASS_MARK = _NEWEST.grid.pass_mark
GRID_MAXIMUM = _NEWEST.grid.maximum
FIRST_LANGUAGE = _NEWEST.grid.first_language
SECOND_LANGUAGE = _NEWEST.grid.second_language
EDUCATION = _NEWEST.grid.education
WORK_EXPERIENCE = _NEWEST.grid.work_experience
AGE = _NEWEST.grid.age
ARRANGED_EMPLOYMENT = _NEWEST.grid.arranged_employment
ADAPTABILITY = _NEWEST.grid.adaptability
ADAPTABILITY_CAP = _NEWEST.grid.adaptability_cap
SPOUSE_LANGUAGE_CLB = _NEWEST.spouse_language_clb
STUDY_IN_CANADA_YEARS = _NEWEST.study_in_canada_years
WORK_IN_CANADA_YEARS = _NEWEST.work_in_canada_years
#: The most points each factor can earn (deprecated: ``FswGrid.maximums``).
MAXIMUMS: Mapping[FswFactor, int] = _NEWEST.grid.maximums


# A relative in Canada counts from their 18th birthday (IRPR s. 83(5)(a)).
_ADULT = 18


# --- Results ---------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class GridLine:
    """One factor of the FSW selection grid: the points, the factor's maximum, and the row used or the reason.

    .. versionadded:: 0.1.0
    """

    #: The factor.
    factor: FswFactor
    #: The points counted.
    points: int
    #: The most points the factor can earn.
    maximum: int
    #: The table row used, in words, or why the factor earns nothing.
    detail: str

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return data


@frozen(kw_only=True)
class FswAssessment:
    """Whether a candidate meets the Federal Skilled Worker Program's entry criteria on a day, and why.

    ``eligible`` is true when every minimum crsrules checks is met: work, language, education and the grid.
    Proof of funds is never checked (see ``notes``).

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the application is received).
    on: date
    #: The id of the ruleset applied (its criteria, and NOC 2016 or NOC 2021).
    rules_id: str
    #: Every minimum below is met.
    eligible: bool
    #: 1 year of continuous work in one skilled occupation within 10 years.
    work_experience_met: bool
    #: CLB 7 in all four abilities of the first official language.
    language_met: bool
    #: A credential that counts (Canadian, or foreign with a valid ECA).
    education_met: bool
    #: At least the pass mark (67) on the selection grid.
    grid_met: bool
    #: The code of the skilled occupation with the longest continuous work (the primary occupation when
    #: ``work_experience_met``), or None without skilled paid work in the window.
    primary_occupation: str | None
    #: Full-time-equivalent hours of that longest continuous period.
    continuous_hours: float
    #: The official language assessed as first, or None without a valid result.
    first_official_language: OfficialLanguage | None
    #: The selection grid, one line per factor in IRCC's order.
    grid: tuple[GridLine, ...] = field(repr=False)
    #: The grid's total, 0 to 100.
    grid_total: int
    #: The adaptability elements earned, before the cap.
    adaptability: tuple[AdaptabilityElement, ...] = field(repr=False)
    #: Why the candidate is not eligible, one reason per unmet minimum (empty when eligible): the messages of the
    #: unmet :attr:`conditions`.
    reasons: tuple[str, ...]
    #: What crsrules did not check or had to approximate (the messages of the conditions not checked come last).
    notes: tuple[str, ...] = field(repr=False)
    #: Every condition checked, met or not, and those not checked, with their codes and values (``fsw.*``, see
    #: :doc:`/reference/conditions`).
    conditions: tuple[Condition, ...] = field(default=(), repr=False)
    #: The relative in Canada that earned the adaptability element (a sibling first), or None.
    relative_in_canada: RelativeKind | None = None

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.FSW`."""
        return Program.FSW

    def condition(self, code: str) -> Condition | None:
        """The condition with *code* (such as ``"fsw.language"``), or None if the result has none."""
        return find(self.conditions, code)

    def line(self, factor: FswFactor) -> GridLine:
        """The grid line of *factor*."""
        return next(line for line in self.grid if line.factor is factor)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def fsw_eligibility(candidate: Candidate, *, on: date, rules: str | RuleSet | None = None) -> FswAssessment:
    """Assess *candidate* against the Federal Skilled Worker Program's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the age, the 10-year window of work and the validity of tests and
            ECAs are taken on it.
        rules: The ruleset whose criteria apply (an id such as ``"2022-11-16"``, or a RuleSet), which also decides
            NOC 2016 or NOC 2021; by default the one in force *on*.

    Returns:
        Each minimum met or not, the selection grid line by line, the reasons and the notes.

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01 and no *rules* were given.
        UnknownRulesetError: *rules* names no ruleset.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate, Credential, Education, Job, LanguageResult, LanguageTest
        >>> c = Candidate(
        ...     birth_date=date(1995, 1, 1),
        ...     credentials=(Credential(level=Education.BACHELORS, completed_on=date(2017, 6, 1),
        ...                             eca_issued_on=date(2024, 1, 10)),),
        ...     language_results=(LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2025, 1, 10),
        ...                                      listening=9, reading=9, writing=9, speaking=8),),
        ...     jobs=(Job(noc="21231", in_canada=False, start=date(2023, 1, 1), end=date(2025, 4, 30)),),
        ... )
        >>> a = fsw_eligibility(c, on=date(2025, 6, 1))
        >>> a.eligible, a.grid_total, a.primary_occupation
        (True, 67, '21231')
        >>> [(line.factor.value, line.points) for line in a.grid][:4]
        [('first_official_language', 23), ('second_official_language', 0), ('education', 21), ('work_experience', 11)]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins the criteria.
    """
    c, day, ruleset = start(candidate, on, rules)
    return assess(c, day, ruleset)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> FswAssessment:  # noqa: PLR0915 (one pass, in order)
    """The FSW assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    criteria = rules.programs.fsw
    table = criteria.grid
    minimum = criteria.minimum_language_clb
    derivation = derive(candidate, on=on, rules=rules)
    factors = derivation.factors
    evidence = derivation.evidence
    year = rules.evidence.hours_per_year
    notes: list[str] = []

    # Work: the primary occupation (minimum) and the years of skilled work (grid).
    window_first, window_last = work_window(on, criteria.work_window_years)
    window = f"in the {criteria.work_window_years} years before {on.isoformat()}"
    jobs, approximations = skilled_jobs(candidate.jobs, rules=rules)
    notes.extend(f"skilled work judged by another NOC version:{note}" for note in approximations)
    primary, continuous, period = _primary_occupation(jobs, first=window_first, last=window_last, rules=rules)
    needed_years = criteria.minimum_work_years
    work_met = continuous + EPSILON >= needed_years * year
    needed_text = (
        f"{needed_years} year ({needed_years * year:,} hours) of continuous full-time work, or the part-time "
        "equivalent"
    )
    if work_met:
        work_message = f"work experience: {period.text} {window}; {needed_text} in one skilled occupation needed"
    else:
        longest = "no skilled paid work" if primary is None else f"the longest is {period.text}"
        work_message = f"work experience: no skilled occupation with {needed_text}, {window} ({longest})"
    work = Condition(
        code=codes.FSW_WORK_EXPERIENCE,
        met=work_met,
        message=work_message,
        values={
            "occupation": primary,
            "hours": floor_hundredths(continuous),
            "hours_needed": needed_years * year,
            "window_years": criteria.work_window_years,
            "period_start": period.first,
            "period_end": period.last,
        },
    )
    total_hours = hours(jobs, first=window_first, last=window_last, rules=rules)
    work_years = int(total_hours / year + EPSILON)

    # Language.
    valid = valid_language_results(candidate.language_results, on=on, rules=rules)
    first_language, choice_note = _first_language(candidate.first_official_language, valid, table, minimum)
    if choice_note:
        notes.append(choice_note)
    first = None if first_language is None else valid[first_language]
    second = next((r for lang, r in valid.items() if lang is not first_language), None)
    language_met = first is not None and first.levels.minimum >= minimum
    if first is None:
        language_message = (
            f"language: no valid language test result on {on.isoformat()} (results count for "
            f"{rules.evidence.language_valid_years} years); CLB {minimum} needed in all four abilities"
        )
    elif not language_met:
        low = ", ".join(f"{name} {lvl}" for name, lvl in abilities(first.levels).items() if lvl < minimum)
        scale = first.levels.language.scale
        language_message = (
            f"language: {scale} {minimum} needed in all four abilities of the first official language "
            f"({first.language.value}); {describe_result(first)} has {low}"
        )
    else:
        language_message = (
            f"language: {describe_result(first)} has {first.levels.language.scale} {minimum} or more in all four "
            f"abilities of the first official language ({first.language.value})"
        )
    language = Condition(
        code=codes.FSW_LANGUAGE,
        met=language_met,
        message=language_message,
        values={**result_values(first), "level_required": minimum},
    )

    # Education.
    education = factors.education
    education_met = education is not Education.LESS_THAN_SECONDARY
    education_message = (
        f"education: {education.label} counts on {on.isoformat()}"
        if education_met
        else f"education: no credential that counts on {on.isoformat()} (a Canadian credential, or a foreign one with "
        f"an ECA under {rules.evidence.eca_valid_years} years old)"
    )
    education_condition = Condition(
        code=codes.FSW_EDUCATION,
        met=education_met,
        message=education_message,
        values={"education": education.value, "eca_valid_years": rules.evidence.eca_valid_years},
    )

    # The selection grid.
    age = age_on(candidate.birth_date, on)
    elements = _adaptability(candidate, on=on, rules=rules, canadian_work_years=factors.canadian_work_years)
    if factors.arranged_employment is not None:
        elements.append(AdaptabilityElement.ARRANGED_EMPLOYMENT)
    relative = _relative_in_canada(candidate, on=on, sibling=factors.sibling_in_canada)
    if relative is not None:
        elements.append(AdaptabilityElement.RELATIVE_IN_CANADA)
    elements.sort(key=list(AdaptabilityElement).index)
    offer = factors.arranged_employment is not None
    grid = (
        _first_language_line(table, first),
        _second_language_line(table, second),
        _line(
            table,
            FswFactor.EDUCATION,
            table.education[education],
            f"{education.label}",
            evidence.get(Factor.EDUCATION),
        ),
        _line(
            table,
            FswFactor.WORK_EXPERIENCE,
            table.work_experience.points(work_years),
            f"{work_years} year(s) of skilled work ({hours_text(total_hours)} {window}, Canadian or foreign)",
        ),
        _line(table, FswFactor.AGE, table.age.points(age), f"age {age} on {on.isoformat()}"),
        _line(
            table,
            FswFactor.ARRANGED_EMPLOYMENT,
            table.arranged_employment if offer else 0,
            "qualifying job offer" if offer else "no qualifying job offer",
            evidence.get(Factor.ARRANGED_EMPLOYMENT),
        ),
        _adaptability_line(table, elements),
    )
    grid_total = sum(line.points for line in grid)
    grid_met = grid_total >= table.pass_mark
    relation = "below" if not grid_met else "at or above"
    grid_condition = Condition(
        code=codes.FSW_GRID,
        met=grid_met,
        message=f"selection grid: {grid_total} points, {relation} the pass mark of {table.pass_mark}",
        values={"points": grid_total, "pass_mark": table.pass_mark},
    )

    notes.append(
        f"age is taken on {on.isoformat()}: IRCC counts it on the day the application is received, so pass that day"
    )
    funds = Condition(
        code=codes.FSW_FUNDS,
        met=None,
        message=(
            "proof of funds: not checked; none is needed if you are authorized to work in Canada (crsrules does not "
            "check this) and hold your valid job offer"
            if offer
            else "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you "
            "are authorized to work in Canada and hold a valid job offer"
        ),
        values={"job_offer": offer},
    )
    conditions = (work, language, education_condition, grid_condition, funds)
    return FswAssessment(
        on=on,
        rules_id=rules.id,
        eligible=work_met and language_met and education_met and grid_met,
        work_experience_met=work_met,
        language_met=language_met,
        education_met=education_met,
        grid_met=grid_met,
        primary_occupation=primary,
        continuous_hours=continuous,
        first_official_language=first_language,
        grid=grid,
        grid_total=grid_total,
        adaptability=tuple(elements),
        reasons=reasons_of(conditions),
        notes=notes_of(notes, conditions),
        conditions=conditions,
        relative_in_canada=relative,
    )


def _counts_on(person: Relative, *, on: date, spouse_accompanies: bool) -> bool:
    """Whether a relative counts as a relative in Canada on *on* (IRPR s. 83(5))."""
    return (
        person.lives_in_canada
        and person.citizen_or_pr_since <= on
        and age_on(person.birth_date, on) >= _ADULT
        and (not person.of_spouse or spouse_accompanies)
    )


def _relative_in_canada(candidate: Candidate, *, on: date, sibling: bool) -> RelativeKind | None:
    """The kind of the first relative in Canada who counts on *on*: a sibling, then the relatives in order.

    *sibling* says whether a sibling counts, as :func:`crsrules.factors` decides for the CRS.

    A relative counts as a sibling does: 18 or older, a citizen or permanent resident living in Canada, and a relative
    of the spouse only with a spouse who accompanies the applicant.
    """
    if sibling:
        return RelativeKind.SIBLING
    spouse = candidate.spouse if candidate.marital_status.has_partner else None
    accompanies = spouse is not None and spouse.accompanying
    found = next((r for r in candidate.relatives if _counts_on(r, on=on, spouse_accompanies=accompanies)), None)
    return None if found is None else found.kind


def _line(table: FswGrid, factor: FswFactor, points: int, row: str, evidence: str | None = None) -> GridLine:
    detail = f"{row}: {points} points" + (f"; from {evidence}" if evidence else "")
    return GridLine(factor=factor, points=points, maximum=table.maximums[factor], detail=detail)


class _Period(NamedTuple):
    """The longest continuous period of work in one occupation: in words, and its first and last days."""

    text: str = ""
    first: date | None = None
    last: date | None = None


def _primary_occupation(
    jobs: Iterable[Job], *, first: date, last: date, rules: RuleSet
) -> tuple[str | None, float, _Period]:
    """The occupation with the longest continuous period of work, its hours and the period."""
    by_occupation: dict[tuple[NocVersion, str], list[Job]] = {}
    for job in jobs:
        version, code, _ = occupation_code(job.noc, job.noc_2016, rules=rules)
        by_occupation.setdefault((version, code), []).append(job)
    best: tuple[float, date, str] | None = None
    best_period = _Period()
    for (version, code), group in by_occupation.items():
        for run in continuous_runs(group, first=first, last=last, rules=rules):
            key = (run.hours, run.last, code)
            if best is None or key > best:
                best = key
                text = (
                    f"{hours_text(run.hours)} in {noc_label(version, code)} from {run.first.isoformat()} to "
                    f"{run.last.isoformat()}"
                )
                best_period = _Period(text, run.first, run.last)
    if best is None:
        return None, 0.0, _Period()
    return best[2], best[0], best_period


def _language_points(table: FswGrid, first: CountedResult, second: CountedResult | None) -> int:
    points = sum(table.first_language.points(level) for level in abilities(first.levels).values())
    return points + (0 if second is None else table.second_language.points(second.levels.minimum))


def _first_language(
    named: OfficialLanguage | None, valid: Mapping[OfficialLanguage, CountedResult], table: FswGrid, minimum: int
) -> tuple[OfficialLanguage | None, str]:
    """The first official language for FSW, and a note on how it was chosen (see the module's notes)."""
    if not valid:
        return None, ""

    def other(language: OfficialLanguage) -> CountedResult | None:
        return next((r for lang, r in valid.items() if lang is not language), None)

    def rank(language: OfficialLanguage) -> tuple[bool, int, bool]:
        result = valid[language]
        meets = result.levels.minimum >= minimum
        return meets, _language_points(table, result, other(language)), language is OfficialLanguage.ENGLISH

    best = max(valid, key=rank)
    if named is not None and named in valid:
        if best is not named and rank(best)[0] and not rank(named)[0]:
            return named, (
                f"first official language: {named.value} as named; {best.value} would meet the "
                f"CLB {minimum} minimum if named first instead"
            )
        return named, ""
    if len(valid) > 1:
        return best, f"first official language: {best.value} chosen for FSW (none named with a valid result)"
    return best, ""


def _first_language_line(table: FswGrid, first: CountedResult | None) -> GridLine:
    factor = FswFactor.FIRST_OFFICIAL_LANGUAGE
    if first is None:
        return _line(table, factor, 0, "no valid result")
    scale = first.levels.language.scale
    steps = table.first_language
    parts = [f"{name} {scale} {lvl} = {steps.points(lvl)}" for name, lvl in abilities(first.levels).items()]
    points = sum(steps.points(lvl) for lvl in abilities(first.levels).values())
    return _line(table, factor, points, f"{first.language.value}: " + ", ".join(parts), result_name(first))


def _second_language_line(table: FswGrid, second: CountedResult | None) -> GridLine:
    factor = FswFactor.SECOND_OFFICIAL_LANGUAGE
    if second is None:
        return _line(table, factor, 0, "no valid result")
    needed = table.second_language.steps[0][0]
    lowest = second.levels.minimum
    scale = second.levels.language.scale
    row = f"{second.language.value}: lowest ability {scale} {lowest} ({scale} {needed} needed in all four)"
    return _line(table, factor, table.second_language.points(lowest), row, result_name(second))


def _adaptability_line(table: FswGrid, elements: list[AdaptabilityElement]) -> GridLine:
    earned = sum(table.adaptability[e] for e in elements)
    cap = table.adaptability_cap
    points = min(earned, cap)
    if not elements:
        return _line(table, FswFactor.ADAPTABILITY, 0, "no element")
    row = " + ".join(f"{e.value} {table.adaptability[e]}" for e in elements)
    if earned > cap:
        row += f" = {earned}, capped at {cap}"
    return _line(table, FswFactor.ADAPTABILITY, points, row)


def _accompanying_spouse(candidate: Candidate) -> Spouse | None:
    spouse = candidate.spouse
    if spouse is None or not candidate.marital_status.has_partner or not spouse.counts:
        return None
    return spouse


def _studied_in_canada(credentials: Iterable[Credential], *, on: date, criteria: FswCriteria) -> bool:
    for c in credentials:
        if not c.in_canada or (c.completed_on is not None and c.completed_on > on):  # undated: taken as completed
            continue
        if c.level in criteria.study_in_canada_levels:
            return True
        if (
            c.level is Education.SECONDARY
            and c.started_on is not None
            and c.completed_on is not None
            and anniversary(c.started_on, criteria.study_in_canada_years) <= c.completed_on
        ):
            return True
    return False


def _spouse_worked_in_canada(spouse: Spouse, *, on: date, rules: RuleSet) -> bool:
    jobs = [j for j in spouse.jobs if j.in_canada and j.paid and not j.self_employed and not j.while_full_time_student]
    first, last = work_window(on, rules.evidence.work_window_years)
    worked = work_hours(jobs, first=first, last=last, full_time=rules.evidence.full_time_hours_per_week)
    return worked + EPSILON >= rules.programs.fsw.work_in_canada_years * rules.evidence.hours_per_year


def _adaptability(
    candidate: Candidate, *, on: date, rules: RuleSet, canadian_work_years: int
) -> list[AdaptabilityElement]:
    """The elements earned from facts other than the job offer and siblings (those come from derive())."""
    criteria = rules.programs.fsw
    elements = []
    spouse = _accompanying_spouse(candidate)
    if spouse is not None:
        results = valid_language_results(spouse.language_results, on=on, rules=rules).values()
        if any(r.levels.minimum >= criteria.spouse_language_clb for r in results):
            elements.append(AdaptabilityElement.SPOUSE_LANGUAGE)
        if _studied_in_canada(spouse.credentials, on=on, criteria=criteria):
            elements.append(AdaptabilityElement.SPOUSE_STUDY_IN_CANADA)
        if _spouse_worked_in_canada(spouse, on=on, rules=rules):
            elements.append(AdaptabilityElement.SPOUSE_WORK_IN_CANADA)
    if _studied_in_canada(candidate.credentials, on=on, criteria=criteria):
        elements.append(AdaptabilityElement.STUDY_IN_CANADA)
    if canadian_work_years >= criteria.work_in_canada_years:
        elements.append(AdaptabilityElement.WORK_IN_CANADA)
    return elements
