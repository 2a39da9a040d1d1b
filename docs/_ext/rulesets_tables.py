"""Sphinx extension: write every ruleset's tables, the language-test conversions and the CLI help from crsrules.

On ``builder-inited`` it renders MyST Markdown files into ``reference/_generated/`` (ignored by git), which the
reference pages pull in with ``{include}``. Nothing in them is typed by hand: the ruleset tables come from the
:class:`crsrules.RuleSet` objects of :func:`crsrules.available_rulesets`, and the conversion charts are read back
through the public :func:`crsrules.language.convert` by trying every possible result of each test. A file is only
rewritten when its text changes, so incremental builds stay incremental.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import pkgutil
import re
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import attrs
from sphinx.util import logging

import crsrules
import crsrules.rules
from crsrules import (
    ArrangedEmployment,
    CanadianEducation,
    Education,
    InvalidValueError,
    LanguageTest,
    Program,
    RuleSet,
    TefScale,
)
from crsrules.cli import main
from crsrules.language import accepted_from, convert

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from crsrules.rules import Additional, Core, ProgramCriteria, SkillTransferability, SpouseTables
    from crsrules.tables import BySpouse, Steps, Table

_logger = logging.getLogger(__name__)

GENERATED = Path("reference") / "_generated"
ABILITIES = ("listening", "reading", "writing", "speaking")
# The CRS tables' lowest row with points is level 4; below it every ability earns nothing.
FIRST_SCORED_LEVEL = 4
DASH = "—"


# -- Markdown helpers ------------------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Escape the characters that Markdown would read as markup."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]], *, numbers: bool = True) -> str:
    """A pipe table; the first column is left-aligned, the others too, or right-aligned if they hold *numbers*."""
    align = "---:" if numbers else ":---"
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join([":---"] + [align] * (len(header) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _range(low: int | None, high: int | None) -> str:
    """A range of whole numbers: ``"17 or less"``, ``"20 to 29"``, ``"30"``, ``"45 or more"``."""
    if low is None:
        return f"{high} or less" if high else "0"
    if high is None:
        return f"{low} or more"
    return str(low) if low == high else f"{low} to {high}"


def _segments(*columns: Steps[Any]) -> list[tuple[int | None, int | None]]:
    """The ranges that the union of the columns' thresholds cuts the non-negative numbers into."""
    thresholds = sorted({t for column in columns for t, _ in column.steps})
    segments: list[tuple[int | None, int | None]] = []
    if thresholds[0] > 0:
        segments.append((None, thresholds[0] - 1))
    for low, following in zip(thresholds, [*thresholds[1:], None], strict=True):
        segments.append((low, None if following is None else following - 1))
    return segments


def _at(low: int | None, high: int | None) -> int:
    """A value inside the range, to look points up with."""
    return low if low is not None else high or 0


def _code(value: str) -> str:
    return f"`{value}`"


def _changed(changed: set[str], key: str) -> str:
    return " *(changed in this ruleset)*" if key in changed else ""


# -- Ruleset tables ----------------------------------------------------------------------------------------------------


