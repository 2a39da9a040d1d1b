"""The itemized CRS score: every line of a breakdown with the table row it used, in words when read.

This is the one-pass scoring of crsrules 0.1, kept as it was: :class:`~crsrules.ScoreBreakdown` itemizes its lines with
it when they are first read, and the property tests hold the flat scorer of :mod:`crsrules.scoring` to its sections.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from crsrules.headings import Factor, Section
from crsrules.model import Education, Factors, LanguageLevels, OfficialLanguage
from crsrules.rules import available_rulesets

if TYPE_CHECKING:
    from crsrules.rules import FrenchBonus, RuleSet
    from crsrules.tables import Steps, Tiers

__all__ = ["Line", "PerRuleset"]

_T = TypeVar("_T")

class Line(NamedTuple):
    """One factor of a score: the points it counts, what it earned before any cap, and the table row or reason.

    .. versionadded:: 0.1.0
    """

    #: The factor.
    factor: Factor
    #: The points counted towards the total.
    points: int
    #: The points the factor earned before caps (equal to :attr:`points` unless a cap cut them).
    earned: int
    #: The inputs that selected the table row (what :attr:`detail` puts in words).
    row: object
    #: Why a cap cut the points (empty when none did).
    note: str = ""
    #: The candidate's facts the line comes from, when scored from a :class:`~crsrules.Candidate` (else empty).
    evidence: str = ""

    @property
    def section(self) -> Section:
        """The section of the factor."""
        return self.factor.section

    @property
    def detail(self) -> str:
        """The table row used, in words, and the reason for no or capped points."""
        row = self.row
        text = row.reason if isinstance(row, _Nothing) else _RENDER[self.factor](row)
        return f"{text}; {self.note}" if self.note else text

    def __repr__(self) -> str:
        return f"Line({self.factor}, points={self.points}, earned={self.earned}, detail={self.detail!r})"

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "section": self.factor.section.value,
            "factor": self.factor.value,
            "points": self.points,
            "earned": self.earned,
            "detail": self.detail,
            "evidence": self.evidence,
        }



class _Column(NamedTuple):
    """One spouse column of a ruleset, as flat lookups (the hot path of scoring)."""

    age: tuple[int, ...]
    education: Mapping[Education, int]
    first_language: tuple[int, ...]
    first_language_table: Steps[int]
    second_language: tuple[int, ...]
    second_language_table: Steps[int]
    second_language_cap: int
    canadian_work: tuple[int, ...]
    cap: int


class _Compiled(NamedTuple):
    """A ruleset's tables as flat lookups, built once per ruleset: tiers become ``(0, first, second)`` tuples."""

    ruleset: RuleSet
    without_spouse: _Column
    with_spouse: _Column
    language_tier: tuple[int, ...]
    canadian_tier: tuple[int, ...]
    education_with_language: Mapping[Education, tuple[int, int, int]]
    education_with_canadian_work: Mapping[Education, tuple[int, int, int]]
    foreign_with_language: tuple[tuple[int, int, int], ...]
    foreign_with_canadian_work: tuple[tuple[int, int, int], ...]
    certificate: tuple[int, ...]


def _column(r: RuleSet, *, spouse: bool) -> _Column:
    core = r.core
    return _Column(
        age=core.age.column(spouse=spouse).lookup,
        education=core.education.column(spouse=spouse).rows,
        first_language=core.first_language.column(spouse=spouse).lookup,
        first_language_table=core.first_language.column(spouse=spouse),
        second_language=core.second_language.column(spouse=spouse).lookup,
        second_language_table=core.second_language.column(spouse=spouse),
        second_language_cap=core.second_language_cap.column(spouse=spouse),
        canadian_work=core.canadian_work.column(spouse=spouse).lookup,
        cap=core.cap.column(spouse=spouse),
    )


def _tiers(tiers: Tiers) -> tuple[int, int, int]:
    return (tiers.at(0), tiers.at(1), tiers.at(2))


