"""The faster candidate paths (issue 11, item 6) against today's, kept as oracles in crsrules.testing._today."""

import pickle
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules.derive import derive
from crsrules.invitations import rounds_invited
from crsrules.testing._today import derive_today, rounds_invited_today, score_today
from crsrules.testing.strategies import candidates

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "candidates").glob("*.json"))
DAYS = st.dates(date(2015, 1, 1), date(2026, 6, 30))


@given(candidates(on=date(2024, 6, 1)), DAYS)
def test_score_of_a_candidate_is_todays(candidate, on):
    if on < candidate.birth_date:
        return
    new, old = crsrules.score(candidate, on=on), score_today(candidate, on=on)
    assert new == old
    assert new.lines == old.lines
    evidence, today = derive(candidate, on=on).evidence, derive_today(candidate, on=on).evidence
    assert dict(evidence) == dict(today)  # the same words
    assert list(evidence) == [f for f in crsrules.Factor if f in evidence]  # in the order of the grid


@given(candidates(on=date(2023, 1, 1)), st.dates(date(2015, 1, 1), date(2025, 6, 30)))
def test_rounds_invited_is_todays(candidate, since):
    until = since + timedelta(days=540)
    assert rounds_invited(candidate, since=since, until=until) == rounds_invited_today(
        candidate, since=since, until=until
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rounds_invited_is_todays_for_the_examples(path):
    candidate = crsrules.load_candidate(path.read_text())
    new = rounds_invited(candidate, since=date(2015, 1, 1))
    assert new == rounds_invited_today(candidate, since=date(2015, 1, 1))
    pinned = rounds_invited(candidate, since=date(2023, 1, 1), rules="2025-03-25")
    assert pinned == rounds_invited_today(candidate, since=date(2023, 1, 1), rules="2025-03-25")


def test_some_example_is_invited():
    # The agreement above means something only if some rounds are returned.
    invited = [rounds_invited(crsrules.load_candidate(p.read_text()), since=date(2015, 1, 1)) for p in EXAMPLES]
    assert any(invited)


def test_evidence_is_a_read_only_mapping_that_pickles_and_compares():
    candidate = crsrules.load_candidate(EXAMPLES[0].read_text())
    evidence = derive(candidate, on=date(2025, 6, 1)).evidence
    today = derive_today(candidate, on=date(2025, 6, 1)).evidence
    assert evidence == today
    assert today == evidence
    assert repr(evidence) == repr({factor: today[factor] for factor in evidence})  # a dict's, in the grid's order
    assert pickle.loads(pickle.dumps(evidence)) == today  # noqa: S301 (our own bytes)
    assert crsrules.Factor.AGE in evidence
    assert len(evidence) == len(today)
