"""Bringing the rounds up to date from a newer copy of IRCC's rounds feed, without a new release of crsrules.

:func:`update_data` reads a feed, checks it, merges it with the data in use and writes the result to the user data
folder (``_store``). Merging never loses a published round: a feed older than the data in use, or one that lacks a
round or a pool distribution the data has, is refused unless ``force=True``, and even then the rounds it lacks are
kept. A round whose published values changed (IRCC corrects rounds) takes the feed's values, and each change is
reported field by field and recorded in the folder's manifest, which ``crsrules data status`` lists.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

import attrs
from attrs import frozen

from crsrules.draws._feed import FEED_NAME, Feed, FeedError, parse_feed
from crsrules.draws._load import (
    DrawDataError,
    _dataset_of,
    _Origin,
    dataset,
    distributions_csv,
    pool_counts,
    reset,
    rounds_csv,
)
from crsrules.draws._record import DataVersion, Draw, PoolDistribution, RoundCorrection, _number_key
from crsrules.draws._store import data_dir, write_folder
from crsrules.errors import InvalidArgumentsError, InvalidValueError

__all__ = ["DEFAULT_MAX_FEED_BYTES", "OlderFeedError", "UpdateReport", "update_data"]

#: The largest feed :func:`update_data` reads, in bytes, unless told otherwise: IRCC's feed is about 800 KB, and grows
#: by about 2 KB a round.
DEFAULT_MAX_FEED_BYTES: Final = 20_000_000
# A date in a file's name, as in "ee_rounds_123_en.2026-08-20.json".
_NAME_DATE = re.compile(r"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")
# How many rounds a message lists before it counts the others.
_LISTED = 10


class OlderFeedError(FeedError):
    """A feed older than the rounds data in use, or one that lacks rounds the data has: refused unless forced.

    Attributes:
        missing: The numbers of the rounds the data has and the feed lacks (possibly empty).

    .. versionadded:: 0.2.0
    """

    def __init__(self, problem: str, *, missing: Iterable[str] = ()) -> None:
        self.missing = tuple(missing)
        super().__init__(problem)


@frozen(kw_only=True)
class UpdateReport:
    """What :func:`update_data` found in a feed and did.

    .. versionadded:: 0.2.0
    """

    #: The data in use before the update.
    previous: DataVersion
    #: The data in use after it (the same as :attr:`previous` when nothing was written).
    current: DataVersion
    #: Whether the user data folder was written.
    written: bool
    #: The user data folder.
    folder: str
    #: The rounds the feed added, by number.
    new_rounds: tuple[str, ...] = ()
    #: The pool distributions the feed added to rounds the data had (published late), by round number; a new
    #: round's distribution comes with the round.
    new_distributions: tuple[str, ...] = ()
    #: The published values that the feed changed, field by field.
    corrections: tuple[RoundCorrection, ...] = ()
    #: The rounds of the data in use that the feed lacks, kept (only with ``force=True``).
    kept_rounds: tuple[str, ...] = ()
    #: Rounds whose name crsrules does not know (a new category), as (number, name): kept with no category.
    unknown_round_names: tuple[tuple[str, str], ...] = ()
    #: What the feed reader noted (see :attr:`crsrules.draws.Feed.notes`).
    notes: tuple[str, ...] = ()

    def lines(self) -> tuple[str, ...]:
        """The report in words, one line each."""
        out = []
        if self.written:
            out.append(f"updated the rounds data in {self.folder}")
        else:
            out.append(f"the rounds data in use is already up to date: nothing written to {self.folder}")
        out.append(f"  before: {_describe(self.previous)}")
        if self.written:
            out.append(f"  now:    {_describe(self.current)}")
        if self.new_rounds:
            out.append(f"  new rounds: {_listed(self.new_rounds)}")
        if self.new_distributions:
            out.append(f"  new pool distributions: {_listed(self.new_distributions)}")
        out.extend(f"  corrected by IRCC: {c}" for c in self.corrections)
        if self.kept_rounds:
            out.append(f"  kept, though the feed lacks them (--force): rounds {_listed(self.kept_rounds)}")
        out.extend(
            f"  unknown round name, kept with no category: round {number}, {name!r} (a newer crsrules may know it)"
            for number, name in self.unknown_round_names
        )
        out.extend(f"  note: {note}" for note in self.notes)
        return tuple(out)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready data."""
        return {
            "written": self.written,
            "folder": self.folder,
            "previous": self.previous.as_dict(),
            "current": self.current.as_dict(),
            "new_rounds": list(self.new_rounds),
            "new_distributions": list(self.new_distributions),
            "corrections": [c.as_dict() for c in self.corrections],
            "kept_rounds": list(self.kept_rounds),
            "unknown_round_names": [{"round": n, "name": name} for n, name in self.unknown_round_names],
            "notes": list(self.notes),
        }


def _describe(version: DataVersion) -> str:
    where = "package data" if version.origin == "package" else "user data"
    return (
        f"{where}, feed of {version.feed_date.isoformat()}: {version.rounds} rounds to round {version.last_round} "
        f"({version.last_round_date.isoformat()}), {version.distributions} pool distributions"
    )


