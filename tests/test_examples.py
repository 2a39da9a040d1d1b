"""The examples run, and every example factors or candidate file loads and scores."""

import json
import runpy
import warnings
from datetime import date
from pathlib import Path

import pytest

import crsrules
from crsrules.io import dump_candidate, load_candidate, load_factors

EXAMPLES = Path(__file__).parents[1] / "examples"
CANDIDATES = sorted((EXAMPLES / "candidates").glob("*.json"))


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_example_scripts_run(script, capsys):
    """Each example script runs to the end and prints something."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out


@pytest.mark.parametrize("path", sorted((EXAMPLES / "factors").glob("*.json")), ids=lambda p: p.name)
def test_example_factors_files_load_and_score(path):
    """Each example factors file is valid and scores under every ruleset."""
    factors = load_factors(read(path))
    for ruleset in crsrules.available_rulesets():
        assert crsrules.score(factors, rules=ruleset).total > 0


def test_the_five_candidate_examples_are_there():
    """The issue asks for five candidate files, one per kind of candidate."""
    assert {
        "stem-developer-abroad.json",
        "healthcare-worker-in-canada-with-spouse.json",
        "french-speaking-bilingual.json",
        "trades-worker-with-certificate.json",
        "provincial-nominee.json",
    } <= {p.name for p in CANDIDATES}


@pytest.mark.parametrize("path", CANDIDATES, ids=lambda p: p.name)
def test_example_candidate_files_load_score_and_round_trip(path):
    """Each example candidate file loads, scores on 2026-03-01 with evidence, and survives dump then load."""
    candidate = load_candidate(read(path))
    breakdown = crsrules.score(candidate, on=date(2026, 3, 1))
    assert breakdown.total > 0
    assert "2026-02-18" == breakdown.rules_id
    assert all(line.evidence for line in breakdown.lines)
    assert candidate == load_candidate(dump_candidate(candidate))
    assert candidate == load_candidate(json.loads(json.dumps(dump_candidate(candidate))))


def test_most_example_candidates_have_a_timeline():
    """At least three example candidates' scores change between 2026-01-01 and 2027-06-30."""
    moving = []
    for path in CANDIDATES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
            changes = crsrules.timeline(load_candidate(read(path)), date(2026, 1, 1), date(2027, 6, 30))
        if changes:
            moving.append(path.name)
    assert len(moving) >= 3, moving
