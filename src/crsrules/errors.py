"""The exceptions and warnings crsrules raises on purpose.

Every exception derives from :class:`CRSRulesError` and also from a built-in (``ValueError`` or ``LookupError``), so
callers can catch either. Messages say what was given, what is allowed and, where it helps, how to fix it; the pieces
stay available as attributes. A value given is echoed shortened (``short_repr``) and a list of problems is
capped, so that a message stays short whatever the input.
"""

from __future__ import annotations

import difflib
import math
import reprlib
from collections.abc import Iterable, Sequence
from datetime import date

__all__ = [
    "CRSRulesError",
    "InvalidArgumentsError",
    "InvalidCandidateError",
    "InvalidFactorsError",
    "InvalidValueError",
    "RulesNotInForceError",
    "StaleRulesWarning",
    "TestNotAcceptedError",
    "UnknownRoundNameError",
    "UnknownRulesetError",
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

    Example:
        >>> raise InvalidValueError("reading", 13, "a CLB level 0-12")
        Traceback (most recent call last):
        ...
        crsrules.errors.InvalidValueError: 'reading' must be a CLB level 0-12 (got 13)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *path*.
    """

    def __init__(self, field: str, value: object, allowed: str, *, path: Sequence[str | int] = ()) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.path = tuple(path)
        super().__init__(f"{field!r} must be {allowed} (got {short_repr(value)})")


class InvalidArgumentsError(CRSRulesError, TypeError):
    """A call whose arguments do not fit together, such as both or neither of ``on=`` and ``rules=``.

    .. versionadded:: 0.1.0
    """


class TestNotAcceptedError(InvalidValueError):
    """A language test result that IRCC did not accept on its test date.

    .. versionadded:: 0.1.0
    """

    __test__ = False  # not a pytest test class, despite its name


class InvalidFactorsError(CRSRulesError, ValueError):
    """Input data (JSON-like) that cannot be turned into crsrules objects.

    Every problem is in :attr:`problems`, each with its JSON path; the message lists the first
    20 and counts the others.

    Attributes:
        problems: One line per problem, such as ``"'reading' must be a CLB level 0-12 (got 13) @ $.first_language"``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The message lists at most 20 problems, then ``... and N more``.
    """

    def __init__(self, problems: Sequence[str], *, what: str = "factors") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"  {p}" for p in self.problems[:PROBLEMS_SHOWN]]
        if count > PROBLEMS_SHOWN:
            lines.append(f"  ... and {count - PROBLEMS_SHOWN} more")
        super().__init__(f"invalid {what} ({count} problem{'s' if count != 1 else ''}):\n" + "\n".join(lines))


class InvalidCandidateError(InvalidFactorsError):
    """A candidate file (JSON-like data) that cannot be turned into a :class:`~crsrules.Candidate`.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(problems, what="candidate")


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
        self.suggestions = _close_matches(id, known)
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
        self.suggestions = _close_matches(name, names)
        hint = f" Did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        super().__init__(f"unknown round name {short_repr(name)}: it is none of the {len(names)} {among}.{hint}")


def _close_matches(given: object, known: Sequence[str]) -> tuple[str, ...]:
    """The known names closest to *given*, best first; none for a value too long to be a misspelt name."""
    longest = 4 * max(map(len, known), default=0)
    if isinstance(given, int) and given.bit_length() > longest * 4:  # str() refuses a number of 4,300 digits
        return ()
    text = str(given)
    return () if len(text) > longest else tuple(difflib.get_close_matches(text, known, n=3, cutoff=0.6))


class StaleRulesWarning(UserWarning):
    """The date asked for is after the last date the rules were checked against IRCC's sources.

    crsrules then applies the latest ruleset, since rules hold until changed, but IRCC may have changed them since.

    .. versionadded:: 0.1.0
    """
