"""Validation problems as records (issue 10, item 3): a path, a stable code, the message, the value, did you mean."""

import json
from typing import get_args

import pytest

import crsrules
from crsrules.errors import (
    ERROR_CODES,
    ErrorCode,
    ErrorDetail,
    InvalidCandidateError,
    InvalidFactorsError,
    InvalidJSONError,
    InvalidValueError,
)
from crsrules.io import load_candidate, load_factors, parse_json

LEVELS = {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}
FACTORS = {"age": 29, "education": "bachelors", "first_language": LEVELS}
JOB = {"noc": "21231", "in_canada": True, "start": "2020-01-01"}
PERSON = {"birth_date": "1990-01-01"}
PTE_2023 = {"test": "pte_core", "tested_on": "2023-01-10", "listening": 70, "reading": 70, "writing": 70,
            "speaking": 70}  # fmt: skip


def errors_of(load, data):
    with pytest.raises(InvalidFactorsError) as info:
        load(data)
    return info.value.errors


# One input for each code, and where its record is. Every code of ERROR_CODES is here (checked below).
PRODUCERS = {
    "unknown_key": (load_candidate, {**PERSON, "jobs": [{**JOB, "hours_per_weak": 40}]}, "$.jobs[0].hours_per_weak"),
    "missing": (load_factors, {"age": 29, "first_language": None}, "$.education"),
    "wrong_type": (load_factors, {**FACTORS, "age": "29"}, "$.age"),
    "invalid_format": (load_candidate, {"birth_date": "1990/01/01"}, "$.birth_date"),
    "out_of_range": (load_factors, {**FACTORS, "age": 121}, "$.age"),
    "not_allowed": (load_factors, {**FACTORS, "education": "bachelor"}, "$.education"),
    "unknown_code": (load_candidate, {**PERSON, "jobs": [{**JOB, "noc": "21299"}]}, "$.jobs[0].noc"),
    "test_not_accepted": (load_candidate, {**PERSON, "language_results": [PTE_2023]},
                          "$.language_results[0].tested_on"),
    "inconsistent": (load_candidate, {**PERSON, "jobs": [{**JOB, "end": "2019-01-01"}]}, "$.jobs[0].end"),
    "too_many_errors": (load_candidate, {**PERSON, "jobs": [{"in_canada": 1}] * 30}, "$.jobs"),
    "not_json": (load_candidate, '{"birth_date": 1990-01-01}', "$"),
    "not_utf8": (load_candidate, b'{"birth_date": "1990-01-01\xff"}', "$"),
    "duplicate_key": (load_candidate, '{"jobs": [{"noc": "21231", "noc": "21232"}]}', "$.jobs[0]"),
    "too_deep": (load_factors, '{"age": ' + "[" * 70 + "]" * 70 + "}", "$"),
    "too_large": (load_factors, '{"age": 29' + " " * 5_000_000 + "}", "$"),
}


def test_every_code_is_documented_and_every_documented_code_is_a_code():
    """ERROR_CODES describes each ErrorCode (the type every code is checked against by mypy), and only those."""
    assert set(get_args(ErrorCode)) == set(ERROR_CODES)
    assert all(text.strip() for text in ERROR_CODES.values())


def test_every_code_is_reached_by_this_test():
    """A code added to ERROR_CODES needs an input here that produces it."""
    assert set(ERROR_CODES) == set(PRODUCERS)


@pytest.mark.parametrize("code", list(PRODUCERS))
def test_each_code_is_produced_with_its_path(code):
    """The input of each code gives a record of that code at the path where the problem is."""
    load, data, path = PRODUCERS[code]
    found = errors_of(load, data)
    assert (code, path) in [(e.code, e.path) for e in found]
    for record in found:
        assert record.code in ERROR_CODES
        assert json.loads(json.dumps(record.as_dict())) == record.as_dict()


def test_a_misspelt_key_gets_a_did_you_mean():
    """hours_per_weak: the record names the key by its path, echoes its value and suggests hours_per_week."""
    (record,) = errors_of(load_candidate, PRODUCERS["unknown_key"][1])
    assert ErrorDetail(path="$.jobs[0].hours_per_weak", code="unknown_key",
                       message="unknown key (did you mean 'hours_per_week'?)", value="40",
                       did_you_mean=("hours_per_week",)) == record  # fmt: skip
    assert "unknown key (did you mean 'hours_per_week'?) @ $.jobs[0].hours_per_weak" == str(record)


def test_a_key_far_from_any_field_gets_no_suggestion():
    """A key that looks like no field has an empty did_you_mean, and keys that are not names are bracketed."""
    found = errors_of(load_candidate, {**PERSON, "favourite colour": "blue", "zzz": 1})
    assert [("$['favourite colour']", ()), ("$.zzz", ())] == [(e.path, e.did_you_mean) for e in found]


@pytest.mark.parametrize(
    ("load", "data", "path", "suggestion"),
    [
        (load_factors, {**FACTORS, "education": "bachelor"}, "$.education", "bachelors"),
        (load_candidate, {**PERSON, "marital_status": "maried"}, "$.marital_status", "married"),
        (load_candidate, {**PERSON, "language_results": [{**PTE_2023, "test": "ielts_genral"}]},
         "$.language_results[0].test", "ielts_general"),
        (load_candidate, {**PERSON, "jobs": [{**JOB, "noc": "21299"}]}, "$.jobs[0].noc", "21234"),
    ],
)  # fmt: skip
def test_an_unknown_enum_value_or_code_gets_a_did_you_mean(load, data, path, suggestion):
    """Enum values and NOC codes are suggested as ruleset ids and round numbers are."""
    (record,) = errors_of(load, data)
    assert path == record.path
    assert suggestion == record.did_you_mean[0]


