"""Tests of crsrules.draws: the rounds of invitations, the pool distributions, the queries and the cut-off estimate.

Expected facts are literals copied from the issue, the research notes (data/README-rounds.md and
reference/categories.md, section 7) and the shared CSVs, never computed by the module under test.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from datetime import UTC, date, datetime
from importlib import resources
from itertools import pairwise
from pathlib import Path

import attrs
import pytest

import crsrules
from crsrules.categories import Category
from crsrules.draws import (
    CATEGORIES,
    Draw,
    DrawDataError,
    DrawKind,
    NoDistributionError,
    PoolDistribution,
    ScoreRange,
    UnknownDrawError,
    UnknownRoundTypeError,
    by_number,
    cutoff_estimate_accuracy,
    distribution,
    distributions,
    estimate_cutoff,
    history,
    latest,
    pool_before,
    round_type,
    round_types,
    summary,
)
from crsrules.draws._load import _by_number, _draws, _parse_distributions, _parse_rounds
from crsrules.errors import CRSRulesError, InvalidArgumentsError, InvalidValueError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
FILES = ("express-entry-rounds.csv", "express-entry-pool-distribution.csv")
# The shared data's list of category rounds: no longer package data (crsrules/data/README.md says why), kept with the
# tests to check that the rounds data and the category versions' round names give every category round its category.
CATEGORY_ROUNDS = Path(__file__).resolve().parents[1] / "data" / "category-rounds.csv"


def package_bytes(name: str) -> bytes:
    return resources.files("crsrules.data").joinpath(name).read_bytes()


def package_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(package_bytes(name).decode("utf-8"), newline="")))


def category_round_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(CATEGORY_ROUNDS.read_text(encoding="utf-8"), newline="")))


# --- the issue's facts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expected",
    [
        (
            "252",
            date(2023, 6, 28),
            DrawKind.CATEGORY,
            Category.HEALTHCARE,
            "Healthcare occupations (Version 1)",
            500,
            476,
        ),
        ("253", date(2023, 7, 4), DrawKind.GENERAL, None, "No Program Specified", 700, 511),
        ("254", date(2023, 7, 5), DrawKind.CATEGORY, Category.STEM, "STEM occupations (Version 1)", 500, 486),
        (
            "255",
            date(2023, 7, 6),
            DrawKind.CATEGORY,
            Category.HEALTHCARE,
            "Healthcare occupations (Version 1)",
            1500,
            463,
        ),
    ],
)
def test_the_issues_rounds(expected):
    """Number, date, kind, category, IRCC's name, invitations and cut-off."""
    d = by_number(expected[0])
    assert expected == (
        d.number,
        d.date,
        d.kind,
        d.category,
        d.round_name,
        d.invitations,
        d.cutoff,
    )


def test_the_issues_rounds_tie_breaks_match_the_reports():
    """README-rounds.md: reports of the tie-breaking rule match drawCutOff exactly (252, 255, 336)."""
    assert datetime(2022, 11, 12, 12, 47, 27, tzinfo=UTC) == by_number("252").tie_break
    assert datetime(2023, 6, 19, 6, 41, 5, tzinfo=UTC) == by_number("255").tie_break
    assert datetime(2024, 7, 23, 17, 41, 11, tzinfo=UTC) == by_number("336").tie_break


def test_rounds_91a_and_91b():
    a, b = by_number("91a"), by_number("91b")
    assert (date(2018, 5, 30), DrawKind.FST, 500, 288) == (a.date, a.kind, a.invitations, a.cutoff)
    assert (date(2018, 5, 30), DrawKind.PNP, 200, 902) == (b.date, b.kind, b.invitations, b.cutoff)
    numbers = [d.number for d in history()]
    assert ["90", "91a", "91b", "92"] == numbers[89:93]


def test_438_rounds_as_the_readme_states():
    assert 438 == len(history())
    readme = resources.files("crsrules.data").joinpath("README.md").read_text(encoding="utf-8")
    assert "438 data rows" in readme
    shared_readme = SHARED / "README-rounds.md"
    if shared_readme.exists():
        assert "| `express-entry-rounds.csv` | 438 (one per published round)" in shared_readme.read_text("utf-8")


def test_latest_is_round_437():
    d = latest()
    assert ("437", date(2026, 8, 19), Category.FRENCH, 5000, 382) == (
        d.number,
        d.date,
        d.category,
        d.invitations,
        d.cutoff,
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1", "2015-01-01"), ("80", "2017-06-06"), ("252", "2023-05-31")],
)
def test_rules_id_is_the_ruleset_in_force_on_the_date(number, expected):
    assert expected == by_number(number).rules_id


def test_rules_id_of_an_april_2025_round():
    april = history(start=date(2025, 4, 1), end=date(2025, 4, 30))
    assert april
    assert {"2025-03-25"} == {d.rules_id for d in april}


def test_rules_id_on_both_sides_of_2025_03_25():
    """The last round before 2025-03-25 (#341, 2025-03-21) and the first after it."""
    before = history(end=date(2025, 3, 24))[-1]
    after = history(start=date(2025, 3, 25))[0]
    assert ("341", "2025-02-27") == (before.number, before.rules_id)
    assert "2025-03-25" == after.rules_id


# --- tie-breaking times ---------------------------------------------------------------------------------------------


def test_no_tie_break_before_2017_11_08():
    early = history(end=date(2017, 11, 7))
    assert 76 == len(early)
    assert all(d.tie_break is None and d.tie_break_text is None for d in early)


def test_every_round_from_2017_11_08_has_a_tie_break_but_208():
    late = history(start=date(2017, 11, 8))
    assert "77" == late[0].number
    assert datetime(2017, 10, 23, 15, 58, 27, tzinfo=UTC) == late[0].tie_break
    assert ["208"] == [d.number for d in late if d.tie_break is None]


