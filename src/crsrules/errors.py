"""The exceptions and warnings crsrules raises on purpose.

Every exception derives from :class:`CRSRulesError` and also from a built-in (``ValueError`` or ``LookupError``), so
callers can catch either. Messages say what was given, what is allowed and, where it helps, how to fix it; the pieces
stay available as attributes. A value given is echoed shortened (``short_repr``) and a list of problems is
capped, so that a message stays short whatever the input.

Invalid input files carry their problems as records too (:class:`ErrorDetail`: a JSON path, a stable code from
:data:`ERROR_CODES`, the message, the value and close suggestions), so that a program need not parse the messages.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any, Final, Literal

from attrs import field, frozen

__all__ = [
    "ERROR_CODES",
    "CRSRulesError",
    "ErrorCode",
    "ErrorDetail",
    "InvalidArgumentsError",
    "InvalidCandidateError",
    "InvalidFactorsError",
    "InvalidJSONError",
    "InvalidValueError",
    "RulesNotInForceError",
    "StaleRulesWarning",
    "TestNotAcceptedError",
    "UnknownRoundNameError",
    "UnknownRulesetError",
    "UserDataWarning",
    "close_matches",
    "short_repr",
]

#: The longest echo of a value in a message, in characters; a longer one is cut and ends with "...".
ECHO_LIMIT = 60
#: The most problems the message of an :class:`InvalidFactorsError` lists; the others are counted.
PROBLEMS_SHOWN = 20
# A whole number with more bits than this (about 57 digits) is echoed by its number of digits.
_LONGEST_INT_BITS = 190


class _ShortRepr(reprlib.Repr):
    """reprlib's bounded repr (a few items, a few levels), with whole numbers of any size."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxstring = self.maxother = self.maxlong = ECHO_LIMIT

    def repr_int(self, x: int, level: int) -> str:  # noqa: ARG002 (reprlib's signature)
        if x.bit_length() <= _LONGEST_INT_BITS:
            return repr(x)
        try:  # Python refuses to print a number of more than 4,300 digits (sys.get_int_max_str_digits)
            return f"a whole number of {len(str(abs(x)))} digits"
        except ValueError:
            return f"a whole number of about {math.floor(x.bit_length() * math.log10(2)) + 1} digits"


_SHORT_REPR = _ShortRepr()


def short_repr(value: object, limit: int = ECHO_LIMIT) -> str:
    """The repr of *value* for a message, at most *limit* characters: a longer one is cut and ends with ``"..."``.

    Safe and fast for any value: a 50 MB string is cut before it is copied, a whole number too long to print is
    described by its number of digits, a deep or long list shows its first items and levels.

    Example:
        >>> short_repr("abcdefghij" * 100_000, limit=20)
        "'abcdefghijabcdef..."
        >>> short_repr(10**400)
        'a whole number of 401 digits'
    """
    text = repr(value[: limit + 1]) if type(value) is str else _SHORT_REPR.repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


#: The kinds of problem an :class:`ErrorDetail` (and an :class:`InvalidValueError`) can have.
ErrorCode = Literal[
    "unknown_key",
    "missing",
    "wrong_type",
    "invalid_format",
    "out_of_range",
    "not_allowed",
    "unknown_code",
    "test_not_accepted",
    "inconsistent",
    "too_many_errors",
    "not_json",
    "not_utf8",
    "duplicate_key",
    "too_deep",
    "too_large",
]

