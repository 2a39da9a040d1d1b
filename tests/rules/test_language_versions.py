"""Language rules by policy version: ``rules=`` pins the tests and charts a version knew, and errors name the field.

A version knows every designation and chart up to its own date (reference/crs-points.md section 6): PTE Core from
2024-01-30 (version 2024-01-30), TCF Canada from 2018-12-01 (version 2018-12-01), the TEF Canada 0-699 charts of
2019-10-01 and 2023-12-11 (rule E18). Without ``rules=`` the newest version converts, by test date.
"""

from datetime import date

import pytest

from crsrules.candidate import LanguageResult
from crsrules.errors import InvalidValueError, TestNotAcceptedError
from crsrules.language import LanguageTest, TefScale, accepted_from, accepted_tests, convert, levels, tef_scale_on

PTE_CLB_9 = {"listening": 82, "reading": 78, "writing": 88, "speaking": 84}  # reference 6.4: the CLB 9 minimums


def test_pte_core_is_unknown_to_versions_before_2024_01_30():
    """Version 2024-01-01 does not accept PTE Core at all, even for a test taken after 2024-01-30."""
    with pytest.raises(TestNotAcceptedError) as info:
        convert("pte_core", **PTE_CLB_9, tested_on=date(2024, 6, 1), rules="2024-01-01")
    assert ("test", "pte_core") == (info.value.field, info.value.value)
    assert "not PTE Core" in info.value.allowed
    assert 9 == convert("pte_core", **PTE_CLB_9, tested_on=date(2024, 6, 1), rules="2024-01-30").minimum
    assert 9 == convert("pte_core", **PTE_CLB_9, tested_on=date(2024, 6, 1)).minimum


def test_levels_of_a_result_follow_the_pinned_version():
    result = LanguageResult(test=LanguageTest.PTE_CORE, tested_on=date(2024, 6, 1), **PTE_CLB_9)
    assert 9 == levels(result).minimum
    assert 9 == levels(result, rules="2024-01-30").minimum
    with pytest.raises(TestNotAcceptedError):
        levels(result, rules="2024-01-01")


@pytest.mark.parametrize(
    ("test", "rules", "expected"),
    [
        ("pte_core", None, date(2024, 1, 30)),
        ("pte_core", "2024-01-30", date(2024, 1, 30)),
        ("tcf_canada", "2018-12-01", date(2018, 12, 1)),
        (LanguageTest.IELTS_GENERAL, "2015-01-01", date(2015, 1, 1)),
    ],
)
def test_accepted_from_under_a_version(test, rules, expected):
    assert expected == accepted_from(test, rules=rules)


@pytest.mark.parametrize(("test", "rules"), [("pte_core", "2024-01-01"), ("tcf_canada", "2017-06-06")])
def test_accepted_from_a_version_that_does_not_know_the_test(test, rules):
    """The error names the test, not a date: the version never accepted it."""
    with pytest.raises(TestNotAcceptedError) as info:
        accepted_from(test, rules=rules)
    assert ("test", test) == (info.value.field, info.value.value)
    assert "a test these rules accept" in info.value.allowed


def test_accepted_from_an_unknown_test_names_the_field_and_the_value():
    with pytest.raises(InvalidValueError) as info:
        accepted_from("ielts_academic")
    assert ("test", "ielts_academic") == (info.value.field, info.value.value)
    assert info.value.allowed.startswith("one of 'ielts_general', ")


def test_an_unknown_test_is_echoed_in_the_error():
    with pytest.raises(InvalidValueError) as info:
        convert("toefl", listening=1, reading=1, writing=1, speaking=1, tested_on=date(2025, 1, 1))
    assert ("test", "toefl") == (info.value.field, info.value.value)
    assert "(got 'toefl')" in str(info.value)


@pytest.mark.parametrize(
    ("tested_on", "rules", "expected"),
    [
        (date(2019, 9, 30), None, TefScale.ANCIEN_SCORE),
        (date(2019, 10, 1), None, TefScale.SCORE_699_2019),
        (date(2023, 12, 10), None, TefScale.SCORE_699_2019),
        (date(2023, 12, 11), None, TefScale.SCORE_699_2023),
        # A version knows only the charts up to its own date.
        (date(2024, 6, 1), "2023-05-31", TefScale.SCORE_699_2019),
        (date(2024, 6, 1), "2018-12-01", TefScale.ANCIEN_SCORE),
        (date(2024, 6, 1), "2023-12-11", TefScale.SCORE_699_2023),
    ],
)
def test_the_tef_scale_of_a_test_date_under_a_version(tested_on, rules, expected):
    assert expected == tef_scale_on(tested_on, rules=rules)


def test_the_tef_scale_needs_a_date_and_a_test_date_it_accepts():
    with pytest.raises(InvalidValueError) as info:
        tef_scale_on("2024-01-01")  # type: ignore[arg-type]
    assert ("tested_on", "2024-01-01") == (info.value.field, info.value.value)
    with pytest.raises(TestNotAcceptedError) as info:
        tef_scale_on(date(2014, 12, 31))
    assert ("tested_on", date(2014, 12, 31)) == (info.value.field, info.value.value)


def test_accepted_tests_under_a_version():
    """On 2024-06-01 the newest version accepts PTE Core; version 2024-01-01 never did."""
    on = date(2024, 6, 1)
    assert LanguageTest.PTE_CORE in accepted_tests(on)
    assert LanguageTest.PTE_CORE not in accepted_tests(on, rules="2024-01-01")
    assert (LanguageTest.IELTS_GENERAL, LanguageTest.CELPIP_GENERAL, LanguageTest.TEF_CANADA) == accepted_tests(
        on, rules="2015-01-01"
    )


def test_a_tef_scale_a_version_does_not_convert():
    """Version 2019-10-01 knows the ancien-score and 2019 charts, not the chart of 2023-12-11."""
    with pytest.raises(InvalidValueError) as info:
        convert("tef_canada", listening=400, reading=400, writing=400, speaking=400, tested_on=date(2024, 6, 1),
                tef_scale="score_699_2023", rules="2019-10-01")  # fmt: skip
    assert ("tef_scale", "score_699_2023", "a scale these rules convert: one of 'ancien_score', 'score_699_2019'") == (
        info.value.field, info.value.value, info.value.allowed)  # fmt: skip


def test_a_tef_scale_for_another_test():
    with pytest.raises(InvalidValueError) as info:
        convert("ielts_general", listening=7, reading=7, writing=7, speaking=7, tested_on=date(2024, 6, 1),
                tef_scale=TefScale.ANCIEN_SCORE)  # fmt: skip
    allowed = "None for IELTS General Training (only TEF Canada has several scales)"
    assert ("tef_scale", TefScale.ANCIEN_SCORE, allowed) == (info.value.field, info.value.value, info.value.allowed)
