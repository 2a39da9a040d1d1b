"""The entry criteria of FSW, CEC and FST (reference/crs-points.md section 7), each boundary tested on both sides.

FSW grid totals are computed by hand from the tables of section 7.2; each case shows its arithmetic.
"""

import json
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules import (
    Candidate,
    Certificate,
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
from crsrules.programs import (
    AdaptabilityElement,
    FswFactor,
    Program,
    cec_eligibility,
    fst_eligibility,
    fsw_eligibility,
    program_eligibility,
)
from crsrules.programs import fsw as fsw_rules
from crsrules.testing.strategies import candidates, jobs

ON = date(2025, 6, 1)  # ruleset 2025-03-25: NOC 2021
TESTED = date(2025, 1, 10)


def celpip(listening, reading, writing, speaking, *, tested_on=TESTED):
    """A CELPIP-General result: its scores 4 to 10 are the CLB levels."""
    return LanguageResult(
        test=LanguageTest.CELPIP_GENERAL,
        tested_on=tested_on,
        listening=listening,
        reading=reading,
        writing=writing,
        speaking=speaking,
    )


def tcf(listening=369, *, tested_on=TESTED):
    """A TCF Canada result: NCLC 5 in all four (listening 368 is NCLC 4)."""
    return LanguageResult(
        test=LanguageTest.TCF_CANADA, tested_on=tested_on, listening=listening, reading=375, writing=6, speaking=6
    )


def born(age, on=ON):
    """A birth date that makes the candidate *age* on *on* (a 1 January birthday)."""
    return date(on.year - age, 1, 1)


def job(noc, start, end=None, *, in_canada=False, **extra):
    return Job(noc=noc, in_canada=in_canada, start=start, end=end, **extra)


BACHELORS = Credential(level=Education.BACHELORS, completed_on=date(2017, 6, 1), eca_issued_on=date(2024, 1, 10))
MASTERS = Credential(level=Education.MASTERS, completed_on=date(2016, 6, 1), eca_issued_on=date(2024, 1, 10))
# 2023-01-01 to 2025-04-30: 851 days of full-time work = 3,647 hours, 2 whole years (3,120 to 4,679 hours).
TWO_YEARS_ABROAD = job("21231", date(2023, 1, 1), date(2025, 4, 30))
# 2017-01-01 to 2024-12-31: 8 years abroad, all inside the 10 years to ON.
EIGHT_YEARS_ABROAD = job("21231", date(2017, 1, 1), date(2024, 12, 31))
OFFER = JobOffer(noc="21231", offered_on=date(2025, 1, 1))
SIBLING = Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2015, 1, 1))


def candidate(**changes):
    base = {
        "birth_date": born(30),
        "credentials": (BACHELORS,),
        "language_results": (celpip(9, 9, 9, 8),),
        "jobs": (TWO_YEARS_ABROAD,),
    }
    return Candidate(**{**base, **changes})


def strong(**changes):
    """A candidate 31 points above the pass mark, so that each minimum can fail on its own."""
    base = {
        "birth_date": born(30),
        "credentials": (MASTERS,),
        "language_results": (celpip(10, 10, 10, 10), tcf()),
        "first_official_language": OfficialLanguage.ENGLISH,
        "jobs": (EIGHT_YEARS_ABROAD,),
        "job_offer": OFFER,
        "siblings": (SIBLING,),
    }
    return Candidate(**{**base, **changes})


def points(assessment):
    return {line.factor: line.points for line in assessment.grid}


# --- FSW: the selection grid, by hand ---------------------------------------------------------------------------------


def test_fsw_66_points_is_below_the_pass_mark():
    """Age 30, CLB 9/9/8/8, bachelor's, 2 years: 12 + (6+6+5+5) + 21 + 11 = 66, one point short."""
    a = fsw_eligibility(candidate(language_results=(celpip(9, 9, 8, 8),)), on=ON)
    assert 66 == a.grid_total
    assert (a.work_experience_met, a.language_met, a.education_met) == (True, True, True)
    assert not a.grid_met
    assert not a.eligible
    assert ("selection grid: 66 points, below the pass mark of 67",) == a.reasons


def test_fsw_67_points_meets_the_pass_mark():
    """Age 30, CLB 9/9/9/8, bachelor's, 2 years: 12 + (6+6+6+5) + 21 + 11 = 67, exactly the pass mark."""
    a = fsw_eligibility(candidate(), on=ON)
    assert {
        FswFactor.FIRST_OFFICIAL_LANGUAGE: 23,  # 6 + 6 + 6 + 5
        FswFactor.SECOND_OFFICIAL_LANGUAGE: 0,
        FswFactor.EDUCATION: 21,
        FswFactor.WORK_EXPERIENCE: 11,  # 3,647 hours = 2 whole years
        FswFactor.AGE: 12,
        FswFactor.ARRANGED_EMPLOYMENT: 0,
        FswFactor.ADAPTABILITY: 0,
    } == points(a)
    assert 67 == a.grid_total
    assert a.eligible
    assert () == a.reasons
    assert "21231" == a.primary_occupation


def test_fsw_98_points_with_every_factor():
    """12 + (6x4 + 4) + 23 + 15 + 10 + min(5 + 5, 10) = 12 + 28 + 23 + 15 + 10 + 10 = 98."""
    a = fsw_eligibility(strong(), on=ON)
    assert {
        FswFactor.FIRST_OFFICIAL_LANGUAGE: 24,  # CLB 10 in all four: 6 x 4
        FswFactor.SECOND_OFFICIAL_LANGUAGE: 4,  # NCLC 5 in all four
        FswFactor.EDUCATION: 23,  # master's
        FswFactor.WORK_EXPERIENCE: 15,  # 8 years
        FswFactor.AGE: 12,
        FswFactor.ARRANGED_EMPLOYMENT: 10,
        FswFactor.ADAPTABILITY: 10,  # arranged employment 5 + sibling 5
    } == points(a)
    assert 98 == a.grid_total
    assert (AdaptabilityElement.ARRANGED_EMPLOYMENT, AdaptabilityElement.RELATIVE_IN_CANADA) == a.adaptability
    assert a.eligible


