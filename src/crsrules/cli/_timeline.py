"""``crsrules timeline``: the dates a candidate's score changes in a window.

Not public API: the command line is.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from crsrules.cli._base import UsageError, add_format, iso_date, warnings_as_messages
from crsrules.cli._files import add_file, add_limit, is_factors_file, max_input_bytes, read_json, today
from crsrules.io import load_candidate
from crsrules.timeline import timeline

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from crsrules.timeline import ScoreChange


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules timeline``."""
    parser.description = (
        "List each date from the day after --from to --until (inclusive) on which the candidate's score changes, "
        "with the score before and after, the ruleset in force and the reasons."
    )
    add_file(parser, "the candidate")
    parser.add_argument("--until", type=iso_date, metavar="DATE", required=True, help="the last day of the window")
    parser.add_argument(
        "--from", dest="start", type=iso_date, metavar="DATE", help="the day the window starts (default: today)"
    )
    parser.add_argument("--rules", metavar="ID", help="apply the pinned version ID on every day (only facts move)")
    add_format(parser)
    add_limit(parser)


def _format_change(change: ScoreChange) -> str:
    head = f"{change.on.isoformat()}  {change.before} -> {change.after} ({change.delta:+d})  ruleset {change.rules_id}"
    return "\n".join([head, *(f"    {reason}" for reason in change.reasons)]) + "\n"


def run(args: argparse.Namespace, out: TextIO) -> None:
    """List the changes of ``args.file``'s score between ``--from`` and ``--until`` on *out*."""
    data = read_json(args.file, max_input_bytes(args))
    if is_factors_file(data):
        msg = (
            f"{args.file} is a factors file: a timeline needs a candidate file, with dated facts such as a "
            "birth_date (see 'crsrules schema candidate')"
        )
        raise UsageError(msg)
    # Anything else is read as a candidate file, so that its problems are listed.
    candidate = load_candidate(data)
    start: date = args.start or today()
    until: date = args.until
    if until < start:
        msg = f"--until ({until.isoformat()}) is before --from ({start.isoformat()}{'' if args.start else ', today'})"
        raise UsageError(msg)
    with warnings_as_messages():
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


#: The commands of this module: their arguments and what runs them.
ARGUMENTS = {"timeline": add_arguments}
COMMANDS = {"timeline": run}
