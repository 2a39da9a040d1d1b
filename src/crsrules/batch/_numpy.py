"""The numpy engine of :func:`crsrules.batch.score_columns`: whole columns read at once, into bytes.

Each column becomes an array of unsigned bytes (:class:`NumpyColumns`): a number as it is, a choice as its code,
0 where the column does not apply; :mod:`crsrules.batch._points` scores them.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from itertools import combinations, repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules.batch._columns import (
    _CANADIAN_NEEDS,
    _CHECKED_WITH_OTHERS,
    _as_list,
    _column_codes,
    _length,
    _lookup,
    _missing,
    _Spec,
)
from crsrules.batch._points import score_arrays

try:
    import numpy as np
except ImportError:  # pragma: no cover (numpy is optional: the columns are then scored in pure Python)
    np = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["NumpyColumns", "installed", "score_arrays"]


def installed() -> bool:
    """Whether numpy is installed."""
    return np is not None


#: The code of an impossible value: above every number and code a column allows (ages end at 120).
_BAD = 255

# Strings are read in chunks small enough for their arrays to stay in the processor's cache (the size measured
# fastest on the development machine), in bytes.
_STRING_CHUNK = 2**18
_NUMBER_CHUNK = 2**15


class NumpyColumns:
    """Reads each column into a numpy array of codes (unsigned bytes), all rows at once.

    Where a column has an impossible value, or values whose types numpy would coerce, it is read again by
    :func:`_column_codes`, which raises the error the pure-Python reader raises.
    """

    def __init__(self) -> None:
        #: The codes of each column: 0 where its column does not apply.
        self.codes: dict[str, NDArray[np.uint8]] = {}
        self.rows = 0

    def read(self, spec: _Spec, values: object | None) -> None:
        """Check *values* (None for a column not given) and keep their codes."""
        parent = None if spec.parent is None else self.codes[spec.parent]
        applies = None if parent is None else parent != 0
        if values is None:
            if spec.needed and applies is not None and applies.any():
                raise _missing(spec, int(applies.argmax()))
            self.codes[spec.name] = np.zeros(self.rows, dtype=np.uint8)
            return
        codes = _distinct_codes(spec, values)
        if codes is None and spec.kind == "choice" and _is_plain(values):  # a list: its values, as they are
            codes = _object_codes(spec, _as_list(values))
        array = codes if codes is not None else _as_array(values)
        if spec.name == "age":
            self.rows = len(array)
        elif len(array) != self.rows:
            raise _length(spec, len(array), self.rows)
        codes = _fast_codes(spec, array, values) if codes is None else codes
        codes = None if codes is None else _applied(codes, applies)
        if codes is not None and spec.name in _CHECKED_WITH_OTHERS and _breaks_a_rule(spec, codes, self.codes).any():
            codes = None
        if codes is None:  # read again, value by value, to raise the same error as the pure-Python reader
            read = {name: column.tolist() for name, column in self.codes.items()}
            parent_list = None if parent is None else parent.tolist()
            codes = np.array(_column_codes(spec, _as_list(values), parent_list, read), dtype=np.uint8)
        self.codes[spec.name] = codes


def _as_array(values: Any) -> NDArray[Any]:  # noqa: ANN401 (any column)
    array: NDArray[Any] | None
    if isinstance(values, np.ndarray):
        array = values
    elif hasattr(values, "to_pylist") and hasattr(values, "to_numpy"):  # pyarrow
        array = np.asarray(values.to_numpy(zero_copy_only=False))
    elif hasattr(values, "to_numpy"):  # pandas
        array = np.asarray(values.to_numpy())
    else:
        try:
            array = np.asarray(values)
        except ValueError:  # values of several shapes, such as lists among numbers: read them as objects
            array = None
    if array is None or array.ndim != 1:
        items = _as_list(values)
        array = np.fromiter(items, dtype=object, count=len(items))
    return array


def _is_plain(values: object) -> bool:
    """Whether *values* are Python objects (a list), not an array of numpy, pandas or pyarrow."""
    return not isinstance(values, np.ndarray) and not hasattr(values, "to_numpy")


# The Python types whose values numpy keeps as they are, by the kind of array it makes of a list of them.
_KEPT: dict[str, set[type] | None] = {"i": {int}, "u": {int}, "f": {float, int}, "b": {bool}, "U": {str}, "O": None}


def _fast_codes(spec: _Spec, array: NDArray[Any], values: object) -> NDArray[np.uint8] | None:
    """The codes of a column, _BAD where a value is impossible; None where numpy may have coerced one (read again)."""
    kind = array.dtype.kind
    if _is_plain(values):  # a list: numpy may have coerced its values
        kept = _KEPT.get(kind, set())
        if kept is not None and not set(map(type, _as_list(values))) <= kept:
            return None
    if spec.kind == "whole":
        return _whole_codes(spec, array)
    if spec.kind == "flag":
        return array.astype(np.uint8) if kind == "b" else None
    if kind == "U":
        return _string_codes(spec, array)
    return _object_codes(spec, array) if kind == "O" else None


def _distinct_codes(spec: _Spec, values: Any) -> NDArray[np.uint8] | None:  # noqa: ANN401 (any column)
    """The codes of a choice column read as its distinct values and, by row, the position of its value among them.

    For a pandas categorical or string column, or a pyarrow string column: each distinct value is looked up once (its
    strings are compared whole, by pandas' or pyarrow's hashing). None for any other column.
    """
    if spec.kind != "choice":
        return None
    found = _distinct(values)
    if found is None:
        return None
    distinct, positions = found
    lookup = _lookup(spec)
    by_value = [lookup.get(v, _BAD) if isinstance(v, str) else _BAD for v in distinct]
    # Position -1 is a missing value (None, NaN or NA, which mean none): it reads the last entry.
    table = np.array([*by_value, 0 if spec.nullable else _BAD], dtype=np.uint8)
    codes: NDArray[np.uint8] = table[positions]
    return codes


def _distinct(values: Any) -> tuple[Any, NDArray[np.integer[Any]]] | None:  # noqa: ANN401 (any column)
    """A column's distinct values and, by row, the position of its value among them (-1 for a missing value)."""
    try:
        return values.cat.categories, values.cat.codes.to_numpy()
    except (AttributeError, TypeError):
        pass
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(getattr(values, "dtype", None), pandas.StringDtype):
        positions, distinct = values.factorize()  # str or missing values only, and missing ones are -1
        return distinct, positions
    pyarrow = sys.modules.get("pyarrow")
    if pyarrow is not None and _is_arrow_strings(pyarrow, values):
        if isinstance(values, pyarrow.ChunkedArray):
            values = values.combine_chunks()
        encoded = values.dictionary_encode()  # a null stays null
        return encoded.dictionary.to_pylist(), encoded.indices.fill_null(-1).to_numpy()
    return None


