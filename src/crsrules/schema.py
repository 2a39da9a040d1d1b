r"""JSON Schemas (draft 2020-12) for candidate and factors files, generated from the model and its validators.

A schema accepts exactly the files that :func:`crsrules.load_candidate` and :func:`crsrules.load_factors` accept,
but for a few rules between fields that JSON Schema cannot state (listed below). Nothing is written twice: the
schemas are derived by walking the classes' fields and type hints, and the limits come from the field validators'
own data (:mod:`crsrules._validation`), the tests' scales (:mod:`crsrules.language_tests`) and the newest policy
version's language rules, so they follow the model and the rules as they change.

- ``int`` is an integer, ``float`` a number, ``bool`` a boolean, ``str`` a string, an enum its values, ``X | None``
  either X or null, ``tuple[X, ...]`` an array and each nested class a ``$defs`` entry. Fields without a default are
  required and unknown keys are not allowed.
- As in JSON Schema, a number without a fractional part is an integer however it is written: ``30.0`` is an age, and
  the loaders read it as ``30``.
- Ranges (``minimum``, ``maximum``), enums and code patterns are the validators' (NOC 2021 codes are the known unit
  groups; NOC 2016 codes four digits).
- A date is an RFC 3339 ``full-date`` and a date and time an RFC 3339 ``date-time`` (``T`` or ``t``, seconds, an
  optional fraction, ``Z``, ``z`` or an offset), from 1900-01-01 to 2199-12-31. The ``pattern`` states the form and
  the range, the ``format`` the calendar (validate with format assertion on to reject ``2023-02-29``). Patterns end
  with ``$(?!\n)``: in ECMA-262 ``$`` ends the text, but Python's ``re`` (used by the ``jsonschema`` package) also
  matches it before a final newline.
- A language test result is one of the tests IRCC accepts, with the scores possible on its scale (``multipleOf``
  gives IELTS half bands) and a test date on or after the test was accepted. A TEF Canada result gives its scale, or
  the scale follows the test date.
- The rules between fields that a schema can state are ``if``/``then`` clauses: a spouse only when married or
  common-law, no ECA for a Canadian credential, a NOC 2016 code alone only for work that ended before 2022-11-16, a
  second language only after a first and in the other official language, a Canadian credential no higher than the
  education level.

What a schema cannot state is an order between two dates of one file: a job that ends before it starts, a
credential completed before its program started, an offer that ends before it is made. The loaders reject those.

Example:
    >>> schema = candidate_schema()
    >>> schema["required"]
    ['birth_date']
    >>> schema["properties"]["birth_date"]
    {'$ref': '#/$defs/Date', 'description': "The candidate's date of birth: the age on any date follows from it."}
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

import attrs

from crsrules._validation import (
    EARLIEST_DATE,
    LATEST_DATE,
    RFC3339_OFFSET,
    RFC3339_TIME,
    DigitCode,
    MemberOf,
    NumberRange,
    WholeNumber,
)
from crsrules.candidate import Candidate, Credential, Job, JobOffer, LanguageResult, MaritalStatus
from crsrules.language_tests import ABILITIES, LanguageTest, Scale, TefScale, scale
from crsrules.model import CanadianEducation, Education, Factors, LanguageLevels, OfficialLanguage
from crsrules.occupations import NOC_2021_IN_USE_FROM, all_occupations, occupation
from crsrules.rules import available_rulesets

__all__ = ["candidate_schema", "factors_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def candidate_schema() -> dict[str, Any]:
    """The JSON Schema of a candidate file, as :func:`crsrules.load_candidate` reads it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Ranges, code patterns, test scales, RFC 3339 dates and the rules between fields that a schema can state.
    """
    return _root(Candidate, "crsrules candidate")


def factors_schema() -> dict[str, Any]:
    """The JSON Schema of a factors file, as :func:`crsrules.load_factors` reads it.

    Each set of CLB/NCLC levels may be given as the levels or as a language test result.

    Example:
        >>> levels = factors_schema()["properties"]["first_language"]["anyOf"][0]
        >>> [form["$ref"] for form in levels["oneOf"]]
        ['#/$defs/LanguageLevels', '#/$defs/LanguageResult']

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Ranges, code patterns, test scales, RFC 3339 dates and the rules between fields that a schema can state.
    """
    return _root(Factors, "crsrules factors")


def _root(cls: type, title: str) -> dict[str, Any]:
    walker = _Walker()
    body = walker.of_class(cls)
    schema: dict[str, Any] = {"$schema": _DRAFT, "title": title, **body}
    if walker.defs:
        schema["$defs"] = dict(sorted(walker.defs.items()))
    return schema


# --- patterns ---------------------------------------------------------------------------------------------------------


def _anchored(body: str) -> str:
    """A pattern that matches exactly *body*, in ECMA-262 and in Python's ``re`` alike (see the module docstring)."""
    return f"^{body}$(?!\\n)"