def _listed(numbers: tuple[str, ...]) -> str:
    shown = ", ".join(numbers[:_LISTED])
    return shown if len(numbers) <= _LISTED else f"{shown} and {len(numbers) - _LISTED} more"


def _today() -> date:
    """Today in UTC (the clock), the latest date a feed can have."""
    return datetime.now(UTC).date()


def _read_limited(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror or exc}"
        raise FeedError(msg) from None
    if len(raw) > limit:
        msg = f"{path} is larger than {limit:,} bytes, more than any rounds feed (IRCC's is about 800 KB)"
        raise FeedError(msg)
    return raw


def _feed_date_of(path: Path | None, given: date | None) -> date:
    """The feed's date: the one given, else a date in the file's name, else the file's modification day (UTC)."""
    if given is not None:
        return given
    if path is None:
        return _today()
    found = _NAME_DATE.search(path.name)
    if found is not None:
        try:
            return date.fromisoformat(found[1])
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
    except (OSError, OverflowError, ValueError):
        return _today()


def update_data(
    feed: str | os.PathLike[str] | bytes,
    *,
    force: bool = False,
    feed_date: date | None = None,
    max_bytes: int = DEFAULT_MAX_FEED_BYTES,
) -> UpdateReport:
    """Bring the rounds data up to date from a copy of IRCC's rounds feed, and store it in the user data folder.

    The feed is read and checked whole (:func:`read_feed`), then merged with the data in use: new rounds and pool
    distributions are added, and a round whose published values changed takes the feed's (each change is in the
    report). The merged data is written to the user data folder (:func:`data_dir`) atomically, and is the data in use
    from then on, in this process and in the next ones. A feed that brings nothing new writes nothing.

    Args:
        feed: The path of the feed file, or its bytes.
        force: Take a feed older than the data in use, or one that lacks rounds the data has; the rounds it lacks
            are kept all the same.
        feed_date: The day the feed was downloaded. By default the date in the file's name
            (``ee_rounds_123_en.2026-08-20.json``), else the file's modification day; today for bytes. No date in
            the feed may be later, and it may not be after today.
        max_bytes: The largest feed read (default 20,000,000 bytes).

    Returns:
        What was found and done.

    Raises:
        FeedError: The feed cannot be read or is not valid (the message names the round, the field and its JSON
            path); nothing was written.
        OlderFeedError: The feed is older than the data in use, or lacks rounds it has, and *force* is False;
            nothing was written.
        DataFolderError: The folder cannot be written; the data in it is unchanged.

    .. versionadded:: 0.2.0
    """
    if type(max_bytes) is not int or max_bytes < 1:
        raise InvalidValueError("max_bytes", max_bytes, "a whole number of bytes, at least 1")
    if feed_date is not None and (not isinstance(feed_date, date) or isinstance(feed_date, datetime)):
        raise InvalidValueError("feed_date", feed_date, "a datetime.date, or None")
    if isinstance(feed, bytes):
        if len(feed) > max_bytes:
            msg = f"the feed is larger than {max_bytes:,} bytes, more than any rounds feed (IRCC's is about 800 KB)"
            raise FeedError(msg)
        path, raw = None, feed
    elif isinstance(feed, str | os.PathLike):
        path = Path(feed)
        raw = _read_limited(path, max_bytes)
    else:
        raise InvalidArgumentsError(f"feed must be a path or bytes, not {type(feed).__name__}")
    day = _feed_date_of(path, feed_date)
    if day > _today():
        msg = f"the feed's date, {day.isoformat()}, is after today ({_today().isoformat()})"
        raise FeedError(msg)
    name = FEED_NAME if path is None else path.name
    read = parse_feed(raw, feed_date=day, source=f"IRCC {FEED_NAME} of {day.isoformat()} ({name[:80]})")
    return _merge_and_write(read, day, force=force)


