"""What-ifs: one candidate, the day asked about and the rules, and the scores of changed candidates.

Every action module proposes a change of the candidate's facts (:class:`Proposal`); :class:`WhatIf` scores it on the
day it is counted, exactly as :func:`crsrules.score` would (the facts derived on that day, the version in force that
day or the one pinned), and keeps it only if it gains points.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from attrs import frozen

from crsrules.advice._actions import ACTIONS, Improvement, LanguageTarget
from crsrules.categories import eligible_categories
from crsrules.derive import derive
from crsrules.headings import Category
from crsrules.rules import rules_in_force
from crsrules.scoring import scorer

if TYPE_CHECKING:
    from datetime import date

    from crsrules.candidate import Candidate
    from crsrules.rules import RuleSet

__all__ = ["Change", "Proposal", "WhatIf"]

#: A change of a candidate's facts: the action, applicable to the candidate or to one already changed.
Change = Callable[["Candidate"], "Candidate"]


@frozen(kw_only=True)
class Proposal:
    """An action to try: its code, its words, the change of facts and the day it is counted."""

    action: str
    description: str
    change: Change
    on: date
    #: What the action changes, so that two actions on the same thing are never combined; None: never combined.
    slot: str | None
    language: LanguageTarget | None = None


class WhatIf:
    """The candidate, the day asked about and the version pinned (or None), with the scores computed so far."""

    def __init__(self, candidate: Candidate, on: date, rules: RuleSet | None) -> None:
        self.candidate = candidate
        self.on = on
        self.pinned = rules
        self._base: dict[date, int] = {}
        self._categories: dict[date, frozenset[Category]] = {}
        #: The latest day anything was counted on (for the one stale-rules warning).
        self.latest = on

    def rules(self, day: date) -> RuleSet:
        """The version applied on *day*: the one pinned, or the one in force."""
        return self.pinned if self.pinned is not None else rules_in_force(day)

    def total(self, candidate: Candidate, day: date) -> int:
        """The score of *candidate* on *day*: ``crsrules.total(candidate, on=day, rules=pinned)``."""
        self.latest = max(self.latest, day)
        derivation = derive(candidate, on=day, rules=self.pinned)
        return scorer(derivation.rules).total(derivation.factors)

    def base(self, day: date) -> int:
        """The score of the unchanged candidate on *day*."""
        if day not in self._base:
            self._base[day] = self.total(self.candidate, day)
        return self._base[day]

    def categories(self, candidate: Candidate, day: date) -> frozenset[Category]:
        """The categories *candidate* is eligible for on *day*."""
        answers = eligible_categories(candidate, on=day, rules=self.pinned)
        return frozenset(a.category for a in answers if a.eligible)

    def new_categories(self, candidate: Candidate, day: date) -> tuple[Category, ...]:
        """The categories *candidate* is eligible for on *day* and the unchanged candidate is not."""
        if day not in self._categories:
            self._categories[day] = self.categories(self.candidate, day)
        new = self.categories(candidate, day) - self._categories[day]
        return tuple(c for c in Category if c in new)

    def improvement(self, proposal: Proposal) -> Improvement | None:
        """The improvement *proposal* makes, or None if it gains nothing."""
        changed = proposal.change(self.candidate)
        return self.scored(proposal, changed, self.total(changed, proposal.on))

    def scored(self, proposal: Proposal, changed: Candidate, total: int) -> Improvement | None:
        """The improvement of *proposal*, already applied and scored, or None if it gains nothing."""
        day = proposal.on
        gain = total - self.base(day)
        if gain <= 0:
            return None
        return Improvement(
            action=proposal.action,
            kind=ACTIONS[proposal.action].kind,
            description=proposal.description,
            candidate=changed,
            on=day,
            total=total,
            gain=gain,
            rules_id=self.rules(day).id,
            categories=self.new_categories(changed, day),
            language=proposal.language,
        )
