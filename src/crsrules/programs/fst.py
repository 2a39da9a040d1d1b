"""Federal Skilled Trades Program (FST): two years in a skilled trade, a job offer or certificate, and language.

A candidate meets the FST entry criteria on a day when (IRPR s. 87.2; research notes 7.4):

- **Work**: at least 2 years (3,120 hours) of full-time paid work, or the part-time equivalent, in a skilled trade
  within the 5 years before the day.
- **Offer or certificate**: a valid full-time job offer of at least 1 year, or a certificate of qualification in the
  trade from a Canadian provincial, territorial or federal authority.
- **Language**: CLB 5 in speaking and listening and CLB 4 in reading and writing, on a valid English or French result.

There is no education requirement. Proof of funds is needed unless the candidate is authorized to work in Canada and
holds a valid job offer; crsrules does not check it.

**Which occupations are skilled trades.** Before 2022-11-16 (NOC 2016) the trades are NOC 2016 major groups 72, 73,
82 and 92 and minor groups 632 and 633, as secondary copies of IRCC's page list them. From 2022-11-16 (NOC 2021) the
research notes mark the list **[UNCONFIRMED]**: major groups 72 (without sub-major group 726), 73, 82, 83, 92 and 93,
minor group 6320 and unit group 62200. crsrules also leaves out sub-major group 932 (aircraft assemblers and
inspectors), which public transcriptions of IRPR s. 87.2(1) and of IRCC's page exclude but the research notes do not
mention. Every result that relies on the NOC 2021 list says so (:attr:`FstAssessment.trades_confirmed` is False and
a note is added).

Choices where the sources are silent, documented here and in the how-to guide:

- The 2 years must be in one trade ("the skilled trade occupation" of IRPR s. 87.2(3)): the hours of each unit group
  are counted separately, and the trade with the most is reported. They need not be continuous.
- Work while a full-time student and self-employment are not excluded for FST; unpaid work never counts.
- The job offer (:attr:`crsrules.Candidate.job_offer`, which the caller asserts qualifies) must be in force on the
  day and in a skilled trade; the certificate must be issued by the day and, if its NOC code is given, be in a
  skilled trade. crsrules does not check that either is in the same trade as the work, nor that the work met the
  NOC's employment requirements for the trade.

References:
    - IRPR s. 87.2 (federal skilled trades class):
      https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.2.html
    - IRCC, Federal Skilled Trades Program eligibility:
      https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/federal-skilled-trades.html
    - NOC 2016 trade groups as copied from IRCC's page (S64):
      https://northsideimmigrationinc.com/federal-skilled-trades ;
      http://pcimmigration.com/immigration/federal-skilled-trade-workers
    - The project's research notes: ``reference/crs-points.md`` section 7.4.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules.derive import valid_language_results
from crsrules.programs._common import (
    EPSILON,
    Program,
    abilities,
    describe_result,
    hours,
    hours_text,
    json_ready,
    noc_label,
    occupation_code,
    start,
    window_start,
)
from crsrules.rules import NocVersion

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

    from crsrules.candidate import Candidate, Job
    from crsrules.model import LanguageLevels
    from crsrules.rules import RuleSet

__all__ = [
    "LANGUAGE",
    "TRADES",
    "WINDOW_YEARS",
    "WORK_YEARS",
    "FstAssessment",
    "LanguageMinimums",
    "TradeGroups",
    "fst_eligibility",
]


@frozen(kw_only=True)
class TradeGroups:
    """The groups of one NOC version whose occupations are skilled trades.

    A code is a trade when it starts with one of :attr:`included` and with none of :attr:`excluded` (group codes
    are the leading digits of the unit groups they hold).

    Example:
        >>> TRADES[NocVersion.NOC_2021].contains("72310"), TRADES[NocVersion.NOC_2021].contains("72600")
        (True, False)

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


@frozen(kw_only=True)
class LanguageMinimums:
    """The CLB/NCLC level needed in each ability.

    .. versionadded:: 0.1.0
    """

    listening: int
    reading: int
    writing: int
    speaking: int

    def shortfalls(self, levels: LanguageLevels) -> dict[str, int]:
        """The abilities of *levels* below their minimum, with the level reached."""
        needed = {"listening": self.listening, "reading": self.reading, "writing": self.writing,
                  "speaking": self.speaking}  # fmt: skip
        return {name: level for name, level in abilities(levels).items() if level < needed[name]}


# --- Rules -----------------------------------------------------------------------------------------------------------

