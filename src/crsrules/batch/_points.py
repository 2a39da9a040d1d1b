"""The numpy scoring of :func:`crsrules.batch.score_columns`: a ruleset's points as tables of several columns each.

Each table holds the points of one part of a section for every combination of the few columns that part depends on
(the core points of age, education and Canadian work, with or without a spouse; those of the four levels of a
language; ...), so that a row's section is the sum of a few lookups, each at one index computed from small integers.
A lookup costs far more than the arithmetic of its index, and the columns are bytes: both keep the work per row small.

The columns are the codes of :class:`crsrules.batch._numpy.NumpyColumns`: unsigned bytes, 0 where a column does not
apply (the levels of a language that is not given, the columns of a spouse who is not).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules.batch._columns import (
    _ABILITIES,
    _ARRANGED,
    _CANADIAN,
    _EDUCATION,
    _ENGLISH_CODE,
    _FRENCH_CODE,
    _LANGUAGE,
    SECTIONS,
)
from crsrules.model import MAX_CLB
from crsrules.scoring import _Flat, _FlatColumn, _scorer

try:
    import numpy as np
except ImportError:  # pragma: no cover (numpy is optional: the columns are then scored in pure Python)
    np = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from crsrules.rules import RuleSet

__all__ = ["score_arrays"]

# How many values each column can hold once read (the ranges of crsrules.batch._columns._SPECS): ages 0-120, years
# 0-60, levels 0-MAX_CLB, and the codes of the enums with 0 for none.
_AGES = 121
_YEARS = 61
_LEVELS = MAX_CLB + 1
_EDUCATIONS = 1 + len(_EDUCATION)
_LANGUAGES = 1 + len(_LANGUAGE)

# Rows are scored in chunks small enough for their arrays to stay in the processor's cache (measured fastest on the
# development machine).
_CHUNK = 32_768


class _Tables(NamedTuple):
    """A ruleset's flat tables (:class:`crsrules.scoring._Flat`) as numpy arrays, one axis per column they read.

    A cap is None where no row can reach it (the largest entries of what it caps add up to no more).
    """

    #: By spouse (0 or 1, rule E1), age, education and Canadian work years.
    core: NDArray[Any]
    #: By spouse and the four levels of the first language.
    first_language: NDArray[Any]
    #: By spouse and the four levels of the second language, capped.
    second_language: NDArray[Any]
    #: By spouse.
    core_cap: NDArray[Any] | None
    #: By the spouse's education and Canadian work years.
    spouse: NDArray[Any]
    #: By the four levels of the spouse's first language.
    spouse_language: NDArray[Any]
    spouse_cap: int | None
    #: By certificate of qualification (0 or 1), education, lowest first-language level and Canadian work years:
    #: the education group and the certificate group.
    education_group: NDArray[Any]
    #: By foreign work years, lowest first-language level and Canadian work years.
    foreign_group: NDArray[Any]
    transferability_cap: int | None
    #: By arranged employment, Canadian education, provincial nomination (0 or 1) and sibling in Canada (0 or 1),
    #: then, from the French award, the first language, its lowest level, the second language and its lowest level;
    #: capped.
    additional: NDArray[Any]


def _outer_sum(*vectors: Sequence[int] | NDArray[Any]) -> NDArray[np.int64]:
    """The sum of one entry of each vector, for every combination: one axis per vector."""
    total = np.zeros((), dtype=np.int64)
    for axis, vector in enumerate(vectors):
        shape = [1] * len(vectors)
        shape[axis] = len(vector)
        total = total + np.asarray(vector, dtype=np.int64).reshape(shape)
    return total


def _by_code(points: Mapping[str, int], enum: Sequence[Enum]) -> list[int]:
    """Points by code: 0 for none, then the enum's members in order."""
    return [0, *(points[member.value] for member in enum)]


def _four(levels: Sequence[int]) -> NDArray[np.int64]:
    """The points of four abilities, by their levels."""
    return _outer_sum(*[levels[:_LEVELS]] * len(_ABILITIES))


