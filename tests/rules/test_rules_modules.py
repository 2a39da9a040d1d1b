"""The rules modules, executed afresh, build the versions whose fingerprints the snapshots pin.

The registry's rulesets are built once, when crsrules is imported. Running each ``crsrules.rules.yYYYY`` module again
under another name exercises the code that builds them (``RuleSet.derive``, the charts, the categories' terms) inside
a test: any change to a number of the law it builds moves a fingerprint committed in ``tests/snapshots/``, reviewed
when the snapshot was written. The rules' words that a fingerprint does not cover are checked for what they must say.
"""

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

import crsrules
from crsrules import rules as registry
from crsrules.rules import RuleSet
from crsrules.rules._categories import CategoryTerms

SNAPSHOTS = Path(__file__).parents[1] / "snapshots"
MODULES = ["y2015", "y2016", "y2017", "y2018", "y2019", "y2020", "y2022", "y2023", "y2024", "y2025", "y2026"]


def fresh(name: str) -> ModuleType:
    """The rules module *name*, executed again as a new module object (``sys.modules`` keeps the registry's).

    The new module keeps the module's name, so that its functions are the module's own (as a mutation tool sees them).
    """
    module_name = f"crsrules.rules.{name}"
    path = Path(getattr(registry, name).__file__)
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rulesets_of(module: ModuleType) -> list[RuleSet]:
    return [value for name, value in vars(module).items() if name.startswith("RULES_") and isinstance(value, RuleSet)]


def pinned(ruleset_id: str) -> str:
    return json.loads((SNAPSHOTS / f"{ruleset_id}.json").read_text(encoding="utf-8"))["fingerprint"]


def test_every_ruleset_comes_from_one_module():
    built = sorted(r.id for name in MODULES for r in rulesets_of(getattr(registry, name)))
    assert [r.id for r in crsrules.available_rulesets()] == built


@pytest.mark.parametrize("name", MODULES)
def test_a_module_run_again_builds_the_pinned_versions(name):
    """Each version the module builds has the id of a registry version and the fingerprint of its snapshot."""
    versions = rulesets_of(fresh(name))
    assert versions
    for version in versions:
        assert version.id == version.effective.isoformat()
        assert pinned(version.id) == version.fingerprint, version.id


@pytest.mark.parametrize("name", MODULES)
def test_a_module_run_again_states_its_changes_and_sources(name):
    """Every version has a summary and cites sources; every later one declares a change (RuleSet.derive)."""
    for version in rulesets_of(fresh(name)):
        assert version.summary, version.id
        assert version.sources, version.id
        assert all(s.title and s.url.startswith(("https://", "http://")) for s in version.sources), version.id
        declared = (version.changes, version.language_changes, version.program_changes, version.category_changes)
        assert any(declared) == (version.id != "2015-01-01"), version.id


def category_terms(name: str) -> list[CategoryTerms]:
    return [terms for version in rulesets_of(fresh(name)) for terms in version.categories.values()]


@pytest.mark.parametrize("name", ["y2023", "y2024", "y2025", "y2026"])
def test_category_terms_run_again_say_what_they_must(name):
    """Each category's terms have a summary, sources, and notes each marked [UNCONFIRMED] (CategoryTerms)."""
    for terms in category_terms(name):
        where = f"{terms.policy_year} {terms.category.value}"
        assert terms.summary, where
        assert terms.sources, where
        assert all(s.title and s.url.startswith(("https://", "http://")) for s in terms.sources), where
        assert all("[UNCONFIRMED" in note for note in terms.unconfirmed), where
        assert re.fullmatch(r"20\d\d", str(terms.policy_year)), where
