"""Reading IRCC's rounds feed, ``ee_rounds_123_en.json``: its rounds and pool distributions, every field checked.

IRCC publishes every round of invitations as one JSON file behind its page "Express Entry rounds of invitations":
an object whose ``rounds`` array holds one object per round, newest first, every value a string. The fields read:

- ``drawNumber`` (``"437"``, ``"91a"``), checked against the links of ``drawNumberURL`` and ``mitext``;
- ``drawDate`` (ISO ``2026-08-19``; early copies had ``11-01-2023``, read with ``drawDateFull``, ``January 11, 2023``,
  which must name the same day);
- ``drawName``, the round's name: a program's, or a category version's in any of the forms IRCC has used (the 2023
  names such as ``STEM occupations (2023-1)`` became ``STEM occupations (Version 1)`` in 2024: crsrules keeps the
  current one); a name crsrules does not know is kept as a round of a category it does not know yet, and reported;
- ``drawSize`` and ``drawCRS`` (``"5,000"``: thousands separators allowed), ``drawText2`` (the programs, in words);
- ``drawDateTime`` (the round's time) and ``drawCutOff`` (the tie-breaking time), in the twenty-odd spellings IRCC has
  used (``June 19, 2023 06:41:05 UTC``, ``March 02. 2024 at ...``, ``July 3rd 2026 at ...``, a stray ``AM``/``PM``
  after a 24-hour time);
- ``drawDistributionAsOn`` and ``dd1`` to ``dd18``: the pool's distribution; all zeros means IRCC published none.

Text fields may hold HTML (``<a href=...>437</a>``): tags are dropped and entities decoded before a value is read.
Every problem is a :class:`FeedError` that names the round, the field and its JSON path. IRCC's known oddities are
accepted one by one (``data/README-rounds.md`` of the project's research notes describes them); the CSV files of the
package are this reader's output for the feed of 2026-08-20, row for row.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Final

from attrs import frozen

from crsrules.draws._load import _INCONSISTENT_DISTRIBUTIONS, _POOL_LABELS, _SUBTOTAL_LABELS, _TOTAL_LABEL
from crsrules.draws._load import _UNREADABLE_TIE_BREAKS as _LOAD_UNREADABLE
from crsrules.draws._record import _NUMBER, Draw, PoolDistribution, ScoreRange, _number_key
from crsrules.draws._rounds import DrawKind, is_known_round_name, round_type
from crsrules.errors import CRSRulesError, InvalidValueError, short_repr

__all__ = ["FEED_NAME", "FEED_URL", "Feed", "FeedError", "parse_feed", "read_feed"]

#: The feed's file name.
FEED_NAME: Final = "ee_rounds_123_en.json"
#: Where IRCC publishes it (the file behind the page "Express Entry rounds of invitations").
FEED_URL: Final = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"

# Express Entry opened on 2015-01-01: no round, round time or tie-breaking time is earlier.
_FIRST_DAY: Final = date(2015, 1, 1)
# A date can be a day ahead of the feed's date: IRCC dates rounds in Ottawa and times them in UTC, and the feed's date
# is the day it was downloaded, wherever that was.
_SLACK: Final = timedelta(days=1)
# The longest text field read; IRCC's longest is about 400 characters (a link).
_MAX_TEXT = 5_000
_MAX_ROUNDS = 100_000

_POOL_FIELDS: Final = tuple(f"dd{i}" for i in range(1, 19))
# The feed's names of Draw's fields, for the messages.
_FEED_FIELDS: Final = MappingProxyType(
    {"invitations": "drawSize", "cutoff": "drawCRS", "date": "drawDate", "tie_break": "drawCutOff"}
)
_NUMBER_FIELDS: Final = frozenset({"drawNumber", "drawSize", "drawCRS", *_POOL_FIELDS})
_LONGEST_NUMBER_BITS = 40

# -- IRCC's known oddities (the project's research notes, data/README-rounds.md) -------------------------------------

# Round 208's tie-breaking time has no year: kept as IRCC's words (Draw.tie_break_text).
_UNREADABLE_TIE_BREAKS: Final = _LOAD_UNREADABLE
# Round 335's tie-breaking time read "November 14, 2025 ..." (after the round) in the copies of 2025-02-05 and -06;
# IRCC corrected the year to 2024 by 2025-02-13. The wrong year is read as the corrected one.
_TIE_BREAK_TYPOS: Final = MappingProxyType({"335": (date(2025, 11, 14), date(2024, 11, 14))})
# Round times (drawDateTime) on another day than the round's date, beyond the evening rounds whose UTC time is on the
# next day: round 357's says July 12 for a round of July 22, 2025 (a typo).
_ROUND_TIME_TYPOS: Final = frozenset({"357"})

_MONTHS: Final = MappingProxyType(
    {
        name: number
        for number, names in enumerate(
            (
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sep", "sept"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ),
            start=1,
        )
        for name in names
    }
)

# "June 19, 2023", "March 02. 2024", "July 3rd 2026", "April 26,2023", "May 26 2025".
_WORDS_DATE = r"(?P<month>[A-Za-z]+)\.?\s*(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(?P<year>[0-9]{4})"
_DAY_ONLY = re.compile(_WORDS_DATE, re.IGNORECASE)
# The same, then an optional "at", an optional ISO date (rounds 310 and 333), a 24-hour time, a stray AM/PM, and UTC.
_TIME = (
    r"\s*,?\s*(?:at)?\s*(?:(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*)?"
    r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})\s*(?:[AP]\.?M\.?)?\s*(?:UTC|GMT|Z)?"
)
_WORDS_TIME = re.compile(_WORDS_DATE + _TIME, re.IGNORECASE)
# An ISO time in UTC: "2026-08-19T12:35:37Z", "2026-08-19 12:35:37 UTC".
_ISO_TIME = re.compile(
    r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:Z|\s*UTC|\+00:?00)?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMERIC_DATE = re.compile(r"(?P<a>[0-9]{2})-(?P<b>[0-9]{2})-(?P<year>[0-9]{4})")
_COUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,12}")
_TAG = re.compile(r"<[^<>]*>")
_LINK_NUMBER = re.compile(r"#\s*([0-9]+[a-z]?)\s*$|^\s*([0-9]+[a-z]?)\s*$", re.IGNORECASE)


class FeedError(CRSRulesError, ValueError):
    """IRCC's rounds feed, or a file given as one, cannot be used; nothing was read from it or written.

    The message names the round, the field and its JSON path (``round 437, drawSize @ $.rounds[0].drawSize``), what
    was found and what is allowed.

    Attributes:
        round: The round's number, when the problem is in one round.
        field: IRCC's name of the field, such as ``"drawSize"``, when the problem is in one field.
        path: The JSON path of the value, such as ``"$.rounds[0].drawSize"``.

    .. versionadded:: 0.2.0
    """

    def __init__(self, problem: str, *, round: str | None = None, field: str | None = None, path: str = "$") -> None:  # noqa: A002
        self.round = round
        self.field = field
        self.path = path
        where = ", ".join(part for part in (None if round is None else f"round {round}", field) if part is not None)
        at = "" if path == "$" else f" @ {path}"
        super().__init__(f"the rounds feed cannot be used: {where + ': ' if where else ''}{problem}{at}")


@frozen(kw_only=True)
class Feed:
    """The rounds and pool distributions of one copy of IRCC's rounds feed, checked.

    .. versionadded:: 0.2.0
    """

    #: Every round, by number (``91a`` and ``91b`` after 91).
    draws: tuple[Draw, ...]
    #: The pool distributions IRCC published (rounds whose 18 figures are all zero have none), by round number.
    distributions: tuple[PoolDistribution, ...]
    #: The date of the feed: the day it was downloaded (``None`` when not given: then no date is checked against it).
    feed_date: date | None
    #: What was read but is worth knowing: a round time on another day than the round, a distribution that does not
    #: add up, a round given twice with the same values. Rounds of a category crsrules does not know are in
    #: :attr:`unknown_round_names`.
    notes: tuple[str, ...] = ()

    @property
    def unknown_round_names(self) -> tuple[tuple[str, str], ...]:
        """The rounds whose name crsrules does not know (a new category), as (number, name)."""
        return tuple((d.number, d.round_name) for d in self.draws if not d.category_known)


# -- JSON ------------------------------------------------------------------------------------------------------------


class _Twice(dict[str, Any]):
    """An object that has a key twice; :attr:`duplicate` is the first such key."""

    duplicate: str


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    twice = _Twice(pairs)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            twice.duplicate = key
            break
        seen.add(key)
    return twice


def _no_constant(constant: str) -> None:
    msg = f"{constant} is not a JSON number"
    raise FeedError(msg)


def parse_feed(raw: bytes | str, *, feed_date: date | None = None, source: str | None = None) -> Feed:
    """Parse the text of IRCC's rounds feed (UTF-8 JSON) and read it with :func:`read_feed`.

    Raises:
        FeedError: The text is empty, not UTF-8, not JSON (a truncated file), or not a rounds feed.

    .. versionadded:: 0.2.0
    """
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8 text (byte {exc.start:,} is {raw[exc.start]:#04x})"
            raise FeedError(msg) from None
    else:
        text = raw
    if not text.strip():
        msg = "the file is empty; download the feed again"
        raise FeedError(msg)
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except FeedError:
        raise
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        end = " (the file ends early: it may be cut short; download it again)" if cut else ""
        msg = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}){end}"
        raise FeedError(msg) from None
    except RecursionError:
        msg = "not a rounds feed: nested too deeply"
        raise FeedError(msg) from None
    except ValueError:  # a number of more than 4,300 digits
        msg = "not a rounds feed: a number too long to read"
        raise FeedError(msg) from None
    return read_feed(data, feed_date=feed_date, source=source)


# -- Values ----------------------------------------------------------------------------------------------------------


def _plain(value: str) -> str:
    """A text field without its HTML: tags dropped, entities decoded, runs of white space made one space."""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


class _Round:
    """One round object of the feed, read field by field; every error names the round, the field and the path."""

    def __init__(self, data: Mapping[str, Any], index: int) -> None:
        self.data = data
        self.path = f"$.rounds[{index}]"
        self.number: str | None = None

    def error(self, field: str | None, problem: str) -> FeedError:
        path = self.path if field is None else f"{self.path}.{field}"
        return FeedError(problem, round=self.number, field=field, path=path)

    def text(self, field: str, *, required: bool = True) -> str:
        if field not in self.data:
            if not required:
                return ""
            raise self.error(field, "missing: every round of IRCC's feed has it")
        value = self.data[field]
        if type(value) is int and field in _NUMBER_FIELDS:  # a JSON number where IRCC writes a string: read alike
            if value.bit_length() > _LONGEST_NUMBER_BITS:
                raise self.error(field, f"must be a number of at most 12 digits (got {short_repr(value)})")
            return str(value)
        if not isinstance(value, str):
            raise self.error(field, f"must be a string (got {short_repr(value)}, a JSON {_json_type(value)})")
        if len(value) > _MAX_TEXT:
            raise self.error(field, f"must be at most {_MAX_TEXT:,} characters (got {len(value):,})")
        return _plain(value)

    def count(self, field: str, what: str) -> int:
        text = self.text(field)
        if _COUNT.fullmatch(text) is None:
            allowed = f"{what}: digits, with or without thousands separators, such as 5,000"
            raise self.error(field, f"must be {allowed} (got {short_repr(text)})")
        return int(text.replace(",", ""))

    def words_date(self, field: str) -> date | None:
        """A date in words (``August 16, 2026``); None for an empty field."""
        text = self.text(field, required=False)
        if not text:
            return None
        found = _DAY_ONLY.fullmatch(text)
        day = None if found is None else _day(found)
        if day is None:
            raise self.error(field, f"must be a date such as 'August 16, 2026' (got {short_repr(text)})")
        return day

    def moment(self, field: str) -> datetime | None:
        """A UTC time in one of IRCC's spellings; None for an empty field."""
        text = self.text(field, required=False)
        if not text:
            return None
        found = _WORDS_TIME.fullmatch(text) or _ISO_TIME.fullmatch(text)
        moment = None if found is None else _moment(found)
        if moment is None:
            allowed = "a time such as 'August 19, 2026 at 12:35:37 UTC'"
            raise self.error(field, f"must be {allowed} (got {short_repr(text)})")
        return moment


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else type(value).__name__


