"""Policy version of 2019-10-01: TEF Canada results out of 699, with IRCC's uniform chart (rule E18).

TEF Canada tests taken from 2019-10-01 report each ability out of 699, and IRCC converts them with one chart for all
four abilities. Tests taken before keep the "ancien score" chart, and IRCC tells Express Entry candidates to enter
the "Équivalence ancien score" column whatever the test date (``tef_scale="ancien_score"``). IRCC's page words the
old chart as the one "for tests taken before September 30, 2019", so 2019-09-30 is a one-day doubt.
"""

from __future__ import annotations

from datetime import date

from crsrules.language_tests import ABILITIES, LanguageTest, TefScale
from crsrules.rules import y2018
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

SCORE_699 = date(2019, 10, 1)

# TEF Canada 0-699 -> NCLC: IRCC chart for tests from 2019-10-01 to 2023-12-10, the same for all abilities (S33, S34).
_STEPS = ((300, 4), (350, 5), (400, 6), (450, 7), (500, 8), (533, 9), (566, 10))
TEF_699_2019 = Chart.on_scales(
    LanguageTest.TEF_CANADA, dict.fromkeys(ABILITIES, _STEPS), tef_scale=TefScale.SCORE_699_2019
)

#: IRCC's equivalency charts, and a reading of the TEF Canada columns and of the chart changes (also cited in 2023).
TEF_SOURCES = (
    Source(
        title="IRCC, language test equivalency charts (TEF Canada)",
        url="https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/after-graduation/eligibility/language-results.html",
    ),
    Source(
        title="Lighthouse Immigration Law: TEF columns and the scale changes of 2019-10-01 and 2023-12-11",
        url="https://www.lighthouseimmigrationlaw.com/post/tef-language-score-confusion",
    ),
)

RULES_2019_10_01 = y2018.RULES_2018_12_01.derive(
    id="2019-10-01",
    effective=SCORE_699,
    summary="TEF Canada results of tests from this day are out of 699, converted with IRCC's uniform chart.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.TEF_CANADA}),
    sources=TEF_SOURCES,
    verified_on=date(2026, 11, 25),
    language=y2018.RULES_2018_12_01.language.with_tef_chart(
        TefScale.SCORE_699_2019, from_test_date=SCORE_699, chart=TEF_699_2019
    ),
)
