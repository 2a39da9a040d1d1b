"""Tests of the reader of IRCC's rounds feed (crsrules.draws.read_feed, parse_feed).

The feed is the shared byte-for-byte copy of 2026-08-20 when it is beside the clone (skipped, with the reason, when it
is not), and the trimmed copy in tests/data (70 of its rounds, made by scripts/trim_feed.py) always. Expected values
are the package's CSV files, made from that same copy, and literals from the project's notes (data/README-rounds.md).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest

import crsrules
from crsrules.categories import Category
from crsrules.draws import DrawKind, Feed, FeedError, parse_feed, read_feed
from crsrules.draws._load import distributions_csv, rounds_csv
from crsrules.errors import CRSRulesError

SHARED_FEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "feeds" / "ee_rounds_123_en.2026-08-20.json"
TRIMMED_FEED = Path(__file__).resolve().parents[1] / "data" / "ee_rounds_123_en.trimmed.json"
FEED_DAY = date(2026, 8, 20)
# The source column of every row of the package's rounds file.
PACKAGE_SOURCE = "IRCC ee_rounds_123_en.json snapshot 2026-08-20 via github.com/Yin-Marina/Daily_Express_Entry@d5efaf9"


def package_text(name: str) -> str:
    return resources.files("crsrules.data").joinpath(name).read_text(encoding="utf-8")


def trimmed() -> dict:
    return json.loads(TRIMMED_FEED.read_text(encoding="utf-8"))


def trimmed_round(number: str) -> dict:
    return copy.deepcopy(next(r for r in trimmed()["rounds"] if r["drawNumber"] == number))


def read(rounds: list[dict], feed_date: date | None = FEED_DAY) -> Feed:
    return read_feed({"classes": "wb-tables", "rounds": rounds}, feed_date=feed_date, source=PACKAGE_SOURCE)


def read_one(number: str, **changes: object) -> Feed:
    item = trimmed_round(number)
    item.update(changes)
    return read([item])


# --- the whole feed -------------------------------------------------------------------------------------------------


def test_the_shared_feed_reproduces_the_package_csv_files_row_for_row():
    if not SHARED_FEED.exists():
        pytest.skip(f"no shared copy of the feed at {SHARED_FEED}")
    feed = parse_feed(SHARED_FEED.read_bytes(), feed_date=FEED_DAY, source=PACKAGE_SOURCE)
    assert (438, 220) == (len(feed.draws), len(feed.distributions))
    assert () == feed.notes
    assert package_text("express-entry-rounds.csv") == rounds_csv(feed.draws)
    assert package_text("express-entry-pool-distribution.csv") == distributions_csv(feed.distributions)


def test_the_trimmed_copy_holds_the_shared_copys_rounds_verbatim():
    if not SHARED_FEED.exists():
        pytest.skip(f"no shared copy of the feed at {SHARED_FEED}")
    shared = {r["drawNumber"]: r for r in json.loads(SHARED_FEED.read_text(encoding="utf-8"))["rounds"]}
    rounds = trimmed()["rounds"]
    assert 70 == len(rounds)
    for item in rounds:
        assert shared[item["drawNumber"]] == item
        assert list(shared[item["drawNumber"]]) == list(item)


def _rows(text: str, numbers: set[str]) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return [rows[0], *(row for row in rows[1:] if row[0] in numbers)]


def test_the_trimmed_feed_reproduces_its_rows_of_the_package_csv_files():
    """Without ../shared: the trimmed copy gives exactly the package's rows of its 70 rounds."""
    feed = parse_feed(TRIMMED_FEED.read_bytes(), feed_date=FEED_DAY, source=PACKAGE_SOURCE)
    numbers = {d.number for d in feed.draws}
    assert 70 == len(numbers)
    assert _rows(package_text("express-entry-rounds.csv"), numbers) == _rows(rounds_csv(feed.draws), numbers)
    pool = package_text("express-entry-pool-distribution.csv")
    assert _rows(pool, numbers) == _rows(distributions_csv(feed.distributions), numbers)
    assert () == feed.notes


def test_rounds_come_out_by_number_then_suffix():
    feed = parse_feed(TRIMMED_FEED.read_bytes(), feed_date=FEED_DAY)
    numbers = [d.number for d in feed.draws]
    assert ["76", "77", "82", "91a", "91b", "104"] == numbers[numbers.index("76") : numbers.index("104") + 1]
    assert "IRCC ee_rounds_123_en.json of 2026-08-20" == feed.draws[0].source


