"""The language rules of a policy version: which tests IRCC accepts, from which test date, and their charts.

IRCC converts each ability (listening, reading, writing, speaking) from its own result with a per-test, per-ability
equivalency chart: a result at or above a level's minimum, and below the next level's minimum, has that level.
A chart is data: one :class:`Column` per ability, each a tuple of ``(minimum result, level)`` pairs, ascending.

Results below the CLB / NCLC 4 row are "below 4". The charts give no lower rows (CELPIP aside, whose levels 0 to 3
are their own CLB), so such results convert to level 3. The CRS gives no points below level 4, so the choice of 3
changes no score; it only keeps :class:`~crsrules.LanguageLevels` an honest "below 4".

A chart applies by the **test date**: a version holds every designation and chart known on its effective date, each
with the first test date it applies to, so that a version read on a later day still converts older results the way
IRCC did. The numbers are in the policy modules (``y2015``, ``y2018``, ``y2019``, ``y2023``, ``y2024``).
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

from crsrules.errors import InvalidValueError, TestNotAcceptedError
from crsrules.headings import Factor
from crsrules.language_tests import ABILITIES, LanguageTest, Scale, TefScale, scale
from crsrules.model import LanguageLevels, OfficialLanguage
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["BELOW_4", "LANGUAGE_FACTORS", "Chart", "Column", "LanguageRules"]

#: The CRS factors fed by language levels: a version that changes which results count, or how they convert, changes
#: these (the choice of first official language, rule E16, can move all of them).
LANGUAGE_FACTORS = frozenset(
    {
        Factor.FIRST_OFFICIAL_LANGUAGE,
        Factor.SECOND_OFFICIAL_LANGUAGE,
        Factor.SPOUSE_OFFICIAL_LANGUAGE,
        Factor.EDUCATION_AND_LANGUAGE,
        Factor.FOREIGN_WORK_AND_LANGUAGE,
        Factor.CERTIFICATE_OF_QUALIFICATION,
        Factor.FRENCH_LANGUAGE_SKILLS,
    }
)

#: The level given to a result below the CLB / NCLC 4 row of a chart that has no lower rows. The CRS gives no points
#: below level 4, so this only says "below 4"; it is not an IRCC equivalence.
BELOW_4 = 3


def _ascending(instance: Column, _attribute: object, steps: tuple[tuple[float, int], ...]) -> None:
    minimums = [m for m, _ in steps]
    levels = [instance.below, *(level for _, level in steps)]
    if (
        not steps
        or any(b <= a for a, b in pairwise(minimums))
        or any(b <= a for a, b in pairwise(levels))
        or any(m not in instance.scale for m in minimums)
    ):
        msg = f"a conversion table must rise in both minimums and levels, within its scale (got {steps})"
        raise RulesDefinitionError(msg)


@frozen
class Column:
    """The conversion of one ability of one test: (minimum result, level) pairs, ascending.

    .. versionadded:: 0.2.0
    """

    #: The results the ability can have.
    scale: Scale
    #: (minimum result, level) pairs, the minimums ascending: a result gets the level of the last row it reaches.
    steps: tuple[tuple[float, int], ...] = field(validator=_ascending)
    #: The level of a result below the first minimum.
    below: int = BELOW_4

    def level(self, ability: str, value: object) -> int:
        """The CLB / NCLC level of the result *value*, after checking it is possible."""
        result = self.scale.check(ability, value)
        found = self.below
        for minimum, level in self.steps:  # seven rows at most
            if minimum > result:
                break
            found = level
        return found

    def canonical(self) -> object:
        """A JSON-ready form (for fingerprints and generated docs)."""
        return {"scale": [self.scale.low, self.scale.high, self.scale.step], "below": self.below,
                "steps": [list(s) for s in self.steps]}  # fmt: skip


@frozen(kw_only=True)
class Chart:
    """One test's conversion chart: a column per ability.

    .. versionadded:: 0.2.0
    """

    #: The conversion of the listening results.
    listening: Column
    #: The conversion of the reading results.
    reading: Column
    #: The conversion of the writing results.
    writing: Column
    #: The conversion of the speaking results.
    speaking: Column

    @classmethod
    def on_scales(
        cls, test: LanguageTest, steps: Mapping[str, tuple[tuple[float, int], ...]], *,
        tef_scale: TefScale | None = None, below: int = BELOW_4,
    ) -> Chart:  # fmt: skip
        """A chart of *test* from its rows per ability, on the test's own scales."""
        return cls(**{a: Column(scale(test, a, tef_scale=tef_scale), steps[a], below) for a in ABILITIES})

    def convert(
        self, language: OfficialLanguage, *, listening: object, reading: object, writing: object, speaking: object
    ) -> LanguageLevels:
        """Convert the four results, checking each against its ability's scale."""
        return LanguageLevels(
            language=language,
            listening=self.listening.level("listening", listening),
            reading=self.reading.level("reading", reading),
            writing=self.writing.level("writing", writing),
            speaking=self.speaking.level("speaking", speaking),
        )

    def canonical(self) -> object:
        """A JSON-ready form (for fingerprints and generated docs)."""
        return {a: getattr(self, a).canonical() for a in ABILITIES}


