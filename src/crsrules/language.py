"""Converting language test results to CLB / NCLC levels, with the rules of a policy version.

Which tests IRCC accepts, from which test date, and the equivalency charts are rules: each policy version carries
them (:class:`crsrules.rules.LanguageRules`, written in the ``crsrules.rules.yYYYY`` modules). This module applies
them. A chart applies by **test date**, and a version knows every designation and chart in force up to its own
date: without ``rules=`` a result converts with the newest version's history, which is how the version in force on
its test date converts it; with ``rules=``, with that version's (a test it does not know is not accepted).

TEF Canada has three charts chosen by test date (rule E18): the "ancien score" chart for tests before 2019-10-01,
a uniform 0-699 chart for 2019-10-01 to 2023-12-10, and a per-ability 0-699 chart from 2023-12-11.
IRCC tells Express Entry candidates to enter the "Équivalence ancien score" column of the TEF results sheet whatever
the test date: pass ``tef_scale="ancien_score"`` to :func:`convert` for those numbers.

The sources of every chart are listed in ``docs/explanation/sources-and-limits.md`` and in each policy module.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from crsrules._validation import a_date, member
from crsrules.language_tests import LanguageTest, TefScale, score_range
from crsrules.rules import available_rulesets, get_rules

if TYPE_CHECKING:
    from crsrules.candidate import LanguageResult
    from crsrules.model import LanguageLevels
    from crsrules.rules import LanguageRules, RuleSet

__all__ = [
    "LanguageTest",
    "TefScale",
    "accepted_from",
    "accepted_tests",
    "convert",
    "levels",
    "score_range",
    "tef_scale_on",
]

E = TypeVar("E", bound=Enum)


def _member(enum: type[E], name: str, value: object) -> E:
    """Return *value* as a member of *enum*, accepting the member or its string value."""
    return member(enum, name, value)


def _language_rules(rules: RuleSet | str | None) -> LanguageRules:
    """The language rules of *rules*, or by default of the newest version.

    A version holds every designation and chart up to its date, each applied by test date, so the newest version
    converts any result as the version in force on its test date does, and knows every scale a result may be
    given on.
    """
    return (available_rulesets()[-1] if rules is None else get_rules(rules)).language


def tef_scale_on(tested_on: date, *, rules: RuleSet | str | None = None) -> TefScale:
    """The TEF Canada scale whose chart IRCC applies to a test taken on *tested_on* (rule E18).

    Raises:
        TestNotAcceptedError: *tested_on* is before TEF Canada was accepted.

    Example:
        >>> tef_scale_on(date(2023, 12, 11))
        <TefScale.SCORE_699_2023: 'score_699_2023'>

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    tested_on = a_date("tested_on", tested_on)
    return _language_rules(rules).tef_scale_on(tested_on)


def accepted_from(test: LanguageTest | str, *, rules: RuleSet | str | None = None) -> date:
    """The first test date from which IRCC accepts *test* for Express Entry, under *rules* (default: the newest).

    For TCF Canada this is 2018-12-01, which is [UNCONFIRMED]: IRCC announced on 2018-11-07 that TCF Canada
    would be accepted "starting in December 2018", and the Minister's remarks point to 2018-12-01.

    Raises:
        TestNotAcceptedError: *rules* does not accept the test at all.

    Example:
        >>> accepted_from("pte_core")
        datetime.date(2024, 1, 30)

    .. versionadded:: 0.2.0
    """
    test = _member(LanguageTest, "test", test)
    found = _language_rules(rules)
    first = found.accepted_from.get(test)
    if first is None:
        raise found.not_accepted(test, date.min)
    return first


