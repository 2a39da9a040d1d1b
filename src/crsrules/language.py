"""Language tests IRCC accepts for Express Entry, and the conversion of their results to CLB / NCLC levels.

IRCC converts each ability (listening, reading, writing, speaking) from its own result with a per-test, per-ability
equivalency chart: a result at or above a level's minimum, and below the next level's minimum, has that level.
The charts are stored below as data, one table per test and ability, each a tuple of ``(minimum result, level)``
pairs in ascending order, read with :func:`bisect.bisect_right`.

Results below the CLB / NCLC 4 row are "below 4". The charts give no lower rows (CELPIP aside, whose levels 0 to 3
are their own CLB), so such results convert to level 3. The CRS gives no points below level 4, so the choice of 3
changes no score; it only keeps :class:`~crsrules.model.LanguageLevels` an honest "below 4".

TEF Canada has three charts chosen by test date (rule E18): the "ancien score" chart for tests before 2019-10-01,
a uniform 0-699 chart for 2019-10-01 to 2023-12-10, and a per-ability 0-699 chart from 2023-12-11.
IRCC tells Express Entry candidates to enter the "Équivalence ancien score" column of the TEF results sheet whatever
the test date (S78, S79); pass ``tef_scale="ancien_score"`` to :func:`convert` for those numbers.

References:
    - S33 IRCC language equivalency charts (accessed 2025-12-07):
      https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/after-graduation/eligibility/language-results.html
      as transcribed in
      https://github.com/ranjan-expatready/Neuron/blob/d721bae09f264ce7d1d45395fdd7d36802ca2258/domain_knowledge/raw/language/clb_tables.md
    - S34 An independent implementation with the three TEF Canada epochs (``src/services/clb.ts``, public GitHub code
      found by text search); agrees with S33.
    - S10 Mirror of the IRCC CRS tool tables (CELPIP, IELTS ranges, TEF old scale):
      https://github.com/pkang0831/CRS_main/blob/c239bd3de407e571dcb7c20a54415cabb57a8c1f/js/data.js
    - S53 PTE Core score chart with CLB conversion:
      https://abroad-education.inblog.io/pte-core-score-chart-2026-with-clb-conversion-84937
    - S54 PTE Core accepted for Canada PR:
      https://k7immigration.com/blog/canada-pr/ircc-approved-language-pte-core-for-canada-pr
    - S56 TCF Canada to NCLC:
      https://github.com/VocabWise/VocabWise.github.io/blob/main/docs/blog/Posts/drafts/0004-tcf_canada.md
    - S78 canada.ca, Francophone Community Immigration Pilot, "Get your language assessed" (PTE Core chart; which TEF
      column to enter for Express Entry):
      https://canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/rural-franco-pilots/franco-immigration/eligibility/language-test.html
    - S79 TEF columns, and the scale changes of 2019-10-01 and 2023-12-11:
      https://www.lighthouseimmigrationlaw.com/post/tef-language-score-confusion
    - Acceptance dates: PTE Core from 2024-01-30 (S42
      https://pelicanmigration.com/ircc-opens-doors-to-immigration-aspirants-with-acceptance-of-pearson-test-of-english-pte-core/
      ; S43 https://maplenews.org/?p=2386); TCF Canada from December 2018 (S75
      https://www.canada.ca/en/immigration-refugees-citizenship/news/2018/11/remarks-by-the-honourable-ahmed-hussen-minister-of-immigration-refugees-and-citizenship-national-francophone-immigration-week.html
      ; S76 IRCC news release of 2018-11-07 as copied).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from datetime import date
from enum import Enum
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from attrs import field, frozen

from crsrules._validation import a_date
from crsrules.errors import InvalidValueError, TestNotAcceptedError
from crsrules.model import LanguageLevels, OfficialLanguage
from crsrules.tables import RulesDefinitionError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["LanguageTest", "TefScale", "accepted_tests", "convert", "score_range", "tef_scale_on"]

E = TypeVar("E", bound=Enum)


class LanguageTest(Enum):
    """A language test IRCC designates for Express Entry; the string values are the JSON form.

    Only the named versions count: IELTS General Training (not Academic), CELPIP-General (not General LS),
    PTE Core (not PTE Academic). IELTS One Skill Retake is not accepted for Express Entry.

    Example:
        >>> LanguageTest("tcf_canada").language
        <OfficialLanguage.FRENCH: 'french'>
        >>> LanguageTest.PTE_CORE.accepted_from
        datetime.date(2024, 1, 30)

    .. versionadded:: 0.1.0
    """

    #: IELTS General Training (English), accepted since Express Entry opened on 2015-01-01.
    IELTS_GENERAL = "ielts_general"
    #: CELPIP-General (English), accepted since 2015-01-01.
    CELPIP_GENERAL = "celpip_general"
    #: PTE Core (English), accepted from 2024-01-30.
    PTE_CORE = "pte_core"
    #: TEF Canada (French), accepted since 2015-01-01.
    TEF_CANADA = "tef_canada"
    #: TCF Canada (French), accepted from December 2018; the first day, taken as 2018-12-01, is unconfirmed.
    TCF_CANADA = "tcf_canada"

    @property
    def language(self) -> OfficialLanguage:
        """The official language the test assesses."""
        return _LANGUAGE[self]

    @property
    def accepted_from(self) -> date:
        """The first test date IRCC accepts for Express Entry.

        For TCF Canada this is 2018-12-01, which is [UNCONFIRMED]: IRCC announced on 2018-11-07 that TCF Canada
        would be accepted "starting in December 2018", and the Minister's remarks point to 2018-12-01.
        """
        return _ACCEPTED_FROM[self]

    @property
    def label(self) -> str:
        """The test's usual name, as used in messages, such as ``"IELTS General Training"``."""
        return _LABEL[self]


