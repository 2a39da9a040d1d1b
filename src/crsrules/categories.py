"""Category-based selection: the categories of each policy year from 2023 to 2026, their lists, and who is eligible.

Since 2023-06-28 IRCC also holds Express Entry rounds that invite only the candidates of one **category**: strong
French, or recent work in one of the occupations the Minister lists for the category. A category round ranks those
candidates by their CRS score as usual; the category is a filter on who competes, not a change to the score.

Each **policy year** (2023, 2024, 2025, 2026) is data, in the spirit of :mod:`crsrules.rules`: 2023 spells out every
category, and each later year states only what changed (a new list, a new rule, a new or retired category). One
category in one policy year is a :class:`CategoryVersion`, in force from its effective date (inclusive) until the next
version of the category starts or the category is retired. The occupation codes come from the package data file
``crsrules/data/category-occupations.csv`` (``crsrules/data/README.md`` gives its provenance), read and checked on
first use; they are never typed in this module.

How crsrules decides eligibility (:func:`category_eligibility`), where IRCC's texts leave room:

- **Months are hours.** A month of full-time work is 130 hours: 1,560 hours a year (30 hours a week for 52 weeks),
  divided by 12. Each day of a job counts its hours a week divided by 7, all jobs of the day together capped at
  full time (:func:`crsrules.derive.work_hours`), so part-time work counts pro rata and overlapping jobs never count
  twice. Six months are 780 hours (182 days of full-time work), twelve months 1,560 hours (364 days).
- **The window** is the 3 years before the date: the days after the date's third anniversary back, up to and
  including the date itself (the same convention as the CRS work rules).
- **Continuous** (2023 to 2025, and physicians as announced on 2025-12-08): the experience must lie in one unbroken
  run of days, each covered by at least one job in the same listed occupation; a single day without such a job ends
  the run. Part-time days keep a run going and count pro rata. Neither IRCC nor the research notes define the word
  further, so no gap is tolerated.
- **One occupation**: months in different listed occupations never add up; the best occupation is reported.
- Work counts only with a NOC 2021 code (the lists use NOC 2021); a job with only a NOC 2016 code is reported and not
  counted. Unpaid work never counts. Self-employment and work while a full-time student are not excluded: no
  category rule found excludes them.
- **French**: a TEF Canada or TCF Canada result valid on the date (:func:`crsrules.derive.valid_language_results`,
  with the CRS ruleset in force) with at least NCLC 7 in each of the four abilities.
- **Skilled military recruits**: continuous service (an unbroken run of jobs, in any of the category's three
  occupations) reaching the date and at least 10 years long; a job offer in one of the three occupations in force on
  the date; a counted post-secondary credential of a program of 2 years or more. What a :class:`~crsrules.Candidate`
  cannot show (a *recognized* foreign military, an offer from the Canadian Forces Recruiting Group for at least 3
  years of continuous full-time work) is listed in the reasons as not checked.
- Whether the candidate is in the Express Entry pool at all (eligible for FSW, CEC or FST) and the round's own
  instructions are not part of this module's answer.

Dates after :data:`LAST_KNOWN_DATE` get the latest versions and a :class:`~crsrules.StaleRulesWarning`.

References:
    - The project's research notes, ``reference/categories.md`` (sections 1 to 7, 10 and the update of 2026-11-25),
      which cite the IRCC pages, news releases and the reproductions of IRCC's tables the lists come from.
    - IRCC, "Express Entry rounds of invitations: Category-based selection" (canada.ca; read through the
      reproductions the research notes list):
      https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/submit-profile/rounds-invitations/category-based-selection.html
    - IRCC's rounds-of-invitations feed (round names), copy of 2026-08-20 in
      ``github.com/Yin-Marina/Daily_Express_Entry`` (``json/ee_rounds_123_en.json``, commit d5efaf9), and the older
      names recorded in the shared data's ``README-rounds.md``:
      https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import io
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import Enum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

import attrs
from attrs import field, frozen

from crsrules import rules
from crsrules._validation import a_date
from crsrules.candidate import Candidate, Job, LanguageResult
from crsrules.derive import anniversary, continuous_periods, counted_credentials, valid_language_results, work_hours
from crsrules.errors import CRSRulesError, InvalidValueError, UnknownRoundNameError
from crsrules.language import LanguageTest
from crsrules.model import Education
from crsrules.occupations import UnknownOccupationError, occupation
from crsrules.rules import RuleSet, Source, available_rulesets, warn_stale, y2015
from crsrules.tables import RulesDefinitionError

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

_DATA_PACKAGE = "crsrules.data"
_OCCUPATIONS_FILE = "category-occupations.csv"
_COLUMNS = ("policy_year", "category", "noc_code", "title", "effective_date", "notes")
_UNCONFIRMED_MARK = "[UNCONFIRMED"
_ONE_DAY = timedelta(days=1)
_MONTHS_A_YEAR = 12
# Hours compared with a threshold are sums of floats; this absorbs their rounding only.
_EPSILON = 1e-9

#: The latest date on which public sources show these categories in force: the same snapshot of IRCC's rounds feed
#: (2026-08-20) that dates :data:`crsrules.rules.LAST_KNOWN_DATE` still names its rounds after the 2026 versions
#: (reference/categories.md, "Update 2026-11-25"; nothing later was found). Dates after it get the latest versions
#: with a :class:`~crsrules.StaleRulesWarning`.
LAST_KNOWN_DATE: Final = rules.LAST_KNOWN_DATE


class Category(Enum):
    """A category of category-based selection; the value is crsrules' slug, used in JSON and in the data file.

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
        """IRCC's name for the category, as of its latest version (earlier names: :attr:`CategoryVersion.title`)."""
        return _TITLES[self]


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


# --- the rules, as data ---------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class ExperienceRule:
    """The work experience an occupational category asks for.

    .. versionadded:: 0.1.0
    """

    #: Months of full-time work (or the same number of hours part-time) needed.
    months: int
    #: The experience must fall within this many years before the date.
    window_years: int
    #: The months must form one unbroken run of days in the occupation (see the module's notes).
    continuous: bool
    #: Only work in Canada counts.
    in_canada_only: bool
    #: Hours a week that make full-time work; more hours in a day never count for more.
    full_time_hours_per_week: int
    #: Hours of full-time work that make a year; a month is a twelfth of it.
    hours_per_year: int
    #: Where the numbers come from.
    sources: tuple[Source, ...]

    @property
    def hours_per_month(self) -> float:
        """Hours of full-time work that make one month (130 for 1,560 hours a year)."""
        return self.hours_per_year / _MONTHS_A_YEAR

    @property
    def hours_needed(self) -> float:
        """Hours of full-time-equivalent work the rule needs."""
        return self.months * self.hours_per_month

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> EXPERIENCE_6_MONTHS_CONTINUOUS.describe()
            'at least 6 months of continuous full-time work (or the same hours part-time) in one listed occupation, \
in the 3 years before the date, in Canada or abroad'
        """
        kind = "continuous full-time work" if self.continuous else "full-time work"
        continuity = "" if self.continuous else ", not necessarily continuous,"
        where = "in Canada" if self.in_canada_only else "in Canada or abroad"
        return (
            f"at least {self.months} months of {kind} (or the same hours part-time){continuity} in one listed "
            f"occupation, in the {self.window_years} years before the date, {where}"
        )


@frozen(kw_only=True)
class FrenchRule:
    """The French-language proficiency category's condition.

    .. versionadded:: 0.1.0
    """

    #: The NCLC level needed in each of the four abilities.
    minimum_level: int
    #: The tests whose results count.
    tests: tuple[LanguageTest, ...]
    sources: tuple[Source, ...]

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> FRENCH_NCLC_7.describe()
            'a valid TEF Canada or TCF Canada result with at least NCLC 7 in all four abilities'
        """
        tests = " or ".join(t.label for t in self.tests)
        return f"a valid {tests} result with at least NCLC {self.minimum_level} in all four abilities"