# --- the known oddities ---------------------------------------------------------------------------------------------


def test_91a_and_91b_are_two_rounds_of_one_day():
    feed = read([trimmed_round("91b"), trimmed_round("91a")])
    found = [(d.number, d.kind, d.cutoff) for d in feed.draws]
    assert [("91a", DrawKind.FST, 288), ("91b", DrawKind.PNP, 902)] == found
    assert {date(2018, 5, 30)} == {d.date for d in feed.draws}


def test_round_208s_tie_break_without_a_year_is_kept_as_words():
    (draw,) = read_one("208").draws
    assert (None, "October 7 at 16:38:21 UTC") == (draw.tie_break, draw.tie_break_text)
    with pytest.raises(FeedError, match=re.escape("round 209, drawCutOff: must be a time such as")):
        read_one("208", drawNumber="209", drawNumberURL="", mitext="")


def test_round_335s_tie_break_of_2025_is_read_as_irccs_correction():
    """The copies of 2025-02-05 and -06 said November 14, 2025; IRCC corrected it to 2024 by 2025-02-13."""
    corrected = datetime(2024, 11, 14, 2, 52, 14, tzinfo=UTC)
    assert corrected == read_one("335").draws[0].tie_break
    assert corrected == read_one("335", drawCutOff="November 14, 2025 at 02:52:14 UTC").draws[0].tie_break
    with pytest.raises(FeedError, match="round 336, drawCutOff: 2025-11-14T02:52:14"):
        read_one("335", drawNumber="336", drawCutOff="November 14, 2025 at 02:52:14 UTC", drawNumberURL="", mitext="")


@pytest.mark.parametrize(
    ("former", "current", "category"),
    [
        ("STEM occupations (2023-1)", "STEM occupations (Version 1)", Category.STEM),
        ("Healthcare occupations (2023-1)", "Healthcare occupations (Version 1)", Category.HEALTHCARE),
        ("French language proficiency (2024-1)", "French language proficiency (Version 1)", Category.FRENCH),
        ("Transport occupations (2023-1)", "Transport occupations (Version 1)", Category.TRANSPORT),
    ],
)
def test_a_category_rounds_former_name_is_read_as_its_current_one(former, current, category):
    (draw,) = read_one("254", drawName=former).draws
    assert (current, DrawKind.CATEGORY, category) == (draw.round_name, draw.kind, draw.category)


def test_every_category_versions_round_name_of_the_feed_is_read():
    feed = parse_feed(TRIMMED_FEED.read_bytes(), feed_date=FEED_DAY)
    categories = {d.category for d in feed.draws if d.kind is DrawKind.CATEGORY}
    assert set(Category) - {Category.RESEARCHERS} == categories
    assert () == feed.unknown_round_names


@pytest.mark.parametrize(
    ("number", "draw_date", "full", "expected"),
    [
        ("237", "11-01-2023", "January 11, 2023", date(2023, 1, 11)),  # an early copy's DD-MM-YYYY
        ("246", "12-04-2023", "April 12, 2023", date(2023, 4, 12)),
        ("237", "2023-01-11", "January 11,2023", date(2023, 1, 11)),  # a comma without its space
        ("237", "2023-01-11", "", date(2023, 1, 11)),
    ],
)
def test_the_date_formats_irrc_has_used(number, draw_date, full, expected):
    assert expected == read_one(number, drawDate=draw_date, drawDateFull=full).draws[0].date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 19, 2023 06:41:05 UTC", datetime(2023, 6, 19, 6, 41, 5, tzinfo=UTC)),
        ("March 02. 2024 at 01:58:34 UTC", datetime(2024, 3, 2, 1, 58, 34, tzinfo=UTC)),
        ("July 3rd 2026 at 21:35:13 UTC", datetime(2026, 7, 3, 21, 35, 13, tzinfo=UTC)),
        ("June 22, 2021 at 20:19:59 PM UTC", datetime(2021, 6, 22, 20, 19, 59, tzinfo=UTC)),  # a stray PM
        ("September 30, 2023 at 04:22:17 AM UTC", datetime(2023, 9, 30, 4, 22, 17, tzinfo=UTC)),
        ("June 15, 2023 at 23:49:05", datetime(2023, 6, 15, 23, 49, 5, tzinfo=UTC)),  # no UTC: read as UTC
        (" January 17, 2018 at 12:33:00 UTC", datetime(2018, 1, 17, 12, 33, tzinfo=UTC)),
        ("December 12, 2022, at 10:48:12 UTC", datetime(2022, 12, 12, 10, 48, 12, tzinfo=UTC)),
        ("May 19,2022 06:48:41 UTC", datetime(2022, 5, 19, 6, 48, 41, tzinfo=UTC)),
        ("October 18, 2025 at  7:18:52 UTC", datetime(2025, 10, 18, 7, 18, 52, tzinfo=UTC)),
        ("May 26 2025 at 12:28:38 UTC", datetime(2025, 5, 26, 12, 28, 38, tzinfo=UTC)),
        ("January 23, 2025 at 2025-01-23 15:30:04 UTC", datetime(2025, 1, 23, 15, 30, 4, tzinfo=UTC)),
        ("2025-01-23T15:30:04Z", datetime(2025, 1, 23, 15, 30, 4, tzinfo=UTC)),
        ("", None),
    ],
)
def test_the_time_spellings_irrc_has_used(text, expected):
    assert expected == read_one("437", drawCutOff=text).draws[0].tie_break


