"""IRCC's headings: the sections and factors of the CRS (its criteria page), and the categories of selection."""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import Final

__all__ = ["Category", "Factor", "Section"]


class Section(Enum):
    """The four sections of a CRS score.

    .. versionadded:: 0.1.0
    """

    #: A. Core / human capital factors.
    CORE = "core"
    #: B. Spouse or common-law partner factors.
    SPOUSE = "spouse"
    #: C. Skill transferability factors.
    SKILL_TRANSFERABILITY = "skill_transferability"
    #: D. Additional points.
    ADDITIONAL = "additional"


class Factor(Enum):
    """One factor of the CRS grid; each belongs to one :class:`Section`.

    Rulesets declare the factors they change (:attr:`crsrules.RuleSet.changes`), and a score breakdown sums its lines
    by factor (:attr:`crsrules.ScoreBreakdown.by_factor`).

    .. versionadded:: 0.1.0
    """

    AGE = "age"
    EDUCATION = "education"
    FIRST_OFFICIAL_LANGUAGE = "first_official_language"
    SECOND_OFFICIAL_LANGUAGE = "second_official_language"
    CANADIAN_WORK_EXPERIENCE = "canadian_work_experience"
    SPOUSE_EDUCATION = "spouse_education"
    SPOUSE_OFFICIAL_LANGUAGE = "spouse_official_language"
    SPOUSE_CANADIAN_WORK_EXPERIENCE = "spouse_canadian_work_experience"
    EDUCATION_AND_LANGUAGE = "education_and_language"
    EDUCATION_AND_CANADIAN_WORK = "education_and_canadian_work"
    FOREIGN_WORK_AND_LANGUAGE = "foreign_work_and_language"
    FOREIGN_AND_CANADIAN_WORK = "foreign_and_canadian_work"
    CERTIFICATE_OF_QUALIFICATION = "certificate_of_qualification"
    PROVINCIAL_NOMINATION = "provincial_nomination"
    ARRANGED_EMPLOYMENT = "arranged_employment"
    CANADIAN_EDUCATION = "canadian_education"
    FRENCH_LANGUAGE_SKILLS = "french_language_skills"
    SIBLING_IN_CANADA = "sibling_in_canada"

    @property
    def section(self) -> Section:
        """The section this factor belongs to."""
        return _SECTION_OF[self]


_SECTION_OF = {
    **dict.fromkeys(
        (
            Factor.AGE,
            Factor.EDUCATION,
            Factor.FIRST_OFFICIAL_LANGUAGE,
            Factor.SECOND_OFFICIAL_LANGUAGE,
            Factor.CANADIAN_WORK_EXPERIENCE,
        ),
        Section.CORE,
    ),
    **dict.fromkeys(
        (Factor.SPOUSE_EDUCATION, Factor.SPOUSE_OFFICIAL_LANGUAGE, Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE),
        Section.SPOUSE,
    ),
    **dict.fromkeys(
        (
            Factor.EDUCATION_AND_LANGUAGE,
            Factor.EDUCATION_AND_CANADIAN_WORK,
            Factor.FOREIGN_WORK_AND_LANGUAGE,
            Factor.FOREIGN_AND_CANADIAN_WORK,
            Factor.CERTIFICATE_OF_QUALIFICATION,
        ),
        Section.SKILL_TRANSFERABILITY,
    ),
    **dict.fromkeys(
        (
            Factor.PROVINCIAL_NOMINATION,
            Factor.ARRANGED_EMPLOYMENT,
            Factor.CANADIAN_EDUCATION,
            Factor.FRENCH_LANGUAGE_SKILLS,
            Factor.SIBLING_IN_CANADA,
        ),
        Section.ADDITIONAL,
    ),
}


class Category(Enum):
    """A category of category-based selection; the value is crsrules' slug, used in JSON and in the data file.

    Each version of the rules says which categories are in force and on what terms
    (:attr:`crsrules.RuleSet.categories`).

    Example:
        >>> Category("stem").title
        'Science, Technology, Engineering and Math (STEM) occupations'

    .. versionadded:: 0.1.0
    """

    FRENCH = "french"
    HEALTHCARE = "healthcare"
    STEM = "stem"
    TRADES = "trades"
    TRANSPORT = "transport"
    AGRICULTURE = "agriculture"
    EDUCATION = "education"
    PHYSICIANS = "physicians"
    SENIOR_MANAGERS = "senior_managers"
    RESEARCHERS = "researchers"
    MILITARY = "military"

    @property
    def title(self) -> str:
        """IRCC's name for the category, as of its latest version.

        Earlier names are in :attr:`crsrules.CategoryVersion.title`.
        """
        return _TITLES[self]


# The latest version's title of each category (a test checks them against the versions in crsrules.rules).
_TITLES: Final = MappingProxyType(
    {
        Category.FRENCH: "French-language proficiency",
        Category.HEALTHCARE: "Healthcare and social services occupations",
        Category.STEM: "Science, Technology, Engineering and Math (STEM) occupations",
        Category.TRADES: "Trade occupations",
        Category.TRANSPORT: "Transport occupations",
        Category.AGRICULTURE: "Agriculture and agri-food occupations",
        Category.EDUCATION: "Education occupations",
        Category.PHYSICIANS: "Physicians with Canadian work experience",
        Category.SENIOR_MANAGERS: "Senior managers with Canadian work experience",
        Category.RESEARCHERS: "Researchers with Canadian work experience",
        Category.MILITARY: "Skilled military recruits",
    }
)