@frozen(kw_only=True)
class MilitaryRule:
    """The skilled military recruits category's conditions (the occupations are the version's list).

    .. versionadded:: 0.1.0
    """

    #: Years of continuous service in a recognized foreign military, still serving on the date.
    service_years: int
    #: Years of continuous full-time work in Canada the Canadian Forces Recruiting Group's offer must be for.
    offer_years: int
    #: The lowest level of the post-secondary credential needed (a program of at least 2 years).
    minimum_credential: Education
    sources: tuple[Source, ...]

    def describe(self) -> str:
        """The rule in words."""
        return (
            f"serving in a recognized foreign military with at least {self.service_years} years of continuous service "
            "in one of the listed occupations; an offer of arranged employment from the Canadian Forces Recruiting "
            f"Group for continuous full-time work in Canada of at least {self.offer_years} years in one of them; and "
            f"a post-secondary credential of a program of at least 2 years ({self.minimum_credential.value} or "
            "higher; with an educational credential assessment if obtained outside Canada)"
        )


_IRCC_CATEGORY_PAGE = Source(
    title="IRCC, Express Entry rounds of invitations: Category-based selection (read through the reproductions "
    "listed in reference/categories.md)",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/"
    "submit-profile/rounds-invitations/category-based-selection.html",
)
_ROUNDS_FEED = Source(
    title="IRCC rounds-of-invitations feed (round names), copy of 2026-08-20 in github.com/Yin-Marina/"
    "Daily_Express_Entry, json/ee_rounds_123_en.json at commit d5efaf9",
    url="https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
)
_FULL_TIME_30_HOURS = Source(
    title="Ministerial Instructions amending the Express Entry system (Canadian work experience), 2015-05-30: "
    "full time is 30 hours a week",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-"
    "system/amending-express-entry-system-canadian-work-experience.html",
)
_YEAR_1560_HOURS = Source(
    title="IRCC, Federal Skilled Workers: a year of work is 1,560 hours; hours above 30 a week do not count",
    url="https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/"
    "eligibility/federal-skilled-workers.html",
)
_PHYSICIANS_RELEASE = Source(
    title="IRCC news release, 2025-12-08: targeted immigration measures to boost Canada's supply of doctors "
    "(physicians with Canadian work experience; no licence condition)",
    url="https://www.newswire.ca/news-releases/targeted-immigration-measures-to-boost-canada-s-supply-of-doctors-"
    "825809311.html",
)
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
_MILITARY_2026 = Source(
    title="CIC News, 2026-02-24: Canada is prioritizing foreign military members (skilled military recruits)",
    url="https://www.cicnews.com/2026/02/canada-is-prioritizing-foreign-military-members-to-immigrate-to-the-"
    "country-heres-what-you-need-to-know-0271944.html",
)

# The rule numbers, each in one place with its sources. The 2023 rule (reference/categories.md section 2) still held
# in 2025: pages written after the 2025-02-27 announcement, as late as January 2026, quote 6 continuous months.

#: 2023 to 2025 occupational categories: 6 months of continuous full-time work (or the same hours part-time) in one
#: listed occupation, within the 3 years before, in Canada or abroad; 30 hours a week is full time, 1,560 hours a year.
EXPERIENCE_6_MONTHS_CONTINUOUS: Final = ExperienceRule(
    months=6,
    window_years=3,
    continuous=True,
    in_canada_only=False,
    # IRCC's definitions of full time and of a year of work, the same as in the CRS rules of evidence.
    full_time_hours_per_week=y2015.EVIDENCE.full_time_hours_per_week,
    hours_per_year=y2015.EVIDENCE.hours_per_year,
    sources=(_IRCC_CATEGORY_PAGE, _FULL_TIME_30_HOURS, _YEAR_1560_HOURS),
)
#: Physicians with Canadian work experience as announced on 2025-12-08: 12 months of continuous full-time work (or
#: the part-time equivalent) in Canada within the 3 years before.
EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA: Final = attrs.evolve(
    EXPERIENCE_6_MONTHS_CONTINUOUS,
    months=12,
    in_canada_only=True,
    sources=(_PHYSICIANS_RELEASE, _FULL_TIME_30_HOURS, _YEAR_1560_HOURS),
)
#: From 2026-02-18, occupational categories: 12 months of full-time work (or the same hours part-time), not
#: necessarily continuous, in one listed occupation, within the 3 years before, in Canada or abroad.
EXPERIENCE_12_MONTHS: Final = attrs.evolve(
    EXPERIENCE_6_MONTHS_CONTINUOUS,
    months=12,
    continuous=False,
    sources=(_IRCC_CATEGORY_PAGE, _RULES_2026, _FULL_TIME_30_HOURS, _YEAR_1560_HOURS),
)
#: From 2026-02-18, physicians, senior managers and researchers "with Canadian work experience": the same 12 months,
#: in Canada.
EXPERIENCE_12_MONTHS_IN_CANADA: Final = attrs.evolve(EXPERIENCE_12_MONTHS, in_canada_only=True)
# The definitions of full time and of a month's hours, for the military service's months.
_HOURS: Final = EXPERIENCE_6_MONTHS_CONTINUOUS
#: French-language proficiency, every year: NCLC 7 in all four abilities on TEF Canada or TCF Canada.
FRENCH_NCLC_7: Final = FrenchRule(
    minimum_level=7,
    tests=(LanguageTest.TEF_CANADA, LanguageTest.TCF_CANADA),
    sources=(_IRCC_CATEGORY_PAGE,),
)
#: Skilled military recruits, from 2026-02-18: 10 years of continuous service, a Canadian Forces Recruiting Group
#: offer of at least 3 years, and a post-secondary credential of at least 2 years.
MILITARY_2026: Final = MilitaryRule(
    service_years=10,
    offer_years=3,
    minimum_credential=Education.TWO_YEAR,
    sources=(_IRCC_CATEGORY_PAGE, _MILITARY_2026),
)


# --- the policy years -----------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class _Terms:
    """What a policy year says about one category; the occupation list comes from the data file."""

    title: str
    summary: str
    experience: ExperienceRule | None = None
    french: FrenchRule | None = None
    military: MilitaryRule | None = None
    #: Notes on what the research notes mark [UNCONFIRMED], about this category's terms.
    unconfirmed: tuple[str, ...] = ()
    #: The first day, when not the policy year's.
    effective: date | None = None
    sources: tuple[Source, ...] = ()


