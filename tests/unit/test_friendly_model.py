"""Friendly constructors and the facts the law counts (issue 10, items 4 and 5).

Lists take any iterable, enums their JSON strings, facts the rules do not need are optional (the evidence says what
was assumed), a Canadian credential earns its points by default, and distance learning is a fact of a credential.
"""

from datetime import date

import pytest

import crsrules
from crsrules import (
    CanadianEducation,
    Candidate,
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
    TefScale,
)
from crsrules.language import score_range
from crsrules.schema import candidate_schema

ON = date(2025, 6, 1)
BIRTH = date(1995, 6, 2)
IELTS = LanguageResult(test="ielts_general", tested_on=date(2025, 1, 10), listening=8.0, reading=7.0, writing=7.0,
                       speaking=7.0)  # fmt: skip
JOB = Job(noc="21231", in_canada=True, start=date(2021, 1, 4))


def derive(**facts):
    return crsrules.derive(Candidate(birth_date=BIRTH, language_results=[IELTS], **facts), on=ON)


# --- lists and enums ---------------------------------------------------------------------------------------------


def test_list_fields_take_any_iterable_and_keep_a_tuple():
    """Candidate(jobs=[...]) was rejected ("must be a tuple"); any iterable works, stored as a tuple."""
    c = Candidate(birth_date=BIRTH, jobs=[JOB], credentials=iter([]), language_results=(r for r in [IELTS]),
                  siblings=[], marital_status="married", spouse=Spouse(accompanying=True, jobs=[JOB]))  # fmt: skip
    assert ((JOB,), (), (IELTS,), ()) == (c.jobs, c.credentials, c.language_results, c.siblings)
    assert (JOB,) == c.spouse.jobs
    assert c == Candidate(birth_date=BIRTH, jobs=(JOB,), language_results=(IELTS,), marital_status="married",
                          spouse=Spouse(accompanying=True, jobs=(JOB,)))  # fmt: skip


@pytest.mark.parametrize("jobs", ["21231", {"noc": "21231"}, 3, b"x", [JOB, "job"]])
def test_a_list_field_still_rejects_what_is_no_list_of_its_items(jobs):
    """A string, a mapping, a number or a wrong item is rejected by name, never taken apart."""
    with pytest.raises(InvalidValueError, match="'jobs") as info:
        Candidate(birth_date=BIRTH, jobs=jobs)
    assert "wrong_type" == info.value.code


def test_enum_fields_take_their_json_strings_everywhere():
    """The string values work wherever the members do, as from_test and category slugs did."""
    result = LanguageResult(test="tef_canada", tested_on=date(2024, 5, 1), listening=316, reading=263, writing=349,
                            speaking=310, tef_scale="ancien_score")  # fmt: skip
    assert (LanguageTest.TEF_CANADA, TefScale.ANCIEN_SCORE) == (result.test, result.tef_scale)
    assert Education.MASTERS is Credential(level="masters").level
    assert Province.ON is Nomination(province="ON", nominated_on=ON).province
    c = Candidate(birth_date=BIRTH, marital_status="common_law", first_official_language="french")
    assert (MaritalStatus.COMMON_LAW, crsrules.OfficialLanguage.FRENCH) == (c.marital_status, c.first_official_language)


def test_an_unknown_string_is_still_an_error_that_suggests():
    """A misspelt value is named, with the close values."""
    with pytest.raises(InvalidValueError) as info:
        LanguageResult(test="ielts_generl", tested_on=ON, listening=8, reading=8, writing=8, speaking=8)
    assert ("test", "ielts_general") == (info.value.field, info.value.suggestions[0])
    with pytest.raises(InvalidValueError, match="one credential's level"):
        Credential(level="two_or_more")  # a level of several credentials, not of one


