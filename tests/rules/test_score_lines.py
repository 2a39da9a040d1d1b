"""A score's lines say, in words, the row of IRCC's grid each factor's points come from (reference/crs-points.md).

Each expected detail is written from the grid: the row's inputs, the points per ability where the grid counts them
per ability, and why a factor earns nothing or was capped.
"""

from datetime import date

import attrs
import pytest

import crsrules
from crsrules import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factor,
    Factors,
    LanguageLevels,
    SpouseFactors,
)
from crsrules import OfficialLanguage as Lang
from crsrules._lines import _Nothing  # the row of a 0-point line no input gave
from crsrules.errors import InvalidArgumentsError, InvalidValueError
from crsrules.scoring import score
from crsrules.tables import BySpouse, Steps

BACHELORS = "bachelor's degree or other credential of 3+ years"
ALL_FOUR_CLB_7 = "CLB 7 or more in all four first-language abilities"


def levels(language, listening, reading, writing, speaking):
    return LanguageLevels(language=language, listening=listening, reading=reading, writing=writing, speaking=speaking)


def details(breakdown):
    """The details of the lines a row of the grid gave (the 0-point lines of factors with no input are left out)."""
    return {line.factor: line.detail for line in breakdown.lines if not isinstance(line.row, _Nothing)}


def test_every_line_of_a_single_candidate_in_words():
    """2025-03-25, single: CLB 7 x4 (17 each), 1 year of Canadian work, 2 years abroad, a certificate, a 3-year
    Canadian credential and a sibling. Transferability: 13 + 13 + 13 + 13 + 50 = 102, capped at 100, the certificate
    (last) losing 2."""
    f = Factors(age=30, education=Education.BACHELORS, first_language=levels(Lang.ENGLISH, 7, 7, 7, 7),
                canadian_work_years=1, foreign_work_years=2, certificate_of_qualification=True,
                canadian_education=CanadianEducation.THREE_YEARS_OR_MORE, sibling_in_canada=True)  # fmt: skip
    b = crsrules.score(f, rules="2025-03-25")
    assert {
        Factor.AGE: "age 30",
        Factor.EDUCATION: BACHELORS,
        Factor.FIRST_OFFICIAL_LANGUAGE: (
            "English: listening CLB 7 (17), reading CLB 7 (17), writing CLB 7 (17), speaking CLB 7 (17)"
        ),
        Factor.CANADIAN_WORK_EXPERIENCE: "1 year of Canadian work",
        Factor.EDUCATION_AND_LANGUAGE: f"{BACHELORS} with {ALL_FOUR_CLB_7}",
        Factor.EDUCATION_AND_CANADIAN_WORK: f"{BACHELORS} with 1 year of Canadian work",
        Factor.FOREIGN_WORK_AND_LANGUAGE: f"2 years of foreign work with {ALL_FOUR_CLB_7}",
        Factor.FOREIGN_AND_CANADIAN_WORK: "2 years of foreign work with 1 year of Canadian work",
        Factor.CERTIFICATE_OF_QUALIFICATION: (
            f"certificate of qualification with {ALL_FOUR_CLB_7}; skill transferability capped at 100"
        ),
        Factor.CANADIAN_EDUCATION: "Canadian post-secondary credential (three years or more)",
        Factor.SIBLING_IN_CANADA: "brother or sister in Canada",
    } == details(b)
    assert (100, 30 + 15) == (b.skill_transferability, b.additional)


def test_years_of_canadian_work_in_the_plural():
    b = crsrules.score(Factors(age=30, education=Education.BACHELORS, first_language=None, canadian_work_years=2,
                               foreign_work_years=1), rules="2025-03-25")  # fmt: skip
    assert "2 years of Canadian work" == details(b)[Factor.CANADIAN_WORK_EXPERIENCE]
    assert f"{BACHELORS} with 2 years of Canadian work" == details(b)[Factor.EDUCATION_AND_CANADIAN_WORK]
    assert "1 year of foreign work with 2 years of Canadian work" == details(b)[Factor.FOREIGN_AND_CANADIAN_WORK]


@pytest.mark.parametrize(
    ("changes", "rules", "factor", "expected"),
    [
        ({"arranged_employment": ArrangedEmployment.SENIOR_MANAGEMENT}, "2025-03-25", Factor.ARRANGED_EMPLOYMENT,
         "arranged employment (senior management): no points under ruleset 2025-03-25"),
        ({"arranged_employment": ArrangedEmployment.SENIOR_MANAGEMENT}, "2017-06-06", Factor.ARRANGED_EMPLOYMENT,
         "arranged employment (senior management)"),
        ({"arranged_employment": ArrangedEmployment.OTHER_SKILLED}, "2017-06-06", Factor.ARRANGED_EMPLOYMENT,
         "arranged employment (other skilled)"),
        ({"canadian_education": CanadianEducation.ONE_OR_TWO_YEARS}, "2015-01-01", Factor.CANADIAN_EDUCATION,
         "Canadian post-secondary credential (one or two years): no points under ruleset 2015-01-01"),
        ({"canadian_education": CanadianEducation.ONE_OR_TWO_YEARS}, "2016-11-19", Factor.CANADIAN_EDUCATION,
         "Canadian post-secondary credential (one or two years)"),
        ({"sibling_in_canada": True}, "2016-11-19", Factor.SIBLING_IN_CANADA,
         "brother or sister in Canada: no points under ruleset 2016-11-19"),
        ({"provincial_nomination": True}, "2025-03-25", Factor.PROVINCIAL_NOMINATION,
         "provincial or territorial nomination"),
    ],
)  # fmt: skip
def test_additional_points_in_words(changes, rules, factor, expected):
    f = Factors(age=30, education=Education.BACHELORS, first_language=None, **changes)
    assert expected == details(crsrules.score(f, rules=rules))[factor]