def test_a_time_whose_two_dates_disagree_is_refused():
    with pytest.raises(FeedError, match="round 437, drawCutOff: must be a time"):
        read_one("437", drawCutOff="January 23, 2025 at 2025-01-24 15:30:04 UTC")


def test_all_zero_figures_mean_no_distribution():
    """Rounds 1 to 213, 223, 224, 226 and 227: IRCC published zeros."""
    feed = read([trimmed_round(n) for n in ("227", "226", "224", "223", "221", "213", "1")])
    assert ["221"] == [p.round_number for p in feed.distributions]


def test_round_247s_distribution_does_not_add_up_as_published():
    feed = read_one("247")
    assert feed.distributions[0].discrepancies
    assert () == feed.notes


def test_another_distribution_that_does_not_add_up_is_read_and_noted():
    feed = read_one("437", dd4="12,916")
    expected = (
        "round 437's pool distribution does not add up: the 451-500 subtotal is 73,554 but its ranges add up to "
        "73,555; the total is 226,859 but the ranges add up to 226,860"
    )
    assert (expected,) == feed.notes


def test_a_round_time_far_from_the_round_is_noted_except_round_357():
    assert () == read_one("357").notes
    feed = read_one("437", drawDateTime="August 9th 2026 at 12:35:37 UTC")
    assert ("round 437: its time, 2026-08-09T12:35:37+00:00, is not on its date, 2026-08-19",) == feed.notes


def test_html_in_text_fields_is_read_as_text():
    (draw,) = read_one("437", drawName="<b>French-Language proficiency</b>&#32;2026-Version&nbsp;2").draws
    assert ("French-Language proficiency 2026-Version 2", Category.FRENCH) == (draw.round_name, draw.category)
    (draw,) = read_one("437", drawSize="<span>5,000</span>").draws
    assert 5000 == draw.invitations


def test_a_link_to_another_round_is_refused():
    item = trimmed_round("437")
    with pytest.raises(FeedError, match=re.escape("round 437, drawNumberURL: links to round '436'")):
        read_one("437", drawNumberURL=item["drawNumberURL"].replace(">437<", ">436<"))
    with pytest.raises(FeedError, match=re.escape("round 437, mitext: links to round '436'")):
        read_one("437", mitext=item["mitext"].replace("#437", "#436"))


@pytest.mark.parametrize(("value", "expected"), [("5,000", 5000), ("5000", 5000), (5000, 5000), ("12,345", 12345)])
def test_numbers_with_or_without_thousands_separators(value, expected):
    assert expected == read_one("437", drawSize=value).draws[0].invitations


def test_an_unknown_round_name_is_kept_with_no_category():
    (draw,) = read_one("437", drawName="Agriculture Occupations, 2027-Version 1").draws
    assert (DrawKind.CATEGORY, None, False) == (draw.kind, draw.category, draw.category_known)
    assert "Agriculture Occupations, 2027-Version 1" == draw.round_name
    assert (("437", "Agriculture Occupations, 2027-Version 1"),) == read_one(
        "437", drawName="Agriculture Occupations, 2027-Version 1"
    ).unknown_round_names


def test_a_round_given_twice_with_the_same_values_is_read_once():
    feed = read([trimmed_round("437"), trimmed_round("437")])
    assert 1 == len(feed.draws)
    assert ("round 437 is listed twice with the same values (at $.rounds[0] and $.rounds[1]); read once",) == feed.notes