def _day(found: re.Match[str]) -> date | None:
    month = _MONTHS.get(found["month"].casefold())
    if month is None:
        return None
    try:
        return date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        return None


def _moment(found: re.Match[str]) -> datetime | None:
    groups = found.groupdict()
    try:
        day = date.fromisoformat(groups["iso"]) if groups.get("iso") else None
        if groups.get("month") is not None:
            in_words = _day(found)
            if in_words is None or (day is not None and day != in_words):
                return None
            day = in_words
        if day is None:  # pragma: no cover (both patterns have a day)
            return None
        # IRCC's times are 24-hour times; a stray AM or PM after one (rounds 210 and 270) is ignored.
        return datetime(
            day.year, day.month, day.day, int(groups["hour"]), int(groups["minute"]), int(groups["second"]), tzinfo=UTC
        )
    except ValueError:
        return None


# -- Rounds ----------------------------------------------------------------------------------------------------------


def read_feed(data: object, *, feed_date: date | None = None, source: str | None = None) -> Feed:
    """Read IRCC's rounds feed, already parsed from JSON: every round and pool distribution, checked.

    Args:
        data: The feed, as ``json.loads`` gives it: an object with a ``rounds`` array.
        feed_date: The day the feed was downloaded. No date in it may be later (a day's slack for time zones).
        source: What each record's ``source`` says; by default ``"IRCC ee_rounds_123_en.json of <feed_date>"``.

    Raises:
        FeedError: The data is not a rounds feed, or a round or a field is invalid (a negative cut-off, a date after
            the feed's, the same round number twice with different values, ...); the message names the round, the
            field and the JSON path.

    Example:
        >>> feed = read_feed({"rounds": [{
        ...     "drawNumber": "437", "drawDate": "2026-08-19", "drawName": "Canadian Experience Class",
        ...     "drawSize": "5,000", "drawCRS": "382", "drawCutOff": "March 1, 2026 at 18:34:05 UTC"}]})
        >>> print(feed.draws[0])
        Round 437 (2026-08-19, Canadian Experience Class): 5,000 invitations, lowest CRS score 382

    .. versionadded:: 0.2.0
    """
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        got = (
            f"an object without a 'rounds' array (keys: {short_repr(sorted(data)[:8])})"
            if isinstance(data, dict)
            else f"a JSON {_json_type(data)}"
        )
        msg = f"not IRCC's rounds feed ({FEED_NAME}): expected an object with a 'rounds' array, got {got}"
        raise FeedError(msg)
    if isinstance(data, _Twice):
        msg = f"has the key {short_repr(data.duplicate)} twice"
        raise FeedError(msg)
    items = data["rounds"]
    if not items:
        msg = "the 'rounds' array is empty: IRCC's feed lists every round since 2015"
        raise FeedError(msg, path="$.rounds")
    if len(items) > _MAX_ROUNDS:
        msg = f"{len(items):,} rounds: no feed has more than {_MAX_ROUNDS:,}"
        raise FeedError(msg, path="$.rounds")
    label = source if source is not None else f"IRCC {FEED_NAME} of {feed_date.isoformat() if feed_date else '?'}"
    notes: list[str] = []
    by_number: dict[str, tuple[int, Draw, PoolDistribution | None]] = {}
    for index, item in enumerate(items):
        draw, distribution, round_notes = _read_round(item, index, label, feed_date)
        earlier = by_number.get(draw.number)
        if earlier is not None:
            if (earlier[1], earlier[2]) != (draw, distribution):
                msg = (
                    f"the round number is given twice, with different values (also at $.rounds[{earlier[0]}]): "
                    "a feed lists each round once"
                )
                raise FeedError(msg, round=draw.number, field="drawNumber", path=f"$.rounds[{index}].drawNumber")
            notes.append(f"round {draw.number} is listed twice with the same values (at $.rounds[{earlier[0]}] "
                         f"and $.rounds[{index}]); read once")  # fmt: skip
            continue
        by_number[draw.number] = (index, draw, distribution)
        notes.extend(round_notes)
    ordered = sorted(by_number.values(), key=lambda entry: _number_key(entry[1].number))
    for (_, before, _), (index, after, _) in pairwise(ordered):
        if after.date < before.date:
            msg = (
                f"dated {after.date.isoformat()}, before round {before.number} ({before.date.isoformat()}): "
                "rounds are numbered in date order"
            )
            raise FeedError(msg, round=after.number, field="drawDate", path=f"$.rounds[{index}].drawDate")
    return Feed(
        draws=tuple(draw for _, draw, _ in ordered),
        distributions=tuple(dist for _, _, dist in ordered if dist is not None),
        feed_date=feed_date,
        notes=tuple(notes),
    )


