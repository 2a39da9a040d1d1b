"""The rules of evidence (reference rules E1-E10, E13, E16), each tested on both sides of its boundary."""

from datetime import date, timedelta

import attrs
import pytest

import crsrules
from crsrules import (
    ArrangedEmployment,
    CanadianEducation,
    Candidate,
    Credential,
    Education,
    Factor,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Nomination,
    OfficialLanguage,
    Province,
    Sibling,
    Spouse,
)
from crsrules.derive import anniversary, work_hours
from crsrules.evidence import work_window

ON = date(2025, 6, 1)
IELTS_9 = LanguageResult(
    test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 1, 10), listening=8.0, reading=7.0, writing=7.0, speaking=7.0
)  # CLB 9 in all four
BACHELORS_ABROAD = Credential(level=Education.BACHELORS, completed_on=date(2015, 6, 1), eca_issued_on=date(2021, 3, 1))


def candidate(**changes):
    base = {"birth_date": date(1995, 6, 2), "credentials": (BACHELORS_ABROAD,), "language_results": (IELTS_9,)}
    return Candidate(**{**base, **changes})


def full_time(start, end, *, in_canada=True, noc="21231", **extra):
    return Job(noc=noc, in_canada=in_canada, start=start, end=end, **extra)


# E1: the spouse column.
@pytest.mark.parametrize(
    ("spouse", "column"),
    [
        (Spouse(accompanying=True), "with"),
        (Spouse(accompanying=False), "without"),
        (Spouse(accompanying=True, canadian_citizen_or_pr=True), "without"),
        (None, "without"),
    ],
)
def test_e1_only_an_accompanying_non_canadian_spouse_gives_the_spouse_column(spouse, column):
    """An accompanying spouse who is not a citizen or PR moves the applicant to the "with spouse" column."""
    c = candidate(marital_status=MaritalStatus.MARRIED, spouse=spouse)
    f = crsrules.factors(c, on=ON)
    assert (column == "with") == (f.spouse is not None)
    assert (100 if column == "with" else 110) == crsrules.score(c, on=ON).by_factor[Factor.AGE]


def test_e1_a_spouse_needs_a_partnered_status():
    """A spouse with marital status never_married is an error that names the field."""
    with pytest.raises(crsrules.InvalidValueError, match="'spouse'"):
        candidate(spouse=Spouse(accompanying=True))


# E2: age in completed years on the date.
@pytest.mark.parametrize(("on", "age"), [(date(2025, 6, 1), 29), (date(2025, 6, 2), 30)])
def test_e2_age_changes_on_the_birthday(on, age):
    """The day before the 30th birthday the age is 29 (110 points); on it, 30 (105)."""
    assert age == crsrules.factors(candidate(), on=on).age


def test_e2_a_29_february_birthday_falls_on_1_march():
    """A 29 February birthday is reached on 1 March in a common year (crsrules' documented choice)."""
    c = candidate(birth_date=date(2000, 2, 29))
    assert 24 == crsrules.factors(c, on=date(2025, 2, 28)).age
    assert 25 == crsrules.factors(c, on=date(2025, 3, 1)).age
    assert date(2026, 3, 1) == anniversary(date(2024, 2, 29), 2)


# E3: education needs a Canadian credential or an ECA under 5 years old; "two or more" needs a 3-year program.
@pytest.mark.parametrize(
    ("on", "education"),
    [(date(2026, 2, 28), Education.BACHELORS), (date(2026, 3, 1), Education.LESS_THAN_SECONDARY)],
)
def test_e3_an_eca_counts_for_5_years(on, education):
    """An ECA issued 2021-03-01 counts up to 2026-02-28 and stops on 2026-03-01."""
    c = candidate(language_results=())
    assert education == crsrules.factors(c, on=on).education


