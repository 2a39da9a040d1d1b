"""The ``crsrules`` command.

``score`` scores a candidate file or a factors file; ``timeline`` lists the dates a candidate's score changes;
``eligibility`` checks the programs and the categories; ``invited`` lists the rounds that would have invited a
candidate; ``draws`` lists the rounds of invitations; ``occupation`` looks up NOC 2021 unit groups; ``schema`` prints
the JSON Schema of the input files; ``rules`` lists the rulesets.

Bad input exits with status 2 and a short message on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import attrs

from crsrules import draws as draws_module
from crsrules._api import score
from crsrules.candidate import Candidate
from crsrules.categories import eligible_categories
from crsrules.errors import CRSRulesError, StaleRulesWarning
from crsrules.headings import Category, Program, Section
from crsrules.invitations import rounds_invited
from crsrules.io import is_candidate_data, load_candidate, load_factors
from crsrules.language_tests import LanguageTest
from crsrules.model import Factors
from crsrules.occupations import Occupation, occupation, search_occupations
from crsrules.programs import program_eligibility
from crsrules.rules import available_rulesets, get_rules, rules_in_force
from crsrules.schema import candidate_schema, factors_schema
from crsrules.scoring import score_factors
from crsrules.timeline import timeline

if TYPE_CHECKING:
    from collections.abc import Sequence

    from crsrules.rules import RuleSet
    from crsrules.scoring import ScoreBreakdown
    from crsrules.timeline import ScoreChange

__all__ = ["main"]

_SECTION_TITLES = {
    Section.CORE: "A. Core / human capital factors",
    Section.SPOUSE: "B. Spouse or common-law partner factors",
    Section.SKILL_TRANSFERABILITY: "C. Skill transferability factors",
    Section.ADDITIONAL: "D. Additional points",
}

_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"candidate": candidate_schema, "factors": factors_schema}

# The top-level keys of each kind of file, to tell a factors file from a candidate file that lacks its birth_date.
_FACTORS_KEYS = frozenset(a.name for a in attrs.fields(Factors))
_CANDIDATE_KEYS = frozenset(a.name for a in attrs.fields(Candidate) if a.init)


class _UsageError(Exception):
    """A problem with the command line or its input file (exit status 2)."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date such as 2025-03-25: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _today() -> date:
    return date.today()  # noqa: DTZ011 (the command's documented default: the computer's clock)


_PIN_HELP = "apply the pinned version ID, such as 2025-03-25, instead of the one in force"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crsrules",
        description="Canada's Express Entry rules as code: CRS scores under the rules in force on any date.",
        epilog="Not legal advice: IRCC's official tool and instructions govern.",
    )
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
    score_.add_argument(
        "file", metavar="FILE.json", help="the candidate or factors, as JSON ('-' reads standard input)"
    )
    score_.add_argument(
        "--on",
        type=_iso_date,
        metavar="DATE",
        help="score under the rules in force on DATE (default: today); for a candidate, the day its facts are taken",
    )
    score_.add_argument("--rules", metavar="ID", help="score under the pinned ruleset ID, such as 2025-03-25")
    score_.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    timeline_ = commands.add_parser(
        "timeline",
        help="list the dates a candidate's score changes",
        description=(
            "List each date from the day after --from to --until (inclusive) on which the candidate's score changes, "
            "with the score before and after, the ruleset in force and the reasons."
        ),
    )
    timeline_.add_argument("file", metavar="FILE.json", help="the candidate, as JSON ('-' reads standard input)")
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
    eligibility.add_argument("file", metavar="FILE.json", help="the candidate, as JSON ('-' reads standard input)")
    eligibility.add_argument("--on", type=_iso_date, metavar="DATE", help="the day to check (default: today)")
    eligibility.add_argument("--rules", metavar="ID", help=_PIN_HELP)
    eligibility.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    invited = commands.add_parser(
        "invited",
        help="list the rounds of invitations that would have invited a candidate",
        description="Replay every round since --since for the candidate and list those that would have invited them.",
    )
    invited.add_argument("file", metavar="FILE.json", help="the candidate, as JSON ('-' reads standard input)")
    invited.add_argument(
        "--since", type=_iso_date, metavar="DATE", help="the first day (default: the profile's submission date)"
    )
    invited.add_argument("--rules", metavar="ID", help=_PIN_HELP)
    invited.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    draws = commands.add_parser(
        "draws",
        help="list the rounds of invitations",
        description="List the rounds of invitations since round 1 (2015-01-31), oldest first, with filters.",
    )
    draws.add_argument("--kind", choices=[k.value for k in draws_module.DrawKind], help="only rounds of this kind")
    draws.add_argument("--category", choices=draws_module.CATEGORIES, help="only rounds of this category")
    draws.add_argument("--year", type=int, metavar="YEAR", help="only rounds held in YEAR")
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
    return parser


