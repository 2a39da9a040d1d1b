"""The entry points that take either a :class:`~crsrules.Candidate` (dated facts) or :class:`~crsrules.Factors`.

They sit above both the derivation of factors from facts and the scoring of factors, so that neither of those
needs the other's inputs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crsrules.candidate import Candidate
from crsrules.derive import derive
from crsrules.errors import InvalidArgumentsError, InvalidValueError
from crsrules.model import Factors
from crsrules.rules import resolve
from crsrules.scoring import ScoreBreakdown, _scorer, score_factors
from crsrules.scoring import score as score_of_factors

if TYPE_CHECKING:
    from datetime import date

    from crsrules.derive import Derivation
    from crsrules.rules import RuleSet

__all__ = ["score", "total"]


def score(
    factors: Factors | Candidate, *, on: date | None = None, rules: RuleSet | str | None = None
) -> ScoreBreakdown:
    """Compute the CRS score of *factors* (or of a candidate's facts) under the rules in force *on* a date or *rules*.

    Args:
        factors: The summary inputs, or a :class:`~crsrules.Candidate` whose facts are taken *on* the date (each line
            then names the facts it comes from in :attr:`Line.evidence <crsrules.Line.evidence>`).
        on: For Factors, the date whose rules apply: give exactly one of *on* and *rules*. A Candidate needs *on*
            (the day its facts are taken) and may pin *rules* too (the law applied to them).
        rules: A policy version or its id, such as ``"2025-03-25"``.

    Returns:
        Points by section and factor; ``total`` is their sum.

    Raises:
        InvalidArgumentsError: Neither or both of *on* and *rules* were given for Factors, or no *on* for a
            Candidate.
        RulesNotInForceError: *on* is before 2015-01-01.
        UnknownRulesetError: *rules* is not the id of any ruleset.
        InvalidValueError: *factors* is neither a :class:`~crsrules.Factors` nor a :class:`~crsrules.Candidate`.

    Example:
        >>> from crsrules import Education, Factors, LanguageLevels, OfficialLanguage
        >>> english = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
        >>> b = score(Factors(age=29, education=Education.BACHELORS, first_language=english), rules="2025-03-25")
        >>> b.total, b.core, b.skill_transferability
        (379, 354, 25)

    .. versionadded:: 0.1.0
    """
    if isinstance(factors, Candidate):
        return score_with_derivation(factors, on=on, rules=rules)[0]
    return score_of_factors(factors, on=on, rules=rules)


def score_with_derivation(
    candidate: Candidate, *, on: date | None, rules: RuleSet | str | None = None
) -> tuple[ScoreBreakdown, Derivation]:
    """:func:`score` of a candidate, and the derivation it scored (for its evidence records). Not public API."""
    if on is None:
        raise InvalidArgumentsError("scoring a Candidate needs on= (the day its facts are taken)")
    derivation = derive(candidate, on=on, rules=rules)
    # The evidence goes with the breakdown; each line takes its own when the lines are itemized.
    return score_factors(derivation.factors, derivation.rules, derivation.evidence), derivation


def total(factors: Factors | Candidate, *, on: date | None = None, rules: RuleSet | str | None = None) -> int:
    """The CRS score of *factors* (or of a candidate's facts): ``score(...).total``, without the breakdown.

    It takes the arguments of :func:`score` and raises what it raises. To score many :class:`~crsrules.Factors`
    under one ruleset, :func:`crsrules.scorer` saves the argument handling of each call.

    Example:
        >>> from crsrules import Education, Factors, LanguageLevels, OfficialLanguage
        >>> english = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
        >>> total(Factors(age=29, education=Education.BACHELORS, first_language=english), rules="2025-03-25")
        379

    .. versionadded:: 0.2.0
    """
    if factors.__class__ is Factors or isinstance(factors, Factors):
        return _scorer(resolve(on=on, rules=rules)).total(factors)
    if isinstance(factors, Candidate):
        if on is None:
            raise InvalidArgumentsError("scoring a Candidate needs on= (the day its facts are taken)")
        derivation = derive(factors, on=on, rules=rules)
        return _scorer(derivation.rules).total(derivation.factors)
    resolve(on=on, rules=rules)  # the arguments' errors first, as score() raises them
    raise InvalidValueError("factors", factors, "a crsrules.Factors or crsrules.Candidate")