def _constant_of(ruleset: RuleSet) -> str:
    """The dotted name of the ``RULES_*`` constant that defines *ruleset* in a ``crsrules.rules.yYYYY`` module."""
    for info in pkgutil.iter_modules(crsrules.rules.__path__):
        if not re.fullmatch(r"y\d{4}", info.name):
            continue
        module = importlib.import_module(f"crsrules.rules.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("RULES_") and value is ruleset:
                return f"crsrules.rules.{info.name}.{name}"
    return DASH


def _changed_tables(ruleset: RuleSet, previous: RuleSet | None) -> set[str]:
    """Keys such as ``"additional.french"`` of the tables whose data differ from the previous ruleset's."""
    if previous is None:
        return set()
    new, old = ruleset.canonical(), previous.canonical()
    changed: set[str] = set()
    for key, value in new.items():
        if key in {"id", "effective"}:
            continue
        before = old.get(key)
        if isinstance(value, dict) and isinstance(before, dict):
            changed |= {f"{key}.{k}" for k in value if value[k] != before.get(k)}
        elif value != before:
            changed.add(key)
    return changed


def _steps_by_spouse(
    title: str, unit: str, table: BySpouse[Steps[int]], changed: str, label: Callable[[str], str] = str
) -> str:
    columns = (table.with_spouse, table.without_spouse)
    rows = [
        [label(_range(low, high)), *(c.points(_at(low, high)) for c in columns)] for low, high in _segments(*columns)
    ]
    return f"**{title}**{changed}\n\n" + _table([unit, "With spouse", "Without spouse"], rows)


def _education_rows(*tables: Table[Education, Any]) -> list[list[object]]:
    return [
        [f"{_escape(level.label)} ({_code(level.value)})", *(t.get(level, DASH) for t in tables)] for level in Education
    ]


def _core(core: Core, changed: set[str]) -> str:
    def mark(key: str) -> str:
        return _changed(changed, f"core.{key}")

    parts = [
        "### A. Core / human capital factors\n",
        _steps_by_spouse("Age", "Age (completed years)", core.age, mark("age")),
        f"**Level of education**{mark('education')}\n\n"
        + _table(
            ["Education", "With spouse", "Without spouse"],
            _education_rows(core.education.with_spouse, core.education.without_spouse),
        ),
        _steps_by_spouse(
            "First official language, points per ability",
            "CLB/NCLC level",
            core.first_language,
            mark("first_language"),
        ),
        _steps_by_spouse(
            "Second official language, points per ability",
            "CLB/NCLC level",
            core.second_language,
            mark("second_language"),
        )
        + f"\nCap on the four abilities together{mark('second_language_cap')}: "
        f"{core.second_language_cap.with_spouse} with spouse, {core.second_language_cap.without_spouse} without.\n",
        _steps_by_spouse(
            "Canadian work experience",
            "Completed years",
            core.canadian_work,
            mark("canadian_work"),
        ),
        f"**Section cap**{mark('cap')}\n\n"
        + _table(
            ["", "With spouse", "Without spouse"], [["Core factors", core.cap.with_spouse, core.cap.without_spouse]]
        ),
    ]
    return "\n".join(parts)


def _steps(title: str, unit: str, steps: Steps[int], changed: str) -> str:
    rows = [[_range(low, high), steps.points(_at(low, high))] for low, high in _segments(steps)]
    return f"**{title}**{changed}\n\n" + _table([unit, "Points"], rows)


def _spouse(spouse: SpouseTables, changed: set[str]) -> str:
    def mark(key: str) -> str:
        return _changed(changed, f"spouse.{key}")

    parts = [
        "### B. Spouse or common-law partner factors\n",
        "Only with an accompanying spouse or partner who is not a Canadian citizen or permanent resident.\n",
        f"**Spouse's level of education**{mark('education')}\n\n"
        + _table(["Education", "Points"], _education_rows(spouse.education)),
        _steps(
            "Spouse's first official language, points per ability",
            "CLB/NCLC level",
            spouse.first_language,
            mark("first_language"),
        ),
        _steps("Spouse's Canadian work experience", "Completed years", spouse.canadian_work, mark("canadian_work")),
        f"**Section cap**{mark('cap')}: {spouse.cap}\n",
    ]
    return "\n".join(parts)


def _tier_labels(tiers: Steps[int], describe: Callable[[str], str]) -> dict[int, str]:
    """Column headings for tiers 1 and 2, from the ranges that reach each tier."""
    labels: dict[int, str] = {}
    for low, high in _segments(tiers):
        tier = tiers.points(_at(low, high))
        if tier:
            labels[tier] = describe(_range(low, high))
    return labels


def _skill_transferability(tr: SkillTransferability, changed: set[str]) -> str:
    def mark(key: str) -> str:
        return _changed(changed, f"skill_transferability.{key}")

    language = _tier_labels(tr.language_tier, lambda r: f"CLB/NCLC {r} (lowest first-language ability)")
    canadian = _tier_labels(
        tr.canadian_work_tier, lambda r: f"{r} year of Canadian work" if r == "1" else f"{r} years of Canadian work"
    )
    tiers = (1, 2)

    def education_table(title: str, table: Table[Education, Any], heads: Mapping[int, str], key: str) -> str:
        rows = [
            [f"{_escape(level.label)} ({_code(level.value)})", *(table[level].at(t) for t in tiers)]
            for level in Education
        ]
        return f"**{title}**{mark(key)}\n\n" + _table(["Education", *(heads[t] for t in tiers)], rows)

    def foreign_table(title: str, steps: Steps[Any], heads: Mapping[int, str], key: str) -> str:
        rows = [
            [_range(low, high), *(steps.points(_at(low, high)).at(t) for t in tiers)] for low, high in _segments(steps)
        ]
        return f"**{title}**{mark(key)}\n\n" + _table(["Years of foreign work", *(heads[t] for t in tiers)], rows)

    parts = [
        "### C. Skill transferability factors\n",
        f"Each group is capped at {tr.group_cap}{mark('group_cap')}, and the section at {tr.cap}{mark('cap')}.\n",
        "**Tiers**"
        + (mark("language_tier") or mark("canadian_work_tier"))
        + "\n\n"
        + _table(
            ["Tier", "Official language proficiency", "Canadian work experience"],
            [[t, language[t], canadian[t]] for t in tiers],
            numbers=False,
        ),
        education_table(
            "Education with official language proficiency",
            tr.education_with_language,
            language,
            "education_with_language",
        ),
        education_table(
            "Education with Canadian work experience",
            tr.education_with_canadian_work,
            canadian,
            "education_with_canadian_work",
        ),
        foreign_table(
            "Foreign work experience with official language proficiency",
            tr.foreign_work_with_language,
            language,
            "foreign_work_with_language",
        ),
        foreign_table(
            "Foreign work experience with Canadian work experience",
            tr.foreign_work_with_canadian_work,
            canadian,
            "foreign_work_with_canadian_work",
        ),
        _steps(
            "Certificate of qualification with official language proficiency",
            "CLB/NCLC level (lowest first-language ability)",
            tr.certificate_with_language,
            mark("certificate_with_language"),
        ),
    ]
    return "\n".join(parts)


def _additional(additional: Additional, changed: set[str]) -> str:
    def mark(key: str) -> str:
        return _changed(changed, f"additional.{key}")

    rows: list[list[object]] = [
        [f"Provincial or territorial nomination{mark('provincial_nomination')}", additional.provincial_nomination]
    ]
    rows += [
        [f"Arranged employment, {_code(kind.value)}{mark('arranged_employment')}", additional.arranged_employment[kind]]
        for kind in ArrangedEmployment
    ]
    rows += [
        [
            f"Canadian post-secondary credential, {_code(kind.value)}{mark('canadian_education')}",
            additional.canadian_education[kind],
        ]
        for kind in CanadianEducation
    ]
    french = additional.french
    if french is None:
        rows.append([f"French-language skills{mark('french')}", f"{DASH} (not a factor)"])
    else:
        condition = f"French: NCLC {french.french_minimum} or more in all four French abilities"
        weak = f"English below CLB {french.english_minimum} in an ability or not tested"
        strong = f"CLB {french.english_minimum} or more in all four English abilities"
        rows += [
            [f"{condition}, and {weak}{mark('french')}", french.weak_english],
            [f"{condition}, and {strong}{mark('french')}", french.strong_english],
        ]
    rows.append([f"Brother or sister in Canada{mark('sibling_in_canada')}", additional.sibling_in_canada])
    rows.append([f"**Section cap**{mark('cap')}", additional.cap])
    return "### D. Additional points\n\n" + _table(["Factor", "Points"], rows)


def _programs(programs: ProgramCriteria, changed: set[str]) -> str:
    """The programs' entry criteria: the FSW minimums and selection grid, CEC and FST."""

    def mark(key: str) -> str:
        return _changed(changed, f"programs.{key}")

    fsw, cec, fst = programs.fsw, programs.cec, programs.fst
    grid = fsw.grid
    long_enough = ", ".join(_code(e.value) for e in Education if e in fsw.study_in_canada_levels)
    minimums = [
        ["Continuous work in the primary occupation", f"{fsw.minimum_work_years} year(s)"],
        ["Window of work (minimum and grid)", f"{fsw.work_window_years} years"],
        ["First official language, all four abilities", f"CLB/NCLC {fsw.minimum_language_clb}"],
        ["Selection grid", f"{grid.pass_mark} of {grid.maximum} points"],
        ["Arranged employment", f"{grid.arranged_employment} points"],
        ["Adaptability: spouse's language, all four abilities", f"CLB/NCLC {fsw.spouse_language_clb}"],
        ["Adaptability: study in Canada", f"{fsw.study_in_canada_years} academic years ({long_enough})"],
        ["Adaptability: work in Canada", f"{fsw.work_in_canada_years} year(s)"],
    ]
    adaptability = [[_code(e.value), grid.adaptability[e]] for e in grid.adaptability]
    adaptability.append(["**cap**", grid.adaptability_cap])
    cec_levels = [[f"NOC 2021 TEER {teer}", cec.language_by_teer.points(teer)] for teer in range(4)]
    cec_levels += [
        [f"NOC 2016 {_code(skill.value)}", level] for skill, level in cec.language_by_noc_2016_skill.rows.items()
    ]
    trades = [
        [
            _code(version.value),
            ", ".join(groups.included),
            ", ".join(groups.excluded) or DASH,
            "yes" if groups.confirmed else "**no** \\[UNCONFIRMED\\]",
        ]
        for version, groups in fst.trades.rows.items()
    ]
    language = fst.language
    parts = [
        "### Programs' entry criteria\n",
        f"**Federal Skilled Worker Program**{mark('fsw')}\n\n" + _table(["Rule", "Value"], minimums, numbers=False),
        _steps("FSW first official language, points per ability", "CLB/NCLC level", grid.first_language, ""),
        _steps("FSW second official language, by the lowest ability", "CLB/NCLC level", grid.second_language, ""),
        "**FSW education**\n\n" + _table(["Education", "Points"], _education_rows(grid.education)),
        _steps("FSW work experience", "Whole years", grid.work_experience, ""),
        _steps("FSW age", "Age", grid.age, ""),
        "**FSW adaptability**\n\n" + _table(["Element", "Points"], adaptability),
        f"**Canadian Experience Class**{mark('cec')}: {cec.work_years} year(s) of skilled paid work in Canada within "
        f"{cec.window_years} years, and the level the occupation of that work calls for in all four abilities:\n\n"
        + _table(["Occupation", "CLB/NCLC"], cec_levels),
        f"**Federal Skilled Trades Program**{mark('fst')}: {fst.work_years} years in one skilled trade within "
        f"{fst.window_years} years; CLB/NCLC {language.listening} listening, {language.reading} reading, "
        f"{language.writing} writing, {language.speaking} speaking. The skilled trades:\n\n"
        + _table(["Classification", "Groups", "Except", "Confirmed"], trades, numbers=False),
    ]
    return "\n".join(parts)


# RuleSet fields that have their own rendering above; any other field is shown as a plain table by _other().
_RENDERED = frozenset(
    {
        "id",
        "effective",
        "summary",
        "changes",
        "program_changes",
        "sources",
        "verified_on",
        "noc_version",
        "core",
        "spouse",
        "skill_transferability",
        "additional",
        # The categories' terms and lists have pages of their own (docs/_ext/category_tables.py).
        "categories",
        "category_changes",
        "programs",
        # The language rules have a table of their own (_language) and the charts a page (language-tests).
        "language",
        "language_changes",
    }
)


def _plain(value: object) -> str:
    """A canonical (JSON-ready) value in words: lists joined, None as a dash."""
    if value is None:
        return DASH
    if isinstance(value, list):
        return " to ".join(_plain(v) for v in value) if value else DASH
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return _escape(str(value))


def _other(ruleset: RuleSet, changed: set[str]) -> str:
    """The ruleset's other data, such as its rules of evidence, one table per field."""
    canonical = ruleset.canonical()
    parts = []
    for field in attrs.fields(type(ruleset)):
        if field.name in _RENDERED or field.name not in canonical:
            continue
        data = canonical[field.name]
        title = field.name.replace("_", " ").capitalize()
        if isinstance(data, dict):
            rows = [[f"{_code(k)}{_changed(changed, f'{field.name}.{k}')}", _plain(v)] for k, v in data.items()]
            parts.append(f"### {title}\n\n" + _table(["Rule", "Value"], rows, numbers=False))
        else:
            parts.append(f"### {title}\n\n{_plain(data)}{_changed(changed, field.name)}\n")
    return "\n".join(parts)


def _factor_refs(ruleset: RuleSet) -> str:
    if not ruleset.changes:
        return "none (the first ruleset)" if ruleset is crsrules.available_rulesets()[0] else "none"
    return ", ".join(
        f"{{py:attr}}`{f.value} <crsrules.Factor.{f.name}>`" for f in sorted(ruleset.changes, key=lambda f: f.value)
    )


def _test_refs(ruleset: RuleSet) -> str:
    if not ruleset.language_changes:
        return "none"
    changed = [t for t in LanguageTest if t in ruleset.language_changes]
    return ", ".join(f"{{py:attr}}`{t.value} <crsrules.LanguageTest.{t.name}>`" for t in changed)


def _language(ruleset: RuleSet, previous: RuleSet | None) -> str:
    """The tests the version accepts, from which test date, and the TEF Canada chart of each period of test dates."""
    rules = ruleset.language
    moved = previous is not None and bool(ruleset.language_changes)
    rows = [
        [t.label + (" (changed)" if moved and t in ruleset.language_changes else ""), _code(t.value),
         rules.accepted_from[t].isoformat()]
        for t in LanguageTest
        if t in rules.accepted_from
    ]  # fmt: skip
    epochs = "; ".join(f"{_code(scale.value)} for tests from {start.isoformat()}" for start, scale in rules.tef_epochs)
    return (
        "### Language tests\n\n"
        + _table(["Test", "Value", "Accepted for tests from"], rows, numbers=False)
        + f"\nTEF Canada charts by test date: {epochs}. The charts are on {{doc}}`language-tests`.\n"
    )


def _category_refs(ruleset: RuleSet) -> str:
    if not ruleset.category_changes:
        return "none"
    names = ", ".join(_code(c.value) for c in crsrules.Category if c in ruleset.category_changes)
    return f"{names} ({{ref}}`the category versions <category-rules-{ruleset.id}>`)"


def _program_refs(ruleset: RuleSet) -> str:
    if not ruleset.program_changes:
        return "none"
    return ", ".join(
        f"{{py:attr}}`{p.value} <crsrules.Program.{p.name}>`" for p in Program if p in ruleset.program_changes
    )


def _until(following: RuleSet | None) -> str:
    if following is None:
        last = crsrules.rules.LAST_KNOWN_DATE.isoformat()
        return (
            f"no later ruleset; last confirmed in force on {last} ({{py:data}}`~crsrules.rules.LAST_KNOWN_DATE`), "
            "later dates get it with a {py:class}`~crsrules.StaleRulesWarning`"
        )
    end = following.effective - timedelta(days=1)
    return (
        f"{end.isoformat()} (inclusive); {{ref}}`ruleset {following.id} <ruleset-{following.id}>` starts the next day"
    )


def _ruleset_section(ruleset: RuleSet, previous: RuleSet | None, following: RuleSet | None) -> str:
    changed = _changed_tables(ruleset, previous)
    fields = [
        ["Effective", f"{ruleset.effective.isoformat()} (inclusive)"],
        ["In force until", _until(following)],
        ["Summary", _escape(ruleset.summary)],
        ["Declared changes", _factor_refs(ruleset)],
        ["Tests changed", _test_refs(ruleset)],
        ["Categories changed", _category_refs(ruleset)],
        ["Declared program changes", _program_refs(ruleset)],
        ["NOC version", _code(ruleset.noc_version.value) + _changed(changed, "noc_version")],
        ["Verified on", ruleset.verified_on.isoformat()],
        ["Fingerprint", _code(ruleset.fingerprint)],
        ["Defined in", _code(_constant_of(ruleset))],
    ]
    sources = "\n".join(f"- [{_escape(s.title)}](<{s.url}>)" for s in ruleset.sources)
    info = "| | |\n|:---|:---|\n" + "\n".join(f"| {k} | {v} |" for k, v in fields) + "\n"
    if previous is None:
        diff = "This is the first ruleset: every table below is spelled out in full."
    elif changed:
        what = ", ".join(_code(k) for k in sorted(changed))
        diff = f"Data changed from ruleset {previous.id}: {what}. The changed tables are marked below."
    else:
        diff = f"No table changed from ruleset {previous.id}."
    return "\n".join(
        [
            f"(ruleset-{ruleset.id})=",
            f"## {ruleset.id}\n",
            info,
            f"{diff}\n",
            f"Sources:\n\n{sources}\n",
            _core(ruleset.core, changed),
            _spouse(ruleset.spouse, changed),
            _skill_transferability(ruleset.skill_transferability, changed),
            _additional(ruleset.additional, changed),
            _programs(ruleset.programs, changed),
            _language(ruleset, previous),
            _other(ruleset, changed),
        ]
    )


def render_rulesets() -> str:
    """The Markdown of every ruleset, oldest first, with an overview table."""
    rulesets = crsrules.available_rulesets()
    overview = _table(
        ["Ruleset", "In force", "Summary"],
        [
            [
                f"{{ref}}`{r.id} <ruleset-{r.id}>`",
                f"{r.effective.isoformat()} to {following.effective - timedelta(days=1)}"
                if following
                else f"from {r.effective.isoformat()}",
                _escape(r.summary),
            ]
            for r, following in zip(rulesets, [*rulesets[1:], None], strict=True)
        ],
        numbers=False,
    )
    sections = [
        _ruleset_section(r, previous, following)
        for previous, r, following in zip([None, *rulesets[:-1]], rulesets, [*rulesets[1:], None], strict=True)
    ]
    header = "<!-- Generated by docs/_ext/rulesets_tables.py from crsrules.available_rulesets(); do not edit. -->\n"
    return "\n".join([header, "## Overview\n", overview, *sections])


# -- Language test conversions -------------------------------------------------------------------------------------

# Results to try: every half-point from 0 to 1000 covers every scale crsrules accepts (IELTS bands step 0.5).
_CANDIDATES = tuple(i / 2 for i in range(2001))


def _try(test: LanguageTest, scale: TefScale | None, results: Mapping[str, float]) -> tuple[Any, str | None]:
    """Convert *results*; return the levels, or None and the name of the field that was refused."""
    try:
        levels = convert(test, tested_on=accepted_from(test), tef_scale=scale, **results)
    except InvalidValueError as exc:
        return None, exc.field
    return levels, None


def _probe(test: LanguageTest, scale: TefScale | None) -> dict[str, dict[int, list[float]]]:
    """The accepted results of each ability, grouped by the level they convert to."""
    base = dict.fromkeys(ABILITIES, _CANDIDATES[0])
    index = dict.fromkeys(ABILITIES, 0)
    while True:  # find one accepted result per ability, moving only the ability that is refused
        _, refused = _try(test, scale, base)
        if refused is None:
            break
        if refused not in base:
            msg = f"{test.value}: convert() refused {refused!r}"
            raise RuntimeError(msg)
        index[refused] += 1
        base[refused] = _CANDIDATES[index[refused]]
    levels: dict[str, dict[int, list[float]]] = {}
    for ability in ABILITIES:
        by_level: dict[int, list[float]] = {}
        for value in _CANDIDATES:
            result, _ = _try(test, scale, {**base, ability: value})
            if result is not None:
                by_level.setdefault(getattr(result, ability), []).append(value)
        levels[ability] = by_level
    return levels


def _number(value: float, halves: bool) -> str:
    return f"{value:.1f}" if halves else str(int(value))


def _chart(test: LanguageTest, scale: TefScale | None) -> str:
    probed = _probe(test, scale)
    values = [v for by_level in probed.values() for vs in by_level.values() for v in vs]
    halves = any(v != int(v) for v in values)
    levels = sorted({level for by_level in probed.values() for level in by_level if level >= FIRST_SCORED_LEVEL})
    name = test.language.scale

    def cell(ability: str, wanted: Callable[[int], bool]) -> str:
        found = [v for level, vs in probed[ability].items() if wanted(level) for v in vs]
        if not found:
            return DASH
        low, high = _number(min(found), halves), _number(max(found), halves)
        return low if low == high else f"{low} to {high}"

    rows = [[f"below {FIRST_SCORED_LEVEL}", *(cell(a, lambda lv: lv < FIRST_SCORED_LEVEL) for a in ABILITIES)]]
    rows += [[str(level), *(cell(a, lambda lv, level=level: lv == level) for a in ABILITIES)] for level in levels]
    rows.append(["accepted results", *(cell(a, lambda _lv: True) for a in ABILITIES)])
    return _table([name, *(a.capitalize() for a in ABILITIES)], rows)


def render_language_tests() -> str:
    """The Markdown of the accepted tests and their conversion charts."""
    accepted = _table(
        ["Test", "JSON value", "Language", "Accepted for Express Entry from"],
        [[t.label, _code(t.value), t.language.value, accepted_from(t).isoformat()] for t in LanguageTest],
        numbers=False,
    )
    parts = [
        "<!-- Generated by docs/_ext/rulesets_tables.py through crsrules.language.convert(); do not edit. -->\n",
        "## Accepted tests\n",
        accepted,
    ]
    for test in LanguageTest:
        if test is LanguageTest.TEF_CANADA:
            for scale in TefScale:
                note = (
                    f'Pass `tef_scale="{scale.value}"` to {{py:func}}`~crsrules.language.convert` '
                    f"to use this chart whatever the test date; see {{py:attr}}`crsrules.TefScale.{scale.name}`.\n"
                )
                parts += [f"## {test.label}, scale {_code(scale.value)}\n", note, _chart(test, scale)]
        else:
            parts += [f"## {test.label}\n", _chart(test, None)]
    return "\n".join(parts)


# -- Command-line help ----------------------------------------------------------------------------------------------


def _help(argv: Sequence[str]) -> str:
    """What ``crsrules ARGV`` prints, at a fixed width so the page does not depend on the terminal."""
    out = io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(out),
        mock.patch.dict(os.environ, {"COLUMNS": "100"}),
        contextlib.suppress(SystemExit),
    ):
        main(list(argv))
    return out.getvalue().rstrip() + "\n"


