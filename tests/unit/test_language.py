"""Tests of crsrules.language: test acceptance by date and the conversion of results to CLB / NCLC levels.

Expected values are literals copied from the research notes (reference/crs-points.md, section 6, rules E17 and E18),
written in the notes' own layout (a row per level, columns reading, writing, listening, speaking), never imported
from the module under test.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import crsrules.language
from crsrules.candidate import LanguageResult
from crsrules.errors import InvalidValueError, TestNotAcceptedError
from crsrules.language import LanguageTest, TefScale, accepted_tests, convert, levels
from crsrules.model import LanguageLevels, OfficialLanguage

ABILITIES = ("listening", "reading", "writing", "speaking")
# The column order of the reference's tables.
RWLS = ("reading", "writing", "listening", "speaking")
BELOW_4 = 3  # the level crsrules gives to a result below a chart's level 4 row

# Reference 6.2: the minimum IELTS General Training band of each CLB (reading, writing, listening, speaking).
IELTS = {
    10: (8.0, 7.5, 8.5, 7.5),
    9: (7.0, 7.0, 8.0, 7.0),
    8: (6.5, 6.5, 7.5, 6.5),
    7: (6.0, 6.0, 6.0, 6.0),
    6: (5.0, 5.5, 5.5, 5.5),
    5: (4.0, 5.0, 5.0, 5.0),
    4: (3.5, 4.0, 4.5, 4.0),
}

# Reference 6.4: PTE Core ranges of each CLB (reading, writing, listening, speaking).
PTE = {
    10: ("88-90", "90", "89-90", "89-90"),
    9: ("78-87", "88-89", "82-88", "84-88"),
    8: ("69-77", "79-87", "71-81", "76-83"),
    7: ("60-68", "69-78", "60-70", "68-75"),
    6: ("51-59", "60-68", "50-59", "59-67"),
    5: ("42-50", "51-59", "39-49", "51-58"),
    4: ("33-41", "41-50", "28-38", "42-50"),
}

# Reference 6.5: TEF Canada, tests from 2023-12-11 (reading, writing, listening, speaking).
TEF_2023 = {
    10: ("546-699", "558-699", "546-699", "556-699"),
    9: ("503-545", "512-557", "503-545", "518-555"),
    8: ("462-502", "472-511", "462-502", "494-517"),
    7: ("434-461", "428-471", "434-461", "456-493"),
    6: ("393-433", "379-427", "393-433", "422-455"),
    5: ("352-392", "330-378", "352-392", "387-421"),
    4: ("306-351", "268-329", "306-351", "328-386"),
}

# Reference 6.5: TEF Canada, tests from 2019-10-01 to 2023-12-10, the same for all abilities.
_TEF_2019_ALL = {
    10: "566-699",
    9: "533-565",
    8: "500-532",
    7: "450-499",
    6: "400-449",
    5: "350-399",
    4: "300-349",
}
TEF_2019 = {level: (r,) * 4 for level, r in _TEF_2019_ALL.items()}

# Reference 6.5: TEF Canada "ancien score" (reading 0-300, writing 0-450, listening 0-360, speaking 0-450).
TEF_ANCIEN = {
    10: ("263-300", "393-450", "316-360", "393-450"),
    9: ("248-262", "371-392", "298-315", "371-392"),
    8: ("233-247", "349-370", "280-297", "349-370"),
    7: ("207-232", "310-348", "249-279", "310-348"),
    6: ("181-206", "271-309", "217-248", "271-309"),
    5: ("151-180", "226-270", "181-216", "226-270"),
    4: ("121-150", "181-225", "145-180", "181-225"),
}

# Reference 6.6: TCF Canada (reading 0-699, writing 0-20, listening 0-699, speaking 0-20).
TCF = {
    10: ("549-699", "16-20", "549-699", "16-20"),
    9: ("524-548", "14-15", "523-548", "14-15"),
    8: ("499-523", "12-13", "503-522", "12-13"),
    7: ("453-498", "10-11", "458-502", "10-11"),
    6: ("406-452", "7-9", "398-457", "7-9"),
    5: ("375-405", "6", "369-397", "6"),
    4: ("342-374", "4-5", "331-368", "4-5"),
}

# How each chart is reached: test, a test date in its epoch, explicit TEF scale, and valid results for the other
# abilities.
SETTINGS: dict[str, tuple[str, date, str | None, dict[str, float]]] = {
    "ielts": ("ielts_general", date(2025, 6, 1), None, dict.fromkeys(ABILITIES, 5.0)),
    "celpip": ("celpip_general", date(2025, 6, 1), None, dict.fromkeys(ABILITIES, 5)),
    "pte": ("pte_core", date(2025, 6, 1), None, dict.fromkeys(ABILITIES, 50)),
    "tef_ancien": ("tef_canada", date(2018, 6, 1), None, dict.fromkeys(ABILITIES, 200)),
    "tef_2019": ("tef_canada", date(2021, 6, 1), None, dict.fromkeys(ABILITIES, 200)),
    "tef_2023": ("tef_canada", date(2024, 6, 1), None, dict.fromkeys(ABILITIES, 200)),
    "tcf": ("tcf_canada", date(2025, 6, 1), None, {"listening": 400, "reading": 400, "writing": 10, "speaking": 10}),
}


def level_of(setting: str, ability: str, score: object, **overrides: Any) -> int:
    """The level *convert* gives to *score* in *ability*, the other abilities holding valid filler results."""
    test, tested_on, tef_scale, filler = SETTINGS[setting]
    scores: dict[str, Any] = {**filler, ability: score}
    options: dict[str, Any] = {"tested_on": tested_on, "tef_scale": tef_scale, **overrides}
    levels = convert(test, **scores, **options)
    return int(getattr(levels, ability))


def _range_cases(setting: str, table: dict[int, tuple[str, ...]]) -> list[Any]:
    """Both ends of every range map to its level; one below a range's start maps to the level below."""
    cases = []
    for column, ability in enumerate(RWLS):
        below = BELOW_4
        for level in sorted(table):
            low, _, high = table[level][column].partition("-")
            start, end = int(low), int(high or low)
            cases += [
                pytest.param(setting, ability, start, level, id=f"{setting}-{ability}-{start}"),
                pytest.param(setting, ability, end, level, id=f"{setting}-{ability}-{end}"),
                pytest.param(setting, ability, start - 1, below, id=f"{setting}-{ability}-{start - 1}"),
            ]
            below = level
    return cases


