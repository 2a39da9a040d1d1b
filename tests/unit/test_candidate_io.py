"""load_candidate / dump_candidate and the JSON Schemas: strict candidate files, every problem listed with its path."""

import copy
import json
import re
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest

import crsrules
from crsrules import Candidate, Factors, LanguageTest, MaritalStatus, Province, TefScale
from crsrules.io import dump_candidate, is_candidate_data, load_candidate, load_factors
from crsrules.model import ArrangedEmployment, CanadianEducation, Education, OfficialLanguage
from crsrules.schema import candidate_schema, factors_schema

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
    """An unknown key is named with the path of the object that holds it, however deep."""
    data = {
        **GOOD,
        "age": 31,
        "jobs": [JOB, {**JOB, "hours": 40}],
        "marital_status": "married",
        "spouse": {"accompanying": True, "credentials": [{"level": "masters", "completed_on": "2019-01-01",
                                                          "eca": "2024-01-01"}]},
    }  # fmt: skip
    problems = problems_of(data)
    assert "extra fields found (age) @ $" in problems
    assert "extra fields found (hours) @ $.jobs[1]" in problems
    assert "extra fields found (eca) @ $.spouse.credentials[0]" in problems
    assert 3 == len(problems)


def test_derived_levels_cannot_be_given():
    """A LanguageResult's levels are derived from its scores: a file cannot set them."""
    data = {**GOOD, "language_results": [{**IELTS, "levels": {"listening": 12}}]}
    assert "extra fields found (levels) @ $.language_results[0]" == only_problem(data)


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
    """IELTS bands go 0-9 in half bands: 7.3 is impossible, and so is 9.5."""
    problem = only_problem({**GOOD, "language_results": [{**IELTS, "reading": 7.3}]})
    assert "'reading' must be an IELTS General Training band 0.0-9.0 in steps of 0.5 (got 7.3)" in problem
    assert problem.endswith("@ $.language_results[0]")
    assert only_problem({**GOOD, "language_results": [{**IELTS, "listening": 9.5}]}).endswith(
        "(got 9.5) @ $.language_results[0]"
    )


def test_a_test_taken_before_it_was_accepted_is_rejected():
    """PTE Core results count only from 2024-01-30."""
    pte = {"test": "pte_core", "tested_on": "2023-06-01", "listening": 70, "reading": 70, "writing": 70,
           "speaking": 70}  # fmt: skip
    problem = only_problem({**GOOD, "language_results": [IELTS, pte]})
    assert "2024-01-30" in problem
    assert problem.endswith("@ $.language_results[1]")


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
    assert problem.endswith("@ $.jobs[1]")


def test_a_noc_2016_code_alone_is_rejected_for_recent_work():
    """Work on or after 2022-11-16 needs its NOC 2021 code."""
    job = {"noc_2016": "2173", "in_canada": True, "start": "2021-01-04"}
    problem = only_problem({**GOOD, "jobs": [job]})
    assert "a NOC 2021 code for work on or after 2022-11-16" in problem
    assert problem.endswith("@ $.jobs[0]")


@pytest.mark.parametrize("status", ["never_married", "divorced", "widowed"])
def test_a_spouse_needs_a_partner_status(status):
    """Only a married or common-law candidate has a spouse."""
    data = {**GOOD, "marital_status": status, "spouse": {"accompanying": True}}
    problem = only_problem(data)
    assert f"'spouse' must be None when the marital status is '{status}'" in problem
    assert problem.endswith("@ $")
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
    assert ["$", "$.birth_date", "$.credentials[0]", "$.jobs[0].end", "$.jobs[1]", "$.language_results[0]",
            "$.profile_submitted_at"] == paths  # fmt: skip
    message = str(crsrules.InvalidCandidateError(problems))
    assert message.startswith("invalid candidate (7 problems):")


@pytest.mark.parametrize("data", [[], "x", None, 3])
def test_non_objects_are_rejected(data):
    """The top level must be a JSON object."""
    assert only_problem(data).startswith("expected an object, got ")


def test_a_good_file_is_never_changed_by_loading():
    """Loading does not modify the data it reads."""
    data = copy.deepcopy(GOOD)
    load_candidate(data)
    assert GOOD == data


# --- JSON Schemas ----------------------------------------------------------------------------------------------------


def _resolve(schema, root):
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        schema = root["$defs"][name]
    return schema


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_FORMATS = {"date": date.fromisoformat, "date-time": datetime.fromisoformat}


