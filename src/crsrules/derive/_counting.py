"""From dated facts to the CRS inputs: :func:`factors` applies the rules of evidence on a date.

The numbers (2 years for a language result, 5 for an ECA, 10 years of work, 30 hours a week, 1,560 hours a year, ...)
live in the version's :class:`~crsrules.rules.Evidence`; the counting that categories and programs share is in
:mod:`crsrules.evidence`; this module holds the CRS reasoning, rule by rule (E1-E10, E13, E16 of the reference).
Choices where IRCC's texts are silent are documented where they are made:

- First official language (E16): the one the candidate names if it has a valid result; otherwise the language whose
  choice as first gives the higher score (ties go to English, as in IRCC's tool, which lists English first).
- Work: completed years are whole multiples of 1,560 hours within the 10 years before the date, so 364 days of
  full-time work (52 weeks of 30 hours) make a year.
- Facts given without a detail the rules look at are taken the way that earns the points, and the evidence says so:
  a credential without a completion date is counted as obtained; a Canadian credential without its months of
  full-time study in Canada is taken to have the 8 needed (E5); a job offer without an offer date is taken to be in
  force until it ends; a sibling without a birth date is taken to be 18 or older (E13). A credential without a
  completion date gets no COVID-19 distance-learning relief (E4), which depends on the dates of study.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules._validation import a_date
from crsrules.candidate import Candidate, Credential, Job, Spouse
from crsrules.errors import InvalidValueError
from crsrules.evidence import (
    CountedResult,
    age_on,
    anniversary,
    continuous_periods,
    counted_credentials,
    offer_in_force,
    rank_key,
    skilled_occupation,
    valid_language_results,
    work_hours,
    work_window,
)
from crsrules.headings import Factor
from crsrules.model import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.rules import NocVersion, get_rules, rules_in_force
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from datetime import date

    from crsrules.candidate import Certificate, JobOffer, LanguageResult, Nomination, Sibling
    from crsrules.rules import Evidence, RuleSet

__all__ = [
    "CountedResult",
    "Derivation",
    "age_on",
    "anniversary",
    "continuous_periods",
    "counted_credentials",
    "derive",
    "factors",
    "skilled_occupation",
    "valid_language_results",
    "work_hours",
]


class Derivation(NamedTuple):
    """The CRS inputs on a date, and for each factor the facts it came from.

    .. versionadded:: 0.1.0
    """

    #: The CRS inputs.
    factors: Factors
    #: For each factor, the facts it came from, in words (such as "IELTS General Training test of 2025-03-02"); a
    #: read-only mapping whose words are formatted on first read.
    evidence: Mapping[Factor, str]
    #: The ruleset whose rules of evidence were applied.
    rules: RuleSet


def factors(candidate: Candidate, *, on: date, rules: RuleSet | str | None = None) -> Factors:
    """The CRS inputs of *candidate* on *on*, counted the way IRCC counts them.

    Args:
        candidate: The facts.
        on: The date: age, valid test results and ECAs, and work within the last 10 years are taken on this day.
        rules: The ruleset whose definitions apply (skilled work, paid work, relief); by default the one in force *on*.

    Raises:
        InvalidValueError: *on* is not a date, or a fact cannot be judged (such as a job with only a NOC 2016 code).
        RulesNotInForceError: *on* is before 2015-01-01 and no *rules* were given.

    .. versionadded:: 0.1.0
    """
    return derive(candidate, on=on, rules=rules).factors


def derive(candidate: Candidate, *, on: date, rules: RuleSet | str | None = None) -> Derivation:
    """Like :func:`factors`, with the evidence for each factor.

    .. versionadded:: 0.1.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    ruleset = rules_in_force(on) if rules is None else get_rules(rules)
    return _Deriver(candidate, on, ruleset).run()


_BACHELORS_RANK = Education.BACHELORS.rank
_TWO_OR_MORE_RANK = Education.TWO_OR_MORE.rank


# --- work ---------------------------------------------------------------------------------------------------------


_NO_PARTNER = "no accompanying spouse or partner who is not a Canadian citizen or PR"


