"""CRS rules in force from 2020-10-27: French-language points raised from 15 / 30 to 25 / 50.

Conditions unchanged. IRCC announced the change on 2020-10-27, skipped the 2020-10-28 round and recalculated the pool
before the round of 2020-11-05 (some secondary sources print 2020-10-20 by mistake).

References:
    - Statement by Minister Mendicino, 2020-11-02:
      https://www.newswire.ca/news-releases/statement-minister-mendicino-marks-the-start-of-national-francophone-immigration-week-2020-854684821.html
    - https://www.jpierimmigration.com/additional-ee-points-french-speaking-candidates
"""

from __future__ import annotations

from datetime import date

import attrs

from crsrules.headings import Factor
from crsrules.rules import y2017, y2019
from crsrules.rules._ruleset import Source

# D. Additional points: French-language skills.
ADDITIONAL = attrs.evolve(y2017.ADDITIONAL, french=attrs.evolve(y2017.FRENCH, weak_english=25, strong_english=50))

RULES_2020_10_27 = y2019.RULES_2019_10_01.derive(
    id="2020-10-27",
    effective=date(2020, 10, 27),
    summary="French-language skills raised to 25 or 50.",
    changes=frozenset({Factor.FRENCH_LANGUAGE_SKILLS}),
    sources=(
        Source(
            title="Statement by Minister Mendicino, National Francophone Immigration Week, 2020-11-02",
            url="https://www.newswire.ca/news-releases/statement-minister-mendicino-marks-the-start-of-national-francophone-immigration-week-2020-854684821.html",
        ),
        Source(
            title="Additional Express Entry points for French-speaking candidates (law firm summary)",
            url="https://www.jpierimmigration.com/additional-ee-points-french-speaking-candidates",
        ),
    ),
    verified_on=date(2026, 11, 25),
    additional=ADDITIONAL,
)
