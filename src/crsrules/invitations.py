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

Each verdict names the rounds data it was computed from (:attr:`InvitationCheck.data_version`, see
:func:`crsrules.draws.data_version`): the package's, or the user data folder's after an update.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules._api import score
from crsrules._validation import a_date
from crsrules.candidate import Candidate
from crsrules.categories import CategoryNotInForceError, category_eligibility
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
    #: Every reason for the verdict, in words.
    reasons: tuple[str, ...]
    #: The id of the rounds data the round comes from (:attr:`crsrules.draws.DataVersion.id`, such as
    #: ``"package:2026-08-20"``); None for a round that is not in the data in use (made by hand).
    #:
    #: .. versionadded:: 0.2.0
    data_version: str | None = None

    @property
    def margin(self) -> int:
        """The score minus the round's cut-off."""
        return self.score - self.draw.cutoff

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
    on = draw.date
    breakdown = score(candidate, on=on, rules=rules)
    programs = program_eligibility(candidate, on=on, rules=rules)
    conditions_met, reasons, category = _conditions(candidate, draw, breakdown, programs, rules)

    total = breakdown.total
    if total > draw.cutoff:
        score_verdict: bool | None = True
        reasons.append(f"CRS {total} is above the cut-off of {draw.cutoff}")
    elif total < draw.cutoff:
        score_verdict = False
        reasons.append(f"CRS {total} is below the cut-off of {draw.cutoff}")
    else:
        score_verdict, why = _tie(candidate, draw)
        reasons.append(f"CRS {total} equals the cut-off: {why}")
    invited = False if not conditions_met else score_verdict
    if not draw.category_known:
        reasons.append(
            f"the round is for a category crsrules does not know ({draw.round_name!r}), so its condition cannot be "
            "checked: a newer crsrules release may know it"
        )
        if invited:
            invited = None
    return InvitationCheck(
        draw=draw,
        invited=invited,
        score=total,
        breakdown=breakdown,
        programs=programs,
        category=category,
        reasons=tuple(reasons),
        data_version=_data_version_of(draw),
    )


def _data_version_of(draw: Draw) -> str | None:
    """The id of the rounds data in use, if *draw* is one of its rounds; None for a round made by hand."""
    try:
        found = by_number(draw.number)
    except CRSRulesError:
        return None
    return data_version().id if found == draw else None


def _conditions(
    candidate: Candidate,
    draw: Draw,
    breakdown: ScoreBreakdown,
    programs: ProgramEligibility,
    rules: RuleSet | str | None,
) -> tuple[bool, list[str], CategoryEligibility | None]:
    """Whether the candidate meets the round's conditions besides the score, the reasons, and the category check."""
    on = draw.date
    reasons: list[str] = []
    met = True
    submitted = candidate.profile_submitted_at
    if submitted is not None and submitted.date() > on:
        met = False
        reasons.append(f"the profile was submitted on {submitted.date().isoformat()}, after the round")
    if not programs.in_pool:
        met = False
        reasons.append("not eligible for any Express Entry program on the round's date: " + "; ".join(programs.reasons))
    needed = _ROUND_PROGRAM.get(draw.kind)
    if needed is not None and needed not in programs.eligible_programs:
        met = False
        reasons.append(f"the round is for the {needed.title}, which the candidate does not meet")
    nominated = any(line.factor is Factor.PROVINCIAL_NOMINATION for line in breakdown.lines)
    if draw.kind is DrawKind.PNP and not nominated:
        met = False
        reasons.append("the round is for provincial nominees, and the candidate has no nomination on its date")
    category = None
    if draw.kind is DrawKind.CATEGORY and draw.category is not None:
        try:
            category = category_eligibility(candidate, draw.category, on=on, rules=rules)
        except CategoryNotInForceError as error:  # only under a pinned version that does not know the category
            met = False
            reasons.append(f"not eligible for the category {draw.category.value}: {error}")
        else:
            verdict = "eligible" if category.eligible else "not eligible"
            reasons.append(f"{verdict} for the category {draw.category.value}: " + "; ".join(category.reasons))
            met = met and category.eligible
    return met, reasons, category


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
    checks = []
    for draw in history(start=since, end=until):
        if draw.date < candidate.birth_date:
            continue
        check = invitation(candidate, draw, rules=rules)
        if check.invited:
            checks.append(check)
    return tuple(checks)
