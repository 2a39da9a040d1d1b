"""Sphinx extension: write the categories of every policy year, with their occupation lists, from crsrules.

On ``builder-inited`` it renders ``reference/_generated/categories.md`` (the overview, ignored by git), which
``reference/categories.md`` pulls in with ``{include}``, and one page per rules module that changes the categories
(``crsrules/rules/y2023.py`` ...) in ``reference/categories/`` (ignored by git too). Nothing in it is typed by hand:
each page starts with its module's docstring, then gives each ruleset of the module that changes the categories
(its declared changes, fingerprint and sources) and the category versions it brings in, with their dates, rules,
round names, [UNCONFIRMED] notes and lists, read from :func:`crsrules.available_rulesets` and
:func:`crsrules.categories.available_category_versions`; the occupation titles and TEER come from
:func:`crsrules.occupation`. A file is only rewritten when its text changes.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import crsrules.rules
from crsrules.categories import LAST_KNOWN_DATE, Category, CategoryVersion, available_category_versions
from crsrules.occupations import occupation
from crsrules.rules import RuleSet, available_rulesets

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.application import Sphinx

GENERATED = Path("reference") / "_generated"
# The folder of the generated page of each policy year (a source folder of its own, ignored by git).
YEAR_PAGES = "reference/categories"
DASH = "—"
UNCONFIRMED = "**\\[UNCONFIRMED\\]**"


def _escape(text: str) -> str:
    """Escape the characters that Markdown would read as markup."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join([":---"] * len(header)) + "|"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _label(version: CategoryVersion) -> str:
    return f"category-{version.id.replace('_', '-')}"


def _in_force(version: CategoryVersion) -> str:
    start = version.effective.isoformat()
    if version.until is None:
        return (
            f"from {start} (inclusive); no later version; last confirmed in force on {LAST_KNOWN_DATE.isoformat()}, "
            "later dates get it with a stale-rules warning"
        )
    return f"{start} to {(version.until - timedelta(days=1)).isoformat()} (both inclusive)"


def _previous(version: CategoryVersion, versions: Sequence[CategoryVersion]) -> CategoryVersion | None:
    earlier = [v for v in versions if v.category is version.category and v.effective < version.effective]
    return earlier[-1] if earlier else None


def _occupations(version: CategoryVersion, previous: CategoryVersion | None) -> str:
    if not version.occupations:
        return "No occupation list.\n"
    before = previous.occupations if previous is not None else None
    rows = []
    for code in sorted(version.occupations):
        job = occupation(code)
        marks = []
        if before is not None and code not in before:
            marks.append("added")
        if code in version.unconfirmed_occupations:
            marks.append(UNCONFIRMED)
        rows.append([f"`{code}`", _escape(job.title), job.teer, ", ".join(marks)])
    text = _table(["NOC 2021", "Title (NOC 2021 V1.0)", "TEER", "Note"], rows)
    if before is not None:
        removed = sorted(before - version.occupations)
        if removed:
            gone = "; ".join(f"`{c}` {_escape(occupation(c).title)}" for c in removed)
            text += f"\nRemoved from the {previous.policy_year if previous else ''} list: {gone}.\n"
        elif version.occupations == before:
            text += f"\nThe same {len(before)} codes as the {previous.policy_year if previous else ''} list.\n"
    return text


def _version_section(version: CategoryVersion, versions: Sequence[CategoryVersion]) -> str:
    previous = _previous(version, versions)
    names = "; ".join(f"`{_escape(n)}`" for n in version.round_names) or "none (no round held under this version)"
    info = [
        ["Category", f"`{version.category.value}`"],
        ["Version", f"`{version.id}`"],
        ["In force", _in_force(version)],
        ["Condition", _escape(version.requirement())],
        ["What changed", _escape(version.summary)],
        ["IRCC round names", names],
        ["Occupations", str(len(version.occupations)) if version.occupations else DASH],
    ]
    parts = [
        f"({_label(version)})=",
        f"### {_escape(version.title)} ({version.policy_year})\n",
        _table(["", ""], info),
    ]
    if version.unconfirmed:
        notes = "\n".join(f"- {_bold_marks(_escape(n))}" for n in version.unconfirmed)
        parts.append(f"Not confirmed:\n\n{notes}\n")
    parts.append(_occupations(version, previous))
    sources = "\n".join(f"- [{_escape(s.title)}](<{s.url}>)" for s in version.sources)
    parts.append(f"Sources:\n\n{sources}\n")
    return "\n".join(parts)


def _bold_marks(text: str) -> str:
    """Bold every (escaped) [UNCONFIRMED ...] mark so that it stands out."""
    return re.sub(r"(\\\[UNCONFIRMED[^\\]*\\\])", r"**\1**", text)


