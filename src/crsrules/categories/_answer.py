"""A category's answer: :class:`CategoryEligibility`, made from the conditions the engine checked.

The engine (``_eligibility`` and ``_military``) checks a category's own conditions and hands them here with the
question asked (:class:`Asked`); the answer adds that the category is in force, the reasons in words and whether the
candidate is also in the Express Entry pool.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules.candidate import Candidate, Job, LanguageResult
from crsrules.categories._versions import CategoryNotInForceError, CategoryVersion
from crsrules.conditions import Condition, find
from crsrules.evidence import continuous_periods, work_hours
from crsrules.headings import Category
from crsrules.programs import ProgramEligibility

if TYPE_CHECKING:
    from collections.abc import Iterable

    from crsrules.rules import RuleSet

__all__ = ["Asked", "CategoryEligibility", "answer", "main_job", "not_in_force", "reasons_of", "span"]


@frozen(kw_only=True)
class CategoryEligibility:
    """Whether a candidate meets a category's condition on a date, and why; and whether that makes them invitable.

    ``eligible`` is the category's own condition only (work in a listed occupation, French, or the military
    conditions): a candidate must also be in the Express Entry pool to be invited in a category round, which
    :attr:`invitable` adds.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A category not in force gives an answer (``eligible`` False, the condition ``category.in_force`` unmet, no
       :attr:`version`) instead of raising; :attr:`conditions`, :attr:`invitable` and :attr:`programs`.
    """

    #: Whether the candidate meets the category's own condition (as far as the facts show; see :attr:`reasons`).
    #: It says nothing about the Express Entry pool: read :attr:`invitable` for "could be invited in a round of it".
    eligible: bool
    #: The category.
    category: Category
    #: The version applied: under the ruleset pinned, or by default the one in force on the date; None when the
    #: category is not in force.
    version: CategoryVersion | None
    #: The date the facts are taken.
    on: date
    #: Occupational categories: the job that counted most in the qualifying occupation; None if not eligible.
    qualifying_job: Job | None
    #: French-language proficiency: the result that qualifies; None otherwise.
    qualifying_result: LanguageResult | None
    #: Full-time-equivalent months counted in the best listed occupation (for skilled military recruits, in the
    #: continuous service reaching the date); 0 for French-language proficiency.
    months: float
    #: Why the candidate is eligible or not, in words: every condition met or unmet with its explanations, and what
    #: crsrules could not check (the messages of :attr:`conditions`, but that the category is in force).
    reasons: tuple[str, ...]
    #: Every condition of the category, met, unmet or not checked, with its code and values: ``category.in_force``
    #: first, then the category's own (see :doc:`/reference/conditions`).
    conditions: tuple[Condition, ...] = field(default=(), repr=False)
    #: Eligible and in the Express Entry pool (a program's entry criteria met on the same day under the same rules,
    #: :attr:`programs`): could be invited in a round of the category, if the score reaches its cut-off.
    invitable: bool = False
    #: The programs assessed on the same day under the same rules (None when the category is not in force).
    programs: ProgramEligibility | None = field(default=None, repr=False, eq=False)

    def condition(self, code: str) -> Condition | None:
        """The first condition with *code* (such as ``"category.experience"``), or None if the answer has none."""
        return find(self.conditions, code)


class Asked(NamedTuple):
    """The question a category answers: whose facts, under which version, on which day, and the pool on that day."""

    candidate: Candidate
    version: CategoryVersion
    on: date
    #: The ruleset whose rules of evidence apply (it dates test results and ECAs).
    rules: RuleSet
    programs: ProgramEligibility


def not_in_force(category: Category, on: date, error: CategoryNotInForceError) -> CategoryEligibility:
    condition = Condition(
        code=codes.CATEGORY_IN_FORCE,
        met=False,
        message=str(error),
        values={"category": category.value, "version": None},
    )
    return CategoryEligibility(
        eligible=False,
        category=category,
        version=None,
        on=on,
        qualifying_job=None,
        qualifying_result=None,
        months=0.0,
        reasons=(condition.message,),
        conditions=(condition,),
    )


def _in_force(version: CategoryVersion, on: date) -> Condition:
    return Condition(
        code=codes.CATEGORY_IN_FORCE,
        met=True,
        message=f"{version} ({version.id}) is in force on {on.isoformat()}",
        values={"category": version.category.value, "version": version.id},
    )


def reasons_of(conditions: Iterable[Condition]) -> tuple[str, ...]:
    """The reasons in words: each condition's message and its details', but that the category is in force."""
    return tuple(
        message
        for c in conditions
        if not (c.code == codes.CATEGORY_IN_FORCE and c.met)
        for message in (c.message, *(d.message for d in c.details))
    )


def answer(  # noqa: PLR0913 (the answer's parts, by keyword)
    asked: Asked,
    own: tuple[Condition, ...],
    *,
    job: Job | None = None,
    result: LanguageResult | None = None,
    months: float = 0.0,
    reasons: tuple[str, ...] | None = None,
) -> CategoryEligibility:
    """The answer from the category's own conditions (*reasons*: their words, when they are not simply joined)."""
    version = asked.version
    eligible = codes.verdict(own)
    return CategoryEligibility(
        eligible=eligible,
        category=version.category,
        version=version,
        on=asked.on,
        qualifying_job=job if eligible else None,
        qualifying_result=result if eligible else None,
        months=months,
        reasons=reasons_of(own) if reasons is None else reasons,
        conditions=(_in_force(version, asked.on), *own),
        invitable=eligible and asked.programs.in_pool,
        programs=asked.programs,
    )


def span(jobs: Iterable[Job], first: date, last: date) -> list[tuple[date, date]]:
    """The unbroken runs of days from *first* to *last* covered by at least one of *jobs*, oldest first."""
    return [(start, end) for start, end, _ in continuous_periods(jobs, first=first, last=last)]


def main_job(jobs: Iterable[Job], first: date, last: date, full_time: float) -> Job | None:
    """The job that counts most from *first* to *last* (the later one on a tie)."""
    scored = [(work_hours((j,), first=first, last=last, full_time=full_time), j.start, j) for j in jobs]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None
