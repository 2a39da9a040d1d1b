"""What data crsrules uses, how old each part is, and what is stale: :func:`data_status` (``crsrules data status``).

crsrules' data is versioned apart from its code. The rounds and the pool distributions come from IRCC's rounds feed
and can be brought up to date by the user (``crsrules data update``); the category occupation lists and the NOC 2021
unit groups are read with the rules, and change only with a release, as the rules do. Each dataset has a version and
a provenance line (the package's are in ``crsrules/data/manifest.json``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from attrs import frozen

from crsrules.draws._load import dataset, package_dataset, package_manifest
from crsrules.draws._record import DataVersion, RoundCorrection
from crsrules.draws._store import data_dir
from crsrules.errors import InvalidValueError
from crsrules.rules import LAST_KNOWN_DATE, available_rulesets

__all__ = ["DataStatus", "DatasetInfo", "data_status", "data_version"]

#: After how many days without a newer feed the rounds are called stale: IRCC holds a round every week or two.
ROUNDS_STALE_AFTER_DAYS: Final = 14
_UPDATABLE: Final = frozenset({"rounds", "pool distributions"})


@frozen(kw_only=True)
class DatasetInfo:
    """One dataset of crsrules: its version, where it comes from and how it is updated.

    .. versionadded:: 0.2.0
    """

    #: ``"rounds"``, ``"pool distributions"``, ``"category lists"`` or ``"NOC unit groups"``.
    name: str
    #: Its version: the date of its source (an IRCC feed's date for the rounds), or the source's own version.
    version: str
    #: ``"package"`` or ``"user"`` (the user data folder).
    origin: str
    #: Where it comes from, in words.
    provenance: str
    #: How it is brought up to date: ``"crsrules data update"`` or ``"a crsrules release"``.
    updated_by: str

    def as_dict(self) -> dict[str, str]:
        """JSON-ready data."""
        return {
            "name": self.name,
            "version": self.version,
            "origin": self.origin,
            "provenance": self.provenance,
            "updated_by": self.updated_by,
        }


@frozen(kw_only=True)
class DataStatus:
    """The data crsrules uses and how current it is (see :func:`data_status`).

    .. versionadded:: 0.2.0
    """

    #: The rounds data in use.
    in_use: DataVersion
    #: The rounds data shipped with crsrules.
    package: DataVersion
    #: The user data folder, where ``crsrules data update`` writes.
    folder: str
    #: What the user data folder holds, in words: its data in use, none, or why its data is not used.
    folder_state: str
    #: Every dataset, with its version and provenance.
    datasets: tuple[DatasetInfo, ...]
    #: :data:`crsrules.rules.LAST_KNOWN_DATE`: the last day the rules were confirmed in force.
    rules_last_known_date: date
    #: The newest ruleset's id.
    newest_rules: str
    #: The day the status is for.
    today: date
    #: The rounds IRCC corrected, as recorded by ``crsrules data update``.
    corrections: tuple[RoundCorrection, ...]
    #: Rounds whose name crsrules does not know (a new category), as (number, name).
    unknown_round_names: tuple[tuple[str, str], ...]
    #: What is stale, one line each; empty when nothing is.
    stale: tuple[str, ...]

    def lines(self) -> tuple[str, ...]:
        """The status in words, one line each (what ``crsrules data status`` prints)."""
        v = self.in_use
        where = "the package data" if v.origin == "package" else f"the user data folder ({v.folder})"
        out = [
            f"Rounds data in use: {where}, version {v.id}",
            f"  from: {v.provenance}",
            (
                f"  last round: {v.last_round} of {v.last_round_date.isoformat()} ({v.rounds} rounds, "
                f"{v.distributions} pool distributions)"
            ),
            (
                f"Package rounds data: feed of {self.package.feed_date.isoformat()}, last round "
                f"{self.package.last_round} of {self.package.last_round_date.isoformat()}"
            ),
            f"User data folder: {self.folder} ({self.folder_state})",
            (
                f"Rules: last confirmed in force on {self.rules_last_known_date.isoformat()} (newest ruleset "
                f"{self.newest_rules}; crsrules.rules.LAST_KNOWN_DATE)"
            ),
            "Datasets:",
        ]
        width = max(len(d.name) for d in self.datasets)
        for d in self.datasets:
            out.append(f"  {d.name:<{width}}  {d.version:<13}  {d.origin:<7}  updated by {d.updated_by}")
            out.append(f"  {'':<{width}}  {d.provenance}")
        if self.corrections:
            out.append("Rounds corrected by IRCC:")
            out.extend(f"  {c}" for c in self.corrections)
        if self.unknown_round_names:
            out.append("Rounds of a category crsrules does not know (kept with no category):")
            out.extend(f"  round {number}: {name}" for number, name in self.unknown_round_names)
        if self.stale:
            out.append(f"Stale on {self.today.isoformat()}:")
            out.extend(f"  - {line}" for line in self.stale)
        else:
            out.append(f"Nothing is stale on {self.today.isoformat()}.")
        return tuple(out)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready data (``crsrules data status --format json``)."""
        return {
            "in_use": self.in_use.as_dict(),
            "package": self.package.as_dict(),
            "folder": self.folder,
            "folder_state": self.folder_state,
            "datasets": [d.as_dict() for d in self.datasets],
            "rules_last_known_date": self.rules_last_known_date.isoformat(),
            "newest_rules": self.newest_rules,
            "today": self.today.isoformat(),
            "corrections": [c.as_dict() for c in self.corrections],
            "unknown_round_names": [{"round": n, "name": name} for n, name in self.unknown_round_names],
            "stale": list(self.stale),
        }