def test_round_208_keeps_irccs_words():
    d = by_number("208")
    assert d.tie_break is None
    assert "October 7 at 16:38:21 UTC" == d.tie_break_text


def test_tie_breaks_are_utc_and_not_after_the_day_after_the_round():
    for d in history():
        if d.tie_break is not None:
            assert d.tie_break.utcoffset() is not None
            assert 0 == d.tie_break.utcoffset().total_seconds(), d
            assert (d.tie_break.date() - d.date).days <= 1, d


def test_round_139_tie_break_falls_on_the_next_day():
    """An evening round, Ottawa time (README-rounds.md)."""
    d = by_number("139")
    assert (date(2020, 3, 18), datetime(2020, 3, 19, 2, 4, 6, tzinfo=UTC)) == (d.date, d.tie_break)


# IRCC's spellings in category-rounds.csv: "June 19, 2023 06:41:05 UTC", "August 30. 2023 at ...", "May 26 2025 at
# ...", "September 30, 2023 at 04:22:17 AM UTC" (a stray AM after a 24-hour time), "June 15, 2023 at 23:49:05".
_TEXT_TIME = re.compile(
    r"(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2})[.,]? (?P<year>\d{4}),?(?: at)? "
    r"(?P<time>\d\d:\d\d:\d\d)(?: [AP]M)?(?: UTC)?"
)


def test_category_rounds_tie_break_texts_read_as_the_same_utc_times():
    """category-rounds.csv keeps IRCC's text; it must say the same time as the ISO column of the rounds file."""
    for row in category_round_rows():
        match = _TEXT_TIME.fullmatch(row["tie_breaking_rule_utc"])
        assert match, row
        text = f"{match['month']} {match['day']} {match['year']} {match['time']}"
        expected = datetime.strptime(text, "%B %d %Y %H:%M:%S").replace(tzinfo=UTC)
        assert expected == by_number(row["round_number"]).tie_break, row


# --- data integrity -------------------------------------------------------------------------------------------------


def _key(number: str) -> tuple[int, str]:
    match = re.fullmatch(r"(\d+)([ab]?)", number)
    assert match, number
    return int(match[1]), match[2]


def test_round_numbers_are_1_to_437_with_91_split_in_two():
    numbers = [d.number for d in history()]
    expected = [str(n) for n in range(1, 438) if n != 91]
    expected[90:90] = ["91a", "91b"]
    assert expected == numbers


def test_round_numbers_and_dates_increase_together():
    """Numbers strictly increase; dates never go back; the same date is shared only by the known same-day pairs."""
    same_day = []
    for before, after in pairwise(history()):
        assert _key(before.number) < _key(after.number)
        assert before.date <= after.date, (before, after)
        if before.date == after.date:
            same_day.append((before.number, after.number))
    assert [("63", "64"), ("75", "76"), ("91a", "91b"), ("141", "142")] == same_day


def test_no_negative_counts():
    for d in history():
        assert d.invitations > 0, d
        assert 0 <= d.cutoff <= 1200, d
    for pool in distributions():
        assert all(r.candidates >= 0 for r in (*pool.ranges, *pool.subtotals)), pool
        assert pool.total is not None
        assert pool.total > 0


def test_round_types_match_the_readme_counts():
    """README-rounds.md, "Column meanings": how many rounds have each name."""
    assert {
        "No Program Specified": 167,
        "General": 11,
        "Canadian Experience Class": 67,
        "Provincial Nominee Program": 111,
        "Federal Skilled Trades": 7,
        "Federal Skilled Worker": 1,
        "Healthcare occupations (Version 1)": 6,
        "STEM occupations (Version 1)": 3,
        "French language proficiency (Version 1)": 26,
        "Trade occupations (Version 1)": 4,
        "Transport occupations (Version 1)": 3,
        "Agriculture and agri-food occupations (Version 1)": 3,
        "Education occupations (Version 1)": 2,
        "Healthcare and social services occupations (Version 2)": 7,
        "Trade occupations (Version 2)": 1,
        "French-Language proficiency 2026-Version 2": 10,
        "Physicians with Canadian Work Experience, 2026-Version 1": 2,
        "Healthcare and Social Services Occupations, 2026-Version 3": 2,
        "Senior managers with Canadian Work Experience, 2026-Version 1": 2,
        "Trades Occupations, 2026-Version 3": 1,
        "Skilled Military Recruits, 2026-Version 1": 1,
        "Transport Occupations, 2026-Version 2": 1,
    } == dict(Counter(d.round_name for d in history()))


def test_every_round_type_in_the_file_is_mapped_and_every_mapping_is_used():
    """The mapping of IRCC's names is exhaustive: a new name in the data fails here (and at load)."""
    names = {row["round_type"] for row in package_rows("express-entry-rounds.csv")}
    for name in names:
        assert name == round_type(name).name
    assert names == {t.name for t in round_types()}


def test_every_category_round_maps_to_a_slug_and_a_name_in_category_rounds_csv():
    rows = {row["round_number"]: row for row in category_round_rows()}
    category_rounds = history(kind=DrawKind.CATEGORY)
    assert 74 == len(category_rounds)
    assert set(rows) == {d.number for d in category_rounds}
    for d in category_rounds:
        row = rows[d.number]
        assert d.category.value in CATEGORIES
        assert (Category(row["category"]), row["ircc_round_name"]) == (d.category, d.round_name)
        assert (row["date"], int(row["invitations"]), int(row["crs_lowest_invited"])) == (
            d.date.isoformat(),
            d.invitations,
            d.cutoff,
        )
        assert d.category_version is not None
    assert all(d.category is None and d.category_version is None for d in history() if d.kind is not DrawKind.CATEGORY)


