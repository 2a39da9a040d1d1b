"""Golden cases: hand-computed breakdowns from reference/crs-points.md, kept as data (one TOML file per ruleset)."""

import tomllib
from pathlib import Path

import attrs
import pytest

import crsrules
from crsrules.io import load_factors

HERE = Path(__file__).parent
FILES = sorted(HERE.glob("*.toml"))
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in FILES
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]


def test_every_ruleset_has_golden_cases():
    """Each ruleset has its own file of golden cases, and each file names only its own ruleset."""
    assert [r.id for r in crsrules.available_rulesets()] == [p.stem for p in FILES]
    for path in FILES:
        cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
        assert len(cases) >= 5
        assert {path.stem} == {c["rules"] for c in cases}


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    """The whole breakdown (total and every section) equals the hand-computed one."""
    got = crsrules.score(load_factors(case["factors"]), rules=case["rules"])
    sections = {k: v for k, v in got.as_dict().items() if k in case["expected"]}
    assert case["expected"] == sections


@pytest.mark.parametrize("case", CASES)
def test_golden_under_a_copy_of_the_ruleset(case):
    """A copy of the ruleset, built at run time, scores the case the same: scoring reads its tables afresh (the
    engine compiles each ruleset's tables once, on first use)."""
    ruleset = attrs.evolve(crsrules.get_rules(case["rules"]))
    got = crsrules.score(load_factors(case["factors"]), rules=ruleset)
    sections = {k: v for k, v in got.as_dict().items() if k in case["expected"]}
    assert case["expected"] == sections
