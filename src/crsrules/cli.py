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
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import attrs

from crsrules import draws as draws_module
from crsrules._api import score
from crsrules._cli_batch import BATCH_INPUTS, BATCH_OUTPUTS, BatchError, input_format, score_rows
from crsrules.advice import summary
from crsrules.candidate import Candidate
from crsrules.categories import eligible_categories
from crsrules.errors import (
    CRSRulesError,
    ErrorDetail,
    InvalidFactorsError,
    InvalidJSONError,
    StaleRulesWarning,
    short_repr,
)
from crsrules.headings import Category, Program, Section
from crsrules.invitations import rounds_invited
from crsrules.io import DEFAULT_MAX_INPUT_BYTES, is_candidate_data, load_candidate, load_factors, parse_json
from crsrules.language_tests import LanguageTest
from crsrules.model import Factors
from crsrules.occupations import Occupation, occupation, search_occupations
from crsrules.programs import program_eligibility
from crsrules.rules import LAST_KNOWN_DATE, available_rulesets, get_rules, rules_in_force
from crsrules.schema import candidate_schema, factors_schema
from crsrules.scoring import score_factors
from crsrules.timeline import timeline

if TYPE_CHECKING:
    from collections.abc import Sequence

    from crsrules.rules import RuleSet
    from crsrules.scoring import ScoreBreakdown
    from crsrules.timeline import ScoreChange

__all__ = ["DEFAULT_MAX_INPUT_BYTES", "main"]

_SECTION_TITLES = {
    Section.CORE: "A. Core / human capital factors",
    Section.SPOUSE: "B. Spouse or common-law partner factors",
    Section.SKILL_TRANSFERABILITY: "C. Skill transferability factors",
    Section.ADDITIONAL: "D. Additional points",
}

_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"candidate": candidate_schema, "factors": factors_schema}

# The top-level keys of a factors file, to say that a file given for a candidate is one.
_FACTORS_KEYS = frozenset(a.name for a in attrs.fields(Factors))

# The input size limit (crsrules.io.DEFAULT_MAX_INPUT_BYTES by default) is set by --max-input-bytes or this variable.
_MAX_INPUT_ENV = "CRSRULES_MAX_INPUT_BYTES"
# The most characters of an unexpected exception's message shown.
_LONGEST_INTERNAL = 200


class _UsageError(Exception):
    """A problem with the command line or its input file (exit status 2), with its record if it is the file's."""

    def __init__(self, message: str, errors: Sequence[ErrorDetail] = ()) -> None:
        super().__init__(message)
        self.errors = tuple(errors)


class _ArgumentError(Exception):
    """argparse's error for a command line it cannot parse: reported by :func:`main`, as text or as JSON."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse, with the values it echoes in its messages shortened, and its errors left to :func:`main`."""

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(self, re.sub(r"'([^']{60,})'", lambda m: short_repr(m.group(1)), message))


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for (it costs a look at the package metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:  # noqa: ANN401 (argparse's)
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        try:
            number = installed_version("crsrules")
        except PackageNotFoundError:  # a source tree that is not installed
            number = "(not installed: run from a source tree)"
        latest = available_rulesets()[-1]
        text = (f"crsrules {number}\nnewest policy version {latest.id}, rules checked up to "
                f"{LAST_KNOWN_DATE.isoformat()}\n")  # fmt: skip
        if sys.stdout is not None:
            with contextlib.suppress(OSError):  # a closed or full output: the exit status says nothing more
                sys.stdout.write(text)
        parser.exit()


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date such as 2025-03-25: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg) from None


def _year(text: str) -> int:
    if not re.fullmatch(r"\s*[+-]?\d{1,20}\s*", text):
        msg = f"not a year such as 2023: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg)
    year = int(text)
    if not 1 <= year <= date.max.year:
        msg = f"not a year 1 to {date.max.year}: {year}"
        raise argparse.ArgumentTypeError(msg)
    return year