def test_fsw_grid_lines_say_the_row_and_the_maximum():
    """Each line names its row and carries its factor's maximum; the maximums add up to 100."""
    a = fsw_eligibility(candidate(), on=ON)
    assert "age 30 on 2025-06-01: 12 points" == a.line(FswFactor.AGE).detail
    assert "speaking CLB 8 = 5" in a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE).detail
    assert [24, 4, 25, 15, 12, 10, 10] == [line.maximum for line in a.grid]
    assert 100 == sum(fsw_rules.MAXIMUMS.values()) == fsw_rules.GRID_MAXIMUM
    assert 67 == fsw_rules.PASS_MARK


# --- FSW: each minimum failing on its own ---------------------------------------------------------------------------


def test_fsw_the_strong_candidate_meets_every_minimum():
    a = fsw_eligibility(strong(), on=ON)
    assert (a.work_experience_met, a.language_met, a.education_met, a.grid_met) == (True, True, True, True)


def alternating(first, second, *, start, days, count):
    """*count* back-to-back jobs of *days* days, alternating between two occupations (continuous work overall)."""
    out = []
    for i in range(count):
        begin = start + timedelta(days=i * days)
        out.append(job(first if i % 2 == 0 else second, begin, begin + timedelta(days=days - 1)))
    return tuple(out)


def test_fsw_work_fails_alone_when_no_one_occupation_has_a_continuous_year():
    """8 years of continuous skilled work, but in stints of 300 days alternating between two occupations.

    Grid: 8 whole years still give 15, so 98 points; only the work minimum fails.
    """
    stints = alternating("21231", "21232", start=date(2017, 1, 1), days=300, count=9)
    a = fsw_eligibility(strong(jobs=stints), on=ON)
    assert 98 == a.grid_total
    assert (a.work_experience_met, a.language_met, a.education_met, a.grid_met) == (False, True, True, True)
    assert not a.eligible
    assert 1 == len(a.reasons)
    assert a.reasons[0].startswith("work experience: no skilled occupation with 1 year (1,560 hours) of continuous")


def test_fsw_language_fails_alone_with_clb_6_in_one_ability():
    """CLB 10/10/10/6: the grid drops to 92 (6 + 6 + 6 + 0 for language), and only the language minimum fails."""
    a = fsw_eligibility(strong(language_results=(celpip(10, 10, 10, 6), tcf())), on=ON)
    assert 92 == a.grid_total  # 98 - 6
    assert (a.work_experience_met, a.language_met, a.education_met, a.grid_met) == (True, False, True, True)
    assert 1 == len(a.reasons)
    assert "speaking 6" in a.reasons[0]


def test_fsw_education_fails_alone_without_an_eca():
    """A foreign master's without an ECA does not count: education 0, grid 98 - 23 = 75, only education fails."""
    no_eca = attrs.evolve(MASTERS, eca_issued_on=None)
    a = fsw_eligibility(strong(credentials=(no_eca,)), on=ON)
    assert 75 == a.grid_total
    assert (a.work_experience_met, a.language_met, a.education_met, a.grid_met) == (True, True, False, True)
    assert 1 == len(a.reasons)
    assert a.reasons[0].startswith("education:")


def test_fsw_language_fails_without_a_valid_result():
    """A result 2 years old no longer counts (E10)."""
    old = celpip(10, 10, 10, 10, tested_on=date(2023, 6, 1))
    a = fsw_eligibility(strong(language_results=(old,)), on=ON)
    assert not a.language_met
    assert a.first_official_language is None
    assert 0 == a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE).points


# --- FSW: continuous work in the primary occupation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "met"),
    [
        (date(2024, 12, 29), True),  # 2024-01-01 to 2024-12-29: 364 days x 30 / 7 = 1,560 hours
        (date(2024, 12, 28), False),  # 363 days: 1,555.7 hours
    ],
)
def test_fsw_one_continuous_year_is_1560_hours(end, met):
    a = fsw_eligibility(candidate(jobs=(job("21231", date(2024, 1, 1), end),)), on=ON)
    assert met == a.work_experience_met


@pytest.mark.parametrize(
    ("second_start", "met"),
    [
        (date(2023, 7, 1), True),  # back to back: one continuous period of 456 days
        (date(2023, 7, 2), False),  # one free day: 181 + 274 days, neither a year
    ],
)
def test_fsw_a_day_without_work_breaks_continuity(second_start, met):
    jobs_ = (job("21231", date(2023, 1, 1), date(2023, 6, 30)), job("21231", second_start, date(2024, 3, 31)))
    a = fsw_eligibility(candidate(jobs=jobs_), on=ON)
    assert met == a.work_experience_met


def test_fsw_part_time_counts_for_the_equivalent_hours():
    """15 hours a week for 728 days is 1,560 hours; 727 days is not enough."""
    enough = job("21231", date(2023, 1, 1), date(2024, 12, 28), hours_per_week=15)  # 728 days
    short = attrs.evolve(enough, end=date(2024, 12, 27))
    assert fsw_eligibility(candidate(jobs=(enough,)), on=ON).work_experience_met
    assert not fsw_eligibility(candidate(jobs=(short,)), on=ON).work_experience_met


