"""The evidence of a derivation as records (issue 10): ``Derivation.conditions``, codes of scope ``evidence``.

Each factor names the facts it was counted from as Condition records: met when a fact counts, the numbers behind it,
and in ``details`` the facts that do not count and why (every ``why`` is reached here). The words of a factor are its
records' messages, and the records agree with the factors derived; random candidates check both.
"""

from __future__ import annotations

import json
import random
import warnings
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules import (
    Candidate,
    Certificate,
    Condition,
    Credential,
    Education,
    Factor,
    InvalidValueError,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Nomination,
    Province,
    Sibling,
    Spouse,
)
from crsrules.conditions import (
    ASSUMED_FACTS,
    CODES,
    CREDENTIAL_NOT_COUNTED_WHY,
    JOB_NOT_COUNTED_WHY,
    RESULT_NOT_COUNTED_WHY,
    SIBLING_NOT_COUNTED_WHY,
)
from crsrules.derive import Derivation
from crsrules.testing.corpus import random_candidate
from crsrules.testing.strategies import candidates

ON = date(2025, 6, 1)


def ielts(tested_on: date, level: float = 8) -> LanguageResult:
    return LanguageResult(test=LanguageTest.IELTS_GENERAL, tested_on=tested_on, listening=level, reading=level,
                          writing=level, speaking=level)  # fmt: skip


def canadian(level: Education = Education.TWO_YEAR, **facts: object) -> Credential:
    return Credential(**({"level": level, "completed_on": date(2019, 5, 1), "in_canada": True} | facts))


#: A candidate whose facts reach every detail of the candidate's own factors.
EVERYTHING = Candidate(
    birth_date=date(1990, 2, 3),
    credentials=(
        Credential(level=Education.BACHELORS, completed_on=date(2012, 6, 1)),  # 0: no_eca
        Credential(level=Education.BACHELORS, completed_on=date(2012, 6, 1), eca_issued_on=date(2016, 1, 5)),  # 1
        Credential(level=Education.MASTERS, completed_on=date(2014, 6, 1), eca_issued_on=date(2025, 9, 1)),  # 2
        canadian(completed_on=date(2026, 5, 1)),  # 3: not_completed
        canadian(Education.SECONDARY),  # 4: not_post_secondary
        canadian(language_training_over_half=True),  # 5
        canadian(award_requires_return=True),  # 6
        canadian(started_on=date(2023, 1, 1), completed_on=date(2024, 12, 1), distance_learning_over_half=True),  # 7
        canadian(full_time_months_in_canada=4),  # 8: too_short
        canadian(Education.BACHELORS, completed_on=None),  # 9: counted, completed_on and months assumed
    ),
    language_results=(
        ielts(date(2022, 3, 2)),  # 0: expired
        ielts(date(2025, 3, 2)),  # 1: used
        ielts(date(2025, 1, 2), 6),  # 2: outranked
        ielts(date(2025, 9, 1)),  # 3: not yet taken
    ),
    jobs=(
        Job(noc="21231", in_canada=True, start=date(2021, 1, 1)),  # 0: counted
        Job(noc="21231", in_canada=True, start=date(2020, 1, 1), end=date(2020, 6, 1), paid=False),  # 1
        Job(noc="21231", in_canada=True, start=date(2019, 1, 1), end=date(2019, 6, 1), self_employed=True),  # 2
        Job(noc="21231", in_canada=True, start=date(2018, 1, 1), end=date(2018, 6, 1), while_full_time_student=True),
        Job(noc="65100", in_canada=True, start=date(2017, 1, 1), end=date(2017, 6, 1)),  # 4: not_skilled
        Job(noc_2016="2173", in_canada=False, start=date(2016, 1, 1), end=date(2017, 12, 31)),  # 5: approximated
        Job(noc="21231", in_canada=False, start=date(2015, 1, 1), end=date(2015, 6, 1), paid=False),  # 6: unpaid
    ),
    siblings=(
        Sibling(birth_date=date(1985, 1, 1), citizen_or_pr_since=date(2010, 1, 1), lives_in_canada=False),  # 0
        Sibling(birth_date=date(1985, 1, 1), citizen_or_pr_since=date(2025, 8, 1)),  # 1: not yet
        Sibling(birth_date=date(2010, 1, 1), citizen_or_pr_since=date(2015, 1, 1)),  # 2: under 18
        Sibling(birth_date=date(1985, 1, 1), citizen_or_pr_since=date(2010, 1, 1), of_spouse=True),  # 3
        Sibling(citizen_or_pr_since=date(2010, 1, 1)),  # 4: counted, 18 or older assumed
    ),
    certificate_of_qualification=Certificate(issued_on=date(2024, 1, 1)),
    nomination=Nomination(province=Province.BC, nominated_on=date(2025, 1, 1)),
    job_offer=JobOffer(noc_2016="2173"),
)

