"""Policy versions of 2024: the 2023 categories renewed (2024-01-01), and PTE Core accepted (2024-01-30).

2024-01-01: IRCC's 2023-24 Report to Parliament ("Renewal of 2023 Categories for 2024") renewed the six categories of
2023 with the same lists and the same conditions; every 2024 round still carries "(Version 1)". What changes is the
policy year the versions belong to and the names IRCC gave the rounds.

2024-01-30: PTE Core (not PTE Academic) counts for tests taken from this day, converted with IRCC's chart.

The CRS grid does not change in 2024.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from crsrules.headings import Category
from crsrules.language_tests import LanguageTest
from crsrules.rules import y2023
from crsrules.rules._categories import carried_over
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

_PREVIOUS = y2023.RULES_2023_12_11
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

# --- 2024-01-30: PTE Core -------------------------------------------------------------------------------------------

PTE_CORE_ACCEPTED = date(2024, 1, 30)

# PTE Core -> CLB: IRCC chart (S33, S78), as in S53, S54; reference 6.4. IRCC's CLB 3 row is left out (no CRS effect).
PTE_CORE = Chart.on_scales(
    LanguageTest.PTE_CORE,
    {
        "reading": ((33, 4), (42, 5), (51, 6), (60, 7), (69, 8), (78, 9), (88, 10)),
        "writing": ((41, 4), (51, 5), (60, 6), (69, 7), (79, 8), (88, 9), (90, 10)),
        "listening": ((28, 4), (39, 5), (50, 6), (60, 7), (71, 8), (82, 9), (89, 10)),
        "speaking": ((42, 4), (51, 5), (59, 6), (68, 7), (76, 8), (84, 9), (89, 10)),
    },
)

RULES_2024_01_30 = RULES_2024_01_01.derive(
    id="2024-01-30",
    effective=PTE_CORE_ACCEPTED,
    summary="PTE Core accepted for tests from this day; the CRS grid is unchanged.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.PTE_CORE}),
    sources=(
        Source(
            title="IRCC opens doors to immigration aspirants with acceptance of PTE Core (Pelican Migration)",
            url="https://pelicanmigration.com/ircc-opens-doors-to-immigration-aspirants-with-acceptance-of-pearson-test-of-english-pte-core/",
        ),
        Source(title="PTE Core accepted for Canada PR (Maple News)", url="https://maplenews.org/?p=2386"),
        Source(
            title="canada.ca, Francophone Community Immigration Pilot: get your language assessed (PTE Core chart)",
            url="https://canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/rural-franco-pilots/franco-immigration/eligibility/language-test.html",
        ),
    ),
    verified_on=date(2026, 11, 25),
    language=RULES_2024_01_01.language.designate(
        LanguageTest.PTE_CORE, accepted_from=PTE_CORE_ACCEPTED, chart=PTE_CORE
    ),
)
