"""Would a candidate have been invited? :func:`invitation` replays one round of invitations for a candidate.

A round invites the candidates in the pool who meet its conditions and whose CRS score is above its lowest score
invited (the cut-off); of those exactly at the cut-off, it invites the ones whose profile was submitted on or before
the round's tie-breaking time (from 2017-06-06; IRCC publishes the time from round 77, 2017-11-08). The check:

1. the profile exists on the round's date (when its submission time is known) and meets a program's entry criteria
   (:func:`crsrules.programs.program_eligibility`);
2. the round's program condition: a CEC, FSW or FST round needs that program; a PNP round needs a provincial
   nomination; a round with no program specified takes any program;
3. a category round's condition (:func:`crsrules.category_eligibility` on the round's date);
4. the CRS score on the round's date, under the version in force that day, against the cut-off, and the tie-break.

``rules=`` pins one version for all of it (the facts are still taken on the round's date): "would this candidate
have been invited under the rules of 2025-03-25?".

The verdict is ``None`` (cannot tell) for a tie when the round's tie-breaking time or the profile's submission time
is unknown, and for a round of a category crsrules does not know yet (read from a newer rounds feed with
``crsrules data update``).

Each condition is a record with a stable code (``round.*``, see :doc:`/reference/conditions`) in
:attr:`InvitationCheck.conditions`: the candidate is invited when none is unmet, ``round.category`` (for a category
crsrules does not know) is not None, and ``round.tie_break``, present only for a score equal to the cut-off, is not
None.

Each verdict names the rounds data it was computed from (:attr:`InvitationCheck.data_version`, see
:func:`crsrules.draws.data_version`): the package's, or the user data folder's after an update.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules._api import score
from crsrules._validation import a_date
from crsrules.candidate import Candidate
from crsrules.categories import category_eligibility
from crsrules.conditions import Condition, find
from crsrules.draws import Draw, DrawKind, by_number, data_version, history
from crsrules.errors import CRSRulesError, InvalidValueError
from crsrules.headings import Factor
from crsrules.programs import Program, ProgramEligibility, program_eligibility
from crsrules.scoring import ScoreBreakdown

if TYPE_CHECKING:
    from crsrules.categories import CategoryEligibility
    from crsrules.rules import RuleSet

__all__ = ["InvitationCheck", "invitation", "rounds_invited"]

# The program each program-specific kind of round requires.
_ROUND_PROGRAM = {DrawKind.CEC: Program.CEC, DrawKind.FSW: Program.FSW, DrawKind.FST: Program.FST}


@frozen(kw_only=True)
class InvitationCheck:
    """The verdict of one round of invitations for one candidate, with every reason.

    .. versionadded:: 0.1.0
    """

    #: The round.
    draw: Draw
    #: True if invited, False if not, None if a tie at the cut-off cannot be settled (an unknown time).
    invited: bool | None
    #: The candidate's CRS score on the round's date, under the ruleset then in force.
    score: int
    #: The score's breakdown.
    breakdown: ScoreBreakdown = field(repr=False)
    #: The candidate's programs on the round's date.
    programs: ProgramEligibility = field(repr=False)
    #: The category check of a category round (None for other rounds).
    category: CategoryEligibility | None = field(repr=False)
    #: Every reason for the verdict, in words: the round's conditions that are not met, the category's answer, and
    #: the score against the cut-off (with the tie-break).
    reasons: tuple[str, ...]
    #: The round's conditions that apply to the candidate, met, unmet or unknown, with their codes and values
    #: (``round.*``, see :doc:`/reference/conditions`); the programs' and the category's own are in
    #: :attr:`programs` and :attr:`category`.
    conditions: tuple[Condition, ...] = field(default=(), repr=False)

    #: The id of the rounds data the round comes from (:attr:`crsrules.draws.DataVersion.id`, such as
    #: ``"package:2026-08-20"``); None for a round that is not in the data in use (made by hand).
    #:
    #: .. versionadded:: 0.2.0
    data_version: str | None = None

    @property
    def margin(self) -> int:
        """The score minus the round's cut-off."""
        return self.score - self.draw.cutoff

    def condition(self, code: str) -> Condition | None:
        """The condition with *code* (such as ``"round.cutoff"``), or None if it does not apply to this round."""
        return find(self.conditions, code)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "round": self.draw.number,
            "date": self.draw.date.isoformat(),
            "round_name": self.draw.round_name,
            "cutoff": self.draw.cutoff,
            "score": self.score,
            "margin": self.margin,
            "invited": self.invited,
            "rules_id": self.breakdown.rules_id,
            "reasons": list(self.reasons),
            "conditions": [c.as_dict() for c in self.conditions],
            "data_version": self.data_version,
        }