#: An accompanying spouse who counts, with facts of each kind.
MARRIED = Candidate(
    birth_date=date(1990, 2, 3),
    marital_status=MaritalStatus.MARRIED,
    spouse=Spouse(
        accompanying=True,
        credentials=(Credential(level=Education.BACHELORS, completed_on=date(2012, 6, 1)),),
        language_results=(ielts(date(2024, 6, 1), 7),),
        jobs=(Job(noc="21231", in_canada=True, start=date(2022, 1, 1)),),
    ),
)

#: A PTE Core result, which the version of 2015 pinned for facts of 2025 has no chart for.
PTE = LanguageResult(test=LanguageTest.PTE_CORE, tested_on=date(2025, 3, 1), listening=70, reading=70, writing=70,
                     speaking=70)  # fmt: skip


def every_derivation() -> list[Derivation]:
    """Derivations that, together, carry every evidence code, why and assumed fact."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        return [
            crsrules.derive(EVERYTHING, on=ON),
            crsrules.derive(MARRIED, on=ON),
            crsrules.derive(Candidate(birth_date=date(1990, 2, 3), language_results=(PTE,)), on=ON, rules="2015-01-01"),
        ]


def evidence_codes_of(*derivations: Derivation) -> set[str]:
    """Every code the derivations' records carry, details included."""
    return {
        code
        for d in derivations
        for records in d.conditions.values()
        for c in records
        for code in (c.code, *(x.code for x in c.details))
    }


def _records(d: Derivation, factor: Factor) -> Condition:
    (condition,) = d.conditions[factor]
    return condition


def _details(condition, code: str) -> dict[int, str]:
    keys = {"evidence.credential_not_counted": "credential", "evidence.result_not_counted": "result",
            "evidence.job_not_counted": "job", "evidence.sibling_not_counted": "sibling"}  # fmt: skip
    return {x.values[keys[code]]: x.values["why"] for x in condition.details if x.code == code}


def test_every_evidence_code_and_every_why_is_reached():
    derivations = every_derivation()
    assert {c for c in CODES if c.startswith("evidence.")} == evidence_codes_of(*derivations)
    details = [x for d in derivations for records in d.conditions.values() for c in records for x in c.details]
    whys = {x.code: set() for x in details}
    for x in details:
        whys[x.code].add(x.values.get("why", x.values.get("fact")))
    assert whys["evidence.credential_not_counted"] == set(CREDENTIAL_NOT_COUNTED_WHY)
    assert whys["evidence.result_not_counted"] == set(RESULT_NOT_COUNTED_WHY)
    assert whys["evidence.job_not_counted"] == set(JOB_NOT_COUNTED_WHY)
    assert whys["evidence.sibling_not_counted"] == set(SIBLING_NOT_COUNTED_WHY)
    assert whys["evidence.assumed"] == set(ASSUMED_FACTS)


