"""Write the snapshots in tests/snapshots/: what a fixed corpus scores, so that no result can move silently.

- ``<ruleset-id>.json``: the breakdown of 300 seeded random Factors (``corpus.json``) under every ruleset.
- ``candidates.json``: the Factors derived from 150 seeded random Candidates (``candidate-corpus.json``) on seven
  dates from 2015 to 2026, and their totals; it pins the rules of evidence as the others pin the points tables.

Run ``python scripts/generate_snapshots.py`` only on purpose (a new ruleset, or a correction listed in CHANGELOG.md
under "Corrections to published rules"), and review the diff: every score that moved shows as a JSON change.
The corpora come from crsrules.testing.corpus and are written once.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import crsrules
from crsrules.io import dump_candidate, dump_factors, load_candidate, load_factors
from crsrules.testing.corpus import random_candidate, random_factors

SNAPSHOTS = Path(__file__).parents[1] / "tests" / "snapshots"
SEED = 20150101
SIZE = 300
CANDIDATES = 150
#: The days the candidates' facts are taken: one in each rule period, and the last confirmed day.
DATES = tuple(date.fromisoformat(d) for d in ("2015-06-01", "2017-01-01", "2019-01-01", "2021-06-01",
                                             "2023-06-01", "2025-06-01", "2026-08-20"))  # fmt: skip


def snapshot(breakdown: crsrules.ScoreBreakdown) -> dict[str, object]:
    """The part of a breakdown that a snapshot pins: sections and each line's factor, points and points earned."""
    return {
        "total": breakdown.total,
        "sections": [breakdown.core, breakdown.spouse, breakdown.skill_transferability, breakdown.additional],
        "lines": [[line.factor.value, line.points, line.earned] for line in breakdown.lines],
    }


def candidate_snapshot(candidate: crsrules.Candidate) -> list[object]:
    """The derived Factors and the total of *candidate* on each of :data:`DATES`."""
    rows: list[object] = []
    for day in DATES:
        derivation = crsrules.derive(candidate, on=day)
        total = crsrules.score(derivation.factors, rules=derivation.rules).total
        rows.append([day.isoformat(), derivation.rules.id, total, dump_factors(derivation.factors)])
    return rows


def _readable(document: object) -> str:
    """JSON indented by nesting, each flat list or object on one line: a diff names the candidate and the factor."""
    return _lines(document, 0) + "\n"


def _flat(value: object) -> bool:
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return not any(isinstance(item, dict | list) for item in items)


def _lines(value: object, depth: int) -> str:
    if _flat(value):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    pad, inner = " " * depth, " " * (depth + 1)
    if isinstance(value, dict):
        body = ",\n".join(f"{inner}{json.dumps(k)}: {_lines(v, depth + 1)}" for k, v in value.items())
        return f"{{\n{body}\n{pad}}}"
    assert isinstance(value, list)  # noqa: S101 (JSON documents hold only dicts, lists and scalars)
    body = ",\n".join(f"{inner}{_lines(v, depth + 1)}" for v in value)
    return f"[\n{body}\n{pad}]"


def main() -> None:
    """Write the corpora (if missing) and the snapshot files."""
    corpus_path = SNAPSHOTS / "corpus.json"
    if not corpus_path.exists():
        rng = random.Random(SEED)
        corpus_path.write_text(json.dumps([dump_factors(random_factors(rng)) for _ in range(SIZE)], indent=1) + "\n")
    corpus = [load_factors(data) for data in json.loads(corpus_path.read_text())]
    for ruleset in crsrules.available_rulesets():
        rows = [snapshot(crsrules.score(f, rules=ruleset)) for f in corpus]
        document = {"rules_id": ruleset.id, "fingerprint": ruleset.fingerprint, "breakdowns": rows}
        (SNAPSHOTS / f"{ruleset.id}.json").write_text(_readable(document))
        print(f"wrote {ruleset.id}.json ({len(rows)} breakdowns)")

    candidates_path = SNAPSHOTS / "candidate-corpus.json"
    if not candidates_path.exists():
        rng = random.Random(SEED)
        people = [dump_candidate(random_candidate(rng)) for _ in range(CANDIDATES)]
        candidates_path.write_text(_readable(people))
    people = [load_candidate(data) for data in json.loads(candidates_path.read_text())]
    rows = [candidate_snapshot(person) for person in people]
    (SNAPSHOTS / "candidates.json").write_text(_readable(rows))
    print(f"wrote candidates.json ({len(rows)} candidates x {len(DATES)} dates)")


if __name__ == "__main__":
    main()
