"""Issue 9, problems 1 and 2: impossible facts are rejected, and every date stays in the supported range.

A candidate's facts must be possible together (nothing dated before the birth date, an ECA not before its
credential's completion, ...), in Python and from JSON, each problem at its JSON path. Every date (a fact, ``on=``,
``--on``) is from 1900-01-01 to 2199-12-31, so no computation overflows and no error is anything but a crsrules one.
"""

import json
import warnings
from datetime import UTC, date, datetime, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import crsrules
from crsrules import (
    Candidate,
    Category,
    Certificate,
    Credential,
    Education,
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
from crsrules.cli import main
from crsrules.io import dump_candidate, load_candidate
from crsrules.language import accepted_tests, tef_scale_on
from crsrules.testing.strategies import candidates, jobs, language_results

EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
RANGE = "a date from 1900-01-01 to 2199-12-31 (the supported range)"
BORN = "2016-01-01"  # after IRCC began accepting tests (2015), so that a test can predate it
JOB = {"noc": "21231", "in_canada": True, "start": "2024-01-01"}
IELTS = {"test": "ielts_general", "tested_on": "2025-03-02", "listening": 8, "reading": 7, "writing": 7, "speaking": 7}


def problems_of(data):
    with pytest.raises(crsrules.InvalidCandidateError) as info:
        load_candidate(data)
    return info.value.problems


def only_problem(data):
    problems = problems_of(data)
    assert 1 == len(problems), problems
    return problems[0]


def ielts(tested_on):
    return LanguageResult(test=LanguageTest.IELTS_GENERAL, tested_on=tested_on, listening=8, reading=7, writing=7,
                          speaking=7)  # fmt: skip


# --- Problem 1: facts before the birth date ---------------------------------------------------------------------------


def test_the_issues_job_before_birth_is_rejected_at_its_start():
    """The issue's reproduction (scored 190 with "10 years of Canadian work") is an error at the job's start."""
    data = {"birth_date": "2005-01-01", "jobs": [{"noc": "21231", "in_canada": True, "start": "2000-01-01"}]}
    problem = only_problem(data)
    assert "'jobs[0].start' must be a date on or after the birth date (2005-01-01) (got '2000-01-01')" in problem
    assert problem.endswith(" @ $.jobs[0].start")


@pytest.mark.parametrize(
    ("facts", "path"),
    [
        ({"credentials": [{"level": "bachelors", "completed_on": "2004-06-01"}]}, "$.credentials[0].completed_on"),
        (
            {
                "credentials": [
                    {"level": "bachelors", "completed_on": "2024-06-01", "in_canada": True, "started_on": "2004-09-01"}
                ]
            },
            "$.credentials[0].started_on",
        ),
        # An ECA before birth comes with a completion before birth (an ECA is never before its completion).
        (
            {"credentials": [{"level": "bachelors", "completed_on": "2003-06-01", "eca_issued_on": "2004-01-10"}]},
            "$.credentials[0].completed_on",
        ),
        ({"language_results": [IELTS, {**IELTS, "tested_on": "2015-12-31"}]}, "$.language_results[1].tested_on"),
        ({"jobs": [JOB, {**JOB, "start": "1999-01-01", "end": "2001-01-01"}]}, "$.jobs[1].start"),
        ({"certificate_of_qualification": {"issued_on": "2004-01-01"}}, "$.certificate_of_qualification.issued_on"),
        ({"nomination": {"province": "ON", "nominated_on": "2004-01-01"}}, "$.nomination.nominated_on"),
        ({"job_offer": {"noc": "21231", "offered_on": "2004-01-01"}}, "$.job_offer.offered_on"),
        ({"profile_submitted_at": "2004-12-31T23:59:59Z"}, "$.profile_submitted_at"),
    ],
)
def test_a_fact_dated_before_the_birth_date_is_rejected_at_its_date(facts, path):
    """Every dated fact of the candidate starts on or after the birth date; the problem names the date at fault."""
    problem = only_problem({"birth_date": BORN, **facts})
    assert "must be a date on or after the birth date (2016-01-01)" in problem
    assert problem.endswith(f" @ {path}")


@pytest.mark.parametrize(
    ("facts", "path", "message"),
    [
        ({"siblings": [{"birth_date": "2010-05-01", "citizen_or_pr_since": "2009-01-01"}]},
         "$.siblings[0].citizen_or_pr_since", "'citizen_or_pr_since' must be a date on or after birth_date (2010-05"),
        ({"credentials": [{"level": "masters", "completed_on": "2024-06-01", "eca_issued_on": "2024-05-31"}]},
         "$.credentials[0].eca_issued_on", "'eca_issued_on' must be a date on or after completed_on (2024-06-01)"),
        ({"jobs": [{**JOB, "end": "2023-12-31"}]}, "$.jobs[0].end", "'end' must be a date on or after start"),
        ({"job_offer": {"noc": "21231", "offered_on": "2024-01-01", "ends_on": "2023-01-01"}}, "$.job_offer.ends_on",
         "'ends_on' must be a date on or after offered_on"),
        ({"marital_status": "married", "spouse": {"accompanying": True, "credentials": [
            {"level": "masters", "completed_on": "2024-06-01", "eca_issued_on": "2020-01-01"}]}},
         "$.spouse.credentials[0].eca_issued_on", "'eca_issued_on' must be a date on or after completed_on"),
    ],
)  # fmt: skip
def test_a_fact_out_of_its_own_order_is_rejected_at_its_date(facts, path, message):
    """A sibling's PR before their birth, an ECA before the completion, an end before the start: each at its date."""
    problem = only_problem({"birth_date": "1990-01-01", **facts})
    assert message in problem
    assert problem.endswith(f" @ {path}")


def test_possible_facts_are_accepted():
    """Facts on the birth date itself, a younger sibling (PR before the candidate was born is possible for an older
    one), and a spouse's facts from before the candidate's birth (the model has no spouse birth date) all load."""
    data = {
        "birth_date": BORN,
        "marital_status": "common_law",
        "spouse": {"accompanying": True, "jobs": [{**JOB, "start": "1995-01-01"}], "credentials": [
            {"level": "bachelors", "completed_on": "1999-06-01", "eca_issued_on": "1999-06-01"}]},
        "jobs": [{**JOB, "start": BORN}],
        "siblings": [{"birth_date": "2020-01-01", "citizen_or_pr_since": "2020-01-01"},
                     {"birth_date": "1990-01-01", "citizen_or_pr_since": "2000-01-01"}],
        "profile_submitted_at": "2016-01-01T00:00:00Z",
    }  # fmt: skip
    candidate = load_candidate(data)
    assert candidate == load_candidate(dump_candidate(candidate))


def test_python_gets_the_same_check_with_the_path():
    """Building the model in Python (or evolving it) raises InvalidValueError naming the fact and its path."""
    born = date(2005, 1, 1)
    with pytest.raises(crsrules.InvalidValueError) as info:
        Candidate(birth_date=born, jobs=(Job(noc="21231", in_canada=True, start=date(2000, 1, 1)),))
    assert ("jobs[0].start", "2000-01-01", ("jobs", 0, "start")) == (info.value.field, info.value.value,
                                                                     info.value.path)  # fmt: skip
    adult = Candidate(birth_date=date(1990, 1, 1), language_results=(ielts(date(2000, 1, 1)),))
    with pytest.raises(crsrules.InvalidValueError, match=r"'language_results\[0\].tested_on' must be a date on or"):
        attrs.evolve(adult, birth_date=born)
    with pytest.raises(crsrules.InvalidValueError, match="'citizen_or_pr_since' must be a date on or after"):
        Sibling(birth_date=born, citizen_or_pr_since=date(2004, 1, 1))
    with pytest.raises(crsrules.InvalidValueError, match="'eca_issued_on' must be a date on or after completed_on"):
        Credential(level=Education.MASTERS, completed_on=date(2024, 6, 1), eca_issued_on=date(2024, 1, 1))
    when = datetime(2004, 12, 31, 23, 59, tzinfo=UTC)
    with pytest.raises(crsrules.InvalidValueError, match="'profile_submitted_at' must be a date on or after"):
        Candidate(birth_date=born, profile_submitted_at=when)


@pytest.mark.parametrize(
    "fact",
    [
        {"credentials": (Credential(level=Education.BACHELORS, completed_on=date(2004, 6, 1), in_canada=True),)},
        {"certificate_of_qualification": Certificate(issued_on=date(2004, 1, 1))},
        {"nomination": Nomination(province=Province.BC, nominated_on=date(2004, 1, 1))},
        {"job_offer": JobOffer(noc="21231", offered_on=date(2004, 1, 1))},
    ],
)
def test_every_dated_fact_is_checked_in_python(fact):
    """Credentials, the certificate, the nomination and the offer follow the birth date too."""
    with pytest.raises(crsrules.InvalidValueError, match=r"on or after the birth date \(2005-01-01\)"):
        Candidate(birth_date=date(2005, 1, 1), **fact)


def test_the_cli_rejects_a_job_before_birth(capsys, tmp_path):
    """crsrules score exits 2 with the job's path, never a score."""
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"birth_date": "2005-01-01", "jobs": [{**JOB, "start": "2000-01-01"}]}))
    with pytest.raises(SystemExit) as info:
        main(["score", str(path), "--on", "2025-06-01"])
    out, err = capsys.readouterr()
    assert (2, "") == (info.value.code, out)
    assert "@ $.jobs[0].start" in err


