"""The rounds of a recent window replayed for a candidate: history, not a forecast.

:func:`outlook` groups the rounds held in the window by type of round (and category), and for each group gives the
number of rounds, the lowest, median and highest cut-off, the rounds that would have invited the candidate (by
:func:`crsrules.invitation`: the candidate's facts on each round's date, the round's program and category
conditions, the score against the cut-off and the tie-break) and the score that would have been above the cut-off of
at least half of them.
"""

from __future__ import annotations

import math
import statistics
import warnings
from datetime import date, timedelta
from typing import Final

import attrs
from attrs import field, frozen

from crsrules._api import total
from crsrules._validation import a_date
from crsrules.candidate import Candidate
from crsrules.draws import Draw, DrawKind, data_version, history
from crsrules.errors import InvalidValueError, StaleRulesWarning
from crsrules.headings import Category
from crsrules.invitations import InvitationCheck, invitation
from crsrules.rules import LAST_KNOWN_DATE, rules_in_force, warn_stale

__all__ = ["HISTORY_NOTE", "Outlook", "RoundGroup", "outlook"]

#: What an outlook is, and is not: every outlook carries it (:attr:`Outlook.note`).
HISTORY_NOTE: Final = (
    "History, not a forecast: the rounds already held, replayed for the candidate's facts on each round's date. "
    "Future rounds may differ in number, size, category and cut-off."
)

# The longest window looked at: 20 years cover every round since 2015.
_MAX_WINDOW_DAYS = 366 * 20


