"""Reading the commands' input files: the size limit, strict JSON, candidate files, and the day they default to.

Not public API: the command line is.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from crsrules import cli
from crsrules.cli._base import UsageError
from crsrules.errors import ErrorDetail, short_repr
from crsrules.io import DEFAULT_MAX_INPUT_BYTES, is_candidate_data, load_candidate, parse_json
from crsrules.model import Factors

if TYPE_CHECKING:
    from datetime import date

    from crsrules.candidate import Candidate

# The input size limit (crsrules.io.DEFAULT_MAX_INPUT_BYTES by default) is set by --max-input-bytes or this variable.
MAX_INPUT_ENV = "CRSRULES_MAX_INPUT_BYTES"
#: The help of ``--max-input-bytes`` for the commands that read a file.
LIMIT_HELP = (
    f"read at most N bytes of FILE.json (default: ${MAX_INPUT_ENV}, else {DEFAULT_MAX_INPUT_BYTES:,}); "
    "a larger file is an error"
)
# The top-level keys of a factors file, to say that a file given for a candidate is one.
FACTORS_KEYS = frozenset(a.name for a in attrs.fields(Factors))


def today() -> date:
    """The day the commands default to: :func:`crsrules.cli._today`, the one place the clock is read."""
    return cli._today()  # noqa: SLF001 (the package's clock, which the tests set)


def byte_count(text: str) -> int:
    """An argument's number of bytes, at least 1."""
    if not re.fullmatch(r"\d{1,18}", text.strip()) or int(text) < 1:
        msg = f"not a number of bytes such as {DEFAULT_MAX_INPUT_BYTES}: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def add_file(parser: argparse.ArgumentParser, what: str) -> None:
    """The FILE.json argument of a command that reads a candidate."""
    parser.add_argument("file", metavar="FILE.json", help=f"{what}, as JSON ('-' reads standard input)")


def add_limit(parser: argparse.ArgumentParser) -> None:
    """The ``--max-input-bytes`` option of a command that reads a file."""
    parser.add_argument("--max-input-bytes", type=byte_count, metavar="N", help=LIMIT_HELP)


def max_input_bytes(args: argparse.Namespace) -> int:
    """The input size limit: ``--max-input-bytes``, else the environment's, else the default."""
    if args.max_input_bytes is not None:
        return int(args.max_input_bytes)
    setting = os.environ.get(MAX_INPUT_ENV)
    if setting is None:
        return DEFAULT_MAX_INPUT_BYTES
    try:
        return byte_count(setting)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(f"{MAX_INPUT_ENV}: {exc}") from None


def read_json(name: str, limit: int) -> Any:  # noqa: ANN401 (any JSON)
    """The JSON in file *name* (``-``: standard input), read up to *limit* bytes, strictly parsed."""
    where = "standard input" if name == "-" else name
    return parse_json(read_input(name, limit), where=where, max_bytes=limit)


def read_input(
    name: str, limit: int, *, kind: str = "a candidate file is a few kilobytes", setting: str = MAX_INPUT_ENV
) -> bytes | str:
    """The content of file *name* (``-``: standard input), read up to *limit* bytes; a larger file is an error."""
    where = "standard input" if name == "-" else name
    try:
        if name == "-":
            if sys.stdin is None:
                raise UsageError("cannot read standard input: it is closed")
            stream = getattr(sys.stdin, "buffer", sys.stdin)  # a text stream (a test's) is read as text
            raw: bytes | str = stream.read(limit + 1)
        else:
            with Path(name).open("rb") as file:
                raw = file.read(limit + 1)
    except OSError as exc:
        msg = f"cannot read {where}: {exc.strerror or exc}"
        raise UsageError(msg) from None
    if len(raw) > limit:
        msg = (
            f"{where} is larger than the input size limit of {limit:,} bytes ({kind}); "
            f"raise it with --max-input-bytes{f' or {setting}' if setting else ''} if the file is right"
        )
        raise UsageError(msg, [ErrorDetail(path="$", code="too_large", message=msg)])
    return raw


def is_factors_file(data: object) -> bool:
    """Whether *data* (read for a candidate) is a factors file instead."""
    return not is_candidate_data(data) and isinstance(data, Mapping) and bool(set(data) & FACTORS_KEYS)


def read_candidate(args: argparse.Namespace) -> Candidate:
    """The candidate of ``args.file``; a factors file is an error that says so."""
    data = read_json(args.file, max_input_bytes(args))
    if is_factors_file(data):
        msg = (
            f"{args.file} is a factors file: this command needs a candidate file, with dated facts such as a birth_date"
        )
        raise UsageError(msg)
    return load_candidate(data)
