"""A version of the rules is checked when it is written: each mistake in a rules module is refused, with a message that
says what is wrong (RuleSet, RuleSet.derive, FswGrid, the language charts and designations, resolve)."""

from datetime import date, timedelta

import attrs
import pytest

import crsrules
from crsrules.errors import InvalidArgumentsError
from crsrules.headings import Category, Factor, Program
from crsrules.language_tests import LanguageTest, TefScale, scale
from crsrules.rules import Column, y2015, y2019, y2023
from crsrules.rules._ruleset import Source
from crsrules.tables import RulesDefinitionError

BASE = crsrules.get_rules("2025-03-25")
SOURCE = Source(title="A source", url="https://example.org")
IELTS_READING = scale(LanguageTest.IELTS_GENERAL, "reading")


def derive(**changes):
    arguments = {"id": "2030-01-01", "effective": date(2030, 1, 1), "summary": "A change.", "sources": (SOURCE,),
                 "verified_on": date(2030, 1, 2), "changes": frozenset({Factor.AGE}), **changes}  # fmt: skip
    return BASE.derive(**arguments)


def test_a_ruleset_id_is_its_effective_date():
    message = r"^ruleset id '2030-01-02' must be its effective date '2030-01-01'$"
    with pytest.raises(RulesDefinitionError, match=message):
        attrs.evolve(BASE, id="2030-01-02", effective=date(2030, 1, 1))


def test_category_terms_are_filed_under_their_own_category():
    stem = BASE.categories[Category.STEM]
    message = r"^ruleset 2025-03-25: the terms of \['healthcare'\] are filed under another category$"
    with pytest.raises(RulesDefinitionError, match=message):
        attrs.evolve(BASE, categories={**BASE.categories, Category.HEALTHCARE: stem})


def test_derive_states_what_it_was_given():
    """A derived version carries its own id, date, summary, sources, verification date and declarations."""
    later = derive(
        language_changes=frozenset({LanguageTest.PTE_CORE}),
        program_changes=frozenset({Program.CEC}),
        category_changes=frozenset({Category.STEM}),
    )
    assert ("2030-01-01", date(2030, 1, 1), "A change.", (SOURCE,), date(2030, 1, 2)) == (
        later.id, later.effective, later.summary, later.sources, later.verified_on)  # fmt: skip
    assert frozenset({Factor.AGE}) == later.changes
    assert frozenset({LanguageTest.PTE_CORE}) == later.language_changes
    assert frozenset({Program.CEC}) == later.program_changes
    assert frozenset({Category.STEM}) == later.category_changes
    # Declarations are never inherited: a version that states one kind of change has none of the others.
    plain = derive()
    assert (frozenset(), frozenset(), frozenset()) == (plain.language_changes, plain.program_changes,
                                                       plain.category_changes)  # fmt: skip


@pytest.mark.parametrize("effective", [date(2025, 3, 25), date(2025, 3, 24)])
def test_derive_needs_a_later_day(effective):
    """The same day as the base is not later."""
    with pytest.raises(RulesDefinitionError, match=r"^ruleset x must start after 2025-03-25$"):
        derive(id="x", effective=effective)
    assert date(2025, 3, 26) == derive(id="2025-03-26", effective=date(2025, 3, 26)).effective


def test_derive_needs_a_change_and_a_source():
    with pytest.raises(RulesDefinitionError, match=r"^ruleset 2030-01-01 must declare its changes and its sources$"):
        derive(changes=frozenset())
    with pytest.raises(RulesDefinitionError, match=r"^ruleset 2030-01-01 must declare its changes and its sources$"):
        derive(sources=())


def test_derive_names_undeclared_language_changes():
    chart = y2015.IELTS_GENERAL
    language = attrs.evolve(BASE.language, charts={**BASE.language.charts, LanguageTest.CELPIP_GENERAL: chart})
    message = r"^ruleset 2030-01-01 changes the language rules of \['celpip_general'\] but declares \[\] in language"
    with pytest.raises(RulesDefinitionError, match=message):
        derive(language=language)
    message = r"changes the language rules of \['celpip_general'\] but declares \['pte_core'\] in language_changes$"
    with pytest.raises(RulesDefinitionError, match=message):
        derive(language=language, language_changes=frozenset({LanguageTest.PTE_CORE}))
    declared = derive(language=language, language_changes=frozenset({LanguageTest.CELPIP_GENERAL}))
    assert chart == declared.language.charts[LanguageTest.CELPIP_GENERAL]


@pytest.mark.parametrize(("pass_mark", "valid"), [(0, False), (1, True), (67, True), (100, True), (101, False)])
def test_the_fsw_pass_mark_is_within_the_grid(pass_mark, valid):
    if valid:
        assert pass_mark == attrs.evolve(y2015.FSW_GRID, pass_mark=pass_mark).pass_mark
    else:
        message = rf"^the FSW factors' maximums add up to 100 and the pass mark is {pass_mark}: 100$"
        with pytest.raises(RulesDefinitionError, match=message):
            attrs.evolve(y2015.FSW_GRID, pass_mark=pass_mark)


