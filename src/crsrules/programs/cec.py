"""Canadian Experience Class (CEC): a year of skilled Canadian work and the language level it calls for.

A candidate meets the CEC entry criteria on a day when (IRPR s. 87.1; IRCC's CEC page as summarized in the research
notes):

- **Work**: at least 1 year (1,560 hours) of skilled paid work in Canada, full-time or the part-time equivalent,
  in one or more jobs, within the 3 years before the day. Self-employment and work while a full-time student never
  count. Skilled means NOC 2021 TEER 0, 1, 2 or 3 from 2022-11-16, NOC 2016 skill type 0 or level A or B before.
- **Language**: CLB 7 in all four abilities for TEER 0 or 1 work, CLB 5 for TEER 2 or 3 work (before 2022-11-16:
  CLB 7 for NOC 0 or A, CLB 5 for NOC B), on a valid English or French result.

There is no education requirement and no proof of funds.

Choices where the sources are silent, documented here and in the how-to guide:

- Work in several TEER categories: the candidate qualifies when the work in occupations whose minimum their language
  level meets adds up to a year. So CLB 5 with a year of TEER 2 or 3 work qualifies, whatever TEER 0 or 1 work is
  also there; with CLB 5 and only part of the year in TEER 2 or 3, CLB 7 is needed. :attr:`CecAssessment.required_clb`
  is the lowest level that works.
- Language: any valid result counts, English or French (the regulation says "English or French"); the best one is
  the one whose weakest ability is highest.
- Temporary resident status and authorization to work while the work was done are not modelled: the notes say so.
  Neither is the public policy of 2023-04-25 letting some self-employed physicians count fee-for-service work.

References:
    - IRPR s. 87.1 (Canadian experience class):
      https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html
    - CEC language levels by NOC skill level before 2022-11-16 (S74): http://vzlaw.ca/EE_03.aspx ;
      https://tamasimmigration.com/canadian-experience-class/
    - The project's research notes: ``reference/crs-points.md`` section 7.3 (sources S57, S74) and rule E6.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules.derive import valid_language_results
from crsrules.occupations import Noc2016Skill, noc2016_skill, occupation
from crsrules.programs._common import (
    EPSILON,
    Program,
    describe_result,
    hours,
    hours_text,
    json_ready,
    occupation_code,
    skilled_jobs,
    start,
    window_start,
)
from crsrules.rules import NocVersion

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

    from crsrules.candidate import Candidate, Job
    from crsrules.rules import RuleSet

__all__ = [
    "LANGUAGE_BY_NOC_2016_SKILL",
    "LANGUAGE_BY_TEER",
    "WINDOW_YEARS",
    "WORK_YEARS",
    "CecAssessment",
    "cec_eligibility",
]

# --- Rules -----------------------------------------------------------------------------------------------------------

# Work (IRPR s. 87.1(2)(a); S57): years of skilled Canadian work needed; a year is Evidence.hours_per_year (1,560)
# hours of full-time work (Evidence.full_time_hours_per_week, 30) or the part-time equivalent.
WORK_YEARS = 1
# Work (IRPR s. 87.1(2)(a); S57): the window, in years before the application.
WINDOW_YEARS = 3

#: Language (S57; from 2022-11-16): the CLB/NCLC level needed in all four abilities, by the TEER of the work.
LANGUAGE_BY_TEER: Mapping[int, int] = MappingProxyType({0: 7, 1: 7, 2: 5, 3: 5})
#: Language (S74; before 2022-11-16): the level needed in all four abilities, by the NOC 2016 skill type or level.
LANGUAGE_BY_NOC_2016_SKILL: Mapping[Noc2016Skill, int] = MappingProxyType(
    {Noc2016Skill.SKILL_TYPE_0: 7, Noc2016Skill.SKILL_LEVEL_A: 7, Noc2016Skill.SKILL_LEVEL_B: 5}
)


# --- Results ---------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class CecAssessment:
    """Whether a candidate meets the Canadian Experience Class's entry criteria on a day, and why.

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the application is received).
    on: date
    #: The id of the ruleset in force that day (it decides NOC 2016 or NOC 2021).
    rules_id: str
    #: Work and language are both met.
    eligible: bool
    #: 1 year of skilled paid work in Canada in the 3 years, whatever its TEER.
    work_experience_met: bool
    #: The best valid result meets the level the qualifying work calls for.
    language_met: bool
    #: Full-time-equivalent hours of skilled paid Canadian work in the 3 years (self-employment and work while a
    #: full-time student excluded).
    canadian_hours: float
    #: The lowest language level with which the work adds up to a year (7 or 5), or None when it never does.
    required_clb: int | None
    #: The weakest ability of the best valid result (CLB or NCLC), or None without a valid result.
    language_level: int | None
    #: Why the candidate is not eligible (empty when eligible).
    reasons: tuple[str, ...]
    #: What crsrules did not check or had to approximate.
    notes: tuple[str, ...] = field(repr=False)

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.CEC`."""
        return Program.CEC

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def cec_eligibility(candidate: Candidate, *, on: date) -> CecAssessment:
    """Assess *candidate* against the Canadian Experience Class's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the 3-year window and the validity of test results end on it, and
            the ruleset in force on it decides NOC 2016 or NOC 2021.

    Returns:
        Work and language met or not, the hours and levels behind them, the reasons and the notes.

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate, Job, LanguageResult, LanguageTest
        >>> c = Candidate(
        ...     birth_date=date(1995, 1, 1),
        ...     language_results=(LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2025, 1, 10),
        ...                                      listening=5, reading=5, writing=5, speaking=6),),
        ...     jobs=(Job(noc="72310", in_canada=True, start=date(2024, 1, 1)),),  # carpenter, TEER 2
        ... )
        >>> a = cec_eligibility(c, on=date(2025, 6, 1))
        >>> a.eligible, a.required_clb, a.language_level
        (True, 5, 5)

    .. versionadded:: 0.1.0
    """
    c, day, rules = start(candidate, on)
    return assess(c, day, rules)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> CecAssessment:
    """The CEC assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    since = window_start(on, WINDOW_YEARS)
    window = f"in the {WINDOW_YEARS} years to {on.isoformat()}"
    need = WORK_YEARS * rules.evidence.hours_per_year
    jobs, approximations = skilled_jobs(
        candidate.jobs, rules=rules, canadian_only=True, exclude_self_employed=True, exclude_full_time_student=True
    )
    notes = [f"skilled work judged by another NOC version:{note}" for note in approximations]
    reasons: list[str] = []

    total = hours(jobs, since=since, on=on, rules=rules)
    work_met = total + EPSILON >= need
    minimums = [(job, _language_minimum(job, rules)) for job in jobs]
    required: int | None = None
    for threshold in sorted({minimum for _, minimum in minimums}):
        within = [job for job, minimum in minimums if minimum <= threshold]
        if hours(within, since=since, on=on, rules=rules) + EPSILON >= need:
            required = threshold
            break

    valid = valid_language_results(candidate.language_results, on=on, rules=rules)
    best = max(valid.values(), key=lambda r: (r.levels.minimum, r.tested_on), default=None)
    level = None if best is None else best.levels.minimum
    lowest = min((minimum for _, minimum in minimums), default=min(LANGUAGE_BY_TEER.values()))
    language_met = level is not None and level >= (lowest if required is None else required)

    if not work_met:
        reasons.append(
            f"work experience: {hours_text(total)} of skilled paid work in Canada {window}; {WORK_YEARS} year "
            f"({need:,} hours) needed (self-employment and work while a full-time student do not count)"
        )
    if not language_met:
        wanted = lowest if required is None else required
        why = (
            ""
            if required is None or required == lowest
            else (f": your work in occupations that need only CLB {lowest} adds up to less than {need:,} hours")
        )
        have = "no valid result" if best is None else f"best valid result {describe_result(best)}"
        reasons.append(f"language: CLB {wanted} needed in all four abilities{why} ({have})")
    notes.append(
        "temporary resident status and authorization to work in Canada during the work: not checked (unauthorized "
        "work does not count)"
    )
    return CecAssessment(
        on=on,
        rules_id=rules.id,
        eligible=work_met and required is not None and language_met,
        work_experience_met=work_met,
        language_met=language_met,
        canadian_hours=total,
        required_clb=required,
        language_level=level,
        reasons=tuple(reasons),
        notes=tuple(notes),
    )


def _language_minimum(job: Job, rules: RuleSet) -> int:
    """The level a skilled job calls for, by the classification of the code it is judged by."""
    version, code, _ = occupation_code(job.noc, job.noc_2016, rules=rules)
    if version is NocVersion.NOC_2021:
        return LANGUAGE_BY_TEER[occupation(code).teer]
    return LANGUAGE_BY_NOC_2016_SKILL[noc2016_skill(code)]
