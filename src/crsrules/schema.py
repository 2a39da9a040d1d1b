"""JSON Schemas (draft 2020-12) for candidate and factors files, generated from the attrs classes.

The schemas are derived by walking the classes' fields and type hints, so they follow the model as it changes:
``int`` is an integer, ``float`` a number, ``bool`` a boolean, ``str`` a string, a date an ISO ``"date"`` string,
a datetime an ISO ``"date-time"`` string, an enum its values, ``X | None`` either X or null, ``tuple[X, ...]`` an
array, and each nested class a ``$defs`` entry. Fields without a default are required and unknown keys are not allowed,
as in :func:`crsrules.load_candidate` and :func:`crsrules.load_factors`. Descriptions come from the ``#:`` comments of
the fields. Where a factors file holds CLB/NCLC levels, a test result is accepted too (it is converted on the way in).

The schemas check the shape of a file only: ranges, test bands, NOC codes and rules between fields (such as a job
that ends before it starts) are checked when the file is loaded.

Example:
    >>> schema = candidate_schema()
    >>> schema["required"]
    ['birth_date']
    >>> schema["properties"]["birth_date"]
    {'type': 'string', 'format': 'date', 'description': "The candidate's date of birth."}
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from crsrules.candidate import Candidate, LanguageResult
from crsrules.model import Factors, LanguageLevels

__all__ = ["candidate_schema", "factors_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Descriptions of fields that carry no ``#:`` comment of their own (a name alone says what they hold).
_FALLBACK_DESCRIPTIONS = {
    "birth_date": "The candidate's date of birth.",
}


def candidate_schema() -> dict[str, Any]:
    """The JSON Schema of a candidate file, as :func:`crsrules.load_candidate` reads it.

    .. versionadded:: 0.1.0
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
    """
    return _root(Factors, "crsrules factors")


def _root(cls: type, title: str) -> dict[str, Any]:
    walker = _Walker()
    body = walker.object(cls)
    schema: dict[str, Any] = {"$schema": _DRAFT, "title": title, **body}
    if walker.defs:
        schema["$defs"] = dict(sorted(walker.defs.items()))
    return schema


class _Walker:
    """Turns attrs classes into schemas, collecting nested classes under ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def object(self, cls: type) -> dict[str, Any]:
        """The schema of one attrs class: its init fields as properties."""
        hints = typing.get_type_hints(cls)
        comments = _comments(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(cls):
            if not a.init:  # derived values (LanguageResult.levels) are never read in
                continue
            name = a.alias or a.name
            prop = self.hint(hints[a.name])
            description = comments.get(a.name) or _FALLBACK_DESCRIPTIONS.get(a.name)
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
        return schema

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the ``$defs`` entry of *cls*, made on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, in case a class refers to itself
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def hint(self, hint: Any) -> dict[str, Any]:  # noqa: ANN401 (any type hint)
        """The schema of a value of type *hint*."""
        origin = typing.get_origin(hint)
        if origin in {types.UnionType, typing.Union}:
            options = [self.hint(arg) for arg in typing.get_args(hint) if arg is not type(None)]
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
            return self.plain(hint)
        msg = f"no JSON Schema for the type hint {hint!r}"
        raise TypeError(msg)

    def plain(self, cls: type) -> dict[str, Any]:
        """The schema of a value of class *cls* (not a union or a tuple)."""
        if attrs.has(cls):
            return self.ref(cls)
        if issubclass(cls, Enum):
            values = [member.value for member in cls]
            kind = {"type": "string"} if all(isinstance(v, str) for v in values) else {}
            return {**kind, "enum": values}
        if issubclass(cls, datetime):  # before date: a datetime is a date
            return {"type": "string", "format": "date-time"}
        if issubclass(cls, date):
            return {"type": "string", "format": "date"}
        if issubclass(cls, bool):  # before int: a bool is an int
            return {"type": "boolean"}
        for python, json_type in ((int, "integer"), (float, "number"), (str, "string")):
            if issubclass(cls, python):
                return {"type": json_type}
        msg = f"no JSON Schema for the type {cls.__qualname__}"
        raise TypeError(msg)


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
