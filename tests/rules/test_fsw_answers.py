"""The FSW selection grid line by line, its notes, and how the first official language is chosen
(reference/crs-points.md section 7.2; docs/how-to/program-eligibility.md, "How crsrules reads the criteria").

Day assessed: 2025-06-01 (ruleset 2025-03-25, NOC 2021); work ends before it, well inside the 10-year window.
"""

import re
from datetime import date

import pytest

import crsrules
from crsrules import (
    Candidate,
    Credential,
    Education,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    OfficialLanguage,
    Sibling,
    Spouse,
)
from crsrules.errors import InvalidValueError
from crsrules.headings import Factor
from crsrules.programs import AdaptabilityElement, FswFactor, fsw_eligibility
from crsrules.programs._common import occupation_code
from crsrules.rules import NocVersion

ON = date(2025, 6, 1)
TESTED = date(2025, 1, 10)
BACHELORS = Credential(level=Education.BACHELORS, completed_on=date(2017, 6, 1), eca_issued_on=date(2024, 1, 10))
# 2023-01-01 to 2025-04-30: 851 days, 3,647 hours: 2 whole years.
ABROAD = Job(noc="21231", in_canada=False, start=date(2023, 1, 1), end=date(2025, 4, 30))
OFFER = JobOffer(noc="21231", offered_on=date(2025, 1, 1))
SIBLING = Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2015, 1, 1))

AGE_NOTE = "age is taken on 2025-06-01: IRCC counts it on the day the application is received, so pass that day"
FUNDS_NOTE = (
    "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you are "
    "authorized to work in Canada and hold a valid job offer"
)
FUNDS_WITH_OFFER_NOTE = (
    "proof of funds: not checked; none is needed if you are authorized to work in Canada (crsrules does not check "
    "this) and hold your valid job offer"
)


def celpip(listening, reading, writing, speaking):
    return LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=TESTED, listening=listening, reading=reading,
                          writing=writing, speaking=speaking)  # fmt: skip


def tcf(listening, reading, writing, speaking):
    return LanguageResult(test=LanguageTest.TCF_CANADA, tested_on=TESTED, listening=listening, reading=reading,
                          writing=writing, speaking=speaking)  # fmt: skip


def candidate(**changes):
    facts = {"birth_date": date(1995, 1, 1), "credentials": (BACHELORS,), "language_results": (celpip(9, 9, 9, 8),),
             "jobs": (ABROAD,), **changes}  # fmt: skip
    return Candidate(**facts)


def details(assessment):
    return {line.factor: line.detail for line in assessment.grid}


def test_the_grid_of_a_67_point_candidate_line_by_line():
    c = candidate()
    a = fsw_eligibility(c, on=ON)
    evidence = crsrules.derive(c, on=ON).evidence
    assert {
        FswFactor.FIRST_OFFICIAL_LANGUAGE: (
            "english: listening CLB 9 = 6, reading CLB 9 = 6, writing CLB 9 = 6, speaking CLB 8 = 5: 23 points; from "
            "CELPIP-General test of 2025-01-10"
        ),
        FswFactor.SECOND_OFFICIAL_LANGUAGE: "no valid result: 0 points",
        FswFactor.EDUCATION: f"bachelor's degree or other credential of 3+ years: 21 points; from "
        f"{evidence[Factor.EDUCATION]}",
        FswFactor.WORK_EXPERIENCE: (
            "2 year(s) of skilled work (3,647 hours in the 10 years before 2025-06-01, Canadian or foreign): 11 points"
        ),
        FswFactor.AGE: "age 30 on 2025-06-01: 12 points",
        FswFactor.ARRANGED_EMPLOYMENT: "no qualifying job offer: 0 points; from no qualifying job offer in force on "
        "2025-06-01",
        FswFactor.ADAPTABILITY: "no element: 0 points",
    } == details(a)
    assert (AGE_NOTE, FUNDS_NOTE) == a.notes  # every relative of IRPR s. 83(5) is modelled since 0.2.0
    data = a.as_dict()
    assert ("2025-06-01", "21231") == (data["on"], data["primary_occupation"])
    assert 3647 == int(data["continuous_hours"])


