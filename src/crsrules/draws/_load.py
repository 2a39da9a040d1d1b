"""Reading and checking the rounds data, once, the first time it is used: the package's, or a newer one.

The package's files and their provenance are described in ``crsrules/data/README.md`` and ``manifest.json``. Every row
is checked; an error names the file, the line and the problem. IRCC's oddities are accepted only where they are known,
one by one, below. The same reader checks the files that ``crsrules data update`` writes in the user data folder
(``_store``), which may also hold rounds of a category crsrules does not know yet and pool distributions that do not
add up (both reported when the feed was read); the newest valid data is the one in use.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs
from attrs import frozen

from crsrules.draws._record import (
    _NUMBER,
    DataVersion,
    Draw,
    PoolDistribution,
    RoundCorrection,
    ScoreRange,
    _number_key,
)
from crsrules.draws._rounds import DrawKind, is_known_round_name, round_type
from crsrules.draws._store import POOL, ROUNDS, CorruptFolderError, Stored, UserDataWarning, data_dir, read_folder
from crsrules.errors import InvalidValueError, UnknownRoundNameError
from crsrules.tables import RulesDefinitionError

__all__ = ["DrawDataError"]

_DATA_PACKAGE = "crsrules.data"
_ROUNDS_FILE = "express-entry-rounds.csv"
_POOL_FILE = "express-entry-pool-distribution.csv"
_MANIFEST_FILE = "manifest.json"

_ROUNDS_COLUMNS = ("round", "date", "round_type", "invitations", "crs_cutoff", "tie_break", "source")
_POOL_COLUMNS = ("round", "as_of_date", "range", "candidates")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_COUNT = re.compile(r"0|[1-9][0-9]*")


class DrawDataError(RulesDefinitionError):
    """The rounds data shipped with crsrules is malformed (a mistake in the package, not in the caller's input).

    The message names the file, the line and the problem.

    .. versionadded:: 0.1.0
    """


# Round 208's tie-breaking time as IRCC published it, without a year (README-rounds.md, "tie_break"): the only cell
# of the tie_break column that is not an ISO UTC time. Any other unreadable cell stops the data from loading.
_UNREADABLE_TIE_BREAKS: Final = MappingProxyType({"208": "October 7 at 16:38:21 UTC"})

# Round 247's published distribution does not add up (README-rounds.md, "Oddities"): the 451-500 subtotal and the
# total are 180 more than the ranges. Any other distribution must add up exactly.
_INCONSISTENT_DISTRIBUTIONS: Final = frozenset({"247"})

# IRCC's labels of the 18 figures (dd1 to dd18), in the feed's order; the subtotals and the total are marked.
_POOL_LABELS: Final = (
    "601-1200",
    "501-600",
    "451-500",  # subtotal of the next five
    "491-500",
    "481-490",
    "471-480",
    "461-470",
    "451-460",
    "401-450",  # subtotal of the next five
    "441-450",
    "431-440",
    "421-430",
    "411-420",
    "401-410",
    "351-400",
    "301-350",
    "0-300",
    "Total",
)
_SUBTOTAL_LABELS: Final = frozenset({"451-500", "401-450"})
_TOTAL_LABEL: Final = "Total"


def _read(name: str) -> str:
    return resources.files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _rows(text: str, *, source: str, columns: tuple[str, ...]) -> Iterable[tuple[str, list[str]]]:
    """The rows of a CSV file after its header, each with a "file, line N" label for error messages."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != columns:
        msg = f"{source}: the header must be {','.join(columns)} (got {header!r})"
        raise DrawDataError(msg)
    for row in reader:
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(columns):
            msg = f"{where}: expected {len(columns)} columns, {','.join(columns)} (got {row!r})"
            raise DrawDataError(msg)
        yield where, row


def _parse_date(where: str, column: str, text: str) -> date:
    try:
        if _ISO_DATE.fullmatch(text) is None:
            raise ValueError(text)  # noqa: TRY301 (one message for both kinds of bad date)
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{where}: {column} must be an ISO date YYYY-MM-DD (got {text!r})"
        raise DrawDataError(msg) from None


def _parse_count(where: str, column: str, text: str) -> int:
    if _COUNT.fullmatch(text) is None:
        msg = f"{where}: {column} must be a whole number without separators (got {text!r})"
        raise DrawDataError(msg)
    return int(text)


def _parse_tie_break(where: str, number: str, text: str) -> tuple[datetime | None, str | None]:
    """The tie-breaking time and, when it cannot be read, IRCC's words (only the known case of round 208)."""
    if not text:
        return None, None
    if _ISO_UTC.fullmatch(text) is not None:
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), None
        except ValueError:
            pass
    if _UNREADABLE_TIE_BREAKS.get(number) == text:
        return None, text
    msg = f"{where}: tie_break must be empty or an ISO UTC time YYYY-MM-DDTHH:MM:SSZ (got {text!r})"
    raise DrawDataError(msg)


