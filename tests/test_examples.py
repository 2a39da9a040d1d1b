"""The examples run, and every example factors file loads and scores."""

import runpy
import warnings
from pathlib import Path

import pytest

import crsrules
from crsrules.io import load_factors

EXAMPLES = Path(__file__).parents[1] / "examples"


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
    import json

    factors = load_factors(json.loads(path.read_text(encoding="utf-8")))
    for ruleset in crsrules.available_rulesets():
        assert crsrules.score(factors, rules=ruleset).total > 0
