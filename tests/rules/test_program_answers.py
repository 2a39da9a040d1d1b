"""What each program's assessment says: every reason and note in full, the JSON form, and the rules behind the choices
the assessments make (reference/crs-points.md section 7; docs/how-to/program-eligibility.md).

The day assessed is 2025-06-01 (ruleset 2025-03-25, NOC 2021). All work ends before that day and starts well inside
each window, so that no expectation here depends on the edges of a window.
"""

from datetime import date

import pytest

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
from crsrules.programs import fst as fst_rules
from crsrules.rules import TradeGroups

ON = date(2025, 6, 1)
TESTED = date(2025, 1, 10)
BIRTH = date(1995, 1, 1)  # 30 on ON
BACHELORS = Credential(level=Education.BACHELORS, completed_on=date(2017, 6, 1), eca_issued_on=date(2024, 1, 10))
# 2024-12-01 to 2025-05-31: 182 days of full-time work, 182 x 30 / 7 = 780 hours.
HALF_YEAR = (date(2024, 12, 1), date(2025, 5, 31))
# 2023-06-01 to 2025-05-28: 728 days, 3,120 hours: exactly 2 years.
TWO_YEARS = (date(2023, 6, 1), date(2025, 5, 28))

TRANSIENT_NOTE = (
    "temporary resident status and authorization to work in Canada during the work: not checked (unauthorized work "
    "does not count)"
)
TRADES_NOTE = (
    "[UNCONFIRMED] the NOC 2021 list of skilled trades (major groups 72 without 726, 73, 82, 83, 92, 93 without 932; "
    "minor group 6320; unit group 62200) is not confirmed against an IRCC primary text"
)
FST_NOT_CHECKED = (
    "the NOC employment requirements of the trade (other than certification): not checked",
    "that the job offer or certificate is in the same trade as the work experience: not checked",
    (
        "proof of funds: not checked (crsrules does not model settlement funds); they are needed unless you are "
        "authorized to work in Canada and hold a valid job offer"
    ),
)
FST_LANGUAGE = "CLB 5 in speaking and 5 in listening, CLB 4 in reading and 4 in writing"


def celpip(listening, reading, writing, speaking):
    return LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=TESTED, listening=listening, reading=reading,
                          writing=writing, speaking=speaking)  # fmt: skip


def tcf(listening, reading, writing, speaking):
    return LanguageResult(test=LanguageTest.TCF_CANADA, tested_on=TESTED, listening=listening, reading=reading,
                          writing=writing, speaking=speaking)  # fmt: skip


def job(noc, period, *, in_canada=True, **extra):
    return Job(noc=noc, in_canada=in_canada, start=period[0], end=period[1], **extra)


def person(**facts):
    return Candidate(birth_date=BIRTH, **facts)


# --- CEC ------------------------------------------------------------------------------------------------------------


def test_cec_without_work_in_full():
    """No work: 0 hours of the 1,560 needed. With CLB 7, the language meets the lowest level any work calls for (CLB 5,
    TEER 2 or 3), but there is no work to call for it."""
    a = cec_eligibility(person(language_results=(celpip(7, 7, 7, 7),)), on=ON)
    assert {
        "program": "cec",
        "on": "2025-06-01",
        "rules_id": "2025-03-25",
        "eligible": False,
        "work_experience_met": False,
        "language_met": True,
        "canadian_hours": 0,
        "required_clb": None,
        "language_level": 7,
        "reasons": [
            (
                "work experience: 0 hours of skilled paid work in Canada in the 3 years before 2025-06-01; 1 year "
                "(1,560 hours) needed (self-employment and work while a full-time student do not count)"
            )
        ],
        "notes": [TRANSIENT_NOTE],
    } == _without_conditions(a.as_dict())
    assert Program.CEC is a.program


def test_cec_half_a_year_of_work_and_no_result():
    a = cec_eligibility(person(jobs=(job("21231", HALF_YEAR),)), on=ON)
    assert (
        (
            "work experience: 780 hours of skilled paid work in Canada in the 3 years before 2025-06-01; 1 year (1,560 "
            "hours) needed (self-employment and work while a full-time student do not count)"
        ),
        "language: CLB 7 needed in all four abilities (no valid result)",
    ) == a.reasons
    assert 780 == round(a.canadian_hours, 6)
    assert (None, None) == (a.required_clb, a.language_level)