def test_a_feed_without_a_date_checks_no_date_against_it():
    assert date(2026, 8, 19) == read([trimmed_round("437")], feed_date=None).draws[0].date


# --- bad input: each problem names the round, the field and its JSON path --------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"drawCRS": "-5"}, "round 437, drawCRS: must be a CRS score: digits"),
        ({"drawCRS": "1201"}, "round 437, drawCRS: 'cutoff' must be a CRS score 0-1200 (got 1201)"),
        ({"drawSize": "1,000,000,000"}, "round 437, drawSize: 'invitations' must be a whole number of invitations"),
        ({"drawSize": 10**9}, "round 437, drawSize: 'invitations' must be a whole number of invitations"),
        ({"drawSize": 10**400}, "round 437, drawSize: must be a number of at most 12 digits"),
        ({"drawSize": "5.000"}, "round 437, drawSize: must be a number of invitations"),
        ({"drawSize": "1,00"}, "round 437, drawSize: must be a number of invitations"),
        ({"drawSize": None}, "round 437, drawSize: must be a string (got None, a JSON null)"),
        ({"drawSize": [5000]}, "round 437, drawSize: must be a string (got [5000], a JSON array)"),
        ({"drawSize": True}, "round 437, drawSize: must be a string (got True, a JSON boolean)"),
        ({"drawNumber": "4 37"}, "drawNumber: must be a round number such as 437"),
        ({"drawNumber": ""}, "drawNumber: must be a round number such as 437"),
        ({"drawDate": "2026-08-32"}, "round 437, drawDate: must be an ISO date"),
        ({"drawDate": "19-08-2026", "drawDateFull": ""}, "round 437, drawDate: must be an ISO date"),
        ({"drawDate": "2026-08-18"}, "round 437, drawDateFull: 2026-08-19 is not the day of drawDate, 2026-08-18"),
        ({"drawDate": "2014-12-31", "drawDateFull": ""}, "round 437, drawDate: 2014-12-31 is before 2015-01-01"),
        ({"drawDateFull": "Augustus 19, 2026"}, "round 437, drawDateFull: must be a date such as"),
        ({"drawName": "  "}, "round 437, drawName: must not be empty"),
        ({"drawCutOff": "yesterday"}, "round 437, drawCutOff: must be a time such as"),
        ({"drawCutOff": "August 21, 2026 at 10:00:00 UTC"}, "round 437, drawCutOff: 2026-08-21T10:00:00+00:00 is af"),
        ({"drawCutOff": "March 1, 2014 at 18:34:05 UTC"}, "round 437, drawCutOff: 2014-03-01T18:34:05+00:00 is bef"),
        ({"drawDateTime": "August 19th 2026 at 25:35:37 UTC"}, "round 437, drawDateTime: must be a time such as"),
        ({"drawDistributionAsOn": "August 20, 2026"}, "round 437, drawDistributionAsOn: 2026-08-20 is after the round"),
        ({"drawDistributionAsOn": ""}, "round 437, drawDistributionAsOn: missing"),
        ({"dd18": "0"}, "round 437, dd18: the total is 0 but other figures are not"),
        ({"dd4": "-1"}, "round 437, dd4: must be a number of candidates"),
        ({"dd4": "2,000,000,000"}, "round 437, dd4: 'candidates' must be a whole number of candidates"),
        ({"drawName": "x" * 6000}, "round 437, drawName: must be at most 5,000 characters (got 6,000)"),
    ],
)
def test_a_bad_field_names_the_round_the_field_and_its_path(changes, message):
    with pytest.raises(FeedError, match=re.escape(message)) as info:
        read_one("437", **changes)
    assert f"@ $.rounds[0].{info.value.field}" in str(info.value)
    assert info.value.field in changes or info.value.field == "drawDateFull"
    assert isinstance(info.value, CRSRulesError)
    assert isinstance(info.value, ValueError)


def test_a_missing_field_is_named():
    item = trimmed_round("437")
    del item["drawCRS"]
    with pytest.raises(FeedError, match=re.escape("round 437, drawCRS: missing: every round of IRCC's feed has it @ "
                                                  "$.rounds[0].drawCRS")):  # fmt: skip
        read([item])


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 8, 17), "round 437, drawDate: 2026-08-19 is after the feed's own date, 2026-08-17"),
        (date(2026, 7, 1), "round 437, drawDate: 2026-08-19 is after the feed's own date, 2026-07-01"),
    ],
)
def test_a_date_after_the_feeds_own_date_is_refused(day, message):
    with pytest.raises(FeedError, match=re.escape(message)):
        read([trimmed_round("437")], feed_date=day)
    assert read([trimmed_round("437")], feed_date=date(2026, 8, 19)).draws  # a day's slack for time zones


