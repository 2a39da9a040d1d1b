"""Policy version of 2023-12-11: IRCC's per-ability chart for TEF Canada results out of 699 (rule E18).

TEF Canada tests taken from 2023-12-11 convert with a new chart, one column per ability; tests from 2019-10-01 to
2023-12-10 keep the uniform chart of 2019. The CRS grid is unchanged.
"""

from __future__ import annotations

from datetime import date

from crsrules.language_tests import LanguageTest, TefScale
from crsrules.rules import y2022
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

TEF_CHART_2023 = date(2023, 12, 11)

# TEF Canada 0-699 -> NCLC: IRCC chart for tests from 2023-12-11 (S33, S34); reference 6.5.
TEF_699_2023 = Chart.on_scales(
    LanguageTest.TEF_CANADA,
    {
        "reading": ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10)),
        "writing": ((268, 4), (330, 5), (379, 6), (428, 7), (472, 8), (512, 9), (558, 10)),
        "listening": ((306, 4), (352, 5), (393, 6), (434, 7), (462, 8), (503, 9), (546, 10)),
        "speaking": ((328, 4), (387, 5), (422, 6), (456, 7), (494, 8), (518, 9), (556, 10)),
    },
    tef_scale=TefScale.SCORE_699_2023,
)

RULES_2023_12_11 = y2022.RULES_2022_11_16.derive(
    id="2023-12-11",
    effective=TEF_CHART_2023,
    summary="TEF Canada results of tests from this day convert with IRCC's per-ability chart.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.TEF_CANADA}),
    sources=(
        Source(
            title="IRCC, language test equivalency charts (TEF Canada)",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/after-graduation/eligibility/language-results.html",
        ),
        Source(
            title="Lighthouse Immigration Law: TEF columns and the scale changes of 2019-10-01 and 2023-12-11",
            url="https://www.lighthouseimmigrationlaw.com/post/tef-language-score-confusion",
        ),
    ),
    verified_on=date(2026, 11, 25),
    language=y2022.RULES_2022_11_16.language.with_tef_chart(
        TefScale.SCORE_699_2023, from_test_date=TEF_CHART_2023, chart=TEF_699_2023
    ),
)
