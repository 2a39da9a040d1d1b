"""load_candidate / dump_candidate: strict candidate files, each problem listed with its path (schemas: test_schema)."""

import copy
import json
from datetime import date, datetime
from pathlib import Path

import pytest

import crsrules
from crsrules import Candidate, LanguageTest, MaritalStatus
from crsrules.io import dump_candidate, is_candidate_data, load_candidate

EXAMPLES = Path(__file__).parents[2] / "examples"
CANDIDATES = sorted((EXAMPLES / "candidates").glob("*.json"))
FACTORS = sorted((EXAMPLES / "factors").glob("*.json"))

JOB = {"noc": "21231", "in_canada": False, "start": "2021-02-01", "end": "2024-06-30", "hours_per_week": 40}
IELTS = {"test": "ielts_general", "tested_on": "2025-03-02", "listening": 8.0, "reading": 7.0, "writing": 7.0,
         "speaking": 7.0}  # fmt: skip
GOOD = {
    "birth_date": "1994-05-17",
    "credentials": [{"level": "bachelors", "completed_on": "2016-06-01", "eca_issued_on": "2024-01-10"}],
    "language_results": [IELTS],
    "jobs": [JOB, {**JOB, "start": "2024-07-02", "end": None}],
}


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def problems_of(data):
    """The problems load_candidate lists for *data* (it must reject it)."""
    with pytest.raises(crsrules.InvalidCandidateError) as info:
        load_candidate(data)
    assert isinstance(info.value, crsrules.InvalidFactorsError)
    assert isinstance(info.value, ValueError)
    return info.value.problems


def only_problem(data):
    problems = problems_of(data)
    assert 1 == len(problems), problems
    return problems[0]


# --- load and dump --------------------------------------------------------------------------------------------------


def test_a_good_candidate_loads_with_iso_dates_and_enums():
    """Dates come in as ISO strings, enums as their values; omitted fields take their defaults."""
    c = load_candidate(GOOD)
    assert date(1994, 5, 17) == c.birth_date
    assert MaritalStatus.NEVER_MARRIED == c.marital_status
    assert LanguageTest.IELTS_GENERAL == c.language_results[0].test
    assert c.jobs[1].end is None
    assert 40 == c.jobs[1].hours_per_week
    ongoing = load_candidate({**GOOD, "jobs": [{"noc": "21231", "in_canada": True, "start": "2024-07-02"}]})
    assert 30 == ongoing.jobs[0].hours_per_week
    assert c.spouse is None


def test_dump_gives_iso_strings_and_no_derived_levels():
    """The dump is plain JSON: ISO dates, enum values, lists, and no LanguageResult.levels (derived, never stored)."""
    data = dump_candidate(load_candidate({**GOOD, "profile_submitted_at": "2025-06-03T14:22:05Z"}))
    json.dumps(data)  # JSON-ready as is
    assert "1994-05-17" == data["birth_date"]
    assert "never_married" == data["marital_status"]
    assert "levels" not in data["language_results"][0]
    assert datetime.fromisoformat(data["profile_submitted_at"]) == datetime.fromisoformat("2025-06-03T14:22:05Z")


@pytest.mark.parametrize("path", CANDIDATES, ids=lambda p: p.name)
def test_example_files_round_trip(path):
    """Each example file loads, and dumping then loading gives back an equal candidate (also through JSON text)."""
    candidate = load_candidate(read(path))
    assert isinstance(candidate, Candidate)
    assert candidate == load_candidate(dump_candidate(candidate))
    through_text = json.loads(json.dumps(dump_candidate(candidate)))
    assert candidate == load_candidate(through_text)


def test_candidate_and_factors_files_are_told_apart():
    """A candidate file has a birth_date; a factors file has none."""
    assert all(is_candidate_data(read(p)) for p in CANDIDATES)
    assert not any(is_candidate_data(read(p)) for p in FACTORS)
    assert not is_candidate_data([GOOD])


# --- malformed candidate files ---------------------------------------------------------------------------------------


def test_wrong_types_are_reported_with_their_paths():
    """Every wrong type is listed at once, each at its own path."""
    data = {
        **GOOD,
        "birth_date": 19940517,
        "marital_status": "single",
        "jobs": [{**JOB, "noc": 21231, "hours_per_week": "40", "in_canada": "no"}],
        "siblings": {"birth_date": "1990-01-01"},
        "credentials": None,
    }
    problems = "\n".join(problems_of(data))
    assert "must be an ISO date string such as '2025-03-25' (got 19940517) @ $.birth_date" in problems
    assert "(got 'single') @ $.marital_status" in problems
    assert "'never_married'" in problems
    assert "must be a string (got 21231) @ $.jobs[0].noc" in problems
    assert "must be a number (got '40') @ $.jobs[0].hours_per_week" in problems
    assert "must be true or false (got 'no') @ $.jobs[0].in_canada" in problems
    assert "@ $.credentials" in problems


