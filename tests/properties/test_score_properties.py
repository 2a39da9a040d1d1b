"""Properties of score() over every ruleset, checked on random valid Factors."""

from itertools import pairwise

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import crsrules
from crsrules import Education, Factor, Factors, LanguageLevels, OfficialLanguage, Section
from crsrules.testing.strategies import factors, rulesets

ABILITIES = ("listening", "reading", "writing", "speaking")
RULESETS = crsrules.available_rulesets()
ENGLISH_9 = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)


def section_caps(ruleset, f):
    spouse = f.spouse is not None
    return {
        Section.CORE: ruleset.core.cap.column(spouse=spouse),
        Section.SPOUSE: ruleset.spouse.cap,
        Section.SKILL_TRANSFERABILITY: ruleset.skill_transferability.cap,
        Section.ADDITIONAL: ruleset.additional.cap,
    }


@given(f=factors(), ruleset=rulesets())
def test_total_and_sections_stay_within_their_caps(f, ruleset):
    """0 <= total <= 1200, and no section exceeds its cap; core + spouse never exceeds 500."""
    b = crsrules.score(f, rules=ruleset)
    assert 0 <= b.total <= 1200
    for section, cap in section_caps(ruleset, f).items():
        assert 0 <= b.by_section[section] <= cap
    assert b.core + b.spouse <= 500
    if f.spouse is None:
        assert 0 == b.spouse


@given(f=factors(), ruleset=rulesets())
def test_total_is_the_sum_of_sections_and_of_lines(f, ruleset):
    """total == sum of the four sections == sum of the lines; each section == sum of its lines."""
    b = crsrules.score(f, rules=ruleset)
    assert b.total == b.core + b.spouse + b.skill_transferability + b.additional
    assert b.total == sum(line.points for line in b.lines)
    for section, points in b.by_section.items():
        assert points == sum(line.points for line in b.lines if line.section is section)
    assert ruleset.id == b.rules_id
    for line in b.lines:
        assert 0 <= line.points <= line.earned


def _raise_one(levels: LanguageLevels, ability: str) -> LanguageLevels:
    return attrs.evolve(levels, **{ability: min(12, getattr(levels, ability) + 1)})


@given(f=factors(), ruleset=rulesets(), ability=st.sampled_from(ABILITIES),
       which=st.sampled_from(("first_language", "second_language", "spouse")))
def test_raising_one_language_ability_never_lowers_the_total(f, ruleset, ability, which):
    """One more CLB/NCLC level in any ability, of either language or of the spouse, never lowers the score."""
    if which == "spouse":
        if f.spouse is None or f.spouse.first_language is None:
            return
        spouse = attrs.evolve(f.spouse, first_language=_raise_one(f.spouse.first_language, ability))
        better = attrs.evolve(f, spouse=spouse)
    else:
        levels = getattr(f, which)
        if levels is None:
            return
        better = attrs.evolve(f, **{which: _raise_one(levels, ability)})
    assert crsrules.score(better, rules=ruleset).total >= crsrules.score(f, rules=ruleset).total


@given(f=factors(), ruleset=rulesets(), more=st.integers(1, 10))
def test_more_canadian_work_never_lowers_the_total(f, ruleset, more):
    """More years of Canadian work (the applicant's or the spouse's) never lower the score."""
    base = crsrules.score(f, rules=ruleset).total
    more_work = attrs.evolve(f, canadian_work_years=f.canadian_work_years + more)
    assert crsrules.score(more_work, rules=ruleset).total >= base
    if f.spouse is not None:
        spouse = attrs.evolve(f.spouse, canadian_work_years=f.spouse.canadian_work_years + more)
        assert crsrules.score(attrs.evolve(f, spouse=spouse), rules=ruleset).total >= base


@given(f=factors(), ruleset=rulesets(), more=st.integers(1, 10))
def test_more_foreign_work_never_lowers_the_total(f, ruleset, more):
    """More years of foreign work never lower the score."""
    base = crsrules.score(f, rules=ruleset).total
    assert crsrules.score(attrs.evolve(f, foreign_work_years=f.foreign_work_years + more), rules=ruleset).total >= base


@given(f=factors(), ruleset=rulesets(),
       education=st.sampled_from([Education.ONE_YEAR, Education.TWO_YEAR, Education.BACHELORS]))
@example(
    f=Factors(age=29, education=Education.BACHELORS, first_language=ENGLISH_9, canadian_work_years=3),
    ruleset=RULESETS[-1],
    education=Education.BACHELORS,
)
def test_a_single_credential_never_reaches_the_upper_transferability_tier(f, ruleset, education):
    """A single post-secondary credential (even a bachelor's) earns at most 13/25, never 25/50, per combination."""
    f = attrs.evolve(f, education=education, canadian_education=None)
    b = crsrules.score(f, rules=ruleset)
    for line in b.lines:
        if line.factor in {Factor.EDUCATION_AND_LANGUAGE, Factor.EDUCATION_AND_CANADIAN_WORK}:
            assert line.earned <= 25


@given(f=factors(), ruleset=rulesets())
def test_the_spouse_column_applies_only_with_spouse_factors(f, ruleset):
    """Dropping the accompanying spouse never lowers the core section (E1: the single column is higher)."""
    single = attrs.evolve(f, spouse=None)
    assert crsrules.score(single, rules=ruleset).core >= crsrules.score(f, rules=ruleset).core


@pytest.mark.parametrize(("before", "after"), list(pairwise(RULESETS)), ids=[r.id for r in RULESETS[1:]])
@given(f=factors())
def test_only_declared_factors_change_between_consecutive_rulesets(before, after, f):
    """Between two consecutive rulesets only the factors the newer one declares as changed can move."""
    old = crsrules.score(f, rules=before).by_factor
    new = crsrules.score(f, rules=after).by_factor
    assert {factor for factor in old if old[factor] != new[factor]} <= after.changes


@given(f=factors(), ruleset=rulesets())
def test_scoring_on_a_date_equals_scoring_under_the_ruleset_in_force(f, ruleset):
    """score(on=effective date) and score(rules=id) agree."""
    assert crsrules.score(f, on=ruleset.effective) == crsrules.score(f, rules=ruleset.id)