def test_e3_a_foreign_credential_without_an_eca_does_not_count():
    """No ECA, no education points for a foreign credential; a Canadian one needs none."""
    no_eca = attrs.evolve(BACHELORS_ABROAD, eca_issued_on=None)
    assert Education.LESS_THAN_SECONDARY == crsrules.factors(candidate(credentials=(no_eca,)), on=ON).education
    canadian = attrs.evolve(no_eca, in_canada=True)
    assert Education.BACHELORS == crsrules.factors(candidate(credentials=(canadian,)), on=ON).education


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ((Education.TWO_YEAR, Education.TWO_YEAR), Education.TWO_YEAR),
        ((Education.BACHELORS, Education.ONE_YEAR), Education.TWO_OR_MORE),
        ((Education.BACHELORS,), Education.BACHELORS),
        ((Education.BACHELORS, Education.SECONDARY), Education.BACHELORS),
        ((Education.MASTERS, Education.BACHELORS), Education.MASTERS),
    ],
)
def test_e3_two_or_more_credentials_need_one_of_three_years(levels, expected):
    """Two 2-year diplomas are the 2-year level; a bachelor's alone is not "two or more"."""
    credentials = tuple(Credential(level=level, completed_on=date(2015, 6, 1), in_canada=True) for level in levels)
    assert expected == crsrules.factors(candidate(credentials=credentials), on=ON).education


def test_e3_a_credential_counts_from_the_day_it_is_obtained():
    """A degree completed tomorrow does not count today."""
    masters = Credential(level=Education.MASTERS, completed_on=date(2025, 6, 2), in_canada=True)
    c = candidate(credentials=(BACHELORS_ABROAD, masters))
    assert Education.BACHELORS == crsrules.factors(c, on=date(2025, 6, 1)).education
    assert Education.MASTERS == crsrules.factors(c, on=date(2025, 6, 2)).education


# E4, E5: the Canadian-education points.
def canadian(level=Education.BACHELORS, **changes):
    base = {
        "level": level,
        "completed_on": date(2019, 5, 1),
        "in_canada": True,
        "started_on": date(2016, 9, 1),
        "full_time_months_in_canada": 8,
    }
    return Credential(**{**base, **changes})


@pytest.mark.parametrize(("months", "award"), [(7, None), (8, CanadianEducation.THREE_YEARS_OR_MORE)])
def test_e5_canadian_education_needs_8_months_full_time_in_canada(months, award):
    """7 months of full-time in-person study is not enough; 8 is."""
    c = candidate(credentials=(canadian(full_time_months_in_canada=months),))
    assert award == crsrules.factors(c, on=ON).canadian_education


def test_e5_other_conditions_and_the_highest_credential():
    """Language training over half the program or a return-home award disqualify; only the highest award counts."""
    assert (
        crsrules.factors(candidate(credentials=(canadian(language_training_over_half=True),)), on=ON).canadian_education
        is None
    )
    assert (
        crsrules.factors(candidate(credentials=(canadian(award_requires_return=True),)), on=ON).canadian_education
        is None
    )
    both = (canadian(Education.ONE_YEAR), canadian(Education.MASTERS))
    assert (
        CanadianEducation.THREE_YEARS_OR_MORE == crsrules.factors(candidate(credentials=both), on=ON).canadian_education
    )
    short = (canadian(Education.TWO_YEAR),)
    assert (
        CanadianEducation.ONE_OR_TWO_YEARS == crsrules.factors(candidate(credentials=short), on=ON).canadian_education
    )


@pytest.mark.parametrize(
    ("started", "completed", "on", "award"),
    [
        (date(2021, 1, 10), date(2022, 12, 15), date(2022, 11, 16), None),  # not completed yet
        (date(2021, 1, 10), date(2022, 5, 15), date(2022, 7, 27), None),  # the day before IRCC's update: not yet
        (date(2021, 1, 10), date(2022, 5, 15), date(2022, 7, 28), CanadianEducation.ONE_OR_TWO_YEARS),  # from then
        (date(2021, 1, 10), date(2022, 5, 15), date(2022, 8, 3), CanadianEducation.ONE_OR_TWO_YEARS),  # round 227
        (date(2021, 1, 10), date(2022, 5, 15), date(2022, 11, 16), CanadianEducation.ONE_OR_TWO_YEARS),
        (date(2017, 9, 1), date(2020, 2, 29), date(2023, 1, 1), None),  # ended before 2020-03
        (date(2022, 9, 1), date(2023, 5, 1), date(2024, 1, 1), None),  # started after 2022-08
    ],
)
def test_e4_distance_learning_relief(started, completed, on, award):
    """Online study counts for the Canadian-education points only for programs with study in 2020-03 to 2022-08, and
    only from IRCC's update of 2022-07-28 (the version of that day)."""
    online = canadian(Education.TWO_YEAR, started_on=started, completed_on=completed, full_time_months_in_canada=0)
    assert award == crsrules.factors(candidate(credentials=(online,)), on=on).canadian_education