def test_the_grid_with_a_second_language_an_offer_and_a_sibling():
    """French NCLC 5 in all four earns the second language's 4; the offer 10 and 5 for adaptability, the sibling 5:
    10 together, the cap, so not cut."""
    c = candidate(language_results=(celpip(9, 9, 9, 8), tcf(369, 375, 6, 6)), job_offer=OFFER, siblings=(SIBLING,),
                  first_official_language=OfficialLanguage.ENGLISH)  # fmt: skip
    a = fsw_eligibility(c, on=ON)
    evidence = crsrules.derive(c, on=ON).evidence
    got = details(a)
    assert (
        "french: lowest ability NCLC 5 (NCLC 5 needed in all four): 4 points; from TCF Canada test of 2025-01-10"
        == got[FswFactor.SECOND_OFFICIAL_LANGUAGE]
    )
    assert (
        f"qualifying job offer: 10 points; from {evidence[Factor.ARRANGED_EMPLOYMENT]}"
        == got[FswFactor.ARRANGED_EMPLOYMENT]
    )
    assert "arranged_employment 5 + relative_in_canada 5: 10 points" == got[FswFactor.ADAPTABILITY]
    assert (AGE_NOTE, FUNDS_WITH_OFFER_NOTE) == a.notes


def test_adaptability_over_the_cap_is_cut_to_10():
    """A year of skilled work in Canada (10), the offer (5) and the sibling (5): 20, counted as 10."""
    in_canada = Job(noc="21232", in_canada=True, start=date(2023, 1, 1), end=date(2024, 6, 30))
    a = fsw_eligibility(candidate(jobs=(ABROAD, in_canada), job_offer=OFFER, siblings=(SIBLING,)), on=ON)
    assert (
        "work_in_canada 10 + arranged_employment 5 + relative_in_canada 5 = 20, capped at 10: 10 points"
        == details(a)[FswFactor.ADAPTABILITY]
    )


@pytest.mark.parametrize(
    ("result", "low"),
    [
        (celpip(10, 6, 10, 10), "reading 6"),
        (celpip(10, 7, 6, 7), "writing 6"),  # CLB 7 meets the minimum: not listed
        (celpip(6, 10, 10, 10), "listening 6"),
    ],
)
def test_the_language_reason_lists_the_abilities_below_clb_7(result, low):
    a = fsw_eligibility(candidate(language_results=(result,)), on=ON)
    assert a.reasons[0].endswith(f"has {low}")


def test_one_valid_result_is_first_without_a_note():
    a = fsw_eligibility(candidate(), on=ON)
    assert OfficialLanguage.ENGLISH is a.first_official_language
    assert not any(note.startswith("first official language") for note in a.notes)


def test_no_valid_result_no_first_language_and_no_note():
    a = fsw_eligibility(candidate(language_results=()), on=ON)
    assert a.first_official_language is None
    assert "no valid result: 0 points" == a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE).detail
    assert (AGE_NOTE, FUNDS_NOTE) == a.notes  # every relative of IRPR s. 83(5) is modelled since 0.2.0


def test_the_language_that_meets_clb_7_comes_before_more_points():
    """English CLB 7 in all four meets the minimum (16 points); French NCLC 10/10/10/6 earns 18 but does not: English
    is first, whatever the second language adds (4 either way)."""
    results = (celpip(7, 7, 7, 7), tcf(549, 549, 16, 7))  # NCLC 10, 10, 10, 6
    a = fsw_eligibility(candidate(language_results=results), on=ON)
    assert OfficialLanguage.ENGLISH is a.first_official_language
    assert a.language_met
    assert "first official language: english chosen for FSW (none named with a valid result)" in a.notes


