"""Rules in force from 2026-02-18: the 2026 categories.

The Minister announced the 2026 categories on 2026-02-18. Occupational categories need 12 months of work in the 3
years before, no longer continuous; senior managers, researchers and skilled military recruits are added, transport
is re-created with a new list, agriculture is retired, and the trades list loses cooks and gains butchers. The CRS
grid does not change.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from crsrules.headings import Category
from crsrules.model import Education
from crsrules.rules import y2023, y2024, y2025
from crsrules.rules._categories import CategoryTerms, ExperienceRule, MilitaryRule
from crsrules.rules._ruleset import Source

_PREVIOUS = y2025.RULES_2025_12_08

_RULES_2026 = Source(
    title="Financial Express, 2026-03-08: from 2026-02-18, 12 months of work experience in the last 3 years, "
    "not necessarily continuous",
    url="https://www.financialexpress.com/business/investing-abroad-what-is-the-new-eligibility-rule-for-foreign-"
    "workers-to-apply-for-canada-permanent-residence-4165901/",
)
_SIGNED_2026 = Source(
    title="Ghuge Legal: the Minister signed the 2026 category instructions on 2026-02-18",
    url="https://ghugelegal.com/?p=9360",
)
_DELIVERY_UPDATE_2026 = Source(
    title="Program delivery update of 2026-03-16, occupational category-based selection (summary)",
    url="https://woyimmigration.com/program-delivery-update-occupational-category-based-selection-in-express-entry/",
)
_TRADES_2026 = Source(
    title="Immigrant.today: the trades round of 2026-04-02 and the 25 trades occupations of 2026",
    url="https://en.immigrant.today/canada/51691-canada-conducted-its-first-express-entry-draw-for-work-"
    "specializations-in-2026.htm",
)
_MILITARY_NEWS = Source(
    title="CIC News, 2026-02-24: Canada is prioritizing foreign military members (skilled military recruits)",
    url="https://www.cicnews.com/2026/02/canada-is-prioritizing-foreign-military-members-to-immigrate-to-the-"
    "country-heres-what-you-need-to-know-0271944.html",
)

#: From 2026-02-18, occupational categories: 12 months of full-time work (or the same hours part-time), not
#: necessarily continuous, in one listed occupation, within the 3 years before, in Canada or abroad.
EXPERIENCE_12_MONTHS: Final = attrs.evolve(
    y2023.EXPERIENCE_6_MONTHS_CONTINUOUS,
    months=12,
    continuous=False,
    sources=(y2023.IRCC_CATEGORY_PAGE, _RULES_2026, y2023.FULL_TIME_30_HOURS, y2023.YEAR_1560_HOURS),
)
#: From 2026-02-18, physicians, senior managers and researchers "with Canadian work experience": the same 12 months,
#: in Canada.
EXPERIENCE_12_MONTHS_IN_CANADA: Final = attrs.evolve(EXPERIENCE_12_MONTHS, in_canada_only=True)
#: Skilled military recruits, from 2026-02-18: 10 years of continuous service, a Canadian Forces Recruiting Group
#: offer of at least 3 years, and a post-secondary credential of at least 2 years.
MILITARY_2026: Final = MilitaryRule(
    service_years=10,
    offer_years=3,
    minimum_credential=Education.TWO_YEAR,
    sources=(y2023.IRCC_CATEGORY_PAGE, _MILITARY_NEWS),
)

_SOURCES = (y2023.IRCC_CATEGORY_PAGE, y2023.ROUNDS_FEED, _SIGNED_2026, _TRADES_2026)
_NOTES = (
    (
        "The effective date 2026-02-18 is the day the Minister announced the 2026 categories; a law firm reports that the "
        "instructions were signed that day, but they were not read [UNCONFIRMED]."
    ),
)
_UNCONFIRMED_LIST = (
    "The 2026 list (the same codes as in 2025) rests on two public code transcriptions of IRCC's category page and "
    "on news summaries, not on IRCC's page itself [UNCONFIRMED at primary level]."
)
_UNCONFIRMED_DELIVERY = (
    "IRCC's program delivery update of 2026-03-16 'standardized' the occupational requirements of category-based "
    "selection; only a summary was read [UNCONFIRMED]."
)


def _terms(
    previous: CategoryTerms,
    summary: str,
    *round_names: str,
    experience: ExperienceRule = EXPERIENCE_12_MONTHS,
    new_list: bool = False,
    list_note: str | None = None,
) -> CategoryTerms:
    """An occupational category carried into 2026 under the 12-month rule."""
    notes = (list_note,) if list_note else ()
    return attrs.evolve(
        previous,
        policy_year=2026,
        summary=summary,
        experience=experience,
        new_list=new_list,
        round_names=round_names,
        unconfirmed=(*_NOTES, *notes, _UNCONFIRMED_DELIVERY),
        sources=(_RULES_2026, _DELIVERY_UPDATE_2026, *_SOURCES),
    )


def _new(  # noqa: PLR0913 (the terms of one category, each named)
    category: Category,
    title: str,
    summary: str,
    *round_names: str,
    unconfirmed: tuple[str, ...],
    sources: tuple[Source, ...],
    experience: ExperienceRule | None = None,
    military: MilitaryRule | None = None,
) -> CategoryTerms:
    """A category new in 2026."""
    return CategoryTerms(
        category=category,
        policy_year=2026,
        title=title,
        summary=summary,
        experience=experience,
        military=military,
        new_list=True,
        round_names=round_names,
        unconfirmed=unconfirmed,
        sources=sources,
    )


_BEFORE = _PREVIOUS.categories

#: The categories of 2026 (reference/categories.md sections 3 and 4, "2025 to 2026", and "Update 2026-11-25").
CATEGORIES: Final = (
    attrs.evolve(
        _BEFORE[Category.FRENCH],
        policy_year=2026,
        summary="Same rule (NCLC 7 in all four abilities); IRCC's rounds are now named '2026-Version 2'.",
        round_names=("French-Language proficiency 2026-Version 2",),
        unconfirmed=(
            *_NOTES,
            (
                "What changed in the instrument behind IRCC's 'Version 2' label is not known; 2026 sources still quote "
                "NCLC 7 in all four abilities [UNCONFIRMED]."
            ),
            (
                "IRCC's rounds feed already names the round of 2026-02-06 'French-Language proficiency 2026-Version 2', "
                "before this version's effective date, so the 2026 French instrument was probably in force earlier; its "
                "start is not known [UNCONFIRMED]. The rule is the same either way."
            ),
        ),
        sources=_SOURCES,
    ),
    _terms(
        _BEFORE[Category.HEALTHCARE],
        "12 months, not necessarily continuous; the same 37 occupations.",
        "Healthcare and Social Services Occupations, 2026-Version 3",
        list_note=_UNCONFIRMED_LIST,
    ),
    _terms(
        _BEFORE[Category.STEM],
        "12 months, not necessarily continuous; the same 11 occupations.",
        list_note=_UNCONFIRMED_LIST,
    ),
    _terms(
        _BEFORE[Category.TRADES],
        "12 months, not necessarily continuous; 63200 (cooks) removed and 63201 (butchers) added: 25 occupations.",
        "Trades Occupations, 2026-Version 3",
        new_list=True,
        list_note="The 2026 list rests on secondary sources (two code transcriptions of IRCC's page and news "
        "reports); 72501, 72999 and 82021 are backed by three of them against one incomplete summary "
        "[UNCONFIRMED at primary level].",
    ),
    _terms(
        _BEFORE[Category.EDUCATION],
        "12 months, not necessarily continuous; the same 5 occupations.",
        list_note=_UNCONFIRMED_LIST,
    ),
    # Re-created from the terms it had until 2025, with a new list.
    _terms(
        y2024.RULES_2024_01_01.categories[Category.TRANSPORT],
        (
            "Re-created with 4 occupations (only 72404 and 72600 were on the 2023-2024 list); 12 months, not necessarily "
            "continuous."
        ),
        "Transport Occupations, 2026-Version 2",
        new_list=True,
    ),
    _terms(
        _BEFORE[Category.PHYSICIANS],
        (
            "12 months in Canada, not necessarily continuous, from 2026-02-18 (the list itself dates from 2025-12-08); "
            "the same 3 occupations, which are also on the healthcare list."
        ),
        "Physicians with Canadian Work Experience, 2026-Version 1",
        experience=EXPERIENCE_12_MONTHS_IN_CANADA,
    ),
    _new(
        Category.SENIOR_MANAGERS,
        "Senior managers with Canadian work experience",
        "New category: 4 senior management occupations (not 00010 or 00011), 12 months in Canada.",
        "Senior managers with Canadian Work Experience, 2026-Version 1",
        experience=EXPERIENCE_12_MONTHS_IN_CANADA,
        unconfirmed=(*_NOTES, _UNCONFIRMED_DELIVERY),
        sources=(_RULES_2026, *_SOURCES),
    ),
    _new(
        Category.RESEARCHERS,
        "Researchers with Canadian work experience",
        "New category: 2 post-secondary teaching and research occupations, 12 months in Canada.",
        experience=EXPERIENCE_12_MONTHS_IN_CANADA,
        unconfirmed=(*_NOTES, _UNCONFIRMED_DELIVERY),
        sources=(_RULES_2026, *_SOURCES),
    ),
    _new(
        Category.MILITARY,
        "Skilled military recruits",
        (
            "New category: 3 Canadian Armed Forces occupations; 10 years of foreign military service, a Canadian Forces "
            "Recruiting Group offer, a 2-year post-secondary credential."
        ),
        "Skilled Military Recruits, 2026-Version 1",
        military=MILITARY_2026,
        unconfirmed=(*_NOTES, "IRCC does not define 'recognized foreign military' [UNCONFIRMED]."),
        sources=(_MILITARY_NEWS, *_SOURCES),
    ),
)

RULES_2026_02_18 = _PREVIOUS.derive(
    id="2026-02-18",
    effective=date(2026, 2, 18),
    summary="2026 categories: 12 months of experience, not necessarily continuous; senior managers, researchers and "
    "skilled military recruits added, transport re-created, agriculture retired; trades: cooks out, butchers in.",
    category_changes=frozenset({*(t.category for t in CATEGORIES), Category.AGRICULTURE}),
    sources=_SOURCES,
    verified_on=date(2026, 11, 25),
    categories={t.category: t for t in CATEGORIES},
)
