"""The occupation lists of category-based selection: the package data file ``category-occupations.csv``.

The lists are data, not code: one row per (policy year, category, occupation), read and checked on first use. A
version's :class:`~crsrules.rules.CategoryTerms` names its list by policy year; ``crsrules/data/README.md`` gives the
file's provenance.
"""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from attrs import frozen

from crsrules.headings import Category
from crsrules.occupations import UnknownOccupationError, occupation
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["LISTS_FILE", "ListRow", "category_lists", "parse_lists"]

_DATA_PACKAGE = "crsrules.data"
#: The data file's name in the package data.
LISTS_FILE: Final = "category-occupations.csv"
_COLUMNS = ("policy_year", "category", "noc_code", "title", "effective_date", "notes")
_UNCONFIRMED_MARK = "[UNCONFIRMED"


@frozen
class ListRow:
    """One row of the data file: an occupation on a category's list of a policy year."""

    #: The NOC 2021 code; empty for French-language proficiency, which has no list.
    code: str
    #: The day the occupation was first listed under this version of the list.
    effective: date
    #: Whether the row's notes mark the occupation [UNCONFIRMED].
    unconfirmed: bool
    #: The line of the file, for messages.
    line: int


def parse_lists(  # noqa: C901, PLR0912 (one check per column)
    text: str, *, source: str
) -> Mapping[tuple[int, Category], tuple[ListRow, ...]]:
    """Read the category lists, checking each row; errors name the file and line at fault.

    Raises:
        RulesDefinitionError: A row is malformed, names an unknown code or a wrong title, or repeats another.
    """
    import csv  # noqa: PLC0415 (the data file is read on first use only)

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != _COLUMNS:
        msg = f"{source}: the header must be {','.join(_COLUMNS)} (got {header!r})"
        raise RulesDefinitionError(msg)
    groups: dict[tuple[int, Category], list[ListRow]] = {}
    seen: set[tuple[int, Category, str]] = set()
    for row in reader:
        where = f"{source}, line {reader.line_num}"
        if len(row) != len(_COLUMNS):
            msg = f"{where}: expected {len(_COLUMNS)} columns, {','.join(_COLUMNS)} (got {row!r})"
            raise RulesDefinitionError(msg)
        year_text, slug, code, title, effective_text, notes = row
        try:
            year = int(year_text)
            category = Category(slug)
            effective = date.fromisoformat(effective_text)
        except ValueError as exc:
            msg = f"{where}: {exc}"
            raise RulesDefinitionError(msg) from exc
        if category is Category.FRENCH:
            if code or title:
                msg = f"{where}: the french category has no occupation list, so noc_code and title must be empty"
                raise RulesDefinitionError(msg)
        else:
            try:
                official = occupation(code) if re.fullmatch(r"\d{5}", code) else None
            except UnknownOccupationError as exc:
                msg = f"{where}: {exc}"
                raise RulesDefinitionError(msg) from exc
            if official is None:
                msg = f"{where}: noc_code must be a NOC 2021 code of five digits, leading zeros kept (got {code!r})"
                raise RulesDefinitionError(msg)
            if title != official.title:
                msg = f"{where}: title must be the NOC 2021 title of {code}, {official.title!r} (got {title!r})"
                raise RulesDefinitionError(msg)
        key = (year, category, code)
        if key in seen:
            msg = f"{where}: {year} {category.value} {code or '(no code)'} appears twice"
            raise RulesDefinitionError(msg)
        seen.add(key)
        groups.setdefault((year, category), []).append(
            ListRow(code=code, effective=effective, unconfirmed=_UNCONFIRMED_MARK in notes, line=reader.line_num)
        )
    for (year, category), rows in groups.items():
        dates = {r.effective for r in rows}
        if len(dates) != 1:
            msg = f"{source}: the rows of {year} {category.value} must share one effective_date (got {sorted(dates)})"
            raise RulesDefinitionError(msg)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


@cache
def category_lists() -> Mapping[tuple[int, Category], tuple[ListRow, ...]]:
    """The package's lists by (policy year, category), read and checked once."""
    from importlib import resources  # noqa: PLC0415 (2 ms of start-up, for a file read on first use only)

    text = resources.files(_DATA_PACKAGE).joinpath(LISTS_FILE).read_text(encoding="utf-8")
    return parse_lists(text, source=LISTS_FILE)
