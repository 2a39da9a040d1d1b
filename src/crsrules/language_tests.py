"""The language tests and the results they can give: facts about the tests, not IRCC's rules.

Which tests IRCC accepts, from which test date, and how their results convert to CLB / NCLC levels are rules: they
live in :mod:`crsrules.rules` (each policy version's :class:`~crsrules.rules.LanguageRules`) and are applied by
:mod:`crsrules.language`. This module only knows each test's language, name and possible results, so that a
:class:`~crsrules.LanguageResult` can reject an impossible score when it is built.
"""

from __future__ import annotations

import math
import warnings
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from attrs import frozen

from crsrules._validation import member
from crsrules.errors import ErrorCode, InvalidValueError, close_matches
from crsrules.model import OfficialLanguage

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

__all__ = ["ABILITIES", "LanguageTest", "Scale", "TefScale", "check_scores", "scale", "score_range"]

#: The four abilities, in the order IRCC lists them.
ABILITIES: Final = ("listening", "reading", "writing", "speaking")


class LanguageTest(Enum):
    """A language test IRCC designates for Express Entry; the string values are the JSON form.

    Only the named versions count: IELTS General Training (not Academic), CELPIP-General (not General LS),
    PTE Core (not PTE Academic). IELTS One Skill Retake is not accepted for Express Entry. Which test is accepted
    from which test date is a rule of each policy version (:func:`crsrules.language.accepted_tests`).

    Example:
        >>> LanguageTest("tcf_canada").language
        <OfficialLanguage.FRENCH: 'french'>

    .. versionadded:: 0.1.0
    """

    #: IELTS General Training (English).
    IELTS_GENERAL = "ielts_general"
    #: CELPIP-General (English).
    CELPIP_GENERAL = "celpip_general"
    #: PTE Core (English).
    PTE_CORE = "pte_core"
    #: TEF Canada (French).
    TEF_CANADA = "tef_canada"
    #: TCF Canada (French).
    TCF_CANADA = "tcf_canada"

    @property
    def language(self) -> OfficialLanguage:
        """The official language the test assesses."""
        return _LANGUAGE[self]

    @property
    def label(self) -> str:
        """The test's usual name, as used in messages, such as ``"IELTS General Training"``."""
        return _LABEL[self]

    @property
    def accepted_from(self) -> date:
        """The first test date IRCC accepts for Express Entry, under the newest policy version.

        .. deprecated:: 0.2.0
           The designation of tests is a rule of each policy version: use
           :func:`crsrules.language.accepted_from`, which takes ``rules=``.
        """
        warnings.warn(
            "LanguageTest.accepted_from is deprecated since 0.2.0: use crsrules.language.accepted_from(test)",
            DeprecationWarning,
            stacklevel=2,
        )
        # The one upward import left, for this deprecated property only (listed in the layers contract).
        from crsrules.language import accepted_from  # noqa: PLC0415

        return accepted_from(self)


class TefScale(Enum):
    """The scale of TEF Canada results, which picks the conversion chart (rule E18).

    Example:
        >>> TefScale("ancien_score")
        <TefScale.ANCIEN_SCORE: 'ancien_score'>

    .. versionadded:: 0.1.0
    """

    #: The "ancien score" scale (reading 0-300, writing 0-450, listening 0-360, speaking 0-450): the raw results of
    #: tests before 2019-10-01, and the "Équivalence ancien score" column of later results sheets, which IRCC tells
    #: Express Entry candidates to enter whatever the test date.
    ANCIEN_SCORE = "ancien_score"
    #: Results out of 699, converted with IRCC's uniform chart for tests from 2019-10-01 to 2023-12-10.
    SCORE_699_2019 = "score_699_2019"
    #: Results out of 699, converted with IRCC's per-ability chart for tests from 2023-12-11.
    SCORE_699_2023 = "score_699_2023"


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


@frozen
class Scale:
    """The results one ability of one test can have: *low* to *high* in steps of *step* from *low*.

    .. versionadded:: 0.2.0
    """

    low: float
    high: float
    step: float
    #: What is allowed, in words naming the test, for error messages.
    allowed: str

    def __contains__(self, value: float) -> bool:
        # The range first: a whole number too large for a float compares exactly but has no float to be finite.
        return self.low <= value <= self.high and math.isfinite(value) and (value - self.low) % self.step == 0

    def check(self, ability: str, value: object) -> float:
        """Return *value* if it is a possible result (an int or float, not a bool), else raise naming *ability*."""
        if type(value) is bool or not isinstance(value, int | float):
            raise InvalidValueError(ability, value, self.allowed, code="wrong_type")
        if value not in self:
            raise InvalidValueError(ability, value, self.allowed, code=self.problem(value))
        return value

    def problem(self, value: float) -> ErrorCode:
        """The code of an impossible *value*: ``out_of_range`` off the scale, ``not_allowed`` between its steps."""
        # NaN is in no range; a number too large for a float compares exactly.
        return "not_allowed" if self.low <= value <= self.high else "out_of_range"


@frozen(kw_only=True)
class _Scales:
    """The scales of the four abilities of one test."""

    listening: Scale
    reading: Scale
    writing: Scale
    speaking: Scale


def _same(one: Scale) -> _Scales:
    return _Scales(listening=one, reading=one, writing=one, speaking=one)


def _tef_ancien(high: int) -> Scale:
    what = f"a TEF Canada 'ancien score' (the 'Équivalence ancien score' column), a whole number 0-{high}"
    return Scale(0, high, 1, what)


_TEF_699 = _same(Scale(0, 699, 1, "a TEF Canada score on the 0-699 scale, a whole number 0-699"))
_TCF_699 = Scale(100, 699, 1, "a TCF Canada score, a whole number 100-699")
_TCF_20 = Scale(0, 20, 1, "a TCF Canada score, a whole number 0-20")

