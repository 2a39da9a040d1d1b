"""Rounds of invitations ("draws"): every Express Entry round since round 1, the pool's score distribution, and queries.

IRCC invites candidates from the Express Entry pool in numbered rounds. Each round has a date, a type (all programs,
one program such as the Canadian Experience Class, or a category such as STEM occupations), a number of invitations,
the lowest CRS score invited (the cut-off) and, since round 77 of 2017-11-08, a tie-breaking time: of the candidates
at the cut-off score, only those whose profile was submitted before that time were invited.

Coverage:
    - **Rounds**: all 438 published rounds, #1 (2015-01-31) to #437 (2026-08-19), with two rounds numbered ``91a`` and
      ``91b``. Rounds held after 2026-08-19 are missing: the newest copy of IRCC's feed found is of 2026-08-20.
    - **Pool distribution**: IRCC's score distribution of the pool, published with 220 rounds (#214, pool as of
      2022-01-17, to #437, except #223, #224, #226 and #227, for which IRCC published zeros).
    - Shipped as package data (``crsrules/data/express-entry-rounds.csv``, ``express-entry-pool-distribution.csv``
      and ``category-rounds.csv``; ``crsrules/data/README.md`` gives their provenance and hashes), read and checked
      the first time they are used.

The data is IRCC's as published; nothing was corrected. What that means for some rounds:
    - Rounds ``91a`` (Federal Skilled Trades) and ``91b`` (Provincial Nominee Program) were both held on 2018-05-30.
      Round numbers are therefore strings, and sort by number, then suffix.
    - Rounds 1 to 76 (to 2017-11-01) have no tie-breaking time: IRCC published none before round 77.
    - Round 208's tie-breaking time was published as ``"October 7 at 16:38:21 UTC"``, without a year:
      :attr:`Draw.tie_break` is None and :attr:`Draw.tie_break_text` keeps IRCC's words.
    - Round 139 (2020-03-18) was held in the evening, Ottawa time: its tie-breaking time, 2020-03-19T02:04:06 UTC,
      falls on the day after its date.
    - IRCC renamed its category rounds in 2024 (``"Healthcare occupations (2023-1)"`` became
      ``"Healthcare occupations (Version 1)"``). The data uses the current names; :func:`round_type` accepts both.
    - IRCC's pool distribution has overlapping rows: the subtotals 451-500 and 401-450 next to their five 10-point
      ranges, and a total. :class:`PoolDistribution` keeps the 15 ranges that do not overlap apart from the
      subtotals and the total. In round 247's distribution the 451-500 subtotal (and the total) is 180 more than its
      10-point ranges add up to; :attr:`PoolDistribution.discrepancies` says so.
    - :attr:`Draw.date` is IRCC's date of the round. For rounds 104 (2018-11-14), 108 (2019-01-09), 146
      (2020-04-30) and 148 (2020-05-14) IRCC's own round time is on the next day; reports of the time give the later
      date for 104 and 108. IRCC's date is kept.
    - Round 54's 3,644 invitations may be 3,664 (reports of the time say so); IRCC's figure is kept.

References:
    - IRCC, "Express Entry rounds of invitations", and the JSON feed behind it,
      https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json, copied on 2026-08-20 at
      github.com/Yin-Marina/Daily_Express_Entry, commit d5efaf919e840aa87e7a9064112e06a71d7352e2.
    - The project's research notes on the data: ``data/README-rounds.md``; on categories: ``reference/categories.md``
      sections 1 and 7.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs
from attrs import field, frozen

from crsrules import _validation as v
from crsrules.categories import Category
from crsrules.errors import CRSRulesError, InvalidArgumentsError, InvalidValueError
from crsrules.rules import available_rulesets, rules_in_force
from crsrules.tables import RulesDefinitionError

__all__ = [
    "CATEGORIES",
    "CutoffAccuracy",
    "CutoffComparison",
    "Draw",
    "DrawDataError",
    "DrawKind",
    "DrawSummary",
    "NoDistributionError",
    "PoolDistribution",
    "RoundType",
    "ScoreRange",
    "UnknownDrawError",
    "UnknownRoundTypeError",
    "by_number",
    "cutoff_estimate_accuracy",
    "distribution",
    "distributions",
    "estimate_cutoff",
    "history",
    "latest",
    "pool_before",
    "round_type",
    "round_types",
    "summary",
]

_DATA_PACKAGE = "crsrules.data"
_ROUNDS_FILE = "express-entry-rounds.csv"
_POOL_FILE = "express-entry-pool-distribution.csv"
_CATEGORY_ROUNDS_FILE = "category-rounds.csv"

_ROUNDS_COLUMNS = ("round", "date", "round_type", "invitations", "crs_cutoff", "tie_break", "source")
_POOL_COLUMNS = ("round", "as_of_date", "range", "candidates")
_CATEGORY_COLUMNS = (
    "round_number",
    "date",
    "category",
    "ircc_round_name",
    "invitations",
    "crs_lowest_invited",
    "tie_breaking_rule_utc",
)

#: The highest CRS score there is: the top of IRCC's 601-1200 range.
_MAX_SCORE = 1200
#: Express Entry opened on the first ruleset's effective date (2015-01-01); no round can be earlier.
_FIRST_DAY = available_rulesets()[0].effective
#: How many close round numbers an :class:`UnknownDrawError` suggests at most.
_MAX_SUGGESTIONS = 5

_NUMBER = re.compile(r"([1-9][0-9]*)([a-z]?)")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_COUNT = re.compile(r"0|[1-9][0-9]*")


# -- Kinds of round and their IRCC names -----------------------------------------------------------------------------


class DrawKind(Enum):
    """The kind of a round: open to all programs, to one program, or to one category.

    The string values are part of crsrules' public formats (JSON, the command line).

    Example:
        >>> DrawKind("cec").label
        'Canadian Experience Class'

    .. versionadded:: 0.1.0
    """

    #: Open to candidates of every program: IRCC's "No Program Specified" rounds (to 2023-10-10) and "General"
    #: rounds (2023-12-06 to 2024-04-23), two names for the same kind of round.
    GENERAL = "general"
    #: Canadian Experience Class only.
    CEC = "cec"
    #: Federal Skilled Worker Program only (one round: #240, 2023-02-02).
    FSW = "fsw"
    #: Federal Skilled Trades Program only.
    FST = "fst"
    #: Candidates with a provincial or territorial nomination only.
    PNP = "pnp"
    #: Category-based selection (from 2023-06-28): candidates who meet a category's conditions, such as STEM
    #: occupations or French-language proficiency; :attr:`Draw.category` names the category.
    CATEGORY = "category"

    @property
    def label(self) -> str:
        """A short English name, such as ``"Canadian Experience Class"``."""
        return _KIND_LABELS[self]


_KIND_LABELS: Final = MappingProxyType(
    {
        DrawKind.GENERAL: "No program specified / General",
        DrawKind.CEC: "Canadian Experience Class",
        DrawKind.FSW: "Federal Skilled Worker",
        DrawKind.FST: "Federal Skilled Trades",
        DrawKind.PNP: "Provincial Nominee Program",
        DrawKind.CATEGORY: "Category-based selection",
    }
)

#: The category slugs crsrules knows: the values of :class:`crsrules.Category` (``reference/categories.md``
#: section 1). A category may have no round yet (``"researchers"`` had none by round 437).
CATEGORIES: Final = tuple(c.value for c in Category)


@frozen(kw_only=True)
class RoundType:
    """What IRCC's name for a round (its ``drawName``) means: the kind of round, and for a category round, which one.

    Example:
        >>> round_type("STEM occupations (2023-1)")
        RoundType(name='STEM occupations (Version 1)', kind=<DrawKind.CATEGORY: 'category'>, category='stem', \
category_version='Version 1', former_names=('STEM occupations (2023-1)',))

    .. versionadded:: 0.1.0
    """

    #: IRCC's current name, as in the rounds feed since 2024, such as ``"STEM occupations (Version 1)"``.
    name: str
    #: The kind of round.
    kind: DrawKind
    #: The category's slug (one of :data:`CATEGORIES`) for a category round; None otherwise.
    category: str | None = None
    #: IRCC's version label of the category's instructions, such as ``"Version 1"`` or ``"2026-Version 3"``; None for
    #: a program round.
    category_version: str | None = None
    #: Names IRCC used for the same rounds before renaming them in 2024, such as ``"STEM occupations (2023-1)"``.
    former_names: tuple[str, ...] = ()


def _category(name: str, slug: str, version: str, *former: str) -> RoundType:
    return RoundType(name=name, kind=DrawKind.CATEGORY, category=slug, category_version=version, former_names=former)


# Every round name in IRCC's feed to round 437 (data/README-rounds.md, "Column meanings"): a name not listed here
# stops the data from loading, so that a new kind of round cannot slip in unclassified. The former names are those
# of IRCC's feed before its 2024 renaming (README-rounds.md, "Category names were renamed by IRCC").
_ROUND_TYPES: Final = (
    RoundType(name="No Program Specified", kind=DrawKind.GENERAL),
    RoundType(name="General", kind=DrawKind.GENERAL),
    RoundType(name="Canadian Experience Class", kind=DrawKind.CEC),
    RoundType(name="Federal Skilled Worker", kind=DrawKind.FSW),
    RoundType(name="Federal Skilled Trades", kind=DrawKind.FST),
    RoundType(name="Provincial Nominee Program", kind=DrawKind.PNP),
    _category("Healthcare occupations (Version 1)", "healthcare", "Version 1", "Healthcare occupations (2023-1)"),
    _category("STEM occupations (Version 1)", "stem", "Version 1", "STEM occupations (2023-1)"),
    _category(
        "French language proficiency (Version 1)",
        "french",
        "Version 1",
        "French language proficiency (2023-1)",
        "French language proficiency (2024-1)",
    ),
    _category("Trade occupations (Version 1)", "trades", "Version 1", "Trade occupations (2023-1)"),
    _category(
        "Transport occupations (Version 1)",
        "transport",
        "Version 1",
        "Transport occupations (2023-1)",
        "Transport occupations (2024-1)",
    ),
    _category(
        "Agriculture and agri-food occupations (Version 1)",
        "agriculture",
        "Version 1",
        "Agriculture and agri-food occupations (2023-1)",
    ),
    _category("Education occupations (Version 1)", "education", "Version 1"),
    _category("Healthcare and social services occupations (Version 2)", "healthcare", "Version 2"),
    _category("Trade occupations (Version 2)", "trades", "Version 2"),
    _category("French-Language proficiency 2026-Version 2", "french", "2026-Version 2"),
    _category("Physicians with Canadian Work Experience, 2026-Version 1", "physicians", "2026-Version 1"),
    _category("Healthcare and Social Services Occupations, 2026-Version 3", "healthcare", "2026-Version 3"),
    _category("Senior managers with Canadian Work Experience, 2026-Version 1", "senior_managers", "2026-Version 1"),
    _category("Trades Occupations, 2026-Version 3", "trades", "2026-Version 3"),
    _category("Skilled Military Recruits, 2026-Version 1", "military", "2026-Version 1"),
    _category("Transport Occupations, 2026-Version 2", "transport", "2026-Version 2"),
)
_ROUND_TYPE_BY_NAME: Final = MappingProxyType({name: t for t in _ROUND_TYPES for name in (t.name, *t.former_names)})


class UnknownRoundTypeError(CRSRulesError, LookupError):
    """A round name (IRCC's ``drawName``) that crsrules does not know.

    Attributes:
        name: The name that was given.
        suggestions: Close known names, best first (possibly empty).

    .. versionadded:: 0.1.0
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.suggestions = tuple(difflib.get_close_matches(name, list(_ROUND_TYPE_BY_NAME), n=3, cutoff=0.6))
        hint = f" Did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(
            f"unknown round name {name!r}: it is none of the {len(_ROUND_TYPES)} names in IRCC's rounds feed to "
            f"round 437 (see crsrules.draws.round_types()).{hint}"
        )


