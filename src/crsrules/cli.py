"""The ``crsrules`` command: score a factors file, list the rulesets.

Bad input exits with status 2 and a short message on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from crsrules.errors import CRSRulesError, StaleRulesWarning
from crsrules.headings import Section
from crsrules.io import load_factors
from crsrules.rules import available_rulesets, get_rules, rules_in_force
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    from collections.abc import Sequence

    from crsrules.rules import RuleSet
    from crsrules.scoring import ScoreBreakdown

__all__ = ["main"]

_SECTION_TITLES = {
    Section.CORE: "A. Core / human capital factors",
    Section.SPOUSE: "B. Spouse or common-law partner factors",
    Section.SKILL_TRANSFERABILITY: "C. Skill transferability factors",
    Section.ADDITIONAL: "D. Additional points",
}


class _UsageError(Exception):
    """A problem with the command line or its input file (exit status 2)."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO date such as 2025-03-25: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crsrules",
        description="Canada's Express Entry rules as code: CRS scores under the rules in force on any date.",
        epilog="Not legal advice: IRCC's official tool and instructions govern.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score = commands.add_parser("score", help="score a factors file (JSON)", description="Score a factors file.")
    score.add_argument("file", metavar="FILE.json", help="the factors, as JSON ('-' reads standard input)")
    when = score.add_mutually_exclusive_group()
    when.add_argument(
        "--on", type=_iso_date, metavar="DATE", help="score under the rules in force on DATE (default: today)"
    )
    when.add_argument("--rules", metavar="ID", help="score under the pinned ruleset ID, such as 2025-03-25")
    score.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

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


def _format_text(breakdown: ScoreBreakdown, ruleset: RuleSet, out: TextIO) -> None:
    out.write(f"CRS score: {breakdown.total}   (ruleset {ruleset.id}: {ruleset.summary})\n\n")
    for section, points in breakdown.by_section.items():
        out.write(f"{_SECTION_TITLES[section]:<62}{points:>5}\n")
        for line in breakdown.lines:
            if line.section is section:
                capped = f" (earned {line.earned})" if line.earned != line.points else ""
                out.write(f"    {line.factor.value.replace('_', ' '):<58}{line.points:>5}  {line.detail}{capped}\n")
    out.write(f"{'Total':<62}{breakdown.total:>5}\n")


def _score(args: argparse.Namespace, out: TextIO) -> None:
    factors = load_factors(_read_json(args.file))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StaleRulesWarning)
        ruleset = get_rules(args.rules) if args.rules else rules_in_force(args.on or date.today())  # noqa: DTZ011
    for warning in caught:
        sys.stderr.write(f"crsrules: warning: {warning.message}\n")
    breakdown = score_factors(factors, ruleset)
    if args.format == "json":
        out.write(json.dumps(breakdown.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _format_text(breakdown, ruleset, out)


def _rules(args: argparse.Namespace, out: TextIO) -> None:
    rulesets = available_rulesets()
    if args.format == "json":
        data = [
            {
                "id": r.id,
                "effective": r.effective.isoformat(),
                "summary": r.summary,
                "changes": sorted(f.value for f in r.changes),
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


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the ``crsrules`` command and exit: 0 on success, 2 on bad input.

    .. versionadded:: 0.1.0
    """
    args = _parser().parse_args(argv)
    try:
        if args.command == "score":
            _score(args, sys.stdout)
        else:
            _rules(args, sys.stdout)
    except (_UsageError, CRSRulesError) as exc:
        sys.stderr.write(f"crsrules: error: {exc}\n")
        sys.exit(2)
    except BrokenPipeError:  # the reader stopped early (``crsrules rules | head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