def test_first_category_round_is_252():
    assert "252" == history(kind="category")[0].number
    assert not history(kind="category", end=date(2023, 6, 27))


@pytest.mark.parametrize("name", FILES)
def test_package_csv_is_the_shared_copy(name):
    shared = SHARED / name
    if not shared.exists():
        pytest.skip(f"no shared copy at {shared}")
    assert shared.read_bytes() == package_bytes(name)


@pytest.mark.parametrize("name", FILES)
def test_readme_records_the_package_csv_hash(name):
    readme = resources.files("crsrules.data").joinpath("README.md").read_text(encoding="utf-8")
    assert f"## {name}" in readme
    assert hashlib.sha256(package_bytes(name)).hexdigest() in readme


def test_the_tests_category_rounds_are_the_shared_copy():
    shared = SHARED / "category-rounds.csv"
    if not shared.exists():
        pytest.skip(f"no shared copy at {shared}")
    assert shared.read_bytes() == CATEGORY_ROUNDS.read_bytes()


def test_category_rounds_csv_is_no_longer_package_data():
    """Its slugs come from the category versions' round names now (crsrules/data/README.md says why)."""
    assert not resources.files("crsrules.data").joinpath("category-rounds.csv").is_file()
    readme = resources.files("crsrules.data").joinpath("README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(CATEGORY_ROUNDS.read_bytes()).hexdigest() in readme


# --- round names ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("former", "current", "slug"),
    [
        ("Healthcare occupations (2023-1)", "Healthcare occupations (Version 1)", "healthcare"),
        ("STEM occupations (2023-1)", "STEM occupations (Version 1)", "stem"),
        ("French language proficiency (2023-1)", "French language proficiency (Version 1)", "french"),
        ("French language proficiency (2024-1)", "French language proficiency (Version 1)", "french"),
        ("Trade occupations (2023-1)", "Trade occupations (Version 1)", "trades"),
        ("Transport occupations (2023-1)", "Transport occupations (Version 1)", "transport"),
        ("Transport occupations (2024-1)", "Transport occupations (Version 1)", "transport"),
        (
            "Agriculture and agri-food occupations (2023-1)",
            "Agriculture and agri-food occupations (Version 1)",
            "agriculture",
        ),
    ],
)
def test_names_from_before_the_2024_renaming_are_accepted(former, current, slug):
    t = round_type(former)
    assert (current, DrawKind.CATEGORY, Category(slug), "Version 1") == (
        t.name,
        t.kind,
        t.category,
        t.category_version,
    )
    assert former in t.former_names


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("No Program Specified", DrawKind.GENERAL),
        ("General", DrawKind.GENERAL),
        ("Canadian Experience Class", DrawKind.CEC),
        ("Federal Skilled Worker", DrawKind.FSW),
        ("Federal Skilled Trades", DrawKind.FST),
        ("Provincial Nominee Program", DrawKind.PNP),
        ("French-Language proficiency 2026-Version 2", DrawKind.CATEGORY),
    ],
)
def test_program_names(name, kind):
    assert kind == round_type(name).kind


def test_unknown_round_name_suggests_close_ones():
    with pytest.raises(UnknownRoundTypeError) as info:
        round_type("Healthcare occupations (Version 9)")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, CRSRulesError)
    assert "Healthcare occupations (Version 1)" in info.value.suggestions


def test_category_round_names_come_from_the_category_versions():
    """Each category version's round names resolve to its category; its first name is the one the feed uses now."""
    versions = crsrules.available_category_versions()
    for version in versions:
        for name in version.round_names:
            t = round_type(name)
            assert (DrawKind.CATEGORY, version.category) == (t.kind, t.category), name
            assert name == t.name or name in t.former_names, name
        if version.round_names:
            assert version.round_names[0] == round_type(version.round_names[0]).name
    names = {t.name for t in round_types() if t.kind is DrawKind.CATEGORY}
    assert names == {v.round_names[0] for v in versions if v.round_names}


def test_round_names_ignore_case_and_spaces_but_the_data_must_use_irccs_spelling():
    assert "STEM occupations (Version 1)" == round_type("  stem   OCCUPATIONS (version 1) ").name
    assert DrawKind.GENERAL is round_type("no program  specified").kind
    with pytest.raises(DrawDataError, match=re.escape("round_type must be IRCC's current name 'General'")):
        _parse_rounds(ROUNDS_HEADER + "1,2015-01-31,general,779,886,,feed\n")


def test_one_error_for_unknown_round_names():
    """UnknownRoundTypeError is the deprecated name of crsrules.errors.UnknownRoundNameError, the same class."""
    assert UnknownRoundTypeError is crsrules.errors.UnknownRoundNameError is crsrules.UnknownRoundNameError
    assert crsrules.categories.UnknownRoundNameError is crsrules.UnknownRoundNameError
    with pytest.raises(crsrules.UnknownRoundNameError, match=re.escape("see crsrules.draws.round_types()")) as info:
        round_type("Lottery")
    assert "Lottery" == info.value.name
    with pytest.raises(UnknownRoundTypeError):
        crsrules.version_for_round_name("General")  # a program round: no category version carries it
    with pytest.raises(UnknownRoundTypeError):
        round_type(254)  # type: ignore[arg-type]


def test_categories_are_the_reference_slugs():
    assert (
        "french",
        "healthcare",
        "stem",
        "trades",
        "transport",
        "agriculture",
        "education",
        "physicians",
        "senior_managers",
        "researchers",
        "military",
    ) == CATEGORIES


# --- queries --------------------------------------------------------------------------------------------------------


