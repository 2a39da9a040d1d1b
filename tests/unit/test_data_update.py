"""Tests of data updates: crsrules.draws.update_data, the user data folder, data_status, and ``crsrules data``.

Every test writes to its own folder (CRSRULES_DATA_DIR in tmp_path). The feeds are copies of IRCC's feed of
2026-08-20, trimmed and edited here into older, newer, corrected and broken versions: the shared copy when it is
beside the clone, else the same feed rebuilt from the package's CSV files (which were made from it).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
import sys
import warnings
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest

import crsrules
from crsrules import draws
from crsrules.cli import main
from crsrules.draws import (
    DataFolderError,
    DrawKind,
    FeedError,
    OlderFeedError,
    UserDataWarning,
    _load,
    _update,
    data_status,
    data_version,
    update_data,
)
from crsrules.io import load_candidate

SHARED_FEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "feeds" / "ee_rounds_123_en.2026-08-20.json"
CANDIDATES = Path(__file__).parents[2] / "examples" / "candidates"
TODAY = date(2026, 11, 29)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    """A user data folder of this test's own; the data in use is read again before and after."""
    path = tmp_path / "crsrules-data"
    monkeypatch.setenv("CRSRULES_DATA_DIR", str(path))
    monkeypatch.setattr(_update, "_today", lambda: TODAY)
    _load.reset()
    yield path
    _load.reset()


# --- feeds ----------------------------------------------------------------------------------------------------------


