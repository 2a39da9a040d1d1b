"""The consultant's summary that ``crsrules improve`` prints: what would raise the score, what is coming, recent rounds.

:func:`summary` puts together the ranked improvements (with the best combination of two), the coming changes of the
next 12 months from :func:`crsrules.timeline`, and the outlook of the last 12 months' rounds; :meth:`Summary.lines`
writes them for a terminal, with the tests that give the same levels on one entry.
"""

from __future__ import annotations

import textwrap
import warnings
from typing import TYPE_CHECKING

from attrs import frozen

from crsrules._api import score
from crsrules._validation import LATEST_DATE, a_date
from crsrules.advice._actions import ActionKind, Improvement
from crsrules.advice._improvements import improvements
from crsrules.advice._outlook import Outlook, outlook
from crsrules.candidate import Candidate
from crsrules.errors import InvalidValueError, StaleRulesWarning
from crsrules.evidence import anniversary
from crsrules.rules import LAST_KNOWN_DATE, warn_stale
from crsrules.timeline import ScoreChange, timeline

if TYPE_CHECKING:
    from datetime import date

__all__ = ["Summary", "summary"]

_WIDTH = 88
_INDENT = " " * 14


@frozen(kw_only=True)
class Summary:
    """What would raise a candidate's score, the coming changes of the next 12 months, and the recent rounds.

    .. versionadded:: 0.2.0
    """

    #: The day asked about.
    on: date
    #: The candidate's score on :attr:`on`.
    score: int
    #: The version in force on :attr:`on`.
    rules_id: str
    #: The single actions, most points first (:func:`crsrules.improvements`).
    improvements: tuple[Improvement, ...]
    #: The combination of two actions that gains most, if two gain more together than either alone.
    best_combination: Improvement | None
    #: The days in the next 12 months on which the score changes by itself (:func:`crsrules.timeline`).
    coming_changes: tuple[ScoreChange, ...]
    #: The rounds of the last 12 months replayed for the candidate (:func:`crsrules.outlook`).
    outlook: Outlook

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        best = self.best_combination
        return {
            "on": self.on.isoformat(),
            "score": self.score,
            "rules_id": self.rules_id,
            "improvements": [i.as_dict() for i in self.improvements],
            "best_combination": None if best is None else best.as_dict(),
            "coming_changes": [c.as_dict() for c in self.coming_changes],
            "outlook": self.outlook.as_dict(),
        }

    def lines(self) -> list[str]:
        """The summary for a terminal, in lines of at most 88 characters (a description's long word aside)."""
        out = [f"CRS score on {self.on.isoformat()}: {self.score} (ruleset {self.rules_id})", ""]
        steps = [i for i in self.improvements if not i.is_life_event]
        life = [i for i in self.improvements if i.is_life_event]
        out.append("What would raise it, most points first:" if steps else "No test or document would raise it.")
        out += _entries(steps, self.on)
        best = self.best_combination
        if best is not None:
            first, second = best.parts
            out += ["", f"Best combination of two: {best.gain:+d} (alone {first.gain:+d} and {second.gain:+d})"]
            out += _wrapped(f"1. {first.description}", "  ") + _wrapped(f"2. {second.description}", "  ")
        if life:
            out += ["", "Life events the rules reward (not the candidate's to decide):"]
            out += _entries(life, self.on)
        out += ["", "Coming changes in the next 12 months (from the timeline):"]
        if not self.coming_changes:
            out.append("  none")
        for change in self.coming_changes:
            out += _wrapped(f"{change.on.isoformat()} {change.delta:+5d}  {'; '.join(change.reasons)}", "  ", 19)
        return [*out, "", *_outlook_lines(self.outlook)]


