"""Factors and their parts reject bad values with messages that name the field, the value and what is allowed."""

import attrs
import pytest

import crsrules
from crsrules import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    InvalidValueError,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)

ENGLISH = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
FRENCH = LanguageLevels(language=OfficialLanguage.FRENCH, listening=7, reading=7, writing=7, speaking=7)


def make(**changes):
    return Factors(**{"age": 30, "education": Education.BACHELORS, "first_language": ENGLISH, **changes})


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"age": -1}, "age", "0-120"),
        ({"age": 30.5}, "age", "0-120"),
        ({"age": True}, "age", "0-120"),
        ({"age": "30"}, "age", "0-120"),
        ({"education": "phd"}, "education", "'doctoral'"),
        ({"education": "bachelor"}, "education", "did you mean 'bachelors'"),
        ({"first_language": "english"}, "first_language", "LanguageLevels"),
        ({"second_language": ENGLISH}, "second_language", "other official language"),
        ({"canadian_work_years": -2}, "canadian_work_years", "0-60"),
        ({"foreign_work_years": 61}, "foreign_work_years", "0-60"),
        ({"certificate_of_qualification": 1}, "certificate_of_qualification", "True or False"),
        ({"spouse": {"education": "masters"}}, "spouse", "SpouseFactors"),
        ({"arranged_employment": "yes"}, "arranged_employment", "'senior_management'"),
        ({"canadian_education": CanadianEducation.THREE_YEARS_OR_MORE, "education": Education.TWO_YEAR},
         "canadian_education", "no higher than"),
        ({"sibling_in_canada": None}, "sibling_in_canada", "True or False"),
    ],
)
def test_bad_factor_values_raise_invalid_value_errors(changes, field, fragment):
    """Each bad value raises InvalidValueError naming its field and what is allowed."""
    with pytest.raises(InvalidValueError, match=fragment) as info:
        make(**changes)
    assert field == info.value.field
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, crsrules.CRSRulesError)


@pytest.mark.parametrize("level", [-1, 13, 7.5, True, None])
def test_clb_levels_are_whole_numbers_0_to_12(level):
    """CLB/NCLC levels outside 0-12, fractional or not numbers are rejected."""
    with pytest.raises(InvalidValueError, match=r"'reading' must be a CLB/NCLC level 0-12"):
        LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=level, writing=9, speaking=9)


def test_spouse_factors_validate_too():
    """The spouse's own values are checked like the applicant's."""
    with pytest.raises(InvalidValueError, match="canadian_work_years"):
        SpouseFactors(education=Education.MASTERS, canadian_work_years=-1)
    with pytest.raises(InvalidValueError, match="education"):
        SpouseFactors(education="master's")


def test_enum_fields_accept_their_json_strings():
    """Factors(education="bachelors") works as Education.BACHELORS does, in every enum field (issue 10, item 4)."""
    f = make(education="bachelors", arranged_employment="other_skilled", canadian_education="three_years_or_more",
             spouse=SpouseFactors(education="masters"))  # fmt: skip
    assert (Education.BACHELORS, ArrangedEmployment.OTHER_SKILLED) == (f.education, f.arranged_employment)
    assert (CanadianEducation.THREE_YEARS_OR_MORE, Education.MASTERS) == (f.canadian_education, f.spouse.education)
    levels = LanguageLevels(language="french", listening=7, reading=7, writing=7, speaking=7)
    assert OfficialLanguage.FRENCH is levels.language
    assert f == make(
        education=Education.BACHELORS,
        arranged_employment=ArrangedEmployment.OTHER_SKILLED,
        canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
        spouse=SpouseFactors(education=Education.MASTERS),
    )


def test_factors_are_frozen_and_keyword_only():
    """Factors cannot be changed in place (use attrs.evolve) nor built positionally."""
    f = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        f.age = 31  # type: ignore[misc]
    with pytest.raises(TypeError):
        Factors(30, Education.BACHELORS, ENGLISH)  # type: ignore[misc]
    assert 31 == attrs.evolve(f, age=31).age


def test_valid_combinations_are_accepted():
    """French second language, a spouse, and a Canadian credential within the education level are all fine."""
    f = make(
        second_language=FRENCH,
        spouse=SpouseFactors(education=Education.MASTERS, first_language=FRENCH, canadian_work_years=1),
        canadian_education=CanadianEducation.THREE_YEARS_OR_MORE,
        arranged_employment=ArrangedEmployment.OTHER_SKILLED,
    )
    assert 7 == f.second_language.minimum
    assert Education.ONE_YEAR == CanadianEducation.ONE_OR_TWO_YEARS.minimum_education


def test_score_rejects_bad_arguments_with_crsrules_errors():
    """score() wants Factors and exactly one of on= and rules=."""
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.score(make())
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.score(make(), on=crsrules.get_rules("2017-06-06").effective, rules="2017-06-06")
    with pytest.raises(InvalidValueError, match="'factors'"):
        crsrules.score({"age": 30}, rules="2017-06-06")  # type: ignore[arg-type]
    with pytest.raises(crsrules.UnknownRulesetError):
        crsrules.score(make(), rules="2017")