def _byte_count(text: str) -> int:
    if not re.fullmatch(r"\d{1,18}", text.strip()) or int(text) < 1:
        msg = f"not a number of bytes such as {DEFAULT_MAX_INPUT_BYTES}: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


_LIMIT_HELP = (
    f"read at most N bytes of FILE.json (default: ${_MAX_INPUT_ENV}, else {DEFAULT_MAX_INPUT_BYTES:,}); "
    "a larger file is an error"
)


def _add_file(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("file", metavar="FILE.json", help=f"{what}, as JSON ('-' reads standard input)")


def _today() -> date:
    return date.today()  # noqa: DTZ011 (the command's documented default: the computer's clock)


_PIN_HELP = "apply the pinned version ID, such as 2025-03-25, instead of the one in force"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crsrules",
        description="Canada's Express Entry rules as code: CRS scores under the rules in force on any date.",
        epilog="Not legal advice: IRCC's official tool and instructions govern.",
    )
    parser.add_argument("--version", action=_Version, help="show the version of crsrules and of its rules, and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score_ = commands.add_parser(
        "score",
        help="score a candidate or factors file (JSON)",
        description=(
            "Score a candidate file (dated facts, with a birth_date) or a factors file (the CRS tool's answers). "
            "For a candidate, --on is the day the facts are taken and --rules may pin the ruleset as well; "
            "for factors, give at most one of them."
        ),
    )
    score_.add_argument("file", metavar="FILE", help="a candidate or factors file (JSON), or rows (JSON Lines, CSV)")
    score_.add_argument(
        "--on",
        type=_iso_date,
        metavar="DATE",
        help="score under the rules in force on DATE (default: today); for a candidate, the day its facts are taken",
    )
    score_.add_argument("--rules", metavar="ID", help="score under the pinned ruleset ID, such as 2025-03-25")
    score_.add_argument("--format", choices=("text", "json", *BATCH_OUTPUTS),
                        help="text or json for one file (default text), jsonl or csv for rows (default jsonl)")
    score_.add_argument("--input-format", choices=("json", *BATCH_INPUTS), help="by default the file's extension says")
    score_.add_argument("--keep-going", action="store_true", help="skip bad rows, listing them at the end")

    timeline_ = commands.add_parser(
        "timeline",
        help="list the dates a candidate's score changes",
        description=(
            "List each date from the day after --from to --until (inclusive) on which the candidate's score changes, "
            "with the score before and after, the ruleset in force and the reasons."
        ),
    )
    _add_file(timeline_, "the candidate")
    timeline_.add_argument("--until", type=_iso_date, metavar="DATE", required=True, help="the last day of the window")
    timeline_.add_argument(
        "--from", dest="start", type=_iso_date, metavar="DATE", help="the day the window starts (default: today)"
    )
    timeline_.add_argument("--rules", metavar="ID", help="apply the pinned version ID on every day (only facts move)")
    timeline_.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of candidate or factors files",
        description="Print the JSON Schema (draft 2020-12) of candidate files or factors files.",
    )
    schema.add_argument(
        "kind", nargs="?", choices=tuple(_SCHEMAS), default="candidate", help="the kind of file (default: candidate)"
    )

    eligibility = commands.add_parser(
        "eligibility",
        help="check a candidate's programs (FSW, CEC, FST) and categories",
        description="Check the entry criteria of the three programs and every category in force, with reasons.",
    )
    _add_file(eligibility, "the candidate")
    eligibility.add_argument("--on", type=_iso_date, metavar="DATE", help="the day to check (default: today)")
    eligibility.add_argument("--rules", metavar="ID", help=_PIN_HELP)
    eligibility.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    invited = commands.add_parser(
        "invited",
        help="list the rounds of invitations that would have invited a candidate",
        description="Replay every round since --since for the candidate and list those that would have invited them.",
    )
    _add_file(invited, "the candidate")
    invited.add_argument(
        "--since", type=_iso_date, metavar="DATE", help="the first day (default: the profile's submission date)"
    )
    invited.add_argument("--rules", metavar="ID", help=_PIN_HELP)
    invited.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    improve = commands.add_parser(
        "improve",
        help="list what would raise a candidate's score, the coming changes and recent rounds",
        description="List the actions that would raise the candidate's score on DATE, most points first, each computed "
        "from the candidate's facts (tests, documents, protections before a loss, life events), the best combination "
        "of two, the coming changes of the next 12 months, and the rounds of the last 12 months replayed for the "
        "candidate (history, not a forecast).",
    )
    _add_file(improve, "the candidate")
    improve.add_argument("--on", type=_iso_date, metavar="DATE", help="the day asked about (default: today)")
    improve.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    draws = commands.add_parser(
        "draws",
        help="list the rounds of invitations",
        description="List the rounds of invitations since round 1 (2015-01-31), oldest first, with filters.",
    )
    draws.add_argument("--kind", choices=[k.value for k in draws_module.DrawKind], help="only rounds of this kind")
    draws.add_argument("--category", choices=draws_module.CATEGORIES, help="only rounds of this category")
    draws.add_argument("--year", type=_year, metavar="YEAR", help="only rounds held in YEAR (2015 to the data's last)")
    draws.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format (default: text)"
    )

    occupation_ = commands.add_parser(
        "occupation",
        help="look up a NOC 2021 unit group by code or by words of its title",
        description="Show the NOC 2021 unit group with this five-digit code, or search the titles for these words.",
    )
    occupation_.add_argument("query", nargs="+", metavar="CODE_OR_WORDS", help="a code such as 21211, or words")

    rules = commands.add_parser("rules", help="list the rulesets", description="List the rulesets, oldest first.")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    for reads_a_file in (score_, timeline_, eligibility, invited, improve):
        reads_a_file.add_argument("--max-input-bytes", type=_byte_count, metavar="N", help=_LIMIT_HELP)
    _add_data_commands(commands)
    return parser