def test_cec_a_year_of_teer_1_work_with_clb_5():
    a = cec_eligibility(person(jobs=(job("21231", TWO_YEARS),), language_results=(celpip(5, 5, 5, 6),)), on=ON)
    assert a.work_experience_met
    assert (
        (
            "language: CLB 7 needed in all four abilities (best valid result CELPIP-General test of 2025-01-10 "
            "(CLB 5/5/5/6: L/R/W/S))"
        ),
    ) == a.reasons
    assert (7, 5) == (a.required_clb, a.language_level)


def test_cec_mixed_work_names_the_level_the_year_needs():
    """Half a year of TEER 2 and half a year of TEER 1 make a year only with the TEER 1 work: CLB 7."""
    work = (job("72310", (date(2024, 6, 1), date(2024, 11, 30))), job("21231", HALF_YEAR))
    a = cec_eligibility(person(jobs=work, language_results=(celpip(5, 5, 5, 5),)), on=ON)
    assert (
        (
            "language: CLB 7 needed in all four abilities: your work in occupations that need only CLB 5 adds up to "
            "less than 1,560 hours (best valid result CELPIP-General test of 2025-01-10 (CLB 5/5/5/5: L/R/W/S))"
        ),
    ) == a.reasons


def test_cec_the_best_result_is_the_one_with_the_highest_lowest_ability():
    """Two valid results: the one whose weakest ability is higher is the one assessed."""
    results = (celpip(9, 9, 9, 4), tcf(458, 453, 10, 10))  # CLB 4 at worst; NCLC 7 in all four
    a = cec_eligibility(person(jobs=(job("21231", TWO_YEARS),), language_results=results), on=ON)
    assert a.eligible
    assert 7 == a.language_level


# --- FST ------------------------------------------------------------------------------------------------------------


def test_fst_without_anything_in_full():
    a = fst_eligibility(person(), on=ON)
    assert {
        "program": "fst",
        "on": "2025-06-01",
        "rules_id": "2025-03-25",
        "eligible": False,
        "work_experience_met": False,
        "offer_or_certificate_met": False,
        "language_met": False,
        "trade": None,
        "trade_hours": 0,
        "job_offer": False,
        "certificate": False,
        "trades_confirmed": False,
        "reasons": [
            (
                "work experience: 2 years (3,120 hours) of full-time work, or the part-time equivalent, in one skilled "
                "trade needed in the 5 years before 2025-06-01 (no paid work in a skilled trade)"
            ),
            (
                "job offer or certificate: neither a job offer in a skilled trade in force on 2025-06-01 nor a "
                "Canadian certificate of qualification in a skilled trade"
            ),
            f"language: {FST_LANGUAGE} needed (no valid language test result on 2025-06-01)",
        ],
        "notes": [TRADES_NOTE, *FST_NOT_CHECKED],
    } == _without_conditions(a.as_dict())
    assert Program.FST is a.program


def test_fst_a_year_in_a_trade_is_not_two():
    """2024 (a leap year, 366 days): 1,568.6 hours as a carpenter."""
    a = fst_eligibility(person(jobs=(job("72310", (date(2024, 1, 1), date(2024, 12, 31))),)), on=ON)
    assert a.reasons[0].endswith("(the most is 1,568 hours in NOC 2021 72310)")
    assert "72310" == a.trade


def test_fst_unpaid_work_is_skipped_not_the_work_after_it():
    unpaid = job("72106", TWO_YEARS, paid=False)
    a = fst_eligibility(person(jobs=(unpaid, job("72310", TWO_YEARS))), on=ON)
    assert a.work_experience_met
    assert "72310" == a.trade


