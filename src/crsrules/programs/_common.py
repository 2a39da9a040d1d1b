"""What the three programs share: the arguments, occupation codes by NOC version, runs of work, language results.

The reasoning here reuses :mod:`crsrules.evidence` (valid test results, counted hours, skilled occupations) and adds
what the programs need beyond the CRS: the code an occupation is judged by, and the continuous periods of work in one
occupation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

import attrs

from crsrules._validation import a_date
from crsrules.candidate import Candidate, Job
from crsrules.conditions import Condition, Value
from crsrules.errors import InvalidValueError
from crsrules.evidence import continuous_periods, skilled_occupation, work_hours
from crsrules.headings import Program
from crsrules.rules import NocVersion, get_rules, rules_in_force

if TYPE_CHECKING:
    from crsrules.evidence import CountedResult
    from crsrules.model import LanguageLevels
    from crsrules.rules import RuleSet

__all__ = ["Program"]


def json_ready(value: object) -> object:
    """*value* as JSON-ready data: attrs objects as dicts of their fields, enums by value, dates in ISO form."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [json_ready(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_ready(item) for key, item in value.items()}
    if attrs.has(type(value)):
        return {f.name: json_ready(getattr(value, f.name)) for f in attrs.fields(type(value))}  # type: ignore[arg-type]
    return value


# A tiny tolerance for comparing sums of hours (days x hours a week / 7) with thresholds such as 1,560.
EPSILON = 1e-9


def start(candidate: object, on: object, rules: str | RuleSet | None) -> tuple[Candidate, date, RuleSet]:
    """Check the arguments; the ruleset is *rules* (an id or a RuleSet) if given, else the one in force *on* the day."""
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    day = a_date("on", on)
    return candidate, day, rules_in_force(day) if rules is None else get_rules(rules)


def occupation_code(noc: str | None, noc_2016: str | None, *, rules: RuleSet) -> tuple[NocVersion, str, str]:
    """The classification and code an occupation is judged by under *rules*, and a note when it had to fall back.

    The ruleset's own classification is used when the job has its code; otherwise the other code, judged by its own
    classification (no concordance between NOC 2016 and NOC 2021 is shipped), as
    :func:`crsrules.evidence.skilled_occupation` does.
    """
    if rules.noc_version is NocVersion.NOC_2021:
        if noc is not None:
            return NocVersion.NOC_2021, noc, ""
        if noc_2016 is not None:
            return NocVersion.NOC_2016, noc_2016, f" (NOC 2016 {noc_2016} used: no NOC 2021 code given)"
    else:
        if noc_2016 is not None:
            return NocVersion.NOC_2016, noc_2016, ""
        if noc is not None:
            return NocVersion.NOC_2021, noc, f" (NOC 2021 {noc} used: no NOC 2016 code given)"
    raise InvalidValueError("noc", None, "a NOC 2021 or NOC 2016 code")


def noc_label(version: NocVersion, code: str) -> str:
    """A code with its classification, such as ``"NOC 2021 21231"``."""
    return f"NOC {'2021' if version is NocVersion.NOC_2021 else '2016'} {code}"


def skilled_jobs(
    jobs: Iterable[Job],
    *,
    rules: RuleSet,
    canadian_only: bool = False,
    exclude_self_employed: bool = False,
    exclude_full_time_student: bool = False,
) -> tuple[list[Job], list[str]]:
    """The paid jobs in skilled occupations under *rules* that pass the filters, and the approximation notes."""
    kept: list[Job] = []
    notes: list[str] = []
    for job in jobs:
        if not job.paid or (canadian_only and not job.in_canada):
            continue
        if (exclude_self_employed and job.self_employed) or (exclude_full_time_student and job.while_full_time_student):
            continue
        skilled, note = skilled_occupation(job.noc, job.noc_2016, rules=rules)
        if skilled:
            kept.append(job)
            if note and note not in notes:
                notes.append(note)
    return kept, notes


def hours(jobs: Iterable[Job], *, first: date, last: date, rules: RuleSet) -> float:
    """Full-time-equivalent hours of *jobs* from *first* to *last* (both included), capped at full time each day."""
    return work_hours(jobs, first=first, last=last, full_time=rules.evidence.full_time_hours_per_week)


class Run:
    """A continuous period of work: consecutive days each covered by at least one of its jobs."""

    def __init__(self, first: date, last: date, jobs: list[Job]) -> None:
        self.first = first
        self.last = last
        self.jobs = jobs
        self.hours = 0.0


def continuous_runs(jobs: Iterable[Job], *, first: date, last: date, rules: RuleSet) -> list[Run]:
    """The continuous periods of *jobs* within the window from *first* to *last*, with their hours.

    Jobs that overlap or follow each other without a day between them make one period; a day with no job breaks it.
    """
    periods = continuous_periods(jobs, first=first, last=last)
    runs = [Run(start, end, period_jobs) for start, end, period_jobs in periods]
    for run in runs:
        run.hours = hours(run.jobs, first=first, last=last, rules=rules)
    return runs


def abilities(levels: LanguageLevels) -> dict[str, int]:
    """The four levels by ability name, in IRCC's order."""
    return {
        "listening": levels.listening,
        "reading": levels.reading,
        "writing": levels.writing,
        "speaking": levels.speaking,
    }


def result_values(result: CountedResult | None) -> dict[str, Value]:
    """The language, test, test date and four levels of *result* (all None without one), for a condition's values."""
    if result is None:
        return dict.fromkeys(("language", "test", "tested_on", "listening", "reading", "writing", "speaking"))
    return {
        "language": result.language.value,
        "test": result.test.value,
        "tested_on": result.tested_on,
        **abilities(result.levels),
    }


def notes_of(assumptions: Iterable[str], conditions: Iterable[Condition]) -> tuple[str, ...]:
    """A result's notes: what crsrules assumed or approximated, then the conditions it does not check."""
    return (*assumptions, *(c.message for c in conditions if c.met is None))


def reasons_of(conditions: Iterable[Condition]) -> tuple[str, ...]:
    """A program's reasons: the messages of its unmet conditions, in order."""
    return tuple(c.message for c in conditions if c.met is False)


def result_name(result: CountedResult) -> str:
    """A result's test and date, such as ``"CELPIP-General test of 2025-01-10"``."""
    return f"{result.test.label} test of {result.tested_on.isoformat()}"


def describe_result(result: CountedResult) -> str:
    """A result with its levels, such as ``"CELPIP-General test of 2025-01-10 (CLB 9/9/9/8: L/R/W/S)"``."""
    levels = result.levels
    values = "/".join(str(v) for v in abilities(levels).values())
    return f"{result_name(result)} ({levels.language.scale} {values}: L/R/W/S)"


def hours_text(value: float) -> str:
    """Hours in words, rounded down to whole hours so that a shortfall never reads as enough."""
    return f"{int(value + EPSILON):,} hours"
