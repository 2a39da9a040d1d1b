"""load_factors / dump_factors: strict JSON in, every problem listed with its path."""

import pytest
from hypothesis import given

import crsrules
from crsrules.io import dump_factors, load_factors
from crsrules.testing.strategies import factors

GOOD = {
    "age": 29,
    "education": "bachelors",
    "first_language": {"language": "english", "listening": 9, "reading": 9, "writing": 9, "speaking": 9},
}


@given(f=factors())
def test_dump_then_load_gives_back_equal_factors(f):
    """Any valid Factors survive a round trip through JSON-ready data."""
    assert f == load_factors(dump_factors(f))


def test_minimal_factors_load_with_defaults():
    """Only age, education and first language are required."""
    f = load_factors(GOOD)
    assert 0 == f.canadian_work_years
    assert f.spouse is None


def test_a_language_can_be_given_as_a_test_result():
    """A test result is converted to CLB levels on the way in (IELTS reading 6.5 is CLB 8)."""
    f = load_factors({**GOOD, "first_language": {
        "test": "ielts_general", "tested_on": "2024-05-01",
        "listening": 8.5, "reading": 6.5, "writing": 7.5, "speaking": 7.5,
    }})
    assert (10, 8, 10, 10) == (f.first_language.listening, f.first_language.reading,
                                f.first_language.writing, f.first_language.speaking)


def test_every_problem_is_reported_with_its_path():
    """Wrong types, bad enum values, unknown keys and missing fields are all listed at once."""
    data = {
        "age": "29",
        "education": "phd",
        "first_language": {"language": "english", "listening": 13, "reading": 9, "writing": 9, "speaking": 9},
        "spouse": {"education": "masters", "canadian_work_years": 1.5},
        "canadian_work": 3,
    }
    with pytest.raises(crsrules.InvalidFactorsError) as info:
        load_factors(data)
    problems = "\n".join(info.value.problems)
    assert "must be a whole number (got '29') @ $.age" in problems
    assert "(got 'phd') @ $.education" in problems
    assert "'listening' must be a CLB/NCLC level 0-12 (got 13) @ $.first_language" in problems
    assert "@ $.spouse.canadian_work_years" in problems
    assert "canadian_work" in problems
    assert isinstance(info.value, ValueError)


def test_missing_required_fields_are_named():
    """A missing field is reported at its path."""
    with pytest.raises(crsrules.InvalidFactorsError, match=r"required field missing @ \$\.education"):
        load_factors({"age": 30, "first_language": GOOD["first_language"]})


@pytest.mark.parametrize("data", [[], '"x"', None, 3])
def test_non_objects_are_rejected(data):
    """The top level must be a JSON object (a str is read as JSON text)."""
    with pytest.raises(crsrules.InvalidFactorsError, match="expected an object, got "):
        load_factors(data)


def test_cross_field_problems_are_reported_too():
    """A second language equal to the first is an error of the whole object."""
    data = {**GOOD, "second_language": GOOD["first_language"]}
    with pytest.raises(crsrules.InvalidFactorsError, match="second_language"):
        load_factors(data)


def test_impossible_test_scores_and_dates_are_reported():
    """An IELTS band of 7.3, a bad date and PTE Core before it was accepted are errors with paths."""
    bad = {"test": "ielts_general", "tested_on": "2024-05-01", "listening": 7.3, "reading": 7, "writing": 7,
           "speaking": 7}
    with pytest.raises(crsrules.InvalidFactorsError, match=r"7\.3"):
        load_factors({**GOOD, "first_language": bad})
    with pytest.raises(crsrules.InvalidFactorsError, match=r"ISO date.*@ \$\.first_language\.tested_on"):
        load_factors({**GOOD, "first_language": {**bad, "listening": 7, "tested_on": "2024-13-01"}})
    pte = {"test": "pte_core", "tested_on": "2023-06-01", "listening": 70, "reading": 70, "writing": 70,
           "speaking": 70}
    with pytest.raises(crsrules.InvalidFactorsError, match="2024-01-30"):
        load_factors({**GOOD, "first_language": pte})