def _compile(r: RuleSet) -> _Compiled:
    tr = r.skill_transferability
    return _Compiled(
        ruleset=r,
        without_spouse=_column(r, spouse=False),
        with_spouse=_column(r, spouse=True),
        language_tier=tr.language_tier.lookup,
        canadian_tier=tr.canadian_work_tier.lookup,
        education_with_language={e: _tiers(t) for e, t in tr.education_with_language.rows.items()},
        education_with_canadian_work={e: _tiers(t) for e, t in tr.education_with_canadian_work.rows.items()},
        foreign_with_language=tuple(_tiers(t) for t in tr.foreign_work_with_language.lookup),
        foreign_with_canadian_work=tuple(_tiers(t) for t in tr.foreign_work_with_canadian_work.lookup),
        certificate=tr.certificate_with_language.lookup,
    )


class PerRuleset(Generic[_T]):
    """A value built once per ruleset, keyed by identity and checked against the ruleset itself.

    Kept for good for the versions of the registry, which live as long as the package, and for the last few others
    (rulesets made with ``RuleSet.derive``), so that a loop over many made rulesets does not keep them all alive.
    """

    __slots__ = ("_build", "_others", "known")

    #: How many rulesets outside the registry keep their value.
    OTHERS = 32

    def __init__(self, build: Callable[[RuleSet], _T]) -> None:
        self._build = build
        #: The registry's versions' values by the id() of the ruleset: read it first in a hot path (see _compiled).
        self.known: dict[int, tuple[RuleSet, _T]] = {}
        self._others: OrderedDict[int, tuple[RuleSet, _T]] = OrderedDict()

    def __call__(self, r: RuleSet) -> _T:
        found = self.known.get(id(r))
        if found is not None and found[0] is r:
            return found[1]
        others = self._others
        found = others.get(id(r))
        if found is not None and found[0] is r:
            others.move_to_end(id(r))
            return found[1]
        value = self._build(r)
        if any(known is r for known in available_rulesets()):
            self.known[id(r)] = (r, value)
        else:
            others[id(r)] = (r, value)
            if len(others) > self.OTHERS:
                others.popitem(last=False)
        return value


_COMPILED: PerRuleset[_Compiled] = PerRuleset(_compile)
_KNOWN_COMPILED = _COMPILED.known


def _compiled(r: RuleSet) -> _Compiled:
    """The compiled form of *r*, built once per ruleset."""
    found = _KNOWN_COMPILED.get(id(r))
    return found[1] if found is not None and found[0] is r else _COMPILED(r)


def _cap(lines: list[Line], start: int, cap: int, reason: str) -> int:
    """Cap the points of ``lines[start:]`` at *cap*, later lines first to lose; return what they count."""
    total = 0
    for i in range(start, len(lines)):
        total += lines[i].points
    if total <= cap:
        return total
    remaining = cap
    for i in range(start, len(lines)):
        line = lines[i]
        counted = min(line.points, remaining)
        remaining -= counted
        if counted != line.points:
            lines[i] = line._replace(points=counted, note=f"{reason} at {cap}")
    return cap


