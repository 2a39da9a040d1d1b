"""JSON in and out: a private cattrs converter that rejects unknown keys and reports every problem with its path.

Dates travel as ISO strings and enums as their string values. Numbers are strict: ``"30"`` or ``30.5`` is not an age.
A language can be given as CLB/NCLC levels or as a test result, which is converted on the way in::

    {"language": "english", "listening": 9, "reading": 8, "writing": 9, "speaking": 9}
    {"test": "ielts_general", "tested_on": "2025-03-02",
     "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from crsrules.candidate import Candidate, LanguageResult
from crsrules.errors import CRSRulesError, InvalidCandidateError, InvalidFactorsError, InvalidValueError
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


def _iso_date(value: object, _type: type) -> date:
    if not isinstance(value, str):
        raise _ValueProblemError(f"must be an ISO date string such as '2025-03-25' (got {value!r})")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise _ValueProblemError(f"must be an ISO date such as '2025-03-25' (got {value!r})") from None
    if len(value) != len("YYYY-MM-DD"):
        raise _ValueProblemError(f"must be an ISO date such as '2025-03-25' (got {value!r})")
    return parsed


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
    if not isinstance(value, str):
        raise _ValueProblemError(f"must be an ISO date and time string such as '2025-03-02T14:05:00Z' (got {value!r})")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        msg = f"must be an ISO date and time such as '2025-03-02T14:05:00Z' (got {value!r})"
        raise _ValueProblemError(msg) from None
    if parsed.tzinfo is None:
        raise _ValueProblemError(f"must include a time zone, such as 'Z' for UTC (got {value!r})")
    return parsed


_converter = _make_converter()


def _describe(exc: BaseException, type_: type | None) -> str:
    # Keep crsrules' own words; cattrs' default would only say "invalid value for type, expected X".
    if isinstance(exc, CRSRulesError):
        return str(exc)
    if isinstance(exc, TypeError) and type_ is not None and "missing" in str(exc):
        return "required field missing"
    return cattrs.v.format_exception(exc, type_)


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
        raise error([f"must be a JSON object (got {type(data).__name__}) @ $"])
    try:
        return _converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        raise error(_problems(exc)) from exc
    except CRSRulesError as exc:  # a validator of the top-level object itself
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


def is_candidate_data(data: object) -> bool:
    """Whether JSON data looks like a candidate file (it has a ``birth_date``) rather than a factors file."""
    return isinstance(data, Mapping) and "birth_date" in data
