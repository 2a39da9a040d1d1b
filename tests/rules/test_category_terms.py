"""The terms of category-based selection as rules data: each condition in words and numbers (reference/categories.md).

2023 to 2025: 6 months of continuous full-time work (or the same hours part-time) in one listed occupation, in the 3
years before, in Canada or abroad; French-language proficiency: NCLC 7 in all four abilities on TEF Canada or TCF
Canada. From 2026-02-18: 12 months, not necessarily continuous (in Canada only for physicians, senior managers and
researchers), and skilled military recruits: 10 years of service, an offer of 3 years, a 2-year credential.
"""

from datetime import date

import attrs
import pytest

import crsrules
from crsrules.headings import Category
from crsrules.model import Education
from crsrules.rules import y2023, y2026
from crsrules.rules._categories import CategoryTerms, carried_over, list_rows
from crsrules.rules._ruleset import Source
from crsrules.tables import RulesDefinitionError

SIX_MONTHS = y2023.EXPERIENCE_6_MONTHS_CONTINUOUS
TWELVE_MONTHS = y2026.EXPERIENCE_12_MONTHS
TWELVE_MONTHS_IN_CANADA = y2026.EXPERIENCE_12_MONTHS_IN_CANADA


def terms(year, category):
    return next(t for r in crsrules.available_rulesets() for c, t in r.categories.items()
                if c is Category(category) and t.policy_year == year)  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (SIX_MONTHS, {"months": 6, "window_years": 3, "continuous": True, "in_canada_only": False}),
        (TWELVE_MONTHS, {"months": 12, "window_years": 3, "continuous": False, "in_canada_only": False}),
        (TWELVE_MONTHS_IN_CANADA, {"months": 12, "window_years": 3, "continuous": False, "in_canada_only": True}),
    ],
)
def test_the_experience_rules_numbers(rule, expected):
    """Full time is 30 hours a week and a year 1,560 hours (130 a month); the canonical form has no sources."""
    assert {**expected, "full_time_hours_per_week": 30, "hours_per_year": 1560} == rule.canonical()
    assert 130 == rule.hours_per_month
    assert 130 * expected["months"] == rule.hours_needed


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            SIX_MONTHS,
            (
                "at least 6 months of continuous full-time work (or the same hours part-time) in one listed "
                "occupation, in the 3 years before the date, in Canada or abroad"
            ),
        ),
        (
            TWELVE_MONTHS,
            (
                "at least 12 months of full-time work (or the same hours part-time), not necessarily continuous, in "
                "one listed occupation, in the 3 years before the date, in Canada or abroad"
            ),
        ),
        (
            TWELVE_MONTHS_IN_CANADA,
            (
                "at least 12 months of full-time work (or the same hours part-time), not necessarily continuous, in "
                "one listed occupation, in the 3 years before the date, in Canada"
            ),
        ),
    ],
)
def test_the_experience_rules_in_words(rule, expected):
    assert expected == rule.describe()


def test_the_french_rule():
    rule = y2023.FRENCH_NCLC_7
    assert {"minimum_level": 7, "tests": ["tef_canada", "tcf_canada"]} == rule.canonical()
    assert "a valid TEF Canada or TCF Canada result with at least NCLC 7 in all four abilities" == rule.describe()


def test_the_military_rule():
    rule = y2026.MILITARY_2026
    assert {"service_years": 10, "offer_years": 3, "minimum_credential": "two_year"} == rule.canonical()
    assert (
        "serving in a recognized foreign military with at least 10 years of continuous service in one of the listed "
        "occupations; an offer of arranged employment from the Canadian Forces Recruiting Group for continuous "
        "full-time work in Canada of at least 3 years in one of them; and a post-secondary credential of a program "
        "of at least 2 years (two_year or higher; with an educational credential assessment if obtained outside "
        "Canada)"
    ) == rule.describe()
    assert Education.TWO_YEAR is rule.minimum_credential