class TefScale(Enum):
    """The scale of TEF Canada results, which picks the conversion chart (rule E18).

    Example:
        >>> TefScale("ancien_score")
        <TefScale.ANCIEN_SCORE: 'ancien_score'>

    .. versionadded:: 0.1.0
    """

    #: The "ancien score" scale (reading 0-300, writing 0-450, listening 0-360, speaking 0-450): the raw results of
    #: tests before 2019-10-01, and the "Équivalence ancien score" column of later results sheets, which IRCC tells
    #: Express Entry candidates to enter whatever the test date (S78, S79).
    ANCIEN_SCORE = "ancien_score"
    #: Results out of 699, converted with IRCC's uniform chart for tests from 2019-10-01 to 2023-12-10.
    SCORE_699_2019 = "score_699_2019"
    #: Results out of 699, converted with IRCC's per-ability chart for tests from 2023-12-11.
    SCORE_699_2023 = "score_699_2023"


# Acceptance for Express Entry (reference section 6.1).
_ACCEPTED_FROM: Mapping[LanguageTest, date] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: date(2015, 1, 1),  # from launch (S22, S55)
        LanguageTest.CELPIP_GENERAL: date(2015, 1, 1),  # from launch (S22, S55)
        LanguageTest.PTE_CORE: date(2024, 1, 30),  # S42, S43
        LanguageTest.TEF_CANADA: date(2015, 1, 1),  # from launch (S55)
        # [UNCONFIRMED] exact day: "starting in December 2018" (S76); the Minister expected 2018-12-01 (S75).
        LanguageTest.TCF_CANADA: date(2018, 12, 1),
    }
)

_LANGUAGE: Mapping[LanguageTest, OfficialLanguage] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: OfficialLanguage.ENGLISH,
        LanguageTest.CELPIP_GENERAL: OfficialLanguage.ENGLISH,
        LanguageTest.PTE_CORE: OfficialLanguage.ENGLISH,
        LanguageTest.TEF_CANADA: OfficialLanguage.FRENCH,
        LanguageTest.TCF_CANADA: OfficialLanguage.FRENCH,
    }
)

_LABEL: Mapping[LanguageTest, str] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: "IELTS General Training",
        LanguageTest.CELPIP_GENERAL: "CELPIP-General",
        LanguageTest.PTE_CORE: "PTE Core",
        LanguageTest.TEF_CANADA: "TEF Canada",
        LanguageTest.TCF_CANADA: "TCF Canada",
    }
)