@frozen(kw_only=True)
class LanguageRules:
    """The tests a policy version accepts and how it converts their results.

    .. versionadded:: 0.2.0
    """

    #: The first test date each accepted test counts from.
    accepted_from: Mapping[LanguageTest, date]
    #: The chart of each accepted test other than TEF Canada.
    charts: Mapping[LanguageTest, Chart]
    #: TEF Canada: the chart of each scale of results.
    tef_charts: Mapping[TefScale, Chart]
    #: TEF Canada: the scale whose chart applies to a test taken on or after each date, oldest first (rule E18).
    tef_epochs: tuple[tuple[date, TefScale], ...]

    def designate(self, test: LanguageTest, *, accepted_from: date, chart: Chart) -> LanguageRules:
        """These rules with *test* accepted for tests taken from *accepted_from*, converted with *chart*."""
        if test in self.accepted_from or test is LanguageTest.TEF_CANADA:
            msg = f"{test.label} is already designated"
            raise RulesDefinitionError(msg)
        return attrs.evolve(
            self,
            accepted_from=MappingProxyType({**self.accepted_from, test: accepted_from}),
            charts=MappingProxyType({**self.charts, test: chart}),
        )

    def with_tef_chart(self, scale: TefScale, *, from_test_date: date, chart: Chart) -> LanguageRules:
        """These rules with TEF Canada results of tests from *from_test_date* read on *scale* with *chart*."""
        if self.tef_epochs and from_test_date <= self.tef_epochs[-1][0]:
            msg = f"a TEF Canada chart must start after {self.tef_epochs[-1][0]}"
            raise RulesDefinitionError(msg)
        return attrs.evolve(
            self,
            tef_charts=MappingProxyType({**self.tef_charts, scale: chart}),
            tef_epochs=(*self.tef_epochs, (from_test_date, scale)),
        )

    def accepts(self, test: LanguageTest, tested_on: date) -> bool:
        """Whether a *test* taken on *tested_on* counts under these rules."""
        first = self.accepted_from.get(test)
        return first is not None and first <= tested_on

    def tef_scale_on(self, tested_on: date) -> TefScale:
        """The TEF Canada scale whose chart applies to a test taken on *tested_on* (the latest that has started).

        Raises:
            TestNotAcceptedError: *tested_on* is before TEF Canada was accepted.
        """
        found = None
        for start, scale_ in self.tef_epochs:  # three epochs at most, oldest first
            if start > tested_on:
                break
            found = scale_
        if found is None:
            raise self.not_accepted(LanguageTest.TEF_CANADA, tested_on)
        return found

    def chart(self, test: LanguageTest, tested_on: date, tef_scale: TefScale | None) -> Chart:
        """The chart that converts a *test* taken on *tested_on* (TEF Canada: on *tef_scale*, or by date).

        Raises:
            TestNotAcceptedError: These rules do not accept the test on *tested_on*.
            InvalidValueError: *tef_scale* is given for another test, or is a scale these rules do not know.
        """
        if not self.accepts(test, tested_on):
            raise self.not_accepted(test, tested_on)
        if test is LanguageTest.TEF_CANADA:
            chosen = self.tef_scale_on(tested_on) if tef_scale is None else tef_scale
            chart = self.tef_charts.get(chosen)
            if chart is None:
                known = ", ".join(repr(s.value) for s in self.tef_charts)
                raise InvalidValueError("tef_scale", chosen.value, f"a scale these rules convert: one of {known}")
            return chart
        if tef_scale is not None:
            allowed = f"None for {test.label} (only TEF Canada has several scales)"
            raise InvalidValueError("tef_scale", tef_scale, allowed, code="inconsistent")
        return self.charts[test]

    def not_accepted(self, test: LanguageTest, tested_on: date) -> TestNotAcceptedError:
        """The error for a *test* taken on *tested_on* that these rules do not accept."""
        first = self.accepted_from.get(test)
        if first is None:
            return TestNotAcceptedError("test", test.value, f"a test these rules accept (not {test.label})")
        allowed = f"a date on or after {first.isoformat()}, when IRCC began accepting {test.label}"
        return TestNotAcceptedError("tested_on", tested_on, allowed)

    def changed_tests(self, other: LanguageRules) -> frozenset[LanguageTest]:
        """The tests whose acceptance or conversion differs between these rules and *other*."""
        tef = (self.tef_charts, self.tef_epochs) != (other.tef_charts, other.tef_epochs)
        return frozenset(
            t
            for t in LanguageTest
            if (self.accepted_from.get(t), self.charts.get(t)) != (other.accepted_from.get(t), other.charts.get(t))
            or (tef and t is LanguageTest.TEF_CANADA)
        )

    def canonical(self) -> object:
        """A JSON-ready form (for fingerprints and generated docs)."""
        return {
            "accepted_from": {t.value: d.isoformat() for t, d in self.accepted_from.items()},
            "charts": {t.value: c.canonical() for t, c in self.charts.items()},
            "tef_charts": {s.value: c.canonical() for s, c in self.tef_charts.items()},
            "tef_epochs": [[d.isoformat(), s.value] for d, s in self.tef_epochs],
        }
