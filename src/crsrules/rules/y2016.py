"""CRS rules in force from 2016-11-19: arranged employment cut to 200 / 50; points for Canadian education.

Ministerial Instructions 2016-1 (Canada Gazette Part I, 2016-11-12). Arranged employment earns 200 points for an
occupation in NOC major group 00 (senior management) and 50 for any other skilled occupation, instead of 600; a
Canadian post-secondary credential earns 15 (one or two years) or 30 (three years or more, master's, professional or
doctoral degree); the additional points are capped at 600 in total.

References:
    - MI 2016-1, Canada Gazette Part I, 2016-11-12:
      http://www.gazette.gc.ca/rp-pr/p1/2016/2016-11-12/html/notice-avis-eng.php
    - IRCC, archived MI 2015-05-30 to 2016-11-18, with notice of the 2016 changes:
      https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/30-may-2015-18-november-2016.html
"""

from __future__ import annotations

from datetime import date

import attrs

from crsrules.headings import Factor, Program
from crsrules.model import ArrangedEmployment, CanadianEducation
from crsrules.rules import y2015
from crsrules.rules._ruleset import Source

# D. Additional points: arranged employment (MI s. 29) and Canadian education (MI s. 27), 2016-11-19.
ADDITIONAL = attrs.evolve(
    y2015.ADDITIONAL,
    arranged_employment=y2015.ADDITIONAL.arranged_employment.updated(
        {ArrangedEmployment.SENIOR_MANAGEMENT: 200, ArrangedEmployment.OTHER_SKILLED: 50}
    ),
    canadian_education=y2015.ADDITIONAL.canadian_education.updated(
        {CanadianEducation.ONE_OR_TWO_YEARS: 15, CanadianEducation.THREE_YEARS_OR_MORE: 30}
    ),
)

# Rules of evidence: Canadian work experience must be paid by wages or commission (MI 2016-1, s. 15).
EVIDENCE = attrs.evolve(y2015.EVIDENCE, canadian_work_must_be_paid=True)

RULES_2016_11_19 = y2015.RULES_2015_01_01.derive(
    id="2016-11-19",
    effective=date(2016, 11, 19),
    summary="Arranged employment 200 (major group 00) or 50; Canadian education 15 or 30; additional points capped; Canadian work must be paid.",
    changes=frozenset(
        {
            Factor.ARRANGED_EMPLOYMENT,
            Factor.CANADIAN_EDUCATION,
            # Unpaid Canadian work stops counting:
            Factor.CANADIAN_WORK_EXPERIENCE,
            Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE,
            Factor.EDUCATION_AND_CANADIAN_WORK,
            Factor.FOREIGN_AND_CANADIAN_WORK,
        }
    ),
    # FSW: the adaptability element "work in Canada" is read from the CRS Canadian work experience (a crsrules
    # choice, see docs/how-to/program-eligibility.md), which must be paid from this date.
    program_changes=frozenset({Program.FSW}),
    sources=(
        Source(
            title="Ministerial Instructions 2016-1, Canada Gazette Part I, 2016-11-12",
            url="http://www.gazette.gc.ca/rp-pr/p1/2016/2016-11-12/html/notice-avis-eng.php",
        ),
        Source(
            title="IRCC, Ministerial Instructions 2015-05-30 to 2016-11-18, with notice of the 2016 changes",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-application-management-system/30-may-2015-18-november-2016.html",
        ),
    ),
    verified_on=date(2026, 11, 25),
    additional=ADDITIONAL,
    evidence=EVIDENCE,
)