def invitation(candidate: Candidate, draw: Draw, *, rules: RuleSet | str | None = None) -> InvitationCheck:
    """Whether *candidate* would have been invited in *draw*, and why (see the module's description).

    Args:
        candidate: The facts, taken on the round's date.
        draw: The round.
        rules: A version (or its id) to apply instead of the one in force on the round's date.

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *draw* not a Draw.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    if not isinstance(draw, Draw):
        raise InvalidValueError("draw", draw, "a crsrules.draws.Draw (see crsrules.draws.by_number)")
    return _check(candidate, draw, score(candidate, on=draw.date, rules=rules), rules)


def _check(
    candidate: Candidate,
    draw: Draw,
    breakdown: ScoreBreakdown,
    rules: RuleSet | str | None,
    programs: ProgramEligibility | None = None,
) -> InvitationCheck:
    """The check of *draw* for *candidate* whose breakdown (and programs, if given) on the round's date are known."""
    on = draw.date
    if programs is None:
        programs = program_eligibility(candidate, on=on, rules=rules)
    conditions, category = _conditions(candidate, draw, breakdown, programs, rules)
    conditions += _score(candidate, draw, breakdown.total)
    tie = find(conditions, codes.ROUND_TIE_BREAK)
    unknown_category = find(conditions, codes.ROUND_CATEGORY)
    if not codes.verdict(conditions):
        invited: bool | None = False
    elif (tie is not None and tie.met is None) or (unknown_category is not None and unknown_category.met is None):
        invited = None
    else:
        invited = True
    return InvitationCheck(
        draw=draw,
        invited=invited,
        score=breakdown.total,
        breakdown=breakdown,
        programs=programs,
        category=category,
        reasons=_reasons(conditions, breakdown.total),
        conditions=conditions,
        data_version=_data_version_of(draw),
    )


def _data_version_of(draw: Draw) -> str | None:
    """The id of the rounds data in use, if *draw* is one of its rounds; None for a round made by hand."""
    try:
        found = by_number(draw.number)
    except CRSRulesError:
        return None
    return data_version().id if found == draw else None


def _reasons(conditions: tuple[Condition, ...], total: int) -> tuple[str, ...]:
    """The reasons in words: the unmet conditions, the category's answer, the score and the tie-break."""
    reasons = []
    tie = find(conditions, codes.ROUND_TIE_BREAK)
    for c in conditions:
        if c.code == codes.ROUND_CUTOFF and tie is not None:
            reasons.append(f"CRS {total} equals the cut-off: {tie.message}")
        elif c.met is False or c.code in {codes.ROUND_CATEGORY, codes.ROUND_CUTOFF}:
            reasons.append(c.message)
    return tuple(reasons)


def _conditions(
    candidate: Candidate,
    draw: Draw,
    breakdown: ScoreBreakdown,
    programs: ProgramEligibility,
    rules: RuleSet | str | None,
) -> tuple[tuple[Condition, ...], CategoryEligibility | None]:
    """The round's conditions besides the score, and the category check."""
    on = draw.date
    submitted = candidate.profile_submitted_at
    if submitted is None:
        met, message = None, "the profile's submission time is unknown: not checked that it existed on the round's date"
    elif submitted.date() > on:
        met, message = False, f"the profile was submitted on {submitted.date().isoformat()}, after the round"
    else:
        met, message = True, f"the profile was submitted on {submitted.date().isoformat()}, by the round's date"
    found = [
        Condition(
            code=codes.ROUND_PROFILE_SUBMITTED,
            met=met,
            message=message,
            values={"submitted_at": submitted, "round_date": on},
        )
    ]
    eligible = tuple(p.value for p in programs.eligible_programs)
    met_programs = " and the ".join(p.title for p in programs.eligible_programs)
    found.append(
        Condition(
            code=codes.ROUND_IN_POOL,
            met=programs.in_pool,
            message=f"eligible for the {met_programs} on the round's date"
            if programs.in_pool
            else "not eligible for any Express Entry program on the round's date: " + "; ".join(programs.reasons),
            values={"programs": eligible},
        )
    )
    needed = _ROUND_PROGRAM.get(draw.kind)
    if needed is not None:
        meets = needed in programs.eligible_programs
        found.append(
            Condition(
                code=codes.ROUND_PROGRAM,
                met=meets,
                message=f"the round is for the {needed.title}, which the candidate "
                + ("meets" if meets else "does not meet"),
                values={"program": needed.value, "programs": eligible},
            )
        )
    if draw.kind is DrawKind.PNP:
        nominated = any(line.factor is Factor.PROVINCIAL_NOMINATION and line.earned > 0 for line in breakdown.lines)
        found.append(
            Condition(
                code=codes.ROUND_NOMINATION,
                met=nominated,
                message="the round is for provincial nominees, and the candidate "
                + ("has a nomination on its date" if nominated else "has no nomination on its date"),
                values={"nominated": nominated},
            )
        )
    category = None
    if draw.kind is DrawKind.CATEGORY and not draw.category_known:
        found.append(
            Condition(
                code=codes.ROUND_CATEGORY,
                met=None,
                message=f"the round is for a category crsrules does not know ({draw.round_name!r}), so its condition "
                "cannot be checked: a newer crsrules release may know it",
                values={"category": None, "version": None},
            )
        )
    elif draw.kind is DrawKind.CATEGORY and draw.category is not None:
        category = category_eligibility(candidate, draw.category, on=on, rules=rules)
        verdict = "eligible" if category.eligible else "not eligible"
        found.append(
            Condition(
                code=codes.ROUND_CATEGORY,
                met=category.eligible,
                message=f"{verdict} for the category {draw.category.value}: " + "; ".join(category.reasons),
                values={
                    "category": draw.category.value,
                    "version": None if category.version is None else category.version.id,
                },
            )
        )
    return tuple(found), category