def test_score_range_takes_the_test_as_a_string():
    """score_range("tcf_canada", ...) raised a bare KeyError; it works, and an unknown test is a crsrules error."""
    assert (0, 20, 1) == score_range("tcf_canada", "writing")
    assert (10, 90, 1) == score_range("pte_core")
    with pytest.raises(InvalidValueError) as info:
        score_range("tcf_canada")  # writing and speaking 0-20, reading and listening 100-699
    assert ("ability", "missing") == (info.value.field, info.value.code)
    assert (0, 699, 1) == score_range("tef_canada", "reading", tef_scale="score_699_2023")
    with pytest.raises(InvalidValueError) as info:
        score_range("tcf", "writing")
    assert ("test", "not_allowed") == (info.value.field, info.value.code)
    with pytest.raises(InvalidValueError, match="did you mean 'writing'"):
        score_range(LanguageTest.TCF_CANADA, "writng")
    with pytest.raises(crsrules.CRSRulesError):
        score_range(None, "writing")  # type: ignore[arg-type]


def test_draws_are_reachable_from_the_package():
    """crsrules.Draw, as crsrules.InvitationCheck is; the queries stay in crsrules.draws."""
    assert crsrules.Draw is crsrules.draws.Draw
    assert isinstance(crsrules.draws.history(year=2023)[0], crsrules.Draw)
    assert crsrules.DrawKind.GENERAL is crsrules.draws.by_number(50).kind


# --- optional facts and what is assumed -------------------------------------------------------------------------


def test_a_credential_without_a_completion_date_counts_and_the_evidence_says_so():
    """The rules need the date a credential counts from; without it, it is counted as completed, in words."""
    abroad = Credential(level="bachelors", eca_issued_on=date(2021, 3, 1))
    derivation = derive(credentials=[abroad])
    assert Education.BACHELORS == derivation.factors.education
    assert "no completion date given: counted as completed" in derivation.evidence[Factor.EDUCATION]


def test_a_job_offer_without_its_date_is_in_force_until_it_ends():
    """Without offered_on the offer counts on every date up to ends_on, and the evidence says so."""
    derivation = derive(job_offer=JobOffer(noc="21231"))
    assert crsrules.ArrangedEmployment.OTHER_SKILLED == derivation.factors.arranged_employment
    assert "no offer date given: taken to be in force" in derivation.evidence[Factor.ARRANGED_EMPLOYMENT]
    assert derive(job_offer=JobOffer(noc="21231", ends_on=date(2025, 5, 31))).factors.arranged_employment is None


def test_a_nomination_without_its_province_counts():
    """The points do not depend on the province."""
    derivation = derive(nomination=Nomination(nominated_on=date(2025, 1, 2)))
    assert derivation.factors.provincial_nomination
    assert "nominated on 2025-01-02" == derivation.evidence[Factor.PROVINCIAL_NOMINATION]
    dated = derive(nomination=Nomination(province="BC", nominated_on=date(2025, 1, 2)))
    assert "nominated by BC on 2025-01-02" == dated.evidence[Factor.PROVINCIAL_NOMINATION]


def test_a_sibling_without_a_birth_date_is_taken_as_an_adult():
    """A sibling counts from 18; without a birth date the sibling is taken to be 18 or older, in words."""
    derivation = derive(siblings=[Sibling(citizen_or_pr_since=date(2010, 1, 1))])
    assert derivation.factors.sibling_in_canada
    assert "taken to be 18 or older" in derivation.evidence[Factor.SIBLING_IN_CANADA]
    minor = Sibling(birth_date=date(2010, 1, 1), citizen_or_pr_since=date(2010, 1, 1))
    assert not derive(siblings=[minor]).factors.sibling_in_canada


def test_undated_facts_are_no_date_to_check():
    """An undated fact cannot be before the birth date; its other dates are still checked."""
    Candidate(birth_date=BIRTH, credentials=[Credential(level="secondary", started_on=date(2009, 9, 1))])
    with pytest.raises(InvalidValueError, match="credentials"):
        Candidate(birth_date=BIRTH, credentials=[Credential(level="secondary", started_on=date(1990, 9, 1))])