def test_each_fact_not_counted_says_which_and_why():
    d = crsrules.derive(EVERYTHING, on=ON)
    education = _records(d, Factor.EDUCATION)
    assert education.met
    assert education.values["level"] == "two_or_more"
    assert _details(education, "evidence.credential_not_counted") == {
        0: "no_eca", 1: "eca_expired", 2: "eca_not_yet_issued", 3: "not_completed"}  # fmt: skip
    canadian_education = _records(d, Factor.CANADIAN_EDUCATION)
    assert canadian_education.values["credential"] == 9
    assert canadian_education.values["award"] == "three_years_or_more"
    assert _details(canadian_education, "evidence.credential_not_counted") == {
        3: "not_completed", 4: "not_post_secondary", 5: "language_training", 6: "award_requires_return",
        7: "distance_learning", 8: "too_short"}  # fmt: skip
    assumed = [x.values for x in canadian_education.details if x.code == "evidence.assumed"]
    assert assumed == [{"fact": "full_time_months_in_canada", "index": 9}]

    language = _records(d, Factor.FIRST_OFFICIAL_LANGUAGE)
    assert (language.values["result"], language.values["expires_on"]) == (1, date(2027, 3, 2))
    assert _details(language, "evidence.result_not_counted") == {0: "expired", 2: "outranked", 3: "not_yet_taken"}

    work = _records(d, Factor.CANADIAN_WORK_EXPERIENCE)
    assert work.values["jobs"] == (0,)
    assert work.values["years"] == 4
    assert work.values["window_start"] == date(2015, 6, 1)
    assert work.values["window_end"] == date(2025, 5, 31)
    assert _details(work, "evidence.job_not_counted") == {
        1: "unpaid", 2: "self_employed", 3: "full_time_student", 4: "not_skilled"}  # fmt: skip
    foreign = next(c for c in d.conditions[Factor.FOREIGN_WORK_AND_LANGUAGE] if c.code == "evidence.work")
    assert foreign.values["jobs"] == (5,)
    assert _details(foreign, "evidence.job_not_counted") == {6: "unpaid"}
    assert [x.values for x in foreign.details if x.code == "evidence.noc_approximated"] == [
        {"job": 5, "classification": "noc_2016"}]  # fmt: skip

    sibling = _records(d, Factor.SIBLING_IN_CANADA)
    assert sibling.values["sibling"] == 4
    assert _details(sibling, "evidence.sibling_not_counted") == {
        0: "not_in_canada", 1: "not_yet_citizen_or_pr", 2: "under_18", 3: "partner_not_accompanying"}  # fmt: skip

    offer = _records(d, Factor.ARRANGED_EMPLOYMENT)
    assert offer.met
    assert {x.code: x.values for x in offer.details} == {
        "evidence.noc_approximated": {"job": None, "classification": "noc_2016"},
        "evidence.assumed": {"fact": "offered_on", "index": None},
    }
    assert dict(offer.values) == {"noc": "2173", "offered_on": None, "ends_on": None, "in_force": True,
                                  "skilled": True, "kind": "other_skilled"}  # fmt: skip
    for factor in (Factor.SPOUSE_EDUCATION, Factor.SPOUSE_OFFICIAL_LANGUAGE, Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE):
        partner = _records(d, factor)
        assert (partner.code, partner.met) == ("evidence.partner", False)
        assert dict(partner.values) == {"marital_status": "never_married", "accompanying": None, "citizen_or_pr": None}


def test_an_expired_test_says_when_it_expired():
    """The issue's example: the first official language earns nothing, and the record says why, with the dates."""
    d = crsrules.derive(Candidate(birth_date=date(1990, 1, 1), language_results=[ielts(date(2022, 3, 2))]), on=ON)
    (language,) = d.conditions[Factor.FIRST_OFFICIAL_LANGUAGE]
    assert (language.code, language.met, language.values["result"]) == ("evidence.language", False, None)
    (expired,) = language.details
    assert dict(expired.values) == {"result": 0, "test": "ielts_general", "tested_on": date(2022, 3, 2),
                                    "why": "expired", "expired_on": date(2024, 3, 2)}  # fmt: skip
    assert d.evidence[Factor.FIRST_OFFICIAL_LANGUAGE] == (
        "no valid first-language result (IELTS General Training test of 2022-03-02 expired on 2024-03-02)"
    )


def test_a_spouse_who_counts_has_records_of_the_spouse():
    d = crsrules.derive(MARRIED, on=ON)
    education = _records(d, Factor.SPOUSE_EDUCATION)
    assert (education.values["person"], education.met) == ("spouse", False)
    assert _details(education, "evidence.credential_not_counted") == {0: "no_eca"}
    language = _records(d, Factor.SPOUSE_OFFICIAL_LANGUAGE)
    assert (language.values["person"], language.values["role"], language.values["result"]) == ("spouse", "spouse", 0)
    work = _records(d, Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE)
    assert (work.values["person"], work.values["years"], work.values["jobs"]) == ("spouse", 3, (0,))


def test_a_result_the_pinned_version_cannot_read_is_not_counted_and_says_so():
    d = every_derivation()[2]
    (language,) = d.conditions[Factor.FIRST_OFFICIAL_LANGUAGE]
    assert _details(language, "evidence.result_not_counted") == {0: "not_read"}