# What each test reports (the test makers' score reports; IRCC's charts are written on these scales).
_SCALES: Mapping[LanguageTest, _Scales] = MappingProxyType(
    {
        LanguageTest.IELTS_GENERAL: _same(Scale(0, 9, 0.5, "an IELTS General Training band 0.0-9.0 in steps of 0.5")),
        LanguageTest.CELPIP_GENERAL: _same(
            Scale(0, 12, 1, "a CELPIP-General level, a whole number 0-12 (enter M as 0)")
        ),
        LanguageTest.PTE_CORE: _same(Scale(10, 90, 1, "a PTE Core score, a whole number 10-90")),
        LanguageTest.TCF_CANADA: _Scales(listening=_TCF_699, reading=_TCF_699, writing=_TCF_20, speaking=_TCF_20),
    }
)
_TEF_SCALES: Mapping[TefScale, _Scales] = MappingProxyType(
    {
        TefScale.ANCIEN_SCORE: _Scales(
            listening=_tef_ancien(360), reading=_tef_ancien(300), writing=_tef_ancien(450), speaking=_tef_ancien(450)
        ),
        TefScale.SCORE_699_2019: _TEF_699,
        TefScale.SCORE_699_2023: _TEF_699,
    }
)


def _ability(ability: object) -> str:
    if not isinstance(ability, str):
        raise InvalidValueError("ability", ability, "one of " + ", ".join(map(repr, ABILITIES)), code="wrong_type")
    if ability not in ABILITIES:
        close = close_matches(ability, ABILITIES)
        raise InvalidValueError("ability", ability, "one of " + ", ".join(map(repr, ABILITIES)), suggestions=close)
    return ability


def scale(test: LanguageTest | str, ability: str, *, tef_scale: TefScale | str | None = None) -> Scale:
    """The :class:`Scale` of one ability of *test* (TEF Canada: of the given *tef_scale*).

    The test and the scale may be given as their string values, such as ``"tcf_canada"``.

    Raises:
        InvalidValueError: *test*, *tef_scale* or *ability* is unknown, or TEF Canada is given without a scale.

    .. versionadded:: 0.2.0
    """
    test = member(LanguageTest, "test", test)
    name = _ability(ability)
    if test is LanguageTest.TEF_CANADA:
        if tef_scale is None:
            raise InvalidValueError("tef_scale", None, "a TefScale for TEF Canada, whose scales differ", code="missing")
        scales = _TEF_SCALES[member(TefScale, "tef_scale", tef_scale)]
    else:
        scales = _SCALES[test]
    result: Scale = getattr(scales, name)
    return result


def score_range(
    test: LanguageTest | str, ability: str | None = None, *, tef_scale: TefScale | str | None = None
) -> tuple[float, float, float]:
    """The possible results of one ability of *test*: ``(lowest, highest, step)``, such as ``(0, 9, 0.5)`` for IELTS.

    TEF Canada's range depends on the column of results, so *tef_scale* is required for it
    (see :func:`crsrules.language.tef_scale_on`). The test and the scale may be given as their string values.
    Without *ability*, the range all four abilities share; TCF Canada's and the TEF "ancien score" abilities have
    scales of their own, and need *ability*.

    Raises:
        InvalidValueError: *test* or *tef_scale* is unknown, *ability* is not listening, reading, writing or
            speaking (or not given for a test whose abilities differ), or TEF Canada is given without a scale.

    Example:
        >>> score_range(LanguageTest.TCF_CANADA, "writing")
        (0, 20, 1)
        >>> score_range("tef_canada", "reading", tef_scale="ancien_score")
        (0, 300, 1)
        >>> score_range("ielts_general")
        (0, 9, 0.5)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The test and the scale may be given as their string values; *ability* may be left out.
    """
    if ability is None:
        ranges = {score_range(test, each, tef_scale=tef_scale) for each in ABILITIES}
        if len(ranges) > 1:
            abilities = ", ".join(map(repr, ABILITIES))
            allowed = f"one of {abilities} (the abilities of this test have their own scales)"
            raise InvalidValueError("ability", None, allowed, code="missing")
        return ranges.pop()
    one = scale(test, ability, tef_scale=tef_scale)
    return one.low, one.high, one.step


def check_scores(test: LanguageTest, tef_scale: TefScale | None, scores: Mapping[str, object]) -> None:
    """Check that each of the four *scores* is a possible result of *test*, naming the ability at fault.

    A TEF Canada result whose scale is not given may be on either scale (which one applies depends on the test date
    and is a rule, checked when the result is converted): each score must fit one of them.

    Raises:
        InvalidValueError: A score is impossible for the test.

    .. versionadded:: 0.2.0
    """
    for ability in ABILITIES:
        value = scores[ability]
        if test is LanguageTest.TEF_CANADA and tef_scale is None:
            candidates = [getattr(s, ability) for s in _TEF_SCALES.values()]
            if not any(_fits(c, value) for c in candidates):
                allowed = " or ".join(dict.fromkeys(c.allowed for c in candidates))
                if type(value) is bool or not isinstance(value, int | float):
                    raise InvalidValueError(ability, value, allowed, code="wrong_type")
                between = any(c.problem(value) == "not_allowed" for c in candidates)
                code: ErrorCode = "not_allowed" if between else "out_of_range"
                raise InvalidValueError(ability, value, allowed, code=code)
        else:
            scale(test, ability, tef_scale=tef_scale).check(ability, value)


def _fits(one: Scale, value: object) -> bool:
    return type(value) is not bool and isinstance(value, int | float) and value in one

