"""The rules of evidence that several answers share: dates, hours of work, valid results, counted credentials.

The CRS derivation (:mod:`crsrules.derive`), category-based selection and the programs' entry criteria all count
facts the same way; the numbers (2 years for a language result, 5 for an ECA, 30 hours a week, 1,560 hours a year)
are the version's :class:`~crsrules.rules.Evidence`, and this module holds the counting. Choices where IRCC's texts
are silent are documented where they are made:

- Anniversaries of 29 February fall on 1 March in common years (a birthday, a test's or an ECA's expiry).
- A language result counts from its test date until the day before its second anniversary.
- Several valid results in one language: the one with the highest levels in total (then the latest) is used.
- Work: each day of a job contributes its hours a week divided by 7, the day's total capped at full time (overlapping
  jobs never count twice, E6).
- Skilled work is judged by the classification of the version: NOC 2016 skill type 0 or level A/B before
  2022-11-16, NOC 2021 TEER 0-3 from then on. A job with only the other code is judged by that code's own structure
  (an approximation, since no concordance is shipped; the evidence says so).
- A fact given without its date is taken as the candidate would expect: a credential without a completion date is
  counted as obtained, a job offer without an offer date as in force until it ends (:func:`completed_by`,
  :func:`offer_in_force`); the evidence says so.
- A language result is read with the charts of the version applied. A result that this version cannot read (a test
  it does not accept, or results on a scale it has no chart for: only possible when an older version is pinned for
  facts taken later) does not count; one that the rules of its own test date cannot read is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from crsrules.candidate import Credential, Job, JobOffer, LanguageResult
from crsrules.errors import InvalidValueError
from crsrules.language import levels as test_date_levels
from crsrules.occupations import noc2016_skill, occupation
from crsrules.rules import NocVersion

if TYPE_CHECKING:
    from crsrules.language_tests import LanguageTest
    from crsrules.model import LanguageLevels, OfficialLanguage
    from crsrules.rules import RuleSet

__all__ = [
    "CountedResult",
    "age_on",
    "anniversary",
    "completed_by",
    "continuous_periods",
    "count_result",
    "counted_credentials",
    "credential_not_counted",
    "occupation_code",
    "offer_in_force",
    "rank_key",
    "read_result",
    "skilled_occupation",
    "valid_language_results",
    "work_hours",
    "work_window",
]


def anniversary(day: date, years: int) -> date:
    """*day* moved by whole *years*; 29 February becomes 1 March in a common year.

    Example:
        >>> anniversary(date(2024, 2, 29), 2)
        datetime.date(2026, 3, 1)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return date(day.year + years, 3, 1)


def age_on(birth_date: date, on: date) -> int:
    """Age in completed years on *on*."""
    years = on.year - birth_date.year
    return years if anniversary(birth_date, years) <= on else years - 1


class CountedResult(NamedTuple):
    """A language result that counts on a date, with its levels under the version applied.

    .. versionadded:: 0.2.0
    """

    #: The result, as the candidate's facts give it.
    result: LanguageResult
    #: Its CLB / NCLC levels.
    levels: LanguageLevels

    @property
    def test(self) -> LanguageTest:
        """The test."""
        return self.result.test

    @property
    def tested_on(self) -> date:
        """The test date."""
        return self.result.tested_on

    @property
    def language(self) -> OfficialLanguage:
        """The official language the test measures."""
        return self.result.language


def read_result(result: LanguageResult, *, rules: RuleSet) -> LanguageLevels | None:
    """The levels of *result* under *rules*, or None if *rules* cannot read it (see the module's notes).

    Raises:
        InvalidValueError: A score is impossible on the scale of the result's own test date.
        TestNotAcceptedError: IRCC did not accept the test on its date.

    .. versionadded:: 0.2.0
    """
    language = rules.language
    if language.accepts(result.test, result.tested_on):
        try:
            chart = language.chart(result.test, result.tested_on, result.tef_scale)
            return chart.convert(
                result.test.language,
                listening=result.listening,
                reading=result.reading,
                writing=result.writing,
                speaking=result.speaking,
            )
        except InvalidValueError:
            pass
    test_date_levels(result)  # raises if the result was never valid under the rules of its own date
    return None