def test_the_records_are_json_ready_and_a_derivation_built_by_hand_has_none():
    for d in every_derivation():
        json.dumps({f.value: [c.as_dict() for c in records] for f, records in d.conditions.items()})
    d = every_derivation()[0]
    assert Derivation(d.factors, dict(d.evidence), d.rules).conditions == {}


def _random(seed: int) -> list[tuple[Candidate, date]]:
    rng = random.Random(seed)  # noqa: S311 (a seeded corpus)
    drawn = []
    while len(drawn) < 150:
        try:
            candidate = random_candidate(rng)
        except InvalidValueError:  # the corpus draws a few impossible credentials
            continue
        drawn.append((candidate, date(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28))))
    return drawn


@pytest.mark.parametrize("seed", range(3))
def test_the_records_agree_with_the_factors_and_the_words(seed):  # noqa: C901, PLR0912 (one check per factor)
    """On random candidates and days: every factor has records, its words are their messages, each record's met and
    numbers agree with the factor derived, and each position names a fact of the right kind."""
    for candidate, day in _random(seed):
        if day < candidate.birth_date:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
            d = crsrules.derive(candidate, on=day)
        f = d.factors
        assert set(d.conditions) == set(Factor)
        for factor, records in d.conditions.items():
            assert d.evidence[factor] == "; ".join(c.message for c in records)
        for records in d.conditions.values():
            for c in records:
                v = c.values
                person = candidate if v.get("person", "candidate") == "candidate" else candidate.spouse
                if c.code == "evidence.education":
                    assert c.met == bool(v["credentials"])
                    level = f.education if person is candidate else f.spouse.education
                    assert v["level"] == level.value
                elif c.code == "evidence.work":
                    assert all(person.jobs[i].in_canada is v["in_canada"] for i in v["jobs"])
                    if person is candidate:
                        expected = f.canadian_work_years if v["in_canada"] else f.foreign_work_years
                    else:
                        expected = f.spouse.canadian_work_years
                    assert min(v["years"], 60) == expected
                    # The hours are rounded down to the hundredth after absorbing a sum's rounding (1e-9), so whole
                    # years of them are the years counted.
                    assert v["years"] == int(v["hours"] // v["hours_per_year"])
                elif c.code == "evidence.language" and v["role"] in ("first", "second", "spouse"):
                    levels = {"first": f.first_language, "second": f.second_language,
                              "spouse": f.spouse.first_language if f.spouse else None}[v["role"]]  # fmt: skip
                    assert c.met == (levels is not None)
                    if levels is not None:
                        assert person.language_results[v["result"]].test.value == v["test"]
                        assert (v["listening"], v["speaking"]) == (levels.listening, levels.speaking)
                elif c.code == "evidence.partner":
                    assert f.spouse is None
                elif c.code == "evidence.certificate":
                    assert c.met == f.certificate_of_qualification
                elif c.code == "evidence.nomination":
                    assert c.met == f.provincial_nomination
                elif c.code == "evidence.job_offer":
                    assert v["kind"] == (None if f.arranged_employment is None else f.arranged_employment.value)
                elif c.code == "evidence.canadian_education":
                    assert v["award"] == (None if f.canadian_education is None else f.canadian_education.value)
                elif c.code == "evidence.sibling":
                    assert c.met == f.sibling_in_canada
                    assert v["sibling"] is None or candidate.siblings[v["sibling"]].citizen_or_pr_since <= day


@given(candidates(on=date(2024, 6, 1)), st.dates(date(2015, 1, 1), date(2026, 6, 30)))
def test_every_candidate_has_records_that_are_json_and_make_its_words(candidate, on):
    """Any candidate the public strategy draws: every factor has records, JSON-ready, whose messages are its words,
    and every position they give names a fact of the candidate (or of the spouse)."""
    if on < candidate.birth_date:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        d = crsrules.derive(candidate, on=on)
    lists = {"credential": "credentials", "result": "language_results", "job": "jobs", "sibling": "siblings"}
    for factor in Factor:
        records = d.conditions[factor]
        assert d.evidence[factor] == "; ".join(c.message for c in records)
        json.dumps([c.as_dict() for c in records])
        for c in records:
            person = candidate.spouse if c.values.get("person") == "spouse" else candidate
            for x in c.details:
                for key, field in lists.items():
                    if x.values.get(key) is not None:
                        assert 0 <= x.values[key] < len(getattr(person, field))