def _minimum_cases(setting: str, table: dict[int, tuple[float, ...]], step: float) -> list[Any]:
    """The minimum of every level maps to it; one step below maps to the level below."""
    cases = []
    for column, ability in enumerate(RWLS):
        below = BELOW_4
        for level in sorted(table):
            start = table[level][column]
            cases += [
                pytest.param(setting, ability, start, level, id=f"{setting}-{ability}-{start}"),
                pytest.param(setting, ability, start - step, below, id=f"{setting}-{ability}-{start - step}"),
            ]
            below = level
    return cases


BOUNDARY_CASES = [
    *_minimum_cases("ielts", IELTS, 0.5),
    *_range_cases("pte", PTE),
    *_range_cases("tef_2023", TEF_2023),
    *_range_cases("tef_2019", TEF_2019),
    *_range_cases("tef_ancien", TEF_ANCIEN),
    *_range_cases("tcf", TCF),
]


@pytest.mark.parametrize(("setting", "ability", "score", "expected"), BOUNDARY_CASES)
def test_every_table_boundary(setting, ability, score, expected):
    """Each level's minimum (and, for ranges, maximum) maps to it, and one step below maps to the level below."""
    assert expected == level_of(setting, ability, score)


@pytest.mark.parametrize("ability", ABILITIES)
@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10), (11, 10), (12, 10)],
)
def test_celpip_levels(ability, score, expected):
    """CELPIP level n is CLB n up to 10; 11 and 12 are CLB 10 (E17); 0 to 3 keep their own number (below 4)."""
    assert expected == level_of("celpip", ability, score)


@pytest.mark.parametrize(
    ("ability", "band", "expected"),
    [
        ("reading", 6.5, 8),
        ("reading", 7.5, 9),
        ("reading", 4.5, 5),
        ("reading", 5.5, 6),
        ("listening", 7.0, 7),
        ("listening", 7.5, 8),
        ("listening", 8.0, 9),
        ("listening", 8.5, 10),
        ("listening", 9.0, 10),
        ("listening", 4.0, BELOW_4),
        ("writing", 7.5, 10),
        ("speaking", 7.5, 10),
        ("writing", 9, 10),
        ("reading", 0, BELOW_4),
    ],
)
def test_ielts_edges_of_rule_e17(ability, band, expected):
    """The IELTS edges of rule E17 and reference 6.2: reading 6.5 is CLB 8, listening 7.5/8.0/8.5 are 8/9/10."""
    assert expected == level_of("ielts", ability, band)