#: Each :data:`ErrorCode` and what it means. The codes are part of the API: a code is never renamed or given another
#: meaning in a minor version, and the CHANGELOG lists every code added.
ERROR_CODES: Final[Mapping[ErrorCode, str]] = MappingProxyType(
    {
        "unknown_key": "A key that the object does not have, such as `hours_per_weak` in a job; `did_you_mean` lists "
        "the object's keys closest to it. The path ends with the key.",
        "missing": "A required field is absent, or a value needed with the others is not given (a NOC 2021 code for "
        "work on or after 2022-11-16, the scale of a TEF Canada result where it cannot be chosen by date).",
        "wrong_type": "A value of the wrong kind: a string for a number, a number for a date, an object for a list, "
        "`true` for a whole number, a Python object that is not the class asked for.",
        "invalid_format": "A string that is not in the form asked for: a date that is not an RFC 3339 full-date "
        "(`2025-03-02`) or not a day of the calendar, a date and time without a time zone, a NOC code that is not "
        "five (NOC 2016: four) ASCII digits.",
        "out_of_range": "A number or a date outside its range: a CLB level of 13, hours a week of 0, an age of -1, "
        "a test score off its scale, a date outside the supported range (1900-01-01 to 2199-12-31).",
        "not_allowed": "A value that is not one of those allowed, such as an unknown enum value (`did_you_mean` "
        "lists close values) or a score between the steps of its test (an IELTS band of 7.2). Also the code of "
        "an `InvalidValueError` that no other code describes.",
        "unknown_code": "A well-formed NOC 2021 code that names no unit group; `did_you_mean` lists close codes.",
        "test_not_accepted": "A language test result of a test IRCC did not accept on its test date, such as PTE "
        "Core before 2024-01-30.",
        "inconsistent": "A value that contradicts another one: a date before the birth date, an end before its "
        "start, an ECA before its credential's completion or on a Canadian credential, a spouse with a marital "
        "status without a partner, a second language in the language of the first, a Canadian credential above the "
        "education level.",
        "too_many_errors": "An array whose checking stopped after 20 invalid items: its other items are unchecked "
        "(listed first).",
        "not_json": "Text that is not JSON, or JSON with `NaN` or `Infinity`, which are not JSON numbers.",
        "not_utf8": "Bytes that are not UTF-8 text.",
        "duplicate_key": "An object with the same key twice; the path is the object's.",
        "too_deep": "JSON nested more than 64 levels deep (no candidate or factors file nests more than 4).",
        "too_large": "Input larger than the size limit (5,000,000 bytes by default), or a number of more than "
        "4,300 digits.",
    }
)


def close_matches(given: object, known: Sequence[str]) -> tuple[str, ...]:
    """The names of *known* closest to *given*, best first (at most 3); none for a value too long to be misspelt.

    Example:
        >>> close_matches("hours_per_weak", ["noc", "start", "hours_per_week"])
        ('hours_per_week',)
    """
    longest = 4 * max(map(len, known), default=0)
    if isinstance(given, int) and given.bit_length() > longest * 4:  # str() refuses a number of 4,300 digits
        return ()
    text = given if isinstance(given, str) else str(given)
    if len(text) > longest:
        return ()
    import difflib  # noqa: PLC0415 (loaded for a misspelt name only: most runs never need it)

    return tuple(difflib.get_close_matches(text, known, n=3, cutoff=0.6))


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


@frozen(kw_only=True)
class ErrorDetail:
    """One problem of invalid input, as a record that a program can read without parsing the message.

    :attr:`InvalidFactorsError.errors` holds one for each problem of a file; ``str()`` gives the line that
    :attr:`InvalidFactorsError.problems` and the message show, such as
    ``"'reading' must be a CLB/NCLC level 0-12 (got 13) @ $.first_language"``.

    Example:
        >>> problem = ErrorDetail(path="$.jobs[0].hours_per_weak", code="unknown_key",
        ...                       message="unknown key (did you mean 'hours_per_week'?)",
        ...                       did_you_mean=("hours_per_week",))
        >>> print(problem)
        unknown key (did you mean 'hours_per_week'?) @ $.jobs[0].hours_per_weak
        >>> problem.as_dict()["did_you_mean"]
        ['hours_per_week']

    .. versionadded:: 0.2.0
    """

    #: Where the problem is, as a JSON path: ``$`` is the whole input, ``$.jobs[0].start`` the start of the first
    #: job, ``$['a b']`` a key that is not a name. A key longer than 60 characters is cut, ending with ``...``.
    path: str
    #: The kind of problem: one of :data:`ERROR_CODES`, stable across versions.
    code: ErrorCode
    #: The problem in words, without the path: what was given and what is allowed.
    message: str
    #: The value given, as the message echoes it (its ``repr``, at most 60 characters: see
    #: :func:`~crsrules.errors.short_repr`), or
    #: None when there is none, such as for a missing field.
    value: str | None = None
    #: Close keys, values or codes that would be accepted, best first: for an unknown key, the keys of its object;
    #: for an unknown enum value, the values; for an unknown NOC 2021 code, close codes. Empty if none is close.
    did_you_mean: tuple[str, ...] = field(default=(), converter=_names)

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"

    def as_dict(self) -> dict[str, Any]:
        """The JSON-ready form: ``path``, ``code``, ``message``, ``value`` and ``did_you_mean`` (a list)."""
        return {
            "path": self.path,
            "code": self.code,
            "message": self.message,
            "value": self.value,
            "did_you_mean": list(self.did_you_mean),
        }

    @classmethod
    def from_text(cls, problem: str, code: ErrorCode = "not_allowed") -> ErrorDetail:
        """A record of a problem given as a line such as ``"... @ $.jobs[0]"`` (the path is ``$`` if none is given)."""
        message, at, path = problem.rpartition(" @ ")
        return cls(path=path, code=code, message=message) if at else cls(path="$", code=code, message=problem)


