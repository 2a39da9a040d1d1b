"""Documents: an ECA, a second credential, the spouse's ECA, a certificate of qualification.

Each is proposed from the candidate's own facts on the day asked about, and kept only if it gains points there:

- an ECA, issued that day, for each foreign credential completed by then whose ECA is missing or no longer valid
  (rule E3), the candidate's and the accompanying spouse's;
- a second post-secondary credential, completed and assessed that day, when the credentials that count hold one
  post-secondary credential: a one-year program beside one of three years or more, or a program of three years or more
  beside a shorter one; together they make "two or more" (E2);
- a certificate of qualification, issued that day, in the trade of the candidate's latest job in a skilled trade (the
  version's list of trades, as the FST uses it), when the candidate has none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from crsrules.advice._context import Proposal
from crsrules.candidate import Candidate, Certificate, Credential
from crsrules.evidence import anniversary, completed_by, counted_credentials
from crsrules.model import Education
from crsrules.occupations import occupation
from crsrules.rules import NocVersion

if TYPE_CHECKING:
    from datetime import date

    from crsrules.advice._context import WhatIf
    from crsrules.candidate import Job
    from crsrules.rules import RuleSet

__all__ = ["credential_label", "document_proposals", "with_eca", "with_spouse_eca"]


_NAMES = {
    Education.SECONDARY: "secondary diploma",
    Education.ONE_YEAR: "one-year credential",
    Education.TWO_YEAR: "two-year credential",
    Education.BACHELORS: "bachelor's degree",
    Education.MASTERS: "master's degree",
    Education.DOCTORAL: "doctorate",
}


def credential_label(credential: Credential) -> str:
    """A credential in words, such as ``"the bachelor's degree completed 2014-06-30"``."""
    name = f"the {_NAMES.get(credential.level, credential.level.label)}"
    done = credential.completed_on
    return name if done is None else f"{name} completed {done.isoformat()}"


def _eca_state(credential: Credential, on: date, rules: RuleSet) -> str | None:
    """Why a foreign credential completed by *on* has no valid ECA on *on*, or None if it has one (or needs none)."""
    if credential.in_canada or not completed_by(credential, on):
        return None
    issued = credential.eca_issued_on
    if issued is None:
        return "it has none"
    expires = anniversary(issued, rules.evidence.eca_valid_years)
    if issued > on:
        return f"its ECA is dated {issued.isoformat()}, after {on.isoformat()}"
    if expires <= on:
        return f"its ECA of {issued.isoformat()} stopped counting on {expires.isoformat()}"
    return None


def with_eca(index: int, day: date) -> Callable[[Candidate], Candidate]:
    """The change: the candidate's credential *index* assessed on *day*."""

    def change(candidate: Candidate) -> Candidate:
        credentials = list(candidate.credentials)
        credentials[index] = attrs.evolve(credentials[index], eca_issued_on=day)
        return attrs.evolve(candidate, credentials=tuple(credentials))

    return change


def with_spouse_eca(index: int, day: date) -> Callable[[Candidate], Candidate]:
    """The change: the spouse's credential *index* assessed on *day*."""

    def change(candidate: Candidate) -> Candidate:
        spouse = candidate.spouse
        if spouse is None:  # pragma: no cover (proposed only with a spouse)
            return candidate
        credentials = list(spouse.credentials)
        credentials[index] = attrs.evolve(credentials[index], eca_issued_on=day)
        return attrs.evolve(candidate, spouse=attrs.evolve(spouse, credentials=tuple(credentials)))

    return change


def _adding_credential(credential: Credential) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, credentials=(*candidate.credentials, credential))


def _with_certificate(certificate: Certificate) -> Callable[[Candidate], Candidate]:
    return lambda candidate: attrs.evolve(candidate, certificate_of_qualification=certificate)


def document_proposals(what_if: WhatIf) -> list[Proposal]:
    """The documents to try on the day asked about."""
    on = what_if.on
    rules = what_if.rules(on)
    candidate = what_if.candidate
    proposals = []
    for i, credential in enumerate(candidate.credentials):
        why = _eca_state(credential, on, rules)
        if why is not None:
            proposals.append(
                Proposal(
                    action="document.eca",
                    description=f"Get an Educational Credential Assessment (ECA) of {credential_label(credential)} "
                    f"({why}).",
                    change=with_eca(i, on),
                    on=on,
                    slot=f"eca:{i}",
                )
            )
    second = _second_credential(candidate, on, rules)
    if second is not None:
        proposals.append(second)
    spouse = candidate.spouse
    if spouse is not None and spouse.counts and candidate.marital_status.has_partner:
        for i, credential in enumerate(spouse.credentials):
            why = _eca_state(credential, on, rules)
            if why is not None:
                proposals.append(
                    Proposal(
                        action="document.spouse_eca",
                        description=f"The spouse gets an ECA of {credential_label(credential)} ({why}).",
                        change=with_spouse_eca(i, on),
                        on=on,
                        slot=f"spouse_eca:{i}",
                    )
                )
    certificate = _certificate(candidate, on, rules)
    if certificate is not None:
        proposals.append(certificate)
    return proposals


def _second_credential(candidate: Candidate, on: date, rules: RuleSet) -> Proposal | None:
    """A second credential that makes "two or more", if the counted credentials hold exactly one post-secondary."""
    post = [c for c in counted_credentials(candidate.credentials, on=on, rules=rules) if c.is_post_secondary]
    if len(post) != 1:
        return None  # none (an ECA or a first credential comes first), or two already
    held = post[0]
    if held.level.rank >= Education.TWO_OR_MORE.rank:
        return None  # a master's or a doctorate is above "two or more"
    long_program = held.level.rank >= Education.BACHELORS.rank
    level = Education.ONE_YEAR if long_program else Education.BACHELORS
    new = Credential(level=level, completed_on=on, eca_issued_on=on)
    what = "a one-year program is enough" if long_program else "a program of three years or more"
    return Proposal(
        action="document.second_credential",
        description=f"Complete a second post-secondary credential ({what}) and have it assessed: with "
        f"{credential_label(held)} it makes 'two or more credentials'.",
        change=_adding_credential(new),
        on=on,
        slot="new_credential",
    )


def _trade_job(jobs: tuple[Job, ...], rules: RuleSet) -> tuple[Job, str] | None:
    """The latest job in a skilled trade under *rules*, with its code, or None."""
    trades = rules.programs.fst.trades[rules.noc_version]
    found = []
    for job in jobs:
        code = job.noc if rules.noc_version is NocVersion.NOC_2021 else job.noc_2016
        if code is not None and job.paid and trades.contains(code):
            found.append((job, code))
    return max(found, key=lambda pair: pair[0].start, default=None)


def _certificate(candidate: Candidate, on: date, rules: RuleSet) -> Proposal | None:
    held = candidate.certificate_of_qualification
    if held is not None and held.issued_on <= on:
        return None
    trade = _trade_job(candidate.jobs, rules)
    if trade is None:
        return None
    job, code = trade
    modern = rules.noc_version is NocVersion.NOC_2021
    name = f"{occupation(code).title} (NOC {code})" if modern else f"NOC 2016 {code}"
    certificate = Certificate(issued_on=on, noc=job.noc)
    return Proposal(
        action="document.certificate_of_qualification",
        description=f"Get a certificate of qualification in the trade of {name} from a province, territory or "
        "federal body.",
        change=_with_certificate(certificate),
        on=on,
        slot="certificate",
    )