# TEF Canada chart by test date (rule E18; S33, S34, S79): each scale applies from its start date to the next one.
# S78 words the old chart as the one "for tests taken before September 30, 2019", so 2019-09-30 is a one-day doubt.
_TEF_EPOCHS: tuple[tuple[date, TefScale], ...] = (
    (_ACCEPTED_FROM[LanguageTest.TEF_CANADA], TefScale.ANCIEN_SCORE),
    (date(2019, 10, 1), TefScale.SCORE_699_2019),
    (date(2023, 12, 11), TefScale.SCORE_699_2023),
)

# The level given to a result below the CLB / NCLC 4 row of a chart that has no lower rows. The CRS gives no points
# below level 4, so this only says "below 4"; it is not an IRCC equivalence.
_BELOW_4 = 3


@frozen
class _Scale:
    """The results one ability of one test can have: *low* to *high* in steps of *step* from *low*."""

    low: float
    high: float
    step: float
    #: What is allowed, in words naming the test, for error messages.
    allowed: str

    def __contains__(self, value: float) -> bool:
        return math.isfinite(value) and self.low <= value <= self.high and (value - self.low) % self.step == 0

    def check(self, ability: str, value: object) -> float:
        """Return *value* if it is a possible result (an int or float, not a bool), else raise naming *ability*."""
        if type(value) is bool or not isinstance(value, int | float) or value not in self:
            raise InvalidValueError(ability, value, self.allowed)
        return value


def _ascending(instance: _Column, _attribute: object, steps: tuple[tuple[float, int], ...]) -> None:
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
class _Column:
    """The conversion of one ability of one test: (minimum result, level) pairs, ascending."""

    scale: _Scale
    steps: tuple[tuple[float, int], ...] = field(validator=_ascending)
    #: The level of a result below the first minimum.
    below: int = _BELOW_4

    def level(self, ability: str, value: object) -> int:
        """The CLB / NCLC level of the result *value*, after checking it is possible."""
        result = self.scale.check(ability, value)
        i = bisect_right(self.steps, result, key=lambda step: step[0]) - 1
        return self.below if i < 0 else self.steps[i][1]


@frozen(kw_only=True)
class _Chart:
    """One test's conversion chart: a column per ability."""

    listening: _Column
    reading: _Column
    writing: _Column
    speaking: _Column

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


# Scales of results.
_IELTS_BAND = _Scale(0, 9, 0.5, "an IELTS General Training band 0.0-9.0 in steps of 0.5")
_CELPIP_LEVEL = _Scale(0, 12, 1, "a CELPIP-General level, a whole number 0-12 (enter M as 0)")
_PTE_SCORE = _Scale(10, 90, 1, "a PTE Core score, a whole number 10-90")
_TCF_699 = _Scale(100, 699, 1, "a TCF Canada score, a whole number 100-699")
_TCF_20 = _Scale(0, 20, 1, "a TCF Canada score, a whole number 0-20")
_TEF_699 = _Scale(0, 699, 1, "a TEF Canada score on the 0-699 scale, a whole number 0-699")


def _tef_ancien(high: int) -> _Scale:
    what = f"a TEF Canada 'ancien score' (the 'Équivalence ancien score' column), a whole number 0-{high}"
    return _Scale(0, high, 1, what)


# IELTS General Training -> CLB: IRCC chart (S33), as in the IRCC CRS tool (S10); reference 6.2, rule E17.
_IELTS_GENERAL = _Chart(
    reading=_Column(_IELTS_BAND, ((3.5, 4), (4.0, 5), (5.0, 6), (6.0, 7), (6.5, 8), (7.0, 9), (8.0, 10))),
    writing=_Column(_IELTS_BAND, ((4.0, 4), (5.0, 5), (5.5, 6), (6.0, 7), (6.5, 8), (7.0, 9), (7.5, 10))),
    listening=_Column(_IELTS_BAND, ((4.5, 4), (5.0, 5), (5.5, 6), (6.0, 7), (7.5, 8), (8.0, 9), (8.5, 10))),
    speaking=_Column(_IELTS_BAND, ((4.0, 4), (5.0, 5), (5.5, 6), (6.0, 7), (6.5, 8), (7.0, 9), (7.5, 10))),
)