def _read_round(
    item: object, index: int, source: str, feed_date: date | None
) -> tuple[Draw, PoolDistribution | None, list[str]]:
    """One round of the feed, its pool distribution (None if IRCC published none), and notes."""
    if not isinstance(item, dict):
        msg = f"each round must be an object (got a JSON {_json_type(item)})"
        raise FeedError(msg, path=f"$.rounds[{index}]")
    entry = _Round(item, index)
    number = entry.text("drawNumber").lower()
    if _NUMBER.fullmatch(number) is None:
        allowed = "a round number such as 437, or 91a and 91b"
        raise entry.error("drawNumber", f"must be {allowed} (got {short_repr(number)})")
    entry.number = number
    if isinstance(item, _Twice):
        raise entry.error(None, f"has the key {short_repr(item.duplicate)} twice")
    for field in ("drawNumberURL", "mitext"):
        _check_link(entry, field)
    notes: list[str] = []
    day = _round_date(entry)
    if feed_date is not None and day > feed_date + _SLACK:
        raise entry.error("drawDate", f"{day.isoformat()} is after the feed's own date, {feed_date.isoformat()}")
    name, kind = _round_name(entry)  # a name crsrules does not know is kept: Feed.unknown_round_names lists it
    entry.text("drawText2", required=False)  # the programs, in words: checked as text, not kept
    notes.extend(_check_round_time(entry, day, feed_date))
    tie_break, tie_break_text = _tie_break(entry, day, feed_date)
    try:
        draw = Draw(
            number=number,
            date=day,
            kind=DrawKind.CATEGORY if kind is None else kind.kind,
            category=None if kind is None else kind.category,
            round_name=name,
            invitations=entry.count("drawSize", "a number of invitations"),
            cutoff=entry.count("drawCRS", "a CRS score"),
            tie_break=tie_break,
            tie_break_text=tie_break_text,
            source=source,
        )
    except InvalidValueError as exc:
        raise entry.error(_FEED_FIELDS.get(exc.field, exc.field), str(exc)) from None
    distribution, pool_notes = _distribution(entry, draw, feed_date)
    return draw, distribution, notes + pool_notes