def test_a_tie_goes_to_english():
    """Both meet CLB 7 and earn the same grid points (CLB/NCLC 9 in all four: 24 + 4): English is first, as the CRS
    reasoning chooses on a tie (crsrules.derive, rule E16: IRCC's tool lists English first)."""
    results = (tcf(523, 524, 14, 14), celpip(9, 9, 9, 9))
    a = fsw_eligibility(candidate(language_results=results), on=ON)
    assert OfficialLanguage.ENGLISH is a.first_official_language
    assert (24, 4) == (a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE).points,
                       a.line(FswFactor.SECOND_OFFICIAL_LANGUAGE).points)  # fmt: skip


def test_a_named_language_without_a_valid_result_is_not_first():
    a = fsw_eligibility(candidate(first_official_language=OfficialLanguage.FRENCH), on=ON)
    assert OfficialLanguage.ENGLISH is a.first_official_language
    assert not any(note.startswith("first official language") for note in a.notes)


@pytest.mark.parametrize(
    ("results", "note"),
    [
        # The named language meets the minimum: no note, even where the other earns more points.
        ((celpip(7, 7, 7, 7), tcf(549, 549, 16, 16)), False),
        # Neither meets it: no note, even where the other earns more points.
        ((celpip(7, 7, 7, 6), tcf(458, 453, 10, 4)), False),
        # Only the one not named meets it: the note says so.
        ((celpip(9, 9, 9, 6), tcf(523, 524, 14, 14)), True),
    ],
)
def test_a_named_first_language_holds_and_a_note_says_when_the_other_would_meet_the_minimum(results, note):
    a = fsw_eligibility(candidate(language_results=results, first_official_language=OfficialLanguage.ENGLISH), on=ON)
    assert OfficialLanguage.ENGLISH is a.first_official_language
    expected = "first official language: english as named; french would meet the CLB 7 minimum if named first instead"
    assert note == (expected in a.notes)
    assert note == any(n.startswith("first official language") for n in a.notes)


@pytest.mark.parametrize(
    "flags",
    [{"self_employed": True}, {"while_full_time_student": True}, {}],
    ids=["self-employed", "full-time student", "employed"],
)
def test_fsw_counts_self_employment_and_work_while_a_student(flags):
    """docs/how-to/program-eligibility.md: neither is excluded for FSW (they are for CEC); unpaid work never counts."""
    work = Job(noc="21231", in_canada=False, start=date(2023, 1, 1), end=date(2025, 4, 30), **flags)
    a = fsw_eligibility(candidate(jobs=(work,)), on=ON)
    assert a.work_experience_met
    assert 11 == a.line(FswFactor.WORK_EXPERIENCE).points


def test_unpaid_work_listed_first_does_not_hide_the_work_after_it():
    unpaid = Job(noc="21232", in_canada=False, start=date(2023, 1, 1), end=date(2025, 4, 30), paid=False)
    a = fsw_eligibility(candidate(jobs=(unpaid, ABROAD)), on=ON)
    assert a.work_experience_met
    assert "21231" == a.primary_occupation


def test_work_given_only_by_its_noc_2016_code_is_judged_by_it_and_noted_once():
    """Under NOC 2021 rules, 2173 (software engineers, NOC 2016 skill level A) is skilled; two such jobs (a NOC 2016
    code alone is accepted for work that ended before 2022-11-16) give one note."""
    first = Job(noc_2016="2173", in_canada=False, start=date(2019, 1, 1), end=date(2019, 12, 31))
    second = Job(noc_2016="2173", in_canada=False, start=date(2020, 1, 1), end=date(2022, 4, 30))
    a = fsw_eligibility(candidate(jobs=(first, second)), on=ON)
    assert a.work_experience_met
    assert "2173" == a.primary_occupation
    notes = [n for n in a.notes if n.startswith("skilled work judged by another NOC version")]
    assert ["skilled work judged by another NOC version: (NOC 2016 2173 used: no NOC 2021 code given)"] == notes