def _span(low: str, high: str) -> str:
    """A regex for the digit strings as long as *low* from *low* to *high* (both included)."""
    if low == high:
        return low
    rest = len(low) - 1
    if low[0] == high[0]:
        return low[0] + _span(low[1:], high[1:])
    first, last = int(low[0]), int(high[0])
    # The leading digits whose every continuation is in the range, and the partial ones at either end.
    full_from = first if low[1:] == "0" * rest else first + 1
    full_to = last if high[1:] == "9" * rest else last - 1
    parts = []
    if full_from > first:
        parts.append(low[0] + _span(low[1:], "9" * rest))
    if full_from <= full_to:
        digits = str(full_from) if full_from == full_to else f"[{full_from}-{full_to}]"
        parts.append(_repeat("[0-9]", rest + 1) if digits == "[0-9]" else digits + _repeat("[0-9]", rest))
    if full_to < last:
        parts.append(high[0] + _span("0" * rest, high[1:]))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _repeat(one: str, times: int) -> str:
    return "" if times == 0 else one if times == 1 else f"{one}{{{times}}}"


def _numbers(low: int, high: int, width: int) -> str:
    """A regex for the numbers *low* to *high* written with *width* digits."""
    return _span(f"{low:0{width}d}", f"{high:0{width}d}")


def _month_days(first: tuple[int, int], last: tuple[int, int]) -> str:
    """A regex for ``MM-DD`` from *first* to *last* (month, day) of one year; days run to 31 in every month."""
    (m1, d1), (m2, d2) = first, last
    if m1 == m2:
        return f"{m1:02d}-{_numbers(d1, d2, 2)}"
    if (d1, d2) == (1, 31):
        return f"{_numbers(m1, m2, 2)}-{_numbers(1, 31, 2)}"
    parts = [f"{m1:02d}-{_numbers(d1, 31, 2)}"]
    if m2 - m1 > 1:
        parts.append(f"{_numbers(m1 + 1, m2 - 1, 2)}-{_numbers(1, 31, 2)}")
    parts.append(f"{m2:02d}-{_numbers(1, d2, 2)}")
    return "(?:" + "|".join(parts) + ")"


def _dates(low: date, high: date) -> str:
    """A regex for the ``YYYY-MM-DD`` days from *low* to *high*; which days a month has is left to ``format``."""
    if low.year == high.year:
        return f"{low.year:04d}-{_month_days((low.month, low.day), (high.month, high.day))}"
    first_full = low.year if (low.month, low.day) == (1, 1) else low.year + 1
    last_full = high.year if (high.month, high.day) == (12, 31) else high.year - 1
    parts = []
    if first_full > low.year:
        parts.append(f"{low.year:04d}-{_month_days((low.month, low.day), (12, 31))}")
    if first_full <= last_full:
        parts.append(f"{_numbers(first_full, last_full, 4)}-{_month_days((1, 1), (12, 31))}")
    if last_full < high.year:
        parts.append(f"{high.year:04d}-{_month_days((1, 1), (high.month, high.day))}")
    return "(?:" + "|".join(parts) + ")"


def _date_schema(low: date = EARLIEST_DATE, high: date = LATEST_DATE) -> dict[str, Any]:
    """An RFC 3339 full-date from *low* to *high*."""
    return {"type": "string", "format": "date", "pattern": _anchored(_dates(max(low, EARLIEST_DATE), high))}


_DATE_DEF = {
    **_date_schema(),
    "description": f"A day, YYYY-MM-DD (RFC 3339 full-date), from {EARLIEST_DATE} to {LATEST_DATE}.",
}
_DATE_TIME_DEF = {
    "type": "string",
    "format": "date-time",
    "pattern": _anchored(_dates(EARLIEST_DATE, LATEST_DATE) + RFC3339_TIME + RFC3339_OFFSET),
    "description": (
        "A date and time, RFC 3339, such as 2025-03-02T14:05:00Z: T or t, seconds, an optional fraction (read to "
        f"the microsecond), and Z, z or an offset such as -05:00; the day from {EARLIEST_DATE} to {LATEST_DATE}."
    ),
}