@frozen(kw_only=True)
class _PolicyYear:
    """One policy year: the terms of each category in force, and what changed from the year before."""

    year: int
    effective: date
    summary: str
    terms: Mapping[Category, _Terms]
    #: Categories whose occupation list is new this year; every other one keeps the previous year's list.
    new_lists: frozenset[Category]
    #: Categories dropped this year (no version from the year's effective date).
    retired: frozenset[Category]
    #: IRCC's names of the rounds held under each category's version of this year.
    round_names: Mapping[Category, tuple[str, ...]]
    #: Notes on what the research notes mark [UNCONFIRMED], for every category of the year.
    unconfirmed: tuple[str, ...]
    sources: tuple[Source, ...]

    def derive(  # noqa: PLR0913 (a policy year is its changes, each named)
        self,
        *,
        year: int,
        effective: date,
        summary: str,
        sources: tuple[Source, ...],
        unconfirmed: tuple[str, ...],
        round_names: Mapping[Category, tuple[str, ...]],
        changed: Mapping[Category, _Terms] | None = None,
        new_lists: Iterable[Category] = (),
        retired: Iterable[Category] = (),
    ) -> _PolicyYear:
        """The next policy year: this one's terms, minus *retired*, with *changed* terms replaced or added."""
        gone = frozenset(retired)
        changed = dict(changed or {})
        missing = gone - set(self.terms)
        if missing or gone & set(changed):
            msg = f"policy year {year}: cannot retire {sorted(c.value for c in missing | (gone & set(changed)))}"
            raise RulesDefinitionError(msg)
        # A category carried over keeps its terms, from the new year's effective date.
        carried = f"Carried over unchanged from {self.year}."
        terms = {c: attrs.evolve(t, summary=carried, effective=None) for c, t in self.terms.items() if c not in gone}
        terms.update(changed)
        lists = frozenset(new_lists)
        unlisted = lists - set(terms)
        if unlisted:
            msg = f"policy year {year}: new lists for categories not in force: {sorted(c.value for c in unlisted)}"
            raise RulesDefinitionError(msg)
        return _PolicyYear(
            year=year,
            effective=effective,
            summary=summary,
            terms=MappingProxyType({c: terms[c] for c in Category if c in terms}),
            new_lists=lists | (frozenset(terms) - frozenset(self.terms)),
            retired=gone,
            round_names=MappingProxyType(dict(round_names)),
            unconfirmed=unconfirmed,
            sources=sources,
        )


def _occupational(title: str, summary: str) -> _Terms:
    return _Terms(title=title, summary=summary, experience=EXPERIENCE_6_MONTHS_CONTINUOUS)


# 2023: the six categories announced on 2023-05-31 (reference/categories.md sections 1 to 3).
_Y2023 = _PolicyYear(
    year=2023,
    effective=date(2023, 5, 31),
    summary="The first six categories, announced on 2023-05-31; the first category round was held on 2023-06-28.",
    terms=MappingProxyType(
        {
            Category.FRENCH: _Terms(
                title="French-language proficiency",
                summary="NCLC 7 in all four French abilities; no occupation list.",
                french=FRENCH_NCLC_7,
            ),
            Category.HEALTHCARE: _occupational("Healthcare occupations", "35 healthcare occupations."),
            Category.STEM: _occupational(
                "Science, Technology, Engineering and Math (STEM) occupations", "24 STEM occupations."
            ),
            Category.TRADES: _occupational("Trade occupations", "10 trade occupations."),
            Category.TRANSPORT: _occupational("Transport occupations", "10 transport occupations."),
            Category.AGRICULTURE: _occupational(
                "Agriculture and agri-food occupations", "3 agriculture and agri-food occupations."
            ),
        }
    ),
    new_lists=frozenset(Category) - {Category.FRENCH},
    retired=frozenset(),
    # The feed's names; the "(2023-1)" forms are how IRCC first published them (renamed in 2024; README-rounds.md).
    round_names=MappingProxyType(
        {
            Category.FRENCH: ("French language proficiency (Version 1)", "French language proficiency (2023-1)"),
            Category.HEALTHCARE: ("Healthcare occupations (Version 1)", "Healthcare occupations (2023-1)"),
            Category.STEM: ("STEM occupations (Version 1)", "STEM occupations (2023-1)"),
            Category.TRADES: ("Trade occupations (Version 1)", "Trade occupations (2023-1)"),
            Category.TRANSPORT: ("Transport occupations (Version 1)", "Transport occupations (2023-1)"),
            Category.AGRICULTURE: (
                "Agriculture and agri-food occupations (Version 1)",
                "Agriculture and agri-food occupations (2023-1)",
            ),
        }
    ),
    unconfirmed=(
        (
            "The effective date 2023-05-31 is the day the Minister announced the categories; the in-force date of the "
            "instrument that established them was not found [UNCONFIRMED]."
        ),
    ),
    sources=(_IRCC_CATEGORY_PAGE, _ROUNDS_FEED),
)

# 2024: the 2023 categories and lists renewed unchanged (IRCC's 2023-24 Report to Parliament, "Renewal of 2023
# Categories for 2024"; every 2024 round still carries "(Version 1)").
_Y2024 = _Y2023.derive(
    year=2024,
    effective=date(2024, 1, 1),
    summary="The 2023 categories and lists, renewed unchanged.",
    round_names={
        # Rounds of 2024-02 were first published as "(2023-1)" for healthcare and agriculture, and IRCC also used
        # "(2024-1)" for French and transport rounds (README-rounds.md), before the renaming to "(Version 1)".
        Category.FRENCH: ("French language proficiency (Version 1)", "French language proficiency (2024-1)"),
        Category.HEALTHCARE: ("Healthcare occupations (Version 1)", "Healthcare occupations (2023-1)"),
        Category.STEM: ("STEM occupations (Version 1)",),
        Category.TRADES: ("Trade occupations (Version 1)",),
        Category.TRANSPORT: ("Transport occupations (Version 1)", "Transport occupations (2024-1)"),
        Category.AGRICULTURE: (
            "Agriculture and agri-food occupations (Version 1)",
            "Agriculture and agri-food occupations (2023-1)",
        ),
    },
    unconfirmed=(
        (
            "No date was found for the 2024 renewal: crsrules starts the 2024 versions on 2024-01-01, the first "
            "day of the policy year (the shared data carries 2023-05-31) [UNCONFIRMED]. The lists and rules are "
            "those of 2023, so no eligibility depends on this date."
        ),
    ),
    sources=(_IRCC_CATEGORY_PAGE, _ROUNDS_FEED),
)

# 2025: announced on 2025-02-27. Education added, transport dropped, lists revised; healthcare renamed. The 6-month
# rule did not change. Physicians with Canadian work experience added on 2025-12-08 (first round 2026-02-19).
_Y2025 = _Y2024.derive(
    year=2025,
    effective=date(2025, 2, 27),
    summary="Education added, transport dropped, healthcare, STEM, trades and agriculture lists revised "
    "(2025-02-27); physicians with Canadian work experience added (2025-12-08).",
    changed={
        Category.HEALTHCARE: _occupational(
            "Healthcare and social services occupations",
            "Renamed; 8 occupations added and 6 removed (42203 moved to education): 37 occupations.",
        ),
        Category.STEM: _occupational(
            "Science, Technology, Engineering and Math (STEM) occupations",
            "6 occupations added and 19 removed: 11 occupations.",
        ),
        Category.TRADES: _occupational("Trade occupations", "19 occupations added and 4 removed: 25 occupations."),
        Category.AGRICULTURE: _occupational(
            "Agriculture and agri-food occupations", "82030 and 82031 removed: 63201 is the only occupation left."
        ),
        Category.EDUCATION: _occupational("Education occupations", "New category: 5 education occupations."),
        Category.PHYSICIANS: _Terms(
            title="Physicians with Canadian work experience",
            summary="New category, announced on 2025-12-08: 3 physician occupations, 12 months of continuous work "
            "in Canada.",
            experience=EXPERIENCE_12_MONTHS_CONTINUOUS_IN_CANADA,
            effective=date(2025, 12, 8),
            unconfirmed=(
                (
                    "The rule is the wording of IRCC's 2025-12-08 announcement (no licence condition); the "
                    "instructions for the category's rounds were not read [UNCONFIRMED]."
                ),
                (
                    "The effective date 2025-12-08 is the day of the announcement; the in-force date of the "
                    "instrument was not found [UNCONFIRMED]. No round was held under this version."
                ),
            ),
            sources=(_PHYSICIANS_RELEASE,),
        ),
    },
    new_lists=(Category.HEALTHCARE, Category.STEM, Category.TRADES, Category.AGRICULTURE),
    retired=(Category.TRANSPORT,),
    round_names={
        Category.FRENCH: ("French language proficiency (Version 1)",),
        Category.HEALTHCARE: ("Healthcare and social services occupations (Version 2)",),
        Category.TRADES: ("Trade occupations (Version 2)",),
        Category.EDUCATION: ("Education occupations (Version 1)",),
    },
    unconfirmed=(
        (
            "The effective date 2025-02-27 is the day the Minister announced the 2025 categories; the in-force date of "
            "the instrument was not found [UNCONFIRMED]."
        ),
    ),
    sources=(_IRCC_CATEGORY_PAGE, _ROUNDS_FEED),
)

