"""The cut-off estimate: the lowest score a round of so many invitations would invite from a published pool.

How the estimate works and how close it comes is explained in the documentation (``explanation/cutoff-estimate``).
"""

from __future__ import annotations

import statistics

from attrs import frozen

from crsrules.draws._distribution import _Basis, _basis, pool_before
from crsrules.draws._load import _draws
from crsrules.draws._queries import _kind
from crsrules.draws._record import Draw, PoolDistribution, ScoreRange
from crsrules.draws._rounds import DrawKind
from crsrules.errors import InvalidValueError

__all__ = ["CutoffAccuracy", "CutoffComparison", "cutoff_estimate_accuracy", "estimate_cutoff"]


def estimate_cutoff(distribution: PoolDistribution, invitations: int) -> int:
    """Estimate the lowest CRS score a round of *invitations* would invite from the pool *distribution* describes.

    The estimate invites candidates from the highest scores down, as a round open to everyone in the pool does.
    It walks the ranges from the top, adding up their candidates, to the range in which the count reaches
    *invitations*. Inside that range it assumes the range's candidates are spread evenly over its whole scores,
    ``candidates / width`` at each score; it takes the ``need`` candidates still to invite from the top of the range
    down, score by score, so the lowest score invited is::

        high - ceil(need * width / candidates) + 1

    That is the linear interpolation of the cumulative count inside the range, rounded down to a whole score: the
    lowest score at which the candidates from the top of the range reach *need*.
    Ranges without candidates are skipped.

    Args:
        distribution: The pool, such as :func:`distribution` of a round.
        invitations: The number of invitations, at least 1 and at most the candidates in the pool.

    Returns:
        The estimated lowest score invited.

    Raises:
        InvalidValueError: *invitations* is not a whole number from 1 to the number of candidates in the pool.

    Example:
        Three ranges, 300 candidates at 500 and above; 100 more invitations come from 491-500, where 200 candidates
        are spread over 10 scores, 20 a score, so 5 scores are needed (500 to 496):

        >>> pool = PoolDistribution(ranges=(
        ...     ScoreRange(low=501, high=600, candidates=300),
        ...     ScoreRange(low=491, high=500, candidates=200),
        ...     ScoreRange(low=0, high=490, candidates=10_000),
        ... ))
        >>> estimate_cutoff(pool, 400)
        496

    .. versionadded:: 0.1.0
    """
    if not isinstance(distribution, PoolDistribution):
        raise InvalidValueError("distribution", distribution, "a PoolDistribution")
    pool = distribution.candidates
    if type(invitations) is not int or not 1 <= invitations <= pool:
        raise InvalidValueError("invitations", invitations, f"a whole number from 1 to the {pool:,} candidates")
    return _landing(distribution, invitations)[0]


def _landing(distribution: PoolDistribution, invitations: int) -> tuple[int, ScoreRange]:
    """The estimated cut-off and the range it falls in."""
    above = 0
    for score_range in distribution.ranges:
        if score_range.candidates and above + score_range.candidates >= invitations:
            need = invitations - above
            scores = -(-need * score_range.width // score_range.candidates)  # ceil, in whole numbers
            return score_range.high - scores + 1, score_range
        above += score_range.candidates
    msg = "invitations exceed the pool"  # pragma: no cover (estimate_cutoff checks this first)
    raise AssertionError(msg)  # pragma: no cover


@frozen(kw_only=True)
class CutoffComparison:
    """A round's real cut-off next to :func:`estimate_cutoff`'s estimate from a published pool distribution.

    .. versionadded:: 0.1.0
    """

    #: The round.
    draw: Draw
    #: The distribution the estimate used.
    distribution: PoolDistribution
    #: The estimated cut-off.
    estimate: int
    #: The range of the distribution the estimate falls in.
    score_range: ScoreRange

    @property
    def error(self) -> int:
        """The estimate minus the real cut-off: positive when the estimate is too high."""
        return self.estimate - self.draw.cutoff


@frozen(kw_only=True)
class CutoffAccuracy:
    """How close :func:`estimate_cutoff` comes to the real cut-offs of a set of rounds.

    .. versionadded:: 0.1.0
    """

    #: Which distribution was used for each round (see :func:`pool_before`).
    basis: str
    #: The kind of round compared; None for every kind.
    kind: DrawKind | None
    #: One comparison per round, in round order.
    comparisons: tuple[CutoffComparison, ...]

    @property
    def rounds(self) -> int:
        """The number of rounds compared."""
        return len(self.comparisons)

    @property
    def mean_absolute_error(self) -> float:
        """The mean of the absolute errors, in CRS points."""
        return statistics.fmean(abs(c.error) for c in self.comparisons)

    @property
    def median_absolute_error(self) -> float:
        """The median of the absolute errors, in CRS points."""
        return float(statistics.median(abs(c.error) for c in self.comparisons))

    @property
    def max_absolute_error(self) -> int:
        """The largest absolute error, in CRS points."""
        return max(abs(c.error) for c in self.comparisons)

    @property
    def within_5_points(self) -> float:
        """The share of rounds (0 to 1) whose estimate is within 5 points of the real cut-off."""
        return sum(abs(c.error) <= 5 for c in self.comparisons) / len(self.comparisons)

    @property
    def mean_error(self) -> float:
        """The mean of the signed errors (the bias): positive when the estimates are too high on average."""
        return statistics.fmean(c.error for c in self.comparisons)


def cutoff_estimate_accuracy(*, kind: DrawKind | str | None = None, basis: _Basis = "own") -> CutoffAccuracy:
    """Compare :func:`estimate_cutoff` with the real cut-off of every round that has a distribution to estimate from.

    Each round's estimate takes the round's number of invitations and the distribution :func:`pool_before` picks.
    The estimate assumes that every candidate in the pool can be invited, which holds only for rounds open to all
    programs (:attr:`DrawKind.GENERAL`): pass *kind* to look at one kind of round.

    Args:
        kind: Only rounds of this kind; every round when None.
        basis: Which distribution each round uses: ``"own"`` or ``"previous"`` (see :func:`pool_before`).

    Raises:
        InvalidValueError: *kind* or *basis* is not one of the allowed values.

    Example:
        >>> accuracy = cutoff_estimate_accuracy(kind="general")
        >>> accuracy.rounds, accuracy.max_absolute_error
        (37, 67)

    .. versionadded:: 0.1.0
    """
    wanted, chosen = _kind(kind), _basis(basis)
    comparisons = []
    for draw in _draws():
        pool = pool_before(draw, basis=chosen)
        if pool is None or (wanted is not None and draw.kind is not wanted):
            continue
        estimate, score_range = _landing(pool, min(draw.invitations, pool.candidates))
        comparisons.append(CutoffComparison(draw=draw, distribution=pool, estimate=estimate, score_range=score_range))
    if not comparisons:
        raise InvalidValueError("kind", kind, f"a kind of round with a distribution to estimate from ({chosen!r})")
    return CutoffAccuracy(basis=chosen, kind=wanted, comparisons=tuple(comparisons))
