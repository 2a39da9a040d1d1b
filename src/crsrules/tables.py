"""The value types that rulesets are made of: threshold steps, labelled tables, spouse columns.

Points tables are values, never if/elif ladders. A :class:`Steps` maps a number (an age, a CLB level, years of work)
to points: each step applies from its threshold up to the next one. A :class:`Table` maps named rows (an education
level, a kind of job offer) to points. :class:`BySpouse` holds the two columns of a table that differs with and without
an accompanying spouse.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from itertools import pairwise
from typing import Any, Generic, TypeVar

from attrs import field, frozen

from crsrules.errors import CRSRulesError

__all__ = ["BySpouse", "RulesDefinitionError", "Steps", "Table", "Tiers"]

K = TypeVar("K", bound=Enum)
V = TypeVar("V")
T = TypeVar("T")

# Steps are compiled into a lookup list for values up to this bound (ages, CLB levels, years all fit).
_LOOKUP_SIZE = 121


class RulesDefinitionError(CRSRulesError, ValueError):
    """A ruleset or table was defined inconsistently (a mistake in crsrules' own rules modules).

    .. versionadded:: 0.1.0
    """


def _strictly_increasing(_instance: object, _attribute: object, steps: tuple[tuple[int, Any], ...]) -> None:
    thresholds = [t for t, _ in steps]
    if not steps or any(b <= a for a, b in pairwise(thresholds)) or thresholds[0] < 0:
        msg = f"Steps thresholds must be non-negative and strictly increase (got {thresholds})"
        raise RulesDefinitionError(msg)


@frozen
class Steps(Generic[V]):
    """Points by threshold: each step applies from its threshold up to the next one.

    Example:
        >>> work = Steps(((1, 40), (2, 53), (3, 64)), below=0)
        >>> [work.points(years) for years in (0, 1, 2, 7)]
        [0, 40, 53, 64]

    .. versionadded:: 0.1.0
    """

    steps: tuple[tuple[int, V], ...] = field(validator=_strictly_increasing)
    #: The value below the first threshold.
    below: V
    _lookup: tuple[V, ...] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_lookup", tuple(self._compute(n) for n in range(_LOOKUP_SIZE)))

    def _index(self, value: float) -> int:
        # The last step whose threshold is at or below value; -1 below the first. Steps are a handful of rows.
        i = -1
        for threshold, _ in self.steps:
            if threshold > value:
                break
            i += 1
        return i

    def _compute(self, value: int) -> V:
        i = self._index(value)
        return self.below if i < 0 else self.steps[i][1]

    @property
    def lookup(self) -> tuple[V, ...]:
        """The value for every whole number from 0 to 120 (ages, CLB levels and years all fit)."""
        return self._lookup

    def points(self, value: int) -> V:
        """The value of the step that *value* falls in."""
        lookup = self._lookup
        return lookup[value] if 0 <= value < len(lookup) else self._compute(value)

    def threshold(self, value: int) -> int | None:
        """The threshold of the step that *value* falls in, or None below the first."""
        i = self._index(value)
        return None if i < 0 else self.steps[i][0]

    def updated(self, changes: Mapping[int, V]) -> Steps[V]:
        """A copy with the values at existing thresholds replaced; an unknown threshold is an error."""
        known = {t for t, _ in self.steps}
        unknown = set(changes) - known
        if unknown:
            msg = f"no step at thresholds {sorted(unknown)} (the steps start at {sorted(known)})"
            raise RulesDefinitionError(msg)
        return Steps(tuple((t, changes.get(t, p)) for t, p in self.steps), below=self.below)

    def canonical(self) -> object:
        """A JSON-ready form (for fingerprints and generated docs)."""
        return {"below": _canonical(self.below), "steps": [[t, _canonical(p)] for t, p in self.steps]}


@frozen
class Tiers:
    """Points at the two tiers of a skill-transferability combination (tier 0 earns nothing).

    .. versionadded:: 0.1.0
    """

    #: Points at the first tier, such as "CLB 7 or more, one or more below CLB 9" or "1 year of Canadian work".
    first: int
    #: Points at the second tier, such as "CLB 9 or more" or "2 years or more of Canadian work".
    second: int

    def at(self, tier: int) -> int:
        """Points at *tier* (0, 1 or 2)."""
        return 0 if tier == 0 else self.first if tier == 1 else self.second

    def canonical(self) -> object:
        """A JSON-ready form."""
        return [self.first, self.second]


def _frozen_rows(rows: Mapping[K, V]) -> Mapping[K, V]:
    return _FrozenDict(rows)


@frozen
class Table(Generic[K, V]):
    """Values by named row, keyed by an enum member. A frozen mapping with ``updated`` and ``extended``.

    .. versionadded:: 0.1.0
    """

    rows: Mapping[K, V] = field(converter=_frozen_rows)

    def __getitem__(self, key: K) -> V:
        return self.rows[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, key: K, default: T) -> V | T:
        """The value of row *key*, or *default* where the table has no such row."""
        return self.rows.get(key, default)

    def updated(self, changes: Mapping[K, V]) -> Table[K, V]:
        """A copy with existing rows changed; an unknown row is an error (it catches typos)."""
        unknown = [k for k in changes if k not in self.rows]
        if unknown:
            msg = f"no rows {unknown} in the table (rows: {list(self.rows)}); use extended() for new rows"
            raise RulesDefinitionError(msg)
        return Table({**self.rows, **changes})

    def extended(self, new: Mapping[K, V]) -> Table[K, V]:
        """A copy with new rows added; a row that exists already is an error."""
        clash = [k for k in new if k in self.rows]
        if clash:
            msg = f"rows {clash} exist already; use updated() to change them"
            raise RulesDefinitionError(msg)
        return Table({**self.rows, **new})

    def canonical(self) -> object:
        """A JSON-ready form."""
        return {k.value: _canonical(p) for k, p in self.rows.items()}


@frozen
class BySpouse(Generic[T]):
    """The two columns of a table: with an accompanying non-Canadian spouse, and without (rule E1).

    .. versionadded:: 0.1.0
    """

    with_spouse: T
    without_spouse: T

    def column(self, *, spouse: bool) -> T:
        """The column that applies."""
        return self.with_spouse if spouse else self.without_spouse

    def canonical(self) -> object:
        """A JSON-ready form."""
        return {"with_spouse": _canonical(self.with_spouse), "without_spouse": _canonical(self.without_spouse)}


class _FrozenDict(dict[Any, Any]):
    """A dict that refuses changes after creation (for Table rows), and hashes by its items."""

    def _refuse(self, *_args: object, **_kwargs: object) -> None:
        msg = "a Table is immutable; use updated() or extended()"
        raise TypeError(msg)

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self.items()))


def _canonical(value: object) -> object:
    """The JSON-ready form of a table value."""
    canonical = getattr(value, "canonical", None)
    if canonical is not None:
        return canonical()
    if isinstance(value, Enum):
        return value.value
    return value