def _add_data_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    text_or_json = {"choices": ("text", "json"), "default": "text", "help": "output format (default: text)"}
    data = commands.add_parser(
        "data",
        help="bring the rounds up to date from IRCC's feed; show the data in use",
        description="The rounds of invitations are data, versioned apart from crsrules' code. 'data update' stores "
        f"newer rounds in the user data folder (${draws_module.DATA_DIR_ENV}, else the platform's).",
    )
    actions = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    update = actions.add_parser(
        "update",
        help="read a newer copy of IRCC's rounds feed and store the merged rounds",
        description=f"Read IRCC's rounds feed ({draws_module.FEED_URL}), check every round, merge it with the "
        "data in use and store it in the user data folder; each round IRCC corrected is listed. A feed older than "
        "the data in use, or one that lacks rounds it has, is refused unless --force; no round is ever lost.",
    )
    update.add_argument("file", metavar="FILE", help=f"the feed, {draws_module.FEED_NAME} ('-' reads standard input)")
    update.add_argument("--force", action="store_true", help="take an older or partial feed (no round is lost)")
    update.add_argument("--feed-date", type=_iso_date, metavar="DATE", help="the day the feed was downloaded "
                        "(default: a date in FILE's name, else its modification day; today for standard input)")
    update.add_argument("--max-input-bytes", type=_byte_count, metavar="N", help="read at most N bytes of FILE "
                        f"(default: {draws_module.DEFAULT_MAX_FEED_BYTES:,}); a larger file is an error")
    update.add_argument("--format", **text_or_json)  # type: ignore[arg-type]
    status = actions.add_parser(
        "status",
        help="show the data in use, each dataset's version, and what is stale",
        description="Show the rounds data in use and its version (the date of the feed it came from), its last "
        "round, the rounds IRCC corrected, each dataset's version and provenance, the last day the rules were "
        "confirmed (crsrules.rules.LAST_KNOWN_DATE) and what is stale today.",
    )
    status.add_argument("--format", **text_or_json)  # type: ignore[arg-type]


