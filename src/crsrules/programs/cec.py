"""Canadian Experience Class (CEC): a year of skilled Canadian work and the language level it calls for.

A candidate meets the CEC entry criteria on a day with a year of skilled paid work in Canada within the window and,
on a valid result, the language level that work calls for (IRPR s. 87.1). The numbers are rules data
(:attr:`crsrules.RuleSet.programs`, set in :mod:`crsrules.rules.y2015`); this module applies them. The choices
crsrules makes where the sources are silent are in the how-to guide, ``docs/how-to/program-eligibility.md``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules.conditions import Condition, find, floor_hundredths
from crsrules.evidence import valid_language_results, work_window
from crsrules.occupations import Noc2016Skill, noc2016_skill, occupation
from crsrules.programs._common import (
    EPSILON,
    Program,
    describe_result,
    hours,
    hours_text,
    json_ready,
    notes_of,
    occupation_code,
    reasons_of,
        skilled_jobs,
    start,
)
from crsrules.rules import NocVersion, available_rulesets

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

# Deprecated since 0.2, to be removed in 0.3: the criteria are rules data, read them from a ruleset
# (``get_rules(id).programs.cec``). These names keep the values of the newest ruleset.
_NEWEST = available_rulesets()[-1].programs.cec
WORK_YEARS = _NEWEST.work_years
WINDOW_YEARS = _NEWEST.window_years
#: The CLB/NCLC level needed in all four abilities, by the TEER of the work (deprecated).
LANGUAGE_BY_TEER: Mapping[int, int] = MappingProxyType(
    {teer: _NEWEST.language_by_teer.points(teer) for teer in range(4)}
)
#: The level needed in all four abilities, by the NOC 2016 skill type or level (deprecated).
LANGUAGE_BY_NOC_2016_SKILL: Mapping[Noc2016Skill, int] = MappingProxyType(
    dict(_NEWEST.language_by_noc_2016_skill.rows)
)


# --- Results ---------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class CecAssessment:
    """Whether a candidate meets the Canadian Experience Class's entry criteria on a day, and why.

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the application is received).
    on: date
    #: The id of the ruleset applied (its criteria, and NOC 2016 or NOC 2021).
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
    #: Why the candidate is not eligible (empty when eligible): the messages of the unmet :attr:`conditions`.
    reasons: tuple[str, ...]
    #: What crsrules did not check or had to approximate (the messages of the conditions not checked come last).
    notes: tuple[str, ...] = field(repr=False)
    #: Every condition checked, met or not, and those not checked, with their codes and values (``cec.*``, see
    #: :doc:`/reference/conditions`).
    conditions: tuple[Condition, ...] = field(default=(), repr=False)

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.CEC`."""
        return Program.CEC

    def condition(self, code: str) -> Condition | None:
        """The condition with *code* (such as ``"cec.language"``), or None if the result has none."""
        return find(self.conditions, code)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def cec_eligibility(candidate: Candidate, *, on: date, rules: str | RuleSet | None = None) -> CecAssessment:
    """Assess *candidate* against the Canadian Experience Class's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the 3-year window and the validity of test results end on it.
        rules: The ruleset whose criteria apply (an id such as ``"2022-11-16"``, or a RuleSet), which also decides
            NOC 2016 or NOC 2021; by default the one in force *on*.

    Returns:
        Work and language met or not, the hours and levels behind them, the reasons and the notes.

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01 and no *rules* were given.
        UnknownRulesetError: *rules* names no ruleset.

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
    .. versionchanged:: 0.2.0 *rules* pins the criteria.
    """
    c, day, ruleset = start(candidate, on, rules)
    return assess(c, day, ruleset)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> CecAssessment:
    """The CEC assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    criteria = rules.programs.cec
    first, last = work_window(on, criteria.window_years)
    window = f"in the {criteria.window_years} years before {on.isoformat()}"
    need = criteria.work_years * rules.evidence.hours_per_year
    jobs, approximations = skilled_jobs(
        candidate.jobs, rules=rules, canadian_only=True, exclude_self_employed=True, exclude_full_time_student=True
    )
    notes = [f"skilled work judged by another NOC version:{note}" for note in approximations]

    total = hours(jobs, first=first, last=last, rules=rules)
    work_met = total + EPSILON >= need
    minimums = [(job, _language_minimum(job, rules)) for job in jobs]
    required: int | None = None
    for threshold in sorted({minimum for _, minimum in minimums}):
        within = [job for job, minimum in minimums if minimum <= threshold]
        if hours(within, first=first, last=last, rules=rules) + EPSILON >= need:
            required = threshold
            break

    valid = valid_language_results(candidate.language_results, on=on, rules=rules)
    best = max(valid.values(), key=lambda r: (r.levels.minimum, r.tested_on), default=None)
    level = None if best is None else best.levels.minimum
    lowest = min((minimum for _, minimum in minimums), default=_lowest_minimum(rules))
    wanted = lowest if required is None else required
    language_met = level is not None and level >= wanted

    needed = (
        f"{criteria.work_years} year ({need:,} hours) needed (self-employment and work while a full-time student do "
        "not count)"
    )
    work = Condition(
        code=codes.CEC_WORK_EXPERIENCE,
        met=work_met,
        message=f"work experience: {hours_text(total)} of skilled paid work in Canada {window}; {needed}",
        values={"hours": floor_hundredths(total), "hours_needed": need, "window_years": criteria.window_years},
    )
    why = (
        ""
        if required is None or required == lowest
        else (f": your work in occupations that need only CLB {lowest} adds up to less than {need:,} hours")
    )
    have = "no valid result" if best is None else f"best valid result {describe_result(best)}"
    language = Condition(
        code=codes.CEC_LANGUAGE,
        met=language_met,
        message=(
            f"language: CLB {wanted} needed in all four abilities{why} ({have})"
            if not language_met
            else f"language: CLB {wanted} or more in all four abilities ({have})"
        ),
        values={
            "language": None if best is None else best.language.value,
            "test": None if best is None else best.test.value,
            "tested_on": None if best is None else best.tested_on,
            "level": level,
            "level_required": wanted,
        },
    )
    status = Condition(
        code=codes.CEC_STATUS,
        met=None,
        message=(
            "temporary resident status and authorization to work in Canada during the work: not checked "
            "(unauthorized work does not count)"
        ),
    )
    conditions = (work, language, status)
    return CecAssessment(
        on=on,
        rules_id=rules.id,
        eligible=work_met and required is not None and language_met,
        work_experience_met=work_met,
        language_met=language_met,
        canadian_hours=total,
        required_clb=required,
        language_level=level,
        reasons=reasons_of(conditions),
        notes=notes_of(notes, conditions),
        conditions=conditions,
    )


def _language_minimum(job: Job, rules: RuleSet) -> int:
    """The level a skilled job calls for, by the classification of the code it is judged by."""
    criteria = rules.programs.cec
    version, code, _ = occupation_code(job.noc, job.noc_2016, rules=rules)
    if version is NocVersion.NOC_2021:
        return criteria.language_by_teer.points(occupation(code).teer)
    return criteria.language_by_noc_2016_skill[noc2016_skill(code)]


def _lowest_minimum(rules: RuleSet) -> int:
    """The lowest level any skilled work calls for under the ruleset's classification (for a reason without work)."""
    criteria = rules.programs.cec
    if rules.noc_version is NocVersion.NOC_2021:
        return min(points for _, points in criteria.language_by_teer.steps)
    return min(criteria.language_by_noc_2016_skill.rows.values())
