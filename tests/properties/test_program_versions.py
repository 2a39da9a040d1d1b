"""Between consecutive versions of the rules, only the programs the newer version declares can change their answer."""

from datetime import date, timedelta
from itertools import pairwise

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import crsrules
from crsrules import Certificate, Credential, Education, Job, JobOffer, LanguageResult, LanguageTest
from crsrules.programs import Program, program_eligibility
from crsrules.testing.strategies import candidates

RULESETS = crsrules.available_rulesets()
NOC_2021_DAY = date(2022, 11, 16)
# Days the facts are taken on: one in each period of the rules, and the strategies' default day.
DAYS = (date(2016, 6, 1), date(2019, 3, 1), date(2022, 11, 20), date(2025, 6, 1), date(2026, 1, 1))
# Occupations whose answers differ by classification or program: TEER 0 to 4, trades and non-trades.
NOCS = ("21231", "00012", "72310", "72106", "13110", "62200", "93200", "54100")
# NOC 2016 codes of skill type 0 and levels A to C, trades (72, 632) and non-trades.
NOCS_2016 = (None, "2173", "0013", "7271", "6322", "1241", "5254", "6611")


@st.composite
def recent_jobs(draw, *, on):
    """Jobs in the programs' occupations near their thresholds, coded in NOC 2021, NOC 2016 or both."""
    start = on - timedelta(days=draw(st.sampled_from((800, 1500, 400, 2100, 1100))) + draw(st.integers(0, 60)))
    end = start + timedelta(days=draw(st.sampled_from((730, 365, 1095, 180))) - draw(st.integers(0, 3)))
    # A NOC 2016 code, alone or with a NOC 2021 code, only for work that ended before NOC 2021 came into use.
    noc_2016 = draw(st.sampled_from(NOCS_2016)) if end < min(on, NOC_2021_DAY) else None
    noc = draw(st.sampled_from(NOCS)) if noc_2016 is None else draw(st.sampled_from((None, *NOCS)))
    return Job(
        noc=noc,
        noc_2016=noc_2016,
        in_canada=draw(st.booleans()),
        start=start,
        end=None if end >= on else end,
        hours_per_week=draw(st.sampled_from((30, 40, 15))),
        paid=draw(st.sampled_from((True, True, False))),
        self_employed=draw(st.sampled_from((False, False, True))),
        while_full_time_student=draw(st.sampled_from((False, False, True))),
    )


@st.composite
def near_the_pool(draw, *, on):
    """Random candidates with a recent English result, a counted degree and jobs that matter to the programs."""
    c = draw(candidates(on=on))
    level = st.sampled_from((9, 7, 5, 10, 8, 6, 4))
    english = LanguageResult(
        test=LanguageTest.CELPIP_GENERAL,
        tested_on=on - timedelta(days=200),
        listening=draw(level),
        reading=draw(level),
        writing=draw(level),
        speaking=draw(level),
    )
    degree = Credential(level=Education.BACHELORS, completed_on=on - timedelta(days=3000),
                        eca_issued_on=on - timedelta(days=500))  # fmt: skip
    offer = JobOffer(noc=draw(st.sampled_from(NOCS)), offered_on=on - timedelta(days=100))
    return attrs.evolve(
        c,
        language_results=(*c.language_results, english),
        credentials=(*c.credentials, degree),
        jobs=tuple(draw(st.lists(recent_jobs(on=on), min_size=1, max_size=3))),
        first_official_language=None,
        job_offer=draw(st.sampled_from((None, offer))),
        certificate_of_qualification=draw(
            st.sampled_from((None, Certificate(issued_on=on - timedelta(days=300)))),
        ),
    )


@st.composite
def days_and_candidates(draw):
    on = draw(st.sampled_from(DAYS))
    return on, draw(st.one_of(candidates(on=on), near_the_pool(on=on)))


def answer(assessment):
    """Everything an assessment says, except which ruleset said it."""
    data = assessment.as_dict()
    del data["rules_id"]
    return data


@pytest.mark.parametrize(("before", "after"), list(pairwise(RULESETS)), ids=[r.id for r in RULESETS[1:]])
@given(day_and_candidate=days_and_candidates())
def test_only_declared_programs_change_between_consecutive_versions(before, after, day_and_candidate):
    """The same candidate on the same day, judged under two consecutive versions: a program that the newer version
    does not declare in ``program_changes`` gives the same answer, reasons and notes included."""
    on, c = day_and_candidate
    old = program_eligibility(c, on=on, rules=before)
    new = program_eligibility(c, on=on, rules=after)
    for program in Program:
        if program not in after.program_changes:
            assert answer(old.assessment(program)) == answer(new.assessment(program)), program
