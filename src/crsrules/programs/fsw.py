"""Federal Skilled Worker Program (FSW): the minimum requirements and the 67-point selection grid.

A candidate meets the FSW entry criteria on a day when all of these hold (IRPR s. 75(2) and s. 76):

- **Work**: at least 1 year (1,560 hours) of continuous full-time paid work, or the same amount part-time, in one
  skilled occupation (the primary occupation) within the 10 years before the day.
- **Language**: CLB 7 in all four abilities of the first official language, on a result under 2 years old.
- **Education**: a Canadian credential, or a foreign one with an ECA under 5 years old.
- **Selection grid**: at least 67 of 100 points for language, education, experience, age, arranged employment and
  adaptability.

Proof of funds is also required unless the candidate is authorized to work in Canada and holds a valid job offer;
crsrules does not model settlement funds or work authorization, so it never checks this and says so in the notes.

Choices where the sources are silent, or where crsrules' facts are coarser than IRCC's, are documented here and in
the how-to guide:

- *on* is the day the application is received: IRCC's program delivery instructions take the age on that day, and
  the windows of 10 years (work) and the validity of tests and ECAs are counted back from it.
- Continuity: the days covered by the jobs of one occupation, merged when they overlap or follow each other without
  a free day; a day with no job in that occupation breaks the period. Hours are full-time equivalents capped at 30 a
  week per day, as everywhere in crsrules (:func:`crsrules.derive.work_hours`).
- The primary occupation is the occupation, judged by the code of the NOC version in force (NOC 2016 before
  2022-11-16, NOC 2021 from then on), with the longest continuous period of work; the candidate names it in the
  application, and naming the best one can only help. Jobs coded only in the other NOC version are grouped by that
  code: no concordance is shipped, so a NOC 2016 job and a NOC 2021 job never make one occupation.
- Work while a full-time student and self-employment are not excluded for FSW (IRCC excludes them for the Canadian
  Experience Class and for CRS Canadian work); unpaid work never counts.
- The grid's work experience counts every skilled paid job, in Canada or abroad, in any skilled occupation, in whole
  years of 1,560 hours within the 10 years; it need not be continuous.
- First official language: the one the candidate names if it has a valid result; otherwise the one that meets the
  CLB 7 minimum and earns more grid points for language (English on a tie). This choice depends on language results
  only, so it never changes when jobs are added; the CRS score (:func:`crsrules.factors`) picks its own first
  language, which may differ unless the candidate names one.
- Adaptability: only an accompanying spouse or partner who is not a Canadian citizen or permanent resident counts.
  Two academic years of full-time study in Canada are read from the credentials: a completed Canadian credential of
  level ``two_year`` or higher counts (a program of 2 years or more), ``one_year`` does not, and a Canadian
  ``secondary`` credential counts when its ``started_on`` is at least 2 years before its ``completed_on``.
  The principal applicant's year of skilled work in Canada is the CRS Canadian work experience of
  :func:`crsrules.factors` (paid, skilled, no self-employment or full-time-student work, within 10 years); the
  spouse's year of work in Canada is counted the same way but in any occupation, skilled or not.
  The relative in Canada is the sibling of :attr:`crsrules.Candidate.siblings` (18 or older, citizen or PR, living
  in Canada, of the applicant or of an accompanying spouse); other relatives (parents, grandparents, children,
  grandchildren, aunts, uncles, nieces, nephews) count for IRCC but are not modelled.

References:
    - IRPR ss. 75-83 (minimum requirements, selection factors):
      https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-75.html and following sections.
    - IRCC, Federal Skilled Worker Program eligibility:
      https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-workers.html
    - IRCC program delivery instructions, FSW selection criteria (age on the day the application is received):
      https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria.html
    - IRCC program delivery instructions, FSW work experience (NOC 2016 to NOC 2021 on 2022-11-16):
      https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html
    - The project's research notes: ``reference/crs-points.md`` sections 7.1 and 7.2 (sources S57 to S63).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules.derive import age_on, anniversary, derive, valid_language_results, work_hours
from crsrules.headings import Factor
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
    occupation_code,
    result_name,
    skilled_jobs,
    start,
    window_start,
)
from crsrules.tables import RulesDefinitionError, Steps, Table

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from crsrules.candidate import Candidate, Credential, Job, LanguageResult, Spouse
    from crsrules.rules import NocVersion, RuleSet

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


class FswFactor(Enum):
    """A factor of the FSW selection grid, in the order of IRCC's grid.

    .. versionadded:: 0.1.0
    """

    #: First official language, points per ability (max 24).
    FIRST_OFFICIAL_LANGUAGE = "first_official_language"
    #: Second official language (max 4).
    SECOND_OFFICIAL_LANGUAGE = "second_official_language"
    #: Education (max 25).
    EDUCATION = "education"
    #: Work experience (max 15).
    WORK_EXPERIENCE = "work_experience"
    #: Age (max 12).
    AGE = "age"
    #: Arranged employment in Canada (max 10).
    ARRANGED_EMPLOYMENT = "arranged_employment"
    #: Adaptability (max 10).
    ADAPTABILITY = "adaptability"


class AdaptabilityElement(Enum):
    """An element of the FSW adaptability factor; each counts once, and the factor is capped.

    .. versionadded:: 0.1.0
    """

    #: The accompanying spouse or partner has CLB 4 or more in all four abilities of an official language.
    SPOUSE_LANGUAGE = "spouse_language"
    #: The applicant completed 2 or more academic years of full-time study in Canada.
    STUDY_IN_CANADA = "study_in_canada"
    #: The accompanying spouse or partner did the same.
    SPOUSE_STUDY_IN_CANADA = "spouse_study_in_canada"
    #: The applicant has 1 year or more of full-time skilled work in Canada.
    WORK_IN_CANADA = "work_in_canada"
    #: The accompanying spouse or partner has 1 year or more of full-time work in Canada.
    SPOUSE_WORK_IN_CANADA = "spouse_work_in_canada"
    #: The applicant earned points for arranged employment.
    ARRANGED_EMPLOYMENT = "arranged_employment"
    #: The applicant or the accompanying spouse has a relative in Canada (only siblings are modelled).
    RELATIVE_IN_CANADA = "relative_in_canada"


# --- Rules -----------------------------------------------------------------------------------------------------------
# Every number below is from reference/crs-points.md 7.1 and 7.2, which cites IRPR ss. 75-83 and IRCC's pages on the
# six selection factors (S57 to S63). The grid has not changed since 2013-05-04, before Express Entry opened.

# Minimum (IRPR s. 75(2)(a)): 1 year of continuous full-time work (or the part-time equivalent) in the primary
# occupation within this many years before the application. A year is Evidence.hours_per_year (1,560) hours.
WORK_WINDOW_YEARS = 10
# Minimum (IRPR s. 75(2)(a)): years of continuous work in the primary occupation.
MINIMUM_WORK_YEARS = 1
# Minimum (IRPR s. 75(2)(d); threshold fixed by the Minister, S57): CLB/NCLC level in all four abilities of the first
# official language.
MINIMUM_LANGUAGE_CLB = 7
# Selection grid (IRPR s. 76(2); pass mark fixed by the Minister, S57): points needed out of GRID_MAXIMUM.
PASS_MARK = 67
# Selection grid: the most points (IRPR s. 76(1)); MAXIMUMS below must add up to it.
GRID_MAXIMUM = 100

# Language (IRPR s. 79; S62): first official language, points per ability by CLB level. Below CLB 7 the minimum is not
# met; crsrules still shows the grid, with 0 for such an ability.
FIRST_LANGUAGE = Steps(((7, 4), (8, 5), (9, 6)), below=0)
# Language (IRPR s. 79; S62): second official language, 4 points in all if the lowest of its four levels is CLB 5.
SECOND_LANGUAGE = Steps(((5, 4),), below=0)

# Education (IRPR s. 78; S60, S62): points by level. A master's includes an entry-to-practice professional degree
# (for an occupation in TEER 1, or skill level A before 2022-11-16, that needs a licence).
EDUCATION: Table[Education, int] = Table(
    {
        Education.LESS_THAN_SECONDARY: 0,
        Education.SECONDARY: 5,
        Education.ONE_YEAR: 15,
        Education.TWO_YEAR: 19,
        Education.BACHELORS: 21,
        Education.TWO_OR_MORE: 22,
        Education.MASTERS: 23,
        Education.DOCTORAL: 25,
    }
)

# Work experience (IRPR s. 80; S40, S58, S61): points by whole years of full-time skilled work (or the part-time
# equivalent) within WORK_WINDOW_YEARS. (Applications received before 2013-05-04 used 15/17/19/21.)
WORK_EXPERIENCE = Steps(((1, 9), (2, 11), (4, 13), (6, 15)), below=0)

# Age (IRPR s. 81; S59): points by age in completed years on the day the application is received.
AGE = Steps(
    (
        (18, 12), (36, 11), (37, 10), (38, 9), (39, 8), (40, 7), (41, 6), (42, 5), (43, 4), (44, 3), (45, 2),
        (46, 1), (47, 0),
    ),
    below=0,
)  # fmt: skip

# Arranged employment (IRPR s. 82; S57, S46): a valid full-time, non-seasonal offer of at least 1 year in a skilled
# occupation, LMIA-supported or LMIA-exempt. Still awarded after the CRS dropped job-offer points on 2025-03-25.
ARRANGED_EMPLOYMENT = 10

# Adaptability (IRPR s. 83; S62, S63): points by element, each counted once.
ADAPTABILITY: Table[AdaptabilityElement, int] = Table(
    {
        AdaptabilityElement.SPOUSE_LANGUAGE: 5,
        AdaptabilityElement.STUDY_IN_CANADA: 5,
        AdaptabilityElement.SPOUSE_STUDY_IN_CANADA: 5,
        AdaptabilityElement.WORK_IN_CANADA: 10,
        AdaptabilityElement.SPOUSE_WORK_IN_CANADA: 5,
        AdaptabilityElement.ARRANGED_EMPLOYMENT: 5,
        AdaptabilityElement.RELATIVE_IN_CANADA: 5,
    }
)
# Adaptability (IRPR s. 83(1); S62): the cap on the elements together.
ADAPTABILITY_CAP = 10
# Adaptability (S62): the spouse's CLB/NCLC level needed in all four abilities.
SPOUSE_LANGUAGE_CLB = 4
# Adaptability (S62): academic years of full-time study in Canada, and years of full-time work in Canada (applicant
# or spouse; a year is Evidence.hours_per_year hours).
STUDY_IN_CANADA_YEARS = 2
WORK_IN_CANADA_YEARS = 1
# Credential levels whose programs last STUDY_IN_CANADA_YEARS or more (Credential: ``bachelors`` is any program of
# 3 years or more); ``one_year`` is shorter, ``secondary`` is judged by its dates.
_LONG_PROGRAM_LEVELS = frozenset({Education.TWO_YEAR, Education.BACHELORS, Education.MASTERS, Education.DOCTORAL})

# The four abilities of a language result.
_ABILITIES = 4

#: The most points each factor can earn; they add up to :data:`GRID_MAXIMUM`.
MAXIMUMS: Mapping[FswFactor, int] = MappingProxyType(
    {
        FswFactor.FIRST_OFFICIAL_LANGUAGE: _ABILITIES * max(p for _, p in FIRST_LANGUAGE.steps),
        FswFactor.SECOND_OFFICIAL_LANGUAGE: max(p for _, p in SECOND_LANGUAGE.steps),
        FswFactor.EDUCATION: max(EDUCATION.rows.values()),
        FswFactor.WORK_EXPERIENCE: max(p for _, p in WORK_EXPERIENCE.steps),
        FswFactor.AGE: max(p for _, p in AGE.steps),
        FswFactor.ARRANGED_EMPLOYMENT: ARRANGED_EMPLOYMENT,
        FswFactor.ADAPTABILITY: ADAPTABILITY_CAP,
    }
)
if sum(MAXIMUMS.values()) != GRID_MAXIMUM:  # pragma: no cover (a mistake in the tables above)
    msg = f"the FSW factor maximums add up to {sum(MAXIMUMS.values())}, not {GRID_MAXIMUM}"
    raise RulesDefinitionError(msg)


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
    #: The id of the ruleset in force that day (it decides NOC 2016 or NOC 2021).
    rules_id: str
    #: Every minimum below is met.
    eligible: bool
    #: 1 year of continuous work in one skilled occupation within 10 years.
    work_experience_met: bool
    #: CLB 7 in all four abilities of the first official language.
    language_met: bool
    #: A credential that counts (Canadian, or foreign with a valid ECA).
    education_met: bool
    #: At least 67 points (``PASS_MARK``) on the selection grid.
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
    #: The grid's total, 0 to 100 (``GRID_MAXIMUM``).
    grid_total: int
    #: The adaptability elements earned, before the cap.
    adaptability: tuple[AdaptabilityElement, ...] = field(repr=False)
    #: Why the candidate is not eligible, one reason per unmet minimum (empty when eligible).
    reasons: tuple[str, ...]
    #: What crsrules did not check or had to approximate.
    notes: tuple[str, ...] = field(repr=False)

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.FSW`."""
        return Program.FSW

    def line(self, factor: FswFactor) -> GridLine:
        """The grid line of *factor*."""
        return next(line for line in self.grid if line.factor is factor)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def fsw_eligibility(candidate: Candidate, *, on: date) -> FswAssessment:
    """Assess *candidate* against the Federal Skilled Worker Program's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the age, the 10-year window of work and the validity of tests and
            ECAs are taken on it, and the ruleset in force on it decides NOC 2016 or NOC 2021.

    Returns:
        Each minimum met or not, the selection grid line by line, the reasons and the notes.

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01.

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
    """
    c, day, rules = start(candidate, on)
    return assess(c, day, rules)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> FswAssessment:  # noqa: PLR0915 (one pass, in order)
    """The FSW assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    derivation = derive(candidate, on=on, rules=rules)
    factors = derivation.factors
    evidence = derivation.evidence
    year = rules.evidence.hours_per_year
    reasons: list[str] = []
    notes: list[str] = []

    # Work: the primary occupation (minimum) and the years of skilled work (grid).
    since = window_start(on, WORK_WINDOW_YEARS)
    window = f"in the {WORK_WINDOW_YEARS} years to {on.isoformat()}"
    jobs, approximations = skilled_jobs(candidate.jobs, rules=rules)
    notes.extend(f"skilled work judged by another NOC version:{note}" for note in approximations)
    primary, continuous, period = _primary_occupation(jobs, since=since, on=on, rules=rules)
    work_met = continuous + EPSILON >= MINIMUM_WORK_YEARS * year
    if not work_met:
        longest = "no skilled paid work" if primary is None else f"the longest is {period}"
        reasons.append(
            f"work experience: no skilled occupation with {MINIMUM_WORK_YEARS} year ({MINIMUM_WORK_YEARS * year:,} "
            f"hours) of continuous full-time work, or the part-time equivalent, {window} ({longest})"
        )
    total_hours = hours(jobs, since=since, on=on, rules=rules)
    work_years = int(total_hours / year + EPSILON)

    # Language.
    valid = valid_language_results(candidate.language_results, on=on, rules=rules)
    first_language, choice_note = _first_language(candidate.first_official_language, valid)
    if choice_note:
        notes.append(choice_note)
    first = None if first_language is None else valid[first_language]
    second = next((r for lang, r in valid.items() if lang is not first_language), None)
    language_met = first is not None and first.levels.minimum >= MINIMUM_LANGUAGE_CLB
    if first is None:
        reasons.append(
            f"language: no valid language test result on {on.isoformat()} (results count for "
            f"{rules.evidence.language_valid_years} years); CLB {MINIMUM_LANGUAGE_CLB} needed in all four abilities"
        )
    elif not language_met:
        low = ", ".join(f"{name} {lvl}" for name, lvl in abilities(first.levels).items() if lvl < MINIMUM_LANGUAGE_CLB)
        scale = first.levels.language.scale
        reasons.append(
            f"language: {scale} {MINIMUM_LANGUAGE_CLB} needed in all four abilities of the first official language "
            f"({first.language.value}); {describe_result(first)} has {low}"
        )

    # Education.
    education = factors.education
    education_met = education is not Education.LESS_THAN_SECONDARY
    if not education_met:
        reasons.append(
            f"education: no credential that counts on {on.isoformat()} (a Canadian credential, or a foreign one with "
            f"an ECA under {rules.evidence.eca_valid_years} years old)"
        )

    # The selection grid.
    age = age_on(candidate.birth_date, on)
    elements = _adaptability(candidate, on=on, rules=rules, canadian_work_years=factors.canadian_work_years)
    if factors.arranged_employment is not None:
        elements.append(AdaptabilityElement.ARRANGED_EMPLOYMENT)
    if factors.sibling_in_canada:
        elements.append(AdaptabilityElement.RELATIVE_IN_CANADA)
    elements.sort(key=list(AdaptabilityElement).index)
    grid = (
        _first_language_line(first),
        _second_language_line(second),
        _line(FswFactor.EDUCATION, EDUCATION[education], f"{education.label}", evidence.get(Factor.EDUCATION)),
        _line(
            FswFactor.WORK_EXPERIENCE,
            WORK_EXPERIENCE.points(work_years),
            f"{work_years} year(s) of skilled work ({hours_text(total_hours)} {window}, Canadian or foreign)",
        ),
        _line(FswFactor.AGE, AGE.points(age), f"age {age} on {on.isoformat()}"),
        _line(
            FswFactor.ARRANGED_EMPLOYMENT,
            ARRANGED_EMPLOYMENT if factors.arranged_employment is not None else 0,
            "qualifying job offer" if factors.arranged_employment is not None else "no qualifying job offer",
            evidence.get(Factor.ARRANGED_EMPLOYMENT),
        ),
        _adaptability_line(elements),
    )
    grid_total = sum(line.points for line in grid)
    grid_met = grid_total >= PASS_MARK
    if not grid_met:
        reasons.append(f"selection grid: {grid_total} points, below the pass mark of {PASS_MARK}")

    notes.append(
        f"age is taken on {on.isoformat()}: IRCC counts it on the day the application is received, so pass that day"
    )
    funds = (
        "proof of funds: not checked; none is needed if you are authorized to work in Canada (crsrules does not "
        "check this) and hold your valid job offer"
        if factors.arranged_employment is not None
        else "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you are "
        "authorized to work in Canada and hold a valid job offer"
    )
    notes.append(funds)
    if not factors.sibling_in_canada:
        notes.append(
            "adaptability: relatives in Canada other than siblings (parent, grandparent, child, grandchild, aunt, "
            "uncle, niece, nephew) are not modelled"
        )
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
        reasons=tuple(reasons),
        notes=tuple(notes),
    )


def _line(factor: FswFactor, points: int, row: str, evidence: str | None = None) -> GridLine:
    detail = f"{row}: {points} points" + (f"; from {evidence}" if evidence else "")
    return GridLine(factor=factor, points=points, maximum=MAXIMUMS[factor], detail=detail)


def _primary_occupation(jobs: Iterable[Job], *, since: date, on: date, rules: RuleSet) -> tuple[str | None, float, str]:
    """The occupation with the longest continuous period of work, its hours and the period in words."""
    by_occupation: dict[tuple[NocVersion, str], list[Job]] = {}
    for job in jobs:
        version, code, _ = occupation_code(job.noc, job.noc_2016, rules=rules)
        by_occupation.setdefault((version, code), []).append(job)
    best: tuple[float, date, str] | None = None
    best_text = ""
    for (version, code), group in by_occupation.items():
        for run in continuous_runs(group, since=since, on=on, rules=rules):
            key = (run.hours, run.last, code)
            if best is None or key > best:
                best = key
                best_text = (
                    f"{hours_text(run.hours)} in {noc_label(version, code)} from {run.first.isoformat()} to "
                    f"{run.last.isoformat()}"
                )
    if best is None:
        return None, 0.0, ""
    return best[2], best[0], best_text


def _language_points(first: LanguageResult, second: LanguageResult | None) -> int:
    points = sum(FIRST_LANGUAGE.points(level) for level in abilities(first.levels).values())
    return points + (0 if second is None else SECOND_LANGUAGE.points(second.levels.minimum))


def _first_language(
    named: OfficialLanguage | None, valid: Mapping[OfficialLanguage, LanguageResult]
) -> tuple[OfficialLanguage | None, str]:
    """The first official language for FSW, and a note on how it was chosen (see the module's notes)."""
    if not valid:
        return None, ""

    def other(language: OfficialLanguage) -> LanguageResult | None:
        return next((r for lang, r in valid.items() if lang is not language), None)

    def rank(language: OfficialLanguage) -> tuple[bool, int, bool]:
        result = valid[language]
        meets = result.levels.minimum >= MINIMUM_LANGUAGE_CLB
        return meets, _language_points(result, other(language)), language is OfficialLanguage.ENGLISH

    best = max(valid, key=rank)
    if named is not None and named in valid:
        if best is not named and rank(best)[0] and not rank(named)[0]:
            return named, (
                f"first official language: {named.value} as named; {best.value} would meet the "
                f"CLB {MINIMUM_LANGUAGE_CLB} minimum if named first instead"
            )
        return named, ""
    if len(valid) > 1:
        return best, f"first official language: {best.value} chosen for FSW (none named with a valid result)"
    return best, ""


def _first_language_line(first: LanguageResult | None) -> GridLine:
    factor = FswFactor.FIRST_OFFICIAL_LANGUAGE
    if first is None:
        return _line(factor, 0, "no valid result")
    scale = first.levels.language.scale
    parts = [f"{name} {scale} {lvl} = {FIRST_LANGUAGE.points(lvl)}" for name, lvl in abilities(first.levels).items()]
    points = sum(FIRST_LANGUAGE.points(lvl) for lvl in abilities(first.levels).values())
    return _line(factor, points, f"{first.language.value}: " + ", ".join(parts), result_name(first))


def _second_language_line(second: LanguageResult | None) -> GridLine:
    factor = FswFactor.SECOND_OFFICIAL_LANGUAGE
    if second is None:
        return _line(factor, 0, "no valid result")
    needed = SECOND_LANGUAGE.steps[0][0]
    lowest = second.levels.minimum
    scale = second.levels.language.scale
    row = f"{second.language.value}: lowest ability {scale} {lowest} ({scale} {needed} needed in all four)"
    return _line(factor, SECOND_LANGUAGE.points(lowest), row, result_name(second))


def _adaptability_line(elements: list[AdaptabilityElement]) -> GridLine:
    earned = sum(ADAPTABILITY[e] for e in elements)
    points = min(earned, ADAPTABILITY_CAP)
    if not elements:
        return _line(FswFactor.ADAPTABILITY, 0, "no element")
    row = " + ".join(f"{e.value} {ADAPTABILITY[e]}" for e in elements)
    if earned > ADAPTABILITY_CAP:
        row += f" = {earned}, capped at {ADAPTABILITY_CAP}"
    return _line(FswFactor.ADAPTABILITY, points, row)


def _accompanying_spouse(candidate: Candidate) -> Spouse | None:
    spouse = candidate.spouse
    if spouse is None or not candidate.marital_status.has_partner or not spouse.counts:
        return None
    return spouse


def _studied_in_canada(credentials: Iterable[Credential], *, on: date) -> bool:
    for c in credentials:
        if not c.in_canada or c.completed_on > on:
            continue
        if c.level in _LONG_PROGRAM_LEVELS:
            return True
        if (
            c.level is Education.SECONDARY
            and c.started_on is not None
            and anniversary(c.started_on, STUDY_IN_CANADA_YEARS) <= c.completed_on
        ):
            return True
    return False


def _spouse_worked_in_canada(spouse: Spouse, *, on: date, rules: RuleSet) -> bool:
    jobs = [j for j in spouse.jobs if j.in_canada and j.paid and not j.self_employed and not j.while_full_time_student]
    since = anniversary(on, -rules.evidence.work_window_years)
    worked = work_hours(jobs, since=since, on=on, full_time=rules.evidence.full_time_hours_per_week)
    return worked + EPSILON >= WORK_IN_CANADA_YEARS * rules.evidence.hours_per_year


def _adaptability(
    candidate: Candidate, *, on: date, rules: RuleSet, canadian_work_years: int
) -> list[AdaptabilityElement]:
    """The elements earned from facts other than the job offer and siblings (those come from derive())."""
    elements = []
    spouse = _accompanying_spouse(candidate)
    if spouse is not None:
        results = valid_language_results(spouse.language_results, on=on, rules=rules).values()
        if any(r.levels.minimum >= SPOUSE_LANGUAGE_CLB for r in results):
            elements.append(AdaptabilityElement.SPOUSE_LANGUAGE)
        if _studied_in_canada(spouse.credentials, on=on):
            elements.append(AdaptabilityElement.SPOUSE_STUDY_IN_CANADA)
        if _spouse_worked_in_canada(spouse, on=on, rules=rules):
            elements.append(AdaptabilityElement.SPOUSE_WORK_IN_CANADA)
    if _studied_in_canada(candidate.credentials, on=on):
        elements.append(AdaptabilityElement.STUDY_IN_CANADA)
    if canadian_work_years >= WORK_IN_CANADA_YEARS:
        elements.append(AdaptabilityElement.WORK_IN_CANADA)
    return elements
