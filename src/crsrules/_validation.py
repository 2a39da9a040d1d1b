"""attrs validators whose errors name the field, the value and what is allowed, and the supported date range."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, Final

import attrs

from crsrules.errors import InvalidValueError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def whole_number(low: int, high: int, allowed: str | None = None) -> Validator:
    """Accept an int (not a bool) from *low* to *high* inclusive."""
    what = allowed or f"a whole number {low}-{high}"

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int or not low <= value <= high:
            raise InvalidValueError(attribute.name, value, what)

    return check


def member_of(enum: type[Enum], *, optional: bool = False) -> Validator:
    """Accept a member of *enum* (or None when *optional*)."""
    choices = ", ".join(repr(m.value) for m in enum)
    what = f"one of {choices}" + (" or None" if optional else "")

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum):
            member = next((m for m in enum if m.value == value), None)
            if member is not None:  # the JSON spelling given to Python
                hint = f"{enum.__name__}.{member.name} (the string {value!r} is the JSON form)"
                raise InvalidValueError(attribute.name, value, hint)
            raise InvalidValueError(attribute.name, value, what)

    return check


def boolean(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept True or False only."""
    if type(value) is not bool:
        raise InvalidValueError(attribute.name, value, "True or False")


def instance(cls: type, allowed: str, *, optional: bool = False) -> Validator:
    """Accept an instance of *cls* (or None when *optional*)."""
    what = allowed + (" or None" if optional else "")

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            raise InvalidValueError(attribute.name, value, what)

    return check


#: The first day of the supported date range: no date crsrules accepts (a fact, ``on=``, ``--on``) is earlier.
EARLIEST_DATE: Final = date(1900, 1, 1)
#: The last day of the supported date range. Every computation adds at most a few years to a date (a test's 2 years,
#: an ECA's 5, an age's anniversary), so no date within the range can make one overflow Python's year 9999.
LATEST_DATE: Final = date(2199, 12, 31)

_IN_RANGE = f"a date from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()} (the supported range)"


def in_range(name: str, value: date, *, path: Sequence[str | int] = ()) -> None:
    """Raise an error naming *name* unless *value* (a date, or a datetime by its own date) is in the supported range.

    The error gives the value as an ISO string, and *path* (see :class:`~crsrules.InvalidValueError`).
    """
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InvalidValueError(name, value.isoformat(), _IN_RANGE, path=path)


def a_date(name: str, value: object, *, path: Sequence[str | int] = ()) -> date:
    """Return *value* if it is a calendar date (not a datetime) in the supported range, else raise an error.

    The error names *name* and carries *path* (see :class:`~crsrules.InvalidValueError`).
    """
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(name, value, "a datetime.date", path=path)
    in_range(name, value, path=path)
    return value
