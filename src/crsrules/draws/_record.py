"""The records: one round of invitations (:class:`Draw`) and a pool distribution (:class:`PoolDistribution`)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import attrs
from attrs import field, frozen

from crsrules import _validation as v
from crsrules.categories import Category
from crsrules.draws._rounds import CATEGORIES, DrawKind, is_known_round_name, round_type
from crsrules.errors import InvalidValueError
from crsrules.rules import available_rulesets, rules_in_force

__all__ = ["DataVersion", "Draw", "PoolDistribution", "RoundCorrection", "ScoreRange"]

#: The highest CRS score there is: the top of IRCC's 601-1200 range.
_MAX_SCORE = 1200
#: Express Entry opened on the first ruleset's effective date (2015-01-01); no round can be earlier.
_FIRST_DAY = available_rulesets()[0].effective

_NUMBER = re.compile(r"([1-9][0-9]*)([a-z]?)")


def _number_key(number: str) -> tuple[int, str]:
    """Sort key of a round number: ``"91b"`` -> ``(91, "b")``; ``"91"`` sorts before ``"91a"``."""
    match = _NUMBER.fullmatch(number)
    if match is None:  # pragma: no cover (numbers are validated before they are sorted)
        msg = f"not a round number: {number!r}"
        raise ValueError(msg)
    return int(match[1]), match[2]


# -- Draw ------------------------------------------------------------------------------------------------------------


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


def _to_category(value: object) -> object:
    """A category's slug, such as ``"stem"``, as crsrules 0.1 took it, becomes its :class:`Category`."""
    return Category(value) if isinstance(value, str) and value in CATEGORIES else value


def _category(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Category):
        allowed = f"one of {', '.join(map(repr, CATEGORIES))} (a crsrules.Category or its slug) or None"
        raise InvalidValueError(attribute.name, value, allowed)


@frozen(kw_only=True)
class Draw:
    """One round of invitations, as IRCC published it.

    Example:
        >>> from crsrules.draws import by_number
        >>> d = by_number("254")
        >>> d.date, d.kind, d.category, d.invitations, d.cutoff
        (datetime.date(2023, 7, 5), <DrawKind.CATEGORY: 'category'>, <Category.STEM: 'stem'>, 500, 486)
        >>> d.tie_break.isoformat(), d.rules_id
        ('2022-11-23T00:01:29+00:00', '2023-05-31')
        >>> print(d)
        Round 254 (2023-07-05, STEM occupations (Version 1)): 500 invitations, lowest CRS score 486

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       :attr:`category` is a :class:`~crsrules.Category` (its ``value`` is the former slug, which
       the constructor still accepts).
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
    #: The category, for a category round only; None also for a round of a category crsrules does not know (its
    #: :attr:`round_name` is none crsrules knows; see :attr:`category_known`).
    category: Category | None = field(default=None, converter=_to_category, validator=_category)
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
        # A round name crsrules does not know is a round of a category it does not know yet (a new category, read
        # from a newer rounds feed): such a round keeps its name and has no category.
        category_round = self.kind is DrawKind.CATEGORY
        unknown_category = category_round and self.category is None and not is_known_round_name(self.round_name)
        if category_round != (self.category is not None) and not unknown_category:
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
    def category_known(self) -> bool:
        """False for a category round whose name crsrules does not know (a new category): its :attr:`category` is None.

        Such a round comes from a rounds feed newer than crsrules (``crsrules data update``); a newer crsrules that
        knows the name gives it its category.

        .. versionadded:: 0.2.0
        """
        return self.kind is not DrawKind.CATEGORY or self.category is not None

    @property
    def category_version(self) -> str | None:
        """IRCC's version label of the category's instructions, such as ``"Version 1"``; None for a program round."""
        if self.category is None or not is_known_round_name(self.round_name):  # or made by hand, under another name
            return None
        return round_type(self.round_name).category_version

    def as_dict(self) -> dict[str, object]:
        """The round as JSON-ready data: enums as their values, dates and times as ISO strings.

        Example:
            >>> from crsrules.draws import by_number
            >>> by_number("91a").as_dict()["tie_break"]
            '2017-06-07T20:11:13Z'
        """
        return {
            "number": self.number,
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "category": None if self.category is None else self.category.value,
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
        >>> from crsrules.draws import distribution
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


# -- Data versions ---------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class DataVersion:
    """Which rounds data is in use: the package's, or a newer one that ``crsrules data update`` wrote.

    The rounds data is versioned apart from the code: its version is the date of the IRCC rounds feed it comes from.
    Results computed from rounds (:func:`crsrules.invitation`, :func:`crsrules.draws.history`, ...) depend on it;
    :attr:`id` tells them apart.

    Example:
        >>> from crsrules.draws import data_version
        >>> v = data_version()
        >>> v.origin, v.feed_date, v.last_round, v.id
        ('package', datetime.date(2026, 8, 20), '437', 'package:2026-08-20')

    .. versionadded:: 0.2.0
    """

    #: ``"package"`` (the data shipped with crsrules) or ``"user"`` (the user data folder).
    origin: str
    #: The date of the IRCC rounds feed the data comes from: the rounds are complete up to about this day.
    feed_date: date
    #: The number of the last round in the data.
    last_round: str
    #: The date of the last round.
    last_round_date: date
    #: How many rounds the data holds.
    rounds: int
    #: How many pool distributions it holds.
    distributions: int
    #: Where the data comes from, in words.
    provenance: str
    #: The SHA-256 of the rounds file, then of the pool distributions file, hashed together.
    sha256: str
    #: The user data folder the data was read from; None for the package data.
    folder: str | None = None

    @property
    def id(self) -> str:
        """A short id: ``"package:2026-08-20"``, or ``"user:2026-11-28:3fa9c1d2e4b5"`` (with the data's hash)."""
        if self.origin == "package":
            return f"package:{self.feed_date.isoformat()}"
        return f"{self.origin}:{self.feed_date.isoformat()}:{self.sha256[:12]}"

    def as_dict(self) -> dict[str, object]:
        """JSON-ready data."""
        return {
            "id": self.id,
            "origin": self.origin,
            "feed_date": self.feed_date.isoformat(),
            "last_round": self.last_round,
            "last_round_date": self.last_round_date.isoformat(),
            "rounds": self.rounds,
            "distributions": self.distributions,
            "provenance": self.provenance,
            "sha256": self.sha256,
            "folder": self.folder,
        }


@frozen(kw_only=True)
class RoundCorrection:
    """A published value of a round that a newer feed changed (IRCC corrects rounds now and then).

    .. versionadded:: 0.2.0
    """

    #: The round's number.
    round: str
    #: What changed: a field of :class:`Draw` (``"invitations"``, ``"tie_break"``, ...), or of its pool
    #: distribution (``"distribution"`` for one published or withdrawn, ``"distribution as_of"``,
    #: ``"distribution 491-500"``, ...).
    field: str
    #: The value before, as text.
    old: str
    #: The value the newer feed gives, as text.
    new: str
    #: The date of the feed that brought the change.
    feed_date: date

    def __str__(self) -> str:
        return f"round {self.round}: {self.field} {self.old} -> {self.new} (feed of {self.feed_date.isoformat()})"

    def as_dict(self) -> dict[str, str]:
        """JSON-ready data."""
        return {
            "round": self.round,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "feed_date": self.feed_date.isoformat(),
        }