# E6, E7, E8: work.
@pytest.mark.parametrize(("end", "years"), [(date(2024, 2, 26), 0), (date(2024, 2, 27), 1)])
def test_e6_one_year_is_1560_hours(end, years):
    """30 hours a week for 364 days (2023-03-01 to 2024-02-27) is 1,560 hours: one year; a day less is not."""
    c = candidate(jobs=(full_time(date(2023, 3, 1), end),))
    assert years == crsrules.factors(c, on=ON).canadian_work_years


@pytest.mark.parametrize(("hours", "years"), [(29, 1), (30, 2)])
def test_e6_30_hours_a_week_is_full_time_and_part_time_is_pro_rated(hours, years):
    """Two calendar years at 29 h a week make 1 year of experience; at 30 h, 2 years."""
    c = candidate(jobs=(full_time(date(2023, 5, 1), date(2025, 4, 30), hours_per_week=hours),))
    assert years == crsrules.factors(c, on=ON).canadian_work_years


def test_e6_overlapping_jobs_and_overtime_never_count_twice():
    """Two full-time jobs at once, or 60 hours a week, still make one year a year."""
    two_jobs = (full_time(date(2023, 5, 1), date(2025, 4, 30)), full_time(date(2023, 5, 1), date(2025, 4, 30)))
    assert 2 == crsrules.factors(candidate(jobs=two_jobs), on=ON).canadian_work_years
    overtime = (full_time(date(2023, 5, 1), date(2025, 4, 30), hours_per_week=60),)
    assert 2 == crsrules.factors(candidate(jobs=overtime), on=ON).canadian_work_years
    halves = (full_time(date(2023, 5, 1), date(2025, 4, 30), hours_per_week=15),) * 2
    assert 2 == crsrules.factors(candidate(jobs=halves), on=ON).canadian_work_years


@pytest.mark.parametrize(
    "job",
    [
        full_time(date(2020, 1, 1), date(2024, 12, 31), self_employed=True),
        full_time(date(2020, 1, 1), date(2024, 12, 31), while_full_time_student=True),
        full_time(date(2020, 1, 1), date(2024, 12, 31), paid=False),
        full_time(date(2020, 1, 1), date(2024, 12, 31), noc="64100"),  # TEER 4: not skilled
    ],
    ids=["self-employed", "full-time student", "unpaid", "TEER 4"],
)
def test_e6_work_that_never_counts_as_canadian_work(job):
    """Self-employment, work while a full-time student, unpaid work and TEER 4-5 jobs are not Canadian work."""
    assert 0 == crsrules.factors(candidate(jobs=(job,)), on=ON).canadian_work_years


def test_e6_unpaid_canadian_work_stopped_counting_on_2016_11_19():
    """Before 2016-11-19 the rules did not yet require Canadian work to be paid."""
    c = candidate(
        jobs=(full_time(date(2013, 1, 1), date(2015, 12, 31), paid=False, noc_2016="2173", noc=None),),
        credentials=(),
        language_results=(),
    )
    assert 3 == crsrules.factors(c, on=date(2016, 11, 18)).canadian_work_years
    assert 0 == crsrules.factors(c, on=date(2016, 11, 19)).canadian_work_years


@pytest.mark.parametrize(("on", "years"), [(date(2026, 1, 8), 5), (date(2026, 1, 9), 4)])
def test_e6_work_counts_within_the_last_10_years(on, years):
    """Work from 2015 to 2020 slides out of the 10-year window day by day: on 2026-01-08 the window starts on
    2016-01-08, which leaves 1,820 days, 5 years; a day later 1,819 days, 4 years."""
    c = candidate(jobs=(full_time(date(2015, 1, 1), date(2020, 12, 31)),))
    assert years == crsrules.factors(c, on=on).canadian_work_years