# --- a Canadian credential ----------------------------------------------------------------------------------------


def canadian(**facts):
    return Credential(level="bachelors", completed_on=date(2019, 5, 1), in_canada=True, **facts)


def test_a_canadian_credential_earns_its_points_by_default():
    """A default of 0 months silently earned nothing; not given, the 8 months needed are assumed, in words."""
    derivation = derive(credentials=[canadian()])
    assert CanadianEducation.THREE_YEARS_OR_MORE == derivation.factors.canadian_education
    note = derivation.evidence[Factor.CANADIAN_EDUCATION]
    assert note.endswith("; months of full-time study in Canada not given: taken as the 8 needed")
    assert canadian().full_time_months_in_canada is None


@pytest.mark.parametrize(("months", "award"), [(0, None), (7, None), (8, CanadianEducation.THREE_YEARS_OR_MORE)])
def test_months_given_are_counted(months, award):
    """Months given are counted as before: fewer than 8 earn nothing, and no assumption is noted."""
    derivation = derive(credentials=[canadian(full_time_months_in_canada=months)])
    assert award == derivation.factors.canadian_education
    assert "not given" not in derivation.evidence.get(Factor.CANADIAN_EDUCATION, "")


def test_distance_learning_earns_no_canadian_education_points():
    """Rule E4: a credential studied mostly at a distance counts for education, not for Canadian education."""
    derivation = derive(credentials=[canadian(distance_learning_over_half=True, full_time_months_in_canada=12)])
    assert (Education.BACHELORS, None) == (derivation.factors.education, derivation.factors.canadian_education)


@pytest.mark.parametrize(
    ("rules", "award"),
    [("2022-07-28", CanadianEducation.ONE_OR_TWO_YEARS), ("2022-11-16", CanadianEducation.ONE_OR_TWO_YEARS),
     ("2020-10-27", None)],
)  # fmt: skip
def test_distance_learning_counts_under_the_covid_relief(rules, award):
    """Study from 2020-03 to 2022-08 counts even at a distance, from version 2022-07-28 on; the evidence says why."""
    online = Credential(level="two_year", started_on=date(2021, 1, 10), completed_on=date(2022, 5, 15),
                        in_canada=True, distance_learning_over_half=True)  # fmt: skip
    derivation = crsrules.derive(Candidate(birth_date=BIRTH, credentials=[online]), on=ON, rules=rules)
    assert award == derivation.factors.canadian_education
    if award is not None:
        assert "distance learning, counted under the COVID-19 relief" in derivation.evidence[Factor.CANADIAN_EDUCATION]


def test_the_relief_needs_the_dates_of_study():
    """Without a completion date, the relief cannot be established: distance learning then earns nothing."""
    online = Credential(level="two_year", started_on=date(2021, 1, 10), in_canada=True,
                        distance_learning_over_half=True)  # fmt: skip
    derivation = crsrules.derive(Candidate(birth_date=BIRTH, credentials=[online]), on=ON, rules="2022-07-28")
    assert derivation.factors.canadian_education is None


def test_the_flag_travels_through_json_and_the_schema():
    """The loader, the dumper and the schema know the flag, with a description."""
    credential = canadian(distance_learning_over_half=True)
    data = crsrules.dump_candidate(Candidate(birth_date=BIRTH, credentials=[credential]))
    assert data["credentials"][0]["distance_learning_over_half"] is True
    assert data["credentials"][0]["full_time_months_in_canada"] is None
    assert credential == crsrules.load_candidate(data).credentials[0]
    schema = candidate_schema()["$defs"]["Credential"]["properties"]
    assert {"type": "boolean", "default": False} == {k: schema["distance_learning_over_half"][k]
                                                     for k in ("type", "default")}  # fmt: skip
    assert "distance learning" in schema["distance_learning_over_half"]["description"]
    assert ["level"] == candidate_schema()["$defs"]["Credential"]["required"]
