"""``crsrules draws`` and ``crsrules data``: the rounds of invitations, and the rounds data in use.

Not public API: the command line is.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from datetime import date
from typing import TextIO

from crsrules import draws
from crsrules.cli._base import UsageError, add_format, iso_date
from crsrules.cli._files import byte_count, read_input
from crsrules.errors import short_repr


def _year(text: str) -> int:
    if not re.fullmatch(r"\s*[+-]?\d{1,20}\s*", text):
        msg = f"not a year such as 2023: {short_repr(text)}"
        raise argparse.ArgumentTypeError(msg)
    year = int(text)
    if not 1 <= year <= date.max.year:
        msg = f"not a year 1 to {date.max.year}: {year}"
        raise argparse.ArgumentTypeError(msg)
    return year


def add_draws_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules draws``."""
    parser.description = "List the rounds of invitations since round 1 (2015-01-31), oldest first, with filters."
    parser.add_argument("--kind", choices=[k.value for k in draws.DrawKind], help="only rounds of this kind")
    parser.add_argument("--category", choices=draws.CATEGORIES, help="only rounds of this category")
    parser.add_argument("--year", type=_year, metavar="YEAR", help="only rounds held in YEAR (2015 to the data's last)")
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format (default: text)"
    )


def add_data_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions of ``crsrules data`` and their arguments."""
    parser.description = (
        "The rounds of invitations are data, versioned apart from crsrules' code. 'data update' stores "
        f"newer rounds in the user data folder (${draws.DATA_DIR_ENV}, else the platform's)."
    )
    actions = parser.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    update = actions.add_parser(
        "update",
        help="read a newer copy of IRCC's rounds feed and store the merged rounds",
        description=f"Read IRCC's rounds feed ({draws.FEED_URL}), check every round, merge it with the "
        "data in use and store it in the user data folder; each round IRCC corrected is listed. A feed older than "
        "the data in use, or one that lacks rounds it has, is refused unless --force; no round is ever lost.",
    )
    update.add_argument("file", metavar="FILE", help=f"the feed, {draws.FEED_NAME} ('-' reads standard input)")
    update.add_argument("--force", action="store_true", help="take an older or partial feed (no round is lost)")
    update.add_argument(
        "--feed-date",
        type=iso_date,
        metavar="DATE",
        help="the day the feed was downloaded "
        "(default: a date in FILE's name, else its modification day; today for standard input)",
    )
    update.add_argument(
        "--max-input-bytes",
        type=byte_count,
        metavar="N",
        help=f"read at most N bytes of FILE (default: {draws.DEFAULT_MAX_FEED_BYTES:,}); a larger file is an error",
    )
    add_format(update)
    status = actions.add_parser(
        "status",
        help="show the data in use, each dataset's version, and what is stale",
        description="Show the rounds data in use and its version (the date of the feed it came from), its last "
        "round, the rounds IRCC corrected, each dataset's version and provenance, the last day the rules were "
        "confirmed (crsrules.rules.LAST_KNOWN_DATE) and what is stale today.",
    )
    add_format(status)


def list_draws(args: argparse.Namespace, out: TextIO) -> None:
    """Write the rounds of invitations asked for on *out*."""
    if args.year is not None:
        every = draws.history()
        first, last = every[0].date.year, every[-1].date.year
        if not first <= args.year <= last:
            msg = f"--year {args.year}: the rounds of invitations known to crsrules are from {first} to {last}"
            raise UsageError(msg)
    rounds = draws.history(year=args.year, kind=args.kind, category=args.category)
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


def data(args: argparse.Namespace, out: TextIO) -> None:
    """``data status`` or ``data update``, written on *out*."""
    if args.data_command == "status":
        status = draws.data_status()
        if args.format == "json":
            out.write(json.dumps(status.as_dict(), indent=2, ensure_ascii=False) + "\n")
        else:
            out.writelines(f"{line}\n" for line in status.lines())
        return
    limit = draws.DEFAULT_MAX_FEED_BYTES if args.max_input_bytes is None else int(args.max_input_bytes)
    feed: bytes | str = args.file
    if args.file == "-":
        raw = read_input("-", limit, kind="IRCC's rounds feed is about 800 KB", setting="")
        feed = raw.encode("utf-8") if isinstance(raw, str) else raw
    report = draws.update_data(feed, force=args.force, feed_date=args.feed_date, max_bytes=limit)
    if args.format == "json":
        out.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.writelines(f"{line}\n" for line in report.lines())


#: The commands of this module: their arguments and what runs them.
ARGUMENTS = {"draws": add_draws_arguments, "data": add_data_arguments}
COMMANDS = {"draws": list_draws, "data": data}
