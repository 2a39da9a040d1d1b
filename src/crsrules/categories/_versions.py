"""The category versions: each category's terms over time, read from the registry of rulesets.

A :class:`CategoryVersion` is one category under one set of terms (:class:`~crsrules.rules.CategoryTerms`), from the
ruleset that brings them in until the ruleset that changes them or retires the category. The versions are built once,
by walking :func:`~crsrules.rules.available_rulesets` and joining each version's terms with its occupation list from
the package data, and checked: the rulesets and the data must agree. Dates are looked up with
:func:`~crsrules.rules.rules_in_force`, which also warns about stale dates.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from crsrules import rules
from crsrules._validation import a_date
from crsrules.errors import CRSRulesError, InvalidValueError, UnknownRoundNameError
from crsrules.headings import Category
from crsrules.rules import RuleSet, Source, available_rulesets, get_rules, rules_in_force
from crsrules.rules._categories import list_rows
from crsrules.rules._category_lists import LISTS_FILE, ListRow, category_lists
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from crsrules.rules import CategoryTerms, ExperienceRule, FrenchRule, MilitaryRule

__all__ = [
    "LAST_KNOWN_DATE",
    "CategoryNotInForceError",
    "CategoryVersion",
    "UnknownRoundNameError",
    "available_category_versions",
    "build_versions",
    "category_of",
    "category_version",
    "category_versions",
    "resolve_rules",
    "ruleset_on",
    "version_for_round_name",
    "version_periods",
    "version_under",
    "versions_under",
]

_ONE_DAY = timedelta(days=1)

#: The latest date on which public sources show the categories in force: :data:`crsrules.rules.LAST_KNOWN_DATE`
#: (the snapshot of IRCC's rounds feed of 2026-08-20 still names its rounds after the 2026 versions). Dates after it
#: get the latest versions with a :class:`~crsrules.StaleRulesWarning`.
LAST_KNOWN_DATE: Final = rules.LAST_KNOWN_DATE


@frozen(kw_only=True)
class CategoryVersion:
    """One category as it stands in one policy year: its list, its rule, its dates and IRCC's round names.

    Example:
        >>> from datetime import date
        >>> from crsrules.categories import Category, category_version
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
    #: None while in force (derived from the rulesets, never typed).
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
    """No version of a category is in force on the date asked for, or under the ruleset pinned.

    Attributes:
        category: The category.
        on: The date asked for.
        periods: When the category is in force: (first day, last day or None) pairs, oldest first.
        rules: The id of the ruleset pinned, or None when the date chose it.

    Example:
        >>> from datetime import date
        >>> from crsrules.categories import Category, category_version
        >>> category_version(Category.EDUCATION, on=date(2024, 6, 1))
        Traceback (most recent call last):
        ...
        crsrules.categories.CategoryNotInForceError: the category 'education' (Education occupations) is not in \
force on 2024-06-01: it is in force from 2025-02-27.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The *rules* attribute.
    """

    def __init__(
        self, category: Category, on: date, periods: Iterable[tuple[date, date | None]], *, rules: str | None = None
    ) -> None:
        self.category = category
        self.on = on
        self.periods = tuple(periods)
        self.rules = rules
        spans = " and ".join(
            f"from {start.isoformat()}" + ("" if last is None else f" to {last.isoformat()}")
            for start, last in self.periods
        )
        where = f"on {on.isoformat()}" if rules is None else f"under ruleset {rules} (asked for {on.isoformat()})"
        super().__init__(
            f"the category {category.value!r} ({category.title}) is not in force {where}: it is in force {spans}."
        )


# --- building and checking -----------------------------------------------------------------------------------------


def _draft(terms: CategoryTerms, rows: tuple[ListRow, ...], effective: date) -> dict[str, Any]:
    return {
        "category": terms.category,
        "policy_year": terms.policy_year,
        "effective": effective,
        "until": None,
        "title": terms.title,
        "summary": terms.summary,
        "occupations": frozenset(r.code for r in rows if r.code),
        "unconfirmed_occupations": frozenset(r.code for r in rows if r.unconfirmed and r.code),
        "experience": terms.experience,
        "french": terms.french,
        "military": terms.military,
        "round_names": terms.round_names,
        "unconfirmed": terms.unconfirmed,
        "sources": terms.sources,
    }


def _check_draft(
    draft: dict[str, Any],
    earlier: dict[str, Any] | None,
    terms: CategoryTerms,
    rows: tuple[ListRow, ...],
    *,
    source: str,
) -> None:
    """Check a new version's terms against its rows of the data file and the category's version before."""
    where = f"{terms.policy_year} {terms.category.value}"
    codes = draft["occupations"]
    if earlier is not None and not terms.new_list and codes != earlier["occupations"]:
        msg = f"{source}: the list of {where} differs from {earlier['policy_year']}'s, but {terms.policy_year} "
        msg += "does not declare a new list for it"
        raise RulesDefinitionError(msg)
    if any(r.unconfirmed and not r.code for r in rows) and not terms.unconfirmed:
        msg = f"{source}: {where} is marked [UNCONFIRMED] in the data but has no note saying why"
        raise RulesDefinitionError(msg)
    if (terms.french is None) != bool(codes):
        msg = f"{where}: a version needs a list unless it is the French rule"
        raise RulesDefinitionError(msg)


