"""The :class:`RuleSet` type: one dated version of the rules, as data.

A version holds the CRS grid, the rules of evidence and the terms of the categories of category-based selection.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from enum import Enum
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from crsrules.headings import Category, Factor, Program
from crsrules.language_tests import LanguageTest
from crsrules.rules._categories import CategoryTerms
from crsrules.rules._language import LanguageRules
from crsrules.rules._programs import ProgramCriteria
from crsrules.tables import BySpouse, RulesDefinitionError, Steps, Table, Tiers

if TYPE_CHECKING:
    from crsrules.model import ArrangedEmployment, CanadianEducation, Education

__all__ = [
    "Additional",
    "Core",
    "Evidence",
    "FrenchBonus",
    "NocVersion",
    "RuleSet",
    "SkillTransferability",
    "Source",
    "SpouseTables",
]


class NocVersion(Enum):
    """The National Occupational Classification that defines "skilled" work and arranged employment.

    .. versionadded:: 0.1.0
    """

    #: NOC 2011/2016: skilled means skill type 0 or skill level A or B.
    NOC_2016 = "noc_2016"
    #: NOC 2021: skilled means TEER 0, 1, 2 or 3.
    NOC_2021 = "noc_2021"


@frozen(kw_only=True)
class Source:
    """A public source of a ruleset's rules.

    .. versionadded:: 0.1.0
    """

    #: What the source is, such as "IRCC, Ministerial Instructions of 2016-11-19".
    title: str
    #: Where it can be read.
    url: str


@frozen(kw_only=True)
class Core:
    """A. Core / human capital factors.

    .. versionadded:: 0.1.0
    """

    #: Points by age in completed years.
    age: BySpouse[Steps[int]]
    #: Points by level of education.
    education: BySpouse[Table[Education, int]]
    #: Points per ability by CLB/NCLC level in the first official language.
    first_language: BySpouse[Steps[int]]
    #: Points per ability by CLB/NCLC level in the second official language.
    second_language: BySpouse[Steps[int]]
    #: The cap on the four abilities of the second official language together.
    second_language_cap: BySpouse[int]
    #: Points by completed years of Canadian work experience.
    canadian_work: BySpouse[Steps[int]]
    #: The cap on the section.
    cap: BySpouse[int]


@frozen(kw_only=True)
class SpouseTables:
    """B. Spouse or common-law partner factors.

    .. versionadded:: 0.1.0
    """

    #: Points by the spouse's level of education.
    education: Table[Education, int]
    #: Points per ability by the spouse's CLB/NCLC level in their first official language.
    first_language: Steps[int]
    #: Points by the spouse's completed years of Canadian work experience.
    canadian_work: Steps[int]
    #: The cap on the section.
    cap: int


@frozen(kw_only=True)
class SkillTransferability:
    """C. Skill transferability factors: three groups, each capped, then the section capped.

    Tiers: language tier 1 is "CLB 7 or more in all four first-language abilities, one or more below 9", tier 2 is
    "CLB 9 or more in all four"; Canadian work tier 1 is 1 year, tier 2 is 2 years or more.

    .. versionadded:: 0.1.0
    """

    #: The language tier (0, 1, 2) by the lowest of the four first-language levels.
    language_tier: Steps[int]
    #: The Canadian work tier (0, 1, 2) by completed years of Canadian work.
    canadian_work_tier: Steps[int]
    #: Education with official language proficiency, by level of education.
    education_with_language: Table[Education, Tiers]
    #: Education with Canadian work experience, by level of education.
    education_with_canadian_work: Table[Education, Tiers]
    #: Foreign work experience with official language proficiency, by completed years of foreign work.
    foreign_work_with_language: Steps[Tiers]
    #: Foreign work experience with Canadian work experience, by completed years of foreign work.
    foreign_work_with_canadian_work: Steps[Tiers]
    #: Certificate of qualification with official language proficiency, by the lowest first-language level.
    certificate_with_language: Steps[int]
    #: The cap on each group (education, foreign work, certificate of qualification).
    group_cap: int
    #: The cap on the section.
    cap: int


@frozen(kw_only=True)
class FrenchBonus:
    """Additional points for strong French-language skills.

    .. versionadded:: 0.1.0
    """

    #: The NCLC level needed in all four French abilities.
    french_minimum: int
    #: The CLB level needed in all four English abilities for the higher award.
    english_minimum: int
    #: Points when English is absent or below :attr:`english_minimum` in any ability.
    weak_english: int
    #: Points when English is at least :attr:`english_minimum` in all four abilities.
    strong_english: int

    def canonical(self) -> object:
        """A JSON-ready form."""
        return attrs.asdict(self)


@frozen(kw_only=True)
class Additional:
    """D. Additional points, capped as a section.

    .. versionadded:: 0.1.0
    """

    #: Points for a provincial or territorial nomination.
    provincial_nomination: int
    #: Points for arranged employment, by kind of occupation.
    arranged_employment: Table[ArrangedEmployment, int]
    #: Points for a Canadian post-secondary credential, by its length.
    canadian_education: Table[CanadianEducation, int]
    #: The French-language award, or None where it did not exist.
    french: FrenchBonus | None
    #: Points for a brother or sister in Canada.
    sibling_in_canada: int
    #: The cap on the section.
    cap: int


@frozen(kw_only=True)
class Evidence:
    """The rules of evidence: how dated facts become the CRS inputs (used by :func:`crsrules.factors`).

    .. versionadded:: 0.1.0
    """

    #: A language test result counts for this many years from the test date (rule E10).
    language_valid_years: int
    #: An Educational Credential Assessment counts for this many years from its issue date (rule E3).
    eca_valid_years: int
    #: Work counts only within this many years before the scoring date (rules E6, E7).
    work_window_years: int
    #: Hours a week that make full-time work; part-time work counts pro rata and overlapping jobs never add up to more.
    full_time_hours_per_week: int
    #: Hours of full-time-equivalent work that make one year of experience.
    hours_per_year: int
    #: Only paid work (wages or commission) counts as Canadian work experience.
    canadian_work_must_be_paid: bool
    #: Months of full-time study physically in Canada a credential needs for the Canadian-education points (E5).
    canadian_education_months: int
    #: First and last day of the COVID-19 relief: a Canadian credential with any study in this span earns the
    #: Canadian-education points even if studied online, from abroad or part-time (rule E4); None when not in force.
    distance_learning_relief: tuple[date, date] | None

    def canonical(self) -> object:
        """A JSON-ready form."""
        data = attrs.asdict(self)
        relief = self.distance_learning_relief
        data["distance_learning_relief"] = None if relief is None else [d.isoformat() for d in relief]
        return data


def _canonical(value: Any) -> object:  # noqa: ANN401 (any table value)
    if hasattr(value, "canonical"):
        return value.canonical()
    if attrs.has(type(value)):
        return {a.name: _canonical(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if isinstance(value, Enum):
        return value.value
    return value


def _categories(terms: Mapping[Category, CategoryTerms]) -> Mapping[Category, CategoryTerms]:
    """The terms by category, read-only and in :class:`~crsrules.Category` order."""
    return MappingProxyType({c: terms[c] for c in Category if c in terms})


@frozen(kw_only=True)
class RuleSet:
    """One version of the rules, in force from :attr:`effective` until the next ruleset starts.

    It holds the CRS grid, the rules of evidence and the terms of the categories in force.

    Build the first ruleset in full; build each later one with :meth:`derive`, naming only what changed.

    .. versionadded:: 0.1.0
    """

    #: The ISO date the ruleset takes effect, such as ``"2025-03-25"``.
    id: str
    #: The date the ruleset takes effect (inclusive).
    effective: date
    #: One sentence on what this ruleset changed.
    summary: str
    #: The factors whose points this ruleset can change for some candidate (empty for the first ruleset and for those
    #: that change other rules only).
    changes: frozenset[Factor]
    #: Where the rules come from.
    sources: tuple[Source, ...]
    #: The last day someone checked these rules against their sources.
    verified_on: date
    #: The occupational classification that defines skilled work and arranged employment.
    noc_version: NocVersion
    #: How dated facts become the CRS inputs.
    evidence: Evidence
    #: A. Core / human capital factors.
    core: Core
    #: B. Spouse or common-law partner factors.
    spouse: SpouseTables
    #: C. Skill transferability factors.
    skill_transferability: SkillTransferability
    #: D. Additional points.
    additional: Additional
    #: The language tests accepted and their conversion charts.
    language: LanguageRules
    #: The tests whose acceptance or conversion this version changed (empty for most versions).
    language_changes: frozenset[LanguageTest] = frozenset()
    #: The entry criteria of the three programs (FSW, CEC, FST).
    programs: ProgramCriteria
    #: The programs whose eligibility answer this ruleset can change for some candidate (empty for the first).
    program_changes: frozenset[Program] = frozenset()
    #: The categories of category-based selection in force, with their terms, in :class:`~crsrules.Category` order
    #: (none before 2023-05-31).
    categories: Mapping[Category, CategoryTerms] = attrs.field(factory=dict, converter=_categories)
    #: The categories whose terms this ruleset adds, changes or retires.
    category_changes: frozenset[Category] = frozenset()

    def __attrs_post_init__(self) -> None:
        if self.id != self.effective.isoformat():
            msg = f"ruleset id {self.id!r} must be its effective date {self.effective.isoformat()!r}"
            raise RulesDefinitionError(msg)
        wrong = [c.value for c, terms in self.categories.items() if terms.category is not c]
        if wrong:
            msg = f"ruleset {self.id}: the terms of {wrong} are filed under another category"
            raise RulesDefinitionError(msg)

    def derive(  # noqa: PLR0913 (keyword-only: what every ruleset must state)
        self,
        *,
        id: str,  # noqa: A002 (the attribute's name)
        effective: date,
        summary: str,
        sources: tuple[Source, ...],
        verified_on: date,
        changes: frozenset[Factor] = frozenset(),
        language_changes: frozenset[LanguageTest] = frozenset(),
        program_changes: frozenset[Program] = frozenset(),
        category_changes: frozenset[Category] = frozenset(),
        **tables: Any,  # noqa: ANN401 (any RuleSet field)
    ) -> RuleSet:
        """A later version: this one with *tables* replaced, stating what changed and why.

        Each area of the rules has its own declaration, never inherited: *changes* for the CRS factors whose points
        can move, *language_changes* for the tests whose acceptance or chart changed, *program_changes* for the
        programs whose eligibility answer can change, *category_changes* for the categories. At least one must name
        something. *language_changes* and *category_changes* name every test or category whose rules change, and may
        name others whose answers change through other rules (such as the rules of evidence).

        Raises:
            RulesDefinitionError: The new version does not start later, declares no change, cites no source, or its
                language rules or categories' terms differ from this version's for a test or category it does not
                declare.
        """
        if effective <= self.effective:
            msg = f"ruleset {id} must start after {self.id}"
            raise RulesDefinitionError(msg)
        if not (changes or language_changes or program_changes or category_changes) or not sources:
            msg = f"ruleset {id} must declare its changes and its sources"
            raise RulesDefinitionError(msg)
        derived = attrs.evolve(
            self,
            id=id,
            effective=effective,
            summary=summary,
            changes=changes,
            language_changes=language_changes,
            program_changes=program_changes,
            category_changes=category_changes,
            sources=sources,
            verified_on=verified_on,
            **tables,
        )
        languages = self.language.changed_tests(derived.language)
        if not languages <= language_changes:
            msg = (
                f"ruleset {id} changes the language rules of {sorted(t.value for t in languages)} but declares "
                f"{sorted(t.value for t in language_changes)} in language_changes"
            )
            raise RulesDefinitionError(msg)
        before, after = self.categories, derived.categories
        moved = {c for c in Category if before.get(c) != after.get(c)}
        if not moved <= category_changes:
            msg = (
                f"ruleset {id} changes the terms of {sorted(c.value for c in moved)} but declares "
                f"{sorted(c.value for c in category_changes)} in category_changes"
            )
            raise RulesDefinitionError(msg)
        return derived

    def canonical(self) -> dict[str, object]:
        """The ruleset's rules as JSON-ready data (what :attr:`fingerprint` hashes)."""
        return {
            "id": self.id,
            "effective": self.effective.isoformat(),
            "noc_version": self.noc_version.value,
            "evidence": _canonical(self.evidence),
            "core": _canonical(self.core),
            "spouse": _canonical(self.spouse),
            "skill_transferability": _canonical(self.skill_transferability),
            "additional": _canonical(self.additional),
            "language": self.language.canonical(),
            "programs": self.programs.canonical(),
            "categories": {c.value: terms.canonical() for c, terms in self.categories.items()},
        }

    @cached_property
    def fingerprint(self) -> str:
        """``"sha256:…"`` of the ruleset's canonical JSON; it changes only if a published ruleset is corrected.

        Pin it next to the ruleset id to detect a correction. It covers the categories' terms and their occupation
        lists; sources, summaries, notes and verification dates are not part of it.
        """
        import hashlib  # noqa: PLC0415 (OpenSSL's loading costs 2 ms of every start-up; few callers need a hash)

        data = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(data.encode()).hexdigest()
