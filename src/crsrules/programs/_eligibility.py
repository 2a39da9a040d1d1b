"""Pool eligibility: :func:`program_eligibility` assesses the three programs on one day."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules.conditions import Condition, find
from crsrules.programs import cec, fst, fsw
from crsrules.programs._common import Program, start

if TYPE_CHECKING:
    from datetime import date

    from crsrules.candidate import Candidate
    from crsrules.programs.cec import CecAssessment
    from crsrules.programs.fst import FstAssessment
    from crsrules.programs.fsw import FswAssessment
    from crsrules.rules import RuleSet

__all__ = ["ProgramEligibility", "program_eligibility"]

_ADMISSIBILITY = Condition(
    code=codes.PROGRAM_ADMISSIBILITY,
    met=None,
    message="admissibility (health, security, criminality) and the intent to live outside Quebec: not checked",
)


@frozen(kw_only=True)
class ProgramEligibility:
    """The three Express Entry programs assessed on one day, and whether the candidate can enter the pool.

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the profile or application is submitted).
    on: date
    #: The id of the ruleset applied.
    rules_id: str
    #: The Federal Skilled Worker Program.
    fsw: FswAssessment = field(repr=False)
    #: The Canadian Experience Class.
    cec: CecAssessment = field(repr=False)
    #: The Federal Skilled Trades Program.
    fst: FstAssessment = field(repr=False)
    #: The programs whose entry criteria are met, in the order FSW, CEC, FST.
    eligible_programs: tuple[Program, ...]
    #: At least one program is met: the candidate can enter the Express Entry pool.
    in_pool: bool
    #: Why each program that is not met is not, prefixed by its name (empty when all three are met).
    reasons: tuple[str, ...]
    #: What crsrules checks for no program (the messages of the ``program.*`` conditions).
    notes: tuple[str, ...] = field(repr=False)
    #: Every condition of the three programs (``fsw.*``, ``cec.*``, ``fst.*``: each program's ``conditions``), then
    #: those of every program (``program.*``). A program is met when none of its conditions is unmet; the candidate
    #: is in the pool when one program is (see :doc:`/reference/conditions`).
    conditions: tuple[Condition, ...] = field(default=(), repr=False)

    def condition(self, code: str) -> Condition | None:
        """The condition with *code* (such as ``"cec.language"``), or None if the result has none."""
        return find(self.conditions, code)

    def assessment(self, program: Program) -> FswAssessment | CecAssessment | FstAssessment:
        """The assessment of *program*."""
        if program is Program.FSW:
            return self.fsw
        return self.cec if program is Program.CEC else self.fst

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes."""
        return {
            "on": self.on.isoformat(),
            "rules_id": self.rules_id,
            "in_pool": self.in_pool,
            "eligible_programs": [p.value for p in self.eligible_programs],
            "fsw": self.fsw.as_dict(),
            "cec": self.cec.as_dict(),
            "fst": self.fst.as_dict(),
            "reasons": list(self.reasons),
            "notes": list(self.notes),
            "conditions": [c.as_dict() for c in self.conditions],
        }


def program_eligibility(
    candidate: Candidate, *, on: date, rules: str | RuleSet | None = None
) -> ProgramEligibility:
    """Assess *candidate* against the entry criteria of FSW, CEC and FST on *on*.

    Args:
        candidate: The facts.
        on: The day of the profile or application: ages, windows of work and the validity of tests and ECAs are
            taken on it.
        rules: The ruleset whose criteria apply (an id such as ``"2022-11-16"``, or a RuleSet), which also decides
            NOC 2016 (before 2022-11-16) or NOC 2021; by default the one in force *on*.

    Returns:
        Each program's assessment, the programs met, and whether the candidate can enter the pool.

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
        ...                                      listening=7, reading=7, writing=7, speaking=7),),
        ...     jobs=(Job(noc="21231", in_canada=True, start=date(2024, 1, 1)),),
        ... )
        >>> result = program_eligibility(c, on=date(2025, 6, 1))
        >>> result.in_pool, [p.value for p in result.eligible_programs]
        (True, ['cec'])
        >>> result.fsw.reasons[0].split(" (")[0]
        'education: no credential that counts on 2025-06-01'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins the criteria.
    """
    c, day, ruleset = start(candidate, on, rules)
    assessments = (fsw.assess(c, day, ruleset), cec.assess(c, day, ruleset), fst.assess(c, day, ruleset))
    eligible = tuple(a.program for a in assessments if a.eligible)
    reasons = tuple(f"{a.program.title}: {r}" for a in assessments if not a.eligible for r in a.reasons)
    return ProgramEligibility(
        on=day,
        rules_id=ruleset.id,
        fsw=assessments[0],
        cec=assessments[1],
        fst=assessments[2],
        eligible_programs=eligible,
        in_pool=bool(eligible),
        reasons=reasons,
        notes=(_ADMISSIBILITY.message,),
        conditions=(*(c for a in assessments for c in a.conditions), _ADMISSIBILITY),
    )
