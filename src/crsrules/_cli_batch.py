"""``crsrules score`` over many profiles: factors rows from JSON Lines or CSV, one result per row as CSV or JSON Lines.

A JSON Lines row is a factors file on one line; a CSV row names its values by the dotted columns of
:data:`crsrules.batch.COLUMNS` (``age``, ``first_language.reading``, ``spouse.education``, ...), an empty cell meaning
"none", as :func:`crsrules.batch.score_columns` reads them. Each row is checked as :func:`crsrules.load_factors`
checks a file, so a bad row is named by its line and its problems, and scored with :func:`crsrules.scorer`.
Not public API: the command line is.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TextIO

from crsrules.batch import COLUMNS
from crsrules.batch._columns import _BY_NAME
from crsrules.errors import CRSRulesError, ErrorDetail
from crsrules.io import load_factors, parse_json
from crsrules.rules import get_rules, rules_in_force
from crsrules.scoring import scorer

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator
    from datetime import date

    from crsrules.rules import RuleSet

__all__ = ["BatchError", "score_rows"]

_FIELDS = ("line", "total", "core", "spouse", "skill_transferability", "additional", "rules_id")
_PROGRESS_EVERY = 2_000


class BatchError(Exception):
    """A file of rows that cannot be read, or its first bad row: the command line reports it and exits with 2."""

    def __init__(self, message: str, errors: tuple[ErrorDetail, ...] = ()) -> None:
        super().__init__(message)
        self.errors = errors


class _Row(NamedTuple):
    line: int
    #: The factors document, or the problems that make the row bad.
    data: dict[str, Any] | None
    problems: tuple[ErrorDetail, ...] = ()


def score_rows(args: argparse.Namespace, *, kind: str, today: date, max_row_bytes: int, out: TextIO) -> list[str]:
    """Score every row of ``args.file`` (``-``: standard input), writing one result per row on *out*.

    The rules are those of ``args.rules``, or in force on ``args.on`` (by default *today*); ``args.format`` is the
    output format (jsonl or csv) and ``args.keep_going`` skips bad rows.

    Returns:
        What to report on standard error: the bad rows skipped with ``--keep-going`` (line number and problems).

    Raises:
        BatchError: The options do not fit many rows, the file cannot be read, or (without ``--keep-going``) its
            first bad row.
    """
    if args.format in {"text", "json"}:
        raise BatchError(f"--format {args.format} is for one file: rows are written as jsonl or csv")
    if args.on is not None and args.rules is not None:
        raise BatchError("for factors rows give --on or --rules, not both")
    rules = get_rules(args.rules) if args.rules else rules_in_force(args.on or today)
    skipped = _score(
        args.file, kind=kind, rules=rules, output=args.format or "jsonl", keep_going=args.keep_going,
        max_row_bytes=max_row_bytes, out=out,
    )  # fmt: skip
    if not skipped:
        return []
    return [f"warning: skipped {len(skipped):,} bad row(s) of {args.file}:", *(f"  {line}" for line in skipped)]


def _score(  # noqa: PLR0913 (the command's options)
    name: str, *, kind: str, rules: RuleSet, output: str, keep_going: bool, max_row_bytes: int, out: TextIO
) -> list[str]:
    where = "standard input" if name == "-" else name
    s = scorer(rules)
    sections = s.sections
    skipped: list[str] = []
    writer = _writer(output, out)
    progress = _Progress(where)
    try:
        with _open(name, where) as stream:
            progress.size = _size(stream)
            rows = _jsonl_rows(stream, max_row_bytes) if kind == "jsonl" else _csv_rows(stream, where)
            for count, row in enumerate(rows, 1):
                if count % _PROGRESS_EVERY == 0:
                    progress.show(count, stream)
                problems = row.problems
                if row.data is not None:
                    try:
                        factors = load_factors(row.data)
                    except CRSRulesError as exc:
                        problems = tuple(getattr(exc, "errors", ())) or (
                            ErrorDetail(path="$", code="not_allowed", message=str(exc)),
                        )
                    else:
                        points = sections(factors)
                        writer((row.line, *points, rules.id))
                        continue
                text = "; ".join(str(p) for p in problems)
                if not keep_going:
                    raise BatchError(f"{where} line {row.line}: {text}", problems)
                skipped.append(f"line {row.line}: {text}")
    finally:
        progress.done()
    return skipped


def _open(name: str, where: str) -> IO[bytes]:
    try:
        if name == "-":
            if sys.stdin is None:
                raise BatchError("cannot read standard input: it is closed")
            stream = getattr(sys.stdin, "buffer", None)
            return stream if stream is not None else io.BytesIO(sys.stdin.read().encode())
        return Path(name).open("rb")
    except OSError as exc:
        raise BatchError(f"cannot read {where}: {exc.strerror or exc}") from None


def _jsonl_rows(stream: IO[bytes], max_row_bytes: int) -> Iterator[_Row]:
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            data = parse_json(raw, where=f"line {number}", max_bytes=max_row_bytes)
        except CRSRulesError as exc:
            yield _Row(number, None, tuple(getattr(exc, "errors", ())))
            continue
        if not isinstance(data, dict):
            got = type(data).__name__ if data is not None else "null"
            message = f"expected a factors object on the line, got {got}"
            yield _Row(number, None, (ErrorDetail(path="$", code="wrong_type", message=message),))
            continue
        yield _Row(number, data)


def _csv_rows(stream: IO[bytes], where: str) -> Iterator[_Row]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader, None)
        if header is None:
            return
        unknown = [h for h in header if h not in _BY_NAME]
        if unknown:
            msg = f"{where}: unknown CSV column {unknown[0]!r}: the columns are {', '.join(COLUMNS)}"
            raise BatchError(msg)
        if len(set(header)) != len(header):
            twice = sorted({h for h in header if header.count(h) > 1})
            msg = f"{where}: a CSV column is given twice: " + ", ".join(twice)
            raise BatchError(msg)
        line = reader.line_num + 1
        for cells in reader:
            yield _csv_row(header, cells, line)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise BatchError(f"{where} line {reader.line_num}: not CSV: {exc}") from None
    except UnicodeDecodeError as exc:
        raise BatchError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start} of a block)") from None
    finally:
        with contextlib.suppress(ValueError):  # leave the stream (standard input) to its owner; closed already is fine
            text.detach()


def _csv_row(header: list[str], cells: list[str], line: int) -> _Row:
    """One CSV record as a factors document: empty cells are "none", columns whose parent is none are ignored."""
    if len(cells) != len(header):
        message = f"the row has {len(cells)} cells for {len(header)} columns"
        return _Row(line, None, (ErrorDetail(path="$", code="wrong_type", message=message),))
    values = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
    data: dict[str, Any] = {}
    for name, cell in values.items():
        spec = _BY_NAME[name]
        if not cell or (spec.parent is not None and not values.get(spec.parent)):
            continue
        # A cell that is not a number or a flag stays text, for load_factors to name what the column allows.
        value: object = cell
        if spec.kind == "whole":
            value = _whole(cell)
        elif spec.kind == "flag":
            value = {"true": True, "false": False}.get(cell.lower(), cell)
        *parents, key = name.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[key] = value
    return _Row(line, data)


def _whole(cell: str) -> int | str:
    """A CSV cell as a whole number, or the cell itself if it is not one."""
    digits = cell[1:] if cell[:1] in "+-" else cell
    if digits.isascii() and digits.isdigit() and len(digits) <= 4:  # no CRS number has 5 digits
        return int(cell)
    return cell


def _writer(output: str, out: TextIO) -> Any:  # noqa: ANN401 (a function taking a result row)
    if output == "csv":
        rows = csv.writer(out, lineterminator="\n")
        rows.writerow(_FIELDS)
        return rows.writerow

    def write(values: tuple[object, ...]) -> None:
        out.write(json.dumps(dict(zip(_FIELDS, values, strict=True))) + "\n")

    return write


class _Progress:
    """A progress bar on standard error (the share of the file read, and the rows), only when it is a terminal."""

    def __init__(self, where: str) -> None:
        stderr = sys.stderr
        self.stream = stderr if stderr is not None and _isatty(stderr) else None
        self.where = where
        self.size: int | None = None
        self.shown = False

    def show(self, count: int, source: IO[bytes]) -> None:
        if self.stream is None:
            return
        bar = ""
        with contextlib.suppress(OSError, ValueError):
            if self.size:
                share = min(1.0, source.tell() / self.size)
                bar = f"[{'#' * int(share * 30):<30}] {share:4.0%} "
        self.stream.write(f"\rcrsrules: {self.where}: {bar}{count:,} rows")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _size(stream: IO[bytes]) -> int | None:
    """The size of a regular file, for the progress bar (None for a pipe)."""
    try:
        return os.fstat(stream.fileno()).st_size or None
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
