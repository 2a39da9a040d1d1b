"""Kinds of round and IRCC's names for them: the round-name vocabulary of the rounds of invitations.

A round's name (IRCC's ``drawName``) says who could be invited: every program, one program, or one category. The names
of the program rounds are listed once, in ``_PROGRAM_ROUNDS`` below. The names of the category rounds are those of the
category versions (:attr:`crsrules.CategoryVersion.round_names`, resolved with
:func:`crsrules.version_for_round_name`): a new category year declares its round names there, and nothing here
changes.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from types import MappingProxyType
from typing import Final

from attrs import frozen

from crsrules.categories import Category, available_category_versions, version_for_round_name
from crsrules.errors import UnknownRoundNameError

__all__ = ["CATEGORIES", "DrawKind", "RoundType", "round_type"]


class DrawKind(Enum):
    """The kind of a round: open to all programs, to one program, or to one category.

    The string values are part of crsrules' public formats (JSON, the command line).

    Example:
        >>> DrawKind("cec").label
        'Canadian Experience Class'

    .. versionadded:: 0.1.0
    """

    #: Open to candidates of every program: IRCC's "No Program Specified" rounds (to 2023-10-10) and "General"
    #: rounds (2023-12-06 to 2024-04-23), two names for the same kind of round.
    GENERAL = "general"
    #: Canadian Experience Class only.
    CEC = "cec"
    #: Federal Skilled Worker Program only (one round: #240, 2023-02-02).
    FSW = "fsw"
    #: Federal Skilled Trades Program only.
    FST = "fst"
    #: Candidates with a provincial or territorial nomination only.
    PNP = "pnp"
    #: Category-based selection (from 2023-06-28): candidates who meet a category's conditions, such as STEM
    #: occupations or French-language proficiency; :attr:`Draw.category` names the category.
    CATEGORY = "category"

    @property
    def label(self) -> str:
        """A short English name, such as ``"Canadian Experience Class"``."""
        return _KIND_LABELS[self]


_KIND_LABELS: Final = MappingProxyType(
    {
        DrawKind.GENERAL: "No program specified / General",
        DrawKind.CEC: "Canadian Experience Class",
        DrawKind.FSW: "Federal Skilled Worker",
        DrawKind.FST: "Federal Skilled Trades",
        DrawKind.PNP: "Provincial Nominee Program",
        DrawKind.CATEGORY: "Category-based selection",
    }
)

#: The category slugs crsrules knows: the values of :class:`crsrules.Category` (``reference/categories.md``
#: section 1). A category may have no round yet (``"researchers"`` had none by round 437).
CATEGORIES: Final = tuple(c.value for c in Category)


@frozen(kw_only=True)
class RoundType:
    """What IRCC's name for a round (its ``drawName``) means: the kind of round, and for a category round, which one.

    Example:
        >>> round_type("STEM occupations (2023-1)")
        RoundType(name='STEM occupations (Version 1)', kind=<DrawKind.CATEGORY: 'category'>, \
category=<Category.STEM: 'stem'>, category_version='Version 1', former_names=('STEM occupations (2023-1)',))

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       :attr:`category` is a :class:`~crsrules.Category` (its ``value`` is the former slug).
    """

    #: IRCC's current name, as in the rounds feed since 2024, such as ``"STEM occupations (Version 1)"``.
    name: str
    #: The kind of round.
    kind: DrawKind
    #: The category of a category round; None otherwise.
    category: Category | None = None
    #: IRCC's version label of the category's instructions, such as ``"Version 1"`` or ``"2026-Version 3"``; None for
    #: a program round.
    category_version: str | None = None
    #: Names IRCC used for the same rounds before renaming them in 2024, such as ``"STEM occupations (2023-1)"``.
    former_names: tuple[str, ...] = ()


# Every name of a round that is not a category round, in IRCC's rounds feed to round 437 (data/README-rounds.md,
# "Column meanings"). A name that is neither here nor a category version's round name stops the rounds data from
# loading, so that a new kind of round cannot slip in unclassified.
_PROGRAM_ROUNDS: Final = (
    RoundType(name="No Program Specified", kind=DrawKind.GENERAL),
    RoundType(name="General", kind=DrawKind.GENERAL),
    RoundType(name="Canadian Experience Class", kind=DrawKind.CEC),
    RoundType(name="Federal Skilled Worker", kind=DrawKind.FSW),
    RoundType(name="Federal Skilled Trades", kind=DrawKind.FST),
    RoundType(name="Provincial Nominee Program", kind=DrawKind.PNP),
)

# IRCC's label of a category's instructions ends its round names: "STEM occupations (Version 1)", "French-Language
# proficiency 2026-Version 2", "Trades Occupations, 2026-Version 3".
_VERSION_LABEL = re.compile(r"((?:[0-9]{4}-)?Version [0-9]+)\)?")

# What the names :func:`round_type` knows are, for its error message.
_KNOWN = "round names crsrules knows, current and former (see crsrules.draws.round_types())"


def _normal(name: str) -> str:
    """A name compared without case or runs of spaces, as :func:`crsrules.version_for_round_name` compares them."""
    return " ".join(name.casefold().split())


_PROGRAM_ROUND_BY_NAME: Final = MappingProxyType({_normal(t.name): t for t in _PROGRAM_ROUNDS})


def _version_label(name: str) -> str | None:
    found = _VERSION_LABEL.search(name)
    return found[1] if found is not None and found.end() == len(name) else None


@cache
def _category_round_types() -> MappingProxyType[str, RoundType]:
    """The category rounds by current name, in the order of the category versions.

    A version's first round name is the one IRCC's feed uses now; the others are the forms IRCC first published.
    """
    owner: dict[str, Category] = {}
    former: dict[str, list[str]] = {}
    for version in available_category_versions():
        if not version.round_names:
            continue
        current, *earlier = version.round_names
        owner.setdefault(current, version.category)
        names = former.setdefault(current, [])
        names.extend(n for n in earlier if n not in names)
    return MappingProxyType(
        {
            name: RoundType(
                name=name,
                kind=DrawKind.CATEGORY,
                category=category,
                category_version=_version_label(name),
                former_names=tuple(former[name]),
            )
            for name, category in owner.items()
        }
    )


@cache
def _category_round_names() -> frozenset[str]:
    """Every category version's round name, compared as :func:`crsrules.version_for_round_name` compares them."""
    return frozenset(_normal(n) for v in available_category_versions() for n in v.round_names)


