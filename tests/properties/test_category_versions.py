"""Between consecutive rulesets, category answers change only for the categories the newer one declares."""

from datetime import date
from itertools import pairwise

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules import eligible_categories
from crsrules.rules import LAST_KNOWN_DATE
from crsrules.testing.strategies import candidates

RULESETS = crsrules.available_rulesets()
# The pairs where categories exist on at least one side (before 2023-05-31 there are none to compare).
PAIRS = [(before, after) for before, after in pairwise(RULESETS) if before.categories or after.categories]
LISTED = sorted({code for r in RULESETS for terms in r.categories.values() for code in terms.occupations})
DAYS = st.dates(date(2022, 6, 1), LAST_KNOWN_DATE)


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, crsrules.Candidate]:
    """A day and a random candidate whose facts are drawn around it, some of whose jobs are in listed occupations."""
    on = draw(DAYS)
    candidate = draw(candidates(on=on))
    codes = draw(st.lists(st.sampled_from(LISTED), max_size=len(candidate.jobs), unique=True))
    jobs = tuple(attrs.evolve(job, noc=code) for job, code in zip(candidate.jobs, codes, strict=False))
    return on, attrs.evolve(candidate, jobs=jobs + candidate.jobs[len(jobs) :])


def answers(candidate: crsrules.Candidate, on: date, rules: crsrules.RuleSet) -> dict[crsrules.Category, object]:
    return {a.category: a for a in eligible_categories(candidate, on=on, rules=rules)}


@pytest.mark.parametrize(("before", "after"), PAIRS, ids=[after.id for _, after in PAIRS])
@given(case=cases())
def test_only_declared_categories_change_between_consecutive_rulesets(before, after, case):
    """With the facts taken on one day, the newer ruleset changes only the answers of the categories it declares."""
    on, candidate = case
    old, new = answers(candidate, on, before), answers(candidate, on, after)
    moved = {c for c in old.keys() | new.keys() if old.get(c) != new.get(c)}
    assert moved <= after.category_changes


def test_every_ruleset_with_categories_is_compared():
    """The pairs cover every ruleset from the first with categories, including those that change the CRS only."""
    assert [after.id for _, after in PAIRS] == [r.id for r in RULESETS if r.effective >= date(2023, 5, 31)]