# CELPIP-General -> CLB: level n = CLB n, and 10, 11 and 12 = CLB 10 (S10, S33; reference 6.3, rule E17).
# Levels 0 to 3 (M entered as 0) keep their own number: all below CLB 4.
_CELPIP_STEPS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10))
_CELPIP_GENERAL = _Chart(
    reading=_Column(_CELPIP_LEVEL, _CELPIP_STEPS, below=0),
    writing=_Column(_CELPIP_LEVEL, _CELPIP_STEPS, below=0),
    listening=_Column(_CELPIP_LEVEL, _CELPIP_STEPS, below=0),
    speaking=_Column(_CELPIP_LEVEL, _CELPIP_STEPS, below=0),
)

# PTE Core -> CLB: IRCC chart (S33, S78), as in S53, S54; reference 6.4. IRCC's CLB 3 row is left out (no CRS effect).
_PTE_CORE = _Chart(
    reading=_Column(_PTE_SCORE, ((33, 4), (42, 5), (51, 6), (60, 7), (69, 8), (78, 9), (88, 10))),
    writing=_Column(_PTE_SCORE, ((41, 4), (51, 5), (60, 6), (69, 7), (79, 8), (88, 9), (90, 10))),
    listening=_Column(_PTE_SCORE, ((28, 4), (39, 5), (50, 6), (60, 7), (71, 8), (82, 9), (89, 10))),
    speaking=_Column(_PTE_SCORE, ((42, 4), (51, 5), (59, 6), (68, 7), (76, 8), (84, 9), (89, 10))),
)

# TEF Canada "ancien score" -> NCLC: IRCC chart for tests before 2019-10-01 (S33, S34, S10, S55); reference 6.5.
# The CRS's "10 or more" starts at 263 / 393 / 316 / 393 (older copies also listed NCLC 11 and 12).
_TEF_ANCIEN = _Chart(
    reading=_Column(_tef_ancien(300), ((121, 4), (151, 5), (181, 6), (207, 7), (233, 8), (248, 9), (263, 10))),
    writing=_Column(_tef_ancien(450), ((181, 4), (226, 5), (271, 6), (310, 7), (349, 8), (371, 9), (393, 10))),
    listening=_Column(_tef_ancien(360), ((145, 4), (181, 5), (217, 6), (249, 7), (280, 8), (298, 9), (316, 10))),
    speaking=_Column(_tef_ancien(450), ((181, 4), (226, 5), (271, 6), (310, 7), (349, 8), (371, 9), (393, 10))),
)

# TEF Canada 0-699 -> NCLC: IRCC chart for tests from 2019-10-01 to 2023-12-10, same for all abilities (S33, S34).
_TEF_2019_COLUMN = _Column(_TEF_699, ((300, 4), (350, 5), (400, 6), (450, 7), (500, 8), (533, 9), (566, 10)))
_TEF_699_2019 = _Chart(
    reading=_TEF_2019_COLUMN, writing=_TEF_2019_COLUMN, listening=_TEF_2019_COLUMN, speaking=_TEF_2019_COLUMN
)

# TEF Canada 0-699 -> NCLC: IRCC chart for tests from 2023-12-11 (S33, S34); reference 6.5.
_TEF_699_2023 = _Chart(
    reading=_Column(_TEF_699, ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10))),
    writing=_Column(_TEF_699, ((268, 4), (330, 5), (379, 6), (428, 7), (472, 8), (512, 9), (558, 10))),
    listening=_Column(_TEF_699, ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10))),
    speaking=_Column(_TEF_699, ((328, 4), (387, 5), (422, 6), (456, 7), (494, 8), (518, 9), (556, 10))),
)

