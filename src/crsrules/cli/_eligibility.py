"""``crsrules eligibility``, ``invited`` and ``improve``: what a candidate meets, would have met, and could gain.

Not public API: the command line is.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from crsrules.advice import summary
from crsrules.categories import eligible_categories
from crsrules.cli._base import PIN_HELP, UsageError, add_format, iso_date, warnings_as_messages
from crsrules.cli._files import add_file, add_limit, read_candidate, today
from crsrules.invitations import rounds_invited
from crsrules.programs import program_eligibility

if TYPE_CHECKING:
    import argparse
    from datetime import date


def add_eligibility_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules eligibility``."""
    parser.description = "Check the entry criteria of the three programs and every category in force, with reasons."
    add_file(parser, "the candidate")
    parser.add_argument("--on", type=iso_date, metavar="DATE", help="the day to check (default: today)")
    parser.add_argument("--rules", metavar="ID", help=PIN_HELP)
    add_format(parser)
    add_limit(parser)


def add_invited_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules invited``."""
    parser.description = (
        "Replay every round since --since for the candidate and list those that would have invited them."
    )
    add_file(parser, "the candidate")
    parser.add_argument(
        "--since", type=iso_date, metavar="DATE", help="the first day (default: the profile's submission date)"
    )
    parser.add_argument("--rules", metavar="ID", help=PIN_HELP)
    add_format(parser)
    add_limit(parser)


def add_improve_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules improve``."""
    parser.description = (
        "List the actions that would raise the candidate's score on DATE, most points first, each computed "
        "from the candidate's facts (tests, documents, protections before a loss, life events), the best combination "
        "of two, the coming changes of the next 12 months, and the rounds of the last 12 months replayed for the "
        "candidate (history, not a forecast)."
    )
    add_file(parser, "the candidate")
    parser.add_argument("--on", type=iso_date, metavar="DATE", help="the day asked about (default: today)")
    add_format(parser)
    add_limit(parser)


def eligibility(args: argparse.Namespace, out: TextIO) -> None:
    """Write the programs and the categories the candidate meets on *out*."""
    candidate = read_candidate(args)
    on: date = args.on or today()
    with warnings_as_messages():
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


def invited(args: argparse.Namespace, out: TextIO) -> None:
    """Write the rounds that would have invited the candidate on *out*."""
    candidate = read_candidate(args)
    submitted = candidate.profile_submitted_at
    since: date | None = args.since or (submitted.date() if submitted is not None else None)
    if since is None:
        msg = "give --since: the candidate file has no profile_submitted_at"
        raise UsageError(msg)
    with warnings_as_messages():
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


def improve(args: argparse.Namespace, out: TextIO) -> None:
    """Write what would raise the candidate's score, the coming changes and the recent rounds on *out*."""
    candidate = read_candidate(args)
    with warnings_as_messages():
        found = summary(candidate, on=args.on or today())
    if args.format == "json":
        out.write(json.dumps(found.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(f"{line}\n" for line in found.lines())


#: The commands of this module: their arguments and what runs them.
ARGUMENTS = {
    "eligibility": add_eligibility_arguments,
    "invited": add_invited_arguments,
    "improve": add_improve_arguments,
}
COMMANDS = {"eligibility": eligibility, "invited": invited, "improve": improve}
