"""Federal Skilled Trades Program (FST): two years in a skilled trade, a job offer or certificate, and language.

A candidate meets the FST entry criteria on a day with two years of work in one skilled trade within the window, a
job offer or a certificate of qualification in a trade, and the language minimums (IRPR s. 87.2). The numbers and the
lists of trades by NOC version are rules data (:attr:`crsrules.RuleSet.programs`, set in :mod:`crsrules.rules.y2015`);
the NOC 2021 list is [UNCONFIRMED], and every result that relies on it says so. The choices crsrules makes where the
sources are silent are in the how-to guide, ``docs/how-to/program-eligibility.md``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from attrs import field, frozen

from crsrules import conditions as codes
from crsrules.conditions import Condition, find, floor_hundredths
from crsrules.evidence import offer_in_force, valid_language_results, work_window
from crsrules.programs._common import (
    EPSILON,
    Program,
    describe_result,
    hours,
    hours_text,
    json_ready,
    noc_label,
    notes_of,
    occupation_code,
    reasons_of,
    result_values,
    start,
)
from crsrules.rules import LanguageMinimums, NocVersion, TradeGroups, available_rulesets

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date

    from crsrules.candidate import Candidate, Job
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


# Deprecated since 0.2, to be removed in 0.3: the criteria are rules data, read them from a ruleset
# (``get_rules(id).programs.fst``). These names keep the values of the newest ruleset.
_NEWEST = available_rulesets()[-1].programs.fst
WORK_YEARS = _NEWEST.work_years
WINDOW_YEARS = _NEWEST.window_years
#: CLB 5 in speaking and listening, CLB 4 in reading and writing (deprecated).
LANGUAGE = _NEWEST.language
#: The skilled trades by NOC version (deprecated).
TRADES: Mapping[NocVersion, TradeGroups] = MappingProxyType(dict(_NEWEST.trades.rows))


# NOC group codes by their length: 2 digits name a major group, 3 a sub-major group, 4 a minor group, 5 a unit group.
_GROUP_KINDS = {2: "major", 3: "sub-major", 4: "minor", 5: "unit"}


def _unconfirmed(trades: TradeGroups) -> str:
    """The note for a decision that relied on an unconfirmed list of trades, naming its groups."""
    parts = []
    for length, kind in _GROUP_KINDS.items():
        codes = [code for code in trades.included if len(code) == length]
        if codes:
            named = [" without ".join((code, *(x for x in trades.excluded if x.startswith(code)))) for code in codes]
            parts.append(f"{kind} group{'s' if len(codes) > 1 else ''} {', '.join(named)}")
    return (
        f"[UNCONFIRMED] the NOC 2021 list of skilled trades ({'; '.join(parts)}) is not confirmed against an IRCC "
        "primary text"
    )


# --- Results ---------------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class FstAssessment:
    """Whether a candidate meets the Federal Skilled Trades Program's entry criteria on a day, and why.

    .. versionadded:: 0.1.0
    """

    #: The day assessed (the day the application is received).
    on: date
    #: The id of the ruleset applied (its criteria, and NOC 2016 or NOC 2021).
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
    #: Why the candidate is not eligible (empty when eligible): the messages of the unmet :attr:`conditions`.
    reasons: tuple[str, ...]
    #: What crsrules did not check, had to approximate, or could not confirm (the messages of the conditions not
    #: checked come last).
    notes: tuple[str, ...] = field(repr=False)
    #: Every condition checked, met or not, and those not checked, with their codes and values (``fst.*``, see
    #: :doc:`/reference/conditions`).
    conditions: tuple[Condition, ...] = field(default=(), repr=False)

    @property
    def program(self) -> Program:
        """Always :attr:`crsrules.Program.FST`."""
        return Program.FST

    def condition(self, code: str) -> Condition | None:
        """The condition with *code* (such as ``"fst.language"``), or None if the result has none."""
        return find(self.conditions, code)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes (and the program)."""
        data = json_ready(self)
        assert isinstance(data, dict)  # noqa: S101 (an attrs object becomes a dict)
        return {"program": self.program.value, **data}