def _words(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _feed_from_package() -> dict:
    """The feed of 2026-08-20 rebuilt from the package's CSV files (for a checkout without ../shared)."""
    data = resources.files("crsrules.data")
    rounds = list(csv.DictReader(io.StringIO(data.joinpath("express-entry-rounds.csv").read_text("utf-8"))))
    pools: dict[str, list[dict]] = {}
    for row in csv.DictReader(io.StringIO(data.joinpath("express-entry-pool-distribution.csv").read_text("utf-8"))):
        pools.setdefault(row["round"], []).append(row)
    items = []
    for row in reversed(rounds):
        tie = row["tie_break"]
        if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", tie):
            moment = datetime.strptime(tie, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            tie = f"{_words(moment.date())} at {moment:%H:%M:%S} UTC"
        day = date.fromisoformat(row["date"])
        pool = pools.get(row["round"], [])
        item = {
            "drawNumber": row["round"],
            "drawDate": row["date"],
            "drawDateFull": _words(day),
            "drawName": row["round_type"],
            "drawSize": f"{int(row['invitations']):,}",
            "drawCRS": row["crs_cutoff"],
            "drawCutOff": tie,
            "drawDistributionAsOn": _words(date.fromisoformat(pool[0]["as_of_date"])) if pool else _words(day),
        }
        for index in range(18):
            item[f"dd{index + 1}"] = f"{int(pool[index]['candidates']):,}" if pool else "0"
        items.append(item)
    return {"classes": "wb-tables", "rounds": items}


def base_feed() -> dict:
    """IRCC's feed of 2026-08-20 (newest round first)."""
    if SHARED_FEED.exists():
        return json.loads(SHARED_FEED.read_text(encoding="utf-8"))
    return _feed_from_package()


def new_round(number: str, day: date, *, name: str = "Canadian Experience Class", cutoff: int = 515) -> dict:
    """A round after 437, on the model of round 437."""
    item = copy.deepcopy(base_feed()["rounds"][0])
    item.update(
        drawNumber=number,
        drawDate=day.isoformat(),
        drawDateFull=_words(day),
        drawName=name,
        drawSize="3,000",
        drawCRS=str(cutoff),
        drawDateTime=f"{_words(day)} at 14:00:00 UTC",
        drawCutOff="August 1, 2026 at 10:00:00 UTC",
        drawDistributionAsOn=_words(day),
    )
    for field in ("drawNumberURL", "mitext", "DrawText1"):
        if field in item:
            item[field] = item[field].replace("437", number)
    return item


def newer_feed(*numbers: tuple[str, date], name: str = "Canadian Experience Class") -> dict:
    feed = base_feed()
    feed["rounds"][:0] = [new_round(n, d, name=name) for n, d in reversed(numbers)]
    return feed


def write(tmp_path: Path, feed: dict | bytes, name: str = "ee_rounds_123_en.2026-09-20.json") -> Path:
    path = tmp_path / name
    path.write_bytes(feed if isinstance(feed, bytes) else json.dumps(feed).encode("utf-8"))
    return path


def round_of(feed: dict, number: str) -> dict:
    return next(r for r in feed["rounds"] if r["drawNumber"] == number)


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


# --- the feed the package data came from ----------------------------------------------------------------------------


def test_the_feed_of_the_package_data_changes_nothing(tmp_path, folder):
    report = update_data(write(tmp_path, base_feed(), "ee_rounds_123_en.2026-08-20.json"))
    assert (False, (), ()) == (report.written, report.new_rounds, report.corrections)
    assert "the rounds data in use is already up to date" in report.lines()[0]
    assert not folder.exists()
    assert "package:2026-08-20" == data_version().id


def test_the_same_rounds_in_a_later_feed_move_the_data_version_on(tmp_path):
    """A later feed with no new round still says the rounds are known up to its date."""
    report = update_data(write(tmp_path, base_feed(), "ee_rounds_123_en.2026-08-27.json"))
    assert (True, ()) == (report.written, report.new_rounds)
    assert ("user", date(2026, 8, 27), "437") == (data_version().origin, data_version().feed_date, "437")
    assert 438 == len(draws.history())


# --- a newer feed ---------------------------------------------------------------------------------------------------


def test_a_newer_feed_adds_its_rounds_and_is_the_data_in_use(tmp_path, folder):
    feed = newer_feed(("438", date(2026, 9, 2)), ("439", date(2026, 9, 16)))
    report = update_data(write(tmp_path, feed))
    assert (True, ("438", "439"), ()) == (report.written, report.new_rounds, report.new_distributions)
    assert () == report.corrections
    version = data_version()
    assert ("user", date(2026, 9, 20), "439", date(2026, 9, 16)) == (
        version.origin, version.feed_date, version.last_round, version.last_round_date
    )  # fmt: skip
    assert re.fullmatch(r"user:2026-09-20:[0-9a-f]{12}", version.id)
    assert str(folder) == version.folder
    assert "439" == draws.latest().number
    assert 515 == draws.by_number(438).cutoff
    assert "IRCC ee_rounds_123_en.json of 2026-09-20" in draws.by_number(438).source
    assert draws.by_number(437).source.startswith("IRCC ee_rounds_123_en.json snapshot 2026-08-20")
    assert date(2026, 9, 2) == draws.distribution("438").as_of
    assert ["438", "439"] == [d.number for d in draws.history(start=date(2026, 9, 1))]
    # The next process reads the same data from the folder.
    _load.reset()
    assert version == data_version()
    files = sorted(p.name for p in folder.iterdir())
    assert 3 == len(files)
    assert "manifest.json" in files


def test_the_invitation_functions_use_the_updated_rounds_and_say_so(tmp_path):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    candidate = load_candidate(json.loads((CANDIDATES / "stem-developer-abroad.json").read_text(encoding="utf-8")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        check = crsrules.invitation(candidate, draws.by_number("438"))
        old = crsrules.invitation(candidate, draws.by_number("437"))
        checks = crsrules.rounds_invited(candidate, since=date(2026, 9, 1))
    assert data_version().id == check.data_version == old.data_version
    assert check.as_dict()["data_version"].startswith("user:2026-09-20:")
    assert all(c.draw.number == "438" for c in checks)


def test_a_hand_made_round_has_no_data_version():
    candidate = load_candidate(json.loads((CANDIDATES / "stem-developer-abroad.json").read_text(encoding="utf-8")))
    made = draws.Draw(
        number="437", date=date(2026, 8, 19), kind=DrawKind.CEC, round_name="Canadian Experience Class",
        invitations=1, cutoff=1,
    )  # fmt: skip
    assert crsrules.invitation(candidate, made).data_version is None
    assert "package:2026-08-20" == crsrules.invitation(candidate, draws.by_number(437)).data_version


# --- corrections ----------------------------------------------------------------------------------------------------


def test_a_corrected_round_is_reported_field_by_field_and_listed_by_status(tmp_path):
    feed = newer_feed(("438", date(2026, 9, 2)))
    item = round_of(feed, "437")
    item.update(drawCRS="383", drawSize="5,100", drawCutOff="March 1, 2026 at 18:34:06 UTC")
    round_of(feed, "436")["dd4"] = "99"
    round_of(feed, "436")["dd3"] = f"{int(round_of(feed, '436')['dd3'].replace(',', '')) + 99:,}"
    report = update_data(write(tmp_path, feed))
    found = [(c.round, c.field, c.old, c.new) for c in report.corrections]
    assert ("437", "cutoff", "382", "383") in found
    assert ("437", "invitations", "5000", "5100") in found
    assert ("437", "tie_break", "2026-03-01T18:34:05Z", "2026-03-01T18:34:06Z") in found
    assert ["436", "436"] == [c.round for c in report.corrections if c.field.startswith("distribution")][:2]
    assert "  corrected by IRCC: round 437: cutoff 382 -> 383 (feed of 2026-09-20)" in report.lines()
    assert 383 == draws.by_number(437).cutoff
    assert "IRCC ee_rounds_123_en.json of 2026-09-20" in draws.by_number(437).source
    _load.reset()
    status = data_status(today=TODAY)
    assert found == [(c.round, c.field, c.old, c.new) for c in status.corrections]
    assert "  round 437: cutoff 382 -> 383 (feed of 2026-09-20)" in status.lines()


def test_corrections_add_up_over_updates(tmp_path):
    first = newer_feed(("438", date(2026, 9, 2)))
    round_of(first, "437")["drawCRS"] = "383"
    update_data(write(tmp_path, first))
    second = copy.deepcopy(first)
    round_of(second, "438")["drawCRS"] = "516"
    update_data(write(tmp_path, second, "ee_rounds_123_en.2026-09-21.json"))
    assert ["437 cutoff 2026-09-20", "438 cutoff 2026-09-21"] == [
        f"{c.round} {c.field} {c.feed_date}" for c in data_status(today=TODAY).corrections
    ]


# --- older and partial feeds ----------------------------------------------------------------------------------------


def test_a_feed_older_than_the_data_in_use_is_refused_unless_forced(tmp_path, folder):
    feed = base_feed()
    feed["rounds"] = feed["rounds"][3:]  # the feed as it was after round 434
    path = write(tmp_path, feed, "ee_rounds_123_en.2026-08-10.json")
    message = "the feed is of 2026-08-10 (its newest round is 434 (2026-08-07)), older than the data in use"
    with pytest.raises(OlderFeedError, match=re.escape(message)) as info:
        update_data(path)
    assert "--force" in str(info.value)
    assert ("435", "436", "437") == info.value.missing
    assert not folder.exists()
    report = update_data(path, force=True)  # nothing in it is new: nothing to write, nothing lost
    assert (False, ("435", "436", "437")) == (report.written, report.kept_rounds)
    assert ("437", date(2026, 8, 20)) == (data_version().last_round, data_version().feed_date)
    assert 438 == len(draws.history())
    round_of(feed, "300")["drawCRS"] = "301"  # now with a correction: written, still nothing lost
    report = update_data(write(tmp_path, feed, "ee_rounds_123_en.2026-08-10.json"), force=True)
    assert (True, ("300",)) == (report.written, tuple(c.round for c in report.corrections))
    assert ("user", "437", date(2026, 8, 20)) == (data_version().origin, data_version().last_round,
                                                  data_version().feed_date)  # fmt: skip
    assert 438 == len(draws.history())


def test_a_feed_that_lacks_rounds_is_refused_unless_forced(tmp_path, folder):
    feed = newer_feed(("438", date(2026, 9, 2)))
    feed["rounds"] = [r for r in feed["rounds"] if r["drawNumber"] not in {"91a", "300"}]
    with pytest.raises(OlderFeedError, match=re.escape("the feed lacks rounds 91a, 300 that the data in use has")):
        update_data(write(tmp_path, feed))
    assert not folder.exists()
    update_data(write(tmp_path, feed), force=True)
    assert {"91a", "300", "438"} <= {d.number for d in draws.history()}
    assert "forced: 2 rounds the feed lacks were kept" in data_version().provenance


def test_a_feed_that_lacks_a_pool_distribution_is_refused(tmp_path):
    feed = newer_feed(("438", date(2026, 9, 2)))
    for field in (f"dd{i}" for i in range(1, 19)):
        round_of(feed, "300")[field] = "0"
    with pytest.raises(OlderFeedError, match="the feed lacks the pool distributions of rounds 300"):
        update_data(write(tmp_path, feed))


def test_a_feed_older_than_the_user_data_is_refused(tmp_path):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    with pytest.raises(OlderFeedError, match="older than the data in use \\(user data, feed of 2026-09-20"):
        update_data(write(tmp_path, base_feed(), "ee_rounds_123_en.2026-08-20.json"))
    assert "438" == draws.latest().number


# --- a round of a category crsrules does not know -------------------------------------------------------------------


def test_an_unknown_round_name_is_kept_reported_and_cannot_be_decided(tmp_path):
    name = "Agriculture Occupations, 2027-Version 1"
    report = update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)), name=name)))
    assert (("438", name),) == report.unknown_round_names
    assert f"  unknown round name, kept with no category: round 438, {name!r} (a newer crsrules may know it)" in (
        report.lines()
    )
    draw = draws.by_number(438)
    assert (DrawKind.CATEGORY, None, name, False) == (draw.kind, draw.category, draw.round_name, draw.category_known)
    assert draw in draws.history(kind="category")
    status = data_status(today=TODAY)
    assert (("438", name),) == status.unknown_round_names
    assert any(line.startswith("the categories: 1 round of a category crsrules does not know") for line in status.stale)
    candidate = load_candidate(json.loads((CANDIDATES / "stem-developer-abroad.json").read_text(encoding="utf-8")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", crsrules.StaleRulesWarning)
        check = crsrules.invitation(candidate, draw)
    assert check.invited in {None, False}
    assert any("a category crsrules does not know" in r for r in check.reasons)


def test_a_known_name_still_needs_its_category():
    with pytest.raises(crsrules.InvalidValueError, match="'category' must be a category slug for a category round"):
        draws.Draw(
            number="438", date=date(2026, 9, 2), kind=DrawKind.CATEGORY, round_name="STEM occupations (Version 1)",
            invitations=1, cutoff=1,
        )  # fmt: skip


# --- atomic writes and corrupt folders ------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_previous_data(tmp_path, folder, monkeypatch):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    before = data_version()
    files = sorted(p.name for p in folder.iterdir())
    real_replace = Path.replace

    def crash_on_the_manifest(self, target):
        if Path(target).name == "manifest.json":
            raise OSError(28, "No space left on device")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", crash_on_the_manifest)
    with pytest.raises(DataFolderError, match="No space left on device; the data in it is unchanged"):
        update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)), ("439", date(2026, 9, 16))),
                          "ee_rounds_123_en.2026-09-22.json"))  # fmt: skip
    monkeypatch.setattr(Path, "replace", real_replace)
    assert files == sorted(p.name for p in folder.iterdir())  # no new file, no temporary file left
    _load.reset()
    assert before == data_version()