class _Deriver:
    """One derivation: a candidate, a date and a ruleset."""

    def __init__(self, candidate: Candidate, on: date, rules: RuleSet) -> None:
        self.candidate = candidate
        self.on = a_date("on", on)
        self.rules = rules
        self.evidence: Evidence = rules.evidence
        self.notes: list[_Note] = []
        self.window = work_window(self.on, self.evidence.work_window_years)

    # Language (E10, E16).

    def valid_results(self, results: Iterable[LanguageResult]) -> dict[OfficialLanguage, CountedResult]:
        """The best result in each language that is valid on the date."""
        return valid_language_results(results, on=self.on, rules=self.rules)

    # Education (E3) and Canadian education (E4, E5).

    def counted_credentials(self, credentials: Iterable[Credential]) -> list[Credential]:
        """The credentials obtained by the date that count: Canadian, or foreign with an ECA under 5 years old."""
        return counted_credentials(credentials, on=self.on, rules=self.rules)

    @staticmethod
    def education(counted: list[Credential]) -> tuple[Education, list[Credential]]:
        """The education level of the counted credentials, and the credentials that make it."""
        if not counted:
            return Education.LESS_THAN_SECONDARY, []
        best = max(counted, key=lambda c: c.level.rank)
        post_secondary = [c for c in counted if c.is_post_secondary]
        if (
            len(post_secondary) >= 2
            and best.level.rank < _TWO_OR_MORE_RANK
            and any(c.level.rank >= _BACHELORS_RANK for c in post_secondary)
        ):
            return Education.TWO_OR_MORE, post_secondary
        return best.level, [best]

    def relieved(self, credential: Credential) -> bool:
        """Whether the COVID-19 distance-learning relief covers *credential*: study from 2020-03 to 2022-08 (E4)."""
        relief = self.evidence.distance_learning_relief
        completed = credential.completed_on
        if relief is None or completed is None:
            return False
        return (credential.started_on or completed) <= relief[1] and completed >= relief[0]

    def canadian_education(self, counted: list[Credential]) -> tuple[CanadianEducation | None, Credential | None]:
        """The Canadian-education award and the credential that earns it (E5; E4 and its relief where in force)."""
        qualifying = []
        for c in counted:
            if not c.in_canada or not c.is_post_secondary:
                continue
            if c.language_training_over_half or c.award_requires_return:
                continue
            if self.relieved(c):  # online, from abroad or part-time: all count
                qualifying.append(c)
                continue
            if c.distance_learning_over_half:  # E4: distance learning earns the education points only
                continue
            months = c.full_time_months_in_canada
            if months is None or months >= self.evidence.canadian_education_months:
                qualifying.append(c)
        if not qualifying:
            return None, None
        best = max(qualifying, key=lambda c: c.level.rank)
        long_program = best.level.rank >= Education.BACHELORS.rank
        return (CanadianEducation.THREE_YEARS_OR_MORE if long_program else CanadianEducation.ONE_OR_TWO_YEARS), best

    # Work (E6, E7, E8).

    def skilled(self, noc: str | None, noc_2016: str | None) -> tuple[bool, str]:
        """Whether an occupation is skilled under the ruleset's classification, and a note when approximated."""
        return skilled_occupation(noc, noc_2016, rules=self.rules)

    def counted_jobs(self, jobs: Iterable[Job], *, foreign: bool = True) -> tuple[_Counted, _Counted]:
        """The jobs that count as skilled Canadian and (when *foreign*) foreign work, each job judged once (E6-E8)."""
        e = self.evidence
        canadian_must_be_paid = e.canadian_work_must_be_paid
        canadian: list[Job] = []
        abroad: list[Job] = []
        canadian_notes: set[str] = set()
        foreign_notes: set[str] = set()
        for job in jobs:
            if job.in_canada:
                # Canadian work must be paid from 2016-11-19; never self-employment or work while a full-time
                # student (E6).
                if (not job.paid and canadian_must_be_paid) or job.self_employed or job.while_full_time_student:
                    continue
                counted, notes = canadian, canadian_notes
            else:
                if not foreign or not job.paid:  # foreign work must always be paid (E7)
                    continue
                counted, notes = abroad, foreign_notes
            skilled, note = self.skilled(job.noc, job.noc_2016)
            if skilled:
                counted.append(job)
                notes.add(note)
        return self.years(canadian, canadian_notes), self.years(abroad, foreign_notes)

    def years(self, counted: list[Job], notes: set[str]) -> _Counted:
        """Completed years of the counted jobs' work within the window, with the hours."""
        e = self.evidence
        if not counted:
            return _Counted(0, 0.0, counted, "".join(sorted(notes)))
        first, last = self.window
        hours = work_hours(counted, first=first, last=last, full_time=e.full_time_hours_per_week)
        years = int(hours / e.hours_per_year + 1e-9)
        return _Counted(years, hours, counted, "".join(sorted(notes)))

    def work_text(self, work: _Counted, kind: str) -> str:
        """The evidence of *work*, in words."""
        window = f"in the {self.evidence.work_window_years} years before {self.on.isoformat()}"
        return _work(work.hours, work.jobs, kind, window) + work.note

    # Additional factors.

    def arranged_employment(self, offer: JobOffer | None) -> ArrangedEmployment | None:
        """The kind of a qualifying offer in force on the date, by its occupation."""
        if offer is None or not offer_in_force(offer, self.on):
            return None
        skilled, _ = self.skilled(offer.noc, offer.noc_2016)
        if not skilled:
            return None
        if self.rules.noc_version is NocVersion.NOC_2021:
            code = offer.noc or offer.noc_2016
        else:
            code = offer.noc_2016 or offer.noc
        # Senior management: major group 00 in both classifications (NOC 2016 0011-0016, NOC 2021 00010-00015).
        senior = code is not None and code.startswith("00")
        return ArrangedEmployment.SENIOR_MANAGEMENT if senior else ArrangedEmployment.OTHER_SKILLED

    def run(self) -> Derivation:  # noqa: C901, PLR0912, PLR0915 (one pass over the profile)
        c = self.candidate
        on = self.on
        notes = self.notes
        if on < c.birth_date:
            allowed = f"a date on or after the birth date ({c.birth_date.isoformat()})"
            raise InvalidValueError("on", on.isoformat(), allowed)
        # The evidence is put in words only when read (_Evidence): each entry here is a factor and its formatter.
        age = age_on(c.birth_date, on)
        notes.append((Factor.AGE, _age, (c.birth_date, age, on)))

        counted = self.counted_credentials(c.credentials)
        education, making = self.education(counted)
        if making:
            notes.append((Factor.EDUCATION, _education, (making,)))

        results = self.valid_results(c.language_results)

        canadian_work, foreign_work = self.counted_jobs(c.jobs)
        notes.append((Factor.CANADIAN_WORK_EXPERIENCE, self.work_text, (canadian_work, "Canadian")))

        spouse_factors = None
        spouse = c.spouse if c.marital_status.has_partner else None
        if spouse is not None and spouse.counts:
            spouse_factors = self.spouse(spouse)

        certificate = c.certificate_of_qualification
        has_certificate = certificate is not None and certificate.issued_on <= on
        nomination = c.nomination
        nominated = nomination is not None and nomination.nominated_on <= on
        if nominated and nomination is not None:
            notes.append((Factor.PROVINCIAL_NOMINATION, _nomination, (nomination,)))
        offer = self.arranged_employment(c.job_offer)
        job_offer = c.job_offer
        if offer is not None and job_offer is not None:
            notes.append((Factor.ARRANGED_EMPLOYMENT, _offer, (job_offer,)))
        canadian_education, credential = self.canadian_education(counted)
        if credential is not None:
            notes.append((Factor.CANADIAN_EDUCATION, self.canadian_text, (credential,)))
        partner_counts = spouse is not None and spouse.accompanying
        sibling = next(
            (
                s
                for s in c.siblings
                if s.lives_in_canada
                and s.citizen_or_pr_since <= on
                and (s.birth_date is None or age_on(s.birth_date, on) >= 18)
                and (not s.of_spouse or partner_counts)
            ),
            None,
        )
        if sibling is not None:
            notes.append((Factor.SIBLING_IN_CANADA, _sibling, (sibling,)))

        def build(first: CountedResult | None, second: CountedResult | None) -> Factors:
            return Factors(
                age=min(age, 120),
                education=education,
                first_language=None if first is None else first.levels,
                second_language=None if second is None else second.levels,
                canadian_work_years=min(canadian_work.years, 60),
                foreign_work_years=min(foreign_work.years, 60),
                certificate_of_qualification=has_certificate,
                spouse=spouse_factors,
                provincial_nomination=nominated,
                arranged_employment=offer,
                canadian_education=canadian_education,
                sibling_in_canada=sibling is not None,
            )

        english = results.get(OfficialLanguage.ENGLISH)
        french = results.get(OfficialLanguage.FRENCH)
        options: list[tuple[CountedResult | None, CountedResult | None]] = (
            [(english, french), (french, english)] if english and french else [(english or french, None)]
        )
        named = c.first_official_language
        if english and french and named is not None:
            options = [options[0] if named is OfficialLanguage.ENGLISH else options[1]]
        chosen = options[0]
        result = build(*chosen)
        if len(options) > 1:
            other = build(*options[1])
            if score_factors(other, self.rules).total > score_factors(result, self.rules).total:
                chosen, result = options[1], other
        first, second = chosen
        if first is not None:
            notes.append((Factor.FIRST_OFFICIAL_LANGUAGE, _result, (first,)))
        if second is not None:
            notes.append((Factor.SECOND_OFFICIAL_LANGUAGE, _result, (second,)))
        if french is not None:
            notes.append((Factor.FRENCH_LANGUAGE_SKILLS, _french, (french, english)))

        work_text = self.work_text
        notes.append((Factor.EDUCATION_AND_LANGUAGE, _pair, (_education_or_none, (making,), _first, (first,))))
        canadian = (canadian_work, "Canadian")
        foreign = (foreign_work, "foreign")
        notes.append((Factor.EDUCATION_AND_CANADIAN_WORK, _pair, (_education_or_none, (making,), work_text, canadian)))
        notes.append((Factor.FOREIGN_WORK_AND_LANGUAGE, _pair, (work_text, foreign, _first, (first,))))
        notes.append((Factor.FOREIGN_AND_CANADIAN_WORK, _pair, (work_text, foreign, work_text, canadian)))
        if has_certificate and certificate is not None:
            notes.append((Factor.CERTIFICATE_OF_QUALIFICATION, _certificate, (certificate, first)))
        # No silent zero: every factor names the facts behind its points, or why there are none.
        present = {factor for factor, _, _ in notes}
        if Factor.FIRST_OFFICIAL_LANGUAGE not in present:
            years = self.evidence.language_valid_years
            notes.append((Factor.FIRST_OFFICIAL_LANGUAGE, _no_valid_result, (c.language_results, on, years)))
        partner = spouse is not None and spouse.counts
        notes += [(factor, str, (why,)) for factor, why in _silent_zero_defaults(on.isoformat(), partner=partner)
                  if factor not in present]  # fmt: skip
        return Derivation(result, _Evidence(notes), self.rules)

    def canadian_text(self, credential: Credential) -> str:
        """The Canadian-education evidence of *credential*."""
        return _credential(credential) + self.canadian_study(credential)

    def canadian_study(self, credential: Credential) -> str:
        """What the Canadian-education evidence adds about how *credential* was studied, if anything."""
        if credential.distance_learning_over_half:
            return "; distance learning, counted under the COVID-19 relief for study from 2020-03 to 2022-08"
        if credential.full_time_months_in_canada is None and not self.relieved(credential):
            needed = self.evidence.canadian_education_months
            return f"; months of full-time study in Canada not given: taken as the {needed} needed"
        return ""

    def spouse(self, spouse: Spouse) -> SpouseFactors:
        """The factors of an accompanying spouse who is not a citizen or PR (E1), by the same rules of evidence."""
        counted = self.counted_credentials(spouse.credentials)
        education, making = self.education(counted)
        results = self.valid_results(spouse.language_results)
        best = max(results.values(), key=rank_key, default=None)
        work, _ = self.counted_jobs(spouse.jobs, foreign=False)
        notes = self.notes
        if making:
            notes.append((Factor.SPOUSE_EDUCATION, _spouse, (_education, (making,))))
        if best is not None:
            notes.append((Factor.SPOUSE_OFFICIAL_LANGUAGE, _spouse, (_result, (best,))))
        notes.append((Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, _spouse, (self.work_text, (work, "Canadian"))))
        return SpouseFactors(
            education=education,
            first_language=None if best is None else best.levels,
            canadian_work_years=min(work.years, 60),
        )