def work_window(on: date, years: int) -> tuple[date, date]:
    """The first and last day of "the *years* years before" *on*.

    IRPR and IRCC's instructions count work "within the N years before the date" of the application or invitation
    (FSW, IRPR s. 75(2)(a): "within the 10 years before the date on which their application ... is made"; CEC, s.
    87.1(2)(a): "within the three years before the date"), and the CRS counts the years "in the last 10 years" in the
    same way: the window starts on the day N years back (29 February going to 1 March) and ends the day before the
    date, which is not in it.

    Example:
        >>> work_window(date(2025, 6, 1), 3)
        (datetime.date(2022, 6, 1), datetime.date(2025, 5, 31))

    .. versionadded:: 0.2.0
    """
    return anniversary(on, -years), on - timedelta(days=1)


def work_hours(jobs: Iterable[Job], *, first: date, last: date, full_time: float) -> float:
    """Full-time-equivalent hours worked from *first* to *last*, both included.

    Each day counts its jobs' hours a week divided by 7, all jobs together capped at *full_time* hours a week, so
    overlapping jobs and overtime never add up to more than full time.

    .. versionchanged:: 0.2.0 The days are given as an inclusive range (see :func:`work_window`).
    """
    changes: dict[date, float] = {}
    get = changes.get
    one_day = timedelta(days=1)
    for job in jobs:
        start, end = job.start, job.end
        if start > last or (end is not None and end < first):
            continue
        start = max(start, first)
        end = last if end is None or end > last else end
        if start > end:
            continue
        hours = job.hours_per_week
        changes[start] = get(start, 0.0) + hours
        after = end + one_day
        changes[after] = get(after, 0.0) - hours
    total = 0.0
    weekly = 0.0
    previous: date | None = None
    for day in sorted(changes):
        if previous is not None and weekly > 0:
            total += (day - previous).days * min(weekly, full_time)
        weekly += changes[day]
        previous = day
    return total / 7


def valid_language_results(
    results: Iterable[LanguageResult], *, on: date, rules: RuleSet
) -> dict[OfficialLanguage, CountedResult]:
    """The best result in each official language that is valid *on* the date (rule E10), with its levels.

    A result counts from its test date until the day before the anniversary that ends its validity, if *rules*
    accepts it; of several valid results in one language, the one with the highest levels in total (then the
    latest) is kept.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The values are :class:`CountedResult`, read with the charts of *rules*.
    """
    best: dict[OfficialLanguage, CountedResult] = {}
    for result in results:
        counted = count_result(result, on=on, rules=rules)
        if isinstance(counted, str):
            continue
        current = best.get(result.language)
        if current is None or rank_key(counted) > rank_key(current):
            best[result.language] = counted
    return best


def count_result(result: LanguageResult, *, on: date, rules: RuleSet) -> CountedResult | str:
    """*result* with its levels if it counts *on* the date (rule E10), else why not.

    Returns:
        The counted result, or ``"not_yet_taken"``, ``"expired"`` (on or after the anniversary that ends its
        validity) or ``"not_read"`` (*rules* has no chart for it: see the module's notes).

    .. versionadded:: 0.2.0
    """
    if on < result.tested_on:
        return "not_yet_taken"
    if on >= anniversary(result.tested_on, rules.evidence.language_valid_years):
        return "expired"
    levels = read_result(result, rules=rules)
    return "not_read" if levels is None else CountedResult(result, levels)


def completed_by(credential: Credential, on: date) -> bool:
    """Whether *credential* was obtained by *on*; one without a completion date is taken to be.

    .. versionadded:: 0.2.0
    """
    return credential.completed_on is None or credential.completed_on <= on


def offer_in_force(offer: JobOffer, on: date) -> bool:
    """Whether a job offer qualifies *on* a day: made by then (taken to be if its date is not given), not ended.

    .. versionadded:: 0.2.0
    """
    made = offer.offered_on is None or offer.offered_on <= on
    return made and (offer.ends_on is None or on <= offer.ends_on)


def counted_credentials(credentials: Iterable[Credential], *, on: date, rules: RuleSet) -> list[Credential]:
    """The credentials obtained by *on* that count: Canadian ones, or foreign ones with a valid ECA (rule E3).

    A credential without a completion date is counted as obtained (:func:`completed_by`).

    .. versionadded:: 0.1.0
    """
    return [c for c in credentials if credential_not_counted(c, on=on, rules=rules) is None]