def _itemize(  # noqa: C901, PLR0912, PLR0915 (one pass over the grid)
    f: Factors, r: RuleSet, evidence: Mapping[Factor, str] | None = None
) -> tuple[tuple[Line, ...], int, int, int, int]:
    """The lines of *f* under *r*, and the core, spouse, skill transferability and additional points they add up to.

    Each section keeps a running total while its lines are added; the cap walk runs only when a total exceeds a cap.
    This is the itemized scoring of crsrules 0.1 (``score_factors`` then), kept as it was: the lazy lines of a
    breakdown are its lines, and the property tests hold the flat scorer's sections to its own.
    """
    lines: list[Line] = []
    add = lines.append
    spouse = f.spouse
    c = _compiled(r)
    col = c.without_spouse if spouse is None else c.with_spouse
    first = f.first_language
    if first is not None:
        listening, reading, writing, speaking = first.listening, first.reading, first.writing, first.speaking
        first_min = min(listening, reading, writing, speaking)
    else:
        listening = reading = writing = speaking = first_min = 0

    # A. Core / human capital factors.
    core = 0
    p = col.age[f.age]
    if p:
        add(Line(Factor.AGE, p, p, f.age))
        core += p
    p = col.education[f.education]
    if p:
        add(Line(Factor.EDUCATION, p, p, f.education))
        core += p
    table = col.first_language
    p = table[listening] + table[reading] + table[writing] + table[speaking]
    if p and first is not None:
        add(Line(Factor.FIRST_OFFICIAL_LANGUAGE, p, p, (first, col.first_language_table)))
        core += p
    second = f.second_language
    if second is not None:
        table = col.second_language
        p = table[second.listening] + table[second.reading] + table[second.writing] + table[second.speaking]
        if p:
            cap = col.second_language_cap
            if p > cap:
                add(Line(Factor.SECOND_OFFICIAL_LANGUAGE, cap, p, (second, col.second_language_table),
                         "second official language capped at " + str(cap)))  # fmt: skip
                core += cap
            else:
                add(Line(Factor.SECOND_OFFICIAL_LANGUAGE, p, p, (second, col.second_language_table)))
                core += p
    p = col.canadian_work[f.canadian_work_years]
    if p:
        add(Line(Factor.CANADIAN_WORK_EXPERIENCE, p, p, f.canadian_work_years))
        core += p
    if core > col.cap:
        core = _cap(lines, 0, col.cap, "core factors capped")

    # B. Spouse or common-law partner factors.
    spouse_points = 0
    if spouse is not None:
        tables = r.spouse
        start = len(lines)
        p = tables.education[spouse.education]
        if p:
            add(Line(Factor.SPOUSE_EDUCATION, p, p, spouse.education))
        levels = spouse.first_language
        if levels is not None:
            table = tables.first_language.lookup
            p = table[levels.listening] + table[levels.reading] + table[levels.writing] + table[levels.speaking]
            if p:
                add(Line(Factor.SPOUSE_OFFICIAL_LANGUAGE, p, p, (levels, tables.first_language)))
        p = tables.canadian_work.lookup[spouse.canadian_work_years]
        if p:
            add(Line(Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, p, p, spouse.canadian_work_years))
        spouse_points = _cap(lines, start, tables.cap, "spouse factors capped")

    # C. Skill transferability factors: education, foreign work, certificate of qualification groups.
    tr = r.skill_transferability
    group_cap = tr.group_cap
    section_start = len(lines)
    transferability = 0
    language_tier = c.language_tier[first_min]
    canadian_tier = c.canadian_tier[f.canadian_work_years]
    if language_tier or canadian_tier:
        start = len(lines)
        group = 0
        p = c.education_with_language[f.education][language_tier]
        if p:
            add(Line(Factor.EDUCATION_AND_LANGUAGE, p, p, (f.education, first)))
            group += p
        p = c.education_with_canadian_work[f.education][canadian_tier]
        if p:
            add(Line(Factor.EDUCATION_AND_CANADIAN_WORK, p, p, (f.education, f.canadian_work_years)))
            group += p
        if group > group_cap:
            group = _cap(lines, start, group_cap, "education group capped")
        transferability += group
        foreign = f.foreign_work_years
        if foreign:
            start = len(lines)
            group = 0
            p = c.foreign_with_language[foreign][language_tier]
            if p:
                add(Line(Factor.FOREIGN_WORK_AND_LANGUAGE, p, p, (foreign, first)))
                group += p
            p = c.foreign_with_canadian_work[foreign][canadian_tier]
            if p:
                add(Line(Factor.FOREIGN_AND_CANADIAN_WORK, p, p, (foreign, f.canadian_work_years)))
                group += p
            if group > group_cap:
                group = _cap(lines, start, group_cap, "foreign work group capped")
            transferability += group
    if f.certificate_of_qualification:
        p = c.certificate[first_min]
        if p:
            if p > group_cap:
                note = f"certificate group capped at {group_cap}"
                add(Line(Factor.CERTIFICATE_OF_QUALIFICATION, group_cap, p, first, note))
                transferability += group_cap
            else:
                add(Line(Factor.CERTIFICATE_OF_QUALIFICATION, p, p, first))
                transferability += p
    if transferability > tr.cap:
        transferability = _cap(lines, section_start, tr.cap, "skill transferability capped")

    # D. Additional points.
    additional = r.additional
    start = len(lines)
    extra = 0
    if f.provincial_nomination:
        p = additional.provincial_nomination
        add(Line(Factor.PROVINCIAL_NOMINATION, p, p, None))
        extra += p
    if f.arranged_employment is not None:
        p = additional.arranged_employment[f.arranged_employment]
        add(Line(Factor.ARRANGED_EMPLOYMENT, p, p, (f.arranged_employment, p, r.id)))
        extra += p
    if f.canadian_education is not None:
        p = additional.canadian_education[f.canadian_education]
        add(Line(Factor.CANADIAN_EDUCATION, p, p, (f.canadian_education, p, r.id)))
        extra += p
    french_bonus = additional.french
    if french_bonus is not None and (second is not None or (first is not None and first.language is _FRENCH)):
        french: LanguageLevels | None = first
        english: LanguageLevels | None = second
        if first is None or first.language is _ENGLISH:
            french, english = second, first
        if french is not None and french.minimum >= french_bonus.french_minimum:
            strong = english is not None and english.minimum >= french_bonus.english_minimum
            p = french_bonus.strong_english if strong else french_bonus.weak_english
            add(Line(Factor.FRENCH_LANGUAGE_SKILLS, p, p, (french_bonus, strong)))
            extra += p
    if f.sibling_in_canada:
        p = additional.sibling_in_canada
        add(Line(Factor.SIBLING_IN_CANADA, p, p, (p, r.id)))
        extra += p
    if extra > additional.cap:
        extra = _cap(lines, start, additional.cap, "additional points capped")

    # No silent zero: every factor of the grid has its line, with 0 points and the reason when it earns nothing.
    earned = {line.factor: line for line in lines}
    full = [earned.get(factor) or Line(factor, 0, 0, _Nothing(_why_nothing(factor, f))) for factor in Factor]
    if evidence:
        full = [line._replace(evidence=evidence.get(line.factor, "")) for line in full]
    return tuple(full), core, spouse_points, transferability, extra


