"""The types of category-based selection's rules: the conditions a category sets, and one category's terms.

A version of the rules (:class:`~crsrules.rules.RuleSet`) holds the :class:`CategoryTerms` of every category in force
(:attr:`~crsrules.rules.RuleSet.categories`); the yearly modules ``y2023`` to ``y2026`` hold the values. How
crsrules reads the conditions is explained in :doc:`/how-to/category-eligibility` ("How crsrules counts").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from crsrules.headings import Category
from crsrules.rules._category_lists import ListRow, category_lists
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from crsrules.language_tests import LanguageTest
    from crsrules.model import Education
    from crsrules.rules._ruleset import Source

__all__ = ["CategoryTerms", "ExperienceRule", "FrenchRule", "MilitaryRule", "carried_over", "list_rows"]

_MONTHS_A_YEAR = 12


def _without_sources(rule: ExperienceRule | FrenchRule | MilitaryRule) -> dict[str, object]:
    """A rule's numbers as JSON-ready data, without its sources (which a fingerprint does not cover)."""
    data: dict[str, object] = {}
    for a in attrs.fields(type(rule)):
        value = getattr(rule, a.name)
        if a.name == "sources":
            continue
        if isinstance(value, tuple):
            data[a.name] = [getattr(v, "value", v) for v in value]
        else:
            data[a.name] = getattr(value, "value", value)
    return data


@frozen(kw_only=True)
class ExperienceRule:
    """The work experience an occupational category asks for.

    .. versionadded:: 0.1.0
    """

    #: Months of full-time work (or the same number of hours part-time) needed.
    months: int
    #: The experience must fall within this many years before the date.
    window_years: int
    #: The months must form one unbroken run of days in the occupation (see :doc:`/how-to/category-eligibility`).
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
            >>> from crsrules.rules.y2023 import EXPERIENCE_6_MONTHS_CONTINUOUS
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

    def canonical(self) -> object:
        """A JSON-ready form (without the sources)."""
        return _without_sources(self)


@frozen(kw_only=True)
class FrenchRule:
    """The French-language proficiency category's condition.

    .. versionadded:: 0.1.0
    """

    #: The NCLC level needed in each of the four abilities.
    minimum_level: int
    #: The tests whose results count.
    tests: tuple[LanguageTest, ...]
    #: Where the rule is published.
    sources: tuple[Source, ...]

    def describe(self) -> str:
        """The rule in words.

        Example:
            >>> from crsrules.rules.y2023 import FRENCH_NCLC_7
            >>> FRENCH_NCLC_7.describe()
            'a valid TEF Canada or TCF Canada result with at least NCLC 7 in all four abilities'
        """
        tests = " or ".join(t.label for t in self.tests)
        return f"a valid {tests} result with at least NCLC {self.minimum_level} in all four abilities"

    def canonical(self) -> object:
        """A JSON-ready form (without the sources)."""
        return _without_sources(self)


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
    #: Where the rule is published.
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

    def canonical(self) -> object:
        """A JSON-ready form (without the sources)."""
        return _without_sources(self)


@frozen(kw_only=True)
class CategoryTerms:
    """What one version of the rules says about one category: its name, its condition, its list and its rounds.

    The occupation list is not typed here: it is the data file's list of the category for :attr:`policy_year`
    (``crsrules/data/category-occupations.csv``), read on first use.

    .. versionadded:: 0.2.0
    """

    #: The category.
    category: Category
    #: The policy year (2023 to 2026) whose terms these are; it also names the list in the data file.
    policy_year: int
    #: IRCC's name for the category under these terms.
    title: str
    #: What these terms changed, in words.
    summary: str
    #: The work experience needed (occupational categories), or None.
    experience: ExperienceRule | None = None
    #: The French-language condition (French-language proficiency only), or None.
    french: FrenchRule | None = None
    #: The skilled military recruits' conditions, or None.
    military: MilitaryRule | None = None
    #: Whether the list differs from the one of the category's terms before (a new or revised list); a list that
    #: changes without saying so is an error of the data.
    new_list: bool = False
    #: IRCC's names of the rounds held under these terms, as its rounds feed publishes them (earliest forms too).
    round_names: tuple[str, ...] = ()
    #: What the research notes do not confirm about these terms, each note marked [UNCONFIRMED].
    unconfirmed: tuple[str, ...] = ()
    #: Where the terms come from.
    sources: tuple[Source, ...] = ()

    def __attrs_post_init__(self) -> None:
        if len([r for r in (self.experience, self.french, self.military) if r is not None]) != 1:
            msg = f"{self.category.value} {self.policy_year}: the terms need exactly one rule"
            raise RulesDefinitionError(msg)

    @property
    def rule(self) -> ExperienceRule | FrenchRule | MilitaryRule:
        """The condition a candidate must meet."""
        found = self.french or self.military or self.experience
        if found is None:  # pragma: no cover (checked when the terms are made)
            msg = f"{self.category.value} {self.policy_year} has no rule"
            raise RulesDefinitionError(msg)
        return found

    @property
    def occupations(self) -> frozenset[str]:
        """The NOC 2021 codes of the listed occupations (empty for French-language proficiency)."""
        return frozenset(r.code for r in list_rows(self) if r.code)

    @property
    def unconfirmed_occupations(self) -> frozenset[str]:
        """Codes of the list that the research notes mark [UNCONFIRMED] one by one."""
        return frozenset(r.code for r in list_rows(self) if r.unconfirmed and r.code)

    def canonical(self) -> dict[str, object]:
        """A JSON-ready form of what can change an answer: the title, the rule, the list and the round names.

        The summary, the notes and the sources are not part of it.
        """
        return {
            "policy_year": self.policy_year,
            "title": self.title,
            "rule": {type(self.rule).__name__: self.rule.canonical()},
            "occupations": sorted(self.occupations),
            "unconfirmed_occupations": sorted(self.unconfirmed_occupations),
            "round_names": list(self.round_names),
        }


def list_rows(terms: CategoryTerms) -> tuple[ListRow, ...]:
    """The data file's rows of the category and policy year of *terms*.

    Raises:
        RulesDefinitionError: The data file has no list for them.
    """
    try:
        return category_lists()[(terms.policy_year, terms.category)]
    except KeyError:
        msg = f"the data file has no rows for {terms.policy_year} {terms.category.value}"
        raise RulesDefinitionError(msg) from None


def carried_over(
    terms: CategoryTerms,
    *,
    policy_year: int,
    round_names: tuple[str, ...],
    unconfirmed: tuple[str, ...],
    sources: tuple[Source, ...],
) -> CategoryTerms:
    """*terms* renewed for a later policy year: the same title, rule and list, with that year's rounds and notes."""
    return attrs.evolve(
        terms,
        policy_year=policy_year,
        summary=f"Carried over unchanged from {terms.policy_year}.",
        new_list=False,
        round_names=round_names,
        unconfirmed=unconfirmed,
        sources=sources,
    )