def _overview(versions: Sequence[CategoryVersion]) -> str:
    years = sorted({v.policy_year for v in versions})
    rows = []
    for category in Category:
        cells = []
        for year in years:
            found = [v for v in versions if v.category is category and v.policy_year == year]
            if not found:
                cells.append(DASH)
                continue
            v = found[0]
            count = len(v.occupations)
            size = f"{count} occupation{'s' if count != 1 else ''}" if count else "no list"
            cells.append(f"{{ref}}`{size} <{_label(v)}>`")
        rows.append([f"{_escape(category.title)} (`{category.value}`)", *cells])
    return _table(["Category", *map(str, years)], rows)


def render_categories() -> str:
    """The Markdown of the overview: occupations per category and policy year, linking to each year's page."""
    versions = available_category_versions()
    return "\n".join(
        [
            "<!-- Generated by docs/_ext/category_tables.py from available_category_versions(); do not edit. -->\n",
            "## Overview\n",
            "Occupations per category and policy year; a dash means the category did not exist that year.\n",
            _overview(versions),
        ]
    )


def _year_modules() -> dict[int, ModuleType]:
    """The rules modules (``crsrules.rules.yYYYY``) by year."""
    found = {}
    for info in pkgutil.iter_modules(crsrules.rules.__path__):
        if re.fullmatch(r"y\d{4}", info.name):
            found[int(info.name[1:])] = importlib.import_module(f"crsrules.rules.{info.name}")
    return found


def _rulesets_of(module: ModuleType) -> list[tuple[str, RuleSet]]:
    """The rulesets a rules module defines, with their constants' names, oldest first."""
    mine = {id(v): n for n, v in vars(module).items() if n.startswith("RULES_") and isinstance(v, RuleSet)}
    return [(mine[id(r)], r) for r in available_rulesets() if id(r) in mine]


def policy_years() -> list[int]:
    """The years whose rules module changes the categories, oldest first (one page each)."""
    return [y for y, m in sorted(_year_modules().items()) if any(r.category_changes for _, r in _rulesets_of(m))]


def _ruleset_section(module: ModuleType, constant: str, ruleset: RuleSet, versions: Sequence[CategoryVersion]) -> str:
    if not ruleset.category_changes:
        return (
            f"## Ruleset {ruleset.id}\n\n{_escape(ruleset.summary)} It changes no category; "
            f"{{ref}}`ruleset-{ruleset.id}` shows its CRS tables.\n"
        )
    starting = [v for v in versions if v.effective == ruleset.effective]
    retired = [c for c in Category if c in ruleset.category_changes and c not in ruleset.categories]
    rows = [
        ["Effective", f"{ruleset.effective.isoformat()} (inclusive)"],
        ["Summary", _escape(ruleset.summary)],
        ["Categories changed", ", ".join(f"`{c.value}`" for c in Category if c in ruleset.category_changes)],
        ["New versions", ", ".join(f"{{ref}}`{v.id} <{_label(v)}>`" for v in starting) or DASH],
        ["Retired", ", ".join(f"`{c.value}`" for c in retired) or DASH],
        ["Fingerprint", f"`{ruleset.fingerprint}`"],
        ["Defined in", f"`{module.__name__}.{constant}`"],
    ]
    sources = "\n".join(f"- [{_escape(s.title)}](<{s.url}>)" for s in ruleset.sources)
    parts = [
        f"(category-rules-{ruleset.id})=",
        f"## Ruleset {ruleset.id}\n",
        _table(["", ""], rows),
        f"Sources:\n\n{sources}\n",
    ]
    parts += [_version_section(v, versions) for v in starting]
    return "\n".join(parts)


def render_policy_year(year: int) -> str:
    """The Markdown page of one rules module: its rulesets and the category versions each brings in."""
    module = _year_modules()[year]
    versions = available_category_versions()
    parts = [
        "<!-- Generated by docs/_ext/category_tables.py from the rules modules; do not edit. -->\n",
        f"# Categories of policy year {year}\n",
        f"From `{module.__name__}`:\n",
        f"{inspect.getdoc(module)}\n",
        "{doc}`../categories` explains how to read this page and has the overview of every year.\n",
    ]
    parts += [_ruleset_section(module, constant, r, versions) for constant, r in _rulesets_of(module)]
    return "\n".join(parts)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / GENERATED
    folder.mkdir(parents=True, exist_ok=True)
    _write_if_changed(folder / "categories.md", render_categories())
    # One page per policy year, written as source documents of their own (ignored by git).
    pages = Path(app.srcdir) / YEAR_PAGES
    pages.mkdir(parents=True, exist_ok=True)
    for year in policy_years():
        _write_if_changed(pages / f"{year}.md", render_policy_year(year))


def setup(app: Sphinx) -> dict[str, object]:
    """Register the generator."""
    app.connect("builder-inited", _generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["policy_years", "render_categories", "render_policy_year", "setup"]