def test_a_round_time_after_the_feeds_date_is_refused():
    message = "round 437, drawDateTime: 2026-08-25T12:35:37+00:00 is after the feed's own date"
    with pytest.raises(FeedError, match=re.escape(message)):
        read_one("437", drawDateTime="August 25, 2026 at 12:35:37 UTC")


def test_the_same_round_number_twice_with_different_values_is_refused():
    other = trimmed_round("437")
    other["drawCRS"] = "383"
    with pytest.raises(FeedError, match=re.escape("round 437, drawNumber: the round number is given twice, with "
                                                  "different values (also at $.rounds[0])")) as info:  # fmt: skip
        read([trimmed_round("437"), other])
    assert "$.rounds[1].drawNumber" == info.value.path


def test_rounds_out_of_date_order_are_refused():
    earlier = trimmed_round("434")
    earlier.update(drawDate="2026-08-20", drawDateFull="August 20, 2026")
    with pytest.raises(FeedError, match=re.escape("round 437, drawDate: dated 2026-08-19, before round 434")):
        read([trimmed_round("437"), earlier], feed_date=date(2026, 8, 21))


def test_a_key_twice_in_a_round_is_refused():
    text = TRIMMED_FEED.read_text(encoding="utf-8")
    text = text.replace('"drawCRS": "382",', '"drawCRS": "382", "drawCRS": "383",', 1)
    with pytest.raises(FeedError, match=re.escape("round 437: has the key 'drawCRS' twice @ $.rounds[0]")):
        parse_feed(text, feed_date=FEED_DAY)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"<html>Not found</html>", "not valid JSON: Expecting value (line 1, column 1)"),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0 is 0xff)"),
        (b"[]", "not IRCC's rounds feed (ee_rounds_123_en.json): expected an object with a 'rounds' array, got a"),
        (b'{"rounds": {}}', "expected an object with a 'rounds' array, got an object without a 'rounds' array"),
        (b'{"rounds": []}', "the 'rounds' array is empty"),
        (b'{"rounds": [1]}', "each round must be an object (got a JSON number) @ $.rounds[0]"),
        (b'{"rounds": [{"drawNumber": NaN}]}', "NaN is not a JSON number"),
        (b'{"rounds": [], "rounds": []}', "has the key 'rounds' twice"),
        (b"[" * 100_000, "not a rounds feed: nested too deeply"),
        (b'{"rounds": [' + b"9" * 5000 + b"]}", "a number too long to read"),
    ],
)
def test_a_file_that_is_not_a_feed_is_refused(raw, message):
    with pytest.raises(FeedError, match=re.escape(message)):
        parse_feed(raw, feed_date=FEED_DAY)


def test_a_truncated_feed_says_it_ends_early():
    raw = TRIMMED_FEED.read_bytes()
    with pytest.raises(FeedError, match=re.escape("(the file ends early: it may be cut short; download it again)")):
        parse_feed(raw[: len(raw) // 2], feed_date=FEED_DAY)


def test_a_feed_with_a_byte_order_mark_is_read():
    assert parse_feed(b"\xef\xbb\xbf" + TRIMMED_FEED.read_bytes(), feed_date=FEED_DAY).draws


def test_the_quick_check_of_round_names_agrees_with_round_type():
    """A feed of many rounds of unknown names is read without looking for close names each time."""
    from crsrules.draws import round_type, round_types
    from crsrules.draws._rounds import is_known_round_name

    names = [n for t in round_types() for n in (t.name, *t.former_names)]
    for name in [*names, *(n.upper() for n in names), "General  ", "Agriculture Occupations, 2027-Version 1", "x"]:
        try:
            round_type(name)
        except crsrules.UnknownRoundNameError:
            assert not is_known_round_name(name), name
        else:
            assert is_known_round_name(name), name


def test_a_feed_of_many_rounds_of_unknown_names_is_read():
    model = trimmed_round("437")
    rounds = []
    for index in range(2000):
        item = copy.deepcopy(model)
        item.update(drawNumber=str(1000 + index), drawName=f"New category {index}", drawNumberURL="", mitext="")
        rounds.append(item)
    feed = read(rounds)
    assert 2000 == len(feed.unknown_round_names)