_UNCONFIRMED_2026_LIST = (
    "The 2026 list (the same codes as in 2025) rests on two public code transcriptions of IRCC's category page and "
    "on news summaries, not on IRCC's page itself [UNCONFIRMED at primary level]."
)
_UNCONFIRMED_2026_DELIVERY = (
    "IRCC's program delivery update of 2026-03-16 'standardized' the occupational requirements of category-based "
    "selection; only a summary was read [UNCONFIRMED]."
)


def _occupational_2026(
    previous: _Terms, summary: str, *, experience: ExperienceRule = EXPERIENCE_12_MONTHS, list_note: str | None = None
) -> _Terms:
    notes = (list_note,) if list_note else ()
    return attrs.evolve(
        previous,
        summary=summary,
        experience=experience,
        effective=None,
        unconfirmed=(*notes, _UNCONFIRMED_2026_DELIVERY),
        sources=(_RULES_2026, _DELIVERY_UPDATE_2026),
    )


# 2026: announced on 2026-02-18. Experience minimum raised to 12 months, not necessarily continuous; researchers,
# senior managers, transport (re-created) and skilled military recruits added; agriculture retired; trades list
# revised (cooks out, butchers in).
_Y2026 = _Y2025.derive(
    year=2026,
    effective=date(2026, 2, 18),
    summary="12 months of experience, not necessarily continuous; senior managers, researchers and skilled military "
    "recruits added, transport re-created, agriculture retired; trades: cooks out, butchers in.",
    changed={
        Category.FRENCH: attrs.evolve(
            _Y2025.terms[Category.FRENCH],
            summary="Same rule (NCLC 7 in all four abilities); IRCC's rounds are now named '2026-Version 2'.",
            unconfirmed=(
                (
                    "What changed in the instrument behind IRCC's 'Version 2' label is not known; 2026 sources still "
                    "quote NCLC 7 in all four abilities [UNCONFIRMED]."
                ),
                (
                    "IRCC's rounds feed already names the round of 2026-02-06 'French-Language proficiency "
                    "2026-Version 2', before this version's effective date, so the 2026 French instrument was "
                    "probably in force earlier; its start is not known [UNCONFIRMED]. The rule is the same either way."
                ),
            ),
        ),
        Category.HEALTHCARE: _occupational_2026(
            _Y2025.terms[Category.HEALTHCARE],
            "12 months, not necessarily continuous; the same 37 occupations.",
            list_note=_UNCONFIRMED_2026_LIST,
        ),
        Category.STEM: _occupational_2026(
            _Y2025.terms[Category.STEM],
            "12 months, not necessarily continuous; the same 11 occupations.",
            list_note=_UNCONFIRMED_2026_LIST,
        ),
        Category.TRADES: _occupational_2026(
            _Y2025.terms[Category.TRADES],
            "12 months, not necessarily continuous; 63200 (cooks) removed and 63201 (butchers) added: 25 occupations.",
            list_note="The 2026 list rests on secondary sources (two code transcriptions of IRCC's page and news "
            "reports); 72501, 72999 and 82021 are backed by three of them against one incomplete summary "
            "[UNCONFIRMED at primary level].",
        ),
        Category.EDUCATION: _occupational_2026(
            _Y2025.terms[Category.EDUCATION],
            "12 months, not necessarily continuous; the same 5 occupations.",
            list_note=_UNCONFIRMED_2026_LIST,
        ),
        Category.TRANSPORT: _occupational_2026(
            _Y2024.terms[Category.TRANSPORT],
            "Re-created with 4 occupations (only 72404 and 72600 were on the 2023-2024 list); 12 months, not "
            "necessarily continuous.",
        ),
        Category.PHYSICIANS: _occupational_2026(
            _Y2025.terms[Category.PHYSICIANS],
            "12 months in Canada, not necessarily continuous, from 2026-02-18 (the list itself dates from "
            "2025-12-08); the same 3 occupations, which are also on the healthcare list.",
            experience=EXPERIENCE_12_MONTHS_IN_CANADA,
        ),
        Category.SENIOR_MANAGERS: _Terms(
            title="Senior managers with Canadian work experience",
            summary="New category: 4 senior management occupations (not 00010 or 00011), 12 months in Canada.",
            experience=EXPERIENCE_12_MONTHS_IN_CANADA,
            unconfirmed=(_UNCONFIRMED_2026_DELIVERY,),
            sources=(_RULES_2026,),
        ),
        Category.RESEARCHERS: _Terms(
            title="Researchers with Canadian work experience",
            summary="New category: 2 post-secondary teaching and research occupations, 12 months in Canada.",
            experience=EXPERIENCE_12_MONTHS_IN_CANADA,
            unconfirmed=(_UNCONFIRMED_2026_DELIVERY,),
            sources=(_RULES_2026,),
        ),
        Category.MILITARY: _Terms(
            title="Skilled military recruits",
            summary="New category: 3 Canadian Armed Forces occupations; 10 years of foreign military service, a "
            "Canadian Forces Recruiting Group offer, a 2-year post-secondary credential.",
            military=MILITARY_2026,
            unconfirmed=("IRCC does not define 'recognized foreign military' [UNCONFIRMED].",),
            sources=(_MILITARY_2026,),
        ),
    },
    new_lists=(Category.TRADES,),
    retired=(Category.AGRICULTURE,),
    round_names={
        Category.FRENCH: ("French-Language proficiency 2026-Version 2",),
        Category.HEALTHCARE: ("Healthcare and Social Services Occupations, 2026-Version 3",),
        Category.TRADES: ("Trades Occupations, 2026-Version 3",),
        Category.TRANSPORT: ("Transport Occupations, 2026-Version 2",),
        Category.PHYSICIANS: ("Physicians with Canadian Work Experience, 2026-Version 1",),
        Category.SENIOR_MANAGERS: ("Senior managers with Canadian Work Experience, 2026-Version 1",),
        Category.MILITARY: ("Skilled Military Recruits, 2026-Version 1",),
    },
    unconfirmed=(
        (
            "The effective date 2026-02-18 is the day the Minister announced the 2026 categories; a law firm reports "
            "that the instructions were signed that day, but they were not read [UNCONFIRMED]."
        ),
    ),
    sources=(_IRCC_CATEGORY_PAGE, _ROUNDS_FEED, _SIGNED_2026, _TRADES_2026),
)