def is_known_round_name(name: str) -> bool:
    """Whether :func:`round_type` knows *name*, without the cost of its error's suggestions (a feed may hold many)."""
    normal = _normal(name)
    return normal in _PROGRAM_ROUND_BY_NAME or normal in _category_round_names()


def _known_round_types() -> tuple[RoundType, ...]:
    """Every round type: the program rounds, then the category rounds in the order of the category versions."""
    return (*_PROGRAM_ROUNDS, *_category_round_types().values())


def round_type(name: str) -> RoundType:
    """What a round name of IRCC's means: its kind and, for a category round, the category and its version.

    Category rounds are looked up in the category versions' round names (:func:`crsrules.version_for_round_name`);
    like it, this ignores case and runs of spaces.

    Args:
        name: IRCC's name of the round, current (``"Healthcare occupations (Version 1)"``) or from before the 2024
            renaming (``"Healthcare occupations (2023-1)"``).

    Raises:
        UnknownRoundNameError: No round has this name, now or formerly; the message suggests close ones.

    Example:
        >>> round_type("No Program Specified").kind
        <DrawKind.GENERAL: 'general'>
        >>> t = round_type("Healthcare occupations (2023-1)")
        >>> t.name, t.category
        ('Healthcare occupations (Version 1)', <Category.HEALTHCARE: 'healthcare'>)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Raises :class:`~crsrules.errors.UnknownRoundNameError` (``UnknownRoundTypeError`` is now its alias), and
       ignores case and runs of spaces.
    """
    if isinstance(name, str):
        program = _PROGRAM_ROUND_BY_NAME.get(_normal(name))
        if program is not None:
            return program
        try:
            version = version_for_round_name(name)
        except UnknownRoundNameError:
            pass
        else:
            return _category_round_types()[version.round_names[0]]
    known = (n for t in _known_round_types() for n in (t.name, *t.former_names))
    raise UnknownRoundNameError(name, known, among=_KNOWN)
