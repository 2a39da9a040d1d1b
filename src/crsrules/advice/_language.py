"""Language targets: the smallest test scores that reach a threshold that pays, found by inverting the charts.

A version's chart for a test (:class:`crsrules.rules.Chart`) gives, for each ability, the smallest score of each
CLB / NCLC level. Read backwards, it gives the smallest score for a level: a :class:`Ladder`. The search tries each
level from 4 to 10 as a floor (every ability below it raised to it: CLB 4 is the first that earns points and the CRS
tables stop at "10 or more", so every threshold that pays, CLB 5, 7, 8, 9, 10 and the transferability thresholds, is
among them), scores the candidate with the new result on the day it is counted, then lowers each ability one level at
a time while the score holds. What is left is minimal: one level lower in any ability, and so one step lower on the
test's scale, loses points. A floor is kept only if it pays more than every lower floor kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from crsrules.advice._actions import LanguageTarget
from crsrules.advice._context import Proposal
from crsrules.candidate import Candidate, LanguageResult
from crsrules.evidence import rank_key, valid_language_results
from crsrules.language_tests import ABILITIES, LanguageTest, TefScale
from crsrules.model import LanguageLevels, OfficialLanguage

if TYPE_CHECKING:
    from datetime import date

    from crsrules.advice._context import WhatIf
    from crsrules.rules import Chart, Column, RuleSet

__all__ = [
    "Ladder",
    "Target",
    "add_result",
    "add_spouse_result",
    "adding",
    "language_proposals",
    "search",
    "spouse_proposals",
    "target_of",
    "tests_for",
]

#: The floors tried: CLB / NCLC 4, the first level that earns points, to 10, where the CRS tables stop.
FLOORS = tuple(range(4, 11))

Levels = tuple[int, int, int, int]


@frozen
class Ladder:
    """One ability of one test read backwards: each level the chart gives, with the smallest score for it."""

    #: (level, smallest score) pairs, lowest first.
    rungs: tuple[tuple[int, float], ...]

    @classmethod
    def of(cls, column: Column) -> Ladder:
        """The ladder of a chart's column: the level below its first row from the scale's lowest score, then rows."""
        rungs = [(level, minimum) for minimum, level in column.steps]
        if column.steps[0][0] > column.scale.low:
            rungs.insert(0, (column.below, column.scale.low))
        return cls(tuple(rungs))

    def reach(self, level: int) -> tuple[int, float]:
        """The lowest rung at *level* or above (the top rung if none is), as (level, smallest score)."""
        for rung in self.rungs:
            if rung[0] >= level:
                return rung
        return self.rungs[-1]

    def lower(self, level: int) -> int | None:
        """The highest level below *level* that the test can give, or None."""
        below = [lv for lv, _ in self.rungs if lv < level]
        return below[-1] if below else None


def ladders(chart: Chart) -> tuple[Ladder, Ladder, Ladder, Ladder]:
    """The four ladders of *chart*, in the order of :data:`~crsrules.language_tests.ABILITIES`."""
    return Ladder.of(chart.listening), Ladder.of(chart.reading), Ladder.of(chart.writing), Ladder.of(chart.speaking)


@frozen
class Target:
    """A minimal result found: its levels, the result, the changed candidate and its score."""

    levels: Levels
    result: LanguageResult
    candidate: Candidate
    total: int


def search(  # noqa: PLR0913 (the search's inputs, by name)
    what_if: WhatIf,
    *,
    day: date,
    test: LanguageTest,
    tef_scale: TefScale | None,
    add: Callable[[Candidate, LanguageResult], Candidate],
    start: Levels | None,
    floors: Iterable[int | None],
) -> list[Target]:
    """The minimal results of *test* (taken on the day asked about) that raise the score on *day*, one per floor.

    *start* is the levels the candidate has (None: no valid result); a floor of None asks to keep *start* itself
    (a protection). Each target pays more than the ones before it.
    """
    chart = what_if.rules(day).language.chart(test, what_if.on, tef_scale)
    rungs = ladders(chart)
    base = what_if.base(day)
    tried: dict[Levels, Target] = {}

    def attempt(levels: Levels) -> Target:
        if levels not in tried:
            scores = [rung.reach(level)[1] for rung, level in zip(rungs, levels, strict=True)]
            result = LanguageResult(
                test=test, tested_on=what_if.on, tef_scale=tef_scale, **dict(zip(ABILITIES, scores, strict=True))
            )
            changed = add(what_if.candidate, result)
            tried[levels] = Target(levels, result, changed, what_if.total(changed, day))
        return tried[levels]

    found: list[Target] = []
    for floor in floors:
        lowest = floor or 0
        wanted = [lowest] * 4 if start is None else [level if floor is None else max(level, lowest) for level in start]
        levels: Levels = tuple(r.reach(w)[0] for r, w in zip(rungs, wanted, strict=True))  # type: ignore[assignment]
        target = attempt(levels)
        if target.total <= max([base, *(t.total for t in found)]):
            continue
        found.append(_minimal(target, rungs, attempt))
    return _distinct(found)


def _minimal(target: Target, rungs: tuple[Ladder, ...], attempt: Callable[[Levels], Target]) -> Target:
    """*target* with each ability lowered, one level at a time, while the score holds."""
    lowered = True
    while lowered:
        lowered = False
        for i, rung in enumerate(rungs):
            below = rung.lower(target.levels[i])
            if below is None:
                continue
            levels: Levels = (*target.levels[:i], below, *target.levels[i + 1 :])  # type: ignore[assignment]
            trial = attempt(levels)
            if trial.total >= target.total:  # never more: the score only rises with the levels
                target, lowered = trial, True
    return target


def _distinct(found: list[Target]) -> list[Target]:
    """The targets whose score is above every earlier one's (two floors can end at the same minimal levels)."""
    kept: list[Target] = []
    for target in found:
        if all(target.total > k.total for k in kept):
            kept.append(target)
    return kept


