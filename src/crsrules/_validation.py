"""attrs validators whose errors name the field, the value and what is allowed, and the supported date range.

The validators of single values are small frozen classes rather than closures, so that what they allow (a range, a
set of members, a code's digits) is data: :mod:`crsrules.schema` reads it to write the same limits into the JSON
Schema, and each number lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, Final, TypeVar

import attrs
from attrs import frozen

from crsrules.errors import InvalidValueError, close_matches

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
T = TypeVar("T")
E = TypeVar("E", bound=Enum)

#: The form of an RFC 3339 ``full-date`` (the calendar and the range are checked apart).
RFC3339_FULL_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
#: What follows the full-date in an RFC 3339 ``date-time``: ``T`` (or ``t``) and the time, with seconds and an optional
#: fraction. Seconds stop at 59: Python's datetime has no leap second.
RFC3339_TIME = r"[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
#: The time zone that ends an RFC 3339 ``date-time``: ``Z`` (or ``z``) for UTC, or an offset such as ``-05:00``.
RFC3339_OFFSET = r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"


@frozen
class WholeNumber:
    """Accept an int (not a bool) from *low* to *high* inclusive (or None when *optional*)."""

    low: int
    high: int
    #: What is allowed, in words, for the error message.
    allowed: str
    optional: bool = False

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not int:
            raise InvalidValueError(attribute.name, value, self.allowed, code="wrong_type")
        if not self.low <= value <= self.high:
            raise InvalidValueError(attribute.name, value, self.allowed, code="out_of_range")


def whole_number(low: int, high: int, allowed: str | None = None, *, optional: bool = False) -> WholeNumber:
    """Accept an int (not a bool) from *low* to *high* inclusive (or None when *optional*)."""
    what = (allowed or f"a whole number {low}-{high}") + (" or None" if optional else "")
    return WholeNumber(low, high, what, optional)


@frozen
class NumberRange:
    """Accept an int or a float (not a bool) from *low* (excluded when *low_exclusive*) to *high* inclusive."""

    low: float
    high: float
    #: What is allowed, in words, for the error message.
    allowed: str
    low_exclusive: bool = False

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is bool or not isinstance(value, int | float):
            raise InvalidValueError(attribute.name, value, self.allowed, code="wrong_type")
        if not self._within(value):
            raise InvalidValueError(attribute.name, value, self.allowed, code="out_of_range")

    def _within(self, value: float) -> bool:
        above = self.low < value if self.low_exclusive else self.low <= value
        return above and value <= self.high  # NaN is neither above nor below anything


def number(low: float, high: float, allowed: str, *, low_exclusive: bool = False) -> NumberRange:
    """Accept an int or a float (not a bool) from *low* (excluded when *low_exclusive*) to *high* inclusive."""
    return NumberRange(low, high, allowed, low_exclusive)


@frozen
class DigitCode:
    """Accept None or a string of exactly *digits* ASCII digits (a code such as a NOC code), then look it up.

    *known*, if given, is called with the code and raises if no such code exists.
    """

    digits: int
    #: What is allowed, in words, for the error message.
    allowed: str
    known: Callable[[str], object] | None = None

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            raise InvalidValueError(attribute.name, value, self.allowed, code="wrong_type")
        # str.isdigit alone would accept other scripts' digits and superscripts.
        if len(value) != self.digits or not (value.isascii() and value.isdigit()):
            raise InvalidValueError(attribute.name, value, self.allowed, code="invalid_format")
        if self.known is not None:
            try:
                self.known(value)
            except LookupError as exc:  # such as UnknownOccupationError: it names the code, and now the field
                exc.field = attribute.name  # type: ignore[attr-defined]
                raise


def digit_code(digits: int, allowed: str, *, known: Callable[[str], object] | None = None) -> DigitCode:
    """Accept None or a string of exactly *digits* ASCII digits, known to *known* if given."""
    return DigitCode(digits, allowed, known)


@frozen
class MemberOf:
    """Accept a member of *enum* (or None when *optional*); with *among*, only those members."""

    enum: type[Enum]
    optional: bool = False
    among: tuple[Enum, ...] | None = None
    #: What is allowed, in words, for the error message (by default the values allowed).
    allowed: str | None = None

    @property
    def members(self) -> tuple[Enum, ...]:
        """The members allowed."""
        return tuple(self.enum) if self.among is None else self.among

    def _what(self) -> str:
        what = self.allowed or "one of " + ", ".join(repr(m.value) for m in self.members)
        return what + (" or None" if self.optional else "")

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.enum):
            if not isinstance(value, str):
                raise InvalidValueError(attribute.name, value, self._what(), code="wrong_type")
            member = next((m for m in self.enum if m.value == value), None)
            if member is not None:  # the JSON spelling given to a field without a converter
                hint = f"{self.enum.__name__}.{member.name} (the string {value!r} is the JSON form)"
                raise InvalidValueError(attribute.name, value, hint, code="wrong_type")
            close = close_matches(value, [str(m.value) for m in self.members])
            raise InvalidValueError(attribute.name, value, self._what(), suggestions=close)
        if self.among is not None and value not in self.among:  # any member of the enum is allowed without among
            raise InvalidValueError(attribute.name, value.value, self._what())


def member_of(
    enum: type[Enum], *, optional: bool = False, among: tuple[Enum, ...] | None = None, allowed: str | None = None
) -> MemberOf:
    """Accept a member of *enum* (or None when *optional*); with *among*, only those members."""
    return MemberOf(enum, optional, among, allowed)


def to_member(enum: type[E], value: E | str | None) -> E:
    """*value* as a member of *enum* if it is one or its string value (the JSON form); else *value* itself.

    The converter of the enum fields: ``Credential(level="masters")`` works as ``Credential(level=Education.MASTERS)``,
    and a value that is neither is left for the field's :class:`MemberOf` validator to reject by name (so the
    result is a member only once validated).
    """
    if isinstance(value, str) and not isinstance(value, enum):
        return next((m for m in enum if m.value == value), value)  # type: ignore[return-value]
    return value  # type: ignore[return-value]


def member(enum: type[E], name: str, value: object) -> E:
    """*value* as a member of *enum*, given as the member or its string value; else an error naming *name*.

    Raises:
        InvalidValueError: *value* is neither (code ``not_allowed`` for a string, with close values, else
            ``wrong_type``).
    """
    found = to_member(enum, value)  # type: ignore[arg-type]
    if isinstance(found, enum):
        return found
    choices = "one of " + ", ".join(repr(m.value) for m in enum)
    if not isinstance(value, str):
        raise InvalidValueError(name, value, choices, code="wrong_type")
    raise InvalidValueError(name, value, choices, suggestions=close_matches(value, [str(m.value) for m in enum]))


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """*value* as a tuple if it is an iterable other than a string, bytes or a mapping; else *value* itself.

    The converter of the list fields: ``Candidate(jobs=[job])`` works as ``Candidate(jobs=(job,))``, and a value
    that is not a list of some kind is left for the field's validator to reject (so the result is a tuple only once
    validated).
    """
    if isinstance(value, tuple | str | bytes | bytearray | Mapping):
        return value  # type: ignore[return-value]
    try:
        return tuple(value)
    except TypeError:  # not iterable
        return value  # type: ignore[return-value]


def boolean(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept True or False only."""
    if type(value) is not bool:
        raise InvalidValueError(attribute.name, value, "True or False", code="wrong_type")


