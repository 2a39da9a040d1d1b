"""The evidence of a derivation: for each CRS factor, the facts it was counted from, as records and in words.

A derivation (:mod:`crsrules.derive._counting`) notes, for each factor, a builder and the facts it needs; nothing is
built until the evidence is read. A builder gives the factor's :class:`~crsrules.Condition` records (codes of scope
``evidence``, defined in :mod:`crsrules.conditions`): one for a factor counted from one kind of fact, two for a
skill-transferability combination. The words of a factor (``Derivation.evidence``, ``Line.evidence``) are its
records' messages joined by "; ", so that the text and the records cannot disagree.

The details (facts not counted and why, facts taken as given) are worked out when the records are built, with the
same rules of evidence the counting used (:mod:`crsrules.evidence`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules import conditions as codes
from crsrules.conditions import Condition, Detail, Value, floor_hundredths
from crsrules.evidence import (
    anniversary,
    count_result,
    credential_not_counted,
    occupation_code,
    valid_language_results,
    work_window,
)
from crsrules.headings import Factor

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from datetime import date

    from crsrules.candidate import (
        Candidate,
        Certificate,
        Credential,
        Job,
        JobOffer,
        LanguageResult,
        Nomination,
        Sibling,
    )
    from crsrules.evidence import CountedResult
    from crsrules.model import ArrangedEmployment, CanadianEducation, Education, Factors
    from crsrules.rules import RuleSet

__all__ = ["NO_PARTNER", "Derivation", "Evidence", "Note", "Records", "no_valid_result", "silent_zero_defaults"]


class Derivation(NamedTuple):
    """The CRS inputs on a date, and for each factor the facts it came from.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 :attr:`conditions`: the evidence as records with stable codes.
    """

    #: The CRS inputs.
    factors: Factors
    #: For each factor, the facts it came from, in words (such as "IELTS General Training test of 2025-03-02"); a
    #: read-only mapping whose words are formatted on first read. Each entry is the messages of the factor's
    #: :attr:`conditions`, joined by "; ".
    evidence: Mapping[Factor, str]
    #: The ruleset whose rules of evidence were applied.
    rules: RuleSet

    @property
    def conditions(self) -> Mapping[Factor, tuple[Condition, ...]]:
        """For each factor, the facts it was counted from, as records with stable codes.

        The codes are ``evidence.*`` (see :doc:`/reference/conditions`): met when a fact counts, with the numbers
        behind it and, in ``details``, the facts that do not count and why. A combined factor has a record for each
        part. Built on first read; empty for a Derivation built by hand.

        Example:
            >>> from datetime import date
            >>> from crsrules import Candidate, Factor, LanguageResult, derive
            >>> ielts = LanguageResult(test="ielts_general", tested_on=date(2022, 3, 2), listening=8, reading=7,
            ...                        writing=7, speaking=7)
            >>> d = derive(Candidate(birth_date=date(1990, 1, 1), language_results=[ielts]), on=date(2025, 6, 1))
            >>> (language,) = d.conditions[Factor.FIRST_OFFICIAL_LANGUAGE]
            >>> language.code, language.met
            ('evidence.language', False)
            >>> [(x.code, x.values["why"], x.values["expired_on"]) for x in language.details]
            [('evidence.result_not_counted', 'expired', datetime.date(2024, 3, 2))]

        .. versionadded:: 0.2.0
        """
        evidence = self.evidence
        return evidence.conditions if isinstance(evidence, Evidence) else MappingProxyType({})


#: A factor, and the builder and arguments that give its records.
Note = tuple[Factor, "Callable[..., tuple[Condition, ...]]", tuple[Any, ...]]


class Evidence(Mapping[Factor, str]):
    """The evidence of a derivation in words, each factor's records built on its first read (a read-only mapping).

    Its factors come in the order of the grid (:class:`~crsrules.Factor`).
    """

    __slots__ = ("_built", "_by_factor", "_noted")

    def __init__(self, notes: list[Note]) -> None:
        self._noted = notes  # kept as given: a dict keyed by Factor costs a derivation more than its counting
        self._by_factor: dict[Factor, tuple[Callable[..., tuple[Condition, ...]], tuple[Any, ...]]] | None = None
        self._built: dict[Factor, tuple[Condition, ...]] = {}

    @property
    def _notes(self) -> dict[Factor, tuple[Callable[..., tuple[Condition, ...]], tuple[Any, ...]]]:
        by_factor = self._by_factor
        if by_factor is None:
            by_factor = self._by_factor = {factor: (build, args) for factor, build, args in self._noted}
        return by_factor

    def records(self, factor: Factor) -> tuple[Condition, ...]:
        """The records of *factor*."""
        built = self._built.get(factor)
        if built is None:
            build, args = self._notes[factor]
            built = self._built[factor] = build(*args)
        return built

    @property
    def conditions(self) -> Mapping[Factor, tuple[Condition, ...]]:
        """Every factor's records, in the order of the grid."""
        return MappingProxyType({factor: self.records(factor) for factor in self})

    def __getitem__(self, factor: Factor) -> str:
        if factor not in self._notes:
            raise KeyError(factor)
        return "; ".join(c.message for c in self.records(factor))

    def __iter__(self) -> Iterator[Factor]:
        notes = self._notes
        return (factor for factor in _GRID_ORDER if factor in notes)

    def __len__(self) -> int:
        return len(self._noted)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[type[dict[Factor, str]], tuple[dict[Factor, str]]]:
        return dict, (dict(self),)


