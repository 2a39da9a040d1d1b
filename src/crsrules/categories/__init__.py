"""Category-based selection: the category versions and who is eligible.

Since 2023-06-28 IRCC also holds Express Entry rounds that invite only the candidates of one **category**: strong
French, or recent work in one of the occupations the Minister lists for the category. A category round ranks those
candidates by their CRS score as usual; the category is a filter on who competes, not a change to the score.

The terms of each category are dated rules, in :mod:`crsrules.rules` like every other: each ruleset from 2023-05-31
holds the terms of the categories in force (:attr:`crsrules.RuleSet.categories`), and its module states what it
changed. This package reads them:

- :class:`CategoryVersion` is one category under one set of terms, from the ruleset that brings them in until the one
  that changes them or retires the category (``_versions``);
- :func:`category_eligibility` and :func:`eligible_categories` apply them to a candidate's facts (``_eligibility``,
  with the skilled military recruits in ``_military``), and answer with a :class:`CategoryEligibility` whose
  conditions are records with stable codes (``_answer``).

:doc:`/how-to/category-eligibility` explains how crsrules reads the conditions, and :doc:`/reference/categories` lists
every version with its list, its notes and its sources.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from crsrules.categories._eligibility import CategoryEligibility, category_eligibility, eligible_categories
from crsrules.categories._versions import (
    LAST_KNOWN_DATE,
    CategoryNotInForceError,
    CategoryVersion,
    UnknownRoundNameError,
    available_category_versions,
    category_version,
    category_versions,
    version_for_round_name,
)
from crsrules.headings import Category
from crsrules.rules import ExperienceRule, FrenchRule, MilitaryRule
from crsrules.rules.y2023 import EXPERIENCE_6_MONTHS_CONTINUOUS, FRENCH_NCLC_7
from crsrules.rules.y2025 import EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA
from crsrules.rules.y2026 import EXPERIENCE_12_MONTHS, EXPERIENCE_12_MONTHS_IN_CANADA, MILITARY_2026

__all__ = [
    "EXPERIENCE_6_MONTHS_CONTINUOUS",
    "EXPERIENCE_12_MONTHS",
    "EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA",
    "EXPERIENCE_12_MONTHS_IN_CANADA",
    "FRENCH_NCLC_7",
    "LAST_KNOWN_DATE",
    "MILITARY_2026",
    "Category",
    "CategoryEligibility",
    "CategoryNotInForceError",
    "CategoryVersion",
    "ExperienceRule",
    "FrenchRule",
    "MilitaryRule",
    "UnknownRoundNameError",
    "available_category_versions",
    "category_eligibility",
    "category_version",
    "category_versions",
    "eligible_categories",
    "version_for_round_name",
]

# The errors keep the module they were raised from before the split: tracebacks name them as in 0.1.
CategoryNotInForceError.__module__ = __name__