class _Counted(NamedTuple):
    """Completed years of skilled work of one kind, the hours, the jobs counted and the NOC approximation notes."""

    years: int
    hours: float
    jobs: list[Job]
    note: str


class _Evidence(Mapping[Factor, str]):
    """The evidence of a derivation, each entry put in words on the first read of any (a read-only mapping)."""

    __slots__ = ("_made", "_notes")

    def __init__(self, notes: list[_Note]) -> None:
        self._notes = notes
        self._made: dict[Factor, str] | None = None

    def _dict(self) -> dict[Factor, str]:
        made = self._made
        if made is None:
            made = self._made = {factor: text(*args) for factor, text, args in self._notes}
            self._notes = []
        return made

    def __getitem__(self, factor: Factor) -> str:
        return self._dict()[factor]

    def __iter__(self) -> Iterator[Factor]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __repr__(self) -> str:
        return repr(self._dict())

    def __reduce__(self) -> tuple[type[dict[Factor, str]], tuple[dict[Factor, str]]]:
        return dict, (self._dict(),)


# The evidence in words: each function formats one entry from the facts a derivation keeps (see _Evidence).

#: A factor, and the function and arguments that put its evidence in words.
_Note = tuple[Factor, "Callable[..., str]", tuple[Any, ...]]


def _age(birth_date: date, age: int, on: date) -> str:
    return f"born {birth_date.isoformat()}: {age} on {on.isoformat()}"


