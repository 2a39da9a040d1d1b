"""Tests of crsrules.categories: the category lists of each policy year, their dates, round names and eligibility.

Expected codes, counts and round names are literals copied from the research notes (reference/categories.md, sections
1, 3, 4, 5 and 7) and from the shared rounds data, never read from the package data under test. Boundaries are tested
on both sides.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
from collections import Counter
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import crsrules
from crsrules import (
    Candidate,
    Credential,
    Education,
    InvalidValueError,
    Job,
    JobOffer,
    LanguageResult,
    LanguageTest,
    StaleRulesWarning,
)
from crsrules.categories import (
    EXPERIENCE_6_MONTHS_CONTINUOUS,
    EXPERIENCE_12_MONTHS,
    LAST_KNOWN_DATE,
    Category,
    CategoryNotInForceError,
    UnknownRoundNameError,
    available_category_versions,
    category_eligibility,
    category_version,
    category_versions,
    eligible_categories,
    version_for_round_name,
)
from crsrules.categories._versions import build_versions as _build
from crsrules.derive import anniversary
from crsrules.errors import CRSRulesError
from crsrules.occupations import occupation
from crsrules.rules import _categories as rules_categories
from crsrules.rules import available_rulesets, get_rules
from crsrules.rules._category_lists import parse_lists as _parse_occupations
from crsrules.tables import RulesDefinitionError
from crsrules.testing.strategies import candidates

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
CSV_NAME = "category-occupations.csv"
BIRTH = date(1990, 1, 1)

# --- the lists, as the research notes give them ----------------------------------------------------------------------

# reference/categories.md section 3, "STEM occupations (24)", and section 5 (the 24 occupations of the news text).
STEM_2023 = frozenset(
    {
        "20010", "20011", "20012", "21200", "21201", "21202", "21203", "21210", "21211", "21220", "21221", "21222",
        "21223", "21230", "21231", "21232", "21233", "21234", "21300", "21310", "21311", "21321", "21322", "41400",
    }
)  # fmt: skip
HEALTHCARE_2023 = frozenset(
    {
        "31100", "31101", "31102", "31103", "31110", "31111", "31112", "31121", "31200", "31201", "31202", "31203",
        "31204", "31209", "31300", "31301", "31302", "31303", "32101", "32102", "32103", "32109", "32120", "32121",
        "32122", "32200", "32201", "32209", "33101", "33102", "33103", "33109", "41301", "41320", "42203",
    }
)  # fmt: skip
TRADES_2023 = frozenset({"72014", "72106", "72200", "72300", "72310", "72400", "72402", "72405", "72406", "73200"})
TRANSPORT_2023 = frozenset({"70020", "72403", "72404", "72600", "72601", "72602", "72603", "72604", "73300", "93200"})
AGRICULTURE_2023 = frozenset({"63201", "82030", "82031"})
# Section 4, "2024 to 2025".
HEALTHCARE_ADDED_2025 = frozenset({"31120", "32104", "32111", "32123", "32124", "32129", "41300", "42201"})
HEALTHCARE_REMOVED_2025 = frozenset({"31204", "32200", "32209", "33109", "41320", "42203"})
STEM_ADDED_2025 = frozenset({"21301", "21331", "22300", "22301", "22310", "63100"})
STEM_REMOVED_2025 = frozenset(
    {
        "20010", "20012", "21200", "21201", "21202", "21203", "21210", "21211", "21221", "21222", "21223", "21230",
        "21231", "21232", "21233", "21234", "21311", "21322", "41400",
    }
)  # fmt: skip
TRADES_ADDED_2025 = frozenset(
    {
        "22303", "63200", "70010", "70011", "72100", "72102", "72201", "72302", "72311", "72320", "72401", "72422",
        "72501", "72999", "73100", "73110", "73112", "73113", "82021",
    }
)  # fmt: skip
TRADES_REMOVED_2025 = frozenset({"72014", "72405", "72406", "73200"})
EDUCATION_2025 = frozenset({"41220", "41221", "42202", "42203", "43100"})
PHYSICIANS = frozenset({"31100", "31101", "31102"})
# Section 4, "2025 to 2026", and section 3, "2026".
TRANSPORT_2026 = frozenset({"22313", "72404", "72410", "72600"})
SENIOR_MANAGERS_2026 = frozenset({"00012", "00013", "00014", "00015"})
RESEARCHERS_2026 = frozenset({"41200", "41201"})
MILITARY_2026 = frozenset({"40042", "42102", "43204"})

# Section 1: the number of occupations of each category in each policy year (French has no list).
COUNTS = {
    2023: {"french": 0, "healthcare": 35, "stem": 24, "trades": 10, "transport": 10, "agriculture": 3},
    2024: {"french": 0, "healthcare": 35, "stem": 24, "trades": 10, "transport": 10, "agriculture": 3},
    2025: {"french": 0, "healthcare": 37, "stem": 11, "trades": 25, "agriculture": 1, "education": 5, "physicians": 3},
    2026: {
        "french": 0, "healthcare": 37, "stem": 11, "trades": 25, "transport": 4, "education": 5, "physicians": 3,
        "senior_managers": 4, "researchers": 2, "military": 3,
    },
}  # fmt: skip


def version(category: str, year: int):
    (found,) = [v for v in available_category_versions() if v.category.value == category and v.policy_year == year]
    return found


def package_csv() -> bytes:
    return resources.files("crsrules.data").joinpath(CSV_NAME).read_bytes()


def job(noc, start, days=None, *, end=None, hours=30, in_canada=False, paid=True):
    """A job from *start* lasting *days* days (both ends included), or to *end*, or ongoing."""
    if days is not None:
        end = start + timedelta(days=days - 1)
    return Job(noc=noc, in_canada=in_canada, start=start, end=end, hours_per_week=hours, paid=paid)


def person(*jobs, **facts):
    return Candidate(birth_date=BIRTH, jobs=jobs, **facts)


def ending(on, days, noc, **kwargs):
    """A job of *days* days that ends the day before *on*: the last day of the window of "the years before" it."""
    return job(noc, on - timedelta(days=days), days, **kwargs)


# --- the data ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(COUNTS))
def test_per_year_counts_match_the_reference(year):
    got = {v.category.value: len(v.occupations) for v in available_category_versions() if v.policy_year == year}
    assert COUNTS[year] == got


def test_stem_2023_is_the_24_occupations_of_the_reference():
    assert STEM_2023 == version("stem", 2023).occupations
    assert STEM_2023 == version("stem", 2024).occupations


def test_2023_lists_match_the_reference():
    assert HEALTHCARE_2023 == version("healthcare", 2023).occupations
    assert TRADES_2023 == version("trades", 2023).occupations
    assert TRANSPORT_2023 == version("transport", 2023).occupations
    assert AGRICULTURE_2023 == version("agriculture", 2023).occupations
    assert frozenset() == version("french", 2023).occupations


def test_2024_renews_2023_unchanged():
    for category in ("french", "healthcare", "stem", "trades", "transport", "agriculture"):
        assert version(category, 2023).occupations == version(category, 2024).occupations
        assert version(category, 2023).experience == version(category, 2024).experience


@pytest.mark.parametrize(
    ("category", "before", "added", "removed"),
    [
        ("healthcare", HEALTHCARE_2023, HEALTHCARE_ADDED_2025, HEALTHCARE_REMOVED_2025),
        ("stem", STEM_2023, STEM_ADDED_2025, STEM_REMOVED_2025),
        ("trades", TRADES_2023, TRADES_ADDED_2025, TRADES_REMOVED_2025),
        ("agriculture", AGRICULTURE_2023, frozenset(), frozenset({"82030", "82031"})),
    ],
)
def test_2025_lists_add_and_remove_what_the_reference_says(category, before, added, removed):
    got = version(category, 2025).occupations
    assert added == got - before
    assert removed == before - got


def test_2025_new_categories():
    assert EDUCATION_2025 == version("education", 2025).occupations
    assert PHYSICIANS == version("physicians", 2025).occupations
    assert "42203" in version("education", 2025).occupations  # moved from healthcare
    assert {"transport"} == {v.category.value for v in category_versions(date(2025, 2, 26))} - {
        v.category.value for v in category_versions(date(2025, 2, 27))
    }


def test_2026_lists_reflect_the_reference():
    assert frozenset({"63201"}) == version("trades", 2026).occupations - version("trades", 2025).occupations
    assert frozenset({"63200"}) == version("trades", 2025).occupations - version("trades", 2026).occupations
    for category in ("healthcare", "stem", "education", "physicians"):
        assert version(category, 2025).occupations == version(category, 2026).occupations
    assert TRANSPORT_2026 == version("transport", 2026).occupations
    assert SENIOR_MANAGERS_2026 == version("senior_managers", 2026).occupations
    assert RESEARCHERS_2026 == version("researchers", 2026).occupations
    assert MILITARY_2026 == version("military", 2026).occupations
    assert PHYSICIANS <= version("healthcare", 2026).occupations  # physicians stay on the healthcare list
    assert "agriculture" not in {v.category.value for v in category_versions(date(2026, 2, 18))}


def test_2026_trades_codes_marked_unconfirmed():
    assert frozenset({"72501", "72999", "82021"}) == version("trades", 2026).unconfirmed_occupations
    assert all(not v.unconfirmed_occupations for v in available_category_versions() if v.id != "trades-2026")


def rows():
    return list(csv.DictReader(io.StringIO(package_csv().decode("utf-8"), newline="")))


def test_every_code_is_a_noc_2021_unit_group_with_its_official_title():
    for row in rows():
        if row["category"] == "french":
            assert ("", "") == (row["noc_code"], row["title"])
        else:
            assert occupation(row["noc_code"]).title == row["title"]


def test_no_duplicate_rows():
    counts = Counter((r["policy_year"], r["category"], r["noc_code"]) for r in rows())
    assert [] == [key for key, n in counts.items() if n > 1]
    assert 344 == len(rows())


def test_package_csv_is_byte_identical_to_the_shared_copy():
    if not (SHARED / CSV_NAME).exists():
        pytest.skip(f"no shared copy at {SHARED / CSV_NAME}")
    assert (SHARED / CSV_NAME).read_bytes() == package_csv()


def test_readme_records_the_package_csv_hash_and_row_count():
    readme = resources.files("crsrules.data").joinpath("README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(package_csv()).hexdigest() in readme
    assert "344 data rows" in readme


def test_effective_dates_are_the_data_file_s_except_where_documented():
    data = {(int(r["policy_year"]), r["category"]): date.fromisoformat(r["effective_date"]) for r in rows()}
    differ = {v.id: (data[(v.policy_year, v.category.value)], v.effective) for v in available_category_versions()}
    differ = {k: d for k, d in differ.items() if d[0] != d[1]}
    # 2024: no renewal date was found (the data repeats 2023-05-31); physicians 2026: the 2026 rule's start.
    expected = {f"{c}-2024": (date(2023, 5, 31), date(2024, 1, 1)) for c in COUNTS[2024]}
    expected["physicians-2026"] = (date(2025, 12, 8), date(2026, 2, 18))
    assert expected == differ
    assert all("[UNCONFIRMED]" in " ".join(version(c, 2024).unconfirmed) for c in COUNTS[2024])


def test_every_unconfirmed_note_is_marked():
    for v in available_category_versions():
        assert v.unconfirmed, v.id  # at least the effective date of every version is unconfirmed
        assert all("[UNCONFIRMED" in note for note in v.unconfirmed), v.id
    assert any("Version 2" in note for note in version("french", 2026).unconfirmed)


def test_versions_have_sources_a_rule_and_no_overlap():
    versions = available_category_versions()
    assert sorted(versions, key=lambda v: v.effective) == list(versions)
    for category in Category:
        mine = [v for v in versions if v.category is category]
        assert mine, category
        assert mine[-1].title == category.title
        for before, after in itertools.pairwise(mine):
            assert before.until is not None
            assert before.until <= after.effective
        for v in mine:
            assert v.sources
            assert 1 == sum(r is not None for r in (v.experience, v.french, v.military))
            assert v.requirement()


def test_rule_numbers():
    assert (6, 3, True, False) == (
        EXPERIENCE_6_MONTHS_CONTINUOUS.months,
        EXPERIENCE_6_MONTHS_CONTINUOUS.window_years,
        EXPERIENCE_6_MONTHS_CONTINUOUS.continuous,
        EXPERIENCE_6_MONTHS_CONTINUOUS.in_canada_only,
    )
    assert (12, False) == (EXPERIENCE_12_MONTHS.months, EXPERIENCE_12_MONTHS.continuous)
    assert 780 == EXPERIENCE_6_MONTHS_CONTINUOUS.hours_needed
    assert 1560 == EXPERIENCE_12_MONTHS.hours_needed
    # The same definitions of full time and of a year as the CRS rules of evidence.
    evidence = get_rules("2025-03-25").evidence
    assert evidence.full_time_hours_per_week == EXPERIENCE_12_MONTHS.full_time_hours_per_week
    assert evidence.hours_per_year == EXPERIENCE_12_MONTHS.hours_per_year
    assert 7 == version("french", 2026).french.minimum_level
    assert (10, 3) == (version("military", 2026).military.service_years, version("military", 2026).military.offer_years)


def test_the_experience_rule_of_each_year():
    assert version("stem", 2023).experience == version("trades", 2025).experience == EXPERIENCE_6_MONTHS_CONTINUOUS
    assert (12, True, True) == (
        version("physicians", 2025).experience.months,
        version("physicians", 2025).experience.continuous,
        version("physicians", 2025).experience.in_canada_only,
    )
    for category in ("healthcare", "stem", "trades", "education", "transport"):
        assert EXPERIENCE_12_MONTHS == version(category, 2026).experience
    for category in ("physicians", "senior_managers", "researchers"):
        rule = version(category, 2026).experience
        assert (12, False, True) == (rule.months, rule.continuous, rule.in_canada_only)


# --- checks of the data file ------------------------------------------------------------------------------------------

HEADER = "policy_year,category,noc_code,title,effective_date,notes\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x,y\n", "the header must be"),
        (HEADER + "2023,stem,21211,Data scientists,2023-05-31\n", "line 2: expected 6 columns"),
        (HEADER + "2023,stem,21299,Web,2023-05-31,\n", "line 2: unknown NOC 2021 code '21299'"),
        (HEADER + "2023,stem,2121,Data scientists,2023-05-31,\n", "line 2: noc_code must be a NOC 2021 code"),
        (HEADER + "2023,stem,21211,Data Scientists,2023-05-31,\n", "line 2: title must be the NOC 2021 title"),
        (HEADER + "2023,space,21211,Data scientists,2023-05-31,\n", "line 2: 'space' is not a valid Category"),
        (HEADER + "2023,french,21211,Data scientists,2023-05-31,\n", "the french category has no occupation list"),
        (
            HEADER + "2023,stem,21211,Data scientists,2023-05-31,\n2023,stem,21211,Data scientists,2023-05-31,\n",
            "line 3: 2023 stem 21211 appears twice",
        ),
        (
            HEADER
            + "2023,stem,21211,Data scientists,2023-05-31,\n"
            + "2023,stem,21220,Cybersecurity specialists,2023-06-01,\n",
            "must share one effective_date",
        ),
    ],
)
def test_bad_data_is_reported_with_its_line(text, message):
    with pytest.raises(RulesDefinitionError, match=message.replace("(", r"\(")):
        _parse_occupations(text, source="test.csv")


def test_a_changed_list_must_be_declared_by_its_policy_year():
    text = package_csv().decode("utf-8")
    changed = text.replace("2024,stem,21211,Data scientists,", "2024,stem,63100,Insurance agents and brokers,")
    assert changed != text
    data = _parse_occupations(changed, source="test.csv")
    with pytest.raises(RulesDefinitionError, match="the list of 2024 stem differs from 2023's"):
        _build(available_rulesets(), data, source="test.csv")


def test_the_data_must_have_every_category_of_every_policy_year():
    lines = [line for line in package_csv().decode("utf-8").splitlines(keepends=True) if not line.startswith("2026,")]
    data = _parse_occupations("".join(lines), source="test.csv")
    with pytest.raises(RulesDefinitionError, match="the policy years and the data disagree"):
        _build(available_rulesets(), data, source="test.csv")


# --- in force -------------------------------------------------------------------------------------------------------


def ids(on):
    return [v.id for v in category_versions(on)]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2023, 5, 30), []),
        (date(2023, 5, 31), ["french-2023", "healthcare-2023", "stem-2023", "trades-2023", "transport-2023",
                             "agriculture-2023"]),
        (date(2023, 12, 31), ["french-2023", "healthcare-2023", "stem-2023", "trades-2023", "transport-2023",
                              "agriculture-2023"]),
        (date(2024, 1, 1), ["french-2024", "healthcare-2024", "stem-2024", "trades-2024", "transport-2024",
                            "agriculture-2024"]),
        (date(2025, 2, 26), ["french-2024", "healthcare-2024", "stem-2024", "trades-2024", "transport-2024",
                             "agriculture-2024"]),
        (date(2025, 2, 27), ["french-2025", "healthcare-2025", "stem-2025", "trades-2025", "agriculture-2025",
                             "education-2025"]),
        (date(2025, 12, 7), ["french-2025", "healthcare-2025", "stem-2025", "trades-2025", "agriculture-2025",
                             "education-2025"]),
        (date(2025, 12, 8), ["french-2025", "healthcare-2025", "stem-2025", "trades-2025", "agriculture-2025",
                             "education-2025", "physicians-2025"]),
        (date(2026, 2, 17), ["french-2025", "healthcare-2025", "stem-2025", "trades-2025", "agriculture-2025",
                             "education-2025", "physicians-2025"]),
        (date(2026, 2, 18), ["french-2026", "healthcare-2026", "stem-2026", "trades-2026", "transport-2026",
                             "education-2026", "physicians-2026", "senior_managers-2026", "researchers-2026",
                             "military-2026"]),
    ],
)  # fmt: skip
def test_versions_in_force_switch_on_their_effective_dates(on, expected):
    assert expected == ids(on)


def test_a_category_not_in_force_names_when_it_is():
    with pytest.raises(CategoryNotInForceError) as info:
        category_version(Category.TRANSPORT, date(2025, 6, 1))
    assert (
        "the category 'transport' (Transport occupations) is not in force on 2025-06-01: it is in force from "
        "2023-05-31 to 2025-02-26 and from 2026-02-18." == str(info.value)
    )
    assert ((date(2023, 5, 31), date(2025, 2, 26)), (date(2026, 2, 18), None)) == info.value.periods
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, CRSRulesError)
    with pytest.raises(CategoryNotInForceError, match="in force from 2023-05-31 to 2026-02-17"):
        category_version("agriculture", date(2026, 2, 18))
    # category_eligibility answers instead of raising (issue 10): the condition category.in_force is unmet.
    answer = category_eligibility(person(), "physicians", on=date(2025, 12, 7))
    assert (False, None, False) == (answer.eligible, answer.version, answer.condition("category.in_force").met)
    assert "in force from 2025-12-08" in answer.reasons[0]


def test_a_category_is_an_enum_member_or_its_slug():
    assert category_version("stem", date(2023, 7, 5)) is category_version(Category.STEM, date(2023, 7, 5))
    with pytest.raises(InvalidValueError, match=r"'category' must be a crsrules\.Category or one of 'french'"):
        category_version("science", date(2023, 7, 5))
    with pytest.raises(InvalidValueError, match=r"'on' must be a datetime\.date"):
        category_versions("2023-07-05")
    with pytest.raises(InvalidValueError, match=r"'candidate' must be a crsrules\.Candidate"):
        eligible_categories({"birth_date": "1990-01-01"}, on=date(2023, 7, 5))


def test_dates_after_the_last_known_date_warn():
    assert date(2026, 8, 20) == LAST_KNOWN_DATE
    assert "french-2026" == category_version("french", LAST_KNOWN_DATE).id
    with pytest.warns(StaleRulesWarning, match="rules were last confirmed in force on 2026-08-20"):
        assert "french-2026" == category_version("french", LAST_KNOWN_DATE + timedelta(days=1)).id
    with pytest.warns(StaleRulesWarning):
        eligible_categories(person(), on=date(2026, 11, 25))


# --- round names ----------------------------------------------------------------------------------------------------

# Every category round name in the rounds feed to round 437 (shared data category-rounds.csv and README-rounds.md,
# including the names IRCC first published before renaming them), with the version it refers to.
ROUND_NAMES = {
    "Healthcare occupations (Version 1)": "healthcare-2023",
    "Healthcare occupations (2023-1)": "healthcare-2023",
    "STEM occupations (Version 1)": "stem-2023",
    "STEM occupations (2023-1)": "stem-2023",
    "French language proficiency (Version 1)": "french-2023",
    "French language proficiency (2023-1)": "french-2023",
    "French language proficiency (2024-1)": "french-2024",
    "Trade occupations (Version 1)": "trades-2023",
    "Trade occupations (2023-1)": "trades-2023",
    "Transport occupations (Version 1)": "transport-2023",
    "Transport occupations (2023-1)": "transport-2023",
    "Transport occupations (2024-1)": "transport-2024",
    "Agriculture and agri-food occupations (Version 1)": "agriculture-2023",
    "Agriculture and agri-food occupations (2023-1)": "agriculture-2023",
    "Education occupations (Version 1)": "education-2025",
    "Healthcare and social services occupations (Version 2)": "healthcare-2025",
    "Trade occupations (Version 2)": "trades-2025",
    "French-Language proficiency 2026-Version 2": "french-2026",
    "Physicians with Canadian Work Experience, 2026-Version 1": "physicians-2026",
    "Healthcare and Social Services Occupations, 2026-Version 3": "healthcare-2026",
    "Senior managers with Canadian Work Experience, 2026-Version 1": "senior_managers-2026",
    "Trades Occupations, 2026-Version 3": "trades-2026",
    "Skilled Military Recruits, 2026-Version 1": "military-2026",
    "Transport Occupations, 2026-Version 2": "transport-2026",
}


@pytest.mark.parametrize(("name", "expected"), ROUND_NAMES.items())
def test_round_names_map_to_their_version(name, expected):
    assert expected == version_for_round_name(name).id


def test_every_round_name_of_a_version_is_known():
    assert set(ROUND_NAMES) == {n for v in available_category_versions() for n in v.round_names}


def same_terms(a, b):
    return (a.category, a.occupations, a.experience, a.french, a.military) == (
        b.category,
        b.occupations,
        b.experience,
        b.french,
        b.military,
    )


def test_every_category_round_of_the_shared_data_maps_to_the_terms_in_force_that_day():
    packaged = Path(__file__).resolve().parents[1] / "data" / "category-rounds.csv"  # the tests' copy
    if packaged.is_file():
        text = packaged.read_text(encoding="utf-8")
    elif (SHARED / "category-rounds.csv").exists():
        text = (SHARED / "category-rounds.csv").read_text(encoding="utf-8")
    else:
        pytest.skip("no copy of category-rounds.csv")
    rounds = list(csv.DictReader(io.StringIO(text, newline="")))
    assert 74 == len(rounds)
    for r in rounds:
        named = version_for_round_name(r["ircc_round_name"])
        assert r["category"] == named.category.value, r
        # A name may belong to an earlier version with the same terms (a renewal), never to other terms.
        assert same_terms(named, category_version(r["category"], date.fromisoformat(r["date"]))), r


def test_the_first_2026_french_round_predates_the_2026_version():
    """Round 394 (2026-02-06) already carries the 2026 name; the terms are those in force anyway."""
    named = version_for_round_name("French-Language proficiency 2026-Version 2")
    in_force = category_version("french", date(2026, 2, 6))
    assert ("french-2026", "french-2025") == (named.id, in_force.id)
    assert same_terms(named, in_force)


def test_round_names_ignore_case_and_spaces():
    assert "stem-2023" == version_for_round_name("  stem   OCCUPATIONS (version 1) ").id


def test_unknown_round_name_suggests_close_ones():
    with pytest.raises(UnknownRoundNameError) as info:
        version_for_round_name("STEM occupations (Version 2)")
    assert "STEM occupations (Version 1)" == info.value.suggestions[0]
    assert isinstance(info.value, LookupError)
    with pytest.raises(InvalidValueError):
        version_for_round_name(254)


# --- eligibility: occupations ---------------------------------------------------------------------------------------

STEM_ROUND = date(2023, 7, 5)  # the first STEM round, 500 invitations, lowest score 486


@pytest.mark.parametrize("code", sorted(STEM_2023))
def test_every_2023_stem_occupation_qualifies_in_2023(code):
    result = category_eligibility(person(ending(STEM_ROUND, 365, code)), "stem", on=STEM_ROUND)
    assert result.eligible
    assert code == result.qualifying_job.noc
    assert "stem-2023" == result.version.id
    assert Category.STEM in {r.category for r in eligible_categories(person(ending(STEM_ROUND, 365, code)),
                                                                     on=STEM_ROUND) if r.eligible}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "eligible_2023", "eligible_2025"),
    [("21231", True, False), ("21211", True, False), ("21301", False, True), ("63100", False, True),
     ("21300", True, True)],
)  # fmt: skip
def test_the_2025_stem_list_adds_and_removes(code, eligible_2023, eligible_2025):
    for on, expected in ((date(2024, 12, 31), eligible_2023), (date(2025, 6, 1), eligible_2025)):
        assert expected == category_eligibility(person(ending(on, 365, code)), "stem", on=on).eligible


@pytest.mark.parametrize(
    ("code", "category", "on", "expected"),
    [
        ("63200", "trades", date(2026, 2, 17), True),  # cooks: 2025 trades list
        ("63200", "trades", date(2026, 2, 18), False),  # removed in 2026
        ("63201", "agriculture", date(2026, 2, 17), True),  # butchers: agriculture until it was retired
        ("63201", "trades", date(2026, 2, 17), False),
        ("63201", "trades", date(2026, 2, 18), True),  # moved to trades
        ("72410", "transport", date(2026, 3, 1), True),  # new to transport in 2026
        ("73300", "transport", date(2026, 3, 1), False),  # truck drivers: 2023-2024 transport only
        ("73300", "transport", date(2024, 3, 13), True),
    ],
)
def test_the_2026_lists(code, category, on, expected):
    facts = person(ending(on, 400, code))
    assert expected == category_eligibility(facts, category, on=on).eligible


ROUND_2024 = date(2024, 4, 11)  # a STEM round under the 6-month rule


@pytest.mark.parametrize(("days", "expected"), [(181, False), (182, True)])
def test_six_months_minus_a_day(days, expected):
    """6 months are 780 hours: 182 days of full-time work."""
    result = category_eligibility(person(ending(ROUND_2024, days, "21231")), "stem", on=ROUND_2024)
    assert expected == result.eligible
    assert pytest.approx(days * 30 / 7 / 130) == result.months
    if not expected:
        assert result.reasons[0].startswith("only 5.96 months (775.7 full-time-equivalent hours)")
        assert result.qualifying_job is None


@pytest.mark.parametrize(("days", "expected"), [(363, False), (364, True)])
def test_part_time_counts_pro_rata(days, expected):
    """15 hours a week for twice as long is the same amount as 6 months full time."""
    facts = person(ending(ROUND_2024, days, "21231", hours=15))
    assert expected == category_eligibility(facts, "stem", on=ROUND_2024).eligible


@pytest.mark.parametrize(("start", "expected"), [(date(2021, 4, 11), True), (date(2021, 4, 10), False)])
def test_the_three_year_window_starts_on_the_day_3_years_back(start, expected):
    """The window is "the 3 years before" the date: from its third anniversary back, 2021-04-11, to 2024-04-10."""
    assert date(2021, 4, 11) == anniversary(ROUND_2024, -3)
    result = category_eligibility(person(job("21231", start, 182)), "stem", on=ROUND_2024)
    assert expected == result.eligible


@pytest.mark.parametrize(("start", "expected"), [(date(2023, 10, 12), True), (date(2023, 10, 13), False)])
def test_the_three_year_window_ends_the_day_before_the_date(start, expected):
    """The date itself is not in the window: an ongoing job needs its 182 days before 2024-04-11."""
    result = category_eligibility(person(job("21231", start)), "stem", on=ROUND_2024)
    assert expected == result.eligible


def test_work_before_the_window_is_reported():
    result = category_eligibility(person(job("21231", date(2019, 1, 1), 400)), "stem", on=ROUND_2024)
    assert not result.eligible
    assert "it ended before the window that starts on 2021-04-11" in result.reasons[1]


@pytest.mark.parametrize(("gap_days", "expected"), [(0, True), (1, False)])
def test_a_gap_breaks_continuity_from_2023_to_2025(gap_days, expected):
    first = job("21231", date(2023, 1, 1), 100)
    second = job("21231", first.end + timedelta(days=1 + gap_days), 100)
    result = category_eligibility(person(first, second), "stem", on=ROUND_2024)
    assert expected == result.eligible
    if not expected:
        assert "the longest unbroken period counts" in result.reasons[1]


def test_overlapping_jobs_in_one_occupation_make_one_run_and_never_count_twice():
    first = job("21231", date(2023, 1, 1), 120)
    second = job("21231", date(2023, 3, 1), 130)  # overlaps the first: 189 days together
    result = category_eligibility(person(first, second), "stem", on=ROUND_2024)
    assert result.eligible
    days = (second.end - first.start).days + 1
    assert pytest.approx(days * 30 / 7 / 130) == result.months


def test_months_in_two_listed_occupations_do_not_add_up():
    first = job("21231", date(2023, 1, 1), 100)
    second = job("21232", first.end + timedelta(days=1), 100)
    result = category_eligibility(person(first, second), "stem", on=ROUND_2024)
    assert not result.eligible


RULES_2026 = date(2026, 3, 1)


@pytest.mark.parametrize(("second_days", "expected"), [(182, True), (181, False), (152, False)])
def test_twelve_months_need_not_be_continuous_from_2026(second_days, expected):
    """364 days of full-time work in two periods make 12 months; 363 or about 11 months do not."""
    first = job("21300", date(2023, 6, 1), 182)
    second = job("21300", date(2024, 9, 1), second_days)
    result = category_eligibility(person(first, second), "stem", on=RULES_2026)
    assert expected == result.eligible


@pytest.mark.parametrize(
    ("on", "eight_continuous_months", "three_short_runs"),
    [(date(2026, 2, 17), True, False), (date(2026, 2, 18), False, True)],
)
def test_the_2026_rule_starts_on_2026_02_18(on, eight_continuous_months, three_short_runs):
    eight = person(job("72310", date(2025, 6, 1), 245))
    runs = person(*(job("72310", start, 140) for start in (date(2024, 1, 1), date(2024, 8, 1), date(2025, 3, 1))))
    assert eight_continuous_months == category_eligibility(eight, "trades", on=on).eligible
    assert three_short_runs == category_eligibility(runs, "trades", on=on).eligible


# --- eligibility: Canadian work experience --------------------------------------------------------------------------


def test_physicians_need_the_experience_in_canada():
    abroad = person(ending(RULES_2026, 730, "31102"))
    in_canada = person(ending(RULES_2026, 364, "31102", in_canada=True))
    assert category_eligibility(abroad, "healthcare", on=RULES_2026).eligible
    result = category_eligibility(abroad, "physicians", on=RULES_2026)
    assert not result.eligible
    assert "this category needs work in Canada" in result.reasons[1]
    assert category_eligibility(in_canada, "physicians", on=RULES_2026).eligible
    assert not category_eligibility(person(ending(RULES_2026, 363, "31102", in_canada=True)), "physicians",
                                    on=RULES_2026).eligible  # fmt: skip


def test_physicians_as_announced_needed_12_continuous_months():
    runs = person(job("31100", date(2024, 1, 1), 200, in_canada=True), job("31100", date(2024, 8, 1), 200,
                                                                           in_canada=True))  # fmt: skip
    assert not category_eligibility(runs, "physicians", on=date(2025, 12, 10)).eligible
    assert category_eligibility(runs, "physicians", on=RULES_2026).eligible


@pytest.mark.parametrize(("category", "code"), [("senior_managers", "00012"), ("researchers", "41200")])
def test_senior_managers_and_researchers_need_the_experience_in_canada(category, code):
    on = date(2026, 3, 5)
    assert category_eligibility(person(ending(on, 364, code, in_canada=True)), category, on=on).eligible
    assert not category_eligibility(person(ending(on, 364, code)), category, on=on).eligible
    assert not category_eligibility(person(ending(on, 364, "00010", in_canada=True)), "senior_managers",
                                    on=on).eligible  # fmt: skip


# --- eligibility: French ---------------------------------------------------------------------------------------------

FRENCH_DAY = date(2025, 6, 1)


def tcf(reading, tested_on=date(2025, 1, 10)):
    """A TCF Canada result: NCLC 7 in listening, writing and speaking; reading 452 is NCLC 6, 453 is NCLC 7."""
    return LanguageResult(
        test=LanguageTest.TCF_CANADA, tested_on=tested_on, listening=458, reading=reading, writing=10, speaking=10
    )


@pytest.mark.parametrize(("reading", "expected"), [(452, False), (453, True)])
def test_french_needs_nclc_7_in_every_ability(reading, expected):
    result = category_eligibility(person(language_results=(tcf(reading),)), "french", on=FRENCH_DAY)
    assert expected == result.eligible
    assert (tcf(reading) if expected else None) == result.qualifying_result
    if not expected:
        expected_reason = (
            "TCF Canada test of 2025-01-10: NCLC 7, 6, 7, 7 (listening, reading, writing, speaking); below NCLC 7 in "
            "reading"
        )
        assert (expected_reason,) == result.reasons


def test_french_result_must_be_valid_on_the_date():
    old = tcf(453, tested_on=date(2023, 1, 10))
    result = category_eligibility(person(language_results=(old,)), "french", on=FRENCH_DAY)
    assert not result.eligible
    assert "is not valid on 2025-06-01" in result.reasons[0]
    assert category_eligibility(person(language_results=(old,)), "french", on=date(2025, 1, 9)).eligible


def test_french_ignores_english_and_picks_a_qualifying_result():
    ielts = LanguageResult(
        test=LanguageTest.IELTS_GENERAL, tested_on=date(2025, 1, 10), listening=9, reading=9, writing=9, speaking=9
    )
    assert not category_eligibility(person(language_results=(ielts,)), "french", on=FRENCH_DAY).eligible
    both = person(language_results=(tcf(452), ielts, tcf(453, tested_on=date(2024, 6, 1))))
    result = category_eligibility(both, "french", on=FRENCH_DAY)
    assert result.eligible
    assert date(2024, 6, 1) == result.qualifying_result.tested_on


# --- eligibility: skilled military recruits -------------------------------------------------------------------------

MILITARY_DAY = date(2026, 7, 23)  # the first military round
DIPLOMA = Credential(level=Education.TWO_YEAR, completed_on=date(2008, 6, 1), eca_issued_on=date(2025, 1, 10))
OFFER = JobOffer(noc="42102", offered_on=date(2026, 5, 1))


def recruit(**changes):
    facts = {"jobs": (job("42102", date(2016, 7, 23)),), "job_offer": OFFER, "credentials": (DIPLOMA,)}
    return Candidate(birth_date=date(1985, 1, 1), **{**facts, **changes})


def test_a_recruit_with_ten_years_an_offer_and_a_diploma_is_eligible():
    result = category_eligibility(recruit(), "military", on=MILITARY_DAY)
    assert result.eligible
    assert "42102" == result.qualifying_job.noc
    assert any(r.startswith("not checked: that the service is in a recognized foreign military") for r in
               result.reasons)  # fmt: skip
    assert any("Canadian Forces Recruiting Group" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"jobs": (job("42102", date(2016, 7, 24)),)}, "less than the 10 years needed"),
        ({"jobs": (job("42102", date(2010, 1, 1), end=date(2026, 7, 1)),)}, "not serving on 2026-07-23"),
        ({"jobs": (job("42102", date(2010, 1, 1), 3000), job("42102", date(2018, 5, 1)))}, "less than the 10"),
        ({"job_offer": None}, "no job offer in 40042, 42102, 43204"),
        ({"job_offer": attrs.evolve(OFFER, noc="31102")}, "no job offer"),
        ({"credentials": (attrs.evolve(DIPLOMA, eca_issued_on=None),)}, "no counted post-secondary credential"),
        ({"credentials": (attrs.evolve(DIPLOMA, level=Education.ONE_YEAR),)}, "no counted post-secondary"),
    ],
)
def test_a_recruit_missing_a_condition_is_not_eligible(changes, reason):
    result = category_eligibility(recruit(**changes), "military", on=MILITARY_DAY)
    assert not result.eligible
    assert any(reason in r for r in result.reasons), result.reasons


def test_ten_years_of_service_on_both_sides():
    assert not category_eligibility(recruit(), "military", on=MILITARY_DAY - timedelta(days=1)).eligible
    assert category_eligibility(recruit(), "military", on=MILITARY_DAY).eligible


# --- eligibility: what is not counted, and the overview -------------------------------------------------------------


def test_a_job_with_only_a_noc_2016_code_is_reported():
    old = Job(noc_2016="2173", in_canada=False, start=date(2021, 1, 1), end=date(2022, 10, 31))
    result = category_eligibility(person(old), "stem", on=STEM_ROUND)
    assert not result.eligible
    assert "it has only a NOC 2016 code, and the lists use NOC 2021" in result.reasons[1]


def test_unpaid_work_never_counts():
    result = category_eligibility(person(ending(STEM_ROUND, 365, "21231", paid=False)), "stem", on=STEM_ROUND)
    assert not result.eligible
    assert "unpaid work never counts" in result.reasons[1]


def test_an_unconfirmed_occupation_is_flagged():
    result = category_eligibility(person(ending(RULES_2026, 400, "72501")), "trades", on=RULES_2026)
    assert result.eligible
    assert result.reasons[-1].startswith("[UNCONFIRMED] 72501")


def test_eligible_categories_lists_every_category_in_force_eligible_first():
    facts = person(ending(RULES_2026, 400, "31102", in_canada=True), language_results=(tcf(453, date(2026, 1, 5)),))
    answers = eligible_categories(facts, on=RULES_2026)
    assert ["french", "healthcare", "physicians"] == [a.category.value for a in answers if a.eligible]
    assert [v.category for v in category_versions(RULES_2026)] == sorted(
        (a.category for a in answers), key=list(Category).index
    )
    assert all(a.eligible for a in answers[:3])
    assert not any(a.eligible for a in answers[3:])


# --- property ---------------------------------------------------------------------------------------------------------

LISTED = sorted({code for v in available_category_versions() for code in v.occupations})
DAYS = st.dates(date(2023, 6, 1), LAST_KNOWN_DATE)


@st.composite
def listed_jobs(draw, on):
    """Jobs in listed occupations that start by *on*, in the 4 years before it."""
    start = on - timedelta(days=draw(st.integers(0, 4 * 365)))
    end = draw(st.none() | st.integers(0, 800).map(lambda n: min(start + timedelta(days=n), on)))
    return Job(
        noc=draw(st.sampled_from(LISTED)),
        in_canada=draw(st.booleans()),
        start=start,
        end=end,
        hours_per_week=draw(st.sampled_from((30, 15, 40, 8))),
        paid=draw(st.sampled_from((True, True, True, False))),
    )


@st.composite
def cases(draw):
    on = draw(DAYS)
    facts = draw(candidates(on=on))
    facts = attrs.evolve(facts, jobs=facts.jobs + tuple(draw(st.lists(listed_jobs(on), max_size=4))))
    return on, facts, draw(listed_jobs(on))


@given(case=cases())
@example(case=(date(2024, 4, 11), person(job("21231", date(2023, 1, 1), 100)), job("21231", date(2023, 4, 11), 100)))
def test_adding_a_past_job_never_removes_an_eligibility(case):
    on, facts, extra = case
    before = {a.category for a in eligible_categories(facts, on=on) if a.eligible}
    after = {a.category for a in eligible_categories(attrs.evolve(facts, jobs=(*facts.jobs, extra)), on=on)
             if a.eligible}  # fmt: skip
    assert before <= after


# --- pinning the law ------------------------------------------------------------------------------------------------

PINNED_ON = date(2025, 11, 30)


def test_six_continuous_months_meet_the_2025_terms_but_not_the_2026_ones_on_the_same_day():
    """``on`` takes the facts; ``rules`` pins the terms: 8 continuous months of STEM work in 2025."""
    facts = person(job("21220", date(2025, 3, 1), end=date(2025, 10, 31)))
    pinned_2025 = category_eligibility(facts, "stem", on=PINNED_ON, rules="2025-02-27")
    pinned_2026 = category_eligibility(facts, Category.STEM, on=PINNED_ON, rules=get_rules("2026-02-18"))
    assert (True, False) == (pinned_2025.eligible, pinned_2026.eligible)
    assert ("stem-2025", "stem-2026") == (pinned_2025.version.id, pinned_2026.version.id)
    assert PINNED_ON == pinned_2026.on
    assert "at least 12 months (1,560 hours) needed" in pinned_2026.reasons[0]
    # By default the ruleset in force on the day applies (2025-03-25, with the 2025 terms).
    assert pinned_2025 == category_eligibility(facts, "stem", on=PINNED_ON)


def test_twelve_months_in_short_runs_meet_the_2026_terms_but_not_the_2025_ones():
    """The reverse: three runs of 5 months (15 in all, none of 6) qualify only under the 2026 terms."""
    runs = [job("21220", date(2023, 1, 1) + timedelta(days=200 * k), 150) for k in range(3)]
    facts = person(*runs)
    assert [False, True] == [
        category_eligibility(facts, "stem", on=PINNED_ON, rules=r).eligible for r in ("2025-12-08", "2026-02-18")
    ]


def test_eligible_categories_under_a_pinned_ruleset():
    """Every category of the pinned ruleset is answered, whatever is in force on the day."""
    answers = eligible_categories(person(), on=date(2026, 3, 1), rules="2024-01-01")
    assert {v.id for v in category_versions(date(2024, 6, 1))} == {a.version.id for a in answers}
    assert () == eligible_categories(person(), on=date(2026, 3, 1), rules="2022-11-16")
    assert () == eligible_categories(person(), on=date(2014, 6, 1))


def test_a_category_not_under_the_pinned_ruleset_says_so():
    """Not in force is an answer, not an error (issue 10): the condition category.in_force is unmet and says when."""
    answer = category_eligibility(person(), "education", on=date(2026, 3, 1), rules="2024-01-01")
    condition = answer.condition("category.in_force")
    assert (False, False, None) == (answer.eligible, answer.invitable, answer.version)
    assert {"category": "education", "version": None} == dict(condition.values)
    expected = (
        "the category 'education' (Education occupations) is not in force under ruleset 2024-01-01 (asked for "
        "2026-03-01): it is in force from 2025-02-27."
    )
    assert (expected,) == answer.reasons == (condition.message,)
    before = category_eligibility(person(), "stem", on=date(2014, 6, 1))
    assert "not in force on 2014-06-01" in before.reasons[0]
    assert (before.condition("category.in_force").met, before.programs) == (False, None)
    # The lookup of a version still raises.
    with pytest.raises(CategoryNotInForceError) as info:
        category_version("education", on=date(2024, 6, 1))
    assert info.value.rules is None
    with pytest.raises(crsrules.UnknownRulesetError):
        category_eligibility(person(), "stem", on=date(2026, 3, 1), rules="2026-02-81")


def test_pinned_rules_never_warn_about_stale_dates():
    """A pinned ruleset is the law asked for: a date after the last known one takes the facts without a warning."""
    later = LAST_KNOWN_DATE + timedelta(days=30)
    assert eligible_categories(person(), on=later, rules="2026-02-18")


# --- the terms in the rulesets --------------------------------------------------------------------------------------


def test_each_version_is_the_terms_of_the_rulesets_it_spans():
    """A version's list, rule and names are its ruleset's terms, in every ruleset of its span."""
    for ruleset in available_rulesets():
        for category, terms in ruleset.categories.items():
            v = category_version(category, ruleset.effective)
            assert (v.policy_year, v.title, v.occupations) == (terms.policy_year, terms.title, terms.occupations)
            assert (v.experience, v.french, v.military, v.round_names) == (
                terms.experience,
                terms.french,
                terms.military,
                terms.round_names,
            )
            assert v.unconfirmed_occupations == terms.unconfirmed_occupations


def test_the_fingerprint_covers_the_occupation_codes(monkeypatch):
    """Changing one code of a list changes the canonical form (and so the fingerprint) of the rulesets using it."""
    ruleset = get_rules("2025-03-25")
    before = ruleset.canonical()
    assert sorted(ruleset.categories[Category.STEM].occupations) == before["categories"]["stem"]["occupations"]
    lists = dict(rules_categories.category_lists())
    stem = lists[(2025, Category.STEM)]
    lists[(2025, Category.STEM)] = (attrs.evolve(stem[0], code="21211"), *stem[1:])
    monkeypatch.setattr(rules_categories, "category_lists", lambda: lists)
    after = ruleset.canonical()
    assert before["categories"]["stem"] != after["categories"]["stem"]
    assert before["categories"]["trades"] == after["categories"]["trades"]


def test_category_title_is_the_latest_terms_title():
    latest: dict[Category, str] = {}
    for ruleset in available_rulesets():
        latest |= {c: t.title for c, t in ruleset.categories.items()}
    assert {c: c.title for c in Category} == latest
