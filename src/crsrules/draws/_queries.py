"""Queries on the rounds: one round by its number, the rounds that match filters, figures per group, the round names."""

from __future__ import annotations

import difflib
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final, Literal

from attrs import frozen

from crsrules import _validation as v
from crsrules.categories import Category
from crsrules.draws._load import _by_number, _draws
from crsrules.draws._record import Draw, _number_key
from crsrules.draws._rounds import CATEGORIES, DrawKind, RoundType, _known_round_types
from crsrules.errors import CRSRulesError, InvalidArgumentsError, InvalidValueError

__all__ = ["DrawSummary", "UnknownDrawError", "by_number", "history", "latest", "round_types", "summary"]

#: How many close round numbers an :class:`UnknownDrawError` suggests at most.
_MAX_SUGGESTIONS = 5


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


def _category_filter(category: object) -> Category | None:
    if category is None or isinstance(category, Category):
        return category
    if not isinstance(category, str) or category not in CATEGORIES:
        raise InvalidValueError("category", category, f"one of {', '.join(map(repr, CATEGORIES))}")
    return Category(category)


def history(
    *,
    start: date | None = None,
    end: date | None = None,
    kind: DrawKind | str | None = None,
    category: Category | str | None = None,
    year: int | None = None,
) -> tuple[Draw, ...]:
    """The rounds that match every filter given, oldest first.

    Args:
        start: The first date to include (inclusive).
        end: The last date to include (inclusive).
        kind: Only rounds of this kind; a :class:`DrawKind` or its value, such as ``"cec"``.
        category: Only the rounds of this category: a :class:`~crsrules.Category` or its slug, such as ``"stem"``
            (one of :data:`CATEGORIES`).
        year: Only the rounds held in this calendar year.

    Raises:
        InvalidValueError: A filter is of the wrong type, or names no kind or category.
        InvalidArgumentsError: *start* is after *end*.

    Example:
        >>> [d.number for d in history(start=date(2023, 6, 28), end=date(2023, 7, 6))]
        ['252', '253', '254', '255']
        >>> [(d.number, d.cutoff) for d in history(category="stem")]
        [('254', 486), ('274', 481), ('293', 491)]
        >>> len(history(year=2023, kind="category"))
        17

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       *category* also takes a :class:`~crsrules.Category`; *year* is new.
    """
    first = None if start is None else v.a_date("start", start)
    last = None if end is None else v.a_date("end", end)
    if first is not None and last is not None and first > last:
        msg = f"start ({first.isoformat()}) is after end ({last.isoformat()}): pass the earlier date as start"
        raise InvalidArgumentsError(msg)
    if year is not None and type(year) is not int:
        raise InvalidValueError("year", year, "a year as a whole number, such as 2023")
    wanted_kind, wanted_category = _kind(kind), _category_filter(category)
    return tuple(
        d
        for d in _draws()
        if (first is None or d.date >= first)
        and (last is None or d.date <= last)
        and (year is None or d.date.year == year)
        and (wanted_kind is None or d.kind is wanted_kind)
        and (wanted_category is None or d.category is wanted_category)
    )


_SummaryKey = Literal["year", "kind", "category"]
_SUMMARY_KEYS: Final = ("year", "kind", "category")


@frozen(kw_only=True)
class DrawSummary:
    """Figures for a group of rounds: how many, how many invitations, and their lowest, median and highest cut-offs.

    The grouping fields not asked for are None.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       :attr:`category` is a :class:`~crsrules.Category`.
    """

    #: The calendar year of the rounds, when grouped by year.
    year: int | None
    #: The kind of the rounds, when grouped by kind.
    kind: DrawKind | None
    #: The category of the rounds (None for program rounds), when grouped by category.
    category: Category | None
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


_GroupKey = tuple[int | None, DrawKind | None, Category | None]


def _group_order(key: _GroupKey) -> tuple[int, int, int]:
    """Year, then kind in :class:`DrawKind` order, then category in :class:`~crsrules.Category` order; None first."""
    year, kind, category = key
    return (
        year or 0,
        -1 if kind is None else list(DrawKind).index(kind),
        -1 if category is None else list(Category).index(category),
    )


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
    groups: dict[_GroupKey, list[Draw]] = defaultdict(list)
    for d in selected:
        if not isinstance(d, Draw):
            raise InvalidValueError("draws", d, "Draw objects")
        key = (
            d.date.year if "year" in wanted else None,
            d.kind if "kind" in wanted else None,
            d.category if "category" in wanted else None,
        )
        groups[key].append(d)
    rows = []
    for key in sorted(groups, key=_group_order):
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


def round_types() -> tuple[RoundType, ...]:
    """Every round name crsrules knows: the program rounds, then the category rounds in order of their first round.

    The category rounds' names are those of the category versions (:attr:`crsrules.CategoryVersion.round_names`); a
    name no round carries yet comes last.

    Example:
        >>> len(round_types()), round_types()[0].name
        (22, 'No Program Specified')

    .. versionadded:: 0.1.0
    """
    rounds = _draws()
    first_round: dict[str, int] = {}
    for index, d in enumerate(rounds):
        first_round.setdefault(d.round_name, index)
    known = _known_round_types()
    programs = tuple(t for t in known if t.kind is not DrawKind.CATEGORY)
    categories = [t for t in known if t.kind is DrawKind.CATEGORY]
    return (*programs, *sorted(categories, key=lambda t: first_round.get(t.name, len(rounds))))