def round_type(name: str) -> RoundType:
    """What a round name of IRCC's means: its kind and, for a category round, the category and its version.

    Args:
        name: IRCC's name of the round, current (``"Healthcare occupations (Version 1)"``) or from before the 2024
            renaming (``"Healthcare occupations (2023-1)"``).

    Raises:
        UnknownRoundTypeError: No round in the data has this name, now or formerly; the message suggests close ones.

    Example:
        >>> round_type("No Program Specified").kind
        <DrawKind.GENERAL: 'general'>
        >>> t = round_type("Healthcare occupations (2023-1)")
        >>> t.name, t.category
        ('Healthcare occupations (Version 1)', 'healthcare')

    .. versionadded:: 0.1.0
    """
    try:
        return _ROUND_TYPE_BY_NAME[name]
    except (KeyError, TypeError):
        raise UnknownRoundTypeError(str(name)) from None


def round_types() -> tuple[RoundType, ...]:
    """Every round name in the data: the program rounds, then the category rounds in order of their first round.

    Example:
        >>> len(round_types()), round_types()[0].name
        (22, 'No Program Specified')

    .. versionadded:: 0.1.0
    """
    return _ROUND_TYPES


# -- Draw ------------------------------------------------------------------------------------------------------------


def _number_key(number: str) -> tuple[int, str]:
    """Sort key of a round number: ``"91b"`` -> ``(91, "b")``; ``"91"`` sorts before ``"91a"``."""
    match = _NUMBER.fullmatch(number)
    if match is None:  # pragma: no cover (numbers are validated before they are sorted)
        msg = f"not a round number: {number!r}"
        raise ValueError(msg)
    return int(match[1]), match[2]


