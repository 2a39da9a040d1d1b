"""Public Hypothesis strategies for crsrules' types, valid by construction.

Install the ``testing`` extra (``pip install crsrules[testing]``). Each strategy takes keyword arguments that narrow
it, and draws the simplest values first so that failures shrink towards low scores. Importing this module registers
the strategies, so ``st.from_type(Factors)`` works too.

Example:
    >>> from hypothesis import given
    >>> from crsrules.testing.strategies import factors
    >>> @given(factors(with_spouse=False))
    ... def test_single(f):
    ...     assert f.spouse is None

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from hypothesis import strategies as st

from crsrules.model import (
    MAX_CLB,
    ArrangedEmployment,
    CanadianEducation,
    Education,
    Factors,
    LanguageLevels,
    OfficialLanguage,
    SpouseFactors,
)
from crsrules.rules import RuleSet, available_rulesets

__all__ = ["educations", "factors", "language_levels", "rulesets", "spouse_factors"]

def educations(*, at_least: Education = Education.LESS_THAN_SECONDARY) -> st.SearchStrategy[Education]:
    """Education levels, at least *at_least*."""
    return st.sampled_from([e for e in Education if e.rank >= at_least.rank])


def language_levels(
    *, language: OfficialLanguage | None = None, min_level: int = 0, max_level: int = MAX_CLB
) -> st.SearchStrategy[LanguageLevels]:
    """CLB/NCLC levels in one official language (either, unless *language* is given)."""
    level = st.integers(min_level, max_level)
    lang = st.just(language) if language is not None else st.sampled_from(OfficialLanguage)
    return st.builds(LanguageLevels, language=lang, listening=level, reading=level, writing=level, speaking=level)


def spouse_factors() -> st.SearchStrategy[SpouseFactors]:
    """The factors of an accompanying spouse who is not a Canadian citizen or PR."""
    return st.builds(
        SpouseFactors,
        education=educations(),
        first_language=st.none() | language_levels(),
        canadian_work_years=st.integers(0, 12),
    )


@st.composite
def factors(draw: st.DrawFn, *, with_spouse: bool | None = None, min_age: int = 0, max_age: int = 70) -> Factors:
    """Valid :class:`~crsrules.Factors`; pass *with_spouse* to fix the marital situation."""
    first = draw(language_levels() | st.none())
    other = OfficialLanguage.ENGLISH if first is not None and first.language is OfficialLanguage.FRENCH else (
        OfficialLanguage.FRENCH
    )
    education = draw(educations())
    canadian_education_choices = [c for c in CanadianEducation if education.rank >= c.minimum_education.rank]
    has_spouse = draw(st.booleans()) if with_spouse is None else with_spouse
    return Factors(
        age=draw(st.integers(min_age, max_age)),
        education=education,
        first_language=first,
        second_language=None if first is None else draw(st.none() | language_levels(language=other)),
        canadian_work_years=draw(st.integers(0, 12)),
        foreign_work_years=draw(st.integers(0, 12)),
        certificate_of_qualification=draw(st.booleans()),
        spouse=draw(spouse_factors()) if has_spouse else None,
        provincial_nomination=draw(st.booleans()),
        arranged_employment=draw(st.none() | st.sampled_from(ArrangedEmployment)),
        canadian_education=draw(st.none() | st.sampled_from(canadian_education_choices))
        if canadian_education_choices
        else None,
        sibling_in_canada=draw(st.booleans()),
    )


def rulesets() -> st.SearchStrategy[RuleSet]:
    """Every ruleset crsrules knows."""
    return st.sampled_from(available_rulesets())


st.register_type_strategy(Factors, factors())
st.register_type_strategy(LanguageLevels, language_levels())
st.register_type_strategy(SpouseFactors, spouse_factors())