# --- Problem 2: the supported date range ------------------------------------------------------------------------------


def test_the_range_is_public():
    """The range is crsrules.EARLIEST_DATE to crsrules.LATEST_DATE."""
    assert (EARLIEST, LATEST) == (crsrules.EARLIEST_DATE, crsrules.LATEST_DATE)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"birth_date": "0001-01-01"}, "$.birth_date"),
        ({"birth_date": "1899-12-31"}, "$.birth_date"),
        ({"birth_date": "1990-01-01", "language_results": [{**IELTS, "tested_on": "9998-01-01"}]},
         "$.language_results[0].tested_on"),
        ({"birth_date": "1990-01-01", "jobs": [{**JOB, "start": "2200-01-01"}]}, "$.jobs[0].start"),
        ({"birth_date": "1990-01-01", "jobs": [{**JOB, "end": "9999-12-31"}]}, "$.jobs[0].end"),
        ({"birth_date": "1990-01-01", "credentials": [{"level": "masters", "completed_on": "2016-01-01",
                                                       "eca_issued_on": "2200-01-01"}]},
         "$.credentials[0].eca_issued_on"),
        ({"birth_date": "1990-01-01", "siblings": [{"birth_date": "1800-01-01", "citizen_or_pr_since": "2000-01-01"}]},
         "$.siblings[0].birth_date"),
        ({"birth_date": "1990-01-01", "profile_submitted_at": "9999-12-31T23:00:00-05:00"}, "$.profile_submitted_at"),
        ({"birth_date": "1990-01-01", "marital_status": "married",
          "spouse": {"accompanying": True, "language_results": [{**IELTS, "tested_on": "9998-01-01"}]}},
         "$.spouse.language_results[0].tested_on"),
    ],
)  # fmt: skip
def test_a_fact_dated_outside_the_range_is_rejected_at_its_date(data, path):
    """A birth date of 0001-01-01 is no longer read as an age capped at 120; a test in 9998 no longer crashes."""
    problem = only_problem(data)
    assert RANGE in problem
    assert problem.endswith(f" @ {path}")