def _cap(cap: int, *parts: NDArray[Any]) -> int | None:
    """*cap*, or None where the largest entries of *parts* add up to no more."""
    return cap if sum(int(part.max()) for part in parts) > cap else None


def _french(t: _Flat) -> NDArray[np.int64] | None:
    if t.french is None:
        return None
    french_minimum, english_minimum, weak_english, strong_english = t.french
    codes = np.arange(_LANGUAGES).reshape(-1, 1)
    levels = np.arange(_LEVELS).reshape(1, -1)

    def either(code: int, minimum: int) -> NDArray[np.bool_]:
        # All four abilities at the minimum in one language's columns (its lowest level), first or second.
        meets = (codes == code) & (levels >= minimum)
        either: NDArray[np.bool_] = meets[:, :, None, None] | meets[None, None, :, :]
        return either

    french, english = either(_FRENCH_CODE, french_minimum), either(_ENGLISH_CODE, english_minimum)
    points: NDArray[np.int64] = french * (weak_english + english * (strong_english - weak_english))
    return points


def _tables(t: _Flat) -> _Tables:
    def by_spouse(make: Callable[[_FlatColumn], NDArray[np.int64]]) -> NDArray[np.int64]:
        return np.stack([make(t.single), make(t.couple)])

    core = by_spouse(lambda c: _outer_sum(c.age[:_AGES], _by_code(c.education, _EDUCATION), c.canadian_work[:_YEARS]))
    first = by_spouse(lambda c: _four(c.first_language))
    second = by_spouse(lambda c: np.minimum(_four(c.second_language), c.second_language_cap))
    caps = (t.single.cap, t.couple.cap)
    core_cap = None if all(_cap(caps[s], core[s], first[s], second[s]) is None for s in (0, 1)) else np.array(caps)
    spouse = _outer_sum(_by_code(t.spouse_education, _EDUCATION), t.spouse_work[:_YEARS])
    spouse_language = _four(t.spouse_language)
    # The tiers of a row, by its lowest first-language level and its Canadian work years.
    tiers = _outer_sum(t.language_tier[:_LEVELS], t.canadian_tier[:_YEARS])
    education = np.array([[0] * 9, *(t.education_group[e.value] for e in _EDUCATION)], dtype=np.int64)[:, tiers]
    certificate = np.array(t.certificate[:_LEVELS], dtype=np.int64).reshape(1, -1, 1)
    education_group = np.stack([education, education + certificate])
    foreign_group = np.array(t.foreign_group[:_YEARS], dtype=np.int64)[:, tiers]
    additional = _outer_sum(
        _by_code(t.arranged_employment, _ARRANGED),
        _by_code(t.canadian_education, _CANADIAN),
        (0, t.nomination),
        (0, t.sibling),
    )
    french = _french(t)
    if french is not None:
        additional = additional.reshape(additional.shape + (1,) * french.ndim) + french
    tables = _Tables(
        core=core,
        first_language=first,
        second_language=second,
        core_cap=core_cap,
        spouse=spouse,
        spouse_language=spouse_language,
        spouse_cap=_cap(t.spouse_cap, spouse, spouse_language),
        education_group=education_group,
        foreign_group=foreign_group,
        transferability_cap=_cap(t.transferability_cap, education_group, foreign_group),
        additional=np.minimum(additional, t.additional_cap),
    )
    # Points in 16 bits where every sum of them fits (sums of 16-bit numbers cost a fraction of 64-bit ones).
    arrays = [table for table in tables if isinstance(table, np.ndarray)]
    if sum(int(abs(table).max()) for table in arrays) < 2**15:
        tables = _Tables._make(table.astype(np.int16) if isinstance(table, np.ndarray) else table for table in tables)
    return tables


_TABLES: dict[int, tuple[_Flat, _Tables]] = {}


