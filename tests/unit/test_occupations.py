"""Tests of crsrules.occupations: the NOC 2021 unit groups, look-up, search, and the NOC 2016 structural rule.

Expected counts and titles are literals copied from the research notes (reference/categories.md, section 8) and the
shared CSV, never computed by the module under test.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import attrs
import pytest

from crsrules.errors import CRSRulesError, InvalidValueError
from crsrules.occupations import (
    BroadCategory,
    Noc2016Code,
    Noc2016Skill,
    Occupation,
    UnknownOccupationError,
    _parse_unit_groups,
    all_occupations,
    noc2016_skill,
    occupation,
    search_occupations,
)
from crsrules.tables import RulesDefinitionError

# The shared copy the package data was taken from (repository root's sibling "shared"), when it is there.
SHARED_CSV = Path(__file__).resolve().parents[3] / "shared" / "data" / "noc2021-unit-groups.csv"
CODE_FORM = "NOC 2021 codes are five-character strings with leading zeros kept"


def package_csv() -> bytes:
    return resources.files("crsrules.data").joinpath("noc2021-unit-groups.csv").read_bytes()


# --- the data ---------------------------------------------------------------------------------------------------


def test_516_unit_groups_sorted_and_unique():
    codes = [o.code for o in all_occupations()]
    assert 516 == len(codes)
    assert sorted(set(codes)) == codes


def test_teer_counts_match_the_reference():
    assert {0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45} == dict(Counter(o.teer for o in all_occupations()))


@pytest.mark.parametrize(("digits", "expected"), [(1, 10), (2, 45), (3, 89), (4, 162)])
def test_distinct_prefixes_match_the_structure(digits, expected):
    """Broad categories, major, sub-major and minor groups: 10 / 45 / 89 / 162 distinct prefixes."""
    assert expected == len({o.code[:digits] for o in all_occupations()})


def test_every_code_is_five_digits_and_agrees_with_its_teer_and_broad_category():
    for o in all_occupations():
        assert re.fullmatch(r"[0-9]{5}", o.code), o
        assert int(o.code[1]) == o.teer, o
        assert o.code[0] == o.broad_category.value, o


def test_broad_category_titles_match_the_reference():
    assert {
        "0": "Legislative and senior management occupations",
        "1": "Business, finance and administration occupations",
        "2": "Natural and applied sciences and related occupations",
        "3": "Health occupations",
        "4": "Occupations in education, law and social, community and government services",
        "5": "Occupations in art, culture, recreation and sport",
        "6": "Sales and service occupations",
        "7": "Trades, transport and equipment operators and related occupations",
        "8": "Natural resources, agriculture and related production occupations",
        "9": "Occupations in manufacturing and utilities",
    } == {c.value: c.title for c in BroadCategory}


def test_skilled_is_teer_0_to_3():
    assert 48 + 97 + 162 + 69 == sum(o.is_skilled for o in all_occupations())
    assert occupation("33102").is_skilled  # TEER 3
    assert not occupation("44100").is_skilled  # TEER 4


def test_senior_management_is_major_group_00():
    expected = ["00010", "00011", "00012", "00013", "00014", "00015"]
    assert expected == [o.code for o in all_occupations() if o.is_senior_management]
    assert not occupation("10010").is_senior_management  # Financial managers: TEER 0 but not major group 00


def test_package_csv_is_byte_identical_to_the_shared_copy():
    if not SHARED_CSV.exists():
        pytest.skip(f"no shared copy at {SHARED_CSV}")
    assert SHARED_CSV.read_bytes() == package_csv()


def test_readme_records_the_package_csv_hash_and_row_count():
    readme = resources.files("crsrules.data").joinpath("README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(package_csv()).hexdigest() in readme
    assert "516 data rows" in readme


# --- occupation() -------------------------------------------------------------------------------------------------


def test_data_scientists():
    job = occupation("21211")
    expected = Occupation(
        code="21211", title="Data scientists", teer=1, broad_category=BroadCategory.NATURAL_AND_APPLIED_SCIENCES
    )
    assert expected == job
    assert ("21", "212", "2121") == (job.major_group, job.sub_major_group, job.minor_group)
    assert job.is_skilled
    assert not job.is_senior_management


def test_leading_zeros_are_kept():
    job = occupation("00012")
    assert "00012" == job.code
    assert "Senior managers - financial, communications and other business services" == job.title
    assert (0, BroadCategory.LEGISLATIVE_AND_SENIOR_MANAGEMENT) == (job.teer, job.broad_category)
    assert "00" == job.major_group
    assert job.is_senior_management


def test_surrounding_whitespace_is_ignored():
    assert occupation("21211") is occupation(" 21211\n")


def test_accented_title_is_kept():
    assert "Maîtres d'hôtel and hosts/hostesses" == occupation("64300").title


def test_unknown_code_suggests_codes_of_the_same_sub_major_group():
    with pytest.raises(UnknownOccupationError) as info:
        occupation("21299")
    error = info.value
    assert isinstance(error, CRSRulesError)
    assert isinstance(error, LookupError)
    assert "21299" == error.code
    assert error.suggestions
    assert all(code.startswith("212") for code in error.suggestions)
    assert "21234" == error.suggestions[0]  # the nearest code of sub-major group 212
    assert "'21299'" in str(error)
    assert all(code in str(error) for code in error.suggestions)
    assert "Web developers and programmers" in str(error)


def test_unknown_code_suggests_the_same_minor_group_first():
    with pytest.raises(UnknownOccupationError) as info:
        occupation("21235")
    assert ("21234", "21233", "21232", "21231", "21230") == info.value.suggestions


def test_unknown_code_in_no_known_group_still_raises():
    with pytest.raises(UnknownOccupationError) as info:
        occupation("99999")
    assert "99999" == info.value.code
    assert all(len(code) == 5 for code in info.value.suggestions)


@pytest.mark.parametrize("code", [21211, 12, 21211.0, None, True, b"21211"])
def test_a_code_that_is_not_a_string_is_rejected(code):
    with pytest.raises(InvalidValueError) as info:
        occupation(code)
    assert "code" == info.value.field
    assert str(info.value).startswith("'code' must be a string: " + CODE_FORM)


@pytest.mark.parametrize("code", ["2121", "212111", "", "   ", "2121a", "21-211", "\uff12\uff11\uff12\uff11\uff11"])
def test_a_code_that_is_not_five_digits_is_rejected(code):
    with pytest.raises(InvalidValueError) as info:
        occupation(code)
    assert code == info.value.value
    assert CODE_FORM in str(info.value)


def test_a_four_digit_code_is_pointed_to_noc_2016():
    with pytest.raises(InvalidValueError, match=r"a four-digit code is a NOC 2016 code \(see noc2016_skill\)"):
        occupation("2121")


# --- the Occupation class -----------------------------------------------------------------------------------------


def make(**changes):
    fields = {"code": "21211", "title": "Data scientists", "teer": 1, "broad_category": BroadCategory("2")}
    return Occupation(**(fields | changes))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": 21211}, "code", "'code' must be a string: " + CODE_FORM),
        ({"code": "2121"}, "code", "'code' must be five digits: " + CODE_FORM),
        ({"code": " 21211"}, "code", "'code' must be five digits"),
        ({"title": ""}, "title", "'title' must be a non-empty string (got '')"),
        ({"teer": 6}, "teer", "'teer' must be a TEER category 0-5 (got 6)"),
        ({"teer": True}, "teer", "'teer' must be a TEER category 0-5 (got True)"),
        ({"teer": 2}, "teer", "'teer' must be the second digit of code '21211', 1 (got 2)"),
        ({"broad_category": "2"}, "broad_category", "'broad_category' must be BroadCategory.NATURAL_AND_APPLIED"),
        ({"broad_category": "x"}, "broad_category", "'broad_category' must be one of '0', '1'"),
        (
            {"broad_category": BroadCategory.HEALTH},
            "broad_category",
            "'broad_category' must be the first digit of code '21211', BroadCategory('2')",
        ),
    ],
)
def test_occupation_validation(changes, field, message):
    with pytest.raises(InvalidValueError) as info:
        make(**changes)
    assert field == info.value.field
    assert str(info.value).startswith(message)


def test_occupation_is_frozen_and_keyword_only():
    job = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        job.teer = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Occupation("21211", "Data scientists", 1, BroadCategory("2"))  # type: ignore[misc]


def test_str_gives_code_title_and_teer():
    assert "21211 Data scientists (TEER 1)" == str(occupation("21211"))


# --- checks made when the data is loaded --------------------------------------------------------------------------

HEADER = "noc_code,title,teer,broad_category\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,title\n", r"test\.csv: the header must be noc_code,title,teer,broad_category"),
        (HEADER + "21211,Data scientists,1\n", r"test\.csv, line 2: expected 4 columns"),
        (HEADER + "2121,Data scientists,1,2\n", r"line 2: noc_code must be five digits .*got '2121'"),
        (HEADER + "21211,Data scientists,1,2\n21211,Again,1,2\n", r"line 3: noc_code 21211 appears twice"),
        (HEADER + "21211,Data scientists,2,2\n", r"line 2: teer must be the second digit of noc_code 21211, 1"),
        (HEADER + "21211,Data scientists,1,3\n", r"line 2: broad_category must be the first digit of noc_code 21211"),
        (HEADER + "26211,Too high,6,2\n", r"line 2: 'teer' must be a TEER category 0-5 \(got 6\)"),
        (HEADER + "21211,,1,2\n", r"line 2: 'title' must be a non-empty string"),
    ],
)
def test_bad_data_is_reported_with_its_line(text, message):
    with pytest.raises(RulesDefinitionError, match=message):
        _parse_unit_groups(text, source="test.csv")


def test_good_data_parses_in_code_order():
    text = HEADER + '21211,Data scientists,1,2\n00012,"Senior managers - a, b",0,0\n'
    assert ["00012", "21211"] == list(_parse_unit_groups(text, source="test.csv"))


# --- search_occupations() -----------------------------------------------------------------------------------------


def test_search_software():
    # Titles in the CSV: 21231 "Software engineers and designers", 21232 "Software developers and programmers",
    # 21311 "Computer engineers (except software engineers and designers)".
    assert ["21231", "21232", "21311"] == [o.code for o in search_occupations("software")]


@pytest.mark.parametrize("words", ["SOFTWARE", "Software", "sOfTwArE", "  software  "])
def test_search_is_case_insensitive(words):
    assert search_occupations("software") == search_occupations(words)


def test_search_needs_every_word():
    assert ["21231", "21311"] == [o.code for o in search_occupations("software engineers")]
    assert ["21231", "21311"] == [o.code for o in search_occupations("engineers software")]


@pytest.mark.parametrize("words", ["maitres hotel", "maîtres hôtel", "MAÎTRES D'HÔTEL", "maitres"])
def test_search_ignores_accents(words):
    assert ["64300"] == [o.code for o in search_occupations(words)]


def test_search_folds_accents_in_titles_and_words_alike():
    # "hotel" is a whole word of 64314 "Hotel front desk clerks" and of 64300 "Maîtres d'hôtel ...".
    assert {"64300", "64314"} <= {o.code for o in search_occupations("hôtel")}
    assert search_occupations("hôtel") == search_occupations("HOTEL")


def test_search_ranks_whole_words_first_then_shorter_titles():
    # Whole word "nurse": 31302 Nurse practitioners, 33102 Nurse aides, ...; then words starting with "nurse":
    # 32101 Licensed practical nurses, 85103 Nursery and greenhouse labourers, 31301 Registered nurses and ...
    assert ["31302", "33102", "32101", "85103", "31301"] == [o.code for o in search_occupations("nurse")]


def test_search_punctuation_separates_words():
    assert ["31112"] == [o.code for o in search_occupations("speech-language")]


def test_search_limit():
    assert 20 == len(search_occupations("and"))
    assert 3 == len(search_occupations("and", limit=3))
    assert len(search_occupations("and", limit=None)) > 100
    assert search_occupations("and", limit=None)[:20] == search_occupations("and")


def test_search_without_match_is_empty():
    assert () == search_occupations("astronaut")


@pytest.mark.parametrize("words", ["", "   ", "-/-", 21211])
def test_search_needs_a_word(words):
    with pytest.raises(InvalidValueError) as info:
        search_occupations(words)
    assert "words" == info.value.field


@pytest.mark.parametrize("limit", [0, -1, True, 2.0])
def test_search_rejects_a_bad_limit(limit):
    with pytest.raises(InvalidValueError, match="'limit' must be a whole number 1 or more, or None"):
        search_occupations("software", limit=limit)


# --- NOC 2016 -----------------------------------------------------------------------------------------------------

# Each case checked by hand against the rule: first digit 0 = skill type 0; else the second digit gives the level,
# 0 or 1 = A, 2 or 3 = B, 4 or 5 = C, 6 or 7 = D. Titles are those of NOC 2016 V1.3 (correspondence table).
NOC_2016_CASES = [
    ("0011", Noc2016Skill.SKILL_TYPE_0, True),  # Legislators
    ("0013", Noc2016Skill.SKILL_TYPE_0, True),  # Senior managers - financial, communications and other business
    ("0016", Noc2016Skill.SKILL_TYPE_0, True),  # Senior managers - construction, transportation, production ...
    ("0111", Noc2016Skill.SKILL_TYPE_0, False),  # Financial managers
    ("0631", Noc2016Skill.SKILL_TYPE_0, False),  # Restaurant and food service managers
    ("2171", Noc2016Skill.SKILL_LEVEL_A, False),  # Information systems analysts and consultants
    ("1111", Noc2016Skill.SKILL_LEVEL_A, False),  # Financial auditors and accountants
    ("3012", Noc2016Skill.SKILL_LEVEL_A, False),  # Registered nurses: major group 30, second digit 0
    ("4011", Noc2016Skill.SKILL_LEVEL_A, False),  # University professors: major group 40, second digit 0
    ("6322", Noc2016Skill.SKILL_LEVEL_B, False),  # Cooks
    ("1241", Noc2016Skill.SKILL_LEVEL_B, False),  # Administrative assistants
    ("7201", Noc2016Skill.SKILL_LEVEL_B, False),  # Contractors and supervisors, machining ...
    ("7311", Noc2016Skill.SKILL_LEVEL_B, False),  # Construction millwrights and industrial mechanics
    ("6411", Noc2016Skill.SKILL_LEVEL_C, False),  # Sales and account representatives - wholesale trade
    ("6513", Noc2016Skill.SKILL_LEVEL_C, False),  # Food and beverage servers
    ("6711", Noc2016Skill.SKILL_LEVEL_D, False),  # Food counter attendants, kitchen helpers ...
    ("7611", Noc2016Skill.SKILL_LEVEL_D, False),  # Construction trades helpers and labourers
]


@pytest.mark.parametrize(("code", "skill", "senior"), NOC_2016_CASES)
def test_noc_2016_skill_from_the_code_structure(code, skill, senior):
    assert skill == noc2016_skill(code)
    parsed = Noc2016Code(code=code)
    assert skill == parsed.skill
    assert senior == parsed.is_senior_management
    assert (skill is Noc2016Skill.SKILL_TYPE_0) == parsed.is_management
    assert code[:2] == parsed.major_group


def test_noc_2016_skilled_means_type_0_or_level_a_or_b():
    assert {"0": True, "A": True, "B": True, "C": False, "D": False} == {s.value: s.is_skilled for s in Noc2016Skill}
    assert Noc2016Code(code="6322").is_skilled
    assert not Noc2016Code(code="6411").is_skilled


def test_noc_2016_skill_ignores_surrounding_whitespace():
    assert Noc2016Skill.SKILL_LEVEL_A == noc2016_skill(" 2171 ")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (13, "'code' must be a string: NOC 2016 codes are four-character strings with leading zeros kept"),
        ("13", "'code' must be four digits: NOC 2016 codes are four-character strings"),
        ("00013", "a five-digit code is a NOC 2021 code (see occupation)"),
        ("2871", "starts with 0 (management) or whose second digit is a skill level, 0 to 7 (got '2871')"),
        ("6911", "whose second digit is a skill level, 0 to 7 (got '6911')"),
    ],
)
def test_noc_2016_bad_codes_are_rejected(code, message):
    with pytest.raises(InvalidValueError) as info:
        noc2016_skill(code)
    assert message in str(info.value)


def test_noc_2016_code_class_is_strict_about_whitespace():
    with pytest.raises(InvalidValueError, match="'code' must be four digits"):
        Noc2016Code(code=" 2171")


def test_any_noc_2016_code_of_the_right_shape_is_accepted():
    """There is no NOC 2016 list: a code that NOC 2016 never had is read by its digits alone."""
    assert Noc2016Skill.SKILL_LEVEL_C == noc2016_skill("9499")
    assert Noc2016Skill.SKILL_TYPE_0 == noc2016_skill("0999")
