"""Rounds of invitations ("draws"): every Express Entry round since round 1, the pool's score distribution, and queries.

IRCC invites candidates from the Express Entry pool in numbered rounds. Each round has a date, a type (all programs,
one program such as the Canadian Experience Class, or a category such as STEM occupations), a number of invitations,
the lowest CRS score invited (the cut-off) and, since round 77 of 2017-11-08, a tie-breaking time: of the candidates
at the cut-off score, only those whose profile was submitted before that time were invited.

The rounds and the pool distributions are IRCC's, as published, shipped as package data and checked the first time
they are used. What the data covers, its oddities and its sources are described in the documentation (reference,
"Rounds of invitations") and in ``crsrules/data/README.md``.

The rounds data is versioned apart from the code: :func:`update_data` (``crsrules data update``) reads a newer copy
of IRCC's rounds feed (:func:`read_feed`), merges it and stores it in the user data folder (:func:`data_dir`); the
newest valid data is the one in use (:func:`data_version`), and :func:`data_status` (``crsrules data status``) says
which it is and what is stale.

The package holds one idea per module: the kinds of round and their names (``_rounds``), the records (``_record``),
reading the data (``_load``), the queries (``_queries``), the pool distributions (``_distribution``), the cut-off
estimate (``_estimate``), IRCC's feed (``_feed``), the user data folder (``_store``), updates (``_update``) and the
status (``_status``). Import the public names from here.

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   A package instead of a module; the public names are the same.
"""

from __future__ import annotations

from crsrules.draws._distribution import NoDistributionError, distribution, distributions, pool_before
from crsrules.draws._estimate import CutoffAccuracy, CutoffComparison, cutoff_estimate_accuracy, estimate_cutoff
from crsrules.draws._feed import FEED_NAME, FEED_URL, Feed, FeedError, parse_feed, read_feed
from crsrules.draws._load import DrawDataError
from crsrules.draws._queries import DrawSummary, UnknownDrawError, by_number, history, latest, round_types, summary
from crsrules.draws._record import DataVersion, Draw, PoolDistribution, RoundCorrection, ScoreRange
from crsrules.draws._rounds import CATEGORIES, DrawKind, RoundType, round_type
from crsrules.draws._status import DatasetInfo, DataStatus, data_status, data_version
from crsrules.draws._store import DATA_DIR_ENV, DataFolderError, UserDataWarning, data_dir
from crsrules.draws._update import DEFAULT_MAX_FEED_BYTES, OlderFeedError, UpdateReport, update_data
from crsrules.errors import UnknownRoundNameError

__all__ = [
    "CATEGORIES",
    "DATA_DIR_ENV",
    "DEFAULT_MAX_FEED_BYTES",
    "FEED_NAME",
    "FEED_URL",
    "CutoffAccuracy",
    "CutoffComparison",
    "DataFolderError",
    "DataStatus",
    "DataVersion",
    "DatasetInfo",
    "Draw",
    "DrawDataError",
    "DrawKind",
    "DrawSummary",
    "Feed",
    "FeedError",
    "NoDistributionError",
    "OlderFeedError",
    "PoolDistribution",
    "RoundCorrection",
    "RoundType",
    "ScoreRange",
    "UnknownDrawError",
    "UnknownRoundTypeError",
    "UpdateReport",
    "UserDataWarning",
    "by_number",
    "cutoff_estimate_accuracy",
    "data_dir",
    "data_status",
    "data_version",
    "distribution",
    "distributions",
    "estimate_cutoff",
    "history",
    "latest",
    "parse_feed",
    "pool_before",
    "read_feed",
    "round_type",
    "round_types",
    "summary",
    "update_data",
]

#: The former name of :class:`crsrules.errors.UnknownRoundNameError`, which :func:`round_type` raises: the same
#: class, so ``except UnknownRoundTypeError`` still catches it.
#:
#: .. deprecated:: 0.2.0
#:    Use :class:`crsrules.UnknownRoundNameError` (defined in ``crsrules.errors``). This alias will be removed in
#:    0.3.0.
UnknownRoundTypeError = UnknownRoundNameError

# The errors keep the names users know from tracebacks (crsrules.draws.UnknownDrawError, not ..._queries...).
for _error in (
    DataFolderError,
    DrawDataError,
    FeedError,
    NoDistributionError,
    OlderFeedError,
    UnknownDrawError,
):
    _error.__module__ = __name__
del _error