_GRID_ORDER = tuple(Factor)

NO_PARTNER = "no accompanying spouse or partner who is not a Canadian citizen or PR"


def silent_zero_defaults(day: str, *, partner: bool) -> tuple[tuple[Factor, str], ...]:
    """The words of each factor that no fact of the candidate fed, on the day *day* (no silent zero)."""
    return (
        (Factor.EDUCATION, "no credential that counts"),
        (Factor.SECOND_OFFICIAL_LANGUAGE, "no valid result in the other official language"),
        (Factor.SPOUSE_EDUCATION, "spouse: no credential that counts" if partner else NO_PARTNER),
        (Factor.SPOUSE_OFFICIAL_LANGUAGE, "spouse: no valid language result" if partner else NO_PARTNER),
        (Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, NO_PARTNER),
        (Factor.CERTIFICATE_OF_QUALIFICATION, f"no certificate of qualification issued by {day}"),
        (Factor.PROVINCIAL_NOMINATION, f"no nomination by {day}"),
        (Factor.ARRANGED_EMPLOYMENT, f"no qualifying job offer in force on {day}"),
        (Factor.CANADIAN_EDUCATION, "no Canadian post-secondary credential that earns these points"),
        (Factor.FRENCH_LANGUAGE_SKILLS, "no valid French result"),
        (Factor.SIBLING_IN_CANADA, f"no brother or sister in Canada who counts on {day}"),
    )


def no_valid_result(results: Iterable[LanguageResult], on: date, years: int) -> str:
    """Why no result counts on *on*: none given, or each one expired (a result counts for *years* years)."""
    expired = [
        f"{r.test.label} test of {r.tested_on.isoformat()} expired on {anniversary(r.tested_on, years).isoformat()}"
        for r in results
        if anniversary(r.tested_on, years) <= on
    ]
    return "no valid first-language result" + (f" ({'; '.join(expired)})" if expired else "")


#: The words for no result used in a role other than the first language.
_NO_RESULT = {
    "second": "no valid result in the other official language",
    "spouse": "spouse: no valid language result",
    "french": "no valid French result",
}


def result_words(result: CountedResult) -> str:
    """A counted result, in words."""
    return f"{result.test.label} test of {result.tested_on.isoformat()}"


