"""The types of the programs' entry criteria (FSW, CEC, FST) that a :class:`~crsrules.RuleSet` carries as data.

The numbers are in the rules modules (``y2015`` and the later ones that change them); :mod:`crsrules.programs`
applies them.
"""

from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from crsrules.headings import AdaptabilityElement, FswFactor, Program
from crsrules.tables import RulesDefinitionError, Steps, Table

if TYPE_CHECKING:
    from collections.abc import Mapping

    from crsrules.model import Education, LanguageLevels
    from crsrules.occupations import Noc2016Skill
    from crsrules.rules._ruleset import NocVersion

__all__ = [
    "LANGUAGE_PROGRAMS",
    "CecCriteria",
    "FstCriteria",
    "FswCriteria",
    "FswGrid",
    "LanguageMinimums",
    "ProgramCriteria",
    "TradeGroups",
]

# The four abilities of a language result.
_ABILITIES = 4

#: The programs whose answer reads language levels (every one has a language minimum): a version that changes which
#: results count, or how they convert, can change all of them.
LANGUAGE_PROGRAMS = frozenset(Program)


def _canonical(value: object) -> object:
    """The JSON-ready form of a field value."""
    canonical = getattr(value, "canonical", None)
    if canonical is not None:
        return canonical()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(str(_canonical(item)) for item in value)
    if isinstance(value, tuple):
        return [_canonical(item) for item in value]
    return value


def _fields(instance: object) -> dict[str, object]:
    """The JSON-ready form of an attrs instance, field by field."""
    return {a.name: _canonical(getattr(instance, a.name)) for a in attrs.fields(type(instance))}  # type: ignore[arg-type]