def _round_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _NUMBER.fullmatch(value) is None:
        raise InvalidValueError(attribute.name, value, 'a round number as a string, such as "253" or "91a"')


def _draw_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    day = v.a_date(attribute.name, value)
    if day < _FIRST_DAY:
        raise InvalidValueError(attribute.name, day, f"on or after {_FIRST_DAY.isoformat()}, when Express Entry opened")


def _utc_datetime(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime) or value.utcoffset() != timedelta(0):
        raise InvalidValueError(attribute.name, value, "a timezone-aware datetime in UTC, or None")


def _text(*, optional: bool = False) -> v.Validator:
    what = "a non-empty string" + (" or None" if optional else "")

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(attribute.name, value, what)

    return check


def _category_slug(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in CATEGORIES:
        raise InvalidValueError(attribute.name, value, f"one of {', '.join(map(repr, CATEGORIES))} or None")


@frozen(kw_only=True)
class Draw:
    """One round of invitations, as IRCC published it.

    Example:
        >>> d = by_number("254")
        >>> d.date, d.kind, d.category, d.invitations, d.cutoff
        (datetime.date(2023, 7, 5), <DrawKind.CATEGORY: 'category'>, 'stem', 500, 486)
        >>> d.tie_break.isoformat(), d.rules_id
        ('2022-11-23T00:01:29+00:00', '2023-05-31')
        >>> print(d)
        Round 254 (2023-07-05, STEM occupations (Version 1)): 500 invitations, lowest CRS score 486

    .. versionadded:: 0.1.0
    """

    #: IRCC's round number, as a string: ``"253"``; two rounds of 2018-05-30 are ``"91a"`` and ``"91b"``.
    number: str = field(validator=_round_number)
    #: The round's date, as IRCC lists it; for rounds 104, 108, 146 and 148 IRCC's own round time is a day later.
    date: date = field(validator=_draw_date)
    #: The kind of round.
    kind: DrawKind = field(validator=v.member_of(DrawKind))
    #: IRCC's name of the round, such as ``"No Program Specified"`` or ``"STEM occupations (Version 1)"``.
    round_name: str = field(validator=_text())
    #: The number of invitations to apply.
    invitations: int = field(validator=v.whole_number(0, 10**6, "a whole number of invitations 0-1000000"))
    #: The lowest CRS score invited (IRCC's "CRS score of lowest-ranked candidate invited").
    cutoff: int = field(validator=v.whole_number(0, _MAX_SCORE, f"a CRS score 0-{_MAX_SCORE}"))
    #: The category's slug (one of :data:`CATEGORIES`), for a category round only.
    category: str | None = field(default=None, validator=_category_slug)
    #: The tie-breaking time (UTC): of the candidates at the cut-off score, those whose profile was submitted before
    #: it were invited. None before round 77 (2017-11-08), when IRCC published none, and for round 208, whose
    #: published time has no year.
    tie_break: datetime | None = field(default=None, validator=_utc_datetime)
    #: IRCC's words for a tie-breaking time that could not be read as a UTC time (round 208:
    #: ``"October 7 at 16:38:21 UTC"``); None otherwise.
    tie_break_text: str | None = field(default=None, validator=_text(optional=True))
    #: Where the record comes from: the feed and the dated copy of it.
    source: str = field(default="", validator=v.instance(str, "a string"))

    def __attrs_post_init__(self) -> None:
        if (self.kind is DrawKind.CATEGORY) != (self.category is not None):
            allowed = "a category slug for a category round, and None for any other round"
            raise InvalidValueError("category", self.category, f"{allowed} (kind is {self.kind.value!r})")
        # A round in the evening, Ottawa time, can have a tie-breaking time on the next day in UTC (round 139).
        if self.tie_break is not None and self.tie_break.date() > self.date + timedelta(days=1):
            allowed = f"on or before the day after the round's date, {self.date.isoformat()}"
            raise InvalidValueError("tie_break", self.tie_break, allowed)
        if self.tie_break is not None and self.tie_break_text is not None:
            raise InvalidValueError("tie_break_text", self.tie_break_text, "None when tie_break is known")

    def __str__(self) -> str:
        return (
            f"Round {self.number} ({self.date.isoformat()}, {self.round_name}): "
            f"{self.invitations:,} invitations, lowest CRS score {self.cutoff}"
        )

    @property
    def rules_id(self) -> str:
        """The id of the CRS ruleset in force on the round's date, such as ``"2025-03-25"``."""
        return rules_in_force(self.date).id

    @property
    def category_version(self) -> str | None:
        """IRCC's version label of the category's instructions, such as ``"Version 1"``; None for a program round."""
        known = _ROUND_TYPE_BY_NAME.get(self.round_name)
        return known.category_version if known is not None else None

    def as_dict(self) -> dict[str, object]:
        """The round as JSON-ready data: enums as their values, dates and times as ISO strings.

        Example:
            >>> by_number("91a").as_dict()["tie_break"]
            '2017-06-07T20:11:13Z'
        """
        return {
            "number": self.number,
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "category": self.category,
            "category_version": self.category_version,
            "round_name": self.round_name,
            "invitations": self.invitations,
            "cutoff": self.cutoff,
            "tie_break": None if self.tie_break is None else self.tie_break.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tie_break_text": self.tie_break_text,
            "rules_id": self.rules_id,
            "source": self.source,
        }


# -- Pool distribution -----------------------------------------------------------------------------------------------


def _score(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 0 <= value <= _MAX_SCORE:
        raise InvalidValueError(attribute.name, value, f"a CRS score 0-{_MAX_SCORE}")


@frozen(kw_only=True)
class ScoreRange:
    """A range of CRS scores, both ends included, and the number of candidates in the pool with a score in it.

    Example:
        >>> r = ScoreRange(low=491, high=500, candidates=2738)
        >>> r.label, r.width
        ('491-500', 10)

    .. versionadded:: 0.1.0
    """

    #: The lowest score of the range.
    low: int = field(validator=_score)
    #: The highest score of the range (at least *low*).
    high: int = field(validator=_score)
    #: The number of candidates with a score from *low* to *high*.
    candidates: int = field(validator=v.whole_number(0, 10**9, "a whole number of candidates"))

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidValueError("high", self.high, f"at least low ({self.low})")

    @property
    def label(self) -> str:
        """IRCC's label of the range, such as ``"491-500"``."""
        return f"{self.low}-{self.high}"

    @property
    def width(self) -> int:
        """How many whole scores the range covers: 10 for 491-500."""
        return self.high - self.low + 1


def _ranges(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(isinstance(r, ScoreRange) for r in value):
        raise InvalidValueError(attribute.name, value, "a non-empty tuple of ScoreRange")
    for higher, lower in pairwise(value):
        if lower.high >= higher.low:
            allowed = "ranges from the highest scores down, without overlaps"
            raise InvalidValueError(attribute.name, f"{higher.label} then {lower.label}", allowed)


def _subtotals(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(r, ScoreRange) for r in value):
        raise InvalidValueError(attribute.name, value, "a tuple of ScoreRange")


def _optional_count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError(attribute.name, value, "a whole number of candidates, or None")


@frozen(kw_only=True)
class PoolDistribution:
    """The CRS scores of the candidates in the Express Entry pool on a date, by range, as IRCC published them.

    IRCC publishes 18 figures with a round: 15 ranges that do not overlap (601-1200, 501-600, ten 10-point ranges
    from 491-500 down to 401-410, then 351-400, 301-350 and 0-300), two subtotals that overlap them (451-500 and
    401-450) and a total. :attr:`ranges` holds the 15, :attr:`subtotals` the two and :attr:`total` the total: only
    :attr:`ranges` may be added up.

    Example:
        >>> d = distribution("253")
        >>> d.as_of, len(d.ranges), d.ranges[0], d.total
        (datetime.date(2023, 7, 4), 15, ScoreRange(low=601, high=1200, candidates=353), 214529)
        >>> [s.label for s in d.subtotals], d.discrepancies
        (['451-500', '401-450'], ())

    .. versionadded:: 0.1.0
    """

    #: The ranges that do not overlap, from the highest scores down.
    ranges: tuple[ScoreRange, ...] = field(validator=_ranges)
    #: The number of the round the distribution was published with; None for a distribution made by hand.
    round_number: str | None = field(default=None, validator=v.instance(str, "a round number", optional=True))
    #: The date of the pool the distribution describes (IRCC's ``drawDistributionAsOn``), on or before the round's
    #: date; None for a distribution made by hand.
    as_of: date | None = field(default=None, validator=v.instance(date, "a datetime.date", optional=True))
    #: IRCC's subtotals (451-500 and 401-450): each covers several of :attr:`ranges`.
    subtotals: tuple[ScoreRange, ...] = field(default=(), validator=_subtotals)
    #: IRCC's total of the pool; None for a distribution made by hand.
    total: int | None = field(default=None, validator=_optional_count)
    #: Where the figures come from.
    source: str = field(default="", validator=v.instance(str, "a string"))

    def __attrs_post_init__(self) -> None:
        for subtotal in self.subtotals:
            if not self._covered_by(subtotal):
                allowed = "the union of consecutive ranges, such as 451-500 for 491-500 down to 451-460"
                raise InvalidValueError("subtotals", subtotal.label, allowed)

    def _covered_by(self, subtotal: ScoreRange) -> tuple[ScoreRange, ...]:
        """The ranges that make up *subtotal* exactly, or ``()``."""
        inside = tuple(r for r in self.ranges if subtotal.low <= r.low and r.high <= subtotal.high)
        exact = bool(inside) and inside[0].high == subtotal.high and inside[-1].low == subtotal.low
        contiguous = all(lower.high + 1 == higher.low for higher, lower in pairwise(inside))
        return inside if exact and contiguous else ()

    @property
    def candidates(self) -> int:
        """The number of candidates in :attr:`ranges` (IRCC's :attr:`total`, except where :attr:`discrepancies`)."""
        return sum(r.candidates for r in self.ranges)

    @property
    def discrepancies(self) -> tuple[str, ...]:
        """Where IRCC's subtotals or total differ from the sum of their ranges, in words; ``()`` when they agree.

        Only round 247's distribution has any: its 451-500 subtotal and its total are each 180 more than the ranges.
        """
        found = []
        for subtotal in self.subtotals:
            parts = sum(r.candidates for r in self._covered_by(subtotal))
            if parts != subtotal.candidates:
                found.append(
                    f"the {subtotal.label} subtotal is {subtotal.candidates:,} but its ranges add up to {parts:,}"
                )
        if self.total is not None and self.total != self.candidates:
            found.append(f"the total is {self.total:,} but the ranges add up to {self.candidates:,}")
        return tuple(found)


class NoDistributionError(CRSRulesError, LookupError):
    """IRCC published no pool distribution with this round (rounds 1 to 213, 223, 224, 226 and 227).

    Attributes:
        number: The round number.

    .. versionadded:: 0.1.0
    """

    def __init__(self, number: str, published: Sequence[str]) -> None:
        self.number = number
        super().__init__(
            f"IRCC published no pool distribution with round {number}: distributions exist for rounds "
            f"{published[0]} to {published[-1]}, except {', '.join(_gaps(published))} "
            "(see crsrules.draws.distributions())"
        )


def _gaps(published: Sequence[str]) -> list[str]:
    """The round numbers between the first and last of *published* that are not in it."""
    numbers = {d.number for d in _draws()}
    first, last = _number_key(published[0]), _number_key(published[-1])
    missing = [n for n in numbers if first < _number_key(n) < last and n not in set(published)]
    return sorted(missing, key=_number_key)


# -- Loading the package data ----------------------------------------------------------------------------------------


class DrawDataError(RulesDefinitionError):
    """The rounds data shipped with crsrules is malformed (a mistake in the package, not in the caller's input).

    The message names the file, the line and the problem.

    .. versionadded:: 0.1.0
    """


# Round 208's tie-breaking time as IRCC published it, without a year (README-rounds.md, "tie_break"): the only cell
# of the tie_break column that is not an ISO UTC time. Any other unreadable cell stops the data from loading.
_UNREADABLE_TIE_BREAKS: Final = MappingProxyType({"208": "October 7 at 16:38:21 UTC"})

# Round 247's published distribution does not add up (README-rounds.md, "Oddities"): the 451-500 subtotal and the
# total are 180 more than the ranges. Any other distribution must add up exactly.
_INCONSISTENT_DISTRIBUTIONS: Final = frozenset({"247"})

# IRCC's labels of the 18 figures (dd1 to dd18), in the feed's order; the subtotals and the total are marked.
_POOL_LABELS: Final = (
    "601-1200",
    "501-600",
    "451-500",  # subtotal of the next five
    "491-500",
    "481-490",
    "471-480",
    "461-470",
    "451-460",
    "401-450",  # subtotal of the next five
    "441-450",
    "431-440",
    "421-430",
    "411-420",
    "401-410",
    "351-400",
    "301-350",
    "0-300",
    "Total",
)
_SUBTOTAL_LABELS: Final = frozenset({"451-500", "401-450"})
_TOTAL_LABEL: Final = "Total"


def _read(name: str) -> str:
    return resources.files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _rows(text: str, *, source: str, columns: tuple[str, ...]) -> Iterable[tuple[str, list[str]]]:
    """The rows of a CSV file after its header, each with a "file, line N" label for error messages."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != columns:
        msg = f"{source}: the header must be {','.join(columns)} (got {header!r})"
        raise DrawDataError(msg)
    for row in reader:
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(columns):
            msg = f"{where}: expected {len(columns)} columns, {','.join(columns)} (got {row!r})"
            raise DrawDataError(msg)
        yield where, row


def _parse_date(where: str, column: str, text: str) -> date:
    try:
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)  # noqa: TRY301 (one message for both kinds of bad date)
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{where}: {column} must be an ISO date YYYY-MM-DD (got {text!r})"
        raise DrawDataError(msg) from None


def _parse_count(where: str, column: str, text: str) -> int:
    if _COUNT.fullmatch(text) is None:
        msg = f"{where}: {column} must be a whole number without separators (got {text!r})"
        raise DrawDataError(msg)
    return int(text)


def _parse_tie_break(where: str, number: str, text: str) -> tuple[datetime | None, str | None]:
    """The tie-breaking time and, when it cannot be read, IRCC's words (only the known case of round 208)."""
    if not text:
        return None, None
    if _ISO_UTC.fullmatch(text) is not None:
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), None
        except ValueError:
            pass
    if _UNREADABLE_TIE_BREAKS.get(number) == text:
        return None, text
    msg = f"{where}: tie_break must be empty or an ISO UTC time YYYY-MM-DDTHH:MM:SSZ (got {text!r})"
    raise DrawDataError(msg)


def _parse_rounds(text: str, category_text: str) -> tuple[Draw, ...]:
    """Read and check the rounds and the category of each category round; errors name the file and line."""
    categories = _parse_category_rounds(category_text)
    draws: list[Draw] = []
    for where, row in _rows(text, source=_ROUNDS_FILE, columns=_ROUNDS_COLUMNS):
        draw = _parse_round(where, row, categories)
        if draws:
            before = draws[-1]
            if _number_key(draw.number) <= _number_key(before.number):
                msg = f"{where}: round {draw.number} must come after round {before.number} (by number, then suffix)"
                raise DrawDataError(msg)
            if draw.date < before.date:
                msg = (
                    f"{where}: round {draw.number} ({draw.date}) is dated before round {before.number} ({before.date})"
                )
                raise DrawDataError(msg)
        draws.append(draw)
    if categories:
        extra = ", ".join(sorted(categories, key=_number_key))
        msg = f"{_CATEGORY_ROUNDS_FILE}: rounds {extra} are not category rounds in {_ROUNDS_FILE}"
        raise DrawDataError(msg)
    if not draws:
        msg = f"{_ROUNDS_FILE}: no rounds"
        raise DrawDataError(msg)
    return tuple(draws)


def _parse_round(where: str, row: list[str], categories: dict[str, tuple[str, list[str]]]) -> Draw:
    """One row of the rounds file; a category round's row of category-rounds.csv is checked and taken out."""
    number, day, name, invitations, cutoff, tie_break, source = row
    if _NUMBER.fullmatch(number) is None:
        msg = f"{where}: round must be a number, with a letter suffix for 91a and 91b (got {number!r})"
        raise DrawDataError(msg)
    try:
        kind = round_type(name)
    except UnknownRoundTypeError as exc:
        msg = f"{where}: round {number}: {exc} Add it to crsrules.draws._ROUND_TYPES."
        raise DrawDataError(msg) from exc
    if kind.name != name:
        msg = f"{where}: round {number}: round_type must be IRCC's current name {kind.name!r} (got {name!r})"
        raise DrawDataError(msg)
    if not source.strip():
        msg = f"{where}: round {number}: source must name where the row comes from"
        raise DrawDataError(msg)
    category = None
    if kind.kind is DrawKind.CATEGORY:
        category = _check_category_round(where, categories.pop(number, None), row, kind)
    moment, words = _parse_tie_break(where, number, tie_break)
    try:
        return Draw(
            number=number,
            date=_parse_date(where, "date", day),
            kind=kind.kind,
            category=category,
            round_name=name,
            invitations=_parse_count(where, "invitations", invitations),
            cutoff=_parse_count(where, "crs_cutoff", cutoff),
            tie_break=moment,
            tie_break_text=words,
            source=source,
        )
    except InvalidValueError as exc:
        msg = f"{where}: round {number}: {exc}"
        raise DrawDataError(msg) from exc


def _parse_category_rounds(text: str) -> dict[str, tuple[str, list[str]]]:
    """category-rounds.csv by round number: each row with its "file, line N" label."""
    by_number: dict[str, tuple[str, list[str]]] = {}
    for where, row in _rows(text, source=_CATEGORY_ROUNDS_FILE, columns=_CATEGORY_COLUMNS):
        if row[0] in by_number:
            msg = f"{where}: round {row[0]} appears twice"
            raise DrawDataError(msg)
        by_number[row[0]] = (where, row)
    return by_number


def _check_category_round(where: str, found: tuple[str, list[str]] | None, row: list[str], kind: RoundType) -> str:
    """The category slug of a category round, after checking that category-rounds.csv agrees with the rounds file."""
    number = row[0]
    if found is None:
        msg = f"{where}: category round {number} has no row in {_CATEGORY_ROUNDS_FILE}"
        raise DrawDataError(msg)
    there, (_, other_date, slug, other_name, other_invitations, other_cutoff, _) = found
    mine = (row[1], row[2], row[3], row[4])
    theirs = (other_date, other_name, other_invitations, other_cutoff)
    if mine != theirs:
        msg = (
            f"{there}: round {number} must agree with {where} on date, name, invitations and cut-off "
            f"{mine} (got {theirs})"
        )
        raise DrawDataError(msg)
    if slug != kind.category:
        msg = f"{there}: round {number} ({kind.name}) must have category {kind.category!r} (got {slug!r})"
        raise DrawDataError(msg)
    return slug


def _parse_distributions(text: str, draws: Sequence[Draw]) -> tuple[PoolDistribution, ...]:
    """Read and check the pool distributions: 18 rows per round, in IRCC's order; errors name the file and line."""
    by_number = {d.number: d for d in draws}
    blocks: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    order: list[str] = []
    for where, row in _rows(text, source=_POOL_FILE, columns=_POOL_COLUMNS):
        number = row[0]
        if number not in blocks:
            order.append(number)
        elif order[-1] != number:
            msg = f"{where}: the rows of round {number} must be consecutive"
            raise DrawDataError(msg)
        blocks[number].append((where, row))
    result = [_distribution_of(number, blocks[number], by_number) for number in order]
    for before, after in pairwise(result):
        if _number_key(after.round_number or "") <= _number_key(before.round_number or ""):
            msg = f"{_POOL_FILE}: round {after.round_number} must come after round {before.round_number}"
            raise DrawDataError(msg)
    return tuple(result)


def _distribution_of(number: str, rows: list[tuple[str, list[str]]], by_number: dict[str, Draw]) -> PoolDistribution:
    first = rows[0][0]
    draw = by_number.get(number)
    if draw is None:
        msg = f"{first}: round {number} is not in {_ROUNDS_FILE}"
        raise DrawDataError(msg)
    labels = tuple(row[2] for _, row in rows)
    if labels != _POOL_LABELS:
        msg = f"{first}: round {number} must have the 18 ranges {', '.join(_POOL_LABELS)} in this order (got {labels})"
        raise DrawDataError(msg)
    as_of = {row[1] for _, row in rows}
    if len(as_of) != 1:
        msg = f"{first}: round {number} has more than one as_of_date: {sorted(as_of)}"
        raise DrawDataError(msg)
    day = _parse_date(first, "as_of_date", next(iter(as_of)))
    if day > draw.date:
        msg = f"{first}: round {number}'s pool is as of {day}, after the round's date {draw.date}"
        raise DrawDataError(msg)
    ranges: list[ScoreRange] = []
    subtotals: list[ScoreRange] = []
    total = 0
    for where, (_, _, label, count) in rows:
        candidates = _parse_count(where, "candidates", count)
        if label == _TOTAL_LABEL:
            total = candidates
            continue
        low, high = (int(x) for x in label.split("-"))
        score_range = ScoreRange(low=low, high=high, candidates=candidates)
        (subtotals if label in _SUBTOTAL_LABELS else ranges).append(score_range)
    distribution = PoolDistribution(
        round_number=number,
        as_of=day,
        ranges=tuple(ranges),
        subtotals=tuple(subtotals),
        total=total,
        # The pool figures come from the same copy of IRCC's feed as the round (README-rounds.md, "Primary source").
        source=draw.source,
    )
    if total == 0:
        msg = f"{first}: round {number}'s distribution is all zeros: IRCC published none, so leave the round out"
        raise DrawDataError(msg)
    if distribution.discrepancies and number not in _INCONSISTENT_DISTRIBUTIONS:
        msg = f"{first}: round {number}'s distribution does not add up: {'; '.join(distribution.discrepancies)}"
        raise DrawDataError(msg)
    return distribution


@cache
def _draws() -> tuple[Draw, ...]:
    """Every round, oldest first, read once from the package data."""
    return _parse_rounds(_read(_ROUNDS_FILE), _read(_CATEGORY_ROUNDS_FILE))


@cache
def _by_number() -> MappingProxyType[str, Draw]:
    return MappingProxyType({d.number: d for d in _draws()})


@cache
def _distributions() -> MappingProxyType[str, PoolDistribution]:
    parsed = _parse_distributions(_read(_POOL_FILE), _draws())
    return MappingProxyType({d.round_number: d for d in parsed if d.round_number is not None})


# -- Queries ---------------------------------------------------------------------------------------------------------


class UnknownDrawError(CRSRulesError, LookupError):
    """A round number that names no round in the data.

    Attributes:
        number: The number that was given.
        suggestions: Close round numbers, best first (possibly empty).

    .. versionadded:: 0.1.0
    """

    def __init__(self, number: object, suggestions: Sequence[str]) -> None:
        self.number = number
        self.suggestions = tuple(suggestions)
        draws = _draws()
        hint = f" Did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(
            f"unknown round {number!r}: the rounds are {draws[0].number} ({draws[0].date}) to {draws[-1].number} "
            f"({draws[-1].date}), numbered as strings, with 91a and 91b for the two rounds of 2018-05-30.{hint}"
        )


def _close_numbers(number: str) -> list[str]:
    """Known round numbers close to *number*, best first.

    First the same number with a suffix (91 -> 91a, 91b), then the two numerically nearest, then look-alikes
    (``difflib.get_close_matches``).
    """
    known = list(_by_number())
    digits = re.sub(r"[^0-9]", "", number)
    picked = dict.fromkeys(n for n in known if digits and re.sub(r"[a-z]", "", n) == digits)
    if digits:
        nearest = sorted(known, key=lambda n: (abs(_number_key(n)[0] - int(digits)), _number_key(n)))
        for n in nearest[: len(picked) + 2]:
            picked.setdefault(n)
    for n in difflib.get_close_matches(number, known, n=_MAX_SUGGESTIONS, cutoff=0.6):
        picked.setdefault(n)
    return list(picked)[:_MAX_SUGGESTIONS]


def _clean_number(number: object) -> str:
    if isinstance(number, bool) or not isinstance(number, str | int):
        raise InvalidValueError("number", number, 'a round number, such as "253", 253 or "91a"')
    return str(number).strip().lower()


def by_number(number: str | int) -> Draw:
    """The round with this number.

    Args:
        number: IRCC's round number, such as ``"253"`` or ``253``; the two rounds of 2018-05-30 are ``"91a"`` and
            ``"91b"``.

    Raises:
        UnknownDrawError: No round has this number; the message suggests close numbers.

    Example:
        >>> by_number(253).round_name
        'No Program Specified'
        >>> by_number("91")
        Traceback (most recent call last):
        ...
        crsrules.draws.UnknownDrawError: unknown round '91': the rounds are 1 (2015-01-31) to 437 (2026-08-19), \
numbered as strings, with 91a and 91b for the two rounds of 2018-05-30. Did you mean '91a', '91b', '90', '92', '391'?

    .. versionadded:: 0.1.0
    """
    clean = _clean_number(number)
    try:
        return _by_number()[clean]
    except KeyError:
        raise UnknownDrawError(number, _close_numbers(clean)) from None


def latest() -> Draw:
    """The most recent round in the data.

    Example:
        >>> latest().number, latest().date
        ('437', datetime.date(2026, 8, 19))

    .. versionadded:: 0.1.0
    """
    return _draws()[-1]


def _kind(kind: object) -> DrawKind | None:
    if kind is None or isinstance(kind, DrawKind):
        return kind
    try:
        return DrawKind(kind)
    except ValueError:
        allowed = "a DrawKind or one of " + ", ".join(repr(k.value) for k in DrawKind)
        raise InvalidValueError("kind", kind, allowed) from None


def _category_filter(category: object) -> str | None:
    if category is None:
        return None
    if not isinstance(category, str) or category not in CATEGORIES:
        raise InvalidValueError("category", category, f"one of {', '.join(map(repr, CATEGORIES))}")
    return category


def history(
    *,
    start: date | None = None,
    end: date | None = None,
    kind: DrawKind | str | None = None,
    category: str | None = None,
) -> tuple[Draw, ...]:
    """The rounds that match every filter given, oldest first.

    Args:
        start: The first date to include (inclusive).
        end: The last date to include (inclusive).
        kind: Only rounds of this kind; a :class:`DrawKind` or its value, such as ``"cec"``.
        category: Only the rounds of this category, by slug, such as ``"stem"`` (one of :data:`CATEGORIES`).

    Raises:
        InvalidValueError: A filter is of the wrong type, or names no kind or category.
        InvalidArgumentsError: *start* is after *end*.

    Example:
        >>> [d.number for d in history(start=date(2023, 6, 28), end=date(2023, 7, 6))]
        ['252', '253', '254', '255']
        >>> [(d.number, d.cutoff) for d in history(category="stem")]
        [('254', 486), ('274', 481), ('293', 491)]

    .. versionadded:: 0.1.0
    """
    first = None if start is None else v.a_date("start", start)
    last = None if end is None else v.a_date("end", end)
    if first is not None and last is not None and first > last:
        msg = f"start ({first.isoformat()}) is after end ({last.isoformat()}): pass the earlier date as start"
        raise InvalidArgumentsError(msg)
    wanted_kind, wanted_category = _kind(kind), _category_filter(category)
    return tuple(
        d
        for d in _draws()
        if (first is None or d.date >= first)
        and (last is None or d.date <= last)
        and (wanted_kind is None or d.kind is wanted_kind)
        and (wanted_category is None or d.category == wanted_category)
    )


_SummaryKey = Literal["year", "kind", "category"]
_SUMMARY_KEYS: Final = ("year", "kind", "category")


@frozen(kw_only=True)
class DrawSummary:
    """Figures for a group of rounds: how many, how many invitations, and their lowest, median and highest cut-offs.

    The grouping fields not asked for are None.

    .. versionadded:: 0.1.0
    """

    #: The calendar year of the rounds, when grouped by year.
    year: int | None
    #: The kind of the rounds, when grouped by kind.
    kind: DrawKind | None
    #: The category of the rounds (None for program rounds), when grouped by category.
    category: str | None
    #: The number of rounds.
    rounds: int
    #: The number of invitations, all rounds together.
    invitations: int
    #: The lowest cut-off of the rounds.
    lowest_cutoff: int
    #: The median cut-off of the rounds (the mean of the middle two for an even number of rounds).
    median_cutoff: float
    #: The highest cut-off of the rounds.
    highest_cutoff: int


def summary(
    draws: Iterable[Draw] | None = None, *, by: Sequence[_SummaryKey] | str = ("year", "kind")
) -> tuple[DrawSummary, ...]:
    """Figures per group of rounds: by year and kind of round unless *by* says otherwise.

    Args:
        draws: The rounds to summarize; every round when None (pass :func:`history` to filter).
        by: What to group by: any of ``"year"``, ``"kind"`` and ``"category"``, or a single one as a string; ``()``
            puts every round in one group.

    Returns:
        One row per group, ordered by year, then kind (in :class:`DrawKind` order), then category (program rounds
        first).

    Raises:
        InvalidValueError: *by* names something else.

    Example:
        >>> for row in summary(history(start=date(2023, 1, 1), end=date(2023, 12, 31)), by="kind"):
        ...     print(row.kind.value, row.rounds, row.invitations, row.lowest_cutoff, row.median_cutoff,
        ...           row.highest_cutoff)
        general 19 76700 481 496.0 561
        fsw 1 3300 489 489.0 489
        pnp 5 4396 691 748.0 791
        category 17 25870 354 435.0 486

    .. versionadded:: 0.1.0
    """
    keys = (by,) if isinstance(by, str) else tuple(by)
    for name in keys:
        if name not in _SUMMARY_KEYS:
            raise InvalidValueError("by", by, f"any of {', '.join(map(repr, _SUMMARY_KEYS))}")
    wanted = set(keys)
    selected = _draws() if draws is None else tuple(draws)
    groups: dict[tuple[int | None, DrawKind | None, str | None], list[Draw]] = defaultdict(list)
    for d in selected:
        if not isinstance(d, Draw):
            raise InvalidValueError("draws", d, "Draw objects")
        key = (
            d.date.year if "year" in wanted else None,
            d.kind if "kind" in wanted else None,
            d.category if "category" in wanted else None,
        )
        groups[key].append(d)
    kinds = list(DrawKind)

    def order(key: tuple[int | None, DrawKind | None, str | None]) -> tuple[int, int, int]:
        year, kind, category = key
        return (
            year or 0,
            -1 if kind is None else kinds.index(kind),
            -1 if category is None else CATEGORIES.index(category),
        )

    rows = []
    for key in sorted(groups, key=order):
        members = groups[key]
        cutoffs = [d.cutoff for d in members]
        rows.append(
            DrawSummary(
                year=key[0],
                kind=key[1],
                category=key[2],
                rounds=len(members),
                invitations=sum(d.invitations for d in members),
                lowest_cutoff=min(cutoffs),
                median_cutoff=float(statistics.median(cutoffs)),
                highest_cutoff=max(cutoffs),
            )
        )
    return tuple(rows)


def distribution(round_number: str | int) -> PoolDistribution:
    """The pool distribution IRCC published with a round.

    Raises:
        UnknownDrawError: No round has this number.
        NoDistributionError: IRCC published no distribution with this round.

    Example:
        >>> distribution(437).as_of
        datetime.date(2026, 8, 16)

    .. versionadded:: 0.1.0
    """
    draw = by_number(round_number)
    found = _distributions()
    try:
        return found[draw.number]
    except KeyError:
        raise NoDistributionError(draw.number, list(found)) from None


def distributions() -> tuple[PoolDistribution, ...]:
    """Every published pool distribution, in round order (220: rounds 214 to 437 but 223, 224, 226 and 227).

    Example:
        >>> len(distributions()), distributions()[0].round_number
        (220, '214')

    .. versionadded:: 0.1.0
    """
    return tuple(_distributions().values())


# -- Estimating the cut-off from the pool ----------------------------------------------------------------------------


def estimate_cutoff(distribution: PoolDistribution, invitations: int) -> int:
    """Estimate the lowest CRS score a round of *invitations* would invite from the pool *distribution* describes.

    The estimate invites candidates from the highest scores down, as a round open to everyone in the pool does.
    It walks the ranges from the top, adding up their candidates, to the range in which the count reaches
    *invitations*. Inside that range it assumes the range's candidates are spread evenly over its whole scores,
    ``candidates / width`` at each score; it takes the ``need`` candidates still to invite from the top of the range
    down, score by score, so the lowest score invited is::

        high - ceil(need * width / candidates) + 1

    That is the linear interpolation of the cumulative count inside the range, rounded down to a whole score: the
    lowest score at which the candidates from the top of the range reach *need*.
    Ranges without candidates are skipped.

    Args:
        distribution: The pool, such as :func:`distribution` of a round.
        invitations: The number of invitations, at least 1 and at most the candidates in the pool.

    Returns:
        The estimated lowest score invited.

    Raises:
        InvalidValueError: *invitations* is not a whole number from 1 to the number of candidates in the pool.

    Example:
        Three ranges, 300 candidates at 500 and above; 100 more invitations come from 491-500, where 200 candidates
        are spread over 10 scores, 20 a score, so 5 scores are needed (500 to 496):

        >>> pool = PoolDistribution(ranges=(
        ...     ScoreRange(low=501, high=600, candidates=300),
        ...     ScoreRange(low=491, high=500, candidates=200),
        ...     ScoreRange(low=0, high=490, candidates=10_000),
        ... ))
        >>> estimate_cutoff(pool, 400)
        496

    .. versionadded:: 0.1.0
    """
    if not isinstance(distribution, PoolDistribution):
        raise InvalidValueError("distribution", distribution, "a PoolDistribution")
    pool = distribution.candidates
    if type(invitations) is not int or not 1 <= invitations <= pool:
        raise InvalidValueError("invitations", invitations, f"a whole number from 1 to the {pool:,} candidates")
    return _landing(distribution, invitations)[0]


def _landing(distribution: PoolDistribution, invitations: int) -> tuple[int, ScoreRange]:
    """The estimated cut-off and the range it falls in."""
    above = 0
    for score_range in distribution.ranges:
        if score_range.candidates and above + score_range.candidates >= invitations:
            need = invitations - above
            scores = -(-need * score_range.width // score_range.candidates)  # ceil, in whole numbers
            return score_range.high - scores + 1, score_range
        above += score_range.candidates
    msg = "invitations exceed the pool"  # pragma: no cover (estimate_cutoff checks this first)
    raise AssertionError(msg)  # pragma: no cover


_Basis = Literal["own", "previous"]
_BASES: Final = ("own", "previous")


def pool_before(draw: Draw, *, basis: _Basis = "own") -> PoolDistribution | None:
    """The published pool distribution that best describes the pool *draw* invited from, or None if there is none.

    Args:
        draw: A round.
        basis: ``"own"``: the distribution published with the round itself, which describes the pool a few days
            before it (0 to 20 days; its :attr:`~PoolDistribution.as_of` is on or before the round's date), but was
            only published with the round. ``"previous"``: the distribution published with the latest round held
            on an earlier day, which was public before the round: what a forecast could have used.

    Raises:
        InvalidValueError: *basis* is neither ``"own"`` nor ``"previous"``.

    Example:
        >>> pool_before(by_number(254)).round_number, pool_before(by_number(254), basis="previous").round_number
        ('254', '253')

    .. versionadded:: 0.1.0
    """
    if basis not in _BASES:
        raise InvalidValueError("basis", basis, f"one of {', '.join(map(repr, _BASES))}")
    found = _distributions()
    if basis == "own":
        return found.get(draw.number)
    earlier = [d for d in _draws() if d.date < draw.date and d.number in found]
    return found[earlier[-1].number] if earlier else None


@frozen(kw_only=True)
class CutoffComparison:
    """A round's real cut-off next to :func:`estimate_cutoff`'s estimate from a published pool distribution.

    .. versionadded:: 0.1.0
    """

    #: The round.
    draw: Draw
    #: The distribution the estimate used.
    distribution: PoolDistribution
    #: The estimated cut-off.
    estimate: int
    #: The range of the distribution the estimate falls in.
    score_range: ScoreRange

    @property
    def error(self) -> int:
        """The estimate minus the real cut-off: positive when the estimate is too high."""
        return self.estimate - self.draw.cutoff


@frozen(kw_only=True)
class CutoffAccuracy:
    """How close :func:`estimate_cutoff` comes to the real cut-offs of a set of rounds.

    .. versionadded:: 0.1.0
    """

    #: Which distribution was used for each round (see :func:`pool_before`).
    basis: str
    #: The kind of round compared; None for every kind.
    kind: DrawKind | None
    #: One comparison per round, in round order.
    comparisons: tuple[CutoffComparison, ...]

    @property
    def rounds(self) -> int:
        """The number of rounds compared."""
        return len(self.comparisons)

    @property
    def mean_absolute_error(self) -> float:
        """The mean of the absolute errors, in CRS points."""
        return statistics.fmean(abs(c.error) for c in self.comparisons)

    @property
    def median_absolute_error(self) -> float:
        """The median of the absolute errors, in CRS points."""
        return float(statistics.median(abs(c.error) for c in self.comparisons))

    @property
    def max_absolute_error(self) -> int:
        """The largest absolute error, in CRS points."""
        return max(abs(c.error) for c in self.comparisons)

    @property
    def within_5_points(self) -> float:
        """The share of rounds (0 to 1) whose estimate is within 5 points of the real cut-off."""
        return sum(abs(c.error) <= 5 for c in self.comparisons) / len(self.comparisons)

    @property
    def mean_error(self) -> float:
        """The mean of the signed errors (the bias): positive when the estimates are too high on average."""
        return statistics.fmean(c.error for c in self.comparisons)


def cutoff_estimate_accuracy(*, kind: DrawKind | str | None = None, basis: _Basis = "own") -> CutoffAccuracy:
    """Compare :func:`estimate_cutoff` with the real cut-off of every round that has a distribution to estimate from.

    Each round's estimate takes the round's number of invitations and the distribution :func:`pool_before` picks.
    The estimate assumes that every candidate in the pool can be invited, which holds only for rounds open to all
    programs (:attr:`DrawKind.GENERAL`): pass *kind* to look at one kind of round.

    Args:
        kind: Only rounds of this kind; every round when None.
        basis: Which distribution each round uses: ``"own"`` or ``"previous"`` (see :func:`pool_before`).

    Raises:
        InvalidValueError: *kind* or *basis* is not one of the allowed values.

    Example:
        >>> accuracy = cutoff_estimate_accuracy(kind="general")
        >>> accuracy.rounds, accuracy.max_absolute_error
        (37, 67)

    .. versionadded:: 0.1.0
    """
    wanted = _kind(kind)
    if basis not in _BASES:
        raise InvalidValueError("basis", basis, f"one of {', '.join(map(repr, _BASES))}")
    comparisons = []
    for draw in _draws():
        pool = pool_before(draw, basis=basis)
        if pool is None or (wanted is not None and draw.kind is not wanted):
            continue
        estimate, score_range = _landing(pool, min(draw.invitations, pool.candidates))
        comparisons.append(CutoffComparison(draw=draw, distribution=pool, estimate=estimate, score_range=score_range))
    if not comparisons:
        raise InvalidValueError("kind", kind, f"a kind of round with a distribution to estimate from ({basis!r})")
    return CutoffAccuracy(basis=basis, kind=wanted, comparisons=tuple(comparisons))
