"""The numpy engine of :func:`crsrules.batch.score_columns`: whole columns at once, in chunks that stay in cache."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules.batch._columns import (
    _ABILITIES,
    _ARRANGED,
    _CANADIAN,
    _CANADIAN_NEEDS,
    _CHECKED_WITH_OTHERS,
    _EDUCATION,
    _ENGLISH_CODE,
    _FRENCH_CODE,
    SECTIONS,
    _as_list,
    _column_codes,
    _length,
    _lookup,
    _missing,
    _Spec,
)
from crsrules.scoring import _Flat, _FlatColumn, _scorer

try:
    import numpy as np
except ImportError:  # pragma: no cover (numpy is optional: the columns are then scored in pure Python)
    np = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from crsrules.rules import RuleSet

__all__ = ["NumpyColumns", "installed", "score_arrays"]


def installed() -> bool:
    """Whether numpy is installed."""
    return np is not None


# Rows are scored, and strings read, in chunks small enough for their arrays to stay in the processor's cache (the
# sizes measured fastest on the development machine).
_CHUNK = 16_384
_STRING_CHUNK = 4_096


class NumpyColumns:
    """Reads each column into a numpy array of codes, all rows at once.

    Where a column has an impossible value, or values whose types numpy would coerce, it is read again by
    :func:`_column_codes`, which raises the error the pure-Python reader raises.
    """

    def __init__(self) -> None:
        #: The codes of each column; a number where its column does not apply is kept as given (0 to its maximum),
        #: and :func:`_score_chunk` reads it as 0.
        self.codes: dict[str, NDArray[np.intp]] = {}
        self.rows = 0

    def read(self, spec: _Spec, values: object | None) -> None:
        """Check *values* (None for a column not given) and keep their codes."""
        parent = None if spec.parent is None else self.codes[spec.parent]
        applies = None if parent is None else parent != 0
        if values is None:
            if spec.needed and applies is not None and applies.any():
                raise _missing(spec, int(applies.argmax()))
            self.codes[spec.name] = np.zeros(self.rows, dtype=np.intp)
            return
        codes = _category_codes(spec, values)
        array = codes if codes is not None else _as_array(values)
        if spec.name == "age":
            self.rows = len(array)
        elif len(array) != self.rows:
            raise _length(spec, len(array), self.rows)
        codes = _fast_codes(spec, array, values) if codes is None else codes
        codes = None if codes is None else _applied(spec, codes, applies)
        if codes is not None and spec.name in _CHECKED_WITH_OTHERS and _breaks_a_rule(spec, codes, self.codes).any():
            codes = None
        if codes is None:  # read again, value by value, to raise the same error as the pure-Python reader
            read = {name: column.tolist() for name, column in self.codes.items()}
            parent_list = None if parent is None else parent.tolist()
            codes = np.array(_column_codes(spec, _as_list(values), parent_list, read), dtype=np.intp)
        self.codes[spec.name] = codes


def _as_array(values: Any) -> NDArray[Any]:  # noqa: ANN401 (any column)
    if isinstance(values, np.ndarray):
        array = values
    elif hasattr(values, "to_pylist") and hasattr(values, "to_numpy"):  # pyarrow
        array = np.asarray(values.to_numpy(zero_copy_only=False))
    elif hasattr(values, "to_numpy"):  # pandas
        array = np.asarray(values.to_numpy())
    else:
        array = np.asarray(values)
    if array.ndim != 1:
        array = np.asarray(_as_list(values), dtype=object)
    return array


# The Python types whose values numpy keeps as they are, by the kind of array it makes of a list of them.
_KEPT: dict[str, set[type] | None] = {"i": {int}, "u": {int}, "f": {float, int}, "b": {bool}, "U": {str}, "O": None}


def _fast_codes(spec: _Spec, array: NDArray[Any], values: object) -> NDArray[np.intp] | None:
    """The codes of a column, -1 where a value is impossible; None where numpy may have coerced one (read it again)."""
    kind = array.dtype.kind
    if not isinstance(values, np.ndarray) and not hasattr(values, "to_numpy"):  # a list: numpy may have coerced
        kept = _KEPT.get(kind, set())
        if kept is not None and not set(map(type, _as_list(values))) <= kept:
            return None
    if spec.kind == "whole":
        return _whole_codes(spec, array)
    if spec.kind == "flag":
        return array.astype(np.intp) if kind == "b" else None
    if kind == "U":
        return _string_codes(spec, array)
    return _object_codes(spec, array) if kind == "O" else None


def _category_codes(spec: _Spec, values: Any) -> NDArray[np.intp] | None:  # noqa: ANN401 (any column)
    """The codes of a pandas categorical column of a choice, from its few categories; None for any other column."""
    if spec.kind != "choice":
        return None
    try:
        categories, positions = values.cat.categories, values.cat.codes.to_numpy()
    except (AttributeError, TypeError):
        return None
    lookup = _lookup(spec)
    by_category = [lookup.get(c, -1) if isinstance(c, str) else -1 for c in categories]
    # pandas' code -1 is a missing value: it reads the last entry.
    table = np.array([*by_category, 0 if spec.nullable else -1], dtype=np.intp)
    codes: NDArray[np.intp] = table[positions]
    return codes


def _applied(spec: _Spec, codes: NDArray[np.intp], applies: NDArray[np.bool_] | None) -> NDArray[np.intp] | None:
    """*codes* where the column applies, or None where it holds an impossible value (-1) there (read it again)."""
    if not len(codes):
        return codes
    if codes.min() < 0 and (applies is None or np.min(codes, where=applies, initial=0) < 0):
        return None
    if applies is None or (spec.kind == "whole" and codes.min() >= 0):
        return codes  # numbers where the column does not apply are masked when rows are scored
    return codes * applies  # 0 where the column does not apply, whatever it holds there (-1 included)


def _whole_codes(spec: _Spec, array: NDArray[Any]) -> NDArray[np.intp] | None:
    """Whole numbers, -1 where out of range or not whole."""
    kind = array.dtype.kind
    if kind in "iu":
        if not len(array) or (array.min() >= spec.low and array.max() <= spec.high):
            return array.astype(np.intp, copy=False)
        return np.where((array < spec.low) | (array > spec.high), -1, array).astype(np.intp)
    if kind == "f":
        with np.errstate(invalid="ignore"):
            whole = (array >= spec.low) & (array <= spec.high) & (array == np.floor(array))
        return np.where(whole, array, -1).astype(np.intp)
    return None


def _object_codes(spec: _Spec, array: NDArray[Any]) -> NDArray[np.intp] | None:
    """The codes of Python objects (strings, None, NaN), -1 where a value is not one of the choice's."""
    lookup = _lookup(spec)
    if spec.nullable:
        lookup[np.nan] = 0  # pandas' missing value, found by identity (any other NaN is read again)
    try:
        return np.fromiter(map(lookup.get, array, repeat(-1)), dtype=np.intp, count=len(array))
    except TypeError:  # an unhashable value
        return None