def test_under_noc_2016_rules_the_longest_period_is_named_by_its_noc_2016_code():
    """Ruleset 2020-10-27: half a year as NOC 2016 2173 (2021-12-01 to 2022-05-31, 182 days, 780 hours)."""
    on = date(2022, 6, 1)
    work = Job(noc_2016="2173", in_canada=False, start=date(2021, 12, 1), end=date(2022, 5, 31))
    result = LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2022, 1, 10), listening=9, reading=9,
                            writing=9, speaking=9)  # fmt: skip
    a = fsw_eligibility(candidate(jobs=(work,), language_results=(result,)), on=on)
    assert "2020-10-27" == a.rules_id
    assert a.reasons[0].endswith("(the longest is 780 hours in NOC 2016 2173 from 2021-12-01 to 2022-05-31)")


@pytest.mark.parametrize(("completed_on", "earned"), [(ON, True), (date(2025, 6, 2), False)])
def test_study_in_canada_counts_from_the_day_the_credential_is_completed(completed_on, earned):
    canadian = Credential(level=Education.TWO_YEAR, completed_on=completed_on, in_canada=True)
    a = fsw_eligibility(candidate(credentials=(BACHELORS, canadian)), on=ON)
    assert earned == (AdaptabilityElement.STUDY_IN_CANADA in a.adaptability)


def test_a_partner_without_facts_earns_nothing_and_breaks_nothing():
    a = fsw_eligibility(candidate(marital_status=MaritalStatus.MARRIED), on=ON)
    assert () == a.adaptability
    spouse = Spouse(accompanying=True, language_results=(celpip(4, 4, 4, 4),))
    single = fsw_eligibility(candidate(spouse=None), on=ON)
    married = fsw_eligibility(candidate(marital_status=MaritalStatus.MARRIED, spouse=spouse), on=ON)
    assert ((), (AdaptabilityElement.SPOUSE_LANGUAGE,)) == (single.adaptability, married.adaptability)


def test_the_code_an_occupation_is_judged_by():
    """The ruleset's own classification first, the other one as a fallback (with a note); a job needs one code."""
    noc_2021 = crsrules.get_rules("2025-03-25")
    noc_2016 = crsrules.get_rules("2020-10-27")
    assert (NocVersion.NOC_2021, "21231", "") == occupation_code("21231", "7271", rules=noc_2021)
    assert (NocVersion.NOC_2016, "7271", "") == occupation_code("21231", "7271", rules=noc_2016)
    assert (NocVersion.NOC_2016, "7271", " (NOC 2016 7271 used: no NOC 2021 code given)") == occupation_code(
        None, "7271", rules=noc_2021
    )
    assert (NocVersion.NOC_2021, "21231", " (NOC 2021 21231 used: no NOC 2016 code given)") == occupation_code(
        "21231", None, rules=noc_2016
    )
    with pytest.raises(InvalidValueError) as info:
        occupation_code(None, None, rules=noc_2021)
    assert ("noc", None, "a NOC 2021 or NOC 2016 code") == (info.value.field, info.value.value, info.value.allowed)


def test_the_assessments_check_the_candidate():
    with pytest.raises(InvalidValueError) as info:
        fsw_eligibility({"birth_date": "1995-01-01"}, on=ON)  # type: ignore[arg-type]
    assert ("candidate", {"birth_date": "1995-01-01"}, "a crsrules.Candidate") == (
        info.value.field, info.value.value, info.value.allowed)  # fmt: skip


def test_a_period_cut_by_the_window_is_named_with_the_hours_it_counts():
    """Work from 2014-06-01 to 2016-05-28 (363 days inside the window: short of a year) started before the 10-year
    window: the period the reason names starts where
    the window starts, and its hours are its days at full time (30 hours a week), whichever day the window starts on."""
    work = Job(noc="21231", in_canada=False, start=date(2014, 6, 1), end=date(2016, 5, 28))
    reason = fsw_eligibility(candidate(jobs=(work,)), on=ON).reasons[0]
    found = re.search(r"\(the longest is ([\d,]+) hours in NOC 2021 21231 from (\S+) to 2016-05-28\)$", reason)
    assert found is not None, reason
    first = date.fromisoformat(found[2])
    assert date(2015, 5, 31) <= first <= date(2015, 6, 3)
    days = (date(2016, 5, 28) - first).days + 1
    assert int(days * 30 / 7 + 1e-9) == int(found[1].replace(",", ""))