@pytest.mark.parametrize(
    ("english", "points", "expected"),
    [
        (levels(Lang.ENGLISH, 5, 5, 5, 5), 50,
         "NCLC 7 or more in all four French abilities and CLB 5 or more in all four English abilities"),
        (levels(Lang.ENGLISH, 5, 5, 5, 4), 25,
         "NCLC 7 or more in all four French abilities; English not tested, or below CLB 5 in an ability"),
        (None, 25, "NCLC 7 or more in all four French abilities; English not tested, or below CLB 5 in an ability"),
    ],
)  # fmt: skip
def test_the_french_bonus_in_words(english, points, expected):
    """2020-10-27: NCLC 7+ in all four French abilities earns 50 with CLB 5+ in all four English ones, else 25."""
    f = Factors(age=30, education=Education.BACHELORS, first_language=levels(Lang.FRENCH, 7, 7, 7, 7),
                second_language=english)  # fmt: skip
    b = crsrules.score(f, rules="2020-10-27")
    assert points == b.by_factor[Factor.FRENCH_LANGUAGE_SKILLS]
    assert expected == details(b)[Factor.FRENCH_LANGUAGE_SKILLS]


@pytest.mark.parametrize("copy", [False, True], ids=["registry", "copy"])
def test_with_a_spouse_the_lines_show_the_spouse_column(copy):
    """With a spouse, CLB 9 earns 29 per ability (31 without); the second language (NCLC 9: 6 each, 24) is capped at
    22; the spouse's lines say so. The same under a copy of the version (its tables compiled afresh)."""
    spouse = SpouseFactors(education=Education.MASTERS, first_language=levels(Lang.ENGLISH, 9, 9, 9, 5),
                           canadian_work_years=2)  # fmt: skip
    f = Factors(age=30, education=Education.BACHELORS, first_language=levels(Lang.ENGLISH, 9, 9, 9, 9),
                second_language=levels(Lang.FRENCH, 9, 9, 9, 9), spouse=spouse)  # fmt: skip
    rules = crsrules.get_rules("2025-03-25")
    b = crsrules.score(f, rules=attrs.evolve(rules) if copy else rules)
    got = details(b)
    assert "English: listening CLB 9 (29), reading CLB 9 (29), writing CLB 9 (29), speaking CLB 9 (29)" == got[
        Factor.FIRST_OFFICIAL_LANGUAGE
    ]
    assert (
        "French: listening NCLC 9 (6), reading NCLC 9 (6), writing NCLC 9 (6), speaking NCLC 9 (6); second official "
        "language capped at 22"
    ) == got[Factor.SECOND_OFFICIAL_LANGUAGE]
    assert f"spouse: {Education.MASTERS.label}" == got[Factor.SPOUSE_EDUCATION]
    assert (
        "spouse: English: listening CLB 9 (5), reading CLB 9 (5), writing CLB 9 (5), speaking CLB 5 (1)"
        == got[Factor.SPOUSE_OFFICIAL_LANGUAGE]
    )
    assert "spouse: 2 years of Canadian work" == got[Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE]
    assert (116, 22, 10 + 16 + 7) == (b.by_factor[Factor.FIRST_OFFICIAL_LANGUAGE],
                                      b.by_factor[Factor.SECOND_OFFICIAL_LANGUAGE], b.spouse)  # fmt: skip


def test_each_column_of_the_second_language_applies_to_its_own_case():
    """A toy version whose second-language points differ with a spouse (5 at CLB 9 instead of 6): a candidate with a
    spouse is scored and described with that column, one without with the other."""
    rules = crsrules.get_rules("2025-03-25")
    toy_column = Steps(((5, 1), (7, 3), (9, 5)), below=0)
    toy = attrs.evolve(rules, core=attrs.evolve(rules.core, second_language=BySpouse(
        with_spouse=toy_column, without_spouse=rules.core.second_language.without_spouse)))  # fmt: skip
    french = levels(Lang.FRENCH, 9, 9, 9, 9)
    english = levels(Lang.ENGLISH, 4, 4, 4, 4)
    base = {"age": 30, "education": Education.BACHELORS, "first_language": english, "second_language": french}
    with_spouse = crsrules.score(Factors(**base, spouse=SpouseFactors(education=Education.SECONDARY)), rules=toy)
    assert 20 == with_spouse.by_factor[Factor.SECOND_OFFICIAL_LANGUAGE]
    assert "listening NCLC 9 (5)" in details(with_spouse)[Factor.SECOND_OFFICIAL_LANGUAGE]
    single = crsrules.score(Factors(**base), rules=toy)
    assert 24 == single.by_factor[Factor.SECOND_OFFICIAL_LANGUAGE]
    assert "listening NCLC 9 (6)" in details(single)[Factor.SECOND_OFFICIAL_LANGUAGE]


