"""The CRS score: :func:`score` turns :class:`~crsrules.Factors` and a ruleset into a :class:`ScoreBreakdown`.

Scoring is a pure function of the factors and the ruleset's tables. It never looks at a date: the registry picks the
ruleset, and the ruleset carries every number. Caps are applied in the order of IRCC's grid: within a section, a
factor listed later loses points first, and each line records what it earned before the cap.

Each ruleset is compiled once into flat lookups (a :class:`Scorer`); the total and the four sections come from those,
and the lines that explain them are itemized only when first read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from crsrules._lines import Line, PerRuleset, _Column, _compiled, _itemize
from crsrules.errors import InvalidValueError
from crsrules.headings import Factor, Section
from crsrules.model import Factors, OfficialLanguage
from crsrules.rules import resolve

if TYPE_CHECKING:
    from datetime import date

    from crsrules.model import LanguageLevels
    from crsrules.rules import RuleSet

__all__ = ["Line", "ScoreBreakdown", "Scorer", "SectionPoints", "score", "scorer"]


class ScoreBreakdown:
    """A CRS score with its sections and every line that earned points or was capped.

    ``total == core + spouse + skill_transferability + additional == sum(line.points for line in lines)``.

    A breakdown from :func:`crsrules.score` holds its sections and a reference to the factors and the ruleset; its
    :attr:`lines` are itemized on first read, so a breakdown that is kept but never itemized stays small. It is
    immutable, compares and hashes by its values and lines, and pickles with its lines.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The lines are itemized on first read; the class is no longer an attrs class (use :meth:`as_dict`, not
       ``attrs.asdict``).
    """

    __slots__ = (
        "_additional",
        "_core",
        "_evidence",
        "_factors",
        "_lines",
        "_rules",
        "_rules_id",
        "_skill_transferability",
        "_spouse",
        "_total",
    )

    def __init__(  # noqa: PLR0913 (the attributes, by name)
        self,
        *,
        total: int,
        core: int,
        spouse: int,
        skill_transferability: int,
        additional: int,
        rules_id: str,
        lines: tuple[Line, ...],
    ) -> None:
        self._total = total
        self._core = core
        self._spouse = spouse
        self._skill_transferability = skill_transferability
        self._additional = additional
        self._rules_id = rules_id
        self._lines: tuple[Line, ...] | None = tuple(lines)
        self._factors: Factors | None = None
        self._rules: RuleSet | None = None
        self._evidence: Mapping[Factor, str] | None = None

    @classmethod
    def _lazy(
        cls,
        sections: tuple[int, int, int, int, int],
        factors: Factors,
        rules: RuleSet,
        evidence: Mapping[Factor, str] | None,
    ) -> ScoreBreakdown:
        """A breakdown whose lines are itemized from *factors*, *rules* and *evidence* when first read."""
        self = object.__new__(cls)
        self._total, self._core, self._spouse, self._skill_transferability, self._additional = sections
        self._rules_id = rules.id
        self._lines = None
        self._factors = factors
        self._rules = rules
        self._evidence = evidence
        return self

    @property
    def total(self) -> int:
        """The CRS score (0 to 1,200)."""
        return self._total

    @property
    def core(self) -> int:
        """A. Core / human capital factors."""
        return self._core

    @property
    def spouse(self) -> int:
        """B. Spouse or common-law partner factors."""
        return self._spouse

    @property
    def skill_transferability(self) -> int:
        """C. Skill transferability factors."""
        return self._skill_transferability

    @property
    def additional(self) -> int:
        """D. Additional points."""
        return self._additional

    @property
    def rules_id(self) -> str:
        """The id of the ruleset that produced the score."""
        return self._rules_id

    @property
    def lines(self) -> tuple[Line, ...]:
        """The lines, in the order of IRCC's grid (itemized on first read)."""
        lines = self._lines
        if lines is None:  # a breakdown without lines has the factors and the ruleset to itemize them from
            lines = self._lines = _itemize(self._factors, self._rules, self._evidence)[0]  # type: ignore[arg-type]
        return lines

    @property
    def by_section(self) -> dict[Section, int]:
        """Points by section."""
        return {
            Section.CORE: self._core,
            Section.SPOUSE: self._spouse,
            Section.SKILL_TRANSFERABILITY: self._skill_transferability,
            Section.ADDITIONAL: self._additional,
        }

    @property
    def by_factor(self) -> dict[Factor, int]:
        """Points by factor, every factor included (0 where no line)."""
        points = dict.fromkeys(Factor, 0)
        for line in self.lines:
            points[line.factor] += line.points
        return points

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, with the same names as the attributes."""
        return {
            "total": self._total,
            "core": self._core,
            "spouse": self._spouse,
            "skill_transferability": self._skill_transferability,
            "additional": self._additional,
            "rules_id": self._rules_id,
            "lines": [line.as_dict() for line in self.lines],
        }

    def _values(self) -> tuple[int, int, int, int, int, str, tuple[Line, ...]]:
        return (
            self._total,
            self._core,
            self._spouse,
            self._skill_transferability,
            self._additional,
            self._rules_id,
            self.lines,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (
            f"ScoreBreakdown(total={self._total!r}, core={self._core!r}, spouse={self._spouse!r}, "
            f"skill_transferability={self._skill_transferability!r}, additional={self._additional!r}, "
            f"rules_id={self._rules_id!r})"
        )

    def __reduce__(self) -> tuple[Callable[..., ScoreBreakdown], tuple[object, ...]]:
        return _unpickle, (self._values(),)


def _unpickle(values: tuple[int, int, int, int, int, str, tuple[Line, ...]]) -> ScoreBreakdown:
    total, core, spouse, skill_transferability, additional, rules_id, lines = values
    return ScoreBreakdown(
        total=total,
        core=core,
        spouse=spouse,
        skill_transferability=skill_transferability,
        additional=additional,
        rules_id=rules_id,
        lines=lines,
    )


class SectionPoints(NamedTuple):
    """The total and the points of the four sections, without the lines: what :meth:`Scorer.sections` returns.

    .. versionadded:: 0.2.0
    """

    #: The CRS score (0 to 1,200).
    total: int
    #: A. Core / human capital factors.
    core: int
    #: B. Spouse or common-law partner factors.
    spouse: int
    #: C. Skill transferability factors.
    skill_transferability: int
    #: D. Additional points.
    additional: int


class Scorer:
    """One ruleset compiled into flat lookups, to score many :class:`~crsrules.Factors` in a loop.

    Get one with :func:`crsrules.scorer`; it is built once per ruleset and shared. Its answers are those of
    :func:`crsrules.score` under the same ruleset.

    Example:
        >>> from crsrules import Education, Factors, LanguageLevels, OfficialLanguage, scorer
        >>> english = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
        >>> s = scorer("2025-03-25")
        >>> f = Factors(age=29, education=Education.BACHELORS, first_language=english)
        >>> s.total(f), s.sections(f).skill_transferability
        (379, 25)

    .. versionadded:: 0.2.0
    """

    def __init__(self, rules: RuleSet) -> None:
        #: The ruleset it applies.
        self.rules: RuleSet = rules
        self._tables = _flat(rules)
        self._sections: Callable[[Factors], tuple[int, int, int, int, int]] = _sections_function(self._tables)
        # total is the compiled function itself, which checks its argument: an instance attribute in place of the
        # method below, it saves a call and the tuple of sections in the loops it is made for.
        self.__dict__["total"] = _sections_function(self._tables, total_only=True)

    def total(self, factors: Factors) -> int:
        """The CRS score of *factors* (no breakdown is built).

        Raises:
            InvalidValueError: *factors* is not a :class:`~crsrules.Factors`.
        """
        return self.__dict__["total"](factors)  # type: ignore[no-any-return]  # the instance's own (see __init__)

    def sections(self, factors: Factors) -> SectionPoints:
        """The total and the four sections of *factors*.

        Raises:
            InvalidValueError: *factors* is not a :class:`~crsrules.Factors`.
        """
        if factors.__class__ is not Factors and not isinstance(factors, Factors):
            raise InvalidValueError("factors", factors, "a crsrules.Factors")
        return SectionPoints._make(self._sections(factors))

    def score(self, factors: Factors) -> ScoreBreakdown:
        """The breakdown of *factors*, as :func:`crsrules.score` gives it (lines itemized on first read).

        Raises:
            InvalidValueError: *factors* is not a :class:`~crsrules.Factors`.
        """
        if factors.__class__ is not Factors and not isinstance(factors, Factors):
            raise InvalidValueError("factors", factors, "a crsrules.Factors")
        return ScoreBreakdown._lazy(self._sections(factors), factors, self.rules, None)  # noqa: SLF001

    def __repr__(self) -> str:
        return f"<Scorer for ruleset {self.rules.id}>"


_SCORERS: PerRuleset[Scorer] = PerRuleset(Scorer)
_KNOWN_SCORERS = _SCORERS.known


def _scorer(r: RuleSet) -> Scorer:
    """The scorer of *r*, built once per ruleset."""
    found = _KNOWN_SCORERS.get(id(r))
    return found[1] if found is not None and found[0] is r else _SCORERS(r)


def scorer(rules: RuleSet | str | None = None, *, on: date | None = None) -> Scorer:
    """The compiled scorer of a ruleset (pinned *rules*, or the one in force *on* a date), for scoring in loops.

    ``scorer(rules).total(f) == score(f, rules=rules).total`` for every :class:`~crsrules.Factors` ``f``, without
    the argument handling and the breakdown of each call. The scorer is built once per ruleset.

    Args:
        rules: A policy version or its id, such as ``"2025-03-25"``.
        on: The date whose rules apply. Give exactly one of *rules* and *on*.

    Raises:
        InvalidArgumentsError: Neither or both of *on* and *rules* were given.
        RulesNotInForceError: *on* is before 2015-01-01.
        UnknownRulesetError: *rules* is not the id of any ruleset.

    .. versionadded:: 0.2.0
    """
    return _scorer(resolve(on=on, rules=rules))


def score(factors: Factors, *, on: date | None = None, rules: RuleSet | str | None = None) -> ScoreBreakdown:
    """Compute the CRS score of *factors* under the rules in force *on* a date or pinned *rules*.

    This is the scoring layer's entry point, for :class:`~crsrules.Factors` only; :func:`crsrules.score` also takes
    a :class:`~crsrules.Candidate`.

    Args:
        factors: The summary inputs.
        on: The date whose rules apply. Give exactly one of *on* and *rules*.
        rules: A ruleset or its id, such as ``"2025-03-25"``.

    Returns:
        Points by section and factor; ``total`` is their sum.

    Raises:
        InvalidArgumentsError: Neither or both of *on* and *rules* were given.
        RulesNotInForceError: *on* is before 2015-01-01.
        UnknownRulesetError: *rules* is not the id of any ruleset.
        InvalidValueError: *factors* is not a :class:`~crsrules.Factors`.

    .. versionadded:: 0.1.0
    """
    ruleset = resolve(on=on, rules=rules)
    if factors.__class__ is not Factors and not isinstance(factors, Factors):
        raise InvalidValueError("factors", factors, "a crsrules.Factors or crsrules.Candidate")
    return ScoreBreakdown._lazy(_scorer(ruleset)._sections(factors), factors, ruleset, None)  # noqa: SLF001


def score_factors(f: Factors, r: RuleSet, evidence: Mapping[Factor, str] | None = None) -> ScoreBreakdown:
    """Score *f* under *r* (no argument checks: the fast path behind :func:`score`).

    The lines, with *evidence* for each factor when given, are itemized when first read.

    .. versionadded:: 0.1.0
    """
    return ScoreBreakdown._lazy(_scorer(r)._sections(f), f, r, evidence)  # noqa: SLF001


# The compiled form for totals: every table a flat tuple or a dict keyed by the enum's JSON value (a string's hash is
# cached; an Enum member's is computed in Python), every group cap applied ahead of time.


class _FlatColumn(NamedTuple):
    """The core tables of one spouse column (rule E1)."""

    age: tuple[int, ...]
    education: dict[str, int]
    first_language: tuple[int, ...]
    second_language: tuple[int, ...]
    second_language_cap: int
    canadian_work: tuple[int, ...]
    cap: int


class _Flat(NamedTuple):
    """A ruleset's points as flat lookups: what :class:`Scorer` and :mod:`crsrules.batch` compute from."""

    single: _FlatColumn
    couple: _FlatColumn
    spouse_education: dict[str, int]
    spouse_language: tuple[int, ...]
    spouse_work: tuple[int, ...]
    spouse_cap: int
    #: 3 x the language tier (0, 1, 2), by the lowest first-language level.
    language_tier: tuple[int, ...]
    #: The Canadian work tier (0, 1, 2), by years.
    canadian_tier: tuple[int, ...]
    #: The education group, capped, by education and then by ``3 * language tier + Canadian work tier``.
    education_group: dict[str, tuple[int, ...]]
    #: The foreign work group, capped, by years and then by ``3 * language tier + Canadian work tier``.
    foreign_group: tuple[tuple[int, ...], ...]
    #: The certificate group, capped, by the lowest first-language level.
    certificate: tuple[int, ...]
    transferability_cap: int
    nomination: int
    arranged_employment: dict[str, int]
    canadian_education: dict[str, int]
    #: French minimum, English minimum, points with weak English, with strong English; None before the award.
    french: tuple[int, int, int, int] | None
    sibling: int
    additional_cap: int


