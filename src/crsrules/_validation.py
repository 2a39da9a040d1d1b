"""attrs validators whose errors name the field, the value and what is allowed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

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


def a_date(name: str, value: object) -> date:
    """Return *value* if it is a calendar date (not a datetime), else raise an error naming *name*."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValueError(name, value, "a datetime.date")
    return value