def test_fsw_unpaid_work_never_counts():
    unpaid = attrs.evolve(TWO_YEARS_ABROAD, paid=False)
    a = fsw_eligibility(candidate(jobs=(unpaid,)), on=ON)
    assert not a.work_experience_met
    assert a.primary_occupation is None
    assert 0 == a.line(FswFactor.WORK_EXPERIENCE).points


def test_fsw_unskilled_work_never_counts():
    """TEER 4 (54100) is not skilled under NOC 2021."""
    a = fsw_eligibility(candidate(jobs=(job("54100", date(2023, 1, 1), date(2025, 4, 30)),)), on=ON)
    assert not a.work_experience_met


def test_fsw_work_counts_only_within_10_years():
    """A year that ended 10 years and a day before the application is outside the window."""
    old = job("21231", date(2014, 1, 1), date(2015, 5, 31))
    a = fsw_eligibility(candidate(jobs=(old,)), on=ON)
    assert not a.work_experience_met


# --- FSW: the factors' tables ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("age", "expected"), [(17, 0), (18, 12), (35, 12), (36, 11), (46, 1), (47, 0)])
def test_fsw_age_points_at_the_table_edges(age, expected):
    a = fsw_eligibility(candidate(birth_date=born(age)), on=ON)
    assert expected == a.line(FswFactor.AGE).points


def test_fsw_age_is_taken_on_the_day_given():
    """The day before the 36th birthday earns 12; the birthday earns 11."""
    c = candidate(birth_date=date(1989, 6, 2))
    assert 12 == fsw_eligibility(c, on=date(2025, 6, 1)).line(FswFactor.AGE).points
    assert 11 == fsw_eligibility(c, on=date(2025, 6, 2)).line(FswFactor.AGE).points


# Numbers that mutation testing could change with every other test passing (issue 9): each age from 36 to 47, the
# CLB 7 row of the language factor, and the 10-year window of the work minimum.


@pytest.mark.parametrize(
    ("age", "expected"),
    [(36, 11), (37, 10), (38, 9), (39, 8), (40, 7), (41, 6), (42, 5), (43, 4), (44, 3), (45, 2), (46, 1), (47, 0)],
)
def test_fsw_age_points_one_less_each_year_from_36_to_47(age, expected):
    """IRPR s. 81: 12 points from 18 to 35, then one point less for each year, to 0 at 47."""
    a = fsw_eligibility(candidate(birth_date=born(age)), on=ON)
    assert expected == a.line(FswFactor.AGE).points
    assert f"age {age} on 2025-06-01: {expected} points" == a.line(FswFactor.AGE).detail


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ((7, 7, 7, 7), 16),  # CLB 7: 4 per ability
        ((7, 8, 9, 10), 21),  # 4 + 5 + 6 + 6
        ((6, 7, 7, 7), 12),  # CLB 6 earns nothing (and misses the minimum)
    ],
)
def test_fsw_first_language_clb_7_earns_4_per_ability(levels, expected):
    a = fsw_eligibility(candidate(language_results=(celpip(*levels),)), on=ON)
    line = a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE)
    assert expected == line.points
    assert (min(levels) >= 7) == a.language_met
    assert f"listening CLB {levels[0]} = {4 if levels[0] == 7 else 0}" in line.detail


@pytest.mark.parametrize(
    ("first", "last", "met"),
    [
        # 387 days of continuous work, all in the 10 years before 2025-06-01 (2015-06-01 to 2025-05-31) but only 29
        # days of them in the last 9 years (which start 2016-06-01).
        (date(2015, 6, 10), date(2016, 6, 30), True),
        # Work that started before the window: 2015-06-01 (the first day of the window) to 2016-05-29 is 364 days,
        # 1,560 hours, inside it.
        (date(2014, 6, 1), date(2016, 5, 29), True),
        # One day less inside the 10 years (it would be a year within 11).
        (date(2014, 6, 1), date(2016, 5, 28), False),
    ],
)
def test_fsw_work_minimum_counts_the_10_years_before_the_day(first, last, met):
    a = fsw_eligibility(candidate(jobs=(job("21231", first, last),)), on=ON)
    assert met == a.work_experience_met
    if not met:
        assert "in the 10 years before 2025-06-01" in a.reasons[0]


@pytest.mark.parametrize(("listening", "expected"), [(369, 4), (368, 0)])
def test_fsw_second_language_needs_clb_5_in_all_four(listening, expected):
    """TCF Canada NCLC 5/5/5/5 earns 4; NCLC 4/5/5/5 earns nothing."""
    c = candidate(language_results=(celpip(9, 9, 9, 8), tcf(listening)))
    assert expected == fsw_eligibility(c, on=ON).line(FswFactor.SECOND_OFFICIAL_LANGUAGE).points


@pytest.mark.parametrize(
    ("level", "expected"),
    [(Education.SECONDARY, 5), (Education.ONE_YEAR, 15), (Education.TWO_YEAR, 19), (Education.DOCTORAL, 25)],
)
def test_fsw_education_points(level, expected):
    credential = Credential(level=level, completed_on=date(2015, 6, 1), eca_issued_on=date(2024, 1, 10))
    assert expected == fsw_eligibility(candidate(credentials=(credential,)), on=ON).line(FswFactor.EDUCATION).points


def test_fsw_two_credentials_one_of_three_years_earn_22():
    two = (
        BACHELORS,
        Credential(level=Education.ONE_YEAR, completed_on=date(2018, 6, 1), eca_issued_on=date(2024, 2, 1)),
    )
    assert 22 == fsw_eligibility(candidate(credentials=two), on=ON).line(FswFactor.EDUCATION).points


