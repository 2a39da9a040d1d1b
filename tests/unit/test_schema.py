"""The JSON Schemas: valid draft 2020-12, generated from the model, and in agreement with the loaders.

tests/properties/test_schema_agreement.py proves the agreement on drawn and mutated documents; the cases here are the
disagreements seen before (issue 9, problem 7), each one a regression test.
"""

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from jsonschema import Draft202012Validator

import crsrules
from crsrules import Candidate, Factors, LanguageTest, MaritalStatus, Province, TefScale
from crsrules._validation import EARLIEST_DATE, LATEST_DATE, NumberRange, WholeNumber
from crsrules.candidate import CREDENTIAL_LEVELS, Employer, RelativeKind
from crsrules.io import dump_candidate, load_candidate, load_factors
from crsrules.language_tests import score_range
from crsrules.model import ArrangedEmployment, CanadianEducation, Education, OfficialLanguage
from crsrules.occupations import all_occupations
from crsrules.schema import _dates, _numbers, candidate_schema, factors_schema

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
LEVELS = {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
FRENCH = {"language": "french", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}
GOOD_FACTORS = {"age": 30, "education": "masters", "first_language": LEVELS}


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def validator(schema):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


# Made once: generating a schema reads the model's source for the descriptions.
CANDIDATE_SCHEMA = validator(candidate_schema())
FACTORS_SCHEMA = validator(factors_schema())


def schema_errors(schema, data):
    """The schema's errors for *data*, as 'path: message' lines."""
    return [f"{e.json_path}: {e.message}" for e in validator(schema).iter_errors(data)]


def loads(load, data):
    """Whether *load* accepts *data* (rejecting it with an InvalidFactorsError, a CRSRulesError, is the other way)."""
    try:
        load(data)
    except crsrules.InvalidFactorsError:
        return False
    return True


# --- valid schemas, valid examples -----------------------------------------------------------------------------------


def test_schemas_are_draft_2020_12_with_titles():
    """Each schema is a valid draft 2020-12 schema with a title, and plain JSON."""
    for schema in (candidate_schema(), factors_schema()):
        Draft202012Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert schema["title"]
        assert "$id" not in schema
        assert schema == json.loads(json.dumps(schema))


@pytest.mark.parametrize("path", CANDIDATES, ids=lambda p: p.name)
def test_example_candidates_and_their_dumps_fit_the_schema(path):
    """Each example file, and its dump (with every default written out), fits the candidate schema."""
    data = read(path)
    assert [] == schema_errors(CANDIDATE_SCHEMA.schema, data)
    assert [] == schema_errors(CANDIDATE_SCHEMA.schema, dump_candidate(load_candidate(data)))


@pytest.mark.parametrize("path", FACTORS, ids=lambda p: p.name)
def test_example_factors_fit_the_schema(path):
    """Each example factors file fits the factors schema."""
    assert [] == schema_errors(FACTORS_SCHEMA.schema, read(path))


def test_the_schema_rejects_what_loading_rejects():
    """Unknown keys, a missing birth date, wrong types and unknown enum values fail the schema, at their paths."""
    bad = {
        "marital_status": "single",
        "jobs": [{**JOB, "hours": 40, "in_canada": "no"}],
        "profile_submitted_at": 5,
        "extra": 1,
    }
    found = "\n".join(schema_errors(candidate_schema(), bad))
    for fragment in ("$: 'birth_date' is a required property", "$: Additional properties are not allowed ('extra'",
                     "$.jobs[0]: Additional properties are not allowed ('hours'", "$.jobs[0].in_canada: 'no' is not of",
                     "$.marital_status: 'single' is not one of", "$.profile_submitted_at: 5 is not valid"):  # fmt: skip
        assert fragment in found


# --- generated from the model ----------------------------------------------------------------------------------------


def _init_fields(cls):
    return [a for a in attrs.fields(cls) if a.init]


CANDIDATE_PARTS = [Candidate, crsrules.Spouse, crsrules.Credential, crsrules.LanguageResult, crsrules.Job,
                   crsrules.Sibling, crsrules.Certificate, crsrules.Nomination, crsrules.JobOffer]  # fmt: skip


@pytest.mark.parametrize("cls", CANDIDATE_PARTS, ids=lambda c: c.__name__)
def test_candidate_schema_follows_each_class(cls):
    """Every init field is a property, required exactly when it has no default; unknown keys are not allowed."""
    schema = CANDIDATE_SCHEMA.schema
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
    """Each enum lists the values of a crsrules enum, some of them (a validator's or a rule's), or the NOC codes."""
    enums = (MaritalStatus, Education, LanguageTest, TefScale, OfficialLanguage, Province, ArrangedEmployment,
             CanadianEducation, RelativeKind, Employer)  # fmt: skip
    codes = tuple(o.code for o in all_occupations())
    for found in set(_enums(candidate_schema())) | set(_enums(factors_schema())):
        values = set(found) - {None}
        assert found == codes or any(values <= {m.value for m in e} for e in enums), found
    properties = candidate_schema()["properties"]
    assert [m.value for m in MaritalStatus] == properties["marital_status"]["enum"]
    level = candidate_schema()["$defs"]["Credential"]["properties"]["level"]
    assert [e.value for e in CREDENTIAL_LEVELS] == level["enum"]


def test_types_map_to_json_types():
    """Dates are date strings, datetimes date-time strings, floats numbers, ints integers, optionals nullable."""
    schema = candidate_schema()
    defs = schema["$defs"]
    job = defs["Job"]["properties"]
    assert {"type": "string", "format": "date"} == {k: defs["Date"][k] for k in ("type", "format")}
    assert {"type": "string", "format": "date-time"} == {k: defs["DateTime"][k] for k in ("type", "format")}
    assert "#/$defs/Date" == job["start"]["$ref"]
    assert [{"$ref": "#/$defs/Date"}, {"type": "null"}] == job["end"]["anyOf"]
    assert {"type": "number", "exclusiveMinimum": 0, "maximum": 168, "default": 30} == {
        k: job["hours_per_week"][k] for k in ("type", "exclusiveMinimum", "maximum", "default")
    }
    assert "boolean" == job["paid"]["type"]
    credential = defs["Credential"]["properties"]
    months, absent = credential["full_time_months_in_canada"]["anyOf"]
    assert ({"type": "integer", "minimum": 0, "maximum": 240}, {"type": "null"}) == (months, absent)
    assert {"$ref": "#/$defs/DateTime"} in schema["properties"]["profile_submitted_at"]["anyOf"]
    assert {"type": "array", "items": {"$ref": "#/$defs/Job"}} == {
        k: schema["properties"]["jobs"][k] for k in ("type", "items")
    }


def _walk_fields(cls):
    """(class, field, validator) for every validator of every field of *cls* and of the attrs classes it holds."""
    seen, todo = set(), [cls]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for a in attrs.fields(current):
            for check in getattr(a.validator, "_validators", (a.validator,)):
                yield current, a, check
        todo += [c for c in vars(crsrules).values() if attrs.has(c) and c.__module__ in {"crsrules.candidate",
                                                                                         "crsrules.model"}]  # fmt: skip


@pytest.mark.parametrize(("root", "schema"), [(Candidate, CANDIDATE_SCHEMA.schema), (Factors, FACTORS_SCHEMA.schema)],
                         ids=["candidate", "factors"])  # fmt: skip
def test_number_limits_are_the_validators_own(root, schema):
    """Each range in the schema is the one its field's validator checks (one place for each number)."""
    checked = 0
    for cls, a, check in _walk_fields(root):
        part = schema if cls is root else schema["$defs"].get(cls.__name__)
        if part is None or a.name not in part["properties"]:
            continue
        prop = part["properties"][a.name]
        options = prop.get("anyOf", [prop])
        if isinstance(check, WholeNumber):
            assert {"minimum": check.low, "maximum": check.high}.items() <= options[0].items()
            checked += 1
        elif isinstance(check, NumberRange):
            assert check.high == options[0]["maximum"]
            checked += 1
    assert checked


def test_ielts_half_bands_and_each_tests_scale_come_from_the_scales():
    """A test result's scores are those of its test: IELTS bands in half steps, PTE Core 10-90, and so on."""
    forms = {f["title"]: f["properties"] for f in candidate_schema()["$defs"]["LanguageResult"]["oneOf"]}
    tests = (LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.PTE_CORE, LanguageTest.TCF_CANADA)
    for test in tests:
        for ability in ("listening", "reading", "writing", "speaking"):
            low, high, step = score_range(test, ability)
            score = forms[test.label][ability]
            assert (low, high, step) == (score["minimum"], score["maximum"], score["multipleOf"])
    assert 0.5 == forms["IELTS General Training"]["reading"]["multipleOf"]


def test_noc_codes_are_the_known_unit_groups_and_four_digits():
    """NOC 2021 codes are the unit groups crsrules knows; NOC 2016 codes four ASCII digits."""
    defs = candidate_schema()["$defs"]
    assert [o.code for o in all_occupations()] == defs["Noc2021Code"]["enum"]
    assert {"type": "string", "pattern": "^[0-9]{4}$(?!\\n)"} in defs["Job"]["properties"]["noc_2016"]["anyOf"]


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
    for first in (LEVELS, IELTS):
        data = {**GOOD_FACTORS, "first_language": first}
        load_factors(data)
        assert [] == schema_errors(schema, data)
    mixed = {**GOOD_FACTORS, "first_language": {**LEVELS, "test": "ielts_general"}}
    assert schema_errors(schema, mixed)


# --- the patterns of dates -------------------------------------------------------------------------------------------


def test_number_patterns_match_exactly_their_range():
    """The digit-range regexes behind the date patterns match exactly the numbers of their range."""
    rng = random.Random(9)  # noqa: S311 (a seeded sample, not a secret)
    for width in (1, 2, 3, 4):
        for _ in range(60):
            low = rng.randrange(10**width)
            high = rng.randrange(low, 10**width)
            pattern = re.compile(_numbers(low, high, width))
            assert [n for n in range(10**width) if pattern.fullmatch(f"{n:0{width}d}")] == list(range(low, high + 1))


@pytest.mark.parametrize(
    ("low", "high"),
    [(EARLIEST_DATE, LATEST_DATE), (date(2018, 12, 1), LATEST_DATE), (EARLIEST_DATE, date(2022, 11, 15)),
     (date(2019, 10, 1), date(2023, 12, 10)), (date(2024, 1, 30), date(2024, 2, 1)),
     (date(2000, 3, 4), date(2000, 3, 4))],
)  # fmt: skip
def test_date_patterns_match_exactly_their_days(low, high):
    """A date pattern matches the days from its first to its last, and no day of the supported range outside."""
    pattern = re.compile(_dates(low, high))
    day, inside = EARLIEST_DATE, []
    while day <= LATEST_DATE:
        if pattern.fullmatch(day.isoformat()):
            inside.append(day)
        day += timedelta(days=1)
    assert (low, high, (high - low).days + 1) == (inside[0], inside[-1], len(inside))


# --- the disagreements of issue 9, problem 7 -------------------------------------------------------------------------


def _candidate(**changes):
    return {**GOOD, **changes}


def _with_ielts(**changes):
    return _candidate(language_results=[{**IELTS, **changes}])


def _with_job(**changes):
    return _candidate(jobs=[{**JOB, **changes}])


CANDIDATE_CASES = {
    # dates: RFC 3339 full-date only, from 1900-01-01 to 2199-12-31
    "week date": (_candidate(birth_date="1991-W36-2"), False),
    "ordinal date": (_candidate(birth_date="1991-246"), False),
    "basic format date": (_candidate(birth_date="19910903"), False),
    "date with a newline": (_candidate(birth_date="1991-09-03\n"), False),
    "fullwidth digits": (_candidate(birth_date="\uff11\uff19\uff19\uff11-09-03"), False),
    "29 February of a leap year": (_candidate(birth_date="1992-02-29"), True),
    "29 February of another year": (_candidate(birth_date="1991-02-29"), False),
    "first supported day": (_candidate(birth_date="1900-01-01"), True),
    "before the supported range": (_candidate(birth_date="1899-12-31"), False),
    "after the supported range": (_with_job(end="2200-01-01"), False),
    # date-times: RFC 3339, with seconds and a time zone
    "date-time with a space": (_candidate(profile_submitted_at="2025-06-03 14:22:05Z"), False),
    "date-time with hours only": (_candidate(profile_submitted_at="2025-06-03T14Z"), False),
    "date-time without seconds": (_candidate(profile_submitted_at="2025-06-03T14:22Z"), False),
    "date-time in basic format": (_candidate(profile_submitted_at="20250603T142205Z"), False),
    "date-time without a time zone": (_candidate(profile_submitted_at="2025-06-03T14:22:05"), False),
    "date-time with a newline": (_candidate(profile_submitted_at="2025-06-03T14:22:05Z\n"), False),
    "date-time at 24:00": (_candidate(profile_submitted_at="2025-06-03T24:00:00Z"), False),
    "leap second": (_candidate(profile_submitted_at="2016-12-31T23:59:60Z"), False),
    "lowercase t and z": (_candidate(profile_submitted_at="2025-06-03t14:22:05z"), True),
    "nanoseconds and an offset": (_candidate(profile_submitted_at="2025-06-03T14:22:05.123456789-04:00"), True),
    "date-time before the range": (_candidate(profile_submitted_at="1899-12-31T23:59:59+05:00"), False),
    # whole numbers
    "hours as a whole-number float": (_with_job(hours_per_week=40.0), True),
    "months as a whole-number float": (
        _candidate(credentials=[{"level": "masters", "completed_on": "2020-05-01", "in_canada": True,
                                 "full_time_months_in_canada": 16.0}]), True),
    "months as a fraction": (
        _candidate(credentials=[{"level": "masters", "completed_on": "2020-05-01", "in_canada": True,
                                 "full_time_months_in_canada": 16.5}]), False),
    # ranges, codes and enums
    "no hours": (_with_job(hours_per_week=0), False),
    "more hours than a week has": (_with_job(hours_per_week=168.5), False),
    "unknown NOC 2021 unit group": (_with_job(noc="99999"), False),
    "NOC 2016 code in Arabic-Indic digits": (_with_job(noc="21231", noc_2016="\u0662\u0661\u0667\u0663"), False),
    "NOC 2016 code with a newline": (_with_job(noc="21231", noc_2016="2173\n"), False),
    "two or more as one credential": (
        _candidate(credentials=[{"level": "two_or_more", "completed_on": "2016-06-01"}]), False),
    # test results: the test's scale, on or after the test was accepted
    "IELTS band off the half steps": (_with_ielts(reading=7.3), False),
    "IELTS band above 9": (_with_ielts(listening=9.5), False),
    "IELTS band as a whole number": (_with_ielts(reading=7), True),
    "CELPIP level 12": (_candidate(language_results=[{**IELTS, "test": "celpip_general", "listening": 12,
                                                      "reading": 10, "writing": 9, "speaking": 9}]), True),
    "PTE Core before it was accepted": (
        _candidate(language_results=[{**IELTS, "test": "pte_core", "tested_on": "2023-06-01", "listening": 70,
                                      "reading": 70, "writing": 70, "speaking": 70}]), False),
    "a TEF scale on an IELTS result": (_with_ielts(tef_scale="ancien_score"), False),
    "TEF 0-699 scores of a 2016 test": (
        _candidate(language_results=[{"test": "tef_canada", "tested_on": "2016-05-01", "listening": 500,
                                      "reading": 500, "writing": 500, "speaking": 500}]), False),
    "TEF 0-699 scores of a 2016 test, on the 2023 scale": (
        _candidate(language_results=[{"test": "tef_canada", "tested_on": "2016-05-01", "listening": 500,
                                      "reading": 500, "writing": 500, "speaking": 500,
                                      "tef_scale": "score_699_2023"}]), True),
    # rules between fields that a schema states
    "a spouse without a partner": (_candidate(spouse={"accompanying": True}), False),
    "a spouse of a married candidate": (_candidate(marital_status="married", spouse={"accompanying": True}), True),
    "an ECA for a Canadian credential": (
        _candidate(credentials=[{"level": "bachelors", "completed_on": "2016-06-01", "in_canada": True,
                                 "eca_issued_on": "2017-01-01"}]), False),
    "a NOC 2016 code alone for work that went on": (_with_job(noc=None, noc_2016="2173", end=None), False),
    "a NOC 2016 code alone for work that ended in time": (_with_job(noc=None, noc_2016="2173", end="2022-11-15"), True),
    "a NOC 2016 code alone for work that ended late": (_with_job(noc=None, noc_2016="2173", end="2022-11-16"), False),
    "no NOC code": (_with_job(noc=None), False),
}


@pytest.mark.parametrize(("data", "valid"), CANDIDATE_CASES.values(), ids=CANDIDATE_CASES.keys())
def test_the_candidate_schema_and_load_candidate_agree(data, valid):
    """Each case is accepted by both or rejected by both (issue 9, problem 7)."""
    assert (valid, valid) == (loads(load_candidate, data), CANDIDATE_SCHEMA.is_valid(data))


FACTORS_CASES = {
    "age as a whole-number float": ({**GOOD_FACTORS, "age": 30.0}, True),
    "age in scientific notation": ({**GOOD_FACTORS, "age": 3e1}, True),
    "age as a fraction": ({**GOOD_FACTORS, "age": 30.5}, False),
    "age over 120": ({**GOOD_FACTORS, "age": 121}, False),
    "huge age": ({**GOOD_FACTORS, "age": 1e300}, False),
    "CLB 13": ({**GOOD_FACTORS, "first_language": {**LEVELS, "reading": 13}}, False),
    "CLB as a whole-number float": ({**GOOD_FACTORS, "first_language": {**LEVELS, "reading": 9.0}}, True),
    "years over 60": ({**GOOD_FACTORS, "foreign_work_years": 61}, False),
    "second language without a first": ({**GOOD_FACTORS, "first_language": None, "second_language": FRENCH}, False),
    "second language the same as the first": ({**GOOD_FACTORS, "second_language": LEVELS}, False),
    "second language the other one": ({**GOOD_FACTORS, "second_language": FRENCH}, True),
    "second language a test of the same language": ({**GOOD_FACTORS, "second_language": IELTS}, False),
    "Canadian credential above the education": (
        {**GOOD_FACTORS, "education": "secondary", "canadian_education": "one_or_two_years"}, False),
    "Canadian credential of three years with two years of education": (
        {**GOOD_FACTORS, "education": "two_year", "canadian_education": "three_years_or_more"}, False),
    "Canadian credential within the education": (
        {**GOOD_FACTORS, "education": "two_year", "canadian_education": "one_or_two_years"}, True),
}


@pytest.mark.parametrize(("data", "valid"), FACTORS_CASES.values(), ids=FACTORS_CASES.keys())
def test_the_factors_schema_and_load_factors_agree(data, valid):
    """Each case is accepted by both or rejected by both (issue 9, problem 7)."""
    assert (valid, valid) == (loads(load_factors, data), FACTORS_SCHEMA.is_valid(data))


def test_a_whole_number_float_loads_as_an_int():
    """30.0 is read as the whole number 30 (JSON Schema's rule), so the model sees an int."""
    assert 30 == load_factors({**GOOD_FACTORS, "age": 30.0}).age
    assert isinstance(load_factors({**GOOD_FACTORS, "age": 30.0}).age, int)


def test_an_order_between_two_dates_is_what_the_schema_cannot_state():
    """A job that ends before it starts fits the schema; the loader rejects it, naming both fields."""
    data = _with_job(start="2024-06-30", end="2021-02-01")
    assert validator(candidate_schema()).is_valid(data)
    with pytest.raises(crsrules.InvalidCandidateError, match=r"'end' must be a date on or after start"):
        load_candidate(data)


def test_the_date_range_is_read_from_one_place():
    """The schema's and the loader's range are crsrules._validation's EARLIEST_DATE and LATEST_DATE."""
    assert (date(1900, 1, 1), date(2199, 12, 31)) == (EARLIEST_DATE, LATEST_DATE)
    description = candidate_schema()["$defs"]["Date"]["description"]
    assert f"from {EARLIEST_DATE} to {LATEST_DATE}" in description
    with pytest.raises(crsrules.InvalidCandidateError, match=r"must be a date from 1900-01-01 to 2199-12-31"):
        load_candidate(_candidate(birth_date=(EARLIEST_DATE - timedelta(days=1)).isoformat()))
