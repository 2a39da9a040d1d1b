"""CRS rules in force from 2017-06-06: points for French-language skills and for a sibling in Canada.

Ministerial Instructions 2017-1. NCLC 7 or more in all four French abilities earns 15 points, or 30 with CLB 5 or more
in all four English abilities; a brother or sister in Canada (citizen or PR, 18 or older) earns 15. The same
instructions made ties break by the profile's submission date and time (not part of the score).

References:
    - IRCC, MI 2017-1 (in force 2017-06-06):
      https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html
    - IRCC help centre, changes of 2017-06-06: http://www.cic.gc.ca/english/helpcentre/answer.asp?qnum=1318&top=29
    - CIC News, June 2017:
      https://cicnews.com/2017/06/new-changes-express-entry-comprehensive-ranking-system-now-in-effect-069211.html/amp
"""

from __future__ import annotations

from datetime import date

import attrs

from crsrules.headings import Factor
from crsrules.rules import y2016
from crsrules.rules._ruleset import FrenchBonus, Source

# D. Additional points: French-language skills and sibling in Canada (MI 2017-1).
# NCLC 7 in all four French abilities; 30 with CLB 5 in all four English abilities, else 15.
FRENCH = FrenchBonus(french_minimum=7, english_minimum=5, weak_english=15, strong_english=30)
ADDITIONAL = attrs.evolve(y2016.ADDITIONAL, french=FRENCH, sibling_in_canada=15)

RULES_2017_06_06 = y2016.RULES_2016_11_19.derive(
    id="2017-06-06",
    effective=date(2017, 6, 6),
    summary="French-language skills 15 or 30; sibling in Canada 15.",
    changes=frozenset({Factor.FRENCH_LANGUAGE_SKILLS, Factor.SIBLING_IN_CANADA}),
    sources=(
        Source(
            title="IRCC, Ministerial Instructions 2017-1 amending the Express Entry system",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/amending-express-entry-system-2017.html",
        ),
        Source(
            title="IRCC help centre: changes to Express Entry of 2017-06-06",
            url="http://www.cic.gc.ca/english/helpcentre/answer.asp?qnum=1318&top=29",
        ),
    ),
    verified_on=date(2026, 11, 25),
    additional=ADDITIONAL,
)