@pytest.mark.parametrize(("years", "expected"), [(1, 9), (2, 11), (3, 11), (4, 13), (5, 13), (6, 15), (9, 15)])
def test_fsw_work_experience_points_by_whole_years(years, expected):
    """N years of full-time work ending on ON: N x 365 days >= N x 364 days, less than N + 1 years."""
    start = date(ON.year - years, ON.month, ON.day)
    c = candidate(jobs=(job("21231", start, ON),))
    assert expected == fsw_eligibility(c, on=ON).line(FswFactor.WORK_EXPERIENCE).points


def test_fsw_grid_work_adds_up_several_occupations_in_canada_and_abroad():
    """1 year abroad in 21231 and 1 year in Canada in 21232 are 2 years on the grid (11 points)."""
    jobs_ = (
        job("21231", date(2022, 1, 1), date(2022, 12, 31)),
        job("21232", date(2023, 1, 1), date(2023, 12, 31), in_canada=True),
    )
    a = fsw_eligibility(candidate(jobs=jobs_), on=ON)
    assert 11 == a.line(FswFactor.WORK_EXPERIENCE).points
    assert a.work_experience_met  # 365 continuous days in either occupation


def test_fsw_arranged_employment_earns_10_and_an_adaptability_element():
    a = fsw_eligibility(candidate(job_offer=OFFER), on=ON)
    assert 10 == a.line(FswFactor.ARRANGED_EMPLOYMENT).points
    assert 5 == a.line(FswFactor.ADAPTABILITY).points
    assert 82 == a.grid_total  # 67 + 10 + 5


# --- FSW: adaptability ---------------------------------------------------------------------------------------------


def canadian(level, completed_on=date(2020, 6, 1), **extra):
    return Credential(level=level, completed_on=completed_on, in_canada=True, **extra)


def test_fsw_adaptability_is_capped_at_10():
    """Every element: 5 + 5 + 5 + 10 + 5 + 5 + 5 = 40 earned, 10 counted."""
    spouse = Spouse(
        accompanying=True,
        credentials=(canadian(Education.TWO_YEAR),),
        language_results=(celpip(4, 4, 4, 4),),
        jobs=(job("54100", date(2023, 1, 1), date(2024, 6, 30), in_canada=True),),  # any occupation counts
    )
    c = candidate(
        marital_status=MaritalStatus.MARRIED,
        spouse=spouse,
        credentials=(canadian(Education.BACHELORS),),
        jobs=(TWO_YEARS_ABROAD, job("21232", date(2021, 1, 1), date(2022, 6, 30), in_canada=True)),
        job_offer=OFFER,
        siblings=(SIBLING,),
    )
    a = fsw_eligibility(c, on=ON)
    assert tuple(AdaptabilityElement) == a.adaptability
    assert 40 == sum(fsw_rules.ADAPTABILITY[e] for e in a.adaptability)
    line = a.line(FswFactor.ADAPTABILITY)
    assert 10 == line.points
    assert "= 40, capped at 10" in line.detail


@pytest.mark.parametrize(
    ("credential", "earned"),
    [
        (canadian(Education.ONE_YEAR), False),  # a program under 2 years
        (canadian(Education.TWO_YEAR), True),
        (canadian(Education.SECONDARY), False),  # length unknown without started_on
        (canadian(Education.SECONDARY, started_on=date(2018, 6, 1)), True),  # exactly 2 years
        (canadian(Education.SECONDARY, started_on=date(2018, 6, 2)), False),
        (canadian(Education.TWO_YEAR, completed_on=date(2025, 6, 2)), False),  # not completed yet
    ],
)
def test_fsw_two_years_of_study_in_canada(credential, earned):
    a = fsw_eligibility(candidate(credentials=(BACHELORS, credential)), on=ON)
    assert earned == (AdaptabilityElement.STUDY_IN_CANADA in a.adaptability)


@pytest.mark.parametrize(
    ("spouse", "earned"),
    [
        (Spouse(accompanying=True, language_results=(celpip(4, 4, 4, 4),)), True),
        (Spouse(accompanying=True, language_results=(celpip(4, 4, 4, 3),)), False),
        (Spouse(accompanying=False, language_results=(celpip(9, 9, 9, 9),)), False),
        (Spouse(accompanying=True, canadian_citizen_or_pr=True, language_results=(celpip(9, 9, 9, 9),)), False),
    ],
)
def test_fsw_spouse_language_needs_clb_4_and_an_accompanying_spouse(spouse, earned):
    a = fsw_eligibility(candidate(marital_status=MaritalStatus.MARRIED, spouse=spouse), on=ON)
    assert earned == (AdaptabilityElement.SPOUSE_LANGUAGE in a.adaptability)


@pytest.mark.parametrize(("end", "earned"), [(date(2024, 12, 29), True), (date(2024, 12, 28), False)])
def test_fsw_one_year_of_skilled_work_in_canada_earns_10(end, earned):
    c = candidate(jobs=(TWO_YEARS_ABROAD, job("21232", date(2024, 1, 1), end, in_canada=True)))
    a = fsw_eligibility(c, on=ON)
    assert earned == (AdaptabilityElement.WORK_IN_CANADA in a.adaptability)
    assert (10 if earned else 0) == a.line(FswFactor.ADAPTABILITY).points