def credential_words(c: Credential) -> str:
    """A credential, in words."""
    where = "Canadian" if c.in_canada else f"foreign, ECA of {c.eca_issued_on.isoformat() if c.eca_issued_on else '-'}"
    if c.completed_on is None:
        return f"{c.level.value}, no completion date given: counted as completed ({where})"
    return f"{c.level.value} completed {c.completed_on.isoformat()} ({where})"


def _not_counted(code: str, key: str, index: int, what: str, why: str, words: str | None = None) -> Detail:  # noqa: PLR0913, PLR0917
    """A detail of a fact not counted: its code, its position under *key*, and why (in *words*, or the code's)."""
    message = f"{what} not counted: {words or why.replace('_', ' ')}"
    return Detail(code=code, message=message, values={key: index, "why": why})


def _approximated(job: int | None, classification: str) -> Detail:
    other = "NOC 2016" if classification == "noc_2016" else "NOC 2021"
    what = "the job offer" if job is None else f"job {job}"
    message = f"{what} judged by its {other} code: no code of the version's classification given"
    return Detail(code=codes.EVIDENCE_NOC_APPROXIMATED, message=message,
                  values={"job": job, "classification": classification})  # fmt: skip


def _position(items: Sequence[object], item: object) -> int:
    """The position of *item* in *items*, by identity (equal facts given twice are told apart)."""
    return next(i for i, x in enumerate(items) if x is item)