#: Every policy year, oldest first.
_POLICY_YEARS: Final = (_Y2023, _Y2024, _Y2025, _Y2026)


# --- versions -------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class CategoryVersion:
    """One category as it stands in one policy year: its list, its rule, its dates and IRCC's round names.

    Example:
        >>> v = category_version(Category.STEM, on=date(2023, 7, 5))
        >>> v.id, v.effective.isoformat(), len(v.occupations), "21211" in v.occupations
        ('stem-2023', '2023-05-31', 24, True)
        >>> v.experience.months, v.experience.continuous
        (6, True)

    .. versionadded:: 0.1.0
    """

    #: The category.
    category: Category
    #: The policy year (2023 to 2026) whose terms these are.
    policy_year: int
    #: The first day in force (inclusive).
    effective: date
    #: The first day no longer in force: the next version's effective date or the day the category was retired;
    #: None while in force (derived from the policy years, never typed).
    until: date | None
    #: IRCC's name for the category in this version.
    title: str
    #: What this version changed, in words.
    summary: str
    #: The NOC 2021 codes of the listed occupations (empty for French-language proficiency).
    occupations: frozenset[str] = field(repr=False)
    #: Codes of the list that the research notes mark [UNCONFIRMED] one by one.
    unconfirmed_occupations: frozenset[str] = field(repr=False)
    #: The work experience needed (occupational categories), or None.
    experience: ExperienceRule | None
    #: The French-language condition (French-language proficiency only), or None.
    french: FrenchRule | None
    #: The skilled military recruits' conditions, or None.
    military: MilitaryRule | None
    #: IRCC's names of the rounds held under this version, as its rounds feed publishes them (earliest forms too).
    round_names: tuple[str, ...]
    #: What the research notes do not confirm about this version, each note marked [UNCONFIRMED].
    unconfirmed: tuple[str, ...] = field(repr=False)
    #: Where the terms come from.
    sources: tuple[Source, ...] = field(repr=False)

    @property
    def id(self) -> str:
        """The category's slug and the policy year, such as ``"stem-2023"``."""
        return f"{self.category.value}-{self.policy_year}"

    def in_force(self, on: date) -> bool:
        """Whether the version is in force on *on*."""
        return self.effective <= on and (self.until is None or on < self.until)

    def requirement(self) -> str:
        """The condition a candidate must meet, in words."""
        if self.french is not None:
            return self.french.describe()
        if self.military is not None:
            return self.military.describe()
        if self.experience is not None:
            return self.experience.describe()
        return "none"  # pragma: no cover (every version has one; checked when the data is loaded)

    def __str__(self) -> str:
        return f"{self.title} ({self.policy_year})"


class CategoryNotInForceError(CRSRulesError, LookupError):
    """No version of a category is in force on the date asked for.

    Attributes:
        category: The category.
        on: The date asked for.
        periods: When the category is in force: (first day, last day or None) pairs, oldest first.

    Example:
        >>> category_version(Category.EDUCATION, on=date(2024, 6, 1))
        Traceback (most recent call last):
        ...
        crsrules.categories.CategoryNotInForceError: the category 'education' (Education occupations) is not in \
force on 2024-06-01: it is in force from 2025-02-27.

    .. versionadded:: 0.1.0
    """

    def __init__(self, category: Category, on: date, periods: Iterable[tuple[date, date | None]]) -> None:
        self.category = category
        self.on = on
        self.periods = tuple(periods)
        spans = " and ".join(
            f"from {start.isoformat()}" + ("" if last is None else f" to {last.isoformat()}")
            for start, last in self.periods
        )
        super().__init__(
            f"the category {category.value!r} ({category.title}) is not in force on {on.isoformat()}: "
            f"it is in force {spans}."
        )


@frozen
class _Row:
    code: str
    effective: date
    unconfirmed: bool
    line: int


def _parse_occupations(  # noqa: C901, PLR0912 (one check per column)
    text: str, *, source: str
) -> Mapping[tuple[int, Category], tuple[_Row, ...]]:
    """Read the category CSV, checking each row; errors name the file and line at fault."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != _COLUMNS:
        msg = f"{source}: the header must be {','.join(_COLUMNS)} (got {header!r})"
        raise RulesDefinitionError(msg)
    groups: dict[tuple[int, Category], list[_Row]] = {}
    seen: set[tuple[int, Category, str]] = set()
    for row in reader:
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(_COLUMNS):
            msg = f"{where}: expected {len(_COLUMNS)} columns, {','.join(_COLUMNS)} (got {row!r})"
            raise RulesDefinitionError(msg)
        year_text, slug, code, title, effective_text, notes = row
        try:
            year = int(year_text)
            category = Category(slug)
            effective = date.fromisoformat(effective_text)
        except ValueError as exc:
            msg = f"{where}: {exc}"
            raise RulesDefinitionError(msg) from exc
        if category is Category.FRENCH:
            if code or title:
                msg = f"{where}: the french category has no occupation list, so noc_code and title must be empty"
                raise RulesDefinitionError(msg)
        else:
            try:
                official = occupation(code) if re.fullmatch(r"\d{5}", code) else None
            except UnknownOccupationError as exc:
                msg = f"{where}: {exc}"
                raise RulesDefinitionError(msg) from exc
            if official is None:
                msg = f"{where}: noc_code must be a NOC 2021 code of five digits, leading zeros kept (got {code!r})"
                raise RulesDefinitionError(msg)
            if title != official.title:
                msg = f"{where}: title must be the NOC 2021 title of {code}, {official.title!r} (got {title!r})"
                raise RulesDefinitionError(msg)
        key = (year, category, code)
        if key in seen:
            msg = f"{where}: {year} {category.value} {code or '(no code)'} appears twice"
            raise RulesDefinitionError(msg)
        seen.add(key)
        groups.setdefault((year, category), []).append(
            _Row(code=code, effective=effective, unconfirmed=_UNCONFIRMED_MARK in notes, line=reader.line_num)
        )
    for (year, category), rows in groups.items():
        dates = {r.effective for r in rows}
        if len(dates) != 1:
            msg = f"{source}: the rows of {year} {category.value} must share one effective_date (got {sorted(dates)})"
            raise RulesDefinitionError(msg)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def _build(  # noqa: C901, PLR0912, PLR0915 (one pass that checks the policy years against the data)
    policy_years: tuple[_PolicyYear, ...], data: Mapping[tuple[int, Category], tuple[_Row, ...]], *, source: str
) -> tuple[CategoryVersion, ...]:
    """Join the policy years with the data file's lists into versions, checking that the two agree."""
    expected = {(y.year, c) for y in policy_years for c in y.terms}
    if set(data) != expected:
        extra = sorted(f"{y} {c.value}" for y, c in set(data) - expected)
        missing = sorted(f"{y} {c.value}" for y, c in expected - set(data))
        msg = f"{source}: the policy years and the data disagree (only in the data: {extra}; only in code: {missing})"
        raise RulesDefinitionError(msg)
    drafts: list[dict[str, Any]] = []
    previous: dict[Category, dict[str, Any]] = {}
    for year in policy_years:
        for category in year.retired:
            if category in previous:
                previous[category]["until"] = year.effective
        for category, terms in year.terms.items():
            rows = data[(year.year, category)]
            codes = frozenset(r.code for r in rows if r.code)
            earlier = previous.get(category)
            effective = terms.effective or year.effective
            where = f"{year.year} {category.value}"
            carried = category not in year.new_lists and earlier is not None and earlier["until"] is None
            if carried and earlier is not None and codes != earlier["occupations"]:
                msg = f"{source}: the list of {where} differs from {earlier['policy_year']}'s, but {year.year} "
                msg += "does not declare a new list for it"
                raise RulesDefinitionError(msg)
            known_dates = {effective} | {d["effective"] for d in drafts if d["category"] is category}
            if rows[0].effective not in known_dates:
                msg = f"{source}, line {rows[0].line}: effective_date {rows[0].effective} of {where} is neither its "
                msg += f"version's effective date ({effective}) nor an earlier one of the category"
                raise RulesDefinitionError(msg)
            if any(r.unconfirmed and not r.code for r in rows) and not (terms.unconfirmed or year.unconfirmed):
                msg = f"{source}: {where} is marked [UNCONFIRMED] in the data but has no note saying why"
                raise RulesDefinitionError(msg)
            rules = [r for r in (terms.experience, terms.french, terms.military) if r is not None]
            if len(rules) != 1 or (terms.french is None) != bool(codes):
                msg = f"{where}: a version needs exactly one rule, and a list unless it is the French rule"
                raise RulesDefinitionError(msg)
            if earlier is not None and earlier["until"] is None:
                if effective <= earlier["effective"]:
                    msg = f"{where}: effective {effective} must be after {earlier['policy_year']}'s"
                    raise RulesDefinitionError(msg)
                earlier["until"] = effective
            draft: dict[str, Any] = {
                "category": category,
                "policy_year": year.year,
                "effective": effective,
                "until": None,
                "title": terms.title,
                "summary": terms.summary,
                "occupations": codes,
                "unconfirmed_occupations": frozenset(r.code for r in rows if r.unconfirmed and r.code),
                "experience": terms.experience,
                "french": terms.french,
                "military": terms.military,
                "round_names": year.round_names.get(category, ()),
                "unconfirmed": (*year.unconfirmed, *terms.unconfirmed),
                "sources": tuple(dict.fromkeys((*terms.sources, *year.sources))),
            }
            drafts.append(draft)
            previous[category] = draft
        stray = set(year.round_names) - set(year.terms)
        if stray:
            msg = f"policy year {year.year}: round names for categories not in force: {sorted(c.value for c in stray)}"
            raise RulesDefinitionError(msg)
    versions = tuple(CategoryVersion(**d) for d in drafts)
    _check_round_names(versions)
    for category in Category:
        mine = [v for v in versions if v.category is category]
        if mine and mine[-1].title != category.title:
            msg = f"{category.value}: Category.title must be the latest version's title, {mine[-1].title!r}"
            raise RulesDefinitionError(msg)
    return tuple(sorted(versions, key=lambda v: (v.effective, list(Category).index(v.category))))


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _check_round_names(versions: Iterable[CategoryVersion]) -> None:
    owner: dict[str, Category] = {}
    for v in versions:
        names = [_normal(n) for n in v.round_names]
        if len(set(names)) != len(names):
            msg = f"{v.id}: a round name appears twice"
            raise RulesDefinitionError(msg)
        for name in names:
            if owner.setdefault(name, v.category) is not v.category:
                msg = f"round name {name!r} is given to two categories"
                raise RulesDefinitionError(msg)


