"""Policy versions of 2022: the COVID-19 distance-learning relief (2022-07-28), and NOC 2021 (2022-11-16).

2022-07-28: IRCC updated its Express Entry pages on Thursday 2022-07-28 (reported the next day) so that a Canadian
credential with any study between 2020-03 and 2022-08 earns the Canadian-education points even if it was studied
online, from outside Canada or part-time (rule E4), and asked candidates to update their profiles by 2022-08-02,
before the round of 2022-08-03. crsrules applies the relief from the day of the update.

2022-11-16: NOC 2021 and TEER replace NOC 2016 skill types and levels.

Skilled work means TEER 0, 1, 2 or 3 (it was NOC 0, A or B); arranged employment earns 200 for NOC 2021 major group 00
(00010 to 00015) and 50 for any other TEER 0, 1, 2 or 3 occupation. Point values are unchanged: what changed is which
jobs and offers count, so the factors fed by work and offers are declared as changed. Invitations issued before this
date stay on NOC 2016. The programs judge work by NOC 2021 too: skilled work for FSW and CEC, the CEC language level by
TEER (CLB 7 for TEER 0 or 1, CLB 5 for TEER 2 or 3), the FST trades by their NOC 2021 groups ([UNCONFIRMED]); the
criteria for each classification are in ``y2015``.

References:
    - IRCC FSW program delivery instructions, work experience (NOC 2016 to NOC 2021 on 2022-11-16):
      https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html
    - CIC News, 2022-08, how NOC changes affect Express Entry candidates:
      https://cicnews.com/2022/08/how-noc-changes-affect-express-entry-candidates-0829658.html
"""

from __future__ import annotations

from datetime import date

import attrs

from crsrules.headings import Factor, Program
from crsrules.occupations import NOC_2021_IN_USE_FROM
from crsrules.rules import y2020
from crsrules.rules._ruleset import NocVersion, Source

# --- 2022-07-28: the COVID-19 distance-learning relief -----------------------------------------------------------------

# Rules of evidence: the relief (rule E4). A Canadian credential with any study between 2020-03-01 and 2022-08-31 earns
# the Canadian-education points even if studied online, from abroad or part-time.
EVIDENCE = attrs.evolve(
    y2020.RULES_2020_10_27.evidence, distance_learning_relief=(date(2020, 3, 1), date(2022, 8, 31))
)

RULES_2022_07_28 = y2020.RULES_2020_10_27.derive(
    id="2022-07-28",
    effective=date(2022, 7, 28),
    summary="COVID-19 relief: Canadian study from 2020-03 to 2022-08 earns the Canadian-education points even if it "
    "was online, from abroad or part-time.",
    changes=frozenset({Factor.CANADIAN_EDUCATION}),
    sources=(
        Source(
            title="Daily Hive, 2022-07-29: IRCC's update of Thursday 2022-07-28 on distance learning and Express Entry",
            url="https://dailyhive.com/vancouver/express-entry-canadian-immigration-points-eligibility",
        ),
        Source(
            title="CIC News, 2022-07: Canada temporarily making distance learning eligible for Express Entry points",
            url="https://www.cicnews.com/2022/07/canada-temporarily-making-distance-learning-eligible-for-express-entry-points-0729546.html/amp",
        ),
        Source(
            title="Fragomen, 2022-08-04: relaxed educational requirements for Express Entry applicants",
            url="https://www.fragomen.com/insights/canada-relaxed-educational-requirements-for-certain-express-entry-permanent-residence-applicants.html",
        ),
    ),
    verified_on=date(2026, 11, 29),
    evidence=EVIDENCE,
)

# --- 2022-11-16: NOC 2021 ----------------------------------------------------------------------------------------------

RULES_2022_11_16 = RULES_2022_07_28.derive(
    id="2022-11-16",
    effective=NOC_2021_IN_USE_FROM,
    summary="NOC 2021 adopted: TEER 0-3 define skilled work and arranged employment.",
    changes=frozenset(
        {
            Factor.CANADIAN_WORK_EXPERIENCE,
            Factor.SPOUSE_CANADIAN_WORK_EXPERIENCE,
            Factor.EDUCATION_AND_CANADIAN_WORK,
            Factor.FOREIGN_WORK_AND_LANGUAGE,
            Factor.FOREIGN_AND_CANADIAN_WORK,
            Factor.ARRANGED_EMPLOYMENT,
        }
    ),
    # Programs: skilled work (FSW, CEC), the CEC language level and the FST trades are judged by NOC 2021.
    program_changes=frozenset({Program.FSW, Program.CEC, Program.FST}),
    sources=(
        Source(
            title="IRCC, FSW program delivery instructions: selection criteria, work experience",
            url="https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/selection-criteria-work-experience.html",
        ),
        Source(
            title="CIC News, 2022-08: how NOC changes affect Express Entry candidates",
            url="https://cicnews.com/2022/08/how-noc-changes-affect-express-entry-candidates-0829658.html",
        ),
    ),
    verified_on=date(2026, 11, 25),
    noc_version=NocVersion.NOC_2021,
)