def test_fst_the_result_closest_to_the_minimums_is_named():
    """English misses two abilities (reading and writing 3); French misses one (speaking NCLC 4)."""
    results = (celpip(5, 3, 3, 5), tcf(369, 375, 6, 4))
    a = fst_eligibility(person(language_results=results), on=ON)
    assert (
        f"language: {FST_LANGUAGE} needed (TCF Canada test of 2025-01-10 (NCLC 5/5/5/4: L/R/W/S) has speaking 4)"
        == a.reasons[-1]
    )
    english = fst_eligibility(person(language_results=(celpip(5, 3, 3, 5),)), on=ON)
    assert english.reasons[-1].endswith("(CLB 5/3/3/5: L/R/W/S) has reading 3, writing 3)")


@pytest.mark.parametrize(
    ("offered_on", "ends_on", "in_force"),
    [
        (ON, None, True),  # an offer counts from its first day
        (date(2025, 6, 2), None, False),
        (date(2024, 1, 1), ON, True),  # and up to its last day
        (date(2024, 1, 1), date(2025, 5, 31), False),
    ],
)
def test_fst_an_offer_is_in_force_from_its_first_to_its_last_day(offered_on, ends_on, in_force):
    offer = JobOffer(noc="72310", offered_on=offered_on, ends_on=ends_on)
    a = fst_eligibility(person(job_offer=offer), on=ON)
    assert (in_force, False) == (a.job_offer, a.certificate)
    assert in_force == a.offer_or_certificate_met


@pytest.mark.parametrize(("issued_on", "counts"), [(ON, True), (date(2025, 6, 2), False)])
def test_fst_a_certificate_counts_from_its_issue_day(issued_on, counts):
    a = fst_eligibility(person(certificate_of_qualification=Certificate(issued_on=issued_on, noc="72310")), on=ON)
    assert counts == a.certificate


def test_fst_an_offer_given_by_its_noc_2016_code():
    """NOC 2016 7271 (carpenters, major group 72) is a trade; with no NOC 2021 code it is judged by NOC 2016."""
    offer = JobOffer(noc_2016="7271", offered_on=date(2025, 1, 1))
    assert fst_eligibility(person(job_offer=offer), on=ON).job_offer


def test_fst_work_judged_by_the_other_classification_says_so():
    """Under ruleset 2020-10-27 (NOC 2016), a job given only its NOC 2021 code is judged by the NOC 2021 list, which is
    unconfirmed: both classifications are named in the notes."""
    on = date(2022, 6, 1)
    work = Job(noc="72310", in_canada=False, start=date(2019, 1, 1), end=date(2022, 5, 31))
    result = LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(2022, 1, 10), listening=5, reading=4,
                            writing=4, speaking=5)  # fmt: skip
    c = person(jobs=(work,), language_results=(result,), certificate_of_qualification=Certificate(issued_on=on))
    a = fst_eligibility(c, on=on)
    assert "2020-10-27" == a.rules_id
    assert a.eligible
    assert not a.trades_confirmed
    assert (
        "trade judged by another NOC version: (NOC 2021 72310 used: no NOC 2016 code given)",
        TRADES_NOTE,
        *FST_NOT_CHECKED,
    ) == a.notes


# --- FSW ------------------------------------------------------------------------------------------------------------


def test_fsw_without_work_result_or_credential_in_full():
    a = fsw_eligibility(person(), on=ON)
    assert (
        (
            "work experience: no skilled occupation with 1 year (1,560 hours) of continuous full-time work, or the "
            "part-time equivalent, in the 10 years before 2025-06-01 (no skilled paid work)"
        ),
        (
            "language: no valid language test result on 2025-06-01 (results count for 2 years); CLB 7 needed in all "
            "four abilities"
        ),
        (
            "education: no credential that counts on 2025-06-01 (a Canadian credential, or a foreign one with an ECA "
            "under 5 years old)"
        ),
        "selection grid: 12 points, below the pass mark of 67",
    ) == a.reasons
    data = a.as_dict()
    assert ("fsw", "2025-06-01", "2025-03-25", False) == (data["program"], data["on"], data["rules_id"],
                                                          data["eligible"])  # fmt: skip
    assert {"factor": "age", "points": 12, "maximum": 12, "detail": "age 30 on 2025-06-01: 12 points"} == data["grid"][
        4
    ]
    assert data["grid"][4] == a.line(FswFactor.AGE).as_dict()
    assert Program.FSW is a.program
    assert (None, 0) == (a.primary_occupation, a.continuous_hours)


