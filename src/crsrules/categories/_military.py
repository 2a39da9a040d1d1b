"""The skilled military recruits category: service, the offer (its employer and length) and the credential.

The conditions (IRCC, 2026-02-18) are rules data (:class:`~crsrules.rules.MilitaryRule`); how crsrules reads them is in
:doc:`/how-to/category-eligibility`. The offer's employer and length are checked when the
:class:`~crsrules.JobOffer` gives them (``employer``, ``duration_months``); that the service is in a recognized
foreign military, and that the offer is for continuous full-time work in Canada, are never checked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from crsrules import conditions as codes
from crsrules.candidate import Employer
from crsrules.categories._answer import Asked, CategoryEligibility, answer, main_job, reasons_of, span
from crsrules.conditions import Condition, floor_hundredths
from crsrules.evidence import anniversary, counted_credentials, offer_in_force, work_hours

if TYPE_CHECKING:
    from crsrules.candidate import Candidate
    from crsrules.categories._versions import CategoryVersion
    from crsrules.rules import MilitaryRule, RuleSet

__all__ = ["assess_military"]

_MONTHS_A_YEAR = 12


def assess_military(asked: Asked, rule: MilitaryRule) -> CategoryEligibility:
    """The answer of the skilled military recruits category to *asked*, under *rule*."""
    candidate, version, on, rules = asked.candidate, asked.version, asked.on, asked.rules
    codes_listed = ", ".join(sorted(version.occupations))
    # The months of service are counted as the rules of evidence count work: full time and a twelfth of a year.
    full_time = rules.evidence.full_time_hours_per_week
    hours_per_month = rules.evidence.hours_per_year / _MONTHS_A_YEAR
    service, months = _military_service(asked, rule, full_time, hours_per_month)
    start = service.values["service_start"]
    job = None
    if isinstance(start, date):
        jobs = [j for j in candidate.jobs if j.noc in version.occupations and j.paid and j.start <= on]
        job = main_job(jobs, start, on, full_time)
    offer, employer, length = _military_offer(candidate, version, rule, on, codes_listed)
    credential = _military_credential(candidate, rule, on, rules)
    recognized = Condition(
        code=codes.CATEGORY_MILITARY_RECOGNIZED,
        met=None,
        message=(
            "not checked: that the service is in a recognized foreign military (IRCC does not define it) [UNCONFIRMED]"
        ),
    )
    full = Condition(
        code=codes.CATEGORY_MILITARY_FULL_TIME,
        met=None,
        message="not checked: that the offer is for continuous full-time work in Canada",
    )
    own = (service, offer, credential, recognized, employer, length, full)
    reasons = reasons_of((service, offer, credential, recognized))
    if employer.met is None and length.met is None:
        # Neither fact given: the terms of the offer are not checked, said in one sentence.
        terms = (
            "not checked: that the offer is from the Canadian Forces Recruiting Group, for continuous full-time work "
            f"in Canada of at least {rule.offer_years} years"
        )
        reasons += (terms,)
    else:
        reasons += reasons_of((employer, length, full))
    return answer(asked, own, job=job, months=months, reasons=reasons)


def _military_service(
    asked: Asked, rule: MilitaryRule, full_time: float, hours_per_month: float
) -> tuple[Condition, float]:
    """Serving on the date, with the required years of continuous service in the listed occupations; the months."""
    candidate, version, on = asked.candidate, asked.version, asked.on
    codes_listed = ", ".join(sorted(version.occupations))
    service = [j for j in candidate.jobs if j.noc in version.occupations and j.paid and j.start <= on]
    runs = span(service, date.min, on)
    current = runs[-1] if runs and runs[-1][1] == on else None
    needed_start = anniversary(on, -rule.service_years)
    values: dict[str, codes.Value] = {
        "service_start": None,
        "service_needed_from": needed_start,
        "service_years": rule.service_years,
        "last_service_end": None,
        "months": 0.0,
    }
    if current is None:
        last = f" (the last ended on {runs[-1][1].isoformat()})" if runs else ""
        values["last_service_end"] = runs[-1][1] if runs else None
        return Condition(
            code=codes.CATEGORY_MILITARY_SERVICE,
            met=False,
            message=f"not serving on {on.isoformat()} in any of {codes_listed}{last}: the category needs "
            f"{rule.service_years} years of continuous service, still serving",
            values=values,
        ), 0.0
    start = current[0]
    hours = work_hours(service, first=start, last=on, full_time=full_time)
    serving_ok = start <= needed_start
    enough = "at least" if serving_ok else "less than"
    months = hours / hours_per_month
    values |= {"service_start": start, "months": floor_hundredths(months)}
    condition = Condition(
        code=codes.CATEGORY_MILITARY_SERVICE,
        met=serving_ok,
        message=f"continuous service in {codes_listed} since {start.isoformat()}: {enough} the "
        f"{rule.service_years} years needed (since {needed_start.isoformat()} or earlier)",
        values=values,
    )
    return condition, months


def _military_offer(
    candidate: Candidate, version: CategoryVersion, rule: MilitaryRule, on: date, codes_listed: str
) -> tuple[Condition, Condition, Condition]:
    """An offer in one of the occupations in force on the date; its employer; its length."""
    offer = candidate.job_offer
    listed = offer is not None and offer.noc in version.occupations
    in_force = offer is not None and offer_in_force(offer, on)
    if listed and in_force and offer is not None:
        since = "(no offer date given)" if offer.offered_on is None else f"from {offer.offered_on.isoformat()}"
        message = f"job offer in {offer.noc} {since}"
    else:
        message = (
            f"no job offer in {codes_listed} in force on {on.isoformat()}: the category needs an offer of "
            "arranged employment from the Canadian Forces Recruiting Group"
        )
    offer_condition = Condition(
        code=codes.CATEGORY_MILITARY_OFFER,
        met=listed and in_force,
        message=message,
        values={
            "occupation": None if offer is None else offer.noc,
            "listed": listed,
            "offered_on": None if offer is None else offer.offered_on,
            "ends_on": None if offer is None else offer.ends_on,
            "on": on,
        },
    )
    employer = None if offer is None else offer.employer
    cfrg = Employer.CANADIAN_FORCES_RECRUITING_GROUP
    if employer is None:
        met, message = None, "not checked: that the offer is from the Canadian Forces Recruiting Group"
    elif employer is cfrg:
        met, message = True, "the job offer is from the Canadian Forces Recruiting Group"
    else:
        met, message = False, "the job offer is not from the Canadian Forces Recruiting Group, as the category needs"
    employer_condition = Condition(
        code=codes.CATEGORY_MILITARY_EMPLOYER,
        met=met,
        message=message,
        values={"employer": None if employer is None else employer.value},
    )
    months = None if offer is None else offer.duration_months
    needed = rule.offer_years * _MONTHS_A_YEAR
    if months is None:
        met, message = None, f"not checked: that the offer is for at least {rule.offer_years} years"
    else:
        met = months >= needed
        message = f"the job offer is for {months} months: {needed} ({rule.offer_years} years) or more needed"
    length = Condition(
        code=codes.CATEGORY_MILITARY_OFFER_LENGTH,
        met=met,
        message=message,
        values={"duration_months": months, "months_needed": needed},
    )
    return offer_condition, employer_condition, length


def _military_credential(candidate: Candidate, rule: MilitaryRule, on: date, rules: RuleSet) -> Condition:
    """A post-secondary credential of a program of 2 years or more (with an ECA if foreign)."""
    counted = counted_credentials(candidate.credentials, on=on, rules=rules)
    highest = max(counted, key=lambda c: c.level.rank, default=None)
    credential = highest if highest is not None and highest.level.rank >= rule.minimum_credential.rank else None
    if credential is not None:
        completed = credential.completed_on
        when = "(no completion date given)" if completed is None else f"completed {completed.isoformat()}"
        message = f"{credential.level.label} {when}"
    else:
        message = (
            f"no counted post-secondary credential of a program of 2 years or more on {on.isoformat()} "
            "(a foreign credential needs a valid educational credential assessment)"
        )
    return Condition(
        code=codes.CATEGORY_MILITARY_CREDENTIAL,
        met=credential is not None,
        message=message,
        values={
            "education": None if highest is None else highest.level.value,
            "minimum": rule.minimum_credential.value,
        },
    )
