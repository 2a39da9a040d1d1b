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

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from crsrules._validation import EARLIEST_DATE, LATEST_DATE, RFC3339_FULL_DATE, RFC3339_OFFSET, RFC3339_TIME
from crsrules.candidate import Candidate, LanguageResult
from crsrules.errors import CRSRulesError, InvalidCandidateError, InvalidFactorsError
from crsrules.language import levels as levels_of
from crsrules.model import Factors, LanguageLevels

__all__ = ["dump_candidate", "dump_factors", "load_candidate", "load_factors"]

T = TypeVar("T")


class _ValueProblemError(CRSRulesError, ValueError):
    """A JSON value of the wrong kind (its path is added by cattrs)."""


def _strict(kind: type, allowed: str) -> Callable[[object, type], Any]:
    def structure(value: object, _type: type) -> Any:  # noqa: ANN401 (the checked value)
        if type(value) is bool and kind is not bool:
            raise _ValueProblemError(f"must be {allowed} (got {value!r})")
        if kind is int and type(value) is float and value.is_integer():
            # JSON Schema's rule: 30.0 is the whole number 30 (JSON does not tell the two spellings apart).
            return int(value)
        if not isinstance(value, kind):
            raise _ValueProblemError(f"must be {allowed} (got {value!r})")
        return value

    return structure


def _number(value: object, _type: type) -> float:
    if type(value) is bool or not isinstance(value, int | float):
        raise _ValueProblemError(f"must be a number (got {value!r})")
    return value


def _enum(value: object, type_: type[Enum]) -> Enum:
    try:
        return type_(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in type_)
        raise _ValueProblemError(f"must be one of {choices} (got {value!r})") from None


_FULL_DATE = re.compile(RFC3339_FULL_DATE)
_DATE_TIME = re.compile(RFC3339_FULL_DATE + RFC3339_TIME + RFC3339_OFFSET)
_DATE_TIME_WITHOUT_ZONE = re.compile(RFC3339_FULL_DATE + RFC3339_TIME)
_DATE_RANGE = f"from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"


def _iso_date(value: object, _type: type) -> date:
    # RFC 3339 full-date only: date.fromisoformat alone would also take '19910903' or the week date '1991-W36-2'.
    if not isinstance(value, str):
        raise _ValueProblemError(f"must be an ISO date string such as '2025-03-25' (got {value!r})")
    parsed = _parsed(date.fromisoformat, value) if _FULL_DATE.fullmatch(value) else None
    if parsed is None:
        raise _ValueProblemError(f"must be an ISO date such as '2025-03-25' (got {value!r})")
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise _ValueProblemError(f"must be a date {_DATE_RANGE} (got {value!r})")
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
            raise _ValueProblemError(f"must be an object of CLB/NCLC levels or a test result (got {value!r})")
        if "test" not in value:
            return levels(value, LanguageLevels)
        # A test result in a factors file converts with the chart of its date.
        return levels_of(test_result(value, LanguageResult))

    converter.register_structure_hook(LanguageLevels, language)

    def language_result(value: object, _type: type) -> LanguageResult:
        if not isinstance(value, Mapping):
            raise _ValueProblemError(f"must be a JSON object (got {type(value).__name__})")
        structured = test_result(value, LanguageResult)
        # A test IRCC did not accept on its date, or a score impossible on the scale of its date, is rejected here,
        # with its path, as every other impossible value is (the model itself holds no rules to know it).
        levels_of(structured)
        return structured

    converter.register_structure_hook(LanguageResult, language_result)

    def arrays_only(type_: Any) -> Callable[[object, type], Any]:  # noqa: ANN401 (any tuple type)
        inner = homogenous_tuple_structure_factory(type_, converter)

        def structure(value: object, target: type) -> Any:  # noqa: ANN401 (the tuple)
            if not isinstance(value, list):
                raise _ValueProblemError(f"must be a JSON array (got {type(value).__name__})")
            return inner(value, target)

        return structure

    converter.register_structure_hook_factory(
        _is_homogeneous_tuple,
        arrays_only,
    )
    converter.register_structure_hook(datetime, _aware_datetime)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    return converter


def _aware_datetime(value: object, _type: type) -> datetime:
    # RFC 3339 date-time only: datetime.fromisoformat alone would also take a space for the T, hours alone, the basic
    # format or no time zone.
    example = "such as '2025-03-02T14:05:00Z' (RFC 3339, with seconds and a time zone)"
    if not isinstance(value, str):
        raise _ValueProblemError(f"must be an ISO date and time string {example} (got {value!r})")
    if _DATE_TIME_WITHOUT_ZONE.fullmatch(value):
        raise _ValueProblemError(f"must include a time zone, such as 'Z' for UTC (got {value!r})")
    # 't' and 'z' are RFC 3339 too; fromisoformat wants them in capitals.
    parsed = _parsed(datetime.fromisoformat, value.upper()) if _DATE_TIME.fullmatch(value) else None
    if parsed is None:
        raise _ValueProblemError(f"must be an ISO date and time {example} (got {value!r})")
    if not EARLIEST_DATE <= parsed.date() <= LATEST_DATE:
        raise _ValueProblemError(f"must be a date and time {_DATE_RANGE} (got {value!r})")
    return parsed


_converter = _make_converter()


def _describe(exc: BaseException, type_: type | None) -> str:
    # Keep crsrules' own words; cattrs' default would only say "invalid value for type, expected X".
    if isinstance(exc, CRSRulesError):
        return str(exc)
    if isinstance(exc, TypeError) and type_ is not None and "missing" in str(exc):
        return "required field missing"
    return cattrs.v.format_exception(exc, type_)


def _structure(data: object, cls: type[T], error: type[InvalidFactorsError]) -> T:
    if not isinstance(data, Mapping):
        raise error([f"must be a JSON object (got {type(data).__name__}) @ $"])
    try:
        return _converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        raise error(cattrs.transform_error(exc, format_exception=_describe)) from exc
    except CRSRulesError as exc:  # a validator that looks at several fields: the whole object is at fault
        raise error([f"{exc} @ $"]) from exc


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


def is_candidate_data(data: object) -> bool:
    """Whether JSON data looks like a candidate file (it has a ``birth_date``) rather than a factors file."""
    return isinstance(data, Mapping) and "birth_date" in data
