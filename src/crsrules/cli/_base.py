"""What every command shares and the dispatcher needs: its errors, argument types and warnings (light imports only).

Not public API: the command line is.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from crsrules.errors import ErrorDetail, StaleRulesWarning, short_repr

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: The help of ``--rules`` for the commands that check a candidate.
PIN_HELP = "apply the pinned version ID, such as 2025-03-25, instead of the one in force"


class UsageError(Exception):
    """A problem with the command line or its input file (exit status 2), with its record if it is the file's."""

    def __init__(self, message: str, errors: Sequence[ErrorDetail] = ()) -> None:
        super().__init__(message)
        self.errors = tuple(errors)


class ArgumentError(Exception):
    """argparse's error for a command line it cannot parse: reported by :func:`crsrules.cli.main`, as text or JSON."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class Parser(argparse.ArgumentParser):
    """argparse, with the values it echoes in its messages shortened, and its errors left to the command."""

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(self, re.sub(r"'([^']{60,})'", lambda m: short_repr(m.group(1)), message))


def add_format(parser: argparse.ArgumentParser) -> None:
    """The ``--format`` option of a command that writes text or JSON."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def iso_date(text: str) -> date:
    """An argument's date, such as 2025-03-25."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date such as 2025-03-25: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg) from None


def error(message: str) -> None:
    """Print *message* on standard error, if there is one to print on."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"crsrules: {message}\n")
            sys.stderr.flush()
        except OSError:  # nowhere left to say it: the exit status says it
            pass


@contextmanager
def warnings_as_messages(category: type[Warning] = StaleRulesWarning) -> Iterator[None]:
    """Print each warning of *category* raised inside as ``crsrules: warning: ...`` on standard error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", category)
        yield
    shown: set[str] = set()  # each message once: replaying many rounds after the last known date warns for each
    for warning in caught:
        if issubclass(warning.category, category):
            if str(warning.message) not in shown:
                error(f"warning: {warning.message}")
            shown.add(str(warning.message))
        else:  # pragma: no cover (other warnings go out as they came)
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