def _check_link(entry: _Round, field: str) -> None:
    """A link's text (HTML) must name the round's own number, when it names one."""
    text = entry.text(field, required=False)
    found = _LINK_NUMBER.search(text)
    if found is not None and (found[1] or found[2]).lower() != entry.number:
        raise entry.error(field, f"links to round {(found[1] or found[2])!r}, not to round {entry.number}")


def _round_date(entry: _Round) -> date:
    """``drawDate``: ISO, or DD-MM-YYYY as in early copies, which ``drawDateFull`` (in words) must confirm."""
    text = entry.text("drawDate")
    in_words = entry.words_date("drawDateFull")
    day: date | None = None
    if _ISO_DATE.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = None
    elif (found := _NUMERIC_DATE.fullmatch(text)) is not None and in_words is not None:
        # "11-01-2023" for January 11: day first, as IRCC's early copies wrote it; drawDateFull settles the order.
        year, first, second = int(found["year"]), int(found["a"]), int(found["b"])
        readings = {_safe_date(year, second, first), _safe_date(year, first, second)}
        day = in_words if in_words in readings else None
    if day is None:
        allowed = "an ISO date such as 2026-08-19 (or DD-MM-YYYY with drawDateFull naming the same day)"
        raise entry.error("drawDate", f"must be {allowed} (got {short_repr(text)})")
    if in_words is not None and in_words != day:
        raise entry.error("drawDateFull", f"{in_words.isoformat()} is not the day of drawDate, {day.isoformat()}")
    if day < _FIRST_DAY:
        raise entry.error("drawDate", f"{day.isoformat()} is before 2015-01-01, when Express Entry opened")
    return day


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _round_name(entry: _Round) -> tuple[str, Any]:
    """The round's name (IRCC's current form of it) and its RoundType; None for a name crsrules does not know."""
    name = entry.text("drawName")
    if not name:
        raise entry.error("drawName", "must not be empty")
    if not is_known_round_name(name):
        return name, None
    kind = round_type(name)
    return kind.name, kind


