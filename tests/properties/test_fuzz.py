"""A seeded, structure-aware fuzz test: hostile documents never crash crsrules and never give an impossible score.

Valid candidate and factors documents (the example files) are mutated at every depth: keys dropped, renamed or
duplicated under another name, values retyped (objects for lists, lists for objects, strings for numbers, ...),
numbers made extreme, dates made odd, strings made long or strange. Each mutant goes through the loaders, and
whatever loads goes through ``score``, ``timeline``, ``program_eligibility``, ``eligible_categories`` and
``rounds_invited`` on dates across the supported range. The only exceptions allowed are crsrules' own errors; a
total must lie in 0-1,200 and no section may pass its cap.
"""

import json
import warnings
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

import crsrules
from crsrules import CRSRulesError, StaleRulesWarning

EXAMPLES = Path(__file__).parents[2] / "examples"
CANDIDATES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "candidates").glob("*.json"))]
FACTORS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "factors").glob("*.json"))]

# Values that break naive code: extreme or non-finite numbers, odd dates, odd strings, wrong shapes.
ODD_SCALARS = st.sampled_from(
    [
        None, True, False, 0, -1, 1, 2**31, 10**400, -(10**400), 1e308, -1e308, float("nan"), float("inf"), 0.5, 30.0,
        "", " ", "x" * 10_000, "\u0000", "é", "🙂", "null", "true", "30", "-1", "1e999",
        "0001-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "9999-12-31", "2024-02-30",
        "1991-W36-2", "2025-06-01T00:00:00", "2025-06-01 10:00:00Z", "2025-06-01T10:00:00Z", "20250601",
        "21231", "00000", "99999", "2173", "ielts_general", "tef_canada", "married", "english", "french",
    ]
)  # fmt: skip
KEYS = st.sampled_from(["a", "test", "noc", "start"])
JSON_VALUES = st.recursive(
    ODD_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=6,
)
NUMBERS = st.sampled_from([0, 1, 2, 3, 4, 5, 9, 10, 12, 17, 18, 45, 60, 100, 168, 400, 699, 10**6, 4.5, 9.0, 0.5])
IN_RANGE = ["1900-01-01", "1990-02-28", "2000-02-29", "2014-12-31", "2015-01-01", "2018-11-30", "2019-09-30",
            "2019-10-01", "2022-07-28", "2022-11-15", "2022-11-16", "2023-12-11", "2024-01-29", "2024-01-30",
            "2025-03-25", "2026-08-20", "2100-01-01", "2199-12-31"]  # fmt: skip
OUT_OF_RANGE = ["0001-01-01", "1899-12-31", "2200-01-01", "9998-01-01", "9999-12-31"]
DATES = st.sampled_from(IN_RANGE) | st.sampled_from(OUT_OF_RANGE)
STRINGS = st.sampled_from(["", "21231", "00012", "72310", "31102", "2173", "ielts_general", "celpip_general",
                           "pte_core", "tef_canada", "tcf_canada", "score_699_2019", "ancien_score", "english",
                           "french", "masters", "two_or_more", "ON", "QC", "married", "common_law"])  # fmt: skip
DAYS = st.sampled_from(
    [date(1900, 1, 1), date(2014, 12, 31), date(2015, 1, 1), date(2019, 6, 1), date(2022, 11, 16), date(2025, 6, 1),
     crsrules.rules.LAST_KNOWN_DATE, date(2026, 11, 29), date(2199, 12, 31)]
)  # fmt: skip


def _paths(document, prefix=()):
    """Every path to a value inside *document* (dict keys and list indexes), the root included."""
    yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for i, value in enumerate(document):
            yield from _paths(value, (*prefix, i))


def _replace(document, path, make):
    """A copy of *document* with the value at *path* replaced by ``make(old)`` (or removed if it returns _DROP)."""
    if not path:
        return make(document)
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        copy = dict(document)
        new = _replace(copy[head], rest, make)
        if new is _DROP:
            del copy[head]
        else:
            copy[head] = new
        return copy
    copy = list(document)
    new = _replace(copy[head], rest, make)
    if new is _DROP:
        del copy[head]
    else:
        copy[head] = new
    return copy


_DROP = object()


def _at(document, path):
    for step in path:
        document = document[step]
    return document