class CRSRulesError(Exception):
    """Base class of every exception crsrules raises on purpose.

    .. versionadded:: 0.1.0
    """


class InvalidValueError(CRSRulesError, ValueError):
    """A single value is out of its allowed range or of the wrong kind.

    Attributes:
        field: The name of the field or argument, such as ``"reading"``.
        value: The value that was given.
        allowed: A short description of what is allowed, such as ``"a CLB level 0-12"``.
        path: Where the value is, below the object whose check raised the error, as keys and indexes: such as
            ``("jobs", 0, "start")`` for a job dated before the candidate's birth date. Empty when the error names a
            field of that object only by *field*. The JSON loaders add it to the object's path.
        code: The kind of problem, one of :data:`ERROR_CODES`, such as ``"out_of_range"``.
        suggestions: Close values that would be accepted, best first (possibly empty), such as ``("bachelors",)``
            for ``"bachelor"``; the message ends with them.

    Example:
        >>> raise InvalidValueError("reading", 13, "a CLB level 0-12", code="out_of_range")
        Traceback (most recent call last):
        ...
        crsrules.errors.InvalidValueError: 'reading' must be a CLB level 0-12 (got 13)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *path*, *code* and *suggestions*.
    """

    #: The code of an error raised without one.
    default_code: ErrorCode = "not_allowed"

    def __init__(  # noqa: PLR0913 (the message's pieces, and where and what the problem is)
        self,
        field: str,
        value: object,
        allowed: str,
        *,
        path: Sequence[str | int] = (),
        code: ErrorCode | None = None,
        suggestions: Iterable[str] = (),
    ) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.path = tuple(path)
        self.code: ErrorCode = self.default_code if code is None else code
        self.suggestions = tuple(suggestions)
        hint = f": did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(f"{field!r} must be {allowed} (got {short_repr(value)}){hint}")


class InvalidArgumentsError(CRSRulesError, TypeError):
    """A call whose arguments do not fit together, such as both or neither of ``on=`` and ``rules=``.

    .. versionadded:: 0.1.0
    """


class TestNotAcceptedError(InvalidValueError):
    """A language test result that IRCC did not accept on its test date (code ``"test_not_accepted"``).

    .. versionadded:: 0.1.0
    """

    __test__ = False  # not a pytest test class, despite its name
    default_code: ErrorCode = "test_not_accepted"


class InvalidFactorsError(CRSRulesError, ValueError):
    """Input data (JSON-like) that cannot be turned into crsrules objects.

    Every problem is in :attr:`errors`, as a record with its JSON path and code, and in :attr:`problems`, as a line;
    the message lists the first 20 lines and counts the others.

    Attributes:
        errors: One :class:`ErrorDetail` per problem, in the order of :attr:`problems`.
        problems: One line per problem, such as ``"'reading' must be a CLB level 0-12 (got 13) @ $.first_language"``.

    Example:
        >>> import crsrules
        >>> try:
        ...     crsrules.load_factors({"age": 30, "education": "bachelor", "first_language": None})
        ... except InvalidFactorsError as error:
        ...     [(e.path, e.code, e.did_you_mean) for e in error.errors]
        [('$.education', 'not_allowed', ('bachelors',))]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The message lists at most 20 problems, then ``... and N more``. :attr:`errors`, and *problems* may be
       :class:`ErrorDetail` records.
    """

    def __init__(self, problems: Sequence[str | ErrorDetail], *, what: str = "factors") -> None:
        """Collect *problems*: records, or lines (read as records of code ``"not_allowed"``)."""
        self.errors = tuple(p if isinstance(p, ErrorDetail) else ErrorDetail.from_text(p) for p in problems)
        self.problems = tuple(str(p) for p in problems)
        count = len(self.problems)
        lines = [f"  {p}" for p in self.problems[:PROBLEMS_SHOWN]]
        if count > PROBLEMS_SHOWN:
            lines.append(f"  ... and {count - PROBLEMS_SHOWN} more")
        super().__init__(f"invalid {what} ({count} problem{'s' if count != 1 else ''}):\n" + "\n".join(lines))


