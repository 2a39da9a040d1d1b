"""Properties of crsrules.improvements and crsrules.outlook on random candidates (issue 12, "Properties that keep it
honest"): every improvement is exact, gains, asks nothing impossible, and its language targets are minimal; the
outlook agrees with rounds_invited.

Each example scores a few hundred what-ifs, so the examples are limited below the CI profile's: each test takes
ten seconds or less.
"""

import math
import warnings
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import crsrules
from crsrules import Candidate, LanguageResult, rounds_invited
from crsrules.advice import ACTIONS, COMBINATION, improvements, outlook
from crsrules.language import levels, score_range, tef_scale_on
from crsrules.language_tests import ABILITIES, LanguageTest
from crsrules.model import MAX_CLB
from crsrules.rules import get_rules, rules_in_force
from crsrules.testing.strategies import candidates

ON = date(2026, 1, 1)  # the strategies' day: facts are drawn up to it
FEW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.filterwarnings("ignore::crsrules.StaleRulesWarning")


# --- helpers ---------------------------------------------------------------------------------------------------------


def _dates(value):
    """Every date in a fact (an attrs object, a tuple of them, a date) but a birth date (a sibling's is in the past)."""
    if isinstance(value, date):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _dates(item)
    elif attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            if a.name != "birth_date":
                yield from _dates(getattr(value, a.name))


def _new_dates(before, after):
    """The dates of *after* that are not those of *before*: those of the new or changed facts (birth dates aside)."""
    if before == after:
        return
    if isinstance(after, date):
        yield after
    elif isinstance(after, tuple):
        for i, item in enumerate(after):
            if i < len(before):
                yield from _new_dates(before[i], item)
            else:
                yield from _dates(item)
    elif attrs.has(type(after)):
        if before is None:
            yield from _dates(after)
            return
        for a in attrs.fields(type(after)):
            if a.name != "birth_date":
                yield from _new_dates(getattr(before, a.name), getattr(after, a.name))


def _new_results(before: Candidate, after: Candidate) -> list[LanguageResult]:
    """The test results *after* has and *before* has not, the candidate's and the spouse's."""
    found = [r for r in after.language_results if r not in before.language_results]
    if after.spouse is not None and before.spouse is not None:
        found += [r for r in after.spouse.language_results if r not in before.spouse.language_results]
    return found


def _replace_result(candidate: Candidate, old: LanguageResult, new: LanguageResult) -> Candidate:
    if old in candidate.language_results:
        results = tuple(new if r == old else r for r in candidate.language_results)
        return attrs.evolve(candidate, language_results=results)
    spouse = candidate.spouse
    results = tuple(new if r == old else r for r in spouse.language_results)
    return attrs.evolve(candidate, spouse=attrs.evolve(spouse, language_results=results))


def _score(candidate, on, rules):
    return crsrules.score(candidate, on=on, rules=rules).total


def _check(candidate, found, on, rules=None):  # noqa: C901 (one check per property of the issue)
    pinned = None if rules is None else get_rules(rules)
    for i in found:
        # Exact and gaining, counted no earlier than the day asked about.
        assert i.on >= on
        assert i.total == _score(i.candidate, i.on, pinned)
        assert i.gain == i.total - _score(candidate, i.on, pinned) > 0
        assert i.rules_id == (pinned or rules_in_force(i.on)).id
        assert i.action == COMBINATION or ACTIONS[i.action].kind is i.kind
        # No impossible ask: no fact dated before the day asked about ...
        assert all(d >= on for d in _new_dates(candidate, i.candidate)), i.description
        # ... no score off its test's scale, no level above CLB 12 ...
        for result in _new_results(candidate, i.candidate):
            scale = result.tef_scale or (tef_scale_on(result.tested_on) if result.test is LanguageTest.TEF_CANADA
                                         else None)  # fmt: skip
            for ability in ABILITIES:
                low, high, step = score_range(result.test, ability, tef_scale=scale)
                value = getattr(result, ability)
                assert low <= value <= high
                assert (value - low) % step == 0
            converted = levels(result)
            assert max(converted.listening, converted.reading, converted.writing, converted.speaking) <= MAX_CLB
        # ... no education level below the current one, the candidate's or the spouse's ...
        now = crsrules.factors(candidate, on=i.on, rules=pinned)
        then = crsrules.factors(i.candidate, on=i.on, rules=pinned)
        assert then.education.rank >= now.education.rank
        if now.spouse is not None and then.spouse is not None:
            assert then.spouse.education.rank >= now.spouse.education.rank
        # ... and nothing the rules in force do not reward.
        ruleset = pinned or rules_in_force(i.on)
        if i.action == "life.job_offer":
            assert max(ruleset.additional.arranged_employment.rows.values()) > 0
        if i.action == "life.sibling_in_canada":
            assert ruleset.additional.sibling_in_canada > 0
        if i.action == "language.french_skills":
            assert ruleset.additional.french is not None
        # Combinations are real, not summed: each gains more than either part.
        if i.parts:
            assert i.gain > max(p.gain for p in i.parts)
        # Language targets are minimal: one step lower on the test's scale in any ability loses points.
        if i.language is not None:
            (result,) = _new_results(candidate, i.candidate)
            scale = result.tef_scale or (tef_scale_on(result.tested_on) if result.test is LanguageTest.TEF_CANADA
                                         else None)  # fmt: skip
            for ability in ABILITIES:
                low, _, step = score_range(result.test, ability, tef_scale=scale)
                value = getattr(result, ability)
                if value - step < low:
                    continue
                lowered = attrs.evolve(result, **{ability: value - step})
                assert _score(_replace_result(i.candidate, result, lowered), i.on, pinned) < i.total, (
                    i.description,
                    ability,
                )