def test_convert_returns_all_four_levels_in_the_test_language():
    """The result holds the four levels, in English for an English test."""
    expected = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=8, writing=10, speaking=9)
    actual = convert("ielts_general", listening=8.0, reading=6.5, writing=7.5, speaking=7, tested_on=date(2025, 1, 2))
    assert expected == actual


def test_french_tests_give_french_levels():
    """TCF Canada results are NCLC levels in French."""
    expected = LanguageLevels(language=OfficialLanguage.FRENCH, listening=9, reading=8, writing=10, speaking=4)
    actual = convert(
        LanguageTest.TCF_CANADA, listening=523, reading=523, writing=16, speaking=5, tested_on=date(2020, 1, 1)
    )
    assert expected == actual


def test_from_test_delegates_to_convert_and_is_deprecated():
    """LanguageLevels.from_test (deprecated in 0.2.0) converts the same way as convert, with a DeprecationWarning."""
    expected = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=10, reading=10, writing=10, speaking=4)
    with pytest.warns(DeprecationWarning, match=r"crsrules\.language\.convert"):
        actual = LanguageLevels.from_test(
            "celpip_general", listening=12, reading=11, writing=10, speaking=4, tested_on=date(2016, 5, 5)
        )
    assert expected == actual


def test_deprecated_levels_and_accepted_from_still_answer():
    """LanguageResult.levels and LanguageTest.accepted_from (deprecated in 0.2.0) give the new functions' answers."""
    result = LanguageResult(
        test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 3, 1), listening=8.0, reading=6.5, writing=7.5,
        speaking=7.0,
    )
    with pytest.warns(DeprecationWarning, match=r"crsrules\.language\.levels"):
        assert levels(result) == result.levels
    with pytest.warns(DeprecationWarning, match=r"crsrules\.language\.accepted_from"):
        assert date(2024, 1, 30) == LanguageTest.PTE_CORE.accepted_from


@pytest.mark.parametrize("test", list(LanguageTest))
def test_string_and_enum_test_names_agree(test):
    """A test can be named by its enum member or by its string value, with the same result."""
    setting = {
        "ielts_general": "ielts",
        "celpip_general": "celpip",
        "pte_core": "pte",
        "tef_canada": "tef_2023",
        "tcf_canada": "tcf",
    }[test.value]
    _, tested_on, _, scores = SETTINGS[setting]
    assert convert(test, tested_on=tested_on, **scores) == convert(test.value, tested_on=tested_on, **scores)


# --- TEF Canada epochs (rule E18) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tested_on", "expected"),
    [
        (date(2015, 1, 1), 10),  # ancien score: 263-300 is NCLC 10 or more
        (date(2019, 9, 30), 10),
        (date(2019, 10, 1), 4),  # uniform 0-699 chart: 300-349 is NCLC 4
        (date(2023, 12, 10), 4),
        (date(2023, 12, 11), BELOW_4),  # per-ability 0-699 chart: reading starts at 306
        (date(2026, 1, 1), BELOW_4),
    ],
)
def test_tef_chart_is_chosen_by_test_date(tested_on, expected):
    """A TEF reading result of 300 converts with the chart of its test date, switching on 2019-10-01 and 2023-12-11."""
    assert expected == level_of("tef_2023", "reading", 300, tested_on=tested_on)


@pytest.mark.parametrize(
    ("tested_on", "expected"), [(date(2019, 9, 30), 8), (date(2019, 10, 1), 9), (date(2023, 12, 10), 9)]
)
def test_tef_listening_across_the_2019_boundary(tested_on, expected):
    """Listening 297 is NCLC 8 on the ancien chart (280-297); 533 is NCLC 9 on the uniform chart (533-565)."""
    score = 297 if tested_on < date(2019, 10, 1) else 533
    assert expected == level_of("tef_2019", "listening", score, tested_on=tested_on)


@pytest.mark.parametrize(("tested_on", "expected"), [(date(2023, 12, 10), 8), (date(2023, 12, 11), 9)])
def test_tef_writing_across_the_2023_boundary(tested_on, expected):
    """Writing 520 is NCLC 8 on the uniform chart (500-532) and NCLC 9 on the 2023 chart (512-557)."""
    assert expected == level_of("tef_2023", "writing", 520, tested_on=tested_on)


