"""Policy version of 2018-12-01: TCF Canada accepted for Express Entry.

IRCC announced on 2018-11-07 that TCF Canada would be accepted "starting in December 2018"; the Minister's remarks
point to 2018-12-01, which is [UNCONFIRMED]: no exact day was found. The CRS grid is unchanged; French results of
TCF Canada tests taken from this day count, which moves the language factors of the candidates who have one.
"""

from __future__ import annotations

from datetime import date

from crsrules.language_tests import LanguageTest
from crsrules.rules import y2017
from crsrules.rules._language import LANGUAGE_FACTORS, Chart
from crsrules.rules._programs import LANGUAGE_PROGRAMS
from crsrules.rules._ruleset import Source

# [UNCONFIRMED] exact day: "starting in December 2018" (S76); the Minister expected 2018-12-01 (S75).
TCF_ACCEPTED = date(2018, 12, 1)

# TCF Canada -> NCLC: IRCC chart (S33, S34, S56); reference 6.6. Reading and listening differ (NCLC 9: 524 vs 523).
_TCF_20 = ((4, 4), (6, 5), (7, 6), (10, 7), (12, 8), (14, 9), (16, 10))
TCF_CANADA = Chart.on_scales(
    LanguageTest.TCF_CANADA,
    {
        "reading": ((342, 4), (375, 5), (406, 6), (453, 7), (499, 8), (524, 9), (549, 10)),
        "writing": _TCF_20,
        "listening": ((331, 4), (369, 5), (398, 6), (458, 7), (503, 8), (523, 9), (549, 10)),
        "speaking": _TCF_20,
    },
)

RULES_2018_12_01 = y2017.RULES_2017_06_06.derive(
    id="2018-12-01",
    effective=TCF_ACCEPTED,
    summary="TCF Canada accepted for tests from this day (exact day unconfirmed); the CRS grid is unchanged.",
    changes=LANGUAGE_FACTORS,
    program_changes=LANGUAGE_PROGRAMS,
    language_changes=frozenset({LanguageTest.TCF_CANADA}),
    sources=(
        Source(
            title="IRCC, 2018-11: remarks of the Minister, National Francophone Immigration Week (TCF Canada)",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/news/2018/11/remarks-by-the-honourable-ahmed-hussen-minister-of-immigration-refugees-and-citizenship-national-francophone-immigration-week.html",
        ),
        Source(
            title="TCF Canada to NCLC conversion (transcription of IRCC's chart)",
            url="https://github.com/VocabWise/VocabWise.github.io/blob/main/docs/blog/Posts/drafts/0004-tcf_canada.md",
        ),
    ),
    verified_on=date(2026, 11, 25),
    language=y2017.RULES_2017_06_06.language.designate(
        LanguageTest.TCF_CANADA, accepted_from=TCF_ACCEPTED, chart=TCF_CANADA
    ),
)
