"""IRCC's headings: the CRS sections and factors, the selection categories, the programs and the FSW grid's factors."""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import Final

__all__ = ["AdaptabilityElement", "Category", "Factor", "FswFactor", "Program", "Section"]


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


class Program(Enum):
    """An Express Entry program: meeting the entry criteria of one of them puts a candidate in the pool.

    Example:
        >>> Program("cec").title
        'Canadian Experience Class'

    .. versionadded:: 0.1.0
    """

    #: Federal Skilled Worker Program.
    FSW = "fsw"
    #: Canadian Experience Class.
    CEC = "cec"
    #: Federal Skilled Trades Program.
    FST = "fst"

    @property
    def title(self) -> str:
        """The program's name, as IRCC writes it."""
        return _PROGRAM_TITLES[self]


_PROGRAM_TITLES = {
    Program.FSW: "Federal Skilled Worker Program",
    Program.CEC: "Canadian Experience Class",
    Program.FST: "Federal Skilled Trades Program",
}


class FswFactor(Enum):
    """A factor of the FSW selection grid, in the order of IRCC's grid.

    .. versionadded:: 0.1.0
    """

    #: First official language, points per ability (max 24).
    FIRST_OFFICIAL_LANGUAGE = "first_official_language"
    #: Second official language (max 4).
    SECOND_OFFICIAL_LANGUAGE = "second_official_language"
    #: Education (max 25).
    EDUCATION = "education"
    #: Work experience (max 15).
    WORK_EXPERIENCE = "work_experience"
    #: Age (max 12).
    AGE = "age"
    #: Arranged employment in Canada (max 10).
    ARRANGED_EMPLOYMENT = "arranged_employment"
    #: Adaptability (max 10).
    ADAPTABILITY = "adaptability"


class AdaptabilityElement(Enum):
    """An element of the FSW adaptability factor; each counts once, and the factor is capped.

    .. versionadded:: 0.1.0
    """

    #: The accompanying spouse or partner has CLB 4 or more in all four abilities of an official language.
    SPOUSE_LANGUAGE = "spouse_language"
    #: The applicant completed 2 or more academic years of full-time study in Canada.
    STUDY_IN_CANADA = "study_in_canada"
    #: The accompanying spouse or partner did the same.
    SPOUSE_STUDY_IN_CANADA = "spouse_study_in_canada"
    #: The applicant has 1 year or more of full-time skilled work in Canada.
    WORK_IN_CANADA = "work_in_canada"
    #: The accompanying spouse or partner has 1 year or more of full-time work in Canada.
    SPOUSE_WORK_IN_CANADA = "spouse_work_in_canada"
    #: The applicant earned points for arranged employment.
    ARRANGED_EMPLOYMENT = "arranged_employment"
    #: The applicant or the accompanying spouse has a relative in Canada (``Candidate.siblings`` and
    #: ``Candidate.relatives``).
    RELATIVE_IN_CANADA = "relative_in_canada"