class _Keys(NamedTuple):
    """How to tell a choice's strings apart in a numpy string array of a given width: see :func:`_string_codes`."""

    positions: tuple[int, ...]
    #: Index into :attr:`values` by key (the last, for a key no value has).
    lookup: NDArray[np.intp]
    #: The strings, then a last one for the keys no string has (its code is -1: such a row is impossible).
    values: NDArray[np.str_]
    codes: NDArray[np.intp]


_KEYS: dict[tuple[tuple[tuple[str, int], ...], int], _Keys] = {}


def _keys(lookup: Mapping[object, int], width: int) -> _Keys | None:
    """Positions of characters that tell the choice's strings apart (a position past a string's end reads 0)."""
    strings = tuple(sorted((v, c) for v, c in lookup.items() if isinstance(v, str)))
    found = _KEYS.get((strings, width))
    if found is not None:
        return found
    candidates = range(min(width, max(len(v) for v, _ in strings)))
    spelled = [[ord(v[p]) & 127 if p < len(v) else 0 for p in candidates] for v, _ in strings]
    for size in (1, 2, 3):
        for positions in _combinations(candidates, size):
            keys = [_key([chars[p] for p in positions]) for chars in spelled]
            if len(set(keys)) == len(keys):
                index = np.full(128**size, len(strings), dtype=np.intp)
                index[keys] = range(len(strings))
                values = np.array([*(v for v, _ in strings), ""])
                codes = np.array([*(c for _, c in strings), -1], dtype=np.intp)
                found = _KEYS[(strings, width)] = _Keys(tuple(positions), index, values, codes)
                return found
    return None


def _combinations(items: range, size: int) -> list[tuple[int, ...]]:
    if size == 1:
        return [(i,) for i in items]
    return [(i, *rest) for i in items for rest in _combinations(range(i + 1, items.stop), size - 1)]


def _key(chars: Sequence[int]) -> int:
    key = 0
    for char in chars:
        key = key * 128 + char
    return key