@frozen(kw_only=True)
class FswGrid:
    """The Federal Skilled Worker selection grid: points by factor, and the pass mark.

    .. versionadded:: 0.2.0
    """

    #: First official language: points per ability by CLB/NCLC level.
    first_language: Steps[int]
    #: Second official language: points by the lowest of its four levels.
    second_language: Steps[int]
    #: Education: points by level.
    education: Table[Education, int]
    #: Work experience: points by whole years of skilled work within the work window.
    work_experience: Steps[int]
    #: Age: points by age in completed years.
    age: Steps[int]
    #: Arranged employment: points for a qualifying job offer.
    arranged_employment: int
    #: Adaptability: points by element, each counted once.
    adaptability: Table[AdaptabilityElement, int]
    #: The cap on the adaptability elements together.
    adaptability_cap: int
    #: The points needed to pass.
    pass_mark: int
    #: The most points; the factors' maximums add up to it.
    maximum: int

    def __attrs_post_init__(self) -> None:
        total = sum(self.maximums.values())
        if total != self.maximum or not 0 < self.pass_mark <= self.maximum:
            msg = f"the FSW factors' maximums add up to {total} and the pass mark is {self.pass_mark}: {self.maximum}"
            raise RulesDefinitionError(msg)

    @property
    def maximums(self) -> Mapping[FswFactor, int]:
        """The most points each factor can earn."""
        return MappingProxyType(
            {
                FswFactor.FIRST_OFFICIAL_LANGUAGE: _ABILITIES * max(p for _, p in self.first_language.steps),
                FswFactor.SECOND_OFFICIAL_LANGUAGE: max(p for _, p in self.second_language.steps),
                FswFactor.EDUCATION: max(self.education.rows.values()),
                FswFactor.WORK_EXPERIENCE: max(p for _, p in self.work_experience.steps),
                FswFactor.AGE: max(p for _, p in self.age.steps),
                FswFactor.ARRANGED_EMPLOYMENT: self.arranged_employment,
                FswFactor.ADAPTABILITY: self.adaptability_cap,
            }
        )

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class FswCriteria:
    """The Federal Skilled Worker Program's minimums and selection grid.

    .. versionadded:: 0.2.0
    """

    #: Minimum: years of continuous full-time work (or the part-time equivalent) in the primary occupation.
    minimum_work_years: int
    #: Minimum and grid: work counts within this many years before the application.
    work_window_years: int
    #: Minimum: the CLB/NCLC level needed in all four abilities of the first official language.
    minimum_language_clb: int
    #: The selection grid.
    grid: FswGrid
    #: Adaptability: the accompanying spouse's level needed in all four abilities of an official language.
    spouse_language_clb: int
    #: Adaptability: academic years of full-time study in Canada.
    study_in_canada_years: int
    #: Adaptability: the credential levels whose programs last :attr:`study_in_canada_years` or more.
    study_in_canada_levels: frozenset[Education]
    #: Adaptability: years of full-time work in Canada (the applicant's or the spouse's).
    work_in_canada_years: int

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class CecCriteria:
    """The Canadian Experience Class's minimums.

    .. versionadded:: 0.2.0
    """

    #: Years of skilled paid work in Canada needed.
    work_years: int
    #: Work counts within this many years before the application.
    window_years: int
    #: The CLB/NCLC level needed in all four abilities, by the NOC 2021 TEER category of the work.
    language_by_teer: Steps[int]
    #: The level needed in all four abilities, by the NOC 2016 skill type or level of the work.
    language_by_noc_2016_skill: Table[Noc2016Skill, int]

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class LanguageMinimums:
    """The CLB/NCLC level needed in each ability.

    .. versionadded:: 0.1.0
    """

    #: The level needed in listening.
    listening: int
    #: The level needed in reading.
    reading: int
    #: The level needed in writing.
    writing: int
    #: The level needed in speaking.
    speaking: int

    def shortfalls(self, levels: LanguageLevels) -> dict[str, int]:
        """The abilities of *levels* below their minimum, with the level reached."""
        reached = {"listening": levels.listening, "reading": levels.reading, "writing": levels.writing,
                   "speaking": levels.speaking}  # fmt: skip
        return {name: level for name, level in reached.items() if level < getattr(self, name)}

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class TradeGroups:
    """The groups of one NOC version whose occupations are skilled trades.

    A code is a trade when it starts with one of :attr:`included` and with none of :attr:`excluded` (group codes
    are the leading digits of the unit groups they hold).

    Example:
        >>> trades = TradeGroups(included=("72", "73"), excluded=("726",), confirmed=False)
        >>> trades.contains("72310"), trades.contains("72600"), trades.contains("21231")
        (True, False, False)

    .. versionadded:: 0.1.0
    """

    #: Major, sub-major, minor or unit group codes whose occupations are trades.
    included: tuple[str, ...]
    #: Groups inside those that are not.
    excluded: tuple[str, ...] = ()
    #: False when the list is not confirmed against an IRCC primary text or a faithful copy ([UNCONFIRMED]).
    confirmed: bool

    def contains(self, code: str) -> bool:
        """Whether the occupation *code* is a skilled trade."""
        return code.startswith(self.included) and not code.startswith(self.excluded)

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class FstCriteria:
    """The Federal Skilled Trades Program's minimums.

    .. versionadded:: 0.2.0
    """

    #: Years of full-time work (or the part-time equivalent) in one skilled trade.
    work_years: int
    #: Work counts within this many years before the application.
    window_years: int
    #: The language level needed in each ability.
    language: LanguageMinimums
    #: The skilled trades, by the classification an occupation is judged by.
    trades: Table[NocVersion, TradeGroups]

    def canonical(self) -> object:
        """A JSON-ready form."""
        return _fields(self)


@frozen(kw_only=True)
class ProgramCriteria:
    """The entry criteria of the three Express Entry programs in one ruleset (:attr:`crsrules.RuleSet.programs`).

    .. versionadded:: 0.2.0
    """

    #: The Federal Skilled Worker Program.
    fsw: FswCriteria
    #: The Canadian Experience Class.
    cec: CecCriteria
    #: The Federal Skilled Trades Program.
    fst: FstCriteria

    def canonical(self) -> object:
        """A JSON-ready form (part of :meth:`crsrules.RuleSet.canonical`)."""
        return _fields(self)