def summary(candidate: Candidate, *, on: date) -> Summary:
    """The summary of *candidate* on *on*: improvements, the coming changes of the next 12 months, recent rounds.

    Raises:
        InvalidValueError: *candidate* is not a Candidate, or *on* is not a date (or before the birth date).
        RulesNotInForceError: *on* is before 2015-01-01.

    .. versionadded:: 0.2.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    on = a_date("on", on)
    until = min(anniversary(on, 1), LATEST_DATE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)  # one warning for the whole summary, below
        found = improvements(candidate, on=on, pairs=True)
        breakdown = score(candidate, on=on)
        coming = timeline(candidate, on, until)
        seen = outlook(candidate, on=on)
    latest = max([until, *(i.on for i in found)])
    if latest > LAST_KNOWN_DATE:
        warn_stale(
            f"the CRS rules were last confirmed in force on {LAST_KNOWN_DATE.isoformat()}; the improvements and "
            f"coming changes up to {latest.isoformat()} apply the latest ruleset, but IRCC may have changed the "
            "rules since"
        )
    combined = [i for i in found if i.parts]
    return Summary(
        on=on,
        score=breakdown.total,
        rules_id=breakdown.rules_id,
        improvements=tuple(i for i in found if not i.parts),
        best_combination=combined[0] if combined else None,
        coming_changes=coming,
        outlook=seen,
    )


def _wrapped(text: str, indent: str, hang: int = 3) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + " " * hang,
                         break_long_words=False, break_on_hyphens=False)  # fmt: skip


def _entries(found: list[Improvement], on: date) -> list[str]:
    """One entry per action, the tests that give the same levels and points written as alternatives."""
    out = []
    shown: dict[tuple[object, ...], list[Improvement]] = {}
    for i in found:
        target = i.language
        if target is None:
            key: tuple[object, ...] = (id(i),)
        else:
            # The spouse's points do not depend on the language; the candidate's do (first or second language).
            lv = target.levels
            language = None if target.spouse else lv.language
            key = (i.action, i.gain, i.on, language, lv.listening, lv.reading, lv.writing, lv.speaking)
        shown.setdefault(key, []).append(i)
    for group in shown.values():
        first = group[0]
        when = "" if first.on == on else f" on {first.on.isoformat()}"
        text = first.description
        for other in group[1:]:
            if other.language is not None:
                text += f" Or {other.language.test.label}: at least {other.language.scores_text()}."
        if first.categories:
            text += " Eligible for: " + ", ".join(c.title for c in first.categories) + "."
        text += f" (Score {first.total}{when}.)"
        lines = _wrapped(text, _INDENT, 0)
        head = f"  {first.gain:+5d}  {_KIND_SHORT[first.kind]}"
        out.append(head.ljust(len(_INDENT)) + lines[0][len(_INDENT) :])
        out += lines[1:]
    return out


_KIND_SHORT = {
    ActionKind.RETEST: "test",
    ActionKind.NEW_DOCUMENT: "doc",
    ActionKind.PROTECT: "keep",
    ActionKind.LIFE_EVENT: "life",
}


def _outlook_lines(seen: Outlook) -> list[str]:
    window = f"Rounds from {seen.start.isoformat()} to {seen.on.isoformat()}"
    out = [f"{window}: {seen.rounds} rounds, {seen.invited} would have invited the candidate."]
    out += _wrapped(seen.note, "", 0)
    met = [g for g in seen.groups if g.conditions_met or g.invited or g.undecided]
    if met:
        out += ["", f"  {'round type':<42}{'rounds':>6}  {'cut-offs':>15}  {'invited':>7}  {'needed':>6}"]
        for g in met:
            cutoffs = f"{g.lowest_cutoff}/{g.median_cutoff:g}/{g.highest_cutoff}"
            needed = "-" if g.needed is None else str(g.needed)
            out.append(f"  {g.label[:42]:<42}{g.rounds:>6}  {cutoffs:>15}  {g.invited:>7}  {needed:>6}")
        out += _wrapped(f"Cut-offs: lowest/median/highest. Needed: the lowest score above the cut-off of half the "
                        f"rounds of the type, the candidate has {seen.score}; '-': the other conditions were met in "
                        "fewer than half.", "  ", 0)  # fmt: skip
    others = [g for g in seen.groups if g not in met]
    if others:
        listed = ", ".join(f"{g.label} ({g.rounds})" for g in others)
        out += _wrapped(f"Conditions not met (program, nomination, category) on each round's date: {listed}.", "  ", 2)
    return out