def _education(making: list[Credential]) -> str:
    return "; ".join(_credential(x) for x in making)


def _education_or_none(making: list[Credential]) -> str:
    return _education(making) if making else "no credential that counts"


def _silent_zero_defaults(day: str, *, partner: bool) -> tuple[tuple[Factor, str], ...]:
    """The evidence of each factor that no fact of the candidate fed, on the day *day* (no silent zero)."""
    return (
        (Factor.EDUCATION, "no credential that counts"),
        (Factor.SECOND_OFFICIAL_LANGUAGE, "no valid result in the other official language"),
        (Factor.SPOUSE_EDUCATION, "spouse: no credential that counts" if partner else _NO_PARTNER),
        (Factor.SPOUSE_OFFICIAL_LANGUAGE, "spouse: no valid language result" if partner else _NO_PARTNER),
        (Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, _NO_PARTNER),
        (Factor.CERTIFICATE_OF_QUALIFICATION, f"no certificate of qualification issued by {day}"),
        (Factor.PROVINCIAL_NOMINATION, f"no nomination by {day}"),
        (Factor.ARRANGED_EMPLOYMENT, f"no qualifying job offer in force on {day}"),
        (Factor.CANADIAN_EDUCATION, "no Canadian post-secondary credential that earns these points"),
        (Factor.FRENCH_LANGUAGE_SKILLS, "no valid French result"),
        (Factor.SIBLING_IN_CANADA, f"no brother or sister in Canada who counts on {day}"),
    )