def test_fsw_the_first_language_follows_the_candidate_or_the_fsw_rules():
    """Unnamed, the language that meets CLB 7 is first; named, the candidate's choice holds and a note says so."""
    results = (celpip(9, 9, 9, 6), tcf())  # English fails the minimum; French NCLC 5 fails it too
    assert not fsw_eligibility(candidate(language_results=results), on=ON).language_met
    french_9 = LanguageResult(
        test=LanguageTest.TCF_CANADA, tested_on=TESTED, listening=523, reading=524, writing=14, speaking=14
    )
    unnamed = fsw_eligibility(candidate(language_results=(celpip(9, 9, 9, 6), french_9)), on=ON)
    assert OfficialLanguage.FRENCH == unnamed.first_official_language
    assert unnamed.language_met
    named = fsw_eligibility(
        candidate(language_results=(celpip(9, 9, 9, 6), french_9), first_official_language=OfficialLanguage.ENGLISH),
        on=ON,
    )
    assert OfficialLanguage.ENGLISH == named.first_official_language
    assert not named.language_met
    assert any("french would meet the CLB 7 minimum" in note for note in named.notes)


def test_fsw_notes_say_what_is_not_checked():
    a = fsw_eligibility(candidate(), on=ON)
    assert any(note.startswith("proof of funds: not checked") for note in a.notes)
    assert any("age is taken on 2025-06-01" in note for note in a.notes)


# --- CEC ------------------------------------------------------------------------------------------------------------


def cec_candidate(*jobs_, language=None):
    return Candidate(birth_date=born(30), language_results=(language or celpip(7, 7, 7, 7),), jobs=jobs_)


@pytest.mark.parametrize(
    ("end", "eligible"),
    [
        (date(2025, 5, 30), True),  # 2024-06-01 to 2025-05-30: 364 days = 1,560 hours
        (date(2025, 5, 29), False),  # one day less
    ],
)
def test_cec_one_year_is_1560_hours(end, eligible):
    a = cec_eligibility(cec_candidate(job("21231", date(2024, 6, 1), end, in_canada=True)), on=ON)
    assert eligible == a.eligible
    assert eligible == a.work_experience_met


@pytest.mark.parametrize(
    ("on", "eligible"),
    [
        (date(2025, 6, 2), True),  # the window starts 2022-06-02: 2022-06-02 to 2023-05-31 is 364 days
        (date(2025, 6, 3), False),  # the window starts 2022-06-03: 363 days left
    ],
)
def test_cec_work_counts_only_within_3_years(on, eligible):
    c = cec_candidate(job("21231", date(2022, 1, 1), date(2023, 5, 31), in_canada=True))
    assert eligible == cec_eligibility(c, on=on).eligible


@pytest.mark.parametrize(("end", "eligible"), [(date(2025, 5, 29), True), (date(2025, 5, 28), False)])
def test_cec_part_time_counts_for_the_equivalent_hours(end, eligible):
    """15 hours a week from 2023-06-02: 728 days to 2025-05-29 = 1,560 hours; a day less is not."""
    c = cec_candidate(job("21231", date(2023, 6, 2), end, in_canada=True, hours_per_week=15))
    assert eligible == cec_eligibility(c, on=ON).eligible


def test_cec_two_jobs_add_up_but_never_beyond_full_time():
    """Two half-time jobs at once count as one full-time job: 364 days, eligible; overlap never doubles hours."""
    both = (
        job("21231", date(2024, 6, 1), date(2025, 5, 30), in_canada=True, hours_per_week=15),
        job("21232", date(2024, 6, 1), date(2025, 5, 30), in_canada=True, hours_per_week=15),
    )
    assert cec_eligibility(cec_candidate(*both), on=ON).eligible
    overtime = job("21231", date(2024, 12, 1), date(2025, 5, 30), in_canada=True, hours_per_week=60)
    assert not cec_eligibility(cec_candidate(overtime), on=ON).eligible


@pytest.mark.parametrize(
    "flag",
    [{"self_employed": True}, {"while_full_time_student": True}, {"paid": False}, {"in_canada": False}],
    ids=["self-employed", "full-time student", "unpaid", "abroad"],
)
def test_cec_excludes_self_employment_student_work_unpaid_and_foreign_work(flag):
    base = {"in_canada": True, **flag}
    c = cec_candidate(job("21231", date(2024, 1, 1), None, **base))
    a = cec_eligibility(c, on=ON)
    assert not a.eligible
    assert 0 == a.canadian_hours


@pytest.mark.parametrize(
    ("noc", "level", "eligible", "required"),
    [
        ("72310", 5, True, 5),  # carpenters, TEER 2: CLB 5
        ("13110", 5, True, 5),  # administrative assistants, TEER 3: CLB 5
        ("72310", 4, False, 5),
        ("21231", 5, False, 7),  # software engineers, TEER 1: CLB 7
        ("21231", 7, True, 7),
        ("00012", 6, False, 7),  # senior managers, TEER 0: CLB 7
    ],
)
def test_cec_language_minimum_by_teer(noc, level, eligible, required):
    c = cec_candidate(job(noc, date(2024, 1, 1), in_canada=True), language=celpip(level, level, level, level))
    a = cec_eligibility(c, on=ON)
    assert eligible == a.eligible
    assert required == a.required_clb
    assert level == a.language_level


