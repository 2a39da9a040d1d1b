"""The registry of rulesets: one module per policy year, each ruleset in force until the next one starts.

A ruleset is one version of every dated rule crsrules applies: the CRS grid, the rules of evidence and the categories
of category-based selection. ``y2015`` spells out every table; each later module derives from the ruleset before it
and states only what changed.
"""

from __future__ import annotations

import sys
import warnings
from bisect import bisect_right
from datetime import date
from pathlib import Path
from typing import Final

from crsrules._validation import a_date
from crsrules.errors import InvalidArgumentsError, RulesNotInForceError, StaleRulesWarning, UnknownRulesetError
from crsrules.rules import y2015, y2016, y2017, y2018, y2019, y2020, y2022, y2023, y2024, y2025, y2026
from crsrules.rules._categories import CategoryTerms, ExperienceRule, FrenchRule, MilitaryRule
from crsrules.rules._language import Chart, Column, LanguageRules
from crsrules.rules._programs import (
    CecCriteria,
    FstCriteria,
    FswCriteria,
    FswGrid,
    LanguageMinimums,
    ProgramCriteria,
    TradeGroups,
)
from crsrules.rules._ruleset import (
    Additional,
    Core,
    Evidence,
    FrenchBonus,
    NocVersion,
    RuleSet,
    SkillTransferability,
    Source,
    SpouseTables,
)

__all__ = [
    "LAST_KNOWN_DATE",
    "Additional",
    "CategoryTerms",
    "CecCriteria",
    "Chart",
    "Column",
    "Core",
    "Evidence",
    "ExperienceRule",
    "FrenchBonus",
    "FrenchRule",
    "FstCriteria",
    "FswCriteria",
    "FswGrid",
    "LanguageMinimums",
    "LanguageRules",
    "MilitaryRule",
    "NocVersion",
    "ProgramCriteria",
    "RuleSet",
    "SkillTransferability",
    "Source",
    "SpouseTables",
    "TradeGroups",
    "available_rulesets",
    "get_rules",
    "resolve",
    "rules_in_force",
]

#: Every ruleset, oldest first.
_ALL: Final = (
    y2015.RULES_2015_01_01,
    y2016.RULES_2016_11_19,
    y2017.RULES_2017_06_06,
    y2018.RULES_2018_12_01,
    y2019.RULES_2019_10_01,
    y2020.RULES_2020_10_27,
    y2022.RULES_2022_07_28,
    y2022.RULES_2022_11_16,
    y2023.RULES_2023_05_31,
    y2023.RULES_2023_12_11,
    y2024.RULES_2024_01_01,
    y2024.RULES_2024_01_30,
    y2025.RULES_2025_02_27,
    y2025.RULES_2025_03_25,
    y2025.RULES_2025_12_08,
    y2026.RULES_2026_02_18,
)
_BY_ID: Final = {r.id: r for r in _ALL}

#: The latest date on which public sources show the newest ruleset still in force (IRCC's rounds feed of 2026-08-20
#: still ran FSW, CEC and FST rounds under it; reference/crs-points.md, "Update 2026-11-25"). Dates after it get the
#: newest ruleset with a :class:`~crsrules.StaleRulesWarning`.
LAST_KNOWN_DATE: Final = date(2026, 8, 20)


def available_rulesets() -> tuple[RuleSet, ...]:
    """Every ruleset, oldest first.

    Example:
        >>> [r.id for r in available_rulesets()][:2]
        ['2015-01-01', '2016-11-19']

    .. versionadded:: 0.1.0
    """
    return _ALL


def get_rules(id: str | RuleSet) -> RuleSet:  # noqa: A002 (a ruleset's id)
    """The ruleset with this id (its ISO effective date), such as ``"2025-03-25"``; a RuleSet is returned as is.

    Raises:
        UnknownRulesetError: No ruleset has this id; the message suggests close ids.

    .. versionadded:: 0.1.0
    """
    if isinstance(id, RuleSet):
        return id
    try:
        return _BY_ID[id]
    except (KeyError, TypeError):
        raise UnknownRulesetError(id, _BY_ID) from None


def _version_on(on: date) -> RuleSet | None:
    """The version in force on *on*, or None before the first one (the package's one date lookup)."""
    i = bisect_right(_ALL, on, key=lambda r: r.effective) - 1
    return None if i < 0 else _ALL[i]


def rules_in_force(on: date) -> RuleSet:
    """The ruleset in force on *on*: the latest one that starts on or before it.

    Dates after :data:`~crsrules.rules.LAST_KNOWN_DATE` get the newest ruleset and a
    :class:`~crsrules.StaleRulesWarning`.

    Raises:
        RulesNotInForceError: *on* is before 2015-01-01, when Express Entry opened.
        InvalidValueError: *on* is not a date.

    Example:
        >>> rules_in_force(date(2017, 6, 6)).id
        '2017-06-06'

    .. versionadded:: 0.1.0
    """
    on = a_date("on", on)
    found = _version_on(on)
    if found is None:
        raise RulesNotInForceError(on, earliest=_ALL[0].effective)
    if on > LAST_KNOWN_DATE:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; for {on.isoformat()} "
            f"crsrules applies ruleset {_ALL[-1].id}, but IRCC may have changed the rules since"
        )
    return found


_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


# What every stale-rules warning ends with: where to see how current crsrules' rules and data are.
_STALE_HINT: Final = "('crsrules data status' shows how current crsrules' rules and rounds data are)"


def warn_stale(message: str) -> None:
    """Emit a :class:`~crsrules.StaleRulesWarning` that points at the first caller outside crsrules.

    The message ends by naming ``crsrules data status``, which shows how current the rules and rounds data are.
    """
    level = 2  # 1 is this function; 2 its caller
    frame = sys._getframe(1)  # noqa: SLF001 (the standard way to find the caller's depth on Python 3.11)
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(_PACKAGE_DIR):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(f"{message} {_STALE_HINT}", StaleRulesWarning, stacklevel=level)


def resolve(*, on: date | None, rules: str | RuleSet | None) -> RuleSet:
    """The ruleset for exactly one of *on* (the rules in force that day) and *rules* (a pinned ruleset or id).

    Raises:
        InvalidArgumentsError: Neither or both were given.
    """
    if (on is None) == (rules is None):
        msg = "pass exactly one of on= (a date) or rules= (a ruleset or its id, such as '2025-03-25')"
        raise InvalidArgumentsError(msg)
    return rules_in_force(on) if on is not None else get_rules(rules)  # type: ignore[arg-type]