def convert(  # noqa: PLR0913 (one argument per ability, plus the test, its date, the TEF scale and the rules)
    test: LanguageTest | str,
    *,
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
    tested_on: date,
    tef_scale: TefScale | str | None = None,
    rules: RuleSet | str | None = None,
) -> LanguageLevels:
    """Convert a language test result to CLB (English) or NCLC (French) levels, ability by ability.

    Each ability is converted from its own result with IRCC's chart for the test. A result below a chart's level 4
    row converts to level 3 ("below 4"; the CRS gives it no points); CELPIP levels 0 to 3 keep their own number,
    and CELPIP 10, 11 and 12 all convert to CLB 10, where the CRS tables stop.

    TEF Canada has three charts (rule E18). By default the chart of the test date applies to the raw results:
    the "ancien score" chart before 2019-10-01, IRCC's uniform 0-699 chart from 2019-10-01 to 2023-12-10, and its
    per-ability 0-699 chart from 2023-12-11. IRCC tells Express Entry candidates to enter, whatever the test date,
    the "Équivalence ancien score" column of the TEF results sheet, not the "Score / 699" column: for
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
        tef_scale: For TEF Canada only: the scale of the results given (a :class:`~crsrules.TefScale` or its
            string value), or None to choose it by *tested_on*.
        rules: A policy version (or its id) whose charts apply; by default the newest, whose history gives the chart
            in force on *tested_on*.

    Returns:
        The levels, in the test's official language.

    Raises:
        InvalidValueError: *test* or *tef_scale* is unknown, *tef_scale* is given for another test than TEF Canada,
            *tested_on* is not a date, or a result is impossible for the test (the error names the ability).
        TestNotAcceptedError: IRCC did not accept the test on *tested_on* (under *rules*, if given).

    Example:
        >>> convert("ielts_general", listening=8.0, reading=6.5, writing=7.5, speaking=7.0, tested_on=date(2025, 3, 1))
        LanguageLevels(language=<OfficialLanguage.ENGLISH: 'english'>, listening=9, reading=8, writing=10, speaking=9)
        >>> convert("tef_canada", listening=316, reading=263, writing=349, speaking=310, tested_on=date(2024, 5, 1),
        ...         tef_scale="ancien_score").minimum
        7

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    test = _member(LanguageTest, "test", test)
    tested_on = a_date("tested_on", tested_on)
    scale = None if tef_scale is None else _member(TefScale, "tef_scale", tef_scale)
    chart = _language_rules(rules).chart(test, tested_on, scale)
    return chart.convert(test.language, listening=listening, reading=reading, writing=writing, speaking=speaking)


def levels(result: LanguageResult, *, rules: RuleSet | str | None = None) -> LanguageLevels:
    """The levels of a :class:`~crsrules.LanguageResult`, with the charts of *rules* or of its test date.

    Raises:
        InvalidValueError: A score is impossible on the scale that applies to the test date.
        TestNotAcceptedError: IRCC did not accept the test on its date (under *rules*, if given).

    .. versionadded:: 0.2.0
    """
    return convert(
        result.test,
        listening=result.listening,
        reading=result.reading,
        writing=result.writing,
        speaking=result.speaking,
        tested_on=result.tested_on,
        tef_scale=result.tef_scale,
        rules=rules,
    )


def accepted_tests(on: date, *, rules: RuleSet | str | None = None) -> tuple[LanguageTest, ...]:
    """The tests IRCC accepts for Express Entry for a test taken *on* a date, in :class:`~crsrules.LanguageTest` order.

    Args:
        on: The test date.
        rules: A policy version (or its id); by default the newest, whose history says what was accepted on *on*.

    Returns:
        The accepted tests; empty before Express Entry opened on 2015-01-01.

    Raises:
        InvalidValueError: *on* is not a :class:`datetime.date`.

    Example:
        >>> [t.value for t in accepted_tests(date(2020, 1, 1))]
        ['ielts_general', 'celpip_general', 'tef_canada', 'tcf_canada']

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *rules* pins a version.
    """
    on = a_date("on", on)
    found = _language_rules(rules)
    return tuple(t for t in LanguageTest if found.accepts(t, on))