@pytest.mark.parametrize(("on", "skilled"), [(date(2022, 11, 15), True), (date(2022, 11, 16), False)])
def test_e6_skilled_means_noc_b_before_2022_11_16_and_teer_0_to_3_after(on, skilled):
    """A NOC 2016 skill level B job whose NOC 2021 unit group is TEER 4 stops counting on 2022-11-16."""
    # 5254 (NOC 2016 level B: program leaders and instructors in recreation, sport and fitness) became 54100 (TEER 4).
    job = Job(noc="54100", noc_2016="5254", in_canada=True, start=date(2020, 1, 1), end=date(2021, 12, 31))
    years = crsrules.factors(candidate(jobs=(job,)), on=on).canadian_work_years
    assert (2 if skilled else 0) == years


def test_e7_foreign_work_counts_while_a_student_abroad():
    """Work done while a full-time student abroad counts as foreign work."""
    job = full_time(date(2020, 1, 1), date(2022, 12, 31), in_canada=False, while_full_time_student=True)
    f = crsrules.factors(candidate(jobs=(job,)), on=ON)
    assert (3, 0) == (f.foreign_work_years, f.canadian_work_years)


def test_e8_canadian_work_earns_core_and_transferability_points():
    """Canadian work appears in the core and in both transferability combinations."""
    c = candidate(
        jobs=(
            full_time(date(2022, 1, 1), date(2024, 12, 31)),
            full_time(date(2018, 1, 1), date(2020, 12, 31), in_canada=False),
        )
    )
    by_factor = crsrules.score(c, on=ON).by_factor
    assert 64 == by_factor[Factor.CANADIAN_WORK_EXPERIENCE]
    assert 25 == by_factor[Factor.EDUCATION_AND_CANADIAN_WORK]
    assert 50 == by_factor[Factor.FOREIGN_WORK_AND_LANGUAGE]


# E9: transferability uses the first language's lowest ability (scoring), from the derived levels.
def test_e9_transferability_uses_the_lowest_derived_ability():
    """IELTS reading 6.5 (CLB 8) keeps the candidate out of the CLB 9 transferability tier."""
    weak = attrs.evolve(IELTS_9, reading=6.5)
    by_factor = crsrules.score(candidate(language_results=(weak,)), on=ON).by_factor
    assert 13 == by_factor[Factor.EDUCATION_AND_LANGUAGE]


# E10: language results count for 2 years.
@pytest.mark.parametrize(("on", "counts"), [(date(2026, 1, 9), True), (date(2026, 1, 10), False)])
def test_e10_a_language_result_counts_until_its_second_anniversary(on, counts):
    """A test of 2024-01-10 counts on 2026-01-09 and no longer on 2026-01-10."""
    f = crsrules.factors(candidate(language_results=(attrs.evolve(IELTS_9, tested_on=date(2024, 1, 10)),)), on=on)
    assert counts == (f.first_language is not None)


def test_e10_a_result_counts_from_its_test_date():
    """A test taken after the date does not count yet."""
    assert crsrules.factors(candidate(), on=date(2025, 1, 9)).first_language is None


def test_e10_the_best_valid_result_in_a_language_is_used():
    """Of two valid English results, the one with the higher levels counts."""
    weaker = attrs.evolve(IELTS_9, tested_on=date(2025, 3, 1), listening=6.0, reading=6.0, writing=6.0, speaking=6.0)
    f = crsrules.factors(candidate(language_results=(IELTS_9, weaker)), on=ON)
    assert 9 == f.first_language.minimum


# E13: sibling in Canada.
@pytest.mark.parametrize(
    ("sibling", "on", "counts"),
    [
        (Sibling(birth_date=date(2007, 6, 2), citizen_or_pr_since=date(2010, 1, 1)), date(2025, 6, 1), False),
        (Sibling(birth_date=date(2007, 6, 2), citizen_or_pr_since=date(2010, 1, 1)), date(2025, 6, 2), True),
        (Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2025, 6, 2)), date(2025, 6, 1), False),
        (Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2020, 1, 1), lives_in_canada=False), ON, False),
        (Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2020, 1, 1), of_spouse=True), ON, False),
    ],
    ids=["17 years old", "18 years old", "not yet PR", "lives abroad", "spouse's sibling, no spouse"],
)
def test_e13_sibling_in_canada(sibling, on, counts):
    """A sibling counts from 18, as a citizen or PR living in Canada; a spouse's only with an accompanying spouse."""
    assert counts == crsrules.factors(candidate(siblings=(sibling,)), on=on).sibling_in_canada


