"""The compiled scorer and the lazy breakdown against the itemized scoring of 0.1 (the oracle), on every version.

``crsrules._lines._itemize`` is the one-pass scoring that ``score()`` ran before the sections came from a compiled
scorer: it builds every line eagerly, and its sections are the sums of its lines. The properties below hold the
compiled sections and totals to it, and the lines that a breakdown itemizes when first read to its lines.
"""

import json
import pickle
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import crsrules
from crsrules import Education, Factors, LanguageLevels, OfficialLanguage, ScoreBreakdown, SectionPoints
from crsrules._lines import _itemize
from crsrules.testing.strategies import candidates, factors, rulesets

RULESETS = crsrules.available_rulesets()
EXAMPLES = Path(__file__).parents[2] / "examples" / "candidates"
ENGLISH_9 = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)


@st.composite
def wide_factors(draw):
    """Valid Factors over the whole range the model allows: ages to 120, work years to 60."""
    f = draw(factors(max_age=120))
    years = st.integers(0, 12) | st.integers(0, 60)
    spouse = f.spouse if f.spouse is None else attrs.evolve(f.spouse, canadian_work_years=draw(years))
    return attrs.evolve(f, canadian_work_years=draw(years), foreign_work_years=draw(years), spouse=spouse)


def eager(f, ruleset, evidence=None):
    """What score() gave in 0.1: the lines, eagerly, and the sections they add up to."""
    lines, core, spouse, transferability, additional = _itemize(f, ruleset)
    if evidence is not None:  # 0.1 attached the evidence by rebuilding every line
        lines = tuple(line._replace(evidence=evidence.get(line.factor, "")) for line in lines)
    return ScoreBreakdown(
        total=core + spouse + transferability + additional,
        core=core,
        spouse=spouse,
        skill_transferability=transferability,
        additional=additional,
        rules_id=ruleset.id,
        lines=lines,
    )


def sections(b):
    return (b.total, b.core, b.spouse, b.skill_transferability, b.additional, b.rules_id)


@given(f=wide_factors(), ruleset=rulesets())
@example(f=Factors(age=29, education=Education.BACHELORS, first_language=ENGLISH_9), ruleset=RULESETS[-1])
def test_the_compiled_sections_and_the_lazy_lines_equal_the_itemized_scoring(f, ruleset):
    """score() has the sections of the itemized scoring, and its lines, read later, are the itemized lines."""
    oracle = eager(f, ruleset)
    b = crsrules.score(f, rules=ruleset)
    assert sections(oracle) == sections(b)
    assert oracle.lines == b.lines
    assert oracle == b
    assert hash(oracle) == hash(b)
    assert oracle.as_dict() == b.as_dict()
    assert repr(oracle) == repr(b)
    assert oracle.by_factor == b.by_factor
    assert oracle.by_section == b.by_section


@given(f=wide_factors(), ruleset=rulesets())
def test_totals_and_the_scorer_equal_the_itemized_scoring(f, ruleset):
    """total(), scorer(r).total/sections/score and score_factors agree with the itemized scoring."""
    oracle = eager(f, ruleset)
    s = crsrules.scorer(ruleset)
    assert oracle.total == crsrules.total(f, rules=ruleset) == crsrules.total(f, rules=ruleset.id) == s.total(f)
    assert SectionPoints(*sections(oracle)[:5]) == s.sections(f)
    assert oracle == s.score(f)
    assert crsrules.scorer(ruleset.id) is s
    assert s.rules is ruleset


@given(f=wide_factors(), ruleset=rulesets())
def test_a_breakdown_pickles_with_its_lines(f, ruleset):
    b = crsrules.score(f, rules=ruleset)
    again = pickle.loads(pickle.dumps(b))  # noqa: S301 (our own data)
    assert b == again
    assert b.lines == again.lines
    assert repr(b) == repr(again)


ANCHORED = candidates(on=date(2026, 6, 1))


@given(candidate=ANCHORED, on=st.dates(date(2015, 1, 1), date(2026, 6, 1)))
def test_a_candidate_s_lines_carry_the_evidence_as_rebuilt_in_0_1(candidate, on):
    """score(candidate, on=) itemizes the lines with their evidence when read: those of 0.1, which rebuilt them."""
    derivation = crsrules.derive(candidate, on=on)
    oracle = eager(derivation.factors, derivation.rules, derivation.evidence)
    b = crsrules.score(candidate, on=on)
    assert oracle == b
    assert [line.evidence for line in oracle.lines] == [line.evidence for line in b.lines]
    assert oracle.total == crsrules.total(candidate, on=on)


def test_a_breakdown_is_immutable():
    b = crsrules.score(Factors(age=29, education=Education.BACHELORS, first_language=ENGLISH_9), rules="2025-03-25")
    for name in ("total", "core", "spouse", "skill_transferability", "additional", "rules_id", "lines", "other"):
        with pytest.raises(AttributeError):
            setattr(b, name, 0)
    assert b.lines is b.lines  # itemized once


def test_repr_and_as_dict_are_those_of_0_1():
    b = crsrules.score(Factors(age=29, education=Education.BACHELORS, first_language=ENGLISH_9), rules="2025-03-25")
    expected = "ScoreBreakdown(total=379, core=354, spouse=0, skill_transferability=25, additional=0, rules_id="
    assert expected + "'2025-03-25')" == repr(b)
    assert ["total", "core", "spouse", "skill_transferability", "additional", "rules_id", "lines"] == list(b.as_dict())
    assert b != (379, 354, 0, 25, 0)


def test_scorer_takes_a_date_or_rules_and_checks_its_arguments():
    assert crsrules.scorer(on=date(2025, 6, 1)) is crsrules.scorer("2025-03-25")
    assert "<Scorer for ruleset 2025-03-25>" == repr(crsrules.scorer("2025-03-25"))
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.scorer()
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.scorer("2025-03-25", on=date(2025, 6, 1))
    with pytest.raises(crsrules.UnknownRulesetError):
        crsrules.scorer("2025-03-26")
    s = crsrules.scorer("2025-03-25")
    for method in (s.total, s.sections, s.score):
        with pytest.raises(crsrules.InvalidValueError):
            method({"age": 29})


def test_total_checks_its_arguments_as_score_does():
    f = Factors(age=29, education=Education.BACHELORS, first_language=ENGLISH_9)
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.total(f)
    with pytest.raises(crsrules.RulesNotInForceError):
        crsrules.total(f, on=date(2014, 12, 31))
    with pytest.raises(crsrules.InvalidValueError):
        crsrules.total("factors", rules="2025-03-25")
    document = json.loads((EXAMPLES / "stem-developer-abroad.json").read_text(encoding="utf-8"))
    candidate = crsrules.load_candidate(document)
    with pytest.raises(crsrules.InvalidArgumentsError):
        crsrules.total(candidate, rules="2025-03-25")
    assert crsrules.score(candidate, on=date(2025, 6, 1)).total == crsrules.total(candidate, on=date(2025, 6, 1))
