"""JSON in and out: a private cattrs converter that rejects unknown keys and reports every problem with its path.

Dates travel as RFC 3339 strings (``"2025-03-02"``; a date and time ``"2025-03-02T14:05:00Z"``, with a time zone),
from 1900-01-01 to 2199-12-31, and enums as their string values. Numbers are strict: ``"30"`` or ``30.5`` is not an
age, but ``30.0`` is: as in JSON Schema, a number is a whole number when it has no fractional part, however it is
written. The JSON Schema of :mod:`crsrules.schema` accepts exactly what these loaders accept, but for a few rules
between fields that a schema cannot state (it lists them).

Every problem is reported with its JSON path and a stable code (:class:`~crsrules.errors.ErrorDetail`); text is
parsed strictly (:func:`parse_json`: no key twice, no NaN, a depth and a size limit), whether the command line reads
a file or a program passes a ``str`` to the loaders.

A language can be given as CLB/NCLC levels or as a test result, which is converted on the way in::

    {"language": "english", "listening": 9, "reading": 8, "writing": 9, "speaking": 9}
    {"test": "ielts_general", "tested_on": "2025-03-02",
     "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0}
"""

from __future__ import annotations

import heapq
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, NoReturn, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from crsrules._validation import (
    EARLIEST_DATE,
    LATEST_DATE,
    RFC3339_FULL_DATE,
    RFC3339_OFFSET,
    RFC3339_TIME,
    SUPPORTED_RANGE,
)
from crsrules.candidate import Candidate, LanguageResult, Spouse
from crsrules.errors import (
    ECHO_LIMIT,
    PROBLEMS_SHOWN,
    CRSRulesError,
    ErrorCode,
    ErrorDetail,
    InvalidCandidateError,
    InvalidFactorsError,
    InvalidJSONError,
    InvalidValueError,
    close_matches,
    short_repr,
)
from crsrules.language import levels as levels_of
from crsrules.model import Factors, LanguageLevels, SpouseFactors
from crsrules.occupations import UnknownOccupationError

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "MAX_DEPTH",
    "dump_candidate",
    "dump_factors",
    "is_candidate_data",
    "load_candidate",
    "load_factors",
    "parse_json",
]

T = TypeVar("T")

# An array with more invalid items than this is not checked further: its problems are not listed one by one, so that
# a hostile file is rejected fast with a bounded message.
_MOST_INVALID_ITEMS = PROBLEMS_SHOWN
# The start of the problem that says an array was not checked to its end, listed first.
_STOPPED = "checking stopped at"
# A problem longer than this is cut (an enum's choices make the longest useful ones, about 300 characters).
_LONGEST_PROBLEM = 500
# At most this many unknown keys of one object are named; the others are counted.
_EXTRA_KEYS_SHOWN = 5

#: The largest JSON text read, in bytes (UTF-8), unless the caller says otherwise: a candidate file is a few
#: kilobytes, and a larger text is refused before it is parsed, in bounded time and memory.
DEFAULT_MAX_INPUT_BYTES = 5_000_000
#: The deepest nesting of arrays and objects read: no candidate or factors file nests more than 4 levels, and deeper
#: JSON is refused as such, not explored.
MAX_DEPTH = 64


