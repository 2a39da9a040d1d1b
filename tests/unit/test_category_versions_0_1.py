"""The category versions, lookups and answers of crsrules 0.1, captured before the categories moved into ``rules/``.

``data/category-versions-0.1.json`` was written by :func:`capture` against the code of 0.1, where each policy year
was a literal of ``crsrules.categories``. Building the versions from the registry of rulesets must give exactly the
same versions, the same answers to every lookup and the same eligibility answers for a seeded corpus of candidates.
"""

from __future__ import annotations

import json
import random
import warnings
from datetime import date, timedelta
from pathlib import Path

import attrs

from crsrules import Candidate, Credential, Education, Job, JobOffer, StaleRulesWarning
from crsrules.categories import (
    Category,
    CategoryNotInForceError,
    CategoryVersion,
    UnknownRoundNameError,
    available_category_versions,
    category_version,
    category_versions,
    eligible_categories,
    version_for_round_name,
)
from crsrules.testing.corpus import random_candidate

FIXTURE = Path(__file__).parent / "data" / "category-versions-0.1.json"
SEED = 20230531
PEOPLE = 30
LISTS = Path(__file__).parents[2] / "src" / "crsrules" / "data" / "category-occupations.csv"
MILITARY = ("40042", "42102", "43204")
#: Days the corpus is asked about: both sides of each change, and the last confirmed day.
ASKED = tuple(
    date.fromisoformat(d)
    for d in ("2023-05-31", "2023-12-31", "2024-01-01", "2025-02-26", "2025-02-27", "2025-12-08", "2026-02-17",
              "2026-02-18", "2026-08-20")
)  # fmt: skip


def _plain(value: object) -> object:
    """A JSON-ready form of a version's attribute."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(_plain(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        return {a.name: _plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if hasattr(value, "value"):
        return value.value  # type: ignore[attr-defined]
    return value


def _version(v: CategoryVersion) -> dict[str, object]:
    data = {a.name: _plain(getattr(v, a.name)) for a in attrs.fields(CategoryVersion)}
    data |= {"id": v.id, "str": str(v), "repr": repr(v), "requirement": v.requirement()}
    return data


def _lookup(category: Category, on: date) -> object:
    try:
        return category_version(category, on).id
    except CategoryNotInForceError as error:
        return [str(error), _plain(error.periods)]


def _dates(versions: tuple[CategoryVersion, ...]) -> list[date]:
    edges = {v.effective for v in versions} | {v.until for v in versions if v.until is not None}
    found = {d + timedelta(days=k) for d in edges for k in (-1, 0, 1)}
    return sorted(found | {date(2015, 1, 1), date(2014, 12, 31), date(2026, 8, 20)})


def _answers(person: Candidate, on: date) -> list[object]:
    rows: list[object] = []
    for a in eligible_categories(person, on=on):
        job = person.jobs.index(a.qualifying_job) if a.qualifying_job is not None else None
        result = person.language_results.index(a.qualifying_result) if a.qualifying_result is not None else None
        rows.append([a.category.value, a.version.id, a.eligible, repr(a.months), list(a.reasons), job, result])
    return rows


def _person(rng: random.Random, codes: list[str]) -> Candidate:
    """A random candidate whose jobs are mostly in listed occupations, around the years of the categories."""
    person = random_candidate(rng)
    jobs = []
    for _ in range(rng.randint(1, 4)):
        start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2700))
        end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(30, 1500))
        jobs.append(
            Job(
                noc=rng.choice(codes),
                in_canada=rng.random() < 0.5,
                start=start,
                end=end,
                hours_per_week=rng.choice((15, 20, 30, 30, 40)),
                paid=rng.random() < 0.95,
            )
        )
    if rng.random() < 0.2:  # a recruit: years of service, an offer and a diploma
        start = date(2013, 1, 1) + timedelta(days=rng.randint(0, 1500))
        jobs.append(Job(noc=rng.choice(MILITARY), in_canada=False, start=start))
        offer = JobOffer(noc=rng.choice(MILITARY), offered_on=date(2025, 6, 1) + timedelta(days=rng.randint(0, 400)))
        diploma = Credential(level=Education.TWO_YEAR, completed_on=date(2012, 6, 1), in_canada=True)
        person = attrs.evolve(person, job_offer=offer, credentials=(*person.credentials, diploma))
    return attrs.evolve(person, jobs=tuple(jobs))


def capture() -> dict[str, object]:
    """Everything the categories answer that 0.1 promised, as JSON-ready data."""
    versions = available_category_versions()
    names = [n for v in versions for n in v.round_names]
    rng = random.Random(SEED)  # noqa: S311 (a seeded corpus, not a secret)
    codes = sorted({line.split(",")[2] for line in LISTS.read_text(encoding="utf-8").splitlines()[1:]} - {""})
    people = [_person(rng, codes) for _ in range(PEOPLE)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleRulesWarning)
        return {
            "titles": {c.value: c.title for c in Category},
            "versions": [_version(v) for v in versions],
            "in_force": {d.isoformat(): [v.id for v in category_versions(d)] for d in _dates(versions)},
            "lookup": {d.isoformat(): {c.value: _lookup(c, d) for c in Category} for d in _dates(versions)},
            "round_names": {
                n: version_for_round_name(n).id
                for name in names
                for n in (name, name.upper(), "  " + name.replace(" ", "  ") + " ")
            },
            "unknown_round_name": _unknown("STEM occupation (Version 1)"),
            "eligibility": {d.isoformat(): [_answers(p, d) for p in people] for d in ASKED},
        }


def _unknown(name: str) -> object:
    try:
        version_for_round_name(name)
    except UnknownRoundNameError as error:
        return [str(error), list(error.suggestions)]
    return None  # pragma: no cover


def test_versions_lookups_and_answers_are_those_of_0_1():
    """Every version, lookup and eligibility answer equals the captured one: crsrules 0.1's, with the changes of 0.2
    that CHANGELOG.md lists (the merged unknown-round message; the work window of "the 3 years before" the date,
    a correction that changed months and wording but no eligibility of this corpus). Regenerate only on purpose."""
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(capture()))
    for key in expected:
        assert expected[key] == got[key], key
    assert expected.keys() == got.keys()


if __name__ == "__main__":  # pragma: no cover (writes the fixture; run once, against crsrules 0.1)
    FIXTURE.write_text(json.dumps(capture(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