def _no_valid_result(results: Iterable[LanguageResult], on: date, years: int) -> str:
    """Why no result counts on *on*: none given, or each one expired (a result counts for *years* years)."""
    expired = [
        f"{r.test.label} test of {r.tested_on.isoformat()} expired on {anniversary(r.tested_on, years).isoformat()}"
        for r in results
        if anniversary(r.tested_on, years) <= on
    ]
    return "no valid first-language result" + (f" ({'; '.join(expired)})" if expired else "")


def _first(first: CountedResult | None) -> str:
    return "no valid first-language result" if first is None else _result(first)


def _french(french: CountedResult, english: CountedResult | None) -> str:
    return _result(french) + (f"; {_result(english)}" if english else "")


def _pair(
    one: Callable[..., str], one_args: tuple[Any, ...], other: Callable[..., str], other_args: tuple[Any, ...]
) -> str:
    return f"{one(*one_args)}; {other(*other_args)}"


def _spouse(text: Callable[..., str], args: tuple[Any, ...]) -> str:
    return "spouse: " + text(*args)


def _certificate(certificate: Certificate, first: CountedResult | None) -> str:
    return f"certificate of qualification issued {certificate.issued_on.isoformat()}; {_first(first)}"


def _nomination(nomination: Nomination) -> str:
    by = "" if nomination.province is None else f" by {nomination.province.value}"
    return f"nominated{by} on {nomination.nominated_on.isoformat()}"


def _offer(offer: JobOffer) -> str:
    code = offer.noc or offer.noc_2016
    since = "(no offer date given: taken to be in force)" if offer.offered_on is None else f"from {offer.offered_on}"
    return f"job offer in NOC {code} {since}"


def _sibling(sibling: Sibling) -> str:
    whose = "spouse's sibling" if sibling.of_spouse else "sibling"
    born = (
        "no birth date given: taken to be 18 or older"
        if sibling.birth_date is None
        else f"born {sibling.birth_date.isoformat()}"
    )
    return f"{whose} {born}, citizen or PR since {sibling.citizen_or_pr_since.isoformat()}"


def _result(result: CountedResult) -> str:
    return f"{result.test.label} test of {result.tested_on.isoformat()}"


def _credential(c: Credential) -> str:
    where = "Canadian" if c.in_canada else f"foreign, ECA of {c.eca_issued_on.isoformat() if c.eca_issued_on else '-'}"
    if c.completed_on is None:
        return f"{c.level.value}, no completion date given: counted as completed ({where})"
    return f"{c.level.value} completed {c.completed_on.isoformat()} ({where})"


def _work(hours: float, jobs: list[Job], kind: str, window: str) -> str:
    if not jobs:
        return f"no skilled {kind} work {window}"
    return f"{hours:,.0f} full-time-equivalent hours of skilled {kind} work {window}, from {len(jobs)} job(s)"