def test_cec_mixed_teers_need_the_level_of_the_work_that_makes_the_year():
    """CLB 5 qualifies with a full year of TEER 2 work, not with half a year of TEER 2 and half of TEER 1."""
    teer_2_year = job("72310", date(2024, 1, 1), date(2024, 12, 31), in_canada=True)
    teer_1_more = job("21231", date(2025, 1, 1), in_canada=True)
    clb_5 = celpip(5, 5, 5, 5)
    assert cec_eligibility(cec_candidate(teer_2_year, teer_1_more, language=clb_5), on=ON).eligible
    half_2 = job("72310", date(2024, 6, 1), date(2024, 11, 30), in_canada=True)
    half_1 = job("21231", date(2024, 12, 1), date(2025, 5, 31), in_canada=True)
    a = cec_eligibility(cec_candidate(half_2, half_1, language=clb_5), on=ON)
    assert a.work_experience_met
    assert 7 == a.required_clb
    assert not a.eligible
    assert "adds up to less than 1,560 hours" in a.reasons[0]
    assert cec_eligibility(cec_candidate(half_2, half_1, language=celpip(7, 7, 7, 7)), on=ON).eligible


@pytest.mark.parametrize(
    ("on", "rules_id", "eligible"),
    [
        (date(2022, 11, 15), "2022-07-28", True),  # NOC 2016 5254 is skill level B: skilled, CLB 5
        (date(2022, 11, 16), "2022-11-16", False),  # NOC 2021 54100 is TEER 4: not skilled
    ],
)
def test_cec_noc_2016_b_that_became_teer_4(on, rules_id, eligible):
    """Program leaders and instructors in recreation: NOC 2016 5254 (B) became NOC 2021 54100 (TEER 4)."""
    instructor = Job(noc="54100", noc_2016="5254", in_canada=True, start=date(2021, 6, 1), end=date(2022, 11, 10))
    c = cec_candidate(instructor, language=celpip(5, 5, 5, 5, tested_on=date(2022, 6, 1)))
    a = cec_eligibility(c, on=on)
    assert rules_id == a.rules_id
    assert eligible == a.eligible
    if eligible:
        assert 5 == a.required_clb


def test_cec_noc_2016_skill_level_a_needs_clb_7():
    engineer = Job(noc="21231", noc_2016="2173", in_canada=True, start=date(2021, 6, 1), end=date(2022, 11, 10))
    on = date(2022, 11, 15)
    c = cec_candidate(engineer, language=celpip(5, 5, 5, 5, tested_on=date(2022, 6, 1)))
    assert 7 == cec_eligibility(c, on=on).required_clb
    assert not cec_eligibility(c, on=on).eligible


# --- FST ------------------------------------------------------------------------------------------------------------

# 2023-06-01 to 2025-05-28: 728 days of full-time work = 3,120 hours, exactly 2 years.
TWO_TRADE_YEARS = job("72310", date(2023, 6, 1), date(2025, 5, 28))
CERTIFICATE = Certificate(issued_on=date(2024, 3, 1), noc="72310")
FST_LANGUAGE = celpip(5, 4, 4, 5)


def fst_candidate(*jobs_, language=FST_LANGUAGE, **extra):
    return Candidate(birth_date=born(35), language_results=(language,), jobs=jobs_, **extra)


def test_fst_two_years_in_a_trade_with_a_certificate():
    a = fst_eligibility(fst_candidate(TWO_TRADE_YEARS, certificate_of_qualification=CERTIFICATE), on=ON)
    assert a.eligible
    assert ("72310", True, False) == (a.trade, a.certificate, a.job_offer)
    assert () == a.reasons


def test_fst_needs_an_offer_or_a_certificate():
    a = fst_eligibility(fst_candidate(TWO_TRADE_YEARS), on=ON)
    assert not a.eligible
    assert (a.work_experience_met, a.offer_or_certificate_met, a.language_met) == (True, False, True)
    assert a.reasons[0].startswith("job offer or certificate:")


@pytest.mark.parametrize(("noc", "eligible"), [("72310", True), ("21231", False)])
def test_fst_a_job_offer_must_be_in_a_trade(noc, eligible):
    offer = JobOffer(noc=noc, offered_on=date(2025, 1, 1))
    assert eligible == fst_eligibility(fst_candidate(TWO_TRADE_YEARS, job_offer=offer), on=ON).eligible


def test_fst_an_expired_offer_or_a_future_certificate_does_not_count():
    expired = JobOffer(noc="72310", offered_on=date(2024, 1, 1), ends_on=date(2025, 5, 31))
    later = Certificate(issued_on=date(2025, 6, 2))
    a = fst_eligibility(fst_candidate(TWO_TRADE_YEARS, job_offer=expired, certificate_of_qualification=later), on=ON)
    assert not a.offer_or_certificate_met


def test_fst_two_years_is_3120_hours_in_5_years():
    short = attrs.evolve(TWO_TRADE_YEARS, end=date(2025, 5, 27))  # 727 days
    c = fst_candidate(short, certificate_of_qualification=CERTIFICATE)
    assert not fst_eligibility(c, on=ON).work_experience_met
    old = job("72310", date(2019, 1, 1), date(2021, 5, 31))  # 2 years, but only 364 days after 2020-06-01
    assert not fst_eligibility(fst_candidate(old, certificate_of_qualification=CERTIFICATE), on=ON).work_experience_met


def test_fst_the_two_years_are_in_one_trade():
    """A year as a carpenter and a year as a welder are not 2 years in a trade."""
    split = (job("72310", date(2023, 1, 1), date(2023, 12, 31)), job("72106", date(2024, 1, 1), date(2024, 12, 31)))
    a = fst_eligibility(fst_candidate(*split, certificate_of_qualification=CERTIFICATE), on=ON)
    assert not a.work_experience_met
    assert 1560 < a.trade_hours < 3120