def render_cli() -> str:
    """The Markdown of the command's help texts."""
    parts = ["<!-- Generated by docs/_ext/rulesets_tables.py from crsrules.cli.main(); do not edit. -->\n"]
    from crsrules.cli import _parser  # noqa: PLC0415 (the command's own parser: every subcommand, none missed)

    for argv in (["--help"], *([*path, "--help"] for path in _commands(_parser(), []))):
        command = " ".join(["crsrules", *argv[:-1]])
        parts += [f"### `{command}`\n", "```text", _help(argv) + "```\n"]
    return "\n".join(parts)


def _commands(parser: argparse.ArgumentParser, path: list[str]) -> list[list[str]]:
    """Every command and subcommand (``data``, ``data update``, ...), in the parser's order."""
    found: list[list[str]] = []
    for action in parser._actions:  # noqa: SLF001 (the command's own parser: every subcommand, none missed)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                found += [[*path, name], *_commands(sub, [*path, name])]
    return found


# -- Sphinx hook ---------------------------------------------------------------------------------------------------


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    _write_if_changed(folder / "rulesets.md", render_rulesets())
    _write_if_changed(folder / "language-tests.md", render_language_tests())
    _write_if_changed(folder / "cli.md", render_cli())


def _check_api_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about every name in ``crsrules.__all__`` that the API reference does not document (docs drift)."""
    del app
    documented = env.get_domain("py").objects  # type: ignore[attr-defined]
    for name in crsrules.__all__:
        # A name may be documented where it is defined, such as crsrules.Draw as crsrules.draws.Draw.
        found = getattr(crsrules, name)
        home = f"{getattr(found, '__module__', '')}.{getattr(found, '__qualname__', '')}"
        if f"crsrules.{name}" not in documented and home not in documented:
            _logger.warning(
                "crsrules.%s is public (in crsrules.__all__) but not documented: add it to docs/reference/api/",
                name,
                type="crsrules",
                subtype="api",
            )


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator and the check that the API reference covers ``crsrules.__all__``."""
    app.connect("builder-inited", _generate)
    app.connect("env-check-consistency", _check_api_documented)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["render_cli", "render_language_tests", "render_rulesets", "setup"]
