"""Invariants of every ruleset, and both sides of every effective date."""

import importlib
import inspect
import pkgutil
from datetime import date, timedelta
from itertools import pairwise

import pytest

import crsrules
import crsrules.rules
from crsrules.headings import Category, Factor
from crsrules.rules import y2015
from crsrules.tables import RulesDefinitionError, Steps, Table

RULESETS = crsrules.available_rulesets()
# Every policy module, yYYYY, in year order.
MODULES = [
    importlib.import_module(f"crsrules.rules.{m.name}")
    for m in sorted(pkgutil.iter_modules(crsrules.rules.__path__), key=lambda m: m.name)
    if m.name.startswith("y")
]
CRS_PERIODS = ["2015-01-01", "2016-11-19", "2017-06-06", "2020-10-27", "2022-11-16", "2025-03-25"]


def test_every_rules_constant_is_registered():
    """Every RULES_* constant of every policy module is in the registry, in date order, and nothing else is."""
    found = [v for m in MODULES for n, v in inspect.getmembers(m) if n.startswith("RULES_")]
    assert list(RULESETS) == sorted(found, key=lambda r: r.effective)


def test_the_versions_of_the_reference():
    """The registry holds the six CRS rule periods of reference/crs-points.md section 0, the dates the language tests
    or their charts changed (section 6), and the dates the categories changed (reference/categories.md); every version
    that is not a CRS period leaves the CRS points tables as they were."""
    assert [
        "2015-01-01", "2016-11-19", "2017-06-06", "2018-12-01", "2019-10-01", "2020-10-27", "2022-07-28", "2022-11-16",
        "2023-05-31", "2023-12-11", "2024-01-01", "2024-01-30", "2025-02-27", "2025-03-25", "2025-12-08", "2026-02-18",
    ] == [r.id for r in RULESETS]  # fmt: skip
    assert set(CRS_PERIODS) <= {r.id for r in RULESETS}
    for before, after in pairwise(RULESETS):
        tables = ("core", "spouse", "skill_transferability", "additional")
        same = all(getattr(before, t) == getattr(after, t) for t in tables)
        assert same or after.id in CRS_PERIODS, after.id


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda r: r.id)
def test_ids_constants_and_effective_dates_agree(ruleset):
    """A version's id is its ISO effective date, its constant is named RULES_YYYY_MM_DD, in the module of its year."""
    assert ruleset.effective.isoformat() == ruleset.id
    module = importlib.import_module(f"crsrules.rules.y{ruleset.effective.year}")
    assert getattr(module, "RULES_" + ruleset.id.replace("-", "_")) is ruleset


def test_effective_dates_strictly_increase():
    """Rulesets never overlap: each starts after the one before."""
    for before, after in pairwise(RULESETS):
        assert before.effective < after.effective


@pytest.mark.parametrize("ruleset", RULESETS[1:], ids=lambda r: r.id)
def test_derived_rulesets_declare_changes_and_sources(ruleset):
    """Every ruleset after the first names what it changed and where the change comes from."""
    assert ruleset.changes or ruleset.category_changes
    assert ruleset.sources
    assert all(s.url.startswith("http") for s in ruleset.sources)


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda r: r.id)
def test_caps_match_the_grid(ruleset):
    """The caps are those of IRCC's grid, and the tables cannot exceed them by construction."""
    core = ruleset.core
    assert (460, 500) == (core.cap.with_spouse, core.cap.without_spouse)
    assert (22, 24) == (core.second_language_cap.with_spouse, core.second_language_cap.without_spouse)
    assert 40 == ruleset.spouse.cap
    assert (50, 100) == (ruleset.skill_transferability.group_cap, ruleset.skill_transferability.cap)
    assert 600 == ruleset.additional.cap
    for spouse in (True, False):
        top = (
            max(s for _, s in core.age.column(spouse=spouse).steps)
            + max(core.education.column(spouse=spouse).rows.values())
            + 4 * max(s for _, s in core.first_language.column(spouse=spouse).steps)
            + core.second_language_cap.column(spouse=spouse)
            + max(s for _, s in core.canadian_work.column(spouse=spouse).steps)
        )
        assert top == core.cap.column(spouse=spouse)


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda r: r.id)
def test_fingerprint_is_stable_and_distinct(ruleset):
    """The fingerprint is a sha256 of the rules, different for every ruleset."""
    assert ruleset.fingerprint.startswith("sha256:")
    assert len({r.fingerprint for r in RULESETS}) == len(RULESETS)


# Both sides of every effective date (OpenFisca / holidays habit).
BOUNDARIES = [(r.effective - timedelta(days=1), before.id, r.id) for before, r in pairwise(RULESETS)]


@pytest.mark.parametrize(("day_before", "before", "after"), BOUNDARIES, ids=[b[2] for b in BOUNDARIES])
def test_each_ruleset_starts_exactly_on_its_effective_date(day_before, before, after):
    """The day before the effective date has the previous ruleset; the effective date the new one."""
    assert before == crsrules.rules_in_force(day_before).id
    assert after == crsrules.rules_in_force(day_before + timedelta(days=1)).id