def _score(candidate: Candidate, draw: Draw, total: int) -> tuple[Condition, ...]:
    """The score against the cut-off and, for a score equal to it, the tie-breaking rule."""
    relation = "above" if total > draw.cutoff else "below" if total < draw.cutoff else "equal to"
    message = (
        f"CRS {total} equals the cut-off of {draw.cutoff}"
        if total == draw.cutoff
        else f"CRS {total} is {relation} the cut-off of {draw.cutoff}"
    )
    cutoff = Condition(
        code=codes.ROUND_CUTOFF,
        met=total >= draw.cutoff,
        message=message,
        values={"score": total, "cutoff": draw.cutoff},
    )
    if total != draw.cutoff:
        return (cutoff,)
    met, why = _tie(candidate, draw)
    tie = Condition(
        code=codes.ROUND_TIE_BREAK,
        met=met,
        message=why,
        values={"tie_break": draw.tie_break, "submitted_at": candidate.profile_submitted_at},
    )
    return cutoff, tie


def _tie(candidate: Candidate, draw: Draw) -> tuple[bool | None, str]:
    """The tie-breaking rule: invited if the profile was submitted on or before the round's tie-breaking time."""
    if draw.tie_break is None:
        return None, "IRCC published no tie-breaking time for this round, so a tie cannot be settled"
    submitted = candidate.profile_submitted_at
    if submitted is None:
        return None, "the profile's submission time is unknown, so the tie-breaking rule cannot be applied"
    cutoff_time = draw.tie_break.isoformat()
    if submitted <= draw.tie_break:
        return True, f"the profile was submitted on or before the tie-breaking time {cutoff_time}"
    return False, f"the profile was submitted after the tie-breaking time {cutoff_time}"


def rounds_invited(
    candidate: Candidate, *, since: date, until: date | None = None, rules: RuleSet | str | None = None
) -> tuple[InvitationCheck, ...]:
    """Every round from *since* to *until* (inclusive; default: the latest round) that would have invited *candidate*.

    Rounds before the candidate's 18th year or before their profile could exist are checked like any other: the
    verdict says why not. Undecidable ties (``invited is None``) are not listed. *rules* pins one version for every
    round (see :func:`invitation`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    since = a_date("since", since)
    if until is not None:
        until = a_date("until", until)
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    checks = []
    # Several rounds can share a date: the facts are derived once a day, and only that day's answers are kept (the
    # history is in date order), so that a long replay holds no more objects than one day needs.
    day: date | None = None
    breakdown: ScoreBreakdown | None = None
    programs: ProgramEligibility | None = None
    for draw in history(start=since, end=until):
        if draw.date < candidate.birth_date:
            continue
        if draw.date != day or breakdown is None:
            day, breakdown, programs = draw.date, score(candidate, on=draw.date, rules=rules), None
        # A score below the cut-off fails the round whatever the programs and the category say, so those are
        # checked only for rounds it reaches.
        if breakdown.total < draw.cutoff:
            continue
        if programs is None:
            programs = program_eligibility(candidate, on=draw.date, rules=rules)
        check = _check(candidate, draw, breakdown, rules, programs)
        if check.invited:
            checks.append(check)
    return tuple(checks)