def test_history_is_oldest_first_and_dates_are_inclusive():
    rounds = history(start=date(2023, 6, 28), end=date(2023, 7, 6))
    assert ["252", "253", "254", "255"] == [d.number for d in rounds]
    assert ["253"] == [d.number for d in history(start=date(2023, 7, 4), end=date(2023, 7, 4))]
    assert () == history(start=date(2023, 7, 1), end=date(2023, 7, 3))


def test_history_general_covers_both_of_irccs_names():
    general = history(kind=DrawKind.GENERAL)
    assert 178 == len(general)
    assert {"No Program Specified", "General"} == {d.round_name for d in general}


@pytest.mark.parametrize(
    ("kind", "count"),
    [(DrawKind.CEC, 67), ("pnp", 111), ("fst", 7), ("fsw", 1), ("category", 74), ("general", 178)],
)
def test_history_by_kind(kind, count):
    found = history(kind=kind)
    assert count == len(found)
    assert {DrawKind(kind)} == {d.kind for d in found}


def test_history_by_category_and_date():
    assert [("254", 486), ("274", 481), ("293", 491)] == [(d.number, d.cutoff) for d in history(category="stem")]
    french_2026 = history(category="french", start=date(2026, 1, 1))
    assert 10 == len(french_2026)
    assert {"French-Language proficiency 2026-Version 2"} == {d.round_name for d in french_2026}
    assert () == history(category="researchers")
    assert () == history(category="stem", kind=DrawKind.CEC)


def test_history_by_year_and_by_category_enum():
    assert history(start=date(2023, 1, 1), end=date(2023, 12, 31)) == history(year=2023)
    assert [("274", 481)] == [(d.number, d.cutoff) for d in history(year=2023, category=Category.STEM)[1:]]
    assert history(category=Category.STEM) == history(category="stem")
    assert () == history(year=2014)
    with pytest.raises(InvalidValueError, match="'year' must be a year as a whole number"):
        history(year="2023")  # type: ignore[arg-type]