def test_fsw_the_longest_period_is_named_when_it_is_short():
    a = fsw_eligibility(person(jobs=(job("21231", HALF_YEAR),)), on=ON)
    assert a.reasons[0].endswith("(the longest is 780 hours in NOC 2021 21231 from 2024-12-01 to 2025-05-31)")
    assert "21231" == a.primary_occupation


def test_fsw_a_language_below_the_minimum_names_the_abilities():
    a = fsw_eligibility(person(language_results=(celpip(10, 10, 6, 6),)), on=ON)
    assert (
        "language: CLB 7 needed in all four abilities of the first official language (english); CELPIP-General "
        "test of 2025-01-10 (CLB 10/10/6/6: L/R/W/S) has writing 6, speaking 6"
    ) == a.reasons[1]


def test_fsw_exactly_two_years_of_work_are_two_years():
    """728 days of full-time work are 3,120 hours: 2 whole years on the grid (11 points), not 1 (9)."""
    a = fsw_eligibility(person(jobs=(job("21231", TWO_YEARS, in_canada=False),)), on=ON)
    line = a.line(FswFactor.WORK_EXPERIENCE)
    assert 11 == line.points
    assert (
        "2 year(s) of skilled work (3,120 hours in the 10 years before 2025-06-01, Canadian or foreign): 11 points"
        == line.detail
    )


def test_fsw_without_a_first_language_named_the_one_with_more_grid_points_is_first():
    """Neither meets CLB 7. English first: 4 + 4 + 4 + 0 = 12, and French second (lowest NCLC 4) 0: 12. French first:
    12, and English second (lowest CLB 6, CLB 5 needed) 4: 16. French is first."""
    results = (celpip(7, 7, 7, 6), tcf(458, 453, 10, 4))  # NCLC 7, 7, 7, 4
    a = fsw_eligibility(person(language_results=results), on=ON)
    assert OfficialLanguage.FRENCH == a.first_official_language
    assert (12, 4) == (a.line(FswFactor.FIRST_OFFICIAL_LANGUAGE).points,
                       a.line(FswFactor.SECOND_OFFICIAL_LANGUAGE).points)  # fmt: skip
    assert "first official language: french chosen for FSW (none named with a valid result)" in a.notes


def spouse_with(work):
    return Spouse(accompanying=True, jobs=(work,))


@pytest.mark.parametrize(
    ("work", "earned"),
    [
        # Any occupation counts for the spouse: TEER 4 work in Canada, 364 days = 1,560 hours.
        (Job(noc="54100", in_canada=True, start=date(2024, 1, 1), end=date(2024, 12, 29)), True),
        (Job(noc="54100", in_canada=True, start=date(2024, 1, 1), end=date(2024, 12, 28)), False),
        (Job(noc="54100", in_canada=False, start=date(2023, 1, 1), end=date(2024, 12, 29)), False),
        (Job(noc="54100", in_canada=True, paid=False, start=date(2023, 1, 1), end=date(2024, 12, 29)), False),
        (Job(noc="54100", in_canada=True, self_employed=True, start=date(2023, 1, 1), end=date(2024, 12, 29)), False),
        (Job(noc="54100", in_canada=True, while_full_time_student=True, start=date(2023, 1, 1),
             end=date(2024, 12, 29)), False),
    ],
    ids=["a year in Canada", "a day short", "abroad", "unpaid", "self-employed", "full-time student"],
)  # fmt: skip
def test_fsw_the_spouse_s_year_of_paid_work_in_canada(work, earned):
    c = person(marital_status=MaritalStatus.MARRIED, spouse=spouse_with(work))
    a = fsw_eligibility(c, on=ON)
    assert earned == (AdaptabilityElement.SPOUSE_WORK_IN_CANADA in a.adaptability)


# --- All three ------------------------------------------------------------------------------------------------------