@pytest.mark.parametrize(
    ("noc", "trade"),
    [
        ("72310", True),  # carpenters: major group 72
        ("72600", False),  # air pilots: sub-major group 726 is excluded
        ("73300", True),  # transport truck drivers: major group 73
        ("83100", True),  # underground miners: major group 83
        ("92100", True),  # power engineers: major group 92
        ("93100", True),  # central control operators: major group 93
        ("93200", False),  # aircraft assemblers: sub-major group 932 is excluded
        ("62200", True),  # chefs: unit group 62200
        ("63200", True),  # cooks: minor group 6320
        ("22310", False),  # electrical engineering technicians: TEER 2, but not a trade
    ],
)
def test_fst_noc_2021_trades(noc, trade):
    c = fst_candidate(job(noc, date(2023, 1, 1)), certificate_of_qualification=Certificate(issued_on=date(2024, 1, 1)))
    a = fst_eligibility(c, on=ON)
    assert trade == a.work_experience_met


@pytest.mark.parametrize(
    ("language", "met"),
    [
        (celpip(5, 4, 4, 5), True),
        (celpip(4, 4, 4, 5), False),  # listening 4
        (celpip(5, 4, 4, 4), False),  # speaking 4
        (celpip(5, 3, 4, 5), False),  # reading 3
        (celpip(5, 4, 3, 5), False),  # writing 3
    ],
)
def test_fst_language_minimums(language, met):
    c = fst_candidate(TWO_TRADE_YEARS, language=language, certificate_of_qualification=CERTIFICATE)
    a = fst_eligibility(c, on=ON)
    assert met == a.language_met == a.eligible


def test_fst_noc_2021_trades_are_flagged_unconfirmed():
    a = fst_eligibility(fst_candidate(TWO_TRADE_YEARS, certificate_of_qualification=CERTIFICATE), on=ON)
    assert not a.trades_confirmed
    assert any(note.startswith("[UNCONFIRMED]") for note in a.notes)


def test_fst_noc_2016_trades_before_2022_11_16():
    """NOC 2016 7271 (carpenters, major group 72) and 6321 (chefs, minor group 632) are trades; 2173 is not."""
    on = date(2022, 6, 1)
    language = celpip(5, 4, 4, 5, tested_on=date(2022, 1, 10))
    cert = Certificate(issued_on=date(2021, 1, 1))
    for noc_2016, trade in (("7271", True), ("6321", True), ("2173", False)):
        work = Job(noc_2016=noc_2016, in_canada=False, start=date(2019, 1, 1), end=date(2022, 5, 31))
        a = fst_eligibility(fst_candidate(work, language=language, certificate_of_qualification=cert), on=on)
        assert trade == a.eligible, noc_2016
        assert a.trades_confirmed
        assert not any("[UNCONFIRMED]" in note for note in a.notes)


# --- All three programs --------------------------------------------------------------------------------------------


def test_program_eligibility_lists_the_programs_met():
    c = Candidate(
        birth_date=born(30),
        credentials=(BACHELORS,),
        language_results=(celpip(9, 9, 9, 8),),
        jobs=(job("72310", date(2023, 1, 1), in_canada=True),),
        certificate_of_qualification=CERTIFICATE,
    )
    result = program_eligibility(c, on=ON)
    assert (Program.FSW, Program.CEC, Program.FST) == result.eligible_programs
    assert result.in_pool
    assert () == result.reasons
    assert result.fst is result.assessment(Program.FST)
    json.dumps(result.as_dict())  # JSON-ready


def test_program_eligibility_out_of_the_pool_gives_every_reason():
    result = program_eligibility(Candidate(birth_date=born(30)), on=ON)
    assert () == result.eligible_programs
    assert not result.in_pool
    assert {"Federal Skilled Worker Program", "Canadian Experience Class", "Federal Skilled Trades Program"} == {
        r.split(":")[0] for r in result.reasons
    }


def test_program_eligibility_checks_its_arguments():
    with pytest.raises(crsrules.InvalidValueError, match="'candidate'"):
        program_eligibility("someone", on=ON)
    with pytest.raises(crsrules.InvalidValueError, match="'on'"):
        program_eligibility(candidate(), on="2025-06-01")
    with pytest.raises(crsrules.RulesNotInForceError):
        program_eligibility(candidate(), on=date(2014, 12, 31))


# --- Pinning the rules ---------------------------------------------------------------------------------------------

# Program leaders and instructors in recreation: NOC 2016 5254 (skill level B) became NOC 2021 54100 (TEER 4). A year
# and five months of it in Canada, ended 2022-11-10, judged on 2022-11-20.
INSTRUCTOR = Job(noc="54100", noc_2016="5254", in_canada=True, start=date(2021, 6, 1), end=date(2022, 11, 10))
PINNED_DAY = date(2022, 11, 20)


@pytest.mark.parametrize(
    ("rules", "skilled"),
    [
        ("2020-10-27", True),  # NOC 2016: skill level B is skilled
        ("2022-11-16", False),  # NOC 2021: TEER 4 is not
        (crsrules.get_rules("2020-10-27"), True),  # a RuleSet works like its id
    ],
)
def test_pinned_rules_decide_the_program_answer_for_the_same_facts_and_day(rules, skilled):
    """The day the facts are taken stays 2022-11-20; the rules pinned decide whether the job is skilled work."""
    c = Candidate(
        birth_date=born(30),
        credentials=(BACHELORS,),
        language_results=(celpip(7, 7, 7, 7, tested_on=date(2022, 6, 1)),),
        jobs=(INSTRUCTOR,),
    )
    result = program_eligibility(c, on=PINNED_DAY, rules=rules)
    assert crsrules.get_rules(rules).id == result.rules_id == result.fsw.rules_id == result.cec.rules_id
    assert PINNED_DAY == result.on
    assert skilled == result.cec.eligible == result.fsw.work_experience_met
    assert result.cec == cec_eligibility(c, on=PINNED_DAY, rules=rules)
    assert result.fsw == fsw_eligibility(c, on=PINNED_DAY, rules=rules)
    assert result.fst == fst_eligibility(c, on=PINNED_DAY, rules=rules)


