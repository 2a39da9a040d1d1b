"""JSON in and out: a private cattrs converter that rejects unknown keys and reports every problem with its path.

Dates travel as RFC 3339 strings (``"2025-03-02"``; a date and time ``"2025-03-02T14:05:00Z"``, with a time zone),
from 1900-01-01 to 2199-12-31, and enums as their string values. Numbers are strict: ``"30"`` or ``30.5`` is not an
age, but ``30.0`` is: as in JSON Schema, a number is a whole number when it has no fractional part, however it is
written. The JSON Schema of :mod:`crsrules.schema` accepts exactly what these loaders accept, but for a few rules
between fields that a schema cannot state (it lists them).

A language can be given as CLB/NCLC levels or as a test result, which is converted on the way in::

    {"language": "english", "listening": 9, "reading": 8, "writing": 9, "speaking": 9}
    {"test": "ielts_general", "tested_on": "2025-03-02",
     "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0}
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

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
    InvalidCandidateError,
    InvalidFactorsError,
    InvalidValueError,
    short_repr,
)
from crsrules.language import levels as levels_of
from crsrules.model import Factors, LanguageLevels, SpouseFactors

__all__ = ["dump_candidate", "dump_factors", "load_candidate", "load_factors"]

T = TypeVar("T")

# An array with more invalid items than this is not checked further: its problems are not listed one by one, so that
# a hostile file is rejected fast with a bounded message.
_MOST_INVALID_ITEMS = PROBLEMS_SHOWN
# The start of the problem that says an array was not checked to its end, listed first.
_STOPPED = "checking stopped at"
# A problem longer than this is cut (an enum's choices make the longest useful ones, about 300 characters).
_LONGEST_PROBLEM = 500
# At most this many unknown keys are named; the others are counted.
_EXTRA_KEYS_SHOWN = 5


class _ValueProblemError(CRSRulesError, ValueError):
    """A JSON value of the wrong kind (its path is added by cattrs)."""


def _strict(kind: type, allowed: str) -> Callable[[object, type], Any]:
    def structure(value: object, _type: type) -> Any:  # noqa: ANN401 (the checked value)
        if type(value) is bool and kind is not bool:
            raise _ValueProblemError(f"must be {allowed} (got {short_repr(value)})")
        if kind is int and type(value) is float and value.is_integer():
            # JSON Schema's rule: 30.0 is the whole number 30 (JSON does not tell the two spellings apart).
            return int(value)
        if not isinstance(value, kind):
            raise _ValueProblemError(f"must be {allowed} (got {short_repr(value)})")
        return value

    return structure


def _number(value: object, _type: type) -> float:
    if type(value) is bool or not isinstance(value, int | float):
        raise _ValueProblemError(f"must be a number (got {short_repr(value)})")
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
        choices = ", ".join(repr(m.value) for m in type_)
        raise _ValueProblemError(f"must be one of {choices} (got {short_repr(value)})") from None


_FULL_DATE = re.compile(RFC3339_FULL_DATE)
_DATE_TIME = re.compile(RFC3339_FULL_DATE + RFC3339_TIME + RFC3339_OFFSET)
_DATE_TIME_WITHOUT_ZONE = re.compile(RFC3339_FULL_DATE + RFC3339_TIME)


def _iso_date(value: object, _type: type) -> date:
    # RFC 3339 full-date only: date.fromisoformat alone would also take '19910903' or the week date '1991-W36-2'.
    if not isinstance(value, str):
        raise _ValueProblemError(f"must be an ISO date string such as '2025-03-25' (got {short_repr(value)})")
    parsed = _parsed(date.fromisoformat, value) if _FULL_DATE.fullmatch(value) else None
    if parsed is None:
        raise _ValueProblemError(f"must be an ISO date such as '2025-03-25' (got {short_repr(value)})")
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise _ValueProblemError(f"must be a date {SUPPORTED_RANGE} (got {short_repr(value)})")
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
            raise _ValueProblemError(f"expected an array, got {_json_kind(value)}")
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
                    errors.append(_ValueProblemError(msg))
                    break
        if errors:
            raise IterableValidationError(f"While structuring {target!r}", errors, target)
        return tuple(items)

    return structure


def _objects_only(type_: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:  # noqa: ANN401
    """The hook of a model class: a JSON object (cattrs' own hook would fail on an array with "no attribute keys")."""
    inner = converter.gen_structure_attrs_fromdict(type_)

    def structure(value: object, target: type) -> Any:  # noqa: ANN401 (the instance)
        if not isinstance(value, Mapping):
            raise _ValueProblemError(f"expected an object, got {_json_kind(value)}")
        return inner(value, target)

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
    levels = make_dict_structure_fn(LanguageLevels, converter, _cattrs_forbid_extra_keys=True)
    test_result = make_dict_structure_fn(LanguageResult, converter, _cattrs_forbid_extra_keys=True)

    def language(value: object, _type: type) -> LanguageLevels:
        if not isinstance(value, Mapping):
            msg = f"expected an object (CLB/NCLC levels or a test result), got {_json_kind(value)}"
            raise _ValueProblemError(msg)
        if "test" not in value:
            return levels(value, LanguageLevels)
        # A test result in a factors file converts with the chart of its date.
        return levels_of(test_result(value, LanguageResult))

    converter.register_structure_hook(LanguageLevels, language)

    def language_result(value: object, _type: type) -> LanguageResult:
        if not isinstance(value, Mapping):
            raise _ValueProblemError(f"expected an object, got {_json_kind(value)}")
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
        raise _ValueProblemError(f"must be an ISO date and time string {example} (got {short_repr(value)})")
    if _DATE_TIME_WITHOUT_ZONE.fullmatch(value):
        raise _ValueProblemError(f"must include a time zone, such as 'Z' for UTC (got {short_repr(value)})")
    # 't' and 'z' are RFC 3339 too; fromisoformat wants them in capitals.
    parsed = _parsed(datetime.fromisoformat, value.upper()) if _DATE_TIME.fullmatch(value) else None
    if parsed is None:
        raise _ValueProblemError(f"must be an ISO date and time {example} (got {short_repr(value)})")
    if not EARLIEST_DATE <= parsed.date() <= LATEST_DATE:
        raise _ValueProblemError(f"must be a date and time on a date {SUPPORTED_RANGE} (got {short_repr(value)})")
    return parsed


_converter = _make_converter()


def _describe(exc: BaseException, type_: type | None) -> str:
    # Keep crsrules' own words; cattrs' default would only say "invalid value for type, expected X".
    if isinstance(exc, CRSRulesError):
        return _shorten(str(exc))
    if isinstance(exc, TypeError) and type_ is not None and "missing" in str(exc):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):  # maybe thousands of keys, of any length (or not strings, from Python)
        names = (key if isinstance(key, str) else short_repr(key) for key in exc.extra_fields)
        shown = [name if len(name) <= ECHO_LIMIT else f"{name[: ECHO_LIMIT - 3]}..."
                 for name in heapq.nsmallest(_EXTRA_KEYS_SHOWN, names)]  # fmt: skip
        more = len(exc.extra_fields) - len(shown)
        return f"extra fields found ({', '.join(shown)}{f' and {more:,} more' if more else ''})"
    return _shorten(cattrs.v.format_exception(exc, type_))