def data_version() -> DataVersion:
    """The version of the rounds data in use: the package's, or the user data folder's after ``crsrules data update``.

    Every function of :mod:`crsrules.draws`, and :func:`crsrules.invitation` and :func:`crsrules.rounds_invited`,
    use this data; :attr:`DataVersion.id` tells results on user-updated data from those on the package data.

    .. versionadded:: 0.2.0
    """
    return dataset().version


def _clock() -> date:
    return datetime.now(UTC).date()


def data_status(*, today: date | None = None) -> DataStatus:
    """The data crsrules uses, each dataset's version and provenance, and what is stale on *today*.

    Args:
        today: The day to judge staleness on; by default today, by the computer's clock (UTC).

    Example:
        >>> from datetime import date
        >>> status = data_status(today=date(2026, 8, 25))
        >>> status.in_use.id, status.in_use.last_round
        ('package:2026-08-20', '437')
        >>> [line.split(":")[0] for line in status.stale]
        ['the rules']

    .. versionadded:: 0.2.0
    """
    if today is not None and (not isinstance(today, date) or isinstance(today, datetime)):
        raise InvalidValueError("today", today, "a datetime.date, or None")
    day = _clock() if today is None else today
    current = dataset()
    version = current.version
    folder = data_dir()
    if version.origin == "user":
        state = "in use"
    elif current.folder_note is not None:
        state = f"not used: {current.folder_note}"
    elif Path(folder).is_dir():
        state = "holds no rounds data"
    else:
        state = "does not exist: no update yet"
    datasets = []
    for entry in package_manifest()["datasets"]:
        updatable = entry["name"] in _UPDATABLE and version.origin == "user"
        datasets.append(
            DatasetInfo(
                name=entry["name"],
                version=version.feed_date.isoformat() if updatable else entry["version"],
                origin=version.origin if updatable else "package",
                provenance=version.provenance if updatable else entry["provenance"],
                updated_by=entry["updated_by"],
            )
        )
    unknown = tuple((d.number, d.round_name) for d in current.draws if not d.category_known)
    return DataStatus(
        in_use=version,
        package=package_dataset().version,
        folder=str(folder),
        folder_state=state,
        datasets=tuple(datasets),
        rules_last_known_date=LAST_KNOWN_DATE,
        newest_rules=available_rulesets()[-1].id,
        today=day,
        corrections=current.corrections,
        unknown_round_names=unknown,
        stale=_stale(version, day, unknown),
    )


def _stale(version: DataVersion, day: date, unknown: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    found = []
    if day > LAST_KNOWN_DATE:
        found.append(
            f"the rules: last confirmed in force on {LAST_KNOWN_DATE.isoformat()}, "
            f"{(day - LAST_KNOWN_DATE).days} days before {day.isoformat()}; later dates get the newest ruleset, "
            f"{available_rulesets()[-1].id}, which IRCC may have changed since (only a crsrules release changes "
            "rules and category lists)"
        )
    age = (day - version.feed_date).days
    if age > ROUNDS_STALE_AFTER_DAYS:
        found.append(
            f"the rounds: from IRCC's feed of {version.feed_date.isoformat()}, {age} days before {day.isoformat()} "
            f"(last round {version.last_round} of {version.last_round_date.isoformat()}); IRCC holds a round every "
            "week or two: download the current feed and run 'crsrules data update FILE'"
        )
    if unknown:
        found.append(
            f"the categories: {len(unknown)} round{'s' if len(unknown) > 1 else ''} of a category crsrules does not "
            f"know (such as round "
            f"{unknown[0][0]}, {unknown[0][1]!r}); a newer crsrules release will know it"
        )
    return tuple(found)