def test_nothing_is_in_force_before_express_entry():
    """2014-12-31 has no CRS rules: the error names the first date and suggests pinning."""
    with pytest.raises(crsrules.RulesNotInForceError, match="2015-01-01") as info:
        crsrules.rules_in_force(date(2014, 12, 31))
    assert isinstance(info.value, LookupError)
    assert date(2015, 1, 1) == info.value.earliest


def test_stale_dates_warn_and_get_the_latest_rules():
    """After the last date the rules were confirmed, the latest ruleset applies with a StaleRulesWarning."""
    last = crsrules.rules.LAST_KNOWN_DATE
    assert "2026-02-18" == crsrules.rules_in_force(last).id
    with pytest.warns(crsrules.StaleRulesWarning, match=last.isoformat()):
        assert "2026-02-18" == crsrules.rules_in_force(last + timedelta(days=1)).id


def test_get_rules_by_id_and_unknown_ids():
    """get_rules finds a ruleset by id, passes a RuleSet through, and suggests close ids for a typo."""
    assert crsrules.get_rules("2017-06-06") is RULESETS[2]
    assert crsrules.get_rules(RULESETS[2]) is RULESETS[2]
    with pytest.raises(crsrules.UnknownRulesetError, match="2025-03-25") as info:
        crsrules.get_rules("2025-03-52")
    assert "2025-03-25" in info.value.suggestions
    assert isinstance(info.value, LookupError)
    with pytest.raises(crsrules.UnknownRulesetError):
        crsrules.get_rules(None)  # type: ignore[arg-type]


def test_rules_in_force_rejects_non_dates():
    """A string or datetime is not a date: the error names the argument."""
    with pytest.raises(crsrules.InvalidValueError, match="'on'"):
        crsrules.rules_in_force("2020-01-01")  # type: ignore[arg-type]


def test_derive_refuses_a_ruleset_without_changes_or_out_of_order():
    """derive() demands a later date, declared changes and sources."""
    base = RULESETS[0]
    with pytest.raises(RulesDefinitionError):
        base.derive(id="2014-01-01", effective=date(2014, 1, 1), summary="", changes=frozenset({Factor.AGE}),
                    sources=base.sources, verified_on=date(2026, 1, 1))
    with pytest.raises(RulesDefinitionError):
        base.derive(id="2016-01-01", effective=date(2016, 1, 1), summary="", changes=frozenset(),
                    sources=base.sources, verified_on=date(2026, 1, 1))


def test_derive_refuses_undeclared_category_changes():
    """Every category whose terms a ruleset changes is declared in category_changes."""
    base = crsrules.get_rules("2025-03-25")
    terms = dict(base.categories)
    stem = terms.pop(Category.STEM)
    common = {"summary": "", "sources": base.sources, "verified_on": date(2026, 1, 1)}
    with pytest.raises(RulesDefinitionError, match=r"changes the terms of \['stem'\] but declares \[\]"):
        base.derive(id="2025-04-01", effective=date(2025, 4, 1), changes=frozenset({Factor.AGE}), categories=terms,
                    **common)
    # A category may be declared without new terms: its answers can move through other rules.
    same = base.derive(
        id="2025-04-01", effective=date(2025, 4, 1), category_changes=frozenset({Category.STEM}), **common
    )
    assert same.categories == base.categories
    retired = base.derive(id="2025-04-01", effective=date(2025, 4, 1), category_changes=frozenset({Category.STEM}),
                          categories=terms, **common)
    assert Category.STEM not in retired.categories
    assert stem.category is Category.STEM
    assert retired.fingerprint != base.fingerprint


def test_table_updates_catch_typos():
    """Table.updated() rejects unknown rows and extended() rejects existing ones; Steps.updated likewise."""
    table = y2015.ADDITIONAL.arranged_employment
    with pytest.raises(RulesDefinitionError):
        table.extended({crsrules.ArrangedEmployment.OTHER_SKILLED: 1})
    with pytest.raises(RulesDefinitionError):
        Table({}).updated({crsrules.ArrangedEmployment.OTHER_SKILLED: 1})
    with pytest.raises(RulesDefinitionError):
        Steps(((1, 1),), below=0).updated({2: 5})
    with pytest.raises(RulesDefinitionError):
        Steps(((2, 1), (1, 2)), below=0)
    with pytest.raises(TypeError):
        table.rows[crsrules.ArrangedEmployment.OTHER_SKILLED] = 5  # type: ignore[index]


def test_the_stale_warning_points_at_the_callers_code():
    """StaleRulesWarning names the caller's file and line, not crsrules' internals."""
    f = crsrules.Factors(age=30, education=crsrules.Education.SECONDARY, first_language=None)
    with pytest.warns(crsrules.StaleRulesWarning) as record:
        crsrules.score(f, on=crsrules.rules.LAST_KNOWN_DATE + timedelta(days=1))
    assert __file__ == record[0].filename