# TCF Canada -> NCLC: IRCC chart (S33, S34, S56); reference 6.6. Reading and listening differ (NCLC 9: 524 vs 523).
_TCF_CANADA = _Chart(
    reading=_Column(_TCF_699, ((342, 4), (375, 5), (406, 6), (453, 7), (499, 8), (524, 9), (549, 10))),
    writing=_Column(_TCF_20, ((4, 4), (6, 5), (7, 6), (10, 7), (12, 8), (14, 9), (16, 10))),
    listening=_Column(_TCF_699, ((331, 4), (369, 5), (398, 6), (458, 7), (503, 8), (523, 9), (549, 10))),
    speaking=_Column(_TCF_20, ((4, 4), (6, 5), (7, 6), (10, 7), (12, 8), (14, 9), (16, 10))),
)

# The chart of each test; TEF Canada's depends on the scale (see _TEF_EPOCHS).
_CHARTS: Mapping[LanguageTest, _Chart] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: _IELTS_GENERAL,
        LanguageTest.CELPIP_GENERAL: _CELPIP_GENERAL,
        LanguageTest.PTE_CORE: _PTE_CORE,
        LanguageTest.TCF_CANADA: _TCF_CANADA,
    }
)
_TEF_CHARTS: Mapping[TefScale, _Chart] = MappingProxyType(
    {
        TefScale.ANCIEN_SCORE: _TEF_ANCIEN,
        TefScale.SCORE_699_2019: _TEF_699_2019,
        TefScale.SCORE_699_2023: _TEF_699_2023,
    }
)