def _parse_rounds(text: str, *, source: str = _ROUNDS_FILE, strict: bool = True) -> tuple[Draw, ...]:
    """Read and check the rounds; errors name the file and line.

    Not *strict* (the user data folder's files), a round name crsrules does not know is a round of an unknown
    category (see :attr:`Draw.category_known`).
    """
    draws: list[Draw] = []
    for where, row in _rows(text, source=source, columns=_ROUNDS_COLUMNS):
        draw = _parse_round(where, row, strict=strict)
        if draws:
            before = draws[-1]
            if _number_key(draw.number) <= _number_key(before.number):
                msg = f"{where}: round {draw.number} must come after round {before.number} (by number, then suffix)"
                raise DrawDataError(msg)
            if draw.date < before.date:
                msg = (
                    f"{where}: round {draw.number} ({draw.date}) is dated before round {before.number} ({before.date})"
                )
                raise DrawDataError(msg)
        draws.append(draw)
    if not draws:
        msg = f"{source}: no rounds"
        raise DrawDataError(msg)
    return tuple(draws)


def _parse_round(where: str, row: list[str], *, strict: bool = True) -> Draw:
    """One row of the rounds file; a category round takes its category from the category version its name names."""
    number, day, name, invitations, cutoff, tie_break, source = row
    if _NUMBER.fullmatch(number) is None:
        msg = f"{where}: round must be a number, with a letter suffix for 91a and 91b (got {number!r})"
        raise DrawDataError(msg)
    kind = None  # not strict: a name crsrules does not know is a round of a category it does not know
    try:
        if strict or is_known_round_name(name):
            kind = round_type(name)
    except UnknownRoundNameError as exc:
        msg = (
            f"{where}: round {number}: {exc} Add a program round's name to crsrules.draws._rounds._PROGRAM_ROUNDS, "
            "or a category round's name to its category version's round names."
        )
        raise DrawDataError(msg) from exc
    if kind is not None and kind.name != name:
        msg = f"{where}: round {number}: round_type must be IRCC's current name {kind.name!r} (got {name!r})"
        raise DrawDataError(msg)
    if not source.strip():
        msg = f"{where}: round {number}: source must name where the row comes from"
        raise DrawDataError(msg)
    moment, words = _parse_tie_break(where, number, tie_break)
    try:
        return Draw(
            number=number,
            date=_parse_date(where, "date", day),
            kind=DrawKind.CATEGORY if kind is None else kind.kind,
            category=None if kind is None else kind.category,
            round_name=name,
            invitations=_parse_count(where, "invitations", invitations),
            cutoff=_parse_count(where, "crs_cutoff", cutoff),
            tie_break=moment,
            tie_break_text=words,
            source=source,
        )
    except InvalidValueError as exc:
        msg = f"{where}: round {number}: {exc}"
        raise DrawDataError(msg) from exc


def _parse_distributions(
    text: str, draws: Sequence[Draw], *, source: str = _POOL_FILE, strict: bool = True
) -> tuple[PoolDistribution, ...]:
    """Read and check the pool distributions: 18 rows per round, in IRCC's order; errors name the file and line.

    Not *strict* (the user data folder's files), a distribution may not add up (:attr:`PoolDistribution.discrepancies`
    says how).
    """
    by_number = {d.number: d for d in draws}
    blocks: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    order: list[str] = []
    for where, row in _rows(text, source=source, columns=_POOL_COLUMNS):
        number = row[0]
        if number not in blocks:
            order.append(number)
        elif order[-1] != number:
            msg = f"{where}: the rows of round {number} must be consecutive"
            raise DrawDataError(msg)
        blocks[number].append((where, row))
    result = [_distribution_of(number, blocks[number], by_number, strict=strict) for number in order]
    for before, after in pairwise(result):
        if _number_key(after.round_number or "") <= _number_key(before.round_number or ""):
            msg = f"{source}: round {after.round_number} must come after round {before.round_number}"
            raise DrawDataError(msg)
    return tuple(result)