def build_versions(  # noqa: C901 (one pass that checks the rulesets against the data)
    rulesets: Sequence[RuleSet], data: Mapping[tuple[int, Category], tuple[ListRow, ...]], *, source: str
) -> tuple[CategoryVersion, ...]:
    """Walk *rulesets* (oldest first) into category versions, joined with the lists of *data*, checking both.

    A version starts where a category's terms change and ends where they change again or the category is retired.

    Raises:
        RulesDefinitionError: The rulesets and the data disagree.
    """
    expected = {(t.policy_year, c) for r in rulesets for c, t in r.categories.items()}
    if set(data) != expected:
        extra = sorted(f"{y} {c.value}" for y, c in set(data) - expected)
        missing = sorted(f"{y} {c.value}" for y, c in expected - set(data))
        msg = f"{source}: the policy years and the data disagree (only in the data: {extra}; only in code: {missing})"
        raise RulesDefinitionError(msg)
    drafts: list[dict[str, Any]] = []
    current: dict[Category, tuple[CategoryTerms, dict[str, Any]]] = {}
    for ruleset in rulesets:
        for category in [c for c in current if c not in ruleset.categories]:
            current.pop(category)[1]["until"] = ruleset.effective
        for category, terms in ruleset.categories.items():
            earlier = current.get(category)
            if earlier is not None and earlier[0] == terms:
                continue
            rows = data[(terms.policy_year, category)]
            draft = _draft(terms, rows, ruleset.effective)
            _check_draft(draft, earlier[1] if earlier else None, terms, rows, source=source)
            known = {ruleset.effective} | {d["effective"] for d in drafts if d["category"] is category}
            if rows[0].effective not in known:
                msg = f"{source}, line {rows[0].line}: effective_date {rows[0].effective} of {terms.policy_year} "
                msg += f"{category.value} is neither its version's effective date ({ruleset.effective}) nor an earlier "
                msg += "one of the category"
                raise RulesDefinitionError(msg)
            if any(d["category"] is category and d["policy_year"] == terms.policy_year for d in drafts):
                msg = f"{category.value}: two versions in policy year {terms.policy_year}"
                raise RulesDefinitionError(msg)
            if earlier is not None:
                earlier[1]["until"] = ruleset.effective
            drafts.append(draft)
            current[category] = (terms, draft)
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
    """Every version, in order of effective date, built once from the registry and the package data."""
    return build_versions(available_rulesets(), category_lists(), source=LISTS_FILE)


@cache
def _by_terms() -> Mapping[tuple[Category, CategoryTerms], CategoryVersion]:
    """The version that each category's terms make (the first, should the same terms come back)."""
    found: dict[tuple[Category, CategoryTerms], CategoryVersion] = {}
    by_start = {(v.category, v.effective): v for v in _versions()}
    for ruleset in available_rulesets():
        for category, terms in ruleset.categories.items():
            if (category, ruleset.effective) in by_start:
                found.setdefault((category, terms), by_start[(category, ruleset.effective)])
    return MappingProxyType(found)


@cache
def _by_round_name() -> Mapping[str, CategoryVersion]:
    """The earliest version carrying each round name (names are compared without case or extra spaces)."""
    found: dict[str, CategoryVersion] = {}
    for v in _versions():
        for name in v.round_names:
            found.setdefault(_normal(name), v)
    return MappingProxyType(found)


# --- lookups -------------------------------------------------------------------------------------------------------


def category_of(value: object) -> Category:
    """*value* as a :class:`Category`: a member, or its slug.

    Raises:
        InvalidValueError: *value* is neither.
    """
    if isinstance(value, Category):
        return value
    try:
        return Category(value)
    except ValueError:
        choices = ", ".join(repr(c.value) for c in Category)
        raise InvalidValueError("category", value, f"a crsrules.Category or one of {choices}") from None


def ruleset_on(on: date) -> RuleSet | None:
    """The ruleset in force on *on* (with the stale-rules warning after the last known date); None before any."""
    return None if on < available_rulesets()[0].effective else rules_in_force(on)


def _version(ruleset: RuleSet, category: Category) -> CategoryVersion:
    terms = ruleset.categories[category]
    known = _by_terms().get((category, terms))
    if known is not None:
        return known
    # A ruleset made outside the registry: its terms make a version of their own, from its effective date.
    draft = _draft(terms, list_rows(terms), ruleset.effective)
    return CategoryVersion(**draft)


def versions_under(ruleset: RuleSet) -> tuple[CategoryVersion, ...]:
    """The category versions that *ruleset* puts in force, in :class:`Category` order."""
    return tuple(_version(ruleset, c) for c in ruleset.categories)


def version_under(ruleset: RuleSet, category: Category, on: date, *, pinned: bool) -> CategoryVersion:
    """The version of *category* under *ruleset*, asked for on *on*.

    Raises:
        CategoryNotInForceError: *ruleset* has no terms for *category*.
    """
    if category not in ruleset.categories:
        raise CategoryNotInForceError(category, on, version_periods(category), rules=ruleset.id if pinned else None)
    return _version(ruleset, category)


def resolve_rules(on: date, pinned: str | RuleSet | None) -> RuleSet | None:
    """The ruleset pinned, or the one in force on *on* (None before Express Entry)."""
    return ruleset_on(on) if pinned is None else get_rules(pinned)


def version_periods(category: Category) -> list[tuple[date, date | None]]:
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
    ruleset = ruleset_on(on)
    return () if ruleset is None else versions_under(ruleset)


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
    category = category_of(category)
    on = a_date("on", on)
    ruleset = ruleset_on(on)
    if ruleset is None:
        raise CategoryNotInForceError(category, on, version_periods(category))
    return version_under(ruleset, category, on, pinned=False)


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
