"""The pool distributions IRCC published with its rounds: one round's, all of them, and the one before a round."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from crsrules.draws._load import _distributions, _draws
from crsrules.draws._queries import by_number
from crsrules.draws._record import Draw, PoolDistribution, _number_key
from crsrules.errors import CRSRulesError, InvalidValueError

__all__ = ["NoDistributionError", "distribution", "distributions", "pool_before"]


class NoDistributionError(CRSRulesError, LookupError):
    """IRCC published no pool distribution with this round (rounds 1 to 213, 223, 224, 226 and 227).

    Attributes:
        number: The round number.

    .. versionadded:: 0.1.0
    """

    def __init__(self, number: str, published: Sequence[str]) -> None:
        self.number = number
        super().__init__(
            f"IRCC published no pool distribution with round {number}: distributions exist for rounds "
            f"{published[0]} to {published[-1]}, except {', '.join(_gaps(published))} "
            "(see crsrules.draws.distributions())"
        )


def _gaps(published: Sequence[str]) -> list[str]:
    """The round numbers between the first and last of *published* that are not in it."""
    numbers = {d.number for d in _draws()}
    first, last = _number_key(published[0]), _number_key(published[-1])
    missing = [n for n in numbers if first < _number_key(n) < last and n not in set(published)]
    return sorted(missing, key=_number_key)


def distribution(round_number: str | int) -> PoolDistribution:
    """The pool distribution IRCC published with a round.

    Raises:
        UnknownDrawError: No round has this number.
        NoDistributionError: IRCC published no distribution with this round.

    Example:
        >>> distribution(437).as_of
        datetime.date(2026, 8, 16)

    .. versionadded:: 0.1.0
    """
    draw = by_number(round_number)
    found = _distributions()
    try:
        return found[draw.number]
    except KeyError:
        raise NoDistributionError(draw.number, list(found)) from None


def distributions() -> tuple[PoolDistribution, ...]:
    """Every published pool distribution, in round order (220: rounds 214 to 437 but 223, 224, 226 and 227).

    Example:
        >>> len(distributions()), distributions()[0].round_number
        (220, '214')

    .. versionadded:: 0.1.0
    """
    return tuple(_distributions().values())


_Basis = Literal["own", "previous"]
_BASES: Final = ("own", "previous")


def _basis(basis: object) -> _Basis:
    if basis == "own":
        return "own"
    if basis == "previous":
        return "previous"
    raise InvalidValueError("basis", basis, f"one of {', '.join(map(repr, _BASES))}")


def pool_before(draw: Draw, *, basis: _Basis = "own") -> PoolDistribution | None:
    """The published pool distribution that best describes the pool *draw* invited from, or None if there is none.

    Args:
        draw: A round.
        basis: ``"own"``: the distribution published with the round itself, which describes the pool a few days
            before it (0 to 20 days; its :attr:`~PoolDistribution.as_of` is on or before the round's date), but was
            only published with the round. ``"previous"``: the distribution published with the latest round held
            on an earlier day, which was public before the round: what a forecast could have used.

    Raises:
        InvalidValueError: *basis* is neither ``"own"`` nor ``"previous"``.

    Example:
        >>> pool_before(by_number(254)).round_number, pool_before(by_number(254), basis="previous").round_number
        ('254', '253')

    .. versionadded:: 0.1.0
    """
    found = _distributions()
    if _basis(basis) == "own":
        return found.get(draw.number)
    earlier = [d for d in _draws() if d.date < draw.date and d.number in found]
    return found[earlier[-1].number] if earlier else None
