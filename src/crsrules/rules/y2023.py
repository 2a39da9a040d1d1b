"""Policy versions of 2023: category-based selection (2023-05-31), and a new TEF Canada chart (2023-12-11).

2023-05-31: the Minister announced the categories on 2023-05-31 and IRCC held the first category round on
2023-06-28: French-language proficiency (NCLC 7 in all four abilities) and five occupational categories (healthcare,
STEM, trades, transport, agriculture and agri-food), each asking for 6 months of continuous full-time work in one
listed occupation within 3 years. The CRS grid does not change. The occupation lists are the 2023 rows of
``crsrules/data/category-occupations.csv``.

2023-12-11: TEF Canada tests taken from this day convert with IRCC's per-ability chart for results out of 699 (rule
E18); tests from 2019-10-01 to 2023-12-10 keep the uniform chart of 2019. The CRS grid is unchanged; the language
factors, the French category and the programs' language minimums read the new chart.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from crsrules.headings import Category
from crsrules.language_tests import LanguageTest, TefScale
from crsrules.rules import y2019, y2022
from crsrules.rules._categories import CategoryTerms, ExperienceRule, FrenchRule
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

_PREVIOUS = y2022.RULES_2022_11_16

#: IRCC's page on category-based selection.
IRCC_CATEGORY_PAGE: Final = Source(
    title="IRCC, Express Entry rounds of invitations: Category-based selection (read through the reproductions "
    "listed in reference/categories.md)",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/"
    "submit-profile/rounds-invitations/category-based-selection.html",
)
#: IRCC's rounds-of-invitations feed, where the round names come from.
ROUNDS_FEED: Final = Source(
    title="IRCC rounds-of-invitations feed (round names), copy of 2026-08-20 in github.com/Yin-Marina/"
    "Daily_Express_Entry, json/ee_rounds_123_en.json at commit d5efaf9",
    url="https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
)
#: Full-time work is 30 hours a week.
FULL_TIME_30_HOURS: Final = Source(
    title="Ministerial Instructions amending the Express Entry system (Canadian work experience), 2015-05-30: "
    "full time is 30 hours a week",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-"
    "system/amending-express-entry-system-canadian-work-experience.html",
)
#: A year of work is 1,560 hours.
YEAR_1560_HOURS: Final = Source(
    title="IRCC, Federal Skilled Workers: a year of work is 1,560 hours; hours above 30 a week do not count",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/"
    "eligibility/federal-skilled-workers.html",
)

# The rule numbers (reference/categories.md section 2). The 2023 rule still held in 2025: pages written after the
# 2025-02-27 announcement, as late as January 2026, quote 6 continuous months.

#: 2023 to 2025 occupational categories: 6 months of continuous full-time work (or the same hours part-time) in one
#: listed occupation, within the 3 years before, in Canada or abroad; 30 hours a week is full time, 1,560 hours a year.
EXPERIENCE_6_MONTHS_CONTINUOUS: Final = ExperienceRule(
    months=6,
    window_years=3,
    continuous=True,
    in_canada_only=False,
    # IRCC's definitions of full time and of a year of work, the same as in the CRS rules of evidence.
    full_time_hours_per_week=_PREVIOUS.evidence.full_time_hours_per_week,
    hours_per_year=_PREVIOUS.evidence.hours_per_year,
    sources=(IRCC_CATEGORY_PAGE, FULL_TIME_30_HOURS, YEAR_1560_HOURS),
)
#: French-language proficiency, every year: NCLC 7 in all four abilities on TEF Canada or TCF Canada.
FRENCH_NCLC_7: Final = FrenchRule(
    minimum_level=7,
    tests=(LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA),
    sources=(IRCC_CATEGORY_PAGE,),
)

_SOURCES = (IRCC_CATEGORY_PAGE, ROUNDS_FEED)
_NOTES = (
    (
        "The effective date 2023-05-31 is the day the Minister announced the categories; the in-force date of the "
        "instrument that established them was not found [UNCONFIRMED]."
    ),
)


def _occupational(category: Category, title: str, summary: str, *round_names: str) -> CategoryTerms:
    return CategoryTerms(
        category=category,
        policy_year=2023,
        title=title,
        summary=summary,
        experience=EXPERIENCE_6_MONTHS_CONTINUOUS,
        new_list=True,
        round_names=round_names,
        unconfirmed=_NOTES,
        sources=_SOURCES,
    )


# The six categories (reference/categories.md sections 1 to 3). Round names: the feed's, then the "(2023-1)" forms
# IRCC first published them under (renamed in 2024; README-rounds.md).
CATEGORIES: Final = (
    CategoryTerms(
        category=Category.FRENCH,
        policy_year=2023,
        title="French-language proficiency",
        summary="NCLC 7 in all four French abilities; no occupation list.",
        french=FRENCH_NCLC_7,
        round_names=("French language proficiency (Version 1)", "French language proficiency (2023-1)"),
        unconfirmed=_NOTES,
        sources=_SOURCES,
    ),
    _occupational(
        Category.HEALTHCARE,
        "Healthcare occupations",
        "35 healthcare occupations.",
        "Healthcare occupations (Version 1)",
        "Healthcare occupations (2023-1)",
    ),
    _occupational(
        Category.STEM,
        "Science, Technology, Engineering and Math (STEM) occupations",
        "24 STEM occupations.",
        "STEM occupations (Version 1)",
        "STEM occupations (2023-1)",
    ),
    _occupational(
        Category.TRADES,
        "Trade occupations",
        "10 trade occupations.",
        "Trade occupations (Version 1)",
        "Trade occupations (2023-1)",
    ),
    _occupational(
        Category.TRANSPORT,
        "Transport occupations",
        "10 transport occupations.",
        "Transport occupations (Version 1)",
        "Transport occupations (2023-1)",
    ),
    _occupational(
        Category.AGRICULTURE,
        "Agriculture and agri-food occupations",
        "3 agriculture and agri-food occupations.",
        "Agriculture and agri-food occupations (Version 1)",
        "Agriculture and agri-food occupations (2023-1)",
    ),
)

RULES_2023_05_31 = _PREVIOUS.derive(
    id="2023-05-31",
    effective=date(2023, 5, 31),
    summary="Category-based selection: the first six categories, announced on 2023-05-31 (first category round "
    "2023-06-28).",
    category_changes=frozenset(t.category for t in CATEGORIES),
    sources=_SOURCES,
    verified_on=date(2026, 11, 25),
    categories={t.category: t for t in CATEGORIES},
)

# --- 2023-12-11: TEF Canada per-ability chart -------------------------------------------------------------------

TEF_CHART_2023 = date(2023, 12, 11)

# TEF Canada 0-699 -> NCLC: IRCC chart for tests from 2023-12-11 (S33, S34); reference 6.5.
TEF_699_2023 = Chart.on_scales(
    LanguageTest.TEF_CANADA,
    {
        "reading": ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10)),
        "writing": ((268, 4), (330, 5), (379, 6), (428, 7), (472, 8), (512, 9), (558, 10)),
        "listening": ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10)),
        "speaking": ((328, 4), (387, 5), (422, 6), (456, 7), (494, 8), (518, 9), (556, 10)),
    },
    tef_scale=TefScale.SCORE_699_2023,
)

RULES_2023_12_11 = RULES_2023_05_31.derive(
    id="2023-12-11",
    effective=TEF_CHART_2023,
    summary="TEF Canada results of tests from this day convert with IRCC's per-ability chart.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.TEF_CANADA}),
    # The French category reads TEF Canada results with the chart of their date.
    category_changes=frozenset({Category.FRENCH}),
    sources=y2019.TEF_SOURCES,
    verified_on=date(2026, 11, 25),
    language=RULES_2023_05_31.language.with_tef_chart(
        TefScale.SCORE_699_2023, from_test_date=TEF_CHART_2023, chart=TEF_699_2023
    ),
)
