"""Protections: an action taken now that keeps points a foreseen loss would take, counted on the day of the loss.

The losses an action can prevent are documents that stop counting: a test result two years after the test (rule
E10) and an ECA five years after its issue (E3), the candidate's and the accompanying spouse's. For each that stops
counting within a year of the day asked about, the action is taken that day (a new test of the same test, with the
smallest scores that keep the points; a renewed ECA) and counted on the day of the loss, against the unchanged
candidate's score that day. Losses no action prevents (a birthday, a year of work leaving the window) and gains that
only need time are the timeline's coming changes, not improvements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crsrules.advice._context import Proposal
from crsrules.advice._documents import credential_label, with_eca, with_spouse_eca
from crsrules.advice._language import add_result, add_spouse_result, adding, search, target_of
from crsrules.evidence import anniversary, completed_by, read_result

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from crsrules.advice._context import WhatIf
    from crsrules.candidate import Candidate, Credential, LanguageResult

__all__ = ["protect_proposals"]


def protect_proposals(what_if: WhatIf, *, until: date) -> list[Proposal]:
    """The protections against the losses from the day after the day asked about to *until*."""
    candidate = what_if.candidate
    proposals = _tests(what_if, candidate.language_results, add_result, until, spouse=False)
    proposals += _ecas(what_if, candidate.credentials, until, spouse=False)
    spouse = candidate.spouse
    if spouse is not None and spouse.counts and candidate.marital_status.has_partner:
        proposals += _tests(what_if, spouse.language_results, add_spouse_result, until, spouse=True)
        proposals += _ecas(what_if, spouse.credentials, until, spouse=True)
    return proposals


def _tests(
    what_if: WhatIf,
    results: tuple[LanguageResult, ...],
    add: Callable[[Candidate, LanguageResult], Candidate],
    until: date,
    *,
    spouse: bool,
) -> list[Proposal]:
    on = what_if.on
    rules = what_if.rules(on)
    proposals = []
    for result in results:
        expires = anniversary(result.tested_on, rules.evidence.language_valid_years)
        if not result.tested_on <= on < expires <= until:
            continue
        levels = read_result(result, rules=rules)
        if levels is None or not what_if.rules(expires).language.accepts(result.test, on):
            continue
        start = (levels.listening, levels.reading, levels.writing, levels.speaking)
        for found in search(what_if, day=expires, test=result.test, tef_scale=result.tef_scale, add=add,
                            start=start, floors=[None]):  # fmt: skip
            target = target_of(found, spouse=spouse)
            keep = f"{target.levels_text()}: at least {target.scores_text()}"
            when = f"before {expires.isoformat()}, when the result of {result.tested_on.isoformat()} stops counting"
            if spouse:
                description = f"The spouse retakes {result.test.label} {when}, and reaches {keep}."
            else:
                description = f"Retake {result.test.label} {when}, and reach {keep}."
            proposals.append(
                Proposal(
                    action="protect.spouse_language_test" if spouse else "protect.language_test",
                    description=description,
                    change=adding(found.result, add),
                    on=expires,
                    slot=None,
                    language=target,
                )
            )
    return proposals


def _ecas(what_if: WhatIf, credentials: tuple[Credential, ...], until: date, *, spouse: bool) -> list[Proposal]:
    on = what_if.on
    years = what_if.rules(on).evidence.eca_valid_years
    proposals = []
    for i, credential in enumerate(credentials):
        issued = credential.eca_issued_on
        if credential.in_canada or issued is None or not completed_by(credential, on):
            continue
        expires = anniversary(issued, years)
        if not issued <= on < expires <= until:
            continue
        who = "The spouse renews" if spouse else "Renew"
        proposals.append(
            Proposal(
                action="protect.spouse_eca" if spouse else "protect.eca",
                description=f"{who} the ECA of {credential_label(credential)} before {expires.isoformat()}, when the "
                f"ECA of {issued.isoformat()} stops counting.",
                change=(with_spouse_eca if spouse else with_eca)(i, on),
                on=expires,
                slot=None,
            )
        )
    return proposals
