"""How a candidate's score moves over time: :func:`timeline` lists each date in a window when it changes, and why.

Scores change on a birthday, when a test result or an ECA expires, when a year of work is completed or slides out of
the 10-year window, when a credential, nomination, offer or certificate starts to count, and when a new ruleset takes
effect. The timeline takes the candidate's facts on every day of the window, so no such date is missed.
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from crsrules._validation import a_date
from crsrules.candidate import Candidate
from crsrules.derive import derive
from crsrules.errors import InvalidArgumentsError, InvalidValueError, StaleRulesWarning
from crsrules.rules import LAST_KNOWN_DATE, get_rules, warn_stale
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    from crsrules.model import Factors, LanguageLevels, SpouseFactors
    from crsrules.rules import RuleSet

__all__ = ["ScoreChange", "timeline"]

# The longest window a timeline covers (a day-by-day scan; 20 years take about a second).
_MAX_DAYS = 366 * 20


@frozen(kw_only=True)
class ScoreChange:
    """A day on which the candidate's CRS score changes.

    .. versionadded:: 0.1.0
    """

    #: The first day of the new score.
    on: date
    #: The score the day before.
    before: int
    #: The score from this day.
    after: int
    #: The ruleset in force from this day.
    rules_id: str
    #: What changed, in words (such as "age 30 -> 31").
    reasons: tuple[str, ...]

    @property
    def delta(self) -> int:
        """``after - before``."""
        return self.after - self.before

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "on": self.on.isoformat(),
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "rules_id": self.rules_id,
            "reasons": list(self.reasons),
        }


def timeline(
    candidate: Candidate, start: date, end: date, *, rules: RuleSet | str | None = None
) -> tuple[ScoreChange, ...]:
    """Every date from the day after *start* to *end* (inclusive) on which *candidate*'s score changes.

    Each day uses the version in force that day, or the pinned *rules* (a version or its id) on every day, so
    that only the facts move. Dates after :data:`crsrules.rules.LAST_KNOWN_DATE` use the latest version, with one
    :class:`~crsrules.StaleRulesWarning` for the whole call (none when *rules* is pinned).

    Raises:
        InvalidValueError: *start* or *end* is not a date, or *candidate* is not a Candidate.
        InvalidArgumentsError: *end* is before *start*, or the window is longer than 20 years.
        RulesNotInForceError: *start* is before 2015-01-01.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate
        >>> c = Candidate(birth_date=date(1995, 7, 1))
        >>> [(x.on.isoformat(), x.before, x.after) for x in timeline(c, date(2025, 1, 1), date(2026, 1, 1))]
        [('2025-07-01', 110, 105)]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    pinned = None if rules is None else get_rules(rules)
    start, end = a_date("start", start), a_date("end", end)
    if end < start:
        raise InvalidArgumentsError(f"end ({end.isoformat()}) is before start ({start.isoformat()})")
    if (end - start).days > _MAX_DAYS:
        raise InvalidArgumentsError("a timeline covers at most 20 years; split the window")
    changes = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)
        previous = derive(candidate, on=start, rules=pinned)
        previous_total = score_factors(previous.factors, previous.rules).total
        day = start
        while day < end:
            day += timedelta(days=1)
            current = derive(candidate, on=day, rules=pinned)
            if current.factors == previous.factors and current.rules is previous.rules:
                continue
            total = score_factors(current.factors, current.rules).total
            if total != previous_total:
                reasons = _reasons(previous.factors, current.factors, previous.rules, current.rules)
                changes.append(
                    ScoreChange(on=day, before=previous_total, after=total, rules_id=current.rules.id, reasons=reasons)
                )
            previous, previous_total = current, total
    if end > LAST_KNOWN_DATE and pinned is None:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; the timeline applies "
            "the latest ruleset after that, but IRCC may have changed the rules since"
        )
    return tuple(changes)


def _levels(levels: LanguageLevels | None) -> str:
    if levels is None:
        return "none valid"
    scale = levels.language.scale
    return f"{levels.language.value} {scale} {levels.listening}/{levels.reading}/{levels.writing}/{levels.speaking}"


def _reasons(old: Factors, new: Factors, old_rules: RuleSet, new_rules: RuleSet) -> tuple[str, ...]:
    """What differs between two days' inputs and rules, in words."""
    reasons = []
    if new_rules is not old_rules:
        reasons.append(f"ruleset {new_rules.id} takes effect: {new_rules.summary}")
    if old.age != new.age:
        reasons.append(f"age {old.age} -> {new.age}")
    if old.education != new.education:
        reasons.append(f"education {old.education.value} -> {new.education.value} (a credential or ECA started or "
                       "stopped counting)")  # fmt: skip
    for name, label in (("first_language", "first official language"), ("second_language", "second official language")):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {_levels(before)} -> {_levels(after)} (a result started or stopped counting)")
    for name, label in (("canadian_work_years", "Canadian work"), ("foreign_work_years", "foreign work")):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {before} -> {after} completed years in the window")
    if old.spouse != new.spouse:
        reasons.extend(_spouse_reasons(old.spouse, new.spouse))
    return (*reasons, *_additional_reasons(old, new))


def _spouse_reasons(old: SpouseFactors | None, new: SpouseFactors | None) -> list[str]:
    if old is None or new is None:
        return ["spouse column " + ("applies" if new is not None else "no longer applies")]
    reasons = []
    if old.education != new.education:
        reasons.append(f"spouse education {old.education.value} -> {new.education.value}")
    if old.first_language != new.first_language:
        reasons.append(f"spouse language: {_levels(old.first_language)} -> {_levels(new.first_language)}")
    if old.canadian_work_years != new.canadian_work_years:
        reasons.append(f"spouse Canadian work: {old.canadian_work_years} -> {new.canadian_work_years} completed years")
    return reasons


def _additional_reasons(old: Factors, new: Factors) -> list[str]:
    reasons = []
    for name, label in (
        ("certificate_of_qualification", "certificate of qualification"),
        ("provincial_nomination", "provincial nomination"),
        ("arranged_employment", "arranged employment"),
        ("canadian_education", "Canadian education"),
        ("sibling_in_canada", "sibling in Canada"),
    ):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            reasons.append(f"{label}: {_value(before)} -> {_value(after)}")
    return reasons


def _value(value: object) -> str:
    if value is None or value is False:
        return "no"
    if value is True:
        return "yes"
    return str(getattr(value, "value", value))
