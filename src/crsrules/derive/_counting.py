"""The counting of a derivation: the CRS reasoning, rule by rule (E1-E10, E13, E16 of the reference)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from crsrules._validation import a_date
from crsrules.candidate import Candidate, Credential, Job, Spouse
from crsrules.derive._records import Derivation, Evidence, Note, Records
from crsrules.errors import InvalidValueError
from crsrules.evidence import (
    CountedResult,
    age_on,
    counted_credentials,
    occupation_code,
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
from crsrules.rules import get_rules, rules_in_force
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from crsrules.candidate import JobOffer, LanguageResult, Sibling
    from crsrules.rules import Evidence as RulesOfEvidence
    from crsrules.rules import RuleSet

__all__ = ["Deriver", "derive", "factors"]


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
    """Like :func:`factors`, with the evidence for each factor, in words and as records (:attr:`Derivation.conditions`).

    .. versionadded:: 0.1.0
    """
    if not isinstance(candidate, Candidate):
        raise InvalidValueError("candidate", candidate, "a crsrules.Candidate")
    ruleset = rules_in_force(on) if rules is None else get_rules(rules)
    return Deriver(candidate, on, ruleset).run()


_BACHELORS_RANK = Education.BACHELORS.rank
_TWO_OR_MORE_RANK = Education.TWO_OR_MORE.rank


class Deriver:
    """One derivation: a candidate, a date and a ruleset."""

    def __init__(self, candidate: Candidate, on: date, rules: RuleSet) -> None:
        self.candidate = candidate
        self.on = a_date("on", on)
        self.rules = rules
        self.evidence: RulesOfEvidence = rules.evidence
        self.notes: list[Note] = []
        self.records = Records(candidate, self.on, rules)
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

    def not_canadian_education(self, c: Credential) -> str | None:  # noqa: PLR0911 (one answer per rule)
        """Why a counted credential does not earn the Canadian-education points (E4, E5), or None if it does."""
        if not c.in_canada:
            return "abroad"
        if not c.is_post_secondary:
            return "not_post_secondary"
        if c.language_training_over_half:
            return "language_training"
        if c.award_requires_return:
            return "award_requires_return"
        if self.relieved(c):  # online, from abroad or part-time: all count
            return None
        if c.distance_learning_over_half:  # E4: distance learning earns the education points only
            return "distance_learning"
        months = c.full_time_months_in_canada
        return "too_short" if months is not None and months < self.evidence.canadian_education_months else None

    def canadian_education(self, counted: list[Credential]) -> tuple[CanadianEducation | None, Credential | None]:
        """The Canadian-education award and the credential that earns it (E5; E4 and its relief where in force)."""
        qualifying = [c for c in counted if self.not_canadian_education(c) is None]
        if not qualifying:
            return None, None
        best = max(qualifying, key=lambda c: c.level.rank)
        long_program = best.level.rank >= Education.BACHELORS.rank
        return (CanadianEducation.THREE_YEARS_OR_MORE if long_program else CanadianEducation.ONE_OR_TWO_YEARS), best

    # Work (E6, E7, E8).

    def skilled(self, noc: str | None, noc_2016: str | None) -> tuple[bool, str]:
        """Whether an occupation is skilled under the ruleset's classification, and a note when approximated."""
        return skilled_occupation(noc, noc_2016, rules=self.rules)

    def excluded_job(self, job: Job) -> str | None:
        """Why *job* cannot count as work of its kind whatever its occupation (E6, E7), or None."""
        if job.in_canada:
            # Canadian work must be paid from 2016-11-19; never self-employment or work while a full-time student (E6).
            if not job.paid and self.evidence.canadian_work_must_be_paid:
                return "unpaid"
            if job.self_employed:
                return "self_employed"
            if job.while_full_time_student:
                return "full_time_student"
        elif not job.paid:  # foreign work must always be paid (E7)
            return "unpaid"
        return None

    def not_counted_job(self, job: Job) -> str | None:
        """Why *job* is not counted as skilled work of its kind (E6-E8), or None if it is."""
        excluded = self.excluded_job(job)
        if excluded is not None:
            return excluded
        return None if self.skilled(job.noc, job.noc_2016)[0] else "not_skilled"

    def counted_jobs(self, jobs: Iterable[Job], *, foreign: bool = True) -> tuple[_Counted, _Counted]:
        """The jobs that count as skilled Canadian and (when *foreign*) foreign work, each job judged once (E6-E8)."""
        canadian: list[Job] = []
        abroad: list[Job] = []
        canadian_notes: set[str] = set()
        foreign_notes: set[str] = set()
        excluded = self.excluded_job
        for job in jobs:
            if (not foreign and not job.in_canada) or excluded(job) is not None:
                continue
            counted, notes = (canadian, canadian_notes) if job.in_canada else (abroad, foreign_notes)
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

    # Additional factors.

    def offer_checks(self, offer: JobOffer | None) -> tuple[bool | None, bool | None]:
        """Whether a job offer is in force on the date and, if so, in a skilled occupation (None: not judged)."""
        if offer is None:
            return None, None
        if not offer_in_force(offer, self.on):
            return False, None
        return True, self.skilled(offer.noc, offer.noc_2016)[0]

    def arranged_employment(
        self, offer: JobOffer | None, checks: tuple[bool | None, bool | None]
    ) -> ArrangedEmployment | None:
        """The kind of a qualifying offer (*checks*: in force and skilled on the date), by its occupation."""
        if offer is None or checks != (True, True):
            return None
        code, _ = occupation_code(offer.noc, offer.noc_2016, rules=self.rules)
        # Senior management: major group 00 in both classifications (NOC 2016 0011-0016, NOC 2021 00010-00015).
        senior = code is not None and code.startswith("00")
        return ArrangedEmployment.SENIOR_MANAGEMENT if senior else ArrangedEmployment.OTHER_SKILLED

    def not_counted_sibling(self, s: Sibling) -> str | None:
        """Why a sibling does not count on the date (E13), or None if they do."""
        if not s.lives_in_canada:
            return "not_in_canada"
        if s.citizen_or_pr_since > self.on:
            return "not_yet_citizen_or_pr"
        if s.birth_date is not None and age_on(s.birth_date, self.on) < 18:
            return "under_18"
        if s.of_spouse:
            spouse = self.candidate.spouse
            if not (self.candidate.marital_status.has_partner and spouse is not None and spouse.accompanying):
                return "partner_not_accompanying"
        return None

    def run(self) -> Derivation:  # noqa: PLR0915 (one pass over the profile)
        c = self.candidate
        on = self.on
        notes = self.notes
        records = self.records
        if on < c.birth_date:
            allowed = f"a date on or after the birth date ({c.birth_date.isoformat()})"
            raise InvalidValueError("on", on.isoformat(), allowed)
        # The evidence is built only when read (Evidence): each note is a factor, its builder and the facts it needs.
        age = age_on(c.birth_date, on)
        notes.append((Factor.AGE, records.age, (age,)))

        counted = self.counted_credentials(c.credentials)
        education, making = self.education(counted)
        notes.append((Factor.EDUCATION, records.education, ("candidate", education, making)))

        results = self.valid_results(c.language_results)

        canadian_work, foreign_work = self.counted_jobs(c.jobs)
        why_job = self.not_counted_job
        canadian = (records.work, ("candidate", True, canadian_work, why_job))
        foreign = (records.work, ("candidate", False, foreign_work, why_job))
        notes.append((Factor.CANADIAN_WORK_EXPERIENCE, *canadian))

        spouse_factors = None
        spouse = c.spouse if c.marital_status.has_partner else None
        if spouse is not None and spouse.counts:
            spouse_factors = self.spouse(spouse)
        else:
            notes += [(factor, records.partner, ()) for factor in _SPOUSE_FACTORS]

        certificate = c.certificate_of_qualification
        has_certificate = certificate is not None and certificate.issued_on <= on
        nomination = c.nomination
        nominated = nomination is not None and nomination.nominated_on <= on
        notes.append((Factor.PROVINCIAL_NOMINATION, records.nomination, (nomination,)))
        job_offer = c.job_offer
        checks = self.offer_checks(job_offer)
        offer = self.arranged_employment(job_offer, checks)
        notes.append((Factor.ARRANGED_EMPLOYMENT, records.job_offer, (job_offer, offer, checks)))
        canadian_education, credential = self.canadian_education(counted)
        notes.append((Factor.CANADIAN_EDUCATION, records.canadian_education,
                      (canadian_education, credential, self.not_canadian_education, self.relieved)))  # fmt: skip
        why_sibling = self.not_counted_sibling
        sibling = next((s for s in c.siblings if why_sibling(s) is None), None)
        notes.append((Factor.SIBLING_IN_CANADA, records.sibling, (sibling, why_sibling)))

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
        language = records.language
        notes.append((Factor.FIRST_OFFICIAL_LANGUAGE, language, ("candidate", "first", first, True)))
        notes.append((Factor.SECOND_OFFICIAL_LANGUAGE, language, ("candidate", "second", second)))
        in_french = (language, ("candidate", "french", french))
        if french is not None and english is not None:
            in_english = (language, ("candidate", "english", english))
            notes.append((Factor.FRENCH_LANGUAGE_SKILLS, records.both, (*in_french, *in_english)))
        else:
            notes.append((Factor.FRENCH_LANGUAGE_SKILLS, *in_french))

        both = records.both
        in_first = (language, ("candidate", "first", first))
        of_education = (records.education, ("candidate", education, making))
        notes.append((Factor.EDUCATION_AND_LANGUAGE, both, (*of_education, *in_first)))
        notes.append((Factor.EDUCATION_AND_CANADIAN_WORK, both, (*of_education, *canadian)))
        notes.append((Factor.FOREIGN_WORK_AND_LANGUAGE, both, (*foreign, *in_first)))
        notes.append((Factor.FOREIGN_AND_CANADIAN_WORK, both, (*foreign, *canadian)))
        of_certificate = (records.certificate, (certificate,))
        notes.append((Factor.CERTIFICATE_OF_QUALIFICATION, *((both, (*of_certificate, *in_first))
                      if has_certificate else of_certificate)))  # fmt: skip
        return Derivation(result, Evidence(notes), self.rules)

    def spouse(self, spouse: Spouse) -> SpouseFactors:
        """The factors of an accompanying spouse who is not a citizen or PR (E1), by the same rules of evidence."""
        counted = self.counted_credentials(spouse.credentials)
        education, making = self.education(counted)
        results = self.valid_results(spouse.language_results)
        best = max(results.values(), key=rank_key, default=None)
        work, _ = self.counted_jobs(spouse.jobs, foreign=False)
        records = self.records
        self.notes += [
            (Factor.SPOUSE_EDUCATION, records.education, ("spouse", education, making)),
            (Factor.SPOUSE_OFFICIAL_LANGUAGE, records.language, ("spouse", "spouse", best)),
            (Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, records.work, ("spouse", True, work, self.not_counted_job)),
        ]
        return SpouseFactors(
            education=education,
            first_language=None if best is None else best.levels,
            canadian_work_years=min(work.years, 60),
        )


_SPOUSE_FACTORS = (Factor.SPOUSE_EDUCATION, Factor.SPOUSE_OFFICIAL_LANGUAGE, Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE)


class _Counted(NamedTuple):
    """Completed years of skilled work of one kind, the hours, the jobs counted and the NOC approximation notes."""

    years: int
    hours: float
    jobs: list[Job]
    note: str