def _max_input_bytes(args: argparse.Namespace) -> int:
    if args.max_input_bytes is not None:
        return int(args.max_input_bytes)
    setting = os.environ.get(_MAX_INPUT_ENV)
    if setting is None:
        return DEFAULT_MAX_INPUT_BYTES
    try:
        return _byte_count(setting)
    except argparse.ArgumentTypeError as exc:
        raise _UsageError(f"{_MAX_INPUT_ENV}: {exc}") from None


def _read_json(name: str, limit: int) -> Any:  # noqa: ANN401 (any JSON)
    """The JSON in file *name* (``-``: standard input), read up to *limit* bytes, strictly parsed."""
    where = "standard input" if name == "-" else name
    return parse_json(_read_input(name, limit), where=where, max_bytes=limit)


def _read_input(
    name: str, limit: int, *, kind: str = "a candidate file is a few kilobytes", setting: str = _MAX_INPUT_ENV
) -> bytes | str:
    """The content of file *name* (``-``: standard input), read up to *limit* bytes; a larger file is an error."""
    where = "standard input" if name == "-" else name
    try:
        if name == "-":
            if sys.stdin is None:
                raise _UsageError("cannot read standard input: it is closed")
            stream = getattr(sys.stdin, "buffer", sys.stdin)  # a text stream (a test's) is read as text
            raw: bytes | str = stream.read(limit + 1)
        else:
            with Path(name).open("rb") as file:
                raw = file.read(limit + 1)
    except OSError as exc:
        msg = f"cannot read {where}: {exc.strerror or exc}"
        raise _UsageError(msg) from None
    if len(raw) > limit:
        msg = (
            f"{where} is larger than the input size limit of {limit:,} bytes ({kind}); "
            f"raise it with --max-input-bytes{f' or {setting}' if setting else ''} if the file is right"
        )
        raise _UsageError(msg, [ErrorDetail(path="$", code="too_large", message=msg)])
    return raw