def _distribution_of(
    number: str, rows: list[tuple[str, list[str]]], by_number: dict[str, Draw], *, strict: bool = True
) -> PoolDistribution:
    first = rows[0][0]
    draw = by_number.get(number)
    if draw is None:
        msg = f"{first}: round {number} is not in {_ROUNDS_FILE}"
        raise DrawDataError(msg)
    labels = tuple(row[2] for _, row in rows)
    if labels != _POOL_LABELS:
        msg = f"{first}: round {number} must have the 18 ranges {', '.join(_POOL_LABELS)} in this order (got {labels})"
        raise DrawDataError(msg)
    as_of = {row[1] for _, row in rows}
    if len(as_of) != 1:
        msg = f"{first}: round {number} has more than one as_of_date: {sorted(as_of)}"
        raise DrawDataError(msg)
    day = _parse_date(first, "as_of_date", next(iter(as_of)))
    if day > draw.date:
        msg = f"{first}: round {number}'s pool is as of {day}, after the round's date {draw.date}"
        raise DrawDataError(msg)
    ranges: list[ScoreRange] = []
    subtotals: list[ScoreRange] = []
    total = 0
    for where, (_, _, label, count) in rows:
        candidates = _parse_count(where, "candidates", count)
        if label == _TOTAL_LABEL:
            total = candidates
            continue
        low, high = (int(x) for x in label.split("-"))
        score_range = ScoreRange(low=low, high=high, candidates=candidates)
        (subtotals if label in _SUBTOTAL_LABELS else ranges).append(score_range)
    distribution = PoolDistribution(
        round_number=number,
        as_of=day,
        ranges=tuple(ranges),
        subtotals=tuple(subtotals),
        total=total,
        # The pool figures come from the same copy of IRCC's feed as the round (README-rounds.md, "Primary source").
        source=draw.source,
    )
    if total == 0:
        msg = f"{first}: round {number}'s distribution is all zeros: IRCC published none, so leave the round out"
        raise DrawDataError(msg)
    if strict and distribution.discrepancies and number not in _INCONSISTENT_DISTRIBUTIONS:
        msg = f"{first}: round {number}'s distribution does not add up: {'; '.join(distribution.discrepancies)}"
        raise DrawDataError(msg)
    return distribution


# -- Writing the same formats (for the user data folder) -------------------------------------------------------------


def _tie_break_cell(draw: Draw) -> str:
    if draw.tie_break is not None:
        return draw.tie_break.strftime("%Y-%m-%dT%H:%M:%SZ")
    return draw.tie_break_text or ""


def rounds_csv(draws: Iterable[Draw]) -> str:
    """The rounds as the text of ``express-entry-rounds.csv``: the header, then one row per round, in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_ROUNDS_COLUMNS)
    writer.writerows(
        (d.number, d.date.isoformat(), d.round_name, d.invitations, d.cutoff, _tie_break_cell(d), d.source)
        for d in draws
    )
    return out.getvalue()


def pool_counts(distribution: PoolDistribution) -> dict[str, int]:
    """IRCC's 18 figures of a distribution by their labels, in the feed's order (dd1 to dd18)."""
    by_label = {r.label: r.candidates for r in (*distribution.ranges, *distribution.subtotals)}
    by_label[_TOTAL_LABEL] = distribution.candidates if distribution.total is None else distribution.total
    return {label: by_label[label] for label in _POOL_LABELS}


def distributions_csv(distributions: Iterable[PoolDistribution]) -> str:
    """The distributions as the text of ``express-entry-pool-distribution.csv``: 18 rows per round, in order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_POOL_COLUMNS)
    for d in distributions:
        as_of = "" if d.as_of is None else d.as_of.isoformat()
        writer.writerows((d.round_number, as_of, label, count) for label, count in pool_counts(d).items())
    return out.getvalue()


# -- The data in use -------------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class Dataset:
    """Rounds data, checked: the rounds, their pool distributions, its version and what it knows of corrections."""

    draws: tuple[Draw, ...]
    distributions: tuple[PoolDistribution, ...]
    version: DataVersion
    #: The rounds IRCC corrected, as recorded by ``crsrules data update`` (user data only).
    corrections: tuple[RoundCorrection, ...] = ()
    #: Why the user data folder's data is not in use, when it has some; None otherwise.
    folder_note: str | None = None


def _combined_sha256(rounds_text: str, pool_text: str) -> str:
    parts = (hashlib.sha256(t.encode("utf-8")).hexdigest() for t in (rounds_text, pool_text))
    return hashlib.sha256("".join(parts).encode("ascii")).hexdigest()


@cache
def package_manifest() -> Mapping[str, Any]:
    """The package data's manifest (``crsrules/data/manifest.json``): each dataset's version and provenance."""
    manifest: dict[str, Any] = json.loads(_read(_MANIFEST_FILE))
    return MappingProxyType(manifest)


def package_dataset_entry(name: str) -> Mapping[str, Any]:
    """The manifest's entry of one package dataset, such as ``"rounds"``."""
    entry: Mapping[str, Any] = next(d for d in package_manifest()["datasets"] if d["name"] == name)
    return entry


def package_feed_date() -> date:
    """The date of the IRCC feed the package's rounds come from (the rounds dataset's version)."""
    return date.fromisoformat(package_dataset_entry("rounds")["version"])