@cache
def _versions() -> tuple[CategoryVersion, ...]:
    """Every version, in order of effective date, built once from the policy years and the package data."""
    text = resources.files(_DATA_PACKAGE).joinpath(_OCCUPATIONS_FILE).read_text(encoding="utf-8")
    return _build(_POLICY_YEARS, _parse_occupations(text, source=_OCCUPATIONS_FILE), source=_OCCUPATIONS_FILE)


@cache
def _by_round_name() -> Mapping[str, CategoryVersion]:
    """The earliest version carrying each round name (names are compared without case or extra spaces)."""
    found: dict[str, CategoryVersion] = {}
    for v in _versions():
        for name in v.round_names:
            found.setdefault(_normal(name), v)
    return MappingProxyType(found)


def _category(value: object) -> Category:
    if isinstance(value, Category):
        return value
    try:
        return Category(value)
    except ValueError:
        choices = ", ".join(repr(c.value) for c in Category)
        raise InvalidValueError("category", value, f"a crsrules.Category or one of {choices}") from None


def _warn_if_stale(on: date) -> None:
    if on > LAST_KNOWN_DATE:
        warn_stale(
            f"the categories were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; for {on.isoformat()} "
            "crsrules applies the latest category versions, but IRCC may have changed them since"
        )


def _in_force(on: date) -> tuple[CategoryVersion, ...]:
    found = [v for v in _versions() if v.in_force(on)]
    return tuple(sorted(found, key=lambda v: list(Category).index(v.category)))


def _version_on(category: Category, on: date) -> CategoryVersion:
    for v in _versions():
        if v.category is category and v.in_force(on):
            return v
    raise CategoryNotInForceError(category, on, _periods(category))


def _periods(category: Category) -> list[tuple[date, date | None]]:
    """The spans in which *category* is in force: (first day, last day or None), consecutive versions merged."""
    periods: list[tuple[date, date | None]] = []
    for v in (v for v in _versions() if v.category is category):
        last = None if v.until is None else v.until - _ONE_DAY
        if periods and periods[-1][1] is not None and periods[-1][1] + _ONE_DAY == v.effective:
            periods[-1] = (periods[-1][0], last)
        else:
            periods.append((v.effective, last))
    return periods


def available_category_versions() -> tuple[CategoryVersion, ...]:
    """Every category version of every policy year, by effective date (then in :class:`Category` order).

    Example:
        >>> [v.id for v in available_category_versions()][:3]
        ['french-2023', 'healthcare-2023', 'stem-2023']
        >>> len(available_category_versions())
        29

    .. versionadded:: 0.1.0
    """
    return _versions()


def category_versions(on: date) -> tuple[CategoryVersion, ...]:
    """The category versions in force on *on*, in :class:`Category` order (empty before 2023-05-31).

    Raises:
        InvalidValueError: *on* is not a date.

    Example:
        >>> [v.category.value for v in category_versions(date(2025, 6, 1))]
        ['french', 'healthcare', 'stem', 'trades', 'agriculture', 'education']

    .. versionadded:: 0.1.0
    """
    on = a_date("on", on)
    _warn_if_stale(on)
    return _in_force(on)


def category_version(category: Category | str, on: date) -> CategoryVersion:
    """The version of *category* in force on *on*.

    Args:
        category: A :class:`Category` or its slug, such as ``"stem"``.
        on: The date.

    Raises:
        CategoryNotInForceError: The category has no version in force on *on*; the message says when it has.
        InvalidValueError: *category* is not a category, or *on* is not a date.

    Example:
        >>> category_version("trades", date(2026, 2, 18)).id
        'trades-2026'

    .. versionadded:: 0.1.0
    """
    category = _category(category)
    on = a_date("on", on)
    _warn_if_stale(on)
    return _version_on(category, on)


def version_for_round_name(name: str) -> CategoryVersion:
    """The category version an IRCC round name refers to.

    Case and runs of spaces are ignored. A name that IRCC used under several versions with the same terms (such as
    "STEM occupations (Version 1)", used in 2023 and 2024, whose list and rule did not change) gives the earliest of
    them, the one that introduced the list.

    Raises:
        UnknownRoundNameError: No version carries the name; the message suggests close names.

    Example:
        >>> version_for_round_name("Healthcare and Social Services Occupations, 2026-Version 3").id
        'healthcare-2026'
        >>> version_for_round_name("STEM occupations (2023-1)").id
        'stem-2023'

    .. versionadded:: 0.1.0
    """
    if not isinstance(name, str):
        raise InvalidValueError("name", name, "an IRCC round name, a string")
    found = _by_round_name().get(_normal(name))
    if found is None:
        raise UnknownRoundNameError(name, (n for v in _versions() for n in v.round_names))
    return found