def fst_eligibility(candidate: Candidate, *, on: date, rules: str | RuleSet | None = None) -> FstAssessment:
    """Assess *candidate* against the Federal Skilled Trades Program's entry criteria on *on*.

    Args:
        candidate: The facts.
        on: The day the application is received: the 5-year window and the validity of test results end on it.
        rules: The ruleset whose criteria apply (an id such as ``"2022-11-16"``, or a RuleSet), which also decides
            NOC 2016 or NOC 2021; by default the one in force *on*.

    Returns:
        Each requirement met or not, the trade and hours behind them, the reasons and the notes (which flag the
        [UNCONFIRMED] NOC 2021 list of trades whenever it was used).

    Raises:
        InvalidValueError: *candidate* is not a Candidate or *on* is not a date.
        RulesNotInForceError: *on* is before 2015-01-01 and no *rules* were given.
        UnknownRulesetError: *rules* names no ruleset.

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
    .. versionchanged:: 0.2.0 *rules* pins the criteria.
    """
    c, day, ruleset = start(candidate, on, rules)
    return assess(c, day, ruleset)


def assess(candidate: Candidate, on: date, rules: RuleSet) -> FstAssessment:
    """The FST assessment of checked arguments under *rules* (for :func:`crsrules.programs.program_eligibility`)."""
    criteria = rules.programs.fst
    used = {rules.noc_version}
    notes: list[str] = []

    need = criteria.work_years * rules.evidence.hours_per_year
    trade = _best_trade(candidate.jobs, on=on, rules=rules, used=used, notes=notes)
    trade_hours = 0.0 if trade is None else trade[0]
    work_met = trade_hours + EPSILON >= need
    needed = (
        f"{criteria.work_years} years ({need:,} hours) of full-time work, or the part-time equivalent, in one skilled "
        f"trade needed in the {criteria.window_years} years before {on.isoformat()}"
    )
    best = "no paid work in a skilled trade" if trade is None else f"the most is {hours_text(trade[0])} in {trade[2]}"
    work = Condition(
        code=codes.FST_WORK_EXPERIENCE,
        met=work_met,
        message=f"work experience: {needed} ({best})",
        values={
            "trade": None if trade is None else trade[1],
            "hours": floor_hundredths(trade_hours),
            "hours_needed": need,
            "window_years": criteria.window_years,
        },
    )

    has_offer, has_certificate = _offer_and_certificate(candidate, on=on, rules=rules, used=used)
    offer_met = has_offer or has_certificate
    if offer_met:
        held = " and ".join(
            what
            for what, held in (
                (f"a job offer in a skilled trade in force on {on.isoformat()}", has_offer),
                ("a certificate of qualification in a skilled trade", has_certificate),
            )
            if held
        )
        offer_message = f"job offer or certificate: {held}"
    else:
        offer_message = (
            f"job offer or certificate: neither a job offer in a skilled trade in force on {on.isoformat()} nor a "
            "Canadian certificate of qualification in a skilled trade"
        )
    offer = Condition(
        code=codes.FST_OFFER_OR_CERTIFICATE,
        met=offer_met,
        message=offer_message,
        values={"job_offer": has_offer, "certificate": has_certificate},
    )

    language = _language(candidate, on=on, rules=rules)

    in_order = sorted(used, key=list(NocVersion).index)
    unconfirmed = [criteria.trades[v] for v in in_order if not criteria.trades[v].confirmed]
    notes.extend(_unconfirmed(trades) for trades in unconfirmed)
    confirmed = not unconfirmed
    conditions = (
        work,
        offer,
        language,
        *(Condition(code=code, met=None, message=message) for code, message in _NOT_CHECKED),
    )
    return FstAssessment(
        on=on,
        rules_id=rules.id,
        eligible=work_met and offer_met and language.met is True,
        work_experience_met=work_met,
        offer_or_certificate_met=offer_met,
        language_met=language.met is True,
        trade=None if trade is None else trade[1],
        trade_hours=trade_hours,
        job_offer=has_offer,
        certificate=has_certificate,
        trades_confirmed=confirmed,
        reasons=reasons_of(conditions),
        notes=notes_of(dict.fromkeys(notes), conditions),
        conditions=conditions,
    )