class InvalidCandidateError(InvalidFactorsError):
    """A candidate file (JSON-like data) that cannot be turned into a :class:`~crsrules.Candidate`.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[str | ErrorDetail]) -> None:
        super().__init__(problems, what="candidate")


class InvalidJSONError(CRSRulesError, ValueError):
    """Text that cannot be read as a JSON document: not JSON, not UTF-8, a key twice, nested too deeply or too large.

    Raised by :func:`crsrules.io.parse_json`, which the command line reads its files with. Given text,
    :func:`~crsrules.load_candidate` and :func:`~crsrules.load_factors` raise :class:`InvalidCandidateError` or
    :class:`InvalidFactorsError` instead, with the same record.

    Attributes:
        errors: The problem, as one :class:`ErrorDetail` (code ``not_json``, ``not_utf8``, ``duplicate_key``,
            ``too_deep`` or ``too_large``).

    .. versionadded:: 0.2.0
    """

    def __init__(self, detail: ErrorDetail, message: str | None = None) -> None:
        """Report *detail*, with *message* (by default the detail's own message)."""
        self.errors = (detail,)
        super().__init__(detail.message if message is None else message)


class RulesNotInForceError(CRSRulesError, LookupError):
    """No ruleset is in force on the date asked for (a date before Express Entry opened).

    Attributes:
        on: The date asked for.
        earliest: The effective date of the first ruleset.

    .. versionadded:: 0.1.0
    """

    def __init__(self, on: date, *, earliest: date) -> None:
        self.on = on
        self.earliest = earliest
        super().__init__(
            f"no CRS rules in force on {on.isoformat()}: Express Entry opened and the first ruleset starts on "
            f"{earliest.isoformat()}. Pass a later date, or pin rules={earliest.isoformat()!r}."
        )


class UnknownRulesetError(CRSRulesError, LookupError):
    """A ruleset id that names no ruleset.

    Attributes:
        id: The id that was given.
        suggestions: Close known ids, best first (possibly empty).

    .. versionadded:: 0.1.0
    """

    def __init__(self, id: object, known: Iterable[str]) -> None:  # noqa: A002 (the ruleset's own name for it)
        known = list(known)
        self.id = id
        self.suggestions = close_matches(id, known)
        hint = f" Did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(f"unknown ruleset {short_repr(id)}: the rulesets are {', '.join(known)}.{hint}")


class UnknownRoundNameError(CRSRulesError, LookupError):
    """A round name (IRCC's ``drawName``) that crsrules does not know.

    Raised by :func:`crsrules.draws.round_type` (which knows every name: the program rounds' and the category
    versions') and by :func:`crsrules.version_for_round_name` (which knows the category versions' names only).

    Attributes:
        name: The name that was given.
        suggestions: Close known names, best first (possibly empty).

    Example:
        >>> raise UnknownRoundNameError("STEM occupations (Version 2)", ["STEM occupations (Version 1)"])
        Traceback (most recent call last):
        ...
        crsrules.errors.UnknownRoundNameError: unknown round name 'STEM occupations (Version 2)': it is none of the 1 \
round names of the category versions (CategoryVersion.round_names). Did you mean 'STEM occupations (Version 1)'?

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Defined here, and raised by :func:`crsrules.draws.round_type` too, in place of
       ``crsrules.draws.UnknownRoundTypeError``.
    """

    def __init__(
        self,
        name: object,
        known: Iterable[str],
        *,
        among: str = "round names of the category versions (CategoryVersion.round_names)",
    ) -> None:
        """Name the unknown *name* and suggest the closest of *known*.

        Args:
            name: The name that was given.
            known: Every name that would have been accepted.
            among: What *known* are, for the message.
        """
        names = list(dict.fromkeys(known))
        self.name = name
        self.suggestions = close_matches(name, names)
        hint = f" Did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(f"unknown round name {short_repr(name)}: it is none of the {len(names)} {among}.{hint}")


class StaleRulesWarning(UserWarning):
    """The date asked for is after the last date the rules were checked against IRCC's sources.

    crsrules then applies the latest ruleset, since rules hold until changed, but IRCC may have changed them since.

    .. versionadded:: 0.1.0
    """


class UserDataWarning(UserWarning):
    """The rounds data in the user data folder cannot be used, and crsrules uses the data shipped with it instead.

    The message says what is wrong: a file missing, changed since it was written (its SHA-256 differs), or a manifest
    that cannot be read. ``crsrules data status`` shows the folder; ``crsrules data update`` writes it anew.

    Defined here, with the other warnings, so that the command line reports it without loading the rounds;
    :mod:`crsrules.draws` exports it too.

    .. versionadded:: 0.2.0
    """
