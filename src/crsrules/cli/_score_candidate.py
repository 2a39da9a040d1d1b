"""``crsrules score`` for a candidate file: its facts taken on a day, then scored (the factors path needs none of this).

Not public API: the command line is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crsrules._api import score as score_candidate
from crsrules.cli._base import warnings_as_messages
from crsrules.cli._files import today
from crsrules.io import load_candidate
from crsrules.rules import get_rules

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from crsrules.rules import RuleSet
    from crsrules.scoring import ScoreBreakdown


def score(args: argparse.Namespace, data: Any) -> tuple[ScoreBreakdown, RuleSet, date]:  # noqa: ANN401 (any JSON)
    """The score of the candidate of *data* (a candidate file's JSON), its ruleset and the day its facts are taken."""
    candidate = load_candidate(data)
    facts_on: date = args.on or today()
    with warnings_as_messages():
        breakdown = score_candidate(candidate, on=facts_on, rules=args.rules)
    return breakdown, get_rules(breakdown.rules_id), facts_on