# Codes that a validator looks up, by lookup: the ``$defs`` entry that lists them, and the list.
_KNOWN_CODES: dict[Callable[[str], object], tuple[str, str, Callable[[], list[str]]]] = {
    occupation: (
        "Noc2021Code",
        "A NOC 2021 unit group: one of the five-digit codes of NOC 2021 V1.0.",
        lambda: [o.code for o in all_occupations()],
    ),
}


# --- the walk ---------------------------------------------------------------------------------------------------------


def _validators(validator: object) -> tuple[object, ...]:
    """The validators of a field, one by one (attrs joins a list of them in one ``and_`` validator)."""
    if validator is None:
        return ()
    return tuple(getattr(validator, "_validators", (validator,)))


class _Walker:
    """Turns attrs classes into schemas, collecting nested classes under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of_class(self, cls: type) -> dict[str, Any]:
        """The schema of one attrs class: its init fields as properties, and the rules between them."""
        hints = typing.get_type_hints(cls)
        comments = _comments(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(cls):
            if not a.init:  # derived values (LanguageResult.levels) are never read in
                continue
            name = a.alias or a.name
            prop = self.hint(hints[a.name], _validators(a.validator))
            description = comments.get(a.name)
            if description:
                prop["description"] = description
            if a.default is attrs.NOTHING:
                required.append(name)
            else:
                default = _json_default(a.default)
                if default is not _NO_DEFAULT:
                    prop["default"] = default
            properties[name] = prop
        schema: dict[str, Any] = {"type": "object"}
        summary = _summary(cls)
        if summary:
            schema["description"] = summary
        schema["properties"] = properties
        schema["required"] = required
        schema["additionalProperties"] = False
        if cls is LanguageResult:
            schema["oneOf"] = _result_forms()
        relations = _RELATIONS.get(cls)
        if relations:
            schema["allOf"] = relations(self)
        return schema

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the ``$defs`` entry of *cls*, made on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, in case a class refers to itself
            self.defs[name] = self.of_class(cls)
        return {"$ref": f"#/$defs/{name}"}

    def define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """A reference to the ``$defs`` entry *name*, holding *schema*."""
        self.defs.setdefault(name, schema)
        return {"$ref": f"#/$defs/{name}"}

    def hint(self, hint: Any, checks: Iterable[object] = ()) -> dict[str, Any]:  # noqa: ANN401 (any type hint)
        """The schema of a value of type *hint*, with the limits of the validators *checks*."""
        origin = typing.get_origin(hint)
        if origin in {types.UnionType, typing.Union}:
            options = [self.hint(arg, checks) for arg in typing.get_args(hint) if arg is not type(None)]
            if type(None) in typing.get_args(hint):
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple:
            args = typing.get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.hint(args[0])}
            return {"type": "array", "prefixItems": [self.hint(arg) for arg in args], "items": False}
        if hint is LanguageLevels:
            # io's converter reads levels either as levels or as a test result, converted on the way in.
            return {"oneOf": [self.ref(LanguageLevels), self.ref(LanguageResult)]}
        if isinstance(hint, type):
            return self.plain(hint, checks)
        msg = f"no JSON Schema for the type hint {hint!r}"
        raise TypeError(msg)

    def plain(self, cls: type, checks: Iterable[object] = ()) -> dict[str, Any]:  # noqa: PLR0911 (a return per kind)
        """The schema of a value of class *cls* (not a union or a tuple), with the limits of *checks*."""
        if attrs.has(cls):
            return self.ref(cls)
        if issubclass(cls, Enum):
            values = [member.value for member in cls]
            kind = {"type": "string"} if all(isinstance(v, str) for v in values) else {}
            return _limited({**kind, "enum": values}, checks)
        if issubclass(cls, datetime):  # before date: a datetime is a date
            return self.define("DateTime", _DATE_TIME_DEF)
        if issubclass(cls, date):
            return self.define("Date", _DATE_DEF)
        if issubclass(cls, bool):  # before int: a bool is an int
            return {"type": "boolean"}
        if issubclass(cls, str):
            known = [c for c in checks if isinstance(c, DigitCode) and c.known is not None]
            if known:
                return self.known_codes(known[0])
        for python, json_type in ((int, "integer"), (float, "number"), (str, "string")):
            if issubclass(cls, python):
                return _limited({"type": json_type}, checks)
        msg = f"no JSON Schema for the type {cls.__qualname__}"
        raise TypeError(msg)

    def known_codes(self, check: DigitCode) -> dict[str, Any]:
        """A reference to the list of the codes *check* knows."""
        if check.known not in _KNOWN_CODES:
            msg = f"no JSON Schema for the codes {check.allowed!r}: add their list to _KNOWN_CODES"
            raise TypeError(msg)
        name, description, codes = _KNOWN_CODES[check.known]
        return self.define(name, {"type": "string", "enum": codes(), "description": description})


def _limited(schema: dict[str, Any], checks: Iterable[object]) -> dict[str, Any]:
    """*schema* with the limits of the validators *checks* (the others say nothing a schema does not)."""
    for check in checks:
        if isinstance(check, WholeNumber):
            schema |= {"minimum": check.low, "maximum": check.high}
        elif isinstance(check, NumberRange):
            schema |= {"exclusiveMinimum" if check.low_exclusive else "minimum": check.low, "maximum": check.high}
        elif isinstance(check, DigitCode):
            schema |= {"pattern": _anchored(f"[0-9]{{{check.digits}}}")}
        elif isinstance(check, MemberOf) and check.among is not None:
            schema["enum"] = [m.value for m in check.members]
    return schema


# --- language test results --------------------------------------------------------------------------------------------


def _score(one: Scale) -> dict[str, Any]:
    """The possible results of one ability of one test, as its :class:`~crsrules.language_tests.Scale` has them."""
    if one.low % one.step:  # multipleOf counts steps from 0, a Scale from its low end
        msg = f"no JSON Schema for a scale whose steps do not start at a multiple of the step: {one.allowed}"
        raise TypeError(msg)
    return {"type": "number", "minimum": one.low, "maximum": one.high, "multipleOf": one.step}


def _result_form(
    test: LanguageTest, tested_on: dict[str, Any], tef_scale: TefScale | None, title: str
) -> dict[str, Any]:
    """One form of a test result: the test, its dates, the scale's scores and the ``tef_scale`` given."""
    properties: dict[str, Any] = {"test": {"const": test.value}, "tested_on": tested_on}
    for ability in ABILITIES:
        properties[ability] = _score(scale(test, ability, tef_scale=tef_scale))
    form: dict[str, Any] = {"title": title, "properties": properties}
    return form