def _is_arrow_strings(pyarrow: Any, values: object) -> bool:  # noqa: ANN401 (the module)
    if not isinstance(values, pyarrow.Array | pyarrow.ChunkedArray):
        return False
    return bool(pyarrow.types.is_string(values.type) or pyarrow.types.is_large_string(values.type))


def _applied(codes: NDArray[np.uint8], applies: NDArray[np.bool_] | None) -> NDArray[np.uint8] | None:
    """*codes*, 0 where the column does not apply; None where it holds an impossible value (_BAD) where it applies."""
    if not len(codes):
        return codes
    if codes.max() == _BAD and (applies is None or (codes[applies] == _BAD).any()):
        return None
    if applies is None:
        return codes
    masked: NDArray[np.uint8] = codes * applies  # 0 where the column does not apply, whatever it holds there
    return masked


def _whole_codes(spec: _Spec, array: NDArray[Any]) -> NDArray[np.uint8] | None:
    """Whole numbers, _BAD where out of range or not whole."""
    kind = array.dtype.kind
    low, high = spec.low, spec.high
    if kind in "iu":
        if low == 0:
            codes = _small_numbers(array, high)
            if codes is not None:
                return codes
        elif array.min() >= low and array.max() <= high:  # pragma: no cover (every number column starts at 0 today)
            return array.astype(np.uint8)
        return np.where((array < low) | (array > high), _BAD, array).astype(np.uint8)
    if kind == "f":
        with np.errstate(invalid="ignore"):
            whole = (array >= low) & (array <= high) & (array == np.floor(array))
        return np.where(whole, array, _BAD).astype(np.uint8)
    return None


def _small_numbers(array: NDArray[np.integer[Any]], high: int) -> NDArray[np.uint8] | None:
    """*array* as bytes where all its numbers are 0 to *high*, else None.

    One comparison per number: a negative number read as unsigned is above any *high*. In chunks, so that each is
    still in the processor's cache when it is copied.
    """
    unsigned = array.view(array.dtype.str.replace("i", "u"))
    codes = np.empty(len(array), dtype=np.uint8)
    step = _NUMBER_CHUNK
    for start in range(0, len(array), step):
        part = unsigned[start : start + step]
        if part.max() > high:
            return None
        codes[start : start + step] = part
    return codes


def _object_codes(spec: _Spec, array: NDArray[Any] | list[Any]) -> NDArray[np.uint8] | None:
    """The codes of Python objects (strings, None, NaN), _BAD where a value is not one of the choice's."""
    lookup = _lookup(spec)
    if spec.nullable:
        lookup[np.nan] = 0  # pandas' missing value, found by identity (any other NaN is read again)
    try:
        return np.fromiter(map(lookup.get, array, repeat(_BAD)), dtype=np.uint8, count=len(array))
    except TypeError:  # an unhashable value
        return None


