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
MODULES = sorted(p.stem for p in Path(registry.__file__).parent.glob("y*.py"))


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


def test_a_new_list_is_declared_as_such():
    """``new_list`` says whether a category's list differs from its list of the policy year before (or is its first);
    French-language proficiency has no list. A list that changes silently is an error of the data."""
    by_year: dict[tuple[str, int], CategoryTerms] = {}
    for name in ["y2023", "y2024", "y2025", "y2026"]:
        for terms in category_terms(name):
            by_year[(terms.category.value, terms.policy_year)] = terms
    for (category, year), terms in by_year.items():
        earlier = [t for (c, y), t in by_year.items() if c == category and y < year]
        before = max(earlier, key=lambda t: t.policy_year) if earlier else None
        changed = category != "french" and (before is None or before.occupations != terms.occupations)
        assert changed == terms.new_list, (category, year)


@pytest.mark.parametrize("name", ["y2023", "y2024", "y2025", "y2026"])
def test_each_policy_year_notes_that_its_start_is_unconfirmed(name):
    """No instrument gives the day a policy year's categories came into force (reference/categories.md): every
    category's terms carry an [UNCONFIRMED] note on the start of its policy year."""
    for terms in category_terms(name):
        year = str(terms.policy_year)
        assert any(year in note and "[UNCONFIRMED]" in note for note in terms.unconfirmed), (terms.category, year)


def test_each_policy_year_says_what_it_changed():
    """The terms of a policy year have their own summary, never the one of the year before."""
    by_year = {(t.category, t.policy_year): t for name in ["y2023", "y2024", "y2025", "y2026"]
               for t in category_terms(name)}  # fmt: skip
    for (category, year), terms in by_year.items():
        before = [t for (c, y), t in by_year.items() if c is category and y < year]
        if before:
            assert max(before, key=lambda t: t.policy_year).summary != terms.summary, (category, year)


def test_the_2026_notes_name_what_the_research_could_not_confirm():
    """2026: the Minister's new instructions, so each category carried into 2026 cites a source its 2025 terms did not;
    each occupational category notes that IRCC's delivery update of 2026-03-16 was read in summary only, and the
    trades list names its three unconfirmed occupations."""
    before = {t.category: t for t in category_terms("y2025") if t.policy_year == 2025}
    for terms in category_terms("y2026"):
        if terms.policy_year == 2026 and terms.category in before:
            assert set(terms.sources) - set(before[terms.category].sources), terms.category
        if terms.policy_year == 2026 and terms.experience is not None:
            assert any("2026-03-16" in note for note in terms.unconfirmed), terms.category
        for code in terms.unconfirmed_occupations:
            assert any(code in note for note in terms.unconfirmed), (terms.category, code)
    trades = next(t for t in category_terms("y2026") if t.category.value == "trades" and t.policy_year == 2026)
    assert {"72501", "72999", "82021"} == trades.unconfirmed_occupations