def _result_forms() -> list[dict[str, Any]]:
    """The forms of a test result the loaders accept, under the newest policy version (which they apply).

    Each test counts from the date IRCC accepted it; a TEF Canada result without a ``tef_scale`` is on the scale of
    its test date's chart.
    """
    found = available_rulesets()[-1].language
    forms = []
    for test in LanguageTest:
        first = found.accepted_from.get(test)
        if first is None or first > LATEST_DATE:
            continue
        if test is not LanguageTest.TEF_CANADA:
            form = _result_form(test, _date_schema(first), None, test.label)
            form["properties"]["tef_scale"] = {"type": "null"}
            forms.append(form)
            continue
        for tef_scale in found.tef_charts:
            form = _result_form(test, _date_schema(first), tef_scale, f"{test.label}, tef_scale {tef_scale.value!r}")
            form["properties"]["tef_scale"] = {"const": tef_scale.value}
            form["required"] = ["tef_scale"]
            forms.append(form)
        epochs = found.tef_epochs
        for i, (start, tef_scale) in enumerate(epochs):
            until = epochs[i + 1][0] - timedelta(days=1) if i + 1 < len(epochs) else LATEST_DATE
            since = max(start, first)
            if since > until:
                continue
            title = f"{test.label} without tef_scale, tested {since} to {until} ({tef_scale.value!r})"
            form = _result_form(test, _date_schema(since, until), tef_scale, title)
            form["properties"]["tef_scale"] = {"type": "null"}
            forms.append(form)
    return forms


# --- rules between fields ---------------------------------------------------------------------------------------------


def _in_language(language: OfficialLanguage) -> dict[str, Any]:
    """Levels in *language*, or a result of a test of *language*."""
    tests = [t.value for t in LanguageTest if t.language is language]
    return {
        "type": "object",
        "anyOf": [
            {"properties": {"language": {"const": language.value}}, "required": ["language"]},
            {"properties": {"test": {"enum": tests}}, "required": ["test"]},
        ],
    }