def test_e13_a_spouses_sibling_counts_with_an_accompanying_spouse():
    """The accompanying spouse's brother or sister counts too."""
    sibling = Sibling(birth_date=date(1990, 1, 1), citizen_or_pr_since=date(2020, 1, 1), of_spouse=True)
    c = candidate(siblings=(sibling,), marital_status=MaritalStatus.COMMON_LAW, spouse=Spouse(accompanying=True))
    assert crsrules.factors(c, on=ON).sibling_in_canada


# E16: first official language.
TEF = LanguageResult(
    test=LanguageTest.TEF_CANADA,
    tested_on=date(2025, 2, 1),
    tef_scale=crsrules.TefScale.ANCIEN_SCORE,
    listening=300,
    reading=250,
    writing=380,
    speaking=380,
)  # NCLC 9 in all four


def test_e16_the_language_worth_more_is_first_unless_named():
    """With strong French and weaker English, French is first; naming English keeps English first."""
    weak_english = attrs.evolve(IELTS_9, listening=6.0, reading=6.0, writing=6.0, speaking=6.0)
    c = candidate(language_results=(weak_english, TEF))
    assert OfficialLanguage.FRENCH == crsrules.factors(c, on=ON).first_language.language
    named = attrs.evolve(c, first_official_language=OfficialLanguage.ENGLISH)
    f = crsrules.factors(named, on=ON)
    assert (OfficialLanguage.ENGLISH, OfficialLanguage.FRENCH) == (
        f.first_language.language,
        f.second_language.language,
    )
    assert crsrules.score(c, on=ON).total > crsrules.score(named, on=ON).total


# Additional factors from facts.
def test_nomination_offer_and_certificate_count_from_their_dates():
    """A nomination, a job offer and a certificate count from the day they are dated."""
    c = candidate(
        nomination=Nomination(province=Province.ON, nominated_on=date(2025, 6, 2)),
        job_offer=JobOffer(noc="00012", offered_on=date(2024, 1, 1), ends_on=date(2025, 5, 31)),
    )
    f = crsrules.factors(c, on=date(2025, 6, 1))
    assert (False, None) == (f.provincial_nomination, f.arranged_employment)
    f = crsrules.factors(c, on=date(2025, 5, 31))
    assert ArrangedEmployment.SENIOR_MANAGEMENT == f.arranged_employment
    assert crsrules.factors(c, on=date(2025, 6, 2)).provincial_nomination


@pytest.mark.parametrize(
    ("offer", "kind"),
    [
        (JobOffer(noc="00012", offered_on=date(2020, 1, 1)), ArrangedEmployment.SENIOR_MANAGEMENT),
        (JobOffer(noc="10010", offered_on=date(2020, 1, 1)), ArrangedEmployment.OTHER_SKILLED),  # TEER 0, not 00
        (JobOffer(noc="72200", offered_on=date(2020, 1, 1)), ArrangedEmployment.OTHER_SKILLED),
        (JobOffer(noc="65100", offered_on=date(2020, 1, 1)), None),  # TEER 5
    ],
)
def test_arranged_employment_kind_follows_the_noc_major_group(offer, kind):
    """Only major group 00 is senior management; other TEER 0-3 is other skilled; TEER 4-5 is no offer (E15)."""
    assert kind == crsrules.factors(candidate(job_offer=offer), on=date(2023, 1, 1)).arranged_employment


def test_scoring_a_candidate_names_the_facts_behind_each_line():
    """Each line of a candidate's score has evidence, such as the test it comes from."""
    b = crsrules.score(candidate(), on=ON)
    evidence = {line.factor: line.evidence for line in b.lines}
    assert "IELTS General Training test of 2025-01-10" == evidence[Factor.FIRST_OFFICIAL_LANGUAGE]
    assert all(line.evidence for line in b.lines)


def test_scoring_a_candidate_needs_a_date():
    """score(candidate) without on= is an error; rules= may pin the ruleset on top of on=."""
    with pytest.raises(crsrules.InvalidArgumentsError, match="on="):
        crsrules.score(candidate(), rules="2025-03-25")
    assert "2017-06-06" == crsrules.score(candidate(), on=ON, rules="2017-06-06").rules_id