@pytest.mark.parametrize("tef_scale", ["ancien_score", TefScale.ANCIEN_SCORE])
def test_tef_ancien_scale_applies_to_any_test_date(tef_scale):
    """The 'Équivalence ancien score' column is converted with the ancien chart whatever the date (S78, S79)."""
    expected = LanguageLevels(language=OfficialLanguage.FRENCH, listening=10, reading=10, writing=8, speaking=7)
    actual = convert(
        "tef_canada",
        listening=316,
        reading=263,
        writing=349,
        speaking=310,
        tested_on=date(2025, 2, 1),
        tef_scale=tef_scale,
    )
    assert expected == actual


@pytest.mark.parametrize(
    ("tef_scale", "expected"), [("ancien_score", 10), ("score_699_2019", 4), ("score_699_2023", BELOW_4)]
)
def test_explicit_tef_scale_overrides_the_test_date(tef_scale, expected):
    """An explicit TEF scale picks its chart, even on 2019-09-30, the day the sources disagree on."""
    assert expected == level_of("tef_ancien", "reading", 300, tested_on=date(2019, 9, 30), tef_scale=tef_scale)


def test_tef_ancien_scale_rejects_results_above_its_maximum_even_from_2023():
    """With tef_scale="ancien_score", reading above 300 is impossible whatever the test date."""
    with pytest.raises(InvalidValueError) as info:
        level_of("tef_2023", "reading", 301, tef_scale="ancien_score")
    assert "reading" == info.value.field


def test_unknown_tef_scale_is_rejected():
    """An unknown TEF scale names the allowed values."""
    with pytest.raises(InvalidValueError) as info:
        level_of("tef_2023", "reading", 400, tef_scale="score_699")
    assert ("tef_scale", "one of 'ancien_score', 'score_699_2019', 'score_699_2023'") == (
        info.value.field,
        info.value.allowed,
    )


def test_tef_scale_is_rejected_for_other_tests():
    """Only TEF Canada takes a TEF scale."""
    with pytest.raises(InvalidValueError) as info:
        level_of("ielts", "reading", 7.0, tef_scale="ancien_score")
    assert "tef_scale" == info.value.field


# --- Acceptance by test date ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "language", "accepted_from"),
    [
        (LanguageTest.IELTS_GENERAL, OfficialLanguage.ENGLISH, date(2015, 1, 1)),
        (LanguageTest.CELPIP_GENERAL, OfficialLanguage.ENGLISH, date(2015, 1, 1)),
        (LanguageTest.PTE_CORE, OfficialLanguage.ENGLISH, date(2024, 1, 30)),
        (LanguageTest.TEF_CANADA, OfficialLanguage.FRENCH, date(2015, 1, 1)),
        (LanguageTest.TCF_CANADA, OfficialLanguage.FRENCH, date(2018, 12, 1)),
    ],
)
def test_language_and_acceptance_date_of_each_test(test, language, accepted_from):
    """Each test assesses its official language and is accepted from the date in reference 6.1."""
    assert (language, accepted_from) == (test.language, crsrules.language.accepted_from(test))


def test_json_values_of_the_tests():
    """The string values are the JSON form and must not change."""
    expected = ["ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada"]
    assert expected == [t.value for t in LanguageTest]


def test_pte_core_accepted_from_2024_01_30():
    """PTE Core taken on 2024-01-30 converts; taken the day before, it is not accepted."""
    assert 10 == level_of("pte", "reading", 88, tested_on=date(2024, 1, 30))
    with pytest.raises(TestNotAcceptedError) as info:
        level_of("pte", "reading", 88, tested_on=date(2024, 1, 29))
    expected = (
        "'tested_on' must be a date on or after 2024-01-30, when IRCC began accepting PTE Core"
        " (got datetime.date(2024, 1, 29))"
    )
    assert expected == str(info.value)
    assert ("tested_on", date(2024, 1, 29)) == (info.value.field, info.value.value)