@contextmanager
def _stale_rules_as_warnings(category: type[Warning] = StaleRulesWarning) -> Iterator[None]:
    """Print each warning of *category* raised inside as ``crsrules: warning: ...`` on standard error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", category)
        yield
    shown: set[str] = set()  # each message once: replaying many rounds after the last known date warns for each
    for warning in caught:
        if issubclass(warning.category, category):
            if str(warning.message) not in shown:
                _error(f"warning: {warning.message}")
            shown.add(str(warning.message))
        else:  # pragma: no cover (other warnings go out as they came)
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _format_text(breakdown: ScoreBreakdown, ruleset: RuleSet, out: TextIO, *, facts_on: date | None = None) -> None:
    out.write(f"CRS score: {breakdown.total}   (ruleset {ruleset.id}: {ruleset.summary})\n")
    if facts_on is not None:
        out.write(f"Candidate's facts taken on {facts_on.isoformat()}\n")
    out.write("\n")
    for section, points in breakdown.by_section.items():
        out.write(f"{_SECTION_TITLES[section]:<62}{points:>5}\n")
        for line in breakdown.lines:
            if line.section is section:
                capped = f" (earned {line.earned})" if line.earned != line.points else ""
                out.write(f"    {line.factor.value.replace('_', ' '):<58}{line.points:>5}  {line.detail}{capped}\n")
                if line.evidence:
                    out.write(f"      from: {line.evidence}\n")
    out.write(f"{'Total':<62}{breakdown.total:>5}\n")


def _score(args: argparse.Namespace, out: TextIO) -> None:
    kind = input_format(args.file, args.input_format)
    if kind != "json":  # many factors rows: crsrules._cli_batch
        try:
            with _stale_rules_as_warnings():
                report = score_rows(args, kind=kind, today=_today(), max_row_bytes=_max_input_bytes(args), out=out)
        except BatchError as exc:
            raise _UsageError(str(exc), exc.errors) from None
        for line in report:
            _error(line)
        return
    if args.format in BATCH_OUTPUTS or args.keep_going:
        raise _UsageError("--format csv or jsonl and --keep-going are for many rows (--input-format jsonl or csv)")
    args.format = args.format or "text"
    data = _read_json(args.file, _max_input_bytes(args))
    facts_on: date | None = None
    if is_candidate_data(data):
        candidate = load_candidate(data)
        facts_on = args.on or _today()
        with _stale_rules_as_warnings():
            breakdown = score(candidate, on=facts_on, rules=args.rules)
        ruleset = get_rules(breakdown.rules_id)
    else:
        if args.on is not None and args.rules is not None:
            msg = "for a factors file give --on or --rules, not both (both are allowed for a candidate file only)"
            raise _UsageError(msg)
        factors = load_factors(data)
        with _stale_rules_as_warnings():
            ruleset = get_rules(args.rules) if args.rules else rules_in_force(args.on or _today())
        breakdown = score_factors(factors, ruleset)
    if args.format == "json":
        out.write(json.dumps(breakdown.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _format_text(breakdown, ruleset, out, facts_on=facts_on)


def _format_change(change: ScoreChange) -> str:
    head = f"{change.on.isoformat()}  {change.before} -> {change.after} ({change.delta:+d})  ruleset {change.rules_id}"
    return "\n".join([head, *(f"    {reason}" for reason in change.reasons)]) + "\n"


def _timeline(args: argparse.Namespace, out: TextIO) -> None:
    data = _read_json(args.file, _max_input_bytes(args))
    if not is_candidate_data(data) and isinstance(data, Mapping) and set(data) & _FACTORS_KEYS:
        msg = (
            f"{args.file} is a factors file: a timeline needs a candidate file, with dated facts such as a "
            "birth_date (see 'crsrules schema candidate')"
        )
        raise _UsageError(msg)
    # Anything else is read as a candidate file, so that its problems are listed.
    candidate = load_candidate(data)
    start: date = args.start or _today()
    until: date = args.until
    if until < start:
        msg = f"--until ({until.isoformat()}) is before --from ({start.isoformat()}{'' if args.start else ', today'})"
        raise _UsageError(msg)
    with _stale_rules_as_warnings():
        changes = timeline(candidate, start, until, rules=args.rules)
    if args.format == "json":
        result = {"from": start.isoformat(), "until": until.isoformat(), "changes": [c.as_dict() for c in changes]}
        out.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return
    if not changes:
        out.write(f"no change between {start.isoformat()} and {until.isoformat()}\n")
        return
    out.write(f"Score changes after {start.isoformat()} up to {until.isoformat()}:\n\n")
    out.writelines(_format_change(change) for change in changes)


def _schema(args: argparse.Namespace, out: TextIO) -> None:
    out.write(json.dumps(_SCHEMAS[args.kind](), indent=2, ensure_ascii=False) + "\n")


def _rules(args: argparse.Namespace, out: TextIO) -> None:
    rulesets = available_rulesets()
    if args.format == "json":
        data = [
            {
                "id": r.id,
                "effective": r.effective.isoformat(),
                "summary": r.summary,
                "changes": sorted(f.value for f in r.changes),
                "language_changes": sorted(t.value for t in r.language_changes),
                "category_changes": sorted(c.value for c in r.category_changes),
                "program_changes": sorted(p.value for p in r.program_changes),
                "fingerprint": r.fingerprint,
                "sources": [{"title": s.title, "url": s.url} for s in r.sources],
            }
            for r in rulesets
        ]
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    for r, following in zip(rulesets, (*rulesets[1:], None), strict=True):
        until = f"until {following.effective.isoformat()}" if following else "in force"
        out.write(f"{r.id}  ({until})  {r.summary}\n")
        if r.changes:
            out.write(f"            changes: {', '.join(sorted(f.value for f in r.changes))}\n")
        if r.language_changes:
            out.write(f"            tests: {', '.join(t.value for t in LanguageTest if t in r.language_changes)}\n")
        if r.category_changes:
            out.write(f"            categories: {', '.join(c.value for c in Category if c in r.category_changes)}\n")
        if r.program_changes:
            out.write(f"            programs: {', '.join(p.value for p in Program if p in r.program_changes)}\n")


def _candidate(args: argparse.Namespace) -> Candidate:
    data = _read_json(args.file, _max_input_bytes(args))
    if not is_candidate_data(data) and isinstance(data, Mapping) and set(data) & _FACTORS_KEYS:
        msg = (
            f"{args.file} is a factors file: this command needs a candidate file, with dated facts such as a "
            "birth_date"
        )
        raise _UsageError(msg)
    return load_candidate(data)


def _eligibility(args: argparse.Namespace, out: TextIO) -> None:
    candidate = _candidate(args)
    on: date = args.on or _today()
    with _stale_rules_as_warnings():
        programs = program_eligibility(candidate, on=on, rules=args.rules)
        # The categories in force: each answer has its version.
        categories = [(c, c.version) for c in eligible_categories(candidate, on=on, rules=args.rules) if c.version]
    if args.format == "json":
        result = {
            "on": on.isoformat(),
            "programs": programs.as_dict(),
            "categories": [
                {
                    "category": c.category.value,
                    "version": version.id,
                    "eligible": c.eligible,
                    "months": round(c.months, 2),
                    "reasons": list(c.reasons),
                }
                for c, version in categories
            ],
        }
        out.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return
    met = ", ".join(p.title for p in programs.eligible_programs) or "none"
    out.write(
        f"On {on.isoformat()} (ruleset {programs.rules_id}): in the pool: {'yes' if programs.in_pool else 'no'}\n"
    )
    out.write(f"Programs met: {met}\n")
    out.writelines(f"    {reason}\n" for reason in programs.reasons)
    out.writelines(f"    note: {note}\n" for note in programs.notes)
    out.write("\nCategories in force:\n")
    for c, version in categories:
        out.write(f"  {'eligible    ' if c.eligible else 'not eligible'}  {version.title} ({version.id})\n")
        out.writelines(f"      {reason}\n" for reason in c.reasons)


def _invited(args: argparse.Namespace, out: TextIO) -> None:
    candidate = _candidate(args)
    submitted = candidate.profile_submitted_at
    since: date | None = args.since or (submitted.date() if submitted is not None else None)
    if since is None:
        msg = "give --since: the candidate file has no profile_submitted_at"
        raise _UsageError(msg)
    with _stale_rules_as_warnings():
        checks = rounds_invited(candidate, since=since, rules=args.rules)
    if args.format == "json":
        out.write(json.dumps([c.as_dict() for c in checks], indent=2, ensure_ascii=False) + "\n")
        return
    if not checks:
        out.write(f"no round since {since.isoformat()} would have invited this candidate\n")
        return
    out.write(f"Rounds since {since.isoformat()} that would have invited this candidate:\n")
    for check in checks:
        draw = check.draw
        out.write(f"  round {draw.number:>4}  {draw.date.isoformat()}  {draw.round_name}: CRS {check.score} "
                  f"(cut-off {draw.cutoff}, {check.margin:+d})\n")  # fmt: skip


def _improve(args: argparse.Namespace, out: TextIO) -> None:
    candidate = _candidate(args)
    with _stale_rules_as_warnings():
        found = summary(candidate, on=args.on or _today())
    if args.format == "json":
        out.write(json.dumps(found.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(f"{line}\n" for line in found.lines())


def _draws(args: argparse.Namespace, out: TextIO) -> None:
    if args.year is not None:
        every = draws_module.history()
        first, last = every[0].date.year, every[-1].date.year
        if not first <= args.year <= last:
            msg = f"--year {args.year}: the rounds of invitations known to crsrules are from {first} to {last}"
            raise _UsageError(msg)
    rounds = draws_module.history(year=args.year, kind=args.kind, category=args.category)
    if args.format == "json":
        out.write(json.dumps([d.as_dict() for d in rounds], indent=2, ensure_ascii=False) + "\n")
        return
    if args.format == "csv":
        rows = [d.as_dict() for d in rounds]
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["number"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    out.writelines(
        f"{d.number:>5}  {d.date.isoformat()}  {d.invitations:>6,}  {d.cutoff:>4}  {d.round_name}\n" for d in rounds
    )
    out.write(f"{len(rounds)} rounds, {sum(d.invitations for d in rounds):,} invitations\n")


def _occupation(args: argparse.Namespace, out: TextIO) -> None:
    query = " ".join(args.query).strip()
    found: tuple[Occupation, ...]
    if query.isdigit():
        found = (occupation(query),)
    else:
        found = search_occupations(query)
        if not found:
            msg = f"no NOC 2021 unit group title contains all of: {query}"
            raise _UsageError(msg)
    for o in found:
        skilled = "skilled (TEER 0-3)" if o.is_skilled else "not skilled for Express Entry (TEER 4-5)"
        out.write(f"{o.code}  {o.title}  (TEER {o.teer}, {skilled})\n")


def _data(args: argparse.Namespace, out: TextIO) -> None:
    if args.data_command == "status":
        status = draws_module.data_status()
        if args.format == "json":
            out.write(json.dumps(status.as_dict(), indent=2, ensure_ascii=False) + "\n")
        else:
            out.writelines(f"{line}\n" for line in status.lines())
        return
    limit = draws_module.DEFAULT_MAX_FEED_BYTES if args.max_input_bytes is None else int(args.max_input_bytes)
    feed: bytes | str = args.file
    if args.file == "-":
        raw = _read_input("-", limit, kind="IRCC's rounds feed is about 800 KB", setting="")
        feed = raw.encode("utf-8") if isinstance(raw, str) else raw
    report = draws_module.update_data(feed, force=args.force, feed_date=args.feed_date, max_bytes=limit)
    if args.format == "json":
        out.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(f"{line}\n" for line in report.lines())


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {
    "score": _score,
    "timeline": _timeline,
    "eligibility": _eligibility,
    "invited": _invited,
    "improve": _improve,
    "draws": _draws,
    "occupation": _occupation,
    "schema": _schema,
    "rules": _rules,
    "data": _data,
}


def _error(message: str) -> None:
    """Print *message* on standard error, if there is one to print on."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"crsrules: {message}\n")
            sys.stderr.flush()
        except OSError:  # nowhere left to say it: the exit status says it
            pass