def _tables_of(ruleset: RuleSet) -> _Tables:
    flat = _scorer(ruleset)._tables  # noqa: SLF001 (the scorer's own tables)
    found = _TABLES.get(id(flat))
    if found is None or found[0] is not flat:
        found = _TABLES[id(flat)] = (flat, _tables(flat))
    return found[1]


def _at(table: NDArray[Any], *columns: NDArray[Any]) -> NDArray[Any]:
    """``table[columns]``, one entry per row, as one lookup at an index computed in the fewest bits that hold it."""
    index: NDArray[np.unsignedinteger[Any]] = columns[0].astype(np.uint16 if table.size <= 2**16 else np.uint32)
    for size, column in zip(table.shape[1:], columns[1:], strict=True):
        index *= size
        index += column
    found: NDArray[Any] = np.take(table, index)
    return found


def score_arrays(c: Mapping[str, NDArray[np.uint8]], ruleset: RuleSet) -> dict[str, Any]:
    """The sections of every row of the codes *c*, as int64 arrays."""
    tables = _tables_of(ruleset)
    rows = len(c["age"])
    # One block for the five arrays: numpy asks the kernel for large pages for a block this size, which fills several
    # times faster than five arrays of fresh small pages.
    out = dict(zip(SECTIONS, np.empty((len(SECTIONS), rows), dtype=np.int64), strict=True))
    for start in range(0, rows, _CHUNK):
        chunk = slice(start, min(rows, start + _CHUNK))
        sections = _score_chunk({name: column[chunk] for name, column in c.items()}, tables)
        for name, points in zip(SECTIONS, sections, strict=True):
            out[name][chunk] = points
    return out


def _lowest(c: Mapping[str, NDArray[np.uint8]], prefix: str) -> NDArray[np.uint8]:
    listening, reading, writing, speaking = (c[f"{prefix}.{a}"] for a in _ABILITIES)
    return np.minimum(np.minimum(listening, reading), np.minimum(writing, speaking))


def _capped(points: NDArray[Any], cap: int | None) -> None:
    """Cap *points* in place (against an array of the cap: numpy's minimum with one number is several times slower)."""
    if cap is not None:
        np.minimum(points, np.full_like(points, cap), out=points)


def _score_chunk(c: Mapping[str, NDArray[np.uint8]], t: _Tables) -> tuple[NDArray[Any], ...]:
    spouse = (c["spouse.education"] != 0).view(np.uint8)
    education, work = c["education"], c["canadian_work_years"]
    first, second, spouse_levels = (
        [c[f"{prefix}.{a}"] for a in _ABILITIES]
        for prefix in ("first_language", "second_language", "spouse.first_language")
    )

    core = _at(t.core, spouse, c["age"], education, work)
    core += _at(t.first_language, spouse, *first)
    core += _at(t.second_language, spouse, *second)
    if t.core_cap is not None:
        np.minimum(core, t.core_cap.take(spouse), out=core)

    spouse_points = _at(t.spouse, c["spouse.education"], c["spouse.canadian_work_years"])
    spouse_points += _at(t.spouse_language, *spouse_levels)
    _capped(spouse_points, t.spouse_cap)

    lowest = _lowest(c, "first_language")
    transferability = _at(t.education_group, c["certificate_of_qualification"], education, lowest, work)
    transferability += _at(t.foreign_group, c["foreign_work_years"], lowest, work)
    _capped(transferability, t.transferability_cap)

    additional_columns = [
        c["arranged_employment"],
        c["canadian_education"],
        c["provincial_nomination"],
        c["sibling_in_canada"],
    ]
    if t.additional.ndim > len(additional_columns):  # the French award
        languages = c["first_language.language"], c["second_language.language"]
        additional_columns += [languages[0], lowest, languages[1], _lowest(c, "second_language")]
    additional = _at(t.additional, *additional_columns)

    total = core + spouse_points
    total += transferability
    total += additional
    return total, core, spouse_points, transferability, additional