def test_a_score_given_as_a_string_is_a_wrong_type():
    """Test scores are numbers, not strings."""
    data = {**GOOD, "language_results": [{**IELTS, "listening": "8"}]}
    assert "must be a number (got '8') @ $.language_results[0].listening" == only_problem(data)


def test_missing_birth_date_is_named():
    """The birth date is the one required fact."""
    data = {k: v for k, v in GOOD.items() if k != "birth_date"}
    assert "required field missing @ $.birth_date" == only_problem(data)


def test_missing_nested_fields_are_named_at_their_path():
    """A job without its start, a credential without its level."""
    data = {**GOOD, "jobs": [{"noc": "21231", "in_canada": True}],
            "credentials": [{"completed_on": "2016-06-01", "in_canada": True}]}  # fmt: skip
    problems = problems_of(data)
    assert "required field missing @ $.jobs[0].start" in problems
    assert "required field missing @ $.credentials[0].level" in problems


def test_unknown_keys_are_rejected_at_the_top_level_and_nested():
    """An unknown key is named by its path, however deep."""
    data = {
        **GOOD,
        "age": 31,
        "jobs": [JOB, {**JOB, "hours": 40}],
        "marital_status": "married",
        "spouse": {"accompanying": True, "credentials": [{"level": "masters", "completed_on": "2019-01-01",
                                                          "eca": "2024-01-01"}]},
    }  # fmt: skip
    problems = problems_of(data)
    assert "unknown key @ $.age" in problems
    assert "unknown key @ $.jobs[1].hours" in problems
    assert "unknown key @ $.spouse.credentials[0].eca" in problems
    assert 3 == len(problems)


def test_derived_levels_cannot_be_given():
    """A LanguageResult's levels are derived from its scores: a file cannot set them."""
    data = {**GOOD, "language_results": [{**IELTS, "levels": {"listening": 12}}]}
    assert "unknown key @ $.language_results[0].levels" == only_problem(data)


def test_a_job_ending_before_it_starts_is_rejected_at_its_end():
    """An impossible period is the job's problem: its path is the job's end date."""
    data = {**GOOD, "jobs": [{**JOB, "start": "2024-06-30", "end": "2021-02-01"}]}
    problem = only_problem(data)
    assert problem.endswith("@ $.jobs[0].end")
    assert "'end' must be a date on or after start (2024-06-30) (got '2021-02-01')" in problem


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2024-02-30", "must be an ISO date such as '2025-03-25' (got '2024-02-30')"),
        ("2024-2-3", "must be an ISO date such as '2025-03-25' (got '2024-2-3')"),
        ("2024-02-03T00:00:00", "must be an ISO date such as '2025-03-25'"),
    ],
)
def test_impossible_or_non_iso_dates_are_rejected(text, fragment):
    """Only real calendar days written YYYY-MM-DD are dates."""
    problem = only_problem({**GOOD, "jobs": [{**JOB, "start": text}]})
    assert fragment in problem
    assert problem.endswith("@ $.jobs[0].start")


def test_an_impossible_ielts_band_is_rejected_at_its_result():
    """IELTS bands go 0-9 in half bands: 7.3 is impossible, and so is 9.5 (each reported at its ability)."""
    problem = only_problem({**GOOD, "language_results": [{**IELTS, "reading": 7.3}]})
    assert "'reading' must be an IELTS General Training band 0.0-9.0 in steps of 0.5 (got 7.3)" in problem
    assert problem.endswith("@ $.language_results[0].reading")
    assert only_problem({**GOOD, "language_results": [{**IELTS, "listening": 9.5}]}).endswith(
        "(got 9.5) @ $.language_results[0].listening"
    )


def test_a_test_taken_before_it_was_accepted_is_rejected():
    """PTE Core results count only from 2024-01-30."""
    pte = {"test": "pte_core", "tested_on": "2023-06-01", "listening": 70, "reading": 70, "writing": 70,
           "speaking": 70}  # fmt: skip
    problem = only_problem({**GOOD, "language_results": [IELTS, pte]})
    assert "2024-01-30" in problem
    assert problem.endswith("@ $.language_results[1].tested_on")


