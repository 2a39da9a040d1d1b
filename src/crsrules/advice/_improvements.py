"""The ranked list of improvements, and the combinations of two actions with their real gain."""

from __future__ import annotations

import warnings
from itertools import combinations
from typing import TYPE_CHECKING

from crsrules._validation import LATEST_DATE, a_date
from crsrules.advice._actions import COMBINATION, ActionKind, Improvement
from crsrules.advice._context import WhatIf
from crsrules.advice._documents import document_proposals
from crsrules.advice._language import language_proposals, spouse_proposals
from crsrules.advice._life import life_proposals
from crsrules.advice._protect import protect_proposals
from crsrules.candidate import Candidate
from crsrules.errors import InvalidValueError, StaleRulesWarning
from crsrules.evidence import anniversary
from crsrules.rules import LAST_KNOWN_DATE, get_rules, warn_stale

if TYPE_CHECKING:
    from datetime import date

    from crsrules.advice._context import Proposal
    from crsrules.rules import RuleSet

__all__ = ["improvements"]

# Within one gain, the steps in the candidate's hands come first, life events last.
_KIND_ORDER = {kind: i for i, kind in enumerate(ActionKind)}


def improvements(
    candidate: Candidate, *, on: date, rules: RuleSet | str | None = None, pairs: bool = False
) -> list[Improvement]:
    """The actions that would raise *candidate*'s CRS score, most points first, each with its real gain.

    Every action is computed from the candidate's own facts and the rules applied, and kept only if it gains points:

    - language (:attr:`~crsrules.ActionKind.RETEST`): for each test of each official language accepted for a
      test taken *on*, the smallest score in each ability that reaches each threshold that pays (CLB / NCLC 4 to
      10, with the transferability, second-language, French and certificate thresholds among them), found by
      inverting the test's chart; one step lower in any ability loses points;
    - documents: an ECA for a foreign credential without a valid one, a second credential that makes "two or more",
      the spouse's ECA or language test, a certificate of qualification for a job in a trade;
    - protections: for a test result or an ECA that stops counting within a year of *on*, the same document renewed
      on *on*, counted on the day the old one stops counting;
    - life events the rules reward, marked as such: a provincial nomination, Canadian education, a sibling in Canada,
      a job offer (only where the rules give it points).

    ``improvement.total`` is ``score(improvement.candidate, on=improvement.on).total`` (with *rules* if pinned), and
    ``improvement.gain`` is that minus the unchanged candidate's score on the same day. Every new fact is dated *on*.
    See :doc:`/explanation/improvements` for how each action is found.

    Args:
        candidate: The facts.
        on: The day asked about: facts are taken on it and every action is taken on it.
        rules: A version (or its id) to apply on every day instead of the one in force.
        pairs: Also list every combination of two actions in the candidate's hands (language tests and documents,
            counted on *on*) that gains more than either alone, with its real gain (caps and transferability pairs
            make it differ from the sum). The best of up to two such actions is then the first test, document or
            combination of the list.

    Returns:
        The improvements, most points first; within one gain, retests, then documents, protections and life events.

    Raises:
        InvalidValueError: *candidate* is not a Candidate, or *on* is not a date (or before the birth date).
        RulesNotInForceError: *on* is before 2015-01-01 and no *rules* were given.
        UnknownRulesetError: *rules* is not the id of a ruleset.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate, Credential, Education, LanguageResult, LanguageTest
        >>> someone = Candidate(
        ...     birth_date=date(1995, 1, 1),
        ...     credentials=(Credential(level=Education.BACHELORS, completed_on=date(2018, 6, 1),
        ...                             eca_issued_on=date(2024, 5, 1)),),
        ...     language_results=(LanguageResult(test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 6, 1),
        ...                                      listening=7.5, reading=6.5, writing=6.5, speaking=6.5),),
        ... )
        >>> found = improvements(someone, on=date(2026, 3, 1))
        >>> found[0].action, found[0].gain, found[0].kind.label
        ('life.provincial_nomination', 600, 'life event')
        >>> ielts = [i for i in found if i.language and i.language.test is LanguageTest.IELTS_GENERAL]
        >>> for i in ielts:
        ...     print(f"{i.gain:+d}", i.language.levels_text(), "at least", i.language.scores_text())
        +56 CLB 10/10/10/10 at least listening 8.5, reading 8.0, writing 7.5, speaking 7.5
        +44 CLB 9/9/9/9 at least listening 8.0, reading 7.0, writing 7.0, speaking 7.0

    .. versionadded:: 0.2.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    on = a_date("on", on)
    if pairs is not True and pairs is not False:
        raise InvalidValueError("pairs", pairs, "True or False")
    pinned = None if rules is None else get_rules(rules)
    what_if = WhatIf(candidate, on, pinned)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)  # one warning for the whole call, below
        what_if.base(on)  # the candidate and the date are checked before anything is tried
        proposals = [
            *language_proposals(what_if),
            *spouse_proposals(what_if),
            *document_proposals(what_if),
            *protect_proposals(what_if, until=min(anniversary(on, 1), LATEST_DATE)),
            *life_proposals(what_if),
        ]
        found = [(p, i) for p in proposals if (i := what_if.improvement(p)) is not None]
        result = [i for _, i in found]
        if pairs:
            result += _pairs(what_if, found)
    if pinned is None and what_if.latest > LAST_KNOWN_DATE:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; the improvements counted "
            f"up to {what_if.latest.isoformat()} apply the latest ruleset, but IRCC may have changed the rules since"
        )
    return sorted(result, key=lambda i: (-i.gain, _KIND_ORDER[i.kind], bool(i.parts)))


def _pairs(what_if: WhatIf, found: list[tuple[Proposal, Improvement]]) -> list[Improvement]:
    """The combinations of two actions that gain more together than either alone."""
    on = what_if.on
    candidates: list[tuple[Proposal, Improvement]] = []
    seen: set[tuple[object, ...]] = set()
    for proposal, improvement in sorted(found, key=lambda pair: -pair[1].gain):
        if proposal.slot is None or improvement.on != on or improvement.is_life_event:
            continue
        # One test stands for the others that give the same levels and points (the first: the candidate's own test).
        target = improvement.language
        levels = None if target is None else (target.levels.listening, target.levels.reading, target.levels.writing,
                                              target.levels.speaking)  # fmt: skip
        key = (proposal.slot, proposal.action, improvement.gain, levels)
        if key not in seen:
            seen.add(key)
            candidates.append((proposal, improvement))
    base = what_if.base(on)
    combined = []
    for (first_proposal, first), (second_proposal, second) in combinations(candidates, 2):
        if first_proposal.slot == second_proposal.slot:
            continue
        changed = second_proposal.change(first_proposal.change(what_if.candidate))
        total = what_if.total(changed, on)
        if total - base <= max(first.gain, second.gain):
            continue
        combined.append(
            Improvement(
                action=COMBINATION,
                kind=first.kind,
                description=f"Both: {first.description} And: {second.description}",
                candidate=changed,
                on=on,
                total=total,
                gain=total - base,
                rules_id=first.rules_id,
                categories=what_if.new_categories(changed, on),
                parts=(first, second),
            )
        )
    return combined
