"""Write tests/snapshots/<ruleset-id>.json: the breakdown of a fixed corpus of Factors under every ruleset.

Run ``python scripts/generate_snapshots.py`` only on purpose (a new ruleset, or a correction listed in CHANGELOG.md
under "Corrections to published rules"), and review the diff: every score that moved shows as a JSON change.
The corpus is 300 seeded random Factors (crsrules.testing.corpus), stored in tests/snapshots/corpus.json.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import crsrules
from crsrules.io import dump_factors, load_factors
from crsrules.testing.corpus import random_factors

SNAPSHOTS = Path(__file__).parents[1] / "tests" / "snapshots"
SEED = 20150101
SIZE = 300


def snapshot(breakdown: crsrules.ScoreBreakdown) -> dict[str, object]:
    """The part of a breakdown that a snapshot pins: sections and each line's factor, points and points earned."""
    return {
        "total": breakdown.total,
        "sections": [breakdown.core, breakdown.spouse, breakdown.skill_transferability, breakdown.additional],
        "lines": [[line.factor.value, line.points, line.earned] for line in breakdown.lines],
    }


def main() -> None:
    """Write the corpus (if missing) and one snapshot file per ruleset."""
    corpus_path = SNAPSHOTS / "corpus.json"
    if not corpus_path.exists():
        rng = random.Random(SEED)
        corpus_path.write_text(json.dumps([dump_factors(random_factors(rng)) for _ in range(SIZE)], indent=1) + "\n")
    corpus = [load_factors(data) for data in json.loads(corpus_path.read_text())]
    for ruleset in crsrules.available_rulesets():
        rows = [snapshot(crsrules.score(f, rules=ruleset)) for f in corpus]
        document = {"rules_id": ruleset.id, "fingerprint": ruleset.fingerprint, "breakdowns": rows}
        (SNAPSHOTS / f"{ruleset.id}.json").write_text(json.dumps(document, separators=(",", ":")) + "\n")
        print(f"wrote {ruleset.id}.json ({len(rows)} breakdowns)")


if __name__ == "__main__":
    main()