# --- improvements ----------------------------------------------------------------------------------------------------


@FEW
@given(candidate=candidates())
def test_every_improvement_is_exact_gains_and_asks_nothing_impossible(candidate):
    """Each improvement's total is its candidate's score on its day, its gain the real one, its targets minimal."""
    found = improvements(candidate, on=ON)
    _check(candidate, found, ON)
    assert [i.gain for i in found] == sorted((i.gain for i in found), reverse=True)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidate=candidates(), data=st.data())
def test_combinations_of_two_are_real_gains(candidate, data):
    """With pairs, each combination's gain is the real one, and the list is still ranked by gain."""
    found = improvements(candidate, on=ON, pairs=True)
    pairs = [i for i in found if i.parts]
    if pairs:
        chosen = data.draw(st.sampled_from(pairs))
        _check(candidate, [chosen], ON)
        first, second = chosen.parts
        assert chosen.gain > max(first.gain, second.gain)


DAYS = [date(2016, 6, 1), date(2018, 3, 1), date(2020, 1, 15), date(2023, 8, 1), date(2024, 6, 1), date(2025, 3, 1)]


@FEW
@given(data=st.data())
def test_improvements_under_every_version_reward_only_what_it_rewards(data):
    """On other days, and under a pinned version, every improvement is exact and rewarded by the rules applied."""
    day = data.draw(st.sampled_from(DAYS))
    candidate = data.draw(candidates(on=day))
    rules = data.draw(st.none() | st.sampled_from([r for r in crsrules.available_rulesets() if r.effective <= day]))
    found = improvements(candidate, on=day, rules=rules)
    _check(candidate, found, day, rules)


def test_no_job_offer_points_from_2025_03_25():
    """A candidate with a skilled job gets a job-offer improvement under 2024 rules, and none from 2025-03-25."""
    from crsrules import Job

    worker = Candidate(birth_date=date(1990, 1, 1), jobs=(Job(noc="21231", in_canada=True, start=date(2020, 1, 1)),))
    before = [i for i in improvements(worker, on=date(2025, 3, 24)) if i.action == "life.job_offer"]
    after = [i for i in improvements(worker, on=date(2025, 3, 25)) if i.action == "life.job_offer"]
    assert [50] == [i.gain for i in before]
    assert [] == after


# --- outlook ---------------------------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidate=candidates(), window=st.integers(30, 365))
def test_outlook_agrees_with_rounds_invited(candidate, window):
    """The rounds an outlook counts as invitations are exactly those rounds_invited lists, group by group."""
    on = date(2026, 8, 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        seen = outlook(candidate, on=on, window_days=window)
        invited = {c.draw.number for c in rounds_invited(candidate, since=seen.start, until=on)}
    assert seen.start == on - timedelta(days=window)
    assert invited == {n for g in seen.groups for n in g.invited_rounds}
    assert len(crsrules.draws.history(start=seen.start, end=on)) == seen.rounds
    for group in seen.groups:
        assert group.invited == len(group.invited_rounds) == sum(1 for c in group.checks if c.invited)
        assert group.rounds == len(group.checks)
        cutoffs = sorted(c.draw.cutoff for c in group.checks)
        assert (group.lowest_cutoff, group.highest_cutoff) == (cutoffs[0], cutoffs[-1])
        if group.needed is not None:
            # Above the cut-off of at least half the rounds (and of every round the candidate was invited to ...
            # unless invited at or below it, which a tie allows).
            assert sum(1 for c in cutoffs if c < group.needed) >= math.ceil(group.rounds / 2)
            assert group.conditions_met >= math.ceil(group.rounds / 2)
        else:
            assert group.conditions_met < math.ceil(group.rounds / 2)