def test_history_rejects_bad_filters():
    with pytest.raises(InvalidValueError, match="'kind' must be a DrawKind or one of"):
        history(kind="lottery")
    with pytest.raises(InvalidValueError, match="'category' must be one of"):
        history(category="STEM")
    with pytest.raises(InvalidValueError, match=re.escape("'start' must be a datetime.date")):
        history(start="2023-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentsError, match=re.escape("start (2024-01-01) is after end (2023-01-01)")):
        history(start=date(2024, 1, 1), end=date(2023, 1, 1))


def test_by_number_accepts_an_int_and_text():
    assert by_number(253) is by_number("253") is by_number(" 253 ")
    assert "91a" == by_number("91A").number


@pytest.mark.parametrize(
    ("number", "suggested"), [("91", ["91a", "91b", "90", "92"]), ("438", ["437", "436"]), ("91c", ["91a", "91b"])]
)
def test_unknown_round_suggests_close_numbers(number, suggested):
    with pytest.raises(UnknownDrawError) as info:
        by_number(number)
    assert isinstance(info.value, LookupError)
    assert suggested == list(info.value.suggestions[: len(suggested)])
    assert "Did you mean" in str(info.value)


def test_by_number_rejects_other_types():
    with pytest.raises(InvalidValueError):
        by_number(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        by_number(True)  # noqa: FBT003


# --- summary --------------------------------------------------------------------------------------------------------


# reference/categories.md, section 7: category rounds per year and category (rounds, invitations, lowest cut-off,
# highest cut-off).
CATEGORY_YEARS = [
    (2023, "agriculture", 2, 1_000, 354, 386),
    (2023, "french", 6, 8_700, 375, 486),
    (2023, "healthcare", 3, 5_600, 431, 476),
    (2023, "stem", 2, 6_400, 481, 486),
    (2023, "trades", 2, 2_500, 388, 425),
    (2023, "transport", 2, 1_670, 435, 435),
    (2024, "agriculture", 1, 150, 437, 437),
    (2024, "french", 11, 23_000, 336, 478),
    (2024, "healthcare", 3, 10_250, 422, 463),
    (2024, "stem", 1, 4_500, 491, 491),
    (2024, "trades", 2, 3_600, 433, 436),
    (2024, "transport", 1, 975, 430, 430),
    (2025, "education", 2, 3_500, 462, 479),
    (2025, "french", 9, 48_000, 379, 481),
    (2025, "healthcare", 7, 14_500, 462, 510),
    (2025, "trades", 1, 1_250, 505, 505),
    (2026, "french", 10, 50_500, 382, 420),
    (2026, "healthcare", 2, 8_000, 467, 475),
    (2026, "military", 1, 4, 368, 368),
    (2026, "physicians", 2, 662, 169, 223),
    (2026, "senior_managers", 2, 750, 392, 429),
    (2026, "trades", 1, 3_000, 477, 477),
    (2026, "transport", 1, 300, 470, 470),
]


def test_summary_by_year_and_category_matches_the_reference():
    rows = summary(history(kind="category"), by=("year", "category"))
    got = sorted((r.year, r.category.value, r.rounds, r.invitations, r.lowest_cutoff, r.highest_cutoff) for r in rows)
    assert sorted(CATEGORY_YEARS) == got


def test_summary_category_invitations_per_year_match_the_reference_totals():
    rows = summary(history(kind=DrawKind.CATEGORY), by="year")
    assert {2023: 25_870, 2024: 42_475, 2025: 67_250, 2026: 63_216} == {r.year: r.invitations for r in rows}


def test_summary_by_year_and_kind_by_default():
    rows = summary()
    assert 438 == sum(r.rounds for r in rows)
    assert all(r.year is not None and r.kind is not None and r.category is None for r in rows)
    keys = [(r.year, list(DrawKind).index(r.kind)) for r in rows]
    assert sorted(keys) == keys
    first = rows[0]
    assert (2015, DrawKind.GENERAL) == (first.year, first.kind)


def test_summary_median_is_the_middle_of_the_cutoffs():
    """The four rounds 252 to 255: cut-offs 476, 511, 486, 463; median (476 + 486) / 2."""
    (row,) = summary(history(start=date(2023, 6, 28), end=date(2023, 7, 6)), by=())
    assert (4, 3_200, 463, 481.0, 511) == (
        row.rounds,
        row.invitations,
        row.lowest_cutoff,
        row.median_cutoff,
        row.highest_cutoff,
    )
    assert (None, None, None) == (row.year, row.kind, row.category)


def test_summary_rejects_unknown_groupings():
    with pytest.raises(InvalidValueError, match="'by' must be any of 'year', 'kind', 'category'"):
        summary(by=("month",))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        summary([by_number(1), "2"])  # type: ignore[list-item]


# --- pool distributions ---------------------------------------------------------------------------------------------


def test_220_distributions_from_round_214():
    found = distributions()
    assert 220 == len(found)
    assert ("214", date(2022, 1, 17)) == (found[0].round_number, found[0].as_of)
    assert ("437", date(2026, 8, 16)) == (found[-1].round_number, found[-1].as_of)


@pytest.mark.parametrize("number", ["1", "213", "223", "224", "226", "227", "91a"])
def test_rounds_without_a_distribution(number):
    with pytest.raises(NoDistributionError) as info:
        distribution(number)
    assert isinstance(info.value, LookupError)
    assert "except 223, 224, 226, 227" in str(info.value)


def test_distribution_of_an_unknown_round():
    with pytest.raises(UnknownDrawError):
        distribution("999")


def test_round_214_distribution_as_published():
    """The first 18 rows of the CSV: the subtotals and the total are kept apart from the 15 ranges."""
    pool = distribution(214)
    assert [
        ("601-1200", 899),
        ("501-600", 5106),
        ("491-500", 2738),
        ("481-490", 6192),
        ("471-480", 14828),
        ("461-470", 13010),
        ("451-460", 10434),
        ("441-450", 9650),
        ("431-440", 10225),
        ("421-430", 7687),
        ("411-420", 9139),
        ("401-410", 10582),
        ("351-400", 58692),
        ("301-350", 31704),
        ("0-300", 5799),
    ] == [(r.label, r.candidates) for r in pool.ranges]
    assert [("451-500", 47202), ("401-450", 47283)] == [(r.label, r.candidates) for r in pool.subtotals]
    assert 196685 == pool.total == pool.candidates
    assert () == pool.discrepancies
    assert pool.source == by_number(214).source


def test_ranges_cover_0_to_1200_without_overlap():
    for pool in distributions():
        assert 1200 == pool.ranges[0].high
        assert 0 == pool.ranges[-1].low
        for higher, lower in pairwise(pool.ranges):
            assert lower.high + 1 == higher.low


def test_only_round_247_does_not_add_up():
    odd = {p.round_number: p.discrepancies for p in distributions() if p.discrepancies}
    assert {
        "247": (
            "the 451-500 subtotal is 55,867 but its ranges add up to 55,687",
            "the total is 230,189 but the ranges add up to 230,009",
        )
    } == odd


def test_distribution_dates_are_on_or_before_their_round():
    for pool in distributions():
        gap = (by_number(pool.round_number).date - pool.as_of).days
        assert 0 <= gap <= 20, pool.round_number


def test_pool_before():
    assert "253" == pool_before(by_number("253")).round_number
    assert "252" == pool_before(by_number("253"), basis="previous").round_number
    assert "253" == pool_before(by_number("254"), basis="previous").round_number
    assert pool_before(by_number("100")) is None
    assert pool_before(by_number("214"), basis="previous") is None
    assert "222" == pool_before(by_number("223"), basis="previous").round_number
    with pytest.raises(InvalidValueError, match="'basis' must be one of 'own', 'previous'"):
        pool_before(by_number("253"), basis="next")  # type: ignore[arg-type]


# --- estimate_cutoff ------------------------------------------------------------------------------------------------


HAND_MADE = PoolDistribution(
    ranges=(
        ScoreRange(low=601, high=1200, candidates=100),
        ScoreRange(low=501, high=600, candidates=400),
        ScoreRange(low=491, high=500, candidates=1000),
        ScoreRange(low=481, high=490, candidates=0),
        ScoreRange(low=0, high=480, candidates=5000),
    )
)


@pytest.mark.parametrize(
    ("invitations", "expected"),
    [
        # 100 above 600 over 600 scores, a sixth of a candidate a score: 1 invitation takes 6 scores, 1200 to 1195.
        (1, 1195),
        # Exactly the 100 above 600: the whole range, down to 601.
        (100, 601),
        # 1 more from 501-600 (400 over 100 scores, 4 a score): the top score, 600.
        (101, 600),
        # 200 more from 501-600: 50 scores at 4 a score, 600 down to 551.
        (300, 551),
        # 201 more: 50.25 scores, so 51 scores, 600 down to 550.
        (301, 550),
        # All 500 above 500, then 500 of the 1000 in 491-500 (100 a score): 5 scores, 500 down to 496.
        (1000, 496),
        # 491-500 exhausted exactly: 491.
        (1500, 491),
        # 481-490 is empty and skipped: 1 more comes from 0-480 (5000 over 481 scores): 480.
        (1501, 480),
        # Every candidate in the pool: the lowest score, 0.
        (6500, 0),
    ],
)
def test_estimate_cutoff_interpolates_linearly_inside_the_range(invitations, expected):
    assert expected == estimate_cutoff(HAND_MADE, invitations)


@pytest.mark.parametrize("invitations", [0, -1, 6501, 1.5, True, "10"])
def test_estimate_cutoff_rejects_impossible_invitations(invitations):
    with pytest.raises(InvalidValueError, match="'invitations' must be a whole number from 1 to the 6,500 candidates"):
        estimate_cutoff(HAND_MADE, invitations)


def test_estimate_cutoff_needs_a_distribution():
    with pytest.raises(InvalidValueError):
        estimate_cutoff([ScoreRange(low=0, high=10, candidates=5)], 1)  # type: ignore[arg-type]


def test_estimate_for_round_245_by_hand():
    """Round 245 (2023-03-29), 7,000 invitations, cut-off 481. Its pool: 261 + 468 + 374 = 1,103 above 490 and 6,859
    in 481-490; the other 5,897 take ceil(5,897 * 10 / 6,859) = 9 scores, 490 down to 482.
    """
    pool = distribution("245")
    assert [261, 468, 374, 6859] == [r.candidates for r in pool.ranges[:4]]
    assert 482 == estimate_cutoff(pool, by_number("245").invitations)


# --- accuracy -------------------------------------------------------------------------------------------------------


def test_accuracy_covers_every_round_with_a_distribution():
    own = cutoff_estimate_accuracy()
    assert 220 == own.rounds
    assert [p.round_number for p in distributions()] == [c.draw.number for c in own.comparisons]
    assert all(c.distribution.round_number == c.draw.number for c in own.comparisons)
    previous = cutoff_estimate_accuracy(basis="previous")
    assert all(c.distribution.as_of <= c.draw.date for c in previous.comparisons)
    assert all(by_number(c.distribution.round_number).date < c.draw.date for c in previous.comparisons)


def test_accuracy_figures_of_general_rounds():
    """The figures the explanation page shows (docs/explanation/cutoff-estimate.md): update them with the data."""
    accuracy = cutoff_estimate_accuracy(kind=DrawKind.GENERAL)
    errors = sorted(abs(c.error) for c in accuracy.comparisons)
    assert 37 == accuracy.rounds == len(errors)
    assert 67 == accuracy.max_absolute_error == errors[-1]
    assert 15 / 37 == accuracy.within_5_points
    assert sum(errors) / 37 == pytest.approx(accuracy.mean_absolute_error)
    assert float(errors[18]) == accuracy.median_absolute_error
    assert sum(c.error for c in accuracy.comparisons) / 37 == pytest.approx(accuracy.mean_error)
    # Every estimate that lands in a 10-point range is within 3 points; those in 501-600 are 11 to 67 points too high.
    narrow = [abs(c.error) for c in accuracy.comparisons if c.score_range.width == 10]
    assert 15 == len(narrow)
    assert 3 == max(narrow)
    wide = [c.error for c in accuracy.comparisons if c.score_range.width != 10]
    assert {"501-600"} == {c.score_range.label for c in accuracy.comparisons if c.score_range.width != 10}
    assert (22, 11, 67) == (len(wide), min(wide), max(wide))


def test_accuracy_rejects_a_kind_without_distributions():
    with pytest.raises(InvalidValueError):
        cutoff_estimate_accuracy(kind=DrawKind.FST)
    with pytest.raises(InvalidValueError):
        cutoff_estimate_accuracy(basis="later")  # type: ignore[arg-type]


# --- the model ------------------------------------------------------------------------------------------------------


def _draw(**changes: object) -> Draw:
    fields = {
        "number": "1000",
        "date": date(2030, 1, 1),
        "kind": DrawKind.CEC,
        "round_name": "Canadian Experience Class",
        "invitations": 10,
        "cutoff": 500,
    }
    return Draw(**{**fields, **changes})  # type: ignore[arg-type]


def test_draw_str_and_as_dict():
    d = by_number("254")
    assert "Round 254 (2023-07-05, STEM occupations (Version 1)): 500 invitations, lowest CRS score 486" == str(d)
    assert {
        "number": "254",
        "date": "2023-07-05",
        "kind": "category",
        "category": "stem",
        "category_version": "Version 1",
        "round_name": "STEM occupations (Version 1)",
        "invitations": 500,
        "cutoff": 486,
        "tie_break": "2022-11-23T00:01:29Z",
        "tie_break_text": None,
        "rules_id": "2023-05-31",
        "source": (
            "IRCC ee_rounds_123_en.json snapshot 2026-08-20 via github.com/Yin-Marina/Daily_Express_Entry@d5efaf9"
        ),
    } == d.as_dict()


def test_draws_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        by_number("1").cutoff = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"number": 91}, "'number' must be a round number as a string"),
        ({"number": "91 a"}, "'number' must be a round number as a string"),
        ({"date": date(2014, 12, 31)}, "'date' must be on or after 2015-01-01"),
        ({"kind": "cec"}, "'kind' must be DrawKind.CEC"),
        ({"cutoff": 1201}, "'cutoff' must be a CRS score 0-1200"),
        ({"invitations": -1}, "'invitations' must be a whole number of invitations"),
        ({"category": "stem"}, "'category' must be a category slug for a category round, and None for any other"),
        ({"kind": DrawKind.CATEGORY}, "'category' must be a category slug for a category round"),
        ({"kind": DrawKind.CATEGORY, "category": "science"}, "'category' must be one of 'french'"),
        (
            {"tie_break": datetime(2029, 12, 1, 12)},  # noqa: DTZ001 (a naive time, on purpose)
            "'tie_break' must be a timezone-aware datetime in UTC",
        ),
        ({"tie_break": datetime(2030, 1, 3, tzinfo=UTC)}, "'tie_break' must be on or before the day after"),
        (
            {"tie_break": datetime(2029, 1, 3, tzinfo=UTC), "tie_break_text": "January 3"},
            "'tie_break_text' must be None when tie_break is known",
        ),
        ({"round_name": " "}, "'round_name' must be a non-empty string"),
    ],
)
def test_draw_validation(changes, message):
    with pytest.raises(InvalidValueError, match=re.escape(message)):
        _draw(**changes)


