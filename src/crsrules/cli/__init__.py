"""The ``crsrules`` command.

``score`` scores a candidate file or a factors file; ``timeline`` lists the dates a candidate's score changes;
``eligibility`` checks the programs and the categories; ``invited`` lists the rounds that would have invited a
candidate; ``improve`` lists what would raise a candidate's score, the coming changes and recent rounds; ``draws`` lists
the rounds of invitations; ``occupation`` looks up NOC 2021 unit groups; ``schema`` prints
the JSON Schema of the input files; ``rules`` lists the rulesets; ``data update`` brings the rounds up to date from
IRCC's rounds feed and ``data status`` shows the data in use and what is stale.

Bad input exits with status 2 and a short message on standard error, never a traceback: a file too large, not
UTF-8, not JSON, nested too deeply or with a key twice, invalid data, a closed or full output. Input files are read
up to a size limit (``--max-input-bytes``, ``CRSRULES_MAX_INPUT_BYTES``, 5,000,000 bytes by default); a rounds
feed up to its own (``data update --max-input-bytes``, 20,000,000 bytes by default). With ``--format json`` the error
is a JSON object on standard error instead, with the problems as records (see ``docs/reference/cli.md``).

This module only dispatches: each command lives in a module of this package (:data:`_COMMAND_MODULES`), imported
when that command runs (or its help is asked for), so that ``crsrules score FILE`` loads neither the rounds nor the
categories nor numpy. The arguments of a command are added to the parser when the command line names it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
from datetime import date
from importlib import import_module
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from crsrules.cli._base import ArgumentError, Parser, UsageError, error, warnings_as_messages
from crsrules.errors import CRSRulesError, InvalidFactorsError, InvalidJSONError, UserDataWarning

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from crsrules.errors import ErrorDetail
    from crsrules.io import DEFAULT_MAX_INPUT_BYTES

__all__ = ["DEFAULT_MAX_INPUT_BYTES", "main", "run"]

#: Each command, in the order of ``crsrules --help``: its help line and the module that defines it. Such a module has
#: ``ARGUMENTS`` (the function that adds a command's arguments to its parser) and ``COMMANDS`` (the function that
#: runs it), by command name.
_COMMAND_MODULES: dict[str, tuple[str, str]] = {
    "score": ("score a candidate or factors file (JSON)", "crsrules.cli._score"),
    "timeline": ("list the dates a candidate's score changes", "crsrules.cli._timeline"),
    "schema": ("print the JSON Schema of candidate or factors files", "crsrules.cli._reference"),
    "eligibility": ("check a candidate's programs (FSW, CEC, FST) and categories", "crsrules.cli._eligibility"),
    "invited": ("list the rounds of invitations that would have invited a candidate", "crsrules.cli._eligibility"),
    "improve": (
        "list what would raise a candidate's score, the coming changes and recent rounds",
        "crsrules.cli._eligibility",
    ),
    "draws": ("list the rounds of invitations", "crsrules.cli._draws"),
    "occupation": ("look up a NOC 2021 unit group by code or by words of its title", "crsrules.cli._reference"),
    "rules": ("list the rulesets", "crsrules.cli._reference"),
    "data": ("bring the rounds up to date from IRCC's feed; show the data in use", "crsrules.cli._draws"),
}

# The most characters of an unexpected exception's message shown.
_LONGEST_INTERNAL = 200


def __getattr__(name: str) -> Any:  # noqa: ANN401 (the one lazy name)
    """``DEFAULT_MAX_INPUT_BYTES``, from :mod:`crsrules.io` (imported only when asked for)."""
    if name == "DEFAULT_MAX_INPUT_BYTES":
        return import_module("crsrules.io").DEFAULT_MAX_INPUT_BYTES
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def _today() -> date:
    return date.today()  # noqa: DTZ011 (the command's documented default: the computer's clock)


class _Command:
    """A command of :data:`_COMMANDS`: its module is imported when it runs."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, args: argparse.Namespace, out: TextIO) -> None:
        import_module(_COMMAND_MODULES[self.name][1]).COMMANDS[self.name](args, out)


#: What runs each command, given the parsed arguments and the output (written when the command has finished).
_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {name: _Command(name) for name in _COMMAND_MODULES}


