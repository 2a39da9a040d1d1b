"""Reading and checking the rounds data shipped with crsrules, once, the first time it is used.

The files and their provenance are described in ``crsrules/data/README.md``. Every row is checked; an error names the
file, the line and the problem. IRCC's oddities are accepted only where they are known, one by one, below.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Final

from crsrules.draws._record import _NUMBER, Draw, PoolDistribution, ScoreRange, _number_key
from crsrules.draws._rounds import round_type
from crsrules.errors import InvalidValueError, UnknownRoundNameError
from crsrules.tables import RulesDefinitionError

__all__ = ["DrawDataError"]

_DATA_PACKAGE = "crsrules.data"
_ROUNDS_FILE = "express-entry-rounds.csv"
_POOL_FILE = "express-entry-pool-distribution.csv"

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


def _parse_rounds(text: str) -> tuple[Draw, ...]:
    """Read and check the rounds; errors name the file and line."""
    draws: list[Draw] = []
    for where, row in _rows(text, source=_ROUNDS_FILE, columns=_ROUNDS_COLUMNS):
        draw = _parse_round(where, row)
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
        msg = f"{_ROUNDS_FILE}: no rounds"
        raise DrawDataError(msg)
    return tuple(draws)


def _parse_round(where: str, row: list[str]) -> Draw:
    """One row of the rounds file; a category round takes its category from the category version its name names."""
    number, day, name, invitations, cutoff, tie_break, source = row
    if _NUMBER.fullmatch(number) is None:
        msg = f"{where}: round must be a number, with a letter suffix for 91a and 91b (got {number!r})"
        raise DrawDataError(msg)
    try:
        kind = round_type(name)
    except UnknownRoundNameError as exc:
        msg = (
            f"{where}: round {number}: {exc} Add a program round's name to crsrules.draws._rounds._PROGRAM_ROUNDS, "
            "or a category round's name to its category version's round names."
        )
        raise DrawDataError(msg) from exc
    if kind.name != name:
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
            kind=kind.kind,
            category=kind.category,
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


def _parse_distributions(text: str, draws: Sequence[Draw]) -> tuple[PoolDistribution, ...]:
    """Read and check the pool distributions: 18 rows per round, in IRCC's order; errors name the file and line."""
    by_number = {d.number: d for d in draws}
    blocks: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    order: list[str] = []
    for where, row in _rows(text, source=_POOL_FILE, columns=_POOL_COLUMNS):
        number = row[0]
        if number not in blocks:
            order.append(number)
        elif order[-1] != number:
            msg = f"{where}: the rows of round {number} must be consecutive"
            raise DrawDataError(msg)
        blocks[number].append((where, row))
    result = [_distribution_of(number, blocks[number], by_number) for number in order]
    for before, after in pairwise(result):
        if _number_key(after.round_number or "") <= _number_key(before.round_number or ""):
            msg = f"{_POOL_FILE}: round {after.round_number} must come after round {before.round_number}"
            raise DrawDataError(msg)
    return tuple(result)


def _distribution_of(number: str, rows: list[tuple[str, list[str]]], by_number: dict[str, Draw]) -> PoolDistribution:
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
    if distribution.discrepancies and number not in _INCONSISTENT_DISTRIBUTIONS:
        msg = f"{first}: round {number}'s distribution does not add up: {'; '.join(distribution.discrepancies)}"
        raise DrawDataError(msg)
    return distribution


@cache
def _draws() -> tuple[Draw, ...]:
    """Every round, oldest first, read once from the package data."""
    return _parse_rounds(_read(_ROUNDS_FILE))


@cache
def _by_number() -> MappingProxyType[str, Draw]:
    return MappingProxyType({d.number: d for d in _draws()})


@cache
def _distributions() -> MappingProxyType[str, PoolDistribution]:
    parsed = _parse_distributions(_read(_POOL_FILE), _draws())
    return MappingProxyType({d.round_number: d for d in parsed if d.round_number is not None})