def test_a_datetime_needs_a_time_zone():
    """The profile's submission time is ordered against IRCC's UTC times: a naive time is ambiguous."""
    problem = only_problem({**GOOD, "profile_submitted_at": "2025-06-03T14:22:05"})
    assert "must include a time zone, such as 'Z' for UTC (got '2025-06-03T14:22:05')" in problem
    assert problem.endswith("@ $.profile_submitted_at")
    assert "@ $.profile_submitted_at" in only_problem({**GOOD, "profile_submitted_at": "June 3rd"})


@pytest.mark.parametrize(
    ("noc", "fragment"),
    [
        ("2123", "'noc' must be a NOC 2021 code: a string of five digits such as '21231' (got '2123')"),
        ("2123A", "(got '2123A')"),
        ("212310", "(got '212310')"),
    ],
)
def test_a_noc_code_of_the_wrong_form_is_rejected(noc, fragment):
    """A NOC 2021 code is five digits; a four-digit code belongs in noc_2016."""
    problem = only_problem({**GOOD, "jobs": [JOB, {**JOB, "noc": noc}]})
    assert fragment in problem
    assert problem.endswith("@ $.jobs[1].noc")


def test_a_noc_2016_code_alone_is_rejected_for_recent_work():
    """Work on or after 2022-11-16 needs its NOC 2021 code."""
    job = {"noc_2016": "2173", "in_canada": True, "start": "2021-01-04"}
    problem = only_problem({**GOOD, "jobs": [job]})
    assert "a NOC 2021 code for work on or after 2022-11-16" in problem
    assert problem.endswith("@ $.jobs[0].noc")


@pytest.mark.parametrize("status", ["never_married", "divorced", "widowed"])
def test_a_spouse_needs_a_partner_status(status):
    """Only a married or common-law candidate has a spouse."""
    data = {**GOOD, "marital_status": status, "spouse": {"accompanying": True}}
    problem = only_problem(data)
    assert f"'spouse' must be None when the marital status is '{status}'" in problem
    assert problem.endswith("@ $.spouse")
    assert only_problem({k: v for k, v in data.items() if k != "marital_status"}).startswith("'spouse' must be None")


def test_a_partner_status_without_a_spouse_is_fine():
    """A married candidate may leave the spouse out (the spouse then earns nothing)."""
    assert load_candidate({**GOOD, "marital_status": "married"}).spouse is None


def test_an_unknown_enum_value_lists_the_choices():
    """A province outside Express Entry (Quebec selects its own) is not a choice."""
    problem = only_problem({**GOOD, "nomination": {"province": "QC", "nominated_on": "2025-11-18"}})
    assert "must be one of 'AB', 'BC'" in problem
    assert problem.endswith("(got 'QC') @ $.nomination.province")


def test_problems_everywhere_are_all_listed():
    """Problems in several places come back together, none hiding another."""
    data = {
        "credentials": [{"level": "two_or_more", "completed_on": "2016-06-01"}],
        "language_results": [{**IELTS, "writing": 7.3}],
        "jobs": [{**JOB, "end": "2020-01-01"}, {**JOB, "noc": "2123"}],
        "profile_submitted_at": "2025-06-03T14:22:05",
        "favourite_colour": "blue",
    }
    problems = problems_of(data)
    paths = sorted(p.rsplit(" @ ", 1)[1] for p in problems)
    assert ["$.birth_date", "$.credentials[0].level", "$.favourite_colour", "$.jobs[0].end", "$.jobs[1].noc",
            "$.language_results[0].writing", "$.profile_submitted_at"] == paths  # fmt: skip
    message = str(crsrules.InvalidCandidateError(problems))
    assert message.startswith("invalid candidate (7 problems):")


@pytest.mark.parametrize("data", [[], "[]", None, 3])
def test_non_objects_are_rejected(data):
    """The top level must be a JSON object (a str is read as JSON text)."""
    assert only_problem(data).startswith("expected an object, got ")


def test_a_good_file_is_never_changed_by_loading():
    """Loading does not modify the data it reads."""
    data = copy.deepcopy(GOOD)
    load_candidate(data)
    assert GOOD == data


@pytest.mark.parametrize("jobs", ["x", {}, 3])
def test_lists_must_be_json_arrays(jobs):
    """A list field given as a string, an object or a number is reported at its path, never accepted."""
    data = {"birth_date": "1990-01-01", "jobs": jobs}
    with pytest.raises(crsrules.InvalidCandidateError, match=r"expected an array, got .* @ \$\.jobs"):
        crsrules.load_candidate(data)