def errors(value, schema, root, path="$"):
    """The errors of *value* against *schema*: a small validator for the keywords the crsrules schemas use.

    The full check is test_schema_validates_the_examples_with_jsonschema, when jsonschema is installed.
    """
    schema = _resolve(schema, root)
    if "type" in schema and not _TYPES[schema["type"]](value):
        return [f"{path}: not {schema['type']}"]
    found = _value_errors(value, schema, path)
    for keyword, needed in (("anyOf", lambda n: n >= 1), ("oneOf", lambda n: n == 1)):
        if keyword in schema:
            matches = sum(not errors(value, option, root, path) for option in schema[keyword])
            if not needed(matches):
                found.append(f"{path}: {matches} {keyword} options match")
    if isinstance(value, dict) and "properties" in schema:
        found += _object_errors(value, schema, root, path)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{path}[{i}]")
    return found


def _value_errors(value, schema, path):
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: {value!r} not in enum")
    if "format" in schema:
        try:
            _FORMATS[schema["format"]](value)
        except ValueError:
            found.append(f"{path}: not a {schema['format']}")
    return found


def _object_errors(value, schema, root, path):
    found = [f"{path}: {name} missing" for name in schema["required"] if name not in value]
    for key, item in value.items():
        if key in schema["properties"]:
            found += errors(item, schema["properties"][key], root, f"{path}.{key}")
        elif schema.get("additionalProperties") is False:
            found.append(f"{path}: unknown key {key}")
    return found


@pytest.mark.parametrize("path", CANDIDATES, ids=lambda p: p.name)
def test_example_candidates_and_their_dumps_fit_the_schema(path):
    """Each example file, and its dump (with every default written out), fits the candidate schema."""
    schema = candidate_schema()
    data = read(path)
    assert [] == errors(data, schema, schema)
    assert [] == errors(dump_candidate(load_candidate(data)), schema, schema)


@pytest.mark.parametrize("path", FACTORS, ids=lambda p: p.name)
def test_example_factors_fit_the_schema(path):
    """Each example factors file fits the factors schema."""
    schema = factors_schema()
    assert [] == errors(read(path), schema, schema)


def test_the_schema_rejects_what_loading_rejects():
    """Unknown keys, a missing birth date, wrong types and unknown enum values fail the schema too."""
    schema = candidate_schema()
    bad = {
        "marital_status": "single",
        "jobs": [{**JOB, "hours": 40, "in_canada": "no"}],
        "profile_submitted_at": 5,
        "extra": 1,
    }
    found = "\n".join(errors(bad, schema, schema))
    for fragment in ("$: birth_date missing", "$: unknown key extra", "$.jobs[0]: unknown key hours",
                     "$.jobs[0].in_canada: not boolean", "$.marital_status: 'single' not in enum",
                     "$.profile_submitted_at: 0 anyOf"):  # fmt: skip
        assert fragment in found


def test_schema_validates_the_examples_with_jsonschema():
    """The schemas are valid draft 2020-12 schemas, and every example file (and dump) validates against them."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator
    for schema, paths in ((candidate_schema(), CANDIDATES), (factors_schema(), FACTORS)):
        validator.check_schema(schema)
        check = validator(schema, format_checker=validator.FORMAT_CHECKER)
        for path in paths:
            check.validate(read(path))
    check = validator(candidate_schema(), format_checker=validator.FORMAT_CHECKER)
    for path in CANDIDATES:
        check.validate(dump_candidate(load_candidate(read(path))))
    assert not check.is_valid({**GOOD, "jobs": [{**JOB, "hours": 40}]})


def test_schemas_are_draft_2020_12_with_titles():
    """Each schema names its draft and has a title; both are plain JSON."""
    for schema in (candidate_schema(), factors_schema()):
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert schema["title"]
        assert "$id" not in schema
        assert schema == json.loads(json.dumps(schema))


def _init_fields(cls):
    return [a for a in attrs.fields(cls) if a.init]


CANDIDATE_PARTS = [Candidate, crsrules.Spouse, crsrules.Credential, crsrules.LanguageResult, crsrules.Job,
                   crsrules.Sibling, crsrules.Certificate, crsrules.Nomination, crsrules.JobOffer]  # fmt: skip


@pytest.mark.parametrize("cls", CANDIDATE_PARTS, ids=lambda c: c.__name__)
def test_candidate_schema_follows_each_class(cls):
    """Every init field is a property, required exactly when it has no default; unknown keys are not allowed."""
    schema = candidate_schema()
    part = schema if cls is Candidate else schema["$defs"][cls.__name__]
    fields = _init_fields(cls)
    assert [a.name for a in fields] == list(part["properties"])
    assert [a.name for a in fields if a.default is attrs.NOTHING] == part["required"]
    assert part["additionalProperties"] is False


def test_derived_fields_are_not_in_the_schema():
    """LanguageResult's levels are derived (by crsrules.language.levels), never a property of the file."""
    result = candidate_schema()["$defs"]["LanguageResult"]
    assert "levels" not in result["properties"]
    assert {"test", "tested_on", "listening", "reading", "writing", "speaking"} == set(result["required"])