def _flat_column(c: _Column) -> _FlatColumn:
    return _FlatColumn(
        age=c.age,
        education={e.value: p for e, p in c.education.items()},
        first_language=c.first_language,
        second_language=c.second_language,
        second_language_cap=c.second_language_cap,
        canadian_work=c.canadian_work,
        cap=c.cap,
    )


def _groups(by_language: tuple[int, int, int], by_canadian_work: tuple[int, int, int], cap: int) -> tuple[int, ...]:
    return tuple(min(cap, by_language[lt] + by_canadian_work[ct]) for lt in range(3) for ct in range(3))


def _flat(r: RuleSet) -> _Flat:
    c = _compiled(r)
    tr = r.skill_transferability
    cap = tr.group_cap
    add = r.additional
    french = add.french
    return _Flat(
        single=_flat_column(c.without_spouse),
        couple=_flat_column(c.with_spouse),
        spouse_education={e.value: p for e, p in r.spouse.education.rows.items()},
        spouse_language=r.spouse.first_language.lookup,
        spouse_work=r.spouse.canadian_work.lookup,
        spouse_cap=r.spouse.cap,
        language_tier=tuple(3 * tier for tier in c.language_tier),
        canadian_tier=c.canadian_tier,
        education_group={
            e.value: _groups(by_language, c.education_with_canadian_work[e], cap)
            for e, by_language in c.education_with_language.items()
        },
        foreign_group=tuple(
            _groups(by_language, by_canadian_work, cap)
            for by_language, by_canadian_work in zip(c.foreign_with_language, c.foreign_with_canadian_work, strict=True)
        ),
        certificate=tuple(min(cap, p) for p in c.certificate),
        transferability_cap=tr.cap,
        nomination=add.provincial_nomination,
        arranged_employment={k.value: p for k, p in add.arranged_employment.rows.items()},
        canadian_education={k.value: p for k, p in add.canadian_education.rows.items()},
        french=None
        if french is None
        else (french.french_minimum, french.english_minimum, french.weak_english, french.strong_english),
        sibling=add.sibling_in_canada,
        additional_cap=add.cap,
    )