class _ValueProblemError(CRSRulesError, ValueError):
    """A JSON value of the wrong kind (its path is added by cattrs), with its code and the value given."""

    def __init__(
        self, message: str, value: object, *, code: ErrorCode = "wrong_type", suggestions: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.value = value
        self.suggestions = suggestions


def _wrong(allowed: str, value: object) -> _ValueProblemError:
    return _ValueProblemError(f"must be {allowed} (got {short_repr(value)})", value)


def _strict(kind: type, allowed: str) -> Callable[[object, type], Any]:
    def structure(value: object, _type: type) -> Any:  # noqa: ANN401 (the checked value)
        if type(value) is bool and kind is not bool:
            raise _wrong(allowed, value)
        if kind is int and type(value) is float and value.is_integer():
            # JSON Schema's rule: 30.0 is the whole number 30 (JSON does not tell the two spellings apart).
            return int(value)
        if not isinstance(value, kind):
            raise _wrong(allowed, value)
        return value

    return structure


def _number(value: object, _type: type) -> float:
    if type(value) is bool or not isinstance(value, int | float):
        raise _wrong("a number", value)
    return value


def _json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words: "an array", "a string", ..."""
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "true or false", int: "a number",
             float: "a number", type(None): "null"}  # fmt: skip
    return kinds.get(type(value), f"a {type(value).__name__}")


def _enum(value: object, type_: type[Enum]) -> Enum:
    try:
        return type_(value)
    except (ValueError, TypeError):  # TypeError: an unhashable value, such as an array
        values = [str(m.value) for m in type_]
        choices = ", ".join(map(repr, values))
        if not isinstance(value, str):
            raise _wrong(f"one of {choices}", value) from None
        close = close_matches(value, values)
        hint = f": did you mean {', '.join(map(repr, close))}?" if close else ""
        message = f"must be one of {choices} (got {short_repr(value)}){hint}"
        raise _ValueProblemError(message, value, code="not_allowed", suggestions=close) from None


_FULL_DATE = re.compile(RFC3339_FULL_DATE)
_DATE_TIME = re.compile(RFC3339_FULL_DATE + RFC3339_TIME + RFC3339_OFFSET)
_DATE_TIME_WITHOUT_ZONE = re.compile(RFC3339_FULL_DATE + RFC3339_TIME)


def _iso_date(value: object, _type: type) -> date:
    # RFC 3339 full-date only: date.fromisoformat alone would also take '19910903' or the week date '1991-W36-2'.
    if not isinstance(value, str):
        raise _wrong("an ISO date string such as '2025-03-25'", value)
    parsed = _parsed(date.fromisoformat, value) if _FULL_DATE.fullmatch(value) else None
    if parsed is None:
        message = f"must be an ISO date such as '2025-03-25' (got {short_repr(value)})"
        raise _ValueProblemError(message, value, code="invalid_format")
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        message = f"must be a date {SUPPORTED_RANGE} (got {short_repr(value)})"
        raise _ValueProblemError(message, value, code="out_of_range")
    return parsed


def _parsed(parse: Callable[[str], T], value: str) -> T | None:
    """*value* parsed, or None if it names no real day or time (such as 2023-02-29)."""
    try:
        return parse(value)
    except ValueError:
        return None


def _is_homogeneous_tuple(type_: object) -> bool:
    """``tuple[X, ...]``: what the model uses for lists."""
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == len((object, ...)) and args[1] is Ellipsis


def _arrays_only(type_: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:  # noqa: ANN401
    """The hook of a ``tuple[X, ...]``: a JSON array, whose items are checked until too many are invalid."""
    item_type = get_args(type_)[0]
    item = converter.get_structure_hook(item_type)

    def structure(value: object, target: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _ValueProblemError(f"expected an array, got {_json_kind(value)}", value)
        # cattrs' own loop (each item's problems noted with its index), stopped after a few invalid items.
        items: list[Any] = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                items.append(item(element, item_type))
            except Exception as exc:  # noqa: BLE001 (cattrs collects any failure of an item the same way)
                note = IterableValidationNote(f"Structuring {target} @ index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
                if len(errors) == _MOST_INVALID_ITEMS and index + 1 < len(value):
                    rest = f"{len(value) - index - 1:,} items after index {index}"
                    msg = f"{_STOPPED} {len(errors)} invalid items: the {rest} are unchecked"
                    errors.append(_ValueProblemError(msg, None, code="too_many_errors"))
                    break
        if errors:
            raise IterableValidationError(f"While structuring {target!r}", errors, target)
        return tuple(items)

    return structure


def _objects_only(type_: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:  # noqa: ANN401
    """The hook of a model class: a JSON object (cattrs' own hook would fail on an array with "no attribute keys")."""
    inner = _keeping_data(converter.gen_structure_attrs_fromdict(type_))

    def structure(value: object, target: type) -> Any:  # noqa: ANN401 (the instance)
        if not isinstance(value, Mapping):
            raise _ValueProblemError(f"expected an object, got {_json_kind(value)}", value)
        return inner(value, target)

    return structure


def _keeping_data(hook: Callable[[Any, type], T]) -> Callable[[Any, type], T]:
    """*hook*, whose unknown-keys error keeps the object it was found in (to echo the values of the keys)."""

    def structure(value: Any, target: type) -> T:  # noqa: ANN401 (JSON data)
        try:
            return hook(value, target)
        except cattrs.ClassValidationError as exc:
            for found in exc.exceptions:
                if isinstance(found, ForbiddenExtraKeysError):
                    found.data = value  # type: ignore[attr-defined]
            raise

    return structure


def _make_converter() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True)
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(float, _number)
    converter.register_structure_hook(date, _iso_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum),
        _enum,
    )
    levels = _keeping_data(make_dict_structure_fn(LanguageLevels, converter, _cattrs_forbid_extra_keys=True))
    test_result = _keeping_data(make_dict_structure_fn(LanguageResult, converter, _cattrs_forbid_extra_keys=True))

    def language(value: object, _type: type) -> LanguageLevels:
        if not isinstance(value, Mapping):
            msg = f"expected an object (CLB/NCLC levels or a test result), got {_json_kind(value)}"
            raise _ValueProblemError(msg, value)
        if "test" not in value:
            return levels(value, LanguageLevels)
        # A test result in a factors file converts with the chart of its date.
        return levels_of(test_result(value, LanguageResult))

    converter.register_structure_hook(LanguageLevels, language)

    def language_result(value: object, _type: type) -> LanguageResult:
        if not isinstance(value, Mapping):
            raise _ValueProblemError(f"expected an object, got {_json_kind(value)}", value)
        structured = test_result(value, LanguageResult)
        # A test IRCC did not accept on its date, or a score impossible on the scale of its date, is rejected here,
        # with its path, as every other impossible value is (the model itself holds no rules to know it).
        levels_of(structured)
        return structured

    converter.register_structure_hook(LanguageResult, language_result)

    converter.register_structure_hook_factory(_is_homogeneous_tuple, _arrays_only)
    converter.register_structure_hook_factory(attrs.has, _objects_only)
    converter.register_structure_hook(datetime, _aware_datetime)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    return converter