def test_an_unwritable_folder_is_a_crsrules_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CRSRULES_DATA_DIR", str(blocker / "data"))
    _load.reset()
    with pytest.raises(DataFolderError, match="cannot write the data folder"):
        update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))


def _corrupt(folder: Path, how: str) -> None:
    data = manifest(folder)
    rounds_file = folder / data["files"]["rounds"]["name"]
    if how == "edited":
        rounds_file.write_text(rounds_file.read_text(encoding="utf-8").replace(",515,", ",516,"), encoding="utf-8")
    elif how == "missing":
        rounds_file.unlink()
    elif how == "garbage":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    elif how == "format":
        (folder / "manifest.json").write_text(json.dumps({**data, "format": 99}), encoding="utf-8")
    elif how == "path":
        data["files"]["rounds"]["name"] = "../../etc/passwd"
        (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    elif how == "bad rows":
        text = "round,date\n1,2\n"
        rounds_file.write_text(text, encoding="utf-8")
        data["files"]["rounds"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
        (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("edited", "has changed since crsrules wrote it (its SHA-256 is not the manifest's)"),
        ("missing", "cannot be read: No such file or directory"),
        ("garbage", "manifest.json is not valid JSON"),
        ("format", "is of format 99, not 1"),
        ("path", "names the rounds file '../../etc/passwd', not a file crsrules writes"),
        ("bad rows", "its data cannot be read"),
    ],
)
def test_a_corrupt_folder_is_ignored_with_a_warning(tmp_path, folder, how, message):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    _corrupt(folder, how)
    _load.reset()
    with pytest.warns(UserDataWarning, match=re.escape(message)) as record:
        version = data_version()
    assert "package:2026-08-20" == version.id
    assert __file__ == record[0].filename  # the warning points at the caller
    assert "437" == draws.latest().number
    assert data_status(today=TODAY).folder_state.startswith("not used: ")


def test_user_data_older_than_the_package_data_is_not_used(tmp_path, folder):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    data = manifest(folder)
    data["feed_date"] = "2026-08-01"
    (folder / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    _load.reset()
    assert "package:2026-08-20" == data_version().id
    assert "older than the package data's" in data_status(today=TODAY).folder_state


def test_a_folder_without_a_manifest_is_no_data(folder):
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert "package" == data_version().origin
    assert "holds no rounds data" == data_status(today=TODAY).folder_state


# --- bad feeds: refused, nothing written ----------------------------------------------------------------------------


def _broken(kind: str) -> bytes:
    feed = newer_feed(("438", date(2026, 9, 2)))
    text = json.dumps(feed)
    if kind == "truncated":
        return text[: len(text) // 2].encode()
    if kind == "not json":
        return b"<!DOCTYPE html><title>Page not found</title>"
    if kind == "empty":
        return b""
    if kind == "shape":
        return json.dumps(feed["rounds"]).encode()
    item = round_of(feed, "438")
    if kind == "negative cut-off":
        item["drawCRS"] = "-1"
    elif kind == "10^9 invitations":
        item["drawSize"] = "1,000,000,000"
    elif kind == "future":
        item.update(drawDate="2026-10-01", drawDateFull="October 1, 2026")
    elif kind == "duplicate":
        other = copy.deepcopy(item)
        other["drawCRS"] = "600"
        feed["rounds"].insert(0, other)
    return json.dumps(feed).encode()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("truncated", "not valid JSON"),
        ("not json", "not valid JSON: Expecting value (line 1, column 1)"),
        ("empty", "the file is empty"),
        ("shape", "expected an object with a 'rounds' array, got a JSON array"),
        ("negative cut-off", "round 438, drawCRS: must be a CRS score: digits"),
        ("10^9 invitations", "round 438, drawSize: 'invitations' must be a whole number of invitations 0-1000000"),
        ("future", "round 438, drawDate: 2026-10-01 is after the feed's own date, 2026-09-20"),
        ("duplicate", "round 438, drawNumber: the round number is given twice, with different values"),
    ],
)
def test_a_bad_feed_is_refused_and_nothing_is_written(tmp_path, folder, kind, message):
    with pytest.raises(FeedError, match=re.escape(message)):
        update_data(write(tmp_path, _broken(kind)))
    assert not folder.exists()


def test_a_bad_feed_leaves_earlier_user_data_intact(tmp_path, folder):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    before = manifest(folder)
    with pytest.raises(FeedError):
        update_data(write(tmp_path, _broken("negative cut-off"), "ee_rounds_123_en.2026-09-21.json"))
    assert before == manifest(folder)


def test_a_100_mb_file_is_refused_after_reading_the_limit(tmp_path, folder):
    path = tmp_path / "ee_rounds_123_en.json"
    with path.open("wb") as file:
        file.truncate(100_000_000)  # sparse: nothing is written to disk
    with pytest.raises(FeedError, match=re.escape("is larger than 20,000,000 bytes, more than any rounds feed")):
        update_data(path)
    with pytest.raises(FeedError, match=re.escape("the feed is larger than 1,000 bytes")):
        update_data(b"{}" * 1000, max_bytes=1000)
    assert not folder.exists()


def test_the_feeds_date_comes_from_its_name_else_its_modification_day(tmp_path):
    path = write(tmp_path, newer_feed(("438", date(2026, 9, 2))), "ee_rounds_123_en.json")
    stamp = datetime(2026, 9, 5, 12, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    assert date(2026, 9, 5) == update_data(path).current.feed_date


def test_bytes_take_todays_date_and_a_feed_date_may_not_be_after_today():
    raw = json.dumps(newer_feed(("438", date(2026, 9, 2)))).encode()
    with pytest.raises(FeedError, match=re.escape("the feed's date, 2026-11-30, is after today (2026-11-29)")):
        update_data(raw, feed_date=date(2026, 11, 30))
    assert TODAY == update_data(raw).current.feed_date


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"feed": 42}, crsrules.InvalidArgumentsError),
        ({"feed": b"{}", "max_bytes": 0}, crsrules.InvalidValueError),
        ({"feed": b"{}", "feed_date": "2026-09-01"}, crsrules.InvalidValueError),
    ],
)
def test_bad_arguments(kwargs, error):
    feed = kwargs.pop("feed")
    with pytest.raises(error):
        update_data(feed, **kwargs)