def _sections_function(t: _Flat, *, total_only: bool = False) -> Callable[[Factors], Any]:  # noqa: C901, PLR0915
    """The total and four sections of a Factors under *t*: the arithmetic of :func:`_itemize`, with no lines.

    The tables are bound as closure variables, the fastest lookups Python has. With *total_only*, the function checks
    that its argument is a Factors and returns the total alone.
    """
    single, couple = t.single, t.couple
    spouse_education, spouse_language, spouse_work, spouse_cap = (
        t.spouse_education, t.spouse_language, t.spouse_work, t.spouse_cap
    )  # fmt: skip
    language_tier, canadian_tier, education_group, foreign_group = (
        t.language_tier, t.canadian_tier, t.education_group, t.foreign_group
    )  # fmt: skip
    certificate, transferability_cap = t.certificate, t.transferability_cap
    nomination, arranged, canadian_education, sibling, additional_cap = (
        t.nomination, t.arranged_employment, t.canadian_education, t.sibling, t.additional_cap
    )  # fmt: skip
    # Without the French award, a minimum above the highest level keeps it from ever applying.
    french_minimum, english_minimum, weak_english, strong_english = t.french or (99, 99, 0, 0)
    english = OfficialLanguage.ENGLISH
    factors_class = Factors

    def sections(f: Factors) -> Any:  # noqa: ANN401, C901, PLR0912, PLR0915 (the grid, section by section)
        if total_only and f.__class__ is not factors_class and not isinstance(f, Factors):
            raise InvalidValueError("factors", f, "a crsrules.Factors")
        spouse = f.spouse
        if spouse is None:
            ages, educations, firsts, seconds, second_cap, works, core_cap = single
            spouse_points = 0
        else:
            ages, educations, firsts, seconds, second_cap, works, core_cap = couple
            spouse_points = spouse_education[spouse.education._value_] + spouse_work[spouse.canadian_work_years]
            levels = spouse.first_language
            if levels is not None:
                spouse_points += (
                    spouse_language[levels.listening] + spouse_language[levels.reading]
                    + spouse_language[levels.writing] + spouse_language[levels.speaking]
                )  # fmt: skip
            if spouse_points > spouse_cap:  # noqa: PLR1730 (a comparison costs less than a call of min)
                spouse_points = spouse_cap
        education = f.education._value_
        work = f.canadian_work_years
        core = ages[f.age] + educations[education] + works[work]
        first = f.first_language
        if first is None:
            lowest = 0
        else:
            listening, reading, writing, speaking = first.listening, first.reading, first.writing, first.speaking
            core += firsts[listening] + firsts[reading] + firsts[writing] + firsts[speaking]
            # The lowest of the four, by comparisons (a call of min with four arguments costs several times more).
            lowest = listening if listening < reading else reading  # noqa: FURB136
            if writing < lowest:  # noqa: PLR1730
                lowest = writing
            if speaking < lowest:  # noqa: PLR1730
                lowest = speaking
        second = f.second_language
        if second is not None:
            p = seconds[second.listening] + seconds[second.reading] + seconds[second.writing] + seconds[second.speaking]
            core += p if p < second_cap else second_cap  # noqa: FURB136 (no call of min)
        if core > core_cap:  # noqa: PLR1730 (a comparison costs less than a call of min)
            core = core_cap

        tiers = language_tier[lowest] + canadian_tier[work]
        transferability = education_group[education][tiers] + foreign_group[f.foreign_work_years][tiers]
        if f.certificate_of_qualification:
            transferability += certificate[lowest]
        if transferability > transferability_cap:  # noqa: PLR1730 (a comparison costs less than a call of min)
            transferability = transferability_cap

        additional = nomination if f.provincial_nomination else 0
        job = f.arranged_employment
        if job is not None:
            additional += arranged[job._value_]
        credential = f.canadian_education
        if credential is not None:
            additional += canadian_education[credential._value_]
        if first is not None:
            french: LanguageLevels | None
            other: LanguageLevels | None
            if first.language is english:
                french, other = second, first
            else:
                french, other = first, second
            if (
                french is not None
                and french.listening >= french_minimum
                and french.reading >= french_minimum
                and french.writing >= french_minimum
                and french.speaking >= french_minimum
            ):
                strong = (
                    other is not None
                    and other.listening >= english_minimum
                    and other.reading >= english_minimum
                    and other.writing >= english_minimum
                    and other.speaking >= english_minimum
                )
                additional += strong_english if strong else weak_english
        if f.sibling_in_canada:
            additional += sibling
        if additional > additional_cap:  # noqa: PLR1730 (a comparison costs less than a call of min)
            additional = additional_cap
        total = core + spouse_points + transferability + additional
        if total_only:
            return total
        return total, core, spouse_points, transferability, additional

    return sections
