"""``crsrules score``: one factors or candidate file (JSON), or many factors rows (JSON Lines, CSV).

A factors file needs the JSON reader, the ruleset and the scorer only: a candidate file's scoring
(:mod:`crsrules.cli._score_candidate`) and rows' (:mod:`crsrules._cli_batch`, with numpy) are imported when the
file is one. Not public API: the command line is.
"""

from __future__ import annotations

import json
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from crsrules.cli._base import UsageError, iso_date, warnings_as_messages
from crsrules.cli._files import add_limit, max_input_bytes, read_json, today
from crsrules.headings import Section
from crsrules.io import is_candidate_data, load_factors
from crsrules.rules import get_rules, rules_in_force
from crsrules.scoring import score_factors

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from crsrules.derive import Derivation
    from crsrules.rules import RuleSet
    from crsrules.scoring import ScoreBreakdown

#: The input formats of many rows, and the output formats of their results.
BATCH_INPUTS = ("jsonl", "csv")
BATCH_OUTPUTS = ("jsonl", "csv")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}

_SECTION_TITLES = {
    Section.CORE: "A. Core / human capital factors",
    Section.SPOUSE: "B. Spouse or common-law partner factors",
    Section.SKILL_TRANSFERABILITY: "C. Skill transferability factors",
    Section.ADDITIONAL: "D. Additional points",
}


def input_format(name: str, given: str | None) -> str:
    """The input format of file *name*: *given* (``--input-format``), else by its extension (``json`` otherwise)."""
    if given is not None:
        return given
    return _EXTENSIONS.get(Path(name).suffix.lower(), "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules score``."""
    parser.description = (
        "Score a candidate file (dated facts, with a birth_date) or a factors file (the CRS tool's answers). "
        "For a candidate, --on is the day the facts are taken and --rules may pin the ruleset as well; "
        "for factors, give at most one of them."
    )
    parser.add_argument("file", metavar="FILE", help="a candidate or factors file (JSON), or rows (JSON Lines, CSV)")
    parser.add_argument(
        "--on",
        type=iso_date,
        metavar="DATE",
        help="score under the rules in force on DATE (default: today); for a candidate, the day its facts are taken",
    )
    parser.add_argument("--rules", metavar="ID", help="score under the pinned ruleset ID, such as 2025-03-25")
    parser.add_argument(
        "--format",
        choices=("text", "json", *BATCH_OUTPUTS),
        help="text or json for one file (default text), jsonl or csv for rows (default jsonl)",
    )
    parser.add_argument("--input-format", choices=("json", *BATCH_INPUTS), help="by default the file's extension says")
    parser.add_argument("--keep-going", action="store_true", help="skip bad rows, listing them at the end")
    add_limit(parser)


def format_text(breakdown: ScoreBreakdown, ruleset: RuleSet, out: TextIO, *, facts_on: date | None = None) -> None:
    """The score as text: the total, then each section with its lines."""
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


def run(args: argparse.Namespace, out: TextIO) -> None:
    """Score ``args.file`` and write the result on *out*."""
    kind = input_format(args.file, args.input_format)
    if kind != "json":  # many factors rows
        import_module("crsrules.cli._score_rows").run(args, out, kind=kind)
        return
    if args.format in BATCH_OUTPUTS or args.keep_going:
        raise UsageError("--format csv or jsonl and --keep-going are for many rows (--input-format jsonl or csv)")
    args.format = args.format or "text"
    data = read_json(args.file, max_input_bytes(args))
    breakdown: ScoreBreakdown
    ruleset: RuleSet
    facts_on: date | None
    derivation: Derivation | None = None
    if is_candidate_data(data):
        breakdown, derivation, facts_on = import_module("crsrules.cli._score_candidate").score(args, data)
        ruleset = derivation.rules
    else:
        if args.on is not None and args.rules is not None:
            msg = "for a factors file give --on or --rules, not both (both are allowed for a candidate file only)"
            raise UsageError(msg)
        factors = load_factors(data)
        with warnings_as_messages():
            ruleset = get_rules(args.rules) if args.rules else rules_in_force(args.on or today())
        breakdown, facts_on = score_factors(factors, ruleset), None
    if args.format == "json":
        document = breakdown.as_dict()
        if derivation is not None:  # each line's evidence as records too (Derivation.conditions)
            records = derivation.conditions
            document["lines"] = [
                line.as_dict() | {"conditions": [c.as_dict() for c in records[line.factor]]} for line in breakdown.lines
            ]
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        format_text(breakdown, ruleset, out, facts_on=facts_on)


#: The commands of this module: their arguments and what runs them.
ARGUMENTS = {"score": add_arguments}
COMMANDS = {"score": run}
