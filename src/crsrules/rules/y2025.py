"""Rules of 2025: the 2025 categories, no CRS points for arranged employment, the physicians category.

- 2025-02-27: the Minister announced the 2025 categories. Education added, transport dropped, the healthcare (renamed
  "healthcare and social services"), STEM, trades and agriculture lists revised; the 6-month rule did not change.
- 2025-03-25: MI s. 29(1) repealed (the definition of a qualifying offer in s. 29(2) stays, since the FSW grid, FST
  eligibility and some provincial streams still use it). Candidates in the pool lost their 50 or 200 points;
  invitations already issued were not affected.
- 2025-12-08: physicians with Canadian work experience added (first round 2026-02-19).
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from crsrules.headings import Category, Factor
from crsrules.model import ArrangedEmployment
from crsrules.rules import y2023, y2024
from crsrules.rules._categories import CategoryTerms, carried_over
from crsrules.rules._ruleset import Source

_PREVIOUS = y2024.RULES_2024_01_30

# --- 2025-02-27: the 2025 categories ---------------------------------------------------------------------------------

_SOURCES = (y2023.IRCC_CATEGORY_PAGE, y2023.ROUNDS_FEED)
_NOTES = (
    (
        "The effective date 2025-02-27 is the day the Minister announced the 2025 categories; the in-force date of the "
        "instrument was not found [UNCONFIRMED]."
    ),
)


def _revised(category: Category, title: str, summary: str, *round_names: str) -> CategoryTerms:
    """An occupational category of 2025 with a new list (the rule is still 6 continuous months)."""
    return CategoryTerms(
        category=category,
        policy_year=2025,
        title=title,
        summary=summary,
        experience=y2023.EXPERIENCE_6_MONTHS_CONTINUOUS,
        new_list=True,
        round_names=round_names,
        unconfirmed=_NOTES,
        sources=_SOURCES,
    )


#: The categories of 2025-02-27 (reference/categories.md section 4, "2024 to 2025"); transport is retired.
CATEGORIES: Final = (
    carried_over(
        _PREVIOUS.categories[Category.FRENCH],
        policy_year=2025,
        round_names=("French language proficiency (Version 1)",),
        unconfirmed=_NOTES,
        sources=_SOURCES,
    ),
    _revised(
        Category.HEALTHCARE,
        "Healthcare and social services occupations",
        "Renamed; 8 occupations added and 6 removed (42203 moved to education): 37 occupations.",
        "Healthcare and social services occupations (Version 2)",
    ),
    _revised(
        Category.STEM,
        "Science, Technology, Engineering and Math (STEM) occupations",
        "6 occupations added and 19 removed: 11 occupations.",
    ),
    _revised(
        Category.TRADES,
        "Trade occupations",
        "19 occupations added and 4 removed: 25 occupations.",
        "Trade occupations (Version 2)",
    ),
    _revised(
        Category.AGRICULTURE,
        "Agriculture and agri-food occupations",
        "82030 and 82031 removed: 63201 is the only occupation left.",
    ),
    _revised(
        Category.EDUCATION,
        "Education occupations",
        "New category: 5 education occupations.",
        "Education occupations (Version 1)",
    ),
)

RULES_2025_02_27 = _PREVIOUS.derive(
    id="2025-02-27",
    effective=date(2025, 2, 27),
    summary="2025 categories: education added, transport dropped, healthcare, STEM, trades and agriculture lists "
    "revised.",
    category_changes=frozenset({*(t.category for t in CATEGORIES), Category.TRANSPORT}),
    sources=_SOURCES,
    verified_on=date(2026, 11, 25),
    categories={t.category: t for t in CATEGORIES},
)

# --- 2025-03-25: arranged employment earns no CRS points -------------------------------------------------------------

# D. Additional points: arranged employment earns nothing.
_ADDITIONAL_BEFORE = RULES_2025_02_27.additional
ADDITIONAL = attrs.evolve(
    _ADDITIONAL_BEFORE,
    arranged_employment=_ADDITIONAL_BEFORE.arranged_employment.updated(
        {ArrangedEmployment.SENIOR_MANAGEMENT: 0, ArrangedEmployment.OTHER_SKILLED: 0}
    ),
)

RULES_2025_03_25 = RULES_2025_02_27.derive(
    id="2025-03-25",
    effective=date(2025, 3, 25),
    summary="Arranged employment no longer earns CRS points.",
    changes=frozenset({Factor.ARRANGED_EMPLOYMENT}),
    sources=(
        Source(
            title="Canada removes bonus CRS points for arranged employment from Express Entry (CIC News copy)",
            url="https://www.sttglobaleduconsults.com/2025/03/26/canada-removes-bonus-crs-points-for-arranged-employment-from-express-entry",
        ),
        Source(
            title="Holthe Law: CRS points for the job offer in Canada",
            url="https://holthelaw.com/blog/crs-points-for-the-job-offer-in-canada",
        ),
        Source(
            title="Express Entry job offer points in 2026 (job offer adds 0; last verified June 2026)",
            url="https://cleartoenter.ca/guides/express-entry-job-offer-points-2026",
        ),
    ),
    verified_on=date(2026, 11, 25),
    additional=ADDITIONAL,
)

# --- 2025-12-08: physicians with Canadian work experience -----------------------------------------------------------

_PHYSICIANS_RELEASE = Source(
    title="IRCC news release, 2025-12-08: targeted immigration measures to boost Canada's supply of doctors "
    "(physicians with Canadian work experience; no licence condition)",
    url="https://www.newswire.ca/news-releases/targeted-immigration-measures-to-boost-canada-s-supply-of-doctors-"
    "825809311.html",
)

#: Physicians with Canadian work experience as announced on 2025-12-08: 12 months of continuous full-time work (or
#: the part-time equivalent) in Canada within the 3 years before.
EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA: Final = attrs.evolve(
    y2023.EXPERIENCE_6_MONTHS_CONTINUOUS,
    months=12,
    in_canada_only=True,
    sources=(_PHYSICIANS_RELEASE, y2023.FULL_TIME_30_HOURS, y2023.YEAR_1560_HOURS),
)

#: The physicians category as announced (a 2025 category: its notes include the 2025 ones).
PHYSICIANS: Final = CategoryTerms(
    category=Category.PHYSICIANS,
    policy_year=2025,
    title="Physicians with Canadian work experience",
    summary="New category, announced on 2025-12-08: 3 physician occupations, 12 months of continuous work in Canada.",
    experience=EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA,
    new_list=True,
    unconfirmed=(
        *_NOTES,
        (
            "The rule is the wording of IRCC's 2025-12-08 announcement (no licence condition); the instructions for the "
            "category's rounds were not read [UNCONFIRMED]."
        ),
        (
            "The effective date 2025-12-08 is the day of the announcement; the in-force date of the instrument was not "
            "found [UNCONFIRMED]. No round was held under this version."
        ),
    ),
    sources=(_PHYSICIANS_RELEASE, *_SOURCES),
)

RULES_2025_12_08 = RULES_2025_03_25.derive(
    id="2025-12-08",
    effective=date(2025, 12, 8),
    summary="Physicians with Canadian work experience added as a category.",
    category_changes=frozenset({Category.PHYSICIANS}),
    sources=(_PHYSICIANS_RELEASE,),
    verified_on=date(2026, 11, 25),
    categories={**RULES_2025_03_25.categories, Category.PHYSICIANS: PHYSICIANS},
)