def _string_codes(spec: _Spec, array: NDArray[np.str_]) -> NDArray[np.intp] | None:
    """The codes of a numpy string array: a key from a few characters of each row, then a check of every row.

    The key finds which value a row can only be; comparing the row with that value proves it (or gives -1). Two
    passes over the strings, where comparing with every value in turn takes one pass per value; done in chunks, so
    that the strings compared stay in the processor's cache.
    """
    width = array.dtype.itemsize // 4
    keys = _keys(_lookup(spec), width)
    if keys is None or not width:
        return None
    rows = len(array)
    array = np.ascontiguousarray(array)
    chars = array.view(np.uint32).reshape(rows, width)
    codes = np.empty(rows, dtype=np.intp)
    for start in range(0, rows, _STRING_CHUNK):
        chunk = slice(start, min(rows, start + _STRING_CHUNK))
        key = chars[chunk, keys.positions[0]] & 127
        for position in keys.positions[1:]:
            key = key * 128 + (chars[chunk, position] & 127)
        index = keys.lookup[key]
        found = keys.codes[index]
        found[array[chunk] != keys.values[index]] = -1
        codes[chunk] = found
    return codes


def _breaks_a_rule(spec: _Spec, codes: NDArray[np.intp], read: Mapping[str, NDArray[np.intp]]) -> NDArray[np.bool_]:
    """Where *codes* break a rule between columns (the vector form of :func:`_other_problem`)."""
    if spec.name == "second_language.language":
        first = read["first_language.language"]
        broken: NDArray[np.bool_] = (codes != 0) & ((first == 0) | (first == codes))
        return broken
    needs = np.array(_CANADIAN_NEEDS, dtype=np.intp)
    return needs[codes] > read["education"] - 1


# Scoring with numpy: the compiled scorer's flat tables as arrays, indexed by whole columns at once.


class _Arrays(NamedTuple):
    """A ruleset's flat tables (:class:`crsrules.scoring._Flat`) as numpy arrays indexed by codes and numbers.

    The core tables hold both spouse columns end to end, 128 entries each: row ``i`` of the column with a spouse is
    at ``128 + i`` (rule E1).
    """

    age: NDArray[np.int64]
    education: NDArray[np.int64]
    first_language: NDArray[np.int64]
    second_language: NDArray[np.int64]
    second_language_cap: NDArray[np.int64]
    canadian_work: NDArray[np.int64]
    core_cap: NDArray[np.int64]
    spouse_education: NDArray[np.int64]
    spouse_language: NDArray[np.int64]
    spouse_work: NDArray[np.int64]
    language_tier: NDArray[np.int64]
    canadian_tier: NDArray[np.int64]
    #: By ``9 * education code + tiers``.
    education_group: NDArray[np.int64]
    #: By ``9 * years + tiers``.
    foreign_group: NDArray[np.int64]
    certificate: NDArray[np.int64]
    arranged_employment: NDArray[np.int64]
    canadian_education: NDArray[np.int64]


_WIDTH = 128  # more than any number or code a core table is indexed by (ages and years to 120, levels to 12)


def _by_code(points: Mapping[str, int], enum: Sequence[Enum]) -> list[int]:
    """Points by code: 0 for none, then the enum's members in order."""
    return [0, *(points[member.value] for member in enum)]


def _arrays(t: _Flat) -> _Arrays:
    def by_spouse(pick: Callable[[_FlatColumn], Sequence[int]]) -> NDArray[np.int64]:
        table = np.zeros(2 * _WIDTH, dtype=np.int64)
        for offset, column in ((0, t.single), (_WIDTH, t.couple)):
            values = pick(column)[:_WIDTH]
            table[offset : offset + len(values)] = values
        return table

    def array(values: Sequence[int] | Sequence[Sequence[int]]) -> NDArray[np.int64]:
        return np.array(values, dtype=np.int64).ravel()

    return _Arrays(
        age=by_spouse(lambda c: c.age),
        education=by_spouse(lambda c: _by_code(c.education, _EDUCATION)),
        first_language=by_spouse(lambda c: c.first_language),
        second_language=by_spouse(lambda c: c.second_language),
        second_language_cap=array([t.single.second_language_cap, t.couple.second_language_cap]),
        canadian_work=by_spouse(lambda c: c.canadian_work),
        core_cap=array([t.single.cap, t.couple.cap]),
        spouse_education=array(_by_code(t.spouse_education, _EDUCATION)),
        spouse_language=array(t.spouse_language),
        spouse_work=array(t.spouse_work),
        language_tier=array(t.language_tier),
        canadian_tier=array(t.canadian_tier),
        education_group=array([[0] * 9, *(t.education_group[e.value] for e in _EDUCATION)]),
        foreign_group=array(t.foreign_group),
        certificate=array(t.certificate),
        arranged_employment=array(_by_code(t.arranged_employment, _ARRANGED)),
        canadian_education=array(_by_code(t.canadian_education, _CANADIAN)),
    )