def _factors_relations(_walker: _Walker) -> list[dict[str, Any]]:
    # model._other_language: a second language needs a first, in the other official language.
    found: list[dict[str, Any]] = [
        {
            "if": {"properties": {"first_language": {"type": "null"}}},
            "then": {"properties": {"second_language": {"type": "null"}}},
        }
    ]
    found += [
        {
            "if": {"properties": {"first_language": _in_language(language)}},
            "then": {"properties": {"second_language": {"not": _in_language(language)}}},
        }
        for language in OfficialLanguage
    ]
    # model._within_education: a Canadian credential no higher than the education level.
    by_allowed: dict[tuple[CanadianEducation, ...], list[Education]] = {}
    for level in Education:
        allowed = tuple(c for c in CanadianEducation if level.rank >= c.minimum_education.rank)
        if allowed != tuple(CanadianEducation):
            by_allowed.setdefault(allowed, []).append(level)
    found += [
        {
            "if": {"properties": {"education": {"enum": [level.value for level in levels]}}},
            "then": {"properties": {"canadian_education": {"enum": [*(c.value for c in allowed), None]}}},
        }
        for allowed, levels in by_allowed.items()
    ]
    return found


def _candidate_relations(_walker: _Walker) -> list[dict[str, Any]]:
    # candidate._spouse_fits_status: a spouse only with a partner (an absent status is never_married).
    alone = [status.value for status in MaritalStatus if not status.has_partner]
    return [
        {
            "if": {"properties": {"marital_status": {"enum": alone}}},
            "then": {"properties": {"spouse": {"type": "null"}}},
        }
    ]


def _credential_relations(_walker: _Walker) -> list[dict[str, Any]]:
    # Credential.__attrs_post_init__: a Canadian credential needs no ECA.
    return [
        {
            "if": {"properties": {"in_canada": {"const": True}}, "required": ["in_canada"]},
            "then": {"properties": {"eca_issued_on": {"type": "null"}}},
        }
    ]


def _noc_2016_alone(walker: _Walker, cls: type, *, ends: str | None) -> list[dict[str, Any]]:
    """Without a NOC 2021 code, a NOC 2016 code (and, for *ends*, an end before NOC 2021 came into use)."""
    code = walker.plain(str, _validators(attrs.fields_dict(cls)["noc_2016"].validator))
    then: dict[str, Any] = {"required": ["noc_2016"], "properties": {"noc_2016": code}}
    if ends is not None:
        then["required"].append(ends)
        then["properties"][ends] = _date_schema(EARLIEST_DATE, NOC_2021_IN_USE_FROM - timedelta(days=1))
    return [{"if": {"properties": {"noc": {"type": "null"}}}, "then": then}]


_RELATIONS: dict[type, Callable[[_Walker], list[dict[str, Any]]]] = {
    Factors: _factors_relations,
    Candidate: _candidate_relations,
    Credential: _credential_relations,
    # Job.__attrs_post_init__ and JobOffer.__attrs_post_init__.
    Job: lambda walker: _noc_2016_alone(walker, Job, ends="end"),
    JobOffer: lambda walker: _noc_2016_alone(walker, JobOffer, ends=None),
}


# --- defaults and descriptions ----------------------------------------------------------------------------------------

_NO_DEFAULT = object()


def _json_default(default: object) -> object:
    """The JSON form of a simple field default, or ``_NO_DEFAULT`` when there is none to show."""
    if default is None or isinstance(default, bool | int | float | str):
        return default
    if isinstance(default, Enum):
        return default.value
    if default == ():
        return []
    return _NO_DEFAULT


_COMMENT = re.compile(r"^\s*#:\s?(.*)$")
_FIELD = re.compile(r"^\s*(\w+)\s*:")
_ROLE = re.compile(r":(\w+):`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _clean(text: str) -> str:
    """Plain text from reStructuredText markup: ``x`` becomes x, :class:`~a.B` becomes B."""
    text = _ROLE.sub(lambda m: m.group(2).rsplit(".", 1)[-1] + ("()" if m.group(1) in {"func", "meth"} else ""), text)
    return _LITERAL.sub(r"\1", text).strip()


def _comments(cls: type) -> dict[str, str]:
    """The ``#:`` comments above the fields of *cls*, by field name (none if the source is not available)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # pragma: no cover (no source files, such as a frozen application)
        return {}
    found: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        comment = _COMMENT.match(line)
        if comment:
            pending.append(comment.group(1))
            continue
        match = _FIELD.match(line)
        if match and pending:
            found.setdefault(match.group(1), _clean(" ".join(pending)))
        pending = []
    return found


def _summary(cls: type) -> str:
    """The first paragraph of the class docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    return _clean(" ".join(doc.split("\n\n", 1)[0].split()))