def _aware_datetime(value: object, _type: type) -> datetime:
    # RFC 3339 date-time only: datetime.fromisoformat alone would also take a space for the T, hours alone, the basic
    # format or no time zone.
    example = "such as '2025-03-02T14:05:00Z' (RFC 3339, with seconds and a time zone)"
    if not isinstance(value, str):
        raise _wrong(f"an ISO date and time string {example}", value)
    if _DATE_TIME_WITHOUT_ZONE.fullmatch(value):
        message = f"must include a time zone, such as 'Z' for UTC (got {short_repr(value)})"
        raise _ValueProblemError(message, value, code="invalid_format")
    # 't' and 'z' are RFC 3339 too; fromisoformat wants them in capitals.
    parsed = _parsed(datetime.fromisoformat, value.upper()) if _DATE_TIME.fullmatch(value) else None
    if parsed is None:
        message = f"must be an ISO date and time {example} (got {short_repr(value)})"
        raise _ValueProblemError(message, value, code="invalid_format")
    if not EARLIEST_DATE <= parsed.date() <= LATEST_DATE:
        message = f"must be a date and time on a date {SUPPORTED_RANGE} (got {short_repr(value)})"
        raise _ValueProblemError(message, value, code="out_of_range")
    return parsed


_converter = _make_converter()