def test_a_missing_file_is_a_feed_error(tmp_path):
    with pytest.raises(FeedError, match=r"cannot read .*nothing\.json: No such file or directory"):
        update_data(tmp_path / "nothing.json")


# --- status ---------------------------------------------------------------------------------------------------------


def test_the_status_of_the_package_data(folder):
    status = data_status(today=date(2026, 8, 25))
    assert ("package:2026-08-20", "437") == (status.in_use.id, status.in_use.last_round)
    assert status.package == status.in_use
    assert "does not exist: no update yet" == status.folder_state
    assert str(folder) == status.folder
    assert date(2026, 8, 20) == status.rules_last_known_date == crsrules.rules.LAST_KNOWN_DATE
    assert [("rounds", "2026-08-20", "package"), ("pool distributions", "2026-08-20", "package"),
            ("category lists", "2026-11-25", "package"), ("NOC unit groups", "NOC 2021 V1.0", "package")] == [
        (d.name, d.version, d.origin) for d in status.datasets
    ]  # fmt: skip
    assert ["crsrules data update"] * 2 + ["a crsrules release"] * 2 == [d.updated_by for d in status.datasets]
    assert 1 == len(status.stale)
    assert status.stale[0].startswith("the rules: last confirmed in force on 2026-08-20, 5 days before 2026-08-25")
    stale = data_status(today=TODAY).stale
    assert stale[1].startswith("the rounds: from IRCC's feed of 2026-08-20, 101 days before 2026-11-29")
    assert "crsrules data update FILE" in stale[1]
    assert () == data_status(today=date(2026, 8, 20)).stale
    assert "Nothing is stale on 2026-08-20." == data_status(today=date(2026, 8, 20)).lines()[-1]


