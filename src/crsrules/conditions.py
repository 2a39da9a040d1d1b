"""The conditions a result checked, as records with stable codes: :class:`Condition`, :class:`Detail` and the codes.

Every eligibility and invitation result (:class:`~crsrules.ProgramEligibility` and the three programs' assessments,
:class:`~crsrules.CategoryEligibility`, :class:`~crsrules.InvitationCheck`) lists the conditions it checked in its
``conditions``: each a :class:`Condition` with

- a ``code``, a stable dotted string such as ``"fsw.language"`` that names the condition (the requirement, so that
  ``met`` reads the right way round);
- ``met``: True or False, or None when crsrules does not check it (or, for ``round.tie_break`` only, cannot tell);
- the ``message`` shown to people (the sentences the results' ``reasons`` and ``notes`` are made of);
- ``values``: the numbers and facts behind it, under the keys its code declares (hours counted and needed, the level
  found and required, the cut-off and the score...), enough for a program to decide the condition itself;
- ``details``: explanations of the condition, each a :class:`Detail` with a code of its own (a job that was not
  counted and why, work that had breaks).

Met, unmet and unchecked conditions are all listed, so that a program can show a checklist. A result is met (an
assessment ``eligible``, a candidate ``invited``) when none of its conditions is unmet: a condition crsrules does not
check never decides a result.

The codes are part of the public API, under the same promise as the names of functions: a code is never renamed or
given another meaning within a major version, and CHANGELOG.md lists every code added. Each is defined once, here,
with its description and its values; :doc:`/reference/conditions` lists them all, generated from :data:`CODES`.

Example:
    >>> from datetime import date
    >>> from crsrules import Candidate, fsw_eligibility
    >>> a = fsw_eligibility(Candidate(birth_date=date(1990, 1, 1)), on=date(2025, 6, 1))
    >>> [(c.code, c.met) for c in a.conditions]  # doctest: +NORMALIZE_WHITESPACE
    [('fsw.work_experience', False), ('fsw.language', False), ('fsw.education', False), ('fsw.grid', False),
     ('fsw.funds', None)]
    >>> language = a.condition("fsw.language")
    >>> language.values["level_required"], language.values["listening"]
    (7, None)

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeAlias

from attrs import field, frozen

from crsrules.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ASSUMED_FACTS",
    "CODES",
    "CREDENTIAL_NOT_COUNTED_WHY",
    "JOB_NOT_COUNTED_WHY",
    "NOT_COUNTED_WHY",
    "RESULT_NOT_COUNTED_WHY",
    "SIBLING_NOT_COUNTED_WHY",
    "CodeSpec",
    "Condition",
    "Detail",
    "Value",
    "find",
    "floor_hundredths",
    "verdict",
]

#: The type of a value behind a condition: a number, a flag, a code or name, a date or a date and time, a list of
#: codes or of positions in a list of facts, or None for "none" or "unknown".
Value: TypeAlias = bool | int | float | str | date | datetime | tuple[str, ...] | tuple[int, ...] | None


@frozen(kw_only=True)
class CodeSpec:
    """One code: what it names, whether it is a condition or a detail, and the values its records carry.

    .. versionadded:: 0.2.0
    """

    #: The code, such as ``"fsw.language"``.
    code: str
    #: What the code names, in words.
    description: str
    #: Every value a record of this code carries: its key and what it holds.
    values: Mapping[str, str] = field(repr=False)
    #: True for a :class:`Detail` (an explanation), False for a :class:`Condition`.
    detail: bool = False

    @property
    def scope(self) -> str:
        """The part before the dot, such as ``"fsw"``, ``"category"``, ``"round"`` or ``"evidence"``."""
        return self.code.split(".", 1)[0]


_REGISTRY: dict[str, CodeSpec] = {}
#: Every code, by code, in the order they are defined (by scope).
CODES: Final[Mapping[str, CodeSpec]] = MappingProxyType(_REGISTRY)


def _register(code: str, description: str, values: dict[str, str], *, detail: bool) -> str:
    if code in _REGISTRY:  # pragma: no cover (a mistake in this module)
        msg = f"the code {code!r} is defined twice"
        raise ValueError(msg)
    _REGISTRY[code] = CodeSpec(code=code, description=description, values=MappingProxyType(values), detail=detail)
    return code


def _define(code: str, description: str, **values: str) -> str:
    """Register a condition code and the values its records carry."""
    return _register(code, description, values, detail=False)


def _define_detail(code: str, description: str, **values: str) -> str:
    """Register a detail code and the values its records carry."""
    return _register(code, description, values, detail=True)


def floor_hundredths(value: float) -> float:
    """*value* rounded down to the hundredth, after absorbing the rounding of a sum of floats (1e-9).

    Hours and months in :attr:`Condition.values <crsrules.Condition.values>` are given this way, so that comparing
    them with a whole number of hours needed gives the answer crsrules gives: a shortfall never reads as enough.

    Example:
        >>> floor_hundredths(1559.9999999997), floor_hundredths(1559.996)
        (1560.0, 1559.99)
    """
    return math.floor((value + 1e-9) * 100) / 100


def _frozen_values(values: Mapping[str, Value]) -> Mapping[str, Value]:
    return MappingProxyType(dict(values))


def _check_values(code: str, values: Mapping[str, Value], *, detail: bool) -> None:
    spec = CODES.get(code)
    if spec is None or spec.detail is not detail:
        kind = "detail" if detail else "condition"
        raise InvalidValueError("code", code, f"a {kind} code of crsrules.conditions.CODES")
    if set(values) != set(spec.values):
        raise InvalidValueError("values", sorted(values), f"the values of {code}: {', '.join(spec.values)}")


def _dict(code: str, message: str, values: Mapping[str, Value]) -> dict[str, object]:
    def plain(value: Value) -> object:
        if isinstance(value, date):
            return value.isoformat()
        return list(value) if isinstance(value, tuple) else value

    return {"code": code, "message": message, "values": {k: plain(v) for k, v in values.items()}}


@frozen(kw_only=True)
class Detail:
    """An explanation of a condition, with a code of its own: a job that was not counted and why, breaks in work.

    .. versionadded:: 0.2.0
    """

    #: The detail's code (see :doc:`/reference/conditions`).
    code: str
    #: The explanation in words.
    message: str
    #: The facts behind it, under the keys its code declares.
    values: Mapping[str, Value] = field(factory=dict, converter=_frozen_values, hash=False)

    def __attrs_post_init__(self) -> None:
        _check_values(self.code, self.values, detail=True)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form: the code, the message and the values (dates in ISO form)."""
        return _dict(self.code, self.message, self.values)