def _detail(exc: BaseException, path: str, type_: type | None) -> list[ErrorDetail]:  # noqa: PLR0911 (one per kind)
    """The records of one problem at *path*; crsrules' own words, where cattrs' would only say "invalid value"."""
    if isinstance(exc, InvalidValueError):
        # The value at fault: below the object by its path, or the object's field it names.
        below = exc.path or ((exc.field,) if exc.field.isidentifier() else ())
        where = path + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in below)
        return [ErrorDetail(path=where, code=exc.code, message=_shorten(str(exc)), value=short_repr(exc.value),
                            did_you_mean=exc.suggestions)]  # fmt: skip
    if isinstance(exc, _ValueProblemError):
        echo = None if exc.code == "too_many_errors" else short_repr(exc.value)
        return [ErrorDetail(path=path, code=exc.code, message=_shorten(str(exc)), value=echo,
                            did_you_mean=exc.suggestions)]  # fmt: skip
    if isinstance(exc, UnknownOccupationError):
        field = getattr(exc, "field", None)  # the field whose code was looked up (set by _validation.DigitCode)
        where = f"{path}.{field}" if isinstance(field, str) else path
        return [ErrorDetail(path=where, code="unknown_code", message=_shorten(str(exc)), value=short_repr(exc.code),
                            did_you_mean=exc.suggestions)]  # fmt: skip
    if isinstance(exc, CRSRulesError):
        return [ErrorDetail(path=path, code="not_allowed", message=_shorten(str(exc)))]
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_keys(exc, path)
    if isinstance(exc, KeyError) or (isinstance(exc, TypeError) and type_ is not None and "missing" in str(exc)):
        return [ErrorDetail(path=path, code="missing", message="required field missing")]
    return [ErrorDetail(path=path, code="not_allowed", message=_shorten(cattrs.v.format_exception(exc, type_)))]


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> list[ErrorDetail]:
    """A record per unknown key (maybe thousands, of any length, or not strings from Python): the first few only."""
    data = getattr(exc, "data", {})
    known = sorted(a.alias or a.name for a in attrs.fields(exc.cl) if a.init)
    names = {key if isinstance(key, str) else short_repr(key): key for key in exc.extra_fields}
    found = []
    for name in heapq.nsmallest(_EXTRA_KEYS_SHOWN, names):
        key = names[name]
        close = close_matches(key, known) if isinstance(key, str) else ()
        hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
        value = short_repr(data[key]) if key in data else None
        found.append(ErrorDetail(path=_key_path(path, key), code="unknown_key", message=f"unknown key{hint}",
                                 value=value, did_you_mean=close))  # fmt: skip
    more = len(exc.extra_fields) - len(found)
    if more:
        found.append(ErrorDetail(path=path, code="unknown_key", message=f"{more:,} more unknown keys (not listed)"))
    return found


def _key_path(path: str, key: object) -> str:
    """The JSON path of *key* in the object at *path*: ``$.name``, or ``$['a b']`` for a key that is not a name."""
    if isinstance(key, str) and key.isidentifier() and len(key) <= ECHO_LIMIT:
        return f"{path}.{key}"
    return f"{path}[{short_repr(key)}]"


def _shorten(problem: str) -> str:
    """*problem* with the value it echoes, ``(got ...)``, cut to ECHO_LIMIT characters; at most _LONGEST_PROBLEM."""
    # A hook may echo a value whole: the message is cut here, whatever the hook.
    found = problem.find("(got ")
    if found >= 0 and problem.endswith(")"):
        start = found + len("(got ")
        if len(problem) - 1 - start > ECHO_LIMIT:
            problem = f"{problem[: start + ECHO_LIMIT - 3]}...)"
    return problem if len(problem) <= _LONGEST_PROBLEM else f"{problem[: _LONGEST_PROBLEM - 3]}..."