_NOT_CHECKED = (
    (
        codes.FST_TRADE_REQUIREMENTS,
        "the NOC employment requirements of the trade (other than certification): not checked",
    ),
    (
        codes.FST_SAME_TRADE,
        "that the job offer or certificate is in the same trade as the work experience: not checked",
    ),
    (
        codes.FST_FUNDS,
        (
            "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you are "
            "authorized to work in Canada and hold a valid job offer"
        ),
    ),
)


def _best_trade(
    jobs: Iterable[Job], *, on: date, rules: RuleSet, used: set[NocVersion], notes: list[str]
) -> tuple[float, str, str] | None:
    """The trade with the most hours in the window: its hours, code and labelled code (None without trade work)."""
    trades = rules.programs.fst.trades
    first, last = work_window(on, rules.programs.fst.window_years)
    by_trade: dict[tuple[NocVersion, str], list[Job]] = {}
    for job in jobs:
        if not job.paid:
            continue
        version, code, note = occupation_code(job.noc, job.noc_2016, rules=rules)
        used.add(version)
        if trades[version].contains(code):
            by_trade.setdefault((version, code), []).append(job)
            if note:
                notes.append(f"trade judged by another NOC version:{note}")
    best: tuple[float, str, str] | None = None
    for (version, code), group in by_trade.items():
        key = (hours(group, first=first, last=last, rules=rules), code, noc_label(version, code))
        if best is None or key > best:
            best = key
    return best


def _offer_and_certificate(
    candidate: Candidate, *, on: date, rules: RuleSet, used: set[NocVersion]
) -> tuple[bool, bool]:
    """Whether a job offer in a trade is in force on the day, and whether a certificate in a trade was issued by it."""
    trades = rules.programs.fst.trades
    offer = candidate.job_offer
    has_offer = False
    if offer is not None and offer_in_force(offer, on):
        version, code, _ = occupation_code(offer.noc, offer.noc_2016, rules=rules)
        used.add(version)
        has_offer = trades[version].contains(code)
    certificate = candidate.certificate_of_qualification
    has_certificate = False
    if certificate is not None and certificate.issued_on <= on:
        if certificate.noc is not None:
            used.add(NocVersion.NOC_2021)
        has_certificate = certificate.noc is None or trades[NocVersion.NOC_2021].contains(certificate.noc)
    return has_offer, has_certificate


def _language(candidate: Candidate, *, on: date, rules: RuleSet) -> Condition:
    """Whether a valid result (English or French) meets every ability's minimum: the one that does, or the closest."""
    minimums = rules.programs.fst.language
    valid = list(valid_language_results(candidate.language_results, on=on, rules=rules).values())
    wanted = (
        f"CLB {minimums.speaking} in speaking and {minimums.listening} in listening, "
        f"CLB {minimums.reading} in reading and {minimums.writing} in writing"
    )
    meeting = next((r for r in valid if not minimums.shortfalls(r.levels)), None)
    if meeting is not None:
        result, message = meeting, f"language: {wanted} needed ({describe_result(meeting)} meets them)"
    elif not valid:
        result, message = None, f"language: {wanted} needed (no valid language test result on {on.isoformat()})"
    else:
        result = max(valid, key=lambda r: (-len(minimums.shortfalls(r.levels)), r.levels.minimum))
        low = ", ".join(f"{name} {lvl}" for name, lvl in minimums.shortfalls(result.levels).items())
        message = f"language: {wanted} needed ({describe_result(result)} has {low})"
    return Condition(
        code=codes.FST_LANGUAGE,
        met=meeting is not None,
        message=message,
        values={
            **result_values(result),
            "minimum_listening": minimums.listening,
            "minimum_reading": minimums.reading,
            "minimum_writing": minimums.writing,
            "minimum_speaking": minimums.speaking,
        },
    )