@frozen(kw_only=True)
class Condition:
    """One condition a result checked: its code, whether it is met, the message, and the values behind it.

    .. versionadded:: 0.2.0
    """

    #: The condition's code (see :doc:`/reference/conditions`).
    code: str
    #: True if met, False if not, None if not checked (for ``round.tie_break``: cannot tell).
    met: bool | None
    #: The condition in words, as the result's ``reasons`` and ``notes`` say it.
    message: str
    #: The numbers and facts behind it, under the keys its code declares.
    values: Mapping[str, Value] = field(factory=dict, converter=_frozen_values, hash=False)
    #: Explanations, each with a code of its own (such as the jobs that were not counted).
    details: tuple[Detail, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_values(self.code, self.values, detail=False)

    @property
    def spec(self) -> CodeSpec:
        """The code's definition: its description and its values."""
        return CODES[self.code]

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form: code, met, message, values (dates in ISO form) and details."""
        data = _dict(self.code, self.message, self.values)
        return {
            "code": self.code,
            "met": self.met,
            "message": self.message,
            "values": data["values"],
            "details": [d.as_dict() for d in self.details],
        }


def verdict(conditions: Iterable[Condition]) -> bool:
    """Whether none of *conditions* is unmet (a condition not checked never decides).

    Example:
        >>> verdict([Condition(code="fsw.funds", met=None, message="not checked", values={"job_offer": False})])
        True
    """
    return all(c.met is not False for c in conditions)


def find(conditions: Iterable[Condition], code: str) -> Condition | None:
    """The first of *conditions* with *code*, or None."""
    return next((c for c in conditions if c.code == code), None)


#: The values of ``why`` in ``category.job_not_counted``: only a NOC 2016 code (the lists use NOC 2021), outside
#: the window, unpaid, abroad when the category needs work in Canada.
NOT_COUNTED_WHY: Final = ("noc_2016_only", "outside_window", "unpaid", "abroad")
_WHY = ", ".join(repr(w) for w in NOT_COUNTED_WHY)

# --- the codes --------------------------------------------------------------------------------------------------------
# Hours and months are rounded down to the hundredth (floor_hundredths); hours needed are whole numbers.

_HOURS = "full-time-equivalent hours counted, rounded down to the hundredth"
_ABILITIES = ("listening", "reading", "writing", "speaking")


def _abilities(text: str) -> dict[str, str]:
    """The four abilities' values, each described by *text* with ``{}`` for the ability."""
    return {ability: text.format(ability) for ability in _ABILITIES}

_LEVEL = "the CLB or NCLC level of {}, or None without a result"
_TEST = "the test of the result assessed (a LanguageTest value), or None without a valid result"
_TESTED_ON = "that result's test date, or None"

PROGRAM_ADMISSIBILITY = _define(
    "program.admissibility",
    "Admissibility (health, security, criminality) and the intent to live outside Quebec, which every program "
    "requires. Never checked: met is always None.",
)

FSW_WORK_EXPERIENCE = _define(
    "fsw.work_experience",
    "FSW: a year of continuous full-time work (or the part-time equivalent) in one skilled occupation, within the "
    "window. Met when hours >= hours_needed.",
    occupation="the code of the skilled occupation with the longest continuous period, or None",
    hours=f"that period's {_HOURS}",
    hours_needed="the hours needed (a year of full-time work)",
    window_years="the years before the day in which the work counts",
    period_start="the first day of that period, or None",
    period_end="the last day of that period (within the window), or None",
)
FSW_LANGUAGE = _define(
    "fsw.language",
    "FSW: the minimum level in all four abilities of the first official language, on a valid result. Met when all "
    "four levels are given and each >= level_required.",
    language="the first official language assessed (english or french), or None without a valid result",
    test=_TEST,
    tested_on=_TESTED_ON,
    **_abilities(_LEVEL),
    level_required="the level needed in each ability",
)
FSW_EDUCATION = _define(
    "fsw.education",
    "FSW: a credential that counts (Canadian, or foreign with a valid ECA). Met unless education is "
    "less_than_secondary.",
    education="the education level that counts on the day (an Education value)",
    eca_valid_years="how many years an ECA counts",
)
FSW_GRID = _define(
    "fsw.grid",
    "FSW: the pass mark on the 100-point selection grid. Met when points >= pass_mark.",
    points="the grid's total",
    pass_mark="the pass mark",  # noqa: S106 (a number of points, not a password)
)
FSW_FUNDS = _define(
    "fsw.funds",
    "FSW: proof of settlement funds (not needed with a valid job offer and authorization to work in Canada). Not "
    "checked: met is always None.",
    job_offer="whether the candidate has a qualifying job offer on the day",
)

CEC_WORK_EXPERIENCE = _define(
    "cec.work_experience",
    "CEC: a year of skilled paid work in Canada within the window (self-employment and work while a full-time "
    "student excluded). Met when hours >= hours_needed.",
    hours=_HOURS,
    hours_needed="the hours needed (a year of full-time work)",
    window_years="the years before the day in which the work counts",
)
CEC_LANGUAGE = _define(
    "cec.language",
    "CEC: the language level the qualifying work calls for, in all four abilities of a valid result. Met when level "
    "is given and >= level_required.",
    language="the language of the best valid result, or None",
    test=_TEST,
    tested_on=_TESTED_ON,
    level="the weakest ability of the best valid result, or None without one",
    level_required="the level needed: the lowest with which the work adds up to a year (or the lowest any skilled "
    "work calls for, without such work)",
)
CEC_STATUS = _define(
    "cec.status",
    "CEC: temporary resident status and authorization to work during the Canadian work. Not checked: met is always "
    "None.",
)

FST_WORK_EXPERIENCE = _define(
    "fst.work_experience",
    "FST: two years of full-time work (or the part-time equivalent) in one skilled trade within the window. Met when "
    "hours >= hours_needed.",
    trade="the code of the trade with the most hours, or None",
    hours=f"{_HOURS} in that trade",
    hours_needed="the hours needed",
    window_years="the years before the day in which the work counts",
)
FST_OFFER_OR_CERTIFICATE = _define(
    "fst.offer_or_certificate",
    "FST: a job offer in a skilled trade in force on the day, or a certificate of qualification in a skilled trade. "
    "Met when job_offer or certificate.",
    job_offer="a job offer in a skilled trade is in force on the day",
    certificate="a certificate of qualification (in a skilled trade, when its code is given) was issued by the day",
)
FST_LANGUAGE = _define(
    "fst.language",
    "FST: the minimum level in each ability, on one valid result. Met when each of the four levels is given and >= "
    "its minimum.",
    language="the language of the result assessed, or None",
    test=_TEST,
    tested_on=_TESTED_ON,
    **_abilities(_LEVEL),
    **{f"minimum_{ability}": f"the level needed in {ability}" for ability in _ABILITIES},
)
FST_TRADE_REQUIREMENTS = _define(
    "fst.trade_requirements",
    "FST: the NOC employment requirements of the trade (other than certification). Not checked: met is always None.",
)
FST_SAME_TRADE = _define(
    "fst.same_trade",
    "FST: the job offer or certificate is in the same trade as the work experience. Not checked: met is always None.",
)
FST_FUNDS = _define(
    "fst.funds",
    "FST: proof of settlement funds (not needed with a valid job offer and authorization to work in Canada). Not "
    "checked: met is always None.",
)

CATEGORY_IN_FORCE = _define(
    "category.in_force",
    "The category is in force on the day, or under the ruleset pinned. Met when version is not None.",
    category="the category's slug",
    version="the id of the version applied, such as 'stem-2025', or None when the category is not in force",
)
CATEGORY_EXPERIENCE = _define(
    "category.experience",
    "An occupational category: enough work in one listed occupation within the window (in one unbroken period when "
    "the version needs continuous work; in Canada when it needs Canadian work). Met when hours >= hours_needed.",
    occupation="the listed occupation with the most hours counted, or None without work in one",
    hours=f"{_HOURS} in it (in its longest unbroken period when continuous is true)",
    hours_needed="the hours needed (months_needed months of full-time work)",
    months="hours as months of full-time work, rounded down to the hundredth",
    months_needed="the months needed",
    continuous="the version needs one unbroken period of work",
    in_canada_only="only work in Canada counts",
    window_years="the years before the day in which the work counts",
    period_start="the first day of the period counted, or None",
    period_end="the last day of the period counted, or None",
)
CATEGORY_FRENCH = _define(
    "category.french",
    "French-language proficiency: a valid TEF Canada or TCF Canada result with the minimum NCLC in all four "
    "abilities. One record for the best result that meets it; else one per French result (or one without any). Met "
    "when valid and each of the four levels >= level_required.",
    test="the test (a LanguageTest value), or None without a French result",
    tested_on="the test date, or None",
    valid="the result counts on the day (a result counts for 2 years)",
    **_abilities("the NCLC level in {}, or None when the result does not count"),
    level_required="the NCLC level needed in each ability",
)
CATEGORY_MILITARY_SERVICE = _define(
    "category.military_service",
    "Skilled military recruits: serving on the day in a listed occupation, with the years of continuous service "
    "needed. Met when service_start is not None and service_start <= service_needed_from.",
    service_start="the first day of the continuous service reaching the day, or None when not serving",
    service_needed_from="the latest first day that gives the years needed",
    service_years="the years of continuous service needed",
    last_service_end="when not serving: the last day of the latest service in a listed occupation, or None",
    months="months of full-time service counted in the continuous service, rounded down to the hundredth",
)
CATEGORY_MILITARY_OFFER = _define(
    "category.military_offer",
    "Skilled military recruits: a job offer in a listed occupation, in force on the day. Met when listed and "
    "offered_on <= on and (ends_on is None or on <= ends_on).",
    occupation="the offer's NOC 2021 code, or None without an offer (or without a NOC 2021 code)",
    listed="the offer's occupation is on the category's list",
    offered_on="the day the offer started to qualify, or None without an offer",
    ends_on="the last day it qualifies, or None",
    on="the day assessed",
)
CATEGORY_MILITARY_EMPLOYER = _define(
    "category.military_employer",
    "Skilled military recruits: the offer is from the Canadian Forces Recruiting Group. Met when employer is "
    "'canadian_forces_recruiting_group'; not checked (None) when the offer does not say (JobOffer.employer).",
    employer="the offer's employer (an Employer value), or None when not given or without an offer",
)
CATEGORY_MILITARY_OFFER_LENGTH = _define(
    "category.military_offer_length",
    "Skilled military recruits: the offer is for at least the years of work needed. Met when duration_months >= "
    "months_needed; not checked (None) when the offer does not say (JobOffer.duration_months).",
    duration_months="the months of employment the offer is for, or None when not given or without an offer",
    months_needed="the months needed",
)
CATEGORY_MILITARY_FULL_TIME = _define(
    "category.military_full_time",
    "Skilled military recruits: the offer is for continuous full-time work in Canada. Not checked: met is always None.",
)
CATEGORY_MILITARY_CREDENTIAL = _define(
    "category.military_credential",
    "Skilled military recruits: a counted post-secondary credential of a program of 2 years or more (with a valid ECA "
    "if foreign). Met when education is not None and ranks at or above minimum (Education order).",
    education="the highest counted credential's level (an Education value), or None without one",
    minimum="the lowest level that meets the condition (an Education value)",
)
CATEGORY_MILITARY_RECOGNIZED = _define(
    "category.military_recognized",
    "Skilled military recruits: the service is in a recognized foreign military (IRCC does not define it). Not "
    "checked: met is always None.",
)
CATEGORY_EXPERIENCE_WITH_BREAKS = _define_detail(
    "category.experience_with_breaks",
    "Detail of category.experience: the occupation's work adds up to enough in all, but not in one unbroken period.",
    occupation="the occupation",
    months_in_all="its months in all in the window, rounded down to the hundredth",
)
CATEGORY_JOB_NOT_COUNTED = _define_detail(
    "category.job_not_counted",
    "Detail of category.experience: a job in a listed occupation (or with only a NOC 2016 code) that was not "
    "counted, and why.",
    job="the job's index in Candidate.jobs",
    why=f"why: one of {_WHY}",
)
CATEGORY_OCCUPATION_UNCONFIRMED = _define_detail(
    "category.occupation_unconfirmed",
    "Detail of category.experience: the occupation counted is on the version's list on secondary sources only "
    "[UNCONFIRMED].",
    occupation="the occupation",
    policy_year="the policy year of the list",
)

ROUND_PROFILE_SUBMITTED = _define(
    "round.profile_submitted",
    "The profile existed on the round's date. Met when submitted_at is on or before round_date; not checked (None) "
    "when the submission time is unknown.",
    submitted_at="when the profile was submitted (Candidate.profile_submitted_at), or None",
    round_date="the round's date",
)
ROUND_IN_POOL = _define(
    "round.in_pool",
    "The candidate meets the entry criteria of a program on the round's date (ProgramEligibility.in_pool). Met when "
    "programs is not empty.",
    programs="the programs met (Program values)",
)
ROUND_PROGRAM = _define(
    "round.program",
    "A program-specific round (CEC, FSW, FST): the candidate meets that program. Met when program is in programs. "
    "Only in those rounds.",
    program="the round's program (a Program value)",
    programs="the programs met (Program values)",
)
ROUND_NOMINATION = _define(
    "round.nomination",
    "A round for provincial nominees: the candidate holds a nomination on its date. Met when nominated. Only in those "
    "rounds.",
    nominated="a nomination counts on the round's date",
)
ROUND_CATEGORY = _define(
    "round.category",
    "A category round: the candidate meets the category's condition on its date (InvitationCheck.category, whose "
    "own conditions decide it). Only in those rounds.",
    category="the category's slug",
    version="the id of the version applied, or None when the category is not in force",
)
ROUND_CUTOFF = _define(
    "round.cutoff",
    "The CRS score is at least the round's lowest score invited. Met when score >= cutoff; a score equal to it also "
    "needs round.tie_break.",
    score="the CRS score on the round's date",
    cutoff="the round's lowest score invited",
)
ROUND_TIE_BREAK = _define(
    "round.tie_break",
    "A score equal to the cut-off: the profile was submitted on or before the round's tie-breaking time. Met when "
    "submitted_at <= tie_break; None (cannot tell) when either is unknown, which makes the verdict None. Only for a "
    "score equal to the cut-off.",
    tie_break="the round's tie-breaking time, or None when IRCC published none",
    submitted_at="when the profile was submitted, or None",
)

# --- the rules of evidence: what each CRS factor of a derivation was counted from (Derivation.conditions) -----------
# A factor's conditions name the facts its points come from; met is True when the fact counts, False when none does.
# "person" is "candidate" or "spouse"; positions (credential, result, job, sibling) index that person's list of facts.

#: The values of ``why`` in ``evidence.credential_not_counted``.
CREDENTIAL_NOT_COUNTED_WHY: Final = (
    "not_completed",
    "no_eca",
    "eca_not_yet_issued",
    "eca_expired",
    "not_post_secondary",
    "language_training",
    "award_requires_return",
    "distance_learning",
    "too_short",
)
#: The values of ``why`` in ``evidence.result_not_counted``.
RESULT_NOT_COUNTED_WHY: Final = ("not_yet_taken", "expired", "not_read", "outranked")
#: The values of ``why`` in ``evidence.job_not_counted``.
JOB_NOT_COUNTED_WHY: Final = ("not_skilled", "unpaid", "self_employed", "full_time_student")
#: The values of ``why`` in ``evidence.sibling_not_counted``.
SIBLING_NOT_COUNTED_WHY: Final = ("not_in_canada", "not_yet_citizen_or_pr", "under_18", "partner_not_accompanying")
#: The values of ``fact`` in ``evidence.assumed``: the field of the fact that was not given.
ASSUMED_FACTS: Final = ("completed_on", "full_time_months_in_canada", "offered_on", "birth_date")


def _whys(whys: tuple[str, ...]) -> str:
    return ", ".join(repr(w) for w in whys)


_PERSON = "'candidate' or 'spouse': whose facts"

EVIDENCE_AGE = _define(
    "evidence.age",
    "Age: the age in completed years on the day, from the birth date. Always met.",
    birth_date="the birth date",
    on="the day the facts are taken",
    age="the age in completed years on that day",
)
EVIDENCE_EDUCATION = _define(
    "evidence.education",
    "Education: the credentials that count on the day (Canadian, or foreign with a valid ECA) and the level they "
    "make. Met when credentials is not empty.",
    person=_PERSON,
    level="the level counted (an Education value)",
    credentials="the positions of the credentials that make the level (Candidate.credentials or Spouse.credentials)",
)
EVIDENCE_LANGUAGE = _define(
    "evidence.language",
    "An official language: the result used, valid on the day. Met when result is not None.",
    person=_PERSON,
    role="what the result is used as: 'first', 'second', 'spouse', or 'french' and 'english' for French-language "
    "skills",
    result="the position of the result used in the person's language_results, or None without a valid result",
    test="its test (a LanguageTest value), or None",
    tested_on="its test date, or None",
    expires_on="the first day it no longer counts, or None",
    **_abilities("its CLB or NCLC level in {}, or None"),
)
EVIDENCE_WORK = _define(
    "evidence.work",
    "Work experience of one kind (in Canada, or abroad): completed years of skilled paid work within the window, a "
    "year being hours_per_year full-time-equivalent hours. Met when years >= 1.",
    person=_PERSON,
    in_canada="True for Canadian work, False for foreign work",
    hours=f"{_HOURS} in the window",
    hours_per_year="the hours that make a year",
    years="the completed years counted (hours // hours_per_year)",
    window_start="the first day of the window",
    window_end="the last day of the window (the day before the day assessed)",
    jobs="the positions of the jobs counted as skilled work of this kind (a job with no day in the window adds no "
    "hours)",
)
EVIDENCE_PARTNER = _define(
    "evidence.partner",
    "The spouse factors count: a spouse or common-law partner who comes to Canada and is not a Canadian citizen or "
    "PR (E1). Listed for the spouse factors when unmet. Met when marital_status is 'married' or 'common_law' and "
    "accompanying is True and citizen_or_pr is False.",
    marital_status="the candidate's marital status (a MaritalStatus value)",
    accompanying="the spouse comes to Canada, or None without a spouse",
    citizen_or_pr="the spouse is a Canadian citizen or PR, or None without a spouse",
)
EVIDENCE_CERTIFICATE = _define(
    "evidence.certificate",
    "A certificate of qualification in a trade, issued by the day. Met when issued_on is not None and issued_on <= "
    "on.",
    issued_on="its issue date, or None without a certificate",
    on="the day the facts are taken",
)
EVIDENCE_NOMINATION = _define(
    "evidence.nomination",
    "A provincial or territorial nomination, made by the day. Met when nominated_on is not None and nominated_on <= "
    "on.",
    nominated_on="the nomination date, or None without a nomination",
    on="the day the facts are taken",
    province="the province or territory (a Province value), or None when not given or without a nomination",
)
EVIDENCE_JOB_OFFER = _define(
    "evidence.job_offer",
    "Arranged employment: a job offer in a skilled occupation, in force on the day. Met when kind is not None.",
    noc="the offer's occupation code used (NOC 2021, or NOC 2016 under the versions that use it), or None",
    offered_on="the offer date, or None when not given or without an offer",
    ends_on="the last day it is in force, or None",
    in_force="the offer is in force on the day, or None without an offer",
    skilled="its occupation is skilled under the version's classification, or None without an offer",
    kind="the points row (an ArrangedEmployment value), or None",
)
EVIDENCE_CANADIAN_EDUCATION = _define(
    "evidence.canadian_education",
    "Canadian education: a counted Canadian post-secondary credential studied in Canada (E4, E5). Met when award "
    "is not None.",
    credential="the position of the credential that earns it in Candidate.credentials, or None",
    level="its level (an Education value), or None",
    award="the points row (a CanadianEducation value), or None",
    full_time_months_in_canada="its months of full-time study in Canada, or None when not given or without one",
    months_needed="the months of full-time study in Canada needed",
    relief="the COVID-19 distance-learning relief covers it",
)
EVIDENCE_SIBLING = _define(
    "evidence.sibling",
    "A brother or sister in Canada, 18 or older and a citizen or PR on the day (of the candidate, or of an "
    "accompanying spouse). Met when sibling is not None.",
    sibling="the position of the sibling counted in Candidate.siblings, or None",
    of_spouse="the sibling is the spouse's, or None",
    birth_date="the sibling's birth date, or None",
    citizen_or_pr_since="the day the sibling became a citizen or PR, or None",
)
EVIDENCE_CREDENTIAL_NOT_COUNTED = _define_detail(
    "evidence.credential_not_counted",
    "Detail of evidence.education and evidence.canadian_education: a credential that does not count, and why.",
    credential="its position in the person's credentials",
    why=f"why: one of {_whys(CREDENTIAL_NOT_COUNTED_WHY)}",
)
EVIDENCE_RESULT_NOT_COUNTED = _define_detail(
    "evidence.result_not_counted",
    "Detail of evidence.language: a language result that is not used, and why ('not_read': the version applied has "
    "no chart for it; 'outranked': a better valid result in its language is used).",
    result="its position in the person's language_results",
    test="its test (a LanguageTest value)",
    tested_on="its test date",
    why=f"why: one of {_whys(RESULT_NOT_COUNTED_WHY)}",
    expired_on="the first day it no longer counted, when why is 'expired'; else None",
)
EVIDENCE_JOB_NOT_COUNTED = _define_detail(
    "evidence.job_not_counted",
    "Detail of evidence.work: a job of that kind (in Canada, or abroad) that is not counted, and why.",
    job="its position in the person's jobs",
    why=f"why: one of {_whys(JOB_NOT_COUNTED_WHY)}",
)
EVIDENCE_SIBLING_NOT_COUNTED = _define_detail(
    "evidence.sibling_not_counted",
    "Detail of evidence.sibling: a sibling who does not count on the day, and why.",
    sibling="the position in Candidate.siblings",
    why=f"why: one of {_whys(SIBLING_NOT_COUNTED_WHY)}",
)
EVIDENCE_ASSUMED = _define_detail(
    "evidence.assumed",
    "Detail: a fact was given without a detail the rules look at, and was taken the way that earns the points (a "
    "credential counted as completed, the 8 months of study in Canada, a job offer in force until it ends, a sibling "
    "of 18 or older).",
    fact=f"the field not given: one of {_whys(ASSUMED_FACTS)}",
    index="the position of the fact in its list (credentials, siblings), or None for the job offer",
)
EVIDENCE_NOC_APPROXIMATED = _define_detail(
    "evidence.noc_approximated",
    "Detail of evidence.work and evidence.job_offer: a job judged by the other NOC version's own structure, because "
    "the code of the version's classification was not given (no concordance is shipped).",
    job="its position in the person's jobs, or None for the job offer",
    classification="the classification used: 'noc_2016' or 'noc_2021'",
)