def tests_for(
    language: OfficialLanguage | None, taken: Iterable[LanguageResult], rules: RuleSet, on: date
) -> list[LanguageTest]:
    """The tests of *language* (None: of both) accepted for a test taken *on*, those in *taken* first (latest first)."""
    accepted = [t for t in LanguageTest if (language is None or t.language is language)
                and rules.language.accepts(t, on)]  # fmt: skip
    done = [r.test for r in sorted(taken, key=lambda r: r.tested_on, reverse=True)]
    return sorted(accepted, key=lambda t: done.index(t) if t in done else len(done))


def tef_scale_for(test: LanguageTest, taken: Iterable[LanguageResult], rules: RuleSet) -> TefScale | None:
    """TEF Canada: the scale of the candidate's latest TEF result, if named and *rules* read it (else the date's)."""
    if test is not LanguageTest.TEF_CANADA:
        return None
    known = rules.language.tef_charts
    named = [r for r in taken if r.test is test and r.tef_scale is not None and r.tef_scale in known]
    return max(named, key=lambda r: r.tested_on).tef_scale if named else None


def target_of(found: Target, *, spouse: bool) -> LanguageTarget:
    """The public record of a target."""
    r = found.result
    levels = LanguageLevels(language=r.test.language, **dict(zip(ABILITIES, found.levels, strict=True)))
    return LanguageTarget(test=r.test, tef_scale=r.tef_scale, listening=r.listening, reading=r.reading,
                          writing=r.writing, speaking=r.speaking, levels=levels, spouse=spouse)  # fmt: skip


def _levels(levels: LanguageLevels) -> Levels:
    return levels.listening, levels.reading, levels.writing, levels.speaking


def add_result(candidate: Candidate, result: LanguageResult) -> Candidate:
    """*candidate* with one more test result."""
    return attrs.evolve(candidate, language_results=(*candidate.language_results, result))


