"""The caps of the CRS grid, each on both sides, and the order in which capped lines lose points.

IRCC's grid caps the core factors (500 without a spouse, 460 with one), the spouse factors (40), each skill
transferability group (50), that section (100) and the additional points (600). With today's tables the core and
spouse maxima add up exactly to their caps, so those two caps can never cut a score: they are tested here with toy
versions of a ruleset whose caps are smaller (``attrs.evolve``), which is how a future ruleset could make them bite.
Expected values are computed by hand from the tables of reference/crs-points.md.
"""

import attrs
import pytest

import crsrules
from crsrules import Education, Factor, Factors, LanguageLevels, SpouseFactors
from crsrules import OfficialLanguage as Lang
from crsrules.tables import BySpouse

RULES = crsrules.get_rules("2025-03-25")


def levels(language, listening, reading, writing, speaking):
    return LanguageLevels(language=language, listening=listening, reading=reading, writing=writing, speaking=speaking)


def with_core_cap(cap, *, with_spouse=460):
    return attrs.evolve(RULES, core=attrs.evolve(RULES.core, cap=BySpouse(with_spouse=with_spouse, without_spouse=cap)))


def with_spouse_cap(cap):
    return attrs.evolve(RULES, spouse=attrs.evolve(RULES.spouse, cap=cap))


# Every core factor at its maximum without a spouse: age 25 110, doctoral 150, CLB 10 x4 = 136, French NCLC 9 x4 =
# 24 (6 each, capped at 24), 5 years of Canadian work 80: 110 + 150 + 136 + 24 + 80 = 500.
TOP = Factors(
    age=25,
    education=Education.DOCTORAL,
    first_language=levels(Lang.ENGLISH, 10, 10, 10, 10),
    second_language=levels(Lang.FRENCH, 9, 9, 9, 9),
    canadian_work_years=5,
)


def core_lines(breakdown):
    return {line.factor: (line.points, line.earned, line.note) for line in breakdown.lines
            if line.section is Factor.AGE.section}  # fmt: skip


def test_the_core_maxima_add_up_to_the_cap_so_it_never_cuts_today():
    """500 without a spouse and 460 with one: the cap equals the sum of the maxima, in every ruleset."""
    for ruleset in crsrules.available_rulesets():
        core = ruleset.core
        for spouse in (False, True):
            top = (
                max(p for _, p in core.age.column(spouse=spouse).steps)
                + max(core.education.column(spouse=spouse).rows.values())
                + 4 * max(p for _, p in core.first_language.column(spouse=spouse).steps)
                + core.second_language_cap.column(spouse=spouse)
                + max(p for _, p in core.canadian_work.column(spouse=spouse).steps)
            )
            assert (460 if spouse else 500) == core.cap.column(spouse=spouse) == top, ruleset.id
    b = crsrules.score(TOP, rules=RULES)
    assert 500 == b.core
    assert all(note == "" for _, _, note in core_lines(b).values())


def test_a_smaller_core_cap_takes_points_from_the_last_factors_first():
    """Cap 450: age, education, the first and second languages keep their 420; Canadian work keeps 30 of its 80."""
    b = crsrules.score(TOP, rules=with_core_cap(450))
    # The other sections are untouched: the education group's 50 (doctoral with CLB 10, and with 5 years of Canadian
    # work: 50 + 50, capped at 50) and the French bonus of 50 (NCLC 7+ with CLB 5+ in English).
    assert (450, 50, 50, 550) == (b.core, b.skill_transferability, b.additional, b.total)
    assert {
        Factor.AGE: (110, 110, ""),
        Factor.EDUCATION: (150, 150, ""),
        Factor.FIRST_OFFICIAL_LANGUAGE: (136, 136, ""),
        Factor.SECOND_OFFICIAL_LANGUAGE: (24, 24, ""),
        Factor.CANADIAN_WORK_EXPERIENCE: (30, 80, "core factors capped at 450"),
    } == core_lines(b)
    assert line_detail(b, Factor.CANADIAN_WORK_EXPERIENCE).endswith("; core factors capped at 450")