@pytest.mark.parametrize(
    ("setting", "day_before"),
    [
        ("tcf", date(2018, 11, 30)),
        ("ielts", date(2014, 12, 31)),
        ("celpip", date(2014, 12, 31)),
        ("tef_ancien", date(2014, 12, 31)),
    ],
)
def test_tests_before_their_acceptance_are_rejected(setting, day_before):
    """A test taken the day before IRCC accepted it raises TestNotAcceptedError, an InvalidValueError."""
    with pytest.raises(TestNotAcceptedError):
        level_of(setting, "reading", SETTINGS[setting][3]["reading"], tested_on=day_before)
    assert issubclass(TestNotAcceptedError, InvalidValueError)


def test_tcf_canada_accepted_from_2018_12_01():
    """TCF Canada taken on 2018-12-01 (the assumed first day) converts."""
    assert 9 == level_of("tcf", "reading", 524, tested_on=date(2018, 12, 1))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2014, 12, 31), ()),
        (date(2015, 1, 1), ("ielts_general", "celpip_general", "tef_canada")),
        (date(2018, 11, 30), ("ielts_general", "celpip_general", "tef_canada")),
        (date(2018, 12, 1), ("ielts_general", "celpip_general", "tef_canada", "tcf_canada")),
        (date(2024, 1, 29), ("ielts_general", "celpip_general", "tef_canada", "tcf_canada")),
        (date(2024, 1, 30), ("ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada")),
    ],
)
def test_accepted_tests_on_a_date(on, expected):
    """accepted_tests lists the tests accepted on a date, switching on each acceptance date."""
    assert expected == tuple(t.value for t in accepted_tests(on))


def test_accepted_tests_needs_a_date():
    """accepted_tests rejects a datetime."""
    with pytest.raises(InvalidValueError) as info:
        accepted_tests(datetime(2020, 1, 1, 12, 0))  # noqa: DTZ001 (a naive datetime is the wrong input on purpose)
    assert "on" == info.value.field


# --- Invalid input ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "ability", "score", "words"),
    [
        ("ielts", "reading", 7.3, "IELTS General Training band 0.0-9.0 in steps of 0.5"),
        ("ielts", "listening", 9.5, "IELTS General Training"),
        ("ielts", "writing", -0.5, "IELTS General Training"),
        ("ielts", "speaking", math.nan, "IELTS General Training"),
        ("celpip", "reading", 13, "CELPIP-General"),
        ("celpip", "writing", 9.5, "CELPIP-General"),
        ("celpip", "speaking", -1, "CELPIP-General"),
        ("celpip", "listening", "M", "CELPIP-General"),
        ("pte", "reading", 91, "PTE Core"),
        ("pte", "writing", 9, "PTE Core"),
        ("pte", "speaking", 50.5, "PTE Core"),
        ("tef_2023", "reading", 700, "TEF Canada"),
        ("tef_2019", "speaking", 700, "TEF Canada"),
        ("tef_2023", "listening", -1, "TEF Canada"),
        ("tef_ancien", "reading", 301, "TEF Canada"),
        ("tef_ancien", "listening", 361, "TEF Canada"),
        ("tef_ancien", "writing", 451, "TEF Canada"),
        ("tef_ancien", "speaking", 451, "TEF Canada"),
        ("tcf", "reading", 99, "TCF Canada"),
        ("tcf", "listening", 700, "TCF Canada"),
        ("tcf", "writing", 21, "TCF Canada"),
        ("tcf", "speaking", 10.5, "TCF Canada"),
        ("ielts", "reading", True, "IELTS General Training"),
        ("celpip", "writing", True, "CELPIP-General"),
        ("tcf", "speaking", False, "TCF Canada"),
        ("ielts", "reading", "7.0", "IELTS General Training"),
        ("pte", "listening", None, "PTE Core"),
        ("tef_2023", "reading", math.inf, "TEF Canada"),
    ],
)
def test_impossible_results_are_rejected(setting, ability, score, words):
    """An impossible result raises InvalidValueError naming the ability and the test."""
    with pytest.raises(InvalidValueError) as info:
        level_of(setting, ability, score)
    assert ability == info.value.field
    assert words in info.value.allowed
    assert str(info.value).startswith(f"{ability!r} must be ")


def test_ielts_error_message():
    """The IELTS error message says what is allowed and what was given."""
    with pytest.raises(InvalidValueError) as info:
        level_of("ielts", "reading", 7.3)
    expected = "'reading' must be an IELTS General Training band 0.0-9.0 in steps of 0.5 (got 7.3)"
    assert expected == str(info.value)