# Work (IRPR s. 87.2(3); S57): years of full-time work (Evidence.hours_per_year, 1,560 hours, each) in the trade.
WORK_YEARS = 2
# Work (IRPR s. 87.2(3); S57): the window, in years before the application.
WINDOW_YEARS = 5
#: Language (S57): CLB 5 in speaking and listening, CLB 4 in reading and writing.
LANGUAGE = LanguageMinimums(listening=5, reading=4, writing=4, speaking=5)
#: The skilled trades by NOC version (S64 for NOC 2016; NOC 2021 [UNCONFIRMED], see the module's notes).
TRADES: Mapping[NocVersion, TradeGroups] = MappingProxyType(
    {
        NocVersion.NOC_2016: TradeGroups(included=("72", "73", "82", "92", "632", "633"), confirmed=True),
        NocVersion.NOC_2021: TradeGroups(
            included=("72", "73", "82", "83", "92", "93", "6320", "62200"), excluded=("726", "932"), confirmed=False
        ),
    }
)
_UNCONFIRMED = (
    "[UNCONFIRMED] the NOC 2021 list of skilled trades (major groups 72 without 726, 73, 82, 83, 92, 93 without 932; "
    "minor group 6320; unit group 62200) is not confirmed against an IRCC primary text"
)


# --- Results ---------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class FstAssessment:
    """Whether a candidate meets the Federal Skilled Trades Program's entry criteria on a day, and why.

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the application is received).
    on: date
    #: The id of the ruleset in force that day (it decides NOC 2016 or NOC 2021).
    rules_id: str
    #: Work, offer or certificate, and language are all met.
    eligible: bool
    #: 2 years of work in one skilled trade in the 5 years.
    work_experience_met: bool
    #: A valid job offer or a certificate of qualification in a skilled trade.
    offer_or_certificate_met: bool
    #: A valid result meets the minimum in each ability.
    language_met: bool
    #: The code of the trade with the most hours in the 5 years, or None without paid work in a trade.
    trade: str | None
    #: Full-time-equivalent hours in that trade.
    trade_hours: float
    #: A job offer in a skilled trade is in force on the day.
    job_offer: bool
    #: A certificate of qualification (in a skilled trade, when its code is given) was issued by the day.
    certificate: bool
    #: False when the decision relied on the [UNCONFIRMED] NOC 2021 list of trades.
    trades_confirmed: bool
    #: Why the candidate is not eligible (empty when eligible).
    reasons: tuple[str, ...]
    #: What crsrules did not check, had to approximate, or could not confirm.
    notes: tuple[str, ...] = field(repr=False)

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.FST`."""
        return Program.FST

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def fst_eligibility(candidate: Candidate, *, on: date) -> FstAssessment:
    """Assess *candidate* against the Federal Skilled Trades Program's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the 5-year window and the validity of test results end on it, and
            the ruleset in force on it decides NOC 2016 or NOC 2021.

    Returns:
        Each requirement met or not, the trade and hours behind them, the reasons and the notes (which flag the
        [UNCONFIRMED] NOC 2021 list of trades whenever it was used).

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01.

    Example:
        >>> from datetime import date
        >>> from crsrules import Candidate, Certificate, Job, LanguageResult, LanguageTest
        >>> c = Candidate(
        ...     birth_date=date(1990, 1, 1),
        ...     language_results=(LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2025, 1, 10),
        ...                                      listening=5, reading=4, writing=4, speaking=5),),
        ...     jobs=(Job(noc="72310", in_canada=False, start=date(2021, 1, 1), end=date(2024, 12, 31)),),
        ...     certificate_of_qualification=Certificate(issued_on=date(2024, 3, 1), noc="72310"),
        ... )
        >>> a = fst_eligibility(c, on=date(2025, 6, 1))
        >>> a.eligible, a.trade, a.trades_confirmed
        (True, '72310', False)

    .. versionadded:: 0.1.0
    """
    c, day, rules = start(candidate, on)
    return assess(c, day, rules)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> FstAssessment:
    """The FST assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    used = {rules.noc_version}
    notes: list[str] = []
    reasons: list[str] = []

    need = WORK_YEARS * rules.evidence.hours_per_year
    trade = _best_trade(candidate.jobs, on=on, rules=rules, used=used, notes=notes)
    trade_hours = 0.0 if trade is None else trade[0]
    work_met = trade_hours + EPSILON >= need
    if not work_met:
        best = (
            "no paid work in a skilled trade" if trade is None else f"the most is {hours_text(trade[0])} in {trade[2]}"
        )
        reasons.append(
            f"work experience: {WORK_YEARS} years ({need:,} hours) of full-time work, or the part-time equivalent, "
            f"in one skilled trade needed in the {WINDOW_YEARS} years to {on.isoformat()} ({best})"
        )

    has_offer, has_certificate = _offer_and_certificate(candidate, on=on, rules=rules, used=used)
    offer_met = has_offer or has_certificate
    if not offer_met:
        reasons.append(
            f"job offer or certificate: neither a job offer in a skilled trade in force on {on.isoformat()} nor a "
            "Canadian certificate of qualification in a skilled trade"
        )

    language_reason = _language_reason(candidate, on=on, rules=rules)
    if language_reason:
        reasons.append(language_reason)

    confirmed = all(TRADES[v].confirmed for v in used)
    if not confirmed:
        notes.append(_UNCONFIRMED)
    notes.extend(_NOT_CHECKED)
    return FstAssessment(
        on=on,
        rules_id=rules.id,
        eligible=work_met and offer_met and not language_reason,
        work_experience_met=work_met,
        offer_or_certificate_met=offer_met,
        language_met=not language_reason,
        trade=None if trade is None else trade[1],
        trade_hours=trade_hours,
        job_offer=has_offer,
        certificate=has_certificate,
        trades_confirmed=confirmed,
        reasons=tuple(reasons),
        notes=tuple(dict.fromkeys(notes)),
    )


_NOT_CHECKED = (
    "the NOC employment requirements of the trade (other than certification): not checked",
    "that the job offer or certificate is in the same trade as the work experience: not checked",
    (
        "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you are "
        "authorized to work in Canada and hold a valid job offer"
    ),
)


def _best_trade(
    jobs: Iterable[Job], *, on: date, rules: RuleSet, used: set[NocVersion], notes: list[str]
) -> tuple[float, str, str] | None:
    """The trade with the most hours in the window: its hours, code and labelled code (None without trade work)."""
    since = window_start(on, WINDOW_YEARS)
    by_trade: dict[tuple[NocVersion, str], list[Job]] = {}
    for job in jobs:
        if not job.paid:
            continue
        version, code, note = occupation_code(job.noc, job.noc_2016, rules=rules)
        used.add(version)
        if TRADES[version].contains(code):
            by_trade.setdefault((version, code), []).append(job)
            if note:
                notes.append(f"trade judged by another NOC version:{note}")
    best: tuple[float, str, str] | None = None
    for (version, code), group in by_trade.items():
        key = (hours(group, since=since, on=on, rules=rules), code, noc_label(version, code))
        if best is None or key > best:
            best = key
    return best


def _offer_and_certificate(
    candidate: Candidate, *, on: date, rules: RuleSet, used: set[NocVersion]
) -> tuple[bool, bool]:
    """Whether a job offer in a trade is in force on the day, and whether a certificate in a trade was issued by it."""
    offer = candidate.job_offer
    has_offer = False
    if offer is not None and offer.offered_on <= on and (offer.ends_on is None or offer.ends_on >= on):
        version, code, _ = occupation_code(offer.noc, offer.noc_2016, rules=rules)
        used.add(version)
        has_offer = TRADES[version].contains(code)
    certificate = candidate.certificate_of_qualification
    has_certificate = False
    if certificate is not None and certificate.issued_on <= on:
        if certificate.noc is not None:
            used.add(NocVersion.NOC_2021)
        has_certificate = certificate.noc is None or TRADES[NocVersion.NOC_2021].contains(certificate.noc)
    return has_offer, has_certificate


def _language_reason(candidate: Candidate, *, on: date, rules: RuleSet) -> str:
    """Why no valid result (English or French) meets every ability's minimum, or "" when one does."""
    valid = list(valid_language_results(candidate.language_results, on=on, rules=rules).values())
    if any(not LANGUAGE.shortfalls(r.levels) for r in valid):
        return ""
    wanted = (
        f"CLB {LANGUAGE.speaking} in speaking and {LANGUAGE.listening} in listening, "
        f"CLB {LANGUAGE.reading} in reading and {LANGUAGE.writing} in writing"
    )
    if not valid:
        return f"language: {wanted} needed (no valid language test result on {on.isoformat()})"
    result = max(valid, key=lambda r: (-len(LANGUAGE.shortfalls(r.levels)), r.levels.minimum))
    low = ", ".join(f"{name} {lvl}" for name, lvl in LANGUAGE.shortfalls(result.levels).items())
    return f"language: {wanted} needed ({describe_result(result)} has {low})"