def instance(cls: type, allowed: str, *, optional: bool = False) -> Validator:
    """Accept an instance of *cls* (or None when *optional*)."""
    what = allowed + (" or None" if optional else "")

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            raise InvalidValueError(attribute.name, value, what, code="wrong_type")

    return check


#: The first day of the supported date range: no date crsrules accepts (a fact, ``on=``, ``--on``) is earlier.
EARLIEST_DATE: Final = date(1900, 1, 1)
#: The last day of the supported date range. Every computation adds at most a few years to a date (a test's 2 years,
#: an ECA's 5, an age's anniversary), so no date within the range can make one overflow Python's year 9999.
LATEST_DATE: Final = date(2199, 12, 31)

#: The supported range in words, as every message about it says it.
SUPPORTED_RANGE = f"from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()} (the supported range)"
_IN_RANGE = f"a date {SUPPORTED_RANGE}"


def in_range(name: str, value: date, *, path: Sequence[str | int] = ()) -> None:
    """Raise an error naming *name* unless *value* (a date, or a datetime by its own date) is in the supported range.

    The error gives the value as an ISO string, and *path* (see :class:`~crsrules.InvalidValueError`).
    """
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InvalidValueError(name, value.isoformat(), _IN_RANGE, path=path, code="out_of_range")


def a_date(name: str, value: object, *, path: Sequence[str | int] = ()) -> date:
    """Return *value* if it is a calendar date (not a datetime) in the supported range, else raise an error.

    The error names *name* and carries *path* (see :class:`~crsrules.InvalidValueError`).
    """
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(name, value, "a datetime.date", path=path, code="wrong_type")
    in_range(name, value, path=path)
    return value