def add_spouse_result(candidate: Candidate, result: LanguageResult) -> Candidate:
    """*candidate* whose spouse has one more test result."""
    spouse = candidate.spouse
    if spouse is None:  # pragma: no cover (spouse actions are proposed only with a spouse)
        return candidate
    return attrs.evolve(candidate, spouse=attrs.evolve(spouse, language_results=(*spouse.language_results, result)))


def adding(
    result: LanguageResult, add: Callable[[Candidate, LanguageResult], Candidate]
) -> Callable[[Candidate], Candidate]:
    """The change: *result* added by *add*."""
    return lambda candidate: add(candidate, result)


def language_proposals(what_if: WhatIf) -> list[Proposal]:
    """The candidate's own tests, in each official language, on the day asked about."""
    on = what_if.on
    rules = what_if.rules(on)
    candidate = what_if.candidate
    valid = valid_language_results(candidate.language_results, on=on, rules=rules)
    french = rules.additional.french
    proposals = []
    for language in OfficialLanguage:
        counted = valid.get(language)
        start = None if counted is None else _levels(counted.levels)
        floors = [f for f in FLOORS if start is None or f > min(start)]
        below_french_points = (
            french is not None
            and language is OfficialLanguage.FRENCH
            and (start is None or min(start) < french.french_minimum)
        )
        for test in tests_for(language, candidate.language_results, rules, on):
            taken = any(r.test is test for r in candidate.language_results)
            scale = tef_scale_for(test, candidate.language_results, rules)
            named = False  # the first target of the test that reaches the French points is named for them
            for found in search(what_if, day=on, test=test, tef_scale=scale, add=add_result, start=start,
                                floors=floors):  # fmt: skip
                target = target_of(found, spouse=False)
                if (
                    below_french_points
                    and not named
                    and french is not None
                    and min(found.levels) >= french.french_minimum
                ):
                    named = True
                    action = "language.french_skills"
                    what = (
                        f"reach NCLC {french.french_minimum} in all four abilities (the additional points for French)"
                    )
                else:
                    action = "language.retest" if counted is not None else "language.new_test"
                    what = f"reach {target.levels_text()}"
                verb = "Retake" if taken else "Take"
                proposals.append(
                    Proposal(
                        action=action,
                        description=f"{verb} {test.label} and {what}: at least {target.scores_text()}.",
                        change=adding(found.result, add_result),
                        on=on,
                        slot=f"language:{language.value}",
                        language=target,
                    )
                )
    return proposals


def spouse_proposals(what_if: WhatIf) -> list[Proposal]:
    """The accompanying spouse's tests, on the day asked about."""
    candidate = what_if.candidate
    spouse = candidate.spouse
    if spouse is None or not spouse.counts or not candidate.marital_status.has_partner:
        return []
    on = what_if.on
    rules = what_if.rules(on)
    valid = valid_language_results(spouse.language_results, on=on, rules=rules)
    best = max(valid.values(), key=rank_key, default=None)
    proposals = []
    for test in tests_for(None, spouse.language_results, rules, on):
        # The spouse's points come from one result, the best in either language: a target in the language of the
        # best result starts from it, a target in the other language starts from nothing.
        start = None if best is None or best.language is not test.language else _levels(best.levels)
        floors = [f for f in FLOORS if start is None or f > min(start)]
        taken = any(r.test is test for r in spouse.language_results)
        scale = tef_scale_for(test, spouse.language_results, rules)
        for found in search(what_if, day=on, test=test, tef_scale=scale, add=add_spouse_result, start=start,
                            floors=floors):  # fmt: skip
            target = target_of(found, spouse=True)
            verb = "retakes" if taken else "takes"
            proposals.append(
                Proposal(
                    action="document.spouse_language_test",
                    description=f"The spouse {verb} {test.label} and reaches {target.levels_text()}: at least "
                    f"{target.scores_text()}.",
                    change=adding(found.result, add_spouse_result),
                    on=on,
                    slot="spouse_language",
                    language=target,
                )
            )
    return proposals