def _read_json(name: str) -> Any:  # noqa: ANN401 (any JSON)
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as exc:
        msg = f"cannot read {name}: {exc.strerror or exc}"
        raise _UsageError(msg) from None
    except UnicodeDecodeError:
        msg = f"cannot read {name}: not UTF-8 text"
        raise _UsageError(msg) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise _UsageError(msg) from None


def _is_candidate(data: object) -> bool:
    """A candidate file: one with a birth_date, or one whose keys are all a candidate's (its birth_date missing)."""
    if is_candidate_data(data):
        return True
    if not isinstance(data, Mapping) or not data:
        return False
    keys = set(data)
    return not keys & _FACTORS_KEYS and bool(keys & _CANDIDATE_KEYS)


@contextmanager
def _stale_rules_as_warnings() -> Iterator[None]:
    """Print each StaleRulesWarning raised inside as ``crsrules: warning: ...`` on standard error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StaleRulesWarning)
        yield
    for warning in caught:
        if issubclass(warning.category, StaleRulesWarning):
            sys.stderr.write(f"crsrules: warning: {warning.message}\n")
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
    data = _read_json(args.file)
    facts_on: date | None = None
    if _is_candidate(data):
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
    data = _read_json(args.file)
    if not _is_candidate(data) and isinstance(data, Mapping) and set(data) & _FACTORS_KEYS:
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


def _candidate(name: str) -> Candidate:
    data = _read_json(name)
    if not _is_candidate(data) and isinstance(data, Mapping) and set(data) & _FACTORS_KEYS:
        msg = f"{name} is a factors file: this command needs a candidate file, with dated facts such as a birth_date"
        raise _UsageError(msg)
    return load_candidate(data)


def _eligibility(args: argparse.Namespace, out: TextIO) -> None:
    candidate = _candidate(args.file)
    on: date = args.on or _today()
    with _stale_rules_as_warnings():
        programs = program_eligibility(candidate, on=on, rules=args.rules)
        categories = eligible_categories(candidate, on=on, rules=args.rules)
    if args.format == "json":
        result = {
            "on": on.isoformat(),
            "programs": programs.as_dict(),
            "categories": [
                {
                    "category": c.category.value,
                    "version": c.version.id,
                    "eligible": c.eligible,
                    "months": round(c.months, 2),
                    "reasons": list(c.reasons),
                }
                for c in categories
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
    for c in categories:
        out.write(f"  {'eligible    ' if c.eligible else 'not eligible'}  {c.version.title} ({c.version.id})\n")
        out.writelines(f"      {reason}\n" for reason in c.reasons)


def _invited(args: argparse.Namespace, out: TextIO) -> None:
    candidate = _candidate(args.file)
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


def _draws(args: argparse.Namespace, out: TextIO) -> None:
    start = date(args.year, 1, 1) if args.year else None
    end = date(args.year, 12, 31) if args.year else None
    rounds = draws_module.history(start=start, end=end, kind=args.kind, category=args.category)
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


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], None]] = {
    "score": _score,
    "timeline": _timeline,
    "eligibility": _eligibility,
    "invited": _invited,
    "draws": _draws,
    "occupation": _occupation,
    "schema": _schema,
    "rules": _rules,
}


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the ``crsrules`` command and exit: 0 on success, 2 on bad input.

    .. versionadded:: 0.1.0
    """
    args = _parser().parse_args(argv)
    try:
        _COMMANDS[args.command](args, sys.stdout)
    except (_UsageError, CRSRulesError) as exc:
        sys.stderr.write(f"crsrules: error: {exc}\n")
        sys.exit(2)
    except BrokenPipeError:  # the reader stopped early (``crsrules rules | head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