def test_the_bounds_of_the_range_are_accepted():
    """1900-01-01 and 2199-12-31 are dates like any other."""
    data = {
        "birth_date": "1900-01-01",
        "jobs": [{**JOB, "start": "1900-01-01", "end": "2199-12-31"}],
        "language_results": [{**IELTS, "tested_on": "2199-12-31"}],
        "profile_submitted_at": "2199-12-31T23:59:59Z",
    }
    candidate = load_candidate(data)
    assert EARLIEST == candidate.birth_date


def test_the_issues_test_in_9998_is_a_crsrules_error_in_python():
    """LanguageResult itself refuses the date, so score, eligibility, timeline and invited never see it."""
    with pytest.raises(crsrules.InvalidValueError) as info:
        ielts(date(9998, 1, 1))
    assert ("tested_on", "9998-01-01", RANGE) == (info.value.field, info.value.value, info.value.allowed)


A_WORKER = Candidate(birth_date=date(1990, 1, 1), jobs=(Job(noc="21231", in_canada=True, start=date(2010, 1, 1)),))
FACTORS = crsrules.factors(A_WORKER, on=date(2025, 6, 1))
# Every public function that takes a date, by the name of the argument it checks.
TAKING_A_DATE = {
    "score": ("on", lambda d: crsrules.score(A_WORKER, on=d)),
    "score(factors)": ("on", lambda d: crsrules.score(FACTORS, on=d)),
    "factors": ("on", lambda d: crsrules.factors(A_WORKER, on=d)),
    "derive": ("on", lambda d: crsrules.derive(A_WORKER, on=d)),
    "rules_in_force": ("on", crsrules.rules_in_force),
    "program_eligibility": ("on", lambda d: crsrules.program_eligibility(A_WORKER, on=d)),
    "fsw_eligibility": ("on", lambda d: crsrules.fsw_eligibility(A_WORKER, on=d)),
    "cec_eligibility": ("on", lambda d: crsrules.cec_eligibility(A_WORKER, on=d)),
    "fst_eligibility": ("on", lambda d: crsrules.fst_eligibility(A_WORKER, on=d)),
    "category_eligibility": ("on", lambda d: crsrules.category_eligibility(A_WORKER, Category.STEM, on=d)),
    "eligible_categories": ("on", lambda d: crsrules.eligible_categories(A_WORKER, on=d)),
    "category_versions": ("on", crsrules.category_versions),
    "category_version": ("on", lambda d: crsrules.category_version(Category.STEM, d)),
    "timeline(end)": ("end", lambda d: crsrules.timeline(A_WORKER, date(2025, 1, 1), d)),
    "timeline(start)": ("start", lambda d: crsrules.timeline(A_WORKER, d, date(2025, 1, 1))),
    "rounds_invited(since)": ("since", lambda d: crsrules.rounds_invited(A_WORKER, since=d)),
    "rounds_invited(until)": ("until", lambda d: crsrules.rounds_invited(A_WORKER, since=date(2025, 1, 1), until=d)),
    "tef_scale_on": ("tested_on", tef_scale_on),
    "accepted_tests": ("on", accepted_tests),
    "draws.history(start)": ("start", lambda d: crsrules.draws.history(start=d)),
    "draws.history(end)": ("end", lambda d: crsrules.draws.history(end=d)),
}


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(2200, 1, 1), date(1899, 12, 31), date(1, 1, 1)])
@pytest.mark.parametrize("name", TAKING_A_DATE)
def test_every_date_argument_outside_the_range_is_a_crsrules_error(name, day):
    """``on=`` of 9999-12-31 with a job raised OverflowError; now every date argument names itself and the range."""
    argument, call = TAKING_A_DATE[name]
    with pytest.raises(crsrules.InvalidValueError) as info:
        call(day)
    assert (argument, day.isoformat(), RANGE) == (info.value.field, info.value.value, info.value.allowed)