@pytest.mark.parametrize(
    ("year", "category", "rule"),
    [
        (2023, "stem", SIX_MONTHS),
        (2025, "healthcare", SIX_MONTHS),
        (2026, "stem", TWELVE_MONTHS),
        (2026, "physicians", TWELVE_MONTHS_IN_CANADA),
        (2026, "senior_managers", TWELVE_MONTHS_IN_CANADA),
        (2026, "researchers", TWELVE_MONTHS_IN_CANADA),
        (2026, "military", y2026.MILITARY_2026),
        (2024, "french", y2023.FRENCH_NCLC_7),
    ],
)
def test_each_category_has_its_rule(year, category, rule):
    found = terms(year, category)
    assert rule == found.rule
    assert {type(rule).__name__: rule.canonical()} == found.canonical()["rule"]


def test_the_canonical_form_of_a_category():
    """What can change an answer: the policy year, IRCC's title, the rule, the list and the round names."""
    french = terms(2023, "french").canonical()
    assert {
        "policy_year": 2023,
        "title": "French-language proficiency",
        "rule": {"FrenchRule": {"minimum_level": 7, "tests": ["tef_canada", "tcf_canada"]}},
        "occupations": [],
        "unconfirmed_occupations": [],
        "round_names": ["French language proficiency (Version 1)", "French language proficiency (2023-1)"],
    } == french
    stem = terms(2023, "stem").canonical()
    assert 24 == len(stem["occupations"])
    assert stem["occupations"] == sorted(stem["occupations"])
    assert "21211" in stem["occupations"]
    assert ["72501", "72999", "82021"] == terms(2026, "trades").canonical()["unconfirmed_occupations"]


def test_terms_need_exactly_one_rule():
    with pytest.raises(RulesDefinitionError, match=r"^stem 2030: the terms need exactly one rule$"):
        CategoryTerms(category=Category.STEM, policy_year=2030, title="STEM", summary="")
    with pytest.raises(RulesDefinitionError, match=r"^french 2030: the terms need exactly one rule$"):
        CategoryTerms(category=Category.FRENCH, policy_year=2030, title="French", summary="",
                      french=y2023.FRENCH_NCLC_7, experience=SIX_MONTHS)  # fmt: skip


def test_the_list_of_a_policy_year_without_rows_is_an_error():
    stem = attrs.evolve(terms(2023, "stem"), policy_year=2030)
    with pytest.raises(RulesDefinitionError, match=r"^the data file has no rows for 2030 stem$"):
        list_rows(stem)


def test_a_category_carried_over_keeps_its_title_rule_and_list():
    """carried_over: the same title, rule and list for a later year, with that year's rounds, notes and sources."""
    before = terms(2023, "stem")
    source = Source(title="t", url="https://example.org")
    later = carried_over(before, policy_year=2024, round_names=("STEM (2024-1)",), unconfirmed=("x [UNCONFIRMED]",),
                         sources=(source,))  # fmt: skip
    assert (Category.STEM, 2024) == (later.category, later.policy_year)
    assert (before.title, before.rule) == (later.title, later.rule)
    assert "Carried over unchanged from 2023." == later.summary
    assert not later.new_list
    assert (("STEM (2024-1)",), ("x [UNCONFIRMED]",), (source,)) == (later.round_names, later.unconfirmed,
                                                                    later.sources)  # fmt: skip
    assert before.occupations == later.occupations
    new = attrs.evolve(before, new_list=True)
    assert not carried_over(new, policy_year=2024, round_names=(), unconfirmed=(), sources=()).new_list


def test_the_2024_versions_carry_the_2023_terms_over():
    for category in ("french", "healthcare", "stem", "trades", "transport", "agriculture"):
        found = terms(2024, category)
        assert "Carried over unchanged from 2023." == found.summary
        assert not found.new_list
        assert (terms(2023, category).title, terms(2023, category).rule) == (found.title, found.rule)
    assert date(2024, 1, 1) == crsrules.get_rules("2024-01-01").effective