def _member(enum: type[E], name: str, value: object) -> E:
    """Return *value* as a member of *enum*, accepting the member or its string value."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        try:
            return enum(value)
        except ValueError:
            pass
    choices = ", ".join(repr(m.value) for m in enum)
    raise InvalidValueError(name, value, f"one of {choices}")


def tef_scale_on(tested_on: date) -> TefScale:
    """The TEF Canada scale whose chart IRCC applies to a test taken on *tested_on* (rule E18).

    Raises:
        TestNotAcceptedError: *tested_on* is before TEF Canada was accepted.

    Example:
        >>> tef_scale_on(date(2023, 12, 11))
        <TefScale.SCORE_699_2023: 'score_699_2023'>

    .. versionadded:: 0.1.0
    """
    i = bisect_right(_TEF_EPOCHS, tested_on, key=lambda epoch: epoch[0]) - 1
    if i < 0:
        raise _not_accepted(LanguageTest.TEF_CANADA, tested_on)
    return _TEF_EPOCHS[i][1]


def score_range(test: LanguageTest, ability: str, *, tef_scale: TefScale | None = None) -> tuple[float, float, float]:
    """The possible results of one ability of *test*: ``(lowest, highest, step)``, such as ``(0, 9, 0.5)`` for IELTS.

    TEF Canada's range depends on the column of results, so *tef_scale* is required for it (see :func:`tef_scale_on`).

    Raises:
        InvalidValueError: *ability* is not listening, reading, writing or speaking, or TEF Canada without a scale.

    Example:
        >>> score_range(LanguageTest.TCF_CANADA, "writing")
        (0, 20, 1)

    .. versionadded:: 0.1.0
    """
    if ability not in ("listening", "reading", "writing", "speaking"):
        raise InvalidValueError("ability", ability, "one of 'listening', 'reading', 'writing', 'speaking'")
    if test is LanguageTest.TEF_CANADA:
        if tef_scale is None:
            raise InvalidValueError("tef_scale", None, "a TefScale for TEF Canada, whose scales differ")
        chart = _TEF_CHARTS[tef_scale]
    else:
        chart = _CHARTS[test]
    scale: _Scale = getattr(chart, ability).scale
    return scale.low, scale.high, scale.step


def _not_accepted(test: LanguageTest, tested_on: date) -> TestNotAcceptedError:
    return TestNotAcceptedError(
        "tested_on",
        tested_on,
        f"a date on or after {test.accepted_from.isoformat()}, when IRCC began accepting {test.label}",
    )


def convert(  # noqa: PLR0913 (one argument per ability, plus the test, its date and the TEF scale)
    test: LanguageTest | str,
    *,
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
    tested_on: date,
    tef_scale: TefScale | str | None = None,
) -> LanguageLevels:
    """Convert a language test result to CLB (English) or NCLC (French) levels, ability by ability.

    Each ability is converted from its own result with IRCC's chart for the test. A result below a chart's level 4
    row converts to level 3 ("below 4"; the CRS gives it no points); CELPIP levels 0 to 3 keep their own number,
    and CELPIP 10, 11 and 12 all convert to CLB 10, where the CRS tables stop.

    TEF Canada has three charts (rule E18). By default the chart of the test date applies to the raw results:
    the "ancien score" chart before 2019-10-01, IRCC's uniform 0-699 chart from 2019-10-01 to 2023-12-10, and its
    per-ability 0-699 chart from 2023-12-11. IRCC tells Express Entry candidates to enter, whatever the test date,
    the "Équivalence ancien score" column of the TEF results sheet, not the "Score / 699" column (S78, S79): for
    those numbers pass ``tef_scale="ancien_score"``. An explicit *tef_scale* overrides the date (for instance for a
    test on 2019-09-30, the one day the sources disagree on).

    Results are ints, or floats with the same values (never bools or strings), and must be possible for the test:
    IELTS General Training bands 0.0-9.0 in steps of 0.5; CELPIP-General whole levels 0-12 (enter M as 0);
    PTE Core whole scores 10-90; TEF Canada whole scores, on the ancien-score scale reading 0-300, writing 0-450,
    listening 0-360 and speaking 0-450, on the 0-699 scales 0-699; TCF Canada whole scores, reading and listening
    100-699, writing and speaking 0-20.

    Args:
        test: The test, or its string value such as ``"ielts_general"``.
        listening: The listening result.
        reading: The reading result.
        writing: The writing result.
        speaking: The speaking result.
        tested_on: The test date (a :class:`datetime.date`, not a datetime).
        tef_scale: For TEF Canada only: the scale of the results given (a :class:`TefScale` or its string value),
            or None to choose it by *tested_on*.

    Returns:
        The levels, in the test's official language.

    Raises:
        InvalidValueError: *test* or *tef_scale* is unknown, *tef_scale* is given for another test than TEF Canada,
            *tested_on* is not a date, or a result is impossible for the test (the error names the ability).
        TestNotAcceptedError: IRCC did not accept the test on *tested_on*, a date before
            :attr:`LanguageTest.accepted_from <crsrules.LanguageTest.accepted_from>`.

    Example:
        >>> convert("ielts_general", listening=8.0, reading=6.5, writing=7.5, speaking=7.0, tested_on=date(2025, 3, 1))
        LanguageLevels(language=<OfficialLanguage.ENGLISH: 'english'>, listening=9, reading=8, writing=10, speaking=9)
        >>> convert("tef_canada", listening=316, reading=263, writing=349, speaking=310, tested_on=date(2024, 5, 1),
        ...         tef_scale="ancien_score").minimum
        7

    .. versionadded:: 0.1.0
    """
    test = _member(LanguageTest, "test", test)
    tested_on = a_date("tested_on", tested_on)
    if tested_on < test.accepted_from:
        raise _not_accepted(test, tested_on)
    if test is LanguageTest.TEF_CANADA:
        scale = tef_scale_on(tested_on) if tef_scale is None else _member(TefScale, "tef_scale", tef_scale)
        chart = _TEF_CHARTS[scale]
    elif tef_scale is not None:
        raise InvalidValueError("tef_scale", tef_scale, f"None for {test.label} (only TEF Canada has several scales)")
    else:
        chart = _CHARTS[test]
    return chart.convert(test.language, listening=listening, reading=reading, writing=writing, speaking=speaking)


def accepted_tests(on: date) -> tuple[LanguageTest, ...]:
    """The tests IRCC accepts for Express Entry for a test taken *on* a date, in :class:`LanguageTest` order.

    Args:
        on: The test date.

    Returns:
        The accepted tests; empty before Express Entry opened on 2015-01-01.

    Raises:
        InvalidValueError: *on* is not a :class:`datetime.date`.

    Example:
        >>> [t.value for t in accepted_tests(date(2020, 1, 1))]
        ['ielts_general', 'celpip_general', 'tef_canada', 'tcf_canada']

    .. versionadded:: 0.1.0
    """
    on = a_date("on", on)
    return tuple(test for test in LanguageTest if test.accepted_from <= on)
