"""Rounds of invitations ("draws"): every Express Entry round since round 1, the pool's score distribution, and queries.

IRCC invites candidates from the Express Entry pool in numbered rounds. Each round has a date, a type (all programs,
one program such as the Canadian Experience Class, or a category such as STEM occupations), a number of invitations,
the lowest CRS score invited (the cut-off) and, since round 77 of 2017-11-08, a tie-breaking time: of the candidates
at the cut-off score, only those whose profile was submitted before that time were invited.

The rounds and the pool distributions are IRCC's, as published, shipped as package data and checked the first time
they are used. What the data covers, its oddities and its sources are described in the documentation (reference,
"Rounds of invitations") and in ``crsrules/data/README.md``.

The package holds one idea per module: the kinds of round and their names (``_rounds``), the records (``_record``),
reading the data (``_load``), the queries (``_queries``), the pool distributions (``_distribution``) and the cut-off
estimate (``_estimate``). Import the public names from here.

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   A package instead of a module; the public names are the same.
"""

from __future__ import annotations

from crsrules.draws._distribution import NoDistributionError, distribution, distributions, pool_before
from crsrules.draws._estimate import CutoffAccuracy, CutoffComparison, cutoff_estimate_accuracy, estimate_cutoff
from crsrules.draws._load import DrawDataError
from crsrules.draws._queries import DrawSummary, UnknownDrawError, by_number, history, latest, round_types, summary
from crsrules.draws._record import Draw, PoolDistribution, ScoreRange
from crsrules.draws._rounds import CATEGORIES, DrawKind, RoundType, round_type
from crsrules.errors import UnknownRoundNameError

__all__ = [
    "CATEGORIES",
    "CutoffAccuracy",
    "CutoffComparison",
    "Draw",
    "DrawDataError",
    "DrawKind",
    "DrawSummary",
    "NoDistributionError",
    "PoolDistribution",
    "RoundType",
    "ScoreRange",
    "UnknownDrawError",
    "UnknownRoundTypeError",
    "by_number",
    "cutoff_estimate_accuracy",
    "distribution",
    "distributions",
    "estimate_cutoff",
    "history",
    "latest",
    "pool_before",
    "round_type",
    "round_types",
    "summary",
]

#: The former name of :class:`crsrules.errors.UnknownRoundNameError`, which :func:`round_type` raises: the same
#: class, so ``except UnknownRoundTypeError`` still catches it.
#:
#: .. deprecated:: 0.2.0
#:    Use :class:`crsrules.UnknownRoundNameError` (defined in ``crsrules.errors``). This alias will be removed in
#:    0.3.0.
UnknownRoundTypeError = UnknownRoundNameError

# The errors keep the names users know from tracebacks (crsrules.draws.UnknownDrawError, not ..._queries...).
for _error in (DrawDataError, NoDistributionError, UnknownDrawError):
    _error.__module__ = __name__
del _error