def _problems(exc: BaseException, path: str = "$", type_: type | None = None) -> list[ErrorDetail]:
    """``cattrs.transform_error``, as records, and a crsrules error's own path (below the object that raised it).

    A validator that looks at several fields reports at the object, unless its error names the value at fault with
    a path: a job dated before the birth date is reported at ``$.jobs[0].start``.
    """
    if isinstance(exc, cattrs.IterableValidationError):
        at_index, without = exc.group_exceptions()
        found = [p for e, note in at_index for p in _problems(e, f"{path}[{note.index!r}]", note.type)]
        return found + [p for e in without for p in _problems(e, path)]
    if isinstance(exc, cattrs.ClassValidationError):
        at_field, without = exc.group_exceptions()
        found = [p for e, note in at_field for p in _problems(e, f"{path}.{note.name}", note.type)]
        return found + [p for e in without for p in _problems(e, path)]
    return _detail(exc, path, type_)


def _text(text: str | bytes, error: type[InvalidFactorsError]) -> object:
    """The JSON data in *text*, given to a loader; a problem is an *error*, with a hint if *text* looks like a name."""
    try:
        return parse_json(text, where=_TEXT)
    except InvalidJSONError as exc:
        (found,) = exc.errors
        start = text[:1_000].lstrip()[:1]
        if found.code == "not_json" and start not in {"{", b"{"}:  # such as a file name
            found = attrs.evolve(found, message=found.message + _TEXT_HINT)
        raise error([found]) from None


def _structure(data: object, cls: type[T], error: type[InvalidFactorsError]) -> T:
    if isinstance(data, str | bytes | bytearray):
        data = _text(data if isinstance(data, str) else bytes(data), error)
    if not isinstance(data, Mapping):
        hint = _TEXT_HINT if isinstance(data, os.PathLike) else ""
        message = f"expected an object, got {_json_kind(data)}{hint}"
        raise error([ErrorDetail(path="$", code="wrong_type", message=message, value=short_repr(data))])
    try:
        return _converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        problems = _problems(exc)
        # An array not checked to its end goes first: its other problems are too many to be all listed.
        problems.sort(key=lambda problem: problem.code != "too_many_errors")
        raise error(problems) from exc
    except CRSRulesError as exc:  # a validator of the top-level object itself, maybe naming the field at fault
        raise error(_problems(exc)) from exc


# What the loaders call text they are given, and how to give them a file.
_TEXT = "the JSON text"
_TEXT_HINT = (
    " (a str or bytes is read as the JSON text itself: to load a file, pass its contents, such as "
    "Path('candidate.json').read_text(), or json.load() it first)"
)


def load_factors(data: Mapping[str, Any] | str | bytes) -> Factors:
    """Build :class:`~crsrules.Factors` from JSON-like data, reporting every problem with its JSON path.

    *data* is a mapping, as ``json.load`` gives, or the JSON text itself, parsed with :func:`~crsrules.io.parse_json`.

    Raises:
        InvalidFactorsError: Wrong types, missing fields, unknown keys or values out of range, or text that is not
            JSON; all are listed, in :attr:`~crsrules.InvalidFactorsError.errors` as records.

    Example:
        >>> f = load_factors({"age": 29, "education": "bachelors",
        ...     "first_language": {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}})
        >>> f.education
        <Education.BACHELORS: 'bachelors'>
        >>> load_factors('{"age": 29, "education": "bachelors", "first_language": null}').age
        29

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *data* may be JSON text.
    """
    return _structure(data, Factors, InvalidFactorsError)


def dump_factors(factors: Factors) -> dict[str, Any]:
    """The JSON-ready form of *factors* (language as CLB/NCLC levels); :func:`load_factors` reads it back.

    .. versionadded:: 0.1.0
    """
    data: dict[str, Any] = _converter.unstructure(factors)
    return data