@pytest.mark.parametrize(("setting", "score", "expected"), [("celpip", 9.0, 9), ("pte", 88.0, 10), ("ielts", 7, 9)])
def test_whole_floats_and_int_bands_are_accepted(setting, score, expected):
    """A float with a whole value is a whole result, and an int is an IELTS band."""
    assert expected == level_of(setting, "reading", score)


@pytest.mark.parametrize("name", ["ielts_academic", "IELTS_GENERAL", "", 3, None])
def test_unknown_test_names_list_the_allowed_values(name):
    """An unknown test raises InvalidValueError for 'test' listing the five string values."""
    with pytest.raises(InvalidValueError) as info:
        convert(name, listening=5, reading=5, writing=5, speaking=5, tested_on=date(2025, 1, 1))
    expected = ("test", "one of 'ielts_general', 'celpip_general', 'pte_core', 'tef_canada', 'tcf_canada'")
    assert expected == (info.value.field, info.value.allowed)


@pytest.mark.parametrize("tested_on", [datetime(2025, 1, 1, 9, 30), "2025-01-01", None])  # noqa: DTZ001 (wrong on purpose)
def test_tested_on_must_be_a_date(tested_on):
    """The test date must be a datetime.date, not a datetime or a string."""
    with pytest.raises(InvalidValueError) as info:
        convert("celpip_general", listening=5, reading=5, writing=5, speaking=5, tested_on=tested_on)
    assert "tested_on" == info.value.field


# --- Properties -------------------------------------------------------------------------------------------------------

# Every possible result of each setting's abilities (reference 6.2 to 6.6 and the tests' score ranges).
_whole = st.integers
RESULTS: dict[str, dict[str, st.SearchStrategy[float]]] = {
    "ielts": dict.fromkeys(ABILITIES, _whole(0, 18).map(lambda n: n / 2)),
    "celpip": dict.fromkeys(ABILITIES, _whole(0, 12)),
    "pte": dict.fromkeys(ABILITIES, _whole(10, 90)),
    "tef_ancien": {
        "reading": _whole(0, 300),
        "writing": _whole(0, 450),
        "listening": _whole(0, 360),
        "speaking": _whole(0, 450),
    },
    "tef_2019": dict.fromkeys(ABILITIES, _whole(0, 699)),
    "tef_2023": dict.fromkeys(ABILITIES, _whole(0, 699)),
    "tcf": {
        "reading": _whole(100, 699),
        "writing": _whole(0, 20),
        "listening": _whole(100, 699),
        "speaking": _whole(0, 20),
    },
}


@st.composite
def two_results(draw: st.DrawFn) -> tuple[str, str, float, float]:
    """A setting, an ability, and two possible results of it, the lower first."""
    setting = draw(st.sampled_from(sorted(RESULTS)))
    ability = draw(st.sampled_from(ABILITIES))
    one, other = draw(RESULTS[setting][ability]), draw(RESULTS[setting][ability])
    return setting, ability, min(one, other), max(one, other)


@given(case=two_results())
@example(case=("celpip", "reading", 10, 12))
@example(case=("ielts", "listening", 7.0, 7.5))
@example(case=("tcf", "writing", 5, 6))
def test_a_higher_result_never_gives_a_lower_level(case):
    """For every test and chart, raising one ability's result never lowers its level, nor changes the others."""
    setting, ability, low, high = case
    test, tested_on, tef_scale, filler = SETTINGS[setting]
    before = convert(test, tested_on=tested_on, tef_scale=tef_scale, **{**filler, ability: low})
    after = convert(test, tested_on=tested_on, tef_scale=tef_scale, **{**filler, ability: high})
    assert getattr(before, ability) <= getattr(after, ability)
    others = [a for a in ABILITIES if a != ability]
    assert [getattr(before, a) for a in others] == [getattr(after, a) for a in others]


@given(data=st.data(), setting=st.sampled_from(sorted(RESULTS)))
def test_levels_are_always_within_0_to_12(data, setting):
    """Every possible result converts to a level from 0 to 12 (at most 10, where the CRS tables stop)."""
    test, tested_on, tef_scale, _ = SETTINGS[setting]
    scores = {a: data.draw(RESULTS[setting][a], label=a) for a in ABILITIES}
    levels = convert(test, tested_on=tested_on, tef_scale=tef_scale, **scores)
    assert all(0 <= getattr(levels, a) <= 10 for a in ABILITIES)
