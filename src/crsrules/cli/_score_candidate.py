"""``crsrules score`` for a candidate file: its facts taken on a day, then scored (the factors path needs none of this).

Not public API: the command line is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crsrules._api import score_with_derivation
from crsrules.cli._base import warnings_as_messages
from crsrules.cli._files import today
from crsrules.io import load_candidate

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from crsrules.derive import Derivation
    from crsrules.scoring import ScoreBreakdown


def score(args: argparse.Namespace, data: Any) -> tuple[ScoreBreakdown, Derivation, date]:  # noqa: ANN401 (any JSON)
    """The score of the candidate of *data* (a candidate file's JSON), its derivation and the day of its facts.

    The score is :func:`crsrules.score` of the candidate: the derivation's factors, with its evidence on the lines.
    """
    candidate = load_candidate(data)
    facts_on: date = args.on or today()
    with warnings_as_messages():
        breakdown, derivation = score_with_derivation(candidate, on=facts_on, rules=args.rules)
    return breakdown, derivation, facts_on
