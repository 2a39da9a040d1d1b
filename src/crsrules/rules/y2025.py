"""CRS rules in force from 2025-03-25: arranged employment no longer earns CRS points.

MI s. 29(1) repealed (the definition of a qualifying offer in s. 29(2) stays, since the FSW grid, FST eligibility and
some provincial streams still use it). Candidates in the pool lost their 50 or 200 points; invitations already issued
were not affected. Everything else is as in 2022-11-16.

References:
    - Canada removes bonus CRS points for arranged employment (CIC News copy), 2025-03-26:
      https://www.sttglobaleduconsults.com/2025/03/26/canada-removes-bonus-crs-points-for-arranged-employment-from-express-entry
    - https://holthelaw.com/blog/crs-points-for-the-job-offer-in-canada
    - https://cleartoenter.ca/guides/express-entry-job-offer-points-2026 (job offer adds 0, last verified June 2026)
"""

from __future__ import annotations

from datetime import date

import attrs

from crsrules.headings import Factor
from crsrules.model import ArrangedEmployment
from crsrules.rules import y2024
from crsrules.rules._ruleset import Source

# D. Additional points: arranged employment earns nothing.
_PREVIOUS = y2024.RULES_2024_01_30.additional
ADDITIONAL = attrs.evolve(
    _PREVIOUS,
    arranged_employment=_PREVIOUS.arranged_employment.updated(
        {ArrangedEmployment.SENIOR_MANAGEMENT: 0, ArrangedEmployment.OTHER_SKILLED: 0}
    ),
)

RULES_2025_03_25 = y2024.RULES_2024_01_30.derive(
    id="2025-03-25",
    effective=date(2025, 3, 25),
    summary="Arranged employment no longer earns CRS points.",
    changes=frozenset({Factor.ARRANGED_EMPLOYMENT}),
    sources=(
        Source(
            title="Canada removes bonus CRS points for arranged employment from Express Entry (CIC News copy)",
            url="https://www.sttglobaleduconsults.com/2025/03/26/canada-removes-bonus-crs-points-for-arranged-employment-from-express-entry",
        ),
        Source(
            title="Express Entry job offer points in 2026 (job offer adds 0; last verified June 2026)",
            url="https://cleartoenter.ca/guides/express-entry-job-offer-points-2026",
        ),
    ),
    verified_on=date(2026, 11, 25),
    additional=ADDITIONAL,
)
