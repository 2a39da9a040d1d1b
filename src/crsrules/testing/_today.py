"""Today's (0.2.0 before issue 11) derivation and rounds replay, kept as test oracles for the faster paths.

:func:`score_today` derives a candidate's factors formatting every evidence string eagerly and counting Canadian and
foreign work in two passes; :func:`rounds_invited_today` checks every condition of every round. The properties in
``tests/properties/test_fast_paths.py`` and ``benchmarks/run.py`` compare the package's paths with them.
Not public API.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from crsrules._validation import a_date
from crsrules.candidate import Candidate, Credential, Job, Spouse
from crsrules.derive import Derivation
from crsrules.derive._records import no_valid_result as _no_valid_result  # the same wording as derive
from crsrules.derive._records import silent_zero_defaults as _silent_zero_defaults
from crsrules.draws import history
from crsrules.errors import InvalidValueError
from crsrules.evidence import (
    CountedResult,
    _skilled_occupation,  # today's, judging a code on every call
    age_on,
    counted_credentials,
    offer_in_force,
    rank_key,
    valid_language_results,
    work_window,
)
from crsrules.headings import Factor
from crsrules.invitations import invitation
from crsrules.model import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.rules import NocVersion, get_rules, rules_in_force
from crsrules.scoring import ScoreBreakdown, score_factors

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from crsrules.candidate import JobOffer, LanguageResult
    from crsrules.invitations import InvitationCheck
    from crsrules.rules import Evidence, RuleSet

__all__ = ["derive_today", "rounds_invited_today", "score_today"]


def derive_today(candidate: Candidate, *, on: date, rules: RuleSet | str | None = None) -> Derivation:
    """``crsrules.derive`` as it was: every evidence string formatted, work counted per kind."""
    ruleset = rules_in_force(on) if rules is None else get_rules(rules)
    return _Deriver(candidate, on, ruleset).run()


def score_today(candidate: Candidate, *, on: date, rules: RuleSet | str | None = None) -> ScoreBreakdown:
    """``crsrules.score(candidate, on=)`` as it was."""
    derivation = derive_today(candidate, on=on, rules=rules)
    return score_factors(derivation.factors, derivation.rules, derivation.evidence)


def rounds_invited_today(
    candidate: Candidate, *, since: date, until: date | None = None, rules: RuleSet | str | None = None
) -> tuple[InvitationCheck, ...]:
    """``crsrules.rounds_invited`` as it was: :func:`crsrules.invitation` on every round."""
    since = a_date("since", since)
    if until is not None:
        until = a_date("until", until)
    checks = []
    for draw in history(start=since, end=until):
        if draw.date < candidate.birth_date:
            continue
        check = invitation(candidate, draw, rules=rules)
        if check.invited:
            checks.append(check)
    return tuple(checks)


# --- work ---------------------------------------------------------------------------------------------------------


class _Deriver:
    """One derivation: a candidate, a date and a ruleset."""

    def __init__(self, candidate: Candidate, on: date, rules: RuleSet) -> None:
        self.candidate = candidate
        self.on = a_date("on", on)
        self.rules = rules
        self.evidence: Evidence = rules.evidence
        self.notes: dict[Factor, str] = {}

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
        three_years = [c for c in post_secondary if c.level.rank >= Education.BACHELORS.rank]
        if len(post_secondary) >= 2 and three_years and best.level.rank < Education.TWO_OR_MORE.rank:
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
        return _skilled_occupation(noc, noc_2016, rules=self.rules)

    def work_years(self, jobs: Iterable[Job], *, canadian: bool) -> tuple[int, float, list[Job], str]:
        """Completed years of skilled work in Canada or abroad within the window, with the hours and jobs counted."""
        e = self.evidence
        counted = []
        notes = set()
        for job in jobs:
            if job.in_canada is not canadian:
                continue
            # Foreign work must always be paid; Canadian work explicitly from 2016-11-19 (E6, E7).
            if not job.paid and (e.canadian_work_must_be_paid or not canadian):
                continue
            # Never Canadian work: self-employment, work while a full-time student (E6).
            if canadian and (job.self_employed or job.while_full_time_student):
                continue
            skilled, note = self.skilled(job.noc, job.noc_2016)
            if skilled:
                counted.append(job)
                notes.add(note)
        first, last = work_window(self.on, e.work_window_years)
        hours = _work_hours(counted, first=first, last=last, full_time=e.full_time_hours_per_week)
        years = int(hours / e.hours_per_year + 1e-9)
        return years, hours, counted, "".join(sorted(notes))

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

        age = age_on(c.birth_date, on)
        notes[Factor.AGE] = f"born {c.birth_date.isoformat()}: {age} on {on.isoformat()}"

        counted = self.counted_credentials(c.credentials)
        education, making = self.education(counted)
        if making:
            notes[Factor.EDUCATION] = "; ".join(_credential(x) for x in making)

        results = self.valid_results(c.language_results)

        canadian_years, canadian_hours, canadian_jobs, canadian_note = self.work_years(c.jobs, canadian=True)
        foreign_years, foreign_hours, foreign_jobs, foreign_note = self.work_years(c.jobs, canadian=False)
        window = f"in the {self.evidence.work_window_years} years before {on.isoformat()}"
        canadian_text = _work(canadian_hours, canadian_jobs, "Canadian", window) + canadian_note
        foreign_text = _work(foreign_hours, foreign_jobs, "foreign", window) + foreign_note
        notes[Factor.CANADIAN_WORK_EXPERIENCE] = canadian_text

        spouse_factors = None
        spouse = c.spouse if c.marital_status.has_partner else None
        if spouse is not None and spouse.counts:
            spouse_factors = self.spouse(spouse)

        certificate = c.certificate_of_qualification
        has_certificate = certificate is not None and certificate.issued_on <= on
        nomination = c.nomination is not None and c.nomination.nominated_on <= on
        if nomination and c.nomination is not None:
            by = "" if c.nomination.province is None else f" by {c.nomination.province.value}"
            notes[Factor.PROVINCIAL_NOMINATION] = f"nominated{by} on {c.nomination.nominated_on.isoformat()}"
        offer = self.arranged_employment(c.job_offer)
        if offer is not None and c.job_offer is not None:
            code = c.job_offer.noc or c.job_offer.noc_2016
            offered_on = c.job_offer.offered_on
            since = "(no offer date given: taken to be in force)" if offered_on is None else f"from {offered_on}"
            notes[Factor.ARRANGED_EMPLOYMENT] = f"job offer in NOC {code} {since}"
        canadian_education, credential = self.canadian_education(counted)
        if credential is not None:
            notes[Factor.CANADIAN_EDUCATION] = _credential(credential) + self.canadian_study(credential)
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
            whose = "spouse's sibling" if sibling.of_spouse else "sibling"
            born = (
                "no birth date given: taken to be 18 or older"
                if sibling.birth_date is None
                else f"born {sibling.birth_date.isoformat()}"
            )
            notes[Factor.SIBLING_IN_CANADA] = (
                f"{whose} {born}, citizen or PR since {sibling.citizen_or_pr_since.isoformat()}"
            )

        def build(first: CountedResult | None, second: CountedResult | None) -> Factors:
            return Factors(
                age=min(age, 120),
                education=education,
                first_language=None if first is None else first.levels,
                second_language=None if second is None else second.levels,
                canadian_work_years=min(canadian_years, 60),
                foreign_work_years=min(foreign_years, 60),
                certificate_of_qualification=has_certificate,
                spouse=spouse_factors,
                provincial_nomination=nomination,
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
            notes[Factor.FIRST_OFFICIAL_LANGUAGE] = _result(first)
        if second is not None:
            notes[Factor.SECOND_OFFICIAL_LANGUAGE] = _result(second)
        if french is not None:
            notes[Factor.FRENCH_LANGUAGE_SKILLS] = _result(french) + (f"; {_result(english)}" if english else "")
        first_text = notes.get(Factor.FIRST_OFFICIAL_LANGUAGE, "no valid first-language result")
        education_text = notes.get(Factor.EDUCATION, "no credential that counts")
        notes[Factor.EDUCATION_AND_LANGUAGE] = f"{education_text}; {first_text}"
        notes[Factor.EDUCATION_AND_CANADIAN_WORK] = f"{education_text}; {canadian_text}"
        notes[Factor.FOREIGN_WORK_AND_LANGUAGE] = f"{foreign_text}; {first_text}"
        notes[Factor.FOREIGN_AND_CANADIAN_WORK] = f"{foreign_text}; {canadian_text}"
        if has_certificate and certificate is not None:
            notes[Factor.CERTIFICATE_OF_QUALIFICATION] = (
                f"certificate of qualification issued {certificate.issued_on.isoformat()}; {first_text}"
            )
        # No silent zero (0.2.0): every factor has its evidence, in the same order as the lazy derivation's.
        if Factor.FIRST_OFFICIAL_LANGUAGE not in notes:
            notes[Factor.FIRST_OFFICIAL_LANGUAGE] = _no_valid_result(
                c.language_results, on, self.evidence.language_valid_years
            )
        partner = spouse is not None and spouse.counts
        for factor, why in _silent_zero_defaults(on.isoformat(), partner=partner):
            notes.setdefault(factor, why)
        return Derivation(result, notes, self.rules)

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
        years, hours, jobs, note = self.work_years(spouse.jobs, canadian=True)
        if making:
            self.notes[Factor.SPOUSE_EDUCATION] = "spouse: " + "; ".join(_credential(x) for x in making)
        if best is not None:
            self.notes[Factor.SPOUSE_OFFICIAL_LANGUAGE] = "spouse: " + _result(best)
        window = f"in the {self.evidence.work_window_years} years before {self.on.isoformat()}"
        self.notes[Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE] = "spouse: " + _work(hours, jobs, "Canadian", window) + note
        return SpouseFactors(
            education=education,
            first_language=None if best is None else best.levels,
            canadian_work_years=min(years, 60),
        )


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


def _work_hours(jobs: Iterable[Job], *, first: date, last: date, full_time: float) -> float:
    """``crsrules.evidence.work_hours`` as it was."""
    changes: dict[date, float] = {}
    for job in jobs:
        start = max(job.start, first)
        end = last if job.end is None else min(job.end, last)
        if start > end:
            continue
        changes[start] = changes.get(start, 0.0) + job.hours_per_week
        after = end + timedelta(days=1)
        changes[after] = changes.get(after, 0.0) - job.hours_per_week
    total = 0.0
    weekly = 0.0
    previous: date | None = None
    for day in sorted(changes):
        if previous is not None and weekly > 0:
            total += (day - previous).days * min(weekly, full_time)
        weekly += changes[day]
        previous = day
    return total / 7