_ARRAYS: dict[int, tuple[_Flat, _Arrays]] = {}


def _arrays_of(ruleset: RuleSet) -> tuple[_Flat, _Arrays]:
    flat = _scorer(ruleset)._tables  # noqa: SLF001 (the scorer's own tables)
    found = _ARRAYS.get(id(flat))
    if found is None or found[0] is not flat:
        found = _ARRAYS[id(flat)] = (flat, _arrays(flat))
    return found


def score_arrays(c: Mapping[str, NDArray[np.intp]], ruleset: RuleSet) -> dict[str, Any]:
    flat, tables = _arrays_of(ruleset)
    rows = len(c["age"])
    out = {name: np.empty(rows, dtype=np.int64) for name in SECTIONS}
    for start in range(0, rows, _CHUNK):
        chunk = slice(start, min(rows, start + _CHUNK))
        sections = _score_chunk({name: column[chunk] for name, column in c.items()}, flat, tables)
        for name, points in zip(SECTIONS, sections, strict=True):
            out[name][chunk] = points
    return out


def _score_chunk(c: Mapping[str, NDArray[np.intp]], flat: _Flat, t: _Arrays) -> tuple[NDArray[np.int64], ...]:
    take = np.take
    spouse = c["spouse.education"] != 0
    column = spouse * _WIDTH  # where the spouse column of a core table starts (rule E1)
    work = c["canadian_work_years"]
    education = c["education"]
    # A language's levels read 0 in the rows without that language (the numbers there are whatever was given).
    first, second, spouse_levels = (
        [c[f"{prefix}.{a}"] * (c[f"{prefix}.language"] != 0) for a in _ABILITIES]
        for prefix in ("first_language", "second_language", "spouse.first_language")
    )

    core = take(t.age, column + c["age"])
    core += take(t.education, column + education)
    core += take(t.canadian_work, column + work)
    for level in first:
        core += take(t.first_language, column + level)
    second_points = take(t.second_language, column + second[0])
    for level in second[1:]:
        second_points += take(t.second_language, column + level)
    core += np.minimum(second_points, take(t.second_language_cap, spouse))
    core = np.minimum(core, take(t.core_cap, spouse))

    spouse_points = take(t.spouse_education, c["spouse.education"])
    spouse_points += take(t.spouse_work, c["spouse.canadian_work_years"] * spouse)
    for level in spouse_levels:
        spouse_points += take(t.spouse_language, level)
    np.minimum(spouse_points, flat.spouse_cap, out=spouse_points)

    lowest = np.minimum(np.minimum(first[0], first[1]), np.minimum(first[2], first[3]))
    tiers = take(t.language_tier, lowest) + take(t.canadian_tier, work)
    transferability = take(t.education_group, education * 9 + tiers)
    transferability += take(t.foreign_group, c["foreign_work_years"] * 9 + tiers)
    transferability += take(t.certificate, lowest) * c["certificate_of_qualification"]
    np.minimum(transferability, flat.transferability_cap, out=transferability)

    additional = take(t.arranged_employment, c["arranged_employment"])
    additional += take(t.canadian_education, c["canadian_education"])
    additional += c["provincial_nomination"] * flat.nomination
    additional += c["sibling_in_canada"] * flat.sibling
    if flat.french is not None:
        french_minimum, english_minimum, weak_english, strong_english = flat.french
        first_language, second_language = c["first_language.language"], c["second_language.language"]
        second_lowest = np.minimum(np.minimum(second[0], second[1]), np.minimum(second[2], second[3]))
        # All four abilities of French (of English) at the award's minimum, in either language's columns.
        french = ((first_language == _FRENCH_CODE) & (lowest >= french_minimum)) | (
            (second_language == _FRENCH_CODE) & (second_lowest >= french_minimum)
        )
        english = ((first_language == _ENGLISH_CODE) & (lowest >= english_minimum)) | (
            (second_language == _ENGLISH_CODE) & (second_lowest >= english_minimum)
        )
        additional += french * (weak_english + english * (strong_english - weak_english))
    np.minimum(additional, flat.additional_cap, out=additional)

    total = core + spouse_points + transferability + additional
    return total, core, spouse_points, transferability, additional