def test_without_rules_the_rules_in_force_on_the_day_apply():
    c = cec_candidate(INSTRUCTOR, language=celpip(7, 7, 7, 7, tested_on=date(2022, 6, 1)))
    assert program_eligibility(c, on=PINNED_DAY) == program_eligibility(c, on=PINNED_DAY, rules="2022-11-16")


def test_pinned_rules_never_warn_and_need_no_rules_in_force_on_the_day():
    """Pinning applies the rules as given: no StaleRulesWarning after the last known date, no error before 2015."""
    late = crsrules.rules.LAST_KNOWN_DATE + timedelta(days=1)
    assert "2025-03-25" == program_eligibility(candidate(), on=late, rules="2025-03-25").rules_id
    assert "2015-01-01" == fsw_eligibility(candidate(), on=date(2014, 12, 31), rules="2015-01-01").rules_id


def test_an_unknown_ruleset_id_is_an_error():
    with pytest.raises(crsrules.UnknownRulesetError, match="2022-11-16"):
        program_eligibility(candidate(), on=ON, rules="2022-11-61")


# --- Properties ----------------------------------------------------------------------------------------------------

PROPERTY_ON = date(2026, 1, 1)  # the strategies' default day, before crsrules.rules.LAST_KNOWN_DATE
# Occupations that matter to the programs: TEER 0 to 4, trades and non-trades, one excluded trade group (932).
PROPERTY_NOCS = ("21231", "21232", "00012", "72310", "72106", "13110", "62200", "93200", "54100")


@st.composite
def recent_jobs(draw):
    """Jobs in the programs' occupations, started up to 6 years before PROPERTY_ON, lasting up to 3 years."""
    # Years back and lengths near the programs' thresholds are drawn as often as any other (Hypothesis would
    # otherwise favour jobs of a few days that start on PROPERTY_ON).
    start = PROPERTY_ON - timedelta(days=draw(st.sampled_from((800, 1500, 400, 2100, 1100))) + draw(st.integers(0, 60)))
    end = start + timedelta(days=draw(st.sampled_from((730, 365, 1095, 180))) - draw(st.integers(0, 3)))
    return Job(
        noc=draw(st.sampled_from(PROPERTY_NOCS)),
        in_canada=draw(st.booleans()),
        start=start,
        end=None if end >= PROPERTY_ON else end,
        hours_per_week=draw(st.sampled_from((30, 40, 15, 20))),
        self_employed=draw(st.sampled_from((False, False, True))),
        while_full_time_student=draw(st.sampled_from((False, False, True))),
    )


@st.composite
def near_the_pool(draw):
    """Random candidates given a recent English result (CLB 4 to 10), a counted degree, and jobs that matter, so that
    every program is often met and often just missed."""
    c = draw(candidates(on=PROPERTY_ON))
    level = st.sampled_from((9, 7, 5, 10, 8, 6, 4))
    english = celpip(draw(level), draw(level), draw(level), draw(level), tested_on=date(2025, 6, 1))
    degree = Credential(level=Education.BACHELORS, completed_on=date(2015, 6, 1), eca_issued_on=date(2024, 1, 10))
    return attrs.evolve(
        c,
        language_results=(*c.language_results, english),
        credentials=(*c.credentials, degree),
        jobs=tuple(draw(st.lists(recent_jobs(), min_size=1, max_size=3))),
        first_official_language=None,
        certificate_of_qualification=draw(st.sampled_from((Certificate(issued_on=date(2024, 1, 1)), None))),
    )


@given(c=st.one_of(candidates(on=PROPERTY_ON), near_the_pool()))
def test_the_fsw_grid_never_exceeds_100_nor_a_factor_its_maximum(c):
    """0 <= each line <= its factor's maximum, and 0 <= grid_total = sum of lines <= 100."""
    a = fsw_eligibility(c, on=PROPERTY_ON)
    assert [line.factor for line in a.grid] == list(FswFactor)
    for line in a.grid:
        assert 0 <= line.points <= fsw_rules.MAXIMUMS[line.factor] == line.maximum
    assert a.grid_total == sum(line.points for line in a.grid)
    assert 0 <= a.grid_total <= 100
    assert a.eligible == (a.work_experience_met and a.language_met and a.education_met and a.grid_met)


@given(
    c=st.one_of(candidates(on=PROPERTY_ON), near_the_pool()),
    extra=st.lists(st.one_of(jobs(on=PROPERTY_ON), recent_jobs()), min_size=1, max_size=2),
)
def test_adding_a_past_job_never_makes_a_program_ineligible(c, extra):
    """More work only adds hours: to the FSW primary occupation's continuous periods (they can only merge and grow),
    to the grid's years and the adaptability work element, to CEC's hours at every language tier, and to each FST
    trade. FSW's first official language is chosen from language results alone, so jobs cannot change it.
    """
    before = program_eligibility(c, on=PROPERTY_ON)
    after = program_eligibility(attrs.evolve(c, jobs=c.jobs + tuple(extra)), on=PROPERTY_ON)
    assert set(before.eligible_programs) <= set(after.eligible_programs)
    assert before.fsw.grid_total <= after.fsw.grid_total
    assert before.fsw.continuous_hours <= after.fsw.continuous_hours + 1e-6
    assert before.cec.canadian_hours <= after.cec.canadian_hours + 1e-6
    assert before.fst.trade_hours <= after.fst.trade_hours + 1e-6