def _write(text: str) -> int:
    """Write *text* on standard output and flush it: the exit status, 0 unless the output could not be written."""
    if sys.stdout is None:  # started with standard output closed (``crsrules rules >&-``)
        if not text:
            return 0
        _error("error: cannot write to standard output: it is closed")
        return 2
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (``crsrules draws | head -1``): Python's convention
        _discard_output()
        return 1
    except OSError as exc:  # such as ``> /dev/full``
        _discard_output()
        _error(f"error: cannot write to standard output: {exc.strerror or exc}")
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


def _argument_error(error: _ArgumentError, *, as_json: bool) -> NoReturn:
    """Report a command line argparse cannot parse, as argparse does (usage and message), or as JSON; status 2."""
    if as_json:
        _error_document("usage", str(error))
    elif sys.stderr is not None:
        with contextlib.suppress(OSError):
            error.parser.print_usage(sys.stderr)
            sys.stderr.write(f"{error.parser.prog}: error: {error}\n")
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
        args = _parser().parse_args(arguments)
    except _ArgumentError as exc:
        _argument_error(exc, as_json=_wants_json(arguments))
    except SystemExit as exc:  # --help or --version (written by argparse)
        sys.exit(_write("") or exc.code)
    as_json = getattr(args, "format", None) == "json"
    out = io.StringIO()
    try:
        with _stale_rules_as_warnings(draws_module.UserDataWarning):  # a user data folder that cannot be used
            _COMMANDS[args.command](args, out)
    except (_UsageError, CRSRulesError) as exc:
        if not as_json:
            _error(f"error: {exc}")
        elif isinstance(exc, _UsageError):
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
            _error(f"internal error: {message}")
        sys.exit(1)
    sys.exit(_write(out.getvalue()))


if __name__ == "__main__":  # pragma: no cover
    main()
