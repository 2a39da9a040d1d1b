"""Rules in force from 2024-01-01: the 2023 categories renewed for policy year 2024.

IRCC's 2023-24 Report to Parliament ("Renewal of 2023 Categories for 2024") renewed the six categories of 2023 with
the same lists and the same conditions; every 2024 round still carries "(Version 1)". What changes is the policy year
the versions belong to and the names IRCC gave the rounds. The CRS grid does not change.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from crsrules.headings import Category
from crsrules.rules import y2023
from crsrules.rules._categories import carried_over

_PREVIOUS = y2023.RULES_2023_05_31
_SOURCES = (y2023.IRCC_CATEGORY_PAGE, y2023.ROUNDS_FEED)
_NOTES = (
    (
        "No date was found for the 2024 renewal: crsrules starts the 2024 versions on 2024-01-01, the first day of the "
        "policy year (the shared data carries 2023-05-31) [UNCONFIRMED]. The lists and rules are those of 2023, so no "
        "eligibility depends on this date."
    ),
)

# Rounds of 2024-02 were first published as "(2023-1)" for healthcare and agriculture, and IRCC also used "(2024-1)"
# for French and transport rounds (README-rounds.md), before the renaming to "(Version 1)".
_ROUND_NAMES: Final = {
    Category.FRENCH: ("French language proficiency (Version 1)", "French language proficiency (2024-1)"),
    Category.HEALTHCARE: ("Healthcare occupations (Version 1)", "Healthcare occupations (2023-1)"),
    Category.STEM: ("STEM occupations (Version 1)",),
    Category.TRADES: ("Trade occupations (Version 1)",),
    Category.TRANSPORT: ("Transport occupations (Version 1)", "Transport occupations (2024-1)"),
    Category.AGRICULTURE: (
        "Agriculture and agri-food occupations (Version 1)",
        "Agriculture and agri-food occupations (2023-1)",
    ),
}

#: Every category of 2023, renewed.
CATEGORIES: Final = tuple(
    carried_over(terms, policy_year=2024, round_names=_ROUND_NAMES[c], unconfirmed=_NOTES, sources=_SOURCES)
    for c, terms in _PREVIOUS.categories.items()
)

RULES_2024_01_01 = _PREVIOUS.derive(
    id="2024-01-01",
    effective=date(2024, 1, 1),
    summary="The 2023 categories and lists, renewed unchanged for policy year 2024.",
    category_changes=frozenset(t.category for t in CATEGORIES),
    sources=_SOURCES,
    verified_on=date(2026, 11, 25),
    categories={t.category: t for t in CATEGORIES},
)
