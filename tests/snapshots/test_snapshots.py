"""Published rulesets never change silently: a fixed corpus scores exactly as its committed snapshot says.

A failure here means a score moved under a published ruleset. If that is a deliberate correction, list it in
CHANGELOG.md under "Corrections to published rules" and regenerate with ``python scripts/generate_snapshots.py``.
"""

import importlib.util
import json
from pathlib import Path

import pytest

import crsrules
from crsrules.io import load_candidate, load_factors

HERE = Path(__file__).parent
CORPUS = [load_factors(data) for data in json.loads((HERE / "corpus.json").read_text(encoding="utf-8"))]
_SCRIPT = HERE.parents[1] / "scripts" / "generate_snapshots.py"
_spec = importlib.util.spec_from_file_location("generate_snapshots", _SCRIPT)
assert _spec is not None
assert _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def test_every_ruleset_has_a_snapshot():
    """Each ruleset has a snapshot file, and each snapshot a ruleset."""
    assert sorted(r.id for r in crsrules.available_rulesets()) == sorted(
        p.stem for p in HERE.glob("*.json") if p.stem[:1].isdigit()
    )


def test_candidates_derive_as_the_snapshot_says():
    """The Factors derived from each corpus candidate on each snapshot date, and the totals, are unchanged."""
    people = [load_candidate(data) for data in json.loads((HERE / "candidate-corpus.json").read_text("utf-8"))]
    expected = json.loads((HERE / "candidates.json").read_text(encoding="utf-8"))
    got = [generate.candidate_snapshot(person) for person in people]
    assert len(expected) == len(got)
    assert [] == [i for i, (a, b) in enumerate(zip(expected, got, strict=True)) if a != b]


@pytest.mark.parametrize("ruleset", crsrules.available_rulesets(), ids=lambda r: r.id)
def test_scores_match_the_snapshot(ruleset):
    """Every breakdown of the corpus (sections, and each line's points) equals the committed snapshot."""
    document = json.loads((HERE / f"{ruleset.id}.json").read_text(encoding="utf-8"))
    assert ruleset.fingerprint == document["fingerprint"]
    got = [generate.snapshot(crsrules.score(f, rules=ruleset)) for f in CORPUS]
    mismatches = [i for i, (a, b) in enumerate(zip(document["breakdowns"], got, strict=True)) if a != b]
    assert [] == mismatches