class _Keys(NamedTuple):
    """How to tell a choice's strings apart in a numpy string array of a given width: see :func:`_string_codes`."""

    #: The positions of the characters that make a row's key (none where the choice has one string that fits).
    positions: tuple[int, ...]
    #: By key, the characters of the one string a row with that key can be, as many as the width (0 past its end).
    chars: NDArray[np.uint32]
    #: By key, the code of that string; _BAD for a key no string has.
    codes: NDArray[np.uint8]


_KEYS: dict[tuple[tuple[tuple[str, int], ...], int], _Keys | None] = {}

# A key is made of the low bits of a few characters (enough to tell apart the letters, "_" and the empty end).
_KEY_BITS = 5
_KEY_MASK = 2**_KEY_BITS - 1


def _keys(lookup: Mapping[object, int], width: int) -> _Keys | None:
    """Positions of characters that tell apart the choice's strings that fit in *width* (past a string's end: 0)."""
    strings = tuple(sorted((v, c) for v, c in lookup.items() if isinstance(v, str) and len(v) <= width))
    if (strings, width) in _KEYS:
        return _KEYS[(strings, width)]
    spelled = np.zeros((len(strings), width), dtype=np.uint32)
    for row, (value, _) in enumerate(strings):
        spelled[row, : len(value)] = [ord(char) for char in value]
    found = None
    for size in range(min(3, width) + 1):
        for positions in combinations(range(width), size):
            keys = [_key(spelled[row, list(positions)]) for row in range(len(strings))]
            if len(set(keys)) == len(keys):
                chars = np.zeros((2 ** (_KEY_BITS * size), width), dtype=np.uint32)
                chars[keys] = spelled
                codes = np.full(len(chars), _BAD, dtype=np.uint8)
                codes[keys] = [c for _, c in strings]
                found = _Keys(positions, chars, codes)
                break
        if found is not None:
            break
    _KEYS[(strings, width)] = found
    return found


def _key(chars: NDArray[Any]) -> int:
    key = 0
    for char in chars.tolist():
        key = (key << _KEY_BITS) | (char & _KEY_MASK)
    return key


def _string_codes(spec: _Spec, array: NDArray[np.str_]) -> NDArray[np.uint8] | None:
    """The codes of a numpy string array: a key from a few characters of each row, then a check of every character.

    The key finds the one string a row can be; comparing all the row's characters (as integers) with that string's
    proves it, or makes the row's code _BAD. Done in chunks, so that what is compared stays in the processor's cache.
    """
    width = array.dtype.itemsize // 4
    keys = _keys(_lookup(spec), width) if width else None
    if keys is None:
        return None
    if not array.dtype.isnative:
        array = array.astype(array.dtype.newbyteorder("="))
    rows = len(array)
    chars = np.ascontiguousarray(array).view(np.uint32).reshape(rows, width)
    codes = np.empty(rows, dtype=np.uint8)
    step = max(1, _STRING_CHUNK // array.dtype.itemsize)
    first, *others = keys.positions or (None,)
    # The methods themselves: these few calls are made for every chunk.
    take_code, take_chars, differ, any_of = keys.codes.take, keys.chars.take, np.not_equal, np.logical_or.reduce
    for start in range(0, rows, step):
        stop = start + step
        block = chars[start:stop]
        if first is None:
            key = np.zeros(len(block), dtype=np.intp)
        else:  # as the indices of numpy (two lookups follow, which would each convert other integers)
            key = np.bitwise_and(block[:, first], _KEY_MASK, dtype=np.intp)
            for position in others:
                key <<= _KEY_BITS
                key |= block[:, position] & _KEY_MASK
        take_code(key, out=codes[start:stop])
        wrong = differ(block, take_chars(key, axis=0))
        if any_of(wrong, axis=None):
            codes[start + np.flatnonzero(wrong.any(axis=1))] = _BAD
    return codes


def _breaks_a_rule(spec: _Spec, codes: NDArray[np.uint8], read: Mapping[str, NDArray[np.uint8]]) -> NDArray[np.bool_]:
    """Where *codes* break a rule between columns (the vector form of :func:`_other_problem`)."""
    if spec.name == "second_language.language":
        first = read["first_language.language"]
        broken: NDArray[np.bool_] = (codes != 0) & ((first == 0) | (first == codes))
        return broken
    # The lowest rank of education a credential needs, against the rank of the row's (its code less 1).
    needs = np.array(_CANADIAN_NEEDS, dtype=np.uint8)
    return needs[codes] >= read["education"]