def _add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    import_module(_COMMAND_MODULES[name][1]).ARGUMENTS[name](parser)


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]  # noqa: SLF001 (argparse's subcommands)
    """argparse's subcommands, each given its arguments when the command line names it (and only that one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 (argparse's)
        super().__init__(*args, **kwargs)
        #: The commands whose arguments are not added yet.
        self.pending: set[str] = set()

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = values[0] if isinstance(values, list) and values else None
        if name in self.pending:
            self.pending.discard(name)
            _add_arguments(name, self._name_parser_map[name])
        super().__call__(parser, namespace, values, option_string)


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for (it costs a look at the package metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:  # noqa: ANN401 (argparse's)
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        text = import_module("crsrules.cli._version").version_text()
        if sys.stdout is not None:
            with contextlib.suppress(OSError):  # a closed or full output: the exit status says nothing more
                sys.stdout.write(text)
        parser.exit()


def _parser(*, lazy: bool = False) -> argparse.ArgumentParser:
    """The command's parser; *lazy*: each command's arguments are added when the command line names it."""
    parser = Parser(
        prog="crsrules",
        description="Canada's Express Entry rules as code: CRS scores under the rules in force on any date.",
        epilog="Not legal advice: IRCC's official tool and instructions govern.",
    )
    parser.add_argument("--version", action=_Version, help="show the version of crsrules and of its rules, and exit")
    commands = cast(
        "_Commands", parser.add_subparsers(dest="command", required=True, metavar="COMMAND", action=_Commands)
    )
    for name, (help_, _module) in _COMMAND_MODULES.items():
        command = commands.add_parser(name, help=help_)
        if lazy:
            commands.pending.add(name)
        else:
            _add_arguments(name, command)
    return parser


def _write(text: str) -> int:
    """Write *text* on standard output and flush it: the exit status, 0 unless the output could not be written."""
    if sys.stdout is None:  # started with standard output closed (``crsrules rules >&-``)
        if not text:
            return 0
        error("error: cannot write to standard output: it is closed")
        return 2
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (``crsrules draws | head -1``): Python's convention
        _discard_output()
        return 1
    except OSError as exc:  # such as ``> /dev/full``
        _discard_output()
        error(f"error: cannot write to standard output: {exc.strerror or exc}")
        return 2
    return 0


def _discard_output() -> None:
    """Send what is left in standard output's buffer to /dev/null, so that the flush at exit does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file, such as a test's capture
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _error_document(kind: str, message: str, errors: Sequence[ErrorDetail] = ()) -> None:
    """Print an error as a JSON object on standard error (``--format json``): its kind, message and records."""
    document = {"error": kind, "message": message, "errors": [e.as_dict() for e in errors]}
    if sys.stderr is not None:
        with contextlib.suppress(OSError):  # nowhere left to say it: the exit status says it
            sys.stderr.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
            sys.stderr.flush()


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether *argv* asks for ``--format json``, for errors met before the arguments are parsed."""
    return "--format=json" in argv or ("--format", "json") in pairwise(argv)


def _argument_error(exc: ArgumentError, *, as_json: bool) -> NoReturn:
    """Report a command line argparse cannot parse, as argparse does (usage and message), or as JSON; status 2."""
    if as_json:
        _error_document("usage", str(exc))
    elif sys.stderr is not None:
        with contextlib.suppress(OSError):
            exc.parser.print_usage(sys.stderr)
            sys.stderr.write(f"{exc.parser.prog}: error: {exc}\n")
    sys.exit(_write("") or 2)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the ``crsrules`` command and exit: 0 on success, 2 on bad input, never with a traceback.

    The output is written when the command has finished, so that an error leaves none. With ``--format json``, an
    error is a JSON object on standard error (``error``, ``message`` and ``errors``, the problems as records; see the
    command-line reference); the exit status is the same.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Errors as JSON with ``--format json``; ``--version``.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser(lazy=True).parse_args(arguments)
    except ArgumentError as exc:
        _argument_error(exc, as_json=_wants_json(arguments))
    except SystemExit as exc:  # --help or --version (written by argparse)
        sys.exit(_write("") or exc.code)
    as_json = getattr(args, "format", None) == "json"
    out = io.StringIO()
    try:
        with warnings_as_messages(UserDataWarning):  # a user data folder that cannot be used
            _COMMANDS[args.command](args, out)
    except (UsageError, CRSRulesError) as exc:
        if not as_json:
            error(f"error: {exc}")
        elif isinstance(exc, UsageError):
            _error_document("usage", str(exc), exc.errors)
        else:
            records = exc.errors if isinstance(exc, InvalidFactorsError | InvalidJSONError) else ()
            _error_document(type(exc).__name__, str(exc), records)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 (a bug: one line, not a traceback, and status 1)
        text = str(exc)
        text = text if len(text) <= _LONGEST_INTERNAL else f"{text[: _LONGEST_INTERNAL - 3]}..."
        message = f"{type(exc).__name__}: {text} (a bug in crsrules: please report it)"
        if as_json:
            _error_document("internal", message)
        else:
            error(f"internal error: {message}")
        sys.exit(1)
    sys.exit(_write(out.getvalue()))


def run() -> NoReturn:
    """The ``crsrules`` program (its entry point, and ``python -m crsrules``): :func:`main`, then the process ends.

    As the process exits, the objects it made are frozen (:func:`gc.freeze`), so that the interpreter does not walk
    and free them one by one at exit, about a tenth of the command's time; the operating system takes the memory
    back. :func:`main` itself leaves the collector alone, for the programs and tests that call it.

    .. versionadded:: 0.2.0
    """
    try:
        main()
    finally:
        gc.freeze()
