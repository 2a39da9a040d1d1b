"""Properties of dated candidate facts (derive, score, JSON), checked on random valid candidates."""

import json
from datetime import date, timedelta
from itertools import pairwise

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import crsrules
from crsrules import (
    Candidate,
    Credential,
    Education,
    Factor,
    Job,
    LanguageResult,
    LanguageTest,
    MaritalStatus,
    Spouse,
    TefScale,
)
from crsrules.derive import anniversary
from crsrules.rules import LAST_KNOWN_DATE
from crsrules.testing.strategies import candidates, jobs, language_results, rulesets

FIRST_DAY = date(2015, 1, 1)
RULESETS = crsrules.available_rulesets()

# Days the rules cover without a StaleRulesWarning; candidates are drawn around one of them, so that their facts
# fall under every ruleset and both NOC versions, and are then taken on another.
DAYS = st.dates(FIRST_DAY, LAST_KNOWN_DATE)
ANCHORED = DAYS.flatmap(lambda on: candidates(on=on))

IELTS_ON_29_FEBRUARY = LanguageResult(
    test=LanguageTest.IELTS_GENERAL, tested_on=date(2024, 2, 29), listening=8.0, reading=7.0, writing=7.0, speaking=7.0
)
TEF_ANCIEN = LanguageResult(
    test=LanguageTest.TEF_CANADA,
    tested_on=date(2024, 5, 1),
    listening=316,
    reading=263,
    writing=349,
    speaking=310,
    tef_scale=TefScale.ANCIEN_SCORE,
)
# A developer with NOC 2016 and NOC 2021 codes for work across 2022-11-16, a foreign degree with an ECA, both languages
# and an accompanying spouse; born on 29 February.
DEVELOPER = Candidate(
    birth_date=date(1992, 2, 29),
    marital_status=MaritalStatus.COMMON_LAW,
    spouse=Spouse(
        accompanying=True,
        credentials=(
            Credential(
                level=Education.TWO_YEAR, completed_on=date(2015, 6, 1), in_canada=True, full_time_months_in_canada=20
            ),
        ),
        language_results=(IELTS_ON_29_FEBRUARY,),
        jobs=(Job(noc="33102", in_canada=True, start=date(2021, 1, 4), hours_per_week=29),),
    ),
    credentials=(
        Credential(level=Education.BACHELORS, completed_on=date(2014, 6, 1), eca_issued_on=date(2021, 1, 10)),
    ),
    language_results=(IELTS_ON_29_FEBRUARY, TEF_ANCIEN),
    jobs=(
        Job(noc="21231", noc_2016="2173", in_canada=True, start=date(2019, 11, 16), end=date(2022, 11, 15)),
        Job(noc="21231", in_canada=True, start=date(2022, 11, 16)),
        Job(noc_2016="2173", in_canada=False, start=date(2012, 1, 1), end=date(2019, 11, 15), hours_per_week=45),
    ),
)


def _with_result(candidate, result, *, spouse):
    """*candidate* with one more language result, its own or (when it has one) its spouse's."""
    if spouse and candidate.spouse is not None:
        more = attrs.evolve(candidate.spouse, language_results=(*candidate.spouse.language_results, result))
        return attrs.evolve(candidate, spouse=more)
    return attrs.evolve(candidate, language_results=(*candidate.language_results, result))


def _ruleset_for(on):
    """The ruleset in force on *on*, the latest one after LAST_KNOWN_DATE (pinned, so no StaleRulesWarning)."""
    return crsrules.rules_in_force(min(on, LAST_KNOWN_DATE))


@given(candidate=st.from_type(Candidate) | ANCHORED)
@example(candidate=DEVELOPER)
def test_dump_then_load_gives_back_an_equal_candidate(candidate):
    """load_candidate(dump_candidate(c)) == c, through JSON text."""
    text = json.dumps(crsrules.dump_candidate(candidate))
    assert candidate == crsrules.load_candidate(json.loads(text))


@given(candidate=ANCHORED, on=DAYS)
@example(candidate=DEVELOPER, on=FIRST_DAY)
@example(candidate=DEVELOPER, on=date(2022, 11, 15))
@example(candidate=DEVELOPER, on=date(2022, 11, 16))
@example(candidate=DEVELOPER, on=LAST_KNOWN_DATE)
def test_derived_factors_are_always_valid_and_score_within_0_and_1200(candidate, on):
    """On any day from 2015-01-01 to LAST_KNOWN_DATE, factors() does not raise, its Factors (and their parts) pass
    their validators, and they score 0 to 1,200."""
    f = crsrules.factors(candidate, on=on)
    parts = (f, f.first_language, f.second_language, f.spouse, f.spouse and f.spouse.first_language)
    for part in parts:
        if part is not None:
            attrs.validate(part)
    assert 0 <= crsrules.score(f, on=on).total <= 1200


@given(candidate=ANCHORED, result=language_results(), days=st.integers(0, 1000), spouse=st.booleans())
@example(candidate=DEVELOPER, result=IELTS_ON_29_FEBRUARY, days=0, spouse=False)  # on 2026-03-01
@example(candidate=DEVELOPER, result=TEF_ANCIEN, days=0, spouse=False)
@example(candidate=DEVELOPER, result=TEF_ANCIEN, days=0, spouse=True)
def test_a_language_result_2_years_old_or_older_never_counts(candidate, result, days, spouse):
    """On or after a result's second anniversary (29 February -> 1 March), adding it to the applicant's or the
    spouse's results changes no factor."""
    on = anniversary(result.tested_on, 2) + timedelta(days=days)
    rules = _ruleset_for(on)
    with_result = _with_result(candidate, result, spouse=spouse)
    assert crsrules.factors(candidate, on=on, rules=rules) == crsrules.factors(with_result, on=on, rules=rules)