def _kind(value):
    """The edge values of *value*'s kind (numbers, dates, other strings), or None for other values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return NUMBERS
    if isinstance(value, str):
        return DATES if len(value) >= 10 and value[4:5] == "-" else STRINGS
    return None


@st.composite
def mutants(draw, documents):
    """A document from *documents* with one to three mutations anywhere in it."""
    document = draw(st.sampled_from(documents))
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(document))
        path = draw(st.sampled_from(paths))
        kind = draw(st.sampled_from(["tweak", "tweak", "tweak", "tweak", "retype", "drop", "rename", "add", "wrap"]))
        if kind == "tweak":  # the same type, an edge value: most such documents load and reach every entry point
            paths = [p for p in paths if _kind(_at(document, p)) is not None]
            if not paths:
                continue
            path = draw(st.sampled_from(paths))
            value = draw(_kind(_at(document, path)))
            document = _replace(document, path, lambda _old, value=value: value)
        elif kind == "retype":
            value = draw(JSON_VALUES)
            document = _replace(document, path, lambda _old, value=value: value)
        elif kind == "drop" and path:
            document = _replace(document, path, lambda _old: _DROP)
        elif kind == "rename" and path and isinstance(path[-1], str):
            name = draw(st.sampled_from([path[-1].upper(), path[-1] + "s", path[-1][:-1], "birth_date", "spouse"]))

            def rename(old, key=path[-1], name=name):
                copy = dict(old)
                copy[name] = copy.pop(key)
                return copy

            document = _replace(document, path[:-1], rename)
        elif kind == "add":
            key = draw(st.sampled_from(["extra", "birth_date", "jobs", "spouse", "age", "first_language"]))
            value = draw(JSON_VALUES)
            document = _replace(
                document, path, lambda old, key=key, value=value: {**old, key: value} if isinstance(old, dict) else old
            )
        elif kind == "wrap":
            document = _replace(document, path, lambda old: [old] if draw(st.booleans()) else {"value": old})
    return document


def _check(breakdown):
    """A total of 0 to 1,200, the sections summing to it, and none over its cap in the version applied."""
    rules = crsrules.get_rules(breakdown.rules_id)
    assert 0 <= breakdown.total <= 1200
    assert breakdown.total == breakdown.core + breakdown.spouse + breakdown.skill_transferability + breakdown.additional
    assert 0 <= breakdown.core <= max(rules.core.cap.with_spouse, rules.core.cap.without_spouse)
    assert 0 <= breakdown.spouse <= rules.spouse.cap
    assert 0 <= breakdown.skill_transferability <= rules.skill_transferability.cap
    assert 0 <= breakdown.additional <= rules.additional.cap


def _quietly(call, *args, **kwargs):
    """Run *call*, allowing only crsrules' own errors; stale-rules warnings are expected for late dates."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)
        try:
            return call(*args, **kwargs)
        except CRSRulesError:
            return None


FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


@seed(20260829)
@FUZZ
@given(document=mutants(CANDIDATES), day=DAYS)
def test_hostile_candidate_documents(document, day):
    """A mutated candidate file either loads or raises a crsrules error; what loads is answered, or refused with a
    crsrules error, by every entry point, and its scores are possible."""
    candidate = _quietly(crsrules.load_candidate, document)
    event("loaded" if candidate is not None else "refused")
    if candidate is None:
        return
    breakdown = _quietly(crsrules.score, candidate, on=day)
    event("scored" if breakdown is not None else "not scored")
    if breakdown is not None:
        _check(breakdown)
    _quietly(crsrules.timeline, candidate, day, min(day + timedelta(days=30), date(2199, 12, 31)))
    _quietly(crsrules.program_eligibility, candidate, on=day)
    _quietly(crsrules.eligible_categories, candidate, on=day)
    _quietly(crsrules.rounds_invited, candidate, since=day - timedelta(days=60), until=day)


@seed(20260830)
@FUZZ
@given(document=mutants(FACTORS), day=DAYS)
def test_hostile_factors_documents(document, day):
    """A mutated factors file either loads or raises a crsrules error; what loads scores within the caps."""
    factors = _quietly(crsrules.load_factors, document)
    event("loaded" if factors is not None else "refused")
    if factors is None:
        return
    breakdown = _quietly(crsrules.score, factors, on=day)
    if breakdown is not None:
        _check(breakdown)


@st.composite
def extreme_dates(draw):
    """An example candidate with one of its dates (anywhere) moved to an edge of, or outside, the supported range."""
    document = draw(st.sampled_from(CANDIDATES))
    paths = [p for p in _paths(document) if _kind(_at(document, p)) is DATES]
    path = draw(st.sampled_from(paths))
    value = draw(st.sampled_from(["0001-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "9998-01-01"]))
    return _replace(document, path, lambda _old: value)


@seed(20260831)
@FUZZ
@given(document=extreme_dates(), day=DAYS)
def test_extreme_dates_never_overflow(document, day):
    """A date at or beyond the supported range, in any field, is refused or answered: never an overflow."""
    candidate = _quietly(crsrules.load_candidate, document)
    if candidate is None:
        return
    breakdown = _quietly(crsrules.score, candidate, on=day)
    if breakdown is not None:
        _check(breakdown)
    _quietly(crsrules.timeline, candidate, day, min(day + timedelta(days=30), date(2199, 12, 31)))
    _quietly(crsrules.program_eligibility, candidate, on=day)
    _quietly(crsrules.eligible_categories, candidate, on=day)
    _quietly(crsrules.rounds_invited, candidate, since=day - timedelta(days=60), until=day)
