"""Life events the rules reward: a provincial nomination, Canadian education, a sibling in Canada, a job offer.

They are not simply the candidate's to decide, so they are marked as such (:attr:`ActionKind.LIFE_EVENT
<crsrules.ActionKind.LIFE_EVENT>`), and each is dated on the day asked about. The facts the score does not read are
left out: the nomination names no province (every one gives the same points), the sibling no birth date (taken to be
18 or older, rule E13). A job offer is proposed only in the candidate's own latest skilled occupation, and only gains
where the rules in force still give it points (not from 2025-03-25).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from crsrules.advice._context import Proposal
from crsrules.candidate import Candidate, Credential, JobOffer, Nomination, Sibling
from crsrules.evidence import counted_credentials, skilled_occupation
from crsrules.model import Education

if TYPE_CHECKING:
    from datetime import date

    from crsrules.advice._context import WhatIf
    from crsrules.rules import RuleSet

__all__ = ["life_proposals"]


def _with_nomination(nomination: Nomination) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, nomination=nomination)


def _with_job_offer(offer: JobOffer) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, job_offer=offer)


def _adding_credential(credential: Credential) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, credentials=(*candidate.credentials, credential))


def _adding_sibling(sibling: Sibling) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, siblings=(*candidate.siblings, sibling))


def life_proposals(what_if: WhatIf) -> list[Proposal]:
    """The life events to try on the day asked about."""
    on = what_if.on
    rules = what_if.rules(on)
    candidate = what_if.candidate
    proposals = [
        Proposal(
            action="life.provincial_nomination",
            description="Life event: a nomination by a province or territory, accepted in the Express Entry profile.",
            change=_with_nomination(Nomination(nominated_on=on)),
            on=on,
            slot=None,
        )
    ]
    proposals += _canadian_education(candidate, on, rules)
    proposals.append(
        Proposal(
            action="life.sibling_in_canada",
            description="Life event: a brother or sister, 18 or older and living in Canada, becomes a Canadian "
            "citizen or permanent resident.",
            change=_adding_sibling(Sibling(citizen_or_pr_since=on)),
            on=on,
            slot=None,
        )
    )
    offer = _job_offer(candidate, on, rules)
    if offer is not None:
        proposals.append(offer)
    return proposals


def _canadian_education(candidate: Candidate, on: date, rules: RuleSet) -> list[Proposal]:
    """A one-year Canadian credential, and one of three years or more (a master's beside a degree)."""
    months = rules.evidence.canadian_education_months
    counted = counted_credentials(candidate.credentials, on=on, rules=rules)
    graduate = any(c.level.rank >= Education.BACHELORS.rank and c.is_post_secondary for c in counted)
    long_level, long_name = (
        (Education.MASTERS, "a master's degree")
        if graduate
        else (Education.BACHELORS, "a program of three years or more")
    )
    proposals = []
    for level, name in ((Education.ONE_YEAR, "a one-year program"), (long_level, long_name)):
        credential = Credential(level=level, completed_on=on, in_canada=True, full_time_months_in_canada=months)
        proposals.append(
            Proposal(
                action="life.canadian_education",
                description=f"Life event: complete {name} at a Canadian institution, studying full time in Canada "
                f"for at least {months} months.",
                change=_adding_credential(credential),
                on=on,
                slot=None,
            )
        )
    return proposals


def _job_offer(candidate: Candidate, on: date, rules: RuleSet) -> Proposal | None:
    """A job offer in the candidate's latest skilled occupation, if they have one."""
    skilled = [j for j in candidate.jobs if j.start <= on and skilled_occupation(j.noc, j.noc_2016, rules=rules)[0]]
    if not skilled:
        return None
    job = max(skilled, key=lambda j: j.start)
    code = job.noc or job.noc_2016
    return Proposal(
        action="life.job_offer",
        description=f"Life event: a qualifying offer of arranged employment in NOC {code}, the candidate's own "
        "occupation.",
        change=_with_job_offer(JobOffer(noc=job.noc, noc_2016=job.noc_2016, offered_on=on)),
        on=on,
        slot=None,
    )