def _shorten(problem: str) -> str:
    """*problem* with the value it echoes, ``(got ...)``, cut to ECHO_LIMIT characters; at most _LONGEST_PROBLEM."""
    # A hook may echo a value whole: the message is cut here, whatever the hook.
    found = problem.find("(got ")
    if found >= 0 and problem.endswith(")"):
        start = found + len("(got ")
        if len(problem) - 1 - start > ECHO_LIMIT:
            problem = f"{problem[: start + ECHO_LIMIT - 3]}...)"
    return problem if len(problem) <= _LONGEST_PROBLEM else f"{problem[: _LONGEST_PROBLEM - 3]}..."


def _problems(exc: BaseException, path: str = "$", type_: type | None = None) -> list[str]:
    """``cattrs.transform_error``, but a crsrules error's own path (below the object that raised it) is added.

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
    below = exc.path if isinstance(exc, InvalidValueError) else ()
    return [f"{_describe(exc, type_)} @ {path}" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in below)]


def _structure(data: object, cls: type[T], error: type[InvalidFactorsError]) -> T:
    if not isinstance(data, Mapping):
        raise error([f"expected an object, got {_json_kind(data)} @ $"])
    try:
        return _converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        problems = _problems(exc)
        # An array not checked to its end goes first: its other problems are too many to be all listed.
        problems.sort(key=lambda problem: not problem.startswith(_STOPPED))
        raise error(problems) from exc
    except CRSRulesError as exc:  # a validator of the top-level object itself, maybe naming the field at fault
        raise error(_problems(exc)) from exc


def load_factors(data: Mapping[str, Any]) -> Factors:
    """Build :class:`~crsrules.Factors` from JSON-like data, reporting every problem with its JSON path.

    Raises:
        InvalidFactorsError: Wrong types, missing fields, unknown keys or values out of range; all are listed.

    Example:
        >>> f = load_factors({"age": 29, "education": "bachelors",
        ...     "first_language": {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}})
        >>> f.education
        <Education.BACHELORS: 'bachelors'>

    .. versionadded:: 0.1.0
    """
    return _structure(data, Factors, InvalidFactorsError)


def dump_factors(factors: Factors) -> dict[str, Any]:
    """The JSON-ready form of *factors* (language as CLB/NCLC levels); :func:`load_factors` reads it back.

    .. versionadded:: 0.1.0
    """
    data: dict[str, Any] = _converter.unstructure(factors)
    return data


def load_candidate(data: Mapping[str, Any]) -> Candidate:
    """Build a :class:`~crsrules.Candidate` from JSON-like data, reporting every problem with its JSON path.

    Dates are ISO strings (``"2025-03-02"``), the profile's submission time an ISO date and time with a time zone.

    Raises:
        InvalidCandidateError: Wrong types, missing fields, unknown keys, impossible values or dates (such as a job
            that ends before it starts); all are listed.

    .. versionadded:: 0.1.0
    """
    return _structure(data, Candidate, InvalidCandidateError)


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