@frozen(kw_only=True)
class RoundGroup:
    """The rounds of one type (and category) in the window, and how the candidate would have fared in them.

    .. versionadded:: 0.2.0
    """

    #: The kind of round.
    kind: DrawKind
    #: The category of category rounds (None for program rounds, and for rounds of a category crsrules does not know).
    category: Category | None
    #: The group's name, such as ``"Canadian Experience Class"`` or ``"STEM occupations"``.
    label: str
    #: The number of rounds.
    rounds: int
    #: The lowest cut-off.
    lowest_cutoff: int
    #: The median cut-off (the mean of the middle two for an even number of rounds).
    median_cutoff: float
    #: The highest cut-off.
    highest_cutoff: int
    #: The rounds that would have invited the candidate.
    invited: int
    #: The rounds whose verdict is unknown: a tie at the cut-off with no tie-breaking time, or a category crsrules
    #: does not know.
    undecided: int
    #: The rounds whose conditions other than the score (being in the pool, the program, the nomination, the
    #: category) the candidate met on the round's date.
    conditions_met: int
    #: The lowest score above the cut-off of at least half the rounds, counting only the rounds whose other
    #: conditions the candidate met (a score equal to a cut-off is invited only by the tie-break); None when the
    #: candidate met the other conditions of fewer than half.
    needed: int | None
    #: The numbers of the rounds that would have invited the candidate.
    invited_rounds: tuple[str, ...]
    #: The verdict of each round, oldest first.
    checks: tuple[InvitationCheck, ...] = field(repr=False, eq=False)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form (without the checks)."""
        return {
            "kind": self.kind.value,
            "category": None if self.category is None else self.category.value,
            "label": self.label,
            "rounds": self.rounds,
            "lowest_cutoff": self.lowest_cutoff,
            "median_cutoff": self.median_cutoff,
            "highest_cutoff": self.highest_cutoff,
            "invited": self.invited,
            "undecided": self.undecided,
            "conditions_met": self.conditions_met,
            "needed": self.needed,
            "invited_rounds": list(self.invited_rounds),
        }


@frozen(kw_only=True)
class Outlook:
    """The rounds of a window replayed for a candidate, by type of round: history, not a forecast.

    .. versionadded:: 0.2.0
    """

    #: The last day of the window: the day asked about.
    on: date
    #: The first day of the window.
    start: date
    #: The candidate's score on :attr:`on`, under the version in force that day.
    score: int
    #: That version.
    rules_id: str
    #: The groups, in :class:`~crsrules.draws.DrawKind` order, then :class:`~crsrules.Category` order.
    groups: tuple[RoundGroup, ...]
    #: The id of the rounds data replayed (:func:`crsrules.draws.data_version`).
    data_version: str
    #: What an outlook is and is not (:data:`crsrules.advice.HISTORY_NOTE`).
    note: str = HISTORY_NOTE

    @property
    def rounds(self) -> int:
        """The number of rounds in the window."""
        return sum(g.rounds for g in self.groups)

    @property
    def invited(self) -> int:
        """The number of rounds that would have invited the candidate."""
        return sum(g.invited for g in self.groups)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "on": self.on.isoformat(),
            "start": self.start.isoformat(),
            "score": self.score,
            "rules_id": self.rules_id,
            "rounds": self.rounds,
            "invited": self.invited,
            "groups": [g.as_dict() for g in self.groups],
            "data_version": self.data_version,
            "note": self.note,
        }


def outlook(candidate: Candidate, *, on: date, window_days: int = 365) -> Outlook:
    """The rounds held in the *window_days* days up to *on*, replayed for *candidate*: history, not a forecast.

    Each round is checked by :func:`crsrules.invitation` (the candidate's facts on the round's date, the version in
    force then, the round's program and category conditions, the cut-off and the tie-break); a group's
    :attr:`~crsrules.advice.RoundGroup.invited_rounds` are exactly the rounds of the group that
    :func:`crsrules.rounds_invited` lists. Rounds before the candidate's birth are left out.

    Args:
        candidate: The facts.
        on: The last day of the window, such as today.
        window_days: The length of the window: the rounds from *on* minus *window_days* days to *on*, both included.

    Raises:
        InvalidValueError: *candidate* is not a Candidate, *on* not a date, or *window_days* not a whole number of
            days from 1 to 7320.
        RulesNotInForceError: *on* is before 2015-01-01.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate
        >>> seen = outlook(Candidate(birth_date=date(1990, 1, 1)), on=date(2026, 8, 20))
        >>> seen.rounds, seen.invited, seen.groups[0].label
        (75, 0, 'Canadian Experience Class')
        >>> seen.note.startswith("History, not a forecast")
        True

    .. versionadded:: 0.2.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    on = a_date("on", on)
    if type(window_days) is not int or not 1 <= window_days <= _MAX_WINDOW_DAYS:
        raise InvalidValueError("window_days", window_days, f"a whole number of days from 1 to {_MAX_WINDOW_DAYS}")
    start = max(on - timedelta(days=window_days), date(2015, 1, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)  # one warning for the whole call, below
        score = total(candidate, on=on)
        rules_id = rules_in_force(on).id
        checks = [invitation(candidate, d) for d in history(start=start, end=on) if d.date >= candidate.birth_date]
        groups: dict[tuple[int, int], list[tuple[InvitationCheck, bool | None]]] = {}
        for check in checks:
            groups.setdefault(_order(check.draw), []).append((check, _conditions_met(candidate, check)))
    if on > LAST_KNOWN_DATE:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; the score of "
            f"{on.isoformat()} applies the latest ruleset, but IRCC may have changed the rules since"
        )
    return Outlook(
        on=on,
        start=start,
        score=score,
        rules_id=rules_id,
        groups=tuple(_group(groups[key]) for key in sorted(groups)),
        data_version=data_version().id,
    )


def _order(draw: Draw) -> tuple[int, int]:
    """The key of a round's group: its kind, then its category (rounds of an unknown category last)."""
    categories = list(Category)
    category = len(categories) if draw.category is None else categories.index(draw.category)
    return list(DrawKind).index(draw.kind), category


def _conditions_met(candidate: Candidate, check: InvitationCheck) -> bool | None:
    """Whether the candidate met the round's conditions other than the score; None when that cannot be told.

    The verdict says it when it is not about the score (invited, or not invited with a score above the cut-off);
    otherwise the same round is replayed with a cut-off of 0, which invites everyone who meets its other conditions.
    """
    draw = check.draw
    if not draw.category_known or check.score == 0:
        return None
    if check.invited is not False:  # invited, or a tie that cannot be settled: the conditions were met
        return True
    if check.score > draw.cutoff:
        return False
    return invitation(candidate, attrs.evolve(draw, cutoff=0)).invited


def _group(members: list[tuple[InvitationCheck, bool | None]]) -> RoundGroup:
    draw = members[0][0].draw
    if draw.category is not None:
        label = draw.category.title
    elif draw.kind is DrawKind.CATEGORY:
        label = "Categories crsrules does not know"
    else:
        label = draw.kind.label
    cutoffs = [check.draw.cutoff for check, _ in members]
    met = sorted(check.draw.cutoff for check, conditions in members if conditions)
    half = math.ceil(len(members) / 2)
    return RoundGroup(
        kind=draw.kind,
        category=draw.category,
        label=label,
        rounds=len(members),
        lowest_cutoff=min(cutoffs),
        median_cutoff=float(statistics.median(cutoffs)),
        highest_cutoff=max(cutoffs),
        invited=sum(1 for check, _ in members if check.invited),
        undecided=sum(1 for check, _ in members if check.invited is None),
        conditions_met=len(met),
        needed=met[half - 1] + 1 if len(met) >= half else None,
        invited_rounds=tuple(check.draw.number for check, _ in members if check.invited),
        checks=tuple(check for check, _ in members),
    )