def test_the_message_stays_the_readable_list_and_problems_keep_working():
    """str(error) lists the records' lines, .problems holds them, .errors the records, in the same order."""
    with pytest.raises(InvalidCandidateError) as info:
        load_candidate({**PERSON, "jobs": [{**JOB, "start": 3, "in_canada": "yes"}], "spose": {}})
    error = info.value
    assert error.problems == tuple(map(str, error.errors))
    assert str(error).startswith("invalid candidate (3 problems):\n  ")
    assert [("$.jobs[0].in_canada", "wrong_type", "'yes'"), ("$.jobs[0].start", "wrong_type", "3"),
            ("$.spose", "unknown_key", "{}")] == [(e.path, e.code, e.value) for e in error.errors]  # fmt: skip
    assert ("spouse",) == error.errors[2].did_you_mean


def test_lines_given_to_the_error_become_records():
    """Code that builds the error from lines, as before 0.2.0, keeps working; the lines become records."""
    error = InvalidFactorsError(["'age' must be 0-120 (got 200) @ $.age", "no path"])
    assert ("'age' must be 0-120 (got 200) @ $.age", "no path") == error.problems
    assert [("$.age", "'age' must be 0-120 (got 200)"), ("$", "no path")] == [(e.path, e.message) for e in error.errors]


def test_a_missing_field_has_no_value():
    """A record's value is None when nothing was given."""
    (record,) = errors_of(load_factors, PRODUCERS["missing"][1])
    assert (None, "required field missing") == (record.value, record.message)


def test_a_huge_value_is_echoed_short_in_its_record():
    """The value is the message's echo: at most 60 characters."""
    (record,) = errors_of(load_candidate, {"birth_date": "x" * 1_000_000})
    assert record.value is not None
    assert len(record.value) <= 60
    assert record.value.endswith("...")


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: crsrules.Factors(age=130, education="bachelors", first_language=None), "out_of_range"),
        (lambda: crsrules.Factors(age="30", education="bachelors", first_language=None), "wrong_type"),
        (lambda: crsrules.Factors(age=30, education="phd", first_language=None), "not_allowed"),
        (lambda: crsrules.Job(in_canada=True, start="2020-01-01"), "wrong_type"),
        (lambda: crsrules.Job(in_canada=True, start=crsrules.LATEST_DATE.replace(year=1899)), "out_of_range"),
        (lambda: crsrules.Job(noc="2123", in_canada=True, start=crsrules.EARLIEST_DATE), "invalid_format"),
        (lambda: crsrules.Job(in_canada=True, start=crsrules.EARLIEST_DATE), "missing"),
        (lambda: crsrules.language.score_range("toefl", "reading"), "not_allowed"),
        (lambda: crsrules.language.score_range("ielts_general", "readin"), "not_allowed"),
        (lambda: crsrules.language.score_range("tef_canada", "reading"), "missing"),
    ],
)
def test_invalid_value_errors_carry_a_code(build, code):
    """An InvalidValueError raised when a model object is built says what kind of problem it is."""
    with pytest.raises(InvalidValueError) as info:
        build()
    assert code == info.value.code


def test_an_invalid_value_error_suggests_close_values():
    """The suggestions are attributes, and the message ends with them."""
    with pytest.raises(InvalidValueError) as info:
        crsrules.Candidate(birth_date=crsrules.EARLIEST_DATE, marital_status="comon_law")
    assert ("common_law",) == info.value.suggestions
    assert str(info.value).endswith(": did you mean 'common_law'?")
    assert "not_allowed" == InvalidValueError("x", 1, "2").code


def test_a_str_is_read_as_json_text():
    """load_candidate and load_factors read JSON text as the command does, and report its problems as records."""
    assert 29 == load_factors(json.dumps(FACTORS)).age
    assert load_candidate(json.dumps(PERSON).encode()) == load_candidate(PERSON)
    (record,) = errors_of(load_candidate, PRODUCERS["duplicate_key"][1])
    assert "the JSON text has the key 'noc' twice: give each key once" == record.message


@pytest.mark.parametrize("text", ["candidate.json", "  examples/candidates/stem.json"])
def test_a_file_name_gets_a_hint(text):
    """A str that looks like a file name is not JSON: the problem says how to load a file."""
    (record,) = errors_of(load_candidate, text)
    assert "not_json" == record.code
    assert "to load a file, pass its contents, such as Path('candidate.json').read_text()" in record.message


def test_a_path_gets_the_same_hint(tmp_path):
    """A pathlib.Path is not data either."""
    (record,) = errors_of(load_factors, tmp_path / "factors.json")
    assert ("wrong_type", True) == (record.code, "read_text()" in record.message)


def test_parse_json_is_the_strict_reader():
    """A key twice, NaN, nesting too deep or too long a text: InvalidJSONError, with its record."""
    with pytest.raises(InvalidJSONError) as info:
        parse_json('{"a": NaN}', where="a.json")
    assert "a.json is not valid JSON: NaN is not a JSON number" == str(info.value)
    with pytest.raises(InvalidJSONError) as info:
        parse_json('{"a": 1}', max_bytes=5)
    assert "too_large" == info.value.errors[0].code
    with pytest.raises(InvalidJSONError) as info:
        parse_json('{"a": {"b": 1, "b": 2}}')
    assert "the JSON text has the key 'b' twice @ $.a: give each key once" == str(info.value)
    assert "$.a" == info.value.errors[0].path
    assert {"a": [1, 2.5, None]} == parse_json('{"a": [1, 2.5, null]}')
    assert {"ä": "é"} == parse_json('{"ä": "é"}'.encode())
