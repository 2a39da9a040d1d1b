"""``crsrules score`` for many factors rows (JSON Lines, CSV): :mod:`crsrules._cli_batch`, which loads numpy.

Not public API: the command line is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from crsrules._cli_batch import BatchError, score_rows
from crsrules.cli._base import UsageError, error, warnings_as_messages
from crsrules.cli._files import max_input_bytes, today

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace, out: TextIO, *, kind: str) -> None:
    """Score the rows of ``args.file`` (*kind*: ``jsonl`` or ``csv``), one result per row on *out*."""
    try:
        with warnings_as_messages():
            report = score_rows(args, kind=kind, today=today(), max_row_bytes=max_input_bytes(args), out=out)
    except BatchError as exc:
        raise UsageError(str(exc), exc.errors) from None
    for line in report:
        error(line)