def credential_not_counted(credential: Credential, *, on: date, rules: RuleSet) -> str | None:
    """Why *credential* does not count *on* the date (rule E3), or None if it counts.

    Returns:
        None, or ``"not_completed"``, or for a foreign credential ``"no_eca"``, ``"eca_not_yet_issued"`` or
        ``"eca_expired"`` (an ECA counts for the version's years from its issue date).

    .. versionadded:: 0.2.0
    """
    if not completed_by(credential, on):
        return "not_completed"
    if credential.in_canada:
        return None
    issued = credential.eca_issued_on
    if issued is None:
        return "no_eca"
    if on < issued:
        return "eca_not_yet_issued"
    return "eca_expired" if on >= anniversary(issued, rules.evidence.eca_valid_years) else None


def skilled_occupation(noc: str | None, noc_2016: str | None, *, rules: RuleSet) -> tuple[bool, str]:
    """Whether an occupation is skilled under *rules*' classification, and a note when it had to be approximated.

    NOC 2016 skill type 0 or level A/B before 2022-11-16, NOC 2021 TEER 0-3 from then on. A job with only the other
    code is judged by that code's own structure (no concordance is shipped), and the note says so.

    .. versionadded:: 0.1.0
    """
    key = (noc, noc_2016, rules.noc_version is NocVersion.NOC_2021)
    known = _SKILLED.get(key)
    if known is None:  # a code that is not valid raises, and is never stored
        if len(_SKILLED) > _SKILLED_MAX:  # codes written in many ways (spaces, dashes) cannot grow it without end
            _SKILLED.clear()
        known = _SKILLED[key] = _skilled_occupation(noc, noc_2016, rules=rules)
    return known


#: The answers of skilled_occupation by codes and classification: a candidate's jobs are judged on every date
#: derived (every round, every day of a timeline). Only valid codes are stored, so it holds at most every NOC code.
_SKILLED: dict[tuple[str | None, str | None, bool], tuple[bool, str]] = {}
_SKILLED_MAX = 20_000


def _skilled_occupation(noc: str | None, noc_2016: str | None, *, rules: RuleSet) -> tuple[bool, str]:
    code, other = occupation_code(noc, noc_2016, rules=rules)
    if code is None:
        raise InvalidValueError("noc", None, "a NOC 2021 or NOC 2016 code")
    if other == "noc_2016":
        return noc2016_skill(code).is_skilled, f" (NOC 2016 {code} used: no NOC 2021 code given)"
    if other == "noc_2021":
        return occupation(code).is_skilled, f" (NOC 2021 {code} TEER used: no NOC 2016 code given)"
    return (occupation(code) if rules.noc_version is NocVersion.NOC_2021 else noc2016_skill(code)).is_skilled, ""


def occupation_code(noc: str | None, noc_2016: str | None, *, rules: RuleSet) -> tuple[str | None, str | None]:
    """The occupation code *rules* judge by, and the other classification when it had to fall back to it.

    NOC 2021 from 2022-11-16, NOC 2016 before; without that code, the other one, and ``"noc_2016"`` or
    ``"noc_2021"`` says which was used (None when no fallback was needed).

    .. versionadded:: 0.2.0
    """
    if rules.noc_version is NocVersion.NOC_2021:
        return (noc, None) if noc is not None else (noc_2016, "noc_2016")
    return (noc_2016, None) if noc_2016 is not None else (noc, "noc_2021")


def continuous_periods(jobs: Iterable[Job], *, first: date, last: date) -> list[tuple[date, date, list[Job]]]:
    """The unbroken runs of days from *first* to *last* (both included) covered by at least one of *jobs*.

    Jobs that overlap or follow each other without a day between them make one period; a day with no job breaks it.
    Each period comes with its first and last day and its jobs, oldest first.

    .. versionadded:: 0.1.0
    """
    spans = []
    for job in jobs:
        start = max(job.start, first)
        end = last if job.end is None else min(job.end, last)
        if start <= end:
            spans.append((start, end, job))
    spans.sort(key=lambda span: (span[0], span[1]))
    periods: list[tuple[date, date, list[Job]]] = []
    for start, end, job in spans:
        if periods and start <= periods[-1][1] + timedelta(days=1):
            period_start, period_end, period_jobs = periods[-1]
            period_jobs.append(job)
            periods[-1] = (period_start, max(period_end, end), period_jobs)
        else:
            periods.append((start, end, [job]))
    return periods


def rank_key(result: CountedResult) -> tuple[int, date]:
    """The order of results in one language: the highest levels in total, then the latest.

    .. versionadded:: 0.2.0
    """
    levels = result.levels
    return levels.listening + levels.reading + levels.writing + levels.speaking, result.tested_on