def test_the_json_form_of_a_score():
    f = Factors(age=30, education=Education.BACHELORS, first_language=None)
    b = crsrules.score(f, rules="2025-03-25")
    assert {
        "total": 225,
        "core": 225,
        "spouse": 0,
        "skill_transferability": 0,
        "additional": 0,
        "rules_id": "2025-03-25",
        "lines": [
            {"section": "core", "factor": "age", "points": 105, "earned": 105, "detail": "age 30", "evidence": ""},
            {"section": "core", "factor": "education", "points": 120, "earned": 120, "detail": BACHELORS,
             "evidence": ""},
            {"section": "core", "factor": "first_official_language", "points": 0, "earned": 0,
             "detail": "no valid first-language result", "evidence": ""},
        ],
    } == {**b.as_dict(), "lines": b.as_dict()["lines"][:3]}  # fmt: skip
    assert [f.value for f in Factor] == [line["factor"] for line in b.as_dict()["lines"]]  # no silent zero


def test_the_scoring_layer_checks_its_arguments():
    f = Factors(age=30, education=Education.BACHELORS, first_language=None)
    assert 225 == score(f, on=date(2025, 6, 1)).total
    assert 225 == score(f, rules="2025-03-25").total
    with pytest.raises(InvalidArgumentsError):
        score(f)
    with pytest.raises(InvalidValueError) as info:
        score({"age": 30}, rules="2025-03-25")  # type: ignore[arg-type]
    assert ("factors", {"age": 30}, "a crsrules.Factors or crsrules.Candidate") == (
        info.value.field, info.value.value, info.value.allowed)  # fmt: skip


def test_capped_groups_say_so():
    """Master's with CLB 9 (50) and 2 years of Canadian work (50): the education group is capped at 50, the second
    line losing all; 3 years abroad with CLB 9 (50) and with 2 years of Canadian work (50): the same."""
    f = Factors(age=30, education=Education.MASTERS, first_language=levels(Lang.ENGLISH, 9, 9, 9, 9),
                canadian_work_years=2, foreign_work_years=3)  # fmt: skip
    b = crsrules.score(f, rules="2025-03-25")
    lines = {line.factor: (line.points, line.earned, line.note) for line in b.lines}
    assert (50, 50, "") == lines[Factor.EDUCATION_AND_LANGUAGE]
    assert (0, 50, "education group capped at 50") == lines[Factor.EDUCATION_AND_CANADIAN_WORK]
    assert (50, 50, "") == lines[Factor.FOREIGN_WORK_AND_LANGUAGE]
    assert (0, 50, "foreign work group capped at 50") == lines[Factor.FOREIGN_AND_CANADIAN_WORK]
    assert details(b)[Factor.FOREIGN_AND_CANADIAN_WORK].endswith("; foreign work group capped at 50")
    assert 100 == b.skill_transferability


@pytest.mark.parametrize(
    ("group_cap", "section_cap", "certificate", "total"),
    [
        (40, 100, (40, 50, "certificate group capped at 40"), 40 + 40),
        (50, 100, (50, 50, ""), 50 + 50),
        (40, 60, (20, 50, "skill transferability capped at 60"), 60),
    ],
)
def test_the_certificate_group_cap(group_cap, section_cap, certificate, total):
    """Today the certificate's most (50, CLB 7 or more) equals the group cap, so the cap never cuts it; toy versions
    with a group cap of 40 cut it to 40 (education with CLB 9 capped likewise: 50 -> 40), and a section cap after."""
    rules = crsrules.get_rules("2025-03-25")
    transferability = attrs.evolve(rules.skill_transferability, group_cap=group_cap, cap=section_cap)
    toy = attrs.evolve(rules, skill_transferability=transferability)
    f = Factors(age=30, education=Education.MASTERS, first_language=levels(Lang.ENGLISH, 9, 9, 9, 9),
                certificate_of_qualification=True)  # fmt: skip
    b = crsrules.score(f, rules=toy)
    line = next(x for x in b.lines if x.factor is Factor.CERTIFICATE_OF_QUALIFICATION)
    assert certificate == (line.points, line.earned, line.note)
    assert total == b.skill_transferability
    assert line.detail.endswith(f"; {certificate[2]}" if certificate[2] else "abilities")