@pytest.mark.parametrize(
    ("steps", "below"),
    [
        ((), 3),  # no rows
        (((4.0, 4), (4.0, 5)), 3),  # minimums must rise
        (((5.0, 4), (4.0, 5)), 3),
        (((4.0, 4), (5.0, 4)), 3),  # levels must rise
        (((4.0, 5), (5.0, 4)), 3),
        (((4.0, 4),), 4),  # the level below the first row is below it
        (((4.0, 4), (9.5, 5)), 3),  # a minimum outside the scale (IELTS bands go to 9.0)
    ],
)
def test_a_conversion_column_rises_within_its_scale(steps, below):
    with pytest.raises(RulesDefinitionError, match=r"^a conversion table must rise in both minimums and levels"):
        Column(IELTS_READING, steps, below)


def test_a_valid_conversion_column():
    column = Column(IELTS_READING, ((3.5, 4), (4.0, 5)), 3)
    assert [3, 4, 5, 5] == [column.level("reading", band) for band in (3.0, 3.5, 4.0, 9.0)]


def test_a_test_is_designated_once():
    language = BASE.language
    with pytest.raises(RulesDefinitionError, match=r"^IELTS General Training is already designated$"):
        language.designate(LanguageTest.IELTS_GENERAL, accepted_from=date(2030, 1, 1), chart=y2015.IELTS_GENERAL)
    old = y2015.RULES_2015_01_01.language
    with pytest.raises(RulesDefinitionError, match=r"^TEF Canada is already designated$"):
        old.designate(LanguageTest.TEF_CANADA, accepted_from=date(2030, 1, 1), chart=y2015.IELTS_GENERAL)
    # TEF Canada is designated through its charts, even where it is not accepted yet.
    bare = attrs.evolve(old, accepted_from={}, charts={})
    with pytest.raises(RulesDefinitionError, match=r"^TEF Canada is already designated$"):
        bare.designate(LanguageTest.TEF_CANADA, accepted_from=date(2030, 1, 1), chart=y2015.IELTS_GENERAL)
    later = old.designate(LanguageTest.TCF_CANADA, accepted_from=date(2018, 12, 1), chart=y2015.IELTS_GENERAL)
    assert date(2018, 12, 1) == later.accepted_from[LanguageTest.TCF_CANADA]


def test_a_tef_chart_starts_after_the_last_one():
    """The charts of TEF Canada follow each other by test date (rule E18)."""
    language = BASE.language
    last = language.tef_epochs[-1][0]
    assert date(2023, 12, 11) == last
    for day in (last, date(2019, 10, 1)):
        with pytest.raises(RulesDefinitionError, match=r"^a TEF Canada chart must start after 2023-12-11$"):
            language.with_tef_chart(TefScale.SCORE_699_2019, from_test_date=day, chart=y2019.TEF_699_2019)
    chart = y2019.TEF_699_2019
    later = language.with_tef_chart(TefScale.SCORE_699_2019, from_test_date=date(2023, 12, 12), chart=chart)
    assert (date(2023, 12, 12), TefScale.SCORE_699_2019) == later.tef_epochs[-1]


def test_the_tests_whose_rules_changed():
    old, new = y2015.RULES_2015_01_01.language, BASE.language
    assert frozenset() == new.changed_tests(new)
    added = frozenset({LanguageTest.TCF_CANADA, LanguageTest.PTE_CORE, LanguageTest.TEF_CANADA})
    assert added == old.changed_tests(new)
    ielts = attrs.evolve(new, charts={**new.charts, LanguageTest.IELTS_GENERAL: y2015.CELPIP_GENERAL})
    assert frozenset({LanguageTest.IELTS_GENERAL}) == new.changed_tests(ielts)
    tef = attrs.evolve(new, tef_epochs=new.tef_epochs[:-1])
    assert frozenset({LanguageTest.TEF_CANADA}) == new.changed_tests(tef)
    assert frozenset({LanguageTest.TEF_CANADA}) == y2023.RULES_2023_05_31.language.changed_tests(
        y2023.RULES_2023_12_11.language
    )


@pytest.mark.parametrize(("on", "rules"), [(None, None), (date(2025, 6, 1), "2025-03-25")])
def test_resolve_needs_exactly_one_of_a_date_and_a_version(on, rules):
    with pytest.raises(InvalidArgumentsError) as info:
        crsrules.rules.resolve(on=on, rules=rules)
    assert "pass exactly one of on= (a date) or rules= (a ruleset or its id, such as '2025-03-25')" == str(info.value)


def test_resolve_a_date_or_a_version():
    assert "2017-06-06" == crsrules.rules.resolve(on=date(2018, 1, 1), rules=None).id
    assert "2025-03-25" == crsrules.rules.resolve(on=None, rules="2025-03-25").id
    assert BASE is crsrules.rules.resolve(on=None, rules=BASE)


def test_the_stale_warning_names_the_last_confirmed_day_and_the_version_applied():
    day = crsrules.rules.LAST_KNOWN_DATE + timedelta(days=1)
    with pytest.warns(crsrules.StaleRulesWarning) as record:
        assert "2026-02-18" == crsrules.rules_in_force(day).id
    assert (
        f"the CRS rules were last confirmed in force on 2026-08-20; for {day.isoformat()} crsrules applies ruleset "
        "2026-02-18, but IRCC may have changed the rules since ('crsrules data status' shows how current crsrules' "
        "rules and rounds data are)"
    ) == str(record[0].message)