def test_the_status_after_an_update(tmp_path):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    status = data_status(today=date(2026, 9, 25))
    assert ("user", "in use", "437") == (status.in_use.origin, status.folder_state, status.package.last_round)
    assert [("rounds", "2026-09-20", "user"), ("pool distributions", "2026-09-20", "user")] == [
        (d.name, d.version, d.origin) for d in status.datasets[:2]
    ]
    assert ("category lists", "package") == (status.datasets[2].name, status.datasets[2].origin)
    assert [line.split(":")[0] for line in status.stale] == ["the rules"]
    data = json.loads(json.dumps(status.as_dict()))
    assert {"in_use", "package", "folder", "folder_state", "datasets", "rules_last_known_date", "newest_rules",
            "today", "corrections", "unknown_round_names", "stale"} == set(data)  # fmt: skip
    assert "2026-09-20" == data["in_use"]["feed_date"]


def test_data_status_is_public_at_the_top_level():
    assert crsrules.data_status is data_status
    assert crsrules.UserDataWarning is UserDataWarning
    with pytest.raises(crsrules.InvalidValueError):
        data_status(today="2026-01-01")  # type: ignore[arg-type]


def test_the_package_manifest_matches_the_files():
    """Each dataset's hash and rows in data/manifest.json are its file's, and data/README.md gives the same hash."""
    data = resources.files("crsrules.data")
    readme = data.joinpath("README.md").read_text(encoding="utf-8")
    for entry in json.loads(data.joinpath("manifest.json").read_text(encoding="utf-8"))["datasets"]:
        raw = data.joinpath(entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest(), entry["name"]
        assert entry["rows"] == raw.count(b"\n") - 1, entry["name"]
        assert f"`{entry['sha256']}`" in readme
        assert entry["provenance"].strip()


def test_the_stale_rules_warning_names_data_status():
    with pytest.warns(crsrules.StaleRulesWarning, match=re.escape("'crsrules data status' shows how current")):
        crsrules.rules_in_force(date(2026, 9, 1))


def test_data_dir_defaults_to_platformdirs(monkeypatch):
    monkeypatch.delenv("CRSRULES_DATA_DIR")
    assert "crsrules" == draws.data_dir().name
    monkeypatch.setenv("CRSRULES_DATA_DIR", "")
    assert "crsrules" == draws.data_dir().name


# --- the command ----------------------------------------------------------------------------------------------------


def run(capsys, *argv):
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def test_data_update_then_data_status(tmp_path, capsys, folder):
    path = write(tmp_path, newer_feed(("438", date(2026, 9, 2))))
    code, out, err = run(capsys, "data", "update", str(path))
    assert (0, "") == (code, err)
    assert out.startswith(f"updated the rounds data in {folder}\n")
    assert "  new rounds: 438\n" in out
    code, out, err = run(capsys, "data", "status")
    assert (0, "") == (code, err)
    assert out.startswith(f"Rounds data in use: the user data folder ({folder}), version user:2026-09-20:")
    assert "  last round: 438 of 2026-09-02 (439 rounds, 221 pool distributions)\n" in out
    code, out, _ = run(capsys, "data", "status", "--format", "json")
    assert "438" == json.loads(out)["in_use"]["last_round"]
    code, out, _ = run(capsys, "draws", "--year", "2026", "--kind", "cec")
    assert "  438  2026-09-02   3,000   515  Canadian Experience Class\n" in out


def test_data_update_json_and_the_package_feed(tmp_path, capsys):
    code, out, _ = run(capsys, "data", "update", str(write(tmp_path, base_feed(), "ee_rounds_123_en.2026-08-20.json")),
                       "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert (0, False, []) == (code, data["written"], data["new_rounds"])


def test_data_update_reads_standard_input(capsys, monkeypatch):
    raw = json.dumps(newer_feed(("438", date(2026, 9, 2)))).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, err = run(capsys, "data", "update", "-", "--feed-date", "2026-09-03")
    assert (0, "") == (code, err)
    assert "feed of 2026-09-03" in out


def test_data_update_refuses_a_bad_feed_with_status_2(tmp_path, capsys, folder):
    code, out, err = run(capsys, "data", "update", str(write(tmp_path, _broken("negative cut-off"))))
    assert (2, "") == (code, out)
    assert err.startswith("crsrules: error: the rounds feed cannot be used: round 438, drawCRS: must be a CRS score")
    assert "@ $.rounds[0].drawCRS" in err
    assert "Traceback" not in err
    assert not folder.exists()


def test_data_update_refuses_an_older_feed_unless_forced(tmp_path, capsys):
    feed = base_feed()
    feed["rounds"] = feed["rounds"][1:]
    path = write(tmp_path, feed, "ee_rounds_123_en.2026-08-18.json")
    code, _, err = run(capsys, "data", "update", str(path))
    assert 2 == code
    assert "older than the data in use" in err
    assert "give --force" in err
    code, out, _ = run(capsys, "data", "update", str(path), "--force")
    assert 0 == code
    assert "kept, though the feed lacks them (--force): rounds 437" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--max-input-bytes", "100"], "is larger than 100 bytes"),
        (["--feed-date", "2026-12-25"], "the feed's date, 2026-12-25, is after today"),
        (["--feed-date", "tomorrow"], "not an ISO date"),
    ],
)
def test_data_update_options(tmp_path, capsys, argv, message):
    code, _, err = run(capsys, "data", "update", str(write(tmp_path, newer_feed(("438", date(2026, 9, 2))))), *argv)
    assert 2 == code
    assert message in err