def test_the_last_supported_day_computes_without_overflow():
    """Facts and the date on 2199-12-31 (a test's expiry and an ECA's fall in 2201 and 2204): every answer computes,
    with the newest ruleset and a StaleRulesWarning, as for any date after the last known one."""
    facts = Candidate(
        birth_date=EARLIEST,
        credentials=(Credential(level=Education.MASTERS, completed_on=LATEST, eca_issued_on=LATEST),),
        language_results=(ielts(LATEST), ielts(LATEST - timedelta(days=700))),
        jobs=(Job(noc="21231", in_canada=True, start=EARLIEST), Job(noc="21231", in_canada=False, start=LATEST)),
        job_offer=JobOffer(noc="21231", offered_on=LATEST),
        siblings=(Sibling(birth_date=LATEST, citizen_or_pr_since=LATEST),),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", crsrules.StaleRulesWarning)
        with pytest.raises(crsrules.StaleRulesWarning):
            crsrules.score(facts, on=LATEST)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        assert crsrules.available_rulesets()[-1].id == crsrules.score(facts, on=LATEST).rules_id
        assert 0 <= crsrules.score(facts, on=LATEST).total <= 1200
        crsrules.program_eligibility(facts, on=LATEST)
        crsrules.eligible_categories(facts, on=LATEST)
        assert crsrules.timeline(facts, date(2199, 1, 1), LATEST)
        crsrules.rounds_invited(facts, since=date(2025, 1, 1), until=LATEST)


@pytest.mark.parametrize(
    ("command", "options"),
    [("score", ["--on"]), ("eligibility", ["--on"]), ("timeline", ["--from", "2025-01-01", "--until"])],
)
def test_the_cli_refuses_a_date_out_of_range_with_exit_2(capsys, tmp_path, command, options):
    """``--on 9999-12-31`` (``--until`` for a timeline) with a job raised OverflowError; now exit 2 naming the range."""
    path = tmp_path / "c.json"
    path.write_text(json.dumps(dump_candidate(A_WORKER)))
    with pytest.raises(SystemExit) as info:
        main([command, str(path), *options, "9999-12-31"])
    out, err = capsys.readouterr()
    assert (2, "") == (info.value.code, out)
    assert RANGE in err
    assert "Traceback" not in err


def test_a_test_in_9998_in_a_file_exits_2(capsys, tmp_path):
    """The issue's file: score, eligibility, timeline and invited all stop at the test date, exit 2."""
    path = tmp_path / "c.json"
    data = {"birth_date": "1990-01-01", "language_results": [{**IELTS, "tested_on": "9998-01-01"}]}
    path.write_text(json.dumps(data))
    for argv in (["score", str(path), "--on", "2025-06-01"], ["eligibility", str(path), "--on", "2025-06-01"],
                 ["timeline", str(path), "--from", "2025-01-01", "--until", "2025-06-01"],
                 ["invited", str(path), "--since", "2025-01-01"]):  # fmt: skip
        with pytest.raises(SystemExit) as info:
            main(argv)
        _, err = capsys.readouterr()
        assert 2 == info.value.code
        assert f"{RANGE} (got '9998-01-01') @ $.language_results[0].tested_on" in err


def test_a_spouse_is_checked_without_a_birth_date():
    """A spouse's facts are checked one against another and against the range, never against an age."""
    spouse = Spouse(accompanying=True, jobs=(Job(noc="21231", in_canada=True, start=EARLIEST),))
    candidate = Candidate(birth_date=date(2005, 1, 1), marital_status=MaritalStatus.MARRIED, spouse=spouse)
    assert spouse == candidate.spouse
    problem = only_problem({"birth_date": "1990-01-01", "marital_status": "married",
                            "spouse": {"accompanying": True, "jobs": [{**JOB, "start": "1899-12-31"}]}})  # fmt: skip
    assert problem.endswith(f"{RANGE} (got '1899-12-31') @ $.spouse.jobs[0].start")


# --- The strategies draw only possible facts in the range -------------------------------------------------------------


@pytest.mark.parametrize("on", [date(1961, 1, 1), LATEST])
@given(data=st.data())
def test_the_strategies_draw_valid_candidates_at_the_ends_of_the_range(on, data):
    """Around the first day a 60-year-old can be born in the range, and around the last day, every drawn candidate
    is valid (building it checks every rule above) and survives a JSON round trip."""
    candidate = data.draw(candidates(on=on))
    assert candidate == load_candidate(dump_candidate(candidate))


@pytest.mark.parametrize(
    "strategy",
    [lambda: candidates(on=date(1960, 12, 31)), lambda: candidates(on=date(2200, 1, 1)),
     lambda: jobs(on=date(2200, 1, 1)), lambda: language_results(on=date(2200, 1, 1))],
)  # fmt: skip
def test_the_strategies_refuse_a_day_out_of_the_range(strategy):
    """As Hypothesis's own strategies do, at once: facts drawn up to that day could not be valid."""
    with pytest.raises(InvalidArgument, match="supported range"):
        strategy()