def test_a_draw_takes_a_category_or_its_slug():
    stem = {"kind": DrawKind.CATEGORY, "round_name": "STEM occupations (Version 1)", "date": date(2023, 7, 5)}
    made = _draw(category="stem", **stem)
    assert made == _draw(category=Category.STEM, **stem)
    assert (Category.STEM, "Version 1") == (made.category, made.category_version)
    assert ("stem", "Version 1") == (made.as_dict()["category"], made.as_dict()["category_version"])
    assert _draw(kind=DrawKind.CATEGORY, category="stem", round_name="STEM round").category_version is None


def test_a_hand_made_draw():
    d = _draw(tie_break=datetime(2030, 1, 2, 1, tzinfo=UTC))
    assert d.category_version is None
    assert "" == d.source
    with pytest.warns(crsrules.StaleRulesWarning):
        assert crsrules.available_rulesets()[-1].id == d.rules_id


def test_draw_kind_values_and_labels():
    assert ["general", "cec", "fsw", "fst", "pnp", "category"] == [k.value for k in DrawKind]
    assert "No program specified / General" == DrawKind.GENERAL.label


def test_pool_distribution_validation():
    with pytest.raises(InvalidValueError, match="'ranges' must be ranges from the highest scores down"):
        PoolDistribution(ranges=(ScoreRange(low=0, high=100, candidates=1), ScoreRange(low=50, high=200, candidates=1)))
    with pytest.raises(InvalidValueError, match="'ranges' must be a non-empty tuple of ScoreRange"):
        PoolDistribution(ranges=())
    with pytest.raises(InvalidValueError, match="'subtotals' must be the union of consecutive ranges"):
        PoolDistribution(
            ranges=(ScoreRange(low=101, high=200, candidates=1), ScoreRange(low=0, high=100, candidates=1)),
            subtotals=(ScoreRange(low=50, high=200, candidates=2),),
        )
    with pytest.raises(InvalidValueError, match="'high' must be at least low"):
        ScoreRange(low=10, high=9, candidates=0)
    with pytest.raises(InvalidValueError, match="'candidates' must be a whole number of candidates"):
        ScoreRange(low=0, high=9, candidates=-1)