def load_candidate(data: Mapping[str, Any] | str | bytes) -> Candidate:
    """Build a :class:`~crsrules.Candidate` from JSON-like data, reporting every problem with its JSON path.

    *data* is a mapping, as ``json.load`` gives, or the JSON text itself, parsed with :func:`~crsrules.io.parse_json`.
    Dates are ISO strings (``"2025-03-02"``), the profile's submission time an ISO date and time with a time zone.

    Raises:
        InvalidCandidateError: Wrong types, missing fields, unknown keys, impossible values or dates (such as a job
            that ends before it starts), or text that is not JSON; all are listed, in
            :attr:`~crsrules.InvalidFactorsError.errors` as records.

    Example:
        >>> load_candidate('{"birth_date": "1990-05-17", "jobs": []}').birth_date
        datetime.date(1990, 5, 17)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *data* may be JSON text.
    """
    return _structure(data, Candidate, InvalidCandidateError)


# --- JSON text -----------------------------------------------------------------------------------------------------


def parse_json(text: str | bytes, *, where: str = _TEXT, max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Any:  # noqa: ANN401
    """Parse JSON text strictly, as the command line reads its files and the loaders read a ``str``.

    Stricter than ``json.loads``: bytes must be UTF-8, a key given twice in an object is an error (never a silent
    choice of one value), ``NaN`` and ``Infinity`` are not JSON numbers, and the text may be at most *max_bytes*
    bytes (UTF-8) long and nest at most :data:`MAX_DEPTH` levels deep. A number of more than 4,300 digits, which
    Python does not read, is an error too.

    Args:
        text: The JSON text, or its UTF-8 bytes.
        where: What to call the text in messages, such as a file name.
        max_bytes: The largest text read, in bytes.

    Raises:
        InvalidJSONError: The text cannot be read; its :attr:`~crsrules.InvalidJSONError.errors` says why.

    Example:
        >>> parse_json('{"age": 29, "age": 30}')
        Traceback (most recent call last):
        ...
        crsrules.errors.InvalidJSONError: the JSON text has the key 'age' twice @ $: give each key once

    .. versionadded:: 0.2.0
    """
    size = len(text) if isinstance(text, bytes | bytearray) or text.isascii() else len(text.encode(errors="replace"))
    if size > max_bytes:
        limit = f"the input size limit of {max_bytes:,} bytes"
        message = f"{where} is larger than {limit} (a candidate file is a few kilobytes)"
        raise InvalidJSONError(ErrorDetail(path="$", code="too_large", message=message))
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"cannot read {where}: not UTF-8 text (byte {exc.start:,} is {text[exc.start]:#04x})"
            raise InvalidJSONError(ErrorDetail(path="$", code="not_utf8", message=message)) from None
    return _parse(text, where)


class _NotJSONError(ValueError):
    """NaN or Infinity, which Python's json reads but JSON does not have."""


def _not_json(constant: str) -> NoReturn:
    raise _NotJSONError(constant)


class _Duplicated(dict[str, Any]):
    """A JSON object that has a key twice; :attr:`duplicate` is the first such key."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                self.duplicate = key
                return
            seen.add(key)


def _unreadable(code: ErrorCode, message: str) -> InvalidJSONError:
    return InvalidJSONError(ErrorDetail(path="$", code=code, message=message))


def _parse(text: str, where: str) -> Any:  # noqa: ANN401 (any JSON)
    """Parse *text* as JSON; a key twice, NaN, a number too long or nesting too deep is an error of *where*."""
    duplicated = False

    def object_(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        duplicated = True  # its path is looked for once the whole text is parsed
        return _Duplicated(pairs)

    too_deep = f"{where} is nested too deeply: no candidate or factors file nests more than {MAX_DEPTH} levels"
    try:
        data = json.loads(text, object_pairs_hook=object_, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        message = f"{where} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise _unreadable("not_json", message) from None
    except _NotJSONError as exc:
        raise _unreadable("not_json", f"{where} is not valid JSON: {exc} is not a JSON number") from None
    except ValueError:  # int() refuses a number of more than sys.get_int_max_str_digits() digits
        digits = sys.get_int_max_str_digits()
        found = re.search(rf"\d{{{digits + 1}}}", text)
        at = _line_and_column(text, found.start()) if found else ""
        message = f"{where} has a number of more than {digits:,} digits{at}: no candidate or factors file has one"
        raise _unreadable("too_large", message) from None
    except RecursionError:
        raise _unreadable("too_deep", too_deep) from None
    if _depth_over(data, MAX_DEPTH):
        raise _unreadable("too_deep", too_deep)
    found_twice = _first_duplicate(data) if duplicated else None
    if found_twice is not None:
        key, path = found_twice
        detail = ErrorDetail(path=path, code="duplicate_key", message=f"{where} has the key {short_repr(key)} twice: "
                             "give each key once", value=short_repr(key))  # fmt: skip
        raise InvalidJSONError(detail, f"{where} has the key {short_repr(key)} twice @ {path}: give each key once")
    return data


def _line_and_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return f" at line {line}, column {column}"


def _depth_over(data: object, limit: int) -> bool:
    """Whether *data* nests arrays and objects more than *limit* levels deep (iteratively: no recursion)."""
    if not isinstance(data, dict | list):
        return False
    stack: list[tuple[dict[str, Any] | list[Any], int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _first_duplicate(data: object) -> tuple[str, str] | None:
    """The first key given twice in an object of *data*, in document order, and the JSON path of that object."""
    stack: list[tuple[object, str]] = [(data, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _Duplicated):
            return value.duplicate, path
        if isinstance(value, dict):
            children = [(child, _key_path(path, key)) for key, child in value.items()]
        elif isinstance(value, list):
            children = [(child, f"{path}[{index}]") for index, child in enumerate(value)]
        else:
            continue
        stack.extend(reversed([c for c in children if isinstance(c[0], dict | list)]))
    return None


def dump_candidate(candidate: Candidate) -> dict[str, Any]:
    """The JSON-ready form of *candidate*; :func:`load_candidate` reads it back.

    .. versionadded:: 0.1.0
    """
    data: dict[str, Any] = _converter.unstructure(candidate)
    return data


def _keys(cls: type) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls) if a.init)


# The keys only one kind of file has, at the top level and in the spouse, to tell them apart without a birth_date.
_CANDIDATE_ONLY = _keys(Candidate) - _keys(Factors)
_FACTORS_ONLY = _keys(Factors) - _keys(Candidate)
_SPOUSE_ONLY = _keys(Spouse) - _keys(SpouseFactors)
_SPOUSE_FACTORS_ONLY = _keys(SpouseFactors) - _keys(Spouse)


def is_candidate_data(data: object) -> bool:
    """Whether JSON data is a candidate file rather than a factors file.

    A candidate file has a ``birth_date``. Without one, it is a candidate file whose birth date is missing if it has
    what only a candidate file has (``jobs``, ``credentials``, ``language_results``, a spouse with ``accompanying`` or
    ``jobs``, a certificate of qualification as an object, ...) and nothing only a factors file has (``age``,
    ``education``, ...).

    .. versionchanged:: 0.2.0
       A file without a ``birth_date`` but with the keys of a candidate file is a candidate file.
    """
    if not isinstance(data, Mapping):
        return False
    if "birth_date" in data:
        return True
    keys = set(data)
    spouse = data.get("spouse")
    spouse_keys = set(spouse) if isinstance(spouse, Mapping) else set()
    candidate = keys & _CANDIDATE_ONLY or spouse_keys & _SPOUSE_ONLY or isinstance(
        data.get("certificate_of_qualification"), Mapping
    )
    factors = keys & _FACTORS_ONLY or spouse_keys & _SPOUSE_FACTORS_ONLY or isinstance(
        data.get("certificate_of_qualification"), bool
    )
    return bool(candidate) and not factors
