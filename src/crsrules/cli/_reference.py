"""``crsrules rules``, ``schema`` and ``occupation``: what crsrules knows, without a candidate.

Not public API: the command line is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from crsrules.cli._base import UsageError, add_format
from crsrules.headings import Category, Program
from crsrules.language_tests import LanguageTest
from crsrules.occupations import Occupation, occupation, search_occupations
from crsrules.rules import available_rulesets
from crsrules.schema import candidate_schema, factors_schema

if TYPE_CHECKING:
    import argparse

_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"candidate": candidate_schema, "factors": factors_schema}


def add_schema_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules schema``."""
    parser.description = "Print the JSON Schema (draft 2020-12) of candidate files or factors files."
    parser.add_argument(
        "kind", nargs="?", choices=tuple(_SCHEMAS), default="candidate", help="the kind of file (default: candidate)"
    )


def add_occupation_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules occupation``."""
    parser.description = "Show the NOC 2021 unit group with this five-digit code, or search the titles for these words."
    parser.add_argument("query", nargs="+", metavar="CODE_OR_WORDS", help="a code such as 21211, or words")


def add_rules_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``crsrules rules``."""
    parser.description = "List the rulesets, oldest first."
    add_format(parser)


def schema(args: argparse.Namespace, out: TextIO) -> None:
    """Write the JSON Schema of ``args.kind`` files on *out*."""
    out.write(json.dumps(_SCHEMAS[args.kind](), indent=2, ensure_ascii=False) + "\n")


def rules(args: argparse.Namespace, out: TextIO) -> None:
    """Write the rulesets, oldest first, on *out*."""
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


def find_occupation(args: argparse.Namespace, out: TextIO) -> None:
    """Write the NOC 2021 unit group of a code, or those whose titles contain the words, on *out*."""
    query = " ".join(args.query).strip()
    found: tuple[Occupation, ...]
    if query.isdigit():
        found = (occupation(query),)
    else:
        found = search_occupations(query)
        if not found:
            msg = f"no NOC 2021 unit group title contains all of: {query}"
            raise UsageError(msg)
    for o in found:
        skilled = "skilled (TEER 0-3)" if o.is_skilled else "not skilled for Express Entry (TEER 4-5)"
        out.write(f"{o.code}  {o.title}  (TEER {o.teer}, {skilled})\n")


#: The commands of this module: their arguments and what runs them.
ARGUMENTS = {"schema": add_schema_arguments, "occupation": add_occupation_arguments, "rules": add_rules_arguments}
COMMANDS = {"schema": schema, "occupation": find_occupation, "rules": rules}