class _Nothing(NamedTuple):
    """The row of a factor that earns nothing: why, in words."""

    reason: str


def _why_nothing(factor: Factor, f: Factors) -> str:  # noqa: PLR0911 (one reason per factor)
    """Why *factor* earns no points for *f*: the input that gives none, or the input that is missing."""
    spouse, first, second = f.spouse, f.first_language, f.second_language
    if factor.section is Section.SPOUSE and spouse is None:
        return "no accompanying spouse or partner who is not a Canadian citizen or PR: no spouse points"
    if factor is Factor.AGE:
        return f"age {f.age}: no points (17 or younger, or 45 or older)"
    if factor is Factor.EDUCATION or factor is Factor.SPOUSE_EDUCATION:
        level = f.education if factor is Factor.EDUCATION else spouse.education  # type: ignore[union-attr]
        return f"{level.label}: no points"
    if factor is Factor.FIRST_OFFICIAL_LANGUAGE:
        return "no valid first-language result" if first is None else "below CLB/NCLC 4 in every ability: no points"
    if factor is Factor.SECOND_OFFICIAL_LANGUAGE:
        return "no second official language tested" if second is None else "no ability at level 5 or more: no points"
    if factor is Factor.SPOUSE_OFFICIAL_LANGUAGE:
        levels = spouse.first_language  # type: ignore[union-attr]
        return "spouse: no valid language result" if levels is None else "spouse: no ability at level 5 or more"
    if factor in (Factor.CANADIAN_WORK_EXPERIENCE, Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE):
        return "less than 1 year of skilled Canadian work: no points"
    if factor is Factor.CERTIFICATE_OF_QUALIFICATION and not f.certificate_of_qualification:
        return "no certificate of qualification"
    if factor.section is Section.SKILL_TRANSFERABILITY:
        return "no points for this combination (it needs CLB 7 in all four first-language abilities or Canadian work)"
    reasons = {
        Factor.PROVINCIAL_NOMINATION: "no provincial or territorial nomination",
        Factor.ARRANGED_EMPLOYMENT: "no qualifying job offer, or no points for one under these rules",
        Factor.CANADIAN_EDUCATION: "no Canadian post-secondary credential that earns points, or none under these rules",
        Factor.FRENCH_LANGUAGE_SKILLS: "no French-language points (NCLC 7 or more in all four French abilities needed)",
        Factor.SIBLING_IN_CANADA: "no brother or sister in Canada, or no points for one under these rules",
    }
    return reasons[factor]