def test_data_update_from_a_too_large_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" " * 2000), encoding="utf-8"))
    code, _, err = run(capsys, "data", "update", "-", "--max-input-bytes", "1000")
    assert 2 == code
    assert "standard input is larger than the input size limit of 1,000 bytes (IRCC's rounds feed is about" in err


def test_a_corrupt_folder_is_a_warning_on_the_command_line(tmp_path, capsys, folder):
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)))))
    _corrupt(folder, "edited")
    _load.reset()
    code, out, err = run(capsys, "draws", "--year", "2026", "--kind", "cec")
    assert 0 == code
    assert err.startswith(f"crsrules: warning: the rounds data in the user data folder {folder} cannot be used")
    assert "  438  " not in out


def test_the_data_command_needs_an_action(capsys):
    assert 2 == run(capsys, "data")[0]


def test_replaying_updated_rounds_warns_once_per_message(tmp_path, capsys):
    """Rounds after the rules' last known date each warn once, not once per check."""
    update_data(write(tmp_path, newer_feed(("438", date(2026, 9, 2)), ("439", date(2026, 9, 16)))))
    path = str(CANDIDATES / "stem-developer-abroad.json")
    code, _, err = run(capsys, "invited", path, "--since", "2026-09-01")
    assert 0 == code
    lines = err.splitlines()
    assert 2 == len(lines)
    assert len(set(lines)) == len(lines)
    assert all("'crsrules data status' shows how current" in line for line in lines)
