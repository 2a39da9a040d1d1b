"""The CRS score: :func:`score` turns :class:`~crsrules.Factors` and a ruleset into a :class:`ScoreBreakdown`.

Scoring is a pure function of the factors and the ruleset's tables. It never looks at a date: the registry picks the
ruleset, and the ruleset carries every number. Caps are applied in the order of IRCC's grid: within a section, a
factor listed later loses points first, and each line records what it earned before the cap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from attrs import field, frozen

from crsrules.errors import InvalidValueError
from crsrules.headings import Factor, Section
from crsrules.model import Factors, LanguageLevels, OfficialLanguage
from crsrules.rules import resolve

if TYPE_CHECKING:
    from datetime import date

    from crsrules.rules import RuleSet
    from crsrules.tables import Steps

__all__ = ["Line", "ScoreBreakdown", "score"]


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
    #: The table row used, or the reason for no or capped points.
    detail: str

    @property
    def section(self) -> Section:
        """The section of the factor."""
        return self.factor.section

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form."""
        return {
            "section": self.factor.section.value,
            "factor": self.factor.value,
            "points": self.points,
            "earned": self.earned,
            "detail": self.detail,
        }


@frozen(kw_only=True)
class ScoreBreakdown:
    """A CRS score with its sections and every line that earned points or was capped.

    ``total == core + spouse + skill_transferability + additional == sum(line.points for line in lines)``.

    .. versionadded:: 0.1.0
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
    #: The id of the ruleset that produced the score.
    rules_id: str
    #: The lines, in the order of IRCC's grid.
    lines: tuple[Line, ...] = field(repr=False)

    @property
    def by_section(self) -> dict[Section, int]:
        """Points by section."""
        return {
            Section.CORE: self.core,
            Section.SPOUSE: self.spouse,
            Section.SKILL_TRANSFERABILITY: self.skill_transferability,
            Section.ADDITIONAL: self.additional,
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
            "total": self.total,
            "core": self.core,
            "spouse": self.spouse,
            "skill_transferability": self.skill_transferability,
            "additional": self.additional,
            "rules_id": self.rules_id,
            "lines": [line.as_dict() for line in self.lines],
        }


def score(factors: Factors, *, on: date | None = None, rules: RuleSet | str | None = None) -> ScoreBreakdown:
    """Compute the CRS score of *factors* under the rules in force *on* a date, or under pinned *rules*.

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

    Example:
        >>> from crsrules import Education, Factors, LanguageLevels, OfficialLanguage
        >>> english = LanguageLevels(language=OfficialLanguage.ENGLISH, listening=9, reading=9, writing=9, speaking=9)
        >>> b = score(Factors(age=29, education=Education.BACHELORS, first_language=english), rules="2025-03-25")
        >>> b.total, b.core, b.skill_transferability
        (379, 354, 25)

    .. versionadded:: 0.1.0
    """
    ruleset = resolve(on=on, rules=rules)
    if not isinstance(factors, Factors):
        raise InvalidValueError("factors", factors, "a crsrules.Factors")
    return score_factors(factors, ruleset)


def _language_detail(levels: LanguageLevels, table: Steps[int]) -> tuple[int, str]:
    """The points of four abilities and a detail such as ``"English: listening CLB 9 (31), ..."``."""
    scale = levels.language.scale
    points = table.points
    parts = []
    total = 0
    for ability, level in (
        ("listening", levels.listening),
        ("reading", levels.reading),
        ("writing", levels.writing),
        ("speaking", levels.speaking),
    ):
        p = points(level)
        total += p
        parts.append(f"{ability} {scale} {level} ({p})")
    return total, f"{levels.language.value.capitalize()}: {', '.join(parts)}"


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
            lines[i] = line._replace(points=counted, detail=f"{line.detail}; {reason}")
    return cap


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def score_factors(f: Factors, r: RuleSet) -> ScoreBreakdown:  # noqa: C901, PLR0912, PLR0915 (one pass over the grid)
    """Score *f* under *r* (no argument checks: the fast path behind :func:`score`).

    .. versionadded:: 0.1.0
    """
    lines: list[Line] = []
    add = lines.append
    with_spouse = f.spouse is not None
    first = f.first_language
    first_min = first.minimum

    # A. Core / human capital factors.
    core = r.core
    p = core.age.column(spouse=with_spouse).points(f.age)
    if p:
        add(Line(Factor.AGE, p, p, f"age {f.age}"))
    p = core.education.column(spouse=with_spouse)[f.education]
    if p:
        add(Line(Factor.EDUCATION, p, p, f.education.label))
    p, detail = _language_detail(first, core.first_language.column(spouse=with_spouse))
    if p:
        add(Line(Factor.FIRST_OFFICIAL_LANGUAGE, p, p, detail))
    second = f.second_language
    if second is not None:
        p, detail = _language_detail(second, core.second_language.column(spouse=with_spouse))
        if p:
            start = len(lines)
            add(Line(Factor.SECOND_OFFICIAL_LANGUAGE, p, p, detail))
            cap = core.second_language_cap.column(spouse=with_spouse)
            _cap(lines, start, cap, f"second official language capped at {cap}")
    p = core.canadian_work.column(spouse=with_spouse).points(f.canadian_work_years)
    if p:
        add(Line(Factor.CANADIAN_WORK_EXPERIENCE, p, p, f"{_years(f.canadian_work_years)} of Canadian work"))
    cap = core.cap.column(spouse=with_spouse)
    core_points = _cap(lines, 0, cap, f"core factors capped at {cap}")

    # B. Spouse or common-law partner factors.
    spouse_points = 0
    if f.spouse is not None:
        s = f.spouse
        tables = r.spouse
        start = len(lines)
        p = tables.education[s.education]
        if p:
            add(Line(Factor.SPOUSE_EDUCATION, p, p, f"spouse: {s.education.label}"))
        if s.first_language is not None:
            p, detail = _language_detail(s.first_language, tables.first_language)
            if p:
                add(Line(Factor.SPOUSE_OFFICIAL_LANGUAGE, p, p, f"spouse: {detail}"))
        p = tables.canadian_work.points(s.canadian_work_years)
        if p:
            add(Line(Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE, p, p, f"spouse: {_years(s.canadian_work_years)}"))
        spouse_points = _cap(lines, start, tables.cap, f"spouse factors capped at {tables.cap}")

    # C. Skill transferability factors: education, foreign work, certificate of qualification.
    tr = r.skill_transferability
    section_start = len(lines)
    language_tier = tr.language_tier.points(first_min)
    canadian_tier = tr.canadian_work_tier.points(f.canadian_work_years)
    language_text = f"{first.language.scale} {first_min} or more in all four first-language abilities"
    canadian_text = f"{_years(f.canadian_work_years)} of Canadian work"
    group_reason = f"group capped at {tr.group_cap}"
    if language_tier or canadian_tier:
        start = len(lines)
        p = tr.education_with_language[f.education].at(language_tier)
        if p:
            add(Line(Factor.EDUCATION_AND_LANGUAGE, p, p, f"{f.education.label} with {language_text}"))
        p = tr.education_with_canadian_work[f.education].at(canadian_tier)
        if p:
            add(Line(Factor.EDUCATION_AND_CANADIAN_WORK, p, p, f"{f.education.label} with {canadian_text}"))
        _cap(lines, start, tr.group_cap, f"education {group_reason}")
        if f.foreign_work_years:
            start = len(lines)
            foreign = tr.foreign_work_with_language.points(f.foreign_work_years)
            foreign_text = f"{_years(f.foreign_work_years)} of foreign work"
            p = foreign.at(language_tier)
            if p:
                add(Line(Factor.FOREIGN_WORK_AND_LANGUAGE, p, p, f"{foreign_text} with {language_text}"))
            p = tr.foreign_work_with_canadian_work.points(f.foreign_work_years).at(canadian_tier)
            if p:
                add(Line(Factor.FOREIGN_AND_CANADIAN_WORK, p, p, f"{foreign_text} with {canadian_text}"))
            _cap(lines, start, tr.group_cap, f"foreign work {group_reason}")
    if f.certificate_of_qualification:
        p = min(tr.certificate_with_language.points(first_min), tr.group_cap)
        if p:
            add(Line(Factor.CERTIFICATE_OF_QUALIFICATION, p, p, f"certificate of qualification with {language_text}"))
    transferability = _cap(lines, section_start, tr.cap, f"skill transferability capped at {tr.cap}")

    # D. Additional points.
    additional = r.additional
    start = len(lines)
    if f.provincial_nomination:
        p = additional.provincial_nomination
        add(Line(Factor.PROVINCIAL_NOMINATION, p, p, "provincial or territorial nomination"))
    if f.arranged_employment is not None:
        p = additional.arranged_employment[f.arranged_employment]
        kind = f.arranged_employment.value.replace("_", " ")
        add(Line(Factor.ARRANGED_EMPLOYMENT, p, p, f"arranged employment ({kind})" + _none_under(p, r)))
    if f.canadian_education is not None:
        p = additional.canadian_education[f.canadian_education]
        kind = f.canadian_education.value.replace("_", " ")
        add(Line(Factor.CANADIAN_EDUCATION, p, p, f"Canadian post-secondary credential ({kind})" + _none_under(p, r)))
    french_bonus = additional.french
    if french_bonus is not None:
        if first.language is OfficialLanguage.FRENCH:
            french, english = first, f.second_language
        else:
            french, english = f.second_language, first
        if french is not None and french.minimum >= french_bonus.french_minimum:
            if english is not None and english.minimum >= french_bonus.english_minimum:
                p = french_bonus.strong_english
                detail = (
                    f"NCLC {french_bonus.french_minimum} or more in all four French abilities "
                    f"and CLB {french_bonus.english_minimum} or more in all four English abilities"
                )
            else:
                p = french_bonus.weak_english
                detail = (
                    f"NCLC {french_bonus.french_minimum} or more in all four French abilities "
                    f"and English below CLB {french_bonus.english_minimum} in an ability, or not tested"
                )
            add(Line(Factor.FRENCH_LANGUAGE_SKILLS, p, p, detail))
    if f.sibling_in_canada:
        p = additional.sibling_in_canada
        add(Line(Factor.SIBLING_IN_CANADA, p, p, "brother or sister in Canada" + _none_under(p, r)))
    additional_points = _cap(lines, start, additional.cap, f"additional points capped at {additional.cap}")

    return ScoreBreakdown(
        total=core_points + spouse_points + transferability + additional_points,
        core=core_points,
        spouse=spouse_points,
        skill_transferability=transferability,
        additional=additional_points,
        rules_id=r.id,
        lines=tuple(lines),
    )


def _none_under(points: int, r: RuleSet) -> str:
    return "" if points else f": no points under ruleset {r.id}"