# --- eligibility ----------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class CategoryEligibility:
    """Whether a candidate is eligible for a category on a date, and why.

    .. versionadded:: 0.1.0
    """

    #: Whether the candidate meets the category's conditions (as far as the facts show; see :attr:`reasons`).
    eligible: bool
    #: The category.
    category: Category
    #: The version applied: the one in force on the date.
    version: CategoryVersion
    #: The date.
    on: date
    #: Occupational categories: the job that counted most in the qualifying occupation; None if not eligible.
    qualifying_job: Job | None
    #: French-language proficiency: the result that qualifies; None otherwise.
    qualifying_result: LanguageResult | None
    #: Full-time-equivalent months counted in the best listed occupation (for skilled military recruits, in the
    #: continuous service reaching the date); 0 for French-language proficiency.
    months: float
    #: Why the candidate is eligible or not, in words: every unmet condition, and what crsrules could not check.
    reasons: tuple[str, ...]


def category_eligibility(candidate: Candidate, category: Category | str, *, on: date) -> CategoryEligibility:
    """Whether *candidate* is eligible for *category* on *on*, under the version then in force.

    The module's notes say how months, continuity, the window and the French and military conditions are read.
    Whether the candidate is in the Express Entry pool (eligible for FSW, CEC or FST) is not checked here.

    Args:
        candidate: The candidate's facts.
        category: A :class:`Category` or its slug, such as ``"stem"``.
        on: The date, such as the day of a round.

    Returns:
        The answer, with the qualifying job or test result, the months counted and the reasons.

    Raises:
        CategoryNotInForceError: The category is not in force on *on*.
        InvalidValueError: An argument is of the wrong kind.

    Example:
        >>> dev = Job(noc="21231", in_canada=False, start=date(2022, 1, 1))
        >>> result = category_eligibility(Candidate(birth_date=date(1990, 1, 1), jobs=(dev,)), "stem",
        ...                               on=date(2023, 7, 5))
        >>> result.eligible, round(result.months, 1), result.qualifying_job is dev
        (True, 18.2, True)
        >>> category_eligibility(Candidate(birth_date=date(1990, 1, 1), jobs=(dev,)), "stem",
        ...                      on=date(2025, 7, 5)).reasons[0]
        'no work in any of the 11 occupations listed for Science, Technology, Engineering and Math (STEM) \
occupations (2025) in the 3 years to 2025-07-05 (work in other occupations: 21231)'

    .. versionadded:: 0.1.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    category = _category(category)
    on = a_date("on", on)
    _warn_if_stale(on)
    return _assess(candidate, _version_on(category, on), on)


def eligible_categories(candidate: Candidate, *, on: date) -> tuple[CategoryEligibility, ...]:
    """The candidate's eligibility for every category in force on *on*, the eligible ones first.

    Each group is in :class:`Category` order.

    Raises:
        InvalidValueError: An argument is of the wrong kind.

    Example:
        >>> answers = eligible_categories(Candidate(birth_date=date(1990, 1, 1)), on=date(2023, 7, 5))
        >>> [(a.category.value, a.eligible) for a in answers][:2]
        [('french', False), ('healthcare', False)]

    .. versionadded:: 0.1.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    on = a_date("on", on)
    _warn_if_stale(on)
    answers = [_assess(candidate, v, on) for v in _in_force(on)]
    return tuple(sorted(answers, key=lambda a: not a.eligible))


def _assess(candidate: Candidate, version: CategoryVersion, on: date) -> CategoryEligibility:
    if version.french is not None:
        return _assess_french(candidate, version, version.french, on)
    if version.military is not None:
        return _assess_military(candidate, version, version.military, on)
    if version.experience is None:  # pragma: no cover (every version has a rule; checked when the data is loaded)
        msg = f"{version.id} has no rule"
        raise RulesDefinitionError(msg)
    return _assess_experience(candidate, version, version.experience, on)


def _rules_on(on: date) -> RuleSet:
    """The CRS ruleset in force on *on* (its rules of evidence date language results and ECAs), without warning."""
    rulesets = available_rulesets()
    return rulesets[max(bisect_right(rulesets, on, key=lambda r: r.effective) - 1, 0)]


def _job(job: Job) -> str:
    end = "ongoing" if job.end is None else job.end.isoformat()
    where = "in Canada" if job.in_canada else "abroad"
    return f"job {job.noc or job.noc_2016} from {job.start.isoformat()} to {end} ({where})"


def _months(hours: float, per_month: float) -> str:
    """Months to two decimals, rounded down so that a shortfall never reads as enough."""
    return f"{math.floor(hours / per_month * 100 + 1e-6) / 100:.2f}"


def _span(jobs: Iterable[Job], first: date, last: date) -> list[tuple[date, date]]:
    """The unbroken runs of days from *first* to *last* covered by at least one of *jobs*, oldest first."""
    return [(start, end) for start, end, _ in continuous_periods(jobs, first=first, last=last)]


def _main_job(jobs: Iterable[Job], first: date, last: date, full_time: float) -> Job | None:
    """The job that counts most from *first* to *last* (the later one on a tie)."""
    scored = [(work_hours((j,), since=first - _ONE_DAY, on=last, full_time=full_time), j.start, j) for j in jobs]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _uncounted(
    candidate: Candidate, version: CategoryVersion, rule: ExperienceRule, first: date, on: date
) -> list[str]:
    """Reasons why jobs that might look relevant were not counted."""
    reasons = []
    for job in candidate.jobs:
        overlaps = job.start <= on and (job.end is None or job.end >= first)
        if job.noc is None:
            if overlaps:
                reasons.append(f"{_job(job)} not counted: it has only a NOC 2016 code, and the lists use NOC 2021")
            continue
        if job.noc not in version.occupations:
            continue
        if not overlaps:
            when = "starts after" if job.start > on else "ended before the window that starts on"
            reasons.append(f"{_job(job)} not counted: it {when} {(on if job.start > on else first).isoformat()}")
        elif not job.paid:
            reasons.append(f"{_job(job)} not counted: unpaid work never counts")
        elif rule.in_canada_only and not job.in_canada:
            reasons.append(f"{_job(job)} not counted: this category needs work in Canada")
    return reasons