def _merge_and_write(feed: Feed, day: date, *, force: bool) -> UpdateReport:
    current = dataset()
    folder = data_dir()
    missing = [d.number for d in current.draws if d.number not in {f.number for f in feed.draws}]
    feed_pools = {p.round_number for p in feed.distributions}
    missing_pools = [p.round_number or "" for p in current.distributions if p.round_number not in feed_pools]
    older = day < current.version.feed_date
    if (older or missing or missing_pools) and not force:
        raise OlderFeedError(_refusal(current.version, day, missing, missing_pools, feed), missing=missing)
    merged_draws, draw_changes, new_rounds = _merge_draws(current.draws, feed.draws, day)
    merged_pools, pool_changes, new_pools = _merge_pools(current.distributions, feed.distributions, day)
    corrections = tuple(sorted((*draw_changes, *pool_changes), key=lambda c: _number_key(c.round)))
    new_date = max(day, current.version.feed_date)
    changed = bool(new_rounds or new_pools or corrections)
    report = UpdateReport(
        previous=current.version,
        current=current.version,
        written=False,
        folder=str(folder),
        new_rounds=tuple(new_rounds),
        new_distributions=tuple(n for n in new_pools if n not in set(new_rounds)),
        corrections=corrections,
        kept_rounds=tuple(missing),
        unknown_round_names=feed.unknown_round_names,
        notes=feed.notes,
    )
    if not changed and new_date == current.version.feed_date:
        return report
    rounds_text, pool_text = rounds_csv(merged_draws), distributions_csv(merged_pools)
    provenance = _provenance(current.version, day, force=force, missing=missing)
    try:  # the merged data must read back as it will be read from the folder
        where = _Origin(origin="user", feed_date=new_date, provenance=provenance)
        _dataset_of(rounds_text, pool_text, where, strict=False)
    except (DrawDataError, InvalidValueError) as exc:
        msg = f"the feed merged with the data in use is not valid: {exc}"
        raise FeedError(msg) from None
    manifest = {
        "written_by": f"crsrules data update, {datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "feed_date": new_date.isoformat(),
        "provenance": provenance,
        "last_round": merged_draws[-1].number,
        "last_round_date": merged_draws[-1].date.isoformat(),
        "corrections": [c.as_dict() for c in (*current.corrections, *corrections)],
    }
    write_folder(folder, rounds_text, pool_text, manifest)
    reset()
    return attrs.evolve(report, current=dataset().version, written=True)


def _refusal(version: DataVersion, day: date, missing: list[str], missing_pools: list[str], feed: Feed) -> str:
    in_use = _describe(version)
    newest = f"its newest round is {feed.draws[-1].number} ({feed.draws[-1].date.isoformat()})"
    if day < version.feed_date:
        problem = f"the feed is of {day.isoformat()} ({newest}), older than the data in use ({in_use})"
    elif missing:
        problem = f"the feed lacks rounds {_listed(tuple(missing))} that the data in use has ({in_use}; {newest})"
    else:
        problem = f"the feed lacks the pool distributions of rounds {_listed(tuple(missing_pools))} that the data has"
    return (
        f"{problem}: nothing was written. Download the current feed, or give --force (force=True) to merge this one "
        "anyway: no round the data has is lost"
    )


def _provenance(previous: DataVersion, day: date, *, force: bool, missing: list[str]) -> str:
    before = "the package data" if previous.origin == "package" else "the user data"
    forced = f" (forced: {len(missing)} rounds the feed lacks were kept)" if force and missing else ""
    return (
        f"IRCC's rounds feed {FEED_NAME} of {day.isoformat()}, merged by crsrules data update with {before} "
        f"(feed of {previous.feed_date.isoformat()}){forced}"
    )


_COMPARED: Final = ("date", "round_name", "invitations", "cutoff", "tie_break", "tie_break_text")


def _text(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _merge_draws(
    current: tuple[Draw, ...], feed: tuple[Draw, ...], day: date
) -> tuple[tuple[Draw, ...], list[RoundCorrection], list[str]]:
    """The rounds merged (the feed's values win; an unchanged round keeps its record), the corrections, the new ones."""
    merged = {d.number: d for d in current}
    changes: list[RoundCorrection] = []
    new: list[str] = []
    for draw in feed:
        before = merged.get(draw.number)
        if before is None:
            new.append(draw.number)
            merged[draw.number] = draw
            continue
        diffs = [
            RoundCorrection(round=draw.number, field=f, old=_text(getattr(before, f)), new=_text(getattr(draw, f)),
                            feed_date=day)
            for f in _COMPARED
            if getattr(before, f) != getattr(draw, f)
        ]  # fmt: skip
        if diffs:
            changes.extend(diffs)
            merged[draw.number] = draw
    ordered = tuple(sorted(merged.values(), key=lambda d: _number_key(d.number)))
    return ordered, changes, new


def _merge_pools(
    current: tuple[PoolDistribution, ...], feed: tuple[PoolDistribution, ...], day: date
) -> tuple[tuple[PoolDistribution, ...], list[RoundCorrection], list[str]]:
    """The pool distributions merged, the corrections, and the round numbers of the new ones."""
    merged = {p.round_number or "": p for p in current}
    changes: list[RoundCorrection] = []
    new: list[str] = []
    for pool in feed:
        number = pool.round_number or ""
        before = merged.get(number)
        if before is None:
            new.append(number)
            merged[number] = pool
            continue
        diffs = []
        if before.as_of != pool.as_of:
            diffs.append(("distribution as_of", _text(before.as_of), _text(pool.as_of)))
        old_counts, new_counts = pool_counts(before), pool_counts(pool)
        diffs.extend(
            (f"distribution {label}", str(old_counts[label]), str(count))
            for label, count in new_counts.items()
            if old_counts[label] != count
        )
        if diffs:
            changes.extend(RoundCorrection(round=number, field=f, old=o, new=n, feed_date=day) for f, o, n in diffs)
            merged[number] = pool
    ordered = tuple(sorted(merged.values(), key=lambda p: _number_key(p.round_number or "")))
    return ordered, changes, new