def test_pool_distribution_discrepancies_of_a_hand_made_one():
    pool = PoolDistribution(
        ranges=(ScoreRange(low=101, high=200, candidates=1), ScoreRange(low=0, high=100, candidates=2)),
        subtotals=(ScoreRange(low=0, high=200, candidates=4),),
        total=3,
    )
    assert ("the 0-200 subtotal is 4 but its ranges add up to 3",) == pool.discrepancies


# --- loading: errors name the file and line -------------------------------------------------------------------------


ROUNDS_HEADER = "round,date,round_type,invitations,crs_cutoff,tie_break,source\n"
ROUND_1 = "1,2015-01-31,No Program Specified,779,886,,feed\n"
STEM_ROUND = "254,2023-07-05,STEM occupations (Version 1),500,486,2022-11-23T00:01:29Z,feed\n"


def test_a_small_valid_file_loads():
    loaded = _parse_rounds(ROUNDS_HEADER + ROUND_1 + STEM_ROUND)
    assert ["1", "254"] == [d.number for d in loaded]
    assert Category.STEM == loaded[1].category


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("1,2015-01-31,Lottery,779,886,,feed\n", "line 2: round 1: unknown round name 'Lottery'"),
        (
            "254,2023-07-05,STEM occupations (2023-1),500,486,,feed\n",
            "line 2: round 254: round_type must be IRCC's current name 'STEM occupations (Version 1)'",
        ),
        ("1,2015-1-31,No Program Specified,779,886,,feed\n", "line 2: date must be an ISO date"),
        ("1,2015-02-30,No Program Specified,779,886,,feed\n", "line 2: date must be an ISO date"),
        ("1,2015-01-31,No Program Specified,-5,886,,feed\n", "line 2: invitations must be a whole number"),
        ("1,2015-01-31,No Program Specified,5,1300,,feed\n", "line 2: round 1: 'cutoff' must be a CRS score"),
        ("1,2015-01-31,No Program Specified,5,300,,\n", "line 2: round 1: source must name where"),
        ("x1,2015-01-31,No Program Specified,5,300,,feed\n", "line 2: round must be a number"),
        (
            "1,2015-01-31,No Program Specified,5,300,October 7 at 16:38:21 UTC,feed\n",
            "line 2: tie_break must be empty or an ISO UTC time",
        ),
        ("1,2015-01-31,No Program Specified,5,300,2015-01-30T25:00:00Z,feed\n", "line 2: tie_break must be"),
        (ROUND_1 + ROUND_1, "line 3: round 1 must come after round 1"),
        ("2,2015-02-07,General,1,1,,feed\n" + ROUND_1, "line 3: round 1 must come after round 2"),
        (ROUND_1 + "2,2015-01-30,General,1,1,,feed\n", "line 3: round 2 (2015-01-30) is dated before round 1"),
        ("1,2015-01-31,No Program Specified,779\n", "line 2: expected 7 columns"),
        ("", "express-entry-rounds.csv: no rounds"),
    ],
)
def test_bad_rounds_data_is_reported_with_its_line(rows, message):
    with pytest.raises(DrawDataError, match=re.escape(message)):
        _parse_rounds(ROUNDS_HEADER + rows)


def test_a_bad_header_is_reported():
    with pytest.raises(DrawDataError, match=re.escape("express-entry-rounds.csv: the header must be round,date")):
        _parse_rounds("number,date\n")