def _check_round_time(entry: _Round, day: date, feed_date: date | None) -> list[str]:
    """``drawDateTime``, the round's time: readable, not after the feed; a note when it is not the round's day."""
    moment = entry.moment("drawDateTime")
    if moment is None:
        return []
    if feed_date is not None and moment.date() > feed_date + _SLACK:
        raise entry.error("drawDateTime", f"{moment.isoformat()} is after the feed's own date, {feed_date.isoformat()}")
    # An evening round in Ottawa is on the next day in UTC; IRCC dated rounds 104, 108, 146 and 148 the day before.
    if abs(moment.date() - day) > _SLACK and entry.number not in _ROUND_TIME_TYPOS:
        return [f"round {entry.number}: its time, {moment.isoformat()}, is not on its date, {day.isoformat()}"]
    return []


def _tie_break(entry: _Round, day: date, feed_date: date | None) -> tuple[datetime | None, str | None]:
    """``drawCutOff``, the tie-breaking time; round 208's without a year is kept as IRCC's words."""
    text = entry.text("drawCutOff", required=False)
    number = entry.number or ""
    if text and _UNREADABLE_TIE_BREAKS.get(number) == text:
        return None, text
    moment = entry.moment("drawCutOff")
    if moment is None:
        return None, None
    typo = _TIE_BREAK_TYPOS.get(number)
    if typo is not None and moment.date() == typo[0]:
        moment = moment.replace(year=typo[1].year)
    if moment.date() < _FIRST_DAY:
        raise entry.error("drawCutOff", f"{moment.isoformat()} is before 2015-01-01, when Express Entry opened")
    if feed_date is not None and moment.date() > feed_date + _SLACK:
        raise entry.error("drawCutOff", f"{moment.isoformat()} is after the feed's own date, {feed_date.isoformat()}")
    if moment.date() > day + _SLACK:
        raise entry.error("drawCutOff", f"{moment.isoformat()} is after the round's date, {day.isoformat()}")
    return moment, None


