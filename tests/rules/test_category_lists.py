"""The occupation lists' data file (crsrules/data/category-occupations.csv): what a row says, and each mistake named
with the file and line (``crsrules.rules._category_lists.parse_lists``)."""

from datetime import date

import pytest

from crsrules.headings import Category
from crsrules.rules._category_lists import ListRow, category_lists, parse_lists
from crsrules.tables import RulesDefinitionError

HEADER = "policy_year,category,noc_code,title,effective_date,notes\n"
DATA_SCIENTISTS = "2023,stem,21211,Data scientists,2023-05-31,"
FRENCH = "2023,french,,,2023-05-31,No occupation list"


def test_rows_are_read_with_their_line_and_mark():
    text = HEADER + DATA_SCIENTISTS + "as published\n" + "2023,stem,21220,Cybersecurity specialists,2023-05-31,"
    text += "[UNCONFIRMED] from a news report\n" + FRENCH + "\n"
    lists = parse_lists(text, source="lists.csv")
    assert (
        ListRow(code="21211", effective=date(2023, 5, 31), unconfirmed=False, line=2),
        ListRow(code="21220", effective=date(2023, 5, 31), unconfirmed=True, line=3),
    ) == lists[(2023, Category.STEM)]
    assert (ListRow(code="", effective=date(2023, 5, 31), unconfirmed=False, line=4),) == lists[
        (2023, Category.FRENCH)
    ]


def test_the_package_file_marks_its_unconfirmed_occupations():
    rows = category_lists()[(2026, Category.TRADES)]
    assert {"72501", "72999", "82021"} == {r.code for r in rows if r.unconfirmed}
    assert all(r.line > 1 for r in rows)


@pytest.mark.parametrize(("text", "got"), [("", "None"), ("policy_year,category\n", "['policy_year', 'category']")])
def test_the_header_is_required(text, got):
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(text, source="lists.csv")
    expected = f"lists.csv: the header must be policy_year,category,noc_code,title,effective_date,notes (got {got})"
    assert expected == str(info.value)


def test_a_row_has_six_columns():
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(HEADER + "2023,stem\n", source="lists.csv")
    expected = (
        "lists.csv, line 2: expected 6 columns, policy_year,category,noc_code,title,effective_date,notes "
        "(got ['2023', 'stem'])"
    )
    assert expected == str(info.value)


@pytest.mark.parametrize(("code", "title"), [("21211", ""), ("", "Data scientists"), ("21211", "Data scientists")])
def test_the_french_category_has_no_list(code, title):
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(HEADER + f"2023,french,{code},{title},2023-05-31,\n", source="lists.csv")
    expected = (
        "lists.csv, line 2: the french category has no occupation list, so noc_code and title must be empty"
    )
    assert expected == str(info.value)


def test_a_row_appears_once():
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(HEADER + FRENCH + "\n" + FRENCH + "\n", source="lists.csv")
    assert "lists.csv, line 3: 2023 french (no code) appears twice" == str(info.value)


def test_bad_values_are_named_with_the_line():
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(HEADER + DATA_SCIENTISTS.replace("2023-05-31", "2023-02-30") + "\n", source="lists.csv")
    assert str(info.value).startswith("lists.csv, line 2: ")
    with pytest.raises(RulesDefinitionError) as info:
        parse_lists(HEADER + DATA_SCIENTISTS.replace("21211", "2121x") + "\n", source="lists.csv")
    expected = "lists.csv, line 2: noc_code must be a NOC 2021 code of five digits, leading zeros kept (got '2121x')"
    assert expected == str(info.value)