def test_round_208_is_the_only_unreadable_tie_break_allowed():
    row = "208,2021-10-27,Provincial Nominee Program,681,744,October 7 at 16:38:21 UTC,feed\n"
    (d,) = _parse_rounds(ROUNDS_HEADER + row)
    assert (None, "October 7 at 16:38:21 UTC") == (d.tie_break, d.tie_break_text)
    with pytest.raises(DrawDataError, match="line 2: tie_break must be"):
        _parse_rounds(ROUNDS_HEADER + row.replace("October 7", "October 8"))


LABELS = [
    "601-1200",
    "501-600",
    "451-500",
    "491-500",
    "481-490",
    "471-480",
    "461-470",
    "451-460",
    "401-450",
    "441-450",
    "431-440",
    "421-430",
    "411-420",
    "401-410",
    "351-400",
    "301-350",
    "0-300",
    "Total",
]
COUNTS = [1, 2, 15, 1, 2, 3, 4, 5, 40, 6, 7, 8, 9, 10, 11, 12, 13]  # ranges add up to 94


def pool_rows(number: str = "1", as_of: str = "2015-01-30", counts: list[int] | None = None) -> str:
    values = [*(COUNTS if counts is None else counts)]
    if len(values) == 17:
        values.append(sum(v for label, v in zip(LABELS, values, strict=False) if label not in {"451-500", "401-450"}))
    return "".join(f"{number},{as_of},{label},{value}\n" for label, value in zip(LABELS, values, strict=True))


POOL_HEADER = "round,as_of_date,range,candidates\n"


def _interleaved() -> str:
    """Round 1's rows with one row of round 2 before the last."""
    lines = pool_rows().splitlines(keepends=True)
    return "".join([*lines[:17], pool_rows(number="2", as_of="2015-02-07").splitlines(keepends=True)[0], lines[17]])


def test_a_small_valid_distribution_loads():
    rounds = _parse_rounds(ROUNDS_HEADER + ROUND_1)
    (pool,) = _parse_distributions(POOL_HEADER + pool_rows(), rounds)
    assert (94, 94, ()) == (pool.total, pool.candidates, pool.discrepancies)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (pool_rows(number="3"), "line 2: round 3 is not in express-entry-rounds.csv"),
        (pool_rows(as_of="2015-02-01"), "line 2: round 1's pool is as of 2015-02-01, after the round's date"),
        (pool_rows(counts=[0] * 18), "line 2: round 1's distribution is all zeros"),
        (
            pool_rows(counts=[1, 2, 16, 1, 2, 3, 4, 5, 40, 6, 7, 8, 9, 10, 11, 12, 13]),
            "line 2: round 1's distribution does not add up: the 451-500 subtotal is 16 but its ranges add up to 15",
        ),
        (pool_rows(counts=[*COUNTS, 95]), "the total is 95 but the ranges add up to 94"),
        (pool_rows().replace("451-500", "451-500 (subtotal)"), "round 1 must have the 18 ranges 601-1200, 501-600"),
        (pool_rows().replace("2015-01-30,0-300", "2015-01-29,0-300"), "round 1 has more than one as_of_date"),
        (pool_rows().replace(",13\n", ",1 3\n"), "line 18: candidates must be a whole number"),
        (_interleaved(), "line 20: the rows of round 1 must be consecutive"),
    ],
)
def test_bad_distribution_data_is_reported_with_its_line(text, message):
    rounds = _parse_rounds(ROUNDS_HEADER + ROUND_1 + "2,2015-02-07,General,1,1,,feed\n")
    with pytest.raises(DrawDataError, match=re.escape(message)):
        _parse_distributions(POOL_HEADER + text, rounds)


def test_distributions_must_be_in_round_order():
    rounds = _parse_rounds(ROUNDS_HEADER + ROUND_1 + "2,2015-02-07,General,1,1,,feed\n")
    with pytest.raises(DrawDataError, match="round 1 must come after round 2"):
        _parse_distributions(POOL_HEADER + pool_rows(number="2") + pool_rows(), rounds)


def test_round_247_is_the_only_distribution_allowed_not_to_add_up():
    rounds = _parse_rounds(ROUNDS_HEADER + "247,2023-04-26,No Program Specified,3500,483,,feed\n")
    counts = [1, 2, 16, 1, 2, 3, 4, 5, 40, 6, 7, 8, 9, 10, 11, 12, 13]
    (pool,) = _parse_distributions(POOL_HEADER + pool_rows(number="247", as_of="2023-04-26", counts=counts), rounds)
    assert pool.discrepancies


def test_summary_by_category_gives_categories():
    rows = summary(history(kind="category"), by="category")
    assert [c for c in Category if c is not Category.RESEARCHERS] == [r.category for r in rows]


def test_errors_are_crsrules_errors():
    assert issubclass(DrawDataError, CRSRulesError)
    assert issubclass(DrawDataError, ValueError)
    for cls in (UnknownDrawError, NoDistributionError, UnknownRoundTypeError):
        assert issubclass(cls, CRSRulesError)
        assert issubclass(cls, LookupError)


def test_the_data_loads_lazily_once():
    _draws.cache_clear()
    _by_number.cache_clear()
    assert 0 == _draws.cache_info().currsize
    assert history() is not None
    assert latest() is _draws()[-1]
    assert 1 == _draws.cache_info().currsize


def test_every_category_round_maps_to_a_category_version():
    """Each category round's name names a category version of the same category, in force near the round's date."""
    import crsrules

    for draw in history(kind="category"):
        version = crsrules.version_for_round_name(draw.round_name)
        assert draw.category is version.category, draw
        assert version.effective <= draw.date or draw.number == "394", draw  # 394: named before its version began