def test_program_eligibility_in_full():
    c = person(credentials=(BACHELORS,), language_results=(celpip(7, 7, 7, 7),), jobs=(job("21231", TWO_YEARS),))
    result = program_eligibility(c, on=ON)
    # FSW: 16 (CLB 7 x4) + 21 + 11 + 12 + 10 (a year of work in Canada) = 70; CEC: 2 years of TEER 1 work and CLB 7.
    assert (Program.FSW, Program.CEC) == result.eligible_programs
    assert result.fsw is result.assessment(Program.FSW)
    assert result.cec is result.assessment(Program.CEC)
    assert result.fst is result.assessment(Program.FST)
    data = result.as_dict()
    assert {
        "on": "2025-06-01",
        "rules_id": "2025-03-25",
        "in_pool": True,
        "eligible_programs": ["fsw", "cec"],
        "fsw": result.fsw.as_dict(),
        "cec": result.cec.as_dict(),
        "fst": result.fst.as_dict(),
        "reasons": list(result.reasons),
        "notes": ["admissibility (health, security, criminality) and the intent to live outside Quebec: not checked"],
    } == _without_conditions(data)
    assert data["reasons"]
    assert all(r.startswith("Federal Skilled Trades Program: ") for r in data["reasons"])
    assert isinstance(data["fsw"]["grid"][0], dict)


@pytest.mark.parametrize(
    ("on", "period", "required"),
    [
        (ON, TWO_YEARS, 7),  # ruleset 2025-03-25, NOC 2021
        (date(2022, 6, 1), (date(2020, 6, 1), date(2022, 5, 31)), 5),  # ruleset 2020-10-27, NOC 2016
    ],
)
def test_cec_judges_a_job_by_the_classification_of_the_rules(on, period, required):
    """A job given both codes: NOC 2021 21231 (TEER 1: CLB 7) and NOC 2016 7271 (skill level B: CLB 5). NOC 2021
    rules read the first, NOC 2016 rules (before 2022-11-16) the second."""
    work = Job(noc="21231", noc_2016="7271", in_canada=True, start=period[0], end=period[1])
    result = LanguageResult(test=LanguageTest.CELPIP_GENERAL, tested_on=date(on.year, 1, 10), listening=5, reading=5,
                            writing=5, speaking=5)  # fmt: skip
    a = cec_eligibility(person(jobs=(work,), language_results=(result,)), on=on)
    assert required == a.required_clb
    assert (required == 5) == a.eligible


def test_cec_a_job_given_only_by_its_noc_2016_code():
    """Ruleset 2020-10-27: NOC 2016 2173 (software engineers, skill level A) calls for CLB 7."""
    work = Job(noc_2016="2173", in_canada=True, start=date(2020, 6, 1), end=date(2022, 5, 31))
    a = cec_eligibility(person(jobs=(work,)), on=date(2022, 6, 1))
    assert (True, 7) == (a.work_experience_met, a.required_clb)


@pytest.mark.parametrize(
    "flags", [{"self_employed": True}, {"while_full_time_student": True}, {"paid": False}, {"in_canada": False}]
)
def test_cec_excluded_work_listed_first_does_not_hide_the_work_after_it(flags):
    excluded = job("21232", TWO_YEARS, **{"in_canada": True, **flags})
    a = cec_eligibility(person(jobs=(excluded, job("21231", TWO_YEARS)), language_results=(celpip(7, 7, 7, 7),)),
                        on=ON)  # fmt: skip
    assert a.eligible
    assert 3120 == round(a.canadian_hours, 6)


def test_fst_the_unconfirmed_note_names_each_kind_of_group():
    """Group codes of 2 digits are major groups, 3 sub-major, 4 minor, 5 unit groups; two of a kind are plural."""
    trades = TradeGroups(included=("72", "632", "6320", "6321", "62200"), excluded=("726",), confirmed=False)
    assert (
        "[UNCONFIRMED] the NOC 2021 list of skilled trades (major group 72 without 726; sub-major group 632; minor "
        "groups 6320, 6321; unit group 62200) is not confirmed against an IRCC primary text"
    ) == fst_rules._unconfirmed(trades)  # noqa: SLF001 (the note's wording, for every kind of group)


def _without_conditions(data):
    """An answer's JSON form without its condition records (their codes and values are tested with the codes)."""
    return {key: value for key, value in data.items() if key != "conditions"}