def _distribution(entry: _Round, draw: Draw, feed_date: date | None) -> tuple[PoolDistribution | None, list[str]]:
    """The pool distribution published with the round; None when its 18 figures are all zero (none published)."""
    if not any(f in entry.data for f in (*_POOL_FIELDS, "drawDistributionAsOn")):
        return None, []
    counts = [entry.count(field, "a number of candidates") for field in _POOL_FIELDS]
    if not any(counts):
        return None, []
    if counts[-1] == 0:
        raise entry.error("dd18", "the total is 0 but other figures are not: IRCC publishes all 18 or none")
    as_of = _as_of(entry, draw, feed_date)
    ranges: list[ScoreRange] = []
    subtotals: list[ScoreRange] = []
    for label, count, field in zip(_POOL_LABELS, counts, _POOL_FIELDS, strict=True):
        if label == _TOTAL_LABEL:
            continue
        low, high = (int(x) for x in label.split("-"))
        try:
            score_range = ScoreRange(low=low, high=high, candidates=count)
        except InvalidValueError as exc:
            raise entry.error(field, str(exc)) from None
        (subtotals if label in _SUBTOTAL_LABELS else ranges).append(score_range)
    distribution = PoolDistribution(
        round_number=draw.number,
        as_of=as_of,
        ranges=tuple(ranges),
        subtotals=tuple(subtotals),
        total=counts[-1],
        source=draw.source,
    )
    notes = []
    if distribution.discrepancies and draw.number not in _INCONSISTENT_DISTRIBUTIONS:
        found = "; ".join(distribution.discrepancies)
        notes.append(f"round {draw.number}'s pool distribution does not add up: {found}")
    return distribution, notes


def _as_of(entry: _Round, draw: Draw, feed_date: date | None) -> date:
    """``drawDistributionAsOn``: the date of the pool, on or before the round's date (and the feed's)."""
    as_of = entry.words_date("drawDistributionAsOn")
    if as_of is None:
        raise entry.error("drawDistributionAsOn", "missing: the date of the pool the figures describe")
    if as_of > draw.date:
        raise entry.error("drawDistributionAsOn", f"{as_of.isoformat()} is after the round's date, {draw.date}")
    if feed_date is not None and as_of > feed_date + _SLACK:  # pragma: no cover (the round's date is checked first)
        raise entry.error("drawDistributionAsOn", f"{as_of.isoformat()} is after the feed's own date")
    return as_of