def _assess_experience(
    candidate: Candidate, version: CategoryVersion, rule: ExperienceRule, on: date
) -> CategoryEligibility:
    first = anniversary(on, -rule.window_years) + _ONE_DAY
    full_time = rule.full_time_hours_per_week
    window = f"in the {rule.window_years} years to {on.isoformat()}"
    counted: dict[str, list[Job]] = {}
    for job in candidate.jobs:
        if job.noc in version.occupations and job.paid and (job.in_canada or not rule.in_canada_only):
            counted.setdefault(job.noc, []).append(job)
    # The best period of each occupation: the whole window, or its longest unbroken run when continuity is needed.
    best: tuple[float, str, date, date] | None = None
    totals: dict[str, float] = {}
    for code, jobs in sorted(counted.items()):
        totals[code] = work_hours(jobs, since=first - _ONE_DAY, on=on, full_time=full_time)
        periods = _span(jobs, first, on) if rule.continuous else [(first, on)]
        for start, end in periods:
            hours = work_hours(jobs, since=start - _ONE_DAY, on=end, full_time=full_time)
            if hours > 0 and (best is None or hours > best[0]):
                best = (hours, code, start, end)
    reasons: list[str] = []
    where = " in Canada" if rule.in_canada_only else ""
    needed = f"at least {rule.months} months ({rule.hours_needed:,.0f} hours)"
    needed += " of continuous work" if rule.continuous else ""
    if best is None:
        others = sorted({j.noc for j in candidate.jobs if j.noc and j.noc not in version.occupations})
        also = f" (work in other occupations: {', '.join(others)})" if others else ""
        listed = (
            f"any of the {len(version.occupations)} occupations" if len(version.occupations) > 1 else "the occupation"
        )
        reasons.append(f"no work{where} in {listed} listed for {version} {window}{also}")
        reasons += _uncounted(candidate, version, rule, first, on)
        return CategoryEligibility(
            eligible=False,
            category=version.category,
            version=version,
            on=on,
            qualifying_job=None,
            qualifying_result=None,
            months=0.0,
            reasons=tuple(reasons),
        )
    hours, code, start, end = best
    months = hours / rule.hours_per_month
    eligible = hours + _EPSILON >= rule.hours_needed
    title = occupation(code).title
    period = f", from {start.isoformat()} to {end.isoformat()} without a break" if rule.continuous else ""
    amount = f"{_months(hours, rule.hours_per_month)} months ({hours:,.1f} full-time-equivalent hours)"
    if eligible:
        reasons.append(f"{amount} of work{where} as {code} {title}{period} {window}: {needed} needed")
    else:
        reasons.append(f"only {amount} of work{where} as {code} {title}{period} {window}: {needed} needed")
        total = totals[code]
        if rule.continuous and total + _EPSILON >= rule.hours_needed:
            reasons.append(
                f"{_months(total, rule.hours_per_month)} months in {code} in all, but with breaks: the longest "
                "unbroken period counts"
            )
        reasons += _uncounted(candidate, version, rule, first, on)
    if code in version.unconfirmed_occupations:
        reasons.append(f"[UNCONFIRMED] {code} is on the {version.policy_year} list on secondary sources only")
    main = _main_job(counted[code], start, end, full_time) if eligible else None
    return CategoryEligibility(
        eligible=eligible,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=main,
        qualifying_result=None,
        months=months,
        reasons=tuple(reasons),
    )


def _levels(result: LanguageResult) -> str:
    lv = result.levels
    return f"NCLC {lv.listening}, {lv.reading}, {lv.writing}, {lv.speaking} (listening, reading, writing, speaking)"


def _assess_french(candidate: Candidate, version: CategoryVersion, rule: FrenchRule, on: date) -> CategoryEligibility:
    rules = _rules_on(on)
    minimum = rule.minimum_level
    results = [r for r in candidate.language_results if r.test in rule.tests]
    valid = [r for r in results if valid_language_results((r,), on=on, rules=rules)]
    meeting = [r for r in valid if r.levels.minimum >= minimum]
    reasons: list[str] = []
    best = max(meeting, key=lambda r: (sum(_four(r)), r.tested_on), default=None)
    if best is not None:
        reasons.append(
            f"{best.test.label} test of {best.tested_on.isoformat()}: {_levels(best)}, "
            f"at least NCLC {minimum} in all four abilities"
        )
    else:
        tests = " or ".join(t.label for t in rule.tests)
        if not results:
            reasons.append(f"no {tests} result: the category needs NCLC {minimum} in all four French abilities")
        for r in results:
            label = f"{r.test.label} test of {r.tested_on.isoformat()}"
            if r not in valid:
                reasons.append(
                    f"{label} is not valid on {on.isoformat()} (a result counts for "
                    f"{rules.evidence.language_valid_years} years from the test date)"
                )
                continue
            lv = r.levels
            below = [a for a in ("listening", "reading", "writing", "speaking") if getattr(lv, a) < minimum]
            reasons.append(f"{label}: {_levels(r)}; below NCLC {minimum} in {', '.join(below)}")
    return CategoryEligibility(
        eligible=best is not None,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=None,
        qualifying_result=best,
        months=0.0,
        reasons=tuple(reasons),
    )


def _four(result: LanguageResult) -> tuple[int, int, int, int]:
    lv = result.levels
    return lv.listening, lv.reading, lv.writing, lv.speaking


def _assess_military(
    candidate: Candidate, version: CategoryVersion, rule: MilitaryRule, on: date
) -> CategoryEligibility:
    reasons: list[str] = []
    codes = ", ".join(sorted(version.occupations))
    full_time = _HOURS.full_time_hours_per_week
    # 1. Serving on the date, with the required years of continuous service in the listed occupations.
    service = [j for j in candidate.jobs if j.noc in version.occupations and j.paid and j.start <= on]
    runs = _span(service, date.min, on)
    current = runs[-1] if runs and runs[-1][1] == on else None
    needed_start = anniversary(on, -rule.service_years)
    months = 0.0
    job = None
    serving_ok = False
    if current is None:
        last = f" (the last ended on {runs[-1][1].isoformat()})" if runs else ""
        reasons.append(
            f"not serving on {on.isoformat()} in any of {codes}{last}: the category needs "
            f"{rule.service_years} years of continuous service, still serving"
        )
    else:
        start = current[0]
        hours = work_hours(service, since=start - _ONE_DAY, on=on, full_time=full_time)
        months = hours / _HOURS.hours_per_month
        serving_ok = start <= needed_start
        enough = "at least" if serving_ok else "less than"
        reasons.append(
            f"continuous service in {codes} since {start.isoformat()}: {enough} the "
            f"{rule.service_years} years needed (since {needed_start.isoformat()} or earlier)"
        )
        job = _main_job(service, start, on, full_time)
    # 2. An offer in one of the occupations, in force on the date.
    offer = candidate.job_offer
    offer_ok = (
        offer is not None
        and offer.noc in version.occupations
        and offer.offered_on <= on
        and (offer.ends_on is None or on <= offer.ends_on)
    )
    if offer_ok and offer is not None:
        reasons.append(f"job offer in {offer.noc} from {offer.offered_on.isoformat()}")
    else:
        reasons.append(
            f"no job offer in {codes} in force on {on.isoformat()}: the category needs an offer of "
            "arranged employment from the Canadian Forces Recruiting Group"
        )
    # 3. A post-secondary credential of a program of 2 years or more (with an ECA if foreign).
    counted = counted_credentials(candidate.credentials, on=on, rules=_rules_on(on))
    credential = max(
        (c for c in counted if c.level.rank >= rule.minimum_credential.rank), key=lambda c: c.level.rank, default=None
    )
    if credential is not None:
        reasons.append(f"{credential.level.label} completed {credential.completed_on.isoformat()}")
    else:
        reasons.append(
            f"no counted post-secondary credential of a program of 2 years or more on {on.isoformat()} "
            "(a foreign credential needs a valid educational credential assessment)"
        )
    eligible = serving_ok and offer_ok and credential is not None
    reasons += [
        "not checked: that the service is in a recognized foreign military (IRCC does not define it) [UNCONFIRMED]",
        (
            f"not checked: that the offer is from the Canadian Forces Recruiting Group, for continuous full-time work "
            f"in Canada of at least {rule.offer_years} years"
        ),
    ]
    return CategoryEligibility(
        eligible=eligible,
        category=version.category,
        version=version,
        on=on,
        qualifying_job=job if eligible else None,
        qualifying_result=None,
        months=months,
        reasons=tuple(reasons),
    )