class Records:
    """The builders of one derivation's records: the candidate, the day and the ruleset they read."""

    __slots__ = ("_not_used", "candidate", "on", "rules")

    def __init__(self, candidate: Candidate, on: date, rules: RuleSet) -> None:
        self.candidate = candidate
        self.on = on
        self.rules = rules
        self._not_used: dict[str, tuple[Detail, ...]] = {}

    def _facts(self, person: str) -> Candidate | Any:  # noqa: ANN401 (the Candidate or its Spouse)
        return self.candidate if person == "candidate" else self.candidate.spouse

    # Age.

    def age(self, age: int) -> tuple[Condition, ...]:
        """``evidence.age``."""
        birth = self.candidate.birth_date
        message = f"born {birth.isoformat()}: {age} on {self.on.isoformat()}"
        values: dict[str, Value] = {"birth_date": birth, "on": self.on, "age": age}
        return (Condition(code=codes.EVIDENCE_AGE, met=True, message=message, values=values),)

    # Education.

    def education(self, person: str, level: Education, making: list[Credential]) -> tuple[Condition, ...]:
        """``evidence.education``: the credentials that make *level*, and those that do not count."""
        credentials = self._facts(person).credentials
        details = [self._assumed("completed_on", _position(credentials, c)) for c in making if c.completed_on is None]
        for i, c in enumerate(credentials):
            why = credential_not_counted(c, on=self.on, rules=self.rules)
            if why is not None:
                details.append(self._credential_not_counted(i, c, why))
        words = "; ".join(credential_words(c) for c in making) if making else "no credential that counts"
        message = ("spouse: " if person == "spouse" else "") + words
        positions = tuple(_position(credentials, c) for c in making)
        values = {"person": person, "level": level.value, "credentials": positions}
        return (Condition(code=codes.EVIDENCE_EDUCATION, met=bool(making), message=message, values=values,
                          details=tuple(details)),)  # fmt: skip

    @staticmethod
    def _credential_not_counted(index: int, credential: Credential, why: str) -> Detail:
        words = {
            "not_completed": "not completed by the day",
            "no_eca": "foreign, without an ECA",
            "eca_not_yet_issued": "its ECA was issued after the day",
            "eca_expired": "its ECA had expired",
            "not_post_secondary": "not post-secondary",
            "language_training": "more than half of it was language training",
            "award_requires_return": "its award requires a return to another country",
            "distance_learning": "more than half of it was distance learning",
            "too_short": "less than the months of full-time study in Canada needed",
        }[why]
        what = f"{credential.level.value} ({index})"
        return _not_counted(codes.EVIDENCE_CREDENTIAL_NOT_COUNTED, "credential", index, what, why, words)

    @staticmethod
    def _assumed(fact: str, index: int | None) -> Detail:
        message = f"{fact} not given: taken the way that earns the points"
        return Detail(code=codes.EVIDENCE_ASSUMED, message=message, values={"fact": fact, "index": index})

    def canadian_education(
        self,
        award: CanadianEducation | None,
        credential: Credential | None,
        why_not: Callable[[Credential], str | None],
        relieved: Callable[[Credential], bool],
    ) -> tuple[Condition, ...]:
        """``evidence.canadian_education``: the credential that earns it, and the Canadian ones that do not."""
        credentials = self.candidate.credentials
        details = []
        index = None if credential is None else _position(credentials, credential)
        relief = credential is not None and relieved(credential)
        if credential is None:
            message = "no Canadian post-secondary credential that earns these points"
        else:
            message = credential_words(credential) + self._study_words(credential, relief=relief)
        if credential is not None and credential.full_time_months_in_canada is None and not relief:
            details.append(self._assumed("full_time_months_in_canada", index))
        for i, c in enumerate(credentials):
            if c.in_canada and c is not credential:
                why = credential_not_counted(c, on=self.on, rules=self.rules) or why_not(c)
                if why is not None:
                    details.append(self._credential_not_counted(i, c, why))
        values = {
            "credential": index,
            "level": None if credential is None else credential.level.value,
            "award": None if award is None else award.value,
            "full_time_months_in_canada": None if credential is None else credential.full_time_months_in_canada,
            "months_needed": self.rules.evidence.canadian_education_months,
            "relief": relief,
        }
        return (Condition(code=codes.EVIDENCE_CANADIAN_EDUCATION, met=award is not None, message=message,
                          values=values, details=tuple(details)),)  # fmt: skip

    def _study_words(self, credential: Credential, *, relief: bool) -> str:
        """What the Canadian-education words add about how *credential* was studied, if anything."""
        if credential.distance_learning_over_half:
            return "; distance learning, counted under the COVID-19 relief for study from 2020-03 to 2022-08"
        if credential.full_time_months_in_canada is None and not relief:
            needed = self.rules.evidence.canadian_education_months
            return f"; months of full-time study in Canada not given: taken as the {needed} needed"
        return ""

    # Official languages.

    def language(
        self,
        person: str,
        role: str,
        counted: CountedResult | None,
        expired_words: bool = False,
    ) -> tuple[Condition, ...]:
        """``evidence.language``: the result used as *role*, and the person's results that are not used.

        Without a result, the words for the first language name the expired results when *expired_words*.
        """
        results = self._facts(person).language_results
        years = self.rules.evidence.language_valid_years
        if counted is not None:
            message = ("spouse: " if person == "spouse" else "") + result_words(counted)
        elif role == "first":
            message = no_valid_result(results, self.on, years) if expired_words else "no valid first-language result"
        else:
            message = _NO_RESULT[role]
        details = self._results_not_used(person)
        levels = None if counted is None else counted.levels
        values = {
            "person": person,
            "role": role,
            "result": None if counted is None else _position(results, counted.result),
            "test": None if counted is None else counted.test.value,
            "tested_on": None if counted is None else counted.tested_on,
            "expires_on": None if counted is None else anniversary(counted.tested_on, years),
            "listening": None if levels is None else levels.listening,
            "reading": None if levels is None else levels.reading,
            "writing": None if levels is None else levels.writing,
            "speaking": None if levels is None else levels.speaking,
        }
        return (Condition(code=codes.EVIDENCE_LANGUAGE, met=counted is not None, message=message, values=values,
                          details=details),)  # fmt: skip

    def _results_not_used(self, person: str) -> tuple[Detail, ...]:
        """The person's results that no role uses, and why (the same for every role: worked out once)."""
        found = self._not_used.get(person)
        if found is not None:
            return found
        results = self._facts(person).language_results
        years = self.rules.evidence.language_valid_years
        best = valid_language_results(results, on=self.on, rules=self.rules)
        details = []
        for i, r in enumerate(results):
            status = count_result(r, on=self.on, rules=self.rules)
            if isinstance(status, str):
                why, expired = status, anniversary(r.tested_on, years) if status == "expired" else None
            elif best[r.language].result is not r:  # a better valid result in its language is used
                why, expired = "outranked", None
            else:
                continue
            text = f"{r.test.label} test of {r.tested_on.isoformat()} not used: {why.replace('_', ' ')}"
            values = {"result": i, "test": r.test.value, "tested_on": r.tested_on, "why": why, "expired_on": expired}
            details.append(Detail(code=codes.EVIDENCE_RESULT_NOT_COUNTED, message=text, values=values))
        found = self._not_used[person] = tuple(details)
        return found

    # Work.

    def work(
        self,
        person: str,
        in_canada: bool,
        counted: tuple[int, float, list[Job], str],
        why_not: Callable[[Job], str | None],
    ) -> tuple[Condition, ...]:
        """``evidence.work``: the jobs counted as skilled work of one kind, and the jobs of that kind that are not."""
        years, hours, jobs, note = counted
        facts = self._facts(person).jobs
        window_years = self.rules.evidence.work_window_years
        first, last = work_window(self.on, window_years)
        kind = "Canadian" if in_canada else "foreign"
        if jobs:
            words = f"{hours:,.0f} full-time-equivalent hours of skilled {kind} work"
            after = f", from {len(jobs)} job(s)"
        else:
            words, after = f"no skilled {kind} work", ""
        words += f" in the {window_years} years before {self.on.isoformat()}{after}{note}"
        message = ("spouse: " if person == "spouse" else "") + words
        details = []
        for i, job in enumerate(facts):
            if job.in_canada is not in_canada:
                continue
            if any(job is j for j in jobs):
                _, other = occupation_code(job.noc, job.noc_2016, rules=self.rules)
                if other is not None:
                    details.append(_approximated(i, other))
                continue
            why = why_not(job)
            if why is not None:
                what = f"job {i} (NOC {job.noc or job.noc_2016})"
                details.append(_not_counted(codes.EVIDENCE_JOB_NOT_COUNTED, "job", i, what, why))
        values: dict[str, Value] = {
            "person": person,
            "in_canada": in_canada,
            "hours": floor_hundredths(hours),
            "hours_per_year": self.rules.evidence.hours_per_year,
            "years": years,
            "window_start": first,
            "window_end": last,
            "jobs": tuple(_position(facts, j) for j in jobs),
        }
        return (Condition(code=codes.EVIDENCE_WORK, met=years >= 1, message=message, values=values,
                          details=tuple(details)),)  # fmt: skip

    # The spouse.

    def partner(self) -> tuple[Condition, ...]:
        """``evidence.partner``, unmet: the spouse factors do not count."""
        spouse = self.candidate.spouse
        values = {
            "marital_status": self.candidate.marital_status.value,
            "accompanying": None if spouse is None else spouse.accompanying,
            "citizen_or_pr": None if spouse is None else spouse.canadian_citizen_or_pr,
        }
        return (Condition(code=codes.EVIDENCE_PARTNER, met=False, message=NO_PARTNER, values=values),)

    # Additional points.

    def certificate(self, certificate: Certificate | None) -> tuple[Condition, ...]:
        """``evidence.certificate``."""
        issued = None if certificate is None else certificate.issued_on
        met = issued is not None and issued <= self.on
        if met:
            message = f"certificate of qualification issued {issued}"
        else:
            message = f"no certificate of qualification issued by {self.on.isoformat()}"
        return (Condition(code=codes.EVIDENCE_CERTIFICATE, met=met, message=message,
                          values={"issued_on": issued, "on": self.on}),)  # fmt: skip

    def nomination(self, nomination: Nomination | None) -> tuple[Condition, ...]:
        """``evidence.nomination``."""
        made = None if nomination is None else nomination.nominated_on
        province = None if nomination is None or nomination.province is None else nomination.province.value
        values = {"nominated_on": made, "province": province, "on": self.on}
        met = made is not None and made <= self.on
        if made is not None and met:
            message = f"nominated{'' if province is None else f' by {province}'} on {made.isoformat()}"
        else:
            message = f"no nomination by {self.on.isoformat()}"
        return (Condition(code=codes.EVIDENCE_NOMINATION, met=met, message=message, values=values),)

    def job_offer(
        self,
        offer: JobOffer | None,
        kind: ArrangedEmployment | None,
        checks: tuple[bool | None, bool | None],
    ) -> tuple[Condition, ...]:
        """``evidence.job_offer``; *checks*: whether it is in force and skilled (None when not judged)."""
        details = []
        noc = None
        if offer is not None and kind is not None:
            made = offer.offered_on
            since = "(no offer date given: taken to be in force)" if made is None else f"from {made.isoformat()}"
            message = f"job offer in NOC {offer.noc or offer.noc_2016} {since}"
        else:
            message = f"no qualifying job offer in force on {self.on.isoformat()}"
        if offer is not None:
            noc, other = occupation_code(offer.noc, offer.noc_2016, rules=self.rules)
            if other is not None:
                details.append(_approximated(None, other))
            if offer.offered_on is None:
                details.append(self._assumed("offered_on", None))
        in_force, skilled = checks
        values = {
            "noc": noc,
            "offered_on": None if offer is None else offer.offered_on,
            "ends_on": None if offer is None else offer.ends_on,
            "in_force": in_force,
            "skilled": skilled,
            "kind": None if kind is None else kind.value,
        }
        return (Condition(code=codes.EVIDENCE_JOB_OFFER, met=kind is not None, message=message, values=values,
                          details=tuple(details)),)  # fmt: skip

    def sibling(self, sibling: Sibling | None, why_not: Callable[[Sibling], str | None]) -> tuple[Condition, ...]:
        """``evidence.sibling``: the sibling counted, and those who do not count."""
        siblings = self.candidate.siblings
        if sibling is None:
            message = f"no brother or sister in Canada who counts on {self.on.isoformat()}"
        else:
            whose = "spouse's sibling" if sibling.of_spouse else "sibling"
            born = sibling.birth_date
            born_words = "no birth date given: taken to be 18 or older" if born is None else f"born {born.isoformat()}"
            message = f"{whose} {born_words}, citizen or PR since {sibling.citizen_or_pr_since.isoformat()}"
        details = []
        for i, s in enumerate(siblings):
            if s is sibling:
                if s.birth_date is None:
                    details.append(self._assumed("birth_date", i))
                continue
            why = why_not(s)
            if why is not None:
                details.append(_not_counted(codes.EVIDENCE_SIBLING_NOT_COUNTED, "sibling", i, f"sibling {i}", why))
        values = {
            "sibling": None if sibling is None else _position(siblings, sibling),
            "of_spouse": None if sibling is None else sibling.of_spouse,
            "birth_date": None if sibling is None else sibling.birth_date,
            "citizen_or_pr_since": None if sibling is None else sibling.citizen_or_pr_since,
        }
        return (Condition(code=codes.EVIDENCE_SIBLING, met=sibling is not None, message=message, values=values,
                          details=tuple(details)),)  # fmt: skip

    # Combinations (skill transferability, French-language skills).

    @staticmethod
    def both(
        one: Callable[..., tuple[Condition, ...]],
        one_args: tuple[Any, ...],
        other: Callable[..., tuple[Condition, ...]],
        other_args: tuple[Any, ...],
    ) -> tuple[Condition, ...]:
        """The records of a factor that combines two: each part's."""
        return one(*one_args) + other(*other_args)