_ENGLISH = OfficialLanguage.ENGLISH
_FRENCH = OfficialLanguage.FRENCH


# Rendering of each line's row in words, done only when a detail is read.


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def _language(row: tuple[LanguageLevels, Steps[int]]) -> str:
    levels, table = row
    scale = levels.language.scale
    parts = ", ".join(
        f"{ability} {scale} {level} ({table.points(level)})"
        for ability, level in (
            ("listening", levels.listening),
            ("reading", levels.reading),
            ("writing", levels.writing),
            ("speaking", levels.speaking),
        )
    )
    return f"{levels.language.value.capitalize()}: {parts}"


def _all_four(levels: LanguageLevels) -> str:
    return f"{levels.language.scale} {levels.minimum} or more in all four first-language abilities"


def _none_under(points: int, rules_id: str) -> str:
    return "" if points else f": no points under ruleset {rules_id}"


def _kind(row: tuple[Enum, int, str], what: str) -> str:
    kind, points, rules_id = row
    return f"{what} ({kind.value.replace('_', ' ')}){_none_under(points, rules_id)}"


def _french(row: tuple[FrenchBonus, bool]) -> str:
    bonus, strong = row
    french = f"NCLC {bonus.french_minimum} or more in all four French abilities"
    if strong:
        return f"{french} and CLB {bonus.english_minimum} or more in all four English abilities"
    return f"{french}; English not tested, or below CLB {bonus.english_minimum} in an ability"


_RENDER: dict[Factor, Callable[[Any], str]] = {
    Factor.AGE: lambda age: f"age {age}",
    Factor.EDUCATION: lambda education: education.label,
    Factor.FIRST_OFFICIAL_LANGUAGE: _language,
    Factor.SECOND_OFFICIAL_LANGUAGE: _language,
    Factor.CANADIAN_WORK_EXPERIENCE: lambda years: f"{_years(years)} of Canadian work",
    Factor.SPOUSE_EDUCATION: lambda education: f"spouse: {education.label}",
    Factor.SPOUSE_OFFICIAL_LANGUAGE: lambda row: f"spouse: {_language(row)}",
    Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE: lambda years: f"spouse: {_years(years)} of Canadian work",
    Factor.EDUCATION_AND_LANGUAGE: lambda row: f"{row[0].label} with {_all_four(row[1])}",
    Factor.EDUCATION_AND_CANADIAN_WORK: lambda row: f"{row[0].label} with {_years(row[1])} of Canadian work",
    Factor.FOREIGN_WORK_AND_LANGUAGE: lambda row: f"{_years(row[0])} of foreign work with {_all_four(row[1])}",
    Factor.FOREIGN_AND_CANADIAN_WORK: lambda row: (
        f"{_years(row[0])} of foreign work with {_years(row[1])} of Canadian work"
    ),
    Factor.CERTIFICATE_OF_QUALIFICATION: lambda levels: f"certificate of qualification with {_all_four(levels)}",
    Factor.PROVINCIAL_NOMINATION: lambda _: "provincial or territorial nomination",
    Factor.ARRANGED_EMPLOYMENT: lambda row: _kind(row, "arranged employment"),
    Factor.CANADIAN_EDUCATION: lambda row: _kind(row, "Canadian post-secondary credential"),
    Factor.FRENCH_LANGUAGE_SKILLS: _french,
    Factor.SIBLING_IN_CANADA: lambda row: f"brother or sister in Canada{_none_under(*row)}",
}