def test_a_core_cap_that_cuts_into_the_first_language_leaves_nothing_after_it():
    """Cap 300: age 110 + education 150 leave 40 for the first language (of 136); the rest get 0, and say why."""
    b = crsrules.score(TOP, rules=with_core_cap(300))
    assert 300 == b.core
    assert {
        Factor.AGE: (110, 110, ""),
        Factor.EDUCATION: (150, 150, ""),
        Factor.FIRST_OFFICIAL_LANGUAGE: (40, 136, "core factors capped at 300"),
        Factor.SECOND_OFFICIAL_LANGUAGE: (0, 24, "core factors capped at 300"),
        Factor.CANADIAN_WORK_EXPERIENCE: (0, 80, "core factors capped at 300"),
    } == core_lines(b)


@pytest.mark.parametrize(("cap", "core", "cut"), [(499, 499, True), (500, 500, False), (501, 500, False)])
def test_the_core_cap_on_both_sides_of_the_total(cap, core, cut):
    b = crsrules.score(TOP, rules=with_core_cap(cap))
    assert core == b.core
    assert cut == any(note for _, _, note in core_lines(b).values())


def test_the_core_cap_with_a_spouse_is_its_own_column():
    """With a spouse the same factors earn 100 + 140 + 128 + 22 + 70 = 460; a toy cap of 400 cuts Canadian work to
    10, and the cap without a spouse does not apply."""
    f = attrs.evolve(TOP, spouse=SpouseFactors(education=Education.LESS_THAN_SECONDARY))
    assert 460 == crsrules.score(f, rules=RULES).core
    b = crsrules.score(f, rules=with_core_cap(300, with_spouse=400))
    assert 400 == b.core
    assert (10, 70, "core factors capped at 400") == core_lines(b)[Factor.CANADIAN_WORK_EXPERIENCE]
    assert 460 == crsrules.score(f, rules=with_core_cap(300)).core


def line_detail(breakdown, factor):
    (found,) = [line for line in breakdown.lines if line.factor is factor]
    return found.detail


# Spouse factors at their maximum: master's 10, CLB 9 x4 = 20, 5 years of Canadian work 10: 40, the cap.
SPOUSE_TOP = SpouseFactors(
    education=Education.MASTERS, first_language=levels(Lang.ENGLISH, 9, 9, 9, 9), canadian_work_years=5
)


def spouse_lines(breakdown):
    return {line.factor: (line.points, line.earned, line.note) for line in breakdown.lines
            if line.section is Factor.SPOUSE_EDUCATION.section}  # fmt: skip


def test_the_spouse_maxima_add_up_to_the_cap_of_40():
    f = Factors(age=30, education=Education.BACHELORS, first_language=None, spouse=SPOUSE_TOP)
    b = crsrules.score(f, rules=RULES)
    assert 40 == b.spouse
    assert {
        Factor.SPOUSE_EDUCATION: (10, 10, ""),
        Factor.SPOUSE_OFFICIAL_LANGUAGE: (20, 20, ""),
        Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE: (10, 10, ""),
    } == spouse_lines(b)


@pytest.mark.parametrize(
    ("cap", "language", "work"),
    [
        (39, (20, 20, ""), (9, 10, "spouse factors capped at 39")),
        (25, (15, 20, "spouse factors capped at 25"), (0, 10, "spouse factors capped at 25")),
        (40, (20, 20, ""), (10, 10, "")),
    ],
)
def test_a_smaller_spouse_cap_takes_points_from_the_last_factors_first(cap, language, work):
    f = Factors(age=30, education=Education.BACHELORS, first_language=None, spouse=SPOUSE_TOP)
    b = crsrules.score(f, rules=with_spouse_cap(cap))
    assert min(cap, 40) == b.spouse
    assert {
        Factor.SPOUSE_EDUCATION: (10, 10, ""),
        Factor.SPOUSE_OFFICIAL_LANGUAGE: language,
        Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE: work,
    } == spouse_lines(b)