@frozen(kw_only=True)
class _Origin:
    """Where a dataset's two texts come from, for its version and its error messages."""

    origin: str
    feed_date: date
    provenance: str
    folder: Path | None = None
    names: tuple[str, str] = (_ROUNDS_FILE, _POOL_FILE)


def _dataset_of(rounds_text: str, pool_text: str, where: _Origin, *, strict: bool = True) -> Dataset:
    draws = _parse_rounds(rounds_text, source=where.names[0], strict=strict)
    distributions = _parse_distributions(pool_text, draws, source=where.names[1], strict=strict)
    last = draws[-1]
    version = DataVersion(
        origin=where.origin,
        feed_date=where.feed_date,
        last_round=last.number,
        last_round_date=last.date,
        rounds=len(draws),
        distributions=len(distributions),
        provenance=where.provenance,
        sha256=_combined_sha256(rounds_text, pool_text),
        folder=None if where.folder is None else str(where.folder),
    )
    return Dataset(draws=draws, distributions=distributions, version=version)


@cache
def package_dataset() -> Dataset:
    """The rounds data shipped with crsrules, read and checked once."""
    provenance = package_dataset_entry("rounds")["provenance"]
    where = _Origin(origin="package", feed_date=package_feed_date(), provenance=provenance)
    return _dataset_of(_read(_ROUNDS_FILE), _read(_POOL_FILE), where)


def _user_dataset(stored: Stored) -> Dataset:
    """The data of a checked user data folder; raises CorruptFolderError if it does not read as rounds data."""
    files = stored.manifest["files"]
    names = (str(stored.folder / files[ROUNDS]["name"]), str(stored.folder / files[POOL]["name"]))
    where = _Origin(
        origin="user", feed_date=stored.feed_date, provenance=stored.provenance, folder=stored.folder, names=names
    )
    try:
        dataset = _dataset_of(stored.rounds_text, stored.pool_text, where, strict=False)
        corrections = tuple(_correction(entry) for entry in stored.manifest.get("corrections", ()))
    except (DrawDataError, InvalidValueError, KeyError, TypeError, ValueError) as exc:
        msg = f"its data cannot be read: {exc}"
        raise CorruptFolderError(msg) from None
    return attrs.evolve(dataset, corrections=corrections)


def _correction(entry: object) -> RoundCorrection:
    if not isinstance(entry, dict):
        msg = f"a correction must be an object (got {type(entry).__name__})"
        raise TypeError(msg)
    return RoundCorrection(
        round=str(entry["round"]),
        field=str(entry["field"]),
        old=str(entry["old"]),
        new=str(entry["new"]),
        feed_date=date.fromisoformat(entry["feed_date"]),
    )


_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


def _warn(message: str) -> None:
    """Emit a :class:`UserDataWarning` that points at the first caller outside crsrules."""
    level = 2
    frame = sys._getframe(1)  # noqa: SLF001 (the standard way to find the caller's depth on Python 3.11)
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(_PACKAGE_DIR):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, UserDataWarning, stacklevel=level)


@cache
def dataset() -> Dataset:
    """The rounds data in use: the user data folder's when it is valid and not older than the package's.

    A folder that exists but cannot be used is ignored with a :class:`UserDataWarning`.
    """
    folder = data_dir()
    package = package_dataset()
    try:
        stored = read_folder(folder)
        if stored is None:
            return package
        if stored.feed_date < package.version.feed_date:
            note = (
                f"its rounds (feed of {stored.feed_date.isoformat()}) are older than the package data's (feed of "
                f"{package.version.feed_date.isoformat()}), which is in use"
            )
            return attrs.evolve(package, folder_note=note)
        return _user_dataset(stored)
    except CorruptFolderError as exc:
        note = f"{exc}; it is ignored"
        _warn(
            f"the rounds data in the user data folder {folder} cannot be used: {exc}. crsrules uses the rounds data "
            f"shipped with it (feed of {package.version.feed_date.isoformat()}); 'crsrules data update' writes the "
            "folder anew, and 'crsrules data status' shows the data in use"
        )
        return attrs.evolve(package, folder_note=note)


@cache
def _draws() -> tuple[Draw, ...]:
    """Every round, oldest first, of the data in use."""
    return dataset().draws


@cache
def _by_number() -> MappingProxyType[str, Draw]:
    return MappingProxyType({d.number: d for d in _draws()})


@cache
def _distributions() -> MappingProxyType[str, PoolDistribution]:
    return MappingProxyType({d.round_number: d for d in dataset().distributions if d.round_number is not None})


def reset() -> None:
    """Forget the data read, so that the next query reads the data in use again (after an update)."""
    for cached in (dataset, _draws, _by_number, _distributions):
        cached.cache_clear()