@given(candidate=ANCHORED, result=language_results(), days_before=st.integers(1, 730))
@example(candidate=DEVELOPER, result=IELTS_ON_29_FEBRUARY, days_before=1)  # on 2026-02-28
@example(candidate=DEVELOPER, result=IELTS_ON_29_FEBRUARY, days_before=731)  # on the test date (731 days)
def test_a_sole_result_counts_until_the_day_before_its_second_anniversary(candidate, result, days_before):
    """From its test date to the day before its second anniversary, a candidate's only result gives the first
    official language's levels, and there is no second language."""
    on = anniversary(result.tested_on, 2) - timedelta(days=days_before)
    assert result.tested_on <= on
    sole = attrs.evolve(candidate, language_results=(result,), first_official_language=None)
    f = crsrules.factors(sole, on=on, rules=_ruleset_for(on))
    assert crsrules.language.levels(result) == f.first_language
    assert f.second_language is None


@given(candidate=ANCHORED, ruleset=rulesets(), after_30=st.integers(0, 6000), later=st.integers(0, 6000))
@example(candidate=DEVELOPER, ruleset=RULESETS[-1], after_30=0, later=0)
@example(candidate=DEVELOPER, ruleset=RULESETS[-1], after_30=0, later=365)  # 30 on 2022-03-01, 31 on 2023-03-01
@example(candidate=DEVELOPER, ruleset=RULESETS[0], after_30=364, later=1)  # 30 on 2023-02-28, 31 on 2023-03-01
def test_after_age_30_a_later_date_never_raises_the_age_points(candidate, ruleset, after_30, later):
    """With the ruleset pinned, the age points on a day the candidate is 30 or older are at least those of any later
    day."""
    earlier = anniversary(candidate.birth_date, 30) + timedelta(days=after_30)
    points = [
        crsrules.score(candidate, on=day, rules=ruleset).by_factor[Factor.AGE]
        for day in (earlier, earlier + timedelta(days=later))
    ]
    assert points[0] >= points[1]


DATED_WITH_A_JOB = DAYS.flatmap(lambda on: st.tuples(st.just(on), candidates(on=on), jobs(on=on)))


@given(case=DATED_WITH_A_JOB, spouse=st.booleans())
@example(case=(date(2022, 11, 16), DEVELOPER, Job(noc="21231", in_canada=False, start=date(2013, 1, 1))), spouse=False)
@example(case=(date(2022, 11, 15), DEVELOPER, Job(noc="21231", in_canada=True, start=date(2012, 1, 1))), spouse=True)
def test_adding_a_past_job_never_lowers_the_work_years(case, spouse):
    """On a day *on*, adding a job that started by then (the applicant's or the spouse's) never lowers the
    applicant's Canadian or foreign work years, or the spouse's Canadian work years."""
    on, candidate, job = case
    assert job.start <= on
    if spouse and candidate.spouse is not None:
        more = attrs.evolve(candidate, spouse=attrs.evolve(candidate.spouse, jobs=(*candidate.spouse.jobs, job)))
    else:
        more = attrs.evolve(candidate, jobs=(*candidate.jobs, job))
    before = crsrules.factors(candidate, on=on)
    after = crsrules.factors(more, on=on)
    assert before.canadian_work_years <= after.canadian_work_years
    assert before.foreign_work_years <= after.foreign_work_years
    if before.spouse is not None and after.spouse is not None:
        assert before.spouse.canadian_work_years <= after.spouse.canadian_work_years


@given(candidate=ANCHORED, on=DAYS)
@example(candidate=DEVELOPER, on=date(2024, 6, 1))
@example(candidate=DEVELOPER, on=date(2022, 11, 16))
def test_scoring_a_candidate_equals_scoring_its_factors_and_every_line_has_evidence(candidate, on):
    """score(candidate, on=d) has the total, sections and points by factor of score(factors(candidate, on=d), on=d),
    and each of its lines names the facts it comes from."""
    by_candidate = crsrules.score(candidate, on=on)
    by_factors = crsrules.score(crsrules.factors(candidate, on=on), on=on)
    assert by_factors.total == by_candidate.total
    assert by_factors.by_section == by_candidate.by_section
    assert by_factors.by_factor == by_candidate.by_factor
    for line in by_candidate.lines:
        assert line.evidence, line


@pytest.mark.parametrize(("before", "after"), list(pairwise(RULESETS)), ids=[r.id for r in RULESETS[1:]])
@given(candidate=ANCHORED, on=DAYS)
def test_only_declared_factors_change_between_consecutive_rulesets_for_a_candidate(before, after, candidate, on):
    """With the facts taken on one day, the newer ruleset moves only the factors it declares (rules of evidence too)."""
    old = crsrules.score(candidate, on=on, rules=before).by_factor
    new = crsrules.score(candidate, on=on, rules=after).by_factor
    assert {factor for factor in old if old[factor] != new[factor]} <= after.changes