def test_work_hours_counts_each_day_once():
    """work_hours sums hours a week / 7 per day, capped at full time across jobs."""
    jobs = [full_time(date(2024, 1, 1), date(2024, 1, 7)), full_time(date(2024, 1, 4), date(2024, 1, 10))]
    assert 10 * 30 / 7 == pytest.approx(work_hours(jobs, first=date(2024, 1, 1), last=date(2024, 12, 31), full_time=30))


def test_a_date_before_the_birth_date_is_an_error():
    """Taking the facts before the candidate was born names the date and the birth date."""
    with pytest.raises(crsrules.InvalidValueError, match="on or after the birth date"):
        crsrules.factors(
            candidate(birth_date=date(2016, 1, 1), credentials=(), language_results=()), on=date(2015, 6, 1)
        )


def test_a_pinned_timeline_moves_only_with_the_facts():
    """timeline(rules=...) applies one version on every day: across 2025-03-25 a job offer keeps its points."""
    from crsrules import JobOffer, timeline

    candidate = Candidate(
        birth_date=date(1990, 1, 1),
        job_offer=JobOffer(noc="21231", offered_on=date(2024, 1, 1)),
    )
    in_force = timeline(candidate, date(2025, 3, 1), date(2025, 4, 1))
    pinned = timeline(candidate, date(2025, 3, 1), date(2025, 4, 1), rules="2022-11-16")
    assert [(date(2025, 3, 25), -50)] == [(c.on, c.delta) for c in in_force]
    assert () == pinned


# --- The window of "the N years before" a date: [date - N years, date) ------------------------------------------------

# 364 days of full-time work make a year (1,560 hours).
@pytest.mark.parametrize(
    ("start", "on", "years"),
    [
        # The first edge: the day 10 years back is in the window. 2015-06-01 to 2016-05-29 is 364 days.
        (date(2015, 6, 1), date(2025, 6, 1), 1),
        (date(2015, 6, 1), date(2025, 6, 2), 0),  # the window starts 2015-06-02: 363 days
    ],
)
def test_the_10_years_before_the_date_start_on_the_day_10_years_back(start, on, years):
    """IRPR counts work "within the 10 years before the date": the day 10 years back counts."""
    job = full_time(start, start + timedelta(days=363))
    assert years == crsrules.factors(candidate(jobs=(job,)), on=on).canadian_work_years


@pytest.mark.parametrize(("start", "years"), [(date(2024, 6, 2), 1), (date(2024, 6, 3), 0)])
def test_the_date_itself_is_not_in_the_window(start, years):
    """The other edge: work on the scoring date is not "before" it. A job from 2024-06-02 has 364 days before
    2025-06-01 (a year); from 2024-06-03, 363 days, although it goes on that day."""
    job = full_time(start, None)
    assert years == crsrules.factors(candidate(jobs=(job,)), on=date(2025, 6, 1)).canadian_work_years


def test_work_window_is_the_years_before_the_date():
    """work_window gives the first day (N years back, 29 February to 1 March) and the day before the date."""
    assert (date(2015, 6, 1), date(2025, 5, 31)) == work_window(date(2025, 6, 1), 10)
    assert (date(2021, 3, 1), date(2024, 2, 28)) == work_window(date(2024, 2, 29), 3)


def test_no_silent_zero_every_factor_has_a_line_and_its_evidence():
    """Every factor of the grid is a line, with 0 points when it earns nothing; from a candidate, each has evidence:
    an expired test says when it expired."""
    expired = LanguageResult(
        test=LanguageTest.IELTS_GENERAL, tested_on=date(2022, 3, 2), listening=8.0, reading=7.0, writing=7.0,
        speaking=7.0,
    )
    breakdown = crsrules.score(candidate(language_results=(expired,)), on=date(2025, 6, 1))
    assert list(crsrules.Factor) == [line.factor for line in breakdown.lines]
    first = next(line for line in breakdown.lines if line.factor is crsrules.Factor.FIRST_OFFICIAL_LANGUAGE)
    assert (0, "no valid first-language result") == (first.points, first.detail)
    assert "IELTS General Training test of 2022-03-02 expired on 2024-03-02" in first.evidence
    assert all(line.evidence for line in breakdown.lines)
    assert sum(line.points for line in breakdown.lines) == breakdown.total