def _enums(schema):
    """Every enum list in *schema*, however deep."""
    if isinstance(schema, dict):
        if "enum" in schema:
            yield tuple(schema["enum"])
        for value in schema.values():
            yield from _enums(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _enums(value)


def test_enum_values_are_the_enums_values():
    """Each enum in the schemas lists exactly the values of a crsrules enum."""

    def values(e):
        return tuple(m.value for m in e)

    candidate = set(_enums(candidate_schema()))
    assert {values(e) for e in (MaritalStatus, Education, LanguageTest, TefScale, OfficialLanguage, Province)} == (
        candidate
    )
    factors = set(_enums(factors_schema()))
    assert {values(e) for e in (Education, OfficialLanguage, ArrangedEmployment, CanadianEducation, LanguageTest,
                                TefScale)} == factors  # fmt: skip
    properties = candidate_schema()["properties"]
    assert values(MaritalStatus) == tuple(properties["marital_status"]["enum"])


def test_types_map_to_json_types():
    """Dates are date strings, datetimes date-time strings, floats numbers, ints integers, optionals nullable."""
    schema = candidate_schema()
    job = schema["$defs"]["Job"]["properties"]
    assert {"type": "string", "format": "date"} == {k: job["start"][k] for k in ("type", "format")}
    assert [{"type": "string", "format": "date"}, {"type": "null"}] == job["end"]["anyOf"]
    assert "number" == job["hours_per_week"]["type"]
    assert 30 == job["hours_per_week"]["default"]
    assert "boolean" == job["paid"]["type"]
    credential = schema["$defs"]["Credential"]["properties"]
    assert "integer" == credential["full_time_months_in_canada"]["type"]
    submitted = schema["properties"]["profile_submitted_at"]["anyOf"]
    assert {"type": "string", "format": "date-time"} in submitted
    assert {"type": "array", "items": {"$ref": "#/$defs/Job"}} == {
        k: schema["properties"]["jobs"][k] for k in ("type", "items")
    }


def test_descriptions_come_from_the_field_comments():
    """The #: comment of a field is its description."""
    job = candidate_schema()["$defs"]["Job"]["properties"]
    assert job["hours_per_week"]["description"].startswith("Hours a week; 30 or more is full time")
    assert re.search(r"five digits such as \"?21231", job["noc"]["description"])


def test_factors_schema_accepts_levels_or_a_test_result():
    """In a factors file a language is CLB/NCLC levels or a test result: exactly one of the two forms fits."""
    schema = factors_schema()
    assert [a.name for a in _init_fields(Factors)] == list(schema["properties"])
    assert ["age", "education", "first_language"] == schema["required"]
    spouse = schema["$defs"]["SpouseFactors"]["properties"]["first_language"]
    forms = [{"$ref": "#/$defs/LanguageLevels"}, {"$ref": "#/$defs/LanguageResult"}]
    assert {"oneOf": forms} in spouse["anyOf"]
    levels = {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    for first in (levels, IELTS):
        data = {"age": 30, "education": "masters", "first_language": first}
        load_factors(data)
        assert [] == errors(data, schema, schema)
    mixed = {"age": 30, "education": "masters", "first_language": {**levels, "test": "ielts_general"}}
    assert errors(mixed, schema, schema)


@pytest.mark.parametrize("jobs", ["x", {}, 3])
def test_lists_must_be_json_arrays(jobs):
    """A list field given as a string, an object or a number is reported at its path, never accepted."""
    data = {"birth_date": "1990-01-01", "jobs": jobs}
    with pytest.raises(crsrules.InvalidCandidateError, match=r"expected an array, got .* @ \$\.jobs"):
        crsrules.load_candidate(data)
